import { canonicalPath, type Assertion } from './assert.js';
import { VERDICTS } from './audit/types.js';
import { DEFAULT_TARGETS } from './compare.js';
import { UserError, UserErrors } from './errors.js';
import { METRICS } from './kpi/catalog.js';
import type { Text } from './i18n.js';
import { fill, type MessageId, type Params } from './messages.js';
import { RANGE_TEXT } from './messages/documents.js';
import { rangeProblem, type RangeKind } from './value-range.js';

/** Edit distance (insert, delete, substitute, swap of neighbours), for "did you mean". */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      d[i]![j] = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d[i]![j] = Math.min(d[i]![j]!, d[i - 2]![j - 2]! + 1);
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * The names closest to `name` (case-insensitive), best first; at most three, none when nothing is
 * close: a third of the name's letters may differ, one at least (two in «foo» made it «won»).
 */
export function closest(name: string, candidates: Iterable<string>): string[] {
  const lower = name.toLowerCase();
  const limit = Math.max(1, Math.floor(name.length / 3));
  return [...new Set(candidates)]
    .map((c) => ({ c, d: editDistance(lower, c.toLowerCase()) }))
    .filter((x) => x.d <= limit || x.c.toLowerCase().startsWith(lower) || lower.startsWith(x.c.toLowerCase()))
    .sort((x, y) => x.d - y.d || x.c.localeCompare(y.c))
    .slice(0, 3)
    .map((x) => x.c);
}

/**
 * Whether an assertion is skipped in this run, not judged: a warning on `delta.*` without a previous result to
 * compare with (a tester: the README's CI job failed its first run, before any previous.json, on a `warn:` check).
 */
export function skippedWithoutBaseline(assertion: Pick<Assertion, 'level' | 'path'>, tree: Readonly<Record<string, unknown>>): boolean {
  return assertion.level === 'warn' && assertion.path[0] === 'delta' && !('delta' in tree);
}

const isGroup = (v: unknown): v is Record<string, unknown> => v !== null && typeof v === 'object' && !Array.isArray(v);
const show = (path: readonly string[]) => path.map((p, i) => (p === '*' || /^[\p{L}\p{N}_-]+$/u.test(p) ? p : `"${p}"`).replace(/^/, i === 0 ? '' : '.')).join('');

/**
 * What a quoted value on a text path may be, when the run knows it: the bands of the questionnaire in use (their ids
 * are what `audit.band` and `audit.evidence.band` hold; their titles, in each language, are said to be no id).
 * A verdict path (`audit.evidence.<criterion>`) is always checked against the five verdicts.
 */
export interface AssertionValues {
  bands?: readonly { id: string; title: Readonly<Record<string, string>> }[];
}

/**
 * Checks every assertion's path against the shape of the tree it will be judged on, before judging:
 * the valid names are read from the tree itself, so a new result key is assertable without a list to edit.
 * A name that is not there fails with the closest names ("did you mean"); a root that this run does not
 * produce, or a part of one only some inputs produce (`audit.evidence`, `compare.payback_months`), fails
 * saying what would produce it (`absentRoots`, keyed by the dotted path; `*` in second place for any name).
 */
export function checkAssertionPaths(assertions: readonly Assertion[], tree: Record<string, unknown>, absentRoots: Readonly<Record<string, Text>>, values: AssertionValues = {}): void {
  const errors: UserError[] = [];
  for (const a of assertions) {
    // A warning on delta.* without --baseline is skipped, not refused (the first run of a CI job).
    if (skippedWithoutBaseline(a, tree)) continue;
    const problem = pathProblem(a, tree, absentRoots, values);
    if (problem) errors.push(UserError.of('E_ASSERT_PATH', problem.id, { source: a.source, ...problem.params }, a.where ?? { path: '--assert' }));
  }
  if (errors.length === 1) throw errors[0]!;
  if (errors.length > 1) throw new UserErrors(errors);
}

