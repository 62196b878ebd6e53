import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Activity } from '../../../src/core/records.js';
import { importActivities } from '../../../src/io/map/import.js';
import { lineOf } from '../../../src/io/map/lines.js';
import { mapColumns } from '../../../src/io/map/mapping.js';
import { UserError } from '../../../src/core/errors.js';
import { at } from '../../helpers/fixtures.js';

const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-lines-'));

async function read(name: string, text: string, textRows = false): Promise<{ list: Activity[]; report: Awaited<ReturnType<typeof importActivities>>['report'] }> {
  writeFileSync(path.join(dir, name), text);
  const list: Activity[] = [];
  const { report } = await importActivities(name, { cwd: dir, stdin: process.stdin, maxBadRows: { count: 100 }, textRows }, (a) => list.push({ ...a }));
  return { list, report };
}

describe('lineOf: the line (an extension) a telephony cell names', () => {
  it.each([
    ['101', '101'],
    [' 2045 ', '2045'],
    ['PJSIP/101-0000001a', '101'],
    ['SIP/102-00c4e2f0', '102'],
    ['IAX2/1234-5678', '1234'],
    ['Local/103@from-queue-00000012;1', '103'],
    ['sip:104@pbx.example.ru', '104'],
    ['"Иван Петров" <101>', '101'],
    // A line under the account's number (tester T69 M1): Telphin's client code * extension, Zadarma's SIP login.
    ['000345*101', '101'],
    ['123456-101', '101'],
  ])('%s is line %s', (cell, line) => expect(lineOf(cell)).toBe(line));

  it.each([['+79161234567'], ['84951234567'], ['"+79161234567" <+79161234567>'], ['PJSIP/trunk-00000002'], ['DAHDI/1-1'], ['s'], ['1'], ['123456'], ['Иван Петров'], [''], ['555-1234'], ['8495-1234567'], ['123-45-67']])('%s is no line', (cell) => expect(lineOf(cell)).toBeUndefined());
});

