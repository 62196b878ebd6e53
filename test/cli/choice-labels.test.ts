// A custom questionnaire's choices in the reports. Every format showed the choice's id («partly»,
// «most») in the «Ответ» column, in a Russian report too, where the file declares `label: { ru:
// Частично, en: Partly }`; and a question with no `evidence:` rule, answered with a choice, read «По
// выгрузкам проверяются только ответы «да» и «нет»», as if a «да» could have been checked.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { myAuditYaml } from '../helpers/questionnaire.js';

const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-choice-labels-'));
const write = (name: string, lines: string[]) => writeFileSync(path.join(dir, name), lines.join('\n') + '\n');

write('q.yaml', myAuditYaml(1, [
    '      - id: sales.funnel',
    '        points: 3',
    '        title: { ru: Воронка, en: Funnel }',
    '        text: { ru: Воронка настроена?, en: Is the funnel set up? }',
    '        recommendation: { ru: Настройте воронку, en: Set up the funnel }',
    '        choices:',
    '          - { id: partly, points: 1, label: { ru: Частично, en: Partly } }',
    '      - id: sales.source',
    '        points: 2',
    '        title: { ru: Источники, en: Sources }',
    '        text: { ru: Источник указан?, en: Is the source recorded? }',
    '        recommendation: { ru: Указывайте источник, en: Record the source }',
    '        choices:',
    '          - { id: some, points: 1, label: { ru: Иногда, en: Sometimes } }',
    '        evidence:',
    '          sample: { fact: closed_deals, min: 5 }',
    '          checks:',
    "            - { supports: 'yes', fact: source_share, op: '>=', threshold: 0.9 }",
    "            - { supports: 'no', fact: source_share, op: '<', threshold: 0.3 }",
], 5));
write('answers.yaml', ['questionnaire: q.yaml', 'answers:', '  sales.funnel: partly', '  sales.source: some']);
write('deals.csv', ['id,manager,created_at,closed_at,status,source,amount', ...Array.from({ length: 10 }, (_, i) => `${i + 1},A,2024-03-01 10:00,2024-03-02 10:00,${i % 2 ? 'won' : 'lost'},site,100`)]);

const audit = (...args: string[]) => {
  const run = runCli(['audit', '--answers', 'answers.yaml', '-d', 'deals.csv', '--now', '2025-01-01', ...args], { cwd: dir });
  expect(run.code, run.stderr).toBe(0);
  return run.stdout;
};

const NO_RULE = { ru: 'Выгрузки об этом ничего не говорят.', en: 'The exports say nothing about this.' };
const ONLY_YES_NO = { ru: 'По выгрузкам проверяются только ответы «да» и «нет».', en: 'Only "yes" and "no" answers are checked against the exports.' };

describe('a declared choice in the reports', () => {
  it('the result carries the label in its language beside the id', () => {
    const ru = JSON.parse(audit('--format', 'json', '--lang', 'ru')) as { sections: Array<{ criteria: Array<{ id: string; answer: string; answerLabel?: string }> }> };
    expect(ru.sections[0]!.criteria.map((c) => [c.answer, c.answerLabel])).toEqual([['partly', 'Частично'], ['some', 'Иногда']]);
    const en = JSON.parse(audit('--format', 'json', '--lang', 'en')) as typeof ru;
    expect(en.sections[0]!.criteria.map((c) => c.answerLabel)).toEqual(['Partly', 'Sometimes']);
  });

  it('the terminal and Markdown show the label, and say a question with no rule is one the exports say nothing about', () => {
    for (const lang of ['ru', 'en'] as const) {
      const label = lang === 'ru' ? ['Частично', 'Иногда'] : ['Partly', 'Sometimes'];
      const table = audit('--lang', lang);
      for (const l of label) expect(table).toContain(l);
      expect(table).not.toMatch(/│ (partly|some) +│/);
      const md = audit('--format', 'md', '--lang', lang);
      const funnel = md.split('\n').find((l) => l.startsWith(lang === 'ru' ? '| Воронка |' : '| Funnel |'))!;
      expect(funnel).toContain(`| ${label[0]} |`);
      expect(funnel).toContain(NO_RULE[lang]);
      // A question that has a rule still says that only yes and no are checked.
      const source = md.split('\n').find((l) => l.startsWith(lang === 'ru' ? '| Источники |' : '| Sources |'))!;
      expect(source).toContain(`| ${label[1]} |`);
      expect(source).toContain(ONLY_YES_NO[lang]);
    }
  });

  it('the HTML document and the workbook show the label', async () => {
    const html = audit('--format', 'html', '--lang', 'ru');
    expect(html).toContain('<td>Частично</td>');
    expect(html).not.toContain('<td>partly</td>');
    const out = path.join(dir, 'a.xlsx');
    audit('-o', out, '--lang', 'ru');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const sheet = wb.getWorksheet('Аудит')!;
    const answers: unknown[] = [];
    sheet.eachRow((row, n) => n > 1 && answers.push(row.getCell(3).value));
    expect(answers).toContain('Частично');
    expect(answers).toContain('Иногда');
    expect(answers).not.toContain('partly');
  });
});
