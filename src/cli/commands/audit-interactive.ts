import { stringify } from 'yaml';
import type { Answer } from '../../core/audit/answers.js';
import { pointsFor, scoreAudit } from '../../core/audit/score.js';
import type { AuditResult } from '../../core/audit/types.js';
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
  say('');
  if (o.output) {
    await writeOutput(ctx, await renderAudit(result, o.format, lang, false), o.output, o.inputs, lang);
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
    const formats = ['json', 'md', 'xlsx'] as const;
    // A name the formats cannot fill (отчёт.pdf) is asked again rather than written with the wrong bytes.
    const fits = (name: string): true | string => {
      try {
        resolveFormat(undefined, name, formats, 'xlsx');
        return true;
      } catch {
        return tr(lang, 'Можно сохранить только .xlsx, .md или .json', 'Only .xlsx, .md or .json can be saved');
      }
    };
    const file = await askInput(io, tr(lang, 'Файл отчёта (.xlsx, .md или .json):', 'Report file (.xlsx, .md or .json):'), 'crm-audit-report.xlsx', fits);
    const format = resolveFormat(undefined, file, formats, 'xlsx');
    await writeOutput(ctx, await renderAudit(result, format, lang, false), file, o.inputs);
    say(tr(lang, `Отчёт сохранён: ${file}`, `Report saved: ${file}`));
  }
  return result;
}

function answerChoices(question: Questionnaire['sections'][number]['questions'][number], lang: string): Choice[] {
  return [
    { value: 'yes', name: tr(lang, `Да (+${question.points})`, `Yes (+${question.points})`) },
    ...(question.choices ?? []).map((ch) => ({ value: ch.id, name: `${pick(ch.label, lang)} (+${ch.points})` })),
    { value: 'no', name: tr(lang, 'Нет (0)', 'No (0)') },
    { value: 'skip', name: tr(lang, 'Пропустить / не знаю (0)', 'Skip / don\'t know (0)'), description: tr(lang, 'Вопрос будет отмечен как оставшийся без ответа', 'The question is listed as unanswered') },
  ];
}
