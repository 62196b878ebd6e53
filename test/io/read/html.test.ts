import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/core/errors.js';
import { HtmlTableParser } from '../../../src/io/read/html.js';

const LIMITS = { maxCellChars: 1_000_000, maxColumns: 1_000, maxHtmlDepth: 512 };

/** The rows an HTML document gives. */
function rows(html: string): string[][] {
  const out: string[][] = [];
  const parser = new HtmlTableParser((r) => out.push([...(r as string[])]), 'test.xls', LIMITS);
  parser.write(html);
  parser.end();
  return out;
}

describe('HtmlTableParser: the table of an HTML ".xls"', () => {
  it('gives a cell spanning rows to each row it covers, so that the columns after it stay in place', () => {
    // A manager's name once for two deals: the second row has no cell of its own in that column.
    const html = '<table><tr><th>ID</th><th>Ответственный</th><th>Стадия</th><th>Сумма</th></tr>' + '<tr><td>1</td><td rowspan="2">Иванов</td><td>Успешно реализовано</td><td>1 000</td></tr>' + '<tr><td>2</td><td>Успешно реализовано</td><td>2 000</td></tr>' + '<tr><td>3</td><td>Петров</td><td>Новая</td><td></td></tr></table>';
    expect(rows(html)).toEqual([
      ['ID', 'Ответственный', 'Стадия', 'Сумма'],
      ['1', 'Иванов', 'Успешно реализовано', '1 000'],
      ['2', 'Иванов', 'Успешно реализовано', '2 000'],
      ['3', 'Петров', 'Новая', ''],
    ]);
  });

  it('spans in the first and last columns, spanning columns too, and several at once', () => {
    const html = '<table><tr><td>a</td><td>b</td><td>c</td><td>d</td></tr>' + '<tr><td rowspan="3">x</td><td colspan="2" rowspan="2">y</td><td rowspan="2">z</td></tr>' + '<tr></tr>' + '<tr><td>p</td><td>q</td><td>r</td></tr></table>';
    expect(rows(html)).toEqual([
      ['a', 'b', 'c', 'd'],
      ['x', 'y', '', 'z'],
      ['x', 'y', '', 'z'],
      ['x', 'p', 'q', 'r'],
    ]);
  });

  it('ends a span with its table section; rowspan="0" spans to the section\'s end', () => {
    const html = '<table><thead><tr><th rowspan="3">Менеджер</th><th>Сумма</th></tr></thead>' + '<tbody><tr><td rowspan="0">Иванов</td><td>1</td></tr><tr><td>2</td></tr></tbody>' + '<tbody><tr><td>Петров</td><td>3</td></tr></tbody></table>';
    expect(rows(html)).toEqual([
      ['Менеджер', 'Сумма'],
      ['Иванов', '1'],
      ['Иванов', '2'],
      ['Петров', '3'],
    ]);
  });

  it('keeps a span to its own table: a title table before the data does not shift it', () => {
    const html = '<table><tr><td rowspan="5">Отчёт</td></tr></table><table><tr><td>a</td><td>b</td></tr><tr><td>c</td><td>d</td></tr></table>';
    expect(rows(html).slice(-2)).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('a document whose tables never show three filled cells gives all their rows: a two-cell filter table above a two-column table', () => {
    const html = '<html><body><table><tr><td>Фильтр</td><td>Период: июль</td></tr></table>' + '<table><tr><th>ID</th><th>Ответственный</th></tr><tr><td>1</td><td>Иванов</td></tr></table></body></html>';
    expect(rows(html)).toEqual([
      ['Фильтр', 'Период: июль'],
      ['ID', 'Ответственный'],
      ['1', 'Иванов'],
    ]);
  });

  it('a filter table of two-cell pairs before a wider data table: the data table\'s rows follow the filter\'s, a table after it is ignored', () => {
    const html = '<table><tr><td>Период</td><td>июль</td></tr><tr><td>Менеджер</td><td>все</td></tr></table>' + '<table><tr><th>ID</th><th>Ответственный</th><th>Сумма</th></tr><tr><td>1</td><td>Иванов</td><td>100</td></tr></table>' + '<table><tr><td>Итого</td><td>100</td><td>x</td></tr></table>';
    expect(rows(html)).toEqual([
      ['Период', 'июль'],
      ['Менеджер', 'все'],
      ['ID', 'Ответственный', 'Сумма'],
      ['1', 'Иванов', '100'],
    ]);
  });

  // A helper's document split its 12 deals over two tables with the same header: the second's 6 were dropped without a word.
  it('a later table that repeats the data\'s header row is more of the data (its header not repeated); one that does not is ignored', () => {
    const head = '<tr><th>ID</th><th>Ответственный</th><th>Сумма</th></tr>';
    const html = `<table>${head}<tr><td>1</td><td>Иванов</td><td>100</td></tr></table><p>стр. 2</p><table><tr><td>Сделки</td></tr>${head}<tr><td>2</td><td>Петрова</td><td>200</td></tr></table><table><tr><td>Итого</td><td>300</td><td>x</td></tr><tr><td>3</td><td>Нет</td><td>1</td></tr></table><table>${head}<tr><td>4</td><td>Сидоров</td><td>400</td></tr></table>`;
    expect(rows(html)).toEqual([
      ['ID', 'Ответственный', 'Сумма'],
      ['1', 'Иванов', '100'],
      ['2', 'Петрова', '200'],
      ['4', 'Сидоров', '400'],
    ]);
  });

  it('with the header search\'s test, a filter table\'s three-cell row that names no column is not the data: the table with the header is', () => {
    const html = '<table><tr><td>Период</td><td>с 01.07.2024</td><td>по 31.07.2024</td></tr></table>' + '<table><tr><th>ID</th><th>Ответственный</th><th>Сумма</th></tr><tr><td>1</td><td>Иванов</td><td>100</td></tr></table>' + '<table><tr><td>Итого</td><td>100</td><td>x</td></tr></table>';
    const out: string[][] = [];
    const parser = new HtmlTableParser((r) => out.push([...(r as string[])]), 'test.xls', LIMITS, (cells) => cells.includes('Ответственный'));
    parser.write(html);
    parser.end();
    expect(out).toEqual([
      ['Период', 'с 01.07.2024', 'по 31.07.2024'],
      ['ID', 'Ответственный', 'Сумма'],
      ['1', 'Иванов', '100'],
    ]);
    // Without the test, the first three-cell row decides, as before.
    expect(rows(html)).toEqual([['Период', 'с 01.07.2024', 'по 31.07.2024']]);
  });

  it('when no row names a known column (a document with no header row), the data is the first table with three filled cells, and a summary table after it stays out', () => {
    const html = '<table><tr><td>1</td><td>Заказ 1</td><td>Иванов</td></tr><tr><td>2</td><td>Заказ 2</td><td>Петров</td></tr></table>' + '<table><tr><td>Ответственный</td><td>Сделок</td><td>Сумма</td></tr><tr><td>Иванов</td><td>1</td><td>100</td></tr></table>';
    const out: string[][] = [];
    const parser = new HtmlTableParser((r) => out.push([...(r as string[])]), 'test.xls', LIMITS, () => false);
    parser.write(html);
    parser.end();
    expect(out).toEqual([
      ['1', 'Заказ 1', 'Иванов'],
      ['2', 'Заказ 2', 'Петров'],
    ]);
  });

  it('a two-column table of more than 200 rows is read as the data, a blank cell in it or not', () => {
    const body = Array.from({ length: 300 }, (_, i) => `<tr><td>${i}</td><td>${i % 50 === 0 ? '' : 'x'}</td></tr>`).join('');
    expect(rows(`<table><tr><th>ID</th><th>Ответственный</th></tr>${body}</table>`)).toHaveLength(301);
  });

  it('keeps the cells of a table nested in a cell apart in its text', () => {
    const html = '<table><tr><td>a</td><td>Нестед<table><tr><td>inner</td><td>x</td></tr></table></td></tr></table>';
    expect(rows(html)).toEqual([['a', 'Нестед\ninner x']]);
  });

  // Elements nested deeper than maxHtmlDepth are refused where the first one too deep opens: the HTML
  // library's element stack cost a step per open element at every tag, so 100k nested tables (1.5 MB)
  // took 53 s and 200k never finished, deaf to Ctrl+C; refused, 200k take a few milliseconds.
  it('refuses 200,000 nested tables at the tag past the limit, naming the line, the column and the limit', () => {
    const html = '<html><body>' + '<table><tr><td>'.repeat(200_000) + 'x';
    let error: unknown;
    try {
      rows(html);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UserError);
    const e = error as UserError;
    expect(e.code).toBe('E_LIMIT_DEPTH');
    // html, body, then 170 whole <table><tr><td> (510 elements): the 171st <table> is the 513th element.
    expect(e.where).toEqual({ file: 'test.xls', at: { line: 1, column: '<html><body>'.length + 170 * 15 + 1 } });
    expect(e.message).toBe('HTML elements are nested more than 512 deep (the limit): no CRM export nests so deep, the file is damaged or not written by a CRM');
    expect(e.hint).toMatch(/export the list again from the CRM/);
  });

  it('refuses nested <div>, unclosed <div> and <span> in a cell alike; says the line of a tag in a later chunk', () => {
    const deep = (html: string, chunks: string[] = [html]) => {
      const parser = new HtmlTableParser(() => {}, 'test.xls', LIMITS);
      try {
        for (const c of chunks) parser.write(c);
        parser.end();
      } catch (e) {
        return [(e as UserError).code, (e as UserError).where.at];
      }
      return 'read';
    };
    expect(deep('<div>'.repeat(100_000) + 'x' + '</div>'.repeat(100_000))).toEqual(['E_LIMIT_DEPTH', { line: 1, column: 512 * 5 + 1 }]);
    expect(deep('<div>'.repeat(100_000))).toEqual(['E_LIMIT_DEPTH', { line: 1, column: 512 * 5 + 1 }]);
    const cell = '<table><tr><td>' + '<span>'.repeat(100_000) + 'x';
    expect(deep(cell)).toEqual(['E_LIMIT_DEPTH', { line: 1, column: 15 + 509 * 6 + 1 }]);
    // Line breaks counted over the chunks before; the line that goes on into the next chunk keeps its column.
    const lines = '<html>\n<body>\n  ' + '<div>'.repeat(600);
    expect(deep(lines, [lines.slice(0, 20), lines.slice(20, 1001), lines.slice(1001)])).toEqual(['E_LIMIT_DEPTH', { line: 3, column: 3 + 510 * 5 }]);
  });

  // Elements never closed piled up one a row and were refused as nested too deep (reviewer r38 item 9).
  it('reads a long table with `<a name/>` before each row, `<div/>` before the table, and unclosed anchors between rows', () => {
    const head = '<tr><td>Ответственный</td><td>Бюджет</td><td>Этап</td></tr>';
    const row = (i: number) => `<tr><td><span/>Ann</td><td>${i}</td><td>Won</td></tr>`;
    const range = (n: number) => Array.from({ length: n }, (_, i) => i);
    const expected = (n: number) => [['Ответственный', 'Бюджет', 'Этап'], ...range(n).map((i) => ['Ann', String(i), 'Won'])];
    // 700 rows each after a self-closed anchor: 700 deep before, now each closes where written.
    expect(rows('<html><body><table>' + head + range(700).map((i) => `<a name="r${i}"/>` + row(i)).join('\n') + '</table></body></html>')).toEqual(expected(700));
    expect(rows('<html><body>' + '<div/>'.repeat(600) + '<table>' + head + row(0) + '</table></body></html>')).toEqual(expected(1));
    // An anchor never closed nests nothing: 1 000 of them are not counted as depth.
    expect(rows('<table>' + head + range(1000).map((i) => `<a name="r${i}">` + row(i)).join('') + '</table>')).toEqual(expected(1000));
  });

  it('reads `<td/>` as an empty cell and `<br/>` as a line break with self-closing tags recognised', () => {
    expect(rows('<table><tr><td>a</td><td/><td>b<br/>c</td><td>d</td></tr></table>')).toEqual([['a', '', 'b\nc', 'd']]);
  });

  it('still refuses elements that nest content past the limit, and anchors past 16 times it', () => {
    const code = (html: string) => {
      try {
        rows(html);
        return 'read';
      } catch (e) {
        return [(e as UserError).code, (e as UserError).message];
      }
    };
    expect(code('<div>'.repeat(513))[0]).toBe('E_LIMIT_DEPTH');
    // 512 × 16 = 8 192 elements open at once, the 8 193rd refused with that number.
    expect(code('<table><tr><td>' + '<a>'.repeat(9000) + 'x')).toEqual(['E_LIMIT_DEPTH', 'HTML elements are nested more than 8192 deep (the limit): no CRM export nests so deep, the file is damaged or not written by a CRM']);
  });

  it('reads a table nested as deep as the limit allows', () => {
    const html = '<div>'.repeat(509) + '<table><tr><td>a</td><td>b</td><td>c</td></tr></table>' + '</div>'.repeat(509);
    expect(rows(html)).toEqual([['a', 'b', 'c']]);
  });
});

// Tester T75 (F16): a Bitrix24 .xls saved by Excel as a web page keeps each number's value in x:num beside
// the text its format shows; read by the text, amounts shown in thousands were a thousand times too small.
describe('HtmlTableParser: a page Excel saved', () => {
  it('reads a number by its value (x:num), a time and a share as shown, a cell without a value by its text', () => {
    const html =
      '<table><tr><td>Сумма</td><td>Дата</td><td>Длительность</td><td>Вероятность</td><td>ID</td></tr>' +
      '<tr><td class=xl65 x:num="350000">350</td><td x:num="45717.416666666664">01.03</td><td x:num="3.7384259259259258E-3">0:05:23</td><td x:num="0.125">12,5%</td><td x:num>17</td></tr></table>';
    expect(rows(html)).toEqual([
      ['Сумма', 'Дата', 'Длительность', 'Вероятность', 'ID'],
      ['350000', '45717.416666666664', '0:05:23', '12,5%', '17'],
    ]);
  });
});

describe('an HTML ".xls" saved as UTF-16', () => {
  it('is read as HTML in that encoding, with a BOM either way round and without one (it was called binary)', async () => {
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const { importDeals } = await import('../../../src/io/map/import.js');
    const html = '<html><body><table><tr><td>ID</td><td>Ответственный</td><td>Стадия сделки</td><td>Сумма</td><td>Дата создания</td></tr><tr><td>1</td><td>Иванов Иван</td><td>Сделка успешна</td><td>1 000</td><td>01.03.2025</td></tr></table></body></html>';
    const le = Buffer.from(html, 'utf16le');
    const be = Buffer.from(le).swap16();
    const dir = mkdtempSync(path.join(tmpdir(), 'html16-'));
    for (const [name, bytes, encoding] of [
      ['le-bom.xls', Buffer.concat([Buffer.from([0xff, 0xfe]), le]), 'utf-16le'],
      ['be-bom.xls', Buffer.concat([Buffer.from([0xfe, 0xff]), be]), 'utf-16be'],
      ['le.xls', le, 'utf-16le'],
    ] as const) {
      writeFileSync(path.join(dir, name), bytes);
      const { store, report } = await importDeals(name, { cwd: dir, stdin: process.stdin });
      expect(store.toDeals().map((d) => [d.id, d.manager, d.status, d.amount]), name).toEqual([['1', 'Иванов Иван', 'won', 1000]]);
      expect([report.table.type, report.table.encoding]).toEqual(['html', encoding]);
    }
  });
});

describe('HtmlTableParser: a sign-in page', () => {
  const form = (extra = '') => `<html><body><form><table><tr><td>Логин</td><td><input name="login"></td></tr><tr><td>Пароль</td><td><input type="PASSWORD" name="pass"></td></tr></table>${extra}</form></body></html>`;

  it('is refused as a sign-in page, not read as a table of «Логин» and «Пароль»', () => {
    const error = (() => {
      try {
        rows(form());
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).code).toBe('E_HTML_LOGIN_PAGE');
  });

  it('a password field beside a data table does not refuse the data', () => {
    const data = '<table><tr><th>ID</th><th>Ответственный</th><th>Сумма</th></tr><tr><td>1</td><td>Иванов</td><td>100</td></tr></table>';
    expect(rows(form(data))).toContainEqual(['1', 'Иванов', '100']);
  });
});

// T65 (mutation fuzzing): each of these lost rows of a Bitrix24 call log with exit 0 and no word.
describe('HtmlTableParser: a document damaged or cut short', () => {
  const HEAD = '<html><body><table><tr><th>ID</th><th>Ответственный</th><th>Сумма</th></tr>';
  const row = (i: number) => `<tr><td>${i}</td><td>Иванов</td><td>${i}00</td></tr>\n`;
  const body = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, k) => row(from + k)).join('');
  /** The rows read and the cut said, if any. */
  function read(html: string): { rows: string[][]; cut: { row: number } | undefined } {
    const out: string[][] = [];
    const parser = new HtmlTableParser((r) => out.push([...(r as string[])]), 'calls.xls', LIMITS);
    parser.write(html);
    parser.end();
    return { rows: out, cut: parser.tableCut };
  }

  it('a whole document says nothing', () => {
    expect(read(`${HEAD}${body(1, 3)}</table></body></html>`)).toEqual({ rows: [['ID', 'Ответственный', 'Сумма'], ...[1, 2, 3].map((i) => [String(i), 'Иванов', `${i}00`])], cut: undefined });
    // </body></html> are optional; </table> is what a cut loses.
    expect(read(`${HEAD}${body(1, 3)}</table>`).cut).toBeUndefined();
  });

  it('a download cut between rows, or inside a cell, is read as far as it goes and said with the last row read', () => {
    expect(read(`${HEAD}${body(1, 3)}`)).toEqual({ rows: [['ID', 'Ответственный', 'Сумма'], ...[1, 2, 3].map((i) => [String(i), 'Иванов', `${i}00`])], cut: { row: 4 } });
    const inCell = read(`${HEAD}${body(1, 2)}<tr><td>3</td><td>Ива`);
    expect(inCell.rows.at(-1)).toEqual(['3', 'Ива']);
    expect(inCell.cut).toEqual({ row: 4 });
  });

  it('a comment or a script never closed swallows the rest: what came before it is read, and the cut is said', () => {
    for (const open of ['<!-- ', '<script>var x = "']) {
      const r = read(`${HEAD}${body(1, 2)}${open}${body(3, 5)}</table></body></html>`);
      expect(r.rows.map((c) => c[0]), open).toEqual(['ID', '1', '2']);
      expect(r.cut, open).toEqual({ row: 3 });
    }
  });

  it('a table opened between the rows of the data that repeats its header holds more of the data: the rows of both are read', () => {
    const r = read(`${HEAD}${body(1, 2)}<table><tr><th>ID</th><th>Ответственный</th><th>Сумма</th></tr>\n${body(3, 4)}</table></body></html>`);
    expect(r.rows.map((c) => c[0])).toEqual(['ID', '1', '2', '3', '4']);
    expect(r.cut).toBeUndefined();
    // Review R51: a note table between the rows of a table closed as it should be is passed over, and the rows after it are read.
    const note = read(`${HEAD}${body(1, 1)}<table><tr><td>примечание</td></tr></table>\n${body(2, 3)}</table></body></html>`);
    expect(note.rows.map((c) => c[0])).toEqual(['ID', '1', '2', '3']);
    expect(note.cut).toBeUndefined();
    // Nor is a table whose tag is damaged left open: it is no table (its rows are not read), and no cut is said.
    expect(read(`${HEAD}${body(1, 1)}</table><table"><tr><td>x</td></tr></table>`).cut).toBeUndefined();
    // A table inside a cell is still that cell's text.
    expect(read(`${HEAD}<tr><td>1</td><td><table><tr><td>a</td><td>b</td></tr></table></td><td>100</td></tr></table>`).rows[1]).toEqual(['1', 'a b', '100']);
  });

  it('a row whose tag has a stray character glued to its name is still a row (its call was lost uncounted)', () => {
    for (const tag of ['<tr">', "<tr'>", '<tr" class="x">']) {
      const r = read(`${HEAD}${row(1)}${tag}<td>2</td><td>Петров</td><td>200</td></tr>\n${row(3)}</table>`);
      expect(r.rows.slice(1), tag).toEqual([['1', 'Иванов', '100'], ['2', 'Петров', '200'], ['3', 'Иванов', '300']]);
    }
    // A cell whose tag is damaged keeps its text, and the cells after it their columns (review R51: they moved left).
    expect(read(`${HEAD}<tr><td">1</td><td>Петров</td><td>200</td></tr></table>`).rows[1]).toEqual(['1', 'Петров', '200']);
    // A <tr> opened in a row ends that row, whatever closed it or not.
    expect(read(`${HEAD}<tr><td>1</td><td>A</td><td>1</td><tr><td>2</td><td>B</td><td>2</td></table>`).rows.slice(1)).toEqual([['1', 'A', '1'], ['2', 'B', '2']]);
  });
});
