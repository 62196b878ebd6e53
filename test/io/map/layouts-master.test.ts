import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli.js';

// Master.csv as Asterisk's cdr_csv writes it (cdr/cdr_csv.c, build_csv_record): strings quoted, the
// duration, billsec and sequence not, a time never set written as nothing; after the sixteen columns
// uniqueid (loguniqueid=yes), userfield (loguserfield=yes), then peeraccount, linkedid and sequence
// (newcdrcolumns=yes). A hand-made day of lines 201 and 202, in Moscow time (UTC+3):
//  K1 10:00 a client calls ring group 600 (201 and 202): 201 does not answer, 202 talks 90 s. Two legs;
//     the second dial target's record begins a second later (main/cdr.c starts a record at its dial).
//  K2 10:20 a client calls 201: 30 s.
//  K3 10:40 a client calls ring group 600, nobody answers: missed, its first rung line's (201). Two legs.
//  K4 11:00 202 calls a client: 150 s.
//  K5 11:30 201 calls a client, no answer (an outgoing call: not missed).
//  K6 12:00 a client calls 202, busy: missed.
//  K7 12:30 201 calls 202: between employees, dropped.
// By hand: 201 in 2 (K2, K3), out 1 (K5), missed 1 (K3), 50%, talk 30 s = 0.5 min; 202 in 2 (K1, K6),
// out 1 (K4), missed 1 (K6), 50%, talk 90 + 150 = 240 s = 4 min; the department in 4, out 2, missed 2,
// 50%, talk 4.5 min.
interface Leg {
  src: string;
  dst: string;
  context: string;
  clid: string;
  channel: string;
  dstchannel: string;
  data: string;
  start: string;
  answer: string;
  end: string;
  duration: number;
  billsec: number;
  disposition: string;
  /** The call's first leg's start: the channel was made then, and its uniqueid is that second's. */
  made: string;
  n: number;
}

const IN = { dst: '600', context: 'from-trunk', data: 'PJSIP/201&PJSIP/202,25' };
const caller = (n: string) => ({ src: n, clid: `"${n}" <${n}>` });
const LEGS: Leg[] = [
  { ...IN, ...caller('79031110001'), channel: 'PJSIP/trunk-00000011', dstchannel: 'PJSIP/201-00000012', start: '10:00:00', answer: '', end: '10:00:09', duration: 9, billsec: 0, disposition: 'NO ANSWER', made: '10:00:00', n: 11 },
  { ...IN, ...caller('79031110001'), channel: 'PJSIP/trunk-00000011', dstchannel: 'PJSIP/202-00000013', start: '10:00:01', answer: '10:00:09', end: '10:01:39', duration: 98, billsec: 90, disposition: 'ANSWERED', made: '10:00:00', n: 11 },
  { ...IN, ...caller('79031110002'), dst: '201', data: 'PJSIP/201,25', channel: 'PJSIP/trunk-00000014', dstchannel: 'PJSIP/201-00000015', start: '10:20:00', answer: '10:20:05', end: '10:20:35', duration: 35, billsec: 30, disposition: 'ANSWERED', made: '10:20:00', n: 14 },
  { ...IN, ...caller('79031110003'), channel: 'PJSIP/trunk-00000016', dstchannel: 'PJSIP/201-00000017', start: '10:40:00', answer: '', end: '10:40:25', duration: 25, billsec: 0, disposition: 'NO ANSWER', made: '10:40:00', n: 16 },
  { ...IN, ...caller('79031110003'), channel: 'PJSIP/trunk-00000016', dstchannel: 'PJSIP/202-00000018', start: '10:40:00', answer: '', end: '10:40:25', duration: 25, billsec: 0, disposition: 'NO ANSWER', made: '10:40:00', n: 16 },
  { src: '202', dst: '89031110004', context: 'from-internal', clid: '"Anna" <202>', channel: 'PJSIP/202-00000019', dstchannel: 'PJSIP/trunk-0000001a', data: 'PJSIP/89031110004@trunk,60', start: '11:00:00', answer: '11:00:12', end: '11:02:42', duration: 162, billsec: 150, disposition: 'ANSWERED', made: '11:00:00', n: 25 },
  { src: '201', dst: '89031110005', context: 'from-internal', clid: '"Ivan" <201>', channel: 'PJSIP/201-0000001b', dstchannel: 'PJSIP/trunk-0000001c', data: 'PJSIP/89031110005@trunk,60', start: '11:30:00', answer: '', end: '11:30:40', duration: 40, billsec: 0, disposition: 'NO ANSWER', made: '11:30:00', n: 27 },
  { ...IN, ...caller('79031110006'), dst: '202', data: 'PJSIP/202,25', channel: 'PJSIP/trunk-0000001d', dstchannel: 'PJSIP/202-0000001e', start: '12:00:00', answer: '', end: '12:00:02', duration: 2, billsec: 0, disposition: 'BUSY', made: '12:00:00', n: 29 },
  { src: '201', dst: '202', context: 'from-internal', clid: '"Ivan" <201>', channel: 'PJSIP/201-0000001f', dstchannel: 'PJSIP/202-00000020', data: 'PJSIP/202,25', start: '12:30:00', answer: '12:30:04', end: '12:30:34', duration: 34, billsec: 30, disposition: 'ANSWERED', made: '12:30:00', n: 31 },
];

