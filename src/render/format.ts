import type { MetricFormat } from '../core/kpi/catalog.js';
import { dayRu, groupDigits, sharePercent } from '../core/i18n.js';
import { holdsNumber } from '../core/kpi/stats.js';

/** Groups digits with a thin space, as both Russian and English business tables read well. */
function group(n: number, decimals: number, lang: string): string {
  const fixed = Math.abs(n).toFixed(decimals);
  const [int, frac] = fixed.split('.');
  const grouped = groupDigits(int!, lang);
  const sep = lang === 'ru' ? ',' : '.';
  // A value that rounds to zero has no sign: «0,0%», not «−0,0%».
  const negative = n < 0 && /[1-9]/.test(fixed);
  return `${negative ? '−' : ''}${grouped}${frac ? sep + frac : ''}`;
}

/**
 * A metric value rounded for a table ("—" for not applicable). Full precision stays in JSON. `extra`
 * digits after the format's own, where two values must not read the same (a failed check's value and threshold).
 */
export function formatValue(value: unknown, format: MetricFormat, lang: string, extra = 0): string {
  if (value === null || value === undefined) return '—';
  if (typeof value !== 'number') return String(value);
  switch (format) {
    case 'count':
      return group(value, extra, lang);
    case 'ratio':
      return `${group(sharePercent(value, 1 + extra), 1 + extra, lang)}%`;
    case 'money':
      return group(value, moneyDecimals([value]) + extra, lang);
    case 'days':
    case 'minutes':
      return group(value, 1 + extra, lang);
    default:
      return group(value, 2 + extra, lang);
  }
}

/**
 * The decimals of money: kopecks only while every amount is below 1 000 and one of them is not whole.
 * Given a table column's values, the whole column keeps one precision («952», «1 053», never «952,38» above «1 053»).
 */
export function moneyDecimals(values: readonly unknown[]): number {
  const amounts = values.filter((v): v is number => typeof v === 'number' && Number.isFinite(v));
  return amounts.some((v) => Math.abs(v) >= 1000) || amounts.every((v) => Number.isInteger(v)) ? 0 : 2;
}

/** An amount of money with the given decimals, grouped as every table groups money («1 281 712», «499,50»). */
export function formatMoneyAt(value: number, decimals: number, lang: string): string {
  return group(value, decimals, lang);
}

/** An amount as it is shown with `decimals` (group's rounding: half away from zero), as a number: a sum of shown amounts adds them so. */
export function shownMoney(value: number, decimals: number): number {
  return Math.sign(value) * Number(Math.abs(value).toFixed(decimals));
}

/** A metric value as a table column shows it: money with the column's precision (`moneyDecimals` of the column), anything else as `formatValue`. */
export function formatInColumn(value: unknown, format: MetricFormat, lang: string, column: readonly unknown[]): string {
  if (format !== 'money' || typeof value !== 'number') return formatValue(value, format, lang);
  return group(value, moneyDecimals(column), lang);
}

/** A plain number with grouping, for counts in prose. */
export function formatCount(n: number, lang: string): string {
  return group(n, 0, lang);
}

/** Audit points as written: whole numbers bare, halves with one decimal (7 / 10, 2,5). */
export function formatPoints(n: number, lang: string): string {
  return group(n, Number.isInteger(n) ? 0 : 1, lang);
}

/**
 * Percentage points, the one spelling every format uses (terminal, md, HTML, CSV, XLSX, assertions):
 * «п. п.» as Russian typography writes the abbreviation, with a no-break space so a line never ends
 * between its halves; "pp" in English.
 */
export function ppUnit(lang: string): string {
  return lang === 'ru' ? 'п.\u00a0п.' : 'pp';
}

/**
 * A change of a metric, signed: a change of a share is in percentage points («+8,1 п. п.», "+8.1 pp"),
 * never a percentage, which would read as a relative change. `extra` digits as formatValue.
 */
export function formatChange(change: number | null, format: MetricFormat, lang: string, extra = 0): string {
  if (change === null) return '—';
  return withSign(change, format === 'ratio' ? `${group(change * 100, 1 + extra, lang)} ${ppUnit(lang)}` : formatValue(change, format, lang, extra));
}

