import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { hiddenColumns as xlsxHidden } from '../../../src/io/read/xlsx.js';
import { hiddenColumns as xml2003Hidden } from '../../../src/io/read/spreadsheetml.js';
import { inSpans, readTable, type ColumnSpans } from '../../../src/io/read/table.js';
import { DEFAULT_LIMITS } from '../../../src/io/read/limits.js';
import { mapColumns } from '../../../src/io/map/mapping.js';
import { makeZip } from '../../fixtures/zip.js';
import { runCli } from '../../helpers/cli.js';

const PROLOG = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
const STYLES = `${PROLOG}<styleSheet><numFmts><numFmt numFmtId="164" formatCode="dd.mm.yyyy"/></numFmts><cellXfs><xf numFmtId="0"/><xf numFmtId="164"/></cellXfs></styleSheet>`;
const letter = (i: number) => String.fromCharCode(65 + i);
const cell = (ref: string, v: string) => (/^\d+(\.\d+)?$/.test(v) ? `<c r="${ref}"><v>${v}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`);
const rowsXml = (rows: string[][]) => rows.map((r, i) => `<row r="${i + 1}">${r.map((v, c) => (v === '' ? '' : cell(`${letter(c)}${i + 1}`, v))).join('')}</row>`).join('');

/** A workbook of one sheet «Сделки» whose `<cols>` is written as given. */
function workbook(rows: string[][], cols: string): Buffer {
  return makeZip([
    { name: '[Content_Types].xml', data: `${PROLOG}<Types/>` },
    { name: 'xl/workbook.xml', data: `${PROLOG}<workbook xmlns:r="r"><sheets><sheet name="Сделки" sheetId="1" r:id="rId1"/></sheets></workbook>` },
    { name: 'xl/_rels/workbook.xml.rels', data: `${PROLOG}<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>` },
    { name: 'xl/styles.xml', data: STYLES },
    { name: 'xl/worksheets/sheet1.xml', data: `${PROLOG}<worksheet><sheetFormatPr defaultRowHeight="15"/>${cols}<sheetData>${rowsXml(rows)}</sheetData></worksheet>` },
  ]);
}

/**
 * Deals 1-3 (Anna won 1000, Boris lost 2000, Anna won 5000: revenue 6000) with a hidden first column
 * «manager» that names «Admin» on every row, left of the visible «manager».
 */
const SHADOWED = [
  ['manager', 'id', 'manager', 'created_at', 'closed_at', 'status', 'amount'],
  ['Admin', '1', 'Anna', '2025-01-02', '2025-01-10', 'won', '1000'],
  ['Admin', '2', 'Boris', '2025-01-03', '2025-01-11', 'lost', '2000'],
  ['Admin', '3', 'Anna', '2025-01-04', '2025-01-14', 'won', '5000'],
];
const HIDE_A = '<cols><col min="1" max="1" width="0" hidden="1" customWidth="1"/><col min="2" max="7" width="12"/></cols>';

const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-hidden-columns-'));
function put(name: string, data: Buffer | string): string {
  const file = path.join(dir, name);
  writeFileSync(file, data);
  return file;
}

function kpi(file: string, lang: 'ru' | 'en') {
  return runCli(['kpi', '-d', file, '--now', '2025-06-01', '--format', 'json'], { env: lang === 'ru' ? { LANG: 'ru_RU.UTF-8' } : {} });
}

type Result = { managers: Array<{ manager: string; leads: number; won: number; revenue: number }>; total: { revenue: number }; dataQuality: { alerts: Array<{ code: string }> } };

describe('the columns a sheet hides', () => {
  it('are read from <cols> as 0-based spans, hidden="1" or "true" only', () => {
    expect(xlsxHidden('<cols><col min="1" max="1" hidden="1"/><col min="2" max="3" width="9"/><col min="4" max="6" hidden="true" outlineLevel="1"/><col min="8" max="8" hidden="0"/></cols>')).toEqual([
      { from: 0, to: 0 },
      { from: 3, to: 5 },
    ]);
    // Excel hides every column past a table as one range to XFD.
    expect(xlsxHidden('<cols><col min="10" max="16384" hidden="1"/></cols>')).toEqual([{ from: 9, to: 16_383 }]);
    expect(xlsxHidden('<sheetFormatPr/>')).toEqual([]);
  });

  it('of an XML Spreadsheet 2003 worksheet: ss:Index, one after another, ss:Span', () => {
    const body = '<Table><Column ss:Width="30"/><Column ss:Hidden="1" ss:Width="0"/><Column ss:Index="5" ss:Span="2" ss:Hidden="1"/><Column ss:Width="40"/><Row><Cell><Data ss:Type="String">x</Data></Cell></Row></Table>';
    // Columns 1 visible, 2 hidden, 5-7 hidden, 8 visible.
    expect(xml2003Hidden(body)).toEqual([
      { from: 1, to: 1 },
      { from: 4, to: 6 },
    ]);
    expect(xml2003Hidden('<Table><Row><Cell><Data ss:Type="String">x</Data></Cell></Row></Table>')).toEqual([]);
  });

  it('are told before the first row, through readTable', async () => {
    const file = put('told.xlsx', workbook(SHADOWED, HIDE_A));
    const events: string[] = [];
    let spans: ColumnSpans | undefined;
    await readTable(file, { cwd: dir, stdin: new PassThrough(), limits: DEFAULT_LIMITS, onHiddenColumns: (s) => ((spans = s), events.push('hidden')) }, () => void events.push('row'));
    expect(events).toEqual(['hidden', 'row', 'row', 'row', 'row']);
    expect(spans).toEqual([{ from: 0, to: 0 }]);
    expect(inSpans(spans, 0)).toBe(true);
    expect(inSpans(spans, 2)).toBe(false);
  });

  it('come after the visible ones when two columns match a field, by alias and by a --map name', () => {
    const hidden = [{ from: 0, to: 0 }];
    const map = mapColumns(SHADOWED[0]!, 'deals', {}, undefined, undefined, {}, hidden);
    expect(map.fields.get('manager')).toEqual([2]);
    expect(map.columns[0]).toMatchObject({ hidden: true, passedOverFor: 'manager' });
    expect(map.columns[0]!.field).toBeUndefined();
    // No question of which is the manager: the hidden one is no column the user sees.
    expect(map.ambiguous).toBeUndefined();
    expect(mapColumns(SHADOWED[0]!, 'deals', { manager: 'manager' }, undefined, undefined, {}, hidden).fields.get('manager')).toEqual([2]);
    // Without hidden columns, the leftmost as before.
    expect(mapColumns(SHADOWED[0]!, 'deals').fields.get('manager')).toEqual([0]);
  });
});

