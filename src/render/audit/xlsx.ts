import ExcelJS from 'exceljs';
import { clientWarnings } from '../html/client-text.js';
import type { AuditResult } from '../../core/audit/types.js';
import { setDocumentProperties, signedFormatFor, styleHeader, workbookToBuffer } from '../xlsx-common.js';
import { answerText, auditLabels, baselineNote, baselineScore, beforeLabel, describeCost, outOf, shownHours, shownRecommendations, verdictText } from './labels.js';
import { finishSheet, setPrintArea, wrappedLines, type SheetHeading } from '../xlsx-layout.js';

/** Adds the audit sheets (Audit, Recommendations) to a workbook; shared with the CI report. */
export function addAuditSheets(workbook: ExcelJS.Workbook, result: AuditResult, lang: string): void {
  const heading = (title: string): SheetHeading => ({ title, company: result.company, date: new Date(result.answeredAt), lang });
  addScoreSheet(workbook, result, lang, heading);
  addRecommendationsSheet(workbook, result, lang, heading);
}

/** The Audit sheet: each criterion's answer and points, the sections' and the total, the band and what it means. */
function addScoreSheet(workbook: ExcelJS.Workbook, result: AuditResult, lang: string, heading: (title: string) => SheetHeading): void {
  const L = auditLabels(lang);
  const sheet = workbook.addWorksheet(lang === 'ru' ? 'Аудит' : 'Audit');
  sheet.columns = [
    { header: L.section, width: 28 },
    { header: L.criterion, width: 26 },
    { header: L.answer, width: 12 },
    { header: L.points, width: 10 },
    { header: L.max, width: 10 },
    // A re-audit's columns, headed as the terminal and Markdown tables head them: «Было (01.06.2025)», «Изменение».
    ...(result.baseline ? [{ header: beforeLabel(result, lang), width: 12 }, { header: L.change, width: 11 }] : []),
    ...(result.evidence ? [{ header: L.evidence, width: 18 }, { header: L.evidenceText, width: 70 }] : []),
  ];
  styleHeader(sheet, sheet.columns.length);
  const before = new Map(result.baseline?.sections.map((s) => [s.id, s]));
  const none = result.baseline ? [null, null] : [];
  // The verdict columns come after the baseline columns (left empty on criterion rows when there are).
  const signed = (row: ExcelJS.Row, change: number | null | undefined) => {
    if (typeof change === 'number') row.getCell(7).numFmt = signedFormatFor(changeFormat(change), change);
  };
  const verdicts = new Map(result.evidence?.checks.map((x) => [x.criterion, x]));
  for (const s of result.sections) {
    for (const c of s.criteria) {
      const v = verdicts.get(c.id);
      const row = sheet.addRow([s.title, c.title ?? c.id, answerText(result, c.id, c.answer, lang), c.points, c.max, ...none, ...(v ? [verdictText(v, lang), v.text] : [])]);
      // Every cell at the top, as on the Recommendations sheet: bottom-aligned beside a sentence wrapped
      // from the top, a criterion read as the row under the sentence it belongs to (a tester).
      row.alignment = { vertical: 'top' };
      if (v) {
        // The verdict indented off the right-aligned maximum beside it: «2подтверждено» at print size.
        row.getCell(sheet.columns.length - 1).alignment = { vertical: 'top', indent: 1 };
        row.getCell(sheet.columns.length).alignment = { wrapText: true, vertical: 'top' };
      }
    }
    const b = before.get(s.id);
    const row = sheet.addRow([s.title, L.total, '', s.score, s.max, ...(result.baseline ? [b?.before ?? null, b?.change ?? null] : [])]);
    row.font = { bold: true };
    row.alignment = { vertical: 'top' };
    signed(row, b?.change);
  }
  const total = sheet.addRow([L.total, '', '', result.total, result.max, ...(result.baseline ? [result.baseline.total, result.baseline.change] : [])]);
  total.font = { bold: true };
  signed(total, result.baseline?.change);
  if (result.evidence) {
    const checked = sheet.addRow([L.evidenceTotal, '', '', result.evidence.total, result.max, ...none, result.evidence.band.title]);
    checked.font = { bold: true };
    checked.alignment = { vertical: 'top' };
    checked.getCell(sheet.columns.length - 1).alignment = { vertical: 'top', indent: 1 };
  }
  sheet.addRow([]);
  // Each band with its score, as the terminal writes them: «Уровень: Лидер (7 / 10)», «Было (01.01.2025): … (2 / 10)»,
  // the earlier one out of its own maximum (the «Было» column's total is a bare number).
  sheet.addRow([L.band, result.band.title, outOf(result.total, result.max, lang)]).font = { bold: true };
  if (result.baseline) sheet.addRow([beforeLabel(result, lang), result.baseline.bandTitle, baselineScore(result, lang)]);
  // Sentences wrap in narrower columns, so that one page wide prints at 75 % or more: with the evidence
  // columns fitted at 31/44/…/62 the sheet was 180 width units, printed at 62 % (LibreOffice's PDF).
  const textWidths = { 1: AUDIT_WIDTHS.section, 2: AUDIT_WIDTHS.criterion, ...(result.evidence ? { [sheet.columns.length]: AUDIT_WIDTHS.evidence } : {}) };
  finishSheet(sheet, heading(result.questionnaire.title), { autofilter: false, onePageWide: true, textWidths });
  // Added after the layout, so the long text does not widen a column; it wraps across the four
  // columns right of its label (merged after the heading is in place: inserting rows moves no merges).
  wrappedRow(sheet, L.meaning, result.band.meaning);
  // A baseline of another questionnaire version (or maximum): said under the comparison, wrapped as the meaning is.
  const note = baselineNote(result, lang);
  if (note) wrappedRow(sheet, L.warning, `${note.charAt(0).toUpperCase()}${note.slice(1)}.`);
  // What the exports' reading warned of (rows a filter hid, a column unread…): the client's copy says it too (tester T49 F5),
  // as the HTML report does: files by their base names, no --map snippets (review R45 F8).
  for (const w of result.evidence?.dataQuality ? clientWarnings(result.evidence.dataQuality, lang) : []) wrappedRow(sheet, L.warning, w);
  setPrintArea(sheet);
}

