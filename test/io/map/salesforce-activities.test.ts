// Tester T71 (H1, M2): a Salesforce task's Type is a picklist many orgs leave blank, while Task Subtype
// (TaskSubtype) is set by Salesforce itself (Call, Email): with Type blank every call and e-mail was
// «other», calls and talk 0, exit 0. An Event extract's meeting was dated by its CreatedDate (when it was
// booked), not its ActivityDateTime (when it is held). Each row below is read by hand.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readActivityRows } from '../../helpers/activity-rows.js';

const dir = mkdtempSync(path.join(tmpdir(), 'sf-activities-'));

describe('Salesforce activities: the kind from the first filled of Type and the subtypes', () => {
  it('a Task extract with Type blank: TaskSubtype names calls and e-mails; a filled Type still decides', async () => {
    const { profile, rows } = await readActivityRows(dir, 'tasks.csv', [
      'Id,WhatId,Subject,ActivityDate,Status,OwnerId,Type,IsClosed,CreatedDate,CallDurationInSeconds,CallType,TaskSubtype,CompletedDateTime',
      '00T1,0065e00000AbCdEAAZ,Call,2024-01-05,Completed,Anna Smith,,true,2024-01-05T10:00:00.000Z,120,Outbound,Call,2024-01-05T10:00:00.000Z',
      '00T2,0065e00000AbCdEAAZ,Email: Quote,2024-01-06,Completed,Anna Smith,,true,2024-01-06T09:00:00.000Z,,,Email,2024-01-06T09:00:00.000Z',
      '00T3,0065e00000AbCdEAAZ,Demo,2024-01-07,Completed,Anna Smith,Meeting,true,2024-01-07T09:00:00.000Z,,,Task,2024-01-07T09:00:00.000Z',
    ]);
    expect(profile).toBe('salesforce-activities');
    expect(rows).toEqual(['call 120 Anna Smith 0065e00000AbCdEAAZ 2024-01-05T10:00', 'email - Anna Smith 0065e00000AbCdEAAZ 2024-01-06T09:00', 'meeting - Anna Smith 0065e00000AbCdEAAZ 2024-01-07T09:00']);
  });

  it('a report with Type blank and a Task Subtype; an Activity Type of Task / Event after the subtype', async () => {
    const { rows } = await readActivityRows(dir, 'report.csv', [
      'Assigned,Subject,Activity Type,Type,Task Subtype,Call Type,Call Duration,Date Completed,Status,Opportunity ID',
      'Anna Smith,Call,Task,,Call,Inbound,300,2024-01-08 14:30,Completed,006A',
      'Anna Smith,Email: Proposal,Task,,Email,,,2024-01-09 09:00,Completed,006A',
      'Anna Smith,Meeting,Event,,,,,2024-01-10 11:00,,006A',
    ]);
    expect(rows).toEqual(['call 300 Anna Smith 006A 2024-01-08T14:30', 'email - Anna Smith 006A 2024-01-09T09:00', 'meeting - Anna Smith 006A 2024-01-10T11:00']);
  });

  it('an Event extract: a meeting at its ActivityDateTime, not its CreatedDate; EventSubtype names it where Type is blank', async () => {
    const { rows } = await readActivityRows(dir, 'events.csv', [
      'Id,WhatId,Subject,ActivityDateTime,ActivityDate,DurationInMinutes,StartDateTime,EndDateTime,OwnerId,Type,IsDeleted,CreatedDate,EventSubtype',
      '00U1,0065e00000AbCdEAAZ,Meeting,2024-01-08T14:00:00.000Z,2024-01-08,60,2024-01-08T14:00:00.000Z,2024-01-08T15:00:00.000Z,Anna Smith,,false,2024-01-06T09:00:00.000Z,Event',
      '00U2,0065e00000AbCdFAAZ,Demo,2024-01-13T10:00:00.000Z,2024-01-13,30,2024-01-13T10:00:00.000Z,2024-01-13T10:30:00.000Z,Anna Smith,Meeting,false,2024-01-12T13:00:00.000Z,Event',
    ]);
    expect(rows).toEqual(['meeting - Anna Smith 0065e00000AbCdEAAZ 2024-01-08T14:00', 'meeting - Anna Smith 0065e00000AbCdFAAZ 2024-01-13T10:00']);
  });

  // Review R53 (M2): an Event extract holds the meetings to come beside those held.
  it('an Event extract is a calendar: an entry after the report day is planned, dropped and counted', async () => {
    const { rows, report } = await readActivityRows(dir, 'events-ahead.csv', [
      'Id,WhatId,Subject,ActivityDateTime,StartDateTime,OwnerId,Type,CreatedDate,EventSubtype',
      '00U1,006A,Meeting,2024-01-08T14:00:00.000Z,2024-01-08T14:00:00.000Z,Anna Smith,,2024-01-06T09:00:00.000Z,Event',
      '00U2,006A,Demo,2024-03-13T10:00:00.000Z,2024-03-13T10:00:00.000Z,Anna Smith,Meeting,2024-01-12T13:00:00.000Z,Event',
    ], undefined, { reportDay: Date.UTC(2024, 1, 1) });
    expect(rows).toEqual(['meeting - Anna Smith 006A 2024-01-08T14:00']);
    expect(report.dropped).toEqual({ 'planned activity: a calendar entry dated after the report day': 1 });
  });
});
