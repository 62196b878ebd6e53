import type { Answer } from '../../core/audit/answers.js';
import { checkEvidence } from '../../core/audit/evidence.js';
import { scoreAudit } from '../../core/audit/score.js';
import type { AuditResult } from '../../core/audit/types.js';
import { UserError, UserErrors } from '../../core/errors.js';
import { assertAuditValues } from '../../core/audit/baseline-values.js';
import type { Questionnaire } from '../../core/questionnaire/schema.js';
import type { EvidenceFacts } from '../../core/kpi/facts.js';
import { isAnswersFile, readEvidenceFacts } from '../../app/evidence-files.js';
import { withAnswers } from '../ask-stages.js';
import type { KpiFiles } from '../../app/kpi-files.js';
import { checkExportKinds, namingSwapped } from '../../app/compare-files.js';
import { parseAnswersDocument, readAnswersDocument } from '../../io/documents/answers-file.js';
import { loadOverrides } from '../../io/documents/map-file.js';
import { readDocument } from '../../io/read/files.js';
import { listBuiltInQuestionnaires, loadQuestionnaire } from '../../io/documents/questionnaire.js';
import { isQuestionnairePath } from '../../core/questionnaire/rules.js';
import path from 'node:path';
import { parseYaml } from '../../io/documents/yaml.js';
import { renderAuditMarkdown, renderAuditTable } from '../../render/audit/text.js';
import { questionnaireChangeNote } from '../../render/audit/labels.js';
import { maxScore } from '../../core/questionnaire/rules.js';
import { renderJson } from '../../render/text.js';
import { resolveNow, useColor, whyNoQuestions, type CliContext } from '../context.js';
import type { MessageId } from '../../core/messages.js';
import { warningLine, warnOtherCompany, warnUnusedOptions, warnWithoutExports } from '../warnings.js';
import { otherCompany } from '../../core/delta.js';
import { reportSkippedRows } from '../skipped-rows.js';
import { EXIT } from '../exit-codes.js';
import { assertBinaryDestination, parseManagers, resolveFormat } from '../format.js';
import { assertOneStdin, importOptionsFromCli, readOptionWords, type ImportCliOptions, type KpiCliFields } from '../input-options.js';
import { assertOutputPlace, reportFile, writeOutput } from '../output.js';
import { columnsOf, wrapText } from '../wrap.js';
import { parseHourlyCost } from './compare.js';
import { kpiOptionsFromCli } from './kpi.js';

export interface AuditOptions extends ImportCliOptions, KpiCliFields {
  /** Unset: the questionnaire the (first) answers file names, else the built-in crm-maturity. */
  questionnaire?: string;
  answers?: string | string[];
  allowPartial?: boolean;
  company?: string;
  baseline?: string;
  managers?: string;
  hourlyCost?: string;
  format?: AuditFormat;
  output?: string;
  lang: string;
  now?: string;
}

const FORMATS = ['table', 'json', 'md', 'xlsx', 'html'] as const;
type AuditFormat = (typeof FORMATS)[number];

/** Each file's result, or every file's problems together (one UserErrors), not only the first bad file's. */
async function parseEvery<T>(files: readonly string[], parse: (file: string, i: number) => Promise<T>): Promise<T[]> {
  const out: T[] = [];
  const errors: UserError[] = [];
  for (const [i, file] of files.entries()) {
    try {
      out.push(await parse(file, i));
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      errors.push(...(error instanceof UserErrors ? error.errors : [error]));
    }
  }
  if (errors.length === 1) throw errors[0]!;
  if (errors.length > 1) throw new UserErrors(errors);
  return out;
}

