// A deals column of both day-month orders stops naming the rows and values of both sides (tester T13 F7:
// «например, «10/25/2025»» alone, no row, the day-first value not shown), in one pass and in halves alike.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'dates-mixed-'));
const rows = ['Opportunity ID,Opportunity Owner,Stage,Amount,Created Date,Close Date'];
for (let i = 1; i <= 39; i++) rows.push(`${i},Ann,Closed Won,1000,03/04/2025,03/10/2025`);
rows.push('40,Bob,Closed Won,1000,03/04/2025,25/10/2025', '41,Bob,Closed Won,1000,03/04/2025,10/25/2025');
writeFileSync(path.join(dir, 'amb.csv'), `${rows.join('\n')}\n`);

describe('kpi on a column of both day-month orders', () => {
  for (const [how, env] of [['in one pass', { CRM_AUDIT_SPLIT_BYTES: '0' }], ['in parts', { CRM_AUDIT_SPLIT_BYTES: '200' }]] as const) {
    it(`names the day-first and the month-first row, in Russian (${how})`, () => {
      const r = runCli(['kpi', '-d', 'amb.csv'], { cwd: dir, env: { ...env, LANG: 'ru_RU.UTF-8' } });
      expect(r.code).toBe(2);
      expect(r.stderr).toBe(
        'ошибка: amb.csv, колонка «Close Date»: в колонке «Close Date» смешаны даты с днём впереди и с месяцем впереди: строка 41: «25/10/2025» — день впереди; строка 42: «10/25/2025» — месяц впереди\n' +
          '  подсказка: исправьте колонку или укажите --date-format DD/MM/YYYY либо MM/DD/YYYY\n',
      );
    });
  }

  it('and in English', () => {
    const r = runCli(['kpi', '-d', 'amb.csv'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('error: amb.csv, column "Close Date": column "Close Date" mixes day-first and month-first dates: row 41: "25/10/2025", day first; row 42: "10/25/2025", month first\n  hint: fix the column, or pass --date-format DD/MM/YYYY or MM/DD/YYYY\n');
  });
});

// Tester T75 (F1): dates by dashes (Zoho's dd-MM-yyyy and MM-dd-yyyy, Salesforce's nl_NL) were «not a date»,
// and a row whose date the file's other rows settle was then lost without a word.
describe('kpi on dates by dashes', () => {
  it('reads them as slash dates: the order from the file, else --date-format; whole and in halves alike', () => {
    const deals = (dates: Array<[string, string]>) => ['id,manager,created_at,closed_at,status,amount', ...dates.map(([c, d], i) => `${i + 1},Ann,${c},${d},${d ? 'won' : 'open'},100`)].join('\n') + '\n';
    writeFileSync(path.join(dir, 'dash-dmy.csv'), deals([['01-03-2025 10:00', '05-03-2025 12:00'], ['02-03-2025 09:00', ''], ['13-03-2025 09:00', '14-03-2025 09:00']]));
    for (const env of [{ CRM_AUDIT_SPLIT_BYTES: '0' }, { CRM_AUDIT_SPLIT_BYTES: '120' }]) {
      const r = runCli(['kpi', '-d', 'dash-dmy.csv', '--format', 'json', '--now', '2025-08-01'], { cwd: dir, env });
      expect(r.code, r.stderr).toBe(0);
      const total = JSON.parse(r.stdout).total;
      // 1 March 10:00 to 5 March 12:00 (4 d 2 h), 13 March to 14 March (1 d): 61 h of 2 won deals.
      expect([total.leads, total.won, total.cycle_days_avg]).toEqual([3, 2, (4 + 2 / 24 + 1) / 2]);
    }
    writeFileSync(path.join(dir, 'dash-amb.csv'), deals([['01-03-2025', '05-03-2025'], ['02-03-2025', '']]));
    const amb = runCli(['kpi', '-d', 'dash-amb.csv', '--lang', 'en'], { cwd: dir });
    expect(amb.code).toBe(2);
    expect(amb.stderr).toContain('--date-format');
    const mdy = runCli(['kpi', '-d', 'dash-amb.csv', '--date-format', 'MM/DD/YYYY', '--format', 'json', '--now', '2025-08-01'], { cwd: dir });
    // 3 January to 3 May, a close date without a time being its day's end (23:59:59).
    expect(JSON.parse(mdy.stdout).total.cycle_days_avg).toBeCloseTo(120 + 86_399 / 86_400, 9);
  });
});
