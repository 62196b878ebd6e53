import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/core/errors.js';
import { renderHint, renderMessage } from '../../../src/core/messages.js';
import { DEFAULT_LIMITS } from '../../../src/io/read/limits.js';
import { readXlsx } from '../../../src/io/read/xlsx.js';
import { makeXlsx, makeZip } from '../../fixtures/zip.js';
import { readXlsxRows } from '../../helpers/xlsx-read.js';

const row = (r: number, values: string[]) => `<row r="${r}">${values.map((v, i) => `<c r="${String.fromCharCode(65 + i)}${r}" t="inlineStr"><is><t>${v}</t></is></c>`).join('')}</row>`;
const ROWS = [row(1, ['id', 'manager']), row(2, ['1', 'Anna']), row(3, ['2', 'Boris'])].join('');

const read = readXlsxRows;

/** The workbook of makeXlsx with its sheet (or shared strings) cut `cut` characters before the end, the zip itself whole. */
function cutShort(part: 'sheet' | 'sst', cut: number, sst = '<sst><si><t>id</t></si><si><t>manager</t></si></sst>'): Buffer {
  const prolog = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
  const sheet = `${prolog}<worksheet><sheetData>${part === 'sst' ? '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>' : ROWS}</sheetData></worksheet>`;
  return makeZip([
    { name: '[Content_Types].xml', data: `${prolog}<Types/>` },
    { name: 'xl/workbook.xml', data: `${prolog}<workbook xmlns:r="r"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>` },
    { name: 'xl/_rels/workbook.xml.rels', data: `${prolog}<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>` },
    { name: 'xl/sharedStrings.xml', data: part === 'sst' ? sst.slice(0, sst.length - cut) : sst },
    { name: 'xl/worksheets/sheet1.xml', data: part === 'sheet' ? sheet.slice(0, sheet.length - cut) : sheet },
  ]);
}

describe('readXlsx: a part cut short inside a whole zip', () => {
  it('reads a whole sheet and whole shared strings', async () => {
    expect(await read(makeXlsx(ROWS))).toEqual([['id', 'manager'], ['1', 'Anna'], ['2', 'Boris']]);
    expect(await read(cutShort('sheet', 0))).toEqual([['id', 'manager'], ['1', 'Anna'], ['2', 'Boris']]);
  });

  // A program that died half-way through writing the sheet, its zip still closed properly: the rows
  // before the cut were read as the whole export, and nothing was said.
  it.each([
    ['after the last row', '</sheetData></worksheet>'.length],
    ['inside a row', '</t></is></c></row></sheetData></worksheet>'.length + 3],
    ['before the root end tag', '</worksheet>'.length],
  ])('a sheet cut %s is refused, naming the part and the last row read', async (_, cut) => {
    const error = await read(cutShort('sheet', cut));
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).code).toBe('E_XLSX_CORRUPT');
    expect((error as UserError).message).toMatch(/the workbook was not written to the end: its part xl\/worksheets\/sheet1\.xml is cut short \(after row [23]\)/);
    expect(renderMessage((error as UserError).messageId!, (error as UserError).params!, 'ru')).toMatch(/^книга записана не до конца: часть xl\/worksheets\/sheet1\.xml обрывается/);
  });

  it('shared strings cut short are refused too (cells would read empty)', async () => {
    expect(await read(cutShort('sst', 0))).toEqual([['id', 'manager']]);
    const error = await read(cutShort('sst', '</si></sst>'.length));
    expect((error as UserError).message).toMatch(/its part xl\/sharedStrings\.xml is cut short/);
  });

  it('empty shared strings written self-closing are whole: no shared strings, the inline cells read', async () => {
    for (const sst of ['<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="0" uniqueCount="0"/>', '<x:sst xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>\n']) {
      const zip = cutShort('sheet', 0, sst);
      expect(await read(zip), sst).toEqual([['id', 'manager'], ['1', 'Anna'], ['2', 'Boris']]);
    }
    // A shared-string cell of such a workbook has no string to point at: the index error, not «cut short».
    const error = await read(cutShort('sst', 0, '<sst count="0" uniqueCount="0"/>'));
    expect((error as UserError).message).not.toMatch(/cut short/);
    // Cut inside the self-closing tag: still cut short.
    expect(((await read(cutShort('sst', 0, '<sst count="0"'))) as UserError).message).toMatch(/its part xl\/sharedStrings\.xml is cut short/);
  });
});

