import { describe, expect, it } from 'vitest';
import { jsonCause } from '../../../src/io/documents/json-syntax.js';

/** Where the cause is, and what it says in English: `line:column reason | fix`. */
const said = (text: string): string | undefined => {
  const c = jsonCause(text);
  return c && `${c.at.line}:${c.at.column} ${c.reason.en} | ${c.fix.en}`;
};

// Testers: an extra `}` in a hand-edited answers file was «a CRM export», a missing comma «not valid YAML: a closing
// bracket is missing» at the next line, a trailing comma accepted without a word.
describe('a JSON syntax error', () => {
  it('is none in valid JSON, however deep', () => {
    for (const text of ['{}', '[]', '{"a": [1, -2.5e3, true, false, null, "x\\n\\u0041"], "b": {}}', ' \n[{"a": {}}]\n', '['.repeat(100_000) + ']'.repeat(100_000)]) {
      expect(jsonCause(text)).toBeUndefined();
    }
  });

  it('names the comma missing, at the end of the value it should follow, and where the next item starts', () => {
    expect(said('{\n  "a": "yes"\n  "b": "no"\n}\n')).toBe('2:13 a comma is missing here: the next item starts at line 3, column 3 | add "," after the value');
    expect(said('[1 2]')).toBe('1:3 a comma is missing here: the next item starts at line 1, column 4 | add "," after the value');
  });

  it('names a comma too many: before a closing bracket, two in a row, one with no item before it', () => {
    expect(said('{"a": 1,}')).toBe('1:8 a comma before "}": JSON takes no comma after the last item | remove this comma');
    expect(said('{"a": [1,\n]}')).toBe('1:9 a comma before "]": JSON takes no comma after the last item | remove this comma');
    expect(said('{"a": 1,,\n"b": 2}')).toBe('1:9 two commas in a row: there is no item between them | remove one of the commas');
    expect(said('[,1]')).toMatch(/^1:2 unexpected ","/);
  });

  it('names a bracket too many, one that closes another, and one never closed, where it was opened', () => {
    expect(said('{"a": {"b": 1}\n}}\n')).toBe('2:2 an extra "}": the document already ended (line 2, column 1) | remove it');
    expect(said('{"a": [1, 2}')).toBe('1:12 "}" here closes the "[" opened at line 1, column 7 | close the "[" with "]", or check the brackets between them');
    expect(said('{"q": "x",\n"a": {"b": "c"\n')).toBe('2:6 the "{" opened here is never closed | add "}" where it ends');
    expect(said('{"a": 1}\n{"b": 2}')).toMatch(/^2:1 text after the end of the document \(it ended at line 1, column 8\)/);
  });

  it('names a text never closed, a bad escape, a control character', () => {
    expect(said('{"a": "yes,\n"b": "no"}')).toBe('1:7 the text opened here by " is not closed before the end of its line | add the closing "');
    expect(said('{"a": "C:\\dir"}')).toMatch(/^1:10 a backslash before "d": JSON has no such escape/);
    expect(said('{"a": "x\ty"}')).toMatch(/^1:9 a tab or another control character inside a text/);
  });

  it('names what YAML takes and JSON does not: a bare word, a key without quotes, single quotes, a comment', () => {
    expect(said('{"a": yes}')).toBe('1:7 "yes" is not a JSON value | write a text in double quotes ("yes"); only numbers, true, false and null go without them');
    expect(said('{"a": 0,5}')).toMatch(/^1:9 the key "5" is not in quotes/);
    expect(said('{"a": 01}')).toMatch(/^1:7 "01" is not a JSON number/);
    expect(said('{lead.concept: "yes"}')).toMatch(/^1:2 the key "lead.concept" is not in quotes \| put the key in double quotes: "lead.concept"/);
    expect(said("{'a': 1}")).toMatch(/^1:2 a text in single quotes/);
    expect(said('{"a": 1} # note')).toMatch(/^1:10 a comment: JSON has none/);
    expect(said('{"a" 1}')).toMatch(/^1:5 a colon is missing after the key/);
    expect(said('{"a": }')).toMatch(/^1:7 a value is missing after the colon/);
  });

  it('says each cause in Russian too', () => {
    const c = jsonCause('{"a": 1,}')!;
    expect([c.reason.ru, c.fix.ru]).toEqual(['запятая перед «}»: в JSON после последнего элемента запятую не ставят', 'уберите эту запятую']);
    expect(jsonCause('{"a": 1\n"b": 2}')!.reason.ru).toBe('здесь не хватает запятой: следующий элемент начинается в строке 2, символ 1');
  });
});
