import type { z } from 'zod';
import { issueMessage, MAX_LISTED } from '../document-issues.js';
import { TOP_LEVEL, UserError, UserErrors } from '../errors.js';
import type { MessageId, Params } from '../messages.js';
import { checkQuestionnaireRules } from './rules.js';
import { questionnaireSchema, type Questionnaire } from './schema.js';

/** Renders a zod issue path as `sections[0].questions[1].points`. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), '') || TOP_LEVEL;
}

/**
 * Turns zod issues into user errors pointing into `file`, in Russian too (parse with `reportInput: true`
 * to name the value found). With the schema, an unknown key names the known key it is closest to
 * (`answer:` → «answers»).
 */
export function zodToUserErrors(error: z.ZodError, file: string, code: string, schema?: z.ZodType, own?: (issue: Issue) => { id: MessageId; params: Params } | undefined): UserError[] {
  const issues = fittingIssues(error.issues);
  const errors = issues.slice(0, MAX_LISTED).map((issue) => {
    // The schema is walked only for an unknown key, the one message that names the known ones.
    const { id, params } = own?.(issue) ?? issueMessage(issue, schema && issue.code === 'unrecognized_keys' ? keysAt(schema, issue.path) : []);
    return UserError.of(code, id, params, { file, path: formatIssuePath(issue.path) });
  });
  return [...errors, ...moreErrors(issues.length - errors.length, file, code)];
}

/**
 * The mistakes of a document past the first MAX_LISTED, counted in one error (a map with 20 000 bad statuses said
 * each, 2.4 MB on stderr); none when there are no more.
 */
export function moreErrors(count: number, file: string, code: string): UserError[] {
  return count > 0 ? [UserError.of(code, 'doc.moreErrors', { count, listed: MAX_LISTED }, { file })] : [];
}

type Issue = z.core.$ZodIssue;

/**
 * A questionnaire's own words for an issue: a fraction where a whole number goes (points: 2.5, a
 * band edge) says how partial credit is given instead, with a hint; undefined for the others.
 */
function questionnaireIssue(issue: Issue): { id: MessageId; params: Params } | undefined {
  if (issue.code !== 'invalid_type' || issue.expected !== 'int' || typeof issue.input !== 'number') return undefined;
  // As a Russian reader writes it: «указано 1,5», not 1.5 (tester T40 F12).
  return { id: 'questionnaire.wholeNumber', params: { value: String(issue.input), valueRu: String(issue.input).replace('.', ',') } };
}

/**
 * The issues of a value that fits one option of a union alone by its type (an object where the
 * options are a text or an object): that option's own issues, at their paths, instead of «not a value
 * this field takes» (`assert: [{ exp: … }]` now says the key and the key it is closest to).
 */
function fittingIssues(issues: readonly Issue[]): Issue[] {
  return issues.flatMap((issue) => {
    // A text or a number keeps the union's own words (a target: 0.2 or "+20%"; got «много»).
    if (issue.code !== 'invalid_union' || typeof issue.input !== 'object' || issue.input === null) return [issue];
    const fitting = issue.errors.filter((list) => !list.some((i) => i.path.length === 0 && i.code === 'invalid_type'));
    if (fitting.length !== 1 || fitting[0]!.length === 0) return [issue];
    return fittingIssues(fitting[0]!.map((i) => ({ ...i, path: [...issue.path, ...i.path] }) as Issue));
  });
}

/** The keys an object of the schema takes at a path of a document (none where the path leads to no object). */
export function keysAt(schema: z.ZodType, path: readonly PropertyKey[]): string[] {
  let at: unknown = schema;
  for (let i = 0; ; ) {
    const def = (at as { _zod?: { def?: Record<string, unknown> } } | undefined)?._zod?.def;
    if (!def) return [];
    if (['optional', 'nullable', 'default', 'prefault', 'readonly', 'catch', 'nonoptional'].includes(def.type as string)) at = def.innerType;
    else if (def.type === 'pipe') at = def.in;
    else if (def.type === 'union') return (def.options as z.ZodType[]).map((o) => keysAt(o, path.slice(i))).find((k) => k.length > 0) ?? [];
    else if (i === path.length) return def.type === 'object' ? Object.keys(def.shape as object) : [];
    else if (def.type === 'object') at = (def.shape as Record<string, unknown>)[String(path[i++])];
    else if (def.type === 'array' || def.type === 'record') {
      at = def.type === 'array' ? def.element : def.valueType;
      i++;
    } else return [];
  }
}

/**
 * Validates a parsed questionnaire document in stages: schema, then named rules.
 * Throws one UserErrors listing every problem, each with the path inside the file.
 */
export function parseQuestionnaire(doc: unknown, file: string): Questionnaire {
  const parsed = questionnaireSchema.safeParse(doc, { reportInput: true });
  if (!parsed.success) throw new UserErrors(zodToUserErrors(parsed.error, file, 'E_QUESTIONNAIRE_SCHEMA', questionnaireSchema, questionnaireIssue));
  const problems = checkQuestionnaireRules(parsed.data, file);
  if (problems.length > 0) throw new UserErrors(problems);
  return parsed.data;
}
