// Real exports from public repositories, read in place from ../shared/real-exports (never copied),
// without a --map: each file's per-manager leads, won, lost, open and revenue must equal what a person
// who knows that CRM reads in it (../shared/real-exports/README.md). The expected numbers are computed
// here, independently of the product: csv-parse or exceljs reads the file, and a few lines apply that
// CRM's rule. Files with renamed closed stages must stop naming exactly those stages with a --map
// snippet; the run with the snippet's map (its classification taken as the person's) gives the counts.
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const DIR = path.resolve('../shared/real-exports');
const file = (name: string) => path.join(DIR, name);
const here = existsSync(DIR);
const title = here ? 'real exports, read without a --map' : `real exports, read without a --map (skipped: ${DIR} is not there; it comes with this project's shared folder)`;

type Row = Record<string, string>;
interface Tally { leads: number; won: number; lost: number; open: number; revenue: number }
type Outcome = 'won' | 'lost' | 'open';

/** Per-manager counts and revenue of rows by an outcome rule (the person's reading of that CRM). */
function tally(rows: Row[], manager: (r: Row) => string, outcome: (r: Row) => Outcome, amount: (r: Row) => number): Map<string, Tally> {
  const out = new Map<string, Tally>();
  for (const r of rows) {
    const m = manager(r).replace(/\s+/g, ' ').trim();
    let t = out.get(m);
    if (!t) out.set(m, (t = { leads: 0, won: 0, lost: 0, open: 0, revenue: 0 }));
    const o = outcome(r);
    t.leads++;
    t[o]++;
    // Full precision (spec): a Data Loader extract's amounts have four decimals; summed in ten-thousandths, exactly.
    if (o === 'won') t.revenue += Math.round(amount(r) * 10_000);
  }
  for (const t of out.values()) t.revenue /= 10_000;
  return out;
}

/** The product's per-manager counts from `kpi --format json`. */
function kpi(name: string, extra: string[] = []): { managers: Map<string, Tally & { revenue: number | null }>; stderr: string; code: number | null } {
  const run = runCli(['kpi', '-d', file(name), '--format', 'json', ...extra]);
  if (run.code !== 0) return { managers: new Map(), stderr: run.stderr, code: run.code };
  const json = JSON.parse(run.stdout) as { managers: Array<Tally & { manager: string }> };
  return { managers: new Map(json.managers.map((m) => [m.manager, { leads: m.leads, won: m.won, lost: m.lost, open: m.open, revenue: m.revenue }])), stderr: run.stderr, code: run.code };
}

function csvRows(name: string, delimiter = ','): Row[] {
  return parse(readFileSync(file(name)), { columns: true, bom: true, delimiter, relax_quotes: true }) as Row[];
}

/** The status entries of the --map snippet a refused run proposes. */
function snippetOf(stderr: string): Record<string, Outcome> {
  const block = /\ndeals:\n {2}status:\n((?: {4}.+\n?)+)/.exec(stderr);
  expect(block, stderr).not.toBeNull();
  return Object.fromEntries(block![1]!.trim().split('\n').map((l) => {
    const m = /^\s*("(?:[^"\\]|\\.)*"): (won|lost|open)/.exec(l)!;
    return [JSON.parse(m[1]!) as string, m[2] as Outcome];
  }));
}

/** Runs kpi on a file that must stop (exit 2) naming undecided stages; returns the snippet's classification. */
function refusedStages(name: string): Record<string, Outcome> {
  const refused = kpi(name);
  expect(refused.code).toBe(2);
  return snippetOf(refused.stderr);
}

/** A --map file that gives these stages these statuses. */
function mapOf(classified: Record<string, Outcome>): string {
  const map = path.join(mkdtempSync(path.join(tmpdir(), 'real-')), 'map.yaml');
  writeFileSync(map, `deals:\n  status:\n${Object.entries(classified).map(([k, v]) => `    ${JSON.stringify(k)}: ${v}`).join('\n')}\n`);
  return map;
}

/** Reads a file with kpi (exit 0) and compares it with the expected counts. */
function expectReads(name: string, expected: Map<string, Tally>, revenue: 'number' | 'null', extra: string[] = []): void {
  const { managers, code, stderr } = kpi(name, extra);
  expect(code, stderr).toBe(0);
  expectSame(managers, expected, revenue);
}

function expectSame(actual: Map<string, Tally & { revenue: number | null }>, expected: Map<string, Tally>, revenue: 'number' | 'null'): void {
  expect([...actual.keys()].sort()).toEqual([...expected.keys()].sort());
  for (const [m, e] of expected) {
    const a = actual.get(m)!;
    expect({ leads: a.leads, won: a.won, lost: a.lost, open: a.open }, m).toEqual({ leads: e.leads, won: e.won, lost: e.lost, open: e.open });
    if (revenue === 'null') expect(a.revenue, m).toBeNull();
    else expect(a.revenue, m).toBeCloseTo(e.revenue, 2);
  }
}

