// A payments export with invoices only (no paid column), or payments only (no invoiced column). Read
// as 0, the missing column "proved" that no deal was paid: paid 0 and a paid share of 0% in kpi, and
// erp.payments contradicted in the audit («по 100% выигранных сделок нет ни одной оплаты»).
// spec/metrics.md: a metric whose input columns are absent is not applicable, and the report says
// which column would enable it; spec/evidence.md: a fact is null then, and its criterion no-data.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-payments-columns-'));
const write = (name: string, lines: string[]) => writeFileSync(path.join(dir, name), lines.join('\n') + '\n');
const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

// 20 won deals and 10 lost, every won one invoiced (and paid, in paid.csv).
write('deals.csv', ['id,manager,created_at,closed_at,status,loss_reason,amount', ...range(30).map((i) => `${i},A,2024-03-01 10:00,2024-03-02 10:00,${i <= 20 ? 'won' : 'lost'},${i <= 20 ? '' : 'x'},1000`)]);
write('invoices.csv', ['deal_id,invoiced,invoiced_at', ...range(20).map((i) => `${i},1000,2024-03-02`)]);
write('paid.csv', ['deal_id,paid,paid_at', ...range(20).map((i) => `${i},1000,2024-03-02`)]);
write('both.csv', ['deal_id,invoiced,paid', ...range(20).map((i) => `${i},1000,${i <= 10 ? 1000 : 0}`)]);
write('nodeal.csv', ['manager,invoiced,paid', ...range(20).map(() => 'A,1000,1000')]);
write('yes.yaml', ['questionnaire: crm-maturity', 'answers:', ...['lead.concept', 'journal.interactions', 'reporting.management', 'reporting.staff', 'erp.catalog', 'erp.payments', 'telephony.integrated'].map((id) => `  ${id}: yes`)]);

interface Kpi {
  managers: Array<Record<string, unknown>>;
  total: Record<string, unknown>;
  notApplicable: Record<string, string>;
}
const kpi = (payments: string): Kpi => {
  const run = runCli(['kpi', '-d', 'deals.csv', '-p', payments, '--format', 'json'], { cwd: dir });
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as Kpi;
};

