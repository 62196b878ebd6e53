import path from 'node:path';
import { stringify } from 'yaml';
import type { Answer } from '../../core/audit/answers.js';
import { pointsFor, scoreAudit } from '../../core/audit/score.js';
import { checkEvidence } from '../../core/audit/evidence.js';
import type { AuditResult } from '../../core/audit/types.js';
import { formatWhere, UserError, userErrorMessage } from '../../core/errors.js';
import { renderHint } from '../../core/messages.js';
import type { EvidenceFacts } from '../../core/kpi/facts.js';
import type { KpiFiles } from '../../app/kpi-files.js';
import { pick, plural, pluralEn, tr } from '../../core/i18n.js';
import type { Questionnaire } from '../../core/questionnaire/schema.js';
import { maxScore, questionCount } from '../../core/questionnaire/rules.js';
import { renderAuditTable } from '../../render/audit/text.js';
import { paint, useColor, type CliContext } from '../context.js';
import { parseManagers, resolveFormat } from '../format.js';
import { EXIT } from '../exit-codes.js';
import { ExitWith } from '../execute.js';
import { reportFile, writeOutput } from '../output.js';
import { shellWord } from '../../core/inspect-command.js';
import { askFileName, type Protected } from '../ask-file.js';
import { interview } from '../audit-draft.js';
import { askConfirm, askInput, askPath, askSelect, type Choice, type PromptIO } from '../prompts.js';
import { columnsOf, printUserError, stderrLine, wrapText } from '../wrap.js';
import { answersToDocument, questionnaireRef, renderAudit } from './audit.js';
import { parseHourlyCost } from './compare.js';

export interface InteractiveOptions {
  lang: string;
  now: Date;
  company?: string;
  managers?: number;
  hourlyCost?: number;
  baseline?: AuditResult;
  format: 'table' | 'json' | 'md' | 'xlsx' | 'html';
  output?: string;
  inputs: string[];
  /** The facts of exports given on the command line (read before the first question). */
  facts?: EvidenceFacts;
  /** Those exports' paths (-d/-a/-p): the re-run command printed after saving the answers names them. */
  exports?: KpiFiles;
  /**
   * How the exports are read (`--map map.yaml`, `--from …`), as written on the command line, with the --map the
   * session saved its answers about the exports as, if it did (audit.ts): the re-run command repeats them, and
   * without that map it stopped on the same questions. Asked for when the command is printed, after the questions.
   */
  readOptions?: () => readonly string[];
  /** The --lang given on the command line: the re-run command repeats it (the locale chose the language otherwise, and chooses it again). */
  langOption?: string;
  /** Reads the evidence facts of a set of exports (the same import options as `kpi`). */
  readFacts: (files: KpiFiles) => Promise<EvidenceFacts>;
  /** The questionnaire's file (absolute), when it was read from one (`--questionnaire my.yaml`): the saved answers name it. */
  questionnaireFile?: string;
  /** An answers file that leaves questions unanswered (a draft), taken up: only those questions are asked. */
  draft?: { file: string; answers: ReadonlyMap<string, Answer> };
}

/** What the session's steps after the questions share: the prompts, their words, what was written and what must not be written over. */
interface Session {
  ctx: CliContext;
  io: PromptIO;
  lang: string;
  c: ReturnType<typeof paint>;
  say: (text: string) => void;
  /** What the run has written, said by a Ctrl+C (never «nothing was saved» after a file was written). */
  saved: { answers?: string; report?: string };
  protect: () => Protected;
  /** A write that failed (a full disk, a folder made read-only meanwhile): said, and the session goes on. */
  failed: (error: unknown, viaOption: boolean) => void;
}

