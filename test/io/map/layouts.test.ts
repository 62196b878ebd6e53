import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { knownLayout } from '../../../src/io/map/layouts.js';
import { runCli } from '../../helpers/cli.js';

// Asterisk's cdr_csv writes Master.csv with no header, its columns in one fixed order.
const MASTER = [
  '"","79161234567","201","from-trunk","""Anna"" <201>","SIP/trunk-0001","SIP/201-0002","Dial","SIP/201,30","2025-03-01 10:05:00","2025-03-01 10:05:05","2025-03-01 10:06:10",70,65,"ANSWERED","DOCUMENTATION","1740823500.1",""',
  '"","79161234567","201","from-trunk","","SIP/trunk-0003","SIP/201-0004","Dial","SIP/201,30","2025-03-01 10:30:00","","2025-03-01 10:30:40",40,0,"NO ANSWER","DOCUMENTATION","1740825000.3",""',
  '"","201","79161234567","from-internal","""Anna"" <201>","SIP/201-0005","SIP/trunk-0006","Dial","SIP/trunk/79161234567","2025-03-01 11:00:00","2025-03-01 11:00:10","2025-03-01 11:02:10",130,120,"ANSWERED","DOCUMENTATION","1740826800.5",""',
];

const row = (disposition: string, ama = 'DOCUMENTATION', start = '2025-03-01 10:05:00') => ['', '79161234567', '201', 'from-trunk', '', 'SIP/a', 'SIP/b', 'Dial', '', start, '', '', '70', '65', disposition, ama, '1740823500.1', ''];
const FIRST16 = ['accountcode', 'src', 'dst', 'dcontext', 'clid', 'channel', 'dstchannel', 'lastapp', 'lastdata', 'start', 'answer', 'end', 'duration', 'billsec', 'disposition', 'amaflags'];