describe('kpi and inspect on a workbook with a hidden column', () => {
  it('read the visible «manager», not the hidden one of the same name, and say nothing of a hidden column not read', () => {
    const file = put('shadowed.xlsx', workbook(SHADOWED, HIDE_A));
    const run = kpi(file, 'en');
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as Result;
    expect(out.managers.map((m) => [m.manager, m.leads, m.won, m.revenue])).toEqual([
      ['Anna', 2, 2, 6000],
      ['Boris', 1, 0, 0],
    ]);
    expect(out.total.revenue).toBe(6000);
    expect(out.dataQuality.alerts.map((a) => a.code)).not.toContain('hidden-columns');
    const ru = runCli(['inspect', file], { env: { LANG: 'ru_RU.UTF-8' } });
    expect(ru.code, ru.stderr).toBe(0);
    expect(ru.stdout).toContain('1. «manager»                            пропущена (менеджер (manager) берётся из колонки 3 «manager») (скрыта в Excel)');
    expect(ru.stdout).toContain('3. «manager»                            -> менеджер (manager)\n');
    const en = runCli(['inspect', file]);
    expect(en.stdout).toContain('passed over (manager comes from column 3 "manager") (hidden in Excel)');
  });

  it('say a hidden column that is read (hidden-columns), in Russian and in English', () => {
    // Column F «amount» hidden: the only amount column, read, and said.
    const rows = SHADOWED.map((r) => r.slice(1));
    const file = put('hidden-amount.xlsx', workbook(rows, '<cols><col min="6" max="6" hidden="1"/></cols>'));
    const en = kpi(file, 'en');
    expect(en.code, en.stderr).toBe(0);
    expect((JSON.parse(en.stdout) as Result).total.revenue).toBe(6000);
    expect((JSON.parse(en.stdout) as Result).dataQuality.alerts).toContainEqual({ code: 'hidden-columns', file, sheet: 'Сделки', columns: [{ header: 'amount', column: 'F', field: 'amount' }] });
    expect(en.stderr).toContain('the column "amount" (column F, field amount) of the sheet "Сделки" is hidden in Excel, but read: the report holds values nobody sees in the table.');
    const ru = kpi(file, 'ru');
    expect(ru.stderr).toContain('на листе «Сделки» колонка «amount» (колонка F, поле amount) скрыта в Excel, но прочитана: в отчёт вошли значения, которых в таблице не видно.');
    const inspect = runCli(['inspect', file]);
    expect(inspect.stdout).toContain('-> amount (hidden in Excel: its values are not shown in the table)');
  });

  it('of an XML Spreadsheet 2003 document: the visible one read, the hidden one read alone said', () => {
    const cellsOf = (r: string[]) => r.map((v) => `<Cell><Data ss:Type="${/^\d+$/.test(v) ? 'Number' : 'String'}">${v}</Data></Cell>`).join('');
    const doc = (columns: string, rows: string[][]) =>
      `<?xml version="1.0" encoding="UTF-8"?>\n<Workbook xmlns="urn:schemas-microsoft-com:office:spreadsheet" xmlns:ss="urn:schemas-microsoft-com:office:spreadsheet"><Worksheet ss:Name="Сделки"><Table>${columns}${rows.map((r) => `<Row>${cellsOf(r)}</Row>`).join('')}</Table></Worksheet></Workbook>`;
    const shadowed = put('shadowed.xml', doc('<Column ss:Hidden="1"/>', SHADOWED));
    const run = kpi(shadowed, 'en');
    expect(run.code, run.stderr).toBe(0);
    expect((JSON.parse(run.stdout) as Result).managers.map((m) => m.manager)).toEqual(['Anna', 'Boris']);
    const amount = put('hidden-amount.xml', doc('<Column ss:Index="6" ss:Hidden="1"/>', SHADOWED.map((r) => r.slice(1))));
    const said = kpi(amount, 'en');
    expect((JSON.parse(said.stdout) as Result).dataQuality.alerts).toContainEqual({ code: 'hidden-columns', file: amount, sheet: 'Сделки', columns: [{ header: 'amount', column: 'F', field: 'amount' }] });
  });
});
