import { z } from 'zod';
import { COMPARE_ROWS } from '../../core/compare.js';
import { UserError, UserErrors } from '../../core/errors.js';
import { closest } from '../../core/assert-paths.js';
import { MAX_LISTED, quotedNear, shortText } from '../../core/document-issues.js';
import { readTypedNumber } from '../../core/option-values.js';
import { inRange, rangeProblem } from '../../core/value-range.js';
import { moreErrors, zodToUserErrors } from '../../core/questionnaire/parse.js';
import { ROW_INFO } from '../../render/compare/text.js';
import { readDocument } from '../read/files.js';
import { parseDocumentAs } from './document-kind.js';
import { withLines } from './document-lines.js';

const NOT_A_TARGET = 'a target is a fraction such as 0.2 or a percentage such as "+20%"';

/** A problem of a target as a zod issue: the English message, and the Russian beside it (document-issues says it). */
type Said = { message: string; params?: { ru: string } };
const said = (t: { en: string; ru: string }): Said => ({ message: t.en, params: { ru: t.ru } });

/**
 * A target written as text, as people type it (a tester: `"0.2"`, `0,2` and `–25%` were refused by a message that gave
 * 0.2 as its example): a share or a percentage with a decimal dot or comma, any minus sign people type (U+2212 as the
 * reports print it, an en dash as autocorrect makes it). A comma or dot before three digits (`1,500`) is read the one
 * way that is a target (1.5; 1500 is +150000%); `1,000%` (1% or 1000%, both targets) is refused naming both. A value
 * out of range is said by the rule --assert says it by (rangeProblem: `15 → 0.15 or "+15%"`).
 * The value, or why it is none.
 */
function readTarget(s: string): { value: number } | Said {
  const text = s.trim();
  const n = readTypedNumber(text);
  if (!n || n.length !== text.length) return { message: NOT_A_TARGET };
  const unit = n.percent ? '%' : '';
  const scale = n.percent ? 100 : 1;
  let value: number;
  if ('ambiguous' in n) {
    const { decimal, whole } = n.ambiguous;
    const fit = [decimal, whole].filter((v) => inRange('change', v / scale));
    if (fit.length === 2) return { message: `"${shortText(s)}" may be ${decimal}${unit} or ${whole}${unit}: a comma or dot before three digits may be a decimal mark or a thousands separator; write the one meant` };
    value = (fit[0] ?? decimal) / scale;
  } else value = n.value;
  const problem = rangeProblem('change', value, shortText(text));
  return problem ? said(problem) : { value };
}

/** A relative target: a fraction (0.2, or as text "0.2", "0,2", "-0.3") or a percentage ("+20%", "−30%", "–25%", "+12,5%", "20 %"). */
export const relativeTarget = z.union([
  z.number().transform((v, ctx) => {
    const problem = rangeProblem('change', v, String(v));
    return problem ? (ctx.addIssue({ code: 'custom', ...said(problem) }), z.NEVER) : v;
  }),
  z.string().transform((s, ctx) => {
    const read = readTarget(s);
    return 'value' in read ? read.value : (ctx.addIssue({ code: 'custom', ...read }), z.NEVER);
  }),
]);

const metricIds = COMPARE_ROWS.map((r) => r.metric) as [string, ...string[]];
const METRIC_IDS: ReadonlySet<string> = new Set(metricIds);
const targetsMap = z.partialRecord(z.enum(metricIds), relativeTarget);

/** The targets file: `targets: { conversion: +20%, response_min_median: -30% }`. */
export const targetsSchema = z.object({ targets: targetsMap }).strict();

/**
 * Where a targets file keeps its targets: under `targets:` (as documented), under `цели:`, or at its top
 * (`conversion: +20%`, the form the hint for a CSV given as targets showed, and was then refused: a tester).
 * A document with a `targets:` key and others is read as written, so the others are said to be unknown.
 */