/** `crm-audit audit`: interactive on a terminal, or from `--answers`. Same result either way. */
export async function run(opts: AuditOptions, ctx: CliContext): Promise<number> {
  const format = resolveFormat(opts.format, opts.output, FORMATS, 'table');
  assertBinaryDestination(ctx, format, opts.output);
  await assertOutputPlace(ctx, opts.output);
  const managers = parseManagers(opts.managers, '--managers');
  const hourlyCost = parseHourlyCost(opts.hourlyCost, '--hourly-cost');
  warnUnusedOptions(ctx, opts.lang, [hourlyCost !== undefined && managers === undefined && 'hourlyCost']);
  const now = resolveNow(ctx, opts.now);
  // Validate everything the user gave before asking a single question.
  const answerFiles = opts.answers === undefined ? [] : Array.isArray(opts.answers) ? opts.answers : [opts.answers];
  // From answers files with no export, --from or --touch-norm change nothing (an interactive audit may still be given an export at its prompts).
  if (answerFiles.length > 0) warnWithoutExports(ctx, opts.lang, opts.optionsGiven, { exports: !opts.deals, deals: false });
  assertOneStdin([...answerFiles, opts.questionnaire, opts.baseline, opts.deals, opts.activities, opts.payments, opts.map], answerFiles.includes('-') ? 'answers' : 'exports', opts.map);
  const answerDocs = await Promise.all(answerFiles.map((file) => readAnswersDocument(file, ctx.cwd, ctx.stdin)));
  const questionnaires = new Map<string, Questionnaire>();
  const questionnaireFor = async (ref: string) => questionnaires.get(ref) ?? questionnaires.set(ref, (await loadQuestionnaire(ref, ctx.cwd, ctx.stdin, opts.lang)).questionnaire).get(ref)!;
  const builtIn = await listBuiltInQuestionnaires();
  const refFor = (i: number) => opts.questionnaire ?? namedQuestionnaire(answerDocs[i]!.doc, answerFiles[i]!, ctx.cwd, builtIn) ?? 'crm-maturity';
  const questionnaire = await questionnaireFor(answerFiles.length > 0 ? refFor(0) : (opts.questionnaire ?? 'crm-maturity'));
  for (let i = 1; i < answerFiles.length; i++) await questionnaireFor(refFor(i));
  // Every answers file is checked before the exports are read, and the problems of all of them are named at once.
  // One answers file on a terminal that leaves questions unanswered (a draft an interview saved when it was stopped) is taken up: its questions are asked.
  const takeUp = answerFiles.length === 1 && !opts.allowPartial && whyNoQuestions(ctx) === undefined;
  const parsedAnswers = await parseEvery(answerFiles, async (_file, i) => parseAnswersDocument(answerDocs[i]!, await questionnaireFor(refFor(i)), opts.allowPartial ? true : takeUp ? 'ask' : false));
  const draft = takeUp && parsedAnswers[0]!.unanswered ? { file: answerFiles[0]!, ...parsedAnswers[0]! } : undefined;
  const baseline = opts.baseline ? await loadBaseline(opts.baseline, ctx, questionnaire) : undefined;
  // A baseline of another questionnaire version (or maximum) is compared as it is, and said so.
  const changed = baseline && typeof baseline.max === 'number' ? questionnaireChangeNote({ id: questionnaire.id, version: baseline.questionnaire?.version, max: baseline.max }, { id: questionnaire.id, version: questionnaire.version, max: maxScore(questionnaire) }, opts.lang) : undefined;
  if (changed) ctx.stderr.write(warningLine(ctx, opts.lang, `${opts.baseline}: ${changed}`));
  // A questionnaire an answers file names by its path is read too, so it is never the output (tester T66 H1: -o overwrote it, exit 0).
  const named = answerFiles.map((_, i) => refFor(i)).filter((ref) => ref !== opts.questionnaire && isQuestionnairePath(ref));
  const inputs = [...answerFiles, opts.questionnaire, ...named, opts.baseline, opts.deals, opts.activities, opts.payments, opts.map].filter((f): f is string => f !== undefined);
  await assertOutputPlace(ctx, opts.output, inputs);
  // The --map the session saves its answers as: the re-run command it prints reads the exports with it.
  const session: { map?: string } = {};
  const readFacts = await prepareEvidence(opts, ctx, format, inputs, session);
  // The exports are read once, whatever the number of answers files, and before any question.
  const facts = opts.deals ? await readFacts({ deals: opts.deals, activities: opts.activities, payments: opts.payments }) : undefined;

  if (answerFiles.length > 0 && !draft) {
    if (answerFiles.length > 1 && (format === 'xlsx' || format === 'html')) {
      throw UserError.of('E_USAGE', format === 'html' ? 'audit.oneDocument' : 'audit.oneWorkbook', { format });
    }
    const results: AuditResult[] = [];
    for (let i = 0; i < answerFiles.length; i++) {
      const q = await questionnaireFor(refFor(i));
      const parsed = parsedAnswers[i]!;
      const result = scoreAudit(q, parsed.answers, { lang: opts.lang, now, company: opts.company ?? parsed.company, managers, hourlyCost, baseline: q === questionnaire ? baseline : undefined });
      if (facts) result.evidence = checkEvidence(q, result, facts, opts.lang, { managers, hourlyCost });
      if (baseline && q === questionnaire && otherCompany(baseline.company, result.company)) warnOtherCompany(ctx, opts.lang, opts.baseline!, baseline.company!, result.company!);
      results.push(result);
    }
    let out: string | Uint8Array;
    // On a terminal, the tables fit its width and long lines (recommendations) wrap at word boundaries instead of mid-word.
    const width = format === 'table' && !opts.output && ctx.stdout.isTTY ? columnsOf(ctx.stdout) : undefined;
    const render = (r: AuditResult) => renderAudit(r, format, opts.lang, useColor(ctx) && !opts.output, width);
    if (results.length === 1) out = await render(results[0]!);
    else if (format === 'json') out = renderJson(results);
    else out = (await Promise.all(results.map(render))).join('\n');
    if (width !== undefined && typeof out === 'string') out = wrapText(out, width);
    await writeOutput(ctx, out, opts.output, inputs, opts.lang, format === 'table', reportFile(format));
    return EXIT.ok;
  }

  // Each reason there is nobody to ask is said as its own: a CI job given a pseudo-terminal waited until it was killed,
  // `--map -` typed on the terminal ended stdin with its Ctrl+D, and with stderr in a file (`2>log`) the questions went there.
  const why = whyNoQuestions(ctx);
  if (why) throw UserError.of('E_NO_TTY', NO_QUESTIONS[why]);
  const { runInteractiveAudit } = await import('./audit-interactive.js');
  // A questionnaire read from a file is saved with the answers by its path: a re-run finds it (its id named no built-in one).
  const questionnaireFile = opts.questionnaire !== undefined && opts.questionnaire !== '-' && isQuestionnairePath(opts.questionnaire) ? path.resolve(ctx.cwd, opts.questionnaire) : undefined;
  await runInteractiveAudit(ctx, questionnaire, { lang: opts.lang, now, company: opts.company ?? draft?.company, ...(draft ? { draft } : {}), managers, hourlyCost, baseline, format, output: opts.output, inputs, facts, ...(opts.deals ? { exports: { deals: opts.deals, activities: opts.activities, payments: opts.payments } } : {}), readFacts, readOptions: () => readOptionWords(opts, session.map), ...(opts.optionsGiven?.includes('--lang') ? { langOption: opts.lang } : {}), ...(questionnaireFile ? { questionnaireFile } : {}) });
  return EXIT.ok;
}

