// Deal ids that lost their last digits (Excel's «5,80503E+18», a workbook's 19-digit numbers past 2^53)
// merge no deals: each such row is a deal of its own, said loudly with the fix; activities cannot link to
// them by id, which is said too. Read whole and in two halves (CRM_AUDIT_SPLIT_BYTES). Expectations are
// worked out by hand from the fixtures.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { kpiBothWays } from '../helpers/both-ways.js';
import { largeWithLostIds, numberIdsWorkbook, SCIENTIFIC_IDS, SOME_SCIENTIFIC_IDS } from '../fixtures/lost-digit-ids.js';

const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-lost-digits-'));
const kpi = (args: string[], halves: string[] = []) => kpiBothWays(dir, args, halves);
const REPEATED = 'rows repeating a deal id (first row kept)';

beforeAll(async () => {
  const files: Record<string, string | Buffer> = {
    'sci.csv': SCIENTIFIC_IDS,
    'some-sci.csv': SOME_SCIENTIFIC_IDS,
    'lost-both.csv': largeWithLostIds([2, 2500, 2600]),
    'lost-first.csv': largeWithLostIds([2, 7]),
    'numbers.xlsx': await numberIdsWorkbook(),
    'calls.csv': ['Date;Owner;Direction;Duration;Deal ID', '01.03.2025 11:00;Ann;Outgoing;60;5,80503E+18', '02.03.2025 11:00;Ann;Outgoing;60;5,80503E+18'].join('\n'),
    'calls-some.csv': ['Date;Owner;Direction;Duration;Deal ID', '01.03.2025 11:00;Ann;Outgoing;60;5805028000000123456', '02.03.2025 11:00;Ann;Outgoing;60;5,80503E+18'].join('\n'),
  };
  for (const [name, data] of Object.entries(files)) writeFileSync(path.join(dir, name), data);
});

describe('deal ids that lost their last digits (Excel)', () => {
  const ALERT = { code: 'ids-lost-digits', file: 'sci.csv', column: 'Record Id', rows: 4, example: '5,80503E+18' };

  it('merge no deals: each row is a deal of its own, and the warning names the column, the count, an example and the fix', () => {
    // A tester: 4 deals read as 1 lead with 100 of revenue, the only warning about another manager or status.
    const { result, stderr } = kpi(['-d', 'sci.csv']);
    expect(result.total).toMatchObject({ leads: 4, won: 2, lost: 1, open: 1, revenue: 300 });
    expect(result.dataQuality.files[0]!.dropped).toEqual({});
    expect(result.dataQuality.alerts).toEqual([ALERT]);
    expect(stderr).toContain('Warning: sci.csv: 4 deal ids in column "Record Id" lost their last digits (5,80503E+18, say)');
    expect(stderr).toContain('Export the deals again from the CRM without re-saving the file in Excel, or format the id column as text before saving.');
    expect(stderr).not.toContain('another manager or status');
  });

  it('are said in Russian, and by inspect', () => {
    const ru = runCli(['kpi', '-d', 'sci.csv', '--lang', 'ru'], { cwd: dir });
    expect(ru.code, ru.stderr).toBe(0);
    expect(ru.stderr).toContain('sci.csv: у 4 id сделок в колонке «Record Id» потеряны последние цифры (например, 5,80503E+18)');
    expect(ru.stderr).toContain('задайте колонке id текстовый формат');
    const inspect = runCli(['inspect', 'sci.csv', '--lang', 'en'], { cwd: dir });
    expect(inspect.stdout).toContain('ids that lost their last digits: 4 (5,80503E+18, say, column "Record Id"); each such row is a deal of its own');
  });

  it('beside whole ids: those still merge (the first row kept)', () => {
    // 5805028000000123456 twice: 1 000 once; the two «5,80503E+18» rows: 10 and 20.
    const { result } = kpi(['-d', 'some-sci.csv']);
    expect(result.total).toMatchObject({ leads: 3, won: 3, revenue: 1030 });
    expect(result.dataQuality.files[0]!.dropped).toEqual({ [REPEATED]: 1 });
    expect(result.dataQuality.alerts).toEqual([{ ...ALERT, file: 'some-sci.csv', rows: 2 }]);
  });

  it('in a workbook, 19-digit numbers past 2^53 lost theirs; a 16-digit number and a text id did not', () => {
    // Three lost (won 100, 200, lost 300); 1234567890123456 twice (1 000 once); the text id twice (7 once).
    const { result } = kpi(['-d', 'numbers.xlsx']);
    expect(result.total).toMatchObject({ leads: 5, won: 4, lost: 1, revenue: 1307 });
    expect(result.dataQuality.files[0]!.dropped).toEqual({ [REPEATED]: 2 });
    expect(result.dataQuality.alerts).toEqual([{ code: 'ids-lost-digits', file: 'numbers.xlsx', column: 'Record Id', rows: 3, example: '5.8050280000555E+18' }]);
  });

  it('leave touches and responses not applicable, with the reason, where every id lost them and the activities link by deal id only', () => {
    const { result, stderr } = kpi(['-d', 'sci.csv', '-a', 'calls.csv']);
    const reason = "needs deal ids with all their digits: the deals file's ids lost their last digits (Excel's 5,80503E+18), and the activities link to a deal by its id only";
    for (const m of ['touches_per_won', 'won_below_touch_norm', 'response_min_median', 'response_min_avg', 'no_response']) {
      expect([m, result.total[m], result.notApplicable[m]]).toEqual([m, null, reason]);
    }
    expect(result.total).toMatchObject({ leads: 4, calls_out: 2 });
    expect(stderr).toContain('The activities in calls.csv name their deal by id and cannot link to these deals: their touches and responses are missing from the report.');
    // Said by the reason and the warning, not by «no call links to a deal» as well.
    expect(stderr).not.toContain('None of the');
    const ru = runCli(['kpi', '-d', 'sci.csv', '-a', 'calls.csv', '--lang', 'ru'], { cwd: dir });
    expect(ru.stdout.replace(/\s+/g, ' ')).toContain('нужны ID сделок со всеми цифрами: в файле сделок у ID потеряны последние цифры');
  });

  it('leave the metrics computed where other ids link, and say which deals the activities cannot reach', () => {
    // The call naming 5805028000000123456 is the won deal's touch and response (60 min); the other links to none.
    const { result, stderr } = kpi(['-d', 'some-sci.csv', '-a', 'calls-some.csv']);
    expect(result.notApplicable.touches_per_won).toBeUndefined();
    expect(result.total).toMatchObject({ leads: 3, no_response: 2, response_min_median: 60 });
    expect(stderr).toContain('The activities in calls-some.csv name their deal by id and cannot link to these deals');
  });

  it('read with the split forced: a second half with such ids is read in one pass (its row numbers are its own), a first half alone is not', () => {
    for (const [file, halves] of [['lost-both.csv', []], ['lost-first.csv', ['lost-first.csv']]] as const) {
      const { result } = kpi(['-d', file], [...halves]);
      expect([file, result.total.leads, result.total.revenue]).toEqual([file, 3000, 30_000]);
      // The generated file's 3000 deals are all won: said too (one-outcome), beside the ids.
      expect(result.dataQuality.alerts).toEqual([{ code: 'ids-lost-digits', file, column: 'id', rows: file === 'lost-both.csv' ? 3 : 2, example: '5,80503E+18' }, { code: 'one-outcome', deals: 3000, outcome: 'won' }]);
    }
  });
});

