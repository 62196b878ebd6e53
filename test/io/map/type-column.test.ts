// A generic «Тип» / "Type" column of an activities file is read as the activity's kind or the call's
// direction by its first values (src/io/map/type-column.ts), the same on the text and byte paths.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Activity } from '../../../src/core/records.js';
import { importActivities, type ImportOptions } from '../../../src/io/map/import.js';
import { inspectFile } from '../../../src/io/map/inspect.js';
import { ColumnsMissing } from '../../../src/io/map/mapping.js';
import { buildValueMaps } from '../../../src/io/map/value-maps.js';

const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-type-'));
const file = (name: string, lines: string[]) => {
  const f = path.join(dir, name);
  writeFileSync(f, `${lines.join('\n')}\n`);
  return f;
};
const opts = (textRows: boolean, extra: Partial<ImportOptions> = {}): ImportOptions => ({ cwd: dir, stdin: process.stdin, textRows, ...extra });

async function read(f: string, textRows: boolean, extra: Partial<ImportOptions> = {}) {
  const list: Array<Pick<Activity, 'kind' | 'direction' | 'missed'>> = [];
  const { report } = await importActivities(f, opts(textRows, extra), (a) => list.push({ kind: a.kind, direction: a.direction, missed: a.missed }));
  const fields = Object.fromEntries(report.columns.filter((c) => c.field).map((c) => [c.header, c.field]));
  return { list, fields, columns: report.columns };
}

const KINDS = file('kinds.csv', ['Ответственный;Дата;Тип;Клиент', 'Иванов;01.02.2025 10:00;Звонок;ООО А', 'Иванов;01.02.2025 11:00;Письмо;ООО Б', 'Петров;02.02.2025 10:00;Встреча;ООО В', 'Петров;02.02.2025 12:00;Задача;ООО В']);
const DIRECTIONS = file('directions.csv', ['Сотрудник АТС;Дата звонка;Тип;Статус', 'Иванов;01.02.2025 10:00;Входящий;Пропущенный', 'Иванов;01.02.2025 11:00;Исходящий;Отвечен', 'Петров;02.02.2025 10:00;Внутренний;Отвечен', 'Петров;02.02.2025 12:00;Входящий;Отвечен']);
const BOTH = file('both.csv', ['Ответственный;Дата;Тип;Направление;Статус', 'Иванов;01.02.2025 10:00;Звонок;Входящий;Пропущен', 'Иванов;01.02.2025 11:00;Письмо;;', 'Петров;02.02.2025 10:00;Звонок;Исходящий;Отвечен']);
const ENGLISH = file('english.csv', ['Owner,Date,Type,Client', 'Ann,2025-02-01 10:00,Inbound,A', 'Ann,2025-02-01 11:00,Outbound,B']);
const MIXED = file('mixed.csv', ['Ответственный;Дата;Тип;Клиент', 'Иванов;01.02.2025 10:00;Звонок;ООО А', 'Иванов;01.02.2025 11:00;Входящий;ООО Б', 'Петров;02.02.2025 10:00;Письмо;ООО В']);
const UNKNOWN = file('unknown.csv', ['Ответственный;Дата;Тип;Клиент', 'Иванов;01.02.2025 10:00;А1;ООО А', 'Иванов;01.02.2025 11:00;Б2;ООО Б']);

// A CRM's activity list whose «Тип» names the kind and the direction in one («Звонок входящий»), with plain kinds beside them.
const COMBINED = file('combined.csv', ['Дата;Сотрудник;Тип;Статус;Клиент', '01.03.2024 10:00;Иванов;Звонок входящий;Отвечен;ООО А', '01.03.2024 11:00;Иванов;Звонок исходящий;Отвечен;ООО А', '01.03.2024 12:00;Иванов;Пропущенный звонок;;ООО А', '01.03.2024 13:00;Иванов;Письмо;;ООО А']);
const LOG = file('log.csv', ['Дата;Сотрудник;Тип;Статус', '01.03.2024 10:00;Иванов;Входящий;Отвечен', '01.03.2024 11:00;Иванов;Звонок исходящий;Отвечен']);

const EXTRA = file('extra.csv', ['Ответственный;Дата;Тип активности;Направление;Тип', 'Иванов;01.02.2025 10:00;Звонок;Входящий;Важное', 'Иванов;01.02.2025 11:00;Письмо;;Входящий']);

