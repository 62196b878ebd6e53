import { describe, expect, it } from 'vitest';
import { beforeAfterChart, buildCharts, callsChart, funnelChart, lossChart, managerCharts, paybackChart, paybackHorizon } from '../../../src/render/charts/build.js';
import { barSpec, valueAxis } from '../../../src/render/charts/spec.js';
import { renderChartSvg } from '../../../src/render/charts/svg.js';
import { compareKpis, makePeriod } from '../../../src/core/compare.js';
import { auditResult, compareResult, HOSTILE_NAME, kpiResult } from '../../helpers/results.js';
import { countMarks } from '../../helpers/svg-marks.js';

describe('chart specs: data in, marks out', () => {
  it('the funnel has a bar per stage with its share of leads', async () => {
    const chart = funnelChart(kpiResult(), 'ru')!;
    expect(chart.table.rows.map((r) => r[0])).toEqual(['Лиды', 'Выиграно', 'Проиграно', 'В работе']);
    expect(chart.table.rows[1]).toEqual(['Выиграно', '60', '20,0%']);
    const svg = await renderChartSvg(chart, 'ru');
    expect(countMarks(svg).bars).toBe(4);
    // A screen reader names each bar and its group in Russian (Vega writes «bar», «rect mark container»).
    expect(svg).toContain('aria-roledescription="столбец"');
    expect(svg).not.toMatch(/aria-roledescription="[^"]*[a-z]/);
    // Each bar says its value on hover, with no script.
    expect(svg).toContain('<title>Выиграно: 60 (20,0%)</title>');
  });

  it('loss reasons: the ten most frequent, then «прочие» with the rest and its share; --top-reasons moves the cut', () => {
    const chart = lossChart(kpiResult(), 'ru')!;
    expect(chart.table.rows).toHaveLength(11);
    // 12 reasons of 12, 11 … 1 deals (78 lost): the last two (2 + 1) are «прочие».
    expect(chart.table.rows[10]).toEqual(['прочие (2 причины)', '3', '3,8%']);
    expect(chart.marks).toBe(11);
    expect(lossChart(kpiResult(), 'ru', 3)!.table.rows.at(-1)).toEqual(['прочие (9 причин)', '45', '57,7%']);
  });

  // A tester: the report coloured whole-period medians against «цель 82,1» (the before median −30 %), the kpi report against the department.
  it('a manager without a value gets no bar, and the response is drawn against the department, never a before/after target', async () => {
    const [conv, resp, touches] = managerCharts(kpiResult(), 'ru');
    expect(conv!.marks).toBe(2);
    expect(resp!.marks).toBe(1);
    expect(resp!.table.head[2]).toBe('Ориентир: отдел');
    expect(resp!.table.rows[0]).toEqual(['Иванова Анна', '12,5', '20,0']);
    // The report's charts, with a comparison and its targets, are the same.
    const report = buildCharts({ kpi: kpiResult(), compare: compareResult() }, 'ru').find((c) => c.id === 'managers-response')!;
    expect(report.table).toEqual(resp!.table);
    expect(touches!.table.head[2]).toBe('Ориентир: норма');
    expect(countMarks(await renderChartSvg(conv!, 'ru')).bars).toBe(2);
  });

  it('before/after table: the change in its unit (a share in п. п.), and a target that cannot be judged is not «без цели»', () => {
    const chart = beforeAfterChart(compareResult(), 'ru')!;
    expect(chart.table.head).toEqual(['Показатель', 'До', 'После', 'Изменение', 'Изм., %', 'Оценка', 'Цель', 'Цель достигнута']);
    const conv = chart.table.rows.find((r) => r[0] === 'Конверсия')!;
    expect(conv.slice(1)).toEqual(['15,0%', '20,0%', '+5,0 п.\u00a0п.', '+33,3%', 'лучше', '+20,0%', 'да']);
    // Nothing won before: the change in per cent is n/a, so the conversion target is neither met nor missing.
    const side = (conversion: number, from: string, to: string) => ({ period: makePeriod(from, to), total: { leads: 10, won: 10 * conversion, conversion }, managers: [] });
    const zero = compareKpis(side(0, '2024-01-01', '2024-01-31'), side(0.5, '2024-02-01', '2024-02-29'), {});
    const row = beforeAfterChart(zero, 'ru')!.table.rows.find((r) => r[0] === 'Конверсия')!;
    expect(row.slice(1)).toEqual(['0,0%', '50,0%', '+50,0 п.\u00a0п.', '—', 'лучше', '+20,0%', '—']);
    expect(beforeAfterChart(zero, 'ru')!.table.rows.find((r) => r[0] === 'Доля побед')!.at(-1)).toBe('без цели');
  });

  it('payback: month × (gain − monthly cost) against the cost, past the payback month', async () => {
    const c = compareResult();
    const chart = paybackChart(c, 'ru')!;
    const net = c.payback!.gain_per_month! - 50_000;
    const money = (s: string) => (s.startsWith('−') ? -1 : 1) * Number(s.replace(/\D/g, ''));
    // payback after 1 500 000 / net ≈ 9.7 months: the curve runs to ceil(9.7 × 1.25) = 13
    expect(c.payback!.payback_months).toBeCloseTo(1_500_000 / net, 9);
    expect(paybackHorizon(c.payback!.payback_months)).toBe(13);
    expect(chart.table.rows).toHaveLength(14);
    expect(money(chart.table.rows[9]![1]!)).toBe(Math.round(9 * net));
    expect(money(chart.table.rows[9]![3]!)).toBe(Math.round(9 * net - 1_500_000));
    expect(money(chart.table.rows[9]![3]!)).toBeLessThan(0);
    expect(money(chart.table.rows[10]![3]!)).toBeGreaterThan(0);
    expect(paybackHorizon(null)).toBe(12);
    expect(paybackHorizon(100)).toBe(60);
    const marks = countMarks(await renderChartSvg(chart, 'ru'));
    expect(marks.lines).toBe(2);
    expect(marks.points).toBe(chart.marks);
  });

  it('payback table: each money column in one precision, kopecks only while all its amounts are below 1 000', () => {
    // A small project: 343,50 a month net, a cost of 1 412,50 (it read «343,50 · 687,01 · 1 031 · 1 374»).
    const c = compareResult();
    const small = { ...c, payback: { ...c.payback!, gain_per_month: 843.505, payback_months: 1412.5 / 343.505 }, payback_inputs: { ...c.payback_inputs!, cost: 1412.5, monthly_cost: 500 } };
    const rows = paybackChart(small, 'ru')!.table.rows;
    expect(rows.slice(0, 5).map((r) => r[1])).toEqual(['0', '344', '687', '1 031', '1 374']);
    // The balance is the shown gain minus the shown cost (T33 F6): 687 − 1 413 = −726 and 1 374 − 1 413 = −39,
    // where each rounded on its own read «−725» (−725,49) and «−38» (−38,48), one rouble off their parts.
    expect(rows.slice(0, 5).map((r) => r[3])).toEqual(['−1 413', '−1 069', '−726', '−382', '−39']);
  });

  it('payback table: the balance adds up as shown, in whole roubles and in kopecks (tester T33 F6)', () => {
    const c = compareResult();
    // 109 143,75 a month net against 1 500 000: month 2 is 218 287,5 → «218 288»; 218 288 − 1 500 000 = −1 281 712
    // (rounded on its own, −1 281 712,5 read «−1 281 713»). Month 6: 654 862,5 → «654 863», − 1 500 000 = −845 137.
    const big = { ...c, payback: { ...c.payback!, gain_per_month: 149_143.75, payback_months: 1_500_000 / 109_143.75 }, payback_inputs: { ...c.payback_inputs!, cost: 1_500_000, monthly_cost: 40_000 } };
    const rows = paybackChart(big, 'ru')!.table.rows;
    expect(rows[2]).toEqual(['2', '218 288', '1 500 000', '−1 281 712']);
    expect(rows[6]).toEqual(['6', '654 863', '1 500 000', '−845 137']);
    // Kopecks in both parts (every amount below 1 000: 12 × 50,25 = 603): 50,25 − 500,50 = −450,25, 150,75 − 500,50 = −349,75.
    const cents = (net: number) => ({ ...c, payback: { ...c.payback!, gain_per_month: net, payback_months: null }, payback_inputs: { ...c.payback_inputs!, cost: 500.5, monthly_cost: 0 } });
    const small = paybackChart(cents(50.25), 'en')!.table.rows;
    expect(small[1]).toEqual(['1', '50.25', '500.50', '−450.25']);
    expect(small[3]).toEqual(['3', '150.75', '500.50', '−349.75']);
    // Whole gains (12 × 100,25 = 1 203) beside a cost in kopecks: the balance keeps the cost's, 100 − 500,50 = −400,50.
    const mixed = paybackChart(cents(100.25), 'en')!.table.rows;
    expect(mixed[1]).toEqual(['1', '100', '500.50', '−400.50']);
    expect(mixed[4]).toEqual(['4', '401', '500.50', '−99.50']);
  });

  it('every chart of a full input renders, in the report order, without any script', async () => {
    const charts = buildCharts({ audit: auditResult(), kpi: kpiResult(), compare: compareResult() }, 'en');
    expect(charts.map((c) => c.id)).toEqual(['audit-sections', 'funnel', 'managers-conversion', 'managers-response', 'managers-touches', 'loss-reasons', 'calls', 'before-after', 'payback']);
    for (const chart of charts) {
      const svg = await renderChartSvg(chart, 'en');
      const marks = countMarks(svg);
      expect(marks.scripts, chart.id).toBe(0);
      expect(marks.bars + marks.points, chart.id).toBe(chart.marks);
      expect(svg).not.toContain('<script');
    }
    const svg = await renderChartSvg(charts.find((c) => c.id === 'managers-conversion')!, 'en');
    expect(svg).toContain('&lt;script&gt;');
    expect(svg).not.toContain(HOSTILE_NAME);
    expect(svg).toContain('<title>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt; &amp; Co: 10.0%</title>');
  });
});

