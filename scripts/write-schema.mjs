// Regenerates questionnaires/questionnaire.schema.json from the zod schema (npm run schema).
import { writeFileSync } from 'node:fs';
import { questionnaireJsonSchema } from '../dist/core/questionnaire/schema.js';

const file = new URL('../questionnaires/questionnaire.schema.json', import.meta.url);
writeFileSync(file, `${JSON.stringify(questionnaireJsonSchema(), null, 2)}\n`);
console.error(`wrote ${file.pathname}`);
