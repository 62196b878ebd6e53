// A questionnaire's fractional hoursPerManagerPerDay: «до 2,3 ч в день, 49,0 ч в месяц, около
// 48 951 ₽» (a «,0» no whole hour has elsewhere) and 0.30000000000000004 / 6.300000000000001 /
// 6300.000000000001 in the JSON and the workbook's cells (a tester).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';
import { myAuditYaml } from '../helpers/questionnaire.js';

const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-cost-hours-'));
const question = (id: string, hours: number) => [
  `      - id: ${id}`,
  '        points: 2',
  `        text: { ru: Вопрос ${id}?, en: Question ${id}? }`,
  '        recommendation: { ru: Сделайте., en: Do it. }',
  `        cost: { hoursPerManagerPerDay: ${hours}, basis: { ru: "основание", en: basis } }`,
];
writeFileSync(path.join(dir, 'q.yaml'), myAuditYaml(1, [...question('a.tenth', 0.1), ...question('a.third', 0.333)], 4).join('\n') + '\n');
writeFileSync(path.join(dir, 'answers.yaml'), 'questionnaire: q.yaml\nanswers:\n  a.tenth: no\n  a.third: no\n');

const run = (...args: string[]) => {
  const r = runCli(['audit', '--answers', 'answers.yaml', '--now', '2025-04-01', ...args], { cwd: dir });
  expect(r.code, r.stderr).toBe(0);
  return r.stdout;
};

describe('audit: the cost of fractional hours', () => {
  it('JSON holds hours and money to 2 decimals, without float noise; money from the hours as computed', () => {
    const recs = (JSON.parse(run('--managers', '7', '--hourly-cost', '1000', '--format', 'json')) as { recommendations: Array<{ criterion: string; cost: Record<string, number> }> }).recommendations;
    const cost = (id: string) => recs.find((r) => r.criterion === id)!.cost;
    // 0,1 × 7 = 0,7 h a day, × 21 = 14,7 h, × 1 000 = 14 700 ₽ (0.1 × 7 × 21 is 14.700000000000001 in floats).
    expect(cost('a.tenth')).toMatchObject({ hoursPerDay: 0.7, hoursPerMonth: 14.7, costPerMonth: 14_700 });
    // 0,333 × 7 = 2,331 h a day; × 21 = 48,951 h; × 1 000 = 48 951 ₽.
    expect(cost('a.third')).toMatchObject({ hoursPerDay: 2.33, hoursPerMonth: 48.95, costPerMonth: 48_951 });
    const three = (JSON.parse(run('--managers', '3', '--hourly-cost', '1000', '--format', 'json')) as { recommendations: typeof recs }).recommendations;
    expect(three.find((r) => r.criterion === 'a.tenth')!.cost).toMatchObject({ hoursPerDay: 0.3, hoursPerMonth: 6.3, costPerMonth: 6300 });
  });

  it('the sentence writes hours by one rule (one decimal, none when whole), in both languages', () => {
    const ru = run('--managers', '7', '--hourly-cost', '1000', '--format', 'md', '--lang', 'ru');
    expect(ru).toMatch(/при 7 менеджерах — до 2,3 ч в день, 49 ч в месяц, около 48.951 ₽ в месяц/);
    expect(ru).toMatch(/до 0,7 ч в день, 14,7 ч в месяц, около 14.700 ₽ в месяц/);
    expect(ru).not.toContain('49,0');
    const en = run('--managers', '7', '--hourly-cost', '1000', '--format', 'md', '--lang', 'en');
    expect(en).toContain('with 7 managers that is up to 2.3 h a day, 49 h a month, about RUB 48,951 a month');
  });

  it('the workbook holds the rounded numbers, 49 h shown whole', async () => {
    const out = path.join(dir, 'a.xlsx');
    run('--managers', '7', '--hourly-cost', '1000', '--lang', 'ru', '-o', out);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const ws = wb.getWorksheet('Рекомендации')!;
    const rows: ExcelJS.Row[] = [];
    ws.eachRow((row) => rows.push(row));
    // The header row is the one that names the columns (a heading may stand above it).
    const header = (rows.find((r) => (r.values as unknown[]).includes('Часов в месяц'))!.values as unknown[]).map(String);
    const row = rows.find((r) => r.getCell(header.indexOf('Часов в месяц')).value === 48.95);
    expect(row, JSON.stringify(rows.map((r) => r.values))).toBeDefined();
    expect(row!.getCell(header.indexOf('Часов в месяц')).numFmt).toBe('#,##0" ч"');
    expect(row!.getCell(header.indexOf('Стоимость в месяц, ₽')).value).toBe(48_951);
    const values = rows.flatMap((r) => (r.values as unknown[]).filter((v): v is number => typeof v === 'number'));
    expect(values).toContain(14.7);
    expect(values).toContain(14_700);
    for (const v of values) expect(Math.round(v * 100) / 100).toBe(v);
  });
});

// «6 750 звонков» (a no-break space) beside «21 000 ч в месяц, около 31 500 000 ₽» (a plain one) in one
// Russian report: Markdown and HTML could break a number at the plain space (a tester).
describe('audit: one grouping character in a Russian report', () => {
  const SAMPLES = path.join(ROOT, 'samples');
  const args = ['audit', '--answers', path.join(SAMPLES, 'answers/leader.yaml'), '-d', path.join(SAMPLES, 'amocrm-deals.csv'), '-a', path.join(SAMPLES, 'bitrix24-calls.xls'), '--now', '2025-07-01', '--managers', '1000', '--hourly-cost', '1500', '--lang', 'ru'];
  it.each(['md', 'html', 'table'])('%s: every grouped number has a no-break space', (format) => {
    const r = runCli([...args, '--format', format], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout).toContain('6\u00a0750 звонков');
    // The HTML table has the hours and the money in cells of their own; the other formats in the sentence.
    if (format === 'html') expect(r.stdout).toMatch(/>21\u00a0000<\/td><td[^>]*>31\u00a0500\u00a0000</);
    else expect(r.stdout).toContain('1\u00a0000 менеджерах — до 1\u00a0000 ч в день, 21\u00a0000 ч в месяц, около 31\u00a0500\u00a0000 ₽ в месяц');
    // No digit group after a plain space anywhere in what a reader sees (an SVG's viewBox «0 0 640» is no number of the report).
    const seen = format === 'html' ? r.stdout.replace(/<style[\s\S]*?<\/style>|<script[\s\S]*?<\/script>|<[^>]*>/g, '') : r.stdout;
    expect(seen).not.toMatch(/\d \d{3}(?!\d)/);
  });
});

// Tester T36 F6: an empty answers file was the one document error with no hint.
describe('an empty answers file', () => {
  it('is said empty, with where to start from', () => {
    writeFileSync(path.join(dir, 'empty.yaml'), '');
    const r = runCli(['audit', '--answers', 'empty.yaml', '--lang', 'ru'], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/файл пуст: в нём нет ни одного значения\n {2}подсказка: проверьте, тот ли это файл[^\n]*samples\/answers\//);
  });
});
