import ExcelJS from 'exceljs';
import type { ReportResult } from '../../core/report.js';
import { addAuditSheets } from '../audit/xlsx.js';
import { addCompareSheets, changeFormat, judgedFormats, PAYBACK_MONTHS_FORMAT, RELATIVE_FORMAT, TARGET_FORMAT } from '../compare/xlsx.js';
import { addKpiSheets } from '../kpi/xlsx.js';
import { metricFormat, setDocumentProperties, setText, signedFormatFor, styleHeader, workbookToBuffer } from '../xlsx-common.js';
import { addChartsSheet } from '../xlsx-charts.js';
import { auditBefore, deltaRows, headlineDef, headlineRows, reportDay, reportLabels } from './summary.js';
import { auditNames, describePath, failureParts, levelWord, skippedNote, type AuditNames } from './assertion-text.js';
import { compareLabels } from '../compare/text.js';
import { kpiLabels } from '../kpi/labels.js';
import { shownPeriod } from '../kpi/text.js';
import { dateFormat, dayValue, finishFreeSheet, finishSheet, reportDateCell } from '../xlsx-layout.js';

/** A period as two date cells after its label. */
function addPeriodRow(s: ExcelJS.Worksheet, label: string, from: string | null, to: string | null, lang: string): void {
  if (!from && !to) {
    s.addRow([label, kpiLabels(lang).allTime]);
    return;
  }
  const row = s.addRow([label, from ? dayValue(from) : '…', to ? dayValue(to) : '…']);
  for (const c of [2, 3]) row.getCell(c).numFmt = dateFormat(lang);
}

/**
 * A failed assertion's number in its cell, in the unit its failure's line shows it (describePath): a
 * share as a percent, a change of a share in points (its cell holds the points, as the compare sheet's),
 * a relative change and a target signed, minutes and days with their unit.
 */
function numberCell(cell: ExcelJS.Cell, value: number, path: readonly string[], lang: string, names: AuditNames): void {
  const { kind } = describePath(path, lang, names);
  cell.value = kind === 'pp' ? value * 100 : value;
  // A signed change that rounds to zero as shown is unsigned («0,0%»), as in the other formats.
  if (kind === 'pp') cell.numFmt = signedFormatFor(changeFormat('ratio', lang), value * 100);
  else if (path[0] === 'compare' && path[2] === 'change_pct') cell.numFmt = signedFormatFor(RELATIVE_FORMAT, value);
  else if (path[0] === 'compare' && path[2] === 'target') cell.numFmt = TARGET_FORMAT;
  else if (path[0] === 'compare' && path[1] === 'roi_12m') cell.numFmt = signedFormatFor(RELATIVE_FORMAT, value);
  else if (path[0] === 'compare' && path[1] === 'payback_months') cell.numFmt = PAYBACK_MONTHS_FORMAT;
  else if (kind === 'points' || kind === 'bool' || kind === 'text' || kind === 'verdict') cell.numFmt = 'General';
  else cell.numFmt = path[0] === 'delta' || path[2] === 'change' ? signedFormatFor(changeFormat(kind, lang, [value]), value) : metricFormat(kind, lang, [value]);
}

