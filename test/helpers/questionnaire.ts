import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { parseQuestionnaire } from '../../src/core/questionnaire/parse.js';
import type { Questionnaire } from '../../src/core/questionnaire/schema.js';

/** The built-in questionnaire, parsed through the real schema and rules. */
export function builtIn(): Questionnaire {
  const text = readFileSync(new URL('../../questionnaires/crm-maturity.yaml', import.meta.url), 'utf8');
  return parseQuestionnaire(parse(text), 'crm-maturity.yaml');
}

/** A small custom questionnaire with partial credit, built in code for scoring tests. */
export function customWithChoices(): Questionnaire {
  return parseQuestionnaire(
    {
      id: 'custom',
      version: '2',
      languages: ['en'],
      title: { en: 'Custom' },
      sections: [
        {
          id: 'a',
          title: { en: 'A' },
          questions: [
            { id: 'a.one', points: 4, text: { en: 'One?' }, recommendation: { en: 'Do one.' }, choices: [{ id: 'half', points: 2, label: { en: 'Half' } }, { id: 'bit', points: 1, label: { en: 'A bit' } }] },
            { id: 'a.two', points: 1, text: { en: 'Two?' }, recommendation: { en: 'Do two.' } },
          ],
        },
      ],
      bands: [
        { id: 'low', from: 0, to: 2, title: { en: 'Low' }, meaning: { en: 'low' } },
        { id: 'high', from: 3, to: 5, title: { en: 'High' }, meaning: { en: 'high' } },
      ],
    },
    'custom.yaml',
  );
}