/**
 * How a before/after row shows its change so that it is the difference of its values as shown: «20,7% →
 * 28,7%, +8,1 п. п.» did not add up (28,7 − 20,7 = 8,0; the change 8,08 rounds to 8,1). Where the rounded
 * change is not the difference of the rounded values, the three take one more digit (`extra`: «20,66% →
 * 28,74%, +8,08 п. п.»); where even then it is not (about one row in sixteen), the change shown is that
 * difference, less than a unit of that digit from the exact one (`change`, in the metric's own unit: a
 * fraction for a share). The JSON keeps the exact change. Money is whole roubles, one precision per
 * column (moneyDecimals): its change is shown as it is, and may differ by a rouble from the difference.
 */
export function shownRow(before: number | null, after: number | null, change: number | null, format: MetricFormat): { extra: number; change: number | null } {
  if (format === 'money' || before === null || after === null || change === null) return { extra: 0, change };
  const scale = format === 'ratio' ? 100 : 1;
  const own = format === 'count' ? 0 : format === 'decimal' ? 2 : 1;
  // Rounded as `group` shows a number: its magnitude to `digits`, the sign kept.
  const shown = (v: number, digits: number) => Math.sign(v) * Number(Math.abs(v * scale).toFixed(digits));
  const addsUp = (digits: number) => Math.abs(shown(after, digits) - shown(before, digits) - shown(change, digits)) < 0.5 * 10 ** -digits;
  if (addsUp(own)) return { extra: 0, change };
  if (addsUp(own + 1)) return { extra: 1, change };
  return { extra: 1, change: Number((shown(after, own + 1) - shown(before, own + 1)).toFixed(own + 1)) / scale };
}

/**
 * A before/after row's two values and its change as text: money in one precision across the three, as a
 * table column keeps it («608,75 → 3 044, +2 435» mixed kopecks and roubles in one row; now «609 → 3 044»);
 * the others so that the change shown is the difference of the values shown (shownRow).
 */
export function formatRowValues(before: number | null, after: number | null, change: number | null, format: MetricFormat, lang: string): { before: string; after: string; change: string } {
  const row = shownRow(before, after, change, format);
  const extra = row.extra;
  // A share beside its change is rounded as it is, as the change is: «0,0% → 0,1%» over a change of «0,0 п. п.» would contradict itself.
  if (format === 'ratio') return { before: plainPercent(before, lang, extra), after: plainPercent(after, lang, extra), change: formatChange(row.change, format, lang, extra) };
  if (format !== 'money') return { before: formatValue(before, format, lang, extra), after: formatValue(after, format, lang, extra), change: formatChange(row.change, format, lang, extra) };
  const amounts = [before, after, change];
  return { before: formatInColumn(before, format, lang, amounts), after: formatInColumn(after, format, lang, amounts), change: change === null ? '—' : withSign(change, formatInColumn(change, format, lang, amounts)) };
}

/** A ratio as a percentage rounded as it is («—» for none). */
function plainPercent(value: number | null, lang: string, extra = 0): string {
  return value === null ? '—' : `${group(value * 100, 1 + extra, lang)}%`;
}

/** A positive change's text with its «+»; a change that rounds to zero is written without one («0,0 п. п.», not «+0,0 п. п.»). */
export function withSign(change: number, text: string): string {
  return change > 0 && /[1-9]/.test(text) ? `+${text}` : text;
}

/** A relative change as a signed percentage («+24,1%», «−10,4%»; «0,0%» when it rounds to zero; «—» for none); `extra` digits as formatValue. */
export function formatRelative(change: number | null, lang: string, extra = 0): string {
  // A change is no share: rounded as it is (+0,01% is «0,0%», never raised to «+0,1%»).
  return change === null ? '—' : withSign(change, plainPercent(change, lang, extra));
}

/**
 * Digits beyond a number's own that tell `a` from `b` where both show alike (`show` writes a number with
 * `extra` more digits), at most `max`; 0 where they differ as shown, or are equal. Rounding must not show
 * two numbers apart as one: a change of +39,0992% is not the target +39,1% it missed, nor 0,7799 the 0,78 it broke.
 */