function pathProblem(a: Assertion, tree: Record<string, unknown>, absentRoots: Readonly<Record<string, Text>>, values: AssertionValues): { id: MessageId; params: Params } | undefined {
  let nodes: unknown[] = [tree];
  for (const [i, segment] of a.path.entries()) {
    // A `*` over an empty group (no manager in both runs) leaves nothing to check the rest against.
    if (nodes.length === 0) return undefined;
    const groups = nodes.filter(isGroup);
    const here = show(a.path.slice(0, i));
    if (groups.length === 0) {
      return { id: 'assertPath.value', params: { here, segment } };
    }
    const names = new Set(groups.flatMap((g) => Object.keys(g)));
    if (segment === '*') {
      nodes = groups.flatMap((g) => Object.values(g));
      continue;
    }
    if (!names.has(segment)) {
      // A root this run does not produce (compare.* without a cutover), or a part of one (audit.evidence without exports).
      const part = a.path.slice(0, i + 1).join('.');
      // A key with `*` in second place stands for any name there (managers.*.cac: any manager's).
      const need = absentRoots[part] ?? (i >= 2 ? absentRoots[[a.path[0], '*', ...a.path.slice(2, i + 1)].join('.')] : undefined);
      if (need) return { id: 'assertPath.absentRoot', params: { segment: part, needRu: need.ru ?? '', need: need.en ?? '' } };
      const list = [...names].sort().slice(0, 12).join(', ') + (names.size > 12 ? ', …' : '');
      const suggestion = suggestions(a.path, i, closest(segment, names), names, tree);
      const near = suggestion;
      const params = { segment, list, inHere: here ? ` in ${here}` : '', inHereRu: here ? ` в ${here}` : '', suggestions: suggestion.join(' or '), suggestionsRu: suggestion.join(' или ') };
      return { id: near.length > 0 ? 'assertPath.didYouMean' : 'assertPath.noName', params };
    }
    nodes = groups.filter((g) => Object.prototype.hasOwnProperty.call(g, segment)).map((g) => g[segment]);
  }
  const untargeted = noTarget(a, tree);
  if (untargeted) return untargeted;
  if (nodes.length > 0 && nodes.every(isGroup) && a.op !== '==' && a.op !== '!=') {
    const names = [...new Set(nodes.flatMap((n) => Object.keys(n as object)))].sort();
    const list = names.slice(0, 12).join(', ') + (names.length > 12 ? ', …' : '');
    return { id: 'assertPath.group', params: { path: show(a.path), list } };
  }
  return typeProblem(a, nodes, values) ?? rangeOfValue(a);
}

/**
 * `compare.<row>.met` or `.target` of a row this run set no target for: always null, so the gate could never pass, and it
 * failed for ever saying «нет данных» / "no data" though the data were there (a tester). Refused before judging, naming
 * the rows and how a target is set; with `*`, also the rows that have one. `==null` asks for exactly that, and is judged.
 */
function noTarget(a: Assertion, tree: Record<string, unknown>): { id: MessageId; params: Params } | undefined {
  const [root, row, field] = a.path;
  if (root !== 'compare' || a.path.length !== 3 || (field !== 'met' && field !== 'target') || (a.op === '==' && a.value === null)) return undefined;
  const rows = isGroup(tree.compare) ? Object.entries(tree.compare).filter(([id, r]) => (row === '*' || id === row) && isGroup(r) && 'target' in r) : [];
  const without = rows.filter(([, r]) => (r as { target: unknown }).target === null).map(([id]) => id);
  if (without.length === 0) return undefined;
  const targeted = rows.filter(([, r]) => (r as { target: unknown }).target !== null).map(([id]) => `compare.${id}.${field}`);
  const path = show(a.path);
  const ids = Object.keys(DEFAULT_TARGETS);
  const both = (and: string) => (ids.length > 1 ? `${ids.slice(0, -1).join(', ')} ${and} ${ids.at(-1)}` : ids.join(''));
  const only = row === '*' && targeted.length > 0 ? { only: `; or assert only the rows that have one: ${targeted.join(', ')}`, onlyRu: `; или проверяйте только строки с целью: ${targeted.join(', ')}` } : { only: '', onlyRu: '' };
  return { id: 'assertPath.noTarget', params: { path, rows: without.join(', '), row: without[0]!, defaults: both('and'), defaultsRu: both('и'), ...only } };
}

