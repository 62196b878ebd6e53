import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { htmlTable } from '../fixtures/exports.js';

/** A folder holding the given files. */
function written(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'bitrix24-calls-en-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

// Deal 1 (won, closed 05.03 18:00) is the client +7 916 000-00-01's, deal 2 (open) +7 916 000-00-02's.
const DEALS = ['ID;Ответственный;Контакт;Дата создания;Дата закрытия;Этап;Бюджет', '1;Anna Lee;+7 916 000-00-01;01.03.2024 09:00;05.03.2024 18:00;Успешно реализовано;10000', '2;Anna Lee;+7 916 000-00-02;01.03.2024 09:30;;Переговоры;5000'].join('\n');

const HEADER = ['Employee', 'Phone number', 'Call type', 'Call duration', 'Call date', 'Status', 'CRM', 'Cost'];
const call = (client: string, type: string, duration: string, at: string, status: string) => ['Anna Lee', `+7916000000${client}`, type, duration, at, status, `Contact: +7 916 000-00-0${client}`, '0.00'];

/** Bitrix24's «Детализация звонков» from the English interface, HTML saved as .xls: every CALL_FAILED_CODE text in English. */
const CALLS = htmlTable([
  HEADER,
  call('1', 'Outgoing', '2 min, 0 sec', '01.03.2024 10:00:00', 'Successful call'),
  call('1', 'Incoming', '0 min, 0 sec', '01.03.2024 11:00:00', 'Declined'),
  call('1', 'Incoming with redirection', '0 min, 0 sec', '01.03.2024 12:00:00', 'Call canceled'),
  call('1', 'Incoming', '0 min, 0 sec', '01.03.2024 13:00:00', 'Forbidden'),
  call('1', 'Callback', '1 min, 0 sec', '01.03.2024 14:00:00', 'Successful call'),
  call('2', 'Incoming', '0 min, 0 sec', '02.03.2024 10:00:00', 'Invalid number'),
  call('2', 'Incoming', '0 min, 0 sec', '02.03.2024 11:00:00', 'Temporarily unavailable'),
  call('1', 'Incoming', '0 min, 0 sec', '03.03.2024 09:00:00', 'Insufficient funds in the account'),
  call('1', 'Incoming', '0 min, 0 sec', '03.03.2024 10:00:00', 'This direction is unavailable'),
  call('1', 'Incoming', '0 min, 0 sec', '03.03.2024 11:00:00', 'Blocked'),
  call('1', 'Incoming', '0 min, 0 sec', '03.03.2024 12:00:00', 'Undefined'),
  call('1', 'Incoming', '1 min, 30 sec', '03.03.2024 13:00:00', 'Successful call'),
]);

describe('Bitrix24 call log from the English interface: the failed-call statuses in English', () => {
  it('are missed on an incoming call, as their Russian texts are: calls_missed, missed share, callbacks and touches by hand', () => {
    const dir = written({ 'deals.csv': DEALS, 'calls.xls': CALLS });
    const run = runCli(['kpi', '-d', 'deals.csv', '-a', 'calls.xls', '--format', 'json', '--lang', 'en'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const r = JSON.parse(run.stdout);
    // 10 incoming calls, 9 of them failed (all but the one at 03.03 13:00); the outgoing call and the callback are out.
    expect(r.total).toMatchObject({ calls_in: 10, calls_missed: 9, calls_out: 2 });
    expect(r.total.missed_share).toBeCloseTo(9 / 10, 10);
    // The callback at 01.03 14:00 follows the three misses of 01.03 (11:00, 12:00, 13:00) of the same
    // client within 24 h; the four of 03.03 come after it, the two of client 2 get no call: 3 of 9.
    expect(r.total.callback_rate).toBeCloseTo(3 / 9, 10);
    // Deal 1's touches: the outgoing call, the callback and the answered incoming call (the 7 misses are none).
    expect(r.total.touches_per_won).toBe(3);
    // Talk: 120 + 60 + 90 s.
    expect(r.total.talk_minutes).toBeCloseTo(270 / 60, 10);
    expect(r.dataQuality.alerts.filter((a: { code: string }) => a.code === 'unknown-values')).toEqual([]);
  });

  it('inspect shows each English status read as not answered, the call types as their directions', () => {
    const dir = written({ 'calls.xls': CALLS });
    const out = runCli(['inspect', 'calls.xls', '--lang', 'en'], { cwd: dir }).stdout;
    expect(out).toContain('(profile bitrix24-calls,');
    for (const status of ['Declined', 'Call canceled', 'Forbidden', 'Invalid number', 'Temporarily unavailable', 'Insufficient funds in the account', 'This direction is unavailable', 'Blocked', 'Undefined']) {
      expect(out).toMatch(new RegExp(`"${status}"\\s+-> not answered \\(1\\)`));
    }
    expect(out).not.toContain('unknown value');
    expect(out).toMatch(/"Incoming with redirection"\s+-> in \(1\)/);
    expect(out).toMatch(/"Callback"\s+-> out \(1\)/);
  });
});
