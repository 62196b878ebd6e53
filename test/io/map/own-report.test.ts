import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { headRowsOf } from '../../../src/io/map/inspect.js';
import { ownReportOf } from '../../../src/io/map/own-report.js';
import { ROOT, runCli } from '../../helpers/cli.js';

// crm-audit's own CSV/XLSX reports, as the product writes them (the real binary), are told from their
// first rows; kpi's, read as a sales plan, was sent to --plan. Exports, plans and spend tables are not.
const dir = mkdtempSync(path.join(tmpdir(), 'own-report-'));
const first = async (file: string) => ownReportOf(await headRowsOf(file, { cwd: ROOT, stdin: process.stdin }));
const D = 'samples/amocrm-deals.csv';
const BEFORE = ['--before-deals', 'samples/before-after/before-deals.csv', '--after-deals', 'samples/before-after/after-deals.csv'];

const OUTPUTS: Array<[string, string[], 'kpi' | 'compare' | 'report' | 'audit']> = [];
for (const lang of ['ru', 'en']) {
  for (const ext of ['csv', 'xlsx']) {
    OUTPUTS.push([`kpi-${lang}.${ext}`, ['kpi', '-d', D, '-a', 'samples/bitrix24-calls.xls', '--payments', 'samples/payments.csv'], 'kpi']);
    OUTPUTS.push([`kpi-spend-${lang}.${ext}`, ['kpi', '-d', D, '--spend', 'samples/spend.csv', '--by', 'source'], 'kpi']);
    OUTPUTS.push([`compare-${lang}.${ext}`, ['compare', ...BEFORE], 'compare']);
    OUTPUTS.push([`compare-cutover-${lang}.${ext}`, ['compare', '-d', D, '--cutover', '2024-10-01', '--cost', '100000'], 'compare']);
  }
  OUTPUTS.push([`report-${lang}.xlsx`, ['report', '-d', D], 'report']);
  OUTPUTS.push([`audit-${lang}.xlsx`, ['audit', '--answers', 'samples/answers/leader.yaml'], 'audit']);
  OUTPUTS.push([`audit-evidence-${lang}.xlsx`, ['audit', '--answers', 'samples/answers/not-started.yaml', '-d', D], 'audit']);
}

describe("crm-audit's own reports", () => {
  beforeAll(() => {
    for (const [name, args] of OUTPUTS) {
      const lang = name.includes('-ru') ? 'ru' : 'en';
      const run = runCli([...args, '--lang', lang, '--now', '2025-06-01', '-o', path.join(dir, name)]);
      expect(run.code, `${name}: ${run.stderr}`).toBe(0);
    }
  }, 120_000);

  it.each(OUTPUTS.map(([name, , command]) => [name, command]))('%s is the report of crm-audit %s', async (name, command) => {
    expect(await first(path.join(dir, name))).toBe(command);
  });

  it('exports, a plan and a spend table are none', async () => {
    for (const file of [D, 'samples/payments.csv', 'samples/plan.csv', 'samples/spend.csv', 'samples/bitrix24-calls.xls', 'samples/before-after/after-deals.csv']) {
      expect(await first(file), file).toBeUndefined();
    }
  });

  it('a plan or a table made by hand that names some of the same columns is none', () => {
    expect(ownReportOf([{ cells: ['Менеджер', 'Месяц', 'Лиды', 'Выиграно', 'Выручка'] }])).toBeUndefined();
    expect(ownReportOf([{ cells: ['Менеджер', 'Лиды', 'Выиграно', 'Проиграно', 'Выручка', 'Средний чек'] }])).toBeUndefined();
    // A title alone, over a table of its own, could be anyone's.
    expect(ownReportOf([{ cells: ['Показатели продаж по менеджерам'] }, { cells: ['Менеджер', 'Звонков', 'Сделок'] }])).toBeUndefined();
    // A kpi workbook's title over its total row is one, whatever its header.
    expect(ownReportOf([{ cells: ['Показатели продаж по менеджерам', ''] }, { cells: ['Менеджер', 'Лиды'] }, { cells: ['Отдел', '8'] }])).toBe('kpi');
  });
});

describe("crm-audit's own HTML report", () => {
  // Its tables (the headline, the funnel) were read as a deals export missing its manager column.
  it.each([
    ['ru', ['kpi', '-d', D, '-a', 'samples/bitrix24-calls.xls']],
    ['en', ['report', '-d', D]],
  ])('is refused by name as an input, under every option and command (%s)', (lang, args) => {
    const html = path.join(dir, `own-${lang}.html`);
    expect(runCli([...args, '--format', 'html', '--lang', lang, '--now', '2025-06-01', '-o', html]).code).toBe(0);
    const said = lang === 'ru' ? 'это HTML-отчёт самого crm-audit, а не выгрузка из CRM' : 'this is an HTML report crm-audit wrote, not an export of a CRM';
    for (const run of [['kpi', '-d', html], ['kpi', '-d', D, '-a', html], ['inspect', html], ['compare', '-d', html, '--cutover', '2024-10-01']]) {
      const res = runCli([...run, '--lang', lang]);
      expect(res.code, run.join(' ')).toBe(2);
      expect(res.stderr, run.join(' ')).toContain(said);
      expect(res.stderr).not.toMatch(/at .*\.js:\d+/);
    }
  }, 60_000);
});
