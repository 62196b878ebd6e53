import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { htmlStructure } from '../helpers/html-structure.js';

describe('--format html on the command line', () => {
  it('-o report.html picks HTML by its extension, .htm too, and the run language', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'html-cli-'));
    for (const name of ['kpi.html', 'kpi.htm']) {
      const out = path.join(dir, name);
      const run = runCli(['kpi', '-d', 'samples/amocrm-deals.csv', '--lang', 'en', '--now', '2026-01-15T10:00:00Z', '-o', out]);
      expect(run.code, run.stderr).toBe(0);
      const s = htmlStructure(readFileSync(out, 'utf8'));
      expect(s.lang).toBe('en');
      expect(s.sections).toContain('funnel');
      // Without activities there is no response, touches or calls chart.
      expect(s.charts.map((c) => c.id)).toEqual(['funnel', 'managers-conversion', 'loss-reasons']);
    }
  });

  it('prints HTML on stdout with --format html', () => {
    const run = runCli(['audit', '--answers', 'samples/answers/not-started.yaml', '--format', 'html', '--now', '2026-01-15T10:00:00Z']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^<!DOCTYPE html>/);
    expect(htmlStructure(run.stdout).sections).toEqual(['cover', 'audit', 'recommendations']);
  });

  it('refuses several audits in one document', () => {
    const run = runCli(['audit', '--answers', 'samples/answers/leader.yaml', 'samples/answers/not-started.yaml', '--format', 'html']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/one document holds one audit/);
  });

  it('compare --format html has before/after and, with a cost, the payback curve', () => {
    const args = ['compare', '--before-deals', 'samples/before-after/before-deals.csv', '--after-deals', 'samples/before-after/after-deals.csv', '--format', 'html'];
    const without = htmlStructure(runCli(args).stdout);
    expect(without.sections).toContain('before-after');
    expect(without.sections).not.toContain('payback');
    const withCost = htmlStructure(runCli([...args, '--cost', '900000']).stdout);
    expect(withCost.charts.map((c) => c.id)).toEqual(['before-after', 'payback']);
  });
});
