import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readXlsx } from '../../../src/io/read/xlsx.js';
import { DEFAULT_LIMITS } from '../../../src/io/read/limits.js';
import type { Uncalculated } from '../../../src/io/read/uncalculated.js';
import { makeZip } from '../../fixtures/zip.js';
import { runCli } from '../../helpers/cli.js';

// A totals row with no label, made of =COUNT and =SUM (T34 F5): with their values cached it was an
// unreadable deal row («no manager»), without them a totals row. One rule now: the totals row either way.

const PROLOG = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
const letter = (i: number) => String.fromCharCode(65 + i);
const cell = (ref: string, v: string) => (/^\d+(\.\d+)?$/.test(v) ? `<c r="${ref}"><v>${v}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`);
const HEADER = ['id', 'manager', 'created_at', 'closed_at', 'status', 'amount'];
/** Deals 1-3: Anna won 1000, Boris lost 2000, Anna won 5000: 3 leads, revenue 6000 (amounts sum to 8000). */
const DEALS = [
  ['1', 'Anna', '2025-01-02', '2025-01-10', 'won', '1000'],
  ['2', 'Boris', '2025-01-03', '2025-01-11', 'lost', '2000'],
  ['3', 'Anna', '2025-01-04', '2025-01-14', 'won', '5000'],
];
const rowXml = (r: number, values: string[]) => `<row r="${r}">${values.map((v, i) => (v === '' ? '' : cell(`${letter(i)}${r}`, v))).join('')}</row>`;

function workbook(last: string): Buffer {
  const rows = [HEADER, ...DEALS].map((r, i) => rowXml(i + 1, r)).join('') + last;
  return makeZip([
    { name: '[Content_Types].xml', data: `${PROLOG}<Types/>` },
    { name: 'xl/workbook.xml', data: `${PROLOG}<workbook xmlns:r="r"><sheets><sheet name="Сделки" sheetId="1" r:id="rId1"/></sheets></workbook>` },
    { name: 'xl/_rels/workbook.xml.rels', data: `${PROLOG}<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>` },
    { name: 'xl/worksheets/sheet1.xml', data: `${PROLOG}<worksheet><sheetData>${rows}</sheetData></worksheet>` },
  ]);
}

/** Row 5: =COUNT(A2:A4) in «id» and =SUM(F2:F4) in «amount», with their values (3, 8000) or without. */
const totals = (cached: boolean) => `<row r="5"><c r="A5"><f>COUNT(A2:A4)</f>${cached ? '<v>3</v>' : ''}</c><c r="F5"><f>SUM(F2:F4)</f>${cached ? '<v>8000</v>' : ''}</c></row>`;

const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-totals-cached-'));
function put(name: string, data: Buffer | string): string {
  const file = path.join(dir, name);
  writeFileSync(file, data);
  return file;
}

type Quality = { rowsRead: number; rowsSkipped: unknown[]; rowsSkippedCount: number; files: Array<{ records: number; skipped: number; dropped: Record<string, number> }> };
function kpi(file: string): { code: number | null; stderr: string; revenue: number; leads: number; quality: Quality } {
  const run = runCli(['kpi', '-d', file, '--now', '2025-06-01', '--format', 'json']);
  const out = JSON.parse(run.stdout || '{}') as { total?: { revenue: number; leads: number }; dataQuality?: Quality };
  return { code: run.code, stderr: run.stderr, revenue: out.total?.revenue ?? NaN, leads: out.total?.leads ?? NaN, quality: out.dataQuality! };
}