/** The interactive audit: prompts draw on stderr; the report goes to stdout (or -o). */
export async function runInteractiveAudit(ctx: CliContext, q: Questionnaire, o: InteractiveOptions): Promise<AuditResult> {
  const { lang } = o;
  // The session speaks the report's language: a Ctrl+C or an error in it is said in that language too.
  ctx.messageLang = lang === 'en' ? 'en' : 'ru';
  const io: PromptIO = { input: ctx.stdin, output: ctx.stderr, lang };
  const c = paint(ctx, 'stderr');
  // Text is wrapped at word boundaries to the terminal (terminals break words mid-way).
  const say = (text: string) => stderrLine(ctx, text);
  const max = maxScore(q);

  say(c.bold(pick(q.title, lang)));
  const company = (await askInput(io, tr(lang, 'Компания:', 'Company:'), o.company ?? '')).trim() || undefined;
  // The prompts take what --managers and --hourly-cost take, and refuse what they refuse, in the same words.
  const managers = o.managers ?? (await askNumber(io, tr(lang, 'Сколько менеджеров по продажам? (пусто — не считать часы)', 'How many sales managers? (empty: no hours)'), lang, (v) => parseManagers(v, tr(lang, 'Число менеджеров', 'The number of managers'))));
  const hourlyCost = o.hourlyCost ?? (managers !== undefined ? await askNumber(io, tr(lang, 'Сколько стоит час работы менеджера, ₽? (пусто — не считать деньги)', "What does a manager's hour cost, RUB? (empty: no money)"), lang, (v) => parseHourlyCost(v, tr(lang, 'Цена часа', "The hour's cost"))) : undefined);
  const answers = new Map(o.draft?.answers ?? []);
  if (o.draft) say(takenUpLine(q, o.draft.file, answers.size, lang));
  // Stopped at a question, the interview saves what it was told as a draft, which the command it prints takes up.
  const again = (files: KpiFiles | undefined) => [...exportWords(files, o), ...costWords(managers, hourlyCost), ...langWords(o)];
  interview.draft = { questionnaire: q, ref: o.questionnaireFile ? questionnaireRef(o.questionnaireFile, path.resolve(ctx.cwd, 'draft.yaml')) : q.id, company, answers, given: answers.size, cwd: ctx.cwd, again: again(o.exports) };
  await askQuestions(io, q, lang, say, c, max, answers, new Set(answers.keys()));

  const result = scoreAudit(q, answers, { lang, now: o.now, company, managers, hourlyCost, baseline: o.baseline });
  // The exports typed at the prompts are inputs as those of the command line are: never saved over.
  const typed: string[] = [];
  // A questionnaire without `evidence:` rules has nothing the exports could check: the check is not offered.
  // The exports the answers were checked against, for the re-run command: those of the options, else those typed.
  // A stop while the exports typed are read (at a question about their columns) goes on with them (tester T57: they were dropped).
  const checked: EvidenceFiles = {
    files: o.facts ? o.exports : undefined,
    reading: (files) => {
      if (interview.draft) interview.draft.again = again(files ?? o.exports);
    },
  };
  const facts = hasEvidenceRules(q) ? await askEvidence(io, o, say, ctx.cwd, typed, checked) : o.facts;
  if (facts) result.evidence = checkEvidence(q, result, facts, lang, { managers, hourlyCost });
  say('');

  const saved: Session['saved'] = {};
  ctx.savedBeforeInterrupt = saved;
  const s: Session = {
    ctx, io, lang, c, say, saved,
    protect: () => ({ inputs: [...o.inputs, ...typed], written: [saved.answers, saved.report].filter((f): f is string => f !== undefined) }),
    failed: (error, viaOption) => {
      if (!(error instanceof UserError)) throw error;
      if (viaOption) printUserError(ctx, error, lang);
      else {
        const where = formatWhere(error.where, lang);
        say(c.red(`${where ? `${where}: ` : ''}${userErrorMessage(error, lang)}`));
      }
    },
  };
  // The result shown, the answers are offered to be saved: a stop from here on is the consultant's choice, and saves no draft.
  interview.draft = undefined;
  let reportPending = await showReport(s, result, o);
  const offerAnswers = () => offerAnswersFile(s, q, o, { company, answers, managers, hourlyCost, exports: facts ? checked.files : undefined });
  await offerAnswers();
  if (!o.output || reportPending) reportPending = await offerReport(s, result, reportPending, offerAnswers);
  // -o was not written, nor the report saved elsewhere: the run did not do what it was asked (exit 2).
  if (reportPending) throw new ExitWith(EXIT.usage);
  return result;
}

