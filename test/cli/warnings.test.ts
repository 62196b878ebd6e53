import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

// A reviewer gave --hourly-cost without --managers and --monthly-cost without --cost: no money, no payback, nothing said.
describe('options given to no effect are said, and the run goes on', () => {
  it('audit --hourly-cost without --managers', () => {
    const ru = runCli(['audit', '--answers', 'samples/answers/leader.yaml', '--hourly-cost', '1500', '--lang', 'ru', '--now', '2025-03-01']);
    expect(ru.code).toBe(0);
    expect(ru.stderr).toBe('Внимание: --hourly-cost ни на что не влияет без --managers: деньги рекомендаций — это часы × число менеджеров × стоимость часа\n');
    const both = runCli(['audit', '--answers', 'samples/answers/leader.yaml', '--hourly-cost', '1500', '--managers', '6', '--now', '2025-03-01']);
    expect(both.stderr).toBe('');
  });

  it('compare --monthly-cost and --margin without --cost', () => {
    const en = runCli(['compare', '-d', 'samples/amocrm-deals.csv', '--cutover', '2025-01-01', '--monthly-cost', '100', '--margin', '0.3', '--lang', 'en', '--format', 'json']);
    expect(en.code).toBe(0);
    expect(en.stderr).toContain('Warning: --monthly-cost changes nothing without --cost: payback and ROI are computed from the one-off implementation cost\n');
    expect(en.stderr).toContain('Warning: --margin changes nothing without --cost: the margin share only goes into payback and ROI\n');
    expect(JSON.parse(en.stdout).payback).toBeNull();
    const withCost = runCli(['compare', '-d', 'samples/amocrm-deals.csv', '--cutover', '2025-01-01', '--cost', '1000', '--monthly-cost', '100', '--lang', 'en', '--format', 'json']);
    expect(withCost.stderr).not.toContain('changes nothing');
  });
});

// A reviewer's amounts column held `15,000` and `1,5`: the one unambiguous value made the comma decimal, and 15,000 read as 15 without a word.
describe('an amount column in two decimal formats is said, naming the values read and the value that decided', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-decimals-'));
  let n = 0;
  const deals = (amounts: string[]) => {
    const f = path.join(dir, `deals-${++n}.csv`);
    writeFileSync(f, `ID,Amount,Deal owner,Create Date,Close Date,Deal Stage\n${amounts.map((a, i) => `${i + 1},"${a}",Ann,2025-03-01,2025-03-05,closedwon`).join('\n')}\n`);
    return f;
  };
  type Result = { total: { revenue: number }; dataQuality: { alerts: Array<Record<string, unknown>> } };
  const json = (f: string) => JSON.parse(runCli(['kpi', '-d', f, '--format', 'json']).stdout) as Result;

  it('thousands-like values read as decimals beside the value that decided the comma', () => {
    const f = deals(['15,000', '20,500', '1,5']);
    const r = json(f);
    // Read as the column's mark says (15 + 20.5 + 1.5): said, not changed.
    expect(r.total.revenue).toBe(37);
    expect(r.dataQuality.alerts).toEqual([{ code: 'three-decimals', file: f, column: 'Amount', count: 2, example: '15,000', read: 15, decidedBy: '1,5' }]);
    const ru = runCli(['kpi', '-d', f, '--lang', 'ru']);
    expect(ru.stderr).toContain(`Внимание: ${f}: в колонке «Amount» 2 значения вроде «15,000» прочитаны как 15: запятая в этой колонке — десятичный знак, как показывает «1,5» в ней же.`);
    const en = runCli(['kpi', '-d', f, '--lang', 'en']);
    expect(en.stderr).toContain(`Warning: ${f}: in column "Amount", 2 values like "15,000" were read as 15: the comma is this column's decimal mark, as "1,5" in it shows.`);
  });

  it('the value read is given as it is counted, in whole cents, in the JSON as on stderr: 1.234 beside $1,234.56 is 1.23', () => {
    const f = deals(['$1,234.56', '1.234', '10.5']);
    const r = json(f);
    expect(r.total.revenue).toBe(1234.56 + 1.23 + 10.5);
    expect(r.dataQuality.alerts).toContainEqual({ code: 'three-decimals', file: f, column: 'Amount', count: 1, example: '1.234', read: 1.23, decidedBy: '$1,234.56' });
    expect(runCli(['kpi', '-d', f, '--lang', 'en']).stderr).toContain('1 value like "1.234" was read as 1.23:');
  });

  it('decided by a European amount: the comma is decimal, the dot groups', () => {
    const f = deals(['1,000 ₽', '1.234,56 ₽', '2.500 ₽']);
    // `1.234,56` makes the comma decimal: `1,000` is 1 (said); `2.500`'s dot groups, as the column writes it: 2500.
    const r = json(f);
    expect(r.total.revenue).toBe(1 + 1234.56 + 2500);
    expect(r.dataQuality.alerts).toEqual([{ code: 'three-decimals', file: f, column: 'Amount', count: 1, example: '1,000 ₽', read: 1, decidedBy: '1.234,56 ₽' }]);
  });

  it('nothing is said for a column of one format', () => {
    expect(json(deals(['15,000', '20,500', '7,250'])).dataQuality.alerts).toEqual([]);
    expect(json(deals(['1,5', '2,25', '1 000,50'])).dataQuality.alerts).toEqual([]);
    expect(json(deals(['1,234.50', '15,000', '20,500'])).dataQuality.alerts).toEqual([]);
    // Three decimals are the column's own format when the value that decided has them (a reviewer's false alarm).
    expect(json(deals(['1500.000', '500.000', '250.000'])).dataQuality.alerts).toEqual([]);
    expect(json(deals(['1 500,000', '1,500', '0,750'])).dataQuality.alerts).toEqual([]);
    // But three digits after a grouping dot are no decimals: `1.234.567` makes the comma decimal, and `15,000` is said.
    const grouped = deals(['1.234.567', '15,000', '2,25']);
    expect(json(grouped).dataQuality.alerts).toEqual([{ code: 'three-decimals', file: grouped, column: 'Amount', count: 1, example: '15,000', read: 15, decidedBy: '1.234.567' }]);
  });
});

// A reviewer passed --sheet 2 with a CSV file: nothing said, as if the sheet had been read.
describe('--sheet with no workbook among the files is said', () => {
  it('for a CSV, in the run language; not for a workbook', async () => {
    const ru = runCli(['kpi', '-d', 'samples/amocrm-deals.csv', '--sheet', '2', '--lang', 'ru']);
    expect(ru.code).toBe(0);
    expect(ru.stderr).toContain('Внимание: --sheet ни на что не влияет: листы есть только у книг XLSX, а ни один из прочитанных файлов не книга\n');
    const en = runCli(['compare', '-d', 'samples/amocrm-deals.csv', '--cutover', '2025-01-01', '--sheet', '2', '--lang', 'en']);
    expect(en.stderr).toContain('Warning: --sheet changes nothing: only XLSX workbooks have sheets, and none of the files read is one\n');
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-sheet-'));
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Сделки');
    ws.addRows([['ID', 'Ответственный', 'Дата создания', 'Статус'], [1, 'Иванов Иван', '01.02.2025', 'won'], [2, 'Иванов Иван', '02.02.2025', 'lost']]);
    await wb.xlsx.writeFile(path.join(dir, 'deals.xlsx'));
    const book = runCli(['kpi', '-d', 'deals.xlsx', '--sheet', '1'], { cwd: dir });
    expect(book.code, book.stderr).toBe(0);
    expect(book.stderr).not.toContain('--sheet');
  });
});
