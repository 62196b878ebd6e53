// HubSpot activities pulled through the API, beside its deals through the API: the KPIs by hand. A calls
// table (hs_timestamp, hs_call_direction, hs_call_duration, hubspot_owner_id, associations.deal) was taken
// for a deals file, «вид: сделки», nothing mapped; now inspect names the kind and the profile, and kpi
// reads the calls, e-mails, meetings and tasks with the owners' ids as managers (manager-ids) or, with a
// --map file's `managers:`, their names.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const CONNECTED = 'f240bbac-87c9-4f6e-bf70-924b57d47db7';
const NO_ANSWER = '73a0d17f-1163-4015-bdd5-ec830791da20';
const BUSY = '9d9162e7-6cf3-4944-bf63-4dff82258764';

// 5001 Anna (111) won 03-03 09:00 → 03-20 12:00 (17.125 days); 5002 Bob (222) lost; 5003 Anna open.
const DEALS = [
  'hs_object_id,dealname,dealstage,hubspot_owner_id,createdate,closedate,amount,hs_is_closed,hs_is_closed_won',
  '5001,Acme roll-out,closedwon,111,2025-03-03T09:00:00Z,2025-03-20T12:00:00Z,1000,true,true',
  '5002,Beta pilot,closedlost,222,2025-03-04T10:00:00Z,2025-03-12T12:00:00Z,2000,true,false',
  '5003,Gamma upgrade,appointmentscheduled,111,2025-03-05T11:00:00Z,2025-04-30T00:00:00Z,500,false,false',
].join('\n');

// 9001 out, connected, 125 s; 9002 in, NO_ANSWER: missed; 9003 out, logged COMPLETED with the outcome «No
// answer»: unanswered, 0 s, but the callback of 9002 (same deal, 30 min later); 9004 in, answered, 65 s;
// 9005 in, COMPLETED with the outcome «Busy»: missed, called back by 9006 only 30 h later; 9006 out, 300 s.
const CALLS = [
  'hs_object_id,hs_timestamp,hs_call_direction,hs_call_duration,hs_call_status,hs_call_disposition,hubspot_owner_id,hs_call_title,associations.deal',
  `9001,2025-03-03T09:30:00Z,OUTBOUND,125000,COMPLETED,${CONNECTED},111,Intro call,5001`,
  '9002,2025-03-04T11:00:00Z,INBOUND,0,NO_ANSWER,,222,Inbound,5002',
  `9003,2025-03-04T11:30:00Z,OUTBOUND,35000,COMPLETED,${NO_ANSWER},222,Callback,5002`,
  '9004,2025-03-05T12:00:00Z,INBOUND,65000,COMPLETED,,111,Question,5003',
  `9005,2025-03-06T10:00:00Z,INBOUND,20000,COMPLETED,${BUSY},111,Line busy,5001`,
  '9006,2025-03-07T16:00:00Z,OUTBOUND,300000,COMPLETED,,111,Follow-up,5001',
].join('\n');

// Every kind in one table (/crm/v3/objects/engagements): 7001 an e-mail sent, 7002 one received (its
// direction only in its type), 8001 a meeting held, 8002 one scheduled and 6002 a task not started
// (planned, dropped), 8003 a no-show (called off, dropped), 6001 a task done and 4001 a note (other).
const ENGAGEMENTS = [
  'hs_object_id,hs_engagement_type,hs_timestamp,hubspot_owner_id,hs_call_direction,hs_call_duration,hs_call_status,hs_call_disposition,hs_email_direction,hs_meeting_outcome,hs_task_status,associations.deals',
  `9001,CALL,2025-03-03T09:30:00Z,111,OUTBOUND,125000,COMPLETED,${CONNECTED},,,,5001`,
  '9002,CALL,2025-03-04T11:00:00Z,222,INBOUND,0,NO_ANSWER,,,,,5002',
  '7001,EMAIL,2025-03-04T10:30:00Z,222,,,,,EMAIL,,,5002',
  '7002,INCOMING_EMAIL,2025-03-05T11:20:00Z,111,,,,,,,,5003',
  '8001,MEETING,2025-03-10T14:00:00Z,111,,,,,,COMPLETED,,5001',
  '8002,MEETING,2025-03-25T14:00:00Z,111,,,,,,SCHEDULED,,5003',
  '8003,MEETING,2025-03-11T09:00:00Z,222,,,,,,NO_SHOW,,5002',
  '6001,TASK,2025-03-12T09:00:00Z,111,,,,,,,COMPLETED,5001',
  '6002,TASK,2025-03-21T09:00:00Z,111,,,,,,,NOT_STARTED,5003',
  '4001,NOTE,2025-03-13T09:00:00Z,111,,,,,,,,5001',
].join('\n');

const MAP = 'managers:\n  "111": "Anna Smith"\n  "222": "Bob Jones"\n';

