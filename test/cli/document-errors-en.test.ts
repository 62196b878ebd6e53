import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

// In English runs, zod's own words for a wrong type in a union are a bare "Invalid input": the message
// is built from the issue instead, as the Russian one is.
describe('schema mistakes in a YAML document, in English', () => {
  it('say what the field takes and what was found, not zod\'s "Invalid input"', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-pending-en-'));
    writeFileSync(path.join(dir, 'map.yaml'), 'deals:\n  columns: { amount: true }\n');
    const run = runCli(['kpi', '-d', 'samples/amocrm-deals.csv', '--map', path.join(dir, 'map.yaml'), '--lang', 'en']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/deals\.columns\.amount: expected .+; got true/);
  });

  it('a value no option of the field takes is named in English words, not zod\'s', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-en-'));
    writeFileSync(path.join(dir, 'map.yaml'), 'deals:\n  columns: { amount: [1, 2] }\n');
    const run = runCli(['kpi', '-d', 'samples/amocrm-deals.csv', '--map', path.join(dir, 'map.yaml'), '--lang', 'en']);
    expect(run.code).toBe(2);
    expect(run.stderr).not.toContain('Invalid input');
    // A list is the option a list fits: its items are named (they must be column names).
    expect(run.stderr).toContain('deals.columns.amount[0]: expected text; got 1');
    expect(run.stderr).toContain('deals.columns.amount[1]: expected text; got 2');
  });
});
