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

/**
 * A one-section custom questionnaire as the lines of its YAML file («my-audit», section «sales», in
 * Russian and English), for CLI tests that write one: the questions' lines as given (indented under
 * `questions:`), two bands, low 0-2 and high 3 to `max`.
 */
export function myAuditYaml(version: number, questions: readonly string[], max: number): string[] {
  return [
    'id: my-audit',
    `version: ${version}`,
    'languages: [ru, en]',
    'title: { ru: Мой аудит, en: My audit }',
    'sections:',
    '  - id: sales',
    '    title: { ru: Продажи, en: Sales }',
    '    questions:',
    ...questions,
    'bands:',
    '  - { id: low, from: 0, to: 2, title: { ru: Низкий, en: Low }, meaning: { ru: Мало, en: Little } }',
    `  - { id: high, from: 3, to: ${max}, title: { ru: Высокий, en: High }, meaning: { ru: Много, en: Much } }`,
  ];
}

/** A pty session's steps through the built-in questionnaire's seven questions in English, each answered by Enter (its default). */
export const SEVEN_QUESTIONS_EN: Array<[string, string]> = [
  ['Does the company work with leads', '\r'],
  ['Is every interaction', '\r'],
  ['Is operational and management reporting', '\r'],
  ['Do rank-and-file', '\r'],
  ['Are products, prices', '\r'],
  ['Are customer invoice payments', '\r'],
  ['Are telephony and e-mail', '\r'],
];
