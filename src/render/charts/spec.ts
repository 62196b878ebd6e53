import { tr } from '../../core/i18n.js';
import { terminalSafe } from '../terminal-safe.js';

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

/**
 * What a chart's scales, sorts and legends are keyed by: `N|name`, N counting the distinct names of a
 * chart's categories (or series). Vega holds them in plain objects and Vega-Lite writes a sort into an
 * expression, where a bare name such as `valueOf`, `constructor` or `__proto__` (a manager's, a
 * source's, a loss reason's) was taken for an Object.prototype member: «Operator not defined» stopped
 * every HTML and XLSX report, and `__proto__` lost its bar with Vega's stack trace on stderr (tester
 * T37 F2). No such member starts with a digit; two names one once their control characters are
 * shown (shown) keep their keys apart.
 */
export function chartKeys(names: readonly string[] = []): (name: string) => string {
  const keys = new Map<string, string>();
  const labels = new Set<string>();
  const tail = tailApart(names.map(shown));
  return (name) => {
    let key = keys.get(name);
    if (key === undefined) {
      const label = distinctLabel(shown(name), labels, tail);
      labels.add(label);
      keys.set(name, (key = `${keys.size}|${label}`));
    }
    return key;
  };
}

/** The end of a cut name kept at least, and the longer ends tried, up to a head of 7 characters. */
const TAIL = 12;
const TAILS = [16, 20, 24];

/** A name cut in the middle to LABEL_CHARS, its last `tail` characters kept. */
function cutLabel(chars: readonly string[], tail: number): string {
  return `${chars.slice(0, LABEL_CHARS - 1 - tail).join('').trimEnd()}…${chars.slice(-tail).join('').trimStart()}`;
}

/**
 * The shortest end that tells a chart's long names apart, for all of them alike: chosen name by name,
 * the first kept a short end and lost what set it apart («…филиал 0 Иванов…» and «…филиал 1 Иванов…»
 * read as one bar in print: a reviewer); TAIL where none does (distinctLabel then goes on by name).
 */
function tailApart(names: readonly string[]): number {
  const long = [...new Set(names)].map((n) => Array.from(n)).filter((c) => c.length > LABEL_CHARS);
  if (long.length < 2) return TAIL;
  for (let tail = TAIL; tail <= LABEL_CHARS - 8; tail++) if (new Set(long.map((c) => cutLabel(c, tail))).size === long.length) return tail;
  return TAIL;
}

/**
 * The most characters of a name an axis or a legend shows whole: its labelLimit of 300 px over what Vega
 * reckons a character of 11 px is without a canvas (0.8 of the font size): 34. A longer one Vega cuts at its end.
 */
const LABEL_CHARS = 34;

/**
 * A name as a chart's axis or legend shows it: whole where it fits, else cut in the middle, its end kept
 * («Константинопольская-Длиннофамиль…Вячеславовна 07»), and further apart from the labels already given.
 * Vega cut them at their end: ten managers of one long surname and department were ten bars of one
 * label (tester T42 F10); their full names are in the hover titles and the table under the chart.
 */
function distinctLabel(name: string, taken: ReadonlySet<string>, first = TAIL): string {
  const chars = Array.from(name);
  if (chars.length <= LABEL_CHARS) return name;
  for (const tail of [first, ...TAILS]) {
    const label = cutLabel(chars, tail);
    if (!taken.has(label)) return label;
  }
  const cut = `${chars.slice(0, LABEL_CHARS - 6).join('').trimEnd()}…`;
  for (let n = 2; ; n++) if (!taken.has(`${cut} (${n})`)) return `${cut} (${n})`;
}
/** The name an axis or a legend shows for a key: the key past its `|` (an expression of no data). */
const KEY_LABEL = "slice(datum.label, indexof(datum.label, '|') + 1)";

/**
 * A name or a value as a chart writes it into its SVG: a control character of the data (an escape
 * sequence in a manager's name) as U+FFFD, as the HTML tables show it (esc): a report read with `cat`
 * must not retitle or clear the terminal, and XML 1.0 cannot hold one (tester T37 F3).
 */
const shown = (text: string): string => terminalSafe(text, false);
/** A row of a chart's data with every text of it shown (shown). */
function shownRow<T extends object>(row: T): T {
  return Object.fromEntries(Object.entries(row).map(([k, v]) => [k, typeof v === 'string' ? shown(v) : v])) as T;
}

