import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { latinWords } from '../helpers/latin-words.js';
import { kpiBothWays } from '../helpers/both-ways.js';

// Call logs of telephony providers as they are downloaded (the shapes of Sipuni's, UIS's and
// Zadarma's exports; the rows are made up). The client of a call is the caller of an incoming call
// and the callee of an outgoing one; calls between employees are no sales activity.
const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-telephony-'));
writeFileSync(path.join(dir, 'deals.csv'), 'id,manager,client,created_at,closed_at,status,amount\n1,Иванов Иван,+7 916 123-45-67,2025-01-31,,open,1\n');
/** Writes a call log of these lines and reads it with the deals. */
const kpi = (file: string, lines: string[]) => {
  writeFileSync(path.join(dir, file), `${lines.join('\n')}\n`);
  const run = runCli(['kpi', '-d', 'deals.csv', '-a', file, '--format', 'json'], { cwd: dir });
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as { total: Record<string, number | null>; managers: Array<Record<string, number | string | null>>; dataQuality: { files: Array<{ dropped: Record<string, number> }> } };
};

describe('a Sipuni call log: «Откуда» and «Куда», seconds in the headers, internal calls', () => {
  it('links each call by the client\'s number, pairs the callback, sums the talk and drops the internal call', () => {
    const r = kpi('sipuni.csv', [
      '\ufeffТип;Статус;Время;Схема;Откуда;Куда;Кто ответил;Длительность звонка, сек;Длительность разговора, сек;Ответственный из CRM',
      // Who took the call, and the caller of an outgoing one, are the call's employee (as Sipuni names them).
      'Входящий;Отвечен;01.02.2025 10:00:00;Основная;+7 (916) 123-45-67;101;Иванов Иван;70;60;Иванов Иван',
      'Входящий;Не отвечен;01.02.2025 11:00:00;Основная;89161234568;101;;20;0;Иванов Иван',
      'Исходящий;Отвечен;01.02.2025 11:30:00;;Иванов Иван;79161234568;;50;45;Иванов Иван',
      'Входящий;Не отвечен;01.02.2025 12:00:00;Основная;79161234569;102;;15;0;Петрова Анна',
      'Внутренний;Отвечен;01.02.2025 12:30:00;;101;102;102;20;15;Иванов Иван',
    ]);
    const ivanov = r.managers.find((m) => m.manager === 'Иванов Иван')!;
    // In: 10:00 (answered, 60 s of talk) and 11:00 (missed, called back at 11:30 on 7 916 123-45-68); out: 11:30 (45 s).
    expect([ivanov.calls_in, ivanov.calls_out, ivanov.calls_missed, ivanov.callback_rate, ivanov.talk_minutes]).toEqual([2, 1, 1, 1, 1.75]);
    // The deal of 31.01 00:00 is answered by the call from its client's number at 01.02 10:00: 34 hours.
    expect(ivanov.response_min_median).toBe(34 * 60);
    expect([r.total.calls_missed, r.total.missed_share, r.total.callback_rate]).toEqual([2, 2 / 3, 0.5]);
    expect(r.dataQuality.files[1]!.dropped).toEqual({ 'internal call (between employees)': 1 });
  });
});

describe('UIS and Zadarma: API field names, a flag for a lost call, dispositions', () => {
  it('reads is_lost true/false as missed, talk_duration as seconds and contact_phone_number as the client', () => {
    // Answered at 10:00 (30 s), lost at 11:00, called back at 11:10 (90 s).
    const calls = [['10:00', 'in', 'false', '79161234567', 30], ['11:00', 'in', 'true', '79161234500', 0], ['11:10', 'out', 'false', '79161234500', 90]];
    const r = kpi('uis.csv', ['start_time,direction,is_lost,employee_full_name,contact_phone_number,talk_duration', ...calls.map(([at, dir, lost, phone, s]) => `2025-02-01 ${at}:00,${dir},${lost},Иванов Иван,${phone},${s}`)]);
    expect([r.total.calls_in, r.total.calls_out, r.total.calls_missed, r.total.callback_rate, r.total.talk_minutes]).toEqual([2, 1, 1, 1, 2]);
  });

  it('reads talk_time_duration (the call notification\'s name) as the talk, never wait_time_duration or total_time_duration', () => {
    // Answered at 10:00 (95 s of talk after 12 s of ringing), lost at 11:00 (40 s of ringing), called back at 11:20 (125 s).
    const r = kpi('uis-notification.csv', [
      'call_session_id,start_time,direction,is_lost,contact_phone_number,employee_full_name,talk_time_duration,wait_time_duration,total_time_duration',
      '501,2025-02-01 10:00:00,in,false,79161234567,Иванов Иван,95,12,107',
      '502,2025-02-01 11:00:00,in,true,79161234500,Иванов Иван,0,40,40',
      '503,2025-02-01 11:20:00,out,false,79161234500,Иванов Иван,125,8,133',
    ]);
    // Talk 95 + 125 = 220 s; the totals would give 280 s, the waits 60 s.
    expect(r.total.talk_minutes).toBeCloseTo(220 / 60, 12);
    expect([r.total.calls_in, r.total.calls_out, r.total.calls_missed, r.total.callback_rate]).toEqual([2, 1, 1, 1]);
    const inspect = JSON.parse(runCli(['inspect', 'uis-notification.csv', '--kind', 'activities', '--format', 'json'], { cwd: dir }).stdout);
    const fieldOf = (header: string) => inspect.columns.find((c: { header: string }) => c.header === header)?.field;
    expect([fieldOf('talk_time_duration'), fieldOf('wait_time_duration'), fieldOf('total_time_duration'), fieldOf('call_session_id')]).toEqual(['duration_s', undefined, undefined, 'call_id']);
  });

  it('a log without a direction has the counts by direction not applicable; its dispositions read as call statuses', () => {
    const r = kpi('zadarma.csv', ['callstart,sip,clid,destination,disposition,seconds', '2025-02-01 10:00:00,Иванов Иван,79161234567,74950000000,answered,65', '2025-02-01 11:00:00,Иванов Иван,79161234568,74950000000,call failed,0', '2025-02-01 12:00:00,Иванов Иван,79161234568,74950000000,no money,0']);
    expect(r.total.calls_in).toBeNull();
    expect(r.total.talk_minutes).toBeCloseTo(65 / 60, 12);
    // With no direction no call is missed (only an incoming call can be): the statuses are seen in inspect.
    const inspect = JSON.parse(runCli(['inspect', 'zadarma.csv', '--kind', 'activities', '--format', 'json'], { cwd: dir }).stdout);
    expect(inspect.values.missed).toEqual([
      { value: 'answered', mapped: 'answered', count: 1 },
      { value: 'call failed', mapped: 'not answered', count: 1 },
      { value: 'no money', mapped: 'not answered', count: 1 },
    ]);
  });
});

