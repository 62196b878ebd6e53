import { closest, skippedWithoutBaseline } from './assert-paths.js';
import { UserError, type Where } from './errors.js';
import { holdsNumber } from './kpi/stats.js';
import { ASSERT_SYNTAX, fill, type Params } from './messages.js';
import { ambiguousComma, readTypedNumber } from './option-values.js';

export type Operator = '>=' | '<=' | '>' | '<' | '==' | '!=';
export type AssertValue = number | boolean | string | null;

/** A parsed assertion: `managers.*.response_min_median<=30`. */
export interface Assertion {
  source: string;
  path: string[];
  op: Operator;
  value: AssertValue;
  /** The value as written (`20%`, `0,2`): a range check says it so, not as the number it reads. */
  valueText?: string;
  level: 'error' | 'warn';
  /** Where the assertion was written: `--assert`, or a config file and its `assert[i]`. */
  where?: Where;
}

export interface AssertionFailure {
  subject: string;
  /** The concrete path of the offending value (`managers`, `Иванов Иван`, `won`), for readable messages. */
  path: string[];
  value: unknown;
  /** Why a null value is not computed, where the result says it beside the value (a compare row's `not_applicable`). */
  reason?: string;
}

export interface AssertionResult {
  assertion: string;
  op: Operator;
  expected: AssertValue;
  level: 'error' | 'warn';
  passed: boolean;
  failures: AssertionFailure[];
  /**
   * Why a `warn` assertion was not judged: `no_baseline`, a `delta.*` check in a run without --baseline (the first
   * run of a CI job has no previous.json; an `error` one still stops the run, exit 2). It counts as passed.
   */
  skipped?: 'no_baseline';
}

const OPERATORS: Operator[] = ['>=', '<=', '==', '!=', '>', '<'];
/** The signs of mathematics for an operator, read as the operator they are. */
const SIGNS: Readonly<Record<string, Operator>> = { '≥': '>=', '≤': '<=', '≠': '!=' };
/** Operators written as another language writes them, or reversed: said with the one to write. */
const MISWRITTEN: ReadonlyArray<[string, Operator]> = [['=>', '>='], ['=<', '<='], ['<>', '!='], ['=', '==']];
/** The names a path starts with (report.ts ASSERTION_ROOTS says what produces each). */
const ROOTS = ['audit', 'total', 'managers', 'plan', 'compare', 'delta'];
/** The levels, and the words a report prints for them (`✗ ошибка`, `⚠ предупреждение`: a tester wrote those). */
const LEVELS: Readonly<Record<string, 'error' | 'warn'>> = { error: 'error', warn: 'warn', warning: 'warn', ошибка: 'error', предупреждение: 'warn' };
/** A level as written (`warn`, `warning`, `предупреждение`, any case), or undefined for a word that names none. */
export function assertLevel(word: string): 'error' | 'warn' | undefined {
  return LEVELS[word.trim().toLowerCase()];
}
const LEVEL_PREFIX = new RegExp(`^\\s*(${Object.keys(LEVELS).join('|')})\\s*:(?!:)`, 'iu');
/** Conditions joined in one assertion (`a>=1 && b>=2`, `a>=1; b>=2`): each is an assertion of its own. */
const JOINED = /^(&&?|\|\|?|;|,|and\b|or\b|и\s|или\s)/iu;

type Fail = (what: keyof typeof ASSERT_SYNTAX, at: number, params?: Params) => never;

/**
 * Parses `[LEVEL:]PATH OP VALUE`; LEVEL is `error` or `warn` (`warn:total.conversion>=0.2`; `warning`, and the words the Russian
 * report prints, `ошибка` and `предупреждение`, too) and wins over a default level; one that contradicts a level written beside
 * it (`levelGiven`: a config's `{expr, level}`) is refused. PATH is dot-separated names or `*` (names may be quoted:
 * `managers."Иванов Иван".won`); OP is one of >= <= > < == != (≥ ≤ ≠ read as them); VALUE is a number as targets take it
 * (readTypedNumber: a decimal dot or comma, `.2`, a trailing `%` or ` %` divides by 100), true, false, null or a quoted string.
 * A mistake is reported with a caret under the character where it is.
 */
