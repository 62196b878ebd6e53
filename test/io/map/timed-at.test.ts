import { describe, expect, it } from 'vitest';
import { mapColumns } from '../../../src/io/map/mapping.js';
import { detectProfile } from '../../../src/io/map/profiles.js';
import { preferTimedAt } from '../../../src/io/map/timed-at.js';

/** The header's columns as `at` reads them after preferTimedAt, and what it said. */
function timed(header: string[], rows: string[][], user: Record<string, string> = {}) {
  const map = mapColumns(header, 'activities', user, undefined, detectProfile(header, 'activities'));
  const said = preferTimedAt(map, rows);
  return { at: (map.fields.get('at') ?? []).map((c) => header[c]), said };
}

// A tester (tT18 F2): a Salesforce Task extract read its calls' time from ActivityDate, a Date field (the due
// date): every call at midnight, before its deal was created, so every deal read «no response», without a word.
describe('an activity is timed by a column with times where the one its name matched holds dates alone', () => {
  it('a generic log: «Date» of dates, «Created at» of times: at reads «Created at» first, the dates where it is blank', () => {
    const header = ['Date', 'Created at', 'Direction', 'Employee', 'Duration'];
    const rows = [
      ['2025-02-10', '2025-02-10 11:20', 'outbound', 'Ann Lee', '60'],
      ['2025-02-11', '', 'inbound', 'Bob Ray', '0'],
      ['2025-02-12', '2025-02-12 16:05', 'outbound', 'Ann Lee', '30'],
    ];
    expect(timed(header, rows)).toEqual({ at: ['Created at', 'Date'], said: { column: 'Created at', dateOnly: ['Date'] } });
  });

  it('the profile\'s order: a Task extract is timed by CompletedDateTime, else CreatedDate, with nothing to say', () => {
    const header = ['Id', 'WhatId', 'ActivityDate', 'OwnerId', 'IsClosed', 'CreatedDate', 'TaskSubtype', 'CallType', 'CallDurationInSeconds', 'CompletedDateTime'];
    const rows = [['00T1', '0061', '2025-02-10', '0051', 'true', '2025-02-10T08:05:00.000Z', 'Call', 'Outbound', '60', '2025-02-10T08:20:00.000Z']];
    expect(timed(header, rows)).toEqual({ at: ['CompletedDateTime', 'CreatedDate', 'ActivityDate'], said: undefined });
  });

  it('a Salesforce report whose dates are all without a time takes its «Created Date» of times, and says so', () => {
    const header = ['Assigned', 'Subject', 'Task Subtype', 'Call Type', 'Date', 'Created Date', 'Opportunity'];
    const rows = [['Ann Lee', 'Call', 'Call', 'Outbound', '2/10/2025', '2/10/2025 8:20 AM', 'Alfa']];
    expect(timed(header, rows)).toEqual({ at: ['Created Date', 'Date'], said: { column: 'Created Date', dateOnly: ['Date'] } });
  });

  it('a file of dates alone stays at midnight, as the spec reads it', () => {
    expect(timed(['Date', 'Direction', 'Employee'], [['2025-02-10', 'outbound', 'Ann Lee']])).toEqual({ at: ['Date'], said: undefined });
    // A column of the moments' names holding dates alone is no better.
    expect(timed(['Date', 'Created', 'Direction', 'Employee'], [['2025-02-10', '2025-02-09', 'outbound', 'Ann Lee']])).toEqual({ at: ['Date'], said: undefined });
    // Times all at midnight are a date field written with a time: no moment of a call.
    expect(timed(['Date', 'Created', 'Direction', 'Employee'], [['2025-02-10', '2025-02-09 00:00:00', 'outbound', 'Ann Lee']]).said).toBeUndefined();
  });

  it('leaves at as it is where the date has a time beside it, where its own column has times, and where --map names it', () => {
    // Pipedrive: the due time beside the due date.
    const pd = ['Activity - Due date', 'Activity - Due time', 'Activity - Add time', 'Activity - Type', 'Activity - Assigned to user'];
    expect(timed(pd, [['2025-02-10', '10:15', '2025-02-09 17:00:00', 'Call', 'Ann Lee']]).said).toBeUndefined();
    const header = ['Date', 'Created at', 'Direction', 'Employee'];
    expect(timed(header, [['2025-02-10 10:00', '2025-02-10 11:20', 'outbound', 'Ann Lee']]).said).toBeUndefined();
    expect(timed(header, [['2025-02-10', '2025-02-10 11:20', 'outbound', 'Ann Lee']], { at: 'Date' })).toEqual({ at: ['Date'], said: undefined });
  });

  it('a column with a time on some rows and a date alone on others is not taken', () => {
    const header = ['Date', 'Created at', 'Direction', 'Employee'];
    const rows = [['2025-02-10', '2025-02-10 11:20', 'outbound', 'Ann Lee'], ['2025-02-11', '2025-02-11', 'outbound', 'Ann Lee']];
    expect(timed(header, rows).said).toBeUndefined();
  });
});
