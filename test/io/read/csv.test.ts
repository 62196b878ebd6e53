import fc from 'fast-check';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CsvParser, detectDelimiter, sepContradicted, type CellText } from '../../../src/io/read/csv.js';
import { SCAN_WINDOW } from '../../../src/io/read/csv-scan.js';
import { DEFAULT_LIMITS } from '../../../src/io/read/limits.js';
import { csv } from '../../fixtures/exports.js';

const utf8: CellText = { decode: (buf, s, e) => buf.toString('utf8', s, e), utf8: true };

/** Parses text fed as UTF-8 bytes in the given chunk sizes (cutting characters apart). */
function ours(text: string, delimiter: string, chunk = 7): string[][] {
  const rows: string[][] = [];
  const p = new CsvParser(delimiter.charCodeAt(0), (f) => rows.push(Array.isArray(f) ? f : f.cells()), 'x.csv', DEFAULT_LIMITS, utf8);
  const bytes = Buffer.from(text, 'utf8');
  for (let i = 0; i < bytes.length; i += chunk) p.push(bytes.subarray(i, i + chunk));
  p.end();
  return rows;
}

const field = fc.oneof(
  fc.string({ maxLength: 8 }),
  fc.constantFrom('', '"', '""', 'a;b', 'a,b', 'x\ny', 'x\r\ny', ' sp ', 'Ромашка', '\t', 'q"q'),
);

// The parser finds field edges with the WebAssembly scanner (in windows of the buffer) or, without
// it, byte by byte: every case runs both ways, and with windows small enough to cut records apart.
// The scanner goes on in a chunk after its first bytes finished the record left over from the last
// one (CsvParser.joinBytes): a few bytes make every case cross that seam, or not reach past it.
const SCAN_MODES: Array<[string, number, number]> = [
  ['scanner', SCAN_WINDOW, CsvParser.joinBytes],
  ['scanner, 16-byte windows', 16, CsvParser.joinBytes],
  ['scanner, 5-byte windows, 3-byte joins', 5, 3],
  ['scanner, 1-byte joins', SCAN_WINDOW, 1],
  ['byte by byte', 0, CsvParser.joinBytes],
];

describe.each(SCAN_MODES)('CsvParser against csv-parse (differential), %s', (_mode, window, join) => {
  const before = { window: CsvParser.scanWindow, join: CsvParser.joinBytes };
  beforeAll(() => {
    CsvParser.scanWindow = window;
    CsvParser.joinBytes = join;
  });
  afterAll(() => {
    CsvParser.scanWindow = before.window;
    CsvParser.joinBytes = before.join;
  });

  it('parses random well-formed CSVs exactly like csv-parse, in any chunking', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { minLength: 1, maxLength: 8 }),
        fc.constantFrom(';', ',', '\t'),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        fc.integer({ min: 1, max: 200 }),
        (rows, delimiter, eol, bom, chunk) => {
          // a record of one empty field is an empty line, which csv-parse skips; keep records non-trivial
          const records = rows.map((r) => (r.length === 1 && r[0] === '' ? ['x'] : r));
          const text = csv(records, { delimiter, eol, bom, quoteAll: false });
          const expected = parse(text, { delimiter, bom: true, relax_column_count: true, record_delimiter: eol }) as string[][];
          expect(ours(text.replace(/^\uFEFF/, ''), delimiter, chunk)).toEqual(expected);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('handles quoted line breaks, doubled quotes, a trailing delimiter and no final newline', () => {
    expect(ours('a;"b\nc";"d""e";\n1;2;3;', ';', 3)).toEqual([
      ['a', 'b\nc', 'd"e', ''],
      ['1', '2', '3', ''],
    ]);
  });

  it('accepts lone-CR line ends', () => {
    expect(ours('a,b\r1,2\r', ',')).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
  });

  // A file pasted together from a Windows save and an old Mac save: LF and CRLF ends, and lone CRs.
  // Taken as LF line ends alone, `50\r2` was one cell (read as the number 502) and the record after
  // the CR was lost without a word.
  it('takes a lone CR as a line end when the first bytes mix it with LF and CRLF, in any later chunking', () => {
    const text = 'h1,h2\r\n1,50\r2,3\n3,"a\rb"\r4,5\r\n6,7\r';
    const expected = [['h1', 'h2'], ['1', '50'], ['2', '3'], ['3', 'a\nb'], ['4', '5'], ['6', '7']];
    // The first chunk holds the first lone CR and the byte after it (13 bytes on): the file's line ends are decided there.
    for (let chunk = 13; chunk <= text.length; chunk++) expect(ours(text, ',', chunk), `chunks of ${chunk}`).toEqual(expected);
  });

  it('reads LF and CRLF files as before', () => {
    expect(ours('h1,h2\n1,2\n', ',', 100)).toEqual([['h1', 'h2'], ['1', '2']]);
    expect(ours('h1,h2\r\n1,2\r\n', ',', 100)).toEqual([['h1', 'h2'], ['1', '2']]);
  });

  // Tester T31 (F5): a row was said by its line, and after a two-line amoCRM note «строка 9» was the next deal in Excel.
  it('reports the row a record is, as a spreadsheet numbers it, and the line it starts on', () => {
    const rows: number[] = [];
    const lines: number[] = [];
    const p = new CsvParser(44, (_f, row, _u, line) => (rows.push(row), lines.push(line!)), 'x.csv', DEFAULT_LIMITS, utf8);
    p.push(Buffer.from('h1,h2\n"multi\nline",x\nlast,y\n\n"a\r\nb\nc",z\nend'));
    p.end();
    expect(rows).toEqual([1, 2, 3, 4, 5, 6]);
    expect(lines).toEqual([1, 2, 4, 5, 6, 9]);
    expect(p.unterminatedRow).toBe(6);
  });
});

describe('detectDelimiter', () => {
  it.each([
    ['a;b;c\n1;2;3\n', ';'],
    ['a,b,c\n1,2,3\n', ','],
    ['a\tb\tc\n1\t2\t3\n', '\t'],
    ['"x;y",b,c\n"1;2",2,3\n', ','],
    ['Report title\n\nID;Name;Sum\n1;"a,b";3\n2;c;4\n', ';'],
    // A header-only file without a final line break (a tester's: read as one column).
    ['ID;Название сделки;Бюджет, ₽;Ответственный', ';'],
    // A cut last line does not outvote the whole ones.
    ['a;b;c\n1;2;3\nx,y,z,w,v', ';'],
  ])('%j -> %j', (sample, expected) => {
    expect(detectDelimiter(sample)).toBe(expected);
  });
});

// A tester (tT22 #10): `sep=,` above lines split by `;` read every line as one column, and the run asked for a header.
describe('sepContradicted', () => {
  it.each([
    ['ID;Ответственный;Бюджет\n1;A;1\n', ',', ';'],
    ['a\tb\tc\n1\t2\t3\n', ';', '\t'],
    ['"x,y";b\n"1,2";2\n', ',', ';'],
  ])('%j under sep=%j is split by %j', (sample, sep, found) => {
    expect(sepContradicted(sample, sep)).toBe(found);
  });

  it.each([
    // The named delimiter splits a line: the file is read by it, as ever.
    ['a,b;c\n1,2;3\n', ','],
    ['ID;Name\n1;2\nx,y\n', ','],
    // One column: nothing else splits the lines either.
    ['ID\n1\n2\n', ','],
    // The line agrees.
    ['a;b\n1;2\n', ';'],
    ['', ','],
  ])('%j under sep=%j: no contradiction', (sample, sep) => {
    expect(sepContradicted(sample, sep)).toBeUndefined();
  });
});
