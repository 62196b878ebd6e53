import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Activity } from '../../../src/core/records.js';
import { importActivities } from '../../../src/io/map/import.js';
import { channelOf } from '../../../src/io/map/call-keys.js';
import { CallLegs } from '../../../src/io/map/lines.js';
import type { Cells } from '../../../src/io/map/cells.js';
import type { LinkedActivity } from '../../../src/core/kpi/link.js';
import { at } from '../../helpers/fixtures.js';
import { runCli } from '../../helpers/cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-legs-'));

async function read(name: string, lines: string[]): Promise<{ list: Activity[]; report: Awaited<ReturnType<typeof importActivities>>['report'] }> {
  writeFileSync(path.join(dir, name), `${lines.join('\n')}\n`);
  const list: Activity[] = [];
  const { report } = await importActivities(name, { cwd: dir, stdin: process.stdin, maxBadRows: { count: 100 } }, (a) => list.push({ ...a }));
  return { list, report };
}

const BY_CHANNEL = 'another leg of a call already counted (the same calling channel, at the same time)';
const BY_ID = 'another leg of a call already counted (the same call id)';
const shown = (list: Activity[]) => list.map((a) => [a.manager, a.direction, a.missed, a.duration_s, a.at]);

describe('channelOf: a channel name Asterisk gives one call', () => {
  it.each(['PJSIP/trunk-00000010', 'SIP/101-00c4e2f0', 'Local/101@from-queue-0000000c;1', 'PJSIP/mango-trunk-0000a1b2'])('%s is one call\'s', (c) => expect(channelOf(c)).toBe(c));
  // A line alone (Mango's extensions), a DAHDI span's channel, IAX2's call number, a short counter: names that come again.
  it.each(['101', 'DAHDI/1-1', 'DAHDI/i1/79161234567-1a', 'IAX2/1234-5678', 'PJSIP/trunk-1', ''])('%s is not', (c) => expect(channelOf(c)).toBe(''));
});

// A log with no call id (Master.csv with cdr.conf's compiled defaults has none): a ring group's legs
// share the channel that placed the call. A tester's 16 columns counted each leg a call, without a word.
describe('a PBX log without a call id: legs told by their calling channel', () => {
  const H = 'calldate,src,dst,channel,dstchannel,billsec,disposition';
  it('joins a ring group\'s legs (the later dial target\'s leg begins a second later) and keeps other calls apart', async () => {
    const { list, report } = await read('no-id.csv', [
      H,
      // A ring group of 201 and 202: 201 does not answer, 202 talks 90 s.
      '2025-02-10 10:00:00,79031110001,600,PJSIP/trunk-00000001,PJSIP/201-00000002,0,NO ANSWER',
      '2025-02-10 10:00:01,79031110001,600,PJSIP/trunk-00000001,PJSIP/202-00000003,90,ANSWERED',
      // Nobody answers the ring group: one missed call, its first rung line's (201).
      '2025-02-10 10:40:00,79031110003,600,PJSIP/trunk-00000004,PJSIP/201-00000005,0,NO ANSWER',
      '2025-02-10 10:40:00,79031110003,600,PJSIP/trunk-00000004,PJSIP/202-00000006,0,NO ANSWER',
      // 202 calls out, 150 s.
      '2025-02-10 11:00:00,202,89031110004,PJSIP/202-00000007,PJSIP/trunk-00000008,150,ANSWERED',
    ]);
    expect(shown(list)).toEqual([
      ['202', 'in', false, 90, at('2025-02-10 10:00:00')],
      ['201', 'in', true, 0, at('2025-02-10 10:40:00')],
      ['202', 'out', false, 150, at('2025-02-10 11:00:00')],
    ]);
    expect(report.dropped).toEqual({ [BY_CHANNEL]: 2 });
    expect(report.callIdUnusable).toBeUndefined();
  });

  it('joins no legs on a channel named again after ten quiet minutes (a restart numbers channels from 0), nor on names that are no call\'s', async () => {
    const { list, report } = await read('no-id-apart.csv', [
      H,
      '2025-02-10 10:00:00,79031110001,201,PJSIP/trunk-00000001,PJSIP/201-00000002,30,ANSWERED',
      '2025-02-10 10:45:00,79031110002,201,PJSIP/trunk-00000001,PJSIP/201-00000002,40,ANSWERED',
      // DAHDI channels are named by span and a small counter: the same name, two calls.
      '2025-02-10 11:00:00,79031110003,201,DAHDI/1-1,PJSIP/201-00000009,0,NO ANSWER',
      '2025-02-10 11:00:00,79031110003,202,DAHDI/1-1,PJSIP/202-0000000a,20,ANSWERED',
    ]);
    expect(list.sort((x, y) => x.at - y.at).map((a) => [a.manager, a.missed, a.duration_s])).toEqual([['201', false, 30], ['201', false, 40], ['201', true, 0], ['202', false, 20]]);
    expect(report.dropped).toEqual({});
  });

  it('a transfer within the call\'s talk is its leg, its talk added', async () => {
    const { list } = await read('no-id-transfer.csv', [
      H,
      '2025-02-10 12:00:00,79031110006,201,PJSIP/trunk-00000010,PJSIP/201-00000011,120,ANSWERED',
      // 201 transfers the caller to 202 after 2 minutes; 202 talks 60 s more.
      '2025-02-10 12:02:00,79031110006,202,PJSIP/trunk-00000010,PJSIP/202-00000012,60,ANSWERED',
    ]);
    expect(shown(list)).toEqual([['201', 'in', false, 180, at('2025-02-10 12:00:00')]]);
  });
});

