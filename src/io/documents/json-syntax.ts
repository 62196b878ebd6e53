// io/documents: what a JSON syntax error is, where it is and how to fix it. A hand-edited answers file with an extra
// `}` was called a CRM export, a missing comma «not valid YAML: a closing bracket is missing» (a tester): a text that is
// JSON is said as JSON. JSON.parse says whether it is; this scan says where and why, in both languages.
import type { Params, Template } from '../../core/messages.js';
import { fill } from '../../core/messages.js';
import { JSON_CAUSES } from '../../core/messages/documents.js';
import { position } from './yaml-syntax.js';

/** A JSON syntax error: where it is (1-based), what is wrong there and how to fix it, in both languages. */
export interface JsonCause {
  at: { line: number; column: number };
  reason: Template;
  fix: Template;
}

type Cause = keyof typeof JSON_CAUSES;

/** What the scan expects next: a value, a key, the colon after a key, a comma or a closing bracket, nothing. */
type Expect = 'value' | 'key' | 'colon' | 'after' | 'end';

interface Open {
  char: '{' | '[';
  offset: number;
}

const CLOSER = { '{': '}', '[': ']' } as const;
const NUMBER = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?$/;

function cause(text: string, offset: number, id: Cause, params: Params = {}): JsonCause {
  const c = JSON_CAUSES[id];
  return { at: position(text, offset), reason: { ru: fill(c.reason.ru, params), en: fill(c.reason.en, params) }, fix: { ru: fill(c.fix.ru, params), en: fill(c.fix.en, params) } };
}

/** The offset after a double-quoted text opened at `i`, or the cause it is none (never closed on its line, a bad escape, a control character). */
function stringEnd(text: string, i: number): number | JsonCause {
  for (let j = i + 1; j < text.length; j++) {
    const ch = text[j]!;
    if (ch === '"') return j + 1;
    if (ch === '\n' || ch === '\r') return cause(text, i, 'unterminated');
    if (ch === '\\') {
      const next = text[j + 1] ?? '';
      if (next === 'u' ? !/^[0-9a-fA-F]{4}$/.test(text.slice(j + 2, j + 6)) : !'"\\/bfnrt'.includes(next) || next === '') return cause(text, j, 'badEscape', { char: next === 'u' ? 'u' : next });
      j++;
    } else if (ch < ' ') return cause(text, j, 'control');
  }
  return cause(text, i, 'unterminated');
}

/** A bare word at `i`: a number, true, false or null, else the cause it is none. */
function bareWord(text: string, i: number): { end: number } | JsonCause {
  if (/[,:\]}]/.test(text[i]!)) return cause(text, i, 'unexpected', { char: text[i]! });
  const word = /^[^\s,:[\]{}"]+/.exec(text.slice(i, i + 200))?.[0] ?? text[i]!;
  if (['true', 'false', 'null'].includes(word) || NUMBER.test(word)) return { end: i + word.length };
  return cause(text, i, /^[-+.\d]/.test(word) || /^(NaN|-?Infinity)$/.test(word) ? 'badNumber' : 'badValue', { word });
}

/** A comma, or a closing bracket, met where `expect` was expected. */
function closing(text: string, i: number, stack: Open[], expect: Expect, comma: number | undefined): JsonCause | 'pop' | 'comma' {
  const ch = text[i]!;
  if (ch === ',') {
    if (expect === 'after') return 'comma';
    return comma !== undefined ? cause(text, i, 'doubleComma') : cause(text, i, 'unexpected', { char: ch });
  }
  const top = stack.at(-1)!;
  if (CLOSER[top.char] !== ch) return cause(text, i, 'mismatched', { close: ch, open: top.char, want: CLOSER[top.char], ...position(text, top.offset) });
  if (comma !== undefined) return cause(text, comma, 'trailingComma', { close: ch });
  if (expect === 'colon') return cause(text, i, 'missingColon');
  // `{"a": }`: the bracket closes where a value was to follow the colon; `{ }`, `[ ]` are empty.
  let before = i - 1;
  while (before > 0 && ' \t\r\n'.includes(text[before]!)) before--;
  return expect === 'after' || text[before] === top.char ? 'pop' : cause(text, i, 'missingValue');
}

