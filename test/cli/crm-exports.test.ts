import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { crmExportFixtures } from '../fixtures/exports-crm.js';

/** A folder holding the named fixtures under their own names. */
function folder(...names: string[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'crm-exports-'));
  const all = crmExportFixtures();
  for (const name of names) writeFileSync(path.join(dir, name), all[name]!);
  return dir;
}

describe('HubSpot calls linked to deals by title', () => {
  it('a title with a comma in it is one deal; a cell naming two deals (;) links to the first', () => {
    const dir = folder('hubspot-deals-title-with-comma.csv', 'hubspot-calls-associated-deal-titles.csv');
    const run = runCli(['kpi', '-d', 'hubspot-deals-title-with-comma.csv', '-a', 'hubspot-calls-associated-deal-titles.csv', '--format', 'json', '--lang', 'en'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const total = JSON.parse(run.stdout).total;
    // 9001 (won): the call at 15:00 is its touch and its response (55 min); 9002: the call at 11:00 (60 min).
    expect(total.touches_per_won).toBe(1);
    expect(total.no_response).toBe(0);
    expect(total.response_min_median).toBe(57.5);
  });
});

describe('activities that link to no deal', () => {
  it('are said loudly: touches and responses would read as if nobody worked the deals', () => {
    const dir = folder('salesforce-report-details-csv-footers.csv', 'salesforce-activities-related-to-opportunity-names.csv');
    const run = runCli(['kpi', '-d', 'salesforce-report-details-csv-footers.csv', '-a', 'salesforce-activities-related-to-opportunity-names.csv', '--format', 'json', '--lang', 'en'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.total.touches_per_won).toBe(0);
    expect(result.dataQuality.alerts).toContainEqual({ code: 'activities-unlinked', calls: 3, won: 1 });
    expect(run.stderr).toContain('Warning: None of the 3 calls links to a deal, and no won deal (1) has an activity');
    const ru = runCli(['kpi', '-d', 'salesforce-report-details-csv-footers.csv', '-a', 'salesforce-activities-related-to-opportunity-names.csv', '--lang', 'ru'], { cwd: dir });
    expect(ru.stderr).toContain('Внимание: Ни один из 3 звонков не связан со сделкой, и ни у одной из 1 выигранной сделки нет действий');
  });

  it('are not warned about when they link (by the opportunity id)', () => {
    const dir = folder('salesforce-report-details-csv-footers.csv', 'salesforce-activities-call-duration-seconds.csv');
    const run = runCli(['kpi', '-d', 'salesforce-report-details-csv-footers.csv', '-a', 'salesforce-activities-call-duration-seconds.csv', '--format', 'json', '--lang', 'en'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.total.touches_per_won).toBe(2);
    expect(result.dataQuality.alerts).toEqual([]);
  });
});
