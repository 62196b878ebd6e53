import { columnsOf } from '../wrap.js';
import type { CompareResult } from '../../core/compare.js';
import { UserError } from '../../core/errors.js';
import { say, UNUSED_OPTION } from '../../core/messages.js';
import { COST_ZERO_HINT } from '../../core/messages/documents.js';
import { ambiguousComma, amountProblemParams, readAmount, readHourlyCost, roubleMarked } from '../../core/option-values.js';
import { computeComparison, type ComparePeriods } from '../../app/compare-files.js';
import { withAnswers } from '../ask-stages.js';
import { loadOverrides } from '../../io/documents/map-file.js';
import { loadTargets } from '../../io/documents/targets-file.js';
import { renderCompareMarkdown, renderCompareTable, targetDirectionLines } from '../../render/compare/text.js';
import { renderJson } from '../../render/text.js';
import { resolveNow, useColor, type CliContext } from '../context.js';
import { sheetUnused, warningLine, warnUnusedOptions } from '../warnings.js';
import { EXIT } from '../exit-codes.js';
import { assertBinaryDestination, resolveFormat } from '../format.js';
import { assertOneStdin, importOptionsFromCli, parseDay, parseMargin, type ImportCliOptions, type KpiCliFields, type PeriodCliFields } from '../input-options.js';
import { assertOutputPlace, reportFile, writeOutput } from '../output.js';
import { reportSkippedRows } from '../skipped-rows.js';
import type { DataQuality } from '../../core/kpi/types.js';
import { kpiOptionsFromCli } from './kpi.js';

export interface CompareCliOptions extends ImportCliOptions, KpiCliFields, PeriodCliFields {
  format?: 'table' | 'json' | 'md' | 'xlsx' | 'csv' | 'html';
  output?: string;
  lang: string;
  now?: string;
  company?: string;
}

const FORMATS = ['table', 'json', 'md', 'xlsx', 'csv', 'html'] as const;

/** Parses a money option (`1500000`, `1 500 000`, `1 500 000,50`, `1,5e6`): a number of 0 or more. */
export function parseAmount(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = readAmount(value);
  if (n !== undefined) return n;
  // Both readings of `1.500`; or a dollar, euro or tenge mark: the number is there, in another currency than the rouble the option reads.
  const problem = amountProblemParams(value);
  if (problem) throw UserError.of('E_USAGE', problem.kind === 'ambiguous' ? 'usage.amountAmbiguous' : 'usage.amountCurrency', { name, ...problem.params });
  throw UserError.of('E_USAGE', 'usage.amount', { name, value });
}

/**
 * Parses what a manager's hour costs (`--hourly-cost`, and the prompt of an interactive audit): the
 * forms of an amount, above 0 (0 printed «около 0 ₽ в месяц») and at most MAX_HOURLY_COST.
 */
export function parseHourlyCost(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  if (readAmount(value) === undefined && ambiguousComma(value)) return parseAmount(value, name);
  const n = readHourlyCost(value);
  if (n === undefined) throw UserError.of('E_USAGE', 'usage.hourlyCost', { name, value });
  return n;
}

/** Which way the periods were given: a cutover over one set of files, or two sets. */
export function periodsFromCli(o: CompareCliOptions): ComparePeriods {
  const split = o.cutover !== undefined || o.deals !== undefined;
  const sets = [o.beforeDeals, o.afterDeals, o.beforeActivities, o.afterActivities, o.beforePayments, o.afterPayments].some((x) => x !== undefined);
  if (split && sets) throw UserError.of('E_USAGE', 'compare.bothWays');
  if (split) {
    if (!o.deals) throw UserError.of('E_USAGE', 'compare.cutoverNeedsDeals');
    if (!o.cutover) throw UserError.of('E_USAGE', 'compare.dealsNeedCutover');
    return { cutover: parseDay(o.cutover, '--cutover')!, files: { deals: o.deals, activities: o.activities, payments: o.payments } };
  }
  // -a or -p beside two sets of files belongs to neither period: it was read by nothing, without a word (a reviewer).
  const loose = o.activities !== undefined ? '--activities' : o.payments !== undefined ? '--payments' : undefined;
  if (sets && loose) throw UserError.of('E_USAGE', 'compare.looseFile', { option: loose, before: loose.replace('--', '--before-'), after: loose.replace('--', '--after-') });
  if (!o.beforeDeals || !o.afterDeals) {
    // One set's files given: the other's deals file is what is missing, not the way to split.
    if (sets) throw UserError.of('E_USAGE', 'compare.setNeedsDeals', { missing: o.beforeDeals ? '--after-deals' : '--before-deals' });
    throw UserError.of('E_USAGE', 'compare.howToSplit');
  }
  return {
    before: { deals: o.beforeDeals, activities: o.beforeActivities, payments: o.beforePayments },
    after: { deals: o.afterDeals, activities: o.afterActivities, payments: o.afterPayments },
  };
}

