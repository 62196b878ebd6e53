import { compareKpis, makePeriod, withoutLinkedActivities, type CompareOptions, type CompareResult, type PeriodKpis } from '../core/compare.js';
import { UserError } from '../core/errors.js';
import type { KpiOptions } from '../core/kpi/engine.js';
import type { DataQuality } from '../core/kpi/types.js';
import type { DealStore } from '../core/kpi/deal-store.js';
import type { EvidenceFacts } from '../core/kpi/facts.js';
import { findAlerts, linkAlerts, type Alert } from '../core/kpi/alerts.js';
import { DAY_MS as DAY, isoDay } from '../core/kpi/stats.js';
import { headRowsOf, kindSaidBy } from '../io/map/inspect.js';
import { namesTellingColumn, scoreHeaderRow } from '../io/map/mapping.js';
import { ownReportOf, yamlGivenAsExport } from '../io/map/own-report.js';
import type { RecordKind } from '../io/map/fields.js';
import { stdinHead, type HeadRow } from '../io/map/stdin-head.js';
import { DEFAULT_LIMITS } from '../io/read/limits.js';
import { sameInputFile } from '../io/read/files.js';
import type { ImportOptions, ImportReport } from '../io/map/import.js';
import { addAlerts, assertInputsReadable, dataQuality, dealCurrencies, lineNamesOf, runEngines, unmatchedMapEntries, type DealsPeriod, type EnginesRun, type KpiFiles } from './kpi-files.js';
import type { Overrides } from '../io/documents/map-file.js';
import { KIND_FILE_ACC_RU, KIND_FILE_EN, KIND_FILE_RU, renderHint, renderMessage, skippedRowText, WRONG_KIND_MORE } from '../core/messages.js';
import type { SkippedRow } from '../core/records.js';
import { dayRu } from '../core/i18n.js';
import { notApplicable } from '../core/kpi/catalog.js';
import { coverageAlerts, linkedNotApplicable } from '../core/kpi/coverage.js';

export type ComparePeriods = { cutover: string; files: KpiFiles } | { before: KpiFiles; after: KpiFiles };


type KindCheck = [option: string, file: string | undefined, kind: RecordKind];

/**
 * Checks that each file holds what its option says, so a swapped file gets a message that says what to
 * change. stdin is judged by the rows its import kept (it cannot be read again), once it was read.
 */
export async function checkKinds(files: KindCheck[], base: ImportOptions): Promise<void> {
  for (const [option, file, kind] of files) {
    if (!file) continue;
    const rows = file === '-' ? stdinHead(base.stdin) : await headRowsOf(file, base).catch(() => undefined);
    if (rows) checkHead(option, file, kind, rows, base);
  }
}

/** checkKinds of a file's first rows, the file given as `option`. */
function checkHead(option: string, file: string, kind: RecordKind, rows: readonly HeadRow[], base: ImportOptions): void {
  // An audit's answers file (YAML or JSON) as an export got a --map snippet for «#1» from its `questionnaire:` line.
  if (isAnswersHead(rows)) throw UserError.of('E_COMPARE_KIND', 'input.answersFile', { option, file, kindRu: KIND_FILE_RU[kind] ?? kind, kindEn: KIND_FILE_EN[kind] ?? kind }, { file });
  // A report crm-audit wrote is none of the kinds: kpi's, read as a sales plan, was sent to --plan.
  const report = ownReportOf(rows);
  if (report) throw UserError.of('E_COMPARE_KIND', report === 'audit' ? 'input.ownAudit' : 'input.ownReport', { option, command: report, kindRu: KIND_FILE_RU[kind] ?? kind, kindEn: KIND_FILE_EN[kind] ?? kind }, { file });
  const yaml = yamlGivenAsExport(file);
  if (yaml) throw yaml;
  // A spend table or a plan is only checked for that: what it is otherwise is said by its own reader.
  if (kind === 'spend' || kind === 'plan') return;
  // Only a header that says its kind names another: one known column name is no reason to send the file elsewhere.
  let seen: RecordKind = kind;
  try {
    const g = kindSaidBy(rows, file, { ...DEFAULT_LIMITS, ...base.limits }.headerSearchRows);
    if (g.said) seen = g.kind;
  } catch {
    // No row names a column: the import says so, in its own words.
  }
  if (seen !== kind && !givenKindStands(rows, kind, seen)) throw wrongKind(option, file, kind, seen, base.sheet);
}

