/** Calendar arithmetic and the fixed date layouts of big exports, shared by the text and byte readers. */

import { yearInRange } from '../../core/value-limits.js';

/**
 * Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm): integer arithmetic, no
 * Date objects. For a whole year, a month 1-12 and a day 1-31 (both callers check them first): the
 * truncating divisions below are floors only for those.
 */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  // yoe and the month's offset are not negative: truncation is the floor. Not Math.floor of a
  // division: one that came out whole on the first dates read (2024 / 4) was compiled as integer
  // division and thrown away at the first that did not (2025), once per thread and file.
  const doy = (((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) | 0) + d - 1;
  const doe = yoe * 365 + (yoe >> 2) - ((yoe / 100) | 0) + doy;
  return era * 146097 + doe - 719468;
}

/** Days in a month of a proleptic Gregorian year. */
export function daysInMonth(y: number, mo: number): number {
  if (mo === 2) return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0 ? 29 : 28;
  return mo === 4 || mo === 6 || mo === 9 || mo === 11 ? 30 : 31;
}

/** Set by fixedDate: whether the date it read carried a time of day. */
export const dateHasTime = { value: false };

/**
 * Set by fixedDate: whether the date it read was written with dots (`DD.MM.YYYY`, day first), for the
 * message of slash dates no order settles (DateOrders.dotted): such dates are no evidence for them.
 */
export const fixedDateDotted = { value: false };

/**
 * Set by fixedDate: the wall-clock ms of the date it read. In a typed array, not returned: a double
 * returned by a function too large to be inlined is a new 16-byte heap object each call (3.7 million
 * of them on the benchmark's main thread, 59 MB of its garbage).
 */
export const fixedDateMs = new Float64Array(1);

/**
 * The layouts of nearly every big export, `YYYY-MM-DD[ HH:MM:SS[.fff]]` and `DD.MM.YYYY[ HH:MM:SS[.fff]]`,
 * read from bytes (a view of them, read four bytes at a time): whether the cell has one of them, its
 * wall-clock ms then in fixedDateMs[0] (else the text parser decides). Gives exactly what parseDate
 * gives for these layouts: fractional seconds after a dot or a comma are dropped.
 */
export function fixedDate(view: DataView, s: number, e: number): boolean {
  const len = e - s;
  if (len !== 19 && len !== 10 && !(len > 20 && len <= MAX_FIXED && fraction(view, s + 19, e))) return false;
  // Bytes 0-3, 4-7 and 8-9, big-endian: the first byte is the highest.
  const a = view.getUint32(s);
  const b = view.getUint32(s + 4);
  const c = view.getUint16(s + 8);
  let y: number;
  let mo: number;
  let d: number;
  if (b >>> 24 === DASH && (b & 0xff) === DASH) {
    const y1 = twoDigits(a >>> 16);
    const y2 = twoDigits(a & 0xffff);
    y = y1 < 0 || y2 < 0 ? -1 : y1 * 100 + y2;
    mo = twoDigits((b >>> 8) & 0xffff);
    d = twoDigits(c);
    fixedDateDotted.value = false;
  } else if (((a >>> 8) & 0xff) === DOT && ((b >>> 16) & 0xff) === DOT) {
    d = twoDigits(a >>> 16);
    mo = twoDigits(((a & 0xff) << 8) | (b >>> 24));
    const y1 = twoDigits(b & 0xffff);
    const y2 = twoDigits(c);
    y = y1 < 0 || y2 < 0 ? -1 : y1 * 100 + y2;
    fixedDateDotted.value = true;
  } else return false;
  if (!yearInRange(y) || mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo)) return false;
  const day = daysFromCivil(y, mo, d) * 86_400_000;
  if (len === 10) {
    dateHasTime.value = false;
    fixedDateMs[0] = day;
    return true;
  }
  // Bytes 10-13 (separator, hour, colon), 14-17 (minute, colon, first digit of the second) and 18.
  const t1 = view.getUint32(s + 10);
  const t2 = view.getUint32(s + 14);
  const sep = t1 >>> 24;
  if ((sep !== SPACE && sep !== LETTER_T) || (t1 & 0xff) !== COLON || ((t2 >>> 8) & 0xff) !== COLON) return false;
  const hh = twoDigits((t1 >>> 8) & 0xffff);
  const mm = twoDigits(t2 >>> 16);
  const ss = twoDigits(((t2 & 0xff) << 8) | view.getUint8(s + 18));
  if (hh < 0 || mm < 0 || ss < 0 || hh > 23 || mm > 59 || ss > 60) return false;
  dateHasTime.value = true;
  fixedDateMs[0] = day + ((hh * 60 + mm) * 60 + Math.min(ss, 59)) * 1000;
  return true;
}

/** The longest cell read by fixedDate: seconds to nine decimals (nanoseconds). */
const MAX_FIXED = 29;

/** Whether bytes [i, e) are a fraction of a second: a dot or a comma, then digits only. */
function fraction(view: DataView, i: number, e: number): boolean {
  const mark = view.getUint8(i);
  if (mark !== DOT && mark !== COMMA) return false;
  for (let j = i + 1; j < e; j++) if ((view.getUint8(j) - 48) >>> 0 > 9) return false;
  return true;
}

const DASH = 0x2d;
const COMMA = 0x2c;
const DOT = 0x2e;
const COLON = 0x3a;
const SPACE = 0x20;
const LETTER_T = 0x54;

/** The number two ASCII digits write (the high byte of a 16-bit value first), or -1. */
function twoDigits(pair: number): number {
  const hi = (pair >>> 8) - 48;
  const lo = (pair & 0xff) - 48;
  return hi >>> 0 <= 9 && lo >>> 0 <= 9 ? hi * 10 + lo : -1;
}

const scratch = new Uint8Array(MAX_FIXED);
const scratchView = new DataView(scratch.buffer);

/** fixedDate over text: the same layouts, read by the same function. */
export function fixedDateText(s: string): { ms: number; hasTime: boolean } | undefined {
  const n = s.length;
  if (n !== 19 && n !== 10 && (n <= 20 || n > MAX_FIXED)) return undefined;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    scratch[i] = c > 127 ? 0 : c;
  }
  return fixedDate(scratchView, 0, n) ? { ms: fixedDateMs[0]!, hasTime: dateHasTime.value } : undefined;
}
