import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../helpers/cli.js';

const FORBID = fileURLToPath(new URL('../helpers/forbid-chart-libs.mjs', import.meta.url));
const FORBID_LIBS = fileURLToPath(new URL('../helpers/forbid-libs.mjs', import.meta.url));

/** Runs the binary with the chart libraries made unloadable. */
function runWithoutCharts(args: string[]) {
  const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1' };
  delete env.SOURCE_DATE_EPOCH;
  const res = spawnSync(process.execPath, ['--import', FORBID, BIN, ...args], { cwd: ROOT, env, encoding: 'utf8', timeout: 60_000 });
  return { code: res.status, stdout: res.stdout, stderr: res.stderr };
}

describe('the chart libraries load only when a chart is drawn', () => {
  it('--help, a JSON run and an XLSX audit never load them', () => {
    expect(runWithoutCharts(['--help']).code).toBe(0);
    expect(runWithoutCharts(['kpi', '--help']).code).toBe(0);
    const json = runWithoutCharts(['kpi', '-d', 'samples/amocrm-deals.csv', '--format', 'json']);
    expect(json.code, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout).total.leads).toBeGreaterThan(0);
    expect(runWithoutCharts(['audit', '--answers', 'samples/answers/leader.yaml', '--format', 'md']).code).toBe(0);
  });

  it('an HTML run does load them (so the check above means something)', () => {
    const html = runWithoutCharts(['kpi', '-d', 'samples/amocrm-deals.csv', '--format', 'html']);
    // An internal error exits 70, not the 2 of a user's mistake (tester T60): CI tells a bug from bad input.
    expect(html.code).toBe(70);
    expect(html.stderr).toMatch(/internal error|chart library loaded/);
  });
});

describe('a kpi run to JSON loads no library it does not use', () => {
  // Each took 10-40 ms to load; together a third of a small run's time.
  const unused = ['zod', 'yaml', '@inquirer/prompts', 'cli-table3', 'chalk'];
  const run = (args: string[]) => {
    const env: Record<string, string | undefined> = { ...process.env, NO_COLOR: '1', FORBID_LIBS: unused.join(',') };
    delete env.SOURCE_DATE_EPOCH;
    return spawnSync(process.execPath, ['--import', FORBID_LIBS, BIN, ...args], { cwd: ROOT, env, encoding: 'utf8', timeout: 60_000 });
  };

  it('without a --map file, zod, yaml, the prompts and the table renderer stay unloaded', () => {
    const json = run(['kpi', '-d', 'samples/amocrm-deals.csv', '-a', 'samples/bitrix24-calls.xls', '-p', 'samples/payments.csv', '--format', 'json']);
    expect(json.status, json.stderr).toBe(0);
    expect(JSON.parse(json.stdout).total.leads).toBeGreaterThan(0);
  });

  it('a table run loads the table renderer (so the check above means something)', () => {
    const table = run(['kpi', '-d', 'samples/amocrm-deals.csv']);
    expect(table.status).not.toBe(0);
    expect(table.stderr).toMatch(/library loaded: (cli-table3|chalk)/);
  });
});