export function digitsApart(a: number, b: number, show: (v: number, extra: number) => string, max: number): number {
  if (holdsNumber(a, '==', b)) return 0;
  let extra = 0;
  while (extra < max && show(a, extra) === show(b, extra)) extra++;
  return extra;
}

/** Digits beyond a percentage's own one that tell a change from its target (digitsApart); every format shows both with them. */
export function judgedDigits(change: number | null, target: number | null): number {
  return change === null || target === null ? 0 : digitsApart(change, target, (v, extra) => formatRelative(v, 'en', extra), 6);
}

/**
 * A change in per cent and the target it is judged on, as text, each with as many digits as tell them
 * apart (judgedDigits): «+39,1% … +39,1% ✗ нет» read as a wrong verdict (a tester). «—» for a missing one.
 */
export function formatJudged(change: number | null, target: number | null, lang: string): { change: string; target: string } {
  const extra = judgedDigits(change, target);
  return { change: formatRelative(change, lang, extra), target: formatRelative(target, lang, extra) };
}

/** A calendar day `YYYY-MM-DD` as its reader writes it: `31.01.2025` in Russian, ISO in English. */
export function formatDay(day: string, lang: string): string {
  return lang === 'ru' ? dayRu(day) : day;
}

/** A moment as a calendar day in the local time zone of the run (`TZ`), as `formatDay` writes it. */
export function formatLocalDate(moment: Date, lang: string): string {
  return formatDay(localDay(moment), lang);
}

/**
 * The calendar day of a moment, `YYYY-MM-DD`, in the run's time zone, except a moment at 00:00 UTC
 * exactly: that is a day given as such (`--now 2025-03-01`), the same day in every zone, where the
 * local day west of UTC was the day before and the same `--now` gave other bytes elsewhere.
 */
export function localDay(moment: Date): string {
  if (moment.getTime() % 86_400_000 === 0) return moment.toISOString().slice(0, 10);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${moment.getFullYear()}-${pad(moment.getMonth() + 1)}-${pad(moment.getDate())}`;
}

/** A month `YYYY-MM` as its reader writes it: `07.2024` in Russian (as `ДД.ММ.ГГГГ` without the day), ISO in English. */
export function formatMonth(month: string, lang: string): string {
  const m = /^(\d{4})-(\d{2})$/.exec(month);
  if (!m || lang !== 'ru') return month;
  return `${m[2]}.${m[1]}`;
}

/**
 * How a file was read (`dataQuality.files[].format`: type, encoding, delimiter, sheet), in the
 * reader's language: `text, windows-1251, ;` reads «текст (CSV), windows-1251, разделитель «;»» in
 * Russian and `text (CSV), windows-1251, delimiter ";"` in English (a bare `,` after a comma read as
 * a slip). A type alone (`inspect`) is named alone.
 */
export function fileFormatText(format: string, lang: string): string {
  const ru = lang === 'ru';
  const type = format.split(', ')[0]!;
  const names: Record<string, [string, string]> = { text: ['текст (CSV)', 'text (CSV)'], xlsx: ['XLSX', 'XLSX'], html: ['HTML', 'HTML'], spreadsheetml: ['Excel XML 2003 (SpreadsheetML)', 'Excel XML 2003 (SpreadsheetML)'] };
  const out = [names[type]?.[ru ? 0 : 1] ?? type];
  const rest = format.slice(type.length + 2);
  // A text file's last part is its delimiter, one character or `tab` (a comma makes `utf-8, ,`).
  const text = type === 'text' ? /^(?:(.+?), )?(tab|.)$/su.exec(rest) : null;
  if (text) {
    const said = text[2] === 'tab' ? (ru ? 'табуляция' : 'tab') : ru ? `«${text[2]}»` : `"${text[2]}"`;
    if (text[1] !== undefined) out.push(text[1]);
    out.push(ru ? `разделитель ${said}` : `delimiter ${said}`);
  } else if (rest !== '') out.push(rest);
  return out.join(', ');
}
