import { closest } from './assert-paths.js';
import { UserError, type Where } from './errors.js';
import { holdsNumber } from './kpi/stats.js';
import { ASSERT_SYNTAX, fill, type Params } from './messages.js';
import { ambiguousComma } from './option-values.js';

export type Operator = '>=' | '<=' | '>' | '<' | '==' | '!=';
export type AssertValue = number | boolean | string | null;

/** A parsed assertion: `managers.*.response_min_median<=30`. */
export interface Assertion {
  source: string;
  path: string[];
  op: Operator;
  value: AssertValue;
  level: 'error' | 'warn';
  /** Where the assertion was written: `--assert`, or a config file and its `assert[i]`. */
  where?: Where;
}

export interface AssertionFailure {
  subject: string;
  /** The concrete path of the offending value (`managers`, `Иванов Иван`, `won`), for readable messages. */
  path: string[];
  value: unknown;
}

export interface AssertionResult {
  assertion: string;
  op: Operator;
  expected: AssertValue;
  level: 'error' | 'warn';
  passed: boolean;
  failures: AssertionFailure[];
}

const OPERATORS: Operator[] = ['>=', '<=', '==', '!=', '>', '<'];
/** The names a path starts with (report.ts ASSERTION_ROOTS says what produces each). */
const ROOTS = ['audit', 'total', 'managers', 'plan', 'compare', 'delta'];

/**
 * Parses `[LEVEL:]PATH OP VALUE`; LEVEL is `error` or `warn` (`warn:total.conversion>=0.2`) and wins over a default
 * level; one that contradicts a level written beside it (`levelGiven`: a config's `{expr, level}`) is refused. PATH is dot-separated names or `*` (names may be quoted: `managers."Иванов Иван".won`);
 * OP is one of >= <= > < == !=; VALUE is a number (a decimal dot or comma; a trailing % divides by 100), true, false, null or a quoted string.
 * A mistake is reported with a caret under the character where it is.
 */
export function parseAssertion(text: string, defaultLevel: 'error' | 'warn' = 'error', where: Where = { path: '--assert' }, levelGiven = false): Assertion {
  const prefix = /^\s*(error|warn|warning)\s*:(?!:)/i.exec(text);
  const level = prefix ? (prefix[1]!.toLowerCase() === 'error' ? 'error' : 'warn') : defaultLevel;
  // A CI gate must not turn into a warning unsaid: `{expr: 'warn:…', level: error}` says both.
  if (levelGiven && level !== defaultLevel) throw UserError.of('E_ASSERT_SYNTAX', 'assert.levelConflict', { prefix: prefix![1]!, level: defaultLevel }, where);
  const source = prefix ? text.slice(prefix[0].length) : text;
  let i = 0;
  const s = source;
  const fail = (what: keyof typeof ASSERT_SYNTAX, at = i, params: Params = {}): never => {
    const t = ASSERT_SYNTAX[what];
    throw UserError.of('E_ASSERT_SYNTAX', 'assert.syntax', { what: fill(t.en, params), whatRu: fill(t.ru, params), pos: at + 1, source: s, caret: ' '.repeat(at) }, where);
  };
  // A word and a colon before the path is a level, unless the word is a root mistyped with a colon for its dot (`total:won`).
  const other = prefix ? undefined : /^(\s*)([\p{L}\p{N}_-]+)\s*:(?!:)/u.exec(s);
  if (other && !ROOTS.includes(other[2]!.toLowerCase())) {
    const near = closest(other[2]!, ['error', 'warn']);
    fail(near.length > 0 ? 'unknownLevelNear' : 'unknownLevel', other[1]!.length, { level: other[2]!, near: near[0] ?? '' });
  }
  const space = () => {
    while (i < s.length && /\s/.test(s[i]!)) i++;
  };
  const path: string[] = [];
  space();
  for (;;) {
    if (s[i] === '"') {
      const end = s.indexOf('"', i + 1);
      if (end === -1) fail('unclosedQuote');
      path.push(s.slice(i + 1, end));
      i = end + 1;
    } else if (s[i] === '*') {
      path.push('*');
      i++;
    } else {
      const m = /^[\p{L}\p{N}_-]+/u.exec(s.slice(i));
      if (!m) fail(path.length === 0 ? 'expectedRoot' : 'expectedName');
      path.push(m![0]);
      i += m![0].length;
    }
    if (s[i] === '.') {
      i++;
      continue;
    }
    break;
  }
  space();
  const op = OPERATORS.find((o) => s.startsWith(o, i));
  if (!op) fail('expectedOperator');
  i += op!.length;
  space();
  const rest = s.slice(i).trim();
  let value: AssertValue;
  if (rest === '') return fail('expectedValue');
  if (/^(true|false)$/i.test(rest)) value = rest.toLowerCase() === 'true';
  else if (/^null$/i.test(rest)) value = null;
  else if (/^"[^"]*"$/.test(rest) || /^'[^']*'$/.test(rest)) value = rest.slice(1, -1);
  else {
    // A decimal comma as Russian writes it (`0,2`), unless it may be a thousands separator: `1,500` may be 1.5 or 1500.
    const m = /^([+-]?\d+)(?:([.,])(\d+))?((?:e[+-]?\d+)?)(%)?$/i.exec(rest);
    if (!m) return fail('expectedLiteral');
    const [, whole, mark, frac, exp, percent] = m;
    const comma = mark && !exp ? ambiguousComma(`${whole}${mark}${frac}`) : undefined;
    if (comma) {
      // Forms this rule reads one way only: the decimal with a fourth digit when it has three (5.754 → 5.7540; it suggested 5.754 itself), the whole without a mark, with the % as written.
      const decimal = ambiguousComma(String(comma.decimal)) ? `${comma.decimal}0` : String(comma.decimal);
      const unit = percent ?? '';
      fail('ambiguousComma', s.indexOf(rest, i), { value: rest, decimal: `${decimal}${unit}`, decimalRu: `${decimal.replace('.', ',')}${unit}`, whole: `${comma.whole}${unit}` });
    }
    value = Number(`${whole}${mark ? `.${frac}` : ''}${exp}`) / (percent ? 100 : 1);
  }
  if (['>=', '<=', '>', '<'].includes(op!) && typeof value !== 'number') fail('needsNumber', s.indexOf(rest, i), { op: op! });
  return { source: source.trim(), path, op: op!, value, level, where };
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
  const selected = select(tree, assertion.path);
  const failures = selected.length === 0 ? [{ subject: assertion.path.join('.'), path: [...assertion.path], value: NOTHING_MATCHES }] : selected.filter((x) => !holds(x.value, assertion.op, assertion.value));
  return { assertion: assertion.source, op: assertion.op, expected: assertion.value, level: assertion.level, passed: failures.length === 0, failures };
}