export function parseAssertion(text: string, defaultLevel: 'error' | 'warn' = 'error', where: Where = { path: '--assert' }, levelGiven = false): Assertion {
  const prefix = LEVEL_PREFIX.exec(text);
  const level = prefix ? LEVELS[prefix[1]!.toLowerCase()]! : defaultLevel;
  // A CI gate must not turn into a warning unsaid: `{expr: 'warn:…', level: error}` says both.
  if (levelGiven && level !== defaultLevel) throw UserError.of('E_ASSERT_SYNTAX', 'assert.levelConflict', { prefix: prefix![1]!, level: defaultLevel }, where);
  const s = prefix ? text.slice(prefix[0].length) : text;
  const fail: Fail = (what, at, params = {}) => {
    const t = ASSERT_SYNTAX[what];
    throw UserError.of('E_ASSERT_SYNTAX', 'assert.syntax', { what: fill(t.en, params), whatRu: fill(t.ru, params), pos: at + 1, source: s, caret: ' '.repeat(at) }, where);
  };
  // A word and a colon before the path is a level, unless the word is a root mistyped with a colon for its dot (`total:won`).
  const other = prefix ? undefined : /^(\s*)([\p{L}\p{N}_-]+)\s*:(?!:)/u.exec(s);
  if (other && !ROOTS.includes(other[2]!.toLowerCase())) {
    const near = closest(other[2]!, Object.keys(LEVELS).filter((l) => l !== 'warning'));
    fail(near.length > 0 ? 'unknownLevelNear' : 'unknownLevel', other[1]!.length, { level: other[2]!, near: near[0] ?? '' });
  }
  const { path, end } = readPath(s, fail);
  const { op, end: afterOp } = readOperator(s, end, fail);
  const { value, at } = readValue(s, afterOp, fail);
  if (['>=', '<=', '>', '<'].includes(op) && typeof value !== 'number') fail('needsNumber', at, { op });
  return { source: s.trim(), path: canonicalPath(path), op, value, valueText: s.slice(at).trim(), level, where };
}

/**
 * A path as the tree holds it: `compare.payback.roi_12m` (as `compare --format json` nests the payback's figures) is
 * `compare.roi_12m`, where the README and the reports put them (tester T39 F3: the natural guess exited 2 with a
 * suggestion that did not exist either). Any other path is kept as written.
 */
export function canonicalPath(path: readonly string[]): string[] {
  return path.length >= 3 && path[0] === 'compare' && path[1] === 'payback' ? ['compare', ...path.slice(2)] : [...path];
}

const spaceFrom = (s: string, i: number) => i + (/^\s*/.exec(s.slice(i))![0].length);

/** The path at the start of `s` (after spaces): its names, and where the text after it (spaces skipped) starts. */
function readPath(s: string, fail: Fail): { path: string[]; end: number } {
  const path: string[] = [];
  let i = spaceFrom(s, 0);
  let last = i;
  for (;;) {
    last = i;
    if (s[i] === '"') {
      const end = s.indexOf('"', i + 1);
      if (end === -1) fail('unclosedQuote', i);
      path.push(s.slice(i + 1, end));
      i = end + 1;
    } else if (s[i] === '*') {
      path.push('*');
      i++;
    } else {
      const m = /^[\p{L}\p{N}_-]+/u.exec(s.slice(i));
      if (!m) fail(path.length === 0 ? 'expectedRoot' : 'expectedName', i);
      path.push(m![0]);
      i += m![0].length;
    }
    if (s[i] !== '.') break;
    i++;
  }
  if (/\s/.test(s[i] ?? '')) unquotedSpace(s, i, last, fail);
  return { path, end: spaceFrom(s, i) };
}

/**
 * A name with a space written without quotes (`managers.Антонов А.won>=1`): said with the quotes the README gives
 * (`managers."Антонов А".won>=1`), the caret on the space. Only when letters follow the space and an operator comes
 * later (`total.conversion 0.2` is a missing operator, said as one).
 */
function unquotedSpace(s: string, gap: number, start: number, fail: Fail): void {
  const after = spaceFrom(s, gap);
  const op = s.slice(after).search(/[<>=!≥≤≠]/u);
  if (!/^\p{L}/u.test(s.slice(after)) || op === -1 || s[start] === '"' || s[start] === '*') return;
  const until = after + op - (/\s*$/.exec(s.slice(start, after + op))![0].length);
  const [name, ...rest] = s.slice(start, until).split('.');
  const example = `${s.slice(0, start)}"${name}"${rest.map((r) => `.${r}`).join('')}${s.slice(until)}`.trim();
  fail('unquotedName', gap, { name: name!, example });
}