// МегаФон «Виртуальная АТС», the CRM API's call history written as a table: the run stopped asking for
// the manager and the time (user_name, start), and uid, the call's id, was read as nothing.
describe('MegaFon Virtual PBX: the CRM API call history', () => {
  const file = 'megafon.csv';
  writeFileSync(path.join(dir, file), `${[
    'start,uid,type,status,client,diversion,destination,user,user_name,wait,duration,record',
    // 10:00 Moscow time: an answered incoming call from the deal's client (80 s of talk).
    '2025-02-01T07:00:00Z,m1,in,Success,79161234567,74951112233,,ivanov,Иванов Иван,6,80,https://example.invalid/m1.mp3',
    // 11:00 missed, called back at 11:25 (125 s) on the number written with a trunk 8.
    '2025-02-01T08:00:00Z,m2,missed,missed,79161234500,74951112233,,ivanov,Иванов Иван,30,0,',
    '2025-02-01T08:25:00Z,m3,out,Success,89161234500,74951112233,,ivanov,Иванов Иван,4,125,https://example.invalid/m3.mp3',
    // Outgoing calls that did not connect: busy, not reachable.
    '2025-02-01T09:00:00Z,m4,out,Busy,79161234599,74951112233,,ivanov,Иванов Иван,20,0,',
    '2025-02-01T09:30:00Z,m5,out,NotAvailable,79161234598,74951112233,,ivanov,Иванов Иван,15,0,',
    // Петрова: a missed incoming call never called back, and an outgoing call to a barred number.
    '2025-02-01T10:00:00Z,m6,in,missed,79161234597,74951112233,,petrova,Петрова Анна,25,0,',
    '2025-02-01T10:10:00Z,m7,out,NotAllowed,88001234567,74951112233,,petrova,Петрова Анна,2,0,',
  ].join('\n')}\n`);

  it('is recognised: start (UTC) the time, user_name the employee, type and status the direction and outcome, duration the talk, not wait', () => {
    const inspect = JSON.parse(runCli(['inspect', file, '--kind', 'activities', '--format', 'json'], { cwd: dir }).stdout);
    expect(inspect.profile.id).toBe('megafon-api');
    // The brand in Cyrillic in a Russian run, as a Russian reader writes it.
    const ru = runCli(['inspect', file, '--kind', 'activities', '--lang', 'ru'], { cwd: dir }).stdout;
    expect(ru).toContain('CRM:        МегаФон, Виртуальная АТС, история звонков CRM API');
    expect(runCli(['inspect', file, '--kind', 'activities', '--lang', 'en'], { cwd: dir }).stdout).toContain('MegaFon, Virtual PBX, CRM API call history');
    const fieldOf = (header: string) => inspect.columns.find((c: { header: string }) => c.header === header)?.field;
    expect(['start', 'uid', 'type', 'status', 'client', 'user_name', 'duration', 'wait', 'diversion', 'destination'].map(fieldOf)).toEqual(['at', 'call_id', 'direction', 'missed', 'phone', 'manager', 'duration_s', undefined, undefined, undefined]);
    // Megafon's statuses: Success took place; missed, Busy, NotAvailable, NotAllowed did not.
    const statuses = Object.fromEntries(inspect.values.missed.map((v: { value: string; mapped: string }) => [v.value, v.mapped]));
    expect(statuses).toEqual({ Success: 'answered', missed: 'not answered', Busy: 'not answered', NotAvailable: 'not answered', NotAllowed: 'not answered' });
    const run = runCli(['kpi', '-d', 'deals.csv', '-a', file, '--time-offset', '+3', '--format', 'json'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const r = JSON.parse(run.stdout);
    const by = (name: string) => r.managers.find((m: { manager: string }) => m.manager === name);
    // Иванов: in m1, m2; out m3, m4, m5; missed m2, called back by m3; talk 80 + 125 = 205 s (the waits would add 75 s).
    expect(by('Иванов Иван')).toMatchObject({ calls_in: 2, calls_out: 3, calls_missed: 1, missed_share: 0.5, callback_rate: 1 });
    expect(by('Иванов Иван').talk_minutes).toBeCloseTo(205 / 60, 12);
    // The deal of 31.01 00:00 is answered by m1 at 01.02 10:00 Moscow time (07:00 UTC + 3): 34 hours.
    expect(by('Иванов Иван').response_min_median).toBe(34 * 60);
    expect(by('Петрова Анна')).toMatchObject({ calls_in: 1, calls_out: 1, calls_missed: 1, missed_share: 1, callback_rate: 0, talk_minutes: 0 });
    expect(r.total).toMatchObject({ calls_in: 3, calls_out: 4, calls_missed: 2, callback_rate: 0.5 });
    expect(r.total.missed_share).toBeCloseTo(2 / 3, 12);
    expect(r.total.talk_minutes).toBeCloseTo(205 / 60, 12);
    expect(r.dataQuality.alerts.filter((a: { code: string }) => a.code === 'unknown-values')).toEqual([]);
  });

  it('without --time-offset its UTC times are said, with the offset that shifts them', () => {
    const run = runCli(['kpi', '-d', 'deals.csv', '-a', file, '--format', 'json', '--lang', 'en'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).dataQuality.alerts.map((a: { code: string }) => a.code)).toContain('utc-times');
  });
});

describe('words that are not a call between employees', () => {
  it('«Internal meeting» in a type column is a meeting, not a dropped internal call', () => {
    const r = kpi('typed.csv', ['Дата;Ответственный;Тип;Клиент', '01.02.2025 10:00;Иванов Иван;Internal meeting;79161234567', '01.02.2025 11:00;Иванов Иван;Встреча;79161234567']);
    expect(r.total.meetings).toBe(2);
    expect(r.dataQuality.files[1]!.dropped).toEqual({});
  });
});

// A log that leaves the employee blank on calls nobody took: the missed share read 0% with two of three incoming missed.
describe('missed incoming calls with no employee', () => {
  it('are skipped under a reason of their own, and the run says the missed share reads low', () => {
    writeFileSync(path.join(dir, 'blank.csv'), 'Дата звонка;Сотрудник;Тип звонка;Статус;Длительность;Клиент\n01.02.2025 10:30;Иванов Иван;Исходящий;Успешный звонок;83;79161234567\n01.02.2025 11:00;;Входящий;Пропущенный звонок;0;79161234567\n01.02.2025 11:05;;Входящий;Пропущенный звонок;0;79161234500\n01.02.2025 11:10;Иванов Иван;Входящий;Успешный звонок;60;79161234500\n01.02.2025 11:20;;Исходящий;Успешный звонок;10;79161234500\n');
    const run = runCli(['kpi', '-d', 'deals.csv', '-a', 'blank.csv', '--format', 'json', '--lang', 'en'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const r = JSON.parse(run.stdout);
    expect(r.dataQuality.alerts).toContainEqual({ code: 'missed-no-manager', file: 'blank.csv', calls: 2 });
    expect(r.dataQuality.rowsSkipped.map((s: { reason: string }) => s.reason)).toEqual(['no manager (a missed incoming call)', 'no manager (a missed incoming call)', 'no manager']);
    expect(run.stderr).toContain('Warning: blank.csv: 2 missed incoming calls with no employee are not read');
  });

  // A helper's UIS log with its lost calls' «Сотрудник» blank failed the run past five of them, as if they were unreadable rows.
  it('do not count against --max-bad-rows: a log of 130 calls, 30 of them lost with no employee, is read, and all 30 are said', () => {
    const rows = ['Дата и время;Направление;Статус;Сотрудник;Номер абонента;Длительность разговора'];
    for (let i = 0; i < 30; i++) rows.push(`02.03.2026 10:${String(i).padStart(2, '0')}:00;Входящий;Потерянный;;+7 916 000-00-${String(i).padStart(2, '0')};0`);
    for (let i = 0; i < 100; i++) rows.push(`02.03.2026 11:${String(i % 60).padStart(2, '0')}:00;Исходящий;Успешный;Иванов Иван;+7 916 000-01-${String(i % 60).padStart(2, '0')};60`);
    writeFileSync(path.join(dir, 'uis-lost.csv'), `${rows.join('\n')}\n`);
    const run = runCli(['kpi', '-d', 'deals.csv', '-a', 'uis-lost.csv', '--format', 'json', '--lang', 'en'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const r = JSON.parse(run.stdout);
    expect(r.dataQuality.alerts).toContainEqual({ code: 'missed-no-manager', file: 'uis-lost.csv', calls: 30 });
    expect(r.dataQuality.rowsSkippedCount).toBe(30);
    expect(r.dataQuality.files[1]).toMatchObject({ skipped: 30, missedNoManager: 30 });
    // 30 of 130 rows (23%) are no misread column: no many-skipped alert, and stderr does not call them unreadable (a tester).
    expect(r.dataQuality.alerts.map((a: { code: string }) => a.code)).not.toContain('many-skipped');
    expect(run.stderr).not.toContain('could not be read');
    const ru = runCli(['kpi', '-d', 'deals.csv', '-a', 'uis-lost.csv', '--lang', 'ru'], { cwd: dir });
    expect(ru.stderr).not.toContain('не удалось прочитать');
    expect(ru.stdout).toContain('не прочитано: 0; звонков без сотрудника: 30;');
    const inspect = runCli(['inspect', 'uis-lost.csv', '--lang', 'ru'], { cwd: dir });
    expect(inspect.stdout).toMatch(/не прочитано:\s+0\n\s+без сотрудника: 30 \(пропущенные входящие, которые никто не принял\)/);
    // Unreadable rows beside them still count: six bad dates fail the run, the examples the bad dates, not the lost calls.
    writeFileSync(path.join(dir, 'uis-bad.csv'), `${[...rows, ...Array.from({ length: 6 }, () => 'вчера;Исходящий;Успешный;Иванов Иван;+7 916 000-02-00;60')].join('\n')}\n`);
    const bad = runCli(['kpi', '-d', 'deals.csv', '-a', 'uis-bad.csv', '--lang', 'en'], { cwd: dir });
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('6 of 136 rows');
    expect(bad.stderr).toContain('row 132');
    // A reviewer: the 30 lost calls first filled the listed skipped rows, so the JSON held none of the unreadable
    // ones; a file lists ten of them (all counted), and the bad dates after.
    const listed = runCli(['kpi', '-d', 'deals.csv', '-a', 'uis-bad.csv', '--max-bad-rows', '10', '--format', 'json', '--lang', 'en'], { cwd: dir });
    expect(listed.code, listed.stderr).toBe(0);
    const q = JSON.parse(listed.stdout).dataQuality;
    expect(q.rowsSkippedCount).toBe(36);
    expect(q.rowsSkipped.filter((s: { reason: string }) => s.reason === 'no manager (a missed incoming call)')).toHaveLength(10);
    expect(q.rowsSkipped.filter((s: { reason: string }) => s.reason.endsWith('is not a date')).map((s: { row: number }) => s.row)).toEqual([132, 133, 134, 135, 136, 137]);
    expect(bad.stderr).not.toContain('missed incoming call)');
  });
});

// A helper's Megafon call history: its account «ivr» (a call that ended in the voice menu) was a manager with a missed share of 100%.
describe('a PBX\'s employee column naming the voice menu, a queue or voicemail', () => {
  it('is no employee: the call is one nobody took, said as such, and no «ivr» manager is reported', () => {
    writeFileSync(path.join(dir, 'megafon.csv'), 'uid,type,status,client,account,start,duration\na1,in,Success,79161112233,ivanov,2026-03-02T07:05:00Z,120\na2,missed,missed,79162223344,ivanov,2026-03-02T07:30:00Z,0\na3,in,missed,79163334455,IVR,2026-03-02T08:00:00Z,0\na4,in,missed,79163334456,Очередь,2026-03-02T08:10:00Z,0\n');
    writeFileSync(path.join(dir, 'megafon.yaml'), 'activities:\n  columns:\n    manager: account\n    at: start\n');
    const run = runCli(['kpi', '-d', 'deals.csv', '-a', 'megafon.csv', '--map', 'megafon.yaml', '--format', 'json', '--lang', 'en'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const r = JSON.parse(run.stdout);
    expect(r.managers.map((m: { manager: string }) => m.manager)).not.toContain('IVR');
    expect(r.managers.find((m: { manager: string }) => m.manager === 'ivanov')).toMatchObject({ calls_in: 2, calls_missed: 1, missed_share: 0.5 });
    expect(r.dataQuality.alerts).toContainEqual({ code: 'missed-no-manager', file: 'megafon.csv', calls: 2 });
  });
});

describe('a call of a day or more', () => {
  it('is a wrong cell, skipped and said with its row and column, not a talk time that outweighs every real call', () => {
    const r = kpi('long.csv', ['Дата;Сотрудник;Тип звонка;Длительность;Номер клиента', '2025-02-01 10:00;Иванов Иван;Исходящий;120;+79161234567', '2025-02-01 11:00;Иванов Иван;Исходящий;999999999;+79161234567', '2025-02-01 12:00;Иванов Иван;Исходящий;25:00:00;+79161234567', '2025-02-01 13:00;Иванов Иван;Исходящий;4:30:00;+79161234567']);
    // 2 minutes and four and a half hours (a long conference call is possible); the two of a day or more are skipped.
    expect(r.total.talk_minutes).toBe(2 + 270);
    expect(r.total.calls_out).toBe(2);
    const run = runCli(['kpi', '-d', 'deals.csv', '-a', 'long.csv', '--lang', 'ru'], { cwd: dir });
    expect(run.stderr).toContain('«999999999» — сутки и дольше: это не длительность звонка');
    expect(run.stderr).toContain('long.csv, строка 3, колонка «Длительность»');
  });
});

describe('a Sipuni log that says who took each call («Кто ответил»)', () => {
  it('counts an incoming call to who took it, an outgoing one to its caller, and a missed one to the client\'s owner in the CRM', () => {
    const header = 'Тип;Статус;Время;Откуда;Куда;Кто ответил;Длительность разговора;Ответственный из CRM';
    const r = kpi('sipuni-who.csv', [
      header,
      // Taken by Пётр, though the client's owner is Иван.
      'Входящий;Отвечен;01.02.2025 10:05:00;79161234567;74950000000;Петров Пётр;80;Иванов Иван',
      // Nobody took it: the owner is the one to call back, and does, 30 minutes later.
      'Входящий;Не отвечен;01.02.2025 11:00:00;79161234567;74950000000;;0;Иванов Иван',
      'Исходящий;Отвечен;01.02.2025 11:30:00;Иванов Иван;79161234567;79161234567;65;',
      // An outgoing call with no owner in the CRM: its caller is its employee.
      'Исходящий;Не отвечен;01.02.2025 12:00:00;Петров Пётр;79160000000;;0;',
    ]);
    const by = Object.fromEntries(r.managers.map((m) => [m.manager, m]));
    expect(by['Петров Пётр']).toMatchObject({ calls_in: 1, calls_out: 1, calls_missed: 0 });
    expect(by['Иванов Иван']).toMatchObject({ calls_in: 1, calls_out: 1, calls_missed: 1, callback_rate: 1 });
    expect(r.total).toMatchObject({ calls_in: 2, calls_out: 2, calls_missed: 1 });
  });

  it('needs no manager column: who took the call names the employee', () => {
    const r = kpi('sipuni-no-owner.csv', ['Тип;Статус;Время;Откуда;Куда;Кто ответил;Длительность разговора', 'Входящий;Отвечен;01.02.2025 10:05:00;79161234567;74950000000;Петров Пётр;80', 'Исходящий;Отвечен;01.02.2025 11:30:00;Иванов Иван;79161234567;79161234567;65']);
    expect(r.managers.map((m) => m.manager).sort()).toEqual(['Иванов Иван', 'Петров Пётр']);
  });
});

describe('who took a call, beside a manager column that is the employee', () => {
  it('changes nothing: «Сотрудник» stays the manager, and a caller that is a phone number is never an employee', () => {
    const r = kpi('who-beside.csv', ['Дата звонка;Сотрудник;Тип звонка;Номер вызывающего;Номер вызываемого;Кто принял;Длительность', '01.02.2025 10:00;Иванов Иван;Входящий;79161234567;74950000000;Иванов Иван;60', '01.02.2025 11:00;Иванов Иван;Исходящий;74950000000;79161234567;79161234567;45', '01.02.2025 12:00;Петрова Анна;Исходящий;74950000000;79161234599;79161234599;30']);
    expect(r.managers.map((m) => [m.manager, m.calls_out, m.calls_in])).toEqual([['Иванов Иван', 1, 1], ['Петрова Анна', 1, 0]]);
  });
});

describe('an Asterisk / FreePBX CDR: numbers only, a row per leg of a call', () => {
  const header = 'calldate,clid,src,dst,dcontext,channel,dstchannel,lastapp,lastdata,duration,billsec,disposition,amaflags,accountcode,uniqueid,userfield,linkedid';
  // Line 101 calls out (45 s); a client calls ring group 600, which rings 102 and 101, and 101 answers
  // (30 s); another client calls 102, who misses it and calls back 10 minutes later (20 s).
  const rows = [
    '2025-02-01 10:00:00,"""Иванов Иван"" <101>",101,89161234567,from-internal,PJSIP/101-00000001,PJSIP/trunk-00000002,Dial,PJSIP/89161234567@trunk,50,45,ANSWERED,3,,1738404000.1,,1738404000.1',
    '2025-02-01 11:00:00,"""79161234568"" <79161234568>",79161234568,600,ext-group,PJSIP/trunk-00000003,PJSIP/102-00000004,Dial,PJSIP/102&PJSIP/101,35,0,NO ANSWER,3,,1738407600.3,,1738407600.3',
    '2025-02-01 11:00:00,"""79161234568"" <79161234568>",79161234568,600,ext-group,PJSIP/trunk-00000003,PJSIP/101-00000005,Dial,PJSIP/102&PJSIP/101,35,30,ANSWERED,3,,1738407600.3,,1738407600.3',
    '2025-02-01 12:00:00,"""79161234569"" <79161234569>",79161234569,102,ext-local,PJSIP/trunk-00000006,PJSIP/102-00000007,Dial,PJSIP/102,25,0,NO ANSWER,3,,1738411200.6,,1738411200.6',
    '2025-02-01 12:10:00,"""Петрова Анна"" <102>",102,79161234569,from-internal,PJSIP/102-00000008,PJSIP/trunk-00000009,Dial,PJSIP/79161234569@trunk,28,20,ANSWERED,3,,1738411800.8,,1738411800.8',
  ];
  writeFileSync(path.join(dir, 'cdr.csv'), `${[header, ...rows].join('\n')}\n`);

  it('counts each call once, by the line on the company side, named by managers: in the --map file', () => {
    writeFileSync(path.join(dir, 'lines.yaml'), 'managers:\n  "101": Иванов Иван\n  "102": Петрова Анна\n');
    const run = runCli(['kpi', '-d', 'deals.csv', '-a', 'cdr.csv', '--map', 'lines.yaml', '--format', 'json'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const r = JSON.parse(run.stdout) as { total: Record<string, number | null>; managers: Array<Record<string, number | string | null>>; dataQuality: { files: Array<{ dropped: Record<string, number> }> } };
    const row = (name: string) => r.managers.find((m) => m.manager === name)!;
    expect([row('Иванов Иван').calls_out, row('Иванов Иван').calls_in, row('Иванов Иван').calls_missed, row('Иванов Иван').talk_minutes]).toEqual([1, 1, 0, 1.25]);
    expect([row('Петрова Анна').calls_out, row('Петрова Анна').calls_in, row('Петрова Анна').calls_missed, row('Петрова Анна').callback_rate]).toEqual([1, 1, 1, 1]);
    expect([r.total.calls_in, r.total.calls_missed, r.total.missed_share, r.total.callback_rate]).toEqual([2, 1, 0.5, 1]);
    expect(r.dataQuality.files[1]!.dropped).toEqual({ 'another leg of a call already counted (the same call id)': 1 });
  });

  it('is read in one pass, so that no boundary between two threads cuts a call\'s legs in two', () => {
    // 400 ring-group calls of two legs each (102 missed, 101 answered): a split in the middle of the file falls between two legs.
    const legs = Array.from({ length: 400 }, (_, i) => {
      const t = `2025-02-0${1 + (i % 5)} 1${i % 10}:${String(i % 60).padStart(2, '0')}:00`;
      return [`${t},79161230000,79161230000,600,ext-group,PJSIP/trunk-${i},PJSIP/102-${i},Dial,PJSIP/102&PJSIP/101,35,0,NO ANSWER,3,,${i}.1,,${i}.1`, `${t},79161230000,79161230000,600,ext-group,PJSIP/trunk-${i},PJSIP/101-${i},Dial,PJSIP/102&PJSIP/101,35,30,ANSWERED,3,,${i}.1,,${i}.1`];
    }).flat();
    writeFileSync(path.join(dir, 'cdr-big.csv'), `${[header, ...legs].join('\n')}\n`);
    const totals = (split: string) => {
      const run = runCli(['kpi', '-d', 'deals.csv', '-a', 'cdr-big.csv', '--format', 'json'], { cwd: dir, env: { CRM_AUDIT_SPLIT_BYTES: split } });
      expect(run.code, run.stderr).toBe(0);
      const t = (JSON.parse(run.stdout) as { total: Record<string, number | null> }).total;
      return [t.calls_in, t.calls_missed, t.talk_minutes];
    };
    expect(totals('1')).toEqual([400, 0, 200]);
    expect(totals('0')).toEqual([400, 0, 200]);
  });

  it('without names, reports the lines and says how to name them, in Russian', () => {
    const run = runCli(['kpi', '-d', 'deals.csv', '-a', 'cdr.csv', '--lang', 'ru'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('внутренними номерами АТС');
    expect(run.stderr).toContain('managers:\n  "101": "Имя Фамилия"\n  "102": "Имя Фамилия"');
  });
});

describe('a log whose employee is only its extension column (Telphin\'s «Добавочный»)', () => {
  it('counts each call to its extension', () => {
    const r = kpi('telphin.csv', ['Дата;Тип;Откуда;Куда;Добавочный;Длительность;Статус', '01.02.2025 10:00:00;Входящий;79161234567;74950000000;101;60;Отвечен', '01.02.2025 11:00:00;Исходящий;74950000000;79161234567;102;30;Отвечен']);
    expect(r.managers.filter((m) => m.manager !== 'Иванов Иван').map((m) => [m.manager, m.calls_out, m.calls_in])).toEqual([['101', 0, 1], ['102', 1, 0]]);
  });
});

describe('a call log without a duration column', () => {
  it('has no talk time: null and not applicable, with the column that would give it, not 0 minutes', () => {
    const lines = ['Дата звонка;Направление звонка;Статус звонка;Менеджер;Клиент', '01.02.2025 10:00;Исходящий звонок;Отвечен;Иванов Иван;+7 916 123-45-67', '01.02.2025 11:00;Входящий звонок;Пропущенный;Иванов Иван;+7 916 123-45-67'];
    const r = kpi('no-duration.csv', lines) as ReturnType<typeof kpi> & { notApplicable: Record<string, string> };
    expect([r.total.calls_out, r.total.calls_missed, r.total.talk_minutes, r.managers[0]!.talk_minutes]).toEqual([1, 1, null, null]);
    expect(r.notApplicable.talk_minutes).toBe("needs a call duration column (or the call's end time) in the activities file");
    const ru = runCli(['kpi', '-d', 'deals.csv', '-a', 'no-duration.csv', '--lang', 'ru'], { cwd: dir });
    expect(ru.stdout).toContain('Разговоры, мин');
    expect(ru.stdout).toMatch(/Не рассчитано:[^]*Разговоры, мин/);
    // With the duration, the talk is counted again (the answered call's minute).
    const timed = kpi('with-duration.csv', [`${lines[0]};Длительность`, `${lines[1]};60`, `${lines[2]};0`]) as ReturnType<typeof kpi> & { notApplicable: Record<string, string> };
    expect([timed.total.talk_minutes, timed.notApplicable.talk_minutes]).toEqual([1, undefined]);
  });
});

describe('a call-centre log in English whose employee column is «Agent»', () => {
  it('reads Agent as the employee and mm:ss as the duration (hand-checked)', () => {
    const r = kpi('agents.csv', ['Date,Direction,Status,Agent,Caller,Duration', '2025-02-01 10:00:00,Outgoing,Answered,Anna Lee,+15550100,02:35', '2025-02-01 11:00:00,Incoming,Missed,Anna Lee,+15550101,00:00', '2025-02-02 09:00:00,Incoming,Answered,Boris Ray,+15550102,10:05']);
    const anna = r.managers.find((m) => m.manager === 'Anna Lee')!;
    const boris = r.managers.find((m) => m.manager === 'Boris Ray')!;
    // 2:35 is 155 s; 10:05 is 605 s.
    expect([anna.calls_out, anna.calls_in, anna.calls_missed, anna.talk_minutes]).toEqual([1, 1, 1, 155 / 60]);
    expect([boris.calls_in, boris.talk_minutes]).toEqual([1, 605 / 60]);
  });
});

describe('a call log that splits the date and the time of day, with a talk column', () => {
  // «Время звонка» is Bitrix24's length of a call; beside «Длительность разговора» it is the time of day.
  const deals = ['ID;Ответственный;Контакт;Дата создания;Дата закрытия;Стадия сделки;Сумма', '501;Иванов Иван;+7 916 123-45-67;01.02.2025 09:00:00;05.02.2025 18:00:00;Сделка успешна;45000', '502;Иванов Иван;+7 (926) 555-11-22;01.02.2025 10:00:00;;Новая;20000', '503;Петрова Анна;8 903 777-88-99;02.02.2025 12:00:00;06.02.2025 12:00:00;Сделка успешна;30000', '504;Петрова Анна;+79035550000;03.02.2025 08:00:00;04.02.2025 10:00:00;Сделка провалена;15000'];
  const calls = ['Дата звонка;Время звонка;Тип звонка;Сотрудник;Номер клиента;Длительность разговора;Статус', '01.02.2025;09:30:15;Исходящий;Иванов Иван;+7 916 123-45-67;00:02:05;Отвечен', '01.02.2025;10:30:00;Входящий;Иванов Иван;+7 926 555-11-22;00:00:00;Пропущен', '01.02.2025;10:50:00;Исходящий;Иванов Иван;+7 926 555-11-22;00:01:00;Отвечен', '02.02.2025;12:40:00;Входящий;Петрова Анна;+7 903 777-88-99;00:03:00;Отвечен', '03.02.2025;09:05:00;Исходящий;Петрова Анна;+7 903 555-00-00;00:00:00;Не отвечен'];

  it('reads the talk as the duration and «Время звонка» as the time (it read 7-hour calls at midnight; hand-checked)', () => {
    writeFileSync(path.join(dir, 'split-deals.csv'), `${deals.join('\n')}\n`);
    writeFileSync(path.join(dir, 'split-calls.csv'), `${calls.join('\n')}\n`);
    const run = runCli(['kpi', '-d', 'split-deals.csv', '-a', 'split-calls.csv', '--format', 'json'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const r = JSON.parse(run.stdout) as { total: Record<string, number>; managers: Array<Record<string, number | string>> };
    // Иванов: 125 + 60 s of talk; responses 30.25 (501) and 50 (502; the missed call is none) minutes.
    // Петрова: 180 s; 40 (503) and 65 (504) minutes. The department's median of the four: 45.
    expect(r.managers.map((m) => [m.manager, m.talk_minutes, m.response_min_median, m.touches_per_won])).toEqual([
      ['Иванов Иван', 185 / 60, 40.125, 1],
      ['Петрова Анна', 3, 52.5, 1],
    ]);
    expect(r.total.response_min_median).toBe(45);
  });

  it('without a column that links a call to a deal, touches and responses are not applicable, not 0 and «no response» for every deal', () => {
    writeFileSync(path.join(dir, 'unlinked-calls.csv'), `${calls.map((l) => l.split(';').filter((_, i) => i !== 4).join(';')).join('\n')}\n`);
    const run = runCli(['kpi', '-d', 'split-deals.csv', '-a', 'unlinked-calls.csv', '--format', 'json'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const r = JSON.parse(run.stdout) as { total: Record<string, number | null>; notApplicable: Record<string, string> };
    expect([r.total.touches_per_won, r.total.no_response, r.total.response_min_median, r.total.callback_rate]).toEqual([null, null, null, null]);
    const why = 'needs a deal id, client or phone column in the activities file (to link an activity to its deal)';
    for (const k of ['touches_per_won', 'won_below_touch_norm', 'response_min_median', 'response_min_avg', 'no_response', 'callback_rate']) expect(r.notApplicable[k], k).toBe(why);
    // The calls themselves are still counted.
    expect([r.total.calls_out, r.total.calls_in, r.total.calls_missed]).toEqual([3, 2, 1]);
  });
});

// A helper's Sipuni log: internal calls have no «Ответственный из CRM» (no client), and 7 of them stopped the run as rows without a manager.
describe('an internal call with no employee named', () => {
  it('is dropped as a call between employees, not an unreadable row', () => {
    const rows = ['Тип;Статус;Время;Откуда;Куда;Длительность разговора;Ответственный из CRM'];
    for (let i = 0; i < 10; i++) rows.push(`Исходящий;Отвеченный;02.03.2026 10:${String(i).padStart(2, '0')}:00;201;79161234567;60;Иванов Иван`);
    for (let i = 0; i < 7; i++) rows.push(`Внутренний;Отвеченный;02.03.2026 11:${String(i).padStart(2, '0')}:00;201;202;30;`);
    writeFileSync(path.join(dir, 'sipuni-internal.csv'), `${rows.join('\n')}\n`);
    const run = runCli(['kpi', '-d', 'deals.csv', '-a', 'sipuni-internal.csv', '--format', 'json', '--lang', 'en'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const r = JSON.parse(run.stdout);
    expect(r.total.calls_out).toBe(10);
    expect(r.dataQuality.files[1].dropped).toEqual({ 'internal call (between employees)': 7 });
    expect(r.dataQuality.rowsSkippedCount).toBe(0);
  });
});

// A helper's Bitrix24 call detail: its failure texts («Вызов отменен», «Неверный номер»…) read as answered calls.
describe('the call statuses Bitrix24 writes for a call that did not connect', () => {
  it('are not answered: an incoming one is missed', () => {
    const statuses = ['Успешный звонок', 'Вызов отменен', 'Запрещено', 'Неверный номер', 'Данное направление не доступно', 'Временно не доступен', 'Недостаточно средств на счету', 'Заблокировано', 'Не определен', 'Пропущенный звонок'];
    const rows = ['Сотрудник;Номер телефона;Тип звонка;Дата вызова;Время звонка;Статус;CRM;Стоимость'];
    statuses.forEach((s, i) => rows.push(`Иванов Иван;7916123456${i};Входящий;02.03.2026 10:0${i}:00;0;${s};;0`));
    writeFileSync(path.join(dir, 'b24-statuses.csv'), `${rows.join('\n')}\n`);
    const r = kpi('b24-statuses.csv', rows);
    expect([r.total.calls_in, r.total.calls_missed]).toEqual([10, 9]);
  });

  it('and the usual ways a provider says a call was not answered', () => {
    const words = ['Не принято', 'Не принятый', 'Непринят', 'Не отвеченный', 'Неотвечен', 'Не успешно', 'Нет ответа от абонента', 'Абонент не ответил', 'Не состоялся', 'Вызов отклонён'];
    const rows = ['Дата звонка;Сотрудник;Тип звонка;Статус;Длительность;Клиент'];
    words.forEach((w, i) => rows.push(`02.03.2026 10:0${i};Иванов Иван;Входящий;${w};0;7916123450${i}`));
    const r = kpi('negated.csv', rows);
    expect([r.total.calls_in, r.total.calls_missed]).toEqual([10, 10]);
  });
});

// A tester's logs: «Неуспешный вызов», «Потерян», «Голосовая почта», «Вызов не принят»… on incoming calls counted as answered.
describe('the wordings of a call not answered that PBXs write', () => {
  const notAnswered = ['Неуспешный вызов', 'Потерян', 'Голосовая почта', 'Вызов не принят', 'Не принят сотрудником', 'Клиент не дождался ответа', 'Сброшен клиентом', 'Абонент недоступен', 'Не дозвонились', 'Занято', 'Нет ответа'];
  const answered = ['Отвечен', 'Принят', 'Успешный', 'Разговор состоялся', 'Отвечен сотрудником'];

  it('are missed on an incoming call, never on an outgoing one; an answer\'s wordings are answered (hand-checked)', () => {
    const rows = ['Дата звонка;Сотрудник;Тип звонка;Статус;Длительность;Номер клиента'];
    const at = (i: number) => `02.03.2026 10:${String(i).padStart(2, '0')}`;
    [...notAnswered, ...answered].forEach((w, i) => rows.push(`${at(i)};Иванов Иван;Входящий;${w};0;791612345${String(i).padStart(2, '0')}`));
    // Outgoing calls nobody answered are calls out (zero-length), not missed calls.
    notAnswered.slice(0, 3).forEach((w, i) => rows.push(`${at(30 + i)};Иванов Иван;Исходящий;${w};0;7916000000${i}`));
    const r = kpi('not-answered.csv', rows);
    // 16 incoming, the 11 not-answered ones missed; 3 outgoing.
    expect([r.total.calls_in, r.total.calls_missed, r.total.missed_share, r.total.calls_out]).toEqual([16, 11, 11 / 16, 3]);
  });
});

describe('a call log in UTC, as a telephony API writes it («Z» after the time)', () => {
  const lines = ['Дата;Сотрудник;Направление;Статус;Длительность;Номер клиента', '2025-02-01T07:25:00Z;Иванов Иван;Исходящий;Отвечен;60;79161234567'];

  it('is read as written and said, with the --time-offset that shifts it', () => {
    const r = kpi('utc.csv', lines) as unknown as { dataQuality: { alerts: Array<Record<string, unknown>>; warnings: string[] } };
    expect(r.dataQuality.alerts).toContainEqual({ code: 'utc-times', file: 'utc.csv', count: 1, example: '2025-02-01T07:25:00Z', column: 'Дата' });
    expect(r.dataQuality.warnings.join('\n')).toContain('--time-offset +3');
  });

  // Tester T49 F2: «+00:00» marks UTC as «Z» does; such a log read with no word lost every response.
  it('as «+00:00» and «+0000» marks UTC too, and is said so; «+03:00» is a local zone, read as written', () => {
    for (const [file, time] of [['utc-p0.csv', '2025-02-01T07:25:00+00:00'], ['utc-p0b.csv', '2025-02-01 07:25:00+0000'], ['utc-p0c.csv', '2025-02-01 07:25:00 +0000']] as const) {
      const r = kpi(file, [lines[0]!, lines[1]!.replace('2025-02-01T07:25:00Z', time)]) as unknown as { dataQuality: { alerts: Array<Record<string, unknown>> } };
      expect(r.dataQuality.alerts).toContainEqual({ code: 'utc-times', file, count: 1, example: time, column: 'Дата' });
    }
    const local = kpi('local.csv', [lines[0]!, lines[1]!.replace('2025-02-01T07:25:00Z', '2025-02-01T10:25:00+03:00')]) as unknown as { dataQuality: { alerts: Array<{ code: string }> } };
    expect(local.dataQuality.alerts.map((a) => a.code)).not.toContain('utc-times');
  });

  it('says nothing where the deals are in UTC too (both from an API: one clock)', () => {
    writeFileSync(path.join(dir, 'deals-utc.csv'), 'id,manager,client,created_at,closed_at,status,amount\n1,Иванов Иван,+7 916 123-45-67,2025-01-31T10:00:00Z,,open,1\n');
    const run = runCli(['kpi', '-d', 'deals-utc.csv', '-a', 'utc.csv', '--format', 'json'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).dataQuality.alerts.map((a: { code: string }) => a.code)).not.toContain('utc-times');
  });

  it('says nothing once the run shifts it', () => {
    const run = runCli(['kpi', '-d', 'deals.csv', '-a', 'utc.csv', '--time-offset', '+3', '--format', 'json'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).dataQuality.alerts.map((a: { code: string }) => a.code)).not.toContain('utc-times');
  });
});

// A reviewer: «Номер звонящего» became the caller, read by direction; in a log with no direction column no call had
// a client, and touches read 0 where they had read 1, without a word.
describe('a log whose one number column is the caller, with nothing to say a call\'s direction', () => {
  it('takes it as every call\'s client, as a phone column', () => {
    writeFileSync(path.join(dir, 'deals-won.csv'), 'id,manager,client,created_at,closed_at,status,amount\n1,Иванов Иван,79161234567,2025-02-01 09:00,2025-02-05 10:00,won,100\n');
    writeFileSync(path.join(dir, 'caller-nodir.csv'), 'Начало звонка;Номер звонящего;Сотрудник;Длительность вызова\n01.02.2025 09:20:00;79161234567;Иванов Иван;00:02:00\n');
    const run = runCli(['kpi', '-d', 'deals-won.csv', '-a', 'caller-nodir.csv', '--format', 'json'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const r = JSON.parse(run.stdout);
    // The one call, 20 minutes after the deal, from its client: a touch (not a response: its direction is unknown).
    expect([r.total.touches_per_won, r.total.response_min_median]).toEqual([1, null]);
    // The same with a type column that says no direction (a call, a letter): the rule was written for a log with no
    // type column only, and this one read touches 0 while the shape called the calls linked (the session's review).
    writeFileSync(path.join(dir, 'caller-kind.csv'), 'Начало звонка;Тип;Номер звонящего;Сотрудник;Длительность вызова\n01.02.2025 09:20:00;Звонок;79161234567;Иванов Иван;00:02:00\n');
    const kinded = JSON.parse(runCli(['kpi', '-d', 'deals-won.csv', '-a', 'caller-kind.csv', '--format', 'json'], { cwd: dir }).stdout);
    expect(kinded.total.touches_per_won).toBe(1);
  });
});

// The KPI linked a log with a caller column alone and no direction (touches 1, above), while the audit's
// evidence called it unlinkable: calls_linked_share no-data beside a KPI that had read the link. One rule now.
describe('a log whose one number column is the caller, with no direction, in the kpi and in the audit evidence', () => {
  it('links its calls in both: touches 1 and calls_linked_share 1 of 2', () => {
    writeFileSync(path.join(dir, 'deals-won3.csv'), 'id,manager,client,created_at,closed_at,status,amount\n1,Иванов Иван,79161234567,2025-02-01 09:00,2025-02-05 10:00,won,100\n');
    // 09:20 from the deal's client (linked, in its window); 10:00 from a number no deal has (not linked).
    writeFileSync(path.join(dir, 'caller-only.csv'), 'Начало звонка;Номер звонящего;Сотрудник;Длительность вызова\n01.02.2025 09:20:00;79161234567;Иванов Иван;00:02:00\n01.02.2025 10:00:00;79160000000;Иванов Иван;00:01:00\n');
    const kpiRun = runCli(['kpi', '-d', 'deals-won3.csv', '-a', 'caller-only.csv', '--format', 'json'], { cwd: dir });
    expect(kpiRun.code, kpiRun.stderr).toBe(0);
    const r = JSON.parse(kpiRun.stdout);
    expect(r.total.touches_per_won).toBe(1);
    expect(r.notApplicable.touches_per_won).toBeUndefined();
    writeFileSync(path.join(dir, 'telephony-yes.yaml'), 'questionnaire: crm-maturity\nanswers:\n  telephony.integrated: yes\n');
    const audit = runCli(['audit', '--answers', 'telephony-yes.yaml', '--allow-partial', '-d', 'deals-won3.csv', '-a', 'caller-only.csv', '--format', 'json', '--now', '2025-03-01'], { cwd: dir });
    expect(audit.code, audit.stderr).toBe(0);
    const e = JSON.parse(audit.stdout).evidence;
    expect([e.facts.calls, e.facts.calls_linked_share]).toEqual([2, 0.5]);
    expect(e.facts.won_with_activity_share).toBe(1);
  });
});

// A tester: a type column's missed words were read only as «пропущенный»: «Входящий (не отвечен)» and the like were answered (2 of 14 missed for 10).
describe('a call type that says an incoming call was not answered in other words', () => {
  it('is missed, by the status words and their negations; an outgoing one never is', () => {
    const types = ['Входящий пропущенный', 'Входящий неотвеченный', 'Входящий (не отвечен)', 'Входящий, без ответа', 'Входящий потерянный', 'Входящий - не принят', 'Входящий сброшен', 'Входящий неуспешный', 'Входящий принятый', 'Входящий отвеченный', 'Входящий', 'Исходящий неотвеченный', 'Исходящий'];
    const r = kpi('types.csv', ['Дата звонка;Сотрудник;Тип звонка;Длительность;Номер клиента', ...types.map((t, i) => `01.07.2024 10:${String(i).padStart(2, '0')};Иванов Иван;${t};0;791600000${String(i).padStart(2, '0')}`)]);
    expect([r.total.calls_in, r.total.calls_missed, r.total.calls_out]).toEqual([11, 8, 2]);
  });
});

// A tester: a log with the caller's number alone beside a direction column showed callbacks 0%: an outgoing call's
// caller is the company, so no outgoing call has a client and no callback can be found.
describe('a log whose only number is the caller, with a direction column', () => {
  it('gives the callback rate as not applicable, with what would enable it', () => {
    writeFileSync(path.join(dir, 'caller-dir.csv'), 'Начало звонка;Тип звонка;Номер звонящего;Сотрудник;Длительность вызова;Результат звонка\n01.02.2025 09:20:00;Входящий;79161234567;Иванов Иван;00:00:00;Не отвечен\n01.02.2025 10:20:00;Исходящий;74951234567;Иванов Иван;00:02:00;Отвечен\n');
    const run = runCli(['kpi', '-d', 'deals.csv', '-a', 'caller-dir.csv', '--format', 'json'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const r = JSON.parse(run.stdout);
    expect(r.total.callback_rate).toBeNull();
    expect(r.notApplicable.callback_rate).toBe('needs the number an outgoing call dialled (a callee column), or a client, phone or deal id column, in the activities file: the caller of an outgoing call is the company');
    expect([r.total.calls_in, r.total.calls_missed]).toEqual([1, 1]);
  });
});

// A tester: both numbers and no direction column: no call had a client, and touches read 0, «below the norm», without a word.
describe('a log of both numbers that says no call\'s direction', () => {
  it('gives touches and responses as not applicable, not 0', () => {
    writeFileSync(path.join(dir, 'deals-won2.csv'), 'id,manager,client,created_at,closed_at,status,amount\n1,Иванов Иван,79161234567,2025-02-01 09:00,2025-02-05 10:00,won,100\n');
    writeFileSync(path.join(dir, 'both-nodir.csv'), 'Дата;Номер звонящего;Номер назначения;Сотрудник;Длительность\n01.02.2025 09:30;79161234567;74951234567;Иванов Иван;60\n');
    const run = runCli(['kpi', '-d', 'deals-won2.csv', '-a', 'both-nodir.csv', '--format', 'json'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const r = JSON.parse(run.stdout);
    expect([r.total.touches_per_won, r.total.won_below_touch_norm]).toEqual([null, null]);
    expect(r.notApplicable.touches_per_won).toMatch(/^needs a deal id, client or phone column/);
  });
});

describe('a call log of Unix times (Mango\'s API call statistics), which are UTC by what they are', () => {
  // 1738394700 is 2025-02-01 07:25:00 UTC: 10:25 in Moscow. It was read as 07:25 without a word, beside deals on the Moscow clock.
  const calls = ['Дата;Сотрудник;Направление;Статус;Длительность;Номер клиента', '1738394700;Иванов Иван;Исходящий;Отвечен;60;79161234567'];

  it('is said beside deals on the company\'s clock, with the --time-offset that shifts it', () => {
    writeFileSync(path.join(dir, 'unix-calls.csv'), `${calls.join('\n')}\n`);
    const run = runCli(['kpi', '-d', 'deals.csv', '-a', 'unix-calls.csv', '--format', 'json', '--lang', 'en'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const r = JSON.parse(run.stdout);
    expect(r.dataQuality.alerts).toContainEqual({ code: 'utc-times', file: 'unix-calls.csv', count: 1, example: '1738394700', column: 'Дата' });
    expect(run.stderr).toContain('--time-offset +3');
  });

  it('says nothing beside deals of Unix times too (both from an API: one clock)', () => {
    writeFileSync(path.join(dir, 'unix-deals.csv'), 'id,manager,client,created_at,status\n1,Иванов Иван,79161234567,1738390000,open\n');
    const run = runCli(['kpi', '-d', 'unix-deals.csv', '-a', 'unix-calls.csv', '--format', 'json'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const codes = JSON.parse(run.stdout).dataQuality.alerts.map((a: { code: string }) => a.code);
    expect(codes).not.toContain('utc-times');
    expect(codes).not.toContain('utc-deals');
  });
});

describe('deals in UTC (HubSpot\'s API createdate) beside a call log on the company\'s clock', () => {
  // Responses read 3 hours long in Moscow, without a word: the other way round was said (utc-times), this was not.
  const deals = 'id,manager,created_at,status\n2001,Иванов Иван,2025-03-01T09:00:00Z,open\n2002,Иванов Иван,2025-03-02T10:00:00.000Z,open\n';
  const calls = ['Дата;Сотрудник;Направление;Статус;Длительность;ID сделки', '01.03.2025 12:30;Иванов Иван;Исходящий;Отвечен;60;2001', '02.03.2025 13:10;Иванов Иван;Исходящий;Отвечен;60;2002'];

  it('is said, naming the deals file and column, with what --time-offset can do', () => {
    writeFileSync(path.join(dir, 'deals-api.csv'), deals);
    writeFileSync(path.join(dir, 'local.csv'), `${calls.join('\n')}\n`);
    const run = runCli(['kpi', '-d', 'deals-api.csv', '-a', 'local.csv', '--format', 'json', '--lang', 'en'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const r = JSON.parse(run.stdout);
    // As read: 210 and 190 minutes.
    expect(r.total.response_min_median).toBe(200);
    expect(r.dataQuality.alerts).toContainEqual({ code: 'utc-deals', file: 'deals-api.csv', count: 2, example: '2025-03-01T09:00:00Z', column: 'created_at', activities: 'local.csv' });
    expect(r.dataQuality.alerts.map((a: { code: string }) => a.code)).not.toContain('utc-times');
    expect(run.stderr).toContain('--time-offset shifts only the activities: put them on UTC with the company\'s offset reversed (--time-offset -3 for Moscow');
    const ru = runCli(['kpi', '-d', 'deals-api.csv', '-a', 'local.csv', '--lang', 'ru'], { cwd: dir });
    expect(ru.stderr).toContain('Внимание: deals-api.csv: время в колонке «created_at» записано по UTC (2 значения, например «2025-03-01T09:00:00Z»), как пишут выгрузки через API, а время в local.csv — по часам компании.');
    expect(latinWords(ru.stderr)).toEqual([]);
  });

  it('says nothing once the activities are shifted onto UTC: the responses are then right (30 and 10 minutes)', () => {
    const run = runCli(['kpi', '-d', 'deals-api.csv', '-a', 'local.csv', '--time-offset', '-3', '--format', 'json'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const r = JSON.parse(run.stdout);
    expect(r.total.response_min_median).toBe(20);
    expect(r.dataQuality.alerts.map((a: { code: string }) => a.code)).not.toContain('utc-deals');
  });

  // A reviewer: a Data Loader Task extract's ActivityDate holds dates alone, on no clock; the advice to shift it moved every task to the day before.
  it('says nothing beside activities that give dates alone', () => {
    writeFileSync(path.join(dir, 'dates-only.csv'), ['Дата;Сотрудник;Направление;Статус;Длительность;ID сделки', '01.03.2025;Иванов Иван;Исходящий;Отвечен;60;2001', '02.03.2025;Иванов Иван;Исходящий;Отвечен;60;2002'].join('\n') + '\n');
    const run = runCli(['kpi', '-d', 'deals-api.csv', '-a', 'dates-only.csv', '--format', 'json'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).dataQuality.alerts.map((a: { code: string }) => a.code)).not.toContain('utc-deals');
  });
});

describe('numbers Excel turned into their scientific form («7,9161E+10»)', () => {
  it('name no client: two callers are not one, and a missed call is not «called back» by another\'s call', () => {
    const r = kpi('sci.csv', [
      'Дата;Направление;Сотрудник;Номер клиента;Статус;Длительность',
      '01.02.2025 10:00;Входящий;Иванов Иван;7,9161E+10;Не отвечен;0',
      '01.02.2025 10:30;Исходящий;Иванов Иван;7,9161E+10;Отвечен;120',
    ]);
    expect(r.total.calls_missed).toBe(1);
    // The missed call has no client: left out of the callback rate's calls (null), not called back.
    expect(r.total.callback_rate).toBeNull();
  });

  it('keep a number whose every digit is still there («7,9161234567E+10» is 79161234567)', () => {
    const r = kpi('sci-whole.csv', [
      'Дата;Направление;Сотрудник;Номер клиента;Статус;Длительность',
      '01.02.2025 10:00;Входящий;Иванов Иван;7,9161234567E+10;Не отвечен;0',
      '01.02.2025 10:30;Исходящий;Иванов Иван;+7 916 123-45-67;Отвечен;120',
    ]);
    expect(r.total.callback_rate).toBe(1);
  });
});

describe('Sipuni\'s «Информация из CRM»', () => {
  it('is the client its CRM matched the number to, and links the call to that client\'s deal', () => {
    writeFileSync(path.join(dir, 'deals-company.csv'), 'id,manager,client,created_at,closed_at,status,amount\n7,Иванов Иван,ООО Альфа,2025-02-01 09:00,,open,1\n');
    writeFileSync(path.join(dir, 'sipuni-crm.csv'), 'Тип;Статус;Время;Откуда;Куда;Длительность разговора, сек;Информация из CRM;Ответственный из CRM\nИсходящий;Отвечен;01.02.2025 10:00:00;101;74951234567;60;ООО Альфа;Иванов Иван\n');
    const run = runCli(['kpi', '-d', 'deals-company.csv', '-a', 'sipuni-crm.csv', '--format', 'json'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).total.response_min_median).toBe(60);
  });

  // Spec («Precise readings»): in a call log, «empty means no client». A missed call with neither a client nor a
  // deal is in no callback rate's denominator, so the rate is null (never 0), and the number is not made a client.
  // Blank where the column is filled on another row: a column blank on every row says nothing (test/cli/empty-client-column.test.ts).
  it('is blank for a number its CRM does not know: no client then (spec), so the missed call is in no callback rate', () => {
    const r = kpi('sipuni-new.csv', [
      'Тип;Статус;Время;Откуда;Куда;Длительность разговора, сек;Информация из CRM;Ответственный из CRM',
      'Входящий;Не отвечен;01.02.2025 10:00:00;79161112233;101;0;;Иванов Иван',
      'Исходящий;Отвечен;01.02.2025 10:20:00;Иванов Иван;+7 916 111-22-33;60;;Иванов Иван',
      'Исходящий;Отвечен;01.02.2025 12:00:00;Иванов Иван;+7 916 000-00-00;30;ООО Гамма;Иванов Иван',
    ]);
    expect(r.total.callback_rate).toBeNull();
    expect(r.total.calls_missed).toBe(1);
  });
});

// A tester's Mango log: «Номер звонящего» was the client's phone on every call and «Номер назначения» unread, so an
// outgoing call's client was the office's number: no outgoing call linked, and the callbacks and responses were lost.
describe('a log of a caller\'s and a callee\'s number (Mango\'s «Номер звонящего» and «Номер назначения»)', () => {
  writeFileSync(path.join(dir, 'ab-deals.csv'), 'id,manager,client,created_at,closed_at,status,amount\n1,Иванов Иван,+7 916 123-45-67,2025-02-01 09:00,2025-02-03 18:00,won,100\n2,Петрова Анна,8 916 765-43-21,2025-02-01 10:00,,open,50\n');
  const rows = [
    // Deal 1's client calls in (a response 20 minutes after the deal), and is called back at its other spelling.
    '01.02.2025 09:20:00;Входящий;79161234567;74951234567;Иванов Иван;00:02:00;Успешный',
    '01.02.2025 11:00:00;Исходящий;74951234567;89161234567;Иванов Иван;00:05:00;Успешный',
    // Deal 2's client calls in and is missed; the outgoing call 15 minutes later is the callback and the response (45 minutes).
    '01.02.2025 10:30:00;Входящий;79167654321;74951234567;Петрова Анна;00:00:00;Не отвечен',
    '01.02.2025 10:45:00;Исходящий;74951234567;+7 916 765-43-21;Петрова Анна;00:01:00;Успешный',
  ];
  const run = (file: string, header: string, lines: string[]) => {
    writeFileSync(path.join(dir, file), `${[header, ...lines].join('\n')}\n`);
    const r = runCli(['kpi', '-d', 'ab-deals.csv', '-a', file, '--format', 'json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    return (JSON.parse(r.stdout) as { total: Record<string, number | null> }).total;
  };

  it.each([
    ['Номер звонящего', 'Номер назначения'],
    ['Вызывающий номер', 'Вызываемый номер'],
    ['Номер вызывающего абонента', 'Номер вызываемого абонента'],
  ])('«%s» / «%s»: the client is an incoming call\'s caller and an outgoing call\'s callee (hand-checked)', (caller, callee) => {
    const t = run('ab.csv', `Начало звонка;Тип звонка;${caller};${callee};Сотрудник;Длительность вызова;Результат звонка`, rows);
    // Deal 1 (won): two touches. Responses: 20 and 45 minutes. The one missed call has a client, called back in 15 minutes.
    expect([t.touches_per_won, t.response_min_median, t.response_min_avg, t.no_response]).toEqual([2, 32.5, 32.5, 0]);
    expect([t.calls_in, t.calls_out, t.calls_missed, t.callback_rate]).toEqual([2, 2, 1, 1]);
  });

  it('with the caller\'s number alone, names only the incoming calls\' clients: an outgoing call\'s caller is the office', () => {
    const t = run('a-only.csv', 'Начало звонка;Тип звонка;Номер звонящего;Сотрудник;Длительность вызова;Результат звонка', rows.map((l) => l.split(';').filter((_, i) => i !== 3).join(';')));
    // Deal 1: the incoming call alone (20 minutes); deal 2: its missed call is no response, and the outgoing call names no client,
    // so no callback can be found: the callback rate is not applicable (it read 0, a tester).
    expect([t.touches_per_won, t.response_min_median, t.no_response, t.callback_rate]).toEqual([1, 20, 1, null]);
  });
});

// A tester's log of a row per leg under «ID звонка»: its legs were not merged (4 incoming calls, 3 missed, 75%), as they were under «Call ID».
describe('a log of a row per leg under a call id a PBX names in Russian or in its API', () => {
  const legs = [
    // A1: Иванов's phone rings unanswered, Петрова takes the call 20 s later (2 minutes).
    'A1;01.02.2025 10:05:00;Входящий;79161234567;Иванов Иван;00:00:00;Не отвечен',
    'A1;01.02.2025 10:05:20;Входящий;79161234567;Петрова Анна;00:02:00;Успешный',
    // B2: nobody takes it (the first rung line's missed call); Петрова calls back half an hour later (5 minutes).
    'B2;01.02.2025 11:00:00;Входящий;79161234500;Иванов Иван;00:00:00;Не отвечен',
    'B2;01.02.2025 11:00:00;Входящий;79161234500;Петрова Анна;00:00:00;Не отвечен',
    'C3;01.02.2025 11:30:00;Исходящий;79161234500;Петрова Анна;00:05:00;Успешный',
  ];

  it.each(['ID звонка', 'ID сессии', 'entry_id', 'communication_id', 'Call ID'])('«%s»: the legs of one id are one call (hand-checked)', (id) => {
    const r = kpi('legs-id.csv', [`${id};Начало звонка;Тип звонка;Номер клиента;Сотрудник;Длительность вызова;Результат звонка`, ...legs]);
    expect([r.total.calls_in, r.total.calls_out, r.total.calls_missed, r.total.missed_share, r.total.callback_rate, r.total.talk_minutes]).toEqual([2, 1, 1, 0.5, 1, 7]);
    expect(r.managers.map((m) => [m.manager, m.calls_in, m.calls_missed, m.calls_out])).toEqual([['Иванов Иван', 1, 1, 0], ['Петрова Анна', 1, 0, 1]]);
    expect(r.dataQuality.files[1]!.dropped).toEqual({ 'another leg of a call already counted (the same call id)': 2 });
  });

  // A tester: an Excel re-save turned the ids into «1,71982E+15»: four calls from four numbers became one.
  it('an id in Excel\'s scientific form joins no leg: its last digits are lost, and calls share it', () => {
    const rows = ['ID звонка;Начало звонка;Тип звонка;Номер клиента;Сотрудник;Длительность вызова;Результат звонка'];
    for (let i = 0; i < 4; i++) rows.push(`1,71982E+15;01.02.2025 10:${i}0:00;Входящий;7916123456${i};Иванов Иван;00:0${i % 2 ? 0 : 1}:00;${i % 2 ? 'Не отвечен' : 'Успешный'}`);
    const r = kpi('legs-sci.csv', rows);
    expect([r.total.calls_in, r.total.calls_missed, r.total.missed_share]).toEqual([4, 2, 0.5]);
  });
});

// A tester: an amoCRM export of companies (no phone) beside a Sipuni log of numbers: no call could be any
// deal's, yet touches read 0, every won deal «below the norm» and every deal «no response», said only in a warning.
describe('a log that names clients by number beside deals that have no number', () => {
  const sipuni = ['Тип;Статус;Время;Откуда;Куда;Сотрудник;Длительность разговора', 'Входящий;Отвечен;01.02.2025 10:05:00;79161234567;74951112233;Иванов Иван;60', 'Исходящий;Отвечен;02.02.2025 11:00:00;74951112233;79161234567;Иванов Иван;120'];
  const deals = (header: string, client: string) => `${header}\n1;Иванов Иван;${client};01.02.2025 09:00;05.02.2025 12:00;Успешно реализовано;1000\n`;
  const run = (dealsFile: string) => {
    const own = mkdtempSync(path.join(tmpdir(), 'crm-audit-phones-'));
    writeFileSync(path.join(own, 'deals.csv'), dealsFile);
    writeFileSync(path.join(own, 'calls.csv'), `${sipuni.join('\n')}\n`);
    const r = runCli(['kpi', '-d', 'deals.csv', '-a', 'calls.csv', '--format', 'json', '--lang', 'en'], { cwd: own });
    expect(r.code, r.stderr).toBe(0);
    return { json: JSON.parse(r.stdout) as { total: Record<string, unknown>; notApplicable: Record<string, string> }, stderr: r.stderr };
  };
  const NEEDS = "needs the clients' phone numbers in the deals file (a phone column): the activities name their client by number only";

  it('leaves touches and responses not applicable, saying the deals need a phone column; the calls are counted', () => {
    const { json, stderr } = run(deals('ID;Ответственный;Компания;Дата создания;Дата закрытия;Этап сделки;Бюджет', 'ООО Ромашка'));
    expect(json.total).toMatchObject({ touches_per_won: null, won_below_touch_norm: null, response_min_median: null, no_response: null, calls_in: 1, calls_out: 1 });
    expect(json.notApplicable.touches_per_won).toBe(NEEDS);
    // Said by the reason, not by the «no call links to a deal» warning as well.
    expect(stderr).not.toContain('None of the');
  });

  it('links by the number where the deals have a phone column, or a client written as a number', () => {
    // The incoming call at 10:05 answers the deal created at 09:00 (65 min); both calls are before the close: 2 touches.
    for (const file of [deals('ID;Ответственный;Телефон;Дата создания;Дата закрытия;Этап сделки;Бюджет', '+7 916 123-45-67'), deals('ID;Ответственный;Клиент;Дата создания;Дата закрытия;Этап сделки;Бюджет', '+7 (916) 123-45-67')]) {
      const { json } = run(file);
      expect(json.total).toMatchObject({ touches_per_won: 2, response_min_median: 65, no_response: 0 });
      expect(json.notApplicable.touches_per_won).toBeUndefined();
    }
  });

  // A reviewer: the rule looked at each deal's first client only, and took any six digits for a number.
  it("looks at a deal's other clients too (a company's deal by its contact's number); a six-digit client id is no number", () => {
    const contact = `ID;Ответственный;Компания;Контакт;Дата создания;Дата закрытия;Этап сделки;Бюджет\n1;Иванов Иван;ООО Ромашка;+7 916 123-45-67;01.02.2025 09:00;05.02.2025 12:00;Успешно реализовано;1000\n`;
    expect(run(contact).json.total).toMatchObject({ touches_per_won: 2, response_min_median: 65 });
    const id = run(deals('ID;Ответственный;Клиент;Дата создания;Дата закрытия;Этап сделки;Бюджет', '123456'));
    expect(id.json.total).toMatchObject({ touches_per_won: null, no_response: null });
    expect(id.json.notApplicable.no_response).toBe(NEEDS);
  });
});

// A tester: a call log whose «Длительность, мин» holds minutes: without a map the column was not found
// (talk minutes «—»); named by --map it was read as seconds (0.13 min for 8), and `units:` had no minutes.
describe('a call log in minutes: 3 and 5 min for Иванов, 12 for Петров', () => {
  const own = mkdtempSync(path.join(tmpdir(), 'crm-audit-minutes-'));
  writeFileSync(path.join(own, 'deals.csv'), 'ID;Ответственный;Этап сделки;Бюджет;Дата создания;Клиент\n1;Иванов;Успешно реализовано;1000;01.03.2025 10:00;A\n2;Петров;Первичный контакт;2000;02.03.2025 10:00;C\n');
  const calls = (header: string) => `Дата;Сотрудник;Направление;${header};Клиент\n01.03.2025 11:00;Иванов;исходящий;3;A\n02.03.2025 12:00;Иванов;исходящий;5;B\n03.03.2025 10:30;Петров;входящий;12;C\n`;
  const talk = (args: string[]) => {
    const run = runCli(['kpi', '-d', 'deals.csv', ...args, '--format', 'json'], { cwd: own });
    expect(run.code, run.stderr).toBe(0);
    const r = JSON.parse(run.stdout) as { total: Record<string, number | null>; managers: Array<Record<string, number | string | null>> };
    return [...r.managers.map((m) => [m.manager, m.talk_minutes]), ['total', r.total.talk_minutes]];
  };
  const expected = [['Иванов', 8], ['Петров', 12], ['total', 20]];

  it('a header naming minutes is read in minutes, alone and named by --map', () => {
    for (const header of ['Длительность, мин', 'Duration (min)', 'Длительность в минутах']) {
      writeFileSync(path.join(own, 'calls.csv'), calls(header));
      expect(talk(['-a', 'calls.csv']), header).toEqual(expected);
    }
    writeFileSync(path.join(own, 'calls.csv'), calls('Длительность, мин'));
    writeFileSync(path.join(own, 'named.yaml'), 'activities:\n  columns: { duration_s: "Длительность, мин" }\n');
    expect(talk(['-a', 'calls.csv', '--map', 'named.yaml'])).toEqual(expected);
  });

  it('--map units: min reads a column whose header names no unit in minutes', () => {
    writeFileSync(path.join(own, 'plain.csv'), calls('Длительность'));
    writeFileSync(path.join(own, 'min.yaml'), 'activities:\n  units: { "Длительность": min }\n');
    expect(talk(['-a', 'plain.csv', '--map', 'min.yaml'])).toEqual(expected);
    // Without it, seconds, as ever: 8 s is 0.1333 min.
    expect(talk(['-a', 'plain.csv'])[0]![1]).toBeCloseTo(8 / 60, 6);
  });
});

// A tester's Mango statistics by its API (tT18 F4): the snippet proposed `to_extension`, blank on every outgoing call,
// as the manager; pasted, every outgoing call was skipped and none had a direction. The extension columns are the call's sides.
// A tester (tT24 #1): `answer` (the moment the call was answered, 0 when nobody did) was not read, so every call was answered:
// a missed incoming call was the deal's first response and a touch, and missed calls were not applicable. The profile
// mango-api reads it, `start` as the call's time and `finish` - `answer` as the talk.
describe('Mango\'s API statistics (from_extension/to_extension beside the numbers)', () => {
  const header = 'start;finish;answer;from_extension;from_number;to_extension;to_number;disconnect_reason;entry_id';
  // 01.02.2025 07:00 UTC: line 101 calls the deal's client out (answered 5 s later, 115 s of talk); 08:00: the client
  // calls line 102 (answered 3 s later, 57 s of talk).
  const rows = ['1738393200;1738393320;1738393205;101;74950000000;;79161234567;1110;E1', '1738396800;1738396860;1738396803;;79161234567;102;74950000000;1110;E2'];

  it('is recognised by its header: `start` is the time, the lines the employees, `finish` - `answer` the talk', () => {
    writeFileSync(path.join(dir, 'mango-api.csv'), `${[header, ...rows].join('\n')}\n`);
    const run = runCli(['kpi', '-d', 'deals.csv', '-a', 'mango-api.csv', '--format', 'json', '--lang', 'en'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const r = JSON.parse(run.stdout) as { total: Record<string, number | null>; managers: Array<Record<string, number | string | null>> };
    expect(r.managers.map((m) => [m.manager, m.calls_out, m.calls_in])).toEqual([
      ['101', 1, 0],
      ['102', 0, 1],
      // The deal's manager, who made no call under that name.
      ['Иванов Иван', 0, 0],
    ]);
    // Both answered: no missed call (0, not «not applicable»), and 115 + 57 = 172 s of talk.
    expect([r.total.calls_missed, r.total.missed_share]).toEqual([0, 0]);
    expect(r.total.talk_minutes).toBeCloseTo(172 / 60, 12);
    const inspect = runCli(['inspect', 'mango-api.csv', '--lang', 'en'], { cwd: dir });
    expect(inspect.stdout).toContain('mango-api');
    expect(inspect.stdout).toMatch(/"answer"\s+-> answered_at/);
  });

  it('with the time named, reads each call\'s direction and employee from the side that is a line', () => {
    writeFileSync(path.join(dir, 'mango-api.yaml'), 'activities:\n  columns: { at: "start" }\nmanagers:\n  "101": "Иванов Иван"\n  "102": "Петрова Анна"\n');
    const run = runCli(['kpi', '-d', 'deals.csv', '-a', 'mango-api.csv', '--map', 'mango-api.yaml', '--format', 'json'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const r = JSON.parse(run.stdout) as { total: Record<string, number | null>; managers: Array<Record<string, number | string | null>> };
    expect([r.total.calls_out, r.total.calls_in]).toEqual([1, 1]);
    expect(r.managers.map((m) => [m.manager, m.calls_out, m.calls_in])).toEqual([
      ['Иванов Иван', 1, 0],
      ['Петрова Анна', 0, 1],
    ]);
  });

  it('reads `answer` 0 as a call nobody answered: a missed incoming call is no response, no touch and no talk', () => {
    const more = [
      // 06:00 UTC: the deal's client calls line 101, nobody answers (answer 0, 30 s of ringing): missed, before E1.
      '1738389600;1738389630;0;;79161234567;101;74950000000;1120;E0',
      ...rows,
      // 09:00 UTC: another client calls line 101, nobody answers; 09:30 line 101 calls them back (answered 10 s later, 60 s of talk).
      '1738400400;1738400425;0;;79161112233;101;74950000000;1120;E3',
      '1738402200;1738402280;1738402220;101;74950000000;;79161112233;1100;E4',
      // 10:00 UTC: line 102 calls out, nobody answers (answer 0): an outgoing call, not missed, 0 s of talk.
      '1738404000;1738404040;0;102;74950000000;;79160000000;1120;E5',
    ];
    writeFileSync(path.join(dir, 'mango-missed.csv'), `${[header, ...more].join('\n')}\n`);
    const run = runCli(['kpi', '-d', 'deals.csv', '-a', 'mango-missed.csv', '--map', 'mango-api.yaml', '--format', 'json'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const r = JSON.parse(run.stdout) as { total: Record<string, number | null>; managers: Array<Record<string, number | string | null>> };
    // In: E0 (missed), E2, E3 (missed); out: E1, E4, E5. Missed 2 of 3; E3 called back by E4, E0 by E1 (the same client within 24 h).
    expect([r.total.calls_in, r.total.calls_out, r.total.calls_missed, r.total.missed_share, r.total.callback_rate]).toEqual([3, 3, 2, 2 / 3, 1]);
    // Talk: E1 115 s, E2 57 s, E4 60 s; the calls nobody answered none (E0's 30 s and E5's 40 s are ringing).
    expect(r.total.talk_minutes).toBeCloseTo(232 / 60, 12);
    // The deal of 31.01 00:00 is first answered by E1 at 01.02 07:00 (31 h), not by the missed E0 at 06:00 (30 h).
    expect(r.total.response_min_median).toBe(31 * 60);
    const ivanov = r.managers.find((m) => m.manager === 'Иванов Иван')!;
    expect([ivanov.calls_in, ivanov.calls_out, ivanov.calls_missed]).toEqual([2, 2, 2]);
  });
});

// Tester T51: an MTS-style virtual PBX log. «Дата и время начала звонка» is the call's time, and «Номер А»
// and «Номер Б» the two sides of a call (A calls, B is called): the client is A of an incoming call and B
// of an outgoing one. Before, the time stopped the run, and the numbers were not read (no callbacks).
describe('a log of A and B numbers («Номер А», «Номер Б») and «Дата и время начала звонка»', () => {
  it('reads the time and pairs a missed call with the call back to its A number', () => {
    const r = kpi('mts.csv', [
      'Дата и время начала звонка;Тип вызова;Номер А;Номер Б;Сотрудник;Результат;Длительность разговора, сек',
      '03.02.2025 12:05:10;Входящий;79035550011;74951112233;Иванов Иван;Неотвеченный;0',
      '03.02.2025 12:30:00;Исходящий;74951112233;79035550011;Иванов Иван;Успешный;45',
      '03.02.2025 13:00:00;Входящий;79035550022;74951112233;Иванов Иван;Неотвеченный;0',
    ]);
    // Two missed calls with a client (A), one called back within a day (B of the outgoing call): 1 / 2.
    expect([r.total.calls_in, r.total.calls_missed, r.total.calls_out, r.total.callback_rate]).toEqual([2, 2, 1, 0.5]);
  });
});

// Review R45 F11: «Время начала звонка» beside a date-only «Дата звонка» is the call's time of day, as «Время» is.
describe('«Время начала звонка» as the time of day beside «Дата звонка», or as the moment alone', () => {
  it('times the call either way: the response to the deal is 20 minutes', () => {
    writeFileSync(path.join(dir, 'deals-1000.csv'), 'id,manager,client,created_at,closed_at,status,amount\n1,Иванов Иван,+7 916 123-45-67,2025-02-03 10:00,,open,1\n');
    for (const lines of [['Дата звонка;Время начала звонка;Сотрудник;Тип вызова;Номер клиента;Длительность', '03.02.2025;10:20:00;Иванов Иван;Исходящий;79161234567;60'], ['Время начала звонка;Сотрудник;Тип вызова;Номер клиента;Длительность', '03.02.2025 10:20:00;Иванов Иван;Исходящий;79161234567;60']]) {
      writeFileSync(path.join(dir, 'start-time.csv'), `${lines.join('\n')}\n`);
      const run = runCli(['kpi', '-d', 'deals-1000.csv', '-a', 'start-time.csv', '--format', 'json', '--now', '2025-03-01'], { cwd: dir });
      expect(run.code, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout).total.response_min_median, lines[0]).toBe(20);
    }
  });
});

// Tester T51 F6: a log with the employee's name («Сотрудник») and line («Добавочный») asked which was the
// manager. Names beside lines alone are no choice: the names are the managers, whichever alias came first.
describe('a manager column of names beside one of lines', () => {
  it('reads the names without asking, whichever of the two alias order took', () => {
    for (const [file, header] of [['telphin.csv', 'Время начала;Направление;Кто звонил;Кому звонили;Добавочный;Сотрудник;Результат;Разговор, сек'], ['lines-first.csv', 'Время начала;Направление;Кто звонил;Кому звонили;Ответственный;Сотрудник;Результат;Разговор, сек']] as const) {
      const r = kpi(file, [
        header,
        '03.02.2025 10:20:00;исходящий;74951112233;+79161234567;201;Иванов Иван;отвечен;83',
        '03.02.2025 12:05:10;входящий;+79035550011;74951112233;202;Петрова Анна;не отвечен;0',
      ]);
      expect(r.managers.map((m) => m.manager).sort(), file).toEqual(['Иванов Иван', 'Петрова Анна']);
    }
  });

  // Review R45 F1, F2: a second half read apart has none of the first rows to choose by, and inspect listed the lines' column.
  it('reads the same names in two halves as whole, and inspect shows the names\' column as the manager', () => {
    const rows = Array.from({ length: 3000 }, (_, i) => `0${(i % 9) + 1}.02.2025 1${i % 10}:00:00;исходящий;7495111223${i % 10};79161234${String(i).padStart(3, '0')};${201 + (i % 3)};${['Иванов Иван', 'Петрова Анна', 'Сидоров Олег'][i % 3]};отвечен;60`);
    writeFileSync(path.join(dir, 'lines-big.csv'), ['Время начала;Направление;Кто звонил;Кому звонили;Ответственный;Сотрудник;Результат;Разговор, сек', ...rows].join('\n'));
    const { result } = kpiBothWays(dir, ['-d', 'deals.csv', '-a', 'lines-big.csv'], ['lines-big.csv']);
    expect((result as unknown as { managers: Array<{ manager: string }> }).managers.map((m) => m.manager).sort()).toEqual(['Иванов Иван', 'Петрова Анна', 'Сидоров Олег']);
    const inspect = runCli(['inspect', 'lines-big.csv', '--lang', 'en'], { cwd: dir }).stdout;
    expect(inspect).toContain('"Ответственный"                      passed over (manager comes from column 6 "Сотрудник")');
  });

  // Review R45 F6: the CRM's owner of the client is not the line that took the call: still asked.
  it('still asks where the names are the CRM owner\'s («Ответственный из CRM») beside the lines', () => {
    writeFileSync(path.join(dir, 'owner-lines.csv'), 'Время начала;Направление;Добавочный;Ответственный из CRM;Разговор, сек\n03.02.2025 10:20:00;исходящий;201;Иванов Иван;83\n');
    const run = runCli(['kpi', '-d', 'deals.csv', '-a', 'owner-lines.csv', '--lang', 'en'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('could be in more than one column');
  });

  it('still asks where both hold names', () => {
    writeFileSync(path.join(dir, 'two-names.csv'), 'Время начала;Направление;Ответственный;Сотрудник;Разговор, сек\n03.02.2025 10:20:00;исходящий;Иванов Иван;Петрова Анна;83\n');
    const run = runCli(['kpi', '-d', 'deals.csv', '-a', 'two-names.csv', '--lang', 'en'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('could be in more than one column');
  });
});

// Tester T73 (F6): a UIS-style log saying a missed call in «Потерянный» (Да/Нет) read no missed call,
// and counted the unanswered incoming calls as touches and first responses.
describe('a call log whose «Потерянный» column says the missed calls', () => {
  it('reads «Да» as missed and «Нет» as answered', () => {
    const r = kpi('lost-flag.csv', [
      'ID сессии;Дата и время;Направление;Номер абонента;Сотрудник;Длительность разговора;Потерянный',
      '1;01.02.2025 10:00:00;Входящий;+7 916 123-45-67;Иванов Иван;0;Да',
      '2;01.02.2025 10:30:00;Исходящий;+7 916 123-45-67;Иванов Иван;120;Нет',
      '3;01.02.2025 11:00:00;Входящий;+7 916 123-45-67;Иванов Иван;60;Нет',
    ]);
    // In 2 (one missed, called back at 10:30), out 1; the deal of 31.01 00:00 answered by the outgoing call at 01.02 10:30.
    expect([r.total.calls_in, r.total.calls_out, r.total.calls_missed, r.total.missed_share, r.total.callback_rate]).toEqual([2, 1, 1, 0.5, 1]);
    expect(r.total.response_min_median).toBe(34 * 60 + 30);
  });
});
