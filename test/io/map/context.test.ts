import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Activity } from '../../../src/core/records.js';
import { importActivities, importPayments, type ImportOptions } from '../../../src/io/map/import.js';

/** A file written from its lines into a fresh temp folder, and the options that read it. */
function put(lines: string[]): { name: string; options: ImportOptions } {
  const dir = mkdtempSync(path.join(tmpdir(), 'context-'));
  writeFileSync(path.join(dir, 'f.csv'), `${lines.join('\n')}\n`);
  return { name: 'f.csv', options: { cwd: dir, stdin: process.stdin, maxBadRows: { count: 1000 } } };
}

// Every flag the importer reads is read in the one list of yes and no words (values.ts, yesNo), Excel's
// localised TRUE and FALSE among them; a value none of them is a row said, never a no read silently.
describe('an activity\'s flags in the words a localised Excel writes', () => {
  it('a missed flag (is_lost) VRAI / FAUX, and IsDeleted PRAWDA dropped; IsDeleted of no rule skips its row, naming it', async () => {
    const { name, options } = put([
      'Manager,Date,Type,Direction,is_lost,IsDeleted',
      'Anna Smith,2024-01-10 10:00,Call,Incoming,VRAI,FAUX',
      'Anna Smith,2024-01-10 11:00,Call,Incoming,FAUX,FAŁSZ',
      'Anna Smith,2024-01-10 12:00,Call,Outgoing,FAUX,PRAWDA',
      'Anna Smith,2024-01-10 13:00,Call,Outgoing,FAUX,PEUT-ETRE',
    ]);
    const list: Activity[] = [];
    const { report } = await importActivities(name, options, (a) => list.push({ ...a }));
    expect(list.map((a) => [a.direction, a.missed])).toEqual([['in', true], ['in', false]]);
    expect(report.dropped['deleted record (IsDeleted: in the recycle bin)']).toBe(1);
    expect(report.skipped).toEqual([expect.objectContaining({ row: 5, column: 'IsDeleted', reason: '"PEUT-ETRE" is neither a yes nor a no' })]);
  });
});

describe('a payment\'s deleted flag', () => {
  it('WAHR drops the payment, FALSCH keeps it, a value of no rule skips its row', async () => {
    const { name, options } = put(['Deal ID,Paid,IsDeleted', '1,1000,FALSCH', '2,2000,WAHR', '3,3000,vielleicht']);
    const { payments, report } = await importPayments(name, options);
    expect(payments.map((p) => [p.deal_id, p.paid])).toEqual([['1', 1000]]);
    expect(report.skipped).toEqual([expect.objectContaining({ row: 4, column: 'IsDeleted', reason: '"vielleicht" is neither a yes nor a no' })]);
  });
});
