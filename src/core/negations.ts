/**
 * The words that turn what follows them around, in the languages of the CRMs read («Закрыто не
 * успешно», "Closed - not won", «geschlossen - nicht gewonnen», «fechado sem ganho», «Звонок не
 * принят»): one list for a stage's name and a call's status. Before, the stages' list lacked the
 * German, Portuguese and Spanish words the guesses had, and «fechado sem ganho» read won (review R40).
 */
export const NEGATION_WORDS: readonly string[] = ['не', 'нет', 'без', 'not', 'no', 'non', 'never', 'nobody', 'sin', 'sem', 'nicht', 'kein', 'keine', 'sans', 'pas'];

const NEGATIONS: ReadonlySet<string> = new Set(NEGATION_WORDS);

/** Whether a word (lower case) is a negation (NEGATION_WORDS). */
export function isNegation(word: string): boolean {
  return NEGATIONS.has(word);
}
