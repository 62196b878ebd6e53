// HubSpot activities pulled through the API (CRM v3 objects calls, emails, meetings, tasks, notes and
// engagements) or loaded by Airbyte and Fivetran: internal property names. A calls table was read as a
// deals file that named nothing. Each is recognised by its profile, and each row read with its kind,
// direction, missed call, duration in milliseconds, time, owner id and deal.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Activity } from '../../../src/core/records.js';
import { guessKind } from '../../../src/io/map/inspect.js';
import { importActivities } from '../../../src/io/map/import.js';
import { detectProfile } from '../../../src/io/map/profiles.js';

const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-hubspot-api-'));

const CONNECTED = 'f240bbac-87c9-4f6e-bf70-924b57d47db7';
const NO_ANSWER = '73a0d17f-1163-4015-bdd5-ec830791da20';
const BUSY = '9d9162e7-6cf3-4944-bf63-4dff82258764';
const VOICEMAIL = 'b2cf5968-551e-4856-9783-52b3da59a7d0';

/** Writes a file, and reads its kind, its profile and its activities (`kind direction [missed] duration manager deal time`). */
async function read(name: string, lines: string[], textRows = true): Promise<{ kind: string; profile: string | undefined; rows: string[] }> {
  writeFileSync(path.join(dir, name), lines.join('\n'));
  const opts = { cwd: dir, stdin: process.stdin, textRows };
  const kind = await guessKind(name, opts);
  let profile: string | undefined;
  const list: Activity[] = [];
  await importActivities(name, { ...opts, onHeader: (m) => (profile = m.profile?.profile.id) }, (a) => list.push(a));
  const rows = list.map((a) => [a.kind, a.direction || '-', ...(a.missed ? ['missed'] : []), a.duration_s ?? '-', a.manager, a.deal_id || '-', new Date(a.at).toISOString().slice(0, 16)].join(' '));
  return { kind, profile, rows };
}

