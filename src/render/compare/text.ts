import { COMPARE_ROWS, targetUnjudged, verdictOf, type CompareResult, type CompareRow, type Payback } from '../../core/compare.js';
import { tr } from '../../core/i18n.js';
import { COMPARE_VERDICT, fill, PAYBACK_INPUTS, say } from '../../core/messages.js';
import { COMPARE_TEXT } from '../../core/messages/compare.js';
import { TARGET_DIRECTION } from '../../core/messages/documents.js';
import { metricDef, type MetricFormat } from '../../core/kpi/catalog.js';
import { formatDay, formatJudged, formatRelative, formatRowValues, formatValue } from '../format.js';
import { noPaybackText, paybackNotApplicable, reasonText, SHORT } from '../kpi/labels.js';
import { lineWidth } from '../kpi/reading-table.js';
import { wrapWords } from '../wrap.js';
import { markdownWarnings } from '../kpi/text.js';
import { borderlessTable } from '../kpi/table-style.js';
import { byReason, colors, mdTable, mdText, type RenderOptions } from '../text.js';
import { shownData } from '../terminal-safe.js';

/**
 * Labels and formats of the before/after rows that are no KPI of the catalogue: rates a month of a
 * count (spec, Before / after). Every other row is a KPI, labelled as the catalogue labels it.
 */
const RATE_ROWS: Readonly<Record<string, { ru: string; en: string; format: MetricFormat }>> = {
  leads_per_month: { ru: 'Лидов в месяц', en: 'Leads per month', format: 'decimal' },
  revenue_per_month: { ru: 'Выручка в месяц', en: 'Revenue per month', format: 'money' },
  won_per_manager_per_month: { ru: 'Продаж на менеджера в месяц', en: 'Deals won per manager per month', format: 'decimal' },
};

/**
 * Row labels and formats of the before/after table, in COMPARE_ROWS's order: a KPI's from the metric
 * catalogue (one source: compare had said «Deal cycle, days (median)», "Touches per won deal" and
 * "Missed call share" where the KPI tables said "Cycle, days (median)", "Touches per won deal" and
 * "Missed share", and «Цикл сделки, дн. (медиана)» for «Цикл, дн. (медиана)»), a rate's its own.
 */
export const ROW_INFO: Readonly<Record<string, { ru: string; en: string; format: MetricFormat }>> = Object.fromEntries(
  COMPARE_ROWS.map(({ metric }) => {
    const def = metricDef(metric);
    const info = RATE_ROWS[metric] ?? (def && { ru: def.label.ru, en: def.label.en, format: def.format });
    if (!info) throw new Error(`compare row ${metric} has no label: neither a KPI of the catalogue nor a rate`);
    return [metric, info];
  }),
);

/**
 * What a before/after row is, where it is no KPI of its own (a rate a month: spec, Before / after); the others are
 * defined by their KPI (KPI_OF). The HTML's definitions list them with the payback's and ROI's (a tester: the compare
 * HTML defined e-mails and invoices, and not the rows it showed).
 */
export const ROW_DEFINITIONS: Readonly<Record<string, { ru: string; en: string }>> = {
  leads_per_month: { ru: 'Лиды периода / его месяцы (дни / 30,4375)', en: 'Leads of the period / its months (days / 30.4375)' },
  revenue_per_month: { ru: 'Выручка периода / его месяцы (дни / 30,4375)', en: 'Revenue of the period / its months (days / 30.4375)' },
  won_per_manager_per_month: { ru: 'Выигранные сделки / число менеджеров со сделками в периоде / его месяцы', en: 'Won deals / the number of managers with deals in the period / its months' },
};

/** The 12-month ROI's formula, naming the gain as the payback table does (spec: roi_12m). */
export function roiDefinition(inputs: CompareResult['payback_inputs'], lang: string): string {
  const gain = gainLabel(inputs, lang, false);
  const term = gain.charAt(0).toLowerCase() + gain.slice(1);
  return tr(lang, `(12 × (${term} − затраты в месяц) − разовые затраты) / (разовые затраты + 12 × затраты в месяц)`, `(12 × (${term} − running cost a month) − one-off cost) / (one-off cost + 12 × running cost a month)`);
}

