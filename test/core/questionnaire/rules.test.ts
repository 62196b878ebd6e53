import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeUserError, UserError } from '../../../src/core/errors.js';
import { parseQuestionnaire } from '../../../src/core/questionnaire/parse.js';
import { assertRunLanguage } from '../../../src/core/questionnaire/rules.js';
import { parseYaml } from '../../../src/io/documents/yaml.js';
import { builtIn } from '../../helpers/questionnaire.js';

const dir = new URL('../../fixtures/questionnaires/', import.meta.url);
function load(name: string) {
  const text = readFileSync(new URL(name, dir), 'utf8');
  return parseQuestionnaire(parseYaml(text, name), name);
}
function errorOf(name: string): string {
  try {
    load(name);
  } catch (error) {
    expect(error).toBeInstanceOf(UserError);
    return describeUserError(error as UserError);
  }
  throw new Error(`${name} was accepted`);
}

describe('questionnaire validation', () => {
  it('accepts the built-in questionnaire with the spec ids, points and bands', () => {
    const q = builtIn();
    const points = Object.fromEntries(q.sections.flatMap((s) => s.questions.map((x) => [x.id, x.points])));
    expect(points).toEqual({
      'lead.concept': 2,
      'journal.interactions': 1,
      'reporting.management': 1,
      'reporting.staff': 2,
      'erp.catalog': 1,
      'erp.payments': 1,
      'telephony.integrated': 2,
    });
    expect(q.sections.map((s) => s.id)).toEqual(['lead', 'journal', 'reporting', 'erp', 'telephony']);
    expect(q.bands.map((b) => [b.id, b.from, b.to])).toEqual([
      ['not-started', 0, 2],
      ['ahead-of-most', 3, 5],
      ['leader', 6, 10],
    ]);
    expect(q.note?.en).toMatch(/3 and 5/);
  });

  it('accepts a valid tiny questionnaire', () => {
    expect(load('valid-tiny.yaml').id).toBe('tiny');
  });

  it.each([
    ['duplicate-question-id.yaml', /sections\[0\]\.questions\[1\]\.id: duplicate question id "s\.one" \(first at sections\[0\]\.questions\[0\]\.id\)/],
    ['band-gap.yaml', /bands\[1\]\.from: scores 2\.\.2 fall between bands "low" and "high"/],
    ['band-overlap.yaml', /bands\[1\]\.from: band "high" overlaps band "low"/],
    ['band-beyond-max.yaml', /bands\[1\]\.to: the highest band ends at 4 but the maximum score is 3/],
    ['band-not-from-zero.yaml', /bands\[0\]\.from: the lowest band starts at 1/],
    ['zero-points.yaml', /sections\[0\]\.questions\[1\]\.points: points must be positive, got 0/],
    ['missing-english-text.yaml', /sections\[0\]\.questions\[1\]\.text\.en: the en text is missing/],
    ['unknown-field.yaml', /at \(top level\): unknown key: "colour"/],
    ['fractional-points.yaml', /sections\[0\]\.questions\[0\]\.points: expected a whole number; got 2\.5/],
    ['reserved-choice-id.yaml', /choices\[0\]\.id: choice id "yes" is reserved/],
    ['choice-above-points.yaml', /choices\[0\]\.points: a choice earns 3 points, more than the question's 2/],
    ['yaml-syntax-error.yaml', /yaml-syntax-error\.yaml, at line \d+, column \d+: not valid YAML/],
    ['alias-bomb.yaml', /cannot be expanded.*\n.*aliases are limited to 100/],
  ])('rejects %s with its own message', (file, message) => {
    const text = errorOf(file);
    expect(text).toContain(file);
    expect(text).toMatch(message);
  });
});

// A questionnaire of `languages: [ru]` run with --lang en printed a report in two languages, silently (a tester).
describe('a run in a language the questionnaire does not declare', () => {
  const ruOnly = () => ({ ...builtIn(), languages: ['ru'] });

  it('is refused, naming the declared languages and the --lang that would run it', () => {
    let error: unknown;
    try {
      assertRunLanguage(ruOnly(), 'en', 'my.yaml');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).code).toBe('E_QUESTIONNAIRE_LANG');
    expect(describeUserError(error as UserError)).toBe('my.yaml, at languages: the questionnaire is written in ru only, and this run is in "en": the report would mix two languages\n  hint: run with --lang ru, or add the "en" texts to the questionnaire (and "en" to languages)');
    expect(describeUserError(error as UserError, 'ru')).toContain('анкета написана только на языках: ru, а запуск — на «en»');
    expect(describeUserError(error as UserError, 'ru')).toContain('запустите с --lang ru');
  });

  it('lets a declared language run', () => {
    expect(() => assertRunLanguage(ruOnly(), 'ru')).not.toThrow();
    expect(() => assertRunLanguage(builtIn(), 'en')).not.toThrow();
  });
});

// Tester T48 F1: a choice id an answers file writes for yes, no or skip (`n`, "false", «да») was
// accepted, and the same answer scored by its case and quoting: `n` the choice, `N` no.
describe('choice ids that read as an answer word', () => {
  const text = readFileSync(new URL('reserved-choice-id.yaml', dir), 'utf8');
  // (Ids are lower-case Latin letters, digits, dots, dashes: «да» or `Y` is refused by the schema before.)
  it.each(['n', 'y', '"false"', '"true"'])('refuses %s as a choice id', (id) => {
    const doc = parseYaml(text.replace('- id: yes', `- id: ${id}`), 'q.yaml');
    expect(() => parseQuestionnaire(doc, 'q.yaml')).toThrow(/is reserved/);
  });
  it('takes other ids', () => {
    expect(parseQuestionnaire(parseYaml(text.replace('- id: yes', '- id: partly'), 'q.yaml'), 'q.yaml').sections[0]!.questions[0]!.choices![0]!.id).toBe('partly');
  });
});