// A FreePBX "CDR Reports" download (the columns of Asterisk's cdr table), hand-made: the rows below
// and what a person who knows Asterisk reads in them.
const HEADER = 'calldate,clid,src,dst,dcontext,channel,dstchannel,lastapp,lastdata,duration,billsec,disposition,amaflags,accountcode,uniqueid,userfield,did,recordingfile,cnum,cnam,outbound_cnum,outbound_cnam,dst_cnam,linkedid,peeraccount,sequence';
const ROWS = [
  // 1. line 101 calls a client: an outgoing call by 101, 80 s of talk (95 s with the ringing).
  '2024-03-01 09:15:02,"""Иван Петров"" <101>",101,84951234567,from-internal,PJSIP/101-00000001,PJSIP/trunk-00000002,Dial,PJSIP/84951234567@trunk,95,80,ANSWERED,3,,1709284502.1,,,,101,Иван Петров,,,,1709284502.1,,1',
  // 2. a client calls line 102, nobody answers: a missed incoming call of 102.
  '2024-03-01 10:00:00,"""+79161234567"" <+79161234567>",+79161234567,102,ext-local,PJSIP/trunk-00000003,PJSIP/102-00000004,Dial,PJSIP/102,30,0,NO ANSWER,3,,1709287200.3,,84950000000,,+79161234567,+79161234567,,,,1709287200.3,,2',
  // 3-4. a client calls ring group 600, which rings 101 and 102; 101 answers: one incoming call, answered by 101 (25 s).
  '2024-03-01 10:05:00,"""+79161230000"" <+79161230000>",+79161230000,600,ext-group,PJSIP/trunk-00000005,PJSIP/102-00000007,Dial,PJSIP/101&PJSIP/102,40,0,NO ANSWER,3,,1709287500.5,,84950000000,,+79161230000,+79161230000,,,,1709287500.5,,3',
  '2024-03-01 10:05:00,"""+79161230000"" <+79161230000>",+79161230000,600,ext-group,PJSIP/trunk-00000005,PJSIP/101-00000006,Dial,PJSIP/101&PJSIP/102,40,25,ANSWERED,3,,1709287500.5,,84950000000,,+79161230000,+79161230000,,,Иван Петров,1709287500.5,,4',
  // 5. 101 calls 102: a call between employees, no sales activity.
  '2024-03-01 11:00:00,"""Иван Петров"" <101>",101,102,from-internal,PJSIP/101-00000008,PJSIP/102-00000009,Dial,PJSIP/102,20,15,ANSWERED,3,,1709290800.8,,,,101,Иван Петров,,,,1709290800.8,,5',
  // 6. a client reaches the IVR (`s`, which answers) and hangs up: an incoming call no employee took.
  '2024-03-01 12:00:00,"""+79160000001"" <+79160000001>",+79160000001,s,ivr-1,PJSIP/trunk-0000000a,,BackGround,welcome,12,12,ANSWERED,3,,1709294400.10,,84950000000,,+79160000001,+79160000001,,,,1709294400.10,,6',
  // 7-8. a queue call: its first leg rang no line (the queue's own), its second was taken by 102 (40 s).
  '2024-03-01 13:00:00,"""+79160000002"" <+79160000002>",+79160000002,s,ext-queues,PJSIP/trunk-0000000b,,Queue,400,20,0,NO ANSWER,3,,1709298000.11,,84950000000,,+79160000002,+79160000002,,,,1709298000.11,,7',
  '2024-03-01 13:00:05,"""+79160000002"" <+79160000002>",+79160000002,400,from-queue,PJSIP/trunk-0000000b,Local/102@from-queue-0000000c;1,Queue,400,55,40,ANSWERED,3,,1709298000.11,,84950000000,,+79160000002,+79160000002,,,,1709298000.11,,8',
  // 9-10. the IVR answers first (its own leg, no line), then line 101 takes the call (30 s): one call of 101.
  '2024-03-01 14:00:00,"""+79160000003"" <+79160000003>",+79160000003,s,ivr-1,PJSIP/trunk-0000000d,,BackGround,welcome,8,8,ANSWERED,3,,1709301600.13,,84950000000,,+79160000003,+79160000003,,,,1709301600.13,,9',
  '2024-03-01 14:00:08,"""+79160000003"" <+79160000003>",+79160000003,101,ext-local,PJSIP/trunk-0000000d,PJSIP/101-0000000e,Dial,PJSIP/101,40,30,ANSWERED,3,,1709301600.13,,84950000000,,+79160000003,+79160000003,,,,1709301600.13,,10',
];

