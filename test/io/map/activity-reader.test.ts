// The activity reader's columns of a field read in order (a profile's `coalesce`, a --map list), a
// direction column's kind named by its API name, and an association column written as a JSON array.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Activity } from '../../../src/core/records.js';
import { importActivities, type ImportOptions } from '../../../src/io/map/import.js';
import { buildValueMaps } from '../../../src/io/map/value-maps.js';

const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-activity-reader-'));

/** The activities of a file, each as `kind direction [missed] deal`, by the text path or the byte path. */
async function read(name: string, lines: string[], textRows: boolean, opts: Partial<ImportOptions> = {}): Promise<string[]> {
  writeFileSync(path.join(dir, name), lines.join('\n'));
  const list: Activity[] = [];
  await importActivities(name, { cwd: dir, stdin: process.stdin, textRows, ...opts }, (a) => list.push(a));
  return list.map((a) => `${a.kind} ${a.direction || '-'}${a.missed ? ' missed' : ''} ${a.deal_id || '-'}`);
}

describe.each([true, false])('activity columns (text rows: %s)', (textRows) => {
  // A done column's «Failed» read as «e-mail not delivered» on any row: a failed call was dropped under an
  // e-mail's reason. Outside an e-mail's status column it is a value no rule knows: kept, and asked about.
  it('a call\'s «Failed» in a done column is an unknown value; in an e-mail\'s status column it is not delivered', async () => {
    const lines = ['Date,Owner,Type,Status', '2025-03-03 09:30,Anna,Call,Done', '2025-03-03 10:30,Anna,Call,Failed', '2025-03-03 11:30,Anna,Task,Failed'];
    writeFileSync(path.join(dir, 'failed.csv'), lines.join('\n'));
    const list: Activity[] = [];
    const { report } = await importActivities('failed.csv', { cwd: dir, stdin: process.stdin, textRows, columns: { done: 'Status' } }, (a) => list.push(a));
    expect(list.map((a) => a.kind)).toEqual(['call', 'call', 'other']);
    expect(report.dropped).toEqual({});
    expect(report.values.done).toContainEqual({ value: 'Failed', mapped: 'done (unknown value)', count: 2 });
    // In an e-mail's status column, bounced and failed are still not delivered.
    const mail = ['Date,Owner,Type,Email status', '2025-03-03 09:30,Anna,Email,Sent', '2025-03-03 10:30,Anna,Email,Failed', '2025-03-03 11:30,Anna,Email,Bounced'];
    writeFileSync(path.join(dir, 'bounced.csv'), mail.join('\n'));
    const mails: Activity[] = [];
    const read2 = await importActivities('bounced.csv', { cwd: dir, stdin: process.stdin, textRows, columns: { done: 'Email status' } }, (a) => mails.push(a));
    expect(mails.map((a) => a.kind)).toEqual(['email']);
    expect(read2.report.dropped).toEqual({ 'e-mail not delivered (bounced or failed)': 2 });
  });

  // A logged call is COMPLETED whatever its outcome: the outcome, where one was logged, says whether anyone answered.
  it('a call status of several columns is the first filled one\'s', async () => {
    const lines = ['Date,Owner,Direction,Outcome,Status', '2025-03-03 09:30,Anna,Inbound,No answer,COMPLETED', '2025-03-03 10:30,Anna,Inbound,,NO_ANSWER', '2025-03-03 11:30,Anna,Inbound,Connected,NO_ANSWER', '2025-03-03 12:30,Anna,Inbound,,COMPLETED'];
    expect(await read('missed.csv', lines, textRows, { columns: { missed: ['Outcome', 'Status'] } })).toEqual(['call in missed -', 'call in missed -', 'call in -', 'call in -']);
  });

  // HubSpot's `hs_task_status` and `hs_meeting_outcome` are statuses: an empty one (a call's) says nothing, as «Meeting outcome»'s does.
  it('a done status of several columns is the first filled one\'s: a row with neither says nothing', async () => {
    const lines = ['Date,Owner,Type,hs_task_status,hs_meeting_outcome', '2025-03-03 09:30,Anna,Task,NOT_STARTED,', '2025-03-03 10:30,Anna,Meeting,,SCHEDULED', '2025-03-03 11:30,Anna,Meeting,,COMPLETED', '2025-03-03 12:30,Anna,Call,,', '2025-03-03 13:30,Anna,Task,COMPLETED,'];
    expect(await read('done.csv', lines, textRows, { columns: { done: ['hs_task_status', 'hs_meeting_outcome'] } })).toEqual(['meeting - -', 'call - -', 'other - -']);
  });

  // HubSpot's API names: `hs_email_direction` speaks for an e-mail as `Email direction` does, `hs_call_direction` for a call.
  it('direction columns named as an API names them speak for the kind their words name', async () => {
    const lines = ['Date,Owner,Type,hs_call_direction,hs_email_direction', '2025-03-03 09:30,Anna,Call,OUTBOUND,', '2025-03-03 10:30,Anna,Email,,INCOMING_EMAIL', '2025-03-03 11:30,Anna,Email,,EMAIL'];
    const valueMaps = buildValueMaps({ direction: { INCOMING_EMAIL: 'in', EMAIL: 'out' } });
    expect(await read('directions.csv', lines, textRows, { columns: { direction: ['hs_call_direction', 'hs_email_direction'] }, valueMaps })).toEqual(['call out -', 'email in -', 'email out -']);
  });

  // Airbyte writes an object's associations as a JSON array of ids (`deals`: ["101","105"]).
  it('a deal id cell that is a JSON array names its first deal; an empty array none', async () => {
    const lines = ['Date,Owner,Deals', '2025-03-03 09:30,Anna,"[""101""]"', '2025-03-03 10:30,Anna,"[""102"", ""105""]"', '2025-03-03 11:30,Anna,[103]', '2025-03-03 12:30,Anna,[]'];
    expect(await read('deals.csv', lines, textRows, { columns: { deal_id: 'Deals' } })).toEqual(['call - 101', 'call - 102', 'call - 103', 'call - -']);
  });

  // Any cell in brackets was unwrapped: a deal's title «[VIP] Поставка [2025]» became «VIP] Поставка [2025» and linked none.
  it('a deal cell in brackets that is no list of ids is read as it is (a title)', async () => {
    const lines = ['Date,Owner,Deals', '2025-03-03 09:30,Anna,[VIP] Поставка [2025]', '2025-03-03 10:30,Anna,[Акция] Склад'];
    expect(await read('titles.csv', lines, textRows, { columns: { deal_id: 'Deals' } })).toEqual(['call - [VIP] Поставка [2025]', 'call - [Акция] Склад']);
  });
});
