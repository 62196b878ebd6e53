/**
 * Words of the before/after comparison that are not its labels (render/compare/text.ts): why a row's
 * target has no verdict, and why the ROI is none. Part of the catalogue in core/messages.ts.
 */
import type { Template } from '../messages.js';

export const COMPARE_TEXT = {
  /** The lead of the line under the terminal, Markdown and HTML tables that names the rows whose target has no verdict, each with why. */
  targetNotJudged: { ru: 'Цель не оценить', en: 'Target not judged' },
  /** A row's target with no verdict, in a column of its own (the CSV's and the workbook's «Не рассчитано»). */
  targetNotJudgedCell: { ru: 'цель не оценить: {reason}', en: 'the target cannot be judged: {reason}' },
  /** Why: nothing before, so no change in per cent (spec: met is null when change_pct is n/a). */
  zeroBefore: { ru: 'в периоде «до» 0, изменения в процентах нет', en: 'the before period is 0, so there is no change in per cent' },
  /** Why: a side of the row has no value, and no reason of its own (no won deal to take an average check of). */
  noValue: { ru: 'в одном из периодов нет значения', en: 'a period has no value' },
  /** Why the 12-month ROI is null with a cost of 0 and no running cost: its denominator (spec: roi_12m) is 0, a return on nothing spent. */
  roiNoCost: { ru: 'не определён: затрат нет (разовые и ежемесячные — 0)', en: 'not defined: there is no cost (one-off and running costs are 0)' },
  /** Why payback and ROI are not computed: a period's won deals have no amount at all, so its revenue reads 0 (T39 F18). */
  noWonAmounts: {
    ru: 'в периоде «{whichRu}» ни у одной выигранной сделки нет суммы ({option}): его выручка взята как 0, а прирост от выручки, взятой как 0, — не прирост',
    en: 'no won deal of the {which} period has an amount ({option}): its revenue reads 0, and a gain from a revenue taken as 0 is no gain',
  },
} as const satisfies Record<string, Template>;