type Kind = 'number' | 'boolean' | 'string';
const kindOf = (v: unknown): Kind | undefined => (typeof v === 'number' || typeof v === 'boolean' || typeof v === 'string' ? (typeof v as Kind) : undefined);
const VALUE_KIND: Record<Kind, { ru: string; en: string }> = { number: { ru: 'число', en: 'a number' }, boolean: { ru: 'true или false', en: 'true or false' }, string: { ru: 'строка', en: 'text' } };

/**
 * An assertion whose value can never match what its path holds: an ordering operator on a band id or a yes/no
 * (`audit.band>=1`), or `==`/`!=` of another type (`total.conversion==true`, `audit.total=='leader'`). Judged it would
 * only fail (or, with `!=`, always pass), so it is a usage error, said with what the path holds and how to write it.
 * The kind is read from the values this run has: a null (not computed here, a number in another run) says nothing,
 * so a path whose every value is null passes; values of more than one kind (`audit.evidence.*`) are left to judging.
 */
function typeProblem(a: Assertion, nodes: readonly unknown[], known: AssertionValues): { id: MessageId; params: Params } | undefined {
  if (a.value === null) return undefined;
  const values = nodes.filter((n) => kindOf(n) !== undefined);
  const kinds = new Set(values.map(kindOf));
  if (kinds.size !== 1) return undefined;
  const kind = kindOf(values[0])!;
  const ordering = a.op !== '==' && a.op !== '!=';
  if (ordering ? kind === 'number' : kind === kindOf(a.value)) return typeof a.value === 'string' ? valueProblem(a, a.value, known) : undefined;
  const path = show(a.path);
  const { holds, holdsRu, example } = describeValues(a.path, kind, values[0]);
  const params = { path, holds, holdsRu, op: a.op, example, value: VALUE_KIND[kindOf(a.value)!].en, valueRu: VALUE_KIND[kindOf(a.value)!].ru };
  return { id: ordering ? 'assertPath.needsNumber' : 'assertPath.otherType', params };
}

/** What a path's values are, in words (a number, yes/no, a band id such as «leader»), and an assertion that fits them. */
function describeValues(at: readonly string[], kind: Kind, sample: unknown): { holds: string; holdsRu: string; example: string } {
  const path = show(at);
  if (kind === 'number') {
    const n = sample as number;
    const near = Math.abs(n) < 10 ? Number(n.toFixed(2)) : Math.round(n);
    return { holds: VALUE_KIND.number.en, holdsRu: VALUE_KIND.number.ru, example: `${path}>=${near}` };
  }
  if (kind === 'boolean') return { holds: 'yes/no (true or false)', holdsRu: 'да/нет (true или false)', example: `${path}==true` };
  const text = sample as string;
  // An id (a band, a verdict, a direction) is shown; other text (a reason in English) is not, and is asserted on as present or not.
  if (!/^[a-z][a-z0-9-]{0,30}$/.test(text)) return { holds: 'text', holdsRu: 'текст', example: `${path}!=null` };
  const last = at.filter((p) => p !== '*').at(-1);
  const example = `${path}=='${text}'`;
  if (last === 'band') return { holds: `a band id such as ${text}`, holdsRu: `id уровня, например ${text}`, example };
  if (at[0] === 'audit' && at[1] === 'evidence') return { holds: `a verdict such as ${text}`, holdsRu: `вердикт, например ${text}`, example };
  return { holds: `text such as ${text}`, holdsRu: `текст, например ${text}`, example };
}

/**
 * A quoted value that is none of the values the path can hold: a misspelt band id or verdict (`audit.band!='not-startd'`)
 * would make `==` always fail and `!=` always pass, a gate switched off by a typo (a tester). Said with the closest
 * value, or, for a band's title (`audit.band=='Лидер'`), with its id: the tree holds ids, the same in every language.
 */
