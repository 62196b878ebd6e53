// A PBX log whose channel columns no alias names (Issabel's and Elastix's CDR report, «Src. Channel»,
// «Dst. Channel», was one: it has a profile of its own now, issabel-cdr.test.ts; here «Dest. Channel», a
// spelling no profile knows) was refused for a manager column with a snippet asking for one. Its refusal
// now proposes the channels told by their values (and the caller's number its header names), and the
// snippet pasted reads the log by its lines. Expectations by hand.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Activity } from '../../../src/core/records.js';
import { importActivities } from '../../../src/io/map/import.js';
import { ColumnsMissing } from '../../../src/io/map/mapping.js';

const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-channel-proposal-'));

const HEADER = ['Date', 'Source', 'Ring Group', 'Destination', 'Src. Channel', 'Account Code', 'Dest. Channel', 'Status', 'Duration'];
/** 301 takes a call from outside (90 s), 302 misses one, 301 calls out (30 s; the client 8 926… is 7 926…), 302 calls 301 (internal, dropped). */
const ROWS = [
  ['2025-05-05 09:00:00', '79262000001', '', '301', 'SIP/gw-0000a1', '', 'SIP/301-0000a2', 'ANSWERED', '90s (1m 30s)'],
  ['2025-05-05 09:20:00', '79262000002', '', '302', 'SIP/gw-0000b1', '', 'SIP/302-0000b2', 'NO ANSWER', '0s'],
  ['2025-05-05 10:00:00', '301', '', '89262000003', 'SIP/301-0000c1', '', 'SIP/gw-0000c2', 'ANSWERED', '30s'],
  ['2025-05-05 11:00:00', '302', '', '301', 'SIP/302-0000d1', '', 'SIP/301-0000d2', 'ANSWERED', '12s'],
];

const write = (name: string, header: string[], rows: string[][]) => writeFileSync(path.join(dir, name), `${[header, ...rows].map((r) => r.map((c) => `"${c}"`).join(',')).join('\n')}\n`);

/** The refusal of reading `name` as it is. */
async function refusal(name: string): Promise<ColumnsMissing> {
  const error = await importActivities(name, { cwd: dir, stdin: process.stdin }, () => undefined).catch((e: unknown) => e);
  expect(error).toBeInstanceOf(ColumnsMissing);
  return error as ColumnsMissing;
}

describe('a PBX log whose channel columns no alias names', () => {
  write('cdr.csv', HEADER, ROWS);

  it('is refused proposing its channels and its caller column, not a manager column', async () => {
    const error = await refusal('cdr.csv');
    expect(error.missing).toEqual([{ field: 'manager', candidates: [], channels: { channel: 'Src. Channel', dstchannel: 'Dest. Channel', caller: 'Source' } }]);
    expect(error.guess?.columns).toEqual({ activities: { channel: 'Src. Channel', dstchannel: 'Dest. Channel', caller: 'Source' } });
    expect(error.message).toBe('cannot find the column for manager (no similar column; the employees are the lines in the PBX channels: "Src. Channel", "Dest. Channel")');
    expect(String(error.params?.snippetRu)).toContain('    channel: "Src. Channel"    # по значениям (каналы АТС, сторона звонящего)');
    expect(String(error.params?.snippet)).not.toContain('manager:');
  });

  it.each([false, true])('the snippet pasted reads it by its lines (text rows: %s)', async (textRows) => {
    const list: Activity[] = [];
    const columns = { channel: 'Src. Channel', dstchannel: 'Dest. Channel', caller: 'Source' };
    await importActivities('cdr.csv', { cwd: dir, stdin: process.stdin, textRows, columns }, (a) => list.push(a));
    expect(list.map((a) => [a.manager, a.direction, a.missed, a.duration_s, a.client])).toEqual([
      ['301', 'in', false, 90, '79262000001'],
      ['302', 'in', true, 0, '79262000002'],
      ['301', 'out', false, 30, '79262000003'],
    ]);
  });

  it('the channels are told apart by their headers, not only by their order', async () => {
    const order = [0, 1, 3, 6, 4, 7, 8];
    write('swapped.csv', order.map((i) => HEADER[i]!), ROWS.map((r) => order.map((i) => r[i]!)));
    expect((await refusal('swapped.csv')).missing[0]!.channels).toEqual({ channel: 'Src. Channel', dstchannel: 'Dest. Channel', caller: 'Source' });
  });

  it('channels of trunks alone name no line: the manager is asked for as before', async () => {
    const trunks = ROWS.map((r) => r.map((c) => c.replace(/SIP\/30\d-/, 'SIP/gw-')));
    write('trunks.csv', HEADER, trunks);
    const error = await refusal('trunks.csv');
    expect(error.missing[0]!.channels).toBeUndefined();
    expect(String(error.params?.snippet)).toContain('manager:');
  });

  it('beside a direction column, which the sides are not read with, the manager is asked for as before', async () => {
    write('direction.csv', [...HEADER, 'Direction'], ROWS.map((r, i) => [...r, i < 2 ? 'in' : 'out']));
    expect((await refusal('direction.csv')).missing[0]!.channels).toBeUndefined();
  });
});