describe('readXlsx: cells formatted as a time alone', () => {
  /** A sheet of numbers in styles 1-7, whose formats are h:mm:ss (21), [h]:mm:ss (46), a custom mm:ss, a date (14), m/d/yy h:mm (22), dd.mm.yyyy hh:mm:ss and dd.mm.yyyy. */
  function timed(values: string[]): Buffer {
    const prolog = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
    const cells = values.map((v, i) => `<c r="${String.fromCharCode(65 + i)}1" s="${i + 1}"><v>${v}</v></c>`).join('');
    return makeZip([
      { name: '[Content_Types].xml', data: `${prolog}<Types/>` },
      { name: 'xl/workbook.xml', data: `${prolog}<workbook xmlns:r="r"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>` },
      { name: 'xl/_rels/workbook.xml.rels', data: `${prolog}<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>` },
      { name: 'xl/styles.xml', data: `${prolog}<styleSheet><numFmts><numFmt numFmtId="164" formatCode="mm:ss"/><numFmt numFmtId="165" formatCode="dd.mm.yyyy hh:mm:ss"/><numFmt numFmtId="166" formatCode="dd.mm.yyyy"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="21"/><xf numFmtId="46"/><xf numFmtId="164"/><xf numFmtId="14"/><xf numFmtId="22"/><xf numFmtId="165"/><xf numFmtId="166"/></cellXfs></styleSheet>` },
      { name: 'xl/worksheets/sheet1.xml', data: `${prolog}<worksheet><sheetData><row r="1">${cells}</row></sheetData></worksheet>` },
    ]);
  }

  // A call log's durations shown as 0:05:00 were read as the date 1899-12-30 00:05:00, and every row was refused.
  it('reads as H:MM:SS what Excel shows (hours past a day only for [h]), a date style still as a date', async () => {
    expect(await read(timed(['0.003472222', '1.25', '0.000694444', '45672']))).toEqual([['0:05:00', '30:00:00', '0:01:00', '2025-01-15']]);
    expect(await read(timed(['0.25', '0', '0', '45672']))).toEqual([['6:00:00', '0:00:00', '0:00:00', '2025-01-15']]);
  });

  // Tester T60 L1: a serial past Excel's last day, or below zero, was written as a date of no calendar («2.737907006988508e+297-03-01»).
  it('a serial past 9999-12-31 or below zero in a date format is given as it is written', async () => {
    expect(await read(timed(['0', '0', '0', '0', '2958465', '2958466', '1E+300']))).toEqual([['0:00:00', '0:00:00', '0:00:00', '1899-12-30', '9999-12-31 00:00:00', '2958466', '1E+300']]);
    expect(await read(timed(['0', '0', '0', '-5']))).toEqual([['0:00:00', '0:00:00', '0:00:00', '-5']]);
  });

  // created_at formatted to show only h:mm was read «6:00:00 — не дата», and every row was refused.
  it('a value that carries a date in a time format is its date and time (in [h]:mm:ss, from a year of hours)', async () => {
    // h:mm:ss from a day on; [h]:mm:ss (a call's duration) up to a year.
    expect(await read(timed(['45672.25', '365.5']))).toEqual([['2025-01-15 06:00:00', '8772:00:00']]);
    expect(await read(timed(['1.25', '45672.25']))).toEqual([['1899-12-31 06:00:00', '2025-01-15 06:00:00']]);
  });

  // A close at midnight in a date-and-time format read as a date alone, which means the end of that day (a cycle one day longer than the CSV's).
  it('a whole serial in a format that shows the time is that day at 00:00:00; in a date format, the date alone', async () => {
    expect(await read(timed(['0', '0', '0', '45672', '45672', '45672', '45672']))).toEqual([['0:00:00', '0:00:00', '0:00:00', '2025-01-15', '2025-01-15 00:00:00', '2025-01-15 00:00:00', '2025-01-15']]);
  });

  // A tester: 31.12.2024 23:59:59.7 became January (rounded to the second); the float's noise (10:00 is 0.41666…, a hair short) still reads 10:00:00.
  it('a fraction of a second is dropped, not rounded into the next day; the float noise of a whole second is not', async () => {
    const lastTenth = 45657 + (86_399.7 / 86_400);
    const ten = 45672 + 10 / 24;
    // The fifth and sixth cells' formats show a date and a time (m/d/yy h:mm, dd.mm.yyyy hh:mm:ss).
    const rows = await read(timed(['0', '0', '0', '45672', String(lastTenth), String(ten)]));
    expect(Array.isArray(rows) ? rows[0]!.slice(4) : rows).toEqual(['2024-12-31 23:59:59', '2025-01-15 10:00:00']);
  });
});