describe('a file without a header in a known layout', () => {
  it("is Asterisk's Master.csv by its disposition, AMA flag and start time in their places, every row", () => {
    expect(knownLayout([{ cells: row('ANSWERED') }, { cells: row('NO ANSWER') }])).toEqual(['accountcode', 'src', 'dst', 'dcontext', 'clid', 'channel', 'dstchannel', 'lastapp', 'lastdata', 'start', 'answer', 'end', 'duration', 'billsec', 'disposition', 'amaflags', 'uniqueid', 'userfield']);
    // newcdrcolumns=yes appends peeraccount, linkedid and sequence, in that order (cdr_csv.c), whatever the peeraccount holds.
    expect(knownLayout([{ cells: [...row('BUSY'), 'L1', '1740823500.1', '7'] }, { cells: row('FAILED') }])?.slice(16)).toEqual(['uniqueid', 'userfield', 'peeraccount', 'linkedid', 'sequence']);
    // One row is enough (a log of one call); a row that is not the layout's, or no AMA flag, is no Master.csv.
    expect(knownLayout([{ cells: row('ANSWERED') }])).toHaveLength(18);
    expect(knownLayout([])).toBeUndefined();
    expect(knownLayout([{ cells: row('ANSWERED') }, { cells: row('Отвечен') }])).toBeUndefined();
    expect(knownLayout([{ cells: row('ANSWERED', '3') }, { cells: row('ANSWERED', '3') }])).toBeUndefined();
    expect(knownLayout([{ cells: row('ANSWERED', 'DOCUMENTATION', '01.03.2025 10:05') }, { cells: row('ANSWERED') }])).toBeUndefined();
  });

  // A tester: with newcdrcolumns=yes the layout named peeraccount «linkedid» and read it as the call id
  // (empty: a ring group's legs were two calls; filled: a day of calls was one), and with 19 columns the
  // sequence, 0 on every row. The optional columns are told by their values where their count leaves a choice.
  it('names the columns cdr.conf adds by their order in cdr_csv.c, told apart by their values', () => {
    const tail = (...extra: string[]) => knownLayout([{ cells: [...row('ANSWERED').slice(0, 16), ...extra] }, { cells: [...row('NO ANSWER').slice(0, 16), ...extra] }])?.slice(16);
    expect(knownLayout([{ cells: row('ANSWERED').slice(0, 16) }])).toEqual(FIRST16);
    // 17 columns: loguniqueid (an id of the UTC second and a counter, a system name before it or not) or loguserfield alone.
    expect(tail('1740823500.17')).toEqual(['uniqueid']);
    expect(tail('pbx1-1740823500.17')).toEqual(['uniqueid']);
    expect(tail('')).toEqual(['userfield']);
    expect(tail('vip client')).toEqual(['userfield']);
    expect(tail('1740823500.1', '')).toEqual(['uniqueid', 'userfield']);
    // 19 columns: newcdrcolumns alone; the peeraccount empty or filled, the sequence an integer.
    expect(tail('', '1740823500.1', '0')).toEqual(['peeraccount', 'linkedid', 'sequence']);
    expect(tail('sales', '1740823500.1', '12')).toEqual(['peeraccount', 'linkedid', 'sequence']);
    // 20 columns: a uniqueid or a userfield before the three.
    expect(tail('1740823500.1', '', '1740823500.1', '3')).toEqual(['uniqueid', 'peeraccount', 'linkedid', 'sequence']);
    expect(tail('', 'sales', '1740823500.1', '3')).toEqual(['userfield', 'peeraccount', 'linkedid', 'sequence']);
    expect(tail('1740823500.1', '', 'sales', '1740823500.1', '3')).toEqual(['uniqueid', 'userfield', 'peeraccount', 'linkedid', 'sequence']);
    // A column whose values are not what its place holds is named by its number: never read as a call id it is not.
    expect(tail('1740823500.1', '', '', 'office', '0')).toEqual(['uniqueid', 'userfield', 'peeraccount', '#20', 'sequence']);
    expect(tail('', '1740823500.1', 'x')).toEqual(['peeraccount', 'linkedid', '#19']);
  });

  // A tester: Master.csv was refused with a deals snippet («manager: "#4"» over «from-trunk»), while the
  // same records with the CDR table's header were read as Asterisk's.
  it('is read as the Asterisk profile reads the CDR table: directions by the line, the missed call, talk time', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-master-'));
    writeFileSync(path.join(dir, 'Master.csv'), MASTER.join('\n') + '\n');
    writeFileSync(path.join(dir, 'deals.csv'), 'ID;Ответственный;Дата создания;Этап сделки\n1;201;01.03.2025 09:00;Переговоры\n');
    const run = runCli(['kpi', '-d', 'deals.csv', '-a', 'Master.csv', '--format', 'json'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    // Two incoming calls to line 201 (one answered, one NO ANSWER: missed), one outgoing from it; talk 65 + 120 s.
    expect(JSON.parse(run.stdout).managers).toEqual([expect.objectContaining({ manager: '201', calls_in: 2, calls_out: 1, calls_missed: 1, talk_minutes: (65 + 120) / 60 })]);
    // Its kind is its layout's: inspect needs no --kind, and given as --deals it is named a call log.
    const inspect = runCli(['inspect', 'Master.csv', '--lang', 'ru'], { cwd: dir });
    expect(inspect.code, inspect.stderr).toBe(0);
    expect(inspect.stdout).toContain('заголовок:  нет: колонки по порядку Master.csv (Asterisk, модуль cdr_csv), каждая строка — данные');
    expect(inspect.stdout).toMatch(/«start» +-> дата и время \(at\)/);
    expect(inspect.stdout).toContain('узнан по значениям в столбцах Master.csv');
    const swapped = runCli(['kpi', '-d', 'Master.csv', '--lang', 'en'], { cwd: dir });
    expect(swapped.code).toBe(2);
    expect(swapped.stderr).toContain('pass it as --activities');
  });
});