/**
 * Whether the kind the user gave a file as stands against the kind its header was guessed to be: what
 * the user said wins over a guess from shared words. So where a header row names two or more of the
 * given kind's columns and none only the guessed kind has (namesTellingColumn): a 1C payments register's
 * «ID сделки», «Ответственный», «Сумма», which a deals file has too (F1), or a task log's «Дата создания»,
 * «Ответственный», «Клиент», «Тип» given as activities. A call log's «duration_s» or a payments file's
 * «Оплачено» under --deals still names the option it belongs to, whatever it shares with deals.
 */
function givenKindStands(rows: readonly HeadRow[], kind: RecordKind, seen: RecordKind): boolean {
  return rows.some((r) => scoreHeaderRow(r.cells, kind) >= 2) && !rows.some((r) => namesTellingColumn(r.cells, seen));
}

/** A key line of an answers file, YAML or JSON: `answers:`, `"answers": {`; and one of its other keys. */
const ANSWERS_KEY = /^\s*"?answers"?\s*:\s*\{?\s*$/;
const ANSWERS_OTHER_KEY = /^\s*"?(?:questionnaire|company|lang)"?\s*:/;

/** Whether a file's first rows are an audit's answers file (its lines as the table reader split them). */
function isAnswersHead(rows: readonly HeadRow[]): boolean {
  const lines = rows.map((r) => r.cells.join(','));
  return lines.some((l) => ANSWERS_KEY.test(l)) && lines.some((l) => ANSWERS_OTHER_KEY.test(l));
}

/**
 * The import options of a run whose files are checked before they are read (checkKinds): stdin, which
 * cannot be, is checked as soon as its header is searched, before its rows are read.
 */
export function checkingStdin(files: KpiFiles | readonly KindCheck[], base: ImportOptions): ImportOptions {
  const given = (Array.isArray(files) ? files : exportKinds(files as KpiFiles)).find(([, file]) => file === '-');
  return given ? { ...base, onStdinHead: (rows) => checkHead(given[0], '-', given[2], rows, base) } : base;
}

/** A file given as `option` that holds `seen`, not `kind`: the option it belongs to. */
function wrongKind(option: string, file: string, kind: string, seen: string, sheet?: string): UserError {
  const better = option.replace(/(deals|activities|payments)$/, seen);
  // A period's files (compare's) are told to check the period's others; a call log given as the deals
  // alone, that deals are wanted too (a tester followed «pass it as --activities» and was told -d is required).
  const period = /^--(before|after)-/.test(option);
  const more = period ? WRONG_KIND_MORE.period : kind === 'deals' ? WRONG_KIND_MORE.deals : { ru: '', en: '' };
  const others = more.en.replace('{option}', option);
  const othersRu = more.ru.replace('{option}', option);
  const id = sheet !== undefined && /\.xls[xm]$/i.test(file) ? 'input.wrongKindSheet' : 'input.wrongKind';
  return UserError.of('E_COMPARE_KIND', id, { option, article: seen === 'activities' ? 'an' : 'a', seen, kind, seenRu: KIND_FILE_ACC_RU[seen] ?? seen, kindRu: KIND_FILE_ACC_RU[kind] ?? kind, better, others, othersRu, sheet: sheet ?? '', seenNomRu: KIND_FILE_RU[seen] ?? seen, kindNomRu: KIND_FILE_RU[kind] ?? kind }, { file });
}

/** Errors a file of another kind gives under an option (its columns are not the expected ones). */
const MAYBE_SWAPPED = new Set(['E_MAP_REQUIRED', 'E_NO_HEADER', 'E_BAD_ROWS', 'E_NO_DEALS']);

/**
 * Runs `work` over the files; where it fails as a file under the wrong option would (a call log as
 * --deals fails on its columns), the swapped file is named instead, with the option it belongs to.
 */
export async function namingSwapped<T>(files: KpiFiles, base: ImportOptions, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof UserError && MAYBE_SWAPPED.has(error.code)) await checkExportKinds(files, base);
    throw error;
  }
}

/** Checks the files of one set against what each option expects (a spend table and a plan: only that they are no report of crm-audit's own). */
export function checkExportKinds(files: KpiFiles, base: ImportOptions): Promise<void> {
  return checkKinds(exportKinds(files), base);
}