/** The operator at `i` (≥ ≤ ≠ read as >= <= !=), and where the value after it (spaces skipped) starts. */
function readOperator(s: string, i: number, fail: Fail): { op: Operator; end: number } {
  const sign = SIGNS[s[i] ?? ''];
  if (sign) return { op: sign, end: spaceFrom(s, i + 1) };
  const miswritten = MISWRITTEN.find(([w]) => s.startsWith(w, i) && !OPERATORS.some((o) => o.length > w.length && s.startsWith(o, i)));
  if (miswritten) fail('operatorNear', i, { found: miswritten[0], op: miswritten[1] });
  const op = OPERATORS.find((o) => s.startsWith(o, i));
  if (!op) fail('expectedOperator', i);
  return { op: op!, end: spaceFrom(s, i + op!.length) };
}

/**
 * The value at `i` and nothing after it but spaces. What follows a whole value is said where it starts, as text after
 * the value (a tester: `0.2 && total.won>1` said «ожидалось число» under the 0): conditions joined (`&&`, `;`) are each
 * an assertion of its own; digits grouped with a space (`700 000`) are written together.
 */
function readValue(s: string, i: number, fail: Fail): { value: AssertValue; at: number } {
  if (i >= s.length) return fail('expectedValue', i);
  const rest = s.slice(i);
  const word = /^(true|false|null)(?![\p{L}\p{N}_])/iu.exec(rest);
  const quote = rest[0] === '"' || rest[0] === "'" ? rest.indexOf(rest[0], 1) : undefined;
  if (quote === -1) fail('unclosedQuote', i);
  let value: AssertValue;
  let length: number;
  if (word) {
    value = /^null$/i.test(word[1]!) ? null : word[1]!.toLowerCase() === 'true';
    length = word[0].length;
  } else if (quote !== undefined) {
    value = rest.slice(1, quote);
    length = quote + 1;
  } else {
    const n = readTypedNumber(rest);
    if (!n) return fail('expectedLiteral', i);
    if ('ambiguous' in n) ambiguous(rest.slice(0, n.length).trim(), n.ambiguous, n.percent, i, fail);
    value = 'value' in n ? n.value : 0;
    length = n.length;
    // 1e999 reads as Infinity (JSON writes it as null, the message «≤ Infinity»): refused, as --cost 1e309 is.
    if (!Number.isFinite(value)) fail('tooLarge', i, { value: rest.slice(0, length).trim() });
  }
  const after = spaceFrom(s, i + length);
  if (after < s.length) trailing(s, i, i + length, after, typeof value === 'number', fail);
  return { value, at: i };
}

/** Text after a whole value, said where it starts (digits after a space: at the space, with the digits written together). */
function trailing(s: string, start: number, end: number, after: number, isNumber: boolean, fail: Fail): never {
  const together = s.slice(start).replace(/[\s\u00a0\u202f]+/g, '');
  const whole = readTypedNumber(together);
  if (isNumber && after > end && /\d/.test(s[after]!) && whole && 'value' in whole && whole.length === together.length) fail('spacedDigits', end, { value: together });
  const junk = s.slice(after).trim();
  fail(JOINED.test(junk) ? 'joinedConditions' : 'afterValue', after, { junk });
}

/** An ambiguous comma (`1,500`: 1.5 or 1500?), refused with the forms that read one way only. */
function ambiguous(written: string, comma: { decimal: number; whole: number }, percent: boolean, at: number, fail: Fail): never {
  // Forms this rule reads one way only: the decimal with a fourth digit when it has three (5.754 → 5.7540; it suggested 5.754 itself), the whole without a mark, with the % as written.
  const decimal = ambiguousComma(String(comma.decimal)) ? `${comma.decimal}0` : String(comma.decimal);
  const unit = percent ? '%' : '';
  return fail('ambiguousComma', at, { value: written, decimal: `${decimal}${unit}`, decimalRu: `${decimal.replace('.', ',')}${unit}`, whole: `${comma.whole}${unit}` });
}