function valueProblem(a: Assertion, value: string, known: AssertionValues): { id: MessageId; params: Params } | undefined {
  const domain = valueDomain(a.path, known);
  if (!domain || domain.ids.includes(value)) return undefined;
  const path = show(a.path);
  const rewrite = (id: string) => `${path}${a.op}'${id}'`;
  const titled = known.bands?.find((b) => Object.values(b.title).some((t) => t.trim().toLowerCase() === value.trim().toLowerCase()));
  if (domain.kind === 'band' && titled) return { id: 'assertPath.bandTitle', params: { path, value, band: titled.id, example: rewrite(titled.id) } };
  const near = value.trim() === '' ? [] : closest(value, domain.ids);
  const suggestions = near.map(rewrite);
  const always = a.op === '==' ? { outcome: 'fail', outcomeRu: 'проваливалась бы' } : { outcome: 'pass', outcomeRu: 'проходила бы' };
  const params = { path, value, ...domain.words, ...always, suggestions: suggestions.join(' or '), suggestionsRu: suggestions.join(' или ') };
  return { id: near.length > 0 ? 'assertPath.valueDidYouMean' : 'assertPath.unknownValue', params };
}

/** The values a text path holds, when they are known: band ids on `audit.band` and `audit.evidence.band`, verdicts on `audit.evidence.<criterion>`. */
function valueDomain(at: readonly string[], known: AssertionValues): { kind: 'band' | 'verdict'; ids: readonly string[]; words: Params } | undefined {
  if (at[0] !== 'audit') return undefined;
  const band = (at.length === 2 && at[1] === 'band') || (at.length === 3 && at[1] === 'evidence' && at[2] === 'band');
  if (band) {
    if (!known.bands) return undefined;
    const ids = known.bands.map((b) => b.id);
    const titled = (lang: string) =>
      known
        .bands!.map((b) => {
          const t = b.title[lang] ?? Object.values(b.title)[0];
          return t ? `${b.id} (${lang === 'ru' ? `«${t}»` : `"${t}"`})` : b.id;
        })
        .join(', ');
    return { kind: 'band', ids, words: { what: 'a band id of this questionnaire', whatRu: 'id уровня этой анкеты', holds: 'band ids', holdsRu: 'id уровней', list: titled('en'), listRu: titled('ru') } };
  }
  if (at[1] === 'evidence' && at.length >= 3 && at[2] !== 'total' && at[2] !== 'band') {
    const list = VERDICTS.join(', ');
    return { kind: 'verdict', ids: VERDICTS, words: { what: 'a verdict', whatRu: 'вердикт', holds: 'verdicts', holdsRu: 'вердикты', list, listRu: list } };
  }
  return undefined;
}

/**
 * The shares a path may end in: the catalogue's ratios, each a part of a whole, from 0 to 1 — but paid_share, which is
 * not (a payment log may hold more paid than invoiced). A share the catalogue gains is range-checked with no edit here.
 */
const SHARES = new Set(METRICS.filter((m) => m.format === 'ratio' && m.key !== 'paid_share').map((m) => m.key));

/** What a path's numbers are, where they are a change (`compare.<row>.change_pct`, `.target`) or a share (`total.conversion`, a share row's before or after). */
function rangeKind(at: readonly string[]): RangeKind | undefined {
  const [root, a, b] = at;
  if (root === 'compare' && at.length === 3) return b === 'change_pct' || b === 'target' ? 'change' : (b === 'before' || b === 'after') && SHARES.has(a!) ? 'share' : undefined;
  if ((root === 'total' && at.length === 2 && SHARES.has(a!)) || (root === 'managers' && at.length === 3 && SHARES.has(b!))) return 'share';
  return undefined;
}

/**
 * A number a change or a share can never be (`compare.conversion.change_pct>=20`: +2000%, for ever failing;
 * `compare.missed_share.after<=10`: 1000%, for ever passing): a percentage typed as a whole number, refused as a targets
 * file refuses it, by the same rule (rangeProblem), with the number written both ways.
 */
function rangeOfValue(a: Assertion): { id: MessageId; params: Params } | undefined {
  if (isShareChange(a.path)) return pointsOfValue(a);
  const kind = rangeKind(a.path);
  if (kind === undefined || typeof a.value !== 'number') return undefined;
  const written = a.valueText ?? String(a.value);
  const problem = rangeProblem(kind, a.value, written);
  const path = show(a.path);
  const holds = RANGE_TEXT.holds[kind];
  return problem && { id: 'assertPath.range', params: { path, rule: problem.en, ruleRu: problem.ru, holds: fill(holds.en, { path }), holdsRu: fill(holds.ru, { path }) } };
}