/** The files of one set, with the option and kind each is given as. */
function exportKinds(files: KpiFiles): KindCheck[] {
  return [['--deals', files.deals, 'deals'], ['--activities', files.activities, 'activities'], ['--payments', files.payments, 'payments'], ['--spend', files.spend, 'spend'], ['--plan', files.plan, 'plan']];
}

/** Computes the before/after comparison from a cutover date or from two sets of files. */
export async function computeComparison(input: ComparePeriods, base: ImportOptions, overrides: Overrides, kpi: KpiOptions, options: CompareOptions): Promise<{ result: CompareResult; dataQuality: DataQuality }> {
  if ('cutover' in input) {
    await checkExportKinds(input.files, base);
    const run = await runEngines(input.files, checkingStdin(input.files, base), overrides, cutoverPeriods(kpi, input.cutover));
    const result = comparisonFromRun(run, 0, input.cutover, options);
    const quality = comparisonQuality([run], [[run, 0], [run, 1]]);
    addAlerts(quality, cutoverAlerts(run, 0, result));
    return { result, dataQuality: quality };
  }
  // A period without a call log (or payments) is compared as the cutover compares one: its activity
  // (or payment) rows are empty with the reason, the other period's computed. Before a CRM there is
  // often no call log at all; the run was refused, while the same files with --cutover compared.
  const { before: b, after: a } = input;
  // The same file in both periods: the same deals give every change zero and a ROI of −100%; the same
  // call log gives each period's deals the other's calls (responses of months, touches near zero).
  assertDifferentFiles(b, a, base);
  // Both sets can be opened before the first is read.
  for (const set of [b, a]) await assertInputsReadable(set, base.cwd);
  const kinds: KindCheck[] = [
    ['--before-deals', b.deals, 'deals'],
    ['--before-activities', b.activities, 'activities'],
    ['--before-payments', b.payments, 'payments'],
    ['--after-deals', a.deals, 'deals'],
    ['--after-activities', a.activities, 'activities'],
    ['--after-payments', a.payments, 'payments'],
  ];
  await checkKinds(kinds, base);
  const read = checkingStdin(kinds, base);
  // Each period's deal ids are kept (not the whole store) to count the deals both files hold.
  const ids: DealIds[] = [];
  const onDeals = (d: DealStore) => void ids.push({ ids: d.ids, created: d.created, size: d.size });
  // Each period runs over its deals' days, its activities counted within them, as a cutover's do (withinDeals; T39 F16).
  const period: DealsPeriod = { ...kpi, withinDeals: true };
  const runs = [await runEngines(b, read, overrides, [period], { onDeals }), await runEngines(a, read, overrides, [period], { onDeals })];
  const periods = setPeriods(runs, [b, a], kpi);
  const [before, after] = [periods[0].period, periods[1].period];
  const quality = comparisonQuality(runs, [[runs[0]!, 0], [runs[1]!, 0]]);
  // Exports taken over overlapping dates count the deals of those days in both periods: said.
  if (after.from <= before.to) addAlerts(quality, [{ code: 'periods-overlap', before: { from: before.from, to: before.to }, after: { from: after.from, to: after.to }, shared: sharedDeals(ids, kpi) }]);
  // A leads export in one period and deals in the other: their conversions measure different steps.
  const leads = runs.map((r) => r.shape.sales === false);
  if (leads[0] !== leads[1]) addAlerts(quality, [{ code: 'leads-vs-deals', leads: leads[0] ? 'before' : 'after' }]);
  const result = compareKpis(periods[0], periods[1], options);
  // A call log for one period only: the other's activity rows are empty, said with that period's option.
  if (Boolean(b.activities) !== Boolean(a.activities)) addAlerts(quality, [{ code: 'period-without-activities', which: b.activities ? 'after' : 'before' }]);
  addAlerts(quality, [...shortPeriods(result, false), ...periodCoverage(runs[0]!, 0, result.before, 'before'), ...periodCoverage(runs[1]!, 0, result.after, 'after'), ...periodCurrencies(runs), ...costCurrency(result, runs.flatMap((r) => r.reports)), ...strayDeals(runs[0]!, 0, result.before, 'before'), ...strayDeals(runs[1]!, 0, result.after, 'after')]);
  return { result, dataQuality: quality };
}

/**
 * The periods of two sets of files, each from its first to its last deal (spec); an error of them says
 * the deal rows not read too (withUnread).
 */