/** The axis format of a metric format (d3-format; the locale above supplies separators), for ticks `decimals` apart. */
export function axisFormat(format: string, decimals = 0): string {
  // Grouped as the tables group (a Russian «1 100%», not «1100%»), trailing zeros trimmed («0,5 1 1,5»).
  return format === 'ratio' ? `,.${decimals}~%` : format === 'points' || format === 'count' ? ',d' : `,.${decimals}~f`;
}

/** Metric formats of whole numbers: an axis of deals or points ticks at 0, 1, 2…, never at 0,2. */
const WHOLE = new Set(['count', 'points']);
/** Pixels a character of a tick label takes at 11 px, and the gap between two labels. */
const CHAR_PX = 7;
const LABEL_GAP = 14;
/** At most this many ticks, however much room: sixteen at 5 minutes apart read as a ruler, not a scale. */
const MAX_TICKS = 11;
/** Pixels a tick takes on a vertical axis: a line of text and a gap. */
const ROW_PX = 24;

/** The digits after the point of ticks `step` apart, in the axis' unit (per cent for a share): 0 for 1, 1 for 0,5. */
function stepDecimals(step: number, format: string): number {
  const unit = Number((format === 'ratio' ? step * 100 : step).toPrecision(12));
  return /\.(\d+)$/.exec(String(unit))?.[1]!.length ?? 0;
}

/** How many characters a tick label takes, as the axis writes it (sign, digits, group spaces, the decimals, %). */
function labelChars(value: number, format: string, decimals: number): number {
  const digits = Math.round(Math.abs(format === 'ratio' ? value * 100 : value)).toString().length;
  return (value < 0 ? 1 : 0) + digits + Math.floor((digits - 1) / 3) + (decimals > 0 ? decimals + 1 : 0) + (format === 'ratio' ? 1 : 0);
}

/**
 * Ticks of a value axis: multiples of a step of 1, 2, 2,5 or 5 × 10ⁿ, so 0 is one whenever the values span it,
 * and as few as leave each label room (`room` px along the axis; `vertical`: a line each): Vega thinned
 * labels that overlapped, every other one, and «−100% 100% 300%» lost its 0.
 */
export function axisTicks(format: string, values: number[], room: number, vertical = false): { values: number[]; decimals: number } {
  const lo = Math.min(0, ...values);
  const hi = Math.max(0, ...values) === lo ? lo + 1 : Math.max(0, ...values);
  const span = hi - lo;
  for (let e = Math.floor(Math.log10(span)) - 2; ; e++) {
    for (const m of [1, 2, 2.5, 5]) {
      const step = m * 10 ** e;
      if (WHOLE.has(format) && step < 1) continue;
      const first = Math.floor(lo / step + 1e-9);
      const last = Math.ceil(hi / step - 1e-9);
      const ticks = Array.from({ length: last - first + 1 }, (_, i) => Number(((first + i) * step).toPrecision(12)));
      const decimals = stepDecimals(step, format);
      const apart = vertical ? ROW_PX : Math.max(...ticks.map((t) => labelChars(t, format, decimals))) * CHAR_PX + LABEL_GAP;
      if (ticks.length <= 2 || (ticks.length <= MAX_TICKS && (ticks.length - 1) * apart <= room)) return { values: ticks, decimals };
    }
  }
}

/**
 * The value axis of a chart: ticks that include 0, spaced for their labels (axisTicks), written as the
 * tables write numbers; its scale runs from the first tick to the last (from 0 to 1, 100 % for a share,
 * when every value is 0 or there is none: the scale was [0, 0] and drew its one tick «0%» mid-axis).
 */
export function valueAxis(format: string, values: number[], room = 480, vertical = false): { axis: Record<string, unknown>; scale: Record<string, unknown> } {
  const ticks = axisTicks(format, values, room, vertical);
  // The ticks leave their labels room, so none is hidden: Vega's own estimate hid every other one, 0 among them.
  // Labels centred on their ticks, the end ones too (not flush with the ends, which crowded a label beside them).
  // tickCount: Vega-Lite's default (a tick per 40 px) dropped every other one of more values than that.
  const axis = { format: axisFormat(format, ticks.decimals), values: ticks.values, tickCount: ticks.values.length, labelOverlap: false, labelFlush: false, ...(WHOLE.has(format) ? { tickMinStep: 1 } : {}) };
  return { axis, scale: { domain: [ticks.values[0]!, ticks.values.at(-1)!], nice: false } };
}

