import { pluralEn, tr } from '../core/i18n.js';
import { unreadableRows, type DataQuality } from '../core/kpi/types.js';
import { MISSED_NO_MANAGER } from '../io/map/activity-reader.js';
import { UNASSIGNED_DEAL } from '../io/map/context.js';
import { describeAlert } from '../core/kpi/alerts.js';
import type { CliContext } from './context.js';
import { warningLine } from './warnings.js';
import { terminalSafe } from '../render/terminal-safe.js';
import { clearProgress } from './progress.js';
import { stderrLine } from './wrap.js';
import { expectedForms, skippedRowText } from '../core/messages.js';
import { formatCount } from '../render/format.js';

/** How many skipped rows are quoted on stderr before pointing to the full list. */
const SHOWN = 3;

/**
 * Says on stderr, in every format, what looks wrong in the numbers (nothing won or lost, a file with
 * many unreadable rows), and that rows were skipped: how many, the first few with file, row,
 * column and reason, and where the full list is (the JSON result, or the workbook's Data quality sheet).
 */
export function reportSkippedRows(ctx: CliContext, quality: DataQuality, lang: string, format: string, where: { json: string; sheet: boolean } = { json: 'dataQuality', sheet: true }): void {
  if (quality.alerts?.length) {
    clearProgress(ctx.stderr);
    ctx.stderr.write(quality.alerts.map((a) => warningLine(ctx, lang, describeAlert(a, lang))).join(''));
  }
  // Missed calls nobody took are skipped by the spec's rule and said in their alert: «Пропущено строк, которые
  // не удалось прочитать … нет менеджера (пропущенный входящий звонок)» called them unreadable.
  const n = unreadableRows(quality);
  if (n === 0) return;
  clearProgress(ctx.stderr);
  const lines = [tr(lang, `Пропущено строк, которые не удалось прочитать: ${formatCount(n, lang)}.`, `Skipped ${formatCount(n, lang)} ${pluralEn(n, 'row', 'rows')} that could not be read.`)];
  // Deals assigned to no one are said in their alert too (deals-no-manager).
  const shown = quality.rowsSkipped.filter((r) => r.reason !== MISSED_NO_MANAGER && r.reason !== UNASSIGNED_DEAL).slice(0, SHOWN);
  for (const s of shown) {
    lines.push(`  ${skippedRowText(s, lang, true)}`);
  }
  // Counted by what is listed: the rows a record with a quote left open took are counted, not listed (review R54).
  if (n > shown.length) lines.push(tr(lang, `  …и ещё ${formatCount(n - shown.length, lang)}.`, `  …and ${formatCount(n - shown.length, lang)} more.`));
  // What the rows shown should have held, as a stopped run's examples say it (import.ts badRowExamples).
  lines.push(...expectedForms(shown, lang).map((l) => `  ${l}`));
  // An audit's workbook has no Data quality sheet: its skipped rows are in the JSON alone (evidence.dataQuality).
  const path = `${where.json}.rowsSkipped`;
  const full = format === 'xlsx' && where.sheet
    ? tr(lang, 'Все пропущенные строки: лист «Качество данных».', 'Every skipped row: the Data quality sheet.')
    : format === 'json'
      ? tr(lang, `Все пропущенные строки: ${path} в JSON.`, `Every skipped row: ${path} in the JSON.`)
      : where.sheet
        ? tr(lang, `Все пропущенные строки: --format json (${path}) или лист «Качество данных» в -o отчёт.xlsx.`, `Every skipped row: --format json (${path}) or the Data quality sheet of -o report.xlsx.`)
        : tr(lang, `Все пропущенные строки: --format json (${path}).`, `Every skipped row: --format json (${path}).`);
  lines.push(full);
  stderrLine(ctx, terminalSafe(lines.join('\n'), false));
}
