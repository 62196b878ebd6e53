// The renderers of groupings, unit economics and the plan on the engine's own output, through the
// real binary: every group of the JSON shows in every format, with the numbers the JSON has.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { KpiGroup, KpiResult } from '../../src/core/kpi/types.js';
import { formatMonth, formatValue } from '../../src/render/format.js';
import { runCli } from '../helpers/cli.js';
import { htmlStructure } from '../helpers/html-structure.js';
import { latinWords } from '../helpers/latin-words.js';

const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-groups-render-'));
const RU = { LANG: 'ru_RU.UTF-8', LC_ALL: '', LC_MESSAGES: '' };
const ARGS = ['kpi', '-d', 'deals.csv', '--by', 'source,month', '--by', 'source', '--by', 'month', '--by', 'stage', '--spend', 'spend.csv', '--plan', 'plan.csv', '--margin', '40%', '--now', '2025-03-01T09:00:00Z'];

beforeAll(() => {
  const rows = ['ID;Ответственный;Контакт;Дата создания;Дата закрытия;Бюджет;Источник;Этап'];
  const sources = ['Контекст', 'Сайт', 'Выставка', ''];
  // 24 deals over two months: every fourth without a source, a third won, a third lost, the rest open.
  for (let i = 0; i < 24; i++) {
    const month = i < 12 ? '01' : '02';
    const day = String((i % 12) + 2).padStart(2, '0');
    const stage = i % 3 === 0 ? 'Успешно реализовано' : i % 3 === 1 ? 'Закрыто и не реализовано' : i % 2 ? 'Переговоры' : 'Счёт выставлен';
    const closed = i % 3 === 2 ? '' : `${String(Number(day) + 5).padStart(2, '0')}.${month}.2025 12:00`;
    rows.push(`${i + 1};${i % 2 ? 'Иванова Анна' : 'Петров Олег'};Клиент ${i % 7};${day}.${month}.2025 10:00;${closed};${i % 3 === 0 ? 10_000 * (1 + (i % 5)) : ''};${sources[i % 4]};${stage}`);
  }
  writeFileSync(path.join(dir, 'deals.csv'), `${rows.join('\n')}\n`);
  writeFileSync(path.join(dir, 'spend.csv'), 'Месяц;Источник;Расход\n01.2025;Контекст;30 000\n02.2025;Контекст;20 000\n01.2025;Сайт;5 000\n02.2025;Радио;7 000\n');
  writeFileSync(path.join(dir, 'plan.csv'), 'Источник;Месяц;Лиды;Продажи;Выручка\nКонтекст;01.2025;5;2;50 000\nСайт;02.2025;3;1;20 000\n');
});