/** Shows the result, and writes the report where -o or --format asks; whether that write is still to do. */
async function showReport(s: Session, result: AuditResult, o: InteractiveOptions): Promise<boolean> {
  const { ctx, lang, say } = s;
  if (!o.output && o.format === 'table') {
    // The tables fit the terminal, and long lines (recommendations) wrap at word boundaries.
    const width = columnsOf(ctx.stdout);
    // Through writeOutput, as every command's data: stdout redirected onto an input is refused there.
    await writeOutput(ctx, wrapText(renderAuditTable(result, { lang, color: useColor(ctx), width }), width), undefined, s.protect().inputs);
    return false;
  }
  // The report is data (a file, or JSON / Markdown / HTML on stdout): the summary, the band and the
  // recommendations are still shown to the consultant and the client, on stderr.
  const width = columnsOf(ctx.stderr);
  ctx.stderr.write(wrapText(renderAuditTable(result, { lang, color: useColor(ctx, 'stderr'), width }), width));
  say('');
  try {
    // writeOutput says «Записано: отчёт.xlsx (9,3 КБ)»: the path is not said twice.
    // The exports typed at the prompts are inputs too: -o deals.xlsx over the deals.xlsx typed a minute ago replaced it (a reviewer).
    await writeOutput(ctx, await renderAudit(result, o.format, lang, false), o.output, s.protect().inputs, lang, false, reportFile(o.format));
    if (o.output) s.saved.report = o.output;
    return false;
  } catch (error) {
    s.failed(error, true);
    say(tr(lang, 'Отчёт не записан. Ответы можно сохранить, а отчёт — записать в другой файл.', 'The report was not written. The answers can be saved, and the report written to another file.'));
    return true;
  }
}

/** Offers to save the answers for a re-run with --answers, until saved or declined. */
async function offerAnswersFile(s: Session, q: Questionnaire, o: InteractiveOptions, a: { company: string | undefined; answers: ReadonlyMap<string, string>; managers: number | undefined; hourlyCost: number | undefined; exports: KpiFiles | undefined }): Promise<void> {
  const { ctx, io, lang, say } = s;
  for (;;) {
    if (!(await askConfirm(io, tr(lang, 'Сохранить ответы (для повторного запуска с --answers)?', 'Save the answers (to re-run with --answers)?'), true))) return;
    const fits = (name: string): true | string => (ANSWERS_EXTENSION.test(name) ? true : tr(lang, 'Ответы сохраняются в .yaml, .yml или .json', 'Answers are saved as .yaml, .yml or .json'));
    const file = await askFileName(io, say, ctx.cwd, tr(lang, 'Файл ответов (.yaml или .json):', 'Answers file (.yaml or .json):'), 'audit-answers.yaml', s.protect(), { fits });
    const doc = answersToDocument(q, a.company, a.answers, o.questionnaireFile && questionnaireRef(o.questionnaireFile, path.resolve(ctx.cwd, file)));
    try {
      await writeOutput(ctx, /\.json$/i.test(file) ? `${JSON.stringify(doc, null, 2)}\n` : stringify(doc), file, s.protect().inputs, lang);
    } catch (error) {
      s.failed(error, false);
      continue;
    }
    s.saved.answers = file;
    // The answers file holds the answers and the company; the hours and money need their options again,
    // and so does the check against the exports (a re-run without -d/-a/-p had no evidence at all).
    const costs = costWords(a.managers, a.hourlyCost);
    const exports = exportWords(a.exports, o);
    // An English session started with --lang en re-ran in Russian under a locale that names no language.
    const language = langWords(o);
    const again = ['crm-audit audit --answers', shellWord(file), ...exports, ...costs, ...language].join(' ');
    // On a line of its own, indented as a snippet: never wrapped at the terminal's width, copied whole (tester T36 F1).
    const command = `    ${again}`;
    if (exports.length > 0) {
      say(costs.length > 0
        ? tr(lang, `Выгрузки, число менеджеров и цену часа файл ответов не хранит; повторный запуск:\n${command}`, `The answers file keeps neither the exports nor the number of managers and the hour's cost; to run it again:\n${command}`)
        : tr(lang, `Выгрузки файл ответов не хранит; повторный запуск:\n${command}`, `The answers file does not keep the exports; to run it again:\n${command}`));
    } else if (costs.length > 0) {
      say(tr(lang, `Число менеджеров и цену часа файл ответов не хранит; повторный запуск:\n${command}`, `The answers file keeps neither the number of managers nor the hour's cost; to run it again:\n${command}`));
    } else if (language.length > 0) {
      say(tr(lang, `Язык отчёта файл ответов не хранит; повторный запуск:\n${command}`, `The answers file does not keep the report's language; to run it again:\n${command}`));
    }
    return;
  }
}