function setPeriods(runs: readonly EnginesRun[], sets: readonly KpiFiles[], kpi: KpiOptions): [PeriodKpis, PeriodKpis] {
  try {
    const periods = runs.map((run, i) => {
      const which = { which: i === 0 ? 'before' : 'after', whichRu: i === 0 ? 'до' : 'после' };
      if (run.firstDay === undefined || run.lastDay === undefined) throw UserError.of('E_COMPARE_EMPTY', 'compare.noDatesPeriod', which, { file: sets[i]!.deals });
      // report's --from/--to select each period's deals, so the period spans the deals counted: the first and last created
      // within them (spec: earliest to latest deal creation date), not a --from on a day with no deal (a rate a month over the days counted).
      const { first, last } = run.dealDays[0] ?? daysWithin(run.firstDay, run.lastDay, kpi);
      if (first > last) throw outsideRange(kpi, { ...which, first: isoDay(run.firstDay), last: isoDay(run.lastDay), firstRu: dayRu(isoDay(run.firstDay)), lastRu: dayRu(isoDay(run.lastDay)) }, 'compare.filesOutsidePeriod');
      return linkedIn(run, { period: makePeriod(isoDay(first), isoDay(last)), ...run.results[0]!, notApplicable: periodOptions(notApplicable(run.shape), i === 0 ? 'before' : 'after'), dealsOption: `--${which.which}-deals` }, i === 0 ? 'before' : 'after');
    });
    assertNotEmpty(periods[0]!, 'before');
    assertNotEmpty(periods[1]!, 'after');
    assertInOrder(periods[0]!.period, periods[1]!.period);
    return [periods[0]!, periods[1]!];
  } catch (error) {
    throw withUnread(error, runs);
  }
}

/**
 * Two sets whose deals' amounts are in different currencies (T39 F1: ₽ before, $ after; each file is in
 * one, so neither said it, while the same rows in one file with --cutover did): the rule of a side file
 * (dealCurrencies: a plain amount is taken as roubles), across the periods. Not where a period has no amount column.
 */
function periodCurrencies(runs: readonly EnginesRun[]): Alert[] {
  const deals = runs.map((r) => pricedDeals(r.reports)[0]);
  if (deals.length !== 2 || deals.some((r) => r === undefined)) return [];
  const [before, after] = deals.map((r) => ({ file: r!.file, currencies: dealCurrencies([r!]), ...((r!.values.currency?.length ?? 0) === 0 ? { plain: true as const } : {}) }));
  if (before!.currencies.length === after!.currencies.length && before!.currencies.every((c) => after!.currencies.includes(c))) return [];
  const currencies = deals.flatMap((r) => (r!.values.currency ?? []).map((v) => ({ currency: v.value, deals: v.count })));
  return [{ code: 'mixed-currencies', file: after!.file, currencies, periods: { before: before!, after: after! } }];
}

/** The deals files read with an amount column: those whose currencies payback and the periods' revenue compare. */
function pricedDeals(reports: readonly ImportReport[]): ImportReport[] {
  return reports.filter((r) => r.kind === 'deals' && r.columns.some((c) => c.field === 'amount'));
}

/** A period's deal ids and creation times, as its store holds them. */
interface DealIds {
  ids: DealStore['ids'];
  created: Float64Array;
  size: number;
}

/** The deals (by id) both periods' files hold, created within the run's --from/--to: each is counted in both periods. */
function sharedDeals([before, after]: readonly DealIds[], kpi: KpiOptions): number {
  if (!before || !after) return 0;
  const within = (ms: number) => {
    const day = isoDay(ms);
    return (kpi.from === undefined || day >= kpi.from) && (kpi.to === undefined || day <= kpi.to);
  };
  let shared = 0;
  for (let i = 0; i < after.size; i++) {
    if (!within(after.created[i]!)) continue;
    const j = before.ids.findText(after.ids.text(i));
    if (j >= 0 && within(before.created[j]!)) shared++;
  }
  return shared;
}

/**
 * The data quality of a comparison: its files', and what looks wrong in its two periods taken
 * together, as kpi says it of one (no deal won or lost, managers that are user ids, not one
 * activity linked to a deal): once, not once a period.
 */
