import path from 'node:path';
import { countText, tr } from '../core/i18n.js';
import { terminalSafe } from '../render/terminal-safe.js';
import { byCloseDate, byProbability, closedShown, guessStage, looksLost, type UnknownStage } from '../core/undecided-stages.js';
import { renderMessage } from '../core/messages.js';
import { StagesUndecided, stagesSnippet } from '../io/map/import.js';
import { normalizeValue } from '../io/map/values.js';
import { ColumnsMissing } from '../io/map/mapping.js';
import type { Overrides } from '../io/documents/map-file.js';
import type { ValueMaps } from '../io/map/value-maps.js';
import { canAsk, type CliContext } from './context.js';
import type { PromptIO } from './prompts.js';
import { writeOutput } from './output.js';
import { stderrLine } from './wrap.js';
import { describeUserError, UserError, type MapGuess } from '../core/errors.js';

type Outcome = 'won' | 'lost' | 'open';

/** What a stage's deals show, in words, for the question about it. */
function evidence(s: UnknownStage, lang: string): string {
  const n = (v: number) => countText(v, lang);
  const closed = n(closedShown(s));
  // «сделок: 2», not «2 сделок»: a count after a colon needs no plural agreement.
  if (s.leads) return tr(lang, `лидов: ${n(s.deals)}`, `${n(s.deals)} ${s.deals === 1 ? 'lead' : 'leads'}`);
  if (s.blind) return tr(lang, `сделок: ${n(s.deals)}, закрыты ли — не известно, с суммой: ${n(s.amount)}`, `${n(s.deals)} ${s.deals === 1 ? 'deal' : 'deals'}, whether closed unknown, ${n(s.amount)} with an amount`);
  // Where a probability of 100% alone shows the deals closed (a Salesforce report, Odoo), it is said so.
  if (byProbability(s)) return tr(lang, `сделок: ${n(s.deals)}, с вероятностью 100%: ${closed}, с суммой: ${n(s.amount)}`, `${n(s.deals)} ${s.deals === 1 ? 'deal' : 'deals'}, ${closed} at a probability of 100%, ${n(s.amount)} with an amount`);
  // A stage mostly at 0% (offered by map: a run counts it open and warns it looks lost) says so.
  if (looksLost(s)) return tr(lang, `сделок: ${n(s.deals)}, закрыто: ${closed}, с вероятностью 0%: ${n(s.zero)}, с суммой: ${n(s.amount)}`, `${n(s.deals)} ${s.deals === 1 ? 'deal' : 'deals'}, ${closed} closed, ${n(s.zero)} at a probability of 0%, ${n(s.amount)} with an amount`);
  // Deals at a probability between 0% and 100% are open whatever their dates say (the guess is then open); closed at 0%, lost.
  if (s.planned) return tr(lang, `сделок: ${n(s.deals)}, закрыто: ${closed}, с вероятностью ниже 100% (открыты): ${n(s.planned)}, с суммой: ${n(s.amount)}`, `${n(s.deals)} ${s.deals === 1 ? 'deal' : 'deals'}, ${closed} closed, ${n(s.planned)} at a probability below 100% (open), ${n(s.amount)} with an amount`);
  if (s.closedZero) return tr(lang, `сделок: ${n(s.deals)}, закрыто: ${closed}, из них с вероятностью 0%: ${n(s.closedZero)}, с суммой: ${n(s.amount)}`, `${n(s.deals)} ${s.deals === 1 ? 'deal' : 'deals'}, ${closed} closed, ${n(s.closedZero)} of them at a probability of 0%, ${n(s.amount)} with an amount`);
  return tr(lang, `сделок: ${n(s.deals)}, закрыто: ${closed}, с суммой: ${n(s.amount)}`, `${n(s.deals)} ${s.deals === 1 ? 'deal' : 'deals'}, ${closed} closed, ${n(s.amount)} with an amount`);
}

/** The evidence, and where open is pre-selected because the close dates may be expected closes (byCloseDate), why: the snippet's words. */
export function evidenceWithReason(s: UnknownStage, lang: string): string {
  const said = evidence(s, lang);
  return !s.leads && !s.blind && byCloseDate(s) ? `${said}; ${renderMessage('import.stageByCloseDate', {}, lang)}` : said;
}

/**
 * On a terminal, asks once what each closed stage no rule knows means (won, lost or open) and
 * returns the answers (withAnswers offers to save them); without a terminal returns undefined and
 * the error, with its ready snippet, stands.
 */
