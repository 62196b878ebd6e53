import { parseAnswers, type Answer } from '../../core/audit/answers.js';
import { scoreAudit } from '../../core/audit/score.js';
import type { AuditResult } from '../../core/audit/types.js';
import { UserError } from '../../core/errors.js';
import type { Questionnaire } from '../../core/questionnaire/schema.js';
import { readDocument } from '../../io/read/files.js';
import { loadQuestionnaire } from '../../io/documents/questionnaire.js';
import { parseYaml } from '../../io/documents/yaml.js';
import { renderAuditMarkdown, renderAuditTable } from '../../render/audit/text.js';
import { renderJson } from '../../render/text.js';
import { resolveNow, useColor, type CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { assertBinaryDestination, parseCount, resolveFormat } from '../format.js';
import { writeOutput } from '../output.js';

export interface AuditOptions {
  questionnaire: string;
  answers?: string | string[];
  allowPartial?: boolean;
  company?: string;
  baseline?: string;
  managers?: string;
  format?: AuditFormat;
  output?: string;
  lang: string;
  now?: string;
}

const FORMATS = ['table', 'json', 'md', 'xlsx'] as const;
type AuditFormat = (typeof FORMATS)[number];

/** `crm-audit audit`: interactive on a terminal, or from `--answers`. Same result either way. */
export async function run(opts: AuditOptions, ctx: CliContext): Promise<number> {
  const format = resolveFormat(opts.format, opts.output, FORMATS, 'table');
  assertBinaryDestination(ctx, format, opts.output);
  const managers = parseCount(opts.managers, '--managers');
  const now = resolveNow(ctx, opts.now);
  // Validate everything the user gave before asking a single question.
  const { questionnaire } = await loadQuestionnaire(opts.questionnaire, ctx.cwd, ctx.stdin);
  const baseline = opts.baseline ? await loadBaseline(opts.baseline, ctx, questionnaire) : undefined;
  const answerFiles = opts.answers === undefined ? [] : Array.isArray(opts.answers) ? opts.answers : [opts.answers];
  const inputs = [...answerFiles, opts.baseline].filter((f): f is string => f !== undefined);

  if (answerFiles.length > 0) {
    if (answerFiles.length > 1 && format === 'xlsx') {
      throw new UserError('E_USAGE', 'one workbook holds one audit: give one answers file with --format xlsx', {}, 'run the command once per answers file, or use --format json for all of them');
    }
    const results: AuditResult[] = [];
    for (const file of answerFiles) {
      const text = await readDocument(file, ctx.cwd, ctx.stdin);
      const parsed = parseAnswers(parseYaml(text, file), questionnaire, file, Boolean(opts.allowPartial));
      results.push(scoreAudit(questionnaire, parsed.answers, { lang: opts.lang, now, company: opts.company ?? parsed.company, managers, baseline }));
    }
    let out: string | Uint8Array;
    if (results.length === 1) out = await renderAudit(results[0]!, format, opts.lang, useColor(ctx) && !opts.output);
    else if (format === 'json') out = renderJson(results);
    else out = (await Promise.all(results.map((r) => renderAudit(r, format, opts.lang, useColor(ctx) && !opts.output)))).join('\n');
    await writeOutput(ctx, out, opts.output, inputs, opts.lang);
    return EXIT.ok;
  }

  if (!ctx.stdin.isTTY) {
    throw new UserError('E_NO_TTY', 'there is no terminal to ask the questions on', {}, 'pass the answers as a file: crm-audit audit --answers answers.yaml (see samples/answers/ for the format)');
  }
  const { runInteractiveAudit } = await import('./audit-interactive.js');
  await runInteractiveAudit(ctx, questionnaire, { lang: opts.lang, now, company: opts.company, managers, baseline, format, output: opts.output, inputs });
  return EXIT.ok;
}

/** Renders an audit result in any format; shared by both ways of running the audit. */
export async function renderAudit(result: AuditResult, format: AuditFormat, lang: string, color: boolean): Promise<string | Uint8Array> {
  switch (format) {
    case 'json':
      return renderJson(result);
    case 'md':
      return renderAuditMarkdown(result, { lang, color: false });
    case 'xlsx': {
      const { renderAuditXlsx } = await import('../../render/audit/xlsx.js');
      return renderAuditXlsx(result, { lang });
    }
    default:
      return renderAuditTable(result, { lang, color });
  }
}

async function loadBaseline(file: string, ctx: CliContext, q: Questionnaire): Promise<AuditResult> {
  const doc = parseYaml(await readDocument(file, ctx.cwd, ctx.stdin), file) as Partial<AuditResult> | null;
  if (!doc || typeof doc !== 'object' || doc.schemaVersion !== 1 || !Array.isArray(doc.sections) || typeof doc.total !== 'number' || !doc.band) {
    throw new UserError('E_BASELINE', 'this is not an audit result (JSON from `crm-audit audit --format json`)', { file }, 'save a result with --format json -o result.json and pass that file');
  }
  if (doc.questionnaire?.id !== q.id) {
    throw new UserError('E_BASELINE', `the baseline is a result of questionnaire "${doc.questionnaire?.id}", not "${q.id}"`, { file, path: 'questionnaire.id' });
  }
  return doc as AuditResult;
}

/** The answers as the YAML the --answers option reads. */
export function answersToDocument(q: Questionnaire, company: string | undefined, answers: ReadonlyMap<string, Answer>): Record<string, unknown> {
  return {
    questionnaire: q.id,
    ...(company ? { company } : {}),
    answers: Object.fromEntries(q.sections.flatMap((s) => s.questions.map((x) => [x.id, answers.get(x.id) ?? 'skip']))),
  };
}
