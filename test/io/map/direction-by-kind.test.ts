// A row's direction is read from the column that speaks for its kind: HubSpot's activities export has
// `Call direction` (blank on an e-mail) and `Email direction` (blank on a call), and `Activity type`
// says an e-mail's direction itself («Email» sent, «Incoming email» received) where its direction
// column is blank. A tester: sent e-mails had no direction, so none was a deal's first response.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Activity } from '../../../src/core/records.js';
import { importActivities } from '../../../src/io/map/import.js';

const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-direction-by-kind-'));

/** Each activity read as `kind direction`, by the text path or the byte path. */
async function directions(name: string, body: string, textRows: boolean): Promise<string[]> {
  writeFileSync(path.join(dir, name), body);
  const list: Activity[] = [];
  await importActivities(name, { cwd: dir, stdin: process.stdin, textRows }, (a) => list.push(a));
  return list.map((a) => `${a.kind} ${a.direction || '-'}${a.missed ? ' missed' : ''}`);
}

describe.each([true, false])('the direction of a row of an activities export with several kinds (text rows: %s)', (textRows) => {
  it('HubSpot: `Email direction` speaks for an e-mail, `Call direction` for a call, neither for a meeting', async () => {
    const body = [
      'Record ID,Activity type,Activity date,Activity assigned to,Call direction,Call status,Call duration,Email direction,Associated Deal IDs',
      '1,Call,2025-03-03 09:30,Anna Smith,OUTBOUND,COMPLETED,125000,,101',
      '2,Email,2025-03-04 10:30,Bob Jones,,,,EMAIL,102',
      '3,Email,2025-03-04 11:30,Bob Jones,,,,INCOMING_EMAIL,102',
      '4,Call,2025-03-07 10:00,Bob Jones,INBOUND,MISSED,0,,102',
      '5,Meeting,2025-03-07 12:00,Anna Smith,,,,,101',
      '6,Email,2025-03-07 13:00,Anna Smith,,,,FORWARDED_EMAIL,101',
    ].join('\n');
    expect(await directions('hs-both.csv', body, textRows)).toEqual(['call out', 'email out', 'email in', 'call in missed', 'meeting -', 'email out']);
  });

  // Tester T46 F10: the engagement codes in «Activity type» were «other»: e-mails and messages undercounted.
  it('HubSpot: the engagement codes in `Activity type` (INCOMING_EMAIL, WHATS_APP, LINKEDIN_MESSAGE) are kinds', async () => {
    const body = [
      'Activity assigned to,Activity date,Activity type,Call direction,Associated Deal IDs',
      'Ann,2025-03-01 10:00,CALL,OUTBOUND,1',
      'Ann,2025-03-01 11:00,INCOMING_EMAIL,,1',
      'Ann,2025-03-01 12:00,WHATS_APP,,1',
      'Ann,2025-03-01 13:00,LINKEDIN_MESSAGE,,1',
      'Ann,2025-03-01 14:00,FORWARDED_EMAIL,,1',
    ].join('\n');
    expect((await directions('hs-codes.csv', body, textRows)).map((k) => k.split(' ')[0])).toEqual(['call', 'email', 'message', 'message', 'email']);
  });

  it('HubSpot: an e-mail whose direction only its type says («Email», «Incoming email»), beside a blank `Call direction`', async () => {
    const body = [
      'Record ID,Activity type,Activity date,Activity assigned to,Call direction,Call status,Call duration,Associated Deal IDs',
      '1,Call,2025-03-03 09:30,Anna Smith,OUTBOUND,COMPLETED,125000,101',
      '2,Incoming email,2025-03-04 09:00,Anna Smith,,,,103',
      '3,Email,2025-03-04 10:00,Bob Jones,,,,102',
      '4,Note,2025-03-05 10:00,Anna Smith,,,,101',
    ].join('\n');
    expect(await directions('hs-type.csv', body, textRows)).toEqual(['call out', 'email in', 'email out', 'other -']);
  });

  it('Bitrix24 REST: a blank DIRECTION is not read from TYPE_ID\'s code (2 is a call, not DIRECTION 2, outgoing)', async () => {
    const body = ['ID,OWNER_TYPE_ID,OWNER_ID,TYPE_ID,DIRECTION,START_TIME,RESPONSIBLE_ID,COMPLETED', '1,2,10,2,1,2025-03-03T09:30:00+03:00,7,Y', '2,2,10,2,,2025-03-03T10:30:00+03:00,7,Y', '3,2,10,2,2,2025-03-03T11:30:00+03:00,7,Y'].join('\n');
    expect(await directions('bx.csv', body, textRows)).toEqual(['call in', 'call -', 'call out']);
  });
});