/** Offers to save the report to a file (again, after a failed -o); whether it is still not written. */
async function offerReport(s: Session, result: AuditResult, pending: boolean, offerAnswers: () => Promise<void>): Promise<boolean> {
  const { ctx, io, lang, say } = s;
  const formats = ['json', 'md', 'xlsx', 'html'] as const;
  // A name the formats cannot fill (отчёт.pdf) is asked again rather than written with the wrong bytes.
  const fits = (name: string): true | string => {
    try {
      resolveFormat(undefined, name, formats, 'xlsx');
      return true;
    } catch {
      return tr(lang, 'Можно сохранить только .xlsx, .md, .json или .html', 'Only .xlsx, .md, .json or .html can be saved');
    }
  };
  const question = pending ? tr(lang, 'Записать отчёт в другой файл?', 'Write the report to another file?') : tr(lang, 'Сохранить отчёт в файл?', 'Save the report to a file?');
  while (await askConfirm(io, question, true)) {
    const file = await askFileName(io, say, ctx.cwd, tr(lang, 'Файл отчёта (.xlsx, .md, .json или .html):', 'Report file (.xlsx, .md, .json or .html):'), 'crm-audit-report.xlsx', s.protect(), { fits, extension: 'xlsx' });
    const format = resolveFormat(undefined, file, formats, 'xlsx');
    try {
      await writeOutput(ctx, await renderAudit(result, format, lang, false), file, s.protect().inputs, lang);
    } catch (error) {
      s.failed(error, false);
      // The answers are offered again when they were not saved: the report may never be written.
      if (s.saved.answers === undefined) await offerAnswers();
      continue;
    }
    s.saved.report = file;
    return false;
  }
  return pending;
}

const ANSWERS_EXTENSION = /\.(ya?ml|json)$/i;

/** `-d deals.csv -a 'my calls.xls' -p …`: the exports as options, quoted for the shell where needed. */
export function exportOptions(files: KpiFiles): string[] {
  return [['-d', files.deals], ['-a', files.activities], ['-p', files.payments]].flatMap(([flag, file]) => (file ? [`${flag} ${shellWord(file)}`] : []));
}

/** Whether the questionnaire says how any answer is checked against the exports (its `evidence:` rules). */
function hasEvidenceRules(q: Questionnaire): boolean {
  return q.sections.some((s) => s.questions.some((x) => x.evidence !== undefined));
}


const BACK = '\u0000back';

/**
 * Every question in order; from the second on, "back" returns to the previous one to change it.
 * The running score is shown at the end of each section.
 */
async function askQuestions(io: PromptIO, q: Questionnaire, lang: string, say: (text: string) => void, c: ReturnType<typeof paint>, max: number, answers: Map<string, Answer>, given: ReadonlySet<string>): Promise<void> {
  const all = q.sections.flatMap((section, si) => section.questions.map((question) => ({ section, si, question })));
  // The questions a draft answered are not asked again; a section's last question asked shows the score so far.
  const asked = all.filter((x) => !given.has(x.question.id));
  const flat = asked.map((x, i) => ({ ...x, last: asked[i + 1]?.si !== x.si }));
  let shown = -1;
  for (let i = 0; i < flat.length; ) {
    const { section, si, question, last } = flat[i]!;
    if (si !== shown) {
      say(`\n${c.bold(`${si + 1}/${q.sections.length}. ${pick(section.title, lang)}`)}`);
      if (section.explanation) say(c.dim(pick(section.explanation, lang)));
      shown = si;
    }
    if (question.explanation) say(c.dim(pick(question.explanation, lang)));
    const choices = answerChoices(question, lang);
    // Chosen, its line under the ✔ says the question is left for the previous one, not answered.
    if (i > 0) choices.push({ value: BACK, name: tr(lang, '← Назад: изменить предыдущий ответ', '← Back: change the previous answer'), short: tr(lang, '↩ не отвечен, возврат к предыдущему вопросу', '↩ not answered, back to the previous question') });
    const answer = await askSelect(io, pick(question.text, lang), choices, answers.get(question.id));
    if (answer === BACK) {
      i--;
      if (flat[i]!.si !== si) shown = -1;
      continue;
    }
    answers.set(question.id, answer);
    if (last) {
      // Only the answers that stand: those after this question, kept from before a "back" to preselect
      // them, are asked again and count only then; a draft's answers count from their section on.
      const stand = new Set([...flat.slice(0, i + 1).map((x) => x.question.id), ...all.filter((x) => x.si <= si && given.has(x.question.id)).map((x) => x.question.id)]);
      const running = all.reduce((sum, x) => sum + (stand.has(x.question.id) && answers.has(x.question.id) ? pointsFor(x.question, answers.get(x.question.id)!) : 0), 0);
      say(c.cyan(tr(lang, `Баллы: ${running} из ${max}`, `Score so far: ${running} of ${max}`)));
    }
    i++;
  }
}

