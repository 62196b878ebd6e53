// A HubSpot activities export with calls and e-mails: a sent e-mail is a deal's first response (spec:
// the earliest linked activity that is outgoing, or incoming and not missed, any kind), whether its
// direction is in `Email direction` or only in `Activity type`. A tester: `Email direction` was not
// read beside `Call direction`, and two deals answered by e-mail had «no response». By hand below.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const DEALS = ['Record ID,Deal Name,Deal Stage,Create Date,Close Date,Deal owner,Amount', '101,Acme deal,Closed Won,2025-03-03 09:00,2025-03-10 18:00,Anna Smith,1000', '102,Beta deal,Closed Lost,2025-03-04 10:00,2025-03-12 12:00,Bob Jones,2000', '103,Gamma deal,Appointment Scheduled,2025-03-05 11:00,,Anna Smith,500'].join('\n');

// 101: Anna's call at 09:30 (30 min); 102: Bob's e-mail at 10:30 (30 min); 103: the meeting at 11:20 has no
// direction, so Anna's e-mail at 11:45 answers it (45 min). Bob's missed call of 03-07 is no response.
const BOTH_COLUMNS = [
  'Record ID,Activity type,Activity date,Activity assigned to,Call direction,Call status,Call duration,Email direction,Associated Deal IDs',
  '1,Call,2025-03-03 09:30,Anna Smith,OUTBOUND,COMPLETED,125000,,101',
  '2,Email,2025-03-04 10:30,Bob Jones,,,,EMAIL,102',
  '3,Meeting,2025-03-05 11:20,Anna Smith,,,,,103',
  '4,Email,2025-03-05 11:45,Anna Smith,,,,EMAIL,103',
  '5,Call,2025-03-07 10:00,Bob Jones,INBOUND,MISSED,0,,102',
].join('\n');

// The same, the e-mails' direction said only by their type: «Email» sent (102), «Incoming email» received and not missed (103).
const BY_TYPE = [
  'Record ID,Activity type,Activity date,Activity assigned to,Call direction,Call status,Call duration,Associated Deal IDs',
  '1,Call,2025-03-03 09:30,Anna Smith,OUTBOUND,COMPLETED,125000,101',
  '2,Email,2025-03-04 10:30,Bob Jones,,,,102',
  '3,Meeting,2025-03-05 11:20,Anna Smith,,,,103',
  '4,Incoming email,2025-03-05 11:45,Anna Smith,,,,103',
  '5,Call,2025-03-07 10:00,Bob Jones,INBOUND,MISSED,0,102',
].join('\n');

type Manager = { manager: string; response_min_median: number | null; no_response: number; emails: number };

describe('HubSpot e-mails among calls, as first responses', () => {
  it.each([
    ['with `Email direction` beside `Call direction`', BOTH_COLUMNS],
    ['with the direction only in `Activity type`', BY_TYPE],
  ])('%s', (_, activities) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-hs-email-'));
    writeFileSync(path.join(dir, 'deals.csv'), DEALS);
    writeFileSync(path.join(dir, 'activities.csv'), activities);
    const run = runCli(['kpi', '-d', 'deals.csv', '-a', 'activities.csv', '--format', 'json', '--lang', 'en'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const r = JSON.parse(run.stdout) as { total: Record<string, number | null>; managers: Manager[] };
    // Anna: 30 and 45, median 37.5; Bob: 30. All three: median 30, mean 35, none unanswered (before: Bob null, 2 without a response).
    expect(r.managers.map((m) => [m.manager, m.response_min_median, m.no_response, m.emails])).toEqual([
      ['Anna Smith', 37.5, 0, 1],
      ['Bob Jones', 30, 0, 1],
    ]);
    expect([r.total.response_min_median, r.total.response_min_avg, r.total.no_response, r.total.calls_out, r.total.calls_missed]).toEqual([30, 35, 0, 1, 1]);
  });
});