const METRICS = ['calls_out', 'calls_in', 'calls_missed', 'missed_share', 'callback_rate', 'talk_minutes', 'touches_per_won', 'response_min_median', 'response_min_avg', 'no_response', 'emails', 'meetings', 'activities_per_day'] as const;
type Row = Record<string, number | string | null>;
type Kpi = { total: Row; managers: Row[]; dataQuality: { alerts: Array<{ code: string; ids?: string[] }>; files: Array<{ dropped: Record<string, number> }> } };

function setUp(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-hs-api-'));
  writeFileSync(path.join(dir, 'deals.csv'), DEALS);
  writeFileSync(path.join(dir, 'calls.csv'), CALLS);
  writeFileSync(path.join(dir, 'engagements.csv'), ENGAGEMENTS);
  writeFileSync(path.join(dir, 'map.yaml'), MAP);
  return dir;
}

function kpi(dir: string, args: string[]): Kpi {
  const run = runCli(['kpi', '-d', 'deals.csv', ...args, '--format', 'json', '--lang', 'en'], { cwd: dir });
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as Kpi;
}

const pick = (row: Row) => METRICS.map((m) => row[m]);

describe('HubSpot activities through the API, KPIs by hand', () => {
  const dir = setUp();

  it('inspect names the kind and the profile of each table', () => {
    for (const [file, profile] of [['calls.csv', 'hubspot-api-calls'], ['engagements.csv', 'hubspot-api-engagements']]) {
      const run = runCli(['inspect', file!, '--format', 'json'], { cwd: dir });
      expect(run.code, run.stderr).toBe(0);
      const r = JSON.parse(run.stdout) as { kind: string; profile: { id: string }; columns: Array<{ header: string; field?: string }> };
      expect([r.kind, r.profile.id]).toEqual(['activities', profile]);
    }
    const ru = runCli(['inspect', 'calls.csv', '--lang', 'ru'], { cwd: dir });
    expect(ru.stdout).toMatch(/вид:\s+звонки и действия/);
    expect(ru.stdout).toMatch(/«hs_call_duration»\s+-> длительность \(duration_s\)/);
    expect(ru.stdout).toMatch(/«associations\.deal»\s+-> сделка \(deal_id\)/);
  });

  it('calls: in and out, missed by status or by outcome, talk in ms, callbacks, responses; the owners\' ids as managers', () => {
    const r = kpi(dir, ['-a', 'calls.csv']);
    // Out 9001, 9003, 9006; in 9002, 9004, 9005, of which 9002 and 9005 missed (2/3); 9002 called back, 9005
    // not within 24 h (1/2). Talk: 125 + 65 + 300 s = 490 s. Touches of 5001 before its close: 9001, 9006 (9005
    // missed). First responses: 5001 30 min (9001), 5002 90 min (9003: an outgoing call, unanswered), 5003
    // 60 min (9004, an answered incoming call). 6 activities on 5 days. No e-mails or meetings in a call log.
    expect(pick(r.total)).toEqual([3, 3, 2, 2 / 3, 0.5, 490 / 60, 2, 60, 60, 0, null, null, 1.2]);
    expect(r.managers.map((m) => [m.manager, ...pick(m)])).toEqual([
      ['111', 2, 2, 1, 0.5, 0, 490 / 60, 2, 45, 45, 0, null, null, 1],
      ['222', 1, 1, 1, 1, 1, 0, null, 90, 90, 0, null, null, 2],
    ]);
    expect(r.dataQuality.alerts.find((a) => a.code === 'manager-ids')?.ids).toEqual(['111', '222']);
  });

  it('every kind in one table, the managers named by a --map file', () => {
    const r = kpi(dir, ['-a', 'engagements.csv', '--map', 'map.yaml']);
    // One call out (125 s), one in and missed, not called back (7001 is an e-mail, and before it); e-mails
    // 7001 and 7002, meeting 8001. Touches of 5001: 9001, 8001, 6001, 4001. First responses: 5001 30 min
    // (9001), 5002 30 min (the e-mail sent), 5003 20 min (the e-mail received): median 30, mean 26.67.
    // 7 activities on 6 days; Anna 5 on 5, Bob 2 on 1.
    expect(pick(r.total)).toEqual([1, 1, 1, 1, 0, 125 / 60, 4, 30, 80 / 3, 0, 2, 1, 7 / 6]);
    expect(r.managers.map((m) => [m.manager, ...pick(m)])).toEqual([
      ['Anna Smith', 1, 0, 0, null, null, 125 / 60, 4, 25, 25, 0, 1, 1, 1],
      ['Bob Jones', 0, 1, 1, 1, 0, 0, null, 30, 30, 0, 1, 0, 2],
    ]);
    expect(r.dataQuality.alerts.map((a) => a.code)).not.toContain('manager-ids');
    expect(r.dataQuality.files[1]!.dropped).toEqual({ 'planned activity, not done': 2, 'activity called off (cancelled or not attended)': 1 });
  });
});
