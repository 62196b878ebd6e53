// io/documents: the line of a value a document's schema refuses, from the YAML parser's node positions.
import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node, type Pair, type YAMLMap } from 'yaml';
import { TOP_LEVEL, type UserError } from '../../core/errors.js';

/** `compare.targets.conversion`, `assert[2].expr`, `cost["a.b"]` as its keys and indices. */
function segments(path: string): Array<string | number> {
  const out: Array<string | number> = [];
  for (const m of path.matchAll(/\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]|([^.[\]]+)/g)) out.push(m[1] !== undefined ? Number(m[1]) : (m[2] ?? m[3]!));
  return out;
}

/**
 * The pair of a map whose key is one or more of the path's names from `i` joined by dots, the most names first: an id
 * with dots (`answers.erp.catalog`, said as a path) is one key of its map. The pair and how many names it took.
 */
function pairAt(map: YAMLMap, path: ReadonlyArray<string | number>, i: number): { pair: Pair; names: number } | undefined {
  let last = i;
  while (last + 1 < path.length && typeof path[last + 1] === 'string') last++;
  const names = new Map<string, number>();
  for (let end = i; end <= last; end++) names.set(path.slice(i, end + 1).join('.'), end - i + 1);
  let found: { pair: Pair; names: number } | undefined;
  for (const pair of map.items) {
    const n = isScalar(pair.key) ? names.get(String(pair.key.value)) : undefined;
    if (n !== undefined && n > (found?.names ?? 0)) found = { pair, names: n };
  }
  return found;
}

/** The offset a path points at: a key where the path ends in one (the key is what a person looks for), an item's start. */
function offsetOf(root: Node | null, path: ReadonlyArray<string | number>): number | undefined {
  let node: unknown = root;
  let at: number | undefined = root?.range?.[0];
  for (let i = 0; i < path.length; ) {
    const key = path[i]!;
    if (isSeq(node) && typeof key === 'number') {
      node = node.items[key];
      at = (node as Node | undefined)?.range?.[0];
      i++;
    } else if (isMap(node)) {
      const found = pairAt(node, path, i);
      if (!found) return undefined;
      node = found.pair.value;
      at = (found.pair.key as Node).range?.[0];
      i += found.names;
    } else return undefined;
    if (at === undefined) return undefined;
  }
  return at;
}

/**
 * Gives each error of a document's values (`where.path`) the line and column of that value in `text`: a value refused
 * in a config (`targets:` inside a flow map on line 6) was said by its key path only, and had to be searched for (a
 * tester). Errors whose path the document does not hold (the top level, a key a schema default filled) keep their path.
 */
export function withLines(errors: readonly UserError[], text: string): void {
  // A document without a refused value is not parsed again (every config and targets file a run loads).
  if (errors.length === 0) return;
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: false });
  for (const e of errors) {
    if (e.where.path === undefined || e.where.at !== undefined) continue;
    const path = segments(e.where.path);
    // An unknown key is said at the map that holds it; the key itself is where to look, where there is one.
    const unknown = e.messageId === 'doc.unknownKeys' ? /^"([^"]*)"$/.exec(String(e.params?.keys ?? '')) : null;
    const offset = (unknown ? offsetOf(doc.contents as Node | null, [...(e.where.path === TOP_LEVEL ? [] : path), unknown[1]!]) : undefined) ?? offsetOf(doc.contents as Node | null, path);
    if (offset === undefined) continue;
    const pos = lines.linePos(offset);
    e.where.at = { line: pos.line, column: pos.col };
  }
}

/**
 * The line and column of each path's value in `text` (undefined where the document holds none): for values
 * judged after the read (a config's assertion naming no metric is found once the result is known), which
 * were said by their path alone while the document's own errors had lines (a tester).
 */
export function linesOf(text: string, paths: readonly string[]): Array<{ line: number; column: number } | undefined> {
  if (paths.length === 0) return [];
  const lines = new LineCounter();
  const doc = parseDocument(text, { lineCounter: lines, uniqueKeys: false });
  return paths.map((p) => {
    const offset = offsetOf(doc.contents as Node | null, segments(p));
    if (offset === undefined) return undefined;
    const pos = lines.linePos(offset);
    return { line: pos.line, column: pos.col };
  });
}
