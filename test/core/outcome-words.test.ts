import { describe, expect, it } from 'vitest';
import { namesLost, namesWon } from '../../src/core/outcome-words.js';
import { guessStage, type UnknownStage } from '../../src/core/undecided-stages.js';
import { closedStage, statusGuess } from '../../src/io/map/value-maps.js';
import { normalizeValue } from '../../src/io/map/values.js';

// A stage whose deals show nothing: its guess is its name's.
const blind: UnknownStage = { deals: 2, closedFlag: 0, closeDate: 0, closePast: 0, amount: 0, certain: 0, zero: 0, blind: true };
const asStatus = (value: string) => statusGuess(normalizeValue(value));

describe('outcome words: one rule for deciding and guessing a won or lost name', () => {
  it('guesses a status value as it guesses a stage of the same name, by its words', () => {
    for (const name of ['Vinta', 'Persa', 'Przegrana', 'Kazanıldı', 'Closed Won', 'Closed Lost - No Budget', 'Nicht gewonnen', 'Не выиграно', 'В работе', 'Negotiation']) {
      expect(asStatus(name), name).toBe(guessStage(blind, name));
    }
  });

  // Review R48: a status's value is read by its words: «На подписании», «Счёт оплачивается» are open deals' statuses.
  it('guesses a stage by a stem too, a status by its words alone', () => {
    for (const [name, stage] of [['Échouée', 'lost'], ['Отказ клиента', 'lost'], ['Контракт подписан', 'won'], ['На подписании', 'won'], ['Счёт оплачивается', 'won']] as const) {
      expect(guessStage(blind, name), name).toBe(stage);
      expect(asStatus(name), name).toBe('open');
    }
    expect(asStatus('Won/Lost')).toBe('open');
  });

  it('reads a word that decides a closed stage in the guesses too (before, «vinta» was guessed by amounts)', () => {
    expect(closedStage(normalizeValue('Chiusa vinta'))).toBe('won');
    expect(namesWon('Vinta')).toBe(true);
    expect(closedStage(normalizeValue('Chiuso persa'))).toBe('lost');
    expect(namesLost('Persa')).toBe(true);
    expect(namesWon('Закрыта удачно')).toBe(true);
    expect(namesWon('Закрыта неудачно')).toBe(false);
    expect(namesLost('Закрыта неудачно')).toBe(true);
  });

  it('reads a negation of the outcome word as neither, and one in a reason after it as the reason\'s', () => {
    expect(namesWon('Non vinta')).toBe(false);
    expect(namesWon('not yet won')).toBe(false);
    expect(namesLost('Не был проигран')).toBe(false);
    expect(namesLost('Closed Lost - No Budget')).toBe(true);
    expect(namesWon('Closed Won - No Discount')).toBe(true);
  });

  it('takes a stem only at the start of a word (a word holding it says nothing)', () => {
    expect(namesLost('Unperdurable')).toBe(false);
    expect(namesWon('Vintage')).toBe(false);
    expect(namesLost('Personal')).toBe(false);
  });
});
