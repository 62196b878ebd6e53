// A call log's client column blank on every row (Sipuni's «Информация из CRM» with no CRM integration
// filling it) names no client: the call's client comes from its sides, as without the column. The whole
// file decides: a column blank on its first rows and filled later is read again with it (src/io/map/empty-client.ts).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/core/errors.js';
import type { LinkedActivity } from '../../../src/core/kpi/link.js';
import type { Activity } from '../../../src/core/records.js';
import { ClientColumnFilled, emptyClientColumns } from '../../../src/io/map/empty-client.js';
import { importActivities, importFile } from '../../../src/io/map/import.js';
import { mapColumns } from '../../../src/io/map/mapping.js';

const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-empty-client-'));
const HEADER = 'Тип;Статус;Время;Откуда;Куда;Длительность разговора;Информация из CRM;Ответственный из CRM';
const IN = 'Входящий;Не отвечен;03.03.2025 09:30:00;79161000002;74950000000;0;;Петрова Анна';
const OUT = 'Исходящий;Отвечен;03.03.2025 10:00:00;102;79161000002;60;;Петрова Анна';

async function read(lines: string[], opts: { source?: Readable } = {}): Promise<Activity[]> {
  writeFileSync(path.join(dir, 'calls.csv'), `${lines.join('\n')}\n`);
  const list: Activity[] = [];
  await importActivities(opts.source ? '-' : 'calls.csv', { cwd: dir, stdin: process.stdin, ...opts }, (a) => list.push(a));
  return list;
}

describe('emptyClientColumns', () => {
  const header = HEADER.split(';');
  const map = () => mapColumns(header, 'activities');
  const rows = (crm: string[]) => crm.map((c) => [...IN.split(';').slice(0, 6), c, 'Петрова Анна']);

  it('sets aside a client column blank (or zeros, Bitrix24\'s «no company») on every row of the first look, where the calls have numbers', () => {
    expect(emptyClientColumns(map(), rows(['', ' ', '0']))).toEqual([6]);
    // Cells.noClient's rule (namesNoClient): zeros with spaces between them, and edges cut (a zero-width space).
    expect(emptyClientColumns(map(), rows(['0 0', '\u200b00\u00a0']))).toEqual([6]);
    expect(emptyClientColumns(map(), rows(['', '0\u00a00']))).toBeUndefined();
    expect(emptyClientColumns(map(), rows(['', 'ООО Альфа']))).toBeUndefined();
  });

  it('keeps it where nothing else names a number, and where the --map names it', () => {
    const noSides = mapColumns(['Время', 'Тип', 'Информация из CRM', 'Ответственный из CRM'], 'activities');
    expect(emptyClientColumns(noSides, [['03.03.2025 10:00', 'Исходящий', '', 'Анна']])).toBeUndefined();
    const named = mapColumns(header, 'activities', { client: ['Информация из CRM'] });
    expect(emptyClientColumns(named, rows(['']))).toBeUndefined();
  });
});

describe('a call log whose client column is blank on every row', () => {
  it('names each call\'s client by its sides: the caller of an incoming call, the callee of an outgoing one', async () => {
    const list = await read([HEADER, IN, OUT]);
    expect(list.map((a) => a.client)).toEqual(['79161000002', '79161000002']);
  });

  it('keeps the per-row rule where the column is filled on a later row: a blank cell is a number the CRM does not know', async () => {
    // 40 blank rows pass the first look (the header search's rows); the filled one comes after them.
    const list = await read([HEADER, ...Array.from({ length: 40 }, () => IN), OUT.replace(';;', ';ООО Бета;')]);
    expect(list).toHaveLength(41);
    expect(list.slice(0, 40).every((a) => a.client === '')).toBe(true);
    expect(list[40]!.client).toBe('ООО Бета');
  });

  it('from stdin, which cannot be read twice, stops with the fix when a later row fills it', async () => {
    const lines = [HEADER, ...Array.from({ length: 40 }, () => IN), OUT.replace(';;', ';ООО Бета;')];
    const error = await read([], { source: Readable.from([Buffer.from(`${lines.join('\n')}\n`)]) }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).code).toBe('E_CLIENT_FILLED_STDIN');
    expect((error as UserError).hint).toContain('activities: columns: { client: "Информация из CRM" }');
  });
});

describe('the public importFile on a call log whose client column fills after its first look', () => {
  // 40 blank rows (lines 2-41) pass the first look; line 42 fills the column.
  const lines = [HEADER, ...Array.from({ length: 40 }, () => IN), OUT.replace(';;', ';ООО Бета;')];
  const lineNumbers = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

  it('gives no row twice: without onReadAgain it stops with the fix after the rows it gave once', async () => {
    writeFileSync(path.join(dir, 'late.csv'), `${lines.join('\n')}\n`);
    const given: number[] = [];
    const error = await importFile<LinkedActivity>('late.csv', 'activities', { cwd: dir, stdin: process.stdin }, (_, row) => given.push(row)).catch((e: unknown) => e);
    expect(given).toEqual(lineNumbers(2, 41));
    expect(error).toBeInstanceOf(ClientColumnFilled);
    expect((error as ClientColumnFilled).code).toBe('E_CLIENT_FILLED');
    expect((error as ClientColumnFilled).where).toEqual({ file: 'late.csv' });
    expect((error as ClientColumnFilled).message).toBe('the client column "Информация из CRM" is empty on the first rows and filled further on: the calls before this row were already given without it, and are not given twice: the file must be read again with it');
    expect((error as ClientColumnFilled).hint).toContain('clientColumn: "kept"');
  });

  it('with onReadAgain, reads the file again with the column once the caller threw its records away: each row given once from there', async () => {
    writeFileSync(path.join(dir, 'late.csv'), `${lines.join('\n')}\n`);
    const given: Array<[number, number]> = [];
    let again = 0;
    const onReadAgain = () => {
      again++;
      given.length = 0;
    };
    const report = await importFile<LinkedActivity>('late.csv', 'activities', { cwd: dir, stdin: process.stdin, onReadAgain }, (a, row) => given.push([row, a.client]));
    expect(again).toBe(1);
    expect(report.records).toBe(41);
    expect(given.map(([row]) => row)).toEqual(lineNumbers(2, 42));
    // Read with the column: a blank cell is a number the CRM does not know (no client), line 42 names one.
    expect(given.slice(0, 40).every(([, client]) => client === 0)).toBe(true);
    expect(given[40]![1]).not.toBe(0);
  });

  it('reads it with the column from the start when told `kept`: once, nothing to throw away', async () => {
    writeFileSync(path.join(dir, 'late.csv'), `${lines.join('\n')}\n`);
    const given: number[] = [];
    const onReadAgain = () => given.push(-1);
    await importFile<LinkedActivity>('late.csv', 'activities', { cwd: dir, stdin: process.stdin, clientColumn: 'kept', onReadAgain }, (_, row) => given.push(row));
    expect(given).toEqual(lineNumbers(2, 42));
  });
});
