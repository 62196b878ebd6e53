/**
 * The words an answers file may write for yes, no and skip (`да`, `n`, `true`, «не знаю»): one table, which
 * the answers reader reads them by and the questionnaire's rules keep choice ids clear of.
 */

/** Words people write for yes, no and skip, in Russian and English (lower case). */
const SYNONYMS: Record<string, string> = {
  да: 'yes',
  д: 'yes',
  y: 'yes',
  true: 'yes',
  нет: 'no',
  н: 'no',
  n: 'no',
  false: 'no',
  пропустить: 'skip',
  пропуск: 'skip',
  'не знаю': 'skip',
  // The interactive choice reads «Пропустить / не знаю» / "Skip / don't know": both phrases are skip in a file too.
  "don't know": 'skip',
  'dont know': 'skip',
  'do not know': 'skip',
};

/** An answer as written (`да`, `Y`, `true`, a YAML boolean) as the canonical id, or as given. */
export function normalizeAnswer(raw: unknown): string {
  if (raw === true) return 'yes';
  if (raw === false) return 'no';
  // A typographic apostrophe (don’t, as editors write it) and doubled spaces read as typed plainly.
  const value = writtenAnswer(raw).trim().toLowerCase().replace(/ё/g, 'е').replace(/[’ʼ`]/g, "'").replace(/\s+/g, ' ');
  return SYNONYMS[value] ?? value;
}

/** An answer's value as text: an empty YAML value is "", a number as written; a list or a map is not an answer. */
export function writtenAnswer(raw: unknown): string {
  if (raw === null || raw === undefined) return '';
  if (typeof raw === 'object') return Array.isArray(raw) ? '[…]' : '{…}';
  return String(raw);
}

/** Whether a choice id would read as yes, no or skip (`n`, `false`, `Да`): such an id would be scored by its case and quoting. */
export function isAnswerWord(id: string): boolean {
  return ['yes', 'no', 'skip'].includes(normalizeAnswer(id));
}
