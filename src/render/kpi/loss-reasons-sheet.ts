import type ExcelJS from 'exceljs';
import { FORMATS, setText, styleHeader } from '../xlsx-common.js';
import { finishSheet, type SheetHeading } from '../xlsx-layout.js';
import { kpiLabels } from './labels.js';
import { reasonLabel, UNSPECIFIED } from './loss-reasons.js';

/** Rows of a loss-reason sheet: a manager (or group) and its metrics. */
export type Rows = Array<{ name: string; v: Record<string, unknown> }>;
/** A sheet's heading from its title. */
export type Heading = (title: string) => SheetHeading;

/**
 * Every reason, for each manager (or, `by`, each source or pipeline) and the department, by count:
 * the tables elsewhere show the top ones.
 */
export function addLossReasonsSheet(workbook: ExcelJS.Workbook, rows: Rows, lang: string, heading: Heading, by?: { sheet: string; title: string; column: string }): void {
  const L = kpiLabels(lang);
  const loss = workbook.addWorksheet(by?.sheet ?? L.lossReasons);
  loss.columns = [{ header: by?.column ?? L.manager, width: 26 }, { header: L.reason, width: 40 }, { header: L.count, width: 10 }, { header: L.share, width: 10 }];
  styleHeader(loss, 4);
  for (const r of rows) {
    const reasons = r.v.loss_reasons;
    if (!reasons || typeof reasons !== 'object') continue;
    const entries = Object.entries(reasons as Record<string, number>).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    const lost = entries.reduce((sum, [, n]) => sum + n, 0);
    for (const [reason, n] of entries) {
      const row = loss.addRow([]);
      setText(row.getCell(1), r.name);
      setText(row.getCell(2), reasonLabel(reason, lang));
      if (reason === UNSPECIFIED) row.getCell(2).font = { italic: true };
      row.getCell(3).value = n;
      row.getCell(3).numFmt = FORMATS.integer;
      row.getCell(4).value = lost > 0 ? n / lost : null;
      row.getCell(4).numFmt = FORMATS.percent;
    }
  }
  finishSheet(loss, heading(by?.title ?? L.lossReasons));
}
