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

/** Chooses between two literal strings by language; for the product's own short labels. */
export function tr(lang: string, ru: string, en: string): string {
  return lang === 'ru' ? ru : en;
}
