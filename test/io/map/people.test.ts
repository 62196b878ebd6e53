import { describe, expect, it } from 'vitest';
import { capitalised, oneValueThroughout, PERSON_NAME, personLike } from '../../../src/io/map/people.js';

describe('a person name’s shape', () => {
  // «Мамедов Эльчин Рауф оглы», «Алиева Айгюн Рауф кызы»: four words, and no one's name to the column proposals.
  it('takes two or three words with a Turkic patronymic’s particle after them', () => {
    for (const name of ['Мамедов Эльчин Рауф оглы', 'Алиева Айгюн Рауф кызы', 'Эльчин Рауф оглы', 'Мамедов Эльчин Рауф-оглы', 'МАМЕДОВ ЭЛЬЧИН РАУФ ОГЛЫ', 'Иванов Иван Сергеевич', 'Петрова А. С.']) {
      expect(PERSON_NAME.test(name), name).toBe(true);
    }
    expect(personLike(['Мамедов Эльчин Рауф оглы', 'Алиева Айгюн Рауф кызы', 'Иванов Иван'])).toBe(true);
  });

  it('takes no fourth word that is no particle, and no particle without a name before it', () => {
    for (const name of ['Мамедов Эльчин Рауф Москва', 'оглы', 'Иванов', 'Мамедов Эльчин Рауф оглы кызы', 'Сделка 12']) {
      expect(PERSON_NAME.test(name), name).toBe(false);
    }
  });
});

describe('a column of one value on every row', () => {
  it('is one value in every cell of a sample of several rows', () => {
    expect(oneValueThroughout(['New Customer', 'New Customer', 'New Customer'])).toBe(true);
  });

  it('is not a single row, a column with a blank cell or another value, nor an empty one', () => {
    expect(oneValueThroughout(['New Customer'])).toBe(false);
    expect(oneValueThroughout(['New Customer', '', 'New Customer'])).toBe(false);
    expect(oneValueThroughout(['New Customer', 'Existing Customer'])).toBe(false);
    expect(oneValueThroughout(['', ''])).toBe(false);
  });
});

// A Sipuni log writes the line before the name («101 (Иванов Иван)»): capitalised as the name after it is.
describe('a name written with capitals', () => {
  it('is so with a line after or before it', () => {
    for (const v of ['Иванов Иван', 'Иванов Иван (101)', '101 (Иванов Иван)', '(доб. 101) Иванов Иван', '<101> Anna Smith', 'Петрова А. С.']) expect(capitalised(v), v).toBe(true);
  });

  it('is not so for a title in lower case, with a line or without', () => {
    for (const v of ['Acme supply', '101 (Acme supply)', 'Ромашка поставка (101)']) expect(capitalised(v), v).toBe(false);
  });
});