describe('an Asterisk / FreePBX CDR: employees by line, direction by side, one call per linkedid', () => {
  it.each([false, true])('reads each call once, by the line on the company side (text rows: %s)', async (textRows) => {
    const { list, report } = await read(`freepbx-${textRows}.csv`, [HEADER, ...ROWS].join('\n') + '\n', textRows);
    expect(report.profile?.id).toBe('asterisk-cdr');
    const shown = list.map((a) => [a.manager, a.direction, a.missed, a.duration_s, a.at]);
    expect(shown).toEqual([
      ['101', 'out', false, 80, at('2024-03-01 09:15:02')],
      ['102', 'in', true, 0, at('2024-03-01 10:00:00')],
      ['101', 'in', false, 25, at('2024-03-01 10:05:00')],
      // A call's time is its first leg's: the queue's and the IVR's, which rang no line.
      ['102', 'in', false, 40, at('2024-03-01 13:00:00')],
      ['101', 'in', false, 30, at('2024-03-01 14:00:00')],
    ]);
    // The client of an incoming call is its caller, of an outgoing one its callee.
    expect(list.map((a) => a.client)).toEqual(['74951234567', '79161234567', '79161230000', '79160000002', '79160000003']);
    expect(report.rowsRead).toBe(10);
    expect(report.records).toBe(5);
    // The call only the IVR took (ANSWERED by it): no employee's call, dropped and counted (an IVR takes calls every day: no unreadable row).
    expect(report.dropped).toEqual({ 'another leg of a call already counted (the same call id)': 3, 'internal call (between employees)': 1, 'a call no line took (an IVR, an announcement, a forward outside)': 1 });
    expect(report.skipped).toEqual([]);
  });

  it('reads legs of a call with another call\'s row between them as one call (a busy PBX writes a leg when it ends)', async () => {
    const { list, report } = await read('freepbx-apart.csv', [HEADER, ROWS[2], ROWS[0], ROWS[3]].join('\n') + '\n');
    // The ring group's call: 102 did not answer, 101 did; the outgoing call between its legs is a call of its own.
    expect(list.map((a) => [a.manager, a.direction, a.missed, a.duration_s])).toEqual([
      ['101', 'in', false, 25],
      ['101', 'out', false, 80],
    ]);
    expect(report.dropped).toEqual({ 'another leg of a call already counted (the same call id)': 1 });
  });

  it('holds at most 10,000 calls for their legs: a leg after more calls than that is a call of its own', async () => {
    const H = 'calldate,src,dst,channel,dstchannel,billsec,disposition,linkedid';
    const rows = [H, '2024-03-01 09:00:00,79160000000,101,PJSIP/trunk-1,PJSIP/101-1,30,ANSWERED,first'];
    for (let i = 0; i < 10_000; i++) rows.push(`2024-03-01 09:00:01,7916${String(i).padStart(7, '0')},102,PJSIP/trunk-2,PJSIP/102-2,10,ANSWERED,c${i}`);
    rows.push('2024-03-01 09:00:02,79160000000,101,PJSIP/trunk-1,PJSIP/101-3,20,ANSWERED,first');
    const { list, report } = await read('freepbx-many.csv', `${rows.join('\n')}\n`);
    expect(list).toHaveLength(10_002);
    expect(report.dropped).toEqual({});
    expect(list.filter((a) => a.manager === '101').map((a) => a.duration_s)).toEqual([30, 20]);
  });

  it('does not merge calls hours apart that share an id (a column of one value filled down)', async () => {
    const text = ['calldate,src,dst,channel,dstchannel,billsec,disposition,linkedid', '2024-03-01 09:00:00,101,89161234567,PJSIP/101-1,PJSIP/trunk-2,30,ANSWERED,1', '2024-03-01 09:00:02,101,89161234567,PJSIP/101-1,PJSIP/trunk-3,10,ANSWERED,1', '2024-03-01 15:00:00,101,89161234568,PJSIP/101-4,PJSIP/trunk-5,20,ANSWERED,1'].join('\n');
    const { list, report } = await read('freepbx-filled.csv', `${text}\n`);
    // The two legs of 09:00 are one call; the second's 10 s fall within the first's 30 (talk counted once a second).
    expect(list.map((a) => [a.manager, a.duration_s])).toEqual([['101', 30], ['101', 20]]);
    expect(report.dropped).toEqual({ 'another leg of a call already counted (the same call id)': 1 });
  });

  // The profile's call_id is linkedid, else uniqueid (coalesce): a CDR table whose linkedid column is
  // blank (written before Asterisk 1.8) joins a ring group's legs by their calling channel's uniqueid.
  it('reads uniqueid where linkedid is blank', async () => {
    const H = 'calldate,src,dst,channel,dstchannel,billsec,disposition,uniqueid,linkedid';
    const text = [H, '2024-03-01 09:00:00,79161234567,101,DAHDI/1-1,PJSIP/101-1,0,NO ANSWER,1709283600.7,', '2024-03-01 09:00:01,79161234567,102,DAHDI/1-1,PJSIP/102-1,40,ANSWERED,1709283600.7,', '2024-03-01 09:05:00,79161234568,101,DAHDI/1-1,PJSIP/101-2,20,ANSWERED,1709283900.9,'].join('\n');
    const { list, report } = await read('cdr-no-linkedid.csv', `${text}\n`);
    expect(list.map((a) => [a.manager, a.missed, a.duration_s])).toEqual([['102', false, 40], ['101', false, 20]]);
    expect(report.dropped).toEqual({ 'another leg of a call already counted (the same call id)': 1 });
  });

  it('gives the last call of the file on at its end', async () => {
    const { list, report } = await read('freepbx-last.csv', [HEADER, ROWS[3], ROWS[2]].join('\n') + '\n');
    expect(list.map((a) => [a.manager, a.missed, a.duration_s])).toEqual([['101', false, 25]]);
    expect(report.records).toBe(1);
  });

  it('still asks for a manager column when a log with two number columns shows no line', async () => {
    const text = 'Дата,Откуда,Куда,Длительность\n2024-03-01 10:00:00,+79161234567,+74951234567,30\n';
    const error = await read('numbers-only.csv', text).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).code).toBe('E_MAP_REQUIRED');
  });
});