describe('a totals row of aggregates alone, with no label', () => {
  it('hands its cached aggregates to the sink (read as values), only where asked to pass formulas', async () => {
    const rows: Array<{ cells: string[]; uncalculated?: readonly Uncalculated[] }> = [];
    await readXlsx({ buffer: workbook(totals(true)) }, 'd.xlsx', undefined, DEFAULT_LIMITS, (cells, _row, uncalculated) => void rows.push({ cells: cells as string[], ...(uncalculated ? { uncalculated } : {}) }), 'pass');
    expect(rows[4]).toEqual({
      cells: ['3', '', '', '', '', '8000'],
      uncalculated: [
        { col: 0, cell: 'A5', formula: 'COUNT(A2:A4)', aggregate: true, sheet: 'Сделки', cached: true },
        { col: 5, cell: 'F5', formula: 'SUM(F2:F4)', aggregate: true, sheet: 'Сделки', cached: true },
      ],
    });
    expect(rows.slice(0, 4).every((r) => r.uncalculated === undefined)).toBe(true);
    const plain: unknown[][] = [];
    await readXlsx({ buffer: workbook(totals(true)) }, 'd.xlsx', undefined, DEFAULT_LIMITS, (...args) => void plain.push(args));
    expect(plain[4]).toEqual([['3', '', '', '', '', '8000'], 5]);
  });

  it('is dropped as a totals row with its values cached, as without them: no deal said lost', () => {
    const withValues = kpi(put('cached.xlsx', workbook(totals(true))));
    const without = kpi(put('uncached.xlsx', workbook(totals(false))));
    for (const run of [withValues, without]) {
      expect(run.code, run.stderr).toBe(0);
      expect([run.leads, run.revenue]).toEqual([3, 6000]);
      expect(run.quality.rowsSkippedCount).toBe(0);
      expect(run.quality.files[0]).toMatchObject({ records: 3, skipped: 0, dropped: { 'totals row': 1 } });
    }
    expect(withValues.stderr).not.toMatch(/could not be read|no manager/);
  });

  it('so is one =SUM alone, and a shared formula over two columns (its later cell has no text of its own)', () => {
    const sumAlone = kpi(put('sum-alone.xlsx', workbook('<row r="5"><c r="F5"><f>SUM(F2:F4)</f><v>8000</v></c></row>')));
    expect(sumAlone.quality.files[0]!.dropped).toEqual({ 'totals row': 1 });
    const shared = '<row r="5"><c r="E5"><f t="shared" ref="E5:F5" si="0">COUNTA(E2:E4)</f><v>3</v></c><c r="F5"><f t="shared" si="0"/><v>8000</v></c></row>';
    const run = kpi(put('shared.xlsx', workbook(shared)));
    expect([run.code, run.leads, run.revenue, run.quality.rowsSkippedCount]).toEqual([0, 3, 6000, 0]);
    expect(run.quality.files[0]!.dropped).toEqual({ 'totals row': 1 });
  });

  it('is no rule for a deal row: a cached aggregate among its values is read as the value, the row as a deal', () => {
    // Deal 4 (Boris, won) with an amount =SUM(G6:H6) cached 700, next to other values: a deal, revenue 6700.
    const deal = '<row r="5"><c r="A5"><v>4</v></c><c r="B5" t="inlineStr"><is><t>Boris</t></is></c><c r="C5" t="inlineStr"><is><t>2025-01-05</t></is></c><c r="D5" t="inlineStr"><is><t>2025-01-06</t></is></c><c r="E5" t="inlineStr"><is><t>won</t></is></c><c r="F5"><f>SUM(G5:H5)</f><v>700</v></c><c r="G5"><v>300</v></c><c r="H5"><v>400</v></c></row>';
    const run = kpi(put('deal-sum.xlsx', workbook(deal)));
    expect(run.code, run.stderr).toBe(0);
    expect([run.leads, run.revenue, run.quality.rowsSkippedCount]).toEqual([4, 6700, 0]);
    // A row with a value that is no totals label and cached aggregates: read as a deal, as before (its missing manager said).
    const half = kpi(put('half.xlsx', workbook('<row r="5"><c r="A5"><f>COUNT(A2:A4)</f><v>3</v></c><c r="E5" t="inlineStr"><is><t>won</t></is></c><c r="F5"><f>SUM(F2:F4)</f><v>8000</v></c></row>')));
    expect(half.quality.rowsSkippedCount).toBe(1);
  });

  it('of an XML Spreadsheet 2003 document: its R1C1 aggregates with values are the totals too', () => {
    const cells = (r: string[]) => r.map((v) => `<Cell><Data ss:Type="${/^\d+$/.test(v) ? 'Number' : 'String'}">${v}</Data></Cell>`).join('');
    const last = '<Row><Cell ss:Formula="=COUNT(R[-3]C:R[-1]C)"><Data ss:Type="Number">3</Data></Cell><Cell ss:Index="6" ss:Formula="=SUM(R[-3]C:R[-1]C)"><Data ss:Type="Number">8000</Data></Cell></Row>';
    const doc = `<?xml version="1.0" encoding="UTF-8"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="Сделки"><Table>${[HEADER, ...DEALS].map((r) => `<Row>${cells(r)}</Row>`).join('')}${last}</Table></Worksheet></Workbook>`;
    const run = kpi(put('totals.xml', doc));
    expect(run.code, run.stderr).toBe(0);
    expect([run.leads, run.revenue, run.quality.rowsSkippedCount]).toEqual([3, 6000, 0]);
    expect(run.quality.files[0]!.dropped).toEqual({ 'totals row': 1 });
  });
});
