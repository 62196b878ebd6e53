import { terminalSafe } from '../../render/terminal-safe.js';
import { Readable } from 'node:stream';
import { tr } from '../../core/i18n.js';
import { renderMessage } from '../../core/messages.js';
import { DEFAULT_LIMITS } from '../../io/read/limits.js';
import { readAll } from '../../io/read/files.js';
import { looksLikeUserId, managersSnippet } from '../../core/kpi/alerts.js';
import { DealStore } from '../../core/kpi/deal-store.js';
import { stagesToName } from '../../core/undecided-stages.js';
import { loadOverrides, mapOptions } from '../../io/documents/map-file.js';
import { stagesSnippet } from '../../io/map/import.js';
import { guessKindSaid, inspectFile, kindRead, ownReportError } from '../../io/map/inspect.js';
import { askColumns, askStages, guessOf, mapDocument } from '../ask-stages.js';
import { mergeMapDocuments, undecidedTogether } from '../map-snippet.js';
import { stderrLine } from '../wrap.js';
import { kpiWouldStop } from '../warnings.js';
import { ColumnsMissing, type ColumnMap } from '../../io/map/mapping.js';
import { columnGaps, type ColumnGap } from '../../app/kpi-files.js';
import { metricDef } from '../../core/kpi/catalog.js';
import { reasonText } from '../../render/kpi/labels.js';
import { labelList } from '../../render/text.js';
import type { ImportReport } from '../../io/map/import.js';
import type { RecordKind } from '../../io/map/fields.js';
import { canAsk, type CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { assertOneStdin, importOptionsFromCli, type ImportCliOptions } from '../input-options.js';
import { assertOutputPlace, writeOutput, type SaveAs } from '../output.js';

/** What a failed write of the map to stdout suggests instead: the file the help's examples name. */
const MAP_FILE: SaveAs = { file: 'map.yaml', fileRu: 'map.yaml' };

export interface MapOptions extends ImportCliOptions {
  args: string[];
  output?: string;
  /** What the file holds, when its header does not say (the no-header snippet named --kind, which map had not: a tester). */
  kind?: RecordKind;
  lang: 'ru' | 'en';
}

/**
 * `crm-audit map FILE`: the questions a run would ask about a deals export, on their own. On a
 * terminal each closed stage no rule knows is asked about and the answers are written as a --map
 * file; without one the proposal is written, each guess marked to check.
 */
export async function run(o: MapOptions, ctx: CliContext): Promise<number> {
  const file = o.args[0]!;
  // The map read (--map) is an input too: `map f.csv --map my.yaml -o my.yaml` replaced the user's map with a comment.
  const inputs = [file, ...(o.map ? [o.map] : [])];
  await assertOutputPlace(ctx, o.output, inputs);
  assertOneStdin([file, o.map], 'map');
  const overrides = await loadOverrides(o.map, ctx.cwd, ctx.stdin);
  const options = importOptionsFromCli(o, ctx);
  // stdin is read more than once (its kind guessed, then its columns, then again with the columns asked): held, and given anew each time.
  const held = file === '-' ? await readAll(ctx.stdin, { ...DEFAULT_LIMITS, ...options.limits }.maxBufferedInputBytes, file) : undefined;
  const base = () => (held ? { ...options, stdin: Readable.from([held]) } : options);
  // A deals export unless its header says another kind (a CRM's signature, two known names: one, «Номер», made a deals
  // file an activities one); --kind says it, the header's guess unread (a file with no header was refused as no deals export).
  const said = o.kind === undefined ? await guessKindSaid(file, base()) : undefined;
  if (said?.report) throw ownReportError(file, said.report, 'map');
  const kind = o.kind ?? kindRead(said!);
  // The deals (or an activities file's managers) go to a store of our own, whose managers are asked about below when they are user ids.
  let store = new DealStore();
  // The columns as read: what they leave not applicable is said (columnGaps).
  let columnMap: ColumnMap | undefined;
  const read = (columns: Record<string, string | string[]> | undefined) => inspectFile(file, kind, { ...base(), ...mapOptions(overrides, kind), columns, listAmbiguous: false, store: (store = new DealStore()), onHeader: (m) => (columnMap = m) });
  // First the columns no rule finds (asked on a terminal; without one the error and its snippet stand), then the stages.
  let columns: Record<string, string> | undefined;
  // Without a terminal, each proposed column's note (the closest by name, or by its values), to check.
  let proposed: Record<string, string> | undefined;
  const report = await read(overrides.columns[kind]).catch(async (error: unknown) => {
    if (!(error instanceof ColumnsMissing)) throw error;
    columns = await askColumns(ctx, error, o.lang);
    // Without a terminal, what the error's snippet answers (guessOf, the rule a run reading on uses) is the
    // proposal, to check: the column proposed for each missing one (the closest, or one whose values fit),
    // the column of a manager two could hold named first; a field no column is proposed for stays the error's.
    const guess = columns ? undefined : guessOf(error);
    if (guess?.columns?.[kind]) {
      columns = guess.columns[kind];
      proposed = Object.fromEntries(Object.entries(guess.notes ?? {}).map(([field, note]) => [field, o.lang === 'ru' ? note.ru : note.en]));
    }
    // The snippet is built on the map given, so that pasted as it, it answers what that map did too.
    if (!columns) throw undecidedTogether([error], overrides.text, o.map);
    return read({ ...overrides.columns[kind], ...columns });
  }).then((r) => readFilledTwins(r, overrides.columns[kind], columns, o.lang, (twins) => {
    // A field read from the empty one of two columns of its name fails on every row: the filled one is proposed, by number.
    columns = { ...columns, ...twins.columns };
    proposed = { ...proposed, ...twins.notes };
    return read({ ...overrides.columns[kind], ...columns });
  }));
  ctx.stderr.write(kpiWouldStop(ctx, o.lang, report, options));
  const stages = stagesToName(report);
  const ids = kind === 'deals' || kind === 'activities' ? userIds(store) : [];
  const name = file === '-' ? tr(o.lang, 'стандартный ввод', 'stdin') : file;
  // An optional column no rule found leaves metrics not applicable (an amount column headed «Стоимость, руб», a tester): said, where «every column is found» hid it until kpi said revenue needs an amount column.
  const gaps = columnMap ? gapLines(columnGaps(columnMap, report, overrides.valueMaps, store.reasons.values.some((r) => r !== '')), report, kind, o.lang, columnMap.phoneColumns) : [];
  // The map given is the map written on: its answers (stages, columns, managers) made «every stage is
  // known» true, and a map written without them lost them, its next run stopped on the same stages.
  const given = overrides.text;
  if (stages.length === 0 && !columns && ids.length === 0) {
    // Stages are a deals file's: a spend, plan or activities file is not told about them.
    const staged = kind === 'deals';
    const stagesRu = staged ? ', каждый этап известен или выглядит открытым' : '';
    const stagesEn = staged ? ', every stage is known or looks open' : '';
    const withMap = o.map === undefined ? name : tr(o.lang, `${name} с ответами из ${mapName(o.map, o.lang)}`, `${name} with the answers of ${mapName(o.map, o.lang)}`);
    const nothing =
      gaps.length === 0
        ? tr(o.lang, `${withMap}: решать нечего — каждая колонка найдена${stagesRu}.`, `${withMap}: nothing to decide: every column is found${stagesEn}.`)
        : tr(o.lang, `${withMap}: каждая обязательная колонка найдена${stagesRu}, но не найдены колонки, без которых часть показателей не рассчитать:`, `${withMap}: every required column is found${stagesEn}, but columns some metrics need are not found:`);
    stderrLine(ctx, terminalSafe([nothing, ...gaps].join('\n'), false));
    // Still a map, so that the next step the help shows (kpi --map map.yaml) reads: one that changes nothing, or the map given, kept whole.
    await writeOutput(ctx, `${yamlComments([nothing, ...gaps])}\n${keptMap(given)}`, o.output, inputs, o.output ? o.lang : undefined, false, MAP_FILE);
    return EXIT.ok;
  }
  const gapsSaid = gaps.length > 0 ? [tr(o.lang, `${name}: не найдены колонки, без которых часть показателей не рассчитать:`, `${name}: columns some metrics need are not found:`), ...gaps] : [];
  if (gapsSaid.length > 0) stderrLine(ctx, terminalSafe(gapsSaid.join('\n'), false));
  const chosen = stages.length > 0 ? await askStages(ctx, { where: { file }, stages }, o.lang) : {};
  const names = ids.length > 0 ? await askManagerNames(ctx, file, ids, o.lang) : undefined;
  if (proposed || !chosen || (ids.length > 0 && !names)) stderrLine(ctx, tr(o.lang, 'Нет терминала: записано предложение, проверьте каждое значение.', 'No terminal: this is a proposal, check each value.'));
  // The columns not found are comments of the map too, however it was made: a map answered on a terminal had none of them.
  const notes = gapsSaid.length > 0 ? `${yamlComments(gapsSaid)}\n\n` : '';
  const doc = notes + mapDocument(columns ? { [kind]: columns } : {}, stages.length > 0 ? stagesSnippet(stages, chosen, o.lang) : '', proposed) + managersYaml(ids, names, o.lang);
  await writeOutput(ctx, given === undefined ? doc : mergeMapDocuments(given, doc), o.output, inputs, o.output ? o.lang : undefined, false, MAP_FILE);
  return EXIT.ok;
}

/**
 * The fields read from the empty one of two columns of one name while the other is filled (the report's
 * emptyTwins): the filled one by its number (`manager: "#7"`; the header names the leftmost again), each
 * noted to check, and the file read again with them. A field the user's --map or an answer names is left alone.
 */
async function readFilledTwins(report: ImportReport, user: Record<string, string | string[]> | undefined, answered: Record<string, string> | undefined, lang: 'ru' | 'en', reread: (twins: { columns: Record<string, string>; notes: Record<string, string> }) => Promise<ImportReport>): Promise<ImportReport> {
  const twins = (report.emptyTwins ?? []).filter((t) => user?.[t.field] === undefined && answered?.[t.field] === undefined);
  if (twins.length === 0) return report;
  return reread({
    columns: Object.fromEntries(twins.map((t) => [t.field, `#${t.filled + 1}`])),
    notes: Object.fromEntries(twins.map((t) => [t.field, renderMessage('map.emptyTwinNote', { used: t.used + 1, filled: t.filled + 1, header: t.header }, lang)])),
  });
}

/** The --map file as the messages name it: stdin in words. */
function mapName(file: string, lang: string): string {
  return file === '-' ? tr(lang, 'стандартного ввода', 'stdin') : file;
}

/** The map given (its text as read, stdin's too), under the comments of a map with nothing new: its answers kept as written. */
function keptMap(given: string | undefined): string {
  if (given === undefined) return '';
  return given.endsWith('\n') || given === '' ? given : `${given}\n`;
}

/** Control characters, as a map's comments show them («�»). */
// eslint-disable-next-line no-control-regex -- the control characters are what this finds
const CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/g;

/**
 * Lines of text as comments of a YAML file: each line break in them (a header or a file name may hold
 * one) starts a comment line of its own, and control characters are «�». A header «note\ndeals:…» was
 * written as a live section of the map, which then read the deal ids as amounts (tester T52 F1), and
 * an escape byte made the map a file `--map` refused as binary.
 */
function yamlComments(lines: readonly string[]): string {
  return lines
    .flatMap((l) => l.split(/\r\n|[\n\r\u0085\u2028\u2029]/))
    .map((l) => `# ${l.replace(CONTROL, '\ufffd')}`)
    .join('\n');
}

/** How many of the columns no field took gapLines names. */
const UNMAPPED_LISTED = 8;

/**
 * The metrics a file's columns leave not applicable, a line for each missing column (the metrics, the
 * reason, the --map field), then the columns no field took, and how a --map file names one: a column
 * of phone numbers (`phones`, an activities file's) as the phone where a link to the deal is missing,
 * never as a deal id.
 */
function gapLines(gaps: readonly ColumnGap[], report: ImportReport, kind: string, lang: 'ru' | 'en', phones: readonly number[] = []): string[] {
  if (gaps.length === 0) return [];
  // A column of phone numbers links a call by its client, not as a deal id (a phone names no deal): named as the phone.
  const phone = gaps.some((g) => g.field === 'deal_id') ? phones.map((i) => report.columns[i]?.header).find((h) => h !== undefined && h.trim() !== '') : undefined;
  const lines = gaps.map((g) => `  - ${labelList(g.metrics.map((k) => metricDef(k)?.label[lang] ?? k), lang)} — ${reasonText(g.reason, lang) || g.reason} (${phone !== undefined && g.field === 'deal_id' ? 'phone' : g.field})`);
  const free = report.columns.filter((c) => !c.field && !c.passedOverFor && c.header.trim() !== '').map((c) => c.header);
  if (free.length > 0) {
    const shown = free.slice(0, UNMAPPED_LISTED).map((h) => (lang === 'ru' ? `«${h}»` : `"${h}"`)).join(', ');
    const more = free.length > UNMAPPED_LISTED ? tr(lang, ` и ещё ${free.length - UNMAPPED_LISTED}`, ` and ${free.length - UNMAPPED_LISTED} more`) : '';
    lines.push(tr(lang, `Не сопоставлены: ${shown}${more}.`, `Not mapped: ${shown}${more}.`));
  }
  if (phone !== undefined) {
    const q = JSON.stringify(phone);
    lines.push(tr(lang, `В колонке «${phone}» номера телефонов: если это телефон клиента, назовите её в файле --map: ${kind}: columns: phone: ${q} (или client: ${q}) — звонок свяжется со сделкой клиента с этим телефоном.`, `"${phone}" holds phone numbers: if it is the client's phone, name it in a --map file: ${kind}: columns: phone: ${q} (or client: ${q}); a call then links to the deal of the client with that phone.`));
  }
  const field = gaps.find((g) => phone === undefined || g.field !== 'deal_id')?.field;
  if (field !== undefined) lines.push(tr(lang, `Если такая колонка в выгрузке есть, назовите её в файле --map: ${kind}: columns: ${field}: "заголовок колонки".`, `If the export has such a column, name it in a --map file: ${kind}: columns: ${field}: "its header".`));
  return lines;
}

/** The managers of the deals or activities that are CRM user ids, in the order the file names them (read as inspect reads it). */
function userIds(store: DealStore): string[] {
  return store.managers.values.filter(looksLikeUserId);
}

/** On a terminal, asks each user id's name once (Enter keeps the id); undefined without one. */
async function askManagerNames(ctx: CliContext, file: string, ids: string[], lang: string): Promise<Map<string, string> | undefined> {
  if (!canAsk(ctx)) return undefined;
  const { askInput } = await import('../prompts.js');
  const io = { input: ctx.stdin, output: ctx.stderr, lang };
  stderrLine(ctx, tr(lang, `В выгрузке ${file} менеджеры указаны кодами пользователей CRM. Назовите их, чтобы отчёт показывал имена.`, `${file} names managers by CRM user id. Name them, for the report to show names.`));
  const names = new Map<string, string>();
  for (const id of ids) {
    const name = (await askInput(io, tr(lang, `Кто это: ${id}? Enter — оставить код`, `Who is ${id}? Enter keeps the id`))).trim();
    if (name !== '') names.set(id, name);
  }
  return names;
}

/**
 * The managers: section: the names given, or, without a terminal, every id commented out with a
 * placeholder (a name is never guessed, and a placeholder must not become a manager's name).
 */
function managersYaml(ids: string[], names: Map<string, string> | undefined, lang: string): string {
  if (ids.length === 0) return '';
  const q = (s: string) => JSON.stringify(s);
  if (!names) return managersSnippet(ids, lang).replace(/^/gm, '# ').replace(/# $/, '');
  if (names.size === 0) return '';
  return `managers:\n${[...names].map(([id, name]) => `  ${q(id)}: ${q(name)}`).join('\n')}\n`;
}
