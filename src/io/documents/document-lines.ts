// io/documents: the line of a value a document's schema refuses, from the YAML parser's node positions.
import { isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import { TOP_LEVEL, type UserError } from '../../core/errors.js';

/** `compare.targets.conversion`, `assert[2].expr`, `cost["a.b"]` as its keys and indices. */
function segments(path: string): Array<string | number> {
  const out: Array<string | number> = [];
  for (const m of path.matchAll(/\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]|([^.[\]]+)/g)) out.push(m[1] !== undefined ? Number(m[1]) : (m[2] ?? m[3]!));
  return out;
}

/** The offset a path points at: a key where the path ends in one (the key is what a person looks for), an item's start. */
function offsetOf(root: Node | null, path: ReadonlyArray<string | number>): number | undefined {
  let node: unknown = root;
  let at: number | undefined = root?.range?.[0];
  for (const key of path) {
    if (isSeq(node) && typeof key === 'number') {
      node = node.items[key];
      at = (node as Node | undefined)?.range?.[0];
    } else if (isMap(node)) {
      const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && String(p.key.value) === String(key));
      if (!pair) return undefined;
      node = pair.value;
      at = (pair.key as Node).range?.[0];
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
