// spec/audit.md: "A bad file is rejected with file, path inside the file and a fix hint". Each rule's
// error, and a fractional number of points, says how to fix it, in Russian and in English.
import { describe, expect, it } from 'vitest';
import { describeUserError, UserError } from '../../../src/core/errors.js';
import { DOCUMENT_MESSAGES } from '../../../src/core/messages/documents.js';
import { parseQuestionnaire } from '../../../src/core/questionnaire/parse.js';

const text = (s: string) => ({ ru: `${s} (ru)`, en: s });

/** A valid two-question questionnaire: 3 + 2 points, bands 0-1 and 2-5. */
const BASE = {
  id: 'hints',
  version: 1,
  languages: ['ru', 'en'],
  title: text('Hints'),
  sections: [
    {
      id: 'sales',
      title: text('Sales'),
      questions: [
        { id: 'sales.funnel', points: 3, text: text('Funnel?'), recommendation: text('Funnel'), choices: [{ id: 'partly', points: 1, label: text('Partly') }, { id: 'mostly', points: 2, label: text('Mostly') }] },
        { id: 'sales.plan', points: 2, text: text('Plan?'), recommendation: text('Plan') },
      ],
    },
  ],
  bands: [
    { id: 'low', from: 0, to: 1, title: text('Low'), meaning: text('Low') },
    { id: 'high', from: 2, to: 5, title: text('High'), meaning: text('High') },
  ],
};
type Doc = typeof BASE;

/** The base questionnaire, changed by `edit`. */
function questionnaire(edit: (q: Doc) => void): Doc {
  const q = structuredClone(BASE);
  edit(q);
  return q;
}

function errorOf(doc: unknown, lang: string): string {
  try {
    parseQuestionnaire(doc, 'q.yaml');
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return describeUserError(error as UserError, lang);
  }
  throw new Error('accepted');
}

const CASES: Array<[string, (q: Doc) => void, RegExp, string, string]> = [
  ['bands that overlap', (q) => (q.bands[1]!.from = 1), /bands\[1\]\.from/, 'each score belongs to exactly one band: start "high" at 2', 'каждая оценка должна попадать ровно в один уровень: начните «high» с 2'],
  ['a choice worth more than its question', (q) => (q.sections[0]!.questions[0]!.choices![1]!.points = 4), /choices\[1\]\.points/, "a choice earns part of the question's points: give it 0 to 3", 'вариант даёт часть баллов вопроса: укажите от 0 до 3'],
  ['a duplicate choice id', (q) => (q.sections[0]!.questions[0]!.choices![1]!.id = 'partly'), /choices\[1\]\.id/, 'every choice of a question needs its own id', 'у каждого варианта вопроса должен быть свой id'],
  ['zero points', (q) => (q.sections[0]!.questions[1]!.points = 0), /questions\[1\]\.points/, 'give the question a whole number of points, 1 or more', 'дайте вопросу целое число баллов, не меньше 1'],
  ['fractional points', (q) => (q.sections[0]!.questions[0]!.points = 2.5), /questions\[0\]\.points/, "points and band edges are whole numbers; to give part of a question's points, declare choices with whole points", 'баллы и границы уровней — целые числа; чтобы давать часть баллов за вопрос, объявите варианты ответа (choices) с целыми баллами'],
];

describe('every questionnaire error says how to fix it', () => {
  it.each(CASES)('%s: the path, and a hint in English and in Russian', (_, edit, path, en, ru) => {
    const doc = questionnaire(edit);
    const english = errorOf(doc, 'en');
    expect(english).toMatch(path);
    expect(english).toContain(`\n  hint: ${en}`);
    const russian = errorOf(doc, 'ru');
    expect(russian).toMatch(path);
    expect(russian).toContain(`: ${ru}`);
    // No stray English in the Russian lines, the file's own paths and ids aside.
    expect(russian.replace(/q\.yaml|[\w.[\]]+(?=:)|«[^»]*»|\(choices\)|\bid\b/g, '')).not.toMatch(/[A-Za-z]{3,}/);
  });

  it('the questionnaire messages of the catalogue all carry a hint', () => {
    const without = Object.entries(DOCUMENT_MESSAGES).filter(([id, m]) => id.startsWith('questionnaire.') && !('hint' in m));
    expect(without.map(([id]) => id)).toEqual([]);
  });
});

// T40 F12: «указано 1.5», a dot in a Russian sentence.
describe('a fraction where a whole number goes', () => {
  it('is said as each language writes it', () => {
    const doc = questionnaire((q) => (q.sections[0]!.questions[0]!.points = 1.5));
    expect(errorOf(doc, 'ru')).toContain('нужно целое число; указано 1,5');
    expect(errorOf(doc, 'en')).toContain('expected a whole number; got 1.5');
  });
});
