// io/documents: the YAML and JSON documents a person writes (questionnaires, answers, --map files,
// report configs, targets), read with size and alias limits and validated with zod, with errors that
// name the file and the path inside it. This file reads the report config.
import { GROUP_DIMS } from '../../core/kpi/types.js';
import { dayRu } from '../../core/i18n.js';
import path from 'node:path';
import { promises as fs } from 'node:fs';
import { z } from 'zod';
import { assertLevel, parseAssertion } from '../../core/assert.js';
import { COMPARE_ROWS } from '../../core/compare.js';
import { UserError, UserErrors, type Where } from '../../core/errors.js';
import { renderMessage } from '../../core/messages.js';
import { AMOUNT_FORMS, amountProblemParams, DAY_FORMS, MAX_HOURLY_COST, MAX_MANAGERS, readAmount, readCount, readDay, readHourlyCost, readShare, SHARE_FORMS } from '../../core/option-values.js';
import { PRESET_NAMES } from '../../core/presets.js';
import { moreErrors, zodToUserErrors } from '../../core/questionnaire/parse.js';
import { MAX_LISTED, shortText } from '../../core/document-issues.js';
import { readDocument } from '../read/files.js';
import { relativeTarget, unknownMetrics } from './targets-file.js';
import { parseDocumentAs } from './document-kind.js';
import { isQuestionnairePath } from '../../core/questionnaire/rules.js';
import { linesOf, withLines } from './document-lines.js';

/** The default config file name, looked for in the working folder. */
export const CONFIG_FILE = 'crm-audit.config.yaml';

const files = z.object({ deals: z.string(), activities: z.string().optional(), payments: z.string().optional() }).strict();
/** A date as people write it (`01.02.2025` or `2025-02-01`), kept as `YYYY-MM-DD`. */
/**
 * A grouping as kpi --by takes it («source,month»): checked here, so that a mistake names the config file,
 * its line and key (parsed later as --by, «sourse» was «--by: … не группировка» with no file: a tester).
 */
const grouping = z.string().superRefine((s, ctx) => {
  const dims = s.split(',').map((d) => d.trim().toLowerCase()).filter(Boolean);
  const wrong = dims.length === 0 ? s : dims.find((d) => !(GROUP_DIMS as readonly string[]).includes(d));
  if (wrong !== undefined) ctx.addIssue({ code: 'custom', message: `not a grouping: "${shortText(wrong)}"; use ${GROUP_DIMS.join(', ')}, comma-separated for a pivot` });
});

const day = z.string().transform((s, ctx) => readDay(s) ?? (ctx.addIssue({ code: 'custom', message: `not a date: "${shortText(s)}"; write ${DAY_FORMS.en}` }), z.NEVER));
/** A sum as people write it: a YAML number, or text such as "1 500 000" or "1,5e6"; 0 or more. */
const amount = z.union([z.number(), z.string()]).transform((v, ctx) => {
  const n = typeof v === 'number' ? (v >= 0 ? v : undefined) : readAmount(v);
  return n ?? (ctx.addIssue({ code: 'custom', ...notAmount(String(v)) }), z.NEVER);
});

/**
 * Why a config's sum is refused, as `--cost` says it (core amountProblem): both readings of `1.500`, or the
 * number to write for `1 500 000 $`; else the forms of an amount.
 */
function notAmount(v: string): { message: string; params?: { ru: string } } {
  const value = shortText(v);
  const problem = amountProblemParams(v, value);
  if (!problem) return { message: `not a sum of 0 or more: "${value}"; write ${AMOUNT_FORMS.en}` };
  const id = problem.kind === 'ambiguous' ? 'doc.amountAmbiguous' : 'doc.amountCurrency';
  return { message: renderMessage(id, problem.params, 'en'), params: { ru: renderMessage(id, problem.params, 'ru') } };
}
/** What a manager's hour costs: above 0 and at most MAX_HOURLY_COST, as `--hourly-cost` and the prompt take it. */
const hourly = z.union([z.number(), z.string()]).transform((v, ctx) => {
  const n = typeof v === 'number' ? (v > 0 && v <= MAX_HOURLY_COST ? v : undefined) : readHourlyCost(v);
  return n ?? (ctx.addIssue({ code: 'custom', message: `not an hour's cost in roubles: "${shortText(String(v))}"; write a number above 0 and at most 10,000,000` }), z.NEVER);
});
/** A number of sales managers: a whole number from 1 to MAX_MANAGERS, as `--managers` and the prompt take it (`8`, "1 000"). */
const managers = z.union([z.number(), z.string()]).transform((v, ctx) => {
  const n = typeof v === 'number' ? (Number.isInteger(v) && v > 0 ? v : undefined) : readCount(v);
  return n !== undefined && n <= MAX_MANAGERS ? n : (ctx.addIssue({ code: 'custom', message: `not a number of sales managers: "${shortText(String(v))}"; write a whole number from 1 to 100,000` }), z.NEVER);
});
/** A share: a YAML number from 0 to 1, or text such as "35%" or "0,35". */
const share = z.union([z.number(), z.string()]).transform((v, ctx) => {
  const n = typeof v === 'number' ? (v >= 0 && v <= 1 ? v : undefined) : readShare(v);
  return n ?? (ctx.addIssue({ code: 'custom', message: `not a share: "${shortText(String(v))}"; write ${SHARE_FORMS.en}` }), z.NEVER);
});
const metricIds = COMPARE_ROWS.map((r) => r.metric) as [string, ...string[]];

