// «No client» is one rule (namesNoClient, src/io/map/cells.ts): RowCells.noClient reads it by bytes
// where it can and by text otherwise, and the first look at a call log's client column (empty-client.ts)
// reads its strings with it. The three must agree cell by cell.
import { describe, expect, it } from 'vitest';
import { namesNoClient, RowCells } from '../../../src/io/map/cells.js';
import { ByteRow } from '../../../src/io/read/csv.js';

/** A one-cell CSV record of `text`'s UTF-8 bytes. */
function byteRow(text: string): ByteRow {
  const row = new ByteRow({ decode: (buf, s, e) => buf.toString('utf8', s, e), utf8: true });
  const buf = Buffer.from(text, 'utf8');
  row.use(buf);
  row.starts[0] = 0;
  row.ends[0] = buf.length;
  row.count = 1;
  return row;
}

// Each cell and whether it names no client, by hand.
const CELLS: Array<[string, boolean]> = [
  ['', true],
  [' ', true],
  ['0', true],
  ['000', true],
  // Zeros with spaces or a tab between them (a number column formatted with grouping).
  ['0 0', true],
  ['\t0\t', true],
  // Characters the edge trim cuts: a zero-width space, a no-break space, a BOM.
  ['\u200b0', true],
  ['0\u00a0', true],
  ['\ufeff00', true],
  // A no-break space between zeros is not an edge.
  ['0\u00a00', false],
  ['01', false],
  ['10', false],
  ['0x', false],
  ['ООО', false],
  ['ООО Альфа', false],
  // What a CRM writes for a contact without a name (core/kpi/placeholder-clients.ts), in any case and spacing.
  ['Без имени', true],
  ['  без  ИМЕНИ ', true],
  ['Без названия', true],
  ['Контактное лицо', true],
  ['Unknown', true],
  ['-', true],
  ['—', true],
  ['Нет', true],
  // A zero-width space, a BOM or a thin space copied with it: the text rule's trim and spaces, on the byte path too (a reviewer).
  ['Без имени\u200b', true],
  ['\ufeffUnknown', true],
  ['без\u2009имени', true],
  ['Без\u200bимени', false],
  // Names that begin as a placeholder does, and are not one.
  ['Без имени и фамилии', false],
  ['Нетология', false],
  ['-7', false],
  ['Никитин', false],
  ['Unknown Ltd', false],
];

describe('namesNoClient', () => {
  it.each(CELLS)('%j names no client: %s', (text, none) => {
    expect(namesNoClient(text)).toBe(none);
  });

  it.each(CELLS)('RowCells.noClient agrees on %j, read as text and as bytes', (text, none) => {
    const cells = new RowCells();
    expect(cells.setText([text]).noClient(0)).toBe(none);
    expect(cells.setBytes(byteRow(text)).noClient(0)).toBe(none);
  });
});
