import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
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

  // A tester: the terminal, Markdown and workbook say which questions were skipped; the HTML gave section scores alone,
  // so a client could not tell a «no» from a «don't know».
  it('an audit with a skipped question says it, and what each section lacks', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-html-skip-'));
    const answers = ['questionnaire: crm-maturity', 'answers:', '  lead.concept: yes', '  journal.interactions: no', '  reporting.management: yes', '  reporting.staff: yes', '  erp.catalog: skip', '  erp.payments: yes', '  telephony.integrated: no'];
    writeFileSync(path.join(dir, 'a.yaml'), answers.join('\n') + '\n');
    const run = runCli(['audit', '--answers', 'a.yaml', '--format', 'html', '--lang', 'ru', '--now', '2026-01-15T10:00:00Z'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/<p class="unanswered"><b>Без ответа:<\/b> Каталог, цены и остатки из учётной системы<\/p>/);
    expect(run.stdout).toContain('<th>Не хватает</th>');
    expect(run.stdout).toMatch(/<td>Журналирование<\/td><td class="num">0 \/ 1<\/td><td>[^<]+<\/td>/);
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