export function compareLabels(lang: string) {
  return {
    title: tr(lang, 'До и после внедрения CRM', 'Before and after the CRM'),
    metric: tr(lang, 'Показатель', 'Metric'),
    before: tr(lang, 'До', 'Before'),
    after: tr(lang, 'После', 'After'),
    /** The periods after a metric's name in a manager's columns («Конверсия: до», «после»), in lower case as a word inside a heading. */
    beforeWord: tr(lang, 'до', 'before'),
    afterWord: tr(lang, 'после', 'after'),
    change: tr(lang, 'Изменение', 'Change'),
    /** A headline's change column beside its value (the report's summary, the HTML cover). */
    changeAfter: tr(lang, 'Изменение после внедрения', 'Change (after vs before)'),
    changePct: tr(lang, 'Изм., %', 'Change %'),
    verdict: say(COMPARE_VERDICT.head, lang),
    target: tr(lang, 'Цель', 'Target'),
    met: tr(lang, 'Цель достигнута', 'Target met'),
    yes: tr(lang, 'да', 'met'),
    no: tr(lang, 'нет', 'not met'),
    manager: tr(lang, 'Менеджер', 'Manager'),
    byManager: tr(lang, 'По менеджерам', 'By manager'),
    payback: tr(lang, 'Окупаемость', 'Payback'),
    months: tr(lang, 'Срок окупаемости, мес.', 'Payback, months'),
    roi: tr(lang, 'ROI за 12 месяцев', 'ROI over 12 months'),
    changeValue: tr(lang, 'Значение', 'Value'),
    notComputed: tr(lang, 'Не рассчитано', 'Not computed'),
    period: (p: { from: string; to: string; days: number; months: number }) =>
      // A period under a month keeps two decimals: one day is «0,03 мес.», not «0,0 мес.».
      tr(lang, `${formatDay(p.from, lang)} — ${formatDay(p.to, lang)} (${p.days} дн., ${p.months.toFixed(p.months < 1 ? 2 : 1).replace('.', ',')} мес.)`, `${p.from} to ${p.to} (${p.days} ${p.days === 1 ? 'day' : 'days'}, ${p.months.toFixed(p.months < 1 ? 2 : 1)} months)`),
  };
}

/**
 * How the payback's monthly gain is named. It is revenue growth × the margin share, so it is gross
 * profit only when a margin below or above 1 was given; with the default margin of 1 it is revenue,
 * and a reader is told that --margin would make it profit. `payback_inputs.margin_given` tells a
 * margin of 1 given on purpose from the default. `note: false` drops that
 * hint, for a formula that names the gain.
 */
export function gainLabel(inputs: CompareResult['payback_inputs'], lang: string, note = true): string {
  if ((inputs?.margin ?? 1) !== 1) return tr(lang, 'Прирост валовой прибыли в месяц', 'Gross profit gain per month');
  const revenue = tr(lang, 'Прирост выручки в месяц', 'Revenue gain per month');
  const given = inputs?.margin_given === true;
  return given || !note ? revenue : `${revenue} ${tr(lang, '(маржа не задана: --margin)', '(no margin given: --margin)')}`;
}

/**
 * The inputs of payback and ROI, as a label and a number each (the one-off cost, the running cost,
 * the margin share): listed above the gain in every format, so that the gain can be traced from the
 * revenue row (gain = revenue growth × margin).
 */
export function paybackInputs(inputs: CompareResult['payback_inputs']): Array<{ label: { ru: string; en: string }; value: number; format: 'money' | 'ratio' }> {
  if (!inputs) return [];
  return [
    { label: PAYBACK_INPUTS.cost, value: inputs.cost, format: 'money' },
    { label: PAYBACK_INPUTS.monthlyCost, value: inputs.monthly_cost, format: 'money' },
    { label: PAYBACK_INPUTS.margin, value: inputs.margin, format: 'ratio' },
  ];
}

