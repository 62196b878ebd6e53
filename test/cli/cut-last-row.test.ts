import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { kpiBothWays } from '../helpers/both-ways.js';
import { runCli } from '../helpers/cli.js';
import { latinWords } from '../helpers/latin-words.js';

const HEADER = 'id,manager,client,created_at,closed_at,status,amount';
/** 3 000 whole deals (rows 2-3001: enough to be read in two halves), every fourth won. */
const ROWS = Array.from({ length: 3000 }, (_, i) => `${i + 1},${i % 2 ? 'Иванов Иван' : 'Петрова Анна'},Клиент ${i + 1},2025-03-${String((i % 28) + 1).padStart(2, '0')} 10:00,2025-04-01 10:00,${i % 4 ? 'lost' : 'won'},1000`);

function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'cut-row-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

describe('a file that ends in the middle of a row (a download cut off)', () => {
  it('is said, with the row and its cells, read whole and in two halves alike', () => {
    const dir = folder({ 'deals.csv': `${HEADER}\n${ROWS.join('\n')}\n3001,Иванов Иван,Клиент 3001,2025-03-` });
    const { result, stderr } = kpiBothWays(dir, ['-d', 'deals.csv'], ['deals.csv']);
    expect(result.dataQuality.alerts).toContainEqual({ code: 'last-row-cut', file: 'deals.csv', row: 3002, cells: 4, width: 7 });
    expect(stderr).toContain('deals.csv: the file ends in the middle of row 3002: it has 4 of 7 cells and no line end, while every other row is whole.');
    const ru = runCli(['kpi', '-d', 'deals.csv', '--now', '2025-08-01'], { cwd: dir, env: { LANG: 'ru_RU.UTF-8' } });
    expect(ru.stderr).toContain('deals.csv: файл обрывается на строке 3002: в ней 4 ячейки из 7 и нет перевода строки');
    expect(latinWords(ru.stderr)).toEqual([]);
  });

  // Tester T31 (F5): rows are numbered as a spreadsheet shows them: clients written on two lines above do not move the row said.
  it('is said by its row as a spreadsheet numbers it, past cells of two lines in both halves', () => {
    const rows = ROWS.map((r, i) => (i === 10 || i === 2500 ? r.replace(`Клиент ${i + 1}`, `"Клиент\n${i + 1}"`) : r));
    const dir = folder({ 'deals.csv': `${HEADER}\n${rows.join('\n')}\n3001,Иванов Иван,Клиент 3001,2025-03-` });
    const { result, stderr } = kpiBothWays(dir, ['-d', 'deals.csv'], ['deals.csv']);
    expect(result.dataQuality.alerts).toContainEqual({ code: 'last-row-cut', file: 'deals.csv', row: 3002, cells: 4, width: 7 });
    expect(stderr).toContain('the file ends in the middle of row 3002');
  });

  it('is not said of a whole last row without a line end, nor of a file whose rows often leave trailing cells out, nor of a footer', () => {
    const ragged = ROWS.map((r, i) => (i % 3 ? r : r.split(',').slice(0, 6).join(',')));
    const dir = folder({
      'whole.csv': `${HEADER}\n${ROWS.join('\n')}`,
      'ragged.csv': `${HEADER}\n${ragged.join('\n')}\n3001,Иванов Иван,Клиент 3001,2025-03-05 10:00`,
      'footer.csv': `${HEADER}\n${ROWS.join('\n')}\nConfidential Information - Do Not Distribute`,
      'ended.csv': `${HEADER}\n${ROWS.join('\n')}\n3001,Иванов Иван,Клиент 3001\n`,
    });
    for (const file of ['whole.csv', 'ragged.csv', 'footer.csv', 'ended.csv']) {
      const { result } = kpiBothWays(dir, ['-d', file], [file]);
      expect(result.dataQuality.alerts.map((a) => a.code), file).not.toContain('last-row-cut');
    }
  });
});

