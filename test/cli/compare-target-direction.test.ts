import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { htmlStructure } from '../helpers/html-structure.js';

// Tester T39 F14: `response_min_median: 30%` (lower is better) was accepted silently, and a 20% slowdown showed «хуже» beside «✓ да».

const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-target-direction-'));
const write = (name: string, text: string) => {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
};
// Four open deals, first responses 10, 10, 12, 12 minutes: median 10 before, 12 after (+20%).
const deals = write('r.csv', 'id,manager,created_at,closed_at,status,amount,client\n1,Иванов,2025-01-01 10:00,,open,,K1\n2,Иванов,2025-01-31 10:00,,open,,K2\n3,Иванов,2025-02-01 10:00,,open,,K3\n4,Иванов,2025-03-03 10:00,,open,,K4\n');
const calls = write('rc2.csv', 'manager,at,kind,direction,missed,duration_s,deal_id,client\nИванов,2025-01-01 10:10,call,out,0,60,1,K1\nИванов,2025-01-31 10:10,call,out,0,60,2,K2\nИванов,2025-02-01 10:12,call,out,0,60,3,K3\nИванов,2025-03-03 10:12,call,out,0,60,4,K4\n');
const against = write('against.yaml', 'targets:\n  response_min_median: 30%\n  conversion: -5%\n');
const right = write('right.yaml', 'targets:\n  response_min_median: -30%\n  conversion: +5%\n');
const args = (targets: string) => ['compare', '-d', deals, '-a', calls, '--cutover', '2025-02-01', '--targets', targets, '--now', '2026-12-05'];

const RU = 'Цель +30% для «Реакция, мин (медиана)» допускает рост, а лучше здесь меньше: она засчитывается, если показатель вырос не больше чем на 30%. Сокращение на 30% пишут −30%.';
const RU_UP = 'Цель −5% для «Конверсия» допускает снижение, а лучше здесь больше: она засчитывается, если показатель упал не больше чем на 5%. Рост на 5% пишут +5%.';
const EN = 'The target +30% for "Response, min (median)" allows a rise, while lower is better here: it is met when the figure grows by 30% at most. A reduction by 30% is written −30%.';

describe('a target whose sign is against its row\'s better direction is said (T39 F14)', () => {
  it('stderr says it in Russian and English, the exit code stays 0 and the verdict as the rule gives it', () => {
    const ru = runCli([...args(against), '--lang', 'ru', '--format', 'json']);
    expect(ru.code).toBe(0);
    expect(ru.stderr).toContain(`Внимание: ${RU}`);
    expect(ru.stderr).toContain(`Внимание: ${RU_UP}`);
    const row = (JSON.parse(ru.stdout) as { rows: Array<{ metric: string; before: number; after: number; change_pct: number; target: number; met: boolean }> }).rows.find((r) => r.metric === 'response_min_median')!;
    expect([row.before, row.after, row.target, row.met]).toEqual([10, 12, 0.3, true]);
    expect(row.change_pct).toBeCloseTo(0.2, 12);
    const en = runCli([...args(against), '--lang', 'en', '--format', 'json']);
    expect(en.code).toBe(0);
    expect(en.stderr).toContain(`Warning: ${EN}`);
    expect(en.stderr).not.toMatch(/[а-яё]/i);
  });

  it('the Markdown and the terminal table say it under the table', () => {
    const md = runCli([...args(against), '--lang', 'ru', '--format', 'md']).stdout;
    expect(md).toContain(`\n\n${RU}\n`);
    expect(md).toContain('| Реакция, мин (медиана) | 10,0 | 12,0 | ↑ +2,0 | +20,0% | хуже | +30,0% | ✓ да |');
    const table = runCli([...args(against), '--lang', 'en']).stdout.replace(/\s+/g, ' ');
    expect(table).toContain(EN);
  });

  it('the CSV and the workbook say it in the row\'s note column', async () => {
    const csv = runCli([...args(against), '--lang', 'ru', '--format', 'csv']).stdout;
    expect(csv).toContain('Реакция, мин (медиана);мин;10;12;2;20;хуже;30;да;"цель +30% допускает рост, а лучше здесь меньше: засчитывается и при ухудшении; сокращение пишут −30%"');
    const out = path.join(dir, 'against.xlsx');
    expect(runCli([...args(against), '--lang', 'en', '-o', out]).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(out) as unknown as ArrayBuffer);
    const texts: string[] = [];
    wb.worksheets[0]!.eachRow((r) => r.eachCell((c) => typeof c.value === 'string' && texts.push(c.value)));
    expect(texts).toContain('the target +30% allows a rise, while lower is better here: it is met by a change for the worse too; write a reduction as −30%');
    // Conversion's target cannot be judged (0 before): that reason keeps the cell; the line under the tables says the sign.
    expect(texts.some((t) => t.startsWith('the target −5%'))).toBe(false);
  });

  it('the HTML says it under the before/after table', () => {
    const out = path.join(dir, 'against.html');
    expect(runCli([...args(against), '--lang', 'ru', '-o', out]).code).toBe(0);
    const html = readFileSync(out, 'utf8');
    const part = html.slice(html.indexOf('data-section="before-after"'), html.indexOf('</section>', html.indexOf('data-section="before-after"')));
    const notes = [...part.matchAll(/<p class="note not-computed">([^<]*)<\/p>/g)].map((m) => m[1]!.replace(/&laquo;/g, '«').replace(/&raquo;/g, '»'));
    expect(notes).toContain(RU);
    expect(htmlStructure(html).sections).toContain('before-after');
  });

  it('report says it on stderr too; targets with the better sign, and the defaults, say nothing', () => {
    const report = runCli(['report', '-d', deals, '-a', calls, '--cutover', '2025-02-01', '--targets', against, '--now', '2026-12-05', '--lang', 'ru', '--format', 'json']);
    expect(report.code).toBe(0);
    expect(report.stderr).toContain(RU);
    const ok = runCli([...args(right), '--lang', 'ru', '--format', 'md']);
    expect(ok.code).toBe(0);
    expect(ok.stderr).not.toContain('допускает');
    expect(ok.stdout).not.toContain('допускает');
    const defaults = runCli(['compare', '-d', deals, '-a', calls, '--cutover', '2025-02-01', '--now', '2026-12-05', '--lang', 'ru']);
    expect(defaults.stderr).not.toContain('допускает');
    expect(defaults.stdout).not.toContain('допускает');
  });
});