/** Every value a path selects, with a readable subject (`managers["Иванов Иван"].won`). */
export function select(root: unknown, path: readonly string[]): AssertionFailure[] {
  let current: AssertionFailure[] = [{ subject: '', path: [], value: root }];
  for (const [k, segment] of path.entries()) {
    const next: AssertionFailure[] = [];
    for (const { subject, path: at, value } of current) {
      const name = (key: string) => (k === 0 ? key : /^[\p{L}\p{N}_-]+$/u.test(key) && !/\s/.test(key) ? `${subject}.${key}` : `${subject}["${key}"]`);
      if (value === null || typeof value !== 'object') continue;
      if (segment === '*') {
        for (const [key, v] of Object.entries(value)) next.push({ subject: name(key), path: [...at, key], value: v });
      } else if (Object.prototype.hasOwnProperty.call(value, segment)) {
        next.push({ subject: name(segment), path: [...at, segment], value: (value as Record<string, unknown>)[segment] });
      }
    }
    current = next;
  }
  return current;
}

function holds(actual: unknown, op: Operator, expected: AssertValue): boolean {
  // Numbers compare allowing floating-point error: a +20% change meets `>=0.2`.
  if (typeof actual === 'number' && typeof expected === 'number') return holdsNumber(actual, op, expected);
  if (op === '==') return actual === expected;
  // A null (not computed) fails `!=` too: `met!=false` must not pass when nothing was measured; `!=null` asks for a value.
  if (op === '!=') return actual !== null && actual !== expected;
  return false;
}

/** The value of the one failure of a path that selects nothing (a `*` over an empty group). */
export const NOTHING_MATCHES = 'nothing matches this path';

/**
 * Evaluates an assertion over a subject tree. Every selected value must hold; a path that selects
 * nothing fails (a typo must not pass silently); a null (not applicable) fails a comparison.
 */
export function evaluate(assertion: Assertion, tree: unknown): AssertionResult {
  if (tree !== null && typeof tree === 'object' && skippedWithoutBaseline(assertion, tree as Record<string, unknown>)) {
    return { assertion: assertion.source, op: assertion.op, expected: assertion.value, level: assertion.level, passed: true, failures: [], skipped: 'no_baseline' };
  }
  const selected = select(tree, assertion.path);
  const failures = selected.length === 0 ? [{ subject: assertion.path.join('.'), path: [...assertion.path], value: NOTHING_MATCHES }] : selected.filter((x) => !holds(x.value, assertion.op, assertion.value)).map((f) => withReason(f, tree));
  return { assertion: assertion.source, op: assertion.op, expected: assertion.value, level: assertion.level, passed: failures.length === 0, failures };
}

/**
 * Where a subject tree keeps the reasons of its metrics not computed, by metric (a kpi result's
 * notApplicable): for `total.<metric>` and `managers.<name>.<metric>`, which have none beside them. A
 * symbol: no path selects it.
 */
export const METRIC_REASONS = Symbol('crm-audit.metricReasons');

/**
 * A null failure with the reason its result gives: the nearest `not_applicable` above it (a compare row's,
 * the payback's at `compare.not_applicable`, the plan's), else its metric's (METRIC_REASONS). A gate on
 * `met` of an empty row said «нет данных ≠ да» and never why, and one on `total.response_min_median`
 * without a calls file still does not (testers).
 */
function withReason(failure: AssertionFailure, tree: unknown): AssertionFailure {
  if (failure.value !== null) return failure;
  // A compare row's reason is its own: `compare.not_applicable` is the payback's, for the payback's fields (two deep) only (a reviewer).
  const highest = failure.path[0] === 'compare' ? failure.path.length - 1 : 1;
  for (let end = failure.path.length - 1; end >= highest; end--) {
    const above = select(tree, failure.path.slice(0, end))[0]?.value;
    const reason = above !== null && typeof above === 'object' ? (above as { not_applicable?: unknown }).not_applicable : undefined;
    if (typeof reason === 'string') return { ...failure, reason };
  }
  const byMetric = tree !== null && typeof tree === 'object' ? (tree as { [METRIC_REASONS]?: Record<string, string> })[METRIC_REASONS] : undefined;
  const metric = failure.path[failure.path.length - 1]!;
  const reason = (failure.path[0] === 'total' || failure.path[0] === 'managers') && byMetric && Object.hasOwn(byMetric, metric) ? byMetric[metric] : undefined;
  return reason !== undefined ? { ...failure, reason } : failure;
}