export function comparisonQuality(runs: readonly EnginesRun[], periods: ReadonlyArray<readonly [EnginesRun, number]>): DataQuality {
  // A --map value is checked against the exports of both periods together: once, not once a period.
  const reports = runs.flatMap((r) => r.reports);
  const quality = dataQuality(reports, [...runs.flatMap((r) => r.alerts), ...unmatchedMapEntries(runs[0]?.mapEntries, reports)]);
  const results = periods.map(([run, i]) => run.results[i]!);
  const sum = (key: string) => results.reduce((n, r) => n + Number(r.total[key] ?? 0), 0);
  const managers = [...new Set(results.flatMap((r) => r.managers.map((m) => m.manager)))];
  const parts: Pick<EvidenceFacts, 'parts'>['parts'] = {};
  for (const id of ['calls_linked_share', 'won_with_activity_share'] as const) {
    const each = periods.map(([run, i]) => run.facts[i]?.parts[id]).filter((p) => p !== undefined);
    if (each.length > 0) parts[id] = { num: each.reduce((n, p) => n + p.num, 0), den: each.reduce((n, p) => n + p.den, 0) };
  }
  // An outcome alert of a period is said of it (periodAlerts); of the two together where neither is large enough to say it alone.
  const each = periodAlerts(periods);
  const together = findAlerts({ leads: sum('leads'), won: sum('won'), lost: sum('lost') }, quality, managers, {}, lineNamesOf(runs.flatMap((r) => r.reports))).filter((a) => !PERIOD_CODES.has(a.code) || !each.some((p) => p.code === a.code));
  const found = [...together, ...each, ...linkAlerts({ parts })];
  addAlerts(quality, found);
  return quality;
}

/** The alerts said of each period of a comparison (periodAlerts), not of the two together. */
const PERIOD_CODES = new Set<Alert['code']>(['no-outcome', 'one-outcome', 'won-no-amount']);

/**
 * What kpi says of a file's outcomes, said of each period (T39 F19): a «до» export filtered to won deals
 * gave a conversion of 100,0% → 33,3% without a word, the check being of the two periods' deals together;
 * and a period whose won deals have no amount (T39 F18), its revenue 0, the gain over it none. The same
 * alert of both periods is said once, of their deals together, as it was.
 */
function periodAlerts(periods: ReadonlyArray<readonly [EnginesRun, number]>): Alert[] {
  const [before, after] = periods.map(([run, i]) => {
    const file = run.reports.find((r) => r.kind === 'deals')?.file;
    return findAlerts(run.results[i]!.total, { files: [] }).filter((a) => PERIOD_CODES.has(a.code)).map((a): Alert => (a.code === 'won-no-amount' && file !== undefined ? { ...a, file } : a));
  });
  const same = (a: Alert, b: Alert) => a.code === b.code && (a.code !== 'one-outcome' || (b.code === 'one-outcome' && a.outcome === b.outcome));
  const out: Alert[] = [];
  for (const a of before ?? []) {
    const b = (after ?? []).find((x) => same(a, x));
    out.push(b ? both(a, b) : ({ ...a, which: 'before' } as Alert));
  }
  for (const b of after ?? []) if (!(before ?? []).some((a) => same(a, b))) out.push({ ...b, which: 'after' } as Alert);
  return out;
}

/** One alert of both periods: their deals (or won deals) added. */
function both(a: Alert, b: Alert): Alert {
  if (a.code === 'won-no-amount' && b.code === 'won-no-amount') return { code: 'won-no-amount', won: a.won + b.won };
  if ((a.code === 'no-outcome' || a.code === 'one-outcome') && (b.code === 'no-outcome' || b.code === 'one-outcome')) return { ...a, deals: a.deals + b.deals };
  return a;
}

/**
 * A period's reasons with its own options: of two sets, a period without a call log needs
 * --before-activities, not the --activities a run of one set takes (and two sets refuse).
 */
function periodOptions(reasons: Record<string, string>, which: 'before' | 'after'): Record<string, string> {
  return Object.fromEntries(Object.entries(reasons).map(([k, r]) => [k, periodReason(r, which)]));
}

/**
 * A reason of one set of files said of one period of two: the option becomes the period's, and a column
 * wanting in «the deals file» names which period's file lacks it (a tester: «нужна колонка суммы в файле
 * сделок» beside an after file that has it).
 */
function periodReason(reason: string, which: 'before' | 'after'): string {
  if (/\(--(activities|payments|deals)\)$/.test(reason)) return reason.replace(/\(--(activities|payments|deals)\)$/, `(--${which}-$1)`);
  return reason.replace(/ the (deals|activities|payments) file\b/, ` the ${which} period's $1 file (--${which}-$1)`);
}

/**
 * The two engine periods of a cutover: everything before the day, and the day onwards; within the
 * run's --from/--to, where `report` has them (spec, Period and cohorts: they select the deals and
 * activities of every figure, so the comparison's too, not the KPIs' alone).
 */