describe('kpi with a payments file that lacks an amount column', () => {
  it('invoices only: paid and paid_share are null and not applicable, naming the paid column; invoiced is kept', () => {
    const r = kpi('invoices.csv');
    expect(r.total).toMatchObject({ invoiced: 20000, paid: null, paid_share: null });
    expect(r.managers[0]).toMatchObject({ invoiced: 20000, paid: null, paid_share: null });
    expect(r.notApplicable.paid).toBe('needs a paid amount column in the payments file, or an invoice status column with a paid status (a --map file names one: payments: status: { "Status": paid })');
    expect(r.notApplicable.paid_share).toBe('needs a paid amount column in the payments file, or an invoice status column with a paid status (a --map file names one: payments: status: { "Status": paid })');
    expect(r.notApplicable.invoiced).toBeUndefined();
  });

  it('payments only: invoiced and paid_share are null and not applicable, naming the invoiced column; paid is kept', () => {
    const r = kpi('paid.csv');
    expect(r.total).toMatchObject({ invoiced: null, paid: 20000, paid_share: null });
    expect(r.notApplicable.invoiced).toBe('needs an invoiced amount column in the payments file');
    expect(r.notApplicable.paid_share).toBe('needs an invoiced amount column in the payments file');
    expect(r.notApplicable.paid).toBeUndefined();
  });

  it('both columns: every payment metric as before', () => {
    const r = kpi('both.csv');
    expect(r.total).toMatchObject({ invoiced: 20000, paid: 10000, paid_share: 0.5 });
    expect(Object.keys(r.notApplicable).filter((k) => ['invoiced', 'paid', 'paid_share'].includes(k))).toEqual([]);
  });

  it('the table, Markdown and the workbook say which column would enable them, in the run language', async () => {
    const ru = runCli(['kpi', '-d', 'deals.csv', '-p', 'invoices.csv', '--lang', 'ru'], { cwd: dir });
    expect(ru.code, ru.stderr).toBe(0);
    expect(ru.stdout.replace(/\n/g, ' ')).toContain('Оплачено, Доля оплаты — нужна колонка оплаченной суммы в файле оплат');
    expect(ru.stdout).not.toMatch(/needs a/);
    const md = runCli(['kpi', '-d', 'deals.csv', '-p', 'paid.csv', '--lang', 'en', '--format', 'md'], { cwd: dir });
    expect(md.stdout).toContain('**Not applicable:**');
    expect(md.stdout).toContain('Invoiced, Paid share — needs an invoiced amount column in the payments file');
    const mdRu = runCli(['kpi', '-d', 'deals.csv', '-p', 'invoices.csv', '--lang', 'ru', '--format', 'md'], { cwd: dir });
    expect(mdRu.stdout).toContain('**Не рассчитано:**');
    expect(mdRu.stdout).toContain('нужна колонка оплаченной суммы в файле оплат');
    const out = path.join(dir, 'k.xlsx');
    expect(runCli(['kpi', '-d', 'deals.csv', '-p', 'invoices.csv', '--lang', 'ru', '-o', out], { cwd: dir }).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const reasons = new Map<string, string>();
    // The definitions sheet: code, metric, definition, why not computed.
    wb.getWorksheet('Определения')!.eachRow((row) => reasons.set(String(row.getCell(1).value), String(row.getCell(4).value ?? '')));
    expect(reasons.get('paid')).toBe('нужна колонка оплаченной суммы в файле оплат или колонка статуса счёта со статусом оплаты (файл --map назовёт его: payments: status: { "Статус": paid })');
    expect(reasons.get('paid_share')).toBe('нужна колонка оплаченной суммы в файле оплат или колонка статуса счёта со статусом оплаты (файл --map назовёт его: payments: status: { "Статус": paid })');
  });
});

describe('audit evidence with a payments file of invoices only', () => {
  it('won_with_payment_share is null and erp.payments no-data naming the paid column, not contradicted', () => {
    const run = runCli(['audit', '--answers', 'yes.yaml', '-d', 'deals.csv', '-p', 'invoices.csv', '--now', '2025-01-01', '--format', 'json', '--lang', 'en'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const e = (JSON.parse(run.stdout) as { evidence: { facts: Record<string, number | null>; checks: Array<{ criterion: string; verdict: string; text: string }>; total: number } }).evidence;
    expect(e.facts.won_with_payment_share).toBeNull();
    const c = e.checks.find((x) => x.criterion === 'erp.payments')!;
    expect(c.verdict).toBe('no-data');
    expect(c.text).toContain('a paid amount column in the payments export');
    // Nothing taken off for a "yes" the data cannot speak to.
    expect(e.total).toBe(10);
    const ru = runCli(['audit', '--answers', 'yes.yaml', '-d', 'deals.csv', '-p', 'invoices.csv', '--now', '2025-01-01', '--format', 'md', '--lang', 'ru'], { cwd: dir });
    expect(ru.stdout).toContain('нужна колонка оплаченной суммы в выгрузке оплат');
    expect(ru.stdout).not.toContain('нет ни одной оплаты');
  });

  it('with a paid column the fact is computed as before', () => {
    const run = runCli(['audit', '--answers', 'yes.yaml', '-d', 'deals.csv', '-p', 'paid.csv', '--now', '2025-01-01', '--format', 'json'], { cwd: dir });
    const e = (JSON.parse(run.stdout) as { evidence: { facts: Record<string, number | null> } }).evidence;
    expect(e.facts.won_with_payment_share).toBe(1);
  });
});

// A payments file with no deal column (manager, invoiced, paid): no payment links to a deal, and the
// audit read it as «по 100,0% выигранных сделок (20 из 20) нет ни одной оплаты», erp.payments
// contradicted and a point taken off (a tester). As an activities file with no link column: no-data.
describe('audit evidence with a payments file that names no deal', () => {
  it('erp.payments is no-data naming the deal column and its --map line; nothing is taken off', () => {
    const run = runCli(['audit', '--answers', 'yes.yaml', '-d', 'deals.csv', '-p', 'nodeal.csv', '--now', '2025-01-01', '--format', 'json', '--lang', 'en'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const e = (JSON.parse(run.stdout) as { evidence: { facts: Record<string, number | null>; checks: Array<{ criterion: string; verdict: string; text: string }>; total: number } }).evidence;
    expect(e.facts.won_with_payment_share).toBeNull();
    const c = e.checks.find((x) => x.criterion === 'erp.payments')!;
    expect(c.verdict).toBe('no-data');
    expect(c.text).toBe('Cannot be checked: it needs a deal column (id or name) in the payments export (if it is there under another header, name it in a --map file: payments.columns.deal_id).');
    expect(e.total).toBe(10);
    const ru = runCli(['audit', '--answers', 'yes.yaml', '-d', 'deals.csv', '-p', 'nodeal.csv', '--now', '2025-01-01', '--lang', 'ru', '--format', 'md'], { cwd: dir });
    expect(ru.stdout).toContain('нужна колонка сделки (ID или название) в выгрузке оплат');
    expect(ru.stdout).not.toContain('нет ни одной оплаты');
  });

  it('kpi on the same file still counts what was paid, by manager', () => {
    expect(kpi('nodeal.csv').total).toMatchObject({ invoiced: 20000, paid: 20000 });
  });
});

// A --map file's `payments: status:` words are invoice statuses (review R38 / hF56 item 9): a CRM's own «Закрыт» and
// «В работе» made the export's one amount «paid», and the snippet proposed `paid: "Сумма"` for an invoice list.
describe('an invoice export whose status words only the --map file names', () => {
  it('is read as one: its one amount is proposed as invoiced', () => {
    write('own-invoices.csv', ['Номер,Сделка,Сумма,Статус,Дата', '10,1,1000,Закрыт,2024-03-02', '11,2,1000,В работе,2024-03-03']);
    writeFileSync(path.join(dir, 'own-status.yaml'), 'payments:\n  status:\n    "Закрыт": paid\n    "В работе": issued\n');
    const run = runCli(['kpi', '-d', 'deals.csv', '-p', 'own-invoices.csv', '--map', 'own-status.yaml', '--lang', 'en'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('invoiced: "Сумма"');
    expect(run.stderr).not.toContain('paid: "Сумма"');
  });
});