export async function askStages(ctx: CliContext, error: Pick<StagesUndecided, 'where' | 'stages'>, lang: string): Promise<Record<string, Outcome> | undefined> {
  if (!canAsk(ctx)) return undefined;
  // The prompt library loads only when there is a question to ask (most runs have none).
  const { askSelect } = await import('./prompts.js');
  const io = { input: ctx.stdin, output: ctx.stderr, lang };
  const intro = error.stages.some(([, s]) => s.leads)
    ? tr(lang, `В выгрузке лидов ${error.where.file} есть статусы, о которых неизвестно, сконвертирован лид, некачественный или ещё в работе.`, `The leads export ${error.where.file} has statuses that nothing says are converted, junk or in work.`)
    : error.stages.some(([, s]) => s.blind)
    ? tr(lang, `В выгрузке ${error.where.file} есть этапы, о которых неизвестно, выиграны сделки, проиграны или ещё в работе: в ней нет признака закрытой сделки.`, `${error.where.file} has stages that nothing says are won, lost or open: it has nothing that marks a deal closed.`)
    : error.stages.every(([, s]) => s.status)
    ? tr(lang, `В выгрузке ${error.where.file} у закрытых сделок есть статусы, о которых неизвестно, выиграны сделки или проиграны.`, `${error.where.file} has statuses of closed deals that nothing says are won or lost.`)
    : error.stages.some(([, s]) => s.status)
    ? tr(lang, `В выгрузке ${error.where.file} у закрытых сделок есть этапы и статусы, о которых неизвестно, выиграны сделки или проиграны.`, `${error.where.file} has stages and statuses of closed deals that nothing says are won or lost.`)
    : tr(lang, `В выгрузке ${error.where.file} есть закрытые этапы, о которых неизвестно, выиграны сделки или проиграны.`, `${error.where.file} has closed stages that nothing says are won or lost.`);
  stderrLine(ctx, terminalSafe(intro, false));
  const chosen: Record<string, Outcome> = {};
  for (const [name, s] of error.stages) {
    const guess: Outcome = guessStage(s, name);
    chosen[name] = (await askSelect(
      io,
      terminalSafe(
        s.leads
          ? tr(lang, `Статус «${name}» (${evidence(s, lang)}) — это`, `The status "${name}" (${evidence(s, lang)}) is`)
          : s.status
          ? tr(lang, `Статус «${name}» (${evidenceWithReason(s, lang)}) — это`, `The status "${name}" (${evidenceWithReason(s, lang)}) is`)
          : tr(lang, `Этап «${name}» (${evidenceWithReason(s, lang)}) — это`, `The stage "${name}" (${evidenceWithReason(s, lang)}) is`),
        false,
      ),
      s.leads
        ? [
            { value: 'won', name: tr(lang, 'лид сконвертирован в сделку', 'converted into a deal') },
            { value: 'lost', name: tr(lang, 'некачественный лид', 'junk') },
            { value: 'open', name: tr(lang, 'в работе', 'in work') },
          ]
        : [
            { value: 'won', name: tr(lang, 'выигрыш', 'won') },
            { value: 'lost', name: tr(lang, 'проигрыш', 'lost') },
            { value: 'open', name: tr(lang, 'в работе', 'open') },
          ],
      guess,
    )) as Outcome;
  }
  return chosen;
}

/** The value maps with the stages' answers added. */
export function withStages(maps: ValueMaps, chosen: Record<string, Outcome>): ValueMaps {
  const status = new Map(maps.status);
  for (const [name, outcome] of Object.entries(chosen)) status.set(normalizeValue(name), outcome);
  return { ...maps, status };
}

/** What a required field is, in words, for the question about its column. */
const FIELD_WORDS: Record<string, [string, string]> = {
  manager: ['ответственный менеджер', 'the responsible manager'],
  created_at: ['дата создания сделки', "the deal's creation date"],
  at: ['дата и время активности (звонка)', 'the date and time of the activity (call)'],
  month: ['месяц', 'the month'],
  source: ['источник', 'the source'],
  amount: ['сумма', 'the amount'],
  leads: ['план по лидам', 'the leads target'],
  won: ['план по выигранным сделкам', 'the won deals target'],
  revenue: ['план по выручке', 'the revenue target'],
};

function fieldWords(field: string, lang: string): string {
  const [ru, en] = FIELD_WORDS[field] ?? [field, field];
  return tr(lang, ru, en);
}

/** The answer «none of these columns» (no header is a NUL). */
const NONE = '\u0000none';

/**
 * On a terminal, asks once which column holds each required field no rule found (each column shown
 * with its first values, the one proposed for it pre-selected, else «none of these», which stops the
 * run with the error) and returns the answers; without a terminal returns undefined and the error,
 * with its ready snippet, stands.
 */
