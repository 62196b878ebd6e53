/**
 * The particle after a father's name that makes a Turkic patronymic (Azerbaijani «Рауф оглы», «Рауф
 * кызы»; Turkish, Kazakh, Kyrgyz, Uzbek forms as Russian documents write them): «Мамедов Эльчин Рауф
 * оглы» is a surname, a first name and a patronymic of two words. One list for the shape of a
 * person's name (io/map/people.ts) and the spellings alert (core/kpi/alerts.ts).
 */
export const PATRONYMIC_PARTICLES = ['оглы', 'оглу', 'кызы', 'гызы', 'улы', 'уулу', 'угли', 'кизи'] as const;

/** The particles as a regular expression's alternative (lower case: match with the `i` flag). */
export const PATRONYMIC_PARTICLE = `(?:${PATRONYMIC_PARTICLES.join('|')})`;

const PARTICLE = new RegExp(`^${PATRONYMIC_PARTICLE}$`, 'iu');

/** Whether a word is such a particle («оглы», «Кызы»). */
export function isPatronymicParticle(word: string): boolean {
  return PARTICLE.test(word);
}
