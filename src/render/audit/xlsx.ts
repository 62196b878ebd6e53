import ExcelJS from 'exceljs';
import type { AuditResult } from '../../core/audit/types.js';
import { setDocumentProperties, setText, styleHeader, workbookToBuffer } from '../xlsx-common.js';
import { auditLabels, criterionTitle, describeCost } from './labels.js';

/** Adds the audit sheets (Audit, Recommendations) to a workbook; shared with the CI report. */
export function addAuditSheets(workbook: ExcelJS.Workbook, result: AuditResult, lang: string): void {
  const L = auditLabels(lang);
  const sheet = workbook.addWorksheet(lang === 'ru' ? 'Аудит' : 'Audit');
  sheet.columns = [
    { header: L.section, width: 28 },
    { header: L.criterion, width: 26 },
    { header: L.answer, width: 12 },
    { header: L.points, width: 10 },
    { header: L.max, width: 10 },
    ...(result.baseline ? [{ header: L.before, width: 10 }] : []),
    ...(result.evidence ? [{ header: L.evidence, width: 18 }, { header: L.evidenceText, width: 70 }] : []),
  ];
  styleHeader(sheet, sheet.columns.length);
  const before = new Map(result.baseline?.sections.map((s) => [s.id, s.before]));
  // The verdict columns come after the baseline column (left empty on criterion rows when there is one).
  const verdicts = new Map(result.evidence?.checks.map((x) => [x.criterion, x]));
  for (const s of result.sections) {
    for (const c of s.criteria) {
      const v = verdicts.get(c.id);
      const row = sheet.addRow([s.title, c.title ?? c.id, L.answers[c.answer] ?? c.answer, c.points, c.max, ...(result.baseline ? [null] : []), ...(v ? [L.verdicts[v.verdict] ?? v.verdict, v.text] : [])]);
      if (v) row.getCell(sheet.columns.length).alignment = { wrapText: true, vertical: 'top' };
    }
    const row = sheet.addRow([s.title, L.total, '', s.score, s.max, ...(result.baseline ? [before.get(s.id) ?? null] : [])]);
    row.font = { bold: true };
  }
  const total = sheet.addRow([L.total, '', '', result.total, result.max, ...(result.baseline ? [result.baseline.total] : [])]);
  total.font = { bold: true };
  if (result.evidence) sheet.addRow([L.evidenceTotal, '', '', result.evidence.total, result.max, ...(result.baseline ? [null] : []), result.evidence.band.title]).font = { bold: true };
  sheet.addRow([]);
  sheet.addRow([L.band, result.band.title]).font = { bold: true };
  const meaning = sheet.addRow([L.meaning, result.band.meaning]);
  sheet.mergeCells(meaning.number, 2, meaning.number, 5);
  meaning.getCell(2).alignment = { wrapText: true, vertical: 'top' };
  meaning.height = 45;
  if (result.company) setText(sheet.addRow([L.company]).getCell(2), result.company);
  sheet.addRow([L.date, result.answeredAt]);

  const recs = workbook.addWorksheet(lang === 'ru' ? 'Рекомендации' : 'Recommendations');
  recs.columns = [
    { header: L.criterion, width: 24 },
    { header: L.section, width: 24 },
    { header: L.missing, width: 11 },
    { header: L.recommendation, width: 80 },
    { header: L.cost, width: 50 },
  ];
  styleHeader(recs, 5);
  for (const r of result.recommendations) {
    const row = recs.addRow([criterionTitle(result, r.criterion), result.sections.find((s) => s.id === r.section)?.title ?? r.section, r.missingPoints, r.text, r.cost ? describeCost(lang, r.cost) : '']);
    row.alignment = { wrapText: true, vertical: 'top' };
  }
}

/** The audit as an XLSX workbook. */
export async function renderAuditXlsx(result: AuditResult, opts: { lang: string }): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  setDocumentProperties(workbook, auditLabels(opts.lang).title, new Date(result.answeredAt));
  addAuditSheets(workbook, result, opts.lang);
  return workbookToBuffer(workbook);
}
