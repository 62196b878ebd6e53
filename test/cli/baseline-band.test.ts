import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

// A re-audit shows the earlier audit's band beside the new one in every report that shows bands:
// «Было (01.01.2025): Внедрение не началось (2 / 10)» under «Уровень: Лидер (7 / 10)».
const S = (f: string) => path.join(ROOT, 'samples', f);
const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-baseline-band-'));
const at = (f: string) => path.join(dir, f);
const NOW = ['--now', '2025-07-01T00:00:00Z'];

async function rowsOf(file: string, sheet: string): Promise<unknown[][]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  const ws = wb.getWorksheet(sheet)!;
  const rows: unknown[][] = [];
  ws.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
  return rows;
}

describe('audit --baseline: the earlier band', () => {
  const audit = (...args: string[]) => runCli(['audit', '--answers', S('answers/leader.yaml'), ...(args.includes('--baseline') ? [] : ['--baseline', at('before.json')]), ...NOW, ...args]);
  beforeAll(() => {
    expect(runCli(['audit', '--answers', S('answers/not-started.yaml'), '--format', 'json', '-o', at('before.json'), '--now', '2025-01-01T00:00:00Z']).code).toBe(0);
  });

  it('terminal and Markdown, in Russian and English', () => {
    const ru = audit('--lang', 'ru');
    expect(ru.code, ru.stderr).toBe(0);
    expect(ru.stdout).toContain('Уровень: Лидер (7 / 10)\nБыло (01.01.2025): Внедрение не началось (2 / 10)\n');
    const en = audit('--lang', 'en', '--format', 'md');
    expect(en.stdout).toContain('\n\nBefore (2025-01-01): Implementation has not started (2 / 10).\n');
  });

  it('JSON names the band in the run\'s language beside its id', () => {
    const json = JSON.parse(audit('--lang', 'en', '--format', 'json').stdout);
    expect(json.baseline).toMatchObject({ total: 2, change: 5, band: 'not-started', bandTitle: 'Implementation has not started' });
  });

  it('the workbook\'s Audit sheet has a row under the band', async () => {
    expect(audit('--lang', 'ru', '-o', at('audit.xlsx')).code).toBe(0);
    const rows = await rowsOf(at('audit.xlsx'), 'Аудит');
    const band = rows.findIndex((r) => r[0] === 'Уровень');
    // Each band with its score, as the terminal's «Уровень: Лидер (7 / 10)» and «Было (01.01.2025): … (2 / 10)».
    expect(rows[band]).toEqual(['Уровень', 'Лидер', '7 / 10']);
    expect(rows[band + 1]).toEqual(['Было (01.01.2025)', 'Внедрение не началось', '2 / 10']);
  });

  it('takes the audit of a report --format json result as the baseline too', () => {
    const report = at('report-before.json');
    expect(runCli(['report', '--answers', S('answers/ahead-of-most.yaml'), '--format', 'json', '-o', report, '--now', '2025-03-01T00:00:00Z']).code).toBe(0);
    const run = audit('--lang', 'ru', '--baseline', report);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/Было \(01\.03\.2025\): Впереди большинства \(\d+ \/ 10\)\n/);
    const noAudit = at('report-kpi.json');
    expect(runCli(['report', '-d', S('amocrm-deals.csv'), '--format', 'json', '-o', noAudit, ...NOW]).code).toBe(0);
    const refused = audit('--lang', 'en', '--baseline', noAudit);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('this is not an audit result');
  });

  it('the HTML cover', () => {
    expect(audit('--lang', 'ru', '-o', at('audit.html')).code).toBe(0);
    expect(readFileSync(at('audit.html'), 'utf8')).toContain('<p class="note">Было (01.01.2025): Внедрение не началось (2 / 10)</p>');
  });
});

describe('report --baseline: the last run\'s band', () => {
  const report = (...args: string[]) => runCli(['report', '--answers', S('answers/leader.yaml'), '-d', S('amocrm-deals.csv'), '--baseline', at('previous.json'), ...NOW, ...args]);
  beforeAll(() => {
    // The last run was in English: its band is named again in this run's language.
    const previous = runCli(['report', '--answers', S('answers/not-started.yaml'), '-d', S('amocrm-deals.csv'), '--lang', 'en', '--format', 'json', '-o', at('previous.json'), '--now', '2025-01-01T00:00:00Z']);
    expect(previous.code, previous.stderr).toBe(0);
  });

  it('Markdown in Russian and English', () => {
    const ru = report('--lang', 'ru', '--format', 'md');
    expect(ru.code, ru.stderr).toBe(0);
    expect(ru.stdout).toMatch(/\*\*7 \/ 10\*\* — Лидер\. [^\n]+\n\nБыло \(01\.01\.2025\): 2 \/ 10 — Внедрение не началось; изменение: \+5\.\n/);
    expect(report('--lang', 'en', '--format', 'md').stdout).toContain('\n\nBefore (2025-01-01): 2 / 10 — Implementation has not started; change: +5.\n');
  });

  it('JSON keeps the change in delta.audit.total and the last run under delta.audit.before; only the change is asserted on', () => {
    const run = report('--lang', 'ru', '--format', 'json', '--assert', 'delta.audit.total>=5');
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).delta.audit).toEqual({ total: 5, before: { total: 2, max: 10, band: 'not-started', bandTitle: 'Внедрение не началось' } });
    const path = report('--lang', 'en', '--format', 'json', '--assert', 'delta.audit.before.total>=0');
    expect(path.code).toBe(2);
  });

  it('the workbook\'s Summary and the HTML cover', async () => {
    expect(report('--lang', 'ru', '-o', at('report.xlsx')).code).toBe(0);
    const rows = await rowsOf(at('report.xlsx'), 'Сводка');
    const band = rows.findIndex((r) => r[0] === 'Уровень');
    expect(rows[band + 1]).toEqual(['Было (01.01.2025)', '2 / 10', 'Внедрение не началось']);
    // A number, signed by its format (T42 F3: it was the text '+5').
    expect(rows[band + 2]).toEqual(['Изменение', 5]);
    expect(report('--lang', 'en', '-o', at('report.html')).code).toBe(0);
    expect(readFileSync(at('report.html'), 'utf8')).toContain('<p class="note">Before (2025-01-01): 2 / 10 — Implementation has not started; change: +5</p>');
  });
});