/** What an interactive audit says for each reason it can ask no question (whyNoQuestions). */
const NO_QUESTIONS = { noTerminal: 'audit.noTerminal', ci: 'audit.ciNoTerminal', stdinRead: 'audit.stdinWasData', stderr: 'audit.stderrNotTerminal' } as const satisfies Record<NonNullable<ReturnType<typeof whyNoQuestions>>, MessageId>;

/**
 * Validates the export options before any question is asked, and returns the reader of the
 * evidence facts (the same import options and --map as `kpi`).
 */
async function prepareEvidence(opts: AuditOptions, ctx: CliContext, format: string, inputs: readonly string[], session: { map?: string } = {}): Promise<(files: KpiFiles) => Promise<EvidenceFacts>> {
  if (opts.activities && (await isAnswersFile(opts.activities, ctx.cwd, ctx.stdin))) {
    throw UserError.of('E_USAGE', 'audit.answersAsActivities', { file: opts.activities }, { file: opts.activities });
  }
  if (!opts.deals && (opts.activities || opts.payments)) {
    throw UserError.of('E_USAGE', 'audit.evidenceNeedsDeals');
  }
  const kpi = kpiOptionsFromCli(opts);
  // An export with a header and no row is evidence here (no calls at all), not a mistake to stop on.
  const base = { ...importOptionsFromCli(opts, ctx), emptyIsEvidence: true };
  const overrides = await loadOverrides(opts.map, ctx.cwd, ctx.stdin);
  return async (files) => {
    // A --map saved at a prompt replaces none of the run's files, nor an export typed at the interactive audit's prompts.
    const read = Object.values(files).filter((f): f is string => typeof f === 'string');
    // A call log given as --deals is named so, as kpi names it, not asked for a deal's columns.
    const facts = await namingSwapped(files, base, () => withAnswers(ctx, opts.lang, overrides, (maps) => readEvidenceFacts(files, base, maps, kpi), { inputs: [...inputs, ...read], output: opts.output, onSaved: (file) => (session.map = file) }, () => checkExportKinds(files, base)));
    // Skipped rows and what looks wrong are said as kpi says them: the verdicts rest on what was read (the audit said nothing).
    if (facts.dataQuality) reportSkippedRows(ctx, facts.dataQuality, opts.lang, format, { json: 'evidence.dataQuality', sheet: false });
    return facts;
  };
}

