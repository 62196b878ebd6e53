// Tester T69 M2: a call log's «Абонент» of phone numbers beside its «Сотрудник» was not read: every call linked
// to nothing, the callback rate and the responses not computed («needs a phone column»), without a word of
// «Абонент». Read as the client's phone by its values, as Beeline's «Номер» is (its «Абонент» is the employee).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

describe('a call log whose «Абонент» holds the client phone', () => {
  it('reads it as the phone: calls link to the deals, the callback and the response are computed', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'subscriber-'));
    writeFileSync(path.join(dir, 'deals.csv'), ['id,manager,phone,created_at,status', '1,Иванов Иван,+7 916 111-11-11,2025-12-01 09:00,open', '2,Иванов Иван,+7 916 222-22-22,2025-12-01 10:30,open'].join('\n'));
    writeFileSync(path.join(dir, 'calls.csv'), [
      'Дата и время;Направление;Абонент;Сотрудник;Длительность разговора;Результат',
      '01.12.2025 10:00:00;Исходящий;+79161111111;Иванов Иван;90;Отвечен',
      '01.12.2025 11:00:00;Входящий;+79162222222;Иванов Иван;0;Не отвечен',
      '01.12.2025 11:20:00;Исходящий;+79162222222;Иванов Иван;60;Отвечен',
    ].join('\n'));
    const run = runCli(['kpi', '-d', 'deals.csv', '-a', 'calls.csv', '--format', 'json', '--now', '2026-01-01', '--lang', 'en'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const t = JSON.parse(run.stdout).total;
    // Deal 1 answered at 10:00 (60 min), deal 2 at 11:20 (50 min): the missed call is no response; it was called back.
    expect([t.calls_in, t.calls_out, t.calls_missed, t.callback_rate, t.response_min_median, t.no_response]).toEqual([1, 2, 1, 1, 55, 0]);
  });
});
