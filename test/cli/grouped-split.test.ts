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
