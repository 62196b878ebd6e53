// Tester T68 M1: Odoo's VoIP call log (voip.call, exported from the Phone app's list) was not recognised,
// and the map suggested for it dated each call by «Start Date», which Odoo leaves blank for a call nobody
// answered: every missed call was dropped «no date», exit 0. Profile odoo-voip reads it: the time is
// «Created on», a call is answered when it has a Start Date, its talk is End Date minus Start Date.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const DEALS = [
  '"Created on","Opportunity","Customer","Salesperson","Stage","Expected Revenue","Probability","Active","Closed Date"',
  '"2025-03-01 09:00:00","Opp A","Acme","Alice Smith","Won","1000.0","100.0","True","2025-03-11 09:00:00"',
  '"2025-03-04 08:30:00","Opp D","Delta","Bob Jones","Proposition","2000.0","70.0","True",""',
];
const CALLS = [
  '"Created on","Phone Number","Direction","State","Start Date","End Date","Contact","Responsible","Activity Name"',
  '"2025-03-01 09:10:00","+15550100","Outgoing","Terminated","2025-03-01 09:10:05","2025-03-01 09:15:05","Acme","Alice Smith",""',
  '"2025-03-01 10:00:00","+15550100","Incoming","Missed","","","Acme","Alice Smith",""',
  '"2025-03-01 10:30:00","+15550100","Outgoing","Terminated","2025-03-01 10:30:10","2025-03-01 10:32:10","Acme","Alice Smith","Call back"',
  '"2025-03-04 09:00:00","+15550200","Outgoing","Rejected","","","Delta","Bob Jones",""',
  '"2025-03-04 09:30:00","+15550200","Incoming","Terminated","2025-03-04 09:30:00","2025-03-04 09:40:00","Delta","Bob Jones",""',
];

describe('an Odoo VoIP call log', () => {
  it('is recognised and read: every call dated by Created on, answered by its Start Date, talk from start to end', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'odoo-voip-'));
    writeFileSync(path.join(dir, 'deals.csv'), `${DEALS.join('\n')}\n`);
    writeFileSync(path.join(dir, 'calls.csv'), `${CALLS.join('\n')}\n`);
    const inspect = runCli(['inspect', 'calls.csv', '--lang', 'en'], { cwd: dir });
    expect(inspect.stdout).toContain('profile odoo-voip');
    const run = runCli(['kpi', '-d', 'deals.csv', '-a', 'calls.csv', '--format', 'json', '--now', '2025-04-01'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    const row = (m: Record<string, unknown>) => [m.calls_in, m.calls_out, m.calls_missed, m.callback_rate, m.talk_minutes, m.response_min_median];
    // Alice: the missed call at 10:00 called back at 10:30; talk 5 + 2 min; Opp A answered at 09:10, 10 min.
    // Bob: the rejected dial is no talk; the incoming call of 10 min answers Opp D at 60 min (the dial at 09:00, 30 min, is outgoing: 30).
    expect(out.managers.map((m: Record<string, unknown>) => [m.manager, ...row(m)])).toEqual([
      ['Alice Smith', 1, 2, 1, 1, 7, 10],
      ['Bob Jones', 1, 1, 0, null, 10, 30],
    ]);
    expect(out.dataQuality.rowsSkippedCount).toBe(0);
    // Its other labels are any call log's: without Odoo's «Created on» a log is not taken for Odoo's (review R52).
    writeFileSync(path.join(dir, 'other.csv'), 'Start Date,End Date,Direction,Phone Number,Contact,State,Agent,Duration\n2025-03-01 09:10,2025-03-01 09:15,Outgoing,+15550100,Acme,Terminated,Alice Smith,300\n');
    expect(runCli(['inspect', 'other.csv', '--lang', 'en'], { cwd: dir }).stdout).not.toContain('odoo-voip');
    expect(out.dataQuality.files[1]).toMatchObject({ kind: 'activities', rowsRead: 5, records: 5 });
  });
});
