import { paybackMonthsCell } from '../kpi/labels.js';
import type { CompareResult } from '../../core/compare.js';
import { tr } from '../../core/i18n.js';
import { renderCsvTables, warningsTable, type CsvValue } from '../csv.js';
import { formatDay, ppUnit } from '../format.js';
import { csvNumber, csvUnit, withUnit } from '../kpi/csv.js';
import { compareLabels, gainLabel, paybackInputs, roiCell, ROW_INFO, rowNote, verdictText } from './text.js';
import { say } from '../../core/messages.js';

const pct = (v: number | null): CsvValue => (v === null ? null : v * 100);
/** The ROI's cell: in per cent, or the words that say why there is none. */
const roiCsv = (v: number | string | null): CsvValue => (typeof v === 'string' ? v : pct(v));

/**
 * The before/after table as CSV: each row in its own unit (a share in %, so its change is in
 * percentage points), the relative change and the target in %, the verdict, and why a row's cells are
 * empty (the workbook's «Не рассчитано» column: the cells stay empty for a program, the reason is
 * there for a reader); then the payback and each manager's before and after when the result has
 * them, and the warnings last.
 */
export function renderCompareCsv(result: CompareResult, opts: { lang: string }): string {
  const lang = opts.lang === 'ru' ? 'ru' : 'en';
  const L = compareLabels(lang);
  const unit = tr(lang, 'Единица', 'Unit');
  const rows: CsvValue[][] = result.rows.map((row) => {
    const info = ROW_INFO[row.metric]!;
    const u = info.format === 'ratio' ? tr(lang, `% (изменение в ${ppUnit('ru')})`, `% (change in ${ppUnit('en')})`) : csvUnit(info.format, lang);
    return [info[lang], u, csvNumber(row.before, info.format), csvNumber(row.after, info.format), csvNumber(row.change, info.format), pct(row.change_pct), verdictText(row, lang), pct(row.target), row.met === null ? '' : row.met ? L.yes : L.no, rowNote(row, lang) ?? ''];
  });
  const tables = [{ head: [L.metric, unit, `${L.before} ${formatDay(result.before.from, lang)} — ${formatDay(result.before.to, lang)}`, `${L.after} ${formatDay(result.after.from, lang)} — ${formatDay(result.after.to, lang)}`, L.change, `${L.changePct}`, L.verdict, `${L.target}, %`, L.met, L.notComputed], rows }];
  const p = result.payback;
  if (p) {
    tables.push({
      head: [L.payback, L.changeValue],
      rows: [
        // The inputs first, as every format lists them: the margin is how the gain follows from the revenue row.
        ...paybackInputs(result.payback_inputs).map((i): CsvValue[] => [i.format === 'ratio' ? `${say(i.label, lang)}, %` : say(i.label, lang), i.format === 'ratio' ? pct(i.value) : i.value]),
        [gainLabel(result.payback_inputs, lang), p.gain_per_month ?? ''],
        [L.months, paybackMonthsCell(p, lang, result.payback_inputs?.margin)],
        // Nothing spent: why there is no ROI, as the payback months' cell says why there is none (tester T33 F5).
        [`${L.roi}, %`, roiCsv(roiCell(p, lang))],
      ],
    });
  }
  if (result.managers && result.managers.length > 0) {
    const metrics = result.managers[0]!.metrics;
    const head = [L.manager, ...metrics.flatMap((m) => {
      const info = ROW_INFO[m.metric]!;
      const label = withUnit(info[lang], csvUnit(info.format, lang));
      return [`${label}: ${L.beforeWord}`, `${label}: ${L.afterWord}`];
    })];
    tables.push({ head, rows: result.managers.map((m) => [m.manager, ...m.metrics.flatMap((r) => [csvNumber(r.before, ROW_INFO[r.metric]!.format), csvNumber(r.after, ROW_INFO[r.metric]!.format)])]) });
  }
  // What stderr warned of about the periods' files, last: the client's file said none of it (a tester).
  tables.push(...warningsTable(result.dataQuality, lang));
  return renderCsvTables(tables, lang);
}
