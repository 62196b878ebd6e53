import { isMap, isScalar, parseDocument, Scalar, visit, type YAMLMap, type YAMLSeq } from 'yaml';
import { UserError, UserErrors, userErrorMessage } from '../core/errors.js';

/**
 * One --map document from several: the first (the user's map, as written: its comments and answers
 * kept) with each later one's entries set into it by their path (kind → section → key), a later one
 * winning on the same key. A snippet built this way, pasted as the map, repeats none of the questions
 * the map answered: the second snippet of a run given the first dropped the first's answer, and a user
 * pasting each in turn went round in a loop.
 */
export function mergeMapDocuments(base: string, ...more: string[]): string {
  // A map of comments alone (what `map` writes with nothing to decide) has no contents to set into.
  const given = parseDocument(base);
  const doc = isMap(given.contents) ? given : parseDocument(`${base}${base === '' || base.endsWith('\n') ? '' : '\n'}{}\n`);
  const into = (at: readonly string[], node: YAMLMap) => {
    for (const pair of node.items) {
      const key = [...at, String(isScalar(pair.key) ? pair.key.value : pair.key)];
      const there = doc.getIn(key, true);
      if (isMap(pair.value) && isMap(there)) into(key, pair.value);
      else {
        doc.setIn(key, pair.value);
        if (there === undefined) keepTrailingAbove(at.length === 0 ? doc.contents : doc.getIn(at, true));
      }
    }
  };
  for (const text of more) {
    const add = parseDocument(text);
    if (isMap(add.contents)) into([], add.contents);
    // Comments of a whole document (a map's note of the columns not found, its managers commented out) are kept, after the given ones.
    if (add.commentBefore) doc.commentBefore = doc.commentBefore ? `${doc.commentBefore}\n${add.commentBefore}` : add.commentBefore;
    if (add.comment) doc.comment = doc.comment ? `${doc.comment}\n${add.comment}` : add.comment;
  }
  // Block style throughout: a snippet's commented lines set into a flow map (`deals: {columns: …}`) came out as braces around comments.
  // A comment after a value is marked, to be written four spaces after it, as every snippet writes it (the library writes one).
  const mark = (node: { comment?: string | null }) => {
    if (node.comment && !node.comment.startsWith(AFTER_VALUE)) node.comment = AFTER_VALUE + node.comment;
  };
  // A block map's own comment is lines after its values (`# другие колонки: …`), written as lines; a flow map's follows it on its line.
  const block = (node: YAMLMap | YAMLSeq) => {
    if (node.flow) mark(node);
    node.flow = false;
  };
  visit(doc, { Map: (_, node) => void (block(node), splitTrailing(node)), Seq: (_, node) => block(node), Scalar: (_, node) => mark(node) });
  // Every line of a comment is a comment: the second line of one after a value was written bare (a commented `# direction: "Тип"` came out a live key, and the map no YAML).
  return doc.toString({ lineWidth: 0, commentString: (c) => (c.startsWith(AFTER_VALUE) ? `   #${c.slice(1).replace(/\n(?!$)(?: )?/g, '\n#')}` : c.replace(/^(?!$)(?: $)?/gm, '#')) });
}

/**
 * A map's comment lines after its last value (a snippet's commented alternative, `# direction: "Тип"`)
 * stay above a key set after them: they were written after it, away from the value they follow.
 */
function keepTrailingAbove(node: unknown): void {
  if (!isMap(node) || !node.comment || node.items.length < 2) return;
  const added = node.items[node.items.length - 1]!;
  const key = isScalar(added.key) ? added.key : (added.key = new Scalar(added.key));
  key.commentBefore = node.comment;
  node.comment = undefined;
}

/**
 * The comment lines under a value (a snippet's commented alternative, `# direction: "Тип"`) are read by
 * the YAML library as more lines of the value's own comment: they are given back to the next key (or
 * to the map's end), so that the value keeps its one-line comment and the lines stay where they stood.
 */
function splitTrailing(map: YAMLMap): void {
  map.items.forEach((pair, i) => {
    const value = pair.value;
    if (!isScalar(value) || !value.comment?.includes('\n')) return;
    const [first, ...rest] = value.comment.split('\n');
    value.comment = first;
    const lines = rest.join('\n');
    const next = map.items[i + 1];
    if (next) {
      // A key set from another snippet is a plain value, with no node to hold a comment: it is given one.
      const key = isScalar(next.key) ? next.key : (next.key = new Scalar(next.key));
      key.commentBefore = key.commentBefore ? `${lines}\n${key.commentBefore}` : lines;
    } else map.comment = map.comment ? `${map.comment}\n${lines}` : lines;
  });
}

/** The mark of a comment written after a value (a control character no comment of a YAML file holds). */
const AFTER_VALUE = '\u0001';

/**
 * Every question a run without a terminal would have asked, as one error: each named, then one snippet
 * that answers them all, built on the --map the run was given (`given`: its text; `mapFile`: its name).
 * One question and no map given: that question's own error, as it was.
 */
export function undecidedTogether(errors: readonly UserError[], given: string | undefined, mapFile: string | undefined): UserError {
  if (errors.length === 1 && mapFile === undefined) return errors[0]!;
  const snippets = (key: 'snippet' | 'snippetRu') => errors.map((e) => e.params?.[key]).filter((s): s is string => typeof s === 'string');
  const inspect = errors.map((e) => e.params?.inspect).find((s): s is string => typeof s === 'string');
  const stages = errors.some((e) => e.code === 'E_STAGES_UNDECIDED');
  // The status column's values alone (deal-reader's unknownIsStatus) are a status's, not a stage's.
  const statuses = stages && errors.every((e) => e.code !== 'E_STAGES_UNDECIDED' || e.messageId === 'import.statusesUndecided');
  const both = stages && !statuses && errors.some((e) => e.messageId === 'import.stagesStatusesUndecided' || e.messageId === 'import.statusesUndecided');
  const params = {
    snippet: mergeMapDocuments(given ?? '', ...snippets('snippet')).trimEnd(),
    snippetRu: mergeMapDocuments(given ?? '', ...snippets('snippetRu')).trimEnd(),
    given: mapFile === undefined ? '' : mapFile === '-' ? ' (the snippet holds the map read from stdin already)' : ` (the snippet holds your ${mapFile} already, and can replace it)`,
    givenRu: mapFile === undefined ? '' : mapFile === '-' ? ' (фрагмент уже содержит --map, прочитанный со стандартного ввода)' : ` (фрагмент уже содержит ваш ${mapFile}: им можно его заменить)`,
    inspect: inspect === undefined ? '' : ` (${inspect} shows the values of each column)`,
    inspectRu: inspect === undefined ? '' : ` (${inspect} покажет значения колонок)`,
    stages: statuses ? ' (a status is won, lost or open)' : both ? ' (a stage or a status is won, lost or open)' : stages ? ' (a stage is won, lost or open)' : '',
    stagesRu: statuses ? ' (статус: won — выигрыш, lost — проигрыш, open — в работе)' : both ? ' (этап или статус: won — выигрыш, lost — проигрыш, open — в работе)' : stages ? ' (этап: won — выигрыш, lost — проигрыш, open — открыт)' : '',
  };
  const item = (e: UserError, last: boolean) => UserError.of(e.code, last ? 'map.undecidedTogether' : 'map.undecidedItem', { ...(last ? params : {}), message: userErrorMessage(e, 'en'), messageRu: userErrorMessage(e, 'ru') }, e.where);
  const all = errors.map((e, i) => item(e, i === errors.length - 1));
  return all.length === 1 ? all[0]! : new UserErrors(all);
}
