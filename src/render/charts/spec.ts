import { tr } from '../../core/i18n.js';

/** A chart: its Vega-Lite spec, and the same numbers as a table for the page and for readers without sight of it. */
export interface Chart {
  /** Stable id: `funnel`, `managers-conversion`, `payback`… (the HTML's data-chart). */
  id: string;
  /** What it draws: horizontal bars or a line over months. */
  kind: 'bar' | 'line';
  title: string;
  /** A Vega-Lite spec; turned into SVG by `renderChartSvg`. */
  spec: Record<string, unknown>;
  table: { head: string[]; rows: string[][] };
  /** How many data marks (bars, line points) the chart draws: what the tests count. */
  marks: number;
}

/** A bar: its category, value and the value as a person reads it. */
export interface Bar {
  label: string;
  value: number;
  text: string;
  /** Colour group: `good` / `bad` / `neutral` / `base`. */
  tone?: 'good' | 'bad' | 'neutral' | 'base';
}

export const TONES: Record<NonNullable<Bar['tone']>, string> = { good: '#2e7d32', bad: '#c62828', neutral: '#78909c', base: '#1f5f99' };
const FONT = 'DejaVu Sans, Liberation Sans, Arial, sans-serif';

/** The locale of axis numbers: a Russian reader writes 1 234,5 and 20%. */
function locale(lang: string) {
  return lang === 'ru'
    ? { number: { decimal: ',', thousands: '\u00a0', grouping: [3], currency: ['', '\u00a0₽'], minus: '−' } }
    : { number: { decimal: '.', thousands: ',', grouping: [3], currency: ['', ''], minus: '−' } };
}

/** The frame every chart shares: size, font, locale, no animation, white background. */
export function frame(lang: string, width: number, height: number): Record<string, unknown> {
  return {
    width,
    height,
    autosize: { type: 'fit', contains: 'padding' },
    background: 'white',
    padding: 8,
    config: {
      locale: locale(lang),
      font: FONT,
      // Vega describes axes to screen readers in English; the figure's caption and its table of numbers say it in the report's language.
      axis: { labelFontSize: 11, titleFontSize: 11, labelLimit: 300, grid: true, gridColor: '#e5e8ec', aria: false },
      // At most four entries a row: a row of seven sources ran past the chart's width and lost the last names.
      legend: { labelFontSize: 11, orient: 'bottom', title: null, labelLimit: 320, columns: 4, aria: false },
      view: { stroke: null },
    },
  };
}

/** The axis format of a metric format (d3-format; the locale above supplies separators). */
export function axisFormat(format: string): string {
  return format === 'ratio' ? '.0%' : format === 'money' ? ',.0f' : format === 'points' ? 'd' : ',.4~r';
}

/** Metric formats of whole numbers: an axis of deals or points ticks at 0, 1, 2…, never at 0,2. */
const WHOLE = new Set(['count', 'points']);

/**
 * The value axis of a chart: its format, whole ticks for whole counts («0 0,2 0,4 … 4» deals were
 * drawn for four leads), and a scale from 0 when every value is 0 (or there is none): the scale was
 * [0, 0] and drew its one tick «0%» mid-axis, the labels floating there.
 */
export function valueAxis(format: string, values: number[]): { axis: Record<string, unknown>; scale?: Record<string, unknown> } {
  const axis = { format: axisFormat(format), ...(WHOLE.has(format) ? { tickMinStep: 1 } : {}) };
  const empty = values.every((v) => v === 0);
  return empty ? { axis, scale: { domain: [0, 1] } } : { axis };
}

/** Horizontal bars, one per category, labelled with their text, with an optional reference line. */
export function barSpec(lang: string, bars: Bar[], format: string, rule?: { value: number; label: string }): Record<string, unknown> {
  // Two or three bars still get room for their labels and the reference line's label above them.
  const height = Math.max(90, bars.length * 26);
  // A bar's label follows its end, but a negative bar's stays right of zero: at the bar's left end it
  // would sit on the bar (ROMI −100 %) or on the category names.
  const values = bars.map((b) => ({ ...b, at: Math.max(b.value, 0), color: TONES[b.tone ?? 'base'], hover: `${b.label}: ${b.text}` }));
  const y = { field: 'label', type: 'nominal', sort: bars.map((b) => b.label), title: null, axis: { grid: false } };
  const x = { field: 'value', type: 'quantitative', title: null, ...valueAxis(format, [...bars.map((b) => b.value), ...(rule ? [rule.value] : [])]) };
  const layer: Array<Record<string, unknown>> = [
    { mark: { type: 'bar', height: 16 }, encoding: { y, x, color: { field: 'color', type: 'nominal', scale: null }, description: { field: 'hover' } } },
    { mark: { type: 'text', align: 'left', dx: 4, fontSize: 11, color: '#263238', aria: false }, encoding: { y, x: { ...x, field: 'at' }, text: { field: 'text' } } },
  ];
  if (rule) {
    layer.push(
      { data: { values: [rule] }, mark: { type: 'rule', color: '#e65100', strokeDash: [5, 3], strokeWidth: 2, aria: false }, encoding: { x: { field: 'value', type: 'quantitative' } } },
      { data: { values: [rule] }, mark: { type: 'text', color: '#e65100', align: 'left', dx: 4, dy: -2, baseline: 'bottom', y: 0, fontSize: 10, aria: false }, encoding: { x: { field: 'value', type: 'quantitative' }, text: { field: 'label' } } },
    );
  }
  return { ...frame(lang, 640, height), data: { values }, layer };
}

