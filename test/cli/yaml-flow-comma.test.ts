// A comma inside `{ … }` in a questionnaire the consultant wrote (`basis: { ru: до 0,75 ч в день, … }`,
// the way the product itself writes the figure): `validate` said «в …cost.basis.75 ч в день:
// ожидалось: текст; получено: null», a fragment of the sentence as a key, with no line (a tester).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { myAuditYaml } from '../helpers/questionnaire.js';

const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-flow-comma-'));
const question = (basis: string) => [
  '      - id: sales.calls',
  '        points: 3',
  '        text: { ru: Звонки из CRM?, en: Calls from the CRM? }',
  '        recommendation: { ru: Подключите телефонию., en: Connect telephony. }',
  `        cost: { hoursPerManagerPerDay: 0.75, basis: ${basis} }`,
];
writeFileSync(path.join(dir, 'bad.yaml'), myAuditYaml(1, question('{ ru: до 0,75 ч в день, en: up to 0.75 h a day }'), 3).join('\n') + '\n');
writeFileSync(path.join(dir, 'good.yaml'), myAuditYaml(1, question('{ ru: "до 0,75 ч в день", en: up to 0.75 h a day }'), 3).join('\n') + '\n');

describe('validate: a comma inside { … } that split a text', () => {
  it('names the line, says what the comma did and how quotes fix it (exit 2), in each language', () => {
    const ru = runCli(['validate', 'bad.yaml', '--lang', 'ru'], { cwd: dir });
    expect(ru.code).toBe(2);
    // Line 13 of the file: the cost line of the question (after 8 lines of the header and 4 of the question).
    expect(ru.stderr).toContain('bad.yaml, строка 13, символ');
    expect(ru.stderr).toContain('запятая внутри { … } разделила текст: в ru попало только «до 0», а «75 ч в день» стало отдельным ключом без значения');
    expect(ru.stderr).toContain('возьмите текст в кавычки: ru: "до 0,75 ч в день"');
    expect(ru.stderr).not.toContain('получено null');
    const en = runCli(['validate', 'bad.yaml', '--lang', 'en'], { cwd: dir });
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('bad.yaml, at line 13, column');
    expect(en.stderr).toContain('put the text in quotes: ru: "до 0,75 ч в день"');
  });

  it('the quoted text is a valid questionnaire', () => {
    const run = runCli(['validate', 'good.yaml', '--lang', 'en'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
  });

  it('a key whose value was left out (an id, not a text) keeps the schema\'s own words', () => {
    writeFileSync(path.join(dir, 'answers.yaml'), 'questionnaire: crm-maturity\nanswers: { lead.concept: yes, journal.interactions, reporting.management: no }\n');
    const run = runCli(['audit', '--answers', 'answers.yaml', '--lang', 'en', '--now', '2025-01-01'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('journal.interactions');
    expect(run.stderr).not.toContain('a comma inside');
  });
});
