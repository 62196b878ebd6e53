import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { crc32 } from 'node:zlib';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { UserError, describeUserError } from '../../../src/core/errors.js';
import { readXlsx, tableCrc32 } from '../../../src/io/read/xlsx.js';
import { DEFAULT_LIMITS } from '../../../src/io/read/limits.js';
import { makeZip } from '../../fixtures/zip.js';
import { runCli } from '../../helpers/cli.js';
import { latinWords } from '../../helpers/latin-words.js';
import { readXlsxRows } from '../../helpers/xlsx-read.js';

const PROLOG = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
const HEADER = ['id', 'manager', 'created_at', 'closed_at', 'status', 'amount'];
/** Deals 1-3: won 1000, lost, won 5000 (revenue 6000). */
const DEALS = [
  ['1', 'Anna', '45474', '45484', 'won', '1000'],
  ['2', 'Boris', '45475', '45485', 'lost', '2000'],
  ['3', 'Anna', '45476', '45488', 'won', '5000'],
];
const letter = (i: number) => String.fromCharCode(65 + i);
/** A cell: a number (with an optional style) or an inline string. */
const cell = (ref: string, v: string, style?: number) => (/^\d+(\.\d+)?$/.test(v) ? `<c r="${ref}"${style === undefined ? '' : ` s="${style}"`}><v>${v}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`);
const rowXml = (r: number, values: string[], styles: Array<number | undefined> = [], extra = '') => `<row r="${r}">${values.map((v, i) => cell(`${letter(i)}${r}`, v, styles[i])).join('')}${extra}</row>`;

/** The rows of the deals sheet; dates in style 1 (dd.mm.yyyy) unless `styles` says otherwise. */
function dealRows(opts: { styles?: Array<number | undefined>; extra?: (r: number) => string; values?: (row: string[], i: number) => string[] } = {}): string {
  const styles = opts.styles ?? [undefined, undefined, 1, 1];
  return [rowXml(1, HEADER, [], opts.extra?.(1)), ...DEALS.map((d, i) => rowXml(i + 2, opts.values?.(d, i) ?? d, styles, opts.extra?.(i + 2)))].join('');
}

const STYLES = `${PROLOG}<styleSheet><numFmts><numFmt numFmtId="164" formatCode="dd.mm.yyyy"/><numFmt numFmtId="165" formatCode="h:mm"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="46"/></cellXfs></styleSheet>`;

/** A workbook of one sheet "Сделки" whose XML is written as given (so that it can be damaged); `store` keeps the sheet uncompressed. */
function workbook(sheetData: string, opts: { store?: boolean; sharedStrings?: string } = {}): Buffer {
  return makeZip([
    { name: '[Content_Types].xml', data: `${PROLOG}<Types/>` },
    { name: 'xl/workbook.xml', data: `${PROLOG}<workbook xmlns:r="r"><sheets><sheet name="Сделки" sheetId="1" r:id="rId1"/></sheets></workbook>` },
    { name: 'xl/_rels/workbook.xml.rels', data: `${PROLOG}<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>` },
    { name: 'xl/styles.xml', data: STYLES },
    ...(opts.sharedStrings ? [{ name: 'xl/sharedStrings.xml', data: opts.sharedStrings }] : []),
    { name: 'xl/worksheets/sheet1.xml', data: `${PROLOG}<worksheet><sheetData>${sheetData}</sheetData></worksheet>`, store: opts.store },
  ]);
}

const read = readXlsxRows;

const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-xlsx-damaged-'));
function put(name: string, data: Buffer): string {
  const file = path.join(dir, name);
  writeFileSync(file, data);
  return file;
}

/** kpi on the workbook, in Russian (as a Russian user runs it) or in English. */
function kpi(file: string, lang: 'ru' | 'en') {
  return runCli(['kpi', '-d', file, '--now', '2025-01-01', '--format', 'json'], { env: lang === 'ru' ? { LANG: 'ru_RU.UTF-8' } : {} });
}

function revenue(stdout: string): number {
  return (JSON.parse(stdout) as { total: { revenue: number } }).total.revenue;
}