/** Renders an audit result in any format; shared by both ways of running the audit. */
export async function renderAudit(result: AuditResult, format: AuditFormat, lang: string, color: boolean, width?: number): Promise<string | Uint8Array> {
  switch (format) {
    case 'json':
      return renderJson(result);
    case 'md':
      return renderAuditMarkdown(result, { lang, color: false });
    case 'html': {
      const { renderHtml } = await import('../../render/html/index.js');
      return renderHtml({ lang, generatedAt: result.answeredAt, company: result.company, audit: result });
    }
    case 'xlsx': {
      const { renderAuditXlsx } = await import('../../render/audit/xlsx.js');
      return renderAuditXlsx(result, { lang });
    }
    default:
      return renderAuditTable(result, { lang, color, width });
  }
}

/**
 * The questionnaire an answers document names when it is a file (`questionnaire: ours.yaml`),
 * resolved beside the answers file; a built-in id as written; undefined when it names none.
 */
export function namedQuestionnaire(doc: unknown, file: string, cwd: string, builtIn: readonly string[]): string | undefined {
  const named = typeof doc === 'object' && doc !== null ? (doc as { questionnaire?: unknown }).questionnaire : undefined;
  if (typeof named !== 'string' || named.trim() === '') return undefined;
  // Another id is left to the answers' own check, which names it and says to pass --questionnaire.
  if (!isQuestionnairePath(named) || named === '-') return builtIn.includes(named) ? named : undefined;
  return path.isAbsolute(named) || file === '-' ? named : path.join(path.dirname(path.resolve(cwd, file)), named);
}

async function loadBaseline(file: string, ctx: CliContext, q: Questionnaire): Promise<AuditResult> {
  const parsed = parseYaml(await readDocument(file, ctx.cwd, ctx.stdin), file) as (Partial<AuditResult> & { assertions?: unknown; audit?: Partial<AuditResult> }) | null;
  // A `report --format json` result holds the audit it checked: its `audit` is a result as audit writes it.
  const doc = parsed && typeof parsed === 'object' && Array.isArray(parsed.assertions) && parsed.audit ? parsed.audit : parsed;
  // audit with several answers files writes an array of results: the file is the tool's own, and one of them is wanted.
  if (Array.isArray(doc) && doc.length > 1 && doc.every((r: unknown) => r !== null && typeof r === 'object' && (r as Partial<AuditResult>).schemaVersion === 1)) {
    throw UserError.of('E_BASELINE', 'audit.baselineSeveral', { count: doc.length }, { file });
  }
  if (!doc || typeof doc !== 'object' || doc.schemaVersion !== 1 || !Array.isArray(doc.sections) || typeof doc.total !== 'number' || !doc.band) {
    throw UserError.of('E_BASELINE', 'audit.notAResult', {}, { file });
  }
  assertAuditValues(doc as AuditResult, file);
  if (doc.questionnaire?.id !== q.id) {
    throw UserError.of('E_BASELINE', 'audit.baselineOtherQuestionnaire', { given: String(doc.questionnaire?.id), id: q.id }, { file, path: 'questionnaire.id' });
  }
  return doc as AuditResult;
}

/**
 * How an answers file saved as `answersFile` names a questionnaire read from `questionnaireFile`
 * (absolute paths): relative to the answers file's folder, as an answers file's path is resolved
 * (namedQuestionnaire), when the questionnaire lies in that folder or below it, so the two move
 * together; else its absolute path. Slashes either way, and a bare name gets `./`, so the reference
 * reads as a path and not as a built-in id.
 */
export function questionnaireRef(questionnaireFile: string, answersFile: string): string {
  const rel = path.relative(path.dirname(answersFile), questionnaireFile);
  if (rel === '' || path.isAbsolute(rel) || rel.split(path.sep)[0] === '..') return questionnaireFile;
  const slashed = rel.split(path.sep).join('/');
  return isQuestionnairePath(slashed) ? slashed : `./${slashed}`;
}

/**
 * The answers as the YAML the --answers option reads. `ref`: how the file names its questionnaire
 * (a path, for one read from a file: its id alone named no questionnaire a re-run could find); the
 * questionnaire's id by default.
 */
export function answersToDocument(q: Questionnaire, company: string | undefined, answers: ReadonlyMap<string, Answer>, ref: string = q.id): Record<string, unknown> {
  return {
    questionnaire: ref,
    ...(company ? { company } : {}),
    answers: Object.fromEntries(q.sections.flatMap((s) => s.questions.map((x) => [x.id, answers.get(x.id) ?? 'skip']))),
  };
}
