// A duration written with a thousands separator («1,234» s in a US report, «125,000» ms in HubSpot) is
// read by its column's decimal mark, as an amount is (README «Numbers»): the first value that shows
// the mark decides, the ambiguous ones wait for it, and a column that never decides reads them as
// thousands. The byte path (CSV records as byte ranges) and the text path read alike. Expectations by hand.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Activity } from '../../../src/core/records.js';
import { importActivities, type ImportReport } from '../../../src/io/map/import.js';

const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-duration-marks-'));

/** The durations read, in rows' order, and the report, by the text path or the byte path. */
async function durations(name: string, body: string, textRows: boolean): Promise<{ seconds: Array<number | null>; report: ImportReport }> {
  writeFileSync(path.join(dir, name), body);
  const list: Activity[] = [];
  const { report } = await importActivities(name, { cwd: dir, stdin: process.stdin, textRows }, (a) => list.push(a));
  return { seconds: list.map((a) => a.duration_s), report };
}

const HUBSPOT = 'Record ID,Activity date,Activity assigned to,Call direction,Call status,Call duration,Associated Deal IDs';

describe('a duration with a thousands separator', () => {
  it.each([true, false])('HubSpot milliseconds: «1,060,000» decides the column, so «125,000» is 125 000 ms, not 125 (text rows: %s)', async (textRows) => {
    const body = [HUBSPOT, '1,2025-03-03 09:30,Anna Smith,OUTBOUND,COMPLETED,"125,000",101', '2,2025-03-04 11:00,Bob Jones,INBOUND,COMPLETED,"1,060,000",102', '3,2025-03-05 12:00,Anna Smith,OUTBOUND,COMPLETED,"60,500",103'].join('\n');
    const { seconds, report } = await durations('hs.csv', body, textRows);
    // Rows in file order: the first waited for the second, and is read after it.
    expect([...seconds].sort((a, b) => a! - b!)).toEqual([60.5, 125, 1060]);
    expect(report.threeDecimals).toBeUndefined();
    expect(report.decimalsGuessed).toBeUndefined();
  });

  it.each([true, false])('a US report in seconds that never shows its mark: «1,234», «2,500», «12,345» are thousands (text rows: %s)', async (textRows) => {
    const body = ['Date,Owner,Direction,Duration', '2025-03-03 10:00,Anna Smith,Outgoing,"1,234"', '2025-03-04 10:00,Anna Smith,Outgoing,"2,500"', '2025-03-05 10:00,Bob Jones,Outgoing,"12,345"', '2025-03-05 11:00,Bob Jones,Outgoing,75'].join('\n');
    const { seconds, report } = await durations('us.csv', body, textRows);
    expect(seconds).toEqual([1234, 2500, 12345, 75]);
    expect(report.decimalsGuessed).toEqual(['Duration']);
  });

  it.each([true, false])('a column of decimal commas («12,5» s) reads «2,500» as 2.5 s, with no money alert: three decimals are milliseconds (text rows: %s)', async (textRows) => {
    const body = ['Дата;Менеджер;Направление;Длительность', '03.03.2025 10:00;Анна;Исходящий;2,500', '03.03.2025 11:00;Анна;Исходящий;12,5', '03.03.2025 12:00;Анна;Исходящий;00:01:05'].join('\n');
    const { seconds, report } = await durations('ru.csv', body, textRows);
    expect([...seconds].sort((a, b) => a! - b!)).toEqual([2.5, 12.5, 65]);
    expect(report.threeDecimals).toBeUndefined();
  });
});

// A tester (tT22 #5): a log that writes «-» as a missed call's duration stopped the run («-» — не длительность), and the
// --max-bad-rows its hint offered dropped exactly the missed calls: a missed share of 0 % for 25 %.
describe('a dash or n/a for no duration', () => {
  /** 40 incoming calls (past the 30 rows read as text, so the byte path reads the rest), every fourth missed with `mark` as its duration. */
  const log = (mark: string) => ['Ответственный;Тип звонка;Статус;Длительность;Дата;Клиент', ...Array.from({ length: 40 }, (_, i) => `M${i % 3};Входящий;${i % 4 === 0 ? `Пропущенный;${mark}` : 'Успешный;0:45'};0${1 + (i % 9)}.02.2025 1${i % 10}:00;K${i}`)].join('\n');

  it.each([
    ['-', true],
    ['-', false],
    ['—', true],
    ['—', false],
    ['–', false],
    ['n/a', true],
    ['N/A', false],
    ['н/д', false],
  ])('«%s» is read as empty: every call read, the missed ones with no duration (text rows: %s)', async (mark, textRows) => {
    const body = log(mark);
    writeFileSync(path.join(dir, 'dash.csv'), body);
    const list: Activity[] = [];
    const { report } = await importActivities('dash.csv', { cwd: dir, stdin: process.stdin, textRows }, (a) => list.push(a));
    expect(report.skippedCount).toBe(0);
    expect(list).toHaveLength(40);
    // Rows 0, 4, …, 36: 10 missed calls with no duration; 30 answered of 45 s each.
    expect(list.filter((a) => a.missed).map((a) => a.duration_s)).toEqual(Array.from({ length: 10 }, () => null));
    expect(list.filter((a) => !a.missed).map((a) => a.duration_s)).toEqual(Array.from({ length: 30 }, () => 45));
  });
});