describe('a damaged workbook is refused, never read as other numbers', () => {
  it('the undamaged workbook reads revenue 6000', () => {
    const run = kpi(put('whole.xlsx', workbook(dealRows())), 'en');
    expect(run.code).toBe(0);
    expect(revenue(run.stdout)).toBe(6000);
  });

  // `<v>45488</v></c><c r="F4"` damaged to `<v>4548/v></c><c r="E4F4"`: deal 3 (won, 5000) read as open, exit 0.
  it('a damaged closing tag in a sheet stops the run with exit 2, naming the sheet and the row, in Russian and in English', () => {
    const xml = dealRows().replace('<v>45488</v></c><c r="E4"', '<v>4548/v></c><c r="E4E4"');
    expect(xml).not.toBe(dealRows());
    const file = put('malformed.xlsx', workbook(xml));
    const ru = kpi(file, 'ru');
    expect(ru.code).toBe(2);
    expect(ru.stdout).toBe('');
    expect(ru.stderr).toContain('malformed.xlsx, строка 4: книга повреждена: разметка листа «Сделки» (xl/worksheets/sheet1.xml) испорчена: «</c>» там, где должен закрыться «<v>»');
    expect(ru.stderr).toContain('откройте её в Excel или LibreOffice и сохраните заново или выгрузите файл ещё раз');
    expect(ru.stderr).not.toMatch(/\n\s+at /);
    expect(latinWords(ru.stderr)).toEqual([]);
    const en = kpi(file, 'en');
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('malformed.xlsx, row 4: the workbook is damaged: the XML of sheet "Сделки" (xl/worksheets/sheet1.xml) is broken: </c> where <v> should close');
    expect(en.stderr).toContain('open it in Excel or LibreOffice and save it again, or export it again');
  });

  it.each([
    ['a cell tag cut open', (x: string) => x.replace('<c r="B3" t="inlineStr">', '<c r="B3" t="inlineStr"')],
    ['a row start tag damaged', (x: string) => x.replace('<row r="3">', '<rw r="3">')],
    ['a row end tag damaged', (x: string) => x.replace('</c></row><row r="3">', '</c></rw><row r="3">')],
    ['text between cells', (x: string) => x.replace('</c><c r="B3"', '</c>5000<c r="B3"')],
    ['an element left open in a cell', (x: string) => x.replace('<v>2000</v>', '<v>2000')],
    ['a «<» inside a cell tag', (x: string) => x.replace('<c r="F2"', '<c r="F2" <')],
  ])('%s is refused as a damaged sheet', async (_, damage) => {
    const error = await read(workbook(damage(dealRows())));
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).code).toBe('E_XLSX_CORRUPT');
    expect((error as UserError).message).toMatch(/^the workbook is damaged: the XML of sheet "Сделки" \(xl\/worksheets\/sheet1\.xml\) is broken: /);
  });

  it('malformed shared strings, styles or workbook XML are refused, naming the part', async () => {
    const sst = (body: string) => `${PROLOG}<sst>${body}</sst>`;
    const sheet = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c></row>';
    expect(await read(workbook(sheet, { sharedStrings: sst('<si><t>id</t></si><si><t>manager</t></si>') }))).toEqual([['id', 'manager']]);
    const error = await read(workbook(sheet, { sharedStrings: sst('<si><t>id</si><si><t>manager</t></si>') }));
    expect((error as UserError).message).toBe('the workbook is damaged: the XML of its part xl/sharedStrings.xml is broken: </si> where <t> should close');
    expect(describeUserError(error as UserError, 'ru')).toContain('разметка её части xl/sharedStrings.xml испорчена: «</si>» там, где должен закрыться «<t>»');
  });

  it('a shared string index past the table is a damaged workbook, not an empty cell', async () => {
    const sheet = '<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>7</v></c></row>';
    const error = await read(workbook(sheet, { sharedStrings: `${PROLOG}<sst><si><t>id</t></si></sst>` }));
    expect((error as UserError).message).toBe('the workbook is damaged: cell B1 of sheet "Сделки" refers to shared string 7, and there are 1');
  });

  // yauzl checks no CRC: one changed byte in the stored sheet made a won deal of 5000 one of 4000, exit 0.
  it('a sheet whose bytes do not match the zip\'s CRC-32 stops the run with exit 2', () => {
    const whole = workbook(dealRows(), { store: true });
    const at = whole.indexOf('<v>5000</v>');
    expect(at).toBeGreaterThan(0);
    const damaged = Buffer.from(whole);
    damaged[at + 3] = 0x34; // 5000 -> 4000
    const ru = kpi(put('crc.xlsx', damaged), 'ru');
    expect(ru.code).toBe(2);
    expect(ru.stdout).toBe('');
    expect(ru.stderr).toContain('crc.xlsx: книга повреждена: данные листа «Сделки» (xl/worksheets/sheet1.xml) не сходятся с контрольной суммой, записанной в архиве');
    expect(latinWords(ru.stderr)).toEqual([]);
    const en = kpi(put('crc.xlsx', damaged), 'en');
    expect(en.stderr).toContain('does not match the archive\'s checksum (CRC-32); the file was corrupted in a download or a copy');
    expect(kpi(put('crc-whole.xlsx', whole), 'en').code).toBe(0);
  });

  it('a part other than a sheet is checked too', async () => {
    const whole = workbook('<row r="1"><c r="A1" t="s"><v>0</v></c></row>', { sharedStrings: `${PROLOG}<sst><si><t>id</t></si></sst>` });
    // makeZip deflates; the recorded CRC of the shared strings (central directory) changed instead.
    const name = whole.lastIndexOf('xl/sharedStrings.xml');
    const damaged = Buffer.from(whole);
    damaged.writeUInt32LE((damaged.readUInt32LE(name - 46 + 16) ^ 1) >>> 0, name - 46 + 16);
    expect((await read(damaged)).toString()).toContain('its part xl/sharedStrings.xml does not match the archive\'s checksum');
  });

  it('the table CRC-32 (for Node before 20.15) is zlib\'s', () => {
    for (const s of ['', 'a', 'The quick brown fox', 'Сделки'.repeat(1000)]) {
      const b = Buffer.from(s);
      expect(tableCrc32(b)).toBe(crc32(b));
      expect(tableCrc32(b.subarray(3), tableCrc32(b.subarray(0, 3)))).toBe(crc32(b));
    }
  });
});