function targetsSection(doc: unknown): { key?: string; map: unknown } {
  if (doc === null || typeof doc !== 'object' || Array.isArray(doc)) return { key: 'targets', map: undefined };
  const keys = Object.keys(doc);
  if (keys.includes('targets') || keys.length === 0) return { key: 'targets', map: (doc as { targets?: unknown }).targets };
  if (keys.length === 1 && keys[0]!.trim().toLowerCase() === 'цели') return { key: keys[0]!, map: (doc as Record<string, unknown>)[keys[0]!] };
  return { map: doc };
}

/** Reads and validates a targets file; errors point into it. */
export async function loadTargets(file: string | undefined, cwd: string, stdin: NodeJS.ReadableStream): Promise<Record<string, number> | undefined> {
  if (!file) return undefined;
  const text = await readDocument(file, cwd, stdin);
  const doc = parseDocumentAs(text, file, 'targets');
  const { key, map } = targetsSection(doc);
  const { known, errors } = unknownMetrics(map, file, key ?? '', 'E_TARGETS');
  const twin = key === 'targets' && doc !== null && typeof doc === 'object' ? Object.keys(doc).find((k) => k.trim().toLowerCase() === 'цели') : undefined;
  if (twin !== undefined) {
    errors.push(UserError.of('E_TARGETS', 'targets.twoSections', { key: shortText(twin) }, { file, path: twin }));
    withLines(errors, text);
    throw new UserErrors(errors);
  }
  const schema = key === undefined ? targetsMap : z.object({ [key]: targetsMap }).strict();
  const parsed = schema.safeParse(key === undefined ? known : { ...(doc as object), [key]: known }, { reportInput: true });
  if (!parsed.success) errors.push(...zodToUserErrors(parsed.error, file, 'E_TARGETS', schema));
  withLines(errors, text);
  if (errors.length > 0) throw new UserErrors(errors);
  return (key === undefined ? parsed.data : (parsed.data as Record<string, unknown>)[key]) as Record<string, number>;
}

/** The row labels the reports print, in both languages (`Конверсия`, `Лидов в месяц`), each with its row id. */
const LABELS = new Map(Object.entries(ROW_INFO).flatMap(([id, info]) => [[info.ru, id], [info.en, id]] as const));

/**
 * Each misspelt metric (`convertion`) as an error with the names closest to it, and every name under the first, as
 * --assert says a misspelt path (the schema said only «unknown key»), and the targets without them for the schema to
 * check the rest; past the first MAX_LISTED, counted in one error (20 000 were each said, each with the list: 7 MB).
 * A row's label as the reports print it (`Конверсия`, the Russian report's word) is said with its id. `at` is where the
 * targets are (`targets`, `compare.targets`; '' at the top).
 */
export function unknownMetrics(targets: unknown, file: string, at: string, code: 'E_TARGETS' | 'E_CONFIG'): { known: unknown; errors: UserError[] } {
  if (targets === null || typeof targets !== 'object' || Array.isArray(targets)) return { known: targets, errors: [] };
  const unknown = Object.keys(targets).filter((k) => !METRIC_IDS.has(k));
  const errors = unknown.slice(0, MAX_LISTED).map((key, i) => {
    const byLabel = closest(key.trim(), LABELS.keys()).map((label) => LABELS.get(label)!);
    const params = { key: shortText(key), list: metricIds.join(', '), ...quotedNear([...new Set([...byLabel, ...closest(key, metricIds)])].slice(0, 3)) };
    return UserError.of(code, i === 0 ? 'targets.unknownMetric' : 'targets.unknownMetricAlso', params, { file, path: at ? `${at}.${key}` : key });
  });
  // A metric with no value (`conversion:`, YAML's null) is said as an empty value, not as «получено null» (tester T39 F12).
  const empty = Object.entries(targets).filter(([k, v]) => METRIC_IDS.has(k) && v === null).map(([k]) => UserError.of(code, 'targets.empty', { key: k }, { file, path: at ? `${at}.${k}` : k }));
  const known = Object.fromEntries(Object.entries(targets).filter(([k, v]) => METRIC_IDS.has(k) && v !== null));
  return { known, errors: [...errors, ...moreErrors(unknown.length - errors.length, file, code), ...empty] };
}
