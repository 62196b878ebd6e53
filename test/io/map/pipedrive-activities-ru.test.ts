// Pipedrive's activities exported in its Russian interface (profiles/pipedrive-activities.yaml): a
// tester's file was refused as a deals export («передайте этот файл как --deals»: its «Сделка - ID» and
// «Сделка - Название» matched the deals profile), and read through a --map naming its columns, its
// ЧЧ:ММ durations were read as mm:ss, talk 60 times too short (T29 F3, F4).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readActivityRows } from '../../helpers/activity-rows.js';
import { PIPEDRIVE_RU_ACTIVITIES } from '../../fixtures/activities-crm.js';

const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-pipedrive-ru-'));

/** Writes the file, and reads its kind, its profile and its activities (`kind duration manager deal time`). */
const read = (name: string, columns?: Record<string, string>) => readActivityRows(dir, name, PIPEDRIVE_RU_ACTIVITIES, columns);

describe('Pipedrive activities with Russian headers', () => {
  it('are an activities file of the pipedrive-activities profile, not a deals export', async () => {
    const r = await read('activities.csv');
    expect(r.kind).toBe('activities');
    expect(r.profile).toBe('pipedrive-activities');
  });

  it('read the assignee, the type, the date and time, ЧЧ:ММ durations (00:02 is 120 s, 01:30 5 400 s) and the deal by id; the one to do is dropped', async () => {
    const r = await read('activities-read.csv');
    expect(r.rows).toEqual([
      'call 120 Анна Петрова 101 2025-03-03T10:30',
      'email - Анна Петрова 101 2025-03-05T10:00',
      'meeting 5400 Борис Иванов 201 2025-03-05T11:00',
    ]);
    expect(r.report.dropped['planned activity, not done']).toBe(1);
  });

  // Tester T72 (F13): exported without its Done column, the list's planned activities counted as done.
  it('without the Done column, drop an activity due after the report day as planned, and keep one before it', async () => {
    const lines = PIPEDRIVE_RU_ACTIVITIES.map((l) => l.split(',').filter((_, i) => i !== 7).join(','));
    const r = await readActivityRows(dir, 'activities-nodone.csv', lines, undefined, { reportDay: Date.UTC(2025, 2, 10) });
    expect(r.rows).toEqual([
      'call 120 Анна Петрова 101 2025-03-03T10:30',
      'email - Анна Петрова 101 2025-03-05T10:00',
      'meeting 5400 Борис Иванов 201 2025-03-05T11:00',
    ]);
    expect(r.report.dropped['planned activity: a calendar entry dated after the report day']).toBe(1);
  });

  it('a --map naming the duration column keeps the profile\'s unit: 00:02 is two minutes, not two seconds', async () => {
    const r = await read('activities-mapped.csv', { duration_s: 'Действие - Длительность', manager: 'Действие - Назначено пользователю' });
    expect(r.rows[0]).toBe('call 120 Анна Петрова 101 2025-03-03T10:30');
  });
});