// A call id that is none: Master.csv's peeraccount («office») or sequence (0) read as the linkedid, an
// accountcode, a column filled down. A tester's day of nine calls was one call, with only «отброшено
// служебных: 9» to show it.
describe('a call id column that joins different clients\' calls is no call id', () => {
  const rows = (id: (i: number) => string, channel = true) => [
    `calldate,src,dst,${channel ? 'channel,' : ''}dstchannel,billsec,disposition,linkedid`,
    ...[
      ['2025-02-10 10:00:00', '79031110001', '600', 'PJSIP/trunk-00000001', 'PJSIP/201-00000002', '0', 'NO ANSWER'],
      ['2025-02-10 10:00:01', '79031110001', '600', 'PJSIP/trunk-00000001', 'PJSIP/202-00000003', '90', 'ANSWERED'],
      ['2025-02-10 10:20:00', '79031110002', '201', 'PJSIP/trunk-00000004', 'PJSIP/201-00000005', '30', 'ANSWERED'],
      ['2025-02-10 10:40:00', '79031110003', '202', 'PJSIP/trunk-00000006', 'PJSIP/202-00000007', '0', 'BUSY'],
      ['2025-02-10 11:00:00', '202', '89031110004', 'PJSIP/202-00000008', 'PJSIP/trunk-00000009', '150', 'ANSWERED'],
    ].map((r, i) => [...r.slice(0, 3), ...(channel ? [r[3]] : []), ...r.slice(4), id(i)].join(',')),
  ];

  it('is said, and the legs are joined by their channel instead', async () => {
    const { list, report } = await read('office.csv', rows(() => 'office'));
    expect(list.map((a) => [a.manager, a.direction, a.missed, a.duration_s])).toEqual([
      ['202', 'in', false, 90],
      ['201', 'in', false, 30],
      ['202', 'in', true, 0],
      ['202', 'out', false, 150],
    ]);
    expect(report.dropped).toEqual({ [BY_CHANNEL]: 1 });
    expect(report.callIdUnusable).toEqual({ column: 'linkedid', example: 'office', rows: 5, of: 5, joinedBy: 'channel' });
  });

  it('without a channel column, each row is a call, and that is said', async () => {
    const { list, report } = await read('zero.csv', rows(() => '0', false));
    expect(list).toHaveLength(5);
    expect(report.dropped).toEqual({});
    expect(report.callIdUnusable).toEqual({ column: 'linkedid', example: '0', rows: 5, of: 5, joinedBy: 'none' });
  });

  it('the run says so, in the JSON and in words', () => {
    writeFileSync(path.join(dir, 'deals.csv'), 'ID;Ответственный;Дата создания;Этап сделки\n1;201;10.02.2025 09:00;Переговоры\n');
    const run = runCli(['kpi', '-d', 'deals.csv', '-a', 'office.csv', '--format', 'json', '--now', '2025-03-01', '--lang', 'ru'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).dataQuality.alerts).toContainEqual({ code: 'call-id-unusable', file: 'office.csv', column: 'linkedid', example: 'office', rows: 5, of: 5, joinedBy: 'channel' });
    expect(run.stderr).toContain('office.csv: колонка «linkedid» — не ID звонка: значение «office» и такие же объединяют звонки разных клиентов (5 из 5 первых строк с ID). Плечи звонков по ней не объединены: они объединены по вызывающему каналу (channel) и времени.');
    const en = runCli(['kpi', '-d', 'deals.csv', '-a', 'zero.csv', '--now', '2025-03-01', '--lang', 'en'], { cwd: dir });
    expect(en.stderr).toContain('zero.csv: the column "linkedid" is no call id: "0" and values like it join different clients\' calls (5 of the first 5 rows with an id). The legs of calls were not joined by it: each row counts as a call');
  });

  it('a call id shared by one call\'s legs, and by a consultation with a second client, is one', async () => {
    const ids = ['a', 'a', 'b', 'c', 'b'];
    const { list, report } = await read('real-ids.csv', rows((i) => ids[i]!));
    // b: 201's call from 79031110002, and 202 calling 89031110004 as its leg: two clients, one call.
    expect(list.map((a) => [a.manager, a.missed, a.duration_s])).toEqual([['202', false, 90], ['201', false, 180], ['202', true, 0]]);
    expect(report.dropped).toEqual({ [BY_ID]: 2 });
    expect(report.callIdUnusable).toBeUndefined();
  });

  it('is judged on the first 200 rows with an id, and the rest of the file read as they showed', async () => {
    const lines = ['calldate,src,dst,channel,dstchannel,billsec,disposition,linkedid'];
    // 150 ring-group calls of two legs each, a client each, every row's «call id» 0.
    for (let i = 0; i < 150; i++) {
      const t = `2025-02-10 ${String(9 + Math.floor(i / 20)).padStart(2, '0')}:${String((i % 20) * 3).padStart(2, '0')}:00`;
      const trunk = `PJSIP/trunk-${i.toString(16).padStart(8, '0')}`;
      lines.push(`${t},7903${String(i).padStart(7, '0')},600,${trunk},PJSIP/201-a${i.toString(16).padStart(7, '0')},0,NO ANSWER,0`);
      lines.push(`${t},7903${String(i).padStart(7, '0')},600,${trunk},PJSIP/202-b${i.toString(16).padStart(7, '0')},${i % 2 ? 0 : 60},${i % 2 ? 'NO ANSWER' : 'ANSWERED'},0`);
    }
    const { list, report } = await read('sequence.csv', lines);
    expect(list).toHaveLength(150);
    expect(list.filter((a) => a.missed).map((a) => a.manager)).toEqual(Array(75).fill('201'));
    expect(list.filter((a) => !a.missed).map((a) => [a.manager, a.duration_s])).toEqual(Array(75).fill(['202', 60]));
    expect(report.dropped).toEqual({ [BY_CHANNEL]: 150 });
    expect(report.callIdUnusable).toEqual({ column: 'linkedid', example: '0', rows: 200, of: 200, joinedBy: 'channel' });
  });

  it('rows whose call id is empty join no call by it: by their channel, where it is one call\'s', async () => {
    const ids = ['', '', '1739172000.4', '', ''];
    const { list, report } = await read('empty-ids.csv', rows((i) => ids[i]!));
    expect(list.map((a) => [a.manager, a.direction, a.missed, a.duration_s])).toEqual([
      ['202', 'in', false, 90],
      ['201', 'in', false, 30],
      ['202', 'in', true, 0],
      ['202', 'out', false, 150],
    ]);
    expect(report.dropped).toEqual({ [BY_CHANNEL]: 1 });
  });
});