describe('a CDR whose channels mislead: trunks named by digits, queues, forwards, transfers', () => {
  const H = 'calldate,src,dst,channel,dstchannel,billsec,disposition,linkedid';
  it('takes a side whose number is outside for the client, whatever its channel (SIP/123456-…, Local/102@from-queue-…;2)', async () => {
    const text = [H,
      '2025-02-01 10:00:00,79161234568,101,SIP/123456-00000003,PJSIP/101-00000004,30,ANSWERED,a',
      '2025-02-01 11:00:00,101,79161234567,PJSIP/101-00000005,SIP/123456-00000006,45,ANSWERED,b',
      '2025-02-01 12:00:00,79161234569,102,Local/102@from-queue-00000002;2,PJSIP/102-00000004,60,ANSWERED,c',
    ].join('\n');
    const { list, report } = await read('cdr-trunks.csv', `${text}\n`);
    expect(list.map((a) => [a.manager, a.direction, a.duration_s])).toEqual([['101', 'in', 30], ['101', 'out', 45], ['102', 'in', 60]]);
    expect(report.dropped).toEqual({});
  });

  it('a call forwarded to a mobile and answered there is answered, its talk the forward\'s; a transfer\'s talks add up, by its first answerer', async () => {
    const text = [H,
      '2025-02-01 10:00:00,79161234568,101,PJSIP/trunk-1,PJSIP/101-2,0,NO ANSWER,fm',
      '2025-02-01 10:00:20,79161234568,79031112233,PJSIP/trunk-1,PJSIP/trunk-3,90,ANSWERED,fm',
      '2025-02-01 11:00:00,79161234569,101,PJSIP/trunk-4,PJSIP/101-5,60,ANSWERED,xf',
      '2025-02-01 11:01:00,79161234569,102,PJSIP/trunk-4,PJSIP/102-6,300,ANSWERED,xf',
    ].join('\n');
    const { list } = await read('cdr-forward.csv', `${text}\n`);
    expect(list.map((a) => [a.manager, a.missed, a.duration_s, a.at])).toEqual([
      ['101', false, 90, at('2025-02-01 10:00:00')],
      ['101', false, 360, at('2025-02-01 11:00:00')],
    ]);
  });

  it('a queue\'s call: its leg and the agent\'s inside it count the talk once; a call the queue answered and no line took is no employee\'s', async () => {
    const text = [H,
      // The queue answers at 10:30:00 (120 s to the hang-up); the agent's leg inside it talks 95 s.
      '2025-02-01 10:30:00,79265551122,400,PJSIP/trunk-20,Local/101@from-queue-21;1,120,ANSWERED,q1',
      '2025-02-01 10:30:05,79265551122,101,Local/101@from-queue-21;2,PJSIP/101-22,95,ANSWERED,q1',
      // Hung up in the queue: ANSWERED by the queue, no channel took it (dst is the queue's 400, no line).
      '2025-02-01 12:00:00,79161234567,400,PJSIP/trunk-23,,60,ANSWERED,q2',
    ].join('\n');
    const { list, report } = await read('cdr-queue.csv', `${text}\n`);
    // 120 s, not 215: the agent's seconds are within the queue leg's.
    expect(list.map((a) => [a.manager, a.direction, a.missed, a.duration_s])).toEqual([['101', 'in', false, 120]]);
    expect(report.dropped).toEqual({ 'another leg of a call already counted (the same call id)': 1, 'a call no line took (an IVR, an announcement, a forward outside)': 1 });
  });

  it('drops the calls hung up in an IVR as missed calls no line took, not as unreadable rows', async () => {
    const rows = [H];
    for (let i = 0; i < 10; i++) rows.push(`2025-02-01 1${i % 10}:00:00,7916123450${i},s,PJSIP/trunk-${i},,5,NO ANSWER,ivr${i}`);
    rows.push('2025-02-01 18:00:00,79161234599,101,PJSIP/trunk-x,PJSIP/101-y,20,ANSWERED,ok');
    const { list, report } = await read('cdr-ivr.csv', `${rows.join('\n')}\n`);
    expect(list).toHaveLength(1);
    expect(report.skippedCount).toBe(0);
    expect(report.dropped).toEqual({ 'a missed call no line took (hung up in an IVR or a queue)': 10 });
  });
});