export function cutoverPeriods(kpi: KpiOptions, cutover: string): DealsPeriod[] {
  const cut = Date.parse(`${cutover}T00:00:00Z`);
  const dayBefore = isoDay(cut - DAY);
  // Both run over the deals' days (withinDeals): «до» from the first deal, «после» to the last.
  return [
    { ...kpi, to: kpi.to !== undefined && kpi.to < dayBefore ? kpi.to : dayBefore, withinDeals: true },
    { ...kpi, from: kpi.from !== undefined && kpi.from > cutover ? kpi.from : cutover, withinDeals: true },
  ];
}

/** The days of --from/--to the deals' first to last day (ms at midnight) lie in: what a cutover must split, and the days an error names when no deal lies within them. */
function daysWithin(first: number, last: number, range: { from?: string; to?: string }): { first: number; last: number } {
  const day = (d: string | undefined) => (d === undefined ? undefined : Date.parse(`${d}T00:00:00Z`));
  return { first: Math.max(first, day(range.from) ?? first), last: Math.min(last, day(range.to) ?? last) };
}

/** A cutover (or a period's files) outside the run's --from/--to: nothing of it would be compared. */
function outsideRange(range: { from?: string; to?: string }, params: Record<string, string>, id: 'compare.cutoverOutsidePeriod' | 'compare.filesOutsidePeriod'): UserError {
  // «01.02.2024 — 10.03.2024», «с 01.02.2024», «по 10.03.2024»: as much of the period as was given.
  const { from, to } = range;
  const span = from && to ? `${from} to ${to}` : from ? `from ${from}` : `up to ${to}`;
  const spanRu = from && to ? `${dayRu(from)} — ${dayRu(to)}` : from ? `с ${dayRu(from)}` : `по ${dayRu(to!)}`;
  return UserError.of('E_COMPARE_PERIODS', id, { ...params, span, spanRu });
}

/** The comparison from a run whose results at `offset` and `offset + 1` are the cutover periods. */
export function comparisonFromRun(run: EnginesRun, offset: number, cutover: string, options: CompareOptions, range: { from?: string; to?: string } = {}): CompareResult {
  try {
    return cutoverComparison(run, offset, cutover, options, range);
  } catch (error) {
    throw withUnread(error, [run]);
  }
}

/** The errors of a comparison's periods (a cutover outside the data, an empty period) that deal rows not read may cause. */
const PERIOD_ERRORS = new Set(['E_COMPARE_CUTOVER', 'E_COMPARE_EMPTY', 'E_COMPARE_PERIODS']);

/**
 * A periods' error with the deal rows the files could not read, how many and the first five with their
 * row, column and reason, as kpi says them (T39 F5: «все сделки созданы в один день» and a hint to export
 * another period, where two of three rows had a bad date and a bad amount); the error itself where none was skipped.
 */
function withUnread(error: unknown, runs: readonly EnginesRun[]): unknown {
  if (!(error instanceof UserError) || !PERIOD_ERRORS.has(error.code) || error.messageId === undefined) return error;
  const deals = runs.flatMap((r) => r.reports.filter((x) => x.kind === 'deals'));
  const skipped = deals.reduce((n, r) => n + r.skippedCount, 0);
  if (skipped === 0) return error;
  const shown = deals.flatMap((r) => r.skipped).slice(0, 5);
  const files = deals.length > 1;
  const line = (s: SkippedRow, lang: 'ru' | 'en') => `  ${skippedRowText(s, lang, files)}`;
  const params = error.params ?? {};
  const said = {
    message: error.message,
    messageRu: renderMessage(error.messageId, params, 'ru'),
    hint: error.hint ?? '',
    hintRu: renderHint(error.messageId, params, 'ru') ?? '',
    skipped,
    rows: deals.reduce((n, r) => n + r.rowsRead, 0),
    examples: shown.map((s) => line(s, 'en')).join('\n'),
    examplesRu: shown.map((s) => line(s, 'ru')).join('\n'),
  };
  return UserError.of(error.code, 'compare.withUnread', said, files ? error.where : { ...error.where, ...(deals[0] ? { file: deals[0].file } : {}) });
}

