// Odoo's meetings (calendar.event, profiles/odoo-calendar.yaml): a tester's export was read as a call
// log (no type column: all calls), its Duration 01:00 as a minute of talk, and a meeting to come
// counted as held (T29 F5). A --map file may now say that every row is a meeting too (`rows:`).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Activity } from '../../../src/core/records.js';
import { guessKind } from '../../../src/io/map/inspect.js';
import { importActivities, type ImportOptions } from '../../../src/io/map/import.js';
import { MEETINGS_TABLE, ODOO_CALENDAR } from '../../fixtures/activities-crm.js';

const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-odoo-calendar-'));
const DAY_MS = 86_400_000;

/** Writes the file, and reads its kind, profile and activities (`kind duration manager deal time`). */
async function read(name: string, lines: string[], extra: Partial<ImportOptions> = {}) {
  writeFileSync(path.join(dir, name), lines.join('\n'));
  const opts = { cwd: dir, stdin: process.stdin, ...extra };
  const kind = await guessKind(name, opts);
  let profile: string | undefined;
  const list: Activity[] = [];
  const { report } = await importActivities(name, { ...opts, onHeader: (m) => (profile = m.profile?.profile.id) }, (a) => list.push(a));
  const rows = list.map((a) => [a.kind, a.duration_s ?? '-', a.manager, a.deal_id || a.client || '-', new Date(a.at).toISOString().slice(0, 16)].join(' '));
  return { kind, profile, rows, report };
}

describe('Odoo calendar meetings', () => {
  it('are meetings of the organizer, at the start, on the opportunity; the Duration is not read as talk', async () => {
    const r = await read('calendar.csv', ODOO_CALENDAR);
    expect(r.kind).toBe('activities');
    expect(r.profile).toBe('odoo-calendar');
    expect(r.rows).toEqual(['meeting - Boris Ivanov Opp 201 2025-03-05T10:00', 'meeting - Anna Petrova Opp 103 2025-03-20T10:00']);
  });

  it('a meeting dated after the report day is planned: dropped and counted, the one before it kept', async () => {
    const r = await read('calendar-now.csv', ODOO_CALENDAR, { reportDay: Date.UTC(2025, 2, 15) });
    expect(r.rows).toEqual(['meeting - Boris Ivanov Opp 201 2025-03-05T10:00']);
    expect(r.report.dropped['planned activity: a calendar entry dated after the report day']).toBe(1);
  });

  it('a meeting on the report day itself is held (a report made in the evening)', async () => {
    const r = await read('calendar-same-day.csv', ODOO_CALENDAR, { reportDay: Date.UTC(2025, 2, 20) });
    expect(r.rows).toHaveLength(2);
    expect(r.report.dropped['planned activity: a calendar entry dated after the report day']).toBeUndefined();
    const ahead = await read('calendar-day-before.csv', ODOO_CALENDAR, { reportDay: Date.UTC(2025, 2, 20) - DAY_MS });
    expect(ahead.rows).toHaveLength(1);
  });
});

describe('a --map file\'s `rows:` for a file with no kind column', () => {
  it('reads every row as that kind (meeting), where without it they are calls', async () => {
    const columns = { manager: 'Менеджер', at: 'Дата встречи', client: 'Клиент' };
    const asCalls = await read('meetings-calls.csv', MEETINGS_TABLE, { columns });
    expect(asCalls.rows.map((r) => r.split(' ')[0])).toEqual(['call', 'call']);
    const asMeetings = await read('meetings.csv', MEETINGS_TABLE, { columns, rows: 'meeting' });
    expect(asMeetings.rows).toEqual(['meeting - Анна Петрова ООО Альфа 2025-03-03T12:00', 'meeting - Борис Иванов ИП Дельта 2025-03-04T15:30']);
  });
});