/** `crm-audit.config.yaml`: everything a CI job needs, so the job is one line. Paths are relative to the file. */
export const configSchema = z
  .object({
    lang: z.enum(['ru', 'en']).optional(),
    company: z.string().transform((c) => c.trim() || undefined).optional(),
    map: z.string().optional().describe('a --map file for unusual exports'),
    import: z
      .object({
        delimiter: z.string().optional(),
        encoding: z.string().optional(),
        sheet: z.string().optional(),
        dateFormat: z.enum(['DD/MM/YYYY', 'MM/DD/YYYY']).optional(),
        timeOffset: z.union([z.string(), z.number()]).optional(),
        maxBadRows: z.union([z.string(), z.number()]).optional(),
      })
      .strict()
      .optional(),
    audit: z
      .object({
        answers: z.string(),
        questionnaire: z.string().optional(),
        managers: managers.optional(),
        hourlyCost: hourly.optional(),
        allowPartial: z.boolean().optional(),
      })
      .strict()
      .optional(),
    kpi: files
      .extend({
        from: day.optional(),
        to: day.optional(),
        touchNorm: z.number().nonnegative().optional(),
        callbackWindow: z.string().optional(),
        by: z.union([grouping.transform((s) => [s]), z.array(grouping)]).optional().describe('groupings, as kpi --by: "source,month", or a list ["source,month", "stage"]'),
        spend: z.string().optional().describe('a spend file, as kpi --spend'),
        plan: z.string().optional().describe('a plan file, as kpi --plan'),
      })
      .strict()
      // Said at kpi.from, in the config's words: it was «--from … is after --to …», options nobody typed (tester T56).
      .superRefine((k, ctx) => {
        if (k.from !== undefined && k.to !== undefined && k.from > k.to) ctx.addIssue({ code: 'custom', path: ['from'], message: `${k.from} is after kpi.to ${k.to}`, params: { ru: `${dayRu(k.from)} позже kpi.to ${dayRu(k.to)}` } });
      })
      .optional(),
    compare: z
      .object({
        cutover: day.optional(),
        before: files.optional(),
        after: files.optional(),
        targets: z.partialRecord(z.enum(metricIds), relativeTarget).optional(),
        cost: amount.optional(),
        monthlyCost: amount.optional(),
        margin: share.optional(),
        byManager: z.boolean().optional(),
      })
      .strict()
      .optional(),
    preset: z.enum(PRESET_NAMES as [string, ...string[]]).optional().describe('a built-in set of assertions (--preset)'),
    baseline: z.string().optional().describe('a previous report --format json result, for delta.* (--baseline)'),
    assert: z.array(z.union([z.string(), z.object({ expr: z.string(), level: z.preprocess((v) => (typeof v === 'string' ? (assertLevel(v) ?? v) : v), z.enum(['error', 'warn'])).optional() }).strict()])).optional(),
  })
  .strict();

export type ReportConfig = z.infer<typeof configSchema>;

/** A config's errors, with the language it asks for (its `lang:`, where that much is right): they are said in it. */
export class ConfigErrors extends UserErrors {
  constructor(
    errors: UserError[],
    readonly lang: 'ru' | 'en' | undefined,
  ) {
    super(errors);
  }
}

