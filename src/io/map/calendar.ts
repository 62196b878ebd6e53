/** Calendar arithmetic and the fixed date layouts of big exports, shared by the text and byte readers. */

/** Days since 1970-01-01 of a proleptic Gregorian date (H. Hinnant's algorithm): integer arithmetic, no Date objects. */
export function daysFromCivil(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
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
 * The layouts of nearly every big export, `YYYY-MM-DD[ HH:MM:SS]` and `DD.MM.YYYY[ HH:MM:SS]`, read
 * from bytes: wall-clock ms, or NaN when the cell has another form (the text parser then decides).
 * Gives exactly what parseDate gives for these layouts.
 */
export function fixedDate(buf: Uint8Array, s: number, e: number): number {
  const len = e - s;
  if (len !== 19 && len !== 10) return Number.NaN;
  // Each byte read once, as a digit value (0-9 when it is a digit).
  const b0 = buf[s]! - 48;
  const b1 = buf[s + 1]! - 48;
  const b2 = buf[s + 2]! - 48;
  const b3 = buf[s + 3]! - 48;
  const b4 = buf[s + 4]! - 48;
  const b5 = buf[s + 5]! - 48;
  const b6 = buf[s + 6]! - 48;
  const b7 = buf[s + 7]! - 48;
  const b8 = buf[s + 8]! - 48;
  const b9 = buf[s + 9]! - 48;
  let y: number;
  let mo: number;
  let d: number;
  // '-' and '.' are 45 and 46: -3 and -2 as digit values.
  if (b4 === -3 && b7 === -3) {
    if (!isDigit(b0) || !isDigit(b1) || !isDigit(b2) || !isDigit(b3) || !isDigit(b5) || !isDigit(b6) || !isDigit(b8) || !isDigit(b9)) return Number.NaN;
    y = b0 * 1000 + b1 * 100 + b2 * 10 + b3;
    mo = b5 * 10 + b6;
    d = b8 * 10 + b9;
  } else if (b2 === -2 && b5 === -2) {
    if (!isDigit(b0) || !isDigit(b1) || !isDigit(b3) || !isDigit(b4) || !isDigit(b6) || !isDigit(b7) || !isDigit(b8) || !isDigit(b9)) return Number.NaN;
    d = b0 * 10 + b1;
    mo = b3 * 10 + b4;
    y = b6 * 1000 + b7 * 100 + b8 * 10 + b9;
  } else return Number.NaN;
  if (mo < 1 || mo > 12 || d < 1 || d > daysInMonth(y, mo) || y < 1900 || y > 2200) return Number.NaN;
  const day = daysFromCivil(y, mo, d) * 86_400_000;
  if (len === 10) {
    dateHasTime.value = false;
    return day;
  }
  const sep = buf[s + 10];
  const h0 = buf[s + 11]! - 48;
  const h1 = buf[s + 12]! - 48;
  const m0 = buf[s + 14]! - 48;
  const m1 = buf[s + 15]! - 48;
  const s0 = buf[s + 17]! - 48;
  const s1 = buf[s + 18]! - 48;
  if ((sep !== 32 && sep !== 84) || buf[s + 13] !== 58 || buf[s + 16] !== 58 || !isDigit(h0) || !isDigit(h1) || !isDigit(m0) || !isDigit(m1) || !isDigit(s0) || !isDigit(s1)) return Number.NaN;
  const hh = h0 * 10 + h1;
  const mm = m0 * 10 + m1;
  const ss = s0 * 10 + s1;
  if (hh > 23 || mm > 59 || ss > 60) return Number.NaN;
  dateHasTime.value = true;
  return day + ((hh * 60 + mm) * 60 + Math.min(ss, 59)) * 1000;
}

/** Whether a byte minus 48 is a digit's value. */
function isDigit(v: number): boolean {
  return v >= 0 && v <= 9;
}

const scratch = new Uint8Array(19);

/** fixedDate over text: the same layouts, read by the same function. */
export function fixedDateText(s: string): { ms: number; hasTime: boolean } | undefined {
  const n = s.length;
  if (n !== 19 && n !== 10) return undefined;
  for (let i = 0; i < n; i++) {
    const c = s.charCodeAt(i);
    scratch[i] = c > 127 ? 0 : c;
  }
  const ms = fixedDate(scratch, 0, n);
  return Number.isNaN(ms) ? undefined : { ms, hasTime: dateHasTime.value };
}