describe('readXlsx: shared strings where the relationships put them', () => {
  // A part named other than xl/sharedStrings.xml is valid OOXML: every text cell read empty, and the header was not found.
  it.each(['/xl/strings.xml', 'strings.xml'])('Target="%s"', async (target) => {
    const prolog = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
    const buffer = makeZip([
      { name: '[Content_Types].xml', data: `${prolog}<Types/>` },
      { name: 'xl/workbook.xml', data: `${prolog}<workbook xmlns:r="r"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>` },
      {
        name: 'xl/_rels/workbook.xml.rels',
        data: `${prolog}<Relationships><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="${target}"/></Relationships>`,
      },
      { name: 'xl/strings.xml', data: '<sst><si><t>id</t></si><si><t>manager</t></si><si><t>Anna</t></si></sst>' },
      { name: 'xl/worksheets/sheet1.xml', data: `${prolog}<worksheet><sheetData><row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row><row r="2"><c r="A2"><v>1</v></c><c r="B2" t="s"><v>2</v></c></row></sheetData></worksheet>` },
    ]);
    expect(await read(buffer)).toEqual([
      ['id', 'manager'],
      ['1', 'Anna'],
    ]);
  });
});

describe('readXlsx: elements written with a namespace prefix (<x:row>, as some .NET exporters do)', () => {
  it('reads the same rows as the workbook without prefixes', async () => {
    const prolog = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
    const ns = 'xmlns:x="http://schemas.openxmlformats.org/spreadsheetml/2006/main"';
    const buffer = makeZip([
      { name: '[Content_Types].xml', data: `${prolog}<Types/>` },
      { name: 'xl/workbook.xml', data: `${prolog}<x:workbook ${ns} xmlns:r="r"><x:sheets><x:sheet name="Data" sheetId="1" r:id="rId1"/></x:sheets></x:workbook>` },
      { name: 'xl/_rels/workbook.xml.rels', data: `${prolog}<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>` },
      { name: 'xl/sharedStrings.xml', data: `<x:sst ${ns}><x:si><x:t>id</x:t></x:si><x:si><x:t>manager</x:t></x:si><x:si><x:t>Anna &lt;A&gt;</x:t></x:si></x:sst>` },
      { name: 'xl/worksheets/sheet1.xml', data: `${prolog}<x:worksheet ${ns}><x:sheetData><x:row r="1"><x:c r="A1" t="s"><x:v>0</x:v></x:c><x:c r="B1" t="s"><x:v>1</x:v></x:c></x:row><x:row r="2"><x:c r="A2"><x:v>1</x:v></x:c><x:c r="B2" t="s"><x:v>2</x:v></x:c></x:row></x:sheetData></x:worksheet>` },
    ]);
    // Refused before as a workbook with no sheets.
    expect(await read(buffer)).toEqual([
      ['id', 'manager'],
      ['1', 'Anna <A>'],
    ]);
  });
});