function langOf(doc: unknown): 'ru' | 'en' | undefined {
  const lang = doc !== null && typeof doc === 'object' ? (doc as { lang?: unknown }).lang : undefined;
  return lang === 'ru' || lang === 'en' ? lang : undefined;
}

/**
 * A misspelt metric in `compare.targets` (or a row's label, `Конверсия`) said as in a targets file, with the id
 * closest to it (the schema's «unknown key» named no id for a Russian label), and the document without it.
 */
function knownTargets(doc: unknown, file: string): { known: unknown; errors: UserError[] } {
  const compare = doc !== null && typeof doc === 'object' ? (doc as { compare?: unknown }).compare : undefined;
  if (compare === null || typeof compare !== 'object' || Array.isArray(compare) || !('targets' in compare)) return { known: doc, errors: [] };
  const { known, errors } = unknownMetrics(compare.targets, file, 'compare.targets', 'E_CONFIG');
  return { known: { ...(doc as object), compare: { ...compare, targets: known } }, errors };
}

/**
 * The syntax errors of the config's `assert:` entries, every entry's at once, each at its entry (report parses them
 * later and stopped at the first: a config with three bad ones took three runs, each saying one with no line).
 * An entry the schema refuses (no `expr`, a number) is left to it; past MAX_LISTED, the errors are counted.
 */
function assertionErrors(doc: unknown, file: string): UserError[] {
  const list = doc !== null && typeof doc === 'object' ? (doc as { assert?: unknown }).assert : undefined;
  if (!Array.isArray(list)) return [];
  const errors: UserError[] = [];
  list.forEach((entry: unknown, i) => {
    const written = typeof entry === 'string' ? { expr: entry } : entry !== null && typeof entry === 'object' ? (entry as { expr?: unknown; level?: unknown }) : {};
    if (typeof written.expr !== 'string') return;
    const level = typeof written.level === 'string' ? assertLevel(written.level) : undefined;
    try {
      parseAssertion(written.expr, level ?? 'error', { file, path: `assert[${i}]` }, level !== undefined);
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      errors.push(...(error instanceof UserErrors ? error.errors : [error]));
    }
  });
  return [...errors.slice(0, MAX_LISTED), ...moreErrors(errors.length - MAX_LISTED, file, 'E_ASSERT_SYNTAX')];
}

/**
 * Each file path of a config, by its key (`kpi.deals`, `compare.before.activities`); a questionnaire's
 * only where it is a path, not a built-in id. Of the config as written and as loaded alike, so that each
 * key's path as written stands beside the path the run reads.
 */
function configPaths(c: ReportConfig): Map<string, string> {
  const set = (key: string, f: { deals: string; activities?: string; payments?: string } | undefined): Array<[string, string | undefined]> =>
    f ? [[`${key}.deals`, f.deals], [`${key}.activities`, f.activities], [`${key}.payments`, f.payments]] : [];
  const all: Array<[string, string | undefined]> = [
    ['map', c.map],
    ['baseline', c.baseline],
    ['audit.answers', c.audit?.answers],
    ['audit.questionnaire', c.audit?.questionnaire && isQuestionnairePath(c.audit.questionnaire) ? c.audit.questionnaire : undefined],
    ...set('kpi', c.kpi),
    ['kpi.spend', c.kpi?.spend],
    ['kpi.plan', c.kpi?.plan],
    ...set('compare.before', c.compare?.before),
    ...set('compare.after', c.compare?.after),
  ];
  return new Map(all.filter((e): e is [string, string] => e[1] !== undefined && e[1] !== '-'));
}

/** A config's path that names no file: as the run reads it (from the working folder), and the error at its key. */
export interface MissingPath {
  resolved: string;
  error: UserError;
}

/**
 * The config's paths that name nothing, each said at its key: read later as an export, «sp.csv: no such
 * file» named neither the config nor the key, and its hint spoke of the working folder (tester T66 L4).
 */
async function missingPaths(written: ReportConfig, loaded: ReportConfig, cwd: string, file: string): Promise<MissingPath[]> {
  const errors: MissingPath[] = [];
  const paths = configPaths(loaded);
  // A config on stdin has no folder: its paths are the working folder's.
  const message = file === '-' ? 'doc.configFileMissingStdin' : 'doc.configFileMissing';
  for (const [key, as] of configPaths(written)) {
    const resolved = paths.get(key);
    if (resolved === undefined) continue;
    const found = await fs.stat(path.resolve(cwd, resolved)).then((stat) => (stat.isDirectory() ? 'folder' : 'file'), (e: NodeJS.ErrnoException) => (e.code === 'ENOENT' ? 'none' : 'file'));
    if (found === 'file') continue;
    // A shell's `~` is not a config's: said, as a folder given for a file is (both read as no such file, with no key).
    const said = found === 'folder' ? 'doc.configPathFolder' : /^~[\w.-]*(?:[\\/]|$)/.test(as) ? 'doc.configPathHome' : message;
    errors.push({ resolved, error: UserError.of('E_CONFIG', said, { path: as, resolved }, { file, path: key }) });
  }
  return errors;
}

