// Skipped answers checked against the exports: a row the data does not settle said «По выгрузкам
// проверяются только ответы «да» и «нет»», beside skipped rows that had a real sentence (a tester).
// spec/evidence.md: a verdict says what the data showed; no-data says which input is missing.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-evidence-skipped-'));
const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
// 10 won deals with an amount, 20 lost, 11 of them without a reason.
const row = (i: number) => (i <= 10 ? `${i},A,2025-01-05 10:00,2025-02-05 10:00,won,,1000` : `${i},A,2025-01-05 10:00,2025-02-05 10:00,lost,${i <= 19 ? 'Дорого' : ''},`);
writeFileSync(path.join(dir, 'deals.csv'), ['id,manager,created_at,closed_at,status,loss_reason,amount', ...range(30).map(row)].join('\n') + '\n');
const IDS = ['lead.concept', 'journal.interactions', 'reporting.management', 'reporting.staff', 'erp.catalog', 'erp.payments', 'telephony.integrated'];
writeFileSync(path.join(dir, 'skip.yaml'), ['questionnaire: crm-maturity', 'answers:', ...IDS.map((id) => `  ${id}: skip`)].join('\n') + '\n');

const rows = (lang: string): Map<string, string> => {
  const run = runCli(['audit', '--answers', 'skip.yaml', '-d', 'deals.csv', '--now', '2025-07-01', '--format', 'json', '--lang', lang], { cwd: dir });
  expect(run.code, run.stderr).toBe(0);
  const checks = (JSON.parse(run.stdout) as { evidence: { checks: Array<{ criterion: string; verdict: string; text: string }> } }).evidence.checks;
  expect(new Set(checks.map((c) => c.verdict))).toEqual(new Set(['not-checkable']));
  return new Map(checks.map((c) => [c.criterion, c.text]));
};

describe('audit: a skipped answer the exports do not settle', () => {
  it('says what the data showed, or which file would let it say something, in each language', () => {
    const ru = rows('ru');
    // 9 of 20 lost deals with a reason: the data suggests "no", as before.
    expect(ru.get('lead.concept')).toBe('Ответа нет, а по выгрузкам этого не видно: у 55,0% проигранных сделок (11 из 20) не указана причина отказа.');
    // 10 won deals, below the 20 erp.catalog needs.
    expect(ru.get('erp.catalog')).toBe('Ответа нет. Данных для вывода мало: 10 выигранных сделок, нужно не меньше 20.');
    expect(ru.get('erp.payments')).toBe('Ответа нет. Проверить нельзя: нужна выгрузка оплат (--payments), и не меньше 20 выигранных сделок (в выгрузке их 10).');
    expect(ru.get('telephony.integrated')).toBe('Ответа нет. Проверить нельзя: нужна выгрузка активностей или журнал звонков (--activities).');
    expect(ru.get('reporting.staff')).toBe('Выгрузки об этом ничего не говорят.');
    for (const text of ru.values()) expect(text).not.toContain('только ответы');
    const en = rows('en');
    expect(en.get('erp.catalog')).toBe('No answer was given. Too little data to tell: 10 won deals, at least 20 needed.');
    expect(en.get('journal.interactions')).toBe('No answer was given. Cannot be checked: it needs an activities export or call log (--activities), and at least 20 won deals (the exports have 10).');
    for (const text of en.values()) expect(text).not.toContain('Only "yes"');
  });

  it('the Markdown table shows the same sentences', () => {
    const md = runCli(['audit', '--answers', 'skip.yaml', '-d', 'deals.csv', '--now', '2025-07-01', '--format', 'md', '--lang', 'ru'], { cwd: dir }).stdout;
    expect(md).toContain('| нет ответа | Ответа нет. Данных для вывода мало: 10 выигранных сделок, нужно не меньше 20. |');
    expect(md).not.toContain('проверяются только ответы');
  });
});
