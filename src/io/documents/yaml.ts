import { isAlias, isCollection, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Document, type YAMLParseError } from 'yaml';
import { UserError } from '../../core/errors.js';
import { fill } from '../../core/messages.js';
import { JSON_CAUSES, YAML_DETAILS, YAML_ERRORS } from '../../core/messages/documents.js';
import { jsonCause, jsonCauseAt } from './json-syntax.js';
import { yamlCause } from './yaml-syntax.js';

/** At most this many alias dereferences per document: stops "billion laughs" expansion. */
export const MAX_YAML_ALIASES = 100;

/**
 * Parses YAML (JSON is YAML too) into plain data. Syntax errors name the line and column; alias
 * expansion is bounded; duplicate keys and a `__proto__` key are errors. A .json file, or a text that begins
 * as JSON does, is read as JSON: its syntax errors are said as JSON's (jsonReading).
 */
export function parseYaml(text: string, file: string, asWritten?: AsWritten): unknown {
  const lines = new LineCounter();
  // The parser's own duplicate check compares each key with every key before it (20 000 keys took 2.8 s): keys are checked here, once each.
  const doc = parseDocument(text, { uniqueKeys: false, prettyErrors: true, strict: true, lineCounter: lines });
  const syntax = doc.errors[0];
  // The library's one exhaustion while composing: its call stack ran out on collections nested thousands deep.
  if (syntax?.code === 'RESOURCE_EXHAUSTION') throw UserError.of('E_YAML', 'doc.tooDeep', {}, { file, ...atOf(syntax) });
  const json = jsonReading(file, text);
  if (json === 'strict' || (json === 'likely' && syntax)) refuseInvalidJson(text, file);
  if (syntax) throw yamlError(syntax, text, file);
  refuseKeys(doc, text, file, lines, json !== undefined);
  splitByComma(doc, text, file, lines);
  // JSON's numbers are numbers (a report's 4.125 is no 4 125).
  if (json === undefined && asWritten) keepAsWritten(doc, asWritten);
  try {
    return doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (error) {
    throw conversionError(error, doc, lines, file);
  }
}

/**
 * Plain numbers YAML reads otherwise than a person wrote them, kept as their text for the schema to
 * read as the command line does: `1.500` with a thousands dot (YAML's 1.5: a config's `compare.cost:
 * 1.500` made the payback 0 months and the ROI +901 223 420 %, while `--cost 1.500` is refused as
 * ambiguous; tester T56 H1), a number with leading zeros (a manager line `007`, YAML's 7), and a hex or
 * octal one (`0x1F`, YAML's 31).
 */
const NOT_AS_WRITTEN = /^[-+]?(?:[1-9]\d{0,2}(?:\.\d{3})+|0\d+|0[xXoO][0-9a-fA-F]+)$/;
/** A thousands dot alone (`1.500`): a config's money and counts, whose other numbers (`touchNorm: 05`) stay numbers. */
const GROUPED = /^[-+]?[1-9]\d{0,2}(?:\.\d{3})+$/;

/**
 * Which numbers a document keeps as written: `names` in a --map file, whose keys and values are
 * headers and names (`007`, `0x1F`, `1.500`); `grouped` in a report config, a thousands dot alone.
 * Other documents (questionnaires, answers, targets) read YAML's numbers: their fields are numbers
 * (review R47: a questionnaire's `threshold: 2.000` was refused as text).
 */
export type AsWritten = 'names' | 'grouped';

function keepAsWritten(doc: Document, asWritten: AsWritten): void {
  const rule = asWritten === 'names' ? NOT_AS_WRITTEN : GROUPED;
  visit(doc, {
    Scalar(_, node) {
      if (node.type === 'PLAIN' && typeof node.value === 'number' && node.source !== undefined && rule.test(node.source)) node.value = node.source;
    },
  });
}

/**
 * Why a parsed document could not be turned into data, in our words in both languages: too deep, too
 * many aliases, an alias to an anchor not set above it (at the alias's line and column), else what the
 * parser said in English and our sentence in Russian (a Russian run read «Unresolved alias (the anchor
 * must be set before the alias): x»), at the line and column the parser names, if it names one.
 */
function conversionError(error: unknown, doc: Document, lines: LineCounter, file: string): UserError {
  if (error instanceof RangeError) return UserError.of('E_YAML', 'doc.tooDeep', {}, { file });
  const message = error instanceof Error ? error.message.split('\n')[0]! : String(error);
  if (error instanceof ReferenceError && /alias count/i.test(message)) return UserError.of('E_YAML', 'doc.yamlAliases', { max: MAX_YAML_ALIASES }, { file, ...expandingAliasAt(doc, lines) });
  const unresolved = error instanceof ReferenceError ? /^Unresolved alias\b.*?:\s*(\S+)$/.exec(message)?.[1] : undefined;
  if (unresolved !== undefined) return UserError.of('E_YAML', 'doc.yamlUnresolvedAlias', { name: unresolved }, { file, ...aliasAt(doc, lines, unresolved) });
  const pos = / at line (\d+), column (\d+)/.exec(message);
  const reason = message.replace(/ at line \d+, column \d+:?$/, '');
  return UserError.of('E_YAML', 'doc.yamlConvert', { reason }, { file, ...(pos ? { at: { line: Number(pos[1]), column: Number(pos[2]) } } : {}) });
}

/**
 * Where the expansion that passed the alias limit begins: the first alias to a node that holds aliases
 * itself (the nesting that multiplies them), else the first alias (tester T66 L14: the line was not said).
 */
function expandingAliasAt(doc: Document, lines: LineCounter): { at?: { line: number; column: number } } {
  let offset: number | undefined;
  let first: number | undefined;
  // Each anchor's node is walked once, however many aliases name it (3 000 aliases to a list of 100 000 took 36 s: review R52).
  // Anchors are taken in the document's order, as the walk meets them: the library's resolve() searches the document for each alias.
  const holdsAliases = new Map<unknown, boolean>();
  const anchors = new Map<string, unknown>();
  visit(doc, {
    Node(_, node) {
      if (!isAlias(node) && node.anchor) anchors.set(node.anchor, node);
      return undefined;
    },
    Alias(_, alias) {
      if (alias.range === undefined || alias.range === null) return undefined;
      first ??= alias.range[0];
      const target = anchors.get(alias.source);
      if (target === undefined || !isCollection(target)) return undefined;
      let nested = holdsAliases.get(target);
      if (nested === undefined) {
        nested = false;
        visit(target, { Alias: () => ((nested = true), visit.BREAK) });
        holdsAliases.set(target, nested);
      }
      if (!nested) return undefined;
      offset = alias.range[0];
      return visit.BREAK;
    },
  });
  return positionOf(lines, offset ?? first);
}

/** The line and column of an offset in the document, for a UserError's `where` (none without an offset). */
function positionOf(lines: LineCounter, offset: number | undefined): { at?: { line: number; column: number } } {
  if (offset === undefined) return {};
  const pos = lines.linePos(offset);
  return { at: { line: pos.line, column: pos.col } };
}

/** Where the first alias to `name` is (its line and column), if the document holds one. */
function aliasAt(doc: Document, lines: LineCounter, name: string): { at?: { line: number; column: number } } {
  let offset: number | undefined;
  visit(doc, {
    Alias(_, alias) {
      if (alias.source !== name || alias.range === undefined || alias.range === null) return undefined;
      offset = alias.range[0];
      return visit.BREAK;
    },
  });
  return positionOf(lines, offset);
}

const atOf = (error: YAMLParseError) => {
  const pos = error.linePos?.[0];
  return pos ? { at: { line: pos.line, column: pos.col } } : {};
};

/** A YAML syntax error in a person's words where yaml-syntax.ts has them (an unclosed bracket or quote, an over-indented line), else the parser's. */
function yamlError(first: YAMLParseError, text: string, file: string): UserError {
  const reason = first.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
  const cause = yamlCause(text, first.code, reason, first.linePos?.[0]?.line);
  if (cause) return UserError.of('E_YAML', 'doc.yaml', { reason: cause.reason.en, reasonRu: cause.reason.ru }, { file, at: cause.at });
  const said = YAML_DETAILS.find(([start]) => reason.startsWith(start))?.[1] ?? YAML_ERRORS[first.code];
  return UserError.of('E_YAML', 'doc.yaml', { reason: said?.en ?? reason, reasonRu: said?.ru ?? reason }, { file, ...atOf(first) });
}

/** A JSON text begins with `{` and a quoted key (or `}`), or `[` and a JSON value: `{a: 1}`, `[a, b]` are YAML's flow style. */
const JSON_START = /^\uFEFF?[ \t\r\n]*(?:\{[ \t\r\n]*(?:["}]|$)|\[[ \t\r\n]*(?:["{[\]\d-]|true\b|false\b|null\b|$))/;

/**
 * Whether a document is read as JSON: `strict` for a .json file, or a text that begins as JSON does under another name
 * (stdin, no extension): it must be JSON (a trailing comma, which YAML took without a word, is refused); `likely` for a
 * .yaml/.yml file that begins so: YAML reads it, and a syntax error in it is said as JSON's. An empty file is neither.
 */
export function jsonReading(file: string, text: string): 'strict' | 'likely' | undefined {
  if (text.trim() === '') return undefined;
  if (/\.json$/i.test(file)) return 'strict';
  if (!JSON_START.test(text)) return undefined;
  return /\.ya?ml$/i.test(file) ? 'likely' : 'strict';
}

/** Throws the syntax error of a text JSON.parse refuses, said where it is, what it is and how to fix it (json-syntax.ts). */
function refuseInvalidJson(text: string, file: string): void {
  const body = text.replace(/^\uFEFF/, '');
  let position: number;
  try {
    JSON.parse(body);
    return;
  } catch (error) {
    position = Number(/position (\d+)/.exec(String(error))?.[1] ?? 0);
  }
  // The scan finds every error JSON.parse does; should one slip by, JSON.parse's own offset is said.
  const found = jsonCause(body) ?? jsonCauseAt(body, position);
  throw UserError.of('E_JSON', 'doc.json', { reason: found.reason.en, reasonRu: found.reason.ru, fix: found.fix.en, fixRu: found.fix.ru }, { file, at: found.at });
}

/**
 * The first key a map of the document holds twice, or a `__proto__` key (zod's records drop it without a word:
 * `deals.columns.__proto__: "#4"` was ignored while `foo` was refused), whichever comes first in the text: thrown at its
 * line and column. A duplicate is a scalar key equal to an earlier one of the same map, as the parser's `uniqueKeys`
 * compared them; in JSON (`json`) it is said as JSON's.
 */
function refuseKeys(doc: Document, text: string, file: string, lines: LineCounter, json: boolean): void {
  let first: { offset: number; kind: 'proto' | 'twice' | 'list' | 'map'; key: string } | undefined;
  const note = (offset: number | undefined, kind: 'proto' | 'twice' | 'list' | 'map', key = '') => {
    if (offset !== undefined && (first === undefined || offset < first.offset)) first = { offset, kind, key };
  };
  visit(doc, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        // A list or a map as a key (`[a]: yes`): the library made it a text with an English warning of Node's on stderr.
        // An alias to a list or a map is one too (`*a: yes`).
        const key = isAlias(pair.key) ? pair.key.resolve(doc) : pair.key;
        if (isCollection(key)) note((pair.key as { range?: [number, number, number] | null }).range?.[0], isSeq(key) ? 'list' : 'map');
        if (!isScalar(pair.key)) continue;
        if (pair.key.value === '__proto__') note(pair.key.range?.[0], 'proto');
        if (!seen.has(pair.key.value)) seen.add(pair.key.value);
        else note(pair.key.range?.[0], 'twice', String(pair.key.value));
      }
    },
  });
  if (first === undefined) return;
  const pos = lines.linePos(first.offset);
  const at = { line: pos.line, column: pos.col };
  if (first.kind === 'proto') throw UserError.of('E_YAML', 'doc.protoKey', {}, { file, at });
  if (first.kind === 'list' || first.kind === 'map') throw UserError.of('E_YAML', first.kind === 'list' ? 'doc.listKey' : 'doc.mapKey', {}, { file, at });
  if (json) {
    const word = /^"((?:[^"\\]|\\.)*)"/.exec(text.slice(first.offset, first.offset + 1000))?.[1] ?? '';
    const c = JSON_CAUSES.duplicateKey;
    throw UserError.of('E_JSON', 'doc.json', { reason: fill(c.reason.en, { word }), reasonRu: fill(c.reason.ru, { word }), fix: c.fix.en, fixRu: c.fix.ru }, { file, at });
  }
  throw UserError.of('E_YAML', 'doc.yamlKeyTwice', { key: first.key }, { file, at });
}