/** paybackInputs as «label: value» lines in the report's language. */
function paybackInputLines(inputs: CompareResult['payback_inputs'], lang: string): string[] {
  return paybackInputs(inputs).map((i) => `${say(i.label, lang)}: ${formatValue(i.value, i.format, lang)}`);
}

/**
 * Whether a row's change rounds to zero as the tables show it: its change in per cent («0,0%») with the
 * digits it is shown with beside its target (formatJudged: a −0,03% against a target of 0,00% is no zero,
 * and was called «без изменений» beside «✗ нет», tester T33 F3), or, without one (nothing before), the
 * change itself («0,0 п. п.», «0,00»).
 */
function shownAsZero(row: CompareRow): boolean {
  const shown = row.change_pct !== null ? formatJudged(row.change_pct, row.target, 'en').change : formatRowValues(row.before, row.after, row.change, ROW_INFO[row.metric]?.format ?? 'decimal', 'en').change;
  return !/[1-9]/.test(shown);
}

/**
 * The verdict on a row as its numbers are shown (verdictOf, the JSON's exact change, aside): a change
 * that rounds to zero is «без изменений», as «0,0%» beside it says; «хуже» and ↓ beside «0,0%» (−0,02
 * leads a month of 100,08) read as a contradiction (a tester).
 */
export function shownVerdict(row: CompareRow): 'better' | 'worse' | 'same' | null {
  const v = verdictOf(row);
  return v === null || v === 'same' || !shownAsZero(row) ? v : 'same';
}

/** The arrow of a row's change: ↑ or ↓, → where it is shown as no change. */
export function changeArrow(row: CompareRow): string {
  if (row.change === null) return '';
  return shownVerdict(row) === 'same' ? '→' : row.change > 0 ? '↑' : '↓';
}

const arrow = (row: CompareRow) => changeArrow(row) || '→';
/** No colour for a row shown as no change (or with nothing to compare), green or red for the others. */
const painted = (row: CompareRow, c: ReturnType<typeof colors>) => {
  const v = shownVerdict(row);
  return v === 'better' ? c.green : v === 'worse' ? c.red : (s: string) => s;
};

/** The verdict on a row's change in words («лучше», «хуже», «без изменений»); '' when there is nothing to compare. */
export function verdictText(row: CompareRow, lang: string): string {
  const v = shownVerdict(row);
  return v === null ? '' : say(COMPARE_VERDICT[v], lang);
}

function cells(row: CompareRow, lang: string) {
  const info = ROW_INFO[row.metric]!;
  const L = compareLabels(lang);
  const v = formatRowValues(row.before, row.after, row.change, info.format, lang);
  const judged = formatJudged(row.change_pct, row.target, lang);
  return {
    label: info[lang === 'ru' ? 'ru' : 'en'],
    before: v.before,
    after: v.after,
    change: row.change === null ? '—' : `${arrow(row)} ${v.change}`,
    pct: judged.change,
    // The change's arrow is its direction; this says whether that is the better way (a shorter response falls and is better).
    verdict: verdictText(row, lang) || '—',
    target: row.target === null ? '' : judged.target,
    // A target that cannot be judged (no change in per cent: nothing before) is «—», not blank as with no target.
    met: row.met === null ? (row.target === null ? '' : '—') : row.met ? `✓ ${L.yes}` : `✗ ${L.no}`,
  };
}

/**
 * A manager's before and after (`--by-manager`), each value in its column's one precision (tester T39 F11: «33,33%» beside
 * «8,7%»: the extra digit that makes a row's change add up has no reason in a table with no change column), the after with
 * its verdict in words for an arrow («32,8 лучше»; the way it went is read from the two values): a bare ↓ of a shorter
 * response (better) read as the ↓ of fewer touches (worse). No change as shown is «→»; nothing to compare, the value alone.
 */