describe('empty formatted cells and notes far right of the table', () => {
  const limits = { ...DEFAULT_LIMITS, maxColumns: 20 };

  // Every row had an empty styled <c r="XFDn" s="1"/>: «в строке 1 больше 2000 колонок», and the workbook was refused.
  it('empty cells that carry only a style count for nothing and widen no row', async () => {
    const rows = await read(workbook(dealRows({ extra: (r) => `<c r="XFD${r}" s="1"/><c r="ZZ${r}" s="2"><v></v></c>` })), limits);
    expect(rows).toEqual(await read(workbook(dealRows()), limits));
    expect((rows as string[][])[0]).toHaveLength(6);
  });

  it('a note far right of the table (column 3000) is read where it stands, and the workbook with it', () => {
    const note = (r: number) => (r === 3 ? '<c r="DKJ3" t="inlineStr"><is><t>перезвонить</t></is></c>' : '');
    const run = kpi(put('note-far.xlsx', workbook(dealRows({ extra: note }))), 'en');
    expect(run.code).toBe(0);
    expect(revenue(run.stdout)).toBe(6000);
  });

  it('more filled cells than --max-columns stops the run naming the sheet and the cell, in Russian and in English', async () => {
    const wide = (r: number) => (r === 2 ? Array.from({ length: 20 }, (_, i) => `<c r="${letter(i % 26)}${letter(6 + (i % 20))}${r}"><v>${i}</v></c>`).join('') : '');
    const error = await read(workbook(dealRows({ extra: wide })), limits);
    expect((error as UserError).code).toBe('E_LIMIT_COLUMNS');
    expect((error as UserError).message).toBe('row 2 of sheet "Сделки" has more than 20 filled cells (cell OU2 is past the limit)');
    expect(describeUserError(error as UserError, 'ru')).toBe('d.xlsx, строка 2: в строке 2 листа «Сделки» больше 20 заполненных ячеек (ячейка «OU2» — сверх предела)\n  подсказка: если файл настоящий, поднимите --max-columns');
  });

  it('a filled cell right of XFD is a damaged workbook', async () => {
    const error = await read(workbook(dealRows({ extra: (r) => (r === 2 ? '<c r="XFE2"><v>1</v></c>' : '') })));
    expect((error as UserError).message).toBe('the workbook is damaged: cell XFE2 of sheet "Сделки" is right of a sheet\'s last column (XFD)');
  });

  // A tester's sheet with a row numbered 1 048 577 was read as one more deal, with no word.
  it.each([['1048577'], ['0'], ['2.5'], ['x']])('a row numbered %s is a damaged workbook, in both languages', async (r) => {
    const error = await read(workbook(dealRows().replace('<row r="4">', `<row r="${r}">`)));
    expect((error as UserError).code).toBe('E_XLSX_CORRUPT');
    expect((error as UserError).message).toBe(`the workbook is damaged: a row of sheet "Сделки" is numbered ${r}, and an Excel sheet has rows 1 to 1,048,576 only`);
    expect(describeUserError(error as UserError, 'ru')).toContain(`книга повреждена: у строки листа «Сделки» номер «${r}», а на листе Excel строки только с 1-й по 1 048 576-ю`);
  });

  it('the last row a sheet can have is read', async () => {
    const rows = (await read(workbook(dealRows().replace('<row r="4">', '<row r="1048576">').replace(/r="([A-F])4"/g, 'r="$11048576"')))) as string[][];
    expect(rows).toHaveLength(4);
    expect(rows[3]).toEqual(((await read(workbook(dealRows()))) as string[][])[3]);
    expect(rows[3]![1]).toBe('Anna');
  });
});