/** Room along a bar chart's value axis: the chart's width less its category names (at most 300 px, the label limit). */
function barRoom(width: number, labels: string[]): number {
  return width - Math.min(300, Math.max(0, ...labels.map((l) => l.length)) * CHAR_PX) - 40;
}

/** Pixels a bar's value label takes at 11 px beyond the bar's end: its offset, its characters and a gap. */
const labelPx = (text: string) => 4 + [...text].length * CHAR_PX + 4;

/**
 * Where a bar's value label starts. It follows the bar's end, but a negative bar's stays right of zero:
 * at the bar's left end it would sit on the bar (ROMI −100 %) or on the category names. A label the
 * reference line would cross (a bar ending just short of the department's line: «23,4%» struck through
 * by its dashes, a tester) starts past the line instead. `room`: the plot's width in pixels, at least.
 */
function labelAt(rule: number | undefined, domain: [number, number], room: number): (b: Bar) => number {
  const perPx = (domain[1] - domain[0]) / Math.max(1, room);
  return (b) => {
    const start = Math.max(b.value, 0);
    if (rule === undefined || start >= rule) return start;
    return start + labelPx(b.text) * perPx > rule ? rule : start;
  };
}

/** Horizontal bars, one per category, labelled with their text, with an optional reference line. */
export function barSpec(lang: string, bars: Bar[], format: string, rule?: { value: number; label: string }): Record<string, unknown> {
  // Two or three bars still get room for their labels and the reference line's label above them.
  const height = Math.max(90, bars.length * 26);
  const room = barRoom(640, bars.map((b) => b.label));
  const axis = valueAxis(format, [...bars.map((b) => b.value), ...(rule ? [rule.value] : [])], room);
  const domain = axis.scale.domain as [number, number];
  const at = labelAt(rule?.value, domain, room);
  const key = chartKeys(bars.map((b) => b.label));
  const values = bars.map((b) => ({ ...shownRow(b), key: key(b.label), at: at(b), color: TONES[b.tone ?? 'base'], hover: shown(`${b.label}: ${b.text}`) }));
  // The bars in the data's order (sort: null): an explicit list of 1 000 keys compiled into one expression too deep for the stack (tester T60 H1).
  const y = { field: 'key', type: 'nominal', sort: null, title: null, axis: { grid: false, labelExpr: KEY_LABEL } };
  const x = { field: 'value', type: 'quantitative', title: null, ...axis };
  // The reference line over the bars but under their values: drawn over them, its dashes crossed «23,8%».
  const ruleLayer = rule ? [{ data: { values: [shownRow(rule)] }, mark: { type: 'rule', color: '#e65100', strokeDash: [5, 3], strokeWidth: 2, aria: false }, encoding: { x: { field: 'value', type: 'quantitative' } } }] : [];
  const layer: Array<Record<string, unknown>> = [
    { mark: { type: 'bar', height: 16 }, encoding: { y, x, color: { field: 'color', type: 'nominal', scale: null }, description: { field: 'hover' } } },
    ...ruleLayer,
    { mark: { type: 'text', align: 'left', dx: 4, fontSize: 11, color: '#263238', aria: false }, encoding: { y, x: { ...x, field: 'at' }, text: { field: 'text' } } },
  ];
  if (rule) {
    layer.push({ data: { values: [shownRow(rule)] }, mark: { type: 'text', color: '#e65100', align: 'left', dx: 4, dy: -2, baseline: 'bottom', y: 0, fontSize: 10, aria: false }, encoding: { x: { field: 'value', type: 'quantitative' }, text: { field: 'label' } } });
  }
  return { ...frame(lang, 640, height), data: { values }, layer };
}

