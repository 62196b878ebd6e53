// io/documents: what a YAML syntax error means in a document a person writes, where the parser's own words say less.
import type { Template } from '../../core/messages.js';
import { fill } from '../../core/messages.js';
import { YAML_CAUSES } from '../../core/messages/documents.js';

/** Where a syntax error is, in the words that say it: a line and column (1-based) and the reason in both languages. */
export interface YamlCause {
  at: { line: number; column: number };
  reason: Template;
}

interface Opened {
  char: string;
  offset: number;
}

const CLOSER: Readonly<Record<string, string>> = { '[': ']', '{': '}', '"': '"', "'": "'" };

/** Whether a quote or bracket at `i` opens one: at a value's start (after `: `, `- `, `,`, `[`, `{`) or inside brackets. */
function opensAt(text: string, i: number, inFlow: boolean): boolean {
  const before = text.slice(text.lastIndexOf('\n', i - 1) + 1, i).trimEnd();
  return inFlow || before === '' || /(^|\s)-$|:$|[,[{]$/.test(before);
}

/** The end of a quoted text opened at `i` (the offset after its closing quote), or undefined when it is never closed. */
function quoteEnd(text: string, i: number): number | undefined {
  const q = text[i]!;
  for (let j = i + 1; j < text.length; j++) {
    if (q === '"' && text[j] === '\\') j++;
    else if (text[j] === q && q === "'" && text[j + 1] === "'") j++;
    else if (text[j] === q) return j + 1;
  }
  return undefined;
}

/**
 * The quote or bracket a document leaves open: an unclosed quote, else the bracket that was to close first
 * (`{b: [1, 2}`: the `[`), else the last one left open. Comments and quoted texts are skipped.
 */
export function unclosed(text: string): Opened | undefined {
  const stack: Opened[] = [];
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (ch === '#' && (i === 0 || /\s/.test(text[i - 1]!))) {
      const eol = text.indexOf('\n', i);
      i = eol === -1 ? text.length : eol;
    } else if ((ch === '"' || ch === "'") && opensAt(text, i, stack.length > 0)) {
      const end = quoteEnd(text, i);
      if (end === undefined) return { char: ch, offset: i };
      i = end - 1;
    } else if ((ch === '[' || ch === '{') && opensAt(text, i, stack.length > 0)) {
      stack.push({ char: ch, offset: i });
    } else if ((ch === ']' || ch === '}') && stack.length > 0) {
      const open = stack.pop()!;
      if (CLOSER[open.char] !== ch) return open;
    }
  }
  return stack.at(-1);
}

/** Line and column (1-based) of an offset. */
export function position(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}

const indentOf = (line: string) => /^ */.exec(line)![0].length;
const blank = (line: string) => /^\s*(#.*)?$/.test(line);

/**
 * A line indented more than the line before it, whose key already has a value (`conversion: 20%` then `   win_rate: 10%`):
 * the parser says «a nested block cannot be a key» at the line before, which is right as written. `line` is the
 * parser's (1-based); undefined when the next line is no such line.
 */
function overIndented(lines: readonly string[], line: number): YamlCause | undefined {
  const here = lines[line - 1];
  if (here === undefined || !/^\s*[^\s#][^#]*?:\s+[^\s#]/.test(here)) return undefined;
  let next = line;
  while (next < lines.length && blank(lines[next]!)) next++;
  const there = lines[next];
  if (there === undefined || indentOf(there) <= indentOf(here)) return undefined;
  const params = { more: indentOf(there) - indentOf(here), line, indent: indentOf(here) };
  return { at: { line: next + 1, column: 1 }, reason: { ru: fill(YAML_CAUSES.overIndented.ru, params), en: fill(YAML_CAUSES.overIndented.en, params) } };
}

/**
 * What a syntax error of the parser (its code and English message) is in a person's words, where it says less: a
 * bracket or quote never closed (the parser said «bad indentation» at the end of the file, a tester: the Russian
 * kept only «неверный отступ», and pointed past the last line), at the line where it was opened; a line indented
 * more than its neighbour, at that line. Undefined for the others.
 */
export function yamlCause(text: string, code: string, message: string, line: number | undefined): YamlCause | undefined {
  if (code === 'MISSING_CHAR' || /end with an? [\]}]/.test(message)) {
    const open = unclosed(text);
    if (open) {
      const close = CLOSER[open.char]!;
      const t = open.char === '"' || open.char === "'" ? YAML_CAUSES.quote : YAML_CAUSES.bracket;
      return { at: position(text, open.offset), reason: { ru: fill(t.ru, { open: open.char, close }), en: fill(t.en, { open: open.char, close }) } };
    }
  }
  if ((code === 'BLOCK_AS_IMPLICIT_KEY' || code === 'MULTILINE_IMPLICIT_KEY') && line !== undefined) return overIndented(text.split(/\r?\n/), line) ?? colonInText(text.split(/\r?\n/), line);
  if (code === 'BLOCK_IN_FLOW' && line !== undefined) return colonInText(text.split(/\r?\n/), line);
  return undefined;
}

/**
 * An unquoted item with two «: » or more (`Отказ: нет бюджета: lost`), alone on its line or between `{`/`,`
 * and `,`/`}`: the text runs to the first «: » (`stage: Этап: воронка: продажи`, a value with colons), or to the
 * last where the last word is a status (`Отказ: нет бюджета: причина: lost`, a status's name: review R47 F7;
 * a value's colons were then taken into the key: review R48).
 */
const TWO_COLONS = /(^\s*(?:-\s+)?|[{,]\s*)([^\s"'{},#][^"'{},#]*?:\s[^"'{},#]*?):\s+([^"'{},#\s][^"'{},#]*?)\s*(?=$|[},]|\s#)/;
const TO_LAST_COLON = new RegExp(TWO_COLONS.source.replace('[^"\'{},#]*?):', '[^"\'{},#]*):'));
const STATUS_WORD = /^(?:won|lost|open|deleted)$/i;

/**
 * A colon and a space inside an unquoted text (a stage named «Отказ: нет бюджета» in a --map file's
 * status): YAML takes it for a key, and said «a nested block cannot be a key» (tester T56 M6). Said with
 * the quotes that fix it: around the key where the value after the last colon is one word (`lost`), else
 * around the value.
 */
function colonInText(lines: readonly string[], line: number): YamlCause | undefined {
  const here = lines[line - 1];
  const last = here === undefined ? null : TO_LAST_COLON.exec(here);
  const m = last && STATUS_WORD.test(last[3]!.trim()) ? last : here === undefined ? null : TWO_COLONS.exec(here);
  if (!m) return undefined;
  const [lead, before, after] = [m[1]!, m[2]!.trim(), m[3]!.trim()];
  const oneWord = !/\s/.test(after);
  const first = before.indexOf(': ');
  const fixed = oneWord ? `${JSON.stringify(before)}: ${after}` : `${before.slice(0, first)}: ${JSON.stringify(`${before.slice(first + 2)}: ${after}`)}`;
  const params = { text: oneWord ? before : `${before.slice(first + 2)}: ${after}`, fixed };
  return { at: { line, column: m.index + lead.length + 1 }, reason: { ru: fill(YAML_CAUSES.colonInText.ru, params), en: fill(YAML_CAUSES.colonInText.en, params) } };
}
