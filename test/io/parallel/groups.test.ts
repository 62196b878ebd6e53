// Groupings (`kpi --by`) with files read in two halves: the worker's group tallies, its missed
// calls and their links are merged by the main thread, and must give what one pass gives.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../../helpers/cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-split-groups-'));
const SPLIT = { CRM_AUDIT_SPLIT_BYTES: '1', CRM_AUDIT_SPLIT_TRACE: '1' };
const WHOLE = { CRM_AUDIT_SPLIT_BYTES: '0' };
const BY = ['--by', 'source,month', '--by', 'pipeline', '--by', 'manager', '--by', 'stage'];

beforeAll(() => {
  const gen = runCli(['generate', '--deals', '3000', '--activities', '20000', '--seed', '5', '-o', dir]);
  expect(gen.code, gen.stderr).toBe(0);
  // The same activities without deal ids: linked by client and time, in both halves.
  const rows = readFileSync(path.join(dir, 'activities.csv'), 'utf8').trimEnd().split('\n');
  const header = rows[0]!.split(',');
  const deal = header.indexOf('deal_id');
  writeFileSync(path.join(dir, 'activities-by-client.csv'), rows.map((r, i) => (i === 0 ? r : r.split(',').map((c, k) => (k === deal ? '' : c)).join(','))).join('\n') + '\n');
  writeFileSync(path.join(dir, 'spend.csv'), 'month;source;amount\n2024-09;Реклама;100000\n2024-10;Сайт;50000\n2025-01;Радио;7000\n');
});

function both(args: string[]): { split: string; whole: string; trace: string } {
  const split = runCli(args, { cwd: dir, env: SPLIT });
  const whole = runCli(args, { cwd: dir, env: WHOLE });
  expect(split.code, split.stderr).toBe(0);
  expect(whole.code, whole.stderr).toBe(0);
  return { split: split.stdout, whole: whole.stdout, trace: split.stderr };
}

describe('groupings read in two halves give what one pass gives', () => {
  it('activities linked by deal id, deals split too, with spend', () => {
    const r = both(['kpi', '-d', 'deals.csv', '-a', 'activities.csv', '-p', 'payments.csv', '--spend', 'spend.csv', ...BY, '--format', 'json']);
    expect(r.trace).toMatch(/read in two halves: deals\.csv\nread in two halves: activities\.csv/);
    expect(r.split).toBe(r.whole);
    const result = JSON.parse(r.split);
    expect(result.groupBy).toEqual([['source', 'month'], ['pipeline'], ['manager'], ['stage']]);
    const bySource = result.groups.filter((g: { by: object }) => 'source' in g.by);
    expect(bySource.reduce((n: number, g: { metrics: { calls_out: number } }) => n + g.metrics.calls_out, 0)).toBe(result.total.calls_out);
    expect(result.total.calls_out).toBeGreaterThan(0);
  });

  it('activities linked by client and time window', () => {
    const r = both(['kpi', '-d', 'deals.csv', '-a', 'activities-by-client.csv', ...BY, '--format', 'json']);
    expect(r.trace).toMatch(/read in two halves: .*activities-by-client\.csv/);
    expect(r.split).toBe(r.whole);
    const result = JSON.parse(r.split);
    const byPipeline = result.groups.filter((g: { by: object }) => 'pipeline' in g.by);
    // Linked by client, most calls find a deal and so a pipeline.
    const linked = byPipeline.filter((g: { by: { pipeline: string | null } }) => g.by.pipeline !== null);
    expect(linked.reduce((n: number, g: { metrics: { calls_out: number } }) => n + g.metrics.calls_out, 0)).toBeGreaterThan(0);
    expect(byPipeline.reduce((n: number, g: { metrics: { callback_rate: number | null; calls_missed: number } }) => n + g.metrics.calls_missed, 0)).toBe(result.total.calls_missed);
  });
});