describe('the call id sample is bounded in rows, not only in ids', () => {
  // A log whose call id column is blank on every row: the sample waited for 200 ids and held the whole file.
  const blank = { text: () => '', blank: () => true } as unknown as Cells;
  const leg = (i: number) => ({ at: Date.UTC(2025, 1, 10, 9) + i * 60_000, duration_s: 10, missed: false }) as unknown as LinkedActivity;

  it('gives rows on after 2 000 of them without an id, not at the end of the file', () => {
    const legs = new CallLegs([], { id: { col: 0, header: 'linkedid' } });
    let given = 0;
    for (let i = 0; i < 1999; i++) legs.take(leg(i), blank, i + 2, () => given++);
    expect(given).toBe(0);
    legs.take(leg(1999), blank, 2001, () => given++);
    // The 2 000 held rows, judged at once: no id, no channel, each a call of its own.
    expect(given).toBe(2000);
    legs.take(leg(2000), blank, 2002, () => given++);
    expect(given).toBe(2001);
    legs.end(() => given++);
    expect(given).toBe(2001);
  });
});

describe('a call id of several columns: a blank first one falls to the next before the channel', () => {
  // A --map file's `call_id: [linkedid, uniqueid]` (as Asterisk's profile lists them); an older CDR table's
  // linkedid is blank, and its ring group's legs share the calling channel's uniqueid. Only the first column
  // was read: each leg a call.
  it('joins legs by uniqueid where linkedid is blank', async () => {
    writeFileSync(path.join(dir, 'uniqueid.csv'), `${[
      'calldate,src,dst,dstchannel,billsec,disposition,uniqueid,linkedid',
      '2025-02-10 10:00:00,79031110001,600,PJSIP/201-00000002,0,NO ANSWER,1739181600.1,',
      '2025-02-10 10:00:01,79031110001,600,PJSIP/202-00000003,90,ANSWERED,1739181600.1,',
      '2025-02-10 10:20:00,79031110002,201,PJSIP/201-00000005,30,ANSWERED,1739182800.4,',
    ].join('\n')}\n`);
    const list: Activity[] = [];
    const columns = { call_id: ['linkedid', 'uniqueid'] };
    const { report } = await importActivities('uniqueid.csv', { cwd: dir, stdin: process.stdin, maxBadRows: { count: 100 }, columns }, (a) => list.push({ ...a }));
    expect(list.map((a) => [a.manager, a.missed, a.duration_s])).toEqual([['202', false, 90], ['201', false, 30]]);
    expect(report.dropped).toEqual({ [BY_ID]: 1 });
  });
});