/**
 * `--monthly-cost` (or the config's compare.monthlyCost) without a one-off cost: it changes nothing, and with no one-off
 * cost at all (a CRM paid by subscription) `--cost 0` is what computes the payback (tester T39 F6: the hint did not say so).
 */
export function warnMonthlyCostAlone(ctx: CliContext, lang: string, key: keyof typeof COST_ZERO_HINT): void {
  ctx.stderr.write(warningLine(ctx, lang, `${say(UNUSED_OPTION[key], lang)}. ${say(COST_ZERO_HINT[key], lang)}`));
}

/** The comparison from CLI options: shared by `compare` and `report`. */
export async function compareFromCli(o: CompareCliOptions, ctx: CliContext): Promise<{ result: CompareResult; dataQuality: DataQuality }> {
  assertOneStdin([o.deals, o.activities, o.payments, o.beforeDeals, o.beforeActivities, o.beforePayments, o.afterDeals, o.afterActivities, o.afterPayments, o.targets, o.map], 'exports', o.map);
  const periods = periodsFromCli(o);
  const cost = parseAmount(o.cost, '--cost');
  const margin = parseMargin(o.margin);
  if (cost === undefined && o.monthlyCost !== undefined) warnMonthlyCostAlone(ctx, o.lang ?? 'ru', 'monthlyCost');
  warnUnusedOptions(ctx, o.lang ?? 'ru', [cost === undefined && o.margin !== undefined && 'margin']);
  const options = { targets: await loadTargets(o.targets, ctx.cwd, ctx.stdin), cost, monthlyCost: parseAmount(o.monthlyCost, '--monthly-cost'), costInRoubles: roubleMarked(o.cost) || roubleMarked(o.monthlyCost), margin, byManager: Boolean(o.byManager) };
  const base = importOptionsFromCli(o, ctx);
  const kpi = kpiOptionsFromCli(o);
  return withAnswers(ctx, o.lang ?? 'ru', await loadOverrides(o.map, ctx.cwd, ctx.stdin), (maps) => computeComparison(periods, base, maps, kpi, options), { inputs: compareInputs(o), output: o.output });
}

/** The files a comparison reads (never written over). */
function compareInputs(o: CompareCliOptions): string[] {
  return [o.deals, o.activities, o.payments, o.beforeDeals, o.beforeActivities, o.beforePayments, o.afterDeals, o.afterActivities, o.afterPayments, o.targets, o.map].filter((f): f is string => f !== undefined);
}

/**
 * A target whose sign is against its row's better direction (`response_min_median: 30%`), said on stderr as the reports say
 * it under their tables (tester T39 F14: «хуже» beside «✓ да» without a word); the exit code is kept.
 */
export function warnTargetDirections(ctx: CliContext, result: Pick<CompareResult, 'rows'>, lang: string): void {
  for (const line of targetDirectionLines(result, lang)) ctx.stderr.write(warningLine(ctx, lang, line));
}

/** `crm-audit compare`: the before/after table, targets, payback and ROI. */
export async function run(o: CompareCliOptions, ctx: CliContext): Promise<number> {
  const format = resolveFormat(o.format, o.output, FORMATS, 'table');
  assertBinaryDestination(ctx, format, o.output);
  const inputs = compareInputs(o);
  await assertOutputPlace(ctx, o.output, inputs);
  const now = resolveNow(ctx, o.now);
  const { result, dataQuality } = await compareFromCli(o, ctx);
  reportSkippedRows(ctx, dataQuality, o.lang, format);
  warnUnusedOptions(ctx, o.lang ?? 'ru', [sheetUnused(o.sheet, dataQuality.files) && 'sheet']);
  warnTargetDirections(ctx, result, o.lang ?? 'ru');
  let out: string | Uint8Array;
  // How its files were read (skipped rows, alerts: an «after» of 11 days) goes with the comparison, as a report's
  // comparison of files of its own carries it: the JSON (CI reads it there), and the files a client gets, which said none of it.
  const full: CompareResult = { ...result, dataQuality };
  if (format === 'json') out = renderJson(full);
  else if (format === 'md') out = renderCompareMarkdown(full, { lang: o.lang, color: false, company: o.company });
  else if (format === 'csv') out = (await import('../../render/compare/csv.js')).renderCompareCsv(full, { lang: o.lang });
  else if (format === 'xlsx') out = await (await import('../../render/compare/xlsx.js')).renderCompareXlsx(full, { lang: o.lang, now, company: o.company });
  else if (format === 'html') out = await (await import('../../render/html/index.js')).renderHtml({ lang: o.lang, generatedAt: now.toISOString(), company: o.company, compare: full });
  else out = renderCompareTable(result, { lang: o.lang, color: useColor(ctx) && !o.output, width: !o.output && ctx.stdout.isTTY ? columnsOf(ctx.stdout) : undefined, company: o.company });
  await writeOutput(ctx, out, o.output, inputs, o.lang, format === 'table', reportFile(format));
  return EXIT.ok;
}
