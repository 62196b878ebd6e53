// `audit` with exports: the facts of spec/evidence.md against an independent computation over the
// rows, verdicts on a company whose data contradicts its answers, the parallel read, and reports.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';
import { builtIn } from '../helpers/questionnaire.js';
import { csv } from '../fixtures/exports.js';
import { headerRowOf } from '../helpers/xlsx-projection.js';

const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-evidence-'));
const NOW = ['--now', '2025-07-01T00:00:00Z'];
const LEADER = path.join(ROOT, 'samples/answers/leader.yaml');

/** Rows of a plain comma-separated file (the generator quotes nothing) as objects by header. */
function rows(file: string): Array<Record<string, string>> {
  const [head, ...body] = readFileSync(path.join(dir, file), 'utf8').trimEnd().split(/\r?\n/).map((l) => l.split(','));
  return body.map((r) => Object.fromEntries(head!.map((h, i) => [h, r[i] ?? ''])));
}

/** The facts computed straight from the rows, as spec/evidence.md defines them (links by deal id). */
function expectedFacts(): Record<string, number | null> {
  const deals = rows('deals.csv');
  const acts = rows('activities.csv');
  const pays = rows('payments.csv');
  const byId = new Map(deals.map((d) => [d.id!, d]));
  const won = deals.filter((d) => d.status === 'won');
  const lost = deals.filter((d) => d.status === 'lost');
  const touched = new Set(acts.filter((a) => a.missed !== 'true' && byId.has(a.deal_id!)).map((a) => a.deal_id));
  const touches = won.reduce((n, d) => n + acts.filter((a) => a.deal_id === d.id && a.missed !== 'true' && (d.closed_at === '' || a.at! <= d.closed_at!)).length, 0);
  const paid = new Set(pays.filter((p) => Number(p.paid) > 0).map((p) => p.deal_id));
  const calls = acts.filter((a) => a.kind === 'call' && (a.direction === 'in' || a.direction === 'out'));
  const answered = calls.filter((a) => a.direction === 'out' || a.missed !== 'true');
  return {
    closed_deals: won.length + lost.length,
    won_deals: won.length,
    win_rate: won.length / (won.length + lost.length),
    lost_with_reason_share: lost.filter((d) => d.loss_reason !== '').length / lost.length,
    source_share: deals.filter((d) => d.source !== '').length / deals.length,
    won_with_activity_share: won.filter((d) => touched.has(d.id)).length / won.length,
    touches_per_won: touches / won.length,
    won_amount_share: won.filter((d) => Number(d.amount) > 0).length / won.length,
    product_share: null, // the generator writes no product column
    won_with_payment_share: won.filter((d) => paid.has(d.id)).length / won.length,
    calls: calls.length,
    calls_linked_share: calls.filter((a) => byId.has(a.deal_id!)).length / calls.length,
    answered_with_duration_share: answered.filter((a) => Number(a.duration_s) > 0).length / answered.length,
  };
}

beforeAll(() => {
  const gen = runCli(['generate', '--deals', '400', '--activities', '6000', '--seed', '5', '-o', dir]);
  expect(gen.code, gen.stderr).toBe(0);
});

