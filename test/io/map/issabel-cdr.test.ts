// Issabel's and Elastix's «CDR Report» download (a tester's T25): Asterisk's records headed in words
// (Date, Source, Ring Group, Destination, Src. Channel, Account Code, Dst. Channel, Status, Duration) was
// refused for a manager column, with a snippet to paste. Its profile reads it by its channels: the
// employee is the line on the company's side, legs of a ring group one call (by UniqueID where the
// export has it, else by the calling channel), a call between lines dropped. «Source» stays no alias
// of a caller elsewhere: a deals file's lead source. CSV (the byte path and the text path) and XLSX.
// Expectations by hand.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Activity } from '../../../src/core/records.js';
import { guessKind } from '../../../src/io/map/inspect.js';
import { importActivities, type ImportReport } from '../../../src/io/map/import.js';
import { detectProfile } from '../../../src/io/map/profiles.js';
import { mapColumns } from '../../../src/io/map/mapping.js';

const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-issabel-'));

const HEADER = ['Date', 'Source', 'Ring Group', 'Destination', 'Src. Channel', 'Account Code', 'Dst. Channel', 'Status', 'Duration'];
const ROWS = [
  // A call in to ring group 600: 101 takes it (120 s), 102's leg rang; one call by its calling channel.
  ['2025-03-03 09:05:00', '79161111111', 'Sales', '600', 'PJSIP/trunk-00000010', '', 'PJSIP/101-00000011', 'ANSWERED', '120s (2m 0s)'],
  ['2025-03-03 09:05:00', '79161111111', 'Sales', '600', 'PJSIP/trunk-00000010', '', 'PJSIP/102-00000012', 'NO ANSWER', '0s'],
  // 101 calls out, 60 s; 102 calls out, busy.
  ['2025-03-03 09:45:00', '101', '', '89162222222', 'PJSIP/101-00000030', '', 'PJSIP/trunk-00000031', 'ANSWERED', '60s (1m 0s)'],
  ['2025-03-03 10:00:00', '102', '', '79163333333', 'PJSIP/102-00000040', '', 'PJSIP/trunk-00000041', 'BUSY', '0s'],
  // A call in to 102, not answered: missed.
  ['2025-03-03 11:00:00', '79164444444', '', '102', 'PJSIP/trunk-00000060', '', 'PJSIP/102-00000061', 'NO ANSWER', '0s'],
  // 101 calls 102: between employees, dropped.
  ['2025-03-03 12:00:00', '101', '', '102', 'PJSIP/101-00000080', '', 'PJSIP/102-00000081', 'ANSWERED', '30s'],
];

/** Each call as «line direction [missed] seconds client» (the phone as a key: 8… is 7…), sorted (legs joined are given when the call is whole). */
async function read(name: string, textRows: boolean): Promise<{ kind: string; calls: string[]; report: ImportReport }> {
  const opts = { cwd: dir, stdin: process.stdin, textRows };
  const kind = await guessKind(name, opts);
  const list: Activity[] = [];
  const { report } = await importActivities(name, opts, (a) => list.push({ ...a }));
  const calls = list.map((a) => [a.manager, a.direction, ...(a.missed ? ['missed'] : []), a.duration_s, a.client].join(' ')).sort();
  return { kind, calls, report };
}

function expectRead({ kind, calls, report }: { kind: string; calls: string[]; report: ImportReport }): void {
  expect([kind, report.profile?.id]).toEqual(['activities', 'issabel-cdr']);
  expect(calls).toEqual(['101 in 120 79161111111', '101 out 60 79162222222', '102 in missed 0 79164444444', '102 out 0 79163333333']);
  expect(report.dropped).toEqual({ 'internal call (between employees)': 1, 'another leg of a call already counted (the same calling channel, at the same time)': 1 });
  expect(report.skippedCount).toBe(0);
}

describe("Issabel's and Elastix's CDR Report", () => {
  writeFileSync(path.join(dir, 'cdrreport.csv'), `${[HEADER, ...ROWS].map((r) => r.map((c) => `"${c}"`).join(',')).join('\n')}\n`);

  it.each([false, true])('is read by its profile, without a map: lines, directions, legs (CSV, text rows: %s)', async (textRows) => {
    expectRead(await read('cdrreport.csv', textRows));
  });

  it('in an XLSX workbook too', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('CDR Report').addRows([HEADER, ...ROWS]);
    writeFileSync(path.join(dir, 'cdrreport.xlsx'), Buffer.from(await wb.xlsx.writeBuffer()));
    expectRead(await read('cdrreport.xlsx', true));
  });

  it('with UniqueID, the legs of one id are one call', async () => {
    const header = [...HEADER, 'UniqueID', 'User Field', 'DID'];
    // The ring group's two legs share their id; each other row has its own.
    const rows = ROWS.map((r, i) => [...r, `1741000001.${i < 2 ? 10 : 20 + i}`, '', '']);
    writeFileSync(path.join(dir, 'cdrreport-ids.csv'), [header, ...rows].map((r) => r.join(',')).join('\n'));
    const r = await read('cdrreport-ids.csv', false);
    expect(r.calls).toEqual(['101 in 120 79161111111', '101 out 60 79162222222', '102 in missed 0 79164444444', '102 out 0 79163333333']);
    expect(r.report.dropped).toEqual({ 'internal call (between employees)': 1, 'another leg of a call already counted (the same call id)': 1 });
  });

  it('needs both channel columns; its words read nothing elsewhere: «Source» is a deals file\'s lead source', () => {
    expect(detectProfile(HEADER.filter((h) => h !== 'Dst. Channel'), 'activities')?.profile.id).not.toBe('issabel-cdr');
    const deals = mapColumns(['ID', 'Date', 'Source', 'Status', 'Destination', 'Manager'], 'deals');
    expect(deals.profile).toBeUndefined();
    expect(deals.fields.get('source')).toEqual([2]);
  });
});
