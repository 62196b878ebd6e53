import { tr } from '../core/i18n.js';
import { Command } from 'commander';
import { fill, renderMessage, say, UNUSED_OPTION, UNUSED_WITHOUT } from '../core/messages.js';
import { withImportOptions } from './input-options.js';
import { paint, type CliContext } from './context.js';
import { terminalSafe } from '../render/terminal-safe.js';
import { proseFor } from './wrap.js';
import { clearProgress } from './progress.js';
import { checkBadRows, type ImportOptions, type ImportReport } from '../io/map/import.js';
import { describeUserError, UserError } from '../core/errors.js';

/**
 * Says on stderr which options were given to no effect (`--hourly-cost` without `--managers`,
 * `--monthly-cost` without `--cost`): a user who typed one expects it in the numbers.
 */
export function warnUnusedOptions(ctx: CliContext, lang: string, unused: ReadonlyArray<keyof typeof UNUSED_OPTION | false>): void {
  for (const key of unused) if (key) ctx.stderr.write(warningLine(ctx, lang, say(UNUSED_OPTION[key], lang)));
}

/** The options that read exports or compute from them: the import options (read from their declaration) and the period and norms. */
const EXPORT_OPTIONS = new Set([...withImportOptions(new Command()).options.map((o) => o.long!), '--from', '--to', '--touch-norm', '--callback-window']);
/** The options of the KPIs alone (`report`): spend, plan and groupings go with the deals export. */
const DEALS_OPTIONS = new Set(['--spend', '--plan', '--by']);
/** The options of the calls and activities alone (`kpi -d deals.csv --time-offset 3`). */
const ACTIVITY_OPTIONS = new Set(['--touch-norm', '--callback-window', '--time-offset']);

/**
 * Says on stderr which of the options typed (`given`, defaults not counted) change nothing because no export is
 * given (`audit --answers a.yaml --from …`, `report --answers a.yaml --touch-norm 3`), or, with `noDeals`, no deals
 * export for the KPIs (`report --spend` with two periods' files and no --deals), or, with `activities`, no
 * activities file (`kpi -d deals.csv --time-offset 3`): they were silently ignored.
 */
export function warnWithoutExports(ctx: CliContext, lang: string, given: readonly string[] | undefined, without: { exports: boolean; deals: boolean; activities?: boolean }): void {
  const warn = (kind: keyof typeof UNUSED_WITHOUT, options: string[]) => {
    if (options.length === 0) return;
    const t = UNUSED_WITHOUT[kind][options.length === 1 ? 'one' : 'many'];
    ctx.stderr.write(warningLine(ctx, lang, fill(say(t, lang), { options: options.join(', ') })));
  };
  const typed = [...new Set(given ?? [])];
  if (without.deals) warn('deals', typed.filter((o) => DEALS_OPTIONS.has(o)));
  if (without.exports) warn('exports', typed.filter((o) => EXPORT_OPTIONS.has(o)));
  else if (without.activities) warn('activities', typed.filter((o) => ACTIVITY_OPTIONS.has(o)));
}

/**
 * A warning as stderr says it: «Внимание: …» / "Warning: …", the word in yellow where colour is on;
 * on a terminal, its sentences wrapped between words within its width (a terminal cut a
 * 350-character warning mid-word); a `--map` snippet's lines stay whole, to be copied (proseFor's rule).
 * Empty when the run keeps the warnings said (ctx.warned) and this one was.
 */
export function warningLine(ctx: CliContext, lang: string, text: string): string {
  // The demo's commands read the same samples: «Источники из файла расходов, которых нет ни в одной сделке: «Радио»» was said by two of them, word for word.
  if (ctx.warned?.has(text)) return '';
  ctx.warned?.add(text);
  // Written at once by every caller: a progress line left on the terminal is cleared first (it ran «обработка…Внимание»).
  clearProgress(ctx.stderr);
  return `${proseFor(ctx.stderr, `${paint(ctx).yellow(tr(lang, 'Внимание', 'Warning'))}: ${terminalSafe(text, false)}`)}\n`;
}

/** Whether `--sheet` was given and no file read was a workbook (a CSV or an HTML table has no sheets). */
export function sheetUnused(sheet: string | undefined, files: ReadonlyArray<{ format: string }>): boolean {
  return sheet !== undefined && !files.some((f) => ['xlsx', 'spreadsheetml'].includes(f.format.split(', ')[0]!));
}

/** The warning that an answers file names another company than the report config (tester T74: one client's audit titled with another's name, without a word). */
export function warnAnswersOtherCompany(ctx: CliContext, lang: string, file: string, answers: string, config: string): void {
  ctx.stderr.write(warningLine(ctx, lang, `${file}: ${renderMessage('report.answersOtherCompany', { answers, config }, lang)}`));
}

/** A baseline of another company than this run's (audit and report alike: one client's result passed as another's). */
export function warnOtherCompany(ctx: CliContext, lang: string, file: string, before: string, now: string): void {
  ctx.stderr.write(warningLine(ctx, lang, `${file}: ${renderMessage('baseline.otherCompany', { before, now }, lang)}`));
}

/**
 * The warning that kpi would stop on a file inspect or map read whole (they never stop on unreadable
 * rows: showing them is what they are for), with kpi's own reason: past --max-bad-rows, every row
 * unreadable, a column none of whose values reads. Before, both took --max-bad-rows and said nothing at
 * the limit (tester T63 L8). Empty when kpi would read it.
 */
export function kpiWouldStop(ctx: CliContext, lang: string, report: ImportReport, opts: ImportOptions): string {
  try {
    checkBadRows(report, opts);
    return '';
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    // Said as kpi would say it, its hint too (`--max-bad-rows 6`, the formats a date is read in: review R50).
    return warningLine(ctx, lang, `${tr(lang, 'kpi остановится', 'kpi would stop')}: ${describeUserError(error, lang)}`);
  }
}