// A helper's workbook with rows hidden by a filter: all read, with no word, while the user saw fewer.
describe('rows the workbook hides', () => {
  it('are read as every other row, and said (hidden-rows) in both languages', () => {
    const xml = dealRows().replace('<row r="3">', '<row r="3" hidden="1">').replace('<row r="4">', '<row r="4" spans="1:6" hidden="true">');
    expect(xml).not.toBe(dealRows());
    const file = put('hidden-rows.xlsx', workbook(xml));
    const en = kpi(file, 'en');
    expect(en.code, en.stderr).toBe(0);
    expect(revenue(en.stdout)).toBe(6000);
    expect(JSON.parse(en.stdout).dataQuality.alerts).toContainEqual({ code: 'hidden-rows', file, sheet: 'Сделки', rows: 2 });
    expect(en.stderr).toContain('2 rows of the sheet "Сделки" are hidden (by a filter, or by hand in Excel): read as every other row.');
    expect(kpi(file, 'ru').stderr).toContain('на листе «Сделки» 2 строки скрыты (фильтром или вручную в Excel): они прочитаны, как все остальные.');
    expect(JSON.parse(kpi(put('shown.xlsx', workbook(dealRows())), 'en').stdout).dataQuality.alerts).toEqual([]);
    // inspect says it too (tester T49 F4: it was silent).
    expect(runCli(['inspect', file, '--lang', 'en']).stdout).toContain('2 rows of the sheet "Сделки" are hidden (by a filter, or by hand in Excel): read as every other row.');
  });
});

// A helper's crafted workbook held two entries named xl/worksheets/sheet1.xml: the second was read, revenue 100 times the first's.
describe('two parts of one name', () => {
  it('are a damaged workbook: which one to read is not guessed', () => {
    const zip = makeZip([
      { name: '[Content_Types].xml', data: `${PROLOG}<Types/>` },
      { name: 'xl/workbook.xml', data: `${PROLOG}<workbook xmlns:r="r"><sheets><sheet name="Сделки" sheetId="1" r:id="rId1"/></sheets></workbook>` },
      { name: 'xl/_rels/workbook.xml.rels', data: `${PROLOG}<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>` },
      { name: 'xl/styles.xml', data: STYLES },
      { name: 'xl/worksheets/sheet1.xml', data: `${PROLOG}<worksheet><sheetData>${dealRows()}</sheetData></worksheet>` },
      { name: 'xl/worksheets/sheet1.xml', data: `${PROLOG}<worksheet><sheetData>${dealRows().replace('<v>1000</v>', '<v>100000</v>')}</sheetData></worksheet>` },
    ]);
    const run = kpi(put('two-parts.xlsx', zip), 'en');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('two-parts.xlsx: the workbook is damaged and cannot be read: it has two parts named xl/worksheets/sheet1.xml');
    const ru = kpi(put('two-parts.xlsx', zip), 'ru');
    expect(ru.stderr).toContain('в ней две части с именем xl/worksheets/sheet1.xml');
  });
});