describe.runIf(here)(title, () => {
  it('HubSpot: Is Deal Closed? with Deal probability decides; a closed deal with 1.0 is won, with 0.0 lost; the rest are open', () => {
    const rows = csvRows('hubspot_deals_all_columns.csv');
    const outcome = (r: Row): Outcome => (r['Is Deal Closed?'] !== 'true' ? 'open' : Number(r['Deal probability']) === 1 ? 'won' : 'lost');
    // An owner who left is written «name (Deactivated User)»: the same person, reported by the name.
    const expected = tally(rows, (r) => r['Deal owner']!.replace(/ \(Deactivated User\)$/, ''), outcome, (r) => Number(r.Amount || 0));
    expectReads('hubspot_deals_all_columns.csv', expected, 'number');
  });

  it('Kommo (Portuguese): Venda ganha is won, every Venda perdida… is lost, every other stage open', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(file('kommo_leads_pt.xlsx'));
    const sheet = wb.worksheets[0]!;
    const header = Array.from(sheet.getRow(1).values as unknown[], (v) => String(v ?? ''));
    const rows: Row[] = [];
    sheet.eachRow((row, n) => {
      if (n === 1) return;
      const values = Array.from(row.values as unknown[]);
      rows.push(Object.fromEntries(header.map((h, i) => [h, values[i] === undefined || values[i] === null ? '' : String(values[i])])));
    });
    const outcome = (r: Row): Outcome => (r['Etapa do lead'] === 'Venda ganha' ? 'won' : r['Etapa do lead']!.startsWith('Venda perdida') ? 'lost' : 'open');
    const expected = tally(rows, (r) => r['Lead usuário responsável']!, outcome, (r) => Number(r.Venda || 0));
    expectReads('kommo_leads_pt.xlsx', expected, 'number');
  });

  it('Salesforce report: Closed Won / Closed Lost; no Amount column, so revenue is not applicable', () => {
    const rows = csvRows('salesforce_opportunity_report.csv', ';');
    const outcome = (r: Row): Outcome => (r.Stage === 'Closed Won' ? 'won' : r.Stage === 'Closed Lost' ? 'lost' : 'open');
    const expected = tally(rows, (r) => r['Opportunity Owner']!, outcome, () => 0);
    expectReads('salesforce_opportunity_report.csv', expected, 'null');
  });

  it('Bitrix24 REST: CLOSED=Y with WON / LOSE / APOLOGY ids decides; its renamed closed stages stop the run, named exactly, and the proposed map reads it', () => {
    const name = 'bitrix24_deals_rest.csv';
    const classified = refusedStages(name);
    const rows = csvRows(name);
    const system = (stage: string): Outcome | undefined => {
      const id = stage.replace(/^C\d+:/, '');
      if (id === 'WON' || stage === 'Сделка успешна') return 'won';
      if (id === 'LOSE' || id === 'APOLOGY' || stage === 'Сделка провалена' || stage === 'Анализ причины провала') return 'lost';
      return undefined;
    };
    // Exactly the closed stages that no system id or default name decides.
    const renamed = [...new Set(rows.filter((r) => r.CLOSED === 'Y' && system(r.STAGE_ID!) === undefined).map((r) => r.STAGE_ID!))].sort();
    expect(Object.keys(classified).sort()).toEqual(renamed);
    const outcome = (r: Row): Outcome => (r.CLOSED !== 'Y' ? 'open' : (system(r.STAGE_ID!) ?? classified[r.STAGE_ID!]!));
    const expected = tally(rows, (r) => r.ASSIGNED_BY_ID!, outcome, (r) => Number(r.OPPORTUNITY || 0));
    const map = mapOf(classified);
    expectReads(name, expected, 'number', ['--map', map]);
  });
  it('amoCRM: its two system stages decide, every other stage is open; the row without an ID is not a deal', () => {
    // Headers repeat in amoCRM exports: read by position, the first of each name.
    const [head, ...body] = parse(readFileSync(file('amocrm_leads_test.csv')), { bom: true, relax_column_count: true }) as string[][];
    const at = (name: string) => head!.findIndex((h) => h.trim() === name);
    const rows: Row[] = body.filter((r) => (r[at('ID')] ?? '').trim() !== '').map((r) => ({ manager: r[at('Ответственный')]!, stage: r[at('Этап сделки')]!, amount: r[at('Бюджет')]! }));
    const outcome = (r: Row): Outcome => (r.stage === 'Успешно реализовано' ? 'won' : r.stage === 'Закрыто и не реализовано' ? 'lost' : 'open');
    const expected = tally(rows, (r) => r.manager!, outcome, (r) => Number(r.amount || 0));
    expectReads('amocrm_leads_test.csv', expected, 'number');
    // The rows without an ID are dropped and counted, as the spec's trailing rows are: not unreadable rows.
    const withoutId = body.filter((r) => r.some((v) => v.trim() !== '') && (r[at('ID')] ?? '').trim() === '').length;
    expect(withoutId).toBeGreaterThan(0);
    const run = runCli(['kpi', '-d', file('amocrm_leads_test.csv'), '--format', 'json']);
    const quality = (JSON.parse(run.stdout) as { dataQuality: { rowsSkippedCount: number; files: Array<{ dropped: Record<string, number> }>; alerts: unknown[] } }).dataQuality;
    expect(quality.rowsSkippedCount).toBe(0);
    expect(quality.files[0]!.dropped['row without a deal id']).toBe(withoutId);
    // Its one won lead has a budget of 0, as amoCRM writes one never filled in: said (won-zero-amount), and nothing else.
    expect(rows.filter((r) => outcome(r) === 'won').map((r) => r.amount!.trim())).toEqual(['0']);
    expect(quality.alerts).toEqual([{ code: 'won-zero-amount', amounts: 1, zero: 1, revenue: 0, others: null }]);
    expect(run.stderr).toMatch(/^Warning: The only won deal with an amount has an amount of 0: revenue is 0 and the average check 0[^\n]*\n$/);
  });

  it('Zoho Potentials: Closed Won / Closed Lost, amounts like $22,700.00, dates like 15 Apr, 2021 00:02:00', () => {
    const rows = csvRows('zoho_potentials.csv');
    const outcome = (r: Row): Outcome => (r.Stage === 'Closed Won' ? 'won' : r.Stage!.startsWith('Closed') ? 'lost' : 'open');
    const expected = tally(rows, (r) => r['Potential Owner']!, outcome, (r) => Number((r.Amount ?? '').replace(/[$,]/g, '') || 0));
    expectReads('zoho_potentials.csv', expected, 'number');
  });

  it('Salesforce Data Loader extract: IsWon / IsClosed decide; Latin-1 text with NUL bytes inside fields', () => {
    // Latin-1 by the README; the NULs the extract carries inside rich-text fields are dropped first.
    const text = Buffer.from(readFileSync(file('salesforce_opportunity_dataloader.csv')).filter((b) => b !== 0)).toString('latin1');
    const rows = parse(text, { columns: true }) as Row[];
    const outcome = (r: Row): Outcome => (r.IsWon === '1' ? 'won' : r.IsClosed === '1' ? 'lost' : 'open');
    const expected = tally(rows, (r) => r.OwnerId!, outcome, (r) => Number(r.Amount || 0));
    expectReads('salesforce_opportunity_dataloader.csv', expected, 'number');
    // The lost deals' reasons: the org's two custom reason fields, the first filled one (Loss_Reason__c is empty throughout).
    const reasons: Record<string, number> = {};
    for (const r of rows.filter((x) => outcome(x) === 'lost')) {
      const reason = [r.Loss_Reason__c, r.LossReason__c].map((v) => (v ?? '').trim()).find((v) => v !== '') ?? 'unspecified';
      reasons[reason] = (reasons[reason] ?? 0) + 1;
    }
    expect(Object.keys(reasons).length).toBeGreaterThan(2);
    const run = runCli(['kpi', '-d', file('salesforce_opportunity_dataloader.csv'), '--format', 'json']);
    const result = JSON.parse(run.stdout) as { total: { loss_reasons: Record<string, number> }; dataQuality: { alerts: Array<{ code: string; deals?: number }> } };
    expect(result.total.loss_reasons).toEqual(reasons);
    // CloseDate is a Date field Data Loader writes as «2023-02-10 00:00:00»: a close on the day of creation
    // is no close before it (a tester: 65 deals said closed before created, 57 of them closed that day).
    const before = rows.filter((r) => outcome(r) !== 'open' && r.CloseDate!.slice(0, 10) < r.CreatedDate!.slice(0, 10)).length;
    expect(before).toBeGreaterThan(0);
    expect(result.dataQuality.alerts.find((a) => a.code === 'closed-before-created')?.deals).toBe(before);
  });

  it('Zoho deals of a school (XLSX): its own success stage stops the run, named alone, and the proposed map reads it', () => {
    const name = 'zoho_deals_school.xlsx';
    const classified = refusedStages(name);
    expect(Object.keys(classified)).toHaveLength(1);
    const map = mapOf(classified);
    const { managers, code, stderr } = kpi(name, ['--map', map]);
    expect(code, stderr).toBe(0);
    const won = [...managers.values()].reduce((n, m) => n + m.won, 0);
    expect(won).toBeGreaterThan(0);
  });
});
