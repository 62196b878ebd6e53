import { describe, expect, it } from 'vitest';
import { importNote } from '../../src/core/messages.js';

// What `inspect` prints after "->" for a value: ids (won, in, call) stay, words are translated.
describe("the importer's notes on values, in a Russian inspect", () => {
  it.each([
    ['(unknown: stage used)', '(не известно: взят этап)'],
    ['answered (unknown value)', 'отвечен (значение не известно)'],
    ['not answered', 'не отвечен'],
    ['answered', 'отвечен'],
    ['(unknown)', '(не известно)'],
    ['open (stage not known)', 'open (этап не известен)'],
  ])('%s', (en, ru) => {
    expect(importNote(en, 'ru')).toBe(ru);
    expect(importNote(en, 'en')).toBe(en);
  });
});