describe.each([true, false])('a generic type column (text rows: %s)', (textRows) => {
  it('beside columns of its own for kind and direction feeds nothing, whatever its values: never a reason to stop', async () => {
    const r = await read(EXTRA, textRows);
    expect(r.fields).toMatchObject({ 'Тип активности': 'kind', Направление: 'direction' });
    expect(r.fields['Тип']).toBeUndefined();
    expect(r.list.map((a) => [a.kind, a.direction])).toEqual([['call', 'in'], ['email', '']]);
  });

  it('undecided while it feeds nothing: left unread and listed, not refused', async () => {
    const r = await read(MIXED, textRows, { columns: { direction: 'Клиент' } });
    expect(r.fields['Тип']).toBeUndefined();
    expect(r.columns[2]!.undecided).toEqual(['Звонок', 'Входящий', 'Письмо']);
  });

  it('holding kinds is the kind; no call then has a direction', async () => {
    const r = await read(KINDS, textRows);
    expect(r.fields['Тип']).toBe('kind');
    expect(r.list.map((a) => a.kind)).toEqual(['call', 'email', 'meeting', 'other']);
    expect(r.list.every((a) => a.direction === '')).toBe(true);
    expect(r.columns[2]!.byValues).toEqual(['Звонок', 'Письмо', 'Встреча', 'Задача']);
  });

  it('holding directions is the direction (a value neither, «Внутренний», in the minority does not stop it)', async () => {
    const r = await read(DIRECTIONS, textRows);
    expect(r.fields['Тип']).toBe('direction');
    // The internal call (between employees) is dropped, not a call without a direction.
    expect(r.list.map((a) => a.direction)).toEqual(['in', 'out', 'in']);
    expect(r.list.map((a) => a.missed)).toEqual([true, false, false]);
  });

  it('holding kinds beside a direction column: kind from «Тип», direction from «Направление»', async () => {
    const r = await read(BOTH, textRows);
    expect(r.fields).toMatchObject({ Тип: 'kind', Направление: 'direction' });
    expect(r.list).toEqual([
      { kind: 'call', direction: 'in', missed: true },
      { kind: 'email', direction: '', missed: false },
      { kind: 'call', direction: 'out', missed: false },
    ]);
  });

  it('holding values that name a kind and a direction at once is the kind, and gives the calls their direction', async () => {
    const r = await read(COMBINED, textRows);
    expect(r.fields['Тип']).toBe('kind');
    expect(r.list).toEqual([
      { kind: 'call', direction: 'in', missed: false },
      { kind: 'call', direction: 'out', missed: false },
      { kind: 'call', direction: 'in', missed: true },
      { kind: 'email', direction: '', missed: false },
    ]);
  });

  it('holding directions beside such values is the direction (a call log: every row a call)', async () => {
    const r = await read(LOG, textRows);
    expect(r.fields['Тип']).toBe('direction');
    expect(r.list.map((a) => [a.kind, a.direction])).toEqual([['call', 'in'], ['call', 'out']]);
  });

  it('"Type" with Inbound/Outbound is the direction, not the kind', async () => {
    const r = await read(ENGLISH, textRows);
    expect(r.fields['Type']).toBe('direction');
    expect(r.list.map((a) => [a.kind, a.direction])).toEqual([['call', 'in'], ['call', 'out']]);
  });

  it('holding both kinds and directions, or mostly unknown words, is refused with both --map lines', async () => {
    for (const [f, values] of [[MIXED, '"Звонок", "Входящий", "Письмо"'], [UNKNOWN, '"А1", "Б2"']] as const) {
      const error = await read(f, textRows).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ColumnsMissing);
      expect((error as ColumnsMissing).messageId).toBe('map.typeUndecided');
      expect((error as Error).message).toBe(`the values of the column "Тип" do not say whether it is the activity's kind or the call's direction: ${values}`);
      expect((error as ColumnsMissing).hint).toContain('activities:\n  columns:\n    kind: "Тип"');
      expect((error as ColumnsMissing).hint).toContain('# direction: "Тип"');
    }
  });

  it('a --map naming another column for one field still lets the values decide «Тип»', async () => {
    const r = await read(BOTH, textRows, { columns: { direction: 'Направление' } });
    expect(r.fields).toMatchObject({ Тип: 'kind', Направление: 'direction' });
    expect(r.list.map((a) => a.kind)).toEqual(['call', 'email', 'call']);
  });

  // Tester T57: answered «kind», a «Тип» of «Встреча», «Входящий», «Исходящий» counted every call as «другое».
  it('mapped as the kind, reads a value that names a direction alone as a call with that direction', async () => {
    const r = await read(MIXED, textRows, { columns: { kind: 'Тип' } });
    expect(r.fields['Тип']).toBe('kind');
    expect(r.list.map((a) => [a.kind, a.direction])).toEqual([['call', ''], ['call', 'in'], ['email', '']]);
  });

  it('is what the --map says, whatever its values, and the --map value words count', async () => {
    expect((await read(MIXED, textRows, { columns: { direction: 'Тип' } })).fields['Тип']).toBe('direction');
    const maps = buildValueMaps({ direction: { А1: 'in', Б2: 'out' } });
    const r = await read(UNKNOWN, textRows, { valueMaps: maps });
    expect(r.fields['Тип']).toBe('direction');
    expect(r.list.map((a) => a.direction)).toEqual(['in', 'out']);
  });
});

describe('inspect', () => {
  it('shows the choice and lists an undecided column instead of refusing', async () => {
    const kinds = await inspectFile(KINDS, 'activities', opts(false));
    expect(kinds.columns[2]).toMatchObject({ header: 'Тип', field: 'kind', byValues: ['Звонок', 'Письмо', 'Встреча', 'Задача'] });
    const mixed = await inspectFile(MIXED, 'activities', opts(false));
    expect(mixed.columns[2]).toMatchObject({ header: 'Тип', undecided: ['Звонок', 'Входящий', 'Письмо'] });
  });
});