describe.each([true, false])('HubSpot activities through the API (text rows: %s)', (textRows) => {
  // A calls table whose header `inspect` took for a deals file («вид: сделки»), nothing mapped.
  it('calls: direction, a missed inbound call by its status or its outcome, milliseconds, owner id, deal', async () => {
    const r = await read('calls.csv', [
      'hs_object_id,hs_timestamp,hs_call_direction,hs_call_duration,hs_call_status,hs_call_disposition,hubspot_owner_id,hs_call_title,associations.deal',
      `1,2025-03-03T09:30:00Z,OUTBOUND,125000,COMPLETED,${CONNECTED},111,Intro,5001`,
      '2,2025-03-04T11:00:00Z,INBOUND,0,NO_ANSWER,,222,Inbound,5002',
      `3,2025-03-04T11:30:00Z,OUTBOUND,35000,COMPLETED,${NO_ANSWER},222,Callback,5002`,
      '4,2025-03-05T12:00:00Z,INBOUND,65000,COMPLETED,,111,Question,5003',
      `5,2025-03-06T10:00:00Z,INBOUND,20000,COMPLETED,${BUSY},111,Busy,5001`,
      `6,1741600800000,INBOUND,,MISSED,${VOICEMAIL},111,Voicemail,`,
    ], textRows);
    expect([r.kind, r.profile]).toEqual(['activities', 'hubspot-api-calls']);
    // An unanswered call's ringing is no talk (0 s); the Unix time in ms is 2025-03-10 10:00 UTC.
    expect(r.rows).toEqual([
      'call out 125 111 5001 2025-03-03T09:30',
      'call in missed 0 222 5002 2025-03-04T11:00',
      'call out 0 222 5002 2025-03-04T11:30',
      'call in 65 111 5003 2025-03-05T12:00',
      'call in missed 0 111 5001 2025-03-06T10:00',
      'call in missed - 111 - 2025-03-10T10:00',
    ]);
  });

  it('e-mails, meetings, tasks and notes: every row of its own kind, planned and called-off ones dropped', async () => {
    const emails = await read('emails.csv', ['hs_object_id,hs_timestamp,hs_email_direction,hs_email_subject,hubspot_owner_id,associations.deals', '7001,2025-03-04T10:30:00Z,EMAIL,Proposal,222,5002', '7002,2025-03-05T11:20:00Z,INCOMING_EMAIL,Re: upgrade,111,5003', '7003,2025-03-05T11:40:00Z,FORWARDED_EMAIL,Fwd: upgrade,111,5003'], textRows);
    expect([emails.profile, emails.rows]).toEqual(['hubspot-api-emails', ['email out - 222 5002 2025-03-04T10:30', 'email in - 111 5003 2025-03-05T11:20', 'email out - 111 5003 2025-03-05T11:40']]);
    // A meeting's time is hs_timestamp, else its start; SCHEDULED is planned, NO_SHOW called off, an empty outcome says nothing.
    const meetings = await read('meetings.csv', ['hs_object_id,hs_timestamp,hs_meeting_title,hs_meeting_start_time,hs_meeting_outcome,hubspot_owner_id,associations.deals', '8001,2025-03-10T14:00:00Z,Demo,2025-03-10T14:00:00Z,COMPLETED,111,5001', '8002,2025-03-25T14:00:00Z,Follow-up,2025-03-25T14:00:00Z,SCHEDULED,111,5003', '8003,,Review,2025-03-11T09:00:00Z,,222,5002', '8004,2025-03-12T09:00:00Z,Lunch,2025-03-12T09:00:00Z,NO_SHOW,222,5002'], textRows);
    expect([meetings.profile, meetings.rows]).toEqual(['hubspot-api-meetings', ['meeting - - 111 5001 2025-03-10T14:00', 'meeting - - 222 5002 2025-03-11T09:00']]);
    // A completed task is dated by its completion, not its due date; one still to do is planned.
    const tasks = await read('tasks.csv', ['hs_object_id,hs_timestamp,hs_task_subject,hs_task_status,hs_task_type,hs_task_completion_date,hubspot_owner_id,associations.deals', '6001,2025-03-12T09:00:00Z,Send proposal,COMPLETED,EMAIL,2025-03-11T17:00:00Z,111,5001', '6002,2025-03-21T09:00:00Z,Call back,NOT_STARTED,CALL,,111,5003', '6003,2025-03-22T09:00:00Z,Call back,WAITING,CALL,,111,5003'], textRows);
    expect([tasks.profile, tasks.rows]).toEqual(['hubspot-api-tasks', ['other - - 111 5001 2025-03-11T17:00']]);
    const notes = await read('notes.csv', ['hs_object_id,hs_timestamp,hs_note_body,hubspot_owner_id,associations.deals', '4001,2025-03-13T09:00:00Z,Met at the fair,111,5001'], textRows);
    expect([notes.kind, notes.profile, notes.rows]).toEqual(['activities', 'hubspot-api-notes', ['other - - 111 5001 2025-03-13T09:00']]);
  });

  // hs_email_status was not read: a BOUNCED e-mail counted as a touch. SENT and SENDING took place, BOUNCED
  // and FAILED reached nobody (dropped under a reason of their own), SCHEDULED is planned; an incoming
  // e-mail has no status, and is kept.
  it('e-mails by their status: sent kept, bounced and failed dropped as not delivered, scheduled as planned, blank ones kept', async () => {
    const header = 'hs_object_id,hs_timestamp,hs_email_direction,hs_email_status,hubspot_owner_id,associations.deals';
    const rows = ['7101,2025-03-04T10:30:00Z,EMAIL,SENT,222,5002', '7102,2025-03-04T10:40:00Z,EMAIL,SENDING,222,5002', '7103,2025-03-04T10:50:00Z,EMAIL,BOUNCED,222,5002', '7104,2025-03-04T11:00:00Z,EMAIL,FAILED,111,5003', '7105,2025-03-20T09:00:00Z,EMAIL,SCHEDULED,111,5003', '7106,2025-03-05T11:20:00Z,INCOMING_EMAIL,,111,5003', '7107,2025-03-06T09:00:00Z,EMAIL,,222,5002'];
    writeFileSync(path.join(dir, 'emails-status.csv'), [header, ...rows].join('\n'));
    const list: string[] = [];
    const { report } = await importActivities('emails-status.csv', { cwd: dir, stdin: process.stdin, textRows }, (a) => list.push(`${a.kind} ${a.direction} ${a.manager} ${a.deal_id}`));
    expect(report.profile?.id).toBe('hubspot-api-emails');
    // A blank status says nothing, on an outgoing e-mail too (a status column, not a checkbox).
    expect(list).toEqual(['email out 222 5002', 'email out 222 5002', 'email in 111 5003', 'email out 222 5002']);
    expect(report.dropped).toEqual({ 'e-mail not delivered (bounced or failed)': 2, 'planned activity, not done': 1 });
    // In a table of every kind too: an e-mail's status beside a task's.
    const union = ['hs_object_id,hs_engagement_type,hs_timestamp,hubspot_owner_id,hs_email_direction,hs_email_status,hs_task_status,associations.deals', '7201,EMAIL,2025-03-04T10:30:00Z,222,EMAIL,SENT,,5002', '7202,EMAIL,2025-03-04T10:50:00Z,222,EMAIL,BOUNCED,,5002', '7203,INCOMING_EMAIL,2025-03-05T11:20:00Z,111,,,,5003', '6201,TASK,2025-03-12T09:00:00Z,111,,,COMPLETED,5001'];
    writeFileSync(path.join(dir, 'engagements-status.csv'), union.join('\n'));
    const all: string[] = [];
    const read2 = await importActivities('engagements-status.csv', { cwd: dir, stdin: process.stdin, textRows }, (a) => all.push(`${a.kind} ${a.direction || '-'} ${a.manager}`));
    expect(read2.report.profile?.id).toBe('hubspot-api-engagements');
    expect(all).toEqual(['email out 222', 'email in 111', 'other - 111']);
    expect(read2.report.dropped).toEqual({ 'e-mail not delivered (bounced or failed)': 1 });
  });

  it('engagements of every kind in one table: the kind from hs_engagement_type, each kind\'s columns on its rows', async () => {
    const r = await read('engagements.csv', [
      'hs_object_id,hs_engagement_type,hs_timestamp,hubspot_owner_id,hs_call_direction,hs_call_duration,hs_call_status,hs_call_disposition,hs_email_direction,hs_meeting_outcome,hs_task_status,associations.deals',
      `9001,CALL,2025-03-03T09:30:00Z,111,OUTBOUND,125000,COMPLETED,${CONNECTED},,,,5001`,
      '9002,CALL,2025-03-04T11:00:00Z,222,INBOUND,0,NO_ANSWER,,,,,5002',
      '7001,EMAIL,2025-03-04T10:30:00Z,222,,,,,EMAIL,,,5002',
      '7002,INCOMING_EMAIL,2025-03-05T11:20:00Z,111,,,,,,,,5003',
      '8001,MEETING,2025-03-10T14:00:00Z,111,,,,,,COMPLETED,,5001',
      '8002,MEETING,2025-03-25T14:00:00Z,111,,,,,,SCHEDULED,,5003',
      '6001,TASK,2025-03-12T09:00:00Z,111,,,,,,,COMPLETED,5001',
      '6002,TASK,2025-03-21T09:00:00Z,111,,,,,,,NOT_STARTED,5003',
      '4001,NOTE,2025-03-13T09:00:00Z,111,,,,,,,,5001',
    ], textRows);
    expect([r.kind, r.profile]).toEqual(['activities', 'hubspot-api-engagements']);
    expect(r.rows).toEqual([
      'call out 125 111 5001 2025-03-03T09:30',
      'call in missed 0 222 5002 2025-03-04T11:00',
      'email out - 222 5002 2025-03-04T10:30',
      'email in - 111 5003 2025-03-05T11:20',
      'meeting - - 111 5001 2025-03-10T14:00',
      'other - - 111 5001 2025-03-12T09:00',
      'other - - 111 5001 2025-03-13T09:00',
    ]);
  });

  it('the legacy engagements API flattened: engagement.type, ownerId, timestamp (Unix ms), associations.dealIds, metadata', async () => {
    const r = await read('legacy.csv', ['engagement.id,engagement.type,engagement.ownerId,engagement.timestamp,associations.dealIds,metadata.durationMilliseconds,metadata.disposition', `1,CALL,111,1741000000000,5001,125000,${CONNECTED}`, '2,NOTE,111,1741100000000,5001,,', '3,INCOMING_EMAIL,222,1741200000000,5002,,'], textRows);
    expect([r.kind, r.profile]).toEqual(['activities', 'hubspot-api-engagements']);
    expect(r.rows).toEqual(['call - 125 111 5001 2025-03-03T11:06', 'other - - 111 5001 2025-03-04T14:53', 'email in - 222 5002 2025-03-05T18:40']);
  });

  it('Airbyte\'s and Fivetran\'s columns: properties_hs_…, property_hs_…, the deals as a JSON array', async () => {
    const airbyte = await read('airbyte.csv', ['id,createdAt,properties_hs_timestamp,properties_hubspot_owner_id,properties_hs_call_direction,properties_hs_call_duration,properties_hs_call_status,properties_hs_call_disposition,deals', `9001,2025-03-03T09:31:00Z,2025-03-03T09:30:00Z,111,OUTBOUND,125000,COMPLETED,${CONNECTED},"[""5001""]"`, '9002,2025-03-04T11:01:00Z,2025-03-04T11:00:00Z,222,INBOUND,0,NO_ANSWER,,"[""5002"",""5003""]"'], textRows);
    expect([airbyte.kind, airbyte.profile, airbyte.rows]).toEqual(['activities', 'hubspot-api-calls', ['call out 125 111 5001 2025-03-03T09:30', 'call in missed 0 222 5002 2025-03-04T11:00']]);
    const fivetran = await read('fivetran.csv', ['id,property_hs_timestamp,property_hubspot_owner_id,property_hs_email_direction,property_hs_email_subject,_fivetran_synced', '7001,2025-03-04T10:30:00Z,222,EMAIL,Proposal,2025-03-30T00:00:00Z'], textRows);
    expect([fivetran.kind, fivetran.profile, fivetran.rows]).toEqual(['activities', 'hubspot-api-emails', ['email out - 222 - 2025-03-04T10:30']]);
  });
});

describe('HubSpot API profiles', () => {
  it('a deals table through the API is still the deals profile\'s, and an object\'s common columns alone recognise no kind of activity', () => {
    expect(detectProfile(['hs_object_id', 'dealname', 'dealstage', 'hubspot_owner_id', 'createdate', 'closedate', 'amount'], 'deals')?.profile.id).toBe('hubspot-api');
    expect(detectProfile(['hs_object_id', 'hs_timestamp', 'hubspot_owner_id', 'associations.deals'], 'activities')).toBeUndefined();
  });
});
