// A column of call statuses is never proposed as the manager: Rostelecom's cloud PBX writes a call's SIP
// reason in `status_string` («Busy Here», «Request Terminated»), capitalised words a name's shape; its
// snippet proposed it, and pasted, «Busy Here» was a manager. Expectations by hand.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importActivities } from '../../../src/io/map/import.js';
import { ColumnsMissing } from '../../../src/io/map/mapping.js';
import { callStatusPhrase, holdsStatuses } from '../../../src/io/map/status-column.js';

const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-status-column-'));

describe('callStatusPhrase', () => {
  it.each(['Busy Here', 'Request Terminated', 'Temporarily Unavailable', '486 Busy Here', 'Service Unavailable', 'Decline', 'NO ANSWER', 'CHANUNAVAIL', 'NORMAL_CLEARING', 'user-busy', 'Call/Transaction Does Not Exist', 'Не отвечен', 'Занято', 'Missed'])('«%s» is a call status', (v) => {
    expect(callStatusPhrase(v)).toBe(true);
  });

  it.each(['Анна Смирнова', 'Анна Занятова', 'Олег Котов (202)', 'Request Manager', 'John Here'])('«%s» is none', (v) => {
    expect(callStatusPhrase(v)).toBe(false);
  });
});

describe('holdsStatuses', () => {
  it('a column most of whose values are statuses, whatever its header', () => {
    expect(holdsStatuses('Итог', ['Busy Here', 'Request Terminated', 'Анна Смирнова'])).toBe(true);
    expect(holdsStatuses('Итог', ['Busy Here', 'Анна Смирнова', 'Олег Котов'])).toBe(false);
  });

  it('a header that names a status with more than one status among its values, or one the fields read as a status', () => {
    expect(holdsStatuses('status_string', ['Busy Here', 'Анна Смирнова', 'Олег Котов', 'No Answer'])).toBe(true);
    expect(holdsStatuses('Call status', ['Анна Смирнова'])).toBe(true);
    expect(holdsStatuses('Статус звонка', [])).toBe(true);
    expect(holdsStatuses('Сотрудник', ['Анна Смирнова', 'Олег Котов'])).toBe(false);
  });

  // Half the values a status was enough, and IVR or voicemail (a status's words too) took half the calls
  // of a real employee column: it was never proposed as the manager.
  it("counts a machine's words (IVR, voicemail) on neither side: the rest are employees", () => {
    expect(holdsStatuses('Ответственный', ['Иванов Иван', 'IVR', 'IVR', 'Петров Пётр'])).toBe(false);
    expect(holdsStatuses('Ответил', ['Автоответчик', 'Голосовая почта', 'Voicemail', 'Анна Смирнова'])).toBe(false);
    // 2 statuses of 3 values that are not a machine's: a strict majority.
    expect(holdsStatuses('Итог', ['IVR', 'Busy Here', 'No Answer', 'Анна Смирнова'])).toBe(true);
  });

  it('wants a strict majority of statuses: half is not enough («Ok», «Gone» may be labels)', () => {
    expect(holdsStatuses('Метка', ['Ok', 'Gone', 'Иванов Иван', 'Петров Пётр'])).toBe(false);
    expect(holdsStatuses('Метка', ['Ok', 'Gone', 'Иванов Иван'])).toBe(true);
  });

  it('a header naming a status wants more than one status among the values', () => {
    expect(holdsStatuses('Причина обращения', ['Иванов Иван', 'Ok', 'Петров Пётр', 'Сидоров Олег'])).toBe(false);
    expect(holdsStatuses('Причина обращения', ['Иванов Иван', 'Ok', 'Decline', 'Сидоров Олег'])).toBe(true);
  });
});

describe('the manager proposal of a log with a column of SIP reasons', () => {
  const header = 'call_id;kind;dir;res;from_number;from_ext;to_number;to_ext;started;talk;status_code;status_string';
  const rows = [
    'c1;1;1;1;79263000001;;74950000000;301;2025-06-02 09:00:00;40;0;',
    'c2;1;1;2;79263000002;;74950000000;;2025-06-02 09:10:00;0;480;Temporarily Unavailable',
    'c3;1;2;2;74950000000;302;79263000003;;2025-06-02 09:20:00;0;486;Busy Here',
    'c4;1;1;2;79263000004;;74950000000;;2025-06-02 09:30:00;0;487;Request Terminated',
    'c5;1;2;1;74950000000;301;79263000005;;2025-06-02 09:40:00;75;0;',
  ];

  it('proposes no status column: neither by its values nor by its name', async () => {
    writeFileSync(path.join(dir, 'history.csv'), `${[header, ...rows].join('\n')}\n`);
    const error = (await importActivities('history.csv', { cwd: dir, stdin: process.stdin }, () => undefined).catch((e: unknown) => e)) as ColumnsMissing;
    expect(error).toBeInstanceOf(ColumnsMissing);
    const manager = error.missing.find((m) => m.field === 'manager')!;
    expect(manager.candidates).not.toContain('status_string');
    expect(manager.byValues).toBeUndefined();
    expect(String(error.params?.snippet)).not.toContain('status_string');
  });
});
