/** Languages the product speaks. Questionnaires declare which of these they carry. */
export const LANGS = ['ru', 'en'] as const;
export type Lang = (typeof LANGS)[number];

/** A text in several languages, e.g. `{ ru: 'Лид', en: 'Lead' }`. */
export type Text = Partial<Record<string, string>>;

/** The text in `lang`, falling back to English, then to any language present. */
export function pick(text: Text | undefined, lang: string): string {
  if (!text) return '';
  return text[lang] ?? text.en ?? Object.values(text).find((v) => v !== undefined) ?? '';
}

/** A calendar day `YYYY-MM-DD` as a Russian reader writes it, `31.01.2025` (anything else as it is). */
export function dayRu(day: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(day);
  return m ? `${m[3]}.${m[2]}.${m[1]}` : day;
}

/** The digits of a whole number grouped by thousands as the language writes them: «41 195» / "41,195". */
export function groupDigits(digits: string, lang: string): string {
  return digits.replace(/\B(?=(\d{3})+(?!\d))/g, lang === 'ru' ? ' ' : ',');
}

/** A count as prose and comments write it, grouped: «сделок — 41 195», "41,195 deals". */
export function countText(n: number, lang: string): string {
  return `${n < 0 ? '−' : ''}${groupDigits(String(Math.abs(Math.round(n))), lang)}`;
}

/** Chooses between two literal strings by language; for the product's own short labels. */
export function tr(lang: string, ru: string, en: string): string {
  return lang === 'ru' ? ru : en;
}

/** The English form of a count's noun: one (1 row) or other (0 rows, 2 rows, 1.5 rows). */
export function pluralEn(n: number, one: string, other: string): string {
  return n === 1 ? one : other;
}

/** The Russian plural form of a count: one (1, 21 причина), few (2-4, 22-24 причины), many (5-20, 25 причин); few for a fraction. */
export function plural(n: number, one: string, few: string, many: string): string {
  if (!Number.isInteger(n)) return few;
  const d = Math.abs(n) % 10;
  const h = Math.abs(n) % 100;
  if (d === 1 && h !== 11) return one;
  if (d >= 2 && d <= 4 && (h < 12 || h > 14)) return few;
  return many;
}

/**
 * The Russian genitive a count's noun takes after «из» (of): singular for one (из 1 строки, из 21 строки),
 * plural for any other (из 2 строк, из 5 строк, из 11 строк).
 */
export function ofMany(n: number, one: string, many: string): string {
  return plural(n, one, many, many);
}

/**
 * A share (0–1) as a percentage to `decimals`, for showing: one strictly between none and all never
 * reads as either (1 999 of 2 000 is 99,9, not 100,0; 1 of 5 000 is 0,1, not 0,0), the count beside it
 * giving the rest. A value outside (0, 1) is its percentage as it is.
 */
export function sharePercent(value: number, decimals: number): number {
  const percent = value * 100;
  if (!(value > 0 && value < 1)) return percent;
  const step = 10 ** -decimals;
  const rounded = Number(percent.toFixed(decimals));
  if (rounded >= 100) return 100 - step;
  return rounded <= 0 ? step : percent;
}