/** Two bars per category (e.g. score against maximum, missed share and callbacks), with a legend. */
export function pairedBarSpec(lang: string, rows: Array<{ label: string; series: string; value: number; text: string; color: string }>, format: string): Record<string, unknown> {
  const categories = new Set(rows.map((r) => r.label)).size;
  const y = { field: 'label', type: 'nominal', sort: null, title: null, axis: { grid: false } };
  const x = { field: 'value', type: 'quantitative', title: null, ...valueAxis(format, rows.map((r) => r.value)) };
  const series = [...new Map(rows.map((r) => [r.series, r.color])).entries()];
  const color = { field: 'series', type: 'nominal', sort: null, scale: { domain: series.map((s) => s[0]), range: series.map((s) => s[1]) } };
  const yOffset = { field: 'series', type: 'nominal', sort: null };
  return {
    // 14 px a bar and 12 between categories: 40 a category with two series, more with a third (a re-audit's
    // earlier score); then the axis and the legend. Without room for the legend (70 px with the axis and the padding) two
    // managers of one series were squeezed into 19 px, their names overlapping.
    ...frame(lang, 640, Math.max(80, categories * (series.length * 14 + 12) + 70)),
    data: { values: rows.map((r) => ({ ...r, hover: `${r.label} — ${r.series}: ${r.text}` })) },
    layer: [
      { mark: { type: 'bar', height: 14 }, encoding: { y, x, color, yOffset, description: { field: 'hover' } } },
      { mark: { type: 'text', align: 'left', dx: 4, fontSize: 10, color: '#263238', aria: false }, encoding: { y, x, yOffset, text: { field: 'text' } } },
    ],
  };
}

/** Lines over months, e.g. cumulative net gain against the cost. */
export function lineSpec(lang: string, points: Array<{ month: number; series: string; value: number; text: string }>, colors: Array<[string, string]>, yTitle: string): Record<string, unknown> {
  const month = tr(lang, 'месяц', 'month');
  return {
    ...frame(lang, 640, 280),
    data: { values: points.map((p) => ({ ...p, hover: `${p.series}, ${month} ${p.month}: ${p.text}` })) },
    mark: { type: 'line', point: true, strokeWidth: 2 },
    encoding: {
      x: { field: 'month', type: 'quantitative', title: tr(lang, 'Месяц после запуска', 'Month after go-live'), axis: { format: 'd', tickMinStep: 1 } },
      y: { field: 'value', type: 'quantitative', title: yTitle, axis: { format: ',.0f' } },
      color: { field: 'series', type: 'nominal', sort: null, scale: { domain: colors.map((c) => c[0]), range: colors.map((c) => c[1]) } },
      description: { field: 'hover' },
    },
  };
}

/** Series colours of lines over months: the department dark, then one per source. */
export const SERIES_COLORS = ['#263238', '#1f5f99', '#2e7d32', '#c62828', '#ef6c00', '#6a1b9a', '#00838f', '#78909c'];

/** Lines over calendar months (`07.2024`…, in order), one per series, e.g. leads of each source by month. */
export function monthLineSpec(lang: string, points: Array<{ month: string; series: string; value: number; text: string }>, months: string[], series: string[], format: string): Record<string, unknown> {
  return {
    ...frame(lang, 640, 260),
    data: { values: points.map((p) => ({ ...p, hover: `${p.series}, ${p.month}: ${p.text}` })) },
    mark: { type: 'line', point: true, strokeWidth: 2 },
    encoding: {
      x: { field: 'month', type: 'ordinal', sort: months, title: null, axis: { labelAngle: months.length > 8 ? -45 : 0 } },
      y: { field: 'value', type: 'quantitative', title: null, ...valueAxis(format, points.map((p) => p.value)) },
      color: { field: 'series', type: 'nominal', sort: null, scale: { domain: series, range: series.map((_, i) => SERIES_COLORS[i % SERIES_COLORS.length]) } },
      description: { field: 'hover' },
    },
  };
}
