import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from './cli.js';

/** The four report kinds on the bundled samples, as a consultant would run them. */
export const HTML_RUNS: Record<'audit' | 'kpi' | 'compare' | 'report', string[]> = {
  audit: ['audit', '--answers', 'samples/answers/leader.yaml', '--managers', '6', '--company', 'ООО «Ромашка»'],
  kpi: ['kpi', '-d', 'samples/amocrm-deals.csv', '-a', 'samples/bitrix24-calls.xls', '-p', 'samples/payments.csv'],
  compare: ['compare', '-d', 'samples/amocrm-deals.csv', '-a', 'samples/bitrix24-calls.xls', '--cutover', '2025-01-01', '--targets', 'samples/targets.yaml', '--cost', '1500000', '--monthly-cost', '60000', '--margin', '0.35'],
  report: [
    'report', '--answers', 'samples/answers/leader.yaml', '--managers', '6', '--company', 'ООО «Ромашка»',
    '-d', 'samples/amocrm-deals.csv', '-a', 'samples/bitrix24-calls.xls', '-p', 'samples/payments.csv',
    '--cutover', '2025-01-01', '--targets', 'samples/targets.yaml', '--cost', '1500000', '--monthly-cost', '60000', '--margin', '0.35',
  ],
};

/** Runs one kind with --format html into a fresh temp folder; returns the file and its text. */
export function renderSampleHtml(kind: keyof typeof HTML_RUNS, extra: string[] = []): { file: string; html: string } {
  const dir = mkdtempSync(path.join(tmpdir(), `crm-audit-html-${kind}-`));
  const file = path.join(dir, `${kind}.html`);
  // In Russian, as the consultant's client reads it (the tests' locale is English).
  const run = runCli([...HTML_RUNS[kind], '--now', '2026-01-15T10:00:00Z', ...(extra.includes('--lang') ? [] : ['--lang', 'ru']), ...extra, '-o', file]);
  if (run.code !== 0) throw new Error(`crm-audit ${kind} exited ${run.code}: ${run.stderr}`);
  return { file, html: readFileSync(file, 'utf8') };
}
