// Tester T71 (M3): Zoho's Meetings and Tasks exports were not recognised: the Meetings snippet proposed the
// client («Contact Name») as the manager and read From / To as a call's sides; a task's Status was read as a
// call's missed status, and a task not started counted as a touch. Each row below is read by hand.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readActivityRows } from '../../helpers/activity-rows.js';

const dir = mkdtempSync(path.join(tmpdir(), 'zoho-activities-'));

describe('Zoho meetings and tasks', () => {
  const MEETINGS = [
    'Record Id,Title,From,To,Host,Related To,What Id,Contact Name,Participants,Created Time,All day,Venue',
    'zcrm_1,Demo for Acme,2024-03-06 11:00:00,2024-03-06 12:00:00,Anna Smith,Acme deal,zcrm_9,John Doe,John Doe,2024-03-05 16:00:00,false,Office',
    'zcrm_2,Next review,2024-07-09 14:00:00,2024-07-09 15:30:00,Bob Jones,Hooli deal,zcrm_8,Gavin Belson,Gavin Belson,2024-03-08 12:00:00,false,Hooli HQ',
  ];

  it('meetings: the Host is the manager, From the time, What Id the deal; Contact Name the client, To not a call\'s side', async () => {
    const { profile, rows, report } = await readActivityRows(dir, 'meetings.csv', MEETINGS);
    expect(profile).toBe('zoho-meetings');
    expect(rows).toEqual(['meeting - Anna Smith zcrm_9 2024-03-06T11:00', 'meeting - Bob Jones zcrm_8 2024-07-09T14:00']);
    expect(report.columns.find((c) => c.header === 'Contact Name')?.field).toBe('client');
    expect(report.columns.find((c) => c.header === 'To')?.field).toBeUndefined();
  });

  it('meetings: one after the report day (the run\'s --now) is still to come: planned, dropped and counted', async () => {
    const { rows, report } = await readActivityRows(dir, 'meetings.csv', MEETINGS, undefined, { reportDay: Date.UTC(2024, 5, 1) });
    expect(rows).toEqual(['meeting - Anna Smith zcrm_9 2024-03-06T11:00']);
    expect(report.dropped).toEqual({ 'planned activity: a calendar entry dated after the report day': 1 });
  });

  it('tasks: a completed one at its Closed Time, one not started planned', async () => {
    const { profile, rows, report } = await readActivityRows(dir, 'tasks.csv', [
      'Record Id,Task Owner,Subject,Due Date,Status,Priority,Related To,What Id,Contact Name,Created Time,Closed Time',
      'zcrm_3,Anna Smith,Send proposal,2024-03-07,Completed,High,Acme deal,zcrm_9,John Doe,2024-03-05 16:10:00,2024-03-07 09:00:00',
      'zcrm_4,Bob Jones,Send contract,2024-03-10,Not Started,High,Hooli deal,zcrm_8,Gavin Belson,2024-03-08 12:10:00,',
    ]);
    expect(profile).toBe('zoho-tasks');
    expect(rows).toEqual(['other - Anna Smith zcrm_9 2024-03-07T09:00']);
    expect(report.dropped).toEqual({ 'planned activity, not done': 1 });
  });
});