/**
 * The widest text of the Audit sheet's columns before it wraps: with the evidence columns the sheet is
 * at most about 140 width units, what a landscape A4 page holds at 80 %.
 */
export const AUDIT_WIDTHS = { section: 20, criterion: 28, evidence: 44 } as const;

/** A bold label and a long text wrapped across the four columns right of it, the row as tall as the text. */
function wrappedRow(sheet: ExcelJS.Worksheet, label: string, text: string): void {
  const row = sheet.addRow([label, text]);
  row.getCell(1).font = { bold: true };
  // At the top, beside the text's first line: at the bottom it read as the label of the row under it.
  row.getCell(1).alignment = { vertical: 'top' };
  sheet.mergeCells(row.number, 2, row.number, 5);
  row.getCell(2).alignment = { wrapText: true, vertical: 'top' };
  const across = [2, 3, 4, 5].reduce((w, c) => w + (sheet.getColumn(c).width ?? 9), 0);
  row.height = Math.min(409, 15 * wrappedLines(text, across - 2) + 2);
}

/** The Recommendations sheet: what each missing criterion needs, with its hours and money where known. */
function addRecommendationsSheet(workbook: ExcelJS.Workbook, result: AuditResult, lang: string, heading: (title: string) => SheetHeading): void {
  const L = auditLabels(lang);
  const recs = workbook.addWorksheet(lang === 'ru' ? 'Рекомендации' : 'Recommendations');
  const shown = shownRecommendations(result, lang);
  // The hours and the money of a recommendation as numbers beside its words, as the HTML report has
  // them: the hours when the managers are counted (--managers), the money when an hour has a price
  // (--hourly-cost); a column that would be empty in every row is left out.
  const hoursShown = shown.some(({ rec: r }) => r.cost?.hoursPerMonth !== undefined);
  const money = shown.some(({ rec: r }) => r.cost?.costPerMonth !== undefined);
  recs.columns = [
    { header: L.criterion, width: 24 },
    { header: L.section, width: 24 },
    { header: L.missingPoints, width: 11 },
    { header: L.recommendation, width: 80 },
    ...(hoursShown ? [{ header: L.hoursPerMonth, width: 12 }] : []),
    ...(money ? [{ header: L.moneyPerMonth, width: 14 }] : []),
    { header: L.basis, width: 50 },
  ];
  styleHeader(recs, recs.columns.length);
  for (const { rec: r, title } of shown) {
    const hours = r.cost?.hoursPerMonth ?? null;
    const cost = r.cost?.costPerMonth ?? null;
    const row = recs.addRow([title, result.sections.find((s) => s.id === r.section)?.title ?? r.section, r.missingPoints, r.text, ...(hoursShown ? [hours] : []), ...(money ? [cost] : []), r.cost ? describeCost(lang, r.cost) : '']);
    row.alignment = { wrapText: true, vertical: 'top' };
    if (hours !== null) row.getCell(5).numFmt = hoursFormat(hours, lang);
    if (money && cost !== null) row.getCell(hoursShown ? 6 : 5).numFmt = roublesFormat(lang);
  }
  // Sentences wrap in narrower columns, so that one page wide in landscape prints at about 80 % or more:
  // fitted at 62/31/10/62/8/12/62 it printed at about 45 %, text of 5 pt (a tester).
  const basis = recs.columns.length;
  finishSheet(recs, heading(lang === 'ru' ? 'Рекомендации' : 'Recommendations'), { onePageWide: true, textWidths: { 1: RECOMMENDATION_WIDTHS.criterion, 2: RECOMMENDATION_WIDTHS.section, 4: RECOMMENDATION_WIDTHS.text, [basis]: RECOMMENDATION_WIDTHS.basis } });
  setPrintArea(recs);
}

/**
 * The widest text of the Recommendations sheet's columns before it wraps: with the numbers' columns the
 * sheet is about 140 width units, what a landscape A4 page holds at 80 % or more.
 */
export const RECOMMENDATION_WIDTHS = { criterion: 20, section: 14, text: 38, basis: 28 } as const;

/** A change of points signed as the other reports write it: «+2», «−1,5», «0» (the decimal only when there is one). */
function changeFormat(change: number): string {
  const n = Number.isInteger(change) ? '0' : '0.0';
  return `+${n};"−"${n};0`;
}

/** Hours as the text beside them writes them: «168 ч», «52,5 ч», «49 ч» for 48,95 (the decimal only when one is shown: shownHours). */
function hoursFormat(hours: number, lang: string): string {
  return `${Number.isInteger(shownHours(hours)) ? '#,##0' : '#,##0.0'}${lang === 'ru' ? '" ч"' : '" h"'}`;
}

/** Whole roubles, as the text writes them: «151 200 ₽», "RUB 151,200"; the cell keeps the kopecks the JSON has, only the format rounds. */
function roublesFormat(lang: string): string {
  return lang === 'ru' ? '#,##0" ₽"' : '"RUB "#,##0';
}

/** The audit as an XLSX workbook. */
export async function renderAuditXlsx(result: AuditResult, opts: { lang: string }): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  setDocumentProperties(workbook, auditLabels(opts.lang).title, new Date(result.answeredAt));
  addAuditSheets(workbook, result, opts.lang);
  return workbookToBuffer(workbook);
}