/** Two bars per category (e.g. score against maximum, missed share and callbacks), with a legend. */
export function pairedBarSpec(lang: string, rows: Array<{ label: string; series: string; value: number; text: string; color: string }>, format: string): Record<string, unknown> {
  const categories = new Set(rows.map((r) => r.label)).size;
  const y = { field: 'key', type: 'nominal', sort: null, title: null, axis: { grid: false, labelExpr: KEY_LABEL } };
  const x = { field: 'value', type: 'quantitative', title: null, ...valueAxis(format, rows.map((r) => r.value), barRoom(640, rows.map((r) => r.label))) };
  const series = [...new Map(rows.map((r) => [r.series, r.color])).entries()];
  const [key, seriesKey] = [chartKeys(rows.map((r) => r.label)), chartKeys()];
  const color = { field: 'seriesKey', type: 'nominal', sort: null, scale: { domain: series.map((s) => seriesKey(s[0])), range: series.map((s) => s[1]) }, legend: { labelExpr: KEY_LABEL } };
  const yOffset = { field: 'seriesKey', type: 'nominal', sort: null };
  return {
    // 14 px a bar and 12 between categories: 40 a category with two series, more with a third (a re-audit's
    // earlier score); then the axis and the legend. Without room for the legend (70 px with the axis and the padding) two
    // managers of one series were squeezed into 19 px, their names overlapping.
    ...frame(lang, 640, Math.max(80, categories * (series.length * 14 + 12) + 70)),
    data: { values: rows.map((r) => ({ ...shownRow(r), key: key(r.label), seriesKey: seriesKey(r.series), hover: shown(`${r.label} — ${r.series}: ${r.text}`) })) },
    layer: [
      { mark: { type: 'bar', height: 14 }, encoding: { y, x, color, yOffset, description: { field: 'hover' } } },
      { mark: { type: 'text', align: 'left', dx: 4, fontSize: 10, color: '#263238', aria: false }, encoding: { y, x, yOffset, text: { field: 'text' } } },
    ],
  };
}

/** Lines over months, e.g. cumulative net gain against the cost. */
export function lineSpec(lang: string, points: Array<{ month: number; series: string; value: number; text: string }>, colors: Array<[string, string]>, yTitle: string): Record<string, unknown> {
  const month = tr(lang, 'месяц', 'month');
  const seriesKey = chartKeys();
  return {
    ...frame(lang, 640, 280),
    data: { values: points.map((p) => ({ ...shownRow(p), seriesKey: seriesKey(p.series), hover: shown(`${p.series}, ${month} ${p.month}: ${p.text}`) })) },
    mark: { type: 'line', point: true, strokeWidth: 2 },
    encoding: {
      x: { field: 'month', type: 'quantitative', title: tr(lang, 'Месяц после запуска', 'Month after go-live'), axis: { format: 'd', tickMinStep: 1 } },
      y: { field: 'value', type: 'quantitative', title: yTitle, axis: { format: ',.0f' } },
      color: { field: 'seriesKey', type: 'nominal', sort: null, scale: { domain: colors.map((c) => seriesKey(c[0])), range: colors.map((c) => c[1]) }, legend: { labelExpr: KEY_LABEL } },
      description: { field: 'hover' },
    },
  };
}

/** Series colours of lines over months: the department dark, then one per source. */
export const SERIES_COLORS = ['#263238', '#1f5f99', '#2e7d32', '#c62828', '#ef6c00', '#6a1b9a', '#00838f', '#78909c'];

/** Lines over calendar months (`07.2024`…, in order), one per series, e.g. leads of each source by month. */
export function monthLineSpec(lang: string, points: Array<{ month: string; series: string; value: number; text: string }>, months: string[], series: string[], format: string): Record<string, unknown> {
  const seriesKey = chartKeys();
  return {
    ...frame(lang, 640, 260),
    data: { values: points.map((p) => ({ ...shownRow(p), seriesKey: seriesKey(p.series), hover: shown(`${p.series}, ${p.month}: ${p.text}`) })) },
    mark: { type: 'line', point: true, strokeWidth: 2 },
    encoding: {
      x: { field: 'month', type: 'ordinal', sort: months, title: null, axis: { labelAngle: months.length > 8 ? -45 : 0 } },
      y: { field: 'value', type: 'quantitative', title: null, ...valueAxis(format, points.map((p) => p.value), 200, true) },
      color: { field: 'seriesKey', type: 'nominal', sort: null, scale: { domain: series.map(seriesKey), range: series.map((_, i) => SERIES_COLORS[i % SERIES_COLORS.length]) }, legend: { labelExpr: KEY_LABEL } },
      description: { field: 'hover' },
    },
  };
}
