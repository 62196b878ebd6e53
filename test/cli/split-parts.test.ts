// Tester T53 F1: an Odoo list grouped by salesperson writes a group row («Anna Lee (20)» and its sum)
// above each group. Read in two halves, the worker had none of the first rows that show such rows, and
// read every group row of the second half as a deal with no manager: exit 2 where one pass dropped them
// as totals. A grouped list or report its first rows show is read in one pass (no file in halves).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { kpiBothWays } from '../helpers/both-ways.js';

describe('an Odoo list grouped by salesperson, read whole and with the split forced', () => {
  it('drops every group row as totals both ways, and reads no file in halves', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-grouped-split-'));
    const rows = ['ID,Opportunity,Salesperson,Stage,Expected Revenue,Created on,Customer,Closed Date'];
    const people = ['Anna Lee', 'Boris Kim', 'Chen Wu'];
    let id = 1;
    for (let g = 0; g < 400; g++) {
      const who = people[g % 3]!;
      rows.push(`${who} (4),,,,4000,,,`);
      for (let k = 0; k < 4; k++, id++) {
        const day = String(1 + (id % 28)).padStart(2, '0');
        rows.push(`${id},Deal ${id},${who},${k === 0 ? 'Won' : 'Lost'},1000,2025-03-${day} 10:00:00,Client ${id},2025-04-${day} 10:00:00`);
      }
    }
    writeFileSync(path.join(dir, 'odoo.csv'), `${rows.join('\n')}\n`);
    const { result } = kpiBothWays(dir, ['-d', 'odoo.csv'], []);
    // 1 600 deals, one won in each group of four: 400 won; the 400 group rows dropped as totals.
    expect(result.total).toMatchObject({ leads: 1600, won: 400 });
    expect(result.dataQuality.files[0]!.dropped).toMatchObject({ 'totals row': 400 });
  });
});

// Tester T53 F2: each half listed its own ten missed calls nobody took, so the JSON listed 20 (up to 70
// with parts taken over) where one pass lists ten: stdout differed by how the file was shared out.
describe('missed calls with no employee in both halves of a call log', () => {
  it('lists ten of them, whole or split, and counts them all', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-missed-split-'));
    const deals = ['id,manager,created_at,status,amount'];
    for (let i = 1; i <= 40; i++) deals.push(`${i},${i % 2 ? 'Anna' : 'Boris'},2025-03-${String(1 + (i % 28)).padStart(2, '0')} 09:00:00,${i % 3 ? 'won' : 'lost'},100`);
    const calls = ['manager,at,kind,direction,missed,duration_s,deal_id'];
    for (let i = 0; i < 30000; i++) {
      const day = String(1 + (i % 28)).padStart(2, '0');
      const minute = String(i % 60).padStart(2, '0');
      calls.push(i % 3 === 0 ? `,2025-03-${day} 10:${minute}:00,call,in,true,0,${1 + (i % 40)}` : `${i % 2 ? 'Anna' : 'Boris'},2025-03-${day} 11:${minute}:00,call,out,false,60,${1 + (i % 40)}`);
    }
    writeFileSync(path.join(dir, 'deals.csv'), `${deals.join('\n')}\n`);
    writeFileSync(path.join(dir, 'calls.csv'), `${calls.join('\n')}\n`);
    const { result } = kpiBothWays(dir, ['-d', 'deals.csv', '-a', 'calls.csv'], ['calls.csv']);
    const quality = result.dataQuality as unknown as { rowsSkipped: unknown[]; rowsSkippedCount: number };
    expect(quality.rowsSkippedCount).toBe(10000);
    expect(quality.rowsSkipped).toHaveLength(10);
  });
});

// Tester T53 F4: rows with no id but a manager and a creation date, amid the deals, are said
// (`idless-deals`). Three such rows just before the split point were left pending at the end of the
// first half, and dropped without the warning, since the next deal was the second half's.
describe('rows with no id just before the split point', () => {
  it('are said as one pass says them', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-idless-split-'));
    const header = 'ID,Manager,Status,Amount,Created';
    const row = (i: number, id: string) => `${id},${i % 2 ? 'Anna' : 'Ivan'},won,1000,2024-08-${String(1 + (i % 28)).padStart(2, '0')} 10:00:00`;
    // 6 000 rows of one length (39 bytes with the line end; 35 without the id; a file too small is read whole): the row holding the file's
    // middle byte ends the first half, and it and the two before it have no id.
    const size = header.length + 1 + 6000 * 39 - 3 * 4;
    const last = Math.floor((size / 2 - (header.length + 1)) / 39);
    const rows = Array.from({ length: 6000 }, (_, i) => row(i, i >= last - 2 && i <= last ? '' : String(1000 + i)));
    writeFileSync(path.join(dir, 'deals.csv'), `${[header, ...rows].join('\n')}\n`);
    const { result } = kpiBothWays(dir, ['-d', 'deals.csv'], ['deals.csv']);
    expect(result.total).toMatchObject({ leads: 5997 });
    expect(result.dataQuality.alerts).toContainEqual(expect.objectContaining({ code: 'idless-deals', rows: 3 }));
  });
});

// Tester T53 F5: the first row of a deal id wins (spec); a later row repeating it counts in no stage.
// Read in halves, the second half counted its repeats in their stage, as it had not seen the first
// rows: a stage seen on repeats alone («Странный этап») stopped the run, where one pass read it.
describe('rows at the end repeating the first ids in a stage of their own', () => {
  it('are read as one pass reads them: no stage to name', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-repeat-stage-'));
    const rows = ['ID,Ответственный,Этап,Сумма,Дата создания,Дата закрытия'];
    const day = (i: number, month: string) => `${String(1 + (i % 28)).padStart(2, '0')}.${month}.2024 10:00`;
    for (let i = 1; i <= 6000; i++) rows.push(`${i},${i % 2 ? 'Иван Петров' : 'Анна Ли'},${i % 2 ? 'Успешно реализовано' : 'Закрыто и не реализовано'},1000,${day(i, '08')},${day(i, '09')}`);
    for (let i = 1; i <= 100; i++) rows.push(`${i},${i % 2 ? 'Иван Петров' : 'Анна Ли'},Странный этап,1000,${day(i, '08')},${day(i, '09')}`);
    writeFileSync(path.join(dir, 'deals.csv'), `${rows.join('\n')}\n`);
    // Read whole both ways: the halves would count the repeats in their stage.
    const { result } = kpiBothWays(dir, ['-d', 'deals.csv'], []);
    expect(result.total).toMatchObject({ leads: 6000, won: 3000, lost: 3000 });
  });
});