// T37 F7: an English run appended the zip library's words («end of central directory record signature not found»), the Russian dropped them.
describe('a zip archive cut short', () => {
  it('is a damaged workbook, said alike in both languages, with no library text', () => {
    const whole = workbook(dealRows());
    const file = put('half.xlsx', whole.subarray(0, Math.floor(whole.length / 2)));
    const en = kpi(file, 'en');
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('half.xlsx: the workbook is damaged and cannot be read: its zip archive is broken\n  hint: download or export the file from the CRM again: the download was probably cut short');
    expect(en.stderr).not.toMatch(/signature|central directory|\(/);
    const ru = kpi(file, 'ru');
    expect(ru.stderr).toContain('книга повреждена и не читается: её ZIP-архив испорчен');
    expect(latinWords(ru.stderr)).toEqual([]);
  });
});

// A helper's workbook named a sheet whose part the zip lacks: «every sheet of the workbook is empty».
describe('a sheet whose part the zip lacks', () => {
  it('is a damaged workbook, with the fix, not an empty one', () => {
    const zip = makeZip([
      { name: '[Content_Types].xml', data: `${PROLOG}<Types/>` },
      { name: 'xl/workbook.xml', data: `${PROLOG}<workbook xmlns:r="r"><sheets><sheet name="Сделки" sheetId="1" r:id="rId1"/></sheets></workbook>` },
      { name: 'xl/_rels/workbook.xml.rels', data: `${PROLOG}<Relationships><Relationship Id="rId1" Target="worksheets/nope.xml"/></Relationships>` },
      { name: 'xl/styles.xml', data: STYLES },
      { name: 'xl/worksheets/sheet1.xml', data: `${PROLOG}<worksheet><sheetData>${dealRows()}</sheetData></worksheet>` },
    ]);
    const run = kpi(put('missing-part.xlsx', zip), 'en');
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('missing-part.xlsx: the workbook is damaged and cannot be read: it lacks the part xl/worksheets/nope.xml its table of contents names');
    expect(kpi(put('missing-part.xlsx', zip), 'ru').stderr).toContain('в ней нет части xl/worksheets/nope.xml');
    expect(run.stderr).toContain('open it in Excel or LibreOffice and save it again as .xlsx');
  });
});

describe('formulas without computed values', () => {
  // «=500*2» — не число, with a --map hint that cannot help.
  it('stop the run with the cause and the fix (open and save), naming the cell, in Russian and in English', () => {
    const xml = dealRows().replace('<c r="F2"><v>1000</v></c>', '<c r="F2"><f>500*2</f></c>').replace('<c r="F3"><v>2000</v></c>', '<c r="F3"><f t="shared" si="0"/></c>');
    const file = put('formulas.xlsx', workbook(xml));
    const ru = kpi(file, 'ru');
    expect(ru.code).toBe(2);
    expect(ru.stderr).toContain('formulas.xlsx, строка 2: в ячейке «F2» листа «Сделки» формула «=500*2» без вычисленного значения: книгу записала программа, которая формулы не вычисляет');
    expect(ru.stderr).toContain('откройте файл в Excel или LibreOffice и сохраните его: значения формул будут вычислены и сохранены');
    expect(ru.stderr).not.toContain('--map');
    expect(latinWords(ru.stderr)).toEqual([]);
    const en = kpi(file, 'en');
    expect(en.stderr).toContain('cell F2 of sheet "Сделки" holds the formula =500*2 with no computed value');
  });

  it('a shared formula\'s later cell without a value is one too; a formula with its value reads the value', async () => {
    const shared = dealRows().replace('<c r="F3"><v>2000</v></c>', '<c r="F3"><f t="shared" si="0"/></c>');
    expect((await read(workbook(shared))).toString()).toContain('cell F3 of sheet "Сделки" holds the formula =… with no computed value');
    const cached = dealRows().replace('<c r="F2"><v>1000</v></c>', '<c r="F2"><f>500*2</f><v>1000</v></c>');
    expect(await read(workbook(cached))).toEqual(await read(workbook(dealRows())));
  });

  // A helper's formula with an empty cached value (<v></v>) read as an empty amount: a won deal's 3000 gone, exit 0.
  it('a formula whose cached value is empty (<v></v>) is one too, as <v/> is; an empty text result (t="str") is an empty cell', async () => {
    for (const cell of ['<c r="F2"><f>500*2</f><v></v></c>', '<c r="F2" t="n"><f>500*2</f><v></v></c>']) {
      expect((await read(workbook(dealRows().replace('<c r="F2"><v>1000</v></c>', cell)))).toString()).toContain('cell F2 of sheet "Сделки" holds the formula =500*2 with no computed value');
    }
    const text = dealRows().replace('<c r="F2"><v>1000</v></c>', '<c r="F2" t="str"><f>IF(1,"","")</f><v></v></c>');
    expect((await read(workbook(text))).toString()).not.toContain('no computed value');
  });

  // A tester: a HubSpot-style workbook (1904 dates) with a «Total» row whose =SUM was saved without its value
  // stopped the whole run (exit 2), though the row is a totals row, dropped with or without the value.
  it('in a totals row, dropped anyway, stops nothing; in a deal row, or a «Total» label that fills the row, it still does', async () => {
    const build = async (name: string, last: unknown[]) => {
      const wb = new ExcelJS.Workbook();
      wb.properties.date1904 = true;
      const ws = wb.addWorksheet('Deals');
      ws.addRow(['Deal Name', 'Deal Owner', 'Create Date', 'Close Date', 'Deal Stage', 'Amount']);
      ws.addRow(['A', 'Ann', new Date(Date.UTC(2025, 2, 1, 9)), new Date(Date.UTC(2025, 2, 11, 9)), 'Closed Won', 1000]);
      ws.addRow(['B', 'Ann', new Date(Date.UTC(2025, 2, 2, 9)), new Date(Date.UTC(2025, 2, 3, 9)), 'Closed Lost', 2000]);
      ws.addRow(last);
      ws.getColumn(3).numFmt = 'yyyy-mm-dd hh:mm';
      ws.getColumn(4).numFmt = 'yyyy-mm-dd hh:mm';
      return put(name, Buffer.from(await wb.xlsx.writeBuffer()));
    };
    const total = await build('total-no-cache.xlsx', ['Total', '', null, null, '', { formula: 'SUM(F2:F3)' }]);
    const run = kpi(total, 'en');
    expect(run.code, run.stderr).toBe(0);
    const json = JSON.parse(run.stdout);
    expect(json.total).toMatchObject({ leads: 2, won: 1, revenue: 1000 });
    expect(json.dataQuality.files[0]).toMatchObject({ records: 2, dropped: { 'totals row': 1 } });
    expect(runCli(['inspect', total]).code).toBe(0);
    // A deal's amount never calculated is still refused: the value is the deal's.
    const deal = await build('deal-no-cache.xlsx', ['C', 'Ann', new Date(Date.UTC(2025, 2, 4, 9)), null, 'Closed Won', { formula: '500*2' }]);
    expect(kpi(deal, 'en').stderr).toContain('cell F4 of sheet "Deals" holds the formula =500*2 with no computed value');
    // «Total Wine…» filling the row is a deal, not a totals row: judged as if the formula had its value.
    const named = await build('named-no-cache.xlsx', ['Total Wine roll-out', 'Ann', new Date(Date.UTC(2025, 2, 4, 9)), null, 'Closed Won', { formula: '500*2' }]);
    expect(kpi(named, 'en').code).toBe(2);
    // A label that is itself a formula never calculated says nothing of the row.
    const label = await build('label-no-cache.xlsx', [{ formula: '"Total"' }, '', null, null, '', 3000]);
    expect(kpi(label, 'en').stderr).toContain('cell A4 of sheet "Deals" holds the formula');
  });
});

describe('formulas without computed values, handed on (uncalculated: \'pass\')', () => {
  // The importer judges them once the row and the header are known (a totals row, a column no field reads).
  it('are read as empty cells and given with their row: cell, formula, and whether it aggregates ranges (a shared formula\'s later cell too)', async () => {
    const xml = rowXml(1, ['id', 'amount', 'margin']) + '<row r="2"><c r="A2"><v>1</v></c><c r="B2"><v>1000</v></c><c r="C2"><f>B2*0.3</f></c></row>' + '<row r="3"><c r="B3"><f t="shared" ref="B3:C3" si="4">SUM(B2:B2)</f></c><c r="C3"><f t="shared" si="4"/></c></row>';
    const rows: Array<{ cells: string[]; line: number; uncalculated?: unknown }> = [];
    await readXlsx({ buffer: workbook(xml) }, 'd.xlsx', undefined, DEFAULT_LIMITS, (cells, line, uncalculated) => void rows.push({ cells: cells as string[], line, ...(uncalculated ? { uncalculated } : {}) }), 'pass');
    expect(rows).toEqual([
      { cells: ['id', 'amount', 'margin'], line: 1 },
      { cells: ['1', '1000'], line: 2, uncalculated: [{ col: 2, cell: 'C2', formula: 'B2*0.3', aggregate: false, sheet: 'Сделки' }] },
      {
        cells: [],
        line: 3,
        uncalculated: [
          { col: 1, cell: 'B3', formula: 'SUM(B2:B2)', aggregate: true, sheet: 'Сделки' },
          { col: 2, cell: 'C3', formula: '…', aggregate: true, sheet: 'Сделки' },
        ],
      },
    ]);
    // Without 'pass' (a reader that judges nothing), the first one stops the read, as ever.
    expect(String(await read(workbook(xml)))).toContain('cell C2 of sheet "Сделки" holds the formula =B2*0.3 with no computed value');
  });
});

describe('numbers whose display format does not fit their field', () => {
  // created_at = 45474.25 formatted h:mm: «6:00:00 — не дата» for every row; [h]:mm:ss: «1091382:00:00».
  it.each([
    ['h:mm', 2],
    ['[h]:mm:ss', 3],
  ])('a date and time formatted %s is read as the date and time', (_, style) => {
    const rows = dealRows({ styles: [undefined, undefined, style, style], values: (d) => [d[0]!, d[1]!, `${d[2]}.25`, `${d[3]}.5`, d[4]!, d[5]!] });
    const run = kpi(put(`time-format-${style}.xlsx`, workbook(rows)), 'en');
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(revenue(run.stdout)).toBe(6000);
  });

  // amount 1000 formatted dd.mm.yyyy: «1902-09-26» — не число.
  it('an amount formatted as a date is read as its number (a date before 1970 is no CRM date)', () => {
    const run = kpi(put('amount-as-date.xlsx', workbook(dealRows({ styles: [undefined, undefined, 1, 1, undefined, 1] }))), 'en');
    expect(run.code).toBe(0);
    expect(revenue(run.stdout)).toBe(6000);
  });

  // amount 150000 formatted dd.mm.yyyy: «2310-09-07» — не число.
  it('an amount formatted as a date after 2100 is read as its number; one between 1970 and 2100 is said to be a date', () => {
    const values = (amounts: string[]) => (d: string[], i: number) => [...d.slice(0, 5), amounts[i]!];
    const late = kpi(put('amount-as-late-date.xlsx', workbook(dealRows({ styles: [undefined, undefined, 1, 1, undefined, 1], values: values(['150000', '2000', '99999'] ) }))), 'en');
    expect(late.code, late.stderr).toBe(0);
    expect(revenue(late.stdout)).toBe(249999);
    // 45000 shows as 2023-03-15: a date the cell may really hold, so the row is skipped, naming it.
    const plausible = kpi(put('amount-as-plausible-date.xlsx', workbook(dealRows({ styles: [undefined, undefined, 1, 1, undefined, 1], values: values(['45000', '2000', '5000']) }))), 'en');
    expect(plausible.stderr).toContain('"2023-03-15" is not a number');
  });

  it('keeps Excel\'s last day, 9999-12-31, a date (the placeholder of a date never set)', async () => {
    const sheet = rowXml(1, ['closed_at', 'amount'], []) + rowXml(2, ['2958465', '150000'], [1, 1]);
    expect(await read(workbook(sheet))).toEqual([['closed_at', 'amount'], ['9999-12-31', '150000']]);
  });
});