/** comparisonFromRun's comparison, or its error. */
function cutoverComparison(run: EnginesRun, offset: number, cutover: string, options: CompareOptions, range: { from?: string; to?: string }): CompareResult {
  const cut = Date.parse(`${cutover}T00:00:00Z`);
  if (run.firstDay === undefined || run.lastDay === undefined) throw UserError.of('E_COMPARE_EMPTY', 'compare.noDates');
  // Within --from/--to (report), the cutover must fall after the first day of both and not after the last.
  const { first, last } = daysWithin(run.firstDay, run.lastDay, range);
  const ranged = range.from !== undefined || range.to !== undefined;
  if (ranged && (cut <= first || cut > last)) throw outsideRange(range, { cutover, cutoverRu: dayRu(cutover) }, 'compare.cutoverOutsidePeriod');
  if (cut <= first || cut > last) {
    const days = { cutover, first: isoDay(first), last: isoDay(last) };
    // Deals of one day only leave no day for a cutover: «after 01.01 and not later than 01.01» was the hint.
    // A cutover on the first day is inside the data: «outside the data, which runs from that day» contradicted itself.
    const id = first === last ? 'compare.oneDay' : cut === first ? 'compare.cutoverAtStart' : 'compare.cutoverOutside';
    throw UserError.of('E_COMPARE_CUTOVER', id, { ...days, cutoverRu: dayRu(days.cutover), firstRu: dayRu(days.first), lastRu: dayRu(days.last) });
  }
  const na = notApplicable(run.shape);
  // «До» starts at the first deal counted before the cutover, «после» ends at the last counted from it (spec, Before / after):
  // within --from/--to, at the first and last deal created within them, not at a --from or --to on a day with no deal.
  const start = run.dealDays[offset]?.first ?? first;
  const end = run.dealDays[offset + 1]?.last ?? last;
  const before = linkedIn(run, { period: makePeriod(isoDay(start), isoDay(cut - DAY)), ...run.results[offset]!, notApplicable: na }, 'before');
  const after = linkedIn(run, { period: makePeriod(cutover, isoDay(end)), ...run.results[offset + 1]!, notApplicable: na }, 'after');
  assertNotEmpty(before, 'before', cutover);
  assertNotEmpty(after, 'after', cutover);
  return compareKpis(before, after, options);
}

/**
 * What looks wrong in the two periods of a cutover whose engines are at `offset` and `offset + 1`
 * of the run: a period too short for per-month figures, a period the activities barely cover. Said by
 * `compare --cutover` and by `report --cutover` alike (the report said neither).
 */
export function cutoverAlerts(run: EnginesRun, offset: number, result: CompareResult): Alert[] {
  return [...shortPeriods(result, true), ...periodCoverage(run, offset, result.before, 'before'), ...periodCoverage(run, offset + 1, result.after, 'after'), ...costCurrency(result, run.reports), ...strayDeals(run, offset, result.before, 'before', 'start'), ...strayDeals(run, offset + 1, result.after, 'after', 'end')];
}

/**
 * A period's first or last deals far apart from the rest (strayEnds; T39 F13), at the ends its deals set:
 * a cutover sets «до»'s end and «после»'s start, so only the other is said.
 */
function strayDeals(run: EnginesRun, index: number, period: { from: string; to: string }, which: 'before' | 'after', only?: 'start' | 'end'): Alert[] {
  const found = run.strays?.[index];
  const file = run.reports.find((r) => r.kind === 'deals')?.file ?? '';
  return (['start', 'end'] as const).flatMap((at) => {
    const s = found?.[at];
    return s && (only === undefined || only === at) ? [{ code: 'stray-deals' as const, file, which, at, ...s, period: { from: period.from, to: period.to } }] : [];
  });
}

/**
 * A cost (--cost, --monthly-cost) is a number payback divides by the gain in the deals' currency: deals
 * in one currency that is not roubles (the only mark --cost reads) are said (T39 F4: «1 500 000 ₽»
 * against deals in dollars paid back in 1 446,65 months, without a word). Deals in several currencies
 * are mixed-currencies'.
 */
function costCurrency(result: CompareResult, reports: readonly ImportReport[]): Alert[] {
  const inputs = result.payback_inputs;
  // Each deals file's (a plain amount is taken as roubles file by file: roubles before, dollars after are two).
  const currencies = [...new Set(pricedDeals(reports).flatMap((r) => dealCurrencies([r])))];
  if (!inputs || currencies.length !== 1 || currencies[0] === 'RUB') return [];
  return [{ code: 'cost-currency', currency: currencies[0]!, cost: inputs.cost, monthlyCost: inputs.monthly_cost, ...(inputs.cost_currency ? { costCurrency: inputs.cost_currency } : {}) }];
}