export async function askColumns(ctx: CliContext, error: ColumnsMissing, lang: string): Promise<Record<string, string> | undefined> {
  if (!canAsk(ctx)) return undefined;
  const { askSelect } = await import('./prompts.js');
  const io = { input: ctx.stdin, output: ctx.stderr, lang };
  if (error.messageId === 'map.typeUndecided') return askTypeColumn(ctx, error, lang);
  const ambiguous = error.messageId === 'map.columnsAmbiguous';
  stderrLine(ctx, ambiguous ? tr(lang, `В выгрузке ${error.where.file} менеджер может быть в нескольких колонках.`, `In ${error.where.file} the manager could be in more than one column.`) : tr(lang, `В выгрузке ${error.where.file} не найдены нужные колонки.`, `${error.where.file} lacks columns the run needs.`));
  const chosen: Record<string, string> = {};
  for (const { field: first, candidates, anyOf, each } of error.missing) {
    // Any one of a group would do (a plan's leads, won or revenue): which one the file has is asked first.
    const field = anyOf ? await askSelect(io, tr(lang, 'Что из этого есть в выгрузке?', 'Which of these does the file have?'), anyOf.map((f) => ({ value: f, name: fieldWords(f, lang) })), first) : first;
    const words = fieldWords(field, lang);
    // Headers and values from the file are shown made safe; the answer is the header as written.
    const choices = error.columns.filter((c) => c.header.trim() !== '' && !Object.values(chosen).includes(c.header)).map((c) => ({ value: c.header, name: terminalSafe(c.header, false), description: terminalSafe(c.samples.join(' · '), false) }));
    // Pre-selected: a column proposed for this field (its values fit it). With none, «none of these», first:
    // Enter on the file's first column (an id of 100000) failed the run on every row, «100000 — не дата».
    const fitting = (each?.[field] ?? (field === first ? candidates : [])).find((h) => choices.some((c) => c.value === h));
    const none = { value: NONE, name: tr(lang, 'ни одна из них (остановить и показать фрагмент --map)', 'none of these (stop and show the --map snippet)') };
    const answer = await askSelect(io, tr(lang, `Какая колонка — ${words}?`, `Which column is ${words}?`), fitting === undefined ? [none, ...choices] : [...choices, none], fitting ?? NONE);
    if (answer === NONE) throw error;
    chosen[field] = answer;
  }
  return chosen;
}

/** Asks what a generic «Тип» column holds (its values did not say), and returns it as a column of --map. */
async function askTypeColumn(ctx: CliContext, error: ColumnsMissing, lang: string): Promise<Record<string, string>> {
  const io = { input: ctx.stdin, output: ctx.stderr, lang };
  const { askSelect } = await import('./prompts.js');
  const header = String(error.params?.header ?? error.missing[0]!.candidates[0]);
  const samples = error.columns.find((c) => c.header === header)?.samples ?? [];
  stderrLine(ctx, terminalSafe(tr(lang, `В выгрузке ${error.where.file} по значениям колонки «${header}» не понять, что в ней.`, `In ${error.where.file} the values of the column "${header}" do not say what it holds.`), false));
  const field = await askSelect(
    io,
    tr(lang, `Что в колонке «${header}» (${samples.join(' · ')})?`, `What does the column "${header}" (${samples.join(' · ')}) hold?`),
    [
      { value: 'kind', name: tr(lang, 'вид активности (звонок, письмо, встреча, задача)', "the activity's kind (call, email, meeting, task)") },
      { value: 'direction', name: tr(lang, 'направление звонка (входящий, исходящий)', "the call's direction (inbound, outbound)") },
    ],
    'kind',
  );
  return { [field]: header };
}

/**
 * Runs a computation over exports; where they cannot say something (a closed stage no rule knows, a
 * required column no rule finds), asks once on a terminal and runs it again with the answers. Without
 * a terminal, each question's snippet guess is taken and the run read on, so that one stop names every
 * question it finds, in one snippet built on the --map given (map-snippet.ts). `beforeColumns` runs before a column is
 * asked about (kpi checks there that no file was passed under the wrong option).
 *
 * Every answer of the run is offered for saving once, as one --map file, when the run is through its
 * questions (or stops on another error of the user's files: the answers still hold): a plan's column and
 * then a renamed stage were two prompts and two files, and a second run with either one asked the
 * other question again.
 */
