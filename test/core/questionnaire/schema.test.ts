import { readFileSync } from 'node:fs';
import { expect, it } from 'vitest';
import { questionnaireJsonSchema } from '../../../src/core/questionnaire/schema.js';

it('questionnaires/questionnaire.schema.json is in sync with the zod schema (npm run schema)', () => {
  const file = new URL('../../../questionnaires/questionnaire.schema.json', import.meta.url);
  expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual(questionnaireJsonSchema());
});