const run = (extra: string[]) => runCli([...ARGS, ...extra], { cwd: dir, env: RU });
const result = (): KpiResult => {
  const r = run(['--format', 'json']);
  expect(r.code, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as KpiResult;
};
const pivotOf = (k: KpiResult): KpiGroup[] => k.groups!.filter((g) => Object.keys(g.by).length === 2);
const key = (g: KpiGroup) => [g.by.source ?? 'не указано', formatMonth(g.by.month!, 'ru')];

describe('kpi --by/--spend/--plan rendered from the engine', () => {
  it('the terminal: a row per group with the JSON\'s numbers (none for a group without a lead: all zeros), unit economics, plan; in Russian only', () => {
    const k = result();
    const r = run([]);
    expect(r.code, r.stderr).toBe(0);
    const lines = r.stdout.split('\n');
    const deals = lines.slice(0, lines.findIndex((l) => l.includes('юнит-экономика')));
    const empty = pivotOf(k).filter((g) => !g.metrics.leads);
    expect(empty.length).toBeGreaterThan(0);
    for (const g of empty) {
      const [source, month] = key(g);
      expect(deals.find((l) => l.startsWith(source!.slice(0, 11)) && l.includes(` ${month} `)), `${source} ${month}`).toBeUndefined();
    }
    for (const g of pivotOf(k).filter((x) => x.metrics.leads)) {
      const [source, month] = key(g);
      const row = lines.find((l) => l.startsWith(source!.slice(0, 11)) && l.includes(` ${month} `) && !l.includes('план'));
      expect(row, `${source} ${month}`).toBeDefined();
      const cells = row!.trim().split(/ {2,}/);
      expect(cells.slice(2, 5)).toEqual([formatValue(g.metrics.leads, 'count', 'ru'), formatValue(g.metrics.won, 'count', 'ru'), formatValue(g.metrics.conversion, 'ratio', 'ru')]);
    }
    const cac = lines.find((l) => l.startsWith('CAC '))!;
    expect(cac.trim().split(/ {2,}/)).toEqual(['CAC', formatValue(k.total.cac, 'money', 'ru')]);
    expect(r.stdout).toContain('Радио — 7 000');
    expect(r.stdout).toContain('План / факт');
    for (const line of lines) expect([...line].length, line).toBeLessThanOrEqual(100);
    expect(latinWords(r.stdout + r.stderr)).toEqual([]);
  });

  it('CSV and XLSX: the pivot has a row per group of the JSON and the department', async () => {
    const k = result();
    const csv = run(['--format', 'csv']);
    expect(csv.code, csv.stderr).toBe(0);
    const pivot = csv.stdout.slice(1).split('\r\n\r\n').map((b) => parse(b, { delimiter: ';' }) as string[][]).find((t) => t[0]![0] === 'Источник' && t[0]![1] === 'Месяц' && t[0]![2] === 'Лиды')!;
    expect(pivot.slice(1, -1).map((r) => [r[0], r[1], r[2]])).toEqual(pivotOf(k).map((g) => [...key(g), String(g.metrics.leads)]));
    const file = path.join(dir, 'kpi.xlsx');
    expect(run(['-o', file]).code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(readFileSync(file) as unknown as ExcelJS.Buffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(expect.arrayContaining(['Источники × месяцы', 'Источники', 'Месяцы', 'Этапы', 'План-факт', 'Графики']));
    const sheet = wb.getWorksheet('Источники × месяцы')!;
    const header = (sheet.views[0] as { ySplit: number }).ySplit;
    expect(sheet.rowCount - header).toBe(pivotOf(k).length + 1);
    const spend = (sheet.getRow(header).values as unknown[]).indexOf('Расходы');
    expect(sheet.getRow(header + 1).getCell(spend).value).toBe(pivotOf(k)[0]!.metrics.spend);
  });

  it('HTML: trends with a line per source, bars per source, stages and plan', () => {
    const r = run(['--format', 'html']);
    expect(r.code, r.stderr).toBe(0);
    const s = htmlStructure(r.stdout);
    expect(s.sections).toEqual(expect.arrayContaining(['unit-economics', 'months', 'sources', 'stages', 'plan']));
    const leads = s.charts.find((c) => c.id === 'months-leads')!;
    // The department, then the sources by their leads (ties by name).
    const bySource = new Map<string, number>();
    for (const g of pivotOf(result())) bySource.set(key(g)[0]!, (bySource.get(key(g)[0]!) ?? 0) + (g.metrics.leads as number));
    const ranked = [...bySource].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([name]) => name);
    expect(leads.rows[0]).toEqual(['Месяц', 'Отдел', ...ranked]);
    expect(s.charts.map((c) => c.id)).toEqual(expect.arrayContaining(['sources-leads', 'sources-conversion', 'sources-cac', 'sources-romi']));
  });

  // The stage and pipeline groupings had their tables and no chart (tester T42).
  it('HTML: open deals by stage and their age as bars, with the JSON\'s numbers', () => {
    const k = result();
    const stages = k.groups!.filter((g) => Object.keys(g.by).join() === 'stage' && (g.metrics.open as number) > 0);
    expect(stages.length).toBeGreaterThan(1);
    const s = htmlStructure(run(['--format', 'html']).stdout);
    const open = s.charts.find((c) => c.id === 'stages-open')!;
    // A count has no department line: the department is the sum.
    expect(open.rows).toEqual([['Этап', 'В работе'], ...stages.map((g) => [g.by.stage, formatValue(g.metrics.open, 'count', 'ru')])]);
    const age = s.charts.find((c) => c.id === 'stages-age')!;
    // The department's median age is the line each stage's is measured against.
    expect(typeof k.total.age_days_median).toBe('number');
    expect(age.rows).toEqual([['Этап', 'Возраст, дн. (медиана)', 'Отдел'], ...stages.map((g) => [g.by.stage, formatValue(g.metrics.age_days_median, 'days', 'ru'), formatValue(k.total.age_days_median, 'days', 'ru')])]);
  });

  it('HTML: leads and conversion by pipeline as bars, none for a single pipeline', () => {
    const rows = ['ID;Ответственный;Дата создания;Дата закрытия;Бюджет;Воронка;Этап', '1;Иванова Анна;02.01.2025 10:00;05.01.2025 12:00;1000;Опт;Успешно реализовано', '2;Иванова Анна;03.01.2025 10:00;06.01.2025 12:00;;Опт;Закрыто и не реализовано', '3;Петров Олег;04.01.2025 10:00;;;Опт;Переговоры', '4;Петров Олег;05.01.2025 10:00;07.01.2025 12:00;2000;Розница;Успешно реализовано', '5;Петров Олег;06.01.2025 10:00;;;Розница;Переговоры'];
    writeFileSync(path.join(dir, 'pipelines.csv'), `${rows.join('\n')}\n`);
    const html = (file: string) => {
      const r = runCli(['kpi', '-d', file, '--by', 'pipeline', '--format', 'html', '--now', '2025-03-01T09:00:00Z'], { cwd: dir, env: RU });
      expect(r.code, r.stderr).toBe(0);
      return htmlStructure(r.stdout);
    };
    const k = JSON.parse(runCli(['kpi', '-d', 'pipelines.csv', '--by', 'pipeline', '--format', 'json', '--now', '2025-03-01T09:00:00Z'], { cwd: dir, env: RU }).stdout) as KpiResult;
    const s = html('pipelines.csv');
    expect(s.charts.find((c) => c.id === 'pipelines-leads')!.rows).toEqual([['Воронка', 'Лиды'], ['Опт', '3'], ['Розница', '2']]);
    const conversion = s.charts.find((c) => c.id === 'pipelines-conversion')!;
    const pipeline = (name: string) => k.groups!.find((g) => g.by.pipeline === name)!.metrics.conversion;
    expect(conversion.rows).toEqual([['Воронка', 'Конверсия', 'Отдел'], ['Опт', formatValue(pipeline('Опт'), 'ratio', 'ru'), formatValue(k.total.conversion, 'ratio', 'ru')], ['Розница', formatValue(pipeline('Розница'), 'ratio', 'ru'), formatValue(k.total.conversion, 'ratio', 'ru')]]);
    writeFileSync(path.join(dir, 'one-pipeline.csv'), `${rows.filter((r) => !r.includes('Розница')).join('\n')}\n`);
    expect(html('one-pipeline.csv').charts.map((c) => c.id)).not.toContain('pipelines-leads');
  });
});