export async function withAnswers<T>(ctx: CliContext, lang: string, overrides: Overrides, compute: (maps: Overrides) => Promise<T>, run: RunFiles, beforeColumns?: () => Promise<void>): Promise<T> {
  const given = new Answers();
  try {
    const result = await computeAsking(ctx, lang, overrides, compute, given, beforeColumns, run.ask !== false);
    await given.offer(ctx, lang, run, overrides.text);
    return result;
  } catch (error) {
    // Stopped by a user's error («none of these» included): what was answered before it still holds.
    if (error instanceof UserError) await given.offer(ctx, lang, run, overrides.text);
    throw error;
  }
}

/**
 * withAnswers' loop: computes, and asks what stops it, at most three times; each answer is kept in `given`.
 * Without a terminal each question is kept and its snippet's guess taken, to read on and find the next:
 * the run stops once, naming them all with one snippet (a terminal asks them in one go too).
 */
async function computeAsking<T>(ctx: CliContext, lang: string, overrides: Overrides, compute: (maps: Overrides) => Promise<T>, given: Answers, beforeColumns: (() => Promise<void>) | undefined, ask: boolean): Promise<T> {
  let maps = overrides;
  const undecided: UserError[] = [];
  for (let asked = 0; ; asked++) {
    let error: unknown;
    try {
      const result = await compute(maps);
      if (undecided.length === 0) return result;
    } catch (caught) {
      error = caught;
    }
    if (error instanceof StagesUndecided) {
      const chosen = asked < 3 && ask ? await askStages(ctx, error, lang) : undefined;
      if (chosen) {
        given.stagesOf(error, chosen);
        maps = { ...maps, valueMaps: withStages(maps.valueMaps, chosen) };
        continue;
      }
    }
    if (error instanceof ColumnsMissing) {
      await beforeColumns?.();
      const chosen = asked < 3 && ask ? await askColumns(ctx, error, lang) : undefined;
      if (chosen) {
        given.columnsOf(error, chosen);
        maps = { ...maps, columns: { ...maps.columns, [error.kind]: { ...maps.columns[error.kind], ...chosen } } };
        continue;
      }
    }
    const question = error instanceof StagesUndecided || error instanceof ColumnsMissing ? error : undefined;
    // Another user error after a guess may be the guess's (a column read as the wrong field): the questions
    // come first. A fault that is no user's (a worker failing, EACCES) is never hidden behind them. (No
    // error at all: the run read through on its guesses, and the questions found stop it.)
    if (!question && (undecided.length === 0 || (error !== undefined && !(error instanceof UserError)))) throw error;
    if (question) undecided.push(question);
    const guess = question && asked < 3 ? guessOf(question) : undefined;
    if (!guess) {
      const { undecidedTogether } = await import('./map-snippet.js');
      throw undecidedTogether(undecided, overrides.text, overrides.file);
    }
    maps = withGuess(maps, guess);
  }
}

/**
 * What a question's snippet answers, the one rule of what can be guessed: a run without a terminal reads
 * on with it, `map` without one proposes it. A stage's guess is its snippet's (guessStage); a column's
 * is the error's own (set where its snippet is built), none for a field no column is proposed for or a
 * «Тип» column whose snippet offers both readings.
 */
export function guessOf(error: StagesUndecided | ColumnsMissing): MapGuess | undefined {
  if (error instanceof StagesUndecided) return { status: Object.fromEntries(error.stages.map(([name, s]) => [name, guessStage(s, name)])) };
  return error.guess;
}

/** The run's maps with a snippet's guesses added, as answers would be. */
function withGuess(maps: Overrides, guess: MapGuess): Overrides {
  const columns = { ...maps.columns };
  for (const [kind, chosen] of Object.entries(guess.columns ?? {})) columns[kind as keyof typeof columns] = { ...columns[kind as keyof typeof columns], ...chosen };
  return { ...maps, columns, valueMaps: guess.status ? withStages(maps.valueMaps, guess.status) : maps.valueMaps };
}

/** The answers given at a run's prompts, for one --map file. */
class Answers {
  private readonly columns: Record<string, Record<string, string>> = {};
  private readonly stages: Array<[string, UnknownStage]> = [];
  private readonly chosen: Record<string, Outcome> = {};
  /** The exports asked about (never the name to save the map as). */
  private readonly files: string[] = [];
  private offered = false;

  columnsOf(error: ColumnsMissing, chosen: Record<string, string>): void {
    this.columns[error.kind] = { ...this.columns[error.kind], ...chosen };
    this.files.push(error.where.file ?? '-');
  }

  stagesOf(error: StagesUndecided, chosen: Record<string, Outcome>): void {
    for (const stage of error.stages) if (!(stage[0] in this.chosen)) this.stages.push(stage);
    Object.assign(this.chosen, chosen);
    this.files.push(error.where.file ?? '-');
  }

