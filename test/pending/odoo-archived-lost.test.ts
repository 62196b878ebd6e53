import { describe, expect, it } from 'vitest';
import { deals } from '../helpers/fixtures.js';

// Pending: the fix belongs in src/io/map/deal-reader.ts (dealStatus), under the read-path rewrite.
// Reproduce: crm-audit kpi -d <odoo-archived-lost-in-open-stage.csv from test/fixtures/exports.ts> --format json
// gives lost 0, open 2: an Odoo (before 16) export of lost opportunities has Active False,
// Probability 0 and a Lost Reason, while the stage stays the one the deal was lost in (New). A
// deal with a lost reason and probability 0 (or Active False) is lost, not open. Odoo 16+'s "Is Won"
// column is read already (profiles/odoo.yaml).
describe('Odoo before 16: an archived opportunity with a lost reason is lost', () => {
  it.fails('Tables (Active False, probability 0, lost reason, stage New) is lost', async () => {
    const { deals: list } = await deals('odoo-archived-lost-in-open-stage.csv');
    expect(list.map((d) => [d.name, d.status])).toEqual([
      ['Chairs', 'won'],
      ['Tables', 'lost'],
      ['Desks', 'open'],
    ]);
  });
});
