import { describe, expect, it } from 'vitest';
import type { KpiGroup, KpiResult } from '../../../src/core/kpi/types.js';
import { buildCharts } from '../../../src/render/charts/build.js';
import { monthCharts, sourceCharts, TOP_SOURCES } from '../../../src/render/charts/groups.js';
import { renderChartSvg } from '../../../src/render/charts/svg.js';
import { TONES } from '../../../src/render/charts/spec.js';
import { groupsOnlyResult, groupsResult, SOURCE_ADS } from '../../helpers/groups-result.js';
import { kpiResult } from '../../helpers/results.js';
import { countMarks } from '../../helpers/svg-marks.js';

type Point = { month: string; series: string; value: number; text: string };
const points = (spec: Record<string, unknown>) => (spec.data as { values: Point[] }).values;

describe('charts of groupings', () => {
  it('by month: the department\'s line and a line per source, months in order, as a Russian reader writes them', () => {
    const [leads, conversion, revenue] = monthCharts(groupsResult(), 'ru');
    expect([leads!.id, conversion!.id, revenue!.id]).toEqual(['months-leads', 'months-conversion', 'months-revenue']);
    expect(leads!.kind).toBe('line');
    expect(leads!.table.head).toEqual(['Месяц', 'Отдел', SOURCE_ADS, 'Сайт', 'не указано']);
    expect(leads!.table.rows).toEqual([['07.2024', '3', '2', '1', '—'], ['08.2024', '3', '1', '1', '1']]);
    expect(conversion!.table.rows[1]).toEqual(['08.2024', '66,7%', '100,0%', '100,0%', '0,0%']);
    expect(revenue!.table.rows[0]).toEqual(['07.2024', '100 000', '100 000', '0', '—']);
    // A point per line and month that has a value: 2 + 2 + 2 + 1.
    expect(leads!.marks).toBe(7);
    expect(points(conversion!.spec).find((p) => p.series === 'Сайт' && p.month === '07.2024')).toMatchObject({ value: 0, text: '0,0%' });
    const x = (leads!.spec.encoding as { x: { sort: string[] } }).x;
    expect(x.sort).toEqual(['07.2024', '08.2024']);
  });

  it('only a month grouping: one line, the department\'s; none without a month grouping', () => {
    const r = groupsOnlyResult();
    const monthOnly: KpiResult = { ...r, groupBy: [['month']], groups: r.groups!.filter((g) => Object.keys(g.by).join() === 'month') };
    const [leads] = monthCharts(monthOnly, 'en');
    expect(leads!.table).toEqual({ head: ['Month', 'Department'], rows: [['2024-07', '3'], ['2024-08', '3']] });
    expect(monthCharts(kpiResult(), 'ru')).toEqual([]);
  });

  it('a month or a source that only activities have (no deals, no spend) draws no point', () => {
    const r = groupsOnlyResult();
    const months = r.groups!.filter((g) => Object.keys(g.by).join() === 'month');
    const callsOnly = { by: { month: '2024-09' }, metrics: { ...months[0]!.metrics, leads: 0, won: 0, revenue: 0, conversion: null, calls_out: 12 } };
    const [leads] = monthCharts({ ...r, groupBy: [['month']], groups: [...months, callsOnly] }, 'en');
    expect(leads!.table.rows.map((row) => row[0])).toEqual(['2024-07', '2024-08']);
  });

  it('past the top sources by leads, the rest is one line summed exactly: its conversion from the summed counts', () => {
    const r = groupsOnlyResult();
    const pivot: KpiGroup[] = [];
    // Sources 1…9 with 10…2 leads in July, each with one won deal.
    for (let i = 1; i <= TOP_SOURCES + 3; i++) pivot.push({ by: { source: `Источник ${i}`, month: '2024-07' }, metrics: { leads: 11 - i, won: 1, revenue: 1000 } });
    const many: KpiResult = { ...r, groupBy: [['source', 'month']], groups: pivot };
    const [leads, conversion] = monthCharts(many, 'ru');
    expect(leads!.table.head).toEqual(['Месяц', ...Array.from({ length: TOP_SOURCES }, (_, i) => `Источник ${i + 1}`), 'прочие (3 источника)']);
    // The rest: 3 + 2 + 1... leads 4, 3, 2 = 9 leads, 3 won.
    expect(leads!.table.rows[0]!.at(-1)).toBe('9');
    expect(conversion!.table.rows[0]!.at(-1)).toBe('33,3%');
  });

  it('by source: leads and conversion against the department, CAC and ROMI with a spend file', () => {
    const charts = sourceCharts(groupsResult(), 'ru');
    expect(charts.map((c) => c.id)).toEqual(['sources-leads', 'sources-conversion', 'sources-cac', 'sources-romi']);
    const [leads, conversion, cac, romi] = charts;
    expect(leads!.table).toEqual({ head: ['Источник', 'Лиды'], rows: [[SOURCE_ADS, '3'], ['Сайт', '2'], ['не указано', '1']] });
    expect(conversion!.table.rows).toEqual([[SOURCE_ADS, '66,7%', '50,0%'], ['Сайт', '50,0%', '50,0%'], ['не указано', '0,0%', '50,0%']]);
    // No spend, no CAC: «не указано» has no bar.
    expect(cac!.table.rows).toEqual([[SOURCE_ADS, '40 000', '27 500'], ['Сайт', '10 000', '27 500']]);
    expect(cac!.marks).toBe(2);
    expect(romi!.table.rows[0]).toEqual([SOURCE_ADS, '87,5%', '63,6%']);
    expect(sourceCharts(groupsOnlyResult(), 'ru').map((c) => c.id)).toEqual(['sources-leads', 'sources-conversion']);
  });

  it('every chart of groupings renders to SVG with its marks, after the managers\' charts', async () => {
    const charts = buildCharts({ kpi: groupsResult() }, 'ru');
    expect(charts.map((c) => c.id)).toEqual(['funnel', 'managers-conversion', 'loss-reasons', 'months-leads', 'months-conversion', 'months-revenue', 'sources-leads', 'sources-conversion', 'sources-cac', 'sources-romi']);
    for (const chart of charts.filter((c) => c.id.startsWith('months-') || c.id.startsWith('sources-'))) {
      const svg = await renderChartSvg(chart, 'ru');
      const marks = countMarks(svg);
      expect(marks.bars + marks.points, chart.id).toBe(chart.marks);
      if (chart.kind === 'line') expect(marks.lines, chart.id).toBe(chart.table.head.length - 1);
      expect(marks.scripts).toBe(0);
    }
    const svg = await renderChartSvg(charts.find((c) => c.id === 'months-conversion')!, 'ru');
    expect(svg).toContain('<title>Сайт, 08.2024: 100,0%</title>');
    // What a screen reader says of each mark is Russian too: Vega writes «symbol», «line mark container».
    expect(svg).not.toMatch(/aria-roledescription="[^"]*[a-z]/);
    expect(svg).toContain('aria-roledescription="точка"');
  });
});

describe('ROMI by source', () => {
  // A tester: ROMI bars far below the department's line were green, where conversion and CAC colour against the department.
  it('is coloured against the department, as conversion and CAC are', () => {
    const romi = sourceCharts(groupsResult(), 'ru').find((c) => c.id === 'sources-romi')!;
    const total = groupsResult().total.romi as number;
    const bars = (romi.spec.data as { values: Array<{ value: number; color: string }> }).values;
    expect(bars.length).toBeGreaterThan(1);
    for (const b of bars) expect(b.color, String(b.value)).toBe(b.value < total ? TONES.bad : TONES.good);
    expect(bars.some((b) => b.value < total && b.value > 0)).toBe(true);
  });
});