const DAY = '2025-02-10';
/** A Moscow time of the day as the file writes it: on the company's clock, or in UTC (usegmtime=yes). */
const written = (time: string, utc: boolean) => (time === '' ? '' : new Date(Date.parse(`${DAY}T${time}Z`) - (utc ? 3 * 3_600_000 : 0)).toISOString().slice(0, 19).replace('T', ' '));
const q = (s: string) => `"${s.replace(/"/g, '""')}"`;
const date = (time: string, utc: boolean) => (time === '' ? '' : q(written(time, utc)));

type Tail = 'uniqueid' | 'userfield' | 'peeraccount' | 'linkedid' | 'sequence';

function masterCsv(tail: readonly Tail[], opts: { peeraccount?: string; utc?: boolean } = {}): string {
  const utc = opts.utc ?? false;
  return LEGS.map((l, i) => {
    const uniqueid = `${Date.parse(`${DAY}T${l.made}Z`) / 1000 - 3 * 3600}.${l.n}`;
    const extra: Record<Tail, string> = { uniqueid: q(uniqueid), userfield: q(i === 2 ? 'vip' : ''), peeraccount: q(opts.peeraccount ?? ''), linkedid: q(uniqueid), sequence: String(40 + i) };
    const cells = [q(''), q(l.src), q(l.dst), q(l.context), q(l.clid), q(l.channel), q(l.dstchannel), q('Dial'), q(l.data), date(l.start, utc), date(l.answer, utc), date(l.end, utc), String(l.duration), String(l.billsec), q(l.disposition), q('DOCUMENTATION'), ...tail.map((t) => extra[t])];
    return cells.join(',');
  }).join('\n') + '\n';
}

const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-master-layouts-'));
writeFileSync(path.join(dir, 'deals.csv'), 'ID;Ответственный;Дата создания;Этап сделки\n1;201;10.02.2025 09:00;Переговоры\n');

function kpi(name: string, text: string, ...args: string[]) {
  writeFileSync(path.join(dir, name), text);
  const run = runCli(['kpi', '-d', 'deals.csv', '-a', name, '--format', 'json', '--now', '2025-03-01', ...args], { cwd: dir });
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as { managers: Array<Record<string, unknown>>; total: Record<string, unknown>; dataQuality: { alerts: Array<{ code: string }>; files: Array<{ dropped: Record<string, number> }> } };
}

const calls = (m: Record<string, unknown>) => ({ in: m.calls_in, out: m.calls_out, missed: m.calls_missed, share: m.missed_share, talk: m.talk_minutes });
const BY_ID = 'another leg of a call already counted (the same call id)';
const BY_CHANNEL = 'another leg of a call already counted (the same calling channel, at the same time)';
const INTERNAL = 'internal call (between employees)';