// Tester T58: a row of 8 of 11 cells amid a million whole ones was counted with its last cells empty, without a word.
describe('a few rows with fewer cells than the header amid whole ones', () => {
  it('are said, with the first and how many, read whole and in two halves alike', () => {
    const rows = ROWS.map((r, i) => (i === 1500 || i === 2800 ? r.split(',').slice(0, 4).join(',') : r));
    const dir = folder({ 'deals.csv': `${HEADER}\n${rows.join('\n')}\n` });
    const { result, stderr } = kpiBothWays(dir, ['-d', 'deals.csv'], ['deals.csv']);
    expect(result.dataQuality.alerts).toContainEqual({ code: 'short-rows', file: 'deals.csv', count: 2, row: 1502, cells: 4, width: 7 });
    expect(stderr).toContain('deals.csv: 2 rows have fewer cells than the header has columns, while the other rows are whole (the first: row 1502: 4 of 7 cells). Their last columns were read as empty.');
    const ru = runCli(['kpi', '-d', 'deals.csv', '--now', '2025-08-01'], { cwd: dir, env: { LANG: 'ru_RU.UTF-8' } });
    expect(ru.stderr).toContain('deals.csv: в 2 строках меньше ячеек, чем колонок в заголовке, хотя остальные строки полные (первая — строка 1502: 4 ячейки из 7). Их последние колонки прочитаны пустыми.');
    expect(latinWords(ru.stderr)).toEqual([]);
  });

  it('are not said where the rows often leave their trailing cells out, nor of a cut last row alone', () => {
    const ragged = ROWS.map((r, i) => (i % 3 ? r : r.split(',').slice(0, 6).join(',')));
    const dir = folder({ 'ragged.csv': `${HEADER}\n${ragged.join('\n')}\n`, 'cut.csv': `${HEADER}\n${ROWS.join('\n')}\n3001,Иванов Иван,Клиент 3001,2025-03-` });
    for (const file of ['ragged.csv', 'cut.csv']) {
      const { result } = kpiBothWays(dir, ['-d', file], [file]);
      expect(result.dataQuality.alerts.map((a) => a.code), file).not.toContain('short-rows');
    }
  });
});


// T65: an HTML ".xls" cut off in transfer lost up to half its rows with exit 0 and no word.
describe('an HTML ".xls" that ends inside its table (no </table>)', () => {
  const head = '<html><head><meta charset="utf-8"></head><body><table><tr><th>ID</th><th>Ответственный</th><th>Дата создания</th><th>Стадия</th><th>Сумма</th></tr>\n';
  const rows = Array.from({ length: 40 }, (_, i) => `<tr><td>${i + 1}</td><td>${i % 2 ? 'Иванов Иван' : 'Петрова Анна'}</td><td>0${(i % 9) + 1}.03.2025</td><td>${i % 4 ? 'Проиграна' : 'Успешно реализовано'}</td><td>1000</td></tr>\n`);

  it('is read as far as it goes and said, with the last row read, in both languages', () => {
    const dir = folder({ 'deals.xls': head + rows.join('') });
    const run = runCli(['kpi', '-d', 'deals.xls', '--format', 'json', '--now', '2025-08-01'], { cwd: dir });
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout) as { dataQuality: { alerts: unknown[]; files: Array<{ rowsRead: number }> } };
    expect(result.dataQuality.files[0]!.rowsRead).toBe(40);
    expect(result.dataQuality.alerts).toContainEqual({ code: 'html-table-cut', file: 'deals.xls', row: 41 });
    expect(run.stderr).toContain('deals.xls: the document ends inside its table: there is no closing </table> after row 41.');
    const ru = runCli(['kpi', '-d', 'deals.xls', '--now', '2025-08-01'], { cwd: dir, env: { LANG: 'ru_RU.UTF-8' } });
    expect(ru.stderr).toContain('deals.xls: документ обрывается внутри таблицы: после строки 41 нет закрывающего тега </table>.');
    expect(latinWords(ru.stderr)).toEqual([]);
  });

  it('a whole document, and one whose </body></html> are left out, say nothing', () => {
    for (const tail of ['</table></body></html>\n', '</table>']) {
      const dir = folder({ 'deals.xls': head + rows.join('') + tail });
      const run = runCli(['kpi', '-d', 'deals.xls', '--format', 'json', '--now', '2025-08-01'], { cwd: dir });
      expect((JSON.parse(run.stdout) as { dataQuality: { alerts: Array<{ code: string }> } }).dataQuality.alerts.map((a) => a.code), tail).not.toContain('html-table-cut');
    }
  });
});