/** The tick labels of a chart's value axis (the numeric ones of its axes), left to right, with their x. */
function ticks(svg: string): Array<{ x: number; text: string }> {
  const group = /<g class="mark-text role-axis-label"[^>]*>(.*?)<\/g>/g;
  const out: Array<{ x: number; text: string }> = [];
  for (const g of svg.matchAll(group)) {
    for (const t of g[1]!.matchAll(/<text[^>]*transform="translate\(([-\d.]+),[-\d.]+\)"[^>]*>([^<]*)<\/text>/g)) {
      if (/^[−\d\s\u00a0,.%]+$/.test(t[2]!)) out.push({ x: Number(t[1]), text: t[2]! });
    }
  }
  return out;
}

// A tester: four leads drew an axis «0 0,2 0,4 … 4» deals, one lost deal «0 0,1 … 1»; a calls chart of
// 0,0 % everywhere collapsed its rows and put its one tick «0%» mid-axis.
describe('value axes on small numbers', () => {
  it('tick whole counts at whole numbers; shares and decimals as before', () => {
    expect(valueAxis('count', [4, 2, 1, 1]).axis).toMatchObject({ tickMinStep: 1 });
    expect(valueAxis('points', [2, 1.5]).axis).toMatchObject({ tickMinStep: 1 });
    expect(valueAxis('ratio', [0.5, 1]).axis).not.toHaveProperty('tickMinStep');
    expect(valueAxis('decimal', [3, 8]).axis).not.toHaveProperty('tickMinStep');
  });
  it('start at 0 and run to 1 (100 % for a share) when every value is 0, else from the first tick to the last', () => {
    expect(valueAxis('ratio', [0, 0]).scale).toEqual({ domain: [0, 1], nice: false });
    expect(valueAxis('count', []).scale).toEqual({ domain: [0, 1], nice: false });
    // 0,1% at most: ticks 0,01% apart run to it.
    expect(valueAxis('ratio', [0, 0.001]).scale).toEqual({ domain: [0, 0.001], nice: false });
  });

  it('a funnel of four leads ticks 0 1 2 3 4, a single lost deal 0 1', async () => {
    const k = kpiResult();
    k.total = { ...k.total, leads: 4, won: 2, lost: 1, open: 1, loss_reasons: { 'не указана': 1 } };
    expect(ticks(await renderChartSvg(funnelChart(k, 'ru')!, 'ru')).map((t) => t.text)).toEqual(['0', '1', '2', '3', '4']);
    expect(ticks(await renderChartSvg(lossChart(k, 'ru')!, 'ru')).map((t) => t.text)).toEqual(['0', '1']);
  });

  it('calls of 0,0 % everywhere: the axis starts at 0 on the left and each row keeps its height', async () => {
    const k = kpiResult();
    k.managers = [{ ...k.managers[0]!, calls_missed: 0, missed_share: 0, callback_rate: null }];
    k.total = { ...k.total, calls_missed: 0, missed_share: 0, callback_rate: null };
    const chart = callsChart(k, 'ru')!;
    const svg = await renderChartSvg(chart, 'ru');
    const t = ticks(svg).filter((x) => x.text.endsWith('%') && !x.text.includes(','));
    expect(t[0]).toEqual({ x: 0, text: '0%' });
    expect(t.at(-1)!.text).toBe('100%');
    // The plot (its background rect, «M0,0h<w>v<h>h-<w>Z») is at least 14 px a bar plus the gap, per category.
    const plot = /class="background"[^>]*d="M0,0h[\d.]+v([\d.]+)h/.exec(svg)!;
    expect(Number(plot[1])).toBeGreaterThanOrEqual(2 * 26);
  });
});

describe('a bar chart\'s reference line', () => {
  // A tester: the department's dashed line ran through «23,4%» and «23,8%» (bars ending just short of it).
  it('never crosses a value label: a label the line would cross starts past the line', () => {
    const bars = [{ label: 'А', value: 0.291, text: '29,1%' }, { label: 'Б', value: 0.17, text: '17,0%' }, { label: 'В', value: 0.234, text: '23,4%' }, { label: 'Г', value: 0.238, text: '23,8%' }, { label: 'Д', value: 0.268, text: '26,8%' }];
    const spec = barSpec('ru', bars, 'ratio', { value: 0.247, label: 'отдел' });
    const at = Object.fromEntries((spec.data as { values: Array<{ label: string; at: number }> }).values.map((v) => [v.label, v.at]));
    expect(at).toEqual({ А: 0.291, Б: 0.17, В: 0.247, Г: 0.247, Д: 0.268 });
    // Without a line, every label follows its bar.
    const plain = (barSpec('ru', bars, 'ratio').data as { values: Array<{ value: number; at: number }> }).values;
    for (const v of plain) expect(v.at).toBe(v.value);
  });
});