describe('readXlsx: an empty sheet chosen with --sheet', () => {
  /** A workbook of the sheets given, each its rows' XML. */
  function workbook(sheets: Array<[string, string]>): Buffer {
    const prolog = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
    return makeZip([
      { name: '[Content_Types].xml', data: `${prolog}<Types/>` },
      { name: 'xl/workbook.xml', data: `${prolog}<workbook xmlns:r="r"><sheets>${sheets.map(([name], i) => `<sheet name="${name}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`).join('')}</sheets></workbook>` },
      { name: 'xl/_rels/workbook.xml.rels', data: `${prolog}<Relationships>${sheets.map((_, i) => `<Relationship Id="rId${i + 1}" Target="worksheets/sheet${i + 1}.xml"/>`).join('')}</Relationships>` },
      ...sheets.map(([, rows], i) => ({ name: `xl/worksheets/sheet${i + 1}.xml`, data: `${prolog}<worksheet><sheetData>${rows}</sheetData></worksheet>` })),
    ]);
  }
  const choose = async (buffer: Buffer, sheet: string): Promise<UserError> => {
    const error = await readXlsx({ buffer }, 'd.xlsx', sheet, DEFAULT_LIMITS, () => undefined).then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    return error as UserError;
  };

  // `--sheet 1` on an empty first sheet said «в файле нет ни одной строки / выгрузите данные ещё раз», though the next sheet held the deals.
  it('says the sheet chosen is empty, by its name, and names the sheets that hold data', async () => {
    const book = workbook([['Пусто', ''], ['Сделки', ROWS], ['Пробелы', row(1, ['', ''])], ['Итоги', row(3, ['', 'итого'])]]);
    for (const sheet of ['1', 'Пусто', 'пусто']) {
      const error = await choose(book, sheet);
      expect(error.code).toBe('E_XLSX_EMPTY');
      expect(error.message).toBe('sheet "Пусто" is empty');
      expect(error.hint).toBe('pass --sheet a sheet with data: "Сделки", "Итоги"');
      expect(renderMessage(error.messageId!, error.params!, 'ru')).toBe('лист «Пусто» пуст');
      expect(renderHint(error.messageId!, error.params!, 'ru')).toBe('укажите в --sheet лист с данными: «Сделки», «Итоги»');
    }
    // A sheet of empty cells is as empty.
    expect((await choose(book, 'Пробелы')).params).toMatchObject({ sheet: 'Пробелы', sheetsRu: '«Сделки», «Итоги»' });
    // No sheet with data: every sheet is empty; a workbook of one sheet, that sheet.
    expect((await choose(workbook([['Пусто', ''], ['Пробелы', row(1, [''])]]), 'Пусто')).messageId).toBe('xlsx.allSheetsEmpty');
    const one = await choose(workbook([['Пусто', '']]), '1');
    expect([one.messageId, one.message]).toEqual(['xlsx.sheetEmpty', 'sheet "Пусто" is empty']);
  });
});

// A tester: a workbook whose writer put a 19-digit id as `5.805028000055512e+18` (openpyxl, JavaScript)
// was read so, and the lost-digits warning showed it in that form, with a dot and a small e, in a
// Russian run; Excel's form is the one the README promises and the readers know.
describe('readXlsx: a whole number past 2^53 written in a scientific form of its writer', () => {
  it('is given in Excel\'s form with the 15 digits a cell keeps; a fraction stays as written, a small whole number as Excel shows it', async () => {
    const num = (r: number, v: string) => `<row r="${r}"><c r="A${r}" t="n"><v>${v}</v></c></row>`;
    const buffer = makeXlsx([row(1, ['id']), num(2, '5.805028000055512e+18'), num(3, '5805028000055500000'), num(4, '1.5e+3'), num(5, '1.25E+2'), num(6, '2.5e-3')].join(''));
    // 1.5e+3 is 1500 and 1.25E+2 is 125 (shortestWhole); 2.5e-3 is no whole number.
    expect(await read(buffer)).toEqual([['id'], ['5.80502800005551E+18'], ['5.8050280000555E+18'], ['1500'], ['125'], ['2.5e-3']]);
  });
});

// A tester (tT22 #11): a script's float column stores an id as `<v>1.0</v>`; read as the text «1.0», it matched no
// deal «1», and the calls on deal 1 were linked to none, without a word. Excel shows the cell as 1.
describe('readXlsx: a whole number stored with a fraction or an exponent', () => {
  it('is given in its shortest form up to 15 significant digits; digits alone, fractions and longer numbers as written', async () => {
    const num = (r: number, v: string) => `<row r="${r}"><c r="A${r}"><v>${v}</v></c></row>`;
    const values = ['1.0', '3.000', '-2.0', '-0.0', '1E3', '123456789012345.0', '0012', '1.5', '0.10', '1234567890123456.0', '123456789012345678'];
    const buffer = makeXlsx([row(1, ['id']), ...values.map((v, i) => num(i + 2, v))].join(''));
    // 1234567890123456.0 has 16 digits: as written (a long id is text on purpose).
    expect(await read(buffer)).toEqual([['id'], ['1'], ['3'], ['-2'], ['0'], ['1000'], ['123456789012345'], ['0012'], ['1.5'], ['0.10'], ['1234567890123456.0'], ['123456789012345678']]);
  });
});

describe('readXlsx: --sheet by name before position', () => {
  /** Sheets named «2» (first tab) and «1» (second tab), as a workbook of months may be ordered. */
  function monthsWorkbook(): Buffer {
    const prolog = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
    const sheet = (who: string) => `${prolog}<worksheet><sheetData>${[row(1, ['id', 'manager']), row(2, ['1', who])].join('')}</sheetData></worksheet>`;
    return makeZip([
      { name: '[Content_Types].xml', data: `${prolog}<Types/>` },
      { name: 'xl/workbook.xml', data: `${prolog}<workbook xmlns:r="r"><sheets><sheet name="2" sheetId="1" r:id="rId1"/><sheet name="1" sheetId="2" r:id="rId2"/><sheet name="Итог" sheetId="3" r:id="rId3"/></sheets></workbook>` },
      { name: 'xl/_rels/workbook.xml.rels', data: `${prolog}<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Target="worksheets/sheet2.xml"/><Relationship Id="rId3" Target="worksheets/sheet3.xml"/></Relationships>` },
      { name: 'xl/worksheets/sheet1.xml', data: sheet('on the sheet named 2') },
      { name: 'xl/worksheets/sheet2.xml', data: sheet('on the sheet named 1') },
      { name: 'xl/worksheets/sheet3.xml', data: sheet('on the third tab') },
    ]);
  }
  const readSheet = async (wanted: string) => {
    const rows: string[][] = [];
    await readXlsx({ buffer: monthsWorkbook() }, 'months.xlsx', wanted, DEFAULT_LIMITS, (cells) => rows.push(cells as string[]));
    return rows[1]![1];
  };

  it('a sheet named exactly as given wins over the tab at that position; a number no sheet is named is a position', async () => {
    expect(await readSheet('2')).toBe('on the sheet named 2');
    expect(await readSheet('1')).toBe('on the sheet named 1');
    expect(await readSheet('3')).toBe('on the third tab');
    expect(await readSheet('итог')).toBe('on the third tab');
  });

  it('a sheet that does not exist lists the sheets, in «…» in Russian', async () => {
    const error = await readSheet('Март').catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    const e = error as UserError;
    expect(renderHint(e.messageId!, e.params!, 'ru')).toBe('листы: «2», «1», «Итог»');
    expect(renderHint(e.messageId!, e.params!, 'en')).toBe('sheets: "2", "1", "Итог"');
  });
});

// Tester T60 M1: the scan for merged ranges carried everything after a sheet's last `<` from one inflated chunk
// to the next, so a run of text with no tag (30 MB of spaces in a 38 KB file) was scanned again with every chunk.
describe('readXlsx: merged ranges after a long run of text with no tag', () => {
  it('are still read, a range tag cut between chunks included', async () => {
    const prolog = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
    const rows = [row(1, ['id', 'manager']), row(2, ['1', 'Anna']), '<row r="3"><c r="A3" t="inlineStr"><is><t>2</t></is></c></row>', '<row r="4"><c r="A4" t="inlineStr"><is><t>3</t></is></c></row>'].join('');
    for (const pad of [3 << 20, (1 << 16) - 7, (1 << 16) + 5]) {
      const sheet = `${prolog}<worksheet><sheetData>${rows}</sheetData>${' '.repeat(pad)}<mergeCells count="1"><mergeCell ref="B2:B4"/></mergeCells></worksheet>`;
      const book = makeZip([
        { name: '[Content_Types].xml', data: `${prolog}<Types/>` },
        { name: 'xl/workbook.xml', data: `${prolog}<workbook xmlns:r="r"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>` },
        { name: 'xl/_rels/workbook.xml.rels', data: `${prolog}<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>` },
        { name: 'xl/worksheets/sheet1.xml', data: sheet },
      ]);
      expect(await read(book)).toEqual([['id', 'manager'], ['1', 'Anna'], ['2', 'Anna'], ['3', 'Anna']]);
    }
  });
});