/** The headline KPIs, with the change and target a comparison judges them on; the number of their header row. */
function addHeadline(s: ExcelJS.Worksheet, r: ReportResult): number | undefined {
  const L = reportLabels(r.lang);
  const headline = headlineRows(r, r.lang);
  if (headline.length === 0) return undefined;
  s.addRow([]);
  // With a comparison, the change its targets are judged on stands beside them.
  const judged = r.compare !== undefined && r.compare !== null;
  const head = s.addRow([L.metric, L.value, ...(judged ? [L.changeAfter] : []), L.target, L.met]);
  head.font = { bold: true };
  const t = judged ? 4 : 3;
  // A number wider than its column shows as ####: room for «−12,5% (продаж на менеджера в месяц)».
  const widest = Math.max(0, ...headline.map((h) => (h.changeOf ? h.changeOf.length + 11 : 0)));
  if (judged && widest > (s.getColumn(3).width ?? 0)) s.getColumn(3).width = widest;
  for (const h of headline) {
    const row = s.addRow([h.label, h.value, ...(judged ? [h.change] : []), h.target, h.met === null ? '' : h.met ? L.yes : L.no]);
    // Money as the Markdown and HTML write the amount alone: 38 044 400, not 38,044,400.00.
    row.getCell(2).numFmt = metricFormat(headlineDef(h.key).format, r.lang, [h.value]);
    // A change of a rate a month beside a count says so in its format (the cell keeps its number).
    // A change that rounds to zero as shown is unsigned: «0,0% (лидов в месяц)», not «−0,0%» (HTML and Markdown say «0,0%»).
    const formats = judgedFormats(h.change, h.target);
    const relative = signedFormatFor(formats.change, h.change);
    if (judged) row.getCell(3).numFmt = h.changeOf ? relative.split(';').map((f) => `${f}" (${h.changeOf})"`).join(';') : relative;
    row.getCell(t).numFmt = formats.target;
    if (h.met !== null) row.getCell(t + 1).font = { color: { argb: h.met ? 'FF006100' : 'FF9C0006' }, bold: true };
  }
  return head.number;
}

/** Each assertion, passed or failed, a failure's value in its unit and who failed; the number of their header row. */
function addAssertions(s: ExcelJS.Worksheet, r: ReportResult): number | undefined {
  const L = reportLabels(r.lang);
  if (r.assertions.length === 0) return undefined;
  s.addRow([]);
  const head = s.addRow([L.assertion, L.level, L.status, L.value, L.subject]);
  head.font = { bold: true };
  const names = auditNames(r.audit);
  for (const a of r.assertions) {
    if (a.skipped) {
      // Why it was skipped where a failure's value goes.
      const row = s.addRow([a.assertion, levelWord(a.level, r.lang), L.skipped]);
      setText(row.getCell(4), skippedNote(a, r.lang));
      continue;
    }
    if (a.passed) {
      s.addRow([a.assertion, levelWord(a.level, r.lang), L.passed]).getCell(3).font = { color: { argb: 'FF006100' } };
      continue;
    }
    for (const f of a.failures) {
      const row = s.addRow([a.assertion, levelWord(a.level, r.lang), L.failed]);
      row.getCell(3).font = { color: { argb: a.level === 'error' ? 'FF9C0006' : 'FF9C5700' }, bold: true };
      // A number stays a number (with its metric's format when the path names one), not '66.2333'; any other value
      // and who failed read as the failure's line says them («опровергнуто», «Отдел»), not contradicted or total.conversion.
      const parts = failureParts(f, r.lang, names);
      if (typeof f.value === 'number') numberCell(row.getCell(4), f.value, f.path, r.lang, names);
      else setText(row.getCell(4), parts.value);
      setText(row.getCell(5), parts.subject);
    }
  }
  return head.number;
}

/**
 * The changes since the baseline run (`--baseline`): the department's, then each manager's, as numbers in
 * their units (a share's change in points), the Markdown's table (T42 F3: only the job summary had it).
 */
function addDeltaSheet(workbook: ExcelJS.Workbook, r: ReportResult, about: { company: string | undefined; date: Date }): void {
  const table = deltaRows(r, true);
  if (!table) return;
  const L = reportLabels(r.lang);
  const sheet = workbook.addWorksheet(L.deltaSheet);
  sheet.addRow([L.manager, ...table.keys.map((k) => headlineDef(k).label[r.lang === 'ru' ? 'ru' : 'en'])]);
  const names = auditNames(r.audit);
  for (const row of table.rows) {
    const added = sheet.addRow([row.name]);
    if (row.total) added.font = { bold: true };
    table.keys.forEach((k, i) => {
      const v = row.values[k];
      if (typeof v === 'number') numberCell(added.getCell(i + 2), v, row.total ? ['delta', 'total', k] : ['delta', 'managers', row.name, k], r.lang, names);
      else added.getCell(i + 2).value = '—';
    });
  }
  finishSheet(sheet, { title: L.deltaTitle(reportDay(table.since, r.lang)), company: about.company, date: about.date, lang: r.lang }, { autofilter: false });
}

