// Three call logs of Russian telephony, end to end through `kpi` (a tester's T25 findings 2, 4, 5), on
// small logs of our own; every expectation by hand.
// - Sipuni writes its parties line first, «201 (Анна Смирнова)»: one manager with her «Ответственный из CRM».
// - An Issabel/Elastix CDR report: refused with a snippet of its channels, which pasted reads it, its
//   durations «90s (1m 30s)» read.
// - A Rostelecom cloud PBX call history: its SIP reasons never proposed as the manager, and a manager list
//   read as the first filled column.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-pbx-histories-'));
const file = (name: string, text: string) => writeFileSync(path.join(dir, name), text);

file('deals.csv', ['ID;Ответственный;Дата создания;Этап сделки;Телефон', '1;Анна Смирнова;01.03.2025;Переговоры;+7 926 500-00-01', '2;Олег Котов;01.03.2025;Переговоры;+7 926 500-00-02', '3;Анна Смирнова;01.03.2025;Переговоры;+7 926 500-00-03'].join('\n'));

type Row = { manager: string; calls_in: number; calls_out: number; calls_missed: number; callback_rate: number | null; talk_minutes: number };

function kpi(calls: string, ...args: string[]): { code: number | null; managers: Row[]; stderr: string } {
  const run = runCli(['kpi', '-d', 'deals.csv', '-a', calls, ...args, '--format', 'json', '--now', '2025-04-01'], { cwd: dir });
  const managers = run.code === 0 ? (JSON.parse(run.stdout) as { managers: Row[] }).managers : [];
  return { code: run.code, managers, stderr: run.stderr };
}

const figures = (rows: Row[], name: string) => {
  const r = rows.find((m) => m.manager === name)!;
  return [r.calls_in, r.calls_out, r.calls_missed, r.callback_rate, r.talk_minutes];
};

describe('Sipuni, its parties written line first', () => {
  it('«201 (Анна Смирнова)» and the CRM owner «Анна Смирнова» are one manager', () => {
    const log = [
      'Тип;Статус;Время;Схема;Откуда;Куда;Кто ответил;Длительность звонка;Длительность разговора;Ответственный из CRM',
      'Входящий;Отвечен;03.03.2025 09:00:00;Входящая;79265000001;74950000000;201 (Анна Смирнова);65;60;Анна Смирнова',
      'Входящий;Не отвечен;03.03.2025 09:30:00;Входящая;79265000002;74950000000;;20;0;Олег Котов',
      'Исходящий;Отвечен;03.03.2025 10:00:00;Исходящая;202 (Олег Котов);79265000002;79265000002;125;120;Олег Котов',
      'Исходящий;Отвечен;03.03.2025 10:20:00;Исходящая;201 (Анна Смирнова);79265000003;79265000003;35;30;Анна Смирнова',
    ].join('\n');
    file('sipuni.csv', `\uFEFF${log}\n`);
    const { code, managers } = kpi('sipuni.csv');
    expect(code).toBe(0);
    expect(managers.map((m) => m.manager).sort()).toEqual(['Анна Смирнова', 'Олег Котов']);
    // Анна: in 1, out 1, talk 60 + 30 s; Олег: the missed call at 09:30 called back at 10:00, talk 120 s.
    expect(figures(managers, 'Анна Смирнова')).toEqual([1, 1, 0, null, 1.5]);
    expect(figures(managers, 'Олег Котов')).toEqual([1, 1, 1, 1, 2]);
  });
});

describe('an Issabel CDR report', () => {
  const log = [
    '"Date","Source","Ring Group","Destination","Src. Channel","Account Code","Dst. Channel","Status","Duration"',
    '"2025-03-03 09:00:00","79265000001","","301","SIP/gw-0000a1","","SIP/301-0000a2","ANSWERED","90s (1m 30s)"',
    '"2025-03-03 09:20:00","79265000002","","302","SIP/gw-0000b1","","SIP/302-0000b2","NO ANSWER","0s"',
    '"2025-03-03 10:00:00","301","","89265000002","SIP/301-0000c1","","SIP/gw-0000c2","ANSWERED","30s"',
  ].join('\n');

  // Before, it was refused for a manager column, with a snippet of its channels to paste.
  it('is read without a map, by its profile: the lines in its channels', () => {
    file('cdr.csv', `${log}\n`);
    const read = kpi('cdr.csv');
    expect(read.code, read.stderr).toBe(0);
    // 301: in 90 s, out 30 s to the missed client (a callback of 302's miss: the department's, not 302's own).
    expect(figures(read.managers, '301')).toEqual([1, 1, 0, null, 2]);
    expect(figures(read.managers, '302')).toEqual([1, 0, 1, 1, 0]);
  });
});

describe('a Rostelecom cloud PBX call history', () => {
  const log = [
    'session_id;call_type;direction;state;orig_number;orig_pin;dest_number;answering_pin;start_call_date;duration;status_code;status_string',
    's1;1;1;1;79265000001;;74950000000;301;2025-03-03 09:00:00;40;0;',
    's2;1;1;2;79265000002;;74950000000;;2025-03-03 09:10:00;0;480;Temporarily Unavailable',
    's3;1;2;1;74950000000;302;79265000002;;2025-03-03 09:20:00;75;0;',
    's4;1;2;2;74950000000;301;79265000003;;2025-03-03 09:30:00;0;486;Busy Here',
    's5;1;1;2;79265000003;;74950000000;;2025-03-03 09:40:00;0;487;Request Terminated',
  ].join('\n');

  it('its status_string is not proposed as the manager', () => {
    file('rt.csv', `${log}\n`);
    const refused = kpi('rt.csv');
    expect(refused.code).toBe(2);
    expect(refused.stderr).not.toContain('status_string');
  });

  it('manager: [answering_pin, orig_pin] reads each call\'s first filled one', () => {
    file('rt.csv', `${log}\n`);
    file('rt.yaml', ['activities:', '  columns:', '    manager: ["answering_pin", "orig_pin"]', '    at: "start_call_date"', '    missed: "state"', '    caller: "orig_number"', '    callee: "dest_number"', '  direction: { "1": in, "2": out }', '  missed: { "1": false, "2": true }', ''].join('\n'));
    const read = kpi('rt.csv', '--map', 'rt.yaml');
    expect(read.code, read.stderr).toBe(0);
    // 301: in 40 s, out busy; 302: out 75 s. The two missed calls name no employee (said by missed-no-manager).
    expect(figures(read.managers, '301')).toEqual([1, 1, 0, null, 40 / 60]);
    expect(figures(read.managers, '302')).toEqual([0, 1, 0, null, 1.25]);
    // Its direction «2» is met (the outgoing calls were skipped before it was read, and the map was said to match nothing).
    expect(read.stderr).not.toContain('match nothing');
  });
});
