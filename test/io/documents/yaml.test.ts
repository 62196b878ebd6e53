import { describe, expect, it } from 'vitest';
import { describeUserError, UserError } from '../../../src/core/errors.js';
import { parseYaml } from '../../../src/io/documents/yaml.js';

const errorOf = (text: string, lang = 'en'): string => {
  try {
    parseYaml(text, 'q.yaml');
  } catch (e) {
    expect(e).toBeInstanceOf(UserError);
    return describeUserError(e as UserError, lang);
  }
  throw new Error('accepted');
};

// `basis: { ru: до 0,75 ч в день, en: … }`: the comma ended the text, and «75 ч в день» became a key
// with no value; the schema said «в …basis.75 ч в день: ожидалось: текст; получено null», with no line (a tester).
describe('a comma inside { … } that split a text', () => {
  it('is said with its line and column, the part each side got, and the quotes that fix it', () => {
    const text = 'cost:\n  hoursPerManagerPerDay: 1\n  basis: { ru: до 0,75 ч в день, en: up to 0.75 h a day }\n';
    expect(errorOf(text)).toBe('q.yaml, at line 3, column 21: a comma inside { … } split the text: ru got only "до 0", and "75 ч в день" became a key of its own with no value\n  hint: put the text in quotes: ru: "до 0,75 ч в день"');
    expect(errorOf(text, 'ru')).toBe('q.yaml, строка 3, символ 21: запятая внутри { … } разделила текст: в ru попало только «до 0», а «75 ч в день» стало отдельным ключом без значения\n  подсказка: возьмите текст в кавычки: ru: "до 0,75 ч в день"');
    expect(errorOf('title: { ru: Звонки, входящие и исходящие, en: Calls }\n')).toContain('put the text in quotes: ru: "Звонки, входящие и исходящие"');
  });

  it('leaves quoted texts, lists and block maps alone', () => {
    expect(parseYaml('basis: { ru: "до 0,75 ч в день", en: up to 0.75 h }\nids: [a, b, c]\nx:\n  y: 1, 2\n', 'q.yaml')).toEqual({ basis: { ru: 'до 0,75 ч в день', en: 'up to 0.75 h' }, ids: ['a', 'b', 'c'], x: { y: '1, 2' } });
    // A key with no value first in the braces, or one an id could be, is no split text: the schema names it.
    expect(parseYaml('a: { b, c: 1 }\n', 'q.yaml')).toEqual({ a: { b: null, c: 1 } });
    expect(parseYaml('a: { b: yes, journal.interactions, c: 1 }\n', 'q.yaml')).toEqual({ a: { b: 'yes', 'journal.interactions': null, c: 1 } });
  });
});

// A tester: an unclosed [ or { was «неверный отступ» in Russian, at a line past the end of the file; a line indented one
// space too many was «вложенный блок не может быть ключом» at the line before it.
describe('a bracket or quote never closed, a line indented too far', () => {
  it('names the bracket and where it was opened, in both languages', () => {
    const text = 'targets:\n  conversion: 15%\n  response_min_median: [-30%\n';
    expect(errorOf(text, 'ru')).toBe('q.yaml, строка 3, символ 24: это не YAML: скобка «[», открытая здесь, не закрыта: допишите «]»');
    expect(errorOf(text)).toBe('q.yaml, at line 3, column 24: not valid YAML: the "[" opened here is never closed: add "]"');
    expect(errorOf('targets: {conversion: 20%, response_min_median: -30%', 'ru')).toBe('q.yaml, строка 1, символ 10: это не YAML: скобка «{», открытая здесь, не закрыта: допишите «}»');
    // The one to close first: `[` inside `{ … }` closed by `}`.
    expect(errorOf('a: {b: [1, 2}\n')).toMatch(/line 1, column 8: .*the "\[" opened here is never closed: add "\]"/);
  });

  it('names an unclosed quote where it opens, not a quote inside a text', () => {
    expect(errorOf('a: "abc\nb: 1\n', 'ru')).toBe('q.yaml, строка 1, символ 4: это не YAML: кавычка ", открытая здесь, не закрыта: допишите закрывающую "');
    expect(errorOf("title: 5\" screen\nb: 'abc\n")).toMatch(/line 2, column 4: .*the quote ' opened here is never closed/);
  });

  it('points at the line indented more than its neighbour, saying by how much', () => {
    const text = 'targets:\n  conversion: 20%\n   win_rate: 10%\n';
    expect(errorOf(text, 'ru')).toBe('q.yaml, строка 3, символ 1: это не YAML: у этой строки отступ на 1 пробел больше, чем у строки 2, а у ключа в строке 2 уже есть значение: выровняйте отступ по строке 2 (2 пробела) или уберите значение');
    expect(errorOf(text)).toMatch(/^q\.yaml, at line 3, column 1: not valid YAML: this line is indented 1 space more than line 2/);
  });

  it('keeps the parser\'s words for other errors', () => {
    expect(errorOf('a: 1\na: 2\n', 'ru')).toMatch(/ключ повторяется/);
  });
});
