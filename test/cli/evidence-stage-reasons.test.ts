// A loss reason read out of a lost stage (Kommo's «Venda perdida (Sem interesse)»), with no reason
// column: kpi counted it in loss_reasons, while the audit's lost_with_reason_share was null and
// lead.concept no-data asking for a reason column the CRM never exports (a tester).
// spec/evidence.md: the facts come "from the same read of the files" as the KPIs.
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-stage-reasons-'));
const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);
// 10 won, 30 lost: 20 with a reason in the stage, 10 with the bare lost stage (no reason).
const stage = (i: number) => (i <= 10 ? 'Venda ganha' : i <= 30 ? 'Venda perdida (Sem interesse)' : 'Venda perdida');
writeFileSync(path.join(dir, 'deals.csv'), ['id,manager,created_at,closed_at,stage,amount', ...range(40).map((i) => `${i},Иванов,2025-01-05 10:00,2025-02-05 10:00,${stage(i)},1000`)].join('\n') + '\n');
writeFileSync(path.join(dir, 'yes.yaml'), ['questionnaire: crm-maturity', 'answers:', ...['lead.concept', 'journal.interactions', 'reporting.management', 'reporting.staff', 'erp.catalog', 'erp.payments', 'telephony.integrated'].map((id) => `  ${id}: yes`)].join('\n') + '\n');

interface Audit { evidence: { facts: Record<string, number | null>; checks: Array<{ criterion: string; verdict: string; text: string }> } }
const audit = (deals: string, cwd = dir): Audit => {
  const run = runCli(['audit', '--answers', path.join(dir, 'yes.yaml'), '-d', deals, '--now', '2025-07-01', '--format', 'json', '--lang', 'en'], { cwd });
  expect(run.code, run.stderr).toBe(0);
  return JSON.parse(run.stdout) as Audit;
};

describe('audit evidence: loss reasons read out of the stage', () => {
  it('kpi and the evidence fact read the same reasons: 20 of 30 lost deals, lead.concept confirmed', () => {
    const kpi = runCli(['kpi', '-d', 'deals.csv', '--format', 'json'], { cwd: dir });
    expect(kpi.code, kpi.stderr).toBe(0);
    expect((JSON.parse(kpi.stdout) as { total: Record<string, unknown> }).total).toMatchObject({ won: 10, lost: 30, loss_reasons: { 'Sem interesse': 20, unspecified: 10 } });
    const e = audit('deals.csv').evidence;
    expect(e.facts.lost_with_reason_share).toBe(20 / 30);
    const c = e.checks.find((x) => x.criterion === 'lead.concept')!;
    // 40 closed ≥ 30; win rate 10/40 = 0.25 ≤ 0.85; 20/30 ≥ 0.5.
    expect(c.verdict).toBe('confirmed');
    expect(c.text).toBe('You said "yes", and the exports confirm it: 25.0% of closed deals are won (10 of 40); 66.7% of lost deals (20 of 30) have a loss reason.');
    expect(c.text).not.toContain('loss-reason column');
  });

  const KOMMO = path.resolve('../shared/real-exports/kommo_leads_pt.xlsx');
  it.runIf(existsSync(KOMMO))('the real Kommo export: lost deals with a reason in «Venda perdida (…)» over every «Venda perdida…»', async () => {
    // Counted here from the workbook, apart from the product: a reason is the stage's text in brackets.
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(KOMMO);
    const sheet = wb.worksheets[0]!;
    const col = (sheet.getRow(1).values as unknown[]).indexOf('Etapa do lead');
    let lost = 0;
    let withReason = 0;
    sheet.eachRow((row, n) => {
      const s = String((row.values as unknown[])[col] ?? '');
      if (n === 1 || !s.startsWith('Venda perdida')) return;
      lost++;
      if (/\(.+\)$/.test(s)) withReason++;
    });
    expect([withReason, lost]).toEqual([2173, 2296]);
    const e = audit(KOMMO).evidence;
    expect(e.facts.lost_with_reason_share).toBe(withReason / lost);
    expect(e.checks.find((x) => x.criterion === 'lead.concept')!.verdict).toBe('confirmed');
  });
});