/**
 * The CI workbook: Summary, then Audit and Recommendations, Managers, Loss reasons, Data quality,
 * Definitions, Before-After and Payback, for whatever parts the report has.
 */
export async function renderReportXlsx(r: ReportResult): Promise<Uint8Array> {
  const L = reportLabels(r.lang);
  const workbook = new ExcelJS.Workbook();
  setDocumentProperties(workbook, `${L.title}${r.company ? ` — ${r.company}` : ''}`, new Date(r.generatedAt));
  workbook.company = r.company ?? '';
  workbook.subject = L.title;

  const s = workbook.addWorksheet(r.lang === 'ru' ? 'Сводка' : 'Summary');
  s.columns = [{ width: 34 }, { width: 22 }, { width: 12 }, { width: 12 }, { width: 50 }];
  const title = s.addRow([L.title]);
  title.font = { bold: true, size: 14 };
  if (r.company) setText(s.addRow([L.company]).getCell(2), r.company);
  if (r.kpi) addPeriodRow(s, kpiLabels(r.lang).period, shownPeriod(r.kpi).from, shownPeriod(r.kpi).to, r.lang);
  if (r.compare) {
    const C = compareLabels(r.lang);
    addPeriodRow(s, C.before, r.compare.before.from, r.compare.before.to, r.lang);
    addPeriodRow(s, C.after, r.compare.after.from, r.compare.after.to, r.lang);
  }
  const date = reportDateCell(new Date(r.generatedAt), r.lang);
  s.addRow([L.date, date.value]).getCell(2).numFmt = date.numFmt;
  if (r.audit) {
    s.addRow([]);
    const a = s.addRow([L.audit, `${r.audit.total} / ${r.audit.max}`]);
    a.font = { bold: true };
    s.addRow([L.band, r.audit.band.title]);
    const before = auditBefore(r);
    if (before) s.addRow([before.label, before.score, before.band ?? '']);
    // The change a number, signed as the Audit sheet's (it was the text '+5').
    const change = r.delta?.audit?.total;
    if (before?.change && typeof change === 'number') s.addRow([L.changeRow, change]).getCell(2).numFmt = '+0;"−"0;0';
    if (r.audit.evidence) s.addRow([L.evidenceTotal, `${r.audit.evidence.total} / ${r.audit.max}`, r.audit.evidence.band.title]).font = { bold: true };
  }
  const kpiHead = addHeadline(s, r);
  const assertionsHead = addAssertions(s, r);
  // The KPI table's header stays in sight as it scrolls (the assertions' without one), not the title above the heading (a tester).
  const frozen = kpiHead ?? assertionsHead;
  s.views = frozen === undefined ? [{ state: 'normal' }] : [{ state: 'frozen', ySplit: frozen }];
  // The tables' header rows wrap, and a failure's or a skipped check's words wrap at 40 (its column is the value's).
  finishFreeSheet(s, { title: L.title, company: r.company, lang: r.lang }, { headers: [kpiHead, assertionsHead].filter((n): n is number => n !== undefined), textWidths: { 4: 40 } });

  const about = { company: r.company, date: new Date(r.generatedAt) };
  if (r.audit) addAuditSheets(workbook, r.audit, r.lang);
  if (r.kpi) addKpiSheets(workbook, r.kpi, r.lang, about);
  if (r.compare) addCompareSheets(workbook, r.compare, r.lang, about);
  addDeltaSheet(workbook, r, about);
  await addChartsSheet(workbook, r, r.lang, r.company);
  for (const sheet of workbook.worksheets) if (sheet !== s && !sheet.views?.length) styleHeader(sheet, sheet.columnCount);
  return workbookToBuffer(workbook);
}