export function managerCells(row: CompareRow, lang: string): { before: string; after: string } {
  const format = ROW_INFO[row.metric]!.format;
  const after = formatValue(row.after, format, lang);
  const v = shownVerdict(row);
  const mark = row.change === null || v === null ? '' : v === 'same' ? ' →' : ` ${say(COMPARE_VERDICT[v], lang)}`;
  return { before: formatValue(row.before, format, lang), after: `${after}${mark}` };
}

/**
 * The before/after table for a terminal: arrows, green for better, and a met / not met mark; the
 * data's texts (managers, the company) made safe before anything is painted (shownData).
 */
export function renderCompareTable(result: CompareResult, opts: RenderOptions): string {
  return compareTable(shownData(result), shownData(opts));
}

function compareTable(result: CompareResult, opts: RenderOptions): string {
  const L = compareLabels(opts.lang);
  const c = colors(opts.color);
  // On a terminal, lines of prose wrap between words at its width (tester T57: the periods and the payback ran past 40 columns).
  // A number stays with its unit («181 дн.», «6,0 мес.»).
  const fit = (line: string) => (opts.width === undefined ? [line] : wrapWords(line.replace(/(\d) (?=\p{L})/gu, '$1\u0001'), opts.width).map((l) => l.replaceAll('\u0001', ' ')));
  const out = [c.bold(`${L.title}${opts.company ? ` — ${opts.company}` : ''}`), ...fit(`${L.before}: ${L.period(result.before)}`), ...fit(`${L.after}: ${L.period(result.after)}`), ''];
  const rows = result.rows.map((row) => {
    const x = cells(row, opts.lang);
    const paint = painted(row, c);
    return [x.label, x.before, x.after, paint(x.change), paint(x.pct), paint(x.verdict), x.target, row.met === null ? x.met : row.met ? c.green(x.met) : c.red(x.met)];
  });
  out.push(borderlessTable([L.metric, L.before, L.after, L.change, L.changePct, L.verdict, L.target, L.met], rows, c, 1, opts.width));
  for (const why of [notComputedLine(result, opts.lang), targetNotJudgedLine(result, opts.lang), ...targetDirectionLines(result, opts.lang)]) if (why) out.push(...wrapWords(why, lineWidth(opts.width)).map((l) => c.dim(l)));
  out.push(...paybackLines(result, opts.lang, c).flatMap(fit));
  if (result.managers) {
    out.push('', c.bold(L.byManager));
    // Short labels (as in the kpi tables) keep the per-manager table within 100 columns.
    const short = (metric: string) => (SHORT[metric] ?? ROW_INFO[metric]!)[opts.lang === 'ru' ? 'ru' : 'en'];
    const head = [L.manager, ...result.managers[0]!.metrics.flatMap((m) => [`${short(m.metric)}: ${L.beforeWord}`, L.afterWord])];
    const body = result.managers.map((m) => [m.manager, ...m.metrics.flatMap((row) => {
      const x = managerCells(row, opts.lang);
      return [x.before, row.change === null ? x.after : painted(row, c)(x.after)];
    })]);
    // On a narrow terminal, each metric's before and after stay side by side.
    out.push(borderlessTable(head, body, c, 1, opts.width, 2));
  }
  return `${out.join('\n')}\n`;
}

/** A target typed as a person types it (`30%`, `12,5%` in Russian), with a sign; the minus as the reports print it. */
function typedTarget(t: number, lang: string): string {
  const digits = String(Number((Math.abs(t) * 100).toPrecision(12)));
  return `${t < 0 ? '−' : t > 0 ? '+' : ''}${lang === 'ru' ? digits.replace('.', ',') : digits}%`;
}

/** Whether a row's target lets it change against its better direction (a rise where lower is better, a fall where higher). */
function targetAgainstDirection(row: Pick<CompareRow, 'target' | 'better'>): boolean {
  return row.target !== null && (row.better === 'down' ? row.target > 0 : row.target < 0);
}