/** Where a key or value starting at `i` stands where it may not: after a key (no colon), after a value (no comma). */
function misplaced(text: string, i: number, expect: Expect, lastEnd: number): JsonCause | undefined {
  if (expect === 'colon') return text[i] === ':' ? undefined : cause(text, lastEnd, 'missingColon');
  if (expect === 'after') return text[i] === ':' ? cause(text, i, 'unexpected', { char: ':' }) : cause(text, lastEnd, 'missingComma', position(text, i));
  if (text[i] === ':') return cause(text, i, 'unexpected', { char: ':' });
  return undefined;
}

/** A key at `i` (where one is expected): its end, or the cause it is none. */
function key(text: string, i: number): { end: number } | JsonCause {
  const ch = text[i]!;
  if (ch === '"') {
    const end = stringEnd(text, i);
    return typeof end === 'number' ? { end } : end;
  }
  if (ch === "'") return cause(text, i, 'singleQuote');
  const word = /^[\p{L}\p{N}_$.-]+/u.exec(text.slice(i, i + 200))?.[0];
  return word ? cause(text, i, 'unquotedKey', { word }) : cause(text, i, 'unexpected', { char: ch });
}

/**
 * The first syntax error of a JSON text, said for what it is (a comma missing or one too many, a bracket left open or
 * one too many, a text never closed, a comment, a word not in quotes); undefined for valid JSON. One pass, no recursion:
 * nesting thousands deep costs a stack entry each.
 */
export function jsonCause(text: string): JsonCause | undefined {
  const stack: Open[] = [];
  let expect = 'value' as Expect;
  let lastEnd = 0;
  let comma: number | undefined;
  const ended = (end: number): void => {
    lastEnd = end;
    comma = undefined;
    expect = stack.length > 0 ? 'after' : 'end';
  };
  for (let i = 0; ; ) {
    while (i < text.length && ' \t\r\n'.includes(text[i]!)) i++;
    if (i >= text.length) return stack.length > 0 ? cause(text, stack.at(-1)!.offset, 'unclosed', { open: stack.at(-1)!.char, want: CLOSER[stack.at(-1)!.char] }) : undefined;
    const ch = text[i]!;
    if (ch === '#' || (ch === '/' && (text[i + 1] === '/' || text[i + 1] === '*'))) return cause(text, i, 'comment');
    if (expect === 'end') return ch === '}' || ch === ']' ? cause(text, i, 'extraClose', { close: ch, ...position(text, lastEnd - 1) }) : cause(text, i, 'afterEnd', position(text, lastEnd - 1));
    if ((ch === ',' || ch === '}' || ch === ']') && stack.length > 0) {
      const r = closing(text, i, stack, expect, comma);
      if (typeof r !== 'string') return r;
      if (r === 'comma') [expect, comma] = [stack.at(-1)!.char === '{' ? 'key' : 'value', i];
      else {
        stack.pop();
        ended(i + 1);
      }
      i++;
      continue;
    }
    const wrong = misplaced(text, i, expect, lastEnd);
    if (wrong) return wrong;
    if (expect === 'key') {
      const k = key(text, i);
      if ('at' in k) return k;
      [i, lastEnd, comma, expect] = [k.end, k.end, undefined, 'colon'];
    } else if (expect === 'colon') {
      // ':' after a key (misplaced said every other character).
      [i, expect] = [i + 1, 'value'];
    } else if (ch === '{' || ch === '[') {
      stack.push({ char: ch, offset: i });
      [i, comma, expect] = [i + 1, undefined, ch === '{' ? 'key' : 'value'];
    } else {
      const end = ch === '"' ? stringEnd(text, i) : ch === "'" ? cause(text, i, 'singleQuote') : bareWord(text, i);
      if (typeof end !== 'number' && 'at' in end) return end;
      i = typeof end === 'number' ? end : end.end;
      ended(i);
    }
  }
}

/** The cause at an offset JSON.parse named, where the scan found none: the character there. */
export function jsonCauseAt(text: string, offset: number): JsonCause {
  const at = Math.min(offset, Math.max(text.length - 1, 0));
  return cause(text, at, 'unexpected', { char: text[at] ?? '' });
}
