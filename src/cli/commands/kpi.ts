import { columnsOf, wrapText } from '../wrap.js';
import { METRIC_KEYS, STAGE_METRICS, UNIT_METRICS } from '../../core/kpi/catalog.js';
import type { KpiOptions } from '../../core/kpi/engine.js';
import { GROUP_DIMS, type GroupDim, type KpiResult } from '../../core/kpi/types.js';
import { UserError } from '../../core/errors.js';
import { dayRu } from '../../core/i18n.js';
import { closest } from '../../core/assert-paths.js';
import { didYouMean } from '../../core/document-issues.js';
import { checkExportKinds, namingSwapped } from '../../app/compare-files.js';
import type { ImportOptions } from '../../io/map/import.js';
import { withAnswers, type RunFiles } from '../ask-stages.js';
import { computeKpisFromFiles, type KpiExtras, type KpiFiles } from '../../app/kpi-files.js';
import { renderJson } from '../../render/json.js';
import { loadOverrides, type Overrides } from '../../io/documents/map-file.js';
import { resolveNow, useColor, type CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { assertBinaryDestination, parseCount, resolveFormat } from '../format.js';
import { assertOneStdin, importOptionsFromCli, parseDay, parseMargin, parseWindow, type ImportCliOptions, type KpiCliFields } from '../input-options.js';
import { assertOutputPlace, reportFile, writeOutput } from '../output.js';
import { reportSkippedRows } from '../skipped-rows.js';
import { sheetUnused, warnUnusedOptions, warnWithoutExports } from '../warnings.js';

export interface KpiCliOptions extends ImportCliOptions, KpiCliFields {
  deals: string;
  metrics?: string;
  format?: 'table' | 'json' | 'md' | 'xlsx' | 'csv' | 'html';
  topReasons?: string;
  company?: string;
  output?: string;
  lang: string;
  now?: string;
  by?: string[];
  spend?: string;
  plan?: string;
  margin?: string;
}

const FORMATS = ['table', 'json', 'md', 'xlsx', 'csv', 'html'] as const;

/** Parses the KPI-definition options (period, norms, windows) shared by kpi, compare and report. */
export function kpiOptionsFromCli(o: { from?: string; to?: string; touchNorm?: string; callbackWindow?: string }): KpiOptions {
  const from = parseDay(o.from, '--from');
  const to = parseDay(o.to, '--to');
  if (from && to && from > to) throw UserError.of('E_USAGE', 'usage.fromAfterTo', { from, to, fromRu: dayRu(from), toRu: dayRu(to) });
  const touchNorm = o.touchNorm === undefined ? 5 : o.touchNorm.trim() === '' ? Number.NaN : Number(o.touchNorm);
  if (!Number.isFinite(touchNorm) || touchNorm < 0) throw UserError.of('E_USAGE', 'usage.touchNorm', { value: String(o.touchNorm) });
  return { from, to, touchNorm, callbackWindowMs: parseWindow(o.callbackWindow, 24 * 3_600_000) };
}

/** Parses --by (repeatable): each a grouping, its dimensions comma-separated (a pivot when several). */
export function parseGroupBy(values: readonly string[] | undefined): GroupDim[][] | undefined {
  if (!values || values.length === 0) return undefined;
  const groupings = values.map((value) => {
    const dims = value.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
    if (dims.length === 0) throw UserError.of('E_USAGE', 'usage.unknownGroupBy', { value, ...didYouMean([]) });
    for (const [i, d] of dims.entries()) {
      // «sorce»: source, as a misspelt --metrics or option is answered.
      if (!(GROUP_DIMS as readonly string[]).includes(d)) throw UserError.of('E_USAGE', 'usage.unknownGroupBy', { value: d, ...didYouMean(closest(d, GROUP_DIMS)) });
      if (dims.indexOf(d) !== i) throw UserError.of('E_USAGE', 'usage.repeatedGroupBy', { value, dim: d });
    }
    return dims as GroupDim[];
  });
  // One grouping typed twice (`--by source --by source`, a config's list and the command line's) is one table:
  // twice, it was two tables and a workbook sheet cut to «Причины отказа — по источни (2)» (a tester).
  return groupings.filter((g, i) => groupings.findIndex((h) => h.join(',') === g.join(',')) === i);
}

/** Parses --metrics: known keys, comma-separated. */
export function parseMetrics(value: string | undefined): string[] | undefined {
  if (value === undefined) return undefined;
  const list = value.split(',').map((s) => s.trim()).filter(Boolean);
  // Every name --metrics takes, in both errors: an empty list listed the per-manager metrics alone (31 of 39).
  const known = [...new Set([...METRIC_KEYS, ...UNIT_METRICS.map((m) => m.key), ...STAGE_METRICS.map((m) => m.key)])];
  if (list.length === 0) throw UserError.of('E_USAGE', 'usage.noMetrics', { known: known.join(', ') });
  const unknown = list.filter((k) => !known.includes(k));
  if (unknown.length > 0) {
    // The closest name of the first, as --assert and targets suggest one («conversoin»: conversion).
    const params = { metrics: unknown.map((u) => `"${u}"`).join(', '), metricsRu: unknown.map((u) => `«${u}»`).join(', '), known: known.join(', '), ...didYouMean(closest(unknown[0]!, known)) };
    throw UserError.of('E_USAGE', 'usage.unknownMetric', params);
  }
  return list;
}

/** `crm-audit kpi`: sales KPIs per manager from CRM exports. */
export async function run(o: KpiCliOptions, ctx: CliContext): Promise<number> {
  const format = resolveFormat(o.format, o.output, FORMATS, 'table');
  assertBinaryDestination(ctx, format, o.output);
  const inputs = [o.deals, o.activities, o.payments, o.map, o.spend, o.plan].filter((f): f is string => f !== undefined);
  await assertOutputPlace(ctx, o.output, inputs);
  const metrics = parseMetrics(o.metrics);
  const topReasons = parseCount(o.topReasons, '--top-reasons');
  const groupBy = parseGroupBy(o.by);
  const options = { ...kpiOptionsFromCli(o), ...(groupBy ? { groupBy } : {}) };
  const margin = parseMargin(o.margin);
  const now = resolveNow(ctx, o.now);
  const base = importOptionsFromCli(o, ctx);
  assertOneStdin([o.deals, o.activities, o.payments, o.map, o.spend, o.plan], 'exports', o.map);
  const overrides = await loadOverrides(o.map, ctx.cwd, ctx.stdin);
  const files = { deals: o.deals, activities: o.activities, payments: o.payments, spend: o.spend, plan: o.plan };
  const result = await computeAsking(ctx, files, base, overrides, options, o.lang, { margin }, { inputs, output: o.output });
  reportSkippedRows(ctx, result.dataQuality, o.lang, format);
  warnUnusedOptions(ctx, o.lang, [sheetUnused(o.sheet, result.dataQuality.files) && 'sheet', metrics !== undefined && format !== 'table' && format !== 'md' && 'metrics', o.margin !== undefined && !o.spend && 'spendMargin']);
  warnWithoutExports(ctx, o.lang, o.optionsGiven, { exports: false, deals: false, activities: !o.activities });
  // On a terminal, the tables fit its width.
  const width = format === 'table' && !o.output && ctx.stdout.isTTY ? columnsOf(ctx.stdout) : undefined;
  const out = await renderKpi(result, format, { lang: o.lang, color: useColor(ctx) && !o.output, metrics, now, topReasons, company: o.company, width });
  // The lines under the tables (what was read, what was not calculated) wrap between words, as the audit's do: «отброшен» / «о служебных».
  await writeOutput(ctx, width !== undefined && typeof out === 'string' ? wrapText(out, width) : out, o.output, inputs, o.lang, format === 'table', reportFile(format));
  return EXIT.ok;
}

/**
 * Computes the KPIs, asking on a terminal what the exports cannot say; a file passed under the wrong
 * option (a call log as --deals) fails on its columns, and is named as such instead.
 */
async function computeAsking(ctx: CliContext, files: KpiFiles, base: ImportOptions, overrides: Overrides, options: KpiOptions, lang: string, extras: KpiExtras, run: RunFiles): Promise<KpiResult> {
  return namingSwapped(files, base, () => withAnswers(ctx, lang, overrides, (maps) => computeKpisFromFiles(files, base, maps, options, extras), run, () => checkExportKinds(files, base)));
}

/** Renders a KPI result in any format. */
export async function renderKpi(result: KpiResult, format: (typeof FORMATS)[number], opts: { lang: string; color: boolean; metrics?: string[]; now: Date; topReasons?: number; company?: string; width?: number }): Promise<string | Uint8Array> {
  // Renderers load when the result is ready: their libraries (tables, colours, workbooks) need not
  // hold up the start of a long import, and JSON needs none of them.
  switch (format) {
    case 'json':
      return renderJson(result);
    case 'md': {
      const { renderKpiMarkdown } = await import('../../render/kpi/text.js');
      return renderKpiMarkdown(result, { lang: opts.lang, color: false, metrics: opts.metrics, topReasons: opts.topReasons, company: opts.company });
    }
    case 'csv': {
      const { renderKpiCsv } = await import('../../render/kpi/csv.js');
      return renderKpiCsv(result, { lang: opts.lang, topReasons: opts.topReasons });
    }
    case 'html': {
      const { renderHtml } = await import('../../render/html/index.js');
      return renderHtml({ lang: opts.lang, generatedAt: opts.now.toISOString(), company: opts.company, kpi: result }, { topReasons: opts.topReasons });
    }
    case 'xlsx': {
      const { renderKpiXlsx } = await import('../../render/kpi/xlsx.js');
      return renderKpiXlsx(result, { lang: opts.lang, now: opts.now, company: opts.company });
    }
    default: {
      const { renderKpiTable } = await import('../../render/kpi/text.js');
      return renderKpiTable(result, { lang: opts.lang, color: opts.color, metrics: opts.metrics, topReasons: opts.topReasons, width: opts.width, company: opts.company });
    }
  }
}