/**
 * A comma inside `{ … }` that ended a text: `basis: { ru: до 0,75 ч в день, en: … }` reads as ru «до 0»
 * and a key «75 ч в день» with no value, and the schema then said «в …basis.75 ч в день: ожидалось:
 * текст; получено null», with no line (a tester). A key with no value right after a pair whose value
 * is an unquoted text, the key itself a text (not an id), is that in a document a person writes: said
 * with its line and the quotes that fix it.
 */
function splitByComma(doc: Document, text: string, file: string, lines: LineCounter): void {
  visit(doc, {
    Map(_, map) {
      if (!map.flow) return;
      map.items.forEach((pair, i) => {
        const before = map.items[i - 1];
        if (i === 0 || pair.value !== null || !isScalar(pair.key) || pair.key.type !== 'PLAIN' || !isPair(before) || !isScalar(before.value) || before.value.type !== 'PLAIN') return;
        // A word an id could be (`journal.interactions`) is a key whose value was left out, which the schema names; a text has spaces or begins with a digit.
        if (/^[A-Za-z_][\w.-]*$/.test(String(pair.key.value))) return;
        const [from, to] = [before.value.range?.[0], pair.key.range?.[1]];
        if (from === undefined || to === undefined || !isScalar(before.key)) return;
        const pos = lines.linePos(pair.key.range![0]);
        const params = { key: String(pair.key.value), field: String(before.key.value), got: text.slice(from, before.value.range![1]), whole: text.slice(from, to) };
        throw UserError.of('E_YAML', 'doc.flowComma', params, { file, at: { line: pos.line, column: pos.col } });
      });
    },
  });
}
