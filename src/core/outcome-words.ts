import { NEGATION_WORDS } from './negations.js';

/**
 * The words that say a deal's outcome, in the languages of the CRMs read: one place for the rule that
 * decides a stage named closed and won or lost (io/map/value-maps closedStage) and for the guesses a
 * person checks (a stage's, undecided-stages guessStage; a status value's, value-maps statusGuess).
 * Before, the guesses had their own lists: «Échouée» was guessed lost as a stage and open as a status,
 * and the Italian «vinta» was decided won and guessed by amounts.
 *
 * Whole words decide (with a word saying closed): «удачно» beside «неудачно» («Закрыта удачно» was
 * asked about while «Закрыта неудачно» was lost). The nouns выигрыш and проигрыш in the nominative and
 * the instrumental («с проигрышем») only: the genitive is how a negation or a reason names them («без
 * проигрыша», «причина проигрыша»).
 */
export const WON_WORDS: ReadonlySet<string> = new Set(['выиграно', 'выиграна', 'выигран', 'выиграны', 'выигрыш', 'выигрышем', 'удачно', 'успешно', 'успех', 'успешная', 'успешный', 'won', 'ganado', 'ganada', 'ganho', 'ganha', 'gewonnen', 'gagnée', 'gagné', 'vinta', 'vinto', 'wygrana', 'wygrane', 'виграно', 'виграна', 'kazanıldı', 'kazanılan']);
export const LOST_WORDS: ReadonlySet<string> = new Set(['проиграно', 'проиграна', 'проигран', 'проиграны', 'проигрыш', 'проигрышем', 'потеря', 'потеряна', 'потерян', 'неуспешно', 'неудачно', 'неудача', 'lost', 'perdido', 'perdida', 'verloren', 'perdue', 'perdu', 'persa', 'perso', 'przegrana', 'przegrane', 'програно', 'програна', 'kaybedildi', 'kaybedilen']);

/**
 * Stems that begin a word of a name that may say its deals were lost («Отказ клиента», "Rejected",
 * «Échouée»: review R47) or won («Контракт подписан», "Paid"): broader than the words above, so they
 * only guess, for a person to check.
 */
const LOST_STEMS = 'проигр|отказ|отмен|провал|потер|неусп|неудач|сорвал|некачеств|спам|дубл|мусор|lost|cancel|reject|declin|fail|junk|spam|duplicat|perd|verlor|storn|échou|echou|fallid|fracass|gescheit|przegr|kaybed|програ';
const WON_STEMS = 'выигр|успе|реализован|подписан|оплач|сконверт|won|paid|signed|convert|ganad|ganh|gewonn|bezahlt|gagn|réussi|reussi|wygr|kazan|вигра';
const LOST_SAID = new RegExp(`(?:^|[^\\p{L}])(?:${LOST_STEMS})`, 'iu');
const WON_SAID = new RegExp(`(?:^|[^\\p{L}])(?:${WON_STEMS})`, 'iu');
const OUTCOME = [LOST_STEMS, WON_STEMS, ...WON_WORDS, ...LOST_WORDS].join('|');
// A negation of the outcome word itself, or of the one after the next («не был выигран», "not yet won"); one in
// a reason after the outcome is the reason's («Closed Lost - No Budget», "Closed Won - No Discount": a tester's were guessed open).
const NEGATED = new RegExp(`(?:^|[^\\p{L}])(?:${NEGATION_WORDS.join('|')})[^\\p{L}]+(?:\\p{L}+[^\\p{L}]+)?(?:${OUTCOME})`, 'iu');

function lowerWords(name: string): string[] {
  return name.toLowerCase().split(/[^\p{L}]+/u);
}

/**
 * Whether a name says its deals were lost, with no negation of it (a guess: check it): by a word, or also by a stem
 * (`stems`: a stage's name, where «Отказ клиента» is a stage of lost deals; a status's value is read by its words, as
 * «На подписании» or «Счёт оплачивается» is an open deal's: review R48).
 */
export function namesLost(name: string, stems = true): boolean {
  return !NEGATED.test(name) && ((stems && LOST_SAID.test(name)) || lowerWords(name).some((w) => LOST_WORDS.has(w)));
}

/** Whether a name says its deals were won, with no negation of it (a guess: check it); `stems` as for namesLost. */
export function namesWon(name: string, stems = true): boolean {
  return !NEGATED.test(name) && ((stems && WON_SAID.test(name)) || lowerWords(name).some((w) => WON_WORDS.has(w)));
}
