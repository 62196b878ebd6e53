// Tester T71 (M1): Zoho's Calls in the Russian interface: «Статус исходящего звонка» was not read, and a
// scheduled call («Запланировано») counted as a call made, a touch. Each row below is read by hand.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readActivityRows } from '../../helpers/activity-rows.js';

const dir = mkdtempSync(path.join(tmpdir(), 'zoho-calls-ru-'));

describe('Zoho calls in Russian', () => {
  it('a scheduled outgoing call is planned, not made; the rest read as the English export is', async () => {
    const { profile, rows, report } = await readActivityRows(dir, 'calls.csv', [
      'Идентификатор записи,Тема,Тип звонка,Связано с,What Id,Время начала звонка,Длительность звонка,Длительность звонка (в секундах),Владелец звонка,Результат звонка,Статус исходящего звонка',
      'zcrm_1,Intro,Исходящий,Acme deal,zcrm_9,05.03.2024 15:00,02:00,120,Анна Смит,,Завершено',
      'zcrm_2,Client called,Входящий,Acme deal,zcrm_9,06.03.2024 10:00,05:00,300,Анна Смит,,',
      'zcrm_3,Follow-up,Исходящий,Acme deal,zcrm_9,07.03.2024 11:00,00:00,0,Анна Смит,,Запланировано',
    ]);
    expect(profile).toBe('zoho-calls');
    expect(rows).toEqual(['call 120 Анна Смит zcrm_9 2024-03-05T15:00', 'call 300 Анна Смит zcrm_9 2024-03-06T10:00']);
    expect(Object.values(report.dropped).reduce((a, b) => a + b, 0)).toBe(1);
  });
});
