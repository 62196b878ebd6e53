import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

/** A folder holding the given files. */
function written(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'kommo-events-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

// Kommo leads in English: 2001 won (Carol), 2002 lost (Dan).
const LEADS = ['ID,Lead title,Budget,Lead responsible user,Lead stage,Date created,Closed at', '2001,Gamma order,500,Carol King,Closed - won,10.03.2025 09:00:00,14.03.2025 18:00:00', '2002,Delta trial,700,Dan Brown,Closed - lost,11.03.2025 10:00:00,13.03.2025 12:00:00'].join('\n');

// Kommo's events list from the English interface: calls, a letter and a chat message among events of the CRM.
const EVENTS = [
  'Date,Author,Object,Name,Event,Value before,Value after',
  '10.03.2025 09:45:00,Carol King,Lead,Gamma order,Outgoing call,,Conversation 3 min',
  '10.03.2025 10:00:00,Carol King,Lead,Gamma order,Lead status changed,Initial contact,Negotiation',
  '11.03.2025 11:00:00,Carol King,Lead,Gamma order,Outgoing email,,Proposal',
  '11.03.2025 12:00:00,Dan Brown,Lead,Delta trial,Incoming call,,Missed',
  '11.03.2025 12:30:00,Dan Brown,Lead,Delta trial,Outgoing call,,Conversation 1 min',
  '12.03.2025 09:00:00,Carol King,Contact,Eve Adams,Incoming chat message,,Hello',
  '12.03.2025 10:00:00,Carol King,Lead,Gamma order,Note added,,Call tomorrow',
  '13.03.2025 10:00:00,Carol King,Lead,Gamma order,Task completed,,Call back',
  '14.03.2025 11:00:00,Carol King,Lead,Gamma order,Custom field «Meeting date» changed,,15.03.2025',
].join('\n');

describe("Kommo's list of events in English", () => {
  it('is read as amoCRM\'s Russian one: Author the manager, a Lead\'s Name its deal, only calls, letters and messages kept (by hand)', () => {
    const dir = written({ 'leads.csv': LEADS, 'events.csv': EVENTS });
    const run = runCli(['kpi', '-d', 'leads.csv', '-a', 'events.csv', '--format', 'json', '--lang', 'en'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const r = JSON.parse(run.stdout);
    const by = (name: string) => r.managers.find((m: { manager: string }) => m.manager === name);
    expect(r.managers.map((m: { manager: string }) => m.manager).sort()).toEqual(['Carol King', 'Dan Brown']);
    // Carol: the call (45 min after 2001 was created) and the letter are 2001's touches; the chat message is
    // a contact's, no deal's. 3 activities on 3 days.
    expect(by('Carol King')).toMatchObject({ touches_per_won: 2, response_min_median: 45, calls_out: 1, calls_in: 0, emails: 1, messages: 1, activities_per_day: 1 });
    // Dan: the missed incoming call, called back 30 minutes later on the same lead; his response is the
    // callback, 150 min after 2002 was created (a missed call is none).
    expect(by('Dan Brown')).toMatchObject({ calls_in: 1, calls_missed: 1, missed_share: 1, callback_rate: 1, calls_out: 1, response_min_median: 150, activities_per_day: 2 });
    expect(r.total).toMatchObject({ calls_out: 2, calls_in: 1, calls_missed: 1, emails: 1, messages: 1 });
    expect(r.dataQuality.alerts.filter((a: { code: string }) => a.code === 'unknown-values')).toEqual([]);
  });

  it('inspect names the profile and the four events of the CRM dropped', () => {
    const dir = written({ 'events.csv': EVENTS });
    const out = runCli(['inspect', 'events.csv', '--lang', 'en'], { cwd: dir }).stdout;
    expect(out).toContain('(profile kommo-events,');
    expect(out).toMatch(/"Author"\s+-> manager/);
    expect(out).toMatch(/an event of the CRM, not an activity[^\n]*: 4/);
  });
});