describe("Zadarma's PBX statistics: the employee's line in `sip`, the direction by side", () => {
  it('reads an outgoing call from the line, an incoming one to it, and one call per pbx_call_id', async () => {
    const text = [
      'call_id,sip,callstart,clid,destination,disposition,seconds,is_recorded,pbx_call_id',
      '1701.1,100,2024-03-01 09:00:00,100,79161234567,answered,62,true,out_1',
      '1701.2,101,2024-03-01 10:00:00,79161230000,101,no answer,0,false,in_2',
      '1701.3,100,2024-03-01 10:00:00,79161230000,100,answered,30,true,in_2',
      '1701.4,101,2024-03-01 11:00:00,79161239999,101,busy,0,false,in_3',
    ].join('\n');
    const { list, report } = await read('zadarma.csv', `${text}\n`);
    expect(report.profile?.id).toBe('zadarma-pbx');
    expect(list.map((a) => [a.manager, a.direction, a.missed, a.duration_s])).toEqual([
      ['100', 'out', false, 62],
      ['100', 'in', false, 30],
      ['101', 'in', true, 0],
    ]);
    expect(report.dropped).toEqual({ 'another leg of a call already counted (the same call id)': 1 });
  });
});

// A tester's Zadarma statistics/pbx whose outgoing calls show the company's number as `clid`: both sides
// are outside numbers, the sides say no direction, and every direction metric was null. The profile's
// callIdDirection reads it from pbx_call_id's prefix (in_, out_) where the sides say none.
describe("Zadarma's PBX statistics with the company's number as the caller ID", () => {
  const rows = [
    ['call_id', 'sip', 'callstart', 'clid', 'destination', 'disposition', 'seconds', 'is_recorded', 'pbx_call_id'],
    ['1701.1', '100', '2024-03-01 09:00:00', '74950000000', '79161234567', 'answered', '62', 'true', 'out_1'],
    ['1701.2', '101', '2024-03-01 09:30:00', '74950000000', '79161234568', 'busy', '0', 'false', 'out_2'],
    // The sides say it: an outside number calling line 101.
    ['1701.3', '101', '2024-03-01 10:00:00', '79161230000', '101', 'no answer', '0', 'false', 'in_3'],
    // Both outside, an incoming call by its id.
    ['1701.4', '100', '2024-03-01 11:00:00', '79161239999', '74950000000', 'answered', '40', 'true', 'in_4'],
    // Both outside and no id: no direction.
    ['1701.5', '100', '2024-03-01 12:00:00', '74950000000', '79161230001', 'answered', '20', 'true', ''],
  ];
  // The call without an id is given at once; those with one when their legs are known.
  const expected = [
    ['100', '', false, 20],
    ['100', 'out', false, 62],
    ['101', 'out', false, 0],
    ['101', 'in', true, 0],
    ['100', 'in', false, 40],
  ];

  it.each([false, true])('takes the direction from pbx_call_id where the sides say none (CSV, text rows: %s)', async (textRows) => {
    const { list, report } = await read('zadarma-clid.csv', `${rows.map((r) => r.join(',')).join('\n')}\n`, textRows);
    expect(report.profile?.id).toBe('zadarma-pbx');
    expect(list.map((a) => [a.manager, a.direction, a.missed, a.duration_s])).toEqual(expected);
    expect(report.directionBySides).toEqual({ in: 2, out: 2, internal: 0, none: 1 });
  });

  it('in an XLSX workbook too', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('pbx').addRows(rows);
    writeFileSync(path.join(dir, 'zadarma-clid.xlsx'), Buffer.from(await wb.xlsx.writeBuffer()));
    const list: Activity[] = [];
    await importActivities('zadarma-clid.xlsx', { cwd: dir, stdin: process.stdin }, (a) => list.push({ ...a }));
    expect(list.map((a) => [a.manager, a.direction, a.missed, a.duration_s])).toEqual(expected);
  });
});

