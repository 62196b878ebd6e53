import { stringify } from 'yaml';
import type { Answer } from '../../core/audit/answers.js';
import { pointsFor, scoreAudit } from '../../core/audit/score.js';
import { checkEvidence } from '../../core/audit/evidence.js';
import type { AuditResult } from '../../core/audit/types.js';
import { formatWhere, UserError } from '../../core/errors.js';
import type { EvidenceFacts } from '../../core/kpi/facts.js';
import type { KpiFiles } from '../../io/kpi-files.js';
import { pick, tr } from '../../core/i18n.js';
import type { Questionnaire } from '../../core/questionnaire/schema.js';
import { maxScore } from '../../core/questionnaire/rules.js';
import { renderAuditTable } from '../../render/audit/text.js';
import { paint, useColor, type CliContext } from '../context.js';
import { resolveFormat } from '../format.js';
import { writeOutput } from '../output.js';
import { askConfirm, askInput, askSelect, type Choice, type PromptIO } from '../prompts.js';
import { answersToDocument, renderAudit } from './audit.js';

export interface InteractiveOptions {
  lang: string;
  now: Date;
  company?: string;
  managers?: number;
  baseline?: AuditResult;
  format: 'table' | 'json' | 'md' | 'xlsx';
  output?: string;
  inputs: string[];
  /** Exports given on the command line, to check the answers against. */
  files?: KpiFiles;
  /** Reads the evidence facts of a set of exports (the same import options as `kpi`). */
  readFacts: (files: KpiFiles) => Promise<EvidenceFacts>;
}

/** The interactive audit: prompts draw on stderr; the report goes to stdout (or -o). */
export async function runInteractiveAudit(ctx: CliContext, q: Questionnaire, o: InteractiveOptions): Promise<AuditResult> {
  const { lang } = o;
  const io: PromptIO = { input: ctx.stdin, output: ctx.stderr };
  const c = paint(ctx, 'stderr');
  const say = (text: string) => ctx.stderr.write(`${text}\n`);
  const max = maxScore(q);

  say(c.bold(pick(q.title, lang)));
  const company = (await askInput(io, tr(lang, 'Компания:', 'Company:'), o.company ?? '')).trim() || undefined;
  const answers = new Map<string, Answer>();
  let running = 0;
  for (const [i, section] of q.sections.entries()) {
    say(`\n${c.bold(`${i + 1}/${q.sections.length}. ${pick(section.title, lang)}`)}`);
    if (section.explanation) say(c.dim(pick(section.explanation, lang)));
    for (const question of section.questions) {
      if (question.explanation) say(c.dim(pick(question.explanation, lang)));
      const answer = await askSelect(io, pick(question.text, lang), answerChoices(question, lang));
      answers.set(question.id, answer);
      running += pointsFor(question, answer);
    }
    say(c.cyan(tr(lang, `Баллы: ${running} из ${max}`, `Score so far: ${running} of ${max}`)));
  }

  const result = scoreAudit(q, answers, { lang, now: o.now, company, managers: o.managers, baseline: o.baseline });
  const facts = await askEvidence(io, o, say);
  if (facts) result.evidence = checkEvidence(q, result, facts, lang);
  say('');
  if (o.output) {
    await writeOutput(ctx, await renderAudit(result, o.format, lang, false), o.output, o.inputs);
    say(tr(lang, `Отчёт сохранён: ${o.output}`, `Report saved: ${o.output}`));
  } else if (o.format === 'table') {
    ctx.stdout.write(renderAuditTable(result, { lang, color: useColor(ctx) }));
  } else {
    await writeOutput(ctx, await renderAudit(result, o.format, lang, false), undefined);
  }

  if (await askConfirm(io, tr(lang, 'Сохранить ответы (для повторного запуска с --answers)?', 'Save the answers (to re-run with --answers)?'), true)) {
    const file = await askInput(io, tr(lang, 'Файл ответов:', 'Answers file:'), 'audit-answers.yaml');
    await writeOutput(ctx, stringify(answersToDocument(q, company, answers)), file, o.inputs);
    say(tr(lang, `Ответы сохранены: ${file}`, `Answers saved: ${file}`));
  }
  if (!o.output && (await askConfirm(io, tr(lang, 'Сохранить отчёт в файл?', 'Save the report to a file?'), true))) {
    const file = await askInput(io, tr(lang, 'Файл отчёта (.xlsx, .md или .json):', 'Report file (.xlsx, .md or .json):'), 'crm-audit-report.xlsx');
    const format = resolveFormat(undefined, file, ['json', 'md', 'xlsx'] as const, 'xlsx');
    await writeOutput(ctx, await renderAudit(result, format, lang, false), file, o.inputs);
    say(tr(lang, `Отчёт сохранён: ${file}`, `Report saved: ${file}`));
  }
  return result;
}

/**
 * The exports to check the answers against: those of the command line, else, when the consultant
 * wants to, paths typed in (an unreadable file is reported and asked again; an empty path gives up).
 */
async function askEvidence(io: PromptIO, o: InteractiveOptions, say: (text: string) => void): Promise<EvidenceFacts | undefined> {
  const { lang } = o;
  if (o.files) return o.readFacts(o.files);
  if (!(await askConfirm(io, tr(lang, 'Проверить ответы по выгрузкам из CRM (сделки, звонки, оплаты)?', 'Check the answers against CRM exports (deals, calls, payments)?'), false))) return undefined;
  for (;;) {
    const deals = (await askInput(io, tr(lang, 'Файл сделок (пусто — не проверять):', 'Deals file (empty: skip the check):'), '')).trim();
    if (deals === '') return undefined;
    const activities = (await askInput(io, tr(lang, 'Файл звонков и активностей (пусто — нет):', 'Calls / activities file (empty: none):'), '')).trim();
    const payments = (await askInput(io, tr(lang, 'Файл оплат (пусто — нет):', 'Payments file (empty: none):'), '')).trim();
    try {
      return await o.readFacts({ deals, activities: activities || undefined, payments: payments || undefined });
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      say(tr(lang, `Не удалось прочитать выгрузки: ${error.message}${formatWhere(error.where) ? ` (${formatWhere(error.where)})` : ''}. Попробуйте ещё раз.`, `Could not read the exports: ${error.message}${formatWhere(error.where) ? ` (${formatWhere(error.where)})` : ''}. Try again.`));
    }
  }
}

function answerChoices(question: Questionnaire['sections'][number]['questions'][number], lang: string): Choice[] {
  return [
    { value: 'yes', name: tr(lang, `Да (+${question.points})`, `Yes (+${question.points})`) },
    ...(question.choices ?? []).map((ch) => ({ value: ch.id, name: `${pick(ch.label, lang)} (+${ch.points})` })),
    { value: 'no', name: tr(lang, 'Нет (0)', 'No (0)') },
    { value: 'skip', name: tr(lang, 'Пропустить / не знаю (0)', 'Skip / don\'t know (0)'), description: tr(lang, 'Вопрос будет отмечен как оставшийся без ответа', 'The question is listed as unanswered') },
  ];
}
