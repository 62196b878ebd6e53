import { isPair, isScalar, LineCounter, parseDocument, visit, YAMLParseError, type Document } from 'yaml';
import { UserError } from '../../core/errors.js';
import { YAML_ERRORS_RU } from '../../core/messages/documents.js';
import { yamlCause } from './yaml-syntax.js';

/** At most this many alias dereferences per document: stops "billion laughs" expansion. */
export const MAX_YAML_ALIASES = 100;

/**
 * Parses YAML (JSON is YAML too) into plain data. Syntax errors name the line and column; alias
 * expansion is bounded; duplicate keys are errors.
 */
export function parseYaml(text: string, file: string): unknown {
  const lines = new LineCounter();
  // The parser's own duplicate check compares each key with every key before it (20 000 keys took 2.8 s): keys are checked here, once each.
  const doc = parseDocument(text, { uniqueKeys: false, prettyErrors: true, strict: true, lineCounter: lines });
  const first = doc.errors[0] ?? duplicateKey(doc, lines);
  if (first) {
    const pos = first.linePos?.[0];
    // The library's one exhaustion while composing: its call stack ran out on collections nested thousands deep.
    if (first.code === 'RESOURCE_EXHAUSTION') throw UserError.of('E_YAML', 'doc.tooDeep', {}, { file, ...(pos ? { at: { line: pos.line, column: pos.col } } : {}) });
    const reason = first.message.split('\n')[0]!.replace(/ at line \d+, column \d+:?$/, '');
    // An unclosed bracket or quote, an over-indented line: said where it is and how to fix it (yaml-syntax.ts).
    const cause = yamlCause(text, first.code, reason, pos?.line);
    if (cause) throw UserError.of('E_YAML', 'doc.yaml', { reason: cause.reason.en, reasonRu: cause.reason.ru }, { file, at: cause.at });
    throw UserError.of('E_YAML', 'doc.yaml', { reason, reasonRu: YAML_ERRORS_RU[first.code] ?? reason }, { file, ...(pos ? { at: { line: pos.line, column: pos.col } } : {}) });
  }
  splitByComma(doc, text, file, lines);
  try {
    return doc.toJS({ maxAliasCount: MAX_YAML_ALIASES });
  } catch (error) {
    if (error instanceof RangeError) throw UserError.of('E_YAML', 'doc.tooDeep', {}, { file });
    throw UserError.of('E_YAML', 'doc.yamlAliases', { max: MAX_YAML_ALIASES }, { file });
  }
}

/**
 * The first key a map of the document holds twice (the first in the text, as the parser said it), as the parser's
 * own error: a scalar key equal to an earlier one of the same map, as its `uniqueKeys` check compared them.
 */
function duplicateKey(doc: Document, lines: LineCounter): YAMLParseError | undefined {
  let first: number | undefined;
  visit(doc, {
    Map(_, map) {
      const seen = new Set<unknown>();
      for (const pair of map.items) {
        if (!isScalar(pair.key)) continue;
        const start = pair.key.range?.[0];
        if (!seen.has(pair.key.value)) seen.add(pair.key.value);
        else if (start !== undefined && (first === undefined || start < first)) first = start;
      }
    },
  });
  if (first === undefined) return undefined;
  const error = new YAMLParseError([first, first + 1], 'DUPLICATE_KEY', 'Map keys must be unique');
  error.linePos = [lines.linePos(first)];
  return error;
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