/**
 * One sentence per row whose target's sign is against its better direction (tester T39 F14: `response_min_median: 30%` was met
 * by a 20% slowdown, «хуже» beside «✓ да»): the target, the row's better direction and how to write the target meant.
 * Said on stderr and under the terminal, Markdown and HTML tables.
 */
export function targetDirectionLines(result: Pick<CompareResult, 'rows'>, lang: string): string[] {
  return result.rows.filter(targetAgainstDirection).map((row) => {
    const t = row.target!;
    return fill(say(TARGET_DIRECTION[row.better], lang), { target: typedTarget(t, lang), label: rowLabel(row, lang), size: typedTarget(Math.abs(t), lang).replace('+', ''), fix: typedTarget(-t, lang) });
  });
}

/** targetDirectionLines in a row's note column (the workbook's and the CSV's), or undefined for a target with the better sign. */
function targetDirectionCell(row: CompareRow, lang: string): string | undefined {
  if (!targetAgainstDirection(row)) return undefined;
  return fill(say(row.better === 'down' ? TARGET_DIRECTION.cellDown : TARGET_DIRECTION.cellUp, lang), { target: typedTarget(row.target!, lang), fix: typedTarget(-row.target!, lang) });
}

/**
 * Why a row's cells are empty, for a column beside them (the workbook's Before-After sheet, the CSV): the
 * row's reason (not_applicable), or, for a target with no verdict on a row that has its values, why it
 * cannot be judged (no change in per cent from a «before» of 0, or a side with no value). Undefined
 * where nothing is missing.
 */
export function rowNote(row: CompareRow, lang: string): string | undefined {
  if (row.not_applicable !== undefined) return reasonText(row.not_applicable, lang);
  const why = targetUnjudged(row);
  return why === undefined ? targetDirectionCell(row, lang) : fill(say(COMPARE_TEXT.targetNotJudgedCell, lang), { reason: say(COMPARE_TEXT[why], lang) });
}

/**
 * Why a row's target has no verdict, in the report's language: the row's own reason where a period leaves it
 * empty, else targetUnjudged's. Undefined where it has a verdict or no target.
 */
export function targetReason(row: CompareRow, lang: string): string | undefined {
  if (row.target === null || row.met !== null) return undefined;
  if (row.not_applicable !== undefined) return reasonText(row.not_applicable, lang);
  const why = targetUnjudged(row);
  return why === undefined ? undefined : say(COMPARE_TEXT[why], lang);
}


const rowLabel = (row: CompareRow, lang: string) => ROW_INFO[row.metric]![lang === 'ru' ? 'ru' : 'en'];

/** «Не рассчитано: Касаний на продажу — нужен файл активностей…», for the rows a period leaves empty with a reason (as kpi says it); every format gives it. */
export function notComputedLine(result: CompareResult, lang: string): string | undefined {
  const rows = result.rows.filter((r) => r.not_applicable !== undefined);
  if (rows.length === 0) return undefined;
  return `${tr(lang, 'Не рассчитано', 'Not computed')}: ${byReason(rows.map((r) => [rowLabel(r, lang), reasonText(r.not_applicable!, lang)]), lang)}`;
}

/**
 * «Цель не оценить: Конверсия — в периоде «до» 0, изменения в процентах нет», for the rows with their values
 * whose target has no verdict (a row a period leaves empty is said by notComputedLine): under the terminal,
 * Markdown and HTML tables, as the CSV's and the workbook's column says it (tester T33 F4).
 */
export function targetNotJudgedLine(result: CompareResult, lang: string): string | undefined {
  const pairs = result.rows.flatMap((r) => {
    const why = targetUnjudged(r);
    return why === undefined ? [] : [[rowLabel(r, lang), say(COMPARE_TEXT[why], lang)] as const];
  });
  return pairs.length === 0 ? undefined : `${say(COMPARE_TEXT.targetNotJudged, lang)}: ${byReason(pairs, lang)}`;
}