describe("Master.csv in each of the layouts cdr.conf makes: the same day's calls, the same numbers", () => {
  it.each<[string, Tail[], string?]>([
    ['16: the compiled defaults (no call id: legs told by their channel)', []],
    ['17: loguniqueid alone', ['uniqueid']],
    ['17: loguserfield alone (no call id)', ['userfield']],
    ['18: the sample cdr.conf (uniqueid, userfield)', ['uniqueid', 'userfield']],
    ['19: newcdrcolumns alone, the peeraccount empty', ['peeraccount', 'linkedid', 'sequence']],
    ['19: newcdrcolumns alone, the peeraccount filled', ['peeraccount', 'linkedid', 'sequence'], 'sales'],
    ['20: loguniqueid and newcdrcolumns', ['uniqueid', 'peeraccount', 'linkedid', 'sequence']],
    ['20: loguserfield and newcdrcolumns', ['userfield', 'peeraccount', 'linkedid', 'sequence'], 'sales'],
    ['21: all, the peeraccount empty', ['uniqueid', 'userfield', 'peeraccount', 'linkedid', 'sequence']],
    ['21: all, the peeraccount filled', ['uniqueid', 'userfield', 'peeraccount', 'linkedid', 'sequence'], 'sales'],
  ])('%s', (label, tail, peeraccount) => {
    const r = kpi(`master-${tail.length}-${tail[0] ?? 'none'}-${peeraccount ?? ''}.csv`, masterCsv(tail, peeraccount ? { peeraccount } : {}));
    const byLine = Object.fromEntries(r.managers.filter((m) => m.manager === '201' || m.manager === '202').map((m) => [m.manager, calls(m)]));
    expect(byLine, label).toEqual({
      '201': { in: 2, out: 1, missed: 1, share: 0.5, talk: 0.5 },
      '202': { in: 2, out: 1, missed: 1, share: 0.5, talk: 4 },
    });
    expect(calls(r.total)).toEqual({ in: 4, out: 2, missed: 2, share: 0.5, talk: 4.5 });
    // Two calls of two legs: joined by the call id where the file has one, else by the calling channel.
    const id = tail.includes('uniqueid') || tail.includes('linkedid');
    expect(r.dataQuality.files[1]!.dropped).toEqual({ [id ? BY_ID : BY_CHANNEL]: 2, [INTERNAL]: 1 });
    expect(r.dataQuality.alerts.map((a) => a.code)).not.toContain('call-id-unusable');
    expect(r.dataQuality.alerts.map((a) => a.code)).not.toContain('utc-times');
  });
});

// The sample cdr.conf has usegmtime=yes: Master.csv's times are then UTC, and nothing in the file says
// so. A uniqueid begins with the second its channel was made, counted in UTC (main/channel.c), and a
// call's first record starts as its channel is made: times equal to those seconds are UTC's (8 legs
// here: the call between employees is dropped before its legs are looked at).
describe("Master.csv's clock, told by its uniqueids", () => {
  const SAMPLE_CONF: Tail[] = ['uniqueid', 'userfield'];
  it('times written in UTC are said, with the id that shows it and the offset to give', () => {
    const r = kpi('master-utc.csv', masterCsv(SAMPLE_CONF, { utc: true }));
    expect(r.dataQuality.alerts).toContainEqual({ code: 'utc-times', file: 'master-utc.csv', count: 8, example: '2025-02-10 07:00:00', column: 'start', uniqueid: '1739170800.11' });
    const ru = runCli(['kpi', '-d', 'deals.csv', '-a', 'master-utc.csv', '--now', '2025-03-01', '--lang', 'ru'], { cwd: dir });
    expect(ru.stderr).toContain('master-utc.csv: время в колонке «start» записано по UTC, а не по часам компании: ID звонков АТС (uniqueid, например «1739170800.11») начинаются с секунды по UTC, в которую начался звонок, и у 8 строк она совпадает с записанным временем (например «2025-02-10 07:00:00»). Так пишет Asterisk с usegmtime=yes в cdr.conf');
    expect(ru.stderr).toContain('--time-offset +3 для Москвы');
  });

  it('shifted by --time-offset, or written on the company\'s clock, they are not; without an id nothing tells', () => {
    const shifted = kpi('master-utc-shifted.csv', masterCsv(SAMPLE_CONF, { utc: true }), '--time-offset', '+3');
    expect(shifted.dataQuality.alerts.map((a) => a.code)).not.toContain('utc-times');
    expect(calls(shifted.total)).toEqual({ in: 4, out: 2, missed: 2, share: 0.5, talk: 4.5 });
    // The company's clock (Moscow): every id is three hours behind its time, a time zone's whole quarter-hours.
    expect(kpi('master-local.csv', masterCsv(SAMPLE_CONF)).dataQuality.alerts.map((a) => a.code)).not.toContain('utc-times');
    // 16 columns (no uniqueid) in UTC: nothing in the file shows it (README says so).
    expect(kpi('master-utc-16.csv', masterCsv([], { utc: true })).dataQuality.alerts.map((a) => a.code)).not.toContain('utc-times');
  });
});