/**
 * Loads the config (`--config`, else ./crm-audit.config.yaml when present), with every path made relative
 * to the working folder, not the config's; `missing` its paths that name no file (the run refuses those it
 * reads: an option given instead replaces one).
 */
export async function loadConfig(file: string | undefined, cwd: string, stdin: NodeJS.ReadableStream): Promise<{ config: ReportConfig; file?: string; assertAt?: Array<Where['at']>; missing?: MissingPath[] }> {
  let chosen = file;
  if (chosen === undefined) {
    const candidate = path.join(cwd, CONFIG_FILE);
    if (!(await fs.stat(candidate).catch(() => undefined))?.isFile()) return { config: {} };
    chosen = CONFIG_FILE;
  }
  const text = await readDocument(chosen, cwd, stdin);
  const doc: unknown = parseDocumentAs(text, chosen, 'config') ?? {};
  const { known, errors } = knownTargets(doc, chosen);
  const parsed = configSchema.safeParse(known, { reportInput: true });
  if (!parsed.success) errors.push(...zodToUserErrors(parsed.error, chosen, 'E_CONFIG', configSchema));
  errors.push(...assertionErrors(doc, chosen));
  withLines(errors, text);
  if (errors.length > 0 || !parsed.success) throw new ConfigErrors(errors, langOf(doc));
  const base = chosen === '-' ? cwd : path.dirname(path.resolve(cwd, chosen));
  // As a path typed on the command line would be: from the working folder (read alike), and said so in
  // the reports (the workbook handed to a client showed the consultant's folders from /: tester T42 F4).
  const withFolder = (p: string) => (/[/\\]/.test(p) ? p : `.${path.sep}${p}`);
  // A file named «-» stays one («./-»), not stdin.
  const fromCwd = (p: string | undefined) => {
    if (p === undefined || p === '-') return p;
    const rel = path.relative(cwd, path.resolve(base, p));
    return rel === '-' ? `.${path.sep}-` : rel || '.';
  };
  const c = parsed.data;
  const fileSet = <T extends { deals: string; activities?: string; payments?: string }>(f: T | undefined): T | undefined => (f ? { ...f, deals: fromCwd(f.deals)!, activities: fromCwd(f.activities), payments: fromCwd(f.payments) } : undefined);
  const config: ReportConfig = {
    ...c,
    map: fromCwd(c.map),
    baseline: fromCwd(c.baseline),
    // A questionnaire's path keeps a folder in it (`./my-q`, not `my-q`, which names a built-in one: a reviewer).
    audit: c.audit ? { ...c.audit, answers: fromCwd(c.audit.answers)!, questionnaire: c.audit.questionnaire && c.audit.questionnaire !== '-' && isQuestionnairePath(c.audit.questionnaire) ? withFolder(fromCwd(c.audit.questionnaire)!) : c.audit.questionnaire } : undefined,
    kpi: c.kpi ? { ...fileSet(c.kpi)!, spend: fromCwd(c.kpi.spend), plan: fromCwd(c.kpi.plan) } : undefined,
    compare: c.compare ? { ...c.compare, before: fileSet(c.compare.before), after: fileSet(c.compare.after) } : undefined,
  };
  const missing = await missingPaths(c, config, cwd, chosen);
  withLines(missing.map((m) => m.error), text);
  // Said in the document's order (configPaths lists the keys in its own).
  const at = (m: MissingPath) => (m.error.where.at?.line ?? 0) * 1e6 + (m.error.where.at?.column ?? 0);
  missing.sort((a, b) => at(a) - at(b));
  // Each assertion's line, for what is judged once the result is known (a path naming no metric).
  const assertAt = linesOf(text, (c.assert ?? []).map((a, i) => (typeof a === 'string' ? `assert[${i}]` : `assert[${i}].expr`)));
  return { file: chosen, assertAt, missing, config };
}
