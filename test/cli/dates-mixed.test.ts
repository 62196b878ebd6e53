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