// Tester T51 (F2): an amoCRM export re-saved by a Russian Excel wrote a budget of 1 234 567,89 as
// «1,23457E+06» (its column too narrow), which was read as 1 234 570 without a word.
describe('amounts in Excel\'s scientific form (their last digits lost)', () => {
  const rows = (n: number, sci: readonly number[]) => [
    'ID;Ответственный;Дата создания;Дата закрытия;Статус;Бюджет',
    ...Array.from({ length: n }, (_, i) => `${100 + i};${i % 2 ? 'Анна' : 'Олег'};01.03.2025 10:00;05.03.2025 10:00;Успешно реализовано;${sci.includes(i) ? '1,23457E+06' : '1000'}`),
  ].join('\n');

  it('are read as written and said, with the column, the count, an example and the fix; whole and in halves', () => {
    writeFileSync(path.join(dir, 'budget-sci.csv'), rows(2, [0]));
    const { result, stderr } = kpi(['-d', 'budget-sci.csv']);
    // 1,23457E+06 = 1 234 570 (as written) + 1 000.
    expect(result.total).toMatchObject({ leads: 2, won: 2, revenue: 1_235_570 });
    expect(result.dataQuality.alerts).toContainEqual({ code: 'amounts-lost-digits', file: 'budget-sci.csv', columns: ['Бюджет'], count: 1, example: '1,23457E+06' });
    expect(stderr).toContain('Warning: budget-sci.csv: 1 amount in column "Бюджет" is in scientific form ("1,23457E+06", say)');
    expect(stderr).toContain('Such amounts were read as written and may be rounded.');
    // 3 000 rows, such amounts in both halves: counted in each, summed.
    writeFileSync(path.join(dir, 'budget-sci-big.csv'), rows(3000, [1, 2998, 2999]));
    const big = kpi(['-d', 'budget-sci-big.csv'], ['budget-sci-big.csv']);
    expect(big.result.dataQuality.alerts).toContainEqual({ code: 'amounts-lost-digits', file: 'budget-sci-big.csv', columns: ['Бюджет'], count: 3, example: '1,23457E+06' });
    expect(big.result.total.revenue).toBe(2997 * 1000 + 3 * 1_234_570);
  });

  it('are said in Russian and by inspect; a plain amount is not', () => {
    const ru = runCli(['kpi', '-d', 'budget-sci.csv', '--lang', 'ru', '--now', '2025-08-01'], { cwd: dir });
    expect(ru.stderr).toContain('budget-sci.csv: 1 сумма в колонке «Бюджет» записана в экспоненциальном виде (например, «1,23457E+06»)');
    const inspect = runCli(['inspect', 'budget-sci.csv', '--lang', 'ru'], { cwd: dir });
    expect(inspect.stdout).toContain('сумм в экспоненциальном виде Excel: 1 (например, 1,23457E+06, колонка «Бюджет»); прочитаны как записаны, могут быть округлены');
    writeFileSync(path.join(dir, 'budget-plain.csv'), rows(2, []));
    // Review R45 F5: whether digits were lost cannot be told from the form: «2,10629E+05» was 210 629,02; and a negative one.
    writeFileSync(path.join(dir, 'budget-sci2.csv'), rows(3, [0]).replace('1,23457E+06', '2,10629E+05').replace(/1000$/, '-2,5E+03'));
    const two = kpi(['-d', 'budget-sci2.csv']);
    expect(two.result.dataQuality.alerts).toContainEqual({ code: 'amounts-lost-digits', file: 'budget-sci2.csv', columns: ['Бюджет'], count: 2, example: '2,10629E+05' });
    expect(kpi(['-d', 'budget-plain.csv']).result.dataQuality.alerts.map((a) => a.code)).not.toContain('amounts-lost-digits');
  });
});
