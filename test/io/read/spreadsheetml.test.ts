import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/core/errors.js';
import { DEFAULT_LIMITS } from '../../../src/io/read/limits.js';
import { r1c1ToA1 } from '../../../src/io/read/spreadsheetml.js';
import { sniff } from '../../../src/io/read/sniff.js';
import { readTable, type TableInfo, type TableOptions } from '../../../src/io/read/table.js';
import type { Uncalculated } from '../../../src/io/read/uncalculated.js';

const DIR = mkdtempSync(path.join(tmpdir(), 'crm-audit-xml2003-'));
const NS = 'xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:o="urn:schemas-microsoft-com:office:office" xmlns:x="urn:schemas-microsoft-com:office:excel" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet" xmlns:html="http://www.w3.org/TR/REC-html40"';

/** A SpreadsheetML document as Excel writes it: declaration, mso-application, styles and worksheets. */
function workbook(sheets: string, opts: { declaration?: string; styles?: string } = {}): string {
  return `${opts.declaration ?? '<?xml version="1.0"?>'}\r\n<?mso-application progid="Excel.Sheet"?>\r\n<Workbook ${NS}>\r\n <Styles>\r\n  <Style ss:ID="Default" ss:Name="Normal"><Alignment ss:Vertical="Bottom"/></Style>\r\n  <Style ss:ID="sDate"><NumberFormat ss:Format="Short Date"/></Style>\r\n  <Style ss:ID="sDt"><NumberFormat ss:Format="dd/mm/yyyy\\ hh:mm"/></Style>\r\n  <Style ss:ID="sTime"><NumberFormat ss:Format="[h]:mm:ss"/></Style>\r\n  <Style ss:ID="sChild" ss:Parent="sDt"><Font ss:Bold="1"/></Style>${opts.styles ?? ''}\r\n </Styles>\r\n${sheets}\r\n</Workbook>\r\n`;
}

function sheet(name: string, rows: string, options = ''): string {
  return ` <Worksheet ss:Name="${name}">\r\n  <Table ss:ExpandedColumnCount="9" x:FullColumns="1">\r\n${rows}\r\n  </Table>${options}\r\n </Worksheet>`;
}

const s = (v: string) => `<Cell><Data ss:Type="String">${v}</Data></Cell>`;
const n = (v: string) => `<Cell><Data ss:Type="Number">${v}</Data></Cell>`;

let count = 0;
function file(content: string | Buffer, ext = '.xls'): string {
  const name = path.join(DIR, `book${++count}${ext}`);
  writeFileSync(name, content);
  return name;
}

async function read(content: string | Buffer, opts: Partial<TableOptions> = {}): Promise<{ rows: string[][]; lines: number[]; info: TableInfo; uncalculated: Uncalculated[] }> {
  const rows: string[][] = [];
  const lines: number[] = [];
  const uncalculated: Uncalculated[] = [];
  const info = await readTable(file(content), { cwd: DIR, stdin: Readable.from([]), limits: DEFAULT_LIMITS, ...opts }, (cells, line, u) => {
    rows.push([...(cells as string[])]);
    lines.push(line);
    if (u) uncalculated.push(...u);
  });
  return { rows, lines, info, uncalculated };
}

async function refused(content: string | Buffer, opts: Partial<TableOptions> = {}): Promise<UserError> {
  const error = await read(content, opts).then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(UserError);
  return error as UserError;
}

describe('sniff: Excel XML 2003 (SpreadsheetML)', () => {
  it('knows the Workbook element in the spreadsheet namespace, with any prefix, not other XML', () => {
    const head = (t: string) => sniff(Buffer.from(t), 'f.xls').type;
    expect(head(workbook(''))).toBe('spreadsheetml');
    expect(head('<?xml version="1.0" encoding="windows-1251"?>\n<ss:Workbook xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><ss:Worksheet/></ss:Workbook>')).toBe('spreadsheetml');
    expect(head('<?xml version="1.0"?>\n<!-- 1C -->\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet">')).toBe('spreadsheetml');
    // Another namespace, or a prefix bound to none: not a workbook, but XML of another kind, refused as such.
    expect(() => head('<?xml version="1.0"?><Workbook xmlns="urn:example"></Workbook>')).toThrow(expect.objectContaining({ messageId: 'read.xml' }));
    expect(() => head('<?xml version="1.0"?><ss:Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet"></ss:Workbook>')).toThrow(expect.objectContaining({ messageId: 'read.xml' }));
    expect(head('<?xml version="1.0"?><html><table></table></html>')).toBe('html');
  });

  it('in UTF-16 with its byte order mark', () => {
    const text = workbook('');
    const le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    expect(sniff(le, 'f.xml')).toMatchObject({ type: 'spreadsheetml', encoding: 'utf-16le', bomLength: 2 });
  });
});

