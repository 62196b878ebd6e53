// Calendar months as people write them in spend and plan tables: `2024-07`, `07.2024`, `июль 2024`,
// `Jul-24`, or any date the importer reads (its month). Months are `YYYY-MM` strings, as in
// SpendRow and PlanRow.
import type { Cells } from './cells.js';
import { headerOf, PENDING, RowProblem, unreadValue, type ReadContext } from './context.js';
import { monthOf as monthCodeOf, monthText } from '../../core/kpi/groups.js';
import { fullYear, monthOf, parseDate, SERIAL, type SlashOrder } from './values.js';
import { DAYS_1900_TO_1904 } from '../read/serial.js';
import { yearInRange } from '../../core/value-limits.js';

/** `2024-07`, `2024/07`, `2024.7`: year first. */
const YEAR_MONTH = /^(\d{4})[-/.](\d{1,2})$/;
/** `07.2024`, `07/2024`, `7-2024`: month first. */
const MONTH_YEAR = /^(\d{1,2})[-/.](\d{4})$/;
/** `июль 2024`, `Июль 2024 г.`, `июля 2024 года`, `Jul 2024`, `July, 2024`, `сент. 2024`. */
const WORD_YEAR = /^(\p{L}+)\.?,?\s*(\d{4})(?:\s*(?:г\.?|года?))?$/iu;
/** `Jul-24`, `июл.24`, `июль-24`: what Excel's `mmm-yy` and Russian `ммм.гг` formats display. */
const WORD_SHORT_YEAR = /^(\p{L}+)[-.](\d{2})$/u;
/** Plain numbers too small to be an Excel date of this era: a year (`2024`) or a month number (`7`) alone. */
const SMALL_NUMBER = /^\d{1,4}(?:[.,]\d+)?$/;

/** A `YYYY-MM` month from a year and a month number, or undefined out of range (the importer's years, core/value-limits.ts). */
function monthKey(y: number, m: number): string | undefined {
  if (m < 1 || m > 12 || !yearInRange(y)) return undefined;
  return monthText(y * 12 + m - 1);
}

/** The `YYYY-MM` of a wall-clock ms value (the engine's month of a deal or an activity). */
export function monthOfMs(ms: number): string {
  return monthText(monthCodeOf(ms));
}

/**
 * Parses a calendar month: `YYYY-MM`, `MM.YYYY` / `MM/YYYY`, a month word with a four-digit year
 * (ru, en and the importer's other languages; `г.`/`года` allowed), a month word with a two-digit year
 * after `-` or `.` (`Jul-24`), or any date parseDate reads (its month; an Excel serial of five digits).
 * `needs-order` for a slash date whose day-month order is not known yet; undefined when unreadable.
 */
export function parseMonth(raw: string, order?: SlashOrder, date1904 = false): string | 'needs-order' | undefined {
  const s = raw.trim();
  let m: RegExpExecArray | null;
  if ((m = YEAR_MONTH.exec(s))) return monthKey(+m[1]!, +m[2]!);
  if ((m = MONTH_YEAR.exec(s))) return monthKey(+m[2]!, +m[1]!);
  if ((m = WORD_YEAR.exec(s))) {
    const month = monthOf(m[1]!);
    return month === undefined ? undefined : monthKey(+m[2]!, month);
  }
  if ((m = WORD_SHORT_YEAR.exec(s))) {
    const month = monthOf(m[1]!);
    return month === undefined ? undefined : monthKey(fullYear(+m[2]!), month);
  }
  if (SMALL_NUMBER.test(s)) return undefined;
  const date = parseDate(s, order);
  if (date === 'needs-order') return date;
  // A serial of a 1904 workbook counts its days from 1904 (readDate's shift): its months were four years early (review R39).
  return date === undefined ? undefined : monthOfMs(date1904 && SERIAL.test(s) ? date.ms + DAYS_1900_TO_1904 * 86_400_000 : date.ms);
}

/**
 * The month a column's header names, in a spend table kept by month across (`Канал;Январь 2025;Февраль
 * 2025;Итого`): a month word with its year (`Январь 2025`, `янв 2025`, `Jan-25`), `2025-01`, `01.2025`,
 * or a date (its month: Excel shows a month header as its first day); undefined for anything else (a
 * month without its year says no year, `Итого` is a total).
 */
export function headerMonth(header: string): string | undefined {
  const month = parseMonth(header, 'dmy');
  return month === 'needs-order' ? undefined : month;
}

/** The month of a row: a fixed-layout date straight from bytes, else parseMonth; PENDING while a slash order is unknown, or why not. */
export function readMonth(cells: Cells, col: number | undefined, ctx: ReadContext): string | RowProblem | typeof PENDING {
  if (col === undefined) return new RowProblem('skip', 'no month', 'month');
  const ms = cells.fixedDate(col);
  if (!Number.isNaN(ms)) return monthOfMs(ms);
  const raw = cells.text(col);
  if (raw === '') return new RowProblem('skip', 'no month', headerOf(ctx, col, 'month'));
  const month = parseMonth(raw, ctx.dates.orderFor(col), ctx.date1904 === true);
  if (month === 'needs-order') return PENDING;
  return month ?? unreadValue(raw, 'month', headerOf(ctx, col, 'month'));
}