/**
 * The 12-month ROI as a table cell holds it: the number, else why there is none in the report's language
 * (nothing spent: roi_not_applicable, whose English is the catalogue's), else null («—»; payback's own reason says it).
 */
export function roiCell(p: Payback, lang: string): number | string | null {
  if (p.roi_12m !== null || p.roi_not_applicable === undefined) return p.roi_12m;
  return p.roi_not_applicable === COMPARE_TEXT.roiNoCost.en ? say(COMPARE_TEXT.roiNoCost, lang) : p.roi_not_applicable;
}

/** The 12-month ROI as text: signed per cent («+113,1%»), why there is none, or «—». */
export function roiText(p: Payback, lang: string): string {
  const roi = roiCell(p, lang);
  return typeof roi === 'string' ? roi : formatRelative(roi, lang);
}

function paybackLines(result: CompareResult, lang: string, c: ReturnType<typeof colors>): string[] {
  const p = result.payback;
  if (!p) return [];
  const L = compareLabels(lang);
  const inputs = paybackInputLines(result.payback_inputs, lang);
  if (p.not_applicable) return ['', c.bold(L.payback), ...inputs, paybackNotApplicable(p.not_applicable, lang)];
  return [
    '',
    c.bold(L.payback),
    ...inputs,
    `${gainLabel(result.payback_inputs, lang)}: ${formatValue(p.gain_per_month, 'money', lang)}`,
    `${L.months}: ${p.payback_months === null ? c.red(noPaybackText(p.gain_per_month, lang, result.payback_inputs?.margin)) : formatValue(p.payback_months, 'decimal', lang)}`,
    `${L.roi}: ${roiText(p, lang)}`,
  ];
}

/** The before/after table as Markdown. */
export function renderCompareMarkdown(result: CompareResult, opts: RenderOptions): string {
  const L = compareLabels(opts.lang);
  const out = [`# ${L.title}${opts.company ? ` — ${mdText(opts.company)}` : ''}`, '', `- ${L.before}: ${L.period(result.before)}`, `- ${L.after}: ${L.period(result.after)}`, ''];
  out.push(
    mdTable(
      [L.metric, L.before, L.after, L.change, L.changePct, L.verdict, L.target, L.met],
      result.rows.map((row) => Object.values(cells(row, opts.lang))),
      ['left', 'right', 'right', 'right', 'right', 'left', 'right', 'left'],
    ),
  );
  for (const why of [notComputedLine(result, opts.lang), targetNotJudgedLine(result, opts.lang)]) if (why) out.push('', why);
  for (const line of targetDirectionLines(result, opts.lang)) out.push('', mdText(line));
  if (result.payback) out.push('', ...paybackLines(result, opts.lang, colors(false)).slice(1).map((l, i) => (i === 0 ? `## ${l}` : `- ${l}`)));
  if (result.managers) {
    out.push('', `## ${L.byManager}`, '');
    const metrics = result.managers[0]!.metrics.map((m) => m.metric);
    // Numbers right-aligned as in the table above; an «after» with no change to point at has no arrow, and no space for one.
    out.push(
      mdTable(
        [L.manager, ...metrics.flatMap((m) => [`${ROW_INFO[m]![opts.lang === 'ru' ? 'ru' : 'en']}: ${L.beforeWord}`, L.afterWord])],
        result.managers.map((m) => [m.manager, ...m.metrics.flatMap((row) => {
          const x = managerCells(row, opts.lang);
          return [x.before, x.after];
        })]),
        ['left', ...metrics.flatMap(() => ['right', 'right'] as const)],
      ),
    );
  }
  // The periods' warnings (an «after» of 11 days stretched to a month), last as kpi's: the file the client got kept none of what stderr said (a tester).
  out.push(...markdownWarnings(result.dataQuality, opts.lang));
  return `${out.join('\n')}\n`;
}