/** `compare.<share row>.change`: the change of a share, a fraction the tables print in percentage points. */
function isShareChange(at: readonly string[]): boolean {
  return at.length === 3 && at[0] === 'compare' && at[2] === 'change' && SHARES.has(at[1]!);
}

/** A number with no float tail (0.05, not 0.05000000000000001), with the language's minus. */
const plain = (n: number, minus: string) => String(Number(n.toPrecision(12))).replace('-', minus);

/**
 * A share's change out of −1…+1 (`compare.conversion.change>=5`: +500 п. п., a gate that could never pass; tester T39 F8):
 * refused as `.change_pct` and a share's `.before`/`.after` are, with exit 2. Points typed as a whole number (5 meant as
 * «+5 п. п.», without %) are shown written as a fraction: «5 → 0.05 (5 п. п.)»; a `5%` is 0.05 already and passes.
 */
function pointsOfValue(a: Assertion): { id: MessageId; params: Params } | undefined {
  if (typeof a.value !== 'number' || (a.value >= -1 && a.value <= 1)) return undefined;
  const written = (a.valueText ?? String(a.value)).trim();
  const path = show(a.path);
  const typed = !/%\s*$/.test(written) && Math.abs(a.value) <= 100;
  const rule = (lang: 'ru' | 'en'): string => {
    const what = RANGE_TEXT.points[lang];
    if (!typed) return fill(RANGE_TEXT[a.value as number > 1 ? 'above' : 'below'][lang], { value: written, what, max: '+1', min: lang === 'ru' ? '−1' : '-1' });
    const minus = lang === 'ru' ? '−' : '-';
    const points = plain(a.value as number, minus);
    return fill(RANGE_TEXT.pointsTyped[lang], { what, value: written, fraction: plain((a.value as number) / 100, minus), points: lang === 'ru' ? points.replace('.', ',') : points });
  };
  const holds = RANGE_TEXT.holds.points;
  return { id: 'assertPath.range', params: { path, rule: rule('en'), ruleRu: rule('ru'), holds: fill(holds.en, { path }), holdsRu: fill(holds.ru, { path }) } };
}

/** Whether a path selects at least one key of the tree (a null value counts: the key is there), `*` over any name. */
function pathExists(tree: unknown, path: readonly string[]): boolean {
  let nodes: unknown[] = [tree];
  for (const segment of path) {
    const groups = nodes.filter(isGroup);
    nodes = segment === '*' ? groups.flatMap((g) => Object.values(g)) : groups.filter((g) => Object.prototype.hasOwnProperty.call(g, segment)).map((g) => g[segment]);
    if (nodes.length === 0) return false;
  }
  return true;
}

/**
 * The paths to suggest for a name not found at `i`: the closest names there, the unknown name left out, or a name of that
 * level put before it (`payback.payback_months` → `compare.payback_months`), each only if the whole path exists in the tree,
 * as written or as canonicalPath reads it (tester T39 F3: `compare.payback.roi_12m` was offered `compare.payback_months.roi_12m`,
 * a path that failed in turn). At most three, the closest names first.
 */
function suggestions(path: readonly string[], i: number, near: readonly string[], names: ReadonlySet<string>, tree: unknown): string[] {
  const before = path.slice(0, i);
  const rest = path.slice(i + 1);
  const fits = (c: readonly string[]) => c.length > 0 && pathExists(tree, canonicalPath(c));
  // A name put before it: `*` for every one where that fits (`managers.won` → `managers.*.won`, not one manager's), else each name.
  const every = [...before, '*', ...path.slice(i)];
  const inserted = i > 0 && fits(every) ? [every] : [...names].sort().map((n) => [...before, n, ...path.slice(i)]);
  // The name left out only with names after it: `total.convertion` is no typo of `total`, a group.
  const candidates = [...near.map((n) => [...before, n, ...rest]), ...(rest.length > 0 ? [[...before, ...rest]] : []), ...inserted];
  return [...new Set(candidates.filter(fits).map((c) => show(canonicalPath(c))))].slice(0, 3);
}