// A tester's Mango VPBX statistics by its API: the employee's line in `from_extension` on outgoing calls and in
// `to_extension` on incoming ones, each blank on the other direction. Neither was read, and the ready snippet
// proposed `to_extension` as the manager: pasted, every outgoing call was skipped and no call had a direction.
async function readWith(columns: Record<string, string>, name: string, text: string): Promise<{ list: Activity[]; report: Awaited<ReturnType<typeof importActivities>>['report'] }> {
  writeFileSync(path.join(dir, name), text);
  const list: Activity[] = [];
  const { report } = await importActivities(name, { cwd: dir, stdin: process.stdin, columns }, (a) => list.push({ ...a }));
  return { list, report };
}

describe('extension columns beside the numbers (Mango\'s API statistics)', () => {
  // `start` is no known name of the call's time: named as a user's --map would.
  const HEADER = 'start;finish;answer;from_extension;from_number;to_extension;to_number;entry_id';

  it('are the call\'s two sides: the employee is the side that is a line, the client the other side\'s number', async () => {
    const { list, report } = await readWith(
      { at: 'start' },
      'mango-api.csv',
      [
        HEADER,
        // 03.03.2025 07:15 UTC: line 101 calls a client out; 07:30: a client calls line 102; 08:00: line 101 calls line 102.
        '1740986100;1740986233;1740986108;101;74951234567;;79161111111;A1',
        '1740987000;1740987065;1740987005;;79162222222;102;74951234567;A2',
        '1740988800;1740988840;1740988802;101;;102;;A3',
      ].join('\n') + '\n',
    );
    expect(report.columns.filter((c) => c.field === 'channel' || c.field === 'dstchannel').map((c) => [c.header, c.field])).toEqual([
      ['from_extension', 'channel'],
      ['to_extension', 'dstchannel'],
    ]);
    expect(list.map((a) => [a.manager, a.direction, a.client])).toEqual([
      ['101', 'out', '79161111111'],
      ['102', 'in', '79162222222'],
    ]);
    expect(report.dropped['internal call (between employees)']).toBe(1);
  });

  it('are left to the --map where it gives one of them a field', () => {
    const map = mapColumns(HEADER.split(';'), 'activities', { manager: 'to_extension' });
    expect(map.fields.has('channel')).toBe(false);
    expect(map.fields.has('dstchannel')).toBe(false);
  });
});

// Tester T32 F2: 3CX writes an employee in From and To as their name with the extension.
describe('sideEmployee', () => {
  it('reads a line, or a person\'s name with a line as written; not a machine\'s', async () => {
    const { sideEmployee } = await import('../../../src/io/map/lines.js');
    expect(sideEmployee('101')).toBe('101');
    expect(sideEmployee('PJSIP/102-0000001a')).toBe('102');
    expect(sideEmployee('Ivanov Ivan (101)')).toBe('Ivanov Ivan (101)');
    expect(sideEmployee(' Петрова Анна (доб. 102) ')).toBe('Петрова Анна (доб. 102)');
    expect(sideEmployee('201 (Анна)')).toBe('201 (Анна)');
    for (const none of ['Main IVR (800)', 'Sales Queue (801)', 'Очередь продаж (802)', 'Голосовое меню (803)', 'Ring Group (600)', '+79161111111', '89162222222', 'Ivanov Ivan', '']) expect(sideEmployee(none), none).toBeUndefined();
  });
});