  /**
   * Offers to save the answers, once a run (nothing when none was given), written on the run's --map
   * (`base`: its text as read): the file saved answers all the run's questions alone, and a re-run names it alone.
   */
  async offer(ctx: CliContext, lang: string, run: RunFiles, base: string | undefined): Promise<void> {
    if (this.offered || this.files.length === 0) return;
    this.offered = true;
    const answers = mapDocument(this.columns, this.stages.length > 0 ? stagesSnippet(this.stages, this.chosen, lang) : '');
    const { mergeMapDocuments } = await import('./map-snippet.js');
    await offerToSaveMap(ctx, { input: ctx.stdin, output: ctx.stderr, lang }, base === undefined ? answers : mergeMapDocuments(base, answers), this.files, run);
  }
}

/**
 * One --map document: the columns chosen for each kind of export, and the stages' statuses (a
 * snippet of stagesSnippet, under `deals:`); `notes` mark a column proposed, not chosen (map without a terminal).
 */
export function mapDocument(columns: Readonly<Record<string, Record<string, string>>>, stages: string, notes?: Record<string, string>): string {
  const block = (kind: string) => {
    const chosen = columns[kind];
    return chosen ? columnsYaml(chosen).replace(/^( {4}(\w+): .*)$/gm, (line: string, _all: string, field: string) => (notes?.[field] ? `${line}    # ${notes[field]}` : line)) : '';
  };
  let doc = '';
  for (const kind of Object.keys(columns)) if (!(kind === 'deals' && stages) && block(kind)) doc += `${kind}:\n${block(kind)}`;
  // The stage snippet starts with its own "deals:" line: the deals' columns go under the same key.
  return stages ? doc + stages.replace(/^deals:\n/, `deals:\n${block('deals')}`) : doc;
}

/** The `columns:` block of a --map file (under its kind's key). */
function columnsYaml(columns: Record<string, string>): string {
  return `  columns:\n${Object.entries(columns).map(([field, header]) => `    ${field}: ${JSON.stringify(header)}`).join('\n')}\n`;
}

/** The files of the run a --map file saved at its prompt must not replace: its inputs and its -o. */
export interface RunFiles {
  inputs?: readonly string[];
  output?: string;
  /** Told the --map file the answers were saved as (an interactive audit's re-run command names it). */
  onSaved?: (file: string) => void;
  /** false: asks nothing, on a terminal too (`report`, a CI command): every question is said in one stop. */
  ask?: false;
}

/** The --map file a yes saves to: beside the export, named after it (`deals.map.yaml`), or crm-audit.map.yaml for stdin. */
function mapNameFor(file: string | undefined): string {
  if (file === undefined || file === '-') return 'crm-audit.map.yaml';
  const base = path.basename(file, path.extname(file));
  return path.join(path.dirname(file), `${base}.map.yaml`);
}

/**
 * Offers to save the answers as a --map file (a path typed in; Enter saves nothing). The export asked
 * about and the run's other inputs and -o are refused at the prompt and asked again (typing the export's
 * name stopped the run, the answers lost); another existing file is replaced only when the user says so;
 * a write that fails is said and the name asked again.
 */
async function offerToSaveMap(ctx: CliContext, io: PromptIO & { lang: string }, doc: string, exportFiles: readonly string[], run: RunFiles): Promise<void> {
  // The prompt library loads only when there is a question to ask (most runs have none).
  const { askFileName } = await import('./ask-file.js');
  const say = (text: string) => stderrLine(ctx, text);
  const keep = { inputs: [...exportFiles, ...(run.inputs ?? [])], written: [], ...(run.output !== undefined ? { output: run.output } : {}) };
  for (;;) {
    const file = await askFileName(io, say, ctx.cwd, tr(io.lang, 'Сохранить ответы как файл --map (путь; Enter — не сохранять)', 'Save the answers as a --map file (a path; Enter: do not save)'), '', keep, {
      optional: true,
      extension: 'yaml',
      noun: { ru: 'файл --map', en: 'the --map file' },
      yesName: mapNameFor(exportFiles[0]),
      fits: (name) => (/\.(?:ya?ml|json)$/i.test(name) ? true : tr(io.lang, 'Файл --map — это .yaml, .yml или .json', 'A --map file is .yaml, .yml or .json')),
    });
    if (file === '') return;
    try {
      await writeOutput(ctx, doc, file, [...keep.inputs], io.lang);
      run.onSaved?.(file);
      return;
    } catch (error) {
      if (!(error instanceof UserError)) throw error;
      say(terminalSafe(describeUserError(error, io.lang), false));
    }
  }
}