describe('audit --answers with --deals, --activities and --payments', () => {
  const args = ['audit', '--answers', LEADER, '-d', 'deals.csv', '-a', 'activities.csv', '-p', 'payments.csv', '--format', 'json', ...NOW];

  it('gives the facts of an independent computation (to 1e-9), verdicts, total and band', () => {
    const run = runCli(args, { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const { evidence } = JSON.parse(run.stdout);
    const expected = expectedFacts();
    expect(Object.keys(evidence.facts)).toEqual(Object.keys(expected));
    for (const [id, value] of Object.entries(expected)) {
      if (value === null) expect(evidence.facts[id], id).toBeNull();
      else expect(Math.abs(evidence.facts[id] - value), id).toBeLessThan(1e-9);
    }
    expect(evidence.checks.map((c: { criterion: string }) => c.criterion)).toEqual(['lead.concept', 'journal.interactions', 'reporting.management', 'reporting.staff', 'erp.catalog', 'erp.payments', 'telephony.integrated']);
    // The verdicts of spec/evidence.md's table, judged here from the independent facts and the answers.
    const f = expected as Record<string, number>;
    const judge = (answer: string, yes: boolean, no: boolean, enough: boolean): string => (!enough ? 'inconclusive' : yes === no ? 'inconclusive' : (yes ? 'yes' : 'no') === answer ? 'confirmed' : 'contradicted');
    const wonDeals = f.closed_deals! * f.win_rate!;
    const verdicts: Record<string, string> = {
      'lead.concept': judge('yes', f.win_rate! <= 0.85 && f.lost_with_reason_share! >= 0.5, f.win_rate! > 0.85 || f.lost_with_reason_share! < 0.5, f.closed_deals! >= 30),
      'journal.interactions': judge('yes', f.won_with_activity_share! >= 0.8 && f.touches_per_won! >= 2, f.won_with_activity_share! < 0.5, wonDeals >= 20),
      'reporting.management': 'not-checkable',
      'reporting.staff': 'not-checkable',
      'erp.catalog': judge('no', f.won_amount_share! >= 0.95 && (f.product_share === null || f.product_share! >= 0.5), f.won_amount_share! < 0.8, wonDeals >= 20),
      'erp.payments': judge('yes', f.won_with_payment_share! >= 0.7, f.won_with_payment_share! < 0.3, wonDeals >= 20),
      'telephony.integrated': judge('no', f.calls! >= wonDeals && f.calls_linked_share! >= 0.7, f.calls === 0 || f.calls_linked_share! < 0.4, f.calls! >= 50 || f.calls === 0),
    };
    expect(Object.fromEntries(evidence.checks.map((c: { criterion: string; verdict: string }) => [c.criterion, c.verdict]))).toEqual(verdicts);
    // Only a contradicted "yes" loses its points (leader.yaml declares 7 of 10).
    const points = new Map(builtIn().sections.flatMap((sec) => sec.questions.map((q) => [q.id, q.points] as const)));
    const lost = evidence.checks.filter((c: { answer: string; criterion: string }) => c.answer === 'yes' && verdicts[c.criterion] === 'contradicted').reduce((n: number, c: { criterion: string }) => n + points.get(c.criterion)!, 0);
    expect(evidence.total).toBe(7 - lost);
    expect(evidence.band.id).toBe(evidence.total >= 6 ? 'leader' : evidence.total >= 3 ? 'ahead-of-most' : 'not-started');
  });

  it('reads the halves of a large file in parallel to the same facts as one pass', () => {
    const split = runCli(args, { cwd: dir, env: { CRM_AUDIT_SPLIT_BYTES: '1', CRM_AUDIT_SPLIT_TRACE: '1' } });
    const whole = runCli(args, { cwd: dir, env: { CRM_AUDIT_SPLIT_BYTES: '0' } });
    expect(split.stderr).toMatch(/^read in two halves: activities\.csv$/m);
    expect(split.stdout).toBe(whole.stdout);
  });

  it('without exports the result is exactly as before, with no evidence key', () => {
    const plain = runCli(['audit', '--answers', LEADER, '--format', 'json', ...NOW]);
    const checked = JSON.parse(runCli(args, { cwd: dir }).stdout);
    expect(JSON.parse(plain.stdout)).not.toHaveProperty('evidence');
    delete checked.evidence;
    expect(JSON.parse(plain.stdout)).toEqual(checked);
  });

  it('-a with an answers file says to use --answers; exports without deals say what is missing', () => {
    const old = runCli(['audit', '-a', LEADER]);
    expect(old.code).toBe(2);
    expect(old.stderr).toContain('pass the answers with --answers');
    const noDeals = runCli(['audit', '--answers', LEADER, '-a', 'activities.csv'], { cwd: dir });
    expect(noDeals.code).toBe(2);
    expect(noDeals.stderr).toContain('--deals');
  });
});

describe('product_share from a product column', () => {
  // 3000 rows (halves above the 64 KB a split needs); every 3rd row has no product; deal 7 repeats
  // as a product row with a product, so the deal has one.
  const header = ['id', 'manager', 'created_at', 'closed_at', 'status', 'amount', 'product'];
  const body = Array.from({ length: 3000 }, (_, i) => [String(1000 + i), i % 2 ? 'Анна' : 'Борис', '2025-03-01 10:00:00', '2025-03-09 10:00:00', i % 4 ? 'won' : 'lost', '500', i % 3 === 0 ? '' : `Товар ${i}`]);
  body.push(['1000', 'Борис', '2025-03-01 10:00:00', '2025-03-09 10:00:00', 'lost', '5', 'Товар x']);
  const expected = () => {
    const byId = new Map<string, boolean>();
    for (const r of body) byId.set(r[0]!, (byId.get(r[0]!) ?? false) || r[6] !== '');
    return [...byId.values()].filter(Boolean).length / byId.size;
  };

  it('is equal to an independent count on the byte path, the text path and two halves', () => {
    writeFileSync(path.join(dir, 'product-deals.csv'), csv([header, ...body]));
    // A deal title column sends the rows through the text path.
    writeFileSync(path.join(dir, 'product-deals-named.csv'), csv([[...header, 'name'], ...body.map((r) => [...r, `Сделка ${r[0]}`])]));
    const args = (file: string) => ['audit', '--answers', LEADER, '-d', file, '--format', 'json', ...NOW];
    const fast = JSON.parse(runCli(args('product-deals.csv'), { cwd: dir, env: { CRM_AUDIT_SPLIT_BYTES: '0' } }).stdout).evidence;
    const slow = JSON.parse(runCli(args('product-deals-named.csv'), { cwd: dir, env: { CRM_AUDIT_SPLIT_BYTES: '0' } }).stdout).evidence;
    expect(Math.abs(fast.facts.product_share - expected())).toBeLessThan(1e-9);
    expect(slow.facts.product_share).toBe(fast.facts.product_share);
    // Product rows of one deal across the halves are read in one pass; without them, in two.
    writeFileSync(path.join(dir, 'product-deals-unique.csv'), csv([header, ...body.slice(0, -1)]));
    const split = runCli(args('product-deals-unique.csv'), { cwd: dir, env: { CRM_AUDIT_SPLIT_BYTES: '1', CRM_AUDIT_SPLIT_TRACE: '1' } });
    const whole = runCli(args('product-deals-unique.csv'), { cwd: dir, env: { CRM_AUDIT_SPLIT_BYTES: '0' } });
    expect(split.stderr).toMatch(/^read in two halves: product-deals-unique\.csv$/m);
    expect(split.stdout).toBe(whole.stdout);
    expect(JSON.parse(split.stdout).evidence.facts.product_share).toBe(2000 / 3000);
  });
});

describe('a company whose data contradicts its answers', () => {
  // 30 won deals, only 10 with any logged contact; payments for none.
  beforeAll(() => {
    const deals = Array.from({ length: 40 }, (_, i) => [String(500 + i), 'Анна', `Клиент ${i}`, '2025-03-01 10:00:00', '2025-03-20 10:00:00', i < 30 ? 'won' : 'lost', '1000', i < 30 ? '' : 'Дорого']);
    writeFileSync(path.join(dir, 'bad-deals.csv'), csv([['id', 'manager', 'client', 'created_at', 'closed_at', 'status', 'amount', 'loss_reason'], ...deals]));
    const acts = Array.from({ length: 10 }, (_, i) => ['Анна', '2025-03-05 10:00:00', 'email', '', 'false', '', String(500 + i)]);
    writeFileSync(path.join(dir, 'bad-activities.csv'), csv([['manager', 'at', 'kind', 'direction', 'missed', 'duration_s', 'deal_id'], ...acts]));
    writeFileSync(path.join(dir, 'no-payments.csv'), csv([['deal_id', 'invoiced', 'paid'], ['539', '100', '100']]));
  });
  const files = ['-d', 'bad-deals.csv', '-a', 'bad-activities.csv', '-p', 'no-payments.csv'];

  it('contradicts the "yes" answers the data disproves, in plain Russian, and lowers the total', () => {
    const run = runCli(['audit', '--answers', LEADER, ...files, '--format', 'json', '--lang', 'ru', ...NOW], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout);
    const verdict = Object.fromEntries(result.evidence.checks.map((c: { criterion: string; verdict: string }) => [c.criterion, c.verdict]));
    expect(verdict).toEqual({
      'lead.concept': 'confirmed',
      'journal.interactions': 'contradicted',
      'reporting.management': 'not-checkable',
      'reporting.staff': 'not-checkable',
      'erp.catalog': 'contradicted',
      'erp.payments': 'contradicted',
      'telephony.integrated': 'confirmed',
    });
    const journal = result.evidence.checks.find((c: { criterion: string }) => c.criterion === 'journal.interactions');
    expect(journal.text).toBe('Вы ответили «да», но у 66,7% выигранных сделок (20 из 30) нет ни одного контакта в CRM.');
    // leader.yaml: 7 points; journal (1) and erp.payments (1) are contradicted yes answers.
    expect(result.total).toBe(7);
    expect(result.evidence.total).toBe(5);
    expect(result.evidence.band.id).toBe('ahead-of-most');
  });

  it('shows the verdicts in the terminal, Markdown and the XLSX Audit sheet', async () => {
    const table = runCli(['audit', '--answers', LEADER, ...files, '--lang', 'ru', ...NOW], { cwd: dir });
    expect(table.stdout).toContain('Проверка по выгрузкам');
    expect(table.stdout).toContain('опровергнуто');
    expect(table.stdout).toContain('Итог с учётом выгрузок: 5 / 10 — Впереди большинства');
    const md = runCli(['audit', '--answers', LEADER, ...files, '--format', 'md', '--lang', 'en', ...NOW], { cwd: dir });
    expect(md.stdout).toContain('| Every contact logged in the CRM | yes | contradicted | You said "yes", but 66.7% of won deals (20 of 30) have no logged contact. |');
    const out = path.join(dir, 'audit.xlsx');
    expect(runCli(['audit', '--answers', LEADER, ...files, '-o', out, '--lang', 'ru', ...NOW], { cwd: dir }).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const sheet = wb.getWorksheet('Аудит')!;
    const head = headerRowOf(sheet);
    expect(sheet.getRow(head).values).toEqual([undefined, 'Раздел', 'Критерий', 'Ответ', 'Баллы', 'Максимум', 'Проверка по выгрузкам', 'Что показали выгрузки']);
    const journal = sheet.getRows(head + 1, sheet.rowCount - head)!.find((r) => r.getCell(2).value === 'Все контакты в CRM')!;
    expect(journal.getCell(6).value).toBe('опровергнуто');
    expect(String(journal.getCell(7).value)).toContain('нет ни одного контакта в CRM');
  });

  it('report checks the audit and the assertions read the verdicts', () => {
    const run = runCli(
      ['report', '--answers', LEADER, ...files, '--managers', '8', '--hourly-cost', '1500', '--format', 'json', '--assert', "audit.evidence.journal.interactions=='contradicted'", '--assert', 'audit.evidence.total>=5', '--assert', "audit.evidence.band=='leader'", ...NOW],
      { cwd: dir },
    );
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    expect(report.audit.evidence.total).toBe(5);
    expect(report.audit.recommendations.find((r: { criterion: string }) => r.criterion === 'telephony.integrated').cost).toMatchObject({ hoursPerMonth: 168, costPerMonth: 252000 });
    expect(report.assertions.map((a: { passed: boolean }) => a.passed)).toEqual([true, true, false]);
  });
});
