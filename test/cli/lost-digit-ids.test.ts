// Deal ids that lost their last digits (Excel's «5,80503E+18», a workbook's 19-digit numbers past 2^53)
// merge no deals: each such row is a deal of its own, said loudly with the fix; activities cannot link to
// them by id, which is said too. Read whole and in two halves (CRM_AUDIT_SPLIT_BYTES). Expectations are
// worked out by hand from the fixtures.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { latinWords } from '../helpers/latin-words.js';
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

// Tester T69 (L3): client phone numbers Excel wrote in its scientific form («7,91612E+10») name no
// client (different numbers read the same), which was said only by the generic «no call linked» warning.
describe('client numbers in Excel\'s scientific form (their last digits lost)', () => {
  const DEALS = [
    'ID;Ответственный;Клиент;Дата создания;Дата закрытия;Статус;Бюджет',
    // Two clients rounded to one number: no client each, so no repeat sale between them.
    '1;Анна;7,91612E+10;01.03.2025 10:00;05.03.2025 10:00;Успешно реализовано;1000',
    '2;Анна;7,91612E+10;10.03.2025 10:00;15.03.2025 10:00;Успешно реализовано;2000',
    // One client written two ways: deal 4 is a repeat sale.
    '3;Олег;+7 916 123-45-67;02.03.2025 10:00;06.03.2025 10:00;Успешно реализовано;3000',
    '4;Олег;8 (916) 123-45-67;12.03.2025 10:00;16.03.2025 10:00;Успешно реализовано;4000',
    // Every digit kept (ten after the mark, as E+10 says): that number, and deal 6 is its repeat sale.
    '5;Олег;7,9161234560E+10;03.03.2025 10:00;07.03.2025 10:00;Успешно реализовано;500',
    '6;Олег;79161234560;13.03.2025 10:00;17.03.2025 10:00;Успешно реализовано;600',
    '7;Анна;ООО Ромашка;04.03.2025 10:00;;В работе;',
  ];
  // A phone column beside the client's name: a lost-digit number is said, a whole one (every digit kept) links.
  const PHONES = [
    'ID;Ответственный;Клиент;Телефон;Дата создания;Дата закрытия;Статус;Бюджет',
    '1;Анна;ООО Ромашка;7,91612E+10;01.03.2025 10:00;05.03.2025 10:00;Успешно реализовано;1000',
    '2;Олег;ООО Лютик;7,9161234560E+10;02.03.2025 10:00;06.03.2025 10:00;Успешно реализовано;2000',
  ];
  const calls = (n: number, sci: readonly number[]) => [
    'Дата;Сотрудник;Тип;Статус;Номер клиента;Длительность',
    ...Array.from({ length: n }, (_, i) => `0${(i % 9) + 1}.03.2025 1${i % 10}:00;${i % 2 ? 'Анна' : 'Олег'};Исходящий;Отвечен;${sci.includes(i) ? '7,91612E+10' : '+7 916 123-45-67'};60`),
  ].join('\n');

  beforeAll(() => {
    writeFileSync(path.join(dir, 'clients-sci.csv'), DEALS.join('\n'));
    writeFileSync(path.join(dir, 'phones-sci.csv'), PHONES.join('\n'));
    writeFileSync(path.join(dir, 'calls-sci.csv'), calls(4, [0, 1]));
    writeFileSync(path.join(dir, 'calls-sci-big.csv'), calls(3000, [1, 2998, 2999]));
  });

  it('are no client: no repeat sale between the deals they stand for, said with the column, the count and the fix', () => {
    const { result, stderr } = kpi(['-d', 'clients-sci.csv']);
    // Won: deals 1–6; repeat sales: 4 (of 3) and 6 (of 5), not 2 (of 1): 2 of 6.
    expect(result.total).toMatchObject({ leads: 7, won: 6, repeat_won: 2, repeat_share: 2 / 6 });
    expect(result.dataQuality.alerts).toContainEqual({ code: 'clients-lost-digits', file: 'clients-sci.csv', kind: 'deals', columns: ['Клиент'], count: 2, example: '7,91612E+10' });
    expect(stderr).toContain('Warning: clients-sci.csv: 2 numbers in column "Клиент" are in scientific form with the last digits gone ("7,91612E+10", say)');
    expect(stderr).toContain('Such deals were read with no client: they count in no repeat sale');
  });

  it('in a call log: no client for those calls, counted in both halves of a large log and summed', () => {
    const small = kpi(['-d', 'clients-sci.csv', '-a', 'calls-sci.csv']);
    expect(small.result.dataQuality.alerts).toContainEqual({ code: 'clients-lost-digits', file: 'calls-sci.csv', kind: 'activities', columns: ['Номер клиента'], count: 2, example: '7,91612E+10' });
    expect(small.stderr).toContain('Such activities were read with no client: they do not link to deals by the number and count in no callback.');
    const big = kpi(['-d', 'clients-sci.csv', '-a', 'calls-sci-big.csv'], ['calls-sci-big.csv']);
    expect(big.result.dataQuality.alerts).toContainEqual({ code: 'clients-lost-digits', file: 'calls-sci-big.csv', kind: 'activities', columns: ['Номер клиента'], count: 3, example: '7,91612E+10' });
    expect(big.result.total.calls_out).toBe(3000);
  });

  it('in a deals file\'s phone column: said; a whole number there still links the deal\'s calls', () => {
    // The calls' +7 916 123-45-67 is neither deal's; 79161234560 (written whole, in scientific form) is deal 2's client's.
    writeFileSync(path.join(dir, 'calls-whole.csv'), calls(2, []).replaceAll('+7 916 123-45-67', '8 916 123-45-60'));
    const { result } = kpi(['-d', 'phones-sci.csv', '-a', 'calls-whole.csv']);
    expect(result.dataQuality.alerts).toContainEqual({ code: 'clients-lost-digits', file: 'phones-sci.csv', kind: 'deals', columns: ['Телефон'], count: 1, example: '7,91612E+10' });
    // By the client, within deal 2's life (02.03 10:00 – 06.03 10:00): the call of 02.03 11:00, not the one of 01.03 10:00; deal 1 has none: 1 / 2.
    expect(result.total).toMatchObject({ won: 2, touches_per_won: 0.5 });
  });

  it('are said in Russian and by inspect; whole numbers are not', () => {
    const ru = runCli(['kpi', '-d', 'clients-sci.csv', '-a', 'calls-sci.csv', '--lang', 'ru', '--now', '2025-08-01'], { cwd: dir });
    expect(ru.code, ru.stderr).toBe(0);
    expect(ru.stderr).toContain('clients-sci.csv: 2 номера в колонке «Клиент» записаны в экспоненциальном виде без последних цифр (например, «7,91612E+10»)');
    expect(ru.stderr).toContain('Такие сделки прочитаны без клиента: в повторных продажах они не учтены');
    expect(ru.stderr).toContain('Такие действия прочитаны без клиента: по номеру они со сделками не связываются и в перезвонах не учтены.');
    expect(latinWords(ru.stderr)).toEqual([]);
    const inspect = runCli(['inspect', 'calls-sci.csv', '--lang', 'ru'], { cwd: dir });
    expect(inspect.stdout).toContain('номеров без последних цифр (экспоненциальный вид Excel): 2 (например, 7,91612E+10, колонка «Номер клиента»); прочитаны без клиента');
    writeFileSync(path.join(dir, 'calls-plain.csv'), calls(4, []));
    expect(kpi(['-d', 'clients-sci.csv', '-a', 'calls-plain.csv']).result.dataQuality.alerts.filter((a) => a.file === 'calls-plain.csv').map((a) => a.code)).not.toContain('clients-lost-digits');
  });
});