/**
 * Whether no activity of the run's activities file is dated within the period: its first and last both
 * on one side of it, or a gap in the log that the period falls in (the period's engine counted none:
 * activities_per_day has no days; tester T64 F1: a log of January and late March beside «после»
 * deals of February to March 10 gave «после» a response median of 54 840 minutes, from calls of no period).
 */
function noActivityIn(run: EnginesRun, period: { from: string; to: string }, total: PeriodKpis['total'] | undefined): boolean {
  const span = run.activities;
  if (span === undefined) return false;
  return isoDay(span.last) < period.from || isoDay(span.first) > period.to || total?.activities_per_day === null;
}

/** A period as compared: without its touches and responses when its dates hold no activity (withoutLinkedActivities). */
function linkedIn(run: EnginesRun, p: PeriodKpis, which: 'before' | 'after'): PeriodKpis {
  return noActivityIn(run, p.period, p.total) ? withoutLinkedActivities(p, which) : p;
}

/** The warning for a period whose deals the activities barely cover, or whose dates hold none (activities-outside-deals). */
function periodCoverage(run: EnginesRun, index: number, period: { from: string; to: string }, which: 'before' | 'after'): Alert[] {
  if (linkedNotApplicable(notApplicable(run.shape))) return [];
  return coverageAlerts(run.coverage?.[index], run.activities?.file ?? '', which, noActivityIn(run, period, run.results[index]?.total));
}

/**
 * The same file given for both periods: under one name, a link, or as the file stdin is redirected from
 * (`--before-deals - --after-deals deals.csv < deals.csv`), compared by device and inode (sameInputFile;
 * stdin is one stream, never given twice).
 */
function assertDifferentFiles(b: KpiFiles, a: KpiFiles, base: ImportOptions): void {
  for (const kind of ['deals', 'activities', 'payments'] as const) {
    const [one, two] = [b[kind], a[kind]];
    if (one === undefined || two === undefined || !sameInputFile(one, two, base.stdin, base.cwd)) continue;
    const named = one === '-' ? two : one;
    if (kind === 'deals') throw UserError.of('E_COMPARE_PERIODS', 'compare.sameFile', { file: named });
    const words = kind === 'activities' ? { whatRu: 'действиями', whatRuGen: 'действий' } : { whatRu: 'оплатами', whatRuGen: 'оплат' };
    throw UserError.of('E_COMPARE_PERIODS', 'compare.sameFileOf', { file: named, option: `--before-${kind}`, other: `--after-${kind}`, what: kind, ...words });
  }
}

/** Fewer days than this in a period, and its per-month figures are a few days' noise stretched to a month. */
const SHORT_PERIOD_DAYS = 14;

/** The periods of a comparison too short for per-month figures (a cutover a day before the data ends gave +866% leads a month). */
function shortPeriods(result: CompareResult, cutover: boolean): Alert[] {
  return (['before', 'after'] as const).filter((w) => result[w].days < SHORT_PERIOD_DAYS).map((which) => ({ code: 'short-period' as const, which, from: result[which].from, to: result[which].to, days: result[which].days, ...(cutover ? {} : { files: true }) }));
}

/** Two sets whose after period ends before their before period starts: the files were given the wrong way round. */
function assertInOrder(before: { from: string; to: string }, after: { from: string; to: string }): void {
  if (after.to >= before.from) return;
  const params = { beforeFrom: before.from, beforeTo: before.to, afterFrom: after.from, afterTo: after.to };
  throw UserError.of('E_COMPARE_PERIODS', 'compare.periodsReversed', { ...params, beforeFromRu: dayRu(before.from), beforeToRu: dayRu(before.to), afterFromRu: dayRu(after.from), afterToRu: dayRu(after.to) });
}

function assertNotEmpty(p: PeriodKpis, which: 'before' | 'after', cutover?: string): void {
  if (p.total.leads === 0) {
    const params = { which, whichRu: which === 'before' ? 'до' : 'после', from: p.period.from, to: p.period.to, fromRu: dayRu(p.period.from), toRu: dayRu(p.period.to), ...(cutover ? { cutover, cutoverRu: dayRu(cutover) } : {}) };
    throw UserError.of('E_COMPARE_EMPTY', cutover ? 'compare.emptyPeriodCutover' : 'compare.emptyPeriod', params);
  }
}
