import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { htmlStructure } from '../helpers/html-structure.js';
import { countMarks } from '../helpers/svg-marks.js';

/** Names of Object.prototype members, as managers, sources and loss reasons (tester T37 F2). */
const NAMES = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__'];

/**
 * 15 deals: each name a manager of one won, one lost and one open deal (conversion 33,3%), a source
 * of three deals (deal i's source is the next name), and the loss reason of one lost deal; March and April.
 */
function dealsFile(dir: string): string {
  const stages = ['Успешно реализовано', 'Закрыто и не реализовано', 'Переговоры'];
  const rows = ['ID;Бюджет;Ответственный;Этап сделки;Дата создания;Дата закрытия;Источник;Причина отказа'];
  for (let i = 0; i < 15; i++) {
    const stage = Math.floor(i / 5);
    const day = String(1 + i).padStart(2, '0');
    const month = i % 2 === 0 ? '03' : '04';
    const closed = stage === 2 ? '' : `${day}.${month}.2025 18:00`;
    rows.push(`${i + 1};${1000 * (i + 1)};${NAMES[i % 5]};${stages[stage]};${day}.${month}.2025 10:00;${closed};${NAMES[(i + 1) % 5]};${stage === 1 ? NAMES[(i + 2) % 5] : ''}`);
  }
  const file = path.join(dir, 'deals.csv');
  writeFileSync(file, `${rows.join('\n')}\n`);
  return file;
}

/** Every text cell of a workbook, by sheet. */
async function workbookTexts(file: string): Promise<Map<string, string[]>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(readFileSync(file) as unknown as ExcelJS.Buffer);
  const out = new Map<string, string[]>();
  wb.eachSheet((ws) => {
    const texts: string[] = [];
    ws.eachRow((row) => row.eachCell((cell) => void (typeof cell.value === 'string' && texts.push(cell.value))));
    out.set(ws.name, texts);
  });
  return out;
}

/** The SVG of a chart of an HTML report, by its data-chart id. */
function chartSvg(html: string, id: string): string {
  const at = html.indexOf(`data-chart="${id}"`);
  expect(at, id).toBeGreaterThan(0);
  return html.slice(html.indexOf('<svg', at), html.indexOf('</svg>', at));
}

/** A run that succeeded with no internal error and no stack trace (Vega printed one for __proto__ with exit 0). */
function expectClean(run: ReturnType<typeof runCli>): void {
  expect(run.stderr).not.toMatch(/internal error|внутренняя ошибка|TypeError|Operator not defined|^\s+at /m);
  expect(run.code, run.stderr).toBe(0);
}

describe('managers, sources and loss reasons named like Object.prototype members', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'proto-names-'));
  const deals = dealsFile(dir);
  const kpi = ['kpi', '-d', deals, '--now', '2025-06-01', '--lang', 'ru'];

  it('kpi -o .html draws a bar for each manager, source and reason, and lists them in the tables', () => {
    const file = path.join(dir, 'k.html');
    expectClean(runCli([...kpi, '--by', 'source,month', '-o', file]));
    const html = readFileSync(file, 'utf8');
    // A chart's table rows, its header row aside.
    const charts = new Map(htmlStructure(html).charts.map((c) => [c.id, { ...c, rows: c.rows.slice(1) }]));
    // Each manager 1 of 3 deals won; each reason 1 of the 5 lost deals; each source 3 leads.
    expect(charts.get('managers-conversion')!.rows.map((r) => r[0]).sort()).toEqual([...NAMES].sort());
    expect(charts.get('managers-conversion')!.rows.every((r) => r[1] === '33,3%')).toBe(true);
    expect(charts.get('loss-reasons')!.rows.map((r) => r.join(' | ')).sort()).toEqual(NAMES.map((n) => `${n} | 1 | 20,0%`).sort());
    for (const id of ['managers-conversion', 'loss-reasons']) {
      const svg = chartSvg(html, id);
      expect(countMarks(svg).bars, id).toBe(5);
      for (const n of NAMES) expect(svg, `${id}: ${n}`).toContain(`>${n}</text>`);
    }
    // Five sources by month: a line each in the legend.
    const months = chartSvg(html, 'months-leads');
    for (const n of NAMES) expect(months, n).toContain(`>${n}</text>`);
  });

  it('kpi --by source -o .html draws the sources', () => {
    const file = path.join(dir, 's.html');
    expectClean(runCli([...kpi, '--by', 'source', '-o', file]));
    const html = readFileSync(file, 'utf8');
    const leads = htmlStructure(html).charts.find((c) => c.id === 'sources-leads')!;
    expect(leads.rows[0]).toEqual(['Источник', 'Лиды']);
    expect(leads.rows.slice(1).map((r) => r.join(' | ')).sort()).toEqual(NAMES.map((n) => `${n} | 3`).sort());
    expect(countMarks(chartSvg(html, 'sources-leads')).bars).toBe(5);
  });

  it('kpi -o .xlsx holds every name as data, with its charts', async () => {
    const file = path.join(dir, 'k.xlsx');
    expectClean(runCli([...kpi, '--by', 'source', '-o', file]));
    const sheets = await workbookTexts(file);
    const all = [...sheets.values()].flat();
    for (const n of NAMES) expect(all.filter((t) => t === n).length, n).toBeGreaterThanOrEqual(3);
    expect([...sheets.keys()]).toContain('Графики');
  });

  it('report -o .html and .xlsx succeed with the same names', async () => {
    const report = ['report', '--answers', 'samples/answers/leader.yaml', '-d', deals, '--now', '2025-06-01', '--lang', 'ru'];
    const html = path.join(dir, 'r.html');
    expectClean(runCli([...report, '-o', html]));
    for (const n of NAMES) expect(chartSvg(readFileSync(html, 'utf8'), 'managers-conversion'), n).toContain(`>${n}</text>`);
    const xlsx = path.join(dir, 'r.xlsx');
    expectClean(runCli([...report, '-o', xlsx]));
    const all = [...(await workbookTexts(xlsx)).values()].flat();
    for (const n of NAMES) expect(all, n).toContain(n);
  });
});