/** What an interview that takes up a draft says first: how many of the questions the file answers, and that the rest are asked now. */
function takenUpLine(q: Questionnaire, file: string, answered: number, lang: string): string {
  const total = questionCount(q);
  const left = total - answered;
  return tr(
    lang,
    `В файле ${file} есть ответы на ${answered} из ${total} ${plural(total, 'вопроса', 'вопросов', 'вопросов')}; осталось вопросов: ${left}.`,
    `${file} answers ${answered} of the ${total} ${pluralEn(total, 'question', 'questions')}; questions left: ${left}.`,
  );
}

/** The hours' and money's options of the run, as a re-run command repeats them. */
function costWords(managers: number | undefined, hourlyCost: number | undefined): string[] {
  return managers !== undefined ? [`--managers ${managers}`, ...(hourlyCost !== undefined ? [`--hourly-cost ${hourlyCost}`] : [])] : [];
}

/** The exports' options and how they are read (`--map`, `--from`), as a re-run command repeats them; none without exports. */
function exportWords(files: KpiFiles | undefined, o: InteractiveOptions): string[] {
  return files ? [...exportOptions(files), ...(o.readOptions?.() ?? [])] : [];
}

/** The --lang of the command line, as a re-run command repeats it (the locale chose the language otherwise, and chooses it again). */
function langWords(o: InteractiveOptions): string[] {
  return o.langOption !== undefined ? [`--lang ${shellWord(o.langOption)}`] : [];
}

/**
 * Asks for an optional number (empty for none), read by `parse` (the option's own reader). A refused
 * value stays in the prompt with the reason under it, never shown as taken.
 */
async function askNumber(io: PromptIO, message: string, lang: string, parse: (value: string) => number | undefined): Promise<number | undefined> {
  const read = (value: string): number | string | undefined => {
    if (value.trim() === '') return undefined;
    try {
      return parse(value);
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      const hint = error.messageId ? renderHint(error.messageId, error.params ?? {}, lang) : undefined;
      return `${userErrorMessage(error, lang)}${hint ? `: ${hint}` : ''}`;
    }
  };
  const raw = await askInput(io, message, '', (v) => typeof read(v) !== 'string' || (read(v) as string));
  return read(raw) as number | undefined;
}

/**
 * The exports to check the answers against: those of the command line, else, when the consultant
 * wants to, paths typed in. A path that names no readable file is said under its own prompt, which
 * asks again (askPath); a file that is read but is no export the run can use is said after the three,
 * which are asked again. An empty deals path gives up. Every path typed is added to `typed`: an input
 * of the run, which the save prompts never write over.
 */
/** The exports the answers were checked against (`files`), and what to tell the interview's draft while typed ones are read. */
interface EvidenceFiles {
  files?: KpiFiles | undefined;
  reading: (files: KpiFiles | undefined) => void;
}

async function askEvidence(io: PromptIO, o: InteractiveOptions, say: (text: string) => void, cwd: string, typed: string[], checked: EvidenceFiles): Promise<EvidenceFacts | undefined> {
  const { lang } = o;
  if (o.facts) return o.facts;
  if (!(await askConfirm(io, tr(lang, 'Проверить ответы по выгрузкам из CRM (сделки, звонки, оплаты)?', 'Check the answers against CRM exports (deals, calls, payments)?'), false))) return undefined;
  for (;;) {
    const deals = (await askPath(io, tr(lang, 'Файл сделок (пусто — не проверять):', 'Deals file (empty: skip the check):'), cwd)).trim();
    if (deals === '') return undefined;
    checked.reading({ deals });
    const activities = (await askPath(io, tr(lang, 'Файл звонков и активностей (пусто — нет):', 'Calls / activities file (empty: none):'), cwd)).trim();
    checked.reading({ deals, activities: activities || undefined });
    const payments = (await askPath(io, tr(lang, 'Файл оплат (пусто — нет):', 'Payments file (empty: none):'), cwd)).trim();
    typed.push(...[deals, activities, payments].filter((f) => f !== ''));
    try {
      const files = { deals, activities: activities || undefined, payments: payments || undefined };
      checked.reading(files);
      const facts = await o.readFacts(files);
      checked.files = files;
      return facts;
    } catch (error) {
      checked.reading(undefined);
      if (!(error instanceof UserError)) throw error;
      const where = formatWhere(error.where, lang);
      const what = `${userErrorMessage(error, lang)}${where ? ` (${where})` : ''}`;
      say(tr(lang, `Не удалось прочитать выгрузки: ${what}. Попробуйте ещё раз.`, `Could not read the exports: ${what}. Try again.`));
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