describe('readTable: Excel XML 2003 (SpreadsheetML)', () => {
  it('reads String, Number, Boolean and Error cells, ss:Index skips, rows with ss:Index and entities', async () => {
    const rows = [
      `<Row>${s('ID')}${s('Менеджер')}${s('Сумма')}${s('Оплачено')}${s('Ошибка')}</Row>`,
      `<Row ss:Index="3">${n('1')}${s('Иванов &amp; Ко')}${n('1500.5')}<Cell><Data ss:Type="Boolean">1</Data></Cell><Cell><Data ss:Type="Error">#N/A</Data></Cell></Row>`,
      `<Row>${n('2')}<Cell ss:Index="3"><Data ss:Type="Number">2000</Data></Cell><Cell><Data ss:Type="Boolean">0</Data></Cell></Row>`,
      `<Row ss:AutoFitHeight="0"/>`,
      `<Row>${n('3')}<Cell ss:Index="5">${'<Data ss:Type="String">строка 1&#10;строка 2</Data>'}</Cell></Row>`,
    ].join('\r\n');
    const { rows: got, lines, info } = await read(workbook(sheet('Лист1', rows)));
    expect(got).toEqual([
      ['ID', 'Менеджер', 'Сумма', 'Оплачено', 'Ошибка'],
      ['1', 'Иванов & Ко', '1500.5', 'TRUE', '#N/A'],
      ['2', '', '2000', 'FALSE'],
      ['3', '', '', '', 'строка 1\nстрока 2'],
    ]);
    expect(lines).toEqual([1, 3, 4, 6]);
    expect(info).toMatchObject({ type: 'spreadsheetml', sheet: 'Лист1', sheets: ['Лист1'], encoding: 'utf-8' });
  });

  // As the XLSX reader (tT22 #11): an id `1.0` in a number cell was the text «1.0», which matched no deal «1».
  it('gives a whole Number written with a fraction in its shortest form, as the XLSX reader does', async () => {
    const rows = [`<Row>${s('ID')}${s('Сумма')}</Row>`, `<Row>${n('1.0')}${n('1500.50')}</Row>`, `<Row>${n('2E3')}${n('1234567890123456.0')}</Row>`].join('\r\n');
    const { rows: got } = await read(workbook(sheet('Лист1', rows)));
    expect(got).toEqual([
      ['ID', 'Сумма'],
      ['1', '1500.50'],
      ['2000', '1234567890123456.0'],
    ]);
  });

  it('gives DateTime cells as the XLSX reader gives date cells: ISO text, time kept where the style shows it', async () => {
    const dt = (style: string, v: string) => `<Cell${style ? ` ss:StyleID="${style}"` : ''}><Data ss:Type="DateTime">${v}</Data></Cell>`;
    const rows = [
      `<Row>${s('a')}${s('b')}${s('c')}${s('d')}${s('e')}${s('f')}</Row>`,
      `<Row>${dt('sDate', '2025-03-01T00:00:00.000')}${dt('sDt', '2025-03-01T10:30:00.000')}${dt('sDt', '2025-03-02T00:00:00.000')}${dt('sTime', '1899-12-31T00:05:00.000')}${dt('sChild', '2025-03-03T00:00:00.000')}${dt('', '2025-03-04T09:15:07.000')}</Row>`,
      `<Row>${dt('sTime', '1900-01-01T02:00:00.000')}</Row>`,
    ].join('\n');
    const { rows: got } = await read(workbook(sheet('Даты', rows)));
    // A date-and-time style keeps its midnight (a date alone means the end of its day); a parent style's format is inherited.
    expect(got[1]).toEqual(['2025-03-01', '2025-03-01 10:30:00', '2025-03-02 00:00:00', '0:05:00', '2025-03-03 00:00:00', '2025-03-04 09:15:07']);
    // A duration past a day ([h]:mm:ss) keeps its hours.
    expect(got[2]).toEqual(['26:00:00']);
  });

  it('flattens rich text and html: markup to text, leaves comments out, reads prefixed elements', async () => {
    const rows = [
      `<ss:Row>${s('Клиент')}${s('Заметка')}${s('x')}</ss:Row>`,
      `<ss:Row><ss:Cell><ss:Data ss:Type="String" xmlns="http://www.w3.org/TR/REC-html40"><B>ООО</B> <Font html:Color="#FF0000">Ромашка</Font></ss:Data><Comment ss:Author="Админ"><ss:Data xmlns="http://www.w3.org/TR/REC-html40"><B>не то</B></ss:Data></Comment></ss:Cell><Cell><Data ss:Type="String"><html:B>важно</html:B>: перезвонить</Data></Cell>${s('1')}</ss:Row>`,
    ].join('\n');
    const { rows: got } = await read(workbook(sheet('Лист1', rows)));
    expect(got[1]).toEqual(['ООО Ромашка', 'важно: перезвонить', '1']);
  });

  it('merged cells as the XLSX reader reads them: down gives the value to each row, across leaves the cells empty', async () => {
    const rows = [
      `<Row><Cell ss:MergeAcross="2"><Data ss:Type="String">Отчёт по сделкам</Data></Cell></Row>`,
      `<Row>${s('Менеджер')}${s('ID')}${s('Сумма')}</Row>`,
      `<Row><Cell ss:MergeDown="2"><Data ss:Type="String">Иванов</Data></Cell>${n('1')}${n('100')}</Row>`,
      `<Row><Cell ss:Index="2"><Data ss:Type="Number">2</Data></Cell>${n('200')}</Row>`,
      // Written without ss:Index: the cell goes past the merged column.
      `<Row>${n('3')}${n('300')}</Row>`,
      `<Row>${s('Петров')}${n('4')}${n('400')}</Row>`,
    ].join('\n');
    const { rows: got } = await read(workbook(sheet('Лист1', rows)));
    expect(got).toEqual([['Отчёт по сделкам'], ['Менеджер', 'ID', 'Сумма'], ['Иванов', '1', '100'], ['Иванов', '2', '200'], ['Иванов', '3', '300'], ['Петров', '4', '400']]);
  });

  // Tester T66 H2, M1: a CDATA section is a cell's text, whatever markup it holds; a document type makes a workbook refused, not CSV.
  it('markup inside a CDATA section is the cell\'s text, never rows; a DOCTYPE is refused as a DTD, named, not read as CSV', async () => {
    const sneaky = '<![CDATA[1</Data></Cell></Row><Row><Cell><Data ss:Type="Number">9999</Data></Cell></Row><Row><Cell><Data>]]>';
    const rows = [`<Row>${s('ID')}${s('Сумма')}</Row>`, `<Row>${n('1')}${n('100')}</Row>`, `<Row>${n('2')}<Cell><Data ss:Type="String">${sneaky}</Data></Cell></Row>`, `<Row>${n('3')}<Cell><Data ss:Type="String"><![CDATA[a < b & c]]></Data></Cell></Row>`].join('\n');
    const { rows: got } = await read(workbook(sheet('Лист1', rows)));
    expect(got).toEqual([['ID', 'Сумма'], ['1', '100'], ['2', sneaky.slice(9, -3)], ['3', 'a < b & c']]);
    for (const doctype of ['<!DOCTYPE Workbook>', '<!DOCTYPE Workbook [<!ENTITY x SYSTEM "file:///etc/passwd">]>']) {
      const book = workbook(sheet('Лист1', `<Row>${s('ID')}</Row><Row>${s('&x;')}</Row>`)).replace('<?mso-application', `${doctype}\r\n<?mso-application`);
      expect(sniff(Buffer.from(book), 'f.xls').type, doctype).toBe('spreadsheetml');
      expect((await refused(book)).messageId, doctype).toBe('xml2003.dtd');
    }
  });

  // Tester T66 H3: with the ranges listed right to left, each pass over them moved a cell one column: a 0.9 MB file took 57 s.
  it('a cell without an index passes over many ranges merged down, listed in any order, in one sweep', async () => {
    const merges = 1500;
    const rows = [
      `<Row>${s('A')}</Row>`,
      ...Array.from({ length: merges }, (_, k) => `<Row><Cell ss:Index="${merges - k}" ss:MergeDown="100000"><Data ss:Type="String">m</Data></Cell></Row>`),
      ...Array.from({ length: 2000 }, () => `<Row>${s('x')}</Row>`),
      // Ranges that overlap (no workbook writes them): a cell goes past each that covers its column.
      `<Row ss:Index="200000"><Cell ss:MergeDown="2" ss:MergeAcross="2"><Data ss:Type="String">p</Data></Cell></Row>`,
      `<Row><Cell ss:Index="2" ss:MergeDown="1" ss:MergeAcross="3"><Data ss:Type="String">q</Data></Cell></Row>`,
      `<Row>${s('y')}</Row>`,
    ].join('\n');
    const { rows: got } = await read(workbook(sheet('Лист1', rows)));
    expect(got).toHaveLength(1 + merges + 2000 + 3);
    // The first `merges` columns are merged down over the plain rows: their cell goes to the first column after them.
    expect(got[merges + 1]![merges]).toBe('x');
    expect(got[merges + 1]!.slice(0, merges).every((c) => c === 'm')).toBe(true);
    // p merges A-C down over the next two rows, q (placed by its index) B-E down over the last: y goes to F, past both.
    expect(got.at(-1)!.indexOf('y')).toBe(5);
  });

  it('several worksheets: the first visible one with values, --sheet by name, by number, in any case; unknown names list the sheets', async () => {
    const hiddenOptions = '\r\n  <WorksheetOptions xmlns="urn:schemas-microsoft-com:office:excel"><Visible>SheetHidden</Visible></WorksheetOptions>';
    const book = workbook([sheet('Справочник', `<Row>${s('скрыт')}</Row>`, hiddenOptions), sheet('Пустой', ''), sheet('Сделки', `<Row>${s('ID')}</Row><Row>${n('7')}</Row>`), sheet('Звонки', `<Row>${s('Звонок')}</Row>`)].join('\r\n'));
    const first = await read(book);
    expect(first.rows).toEqual([['ID'], ['7']]);
    expect(first.info).toMatchObject({ sheet: 'Сделки', sheets: ['Пустой', 'Сделки', 'Звонки', 'Справочник'] });
    expect((await read(book, { sheet: 'звонки' })).rows).toEqual([['Звонок']]);
    // Numbered in the workbook's own order, hidden sheets counted, as for XLSX.
    expect((await read(book, { sheet: '1' })).rows).toEqual([['скрыт']]);
    const none = await refused(book, { sheet: 'Оплаты' });
    expect(none.messageId).toBe('xlsx.noSuchSheet');
    // Listed as XLSX lists them: the visible sheets first.
    expect(none.hint).toBe('sheets: "Пустой", "Сделки", "Звонки", "Справочник"');
    const empty = await refused(book, { sheet: 'Пустой' });
    expect(empty.messageId).toBe('xlsx.sheetEmptyOthers');
  });

  it('formulas: the cached value is read; one without a value is refused as XLSX refuses it, or passed on', async () => {
    const rows = [
      `<Row>${s('ID')}${s('Сумма')}</Row>`,
      `<Row>${n('1')}<Cell ss:Formula="=500*2"><Data ss:Type="Number">1000</Data></Cell></Row>`,
      `<Row>${s('Итого')}<Cell ss:Formula="=SUM(R[-1]C:R[-1]C)"/></Row>`,
    ].join('\n');
    const book = workbook(sheet('Лист1', rows));
    const error = await refused(book);
    expect(error.messageId).toBe('xlsx.formulaNoValue');
    expect(error.message).toContain('cell B3 of sheet "Лист1" holds the formula =SUM(B2:B2)');
    const passed = await read(book, { uncalculated: 'pass' });
    expect(passed.rows).toEqual([['ID', 'Сумма'], ['1', '1000'], ['Итого']]);
    expect(passed.uncalculated).toEqual([{ col: 1, cell: 'B3', formula: 'SUM(B2:B2)', aggregate: true, sheet: 'Лист1' }]);
    expect(r1c1ToA1('R2C3*RC[-1]+Лист2!R[1]C', 5, 3)).toBe('$C$2*C5+Лист2!D6');
  });

  it('UTF-16 LE with a BOM, and windows-1251 named by the declaration', async () => {
    const text = workbook(sheet('Лист1', `<Row>${s('Ответственный')}${s('Сумма')}</Row><Row>${s('Петрова Анна')}${n('10')}</Row>`));
    const utf16 = await read(Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text.replace('<?xml version="1.0"?>', '<?xml version="1.0" encoding="UTF-16"?>'), 'utf16le')]));
    expect(utf16.rows[1]).toEqual(['Петрова Анна', '10']);
    expect(utf16.info.encoding).toBe('utf-16le');
    const cp = workbook(sheet('Лист1', `<Row>${s('Ответственный')}</Row><Row>${s('Петрова Анна')}</Row>`), { declaration: '<?xml version="1.0" encoding="windows-1251"?>' });
    const cp1251 = await read(Buffer.from(new TextEncoderCp1251().encode(cp)));
    expect(cp1251.rows).toEqual([['Ответственный'], ['Петрова Анна']]);
    expect(cp1251.info).toMatchObject({ encoding: 'windows-1251', encodingWhy: 'the XML declaration' });
  });

  it('a document of several read chunks (1 MiB each) is read whole: the first chunk is not overwritten by the third', async () => {
    const rows = [`<Row>${s('ID')}${s('Сумма')}</Row>`];
    for (let i = 1; i <= 40_000; i++) rows.push(`<Row>${n(String(i))}${n(String(i * 10))}</Row>`);
    const text = workbook(sheet('Лист1', rows.join('\r\n')));
    expect(Buffer.byteLength(text)).toBeGreaterThan(3 << 20);
    const { rows: got } = await read(text);
    expect(got).toHaveLength(40_001);
    expect(got[40_000]).toEqual(['40000', '400000']);
  });

  it('a UTF-8 document that declares UTF-16 (as .NET writes it) is read as UTF-8; a commented-out cell is no cell', async () => {
    const text = workbook(sheet('Лист1', `<Row>${s('Ответственный')}<!-- <Cell><Data ss:Type="String">нет</Data></Cell> --></Row>`), { declaration: '<?xml version="1.0" encoding="utf-16"?>' });
    const { rows: got, info } = await read(text);
    expect(got).toEqual([['Ответственный']]);
    expect(info).toMatchObject({ encoding: 'utf-8', encodingWhy: 'the XML declaration says UTF-16, but the bytes are 8-bit: UTF-8' });
  });

  it('a malformed or cut-off document is refused, naming the file, the fault and its line', async () => {
    const cut = workbook(sheet('Лист1', `<Row>${s('ID')}</Row>\n<Row>${n('1')}</Row>`)).slice(0, -40);
    const error = await refused(cut);
    expect(error.code).toBe('E_XML2003');
    expect(error.messageId).toBe('xml2003.malformed');
    expect(error.where.file).toMatch(/book\d+\.xls$/);
    const mismatched = workbook(sheet('Лист1', `<Row>${s('ID')}</Row>\n<Row><Cell><Data ss:Type="Number">1</Cell></Row>`));
    const bad = await refused(mismatched);
    expect(bad.message).toMatch(/damaged: <\/Cell> where <ss:Data> should close|damaged: <\/Cell> where <Data> should close/);
    expect(bad.where.row).toBe(mismatched.split('\n').findIndex((l) => l.includes('1</Cell>')) + 1);
    const [before, after] = workbook(sheet('Лист1', `<Row>${s('Иванов@')}</Row>`)).split('@') as [string, string];
    // Windows-1251 bytes in a document that declares no encoding (UTF-8).
    const badUtf8 = await refused(Buffer.concat([Buffer.from(before), Buffer.from([0xcf, 0xe5, 0xf2]), Buffer.from(after)]));
    expect(badUtf8.messageId).toBe('xml2003.badEncoding');
    const noSheet = await refused(workbook(''));
    expect(noSheet.messageId).toBe('xml2003.noSheets');
    // A cell's ss:Index that goes back over the cells before it: which value stands where is not to be guessed.
    const back = await refused(workbook(sheet('Лист1', `<Row>${s('a')}${s('b')}<Cell ss:Index="1"><Data ss:Type="String">c</Data></Cell></Row>`)));
    expect(back.message).toContain('cell ss:Index="1" in row 1 of sheet "Лист1" does not move right');
    const big = await refused(workbook(sheet('Лист1', `<Row>${s('x'.repeat(50))}</Row>`)), { limits: { ...DEFAULT_LIMITS, maxCellChars: 10 } });
    expect(big.code).toBe('E_LIMIT_CELL');
  });
});

/** Windows-1251 for Russian text (TextEncoder knows UTF-8 only). */
class TextEncoderCp1251 {
  encode(text: string): Uint8Array {
    const out = new Uint8Array(text.length);
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      out[i] = c < 0x80 ? c : c >= 0x410 && c <= 0x44f ? c - 0x350 : c === 0x401 ? 0xa8 : c === 0x451 ? 0xb8 : 0x3f;
    }
    return out;
  }
}
