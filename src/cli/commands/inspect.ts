import { UserError } from '../../core/errors.js';
import { guessKindSaid, inspectFile, kindRead, ownReportError } from '../../io/map/inspect.js';
import { inspectCommand } from '../../core/inspect-command.js';
import { renderMessage } from '../../core/messages.js';
import { kpiWouldStop, warningLine } from '../warnings.js';
import { ColumnsMissing } from '../../io/map/mapping.js';
import type { RecordKind } from '../../io/map/fields.js';
import { loadOverrides, mapOptions, type Overrides } from '../../io/documents/map-file.js';
import { renderColumnsMissing, renderInspect, type ColumnsMissingView } from '../../render/inspect.js';
import { renderJson } from '../../render/text.js';
import { useColor, type CliContext } from '../context.js';
import { messageLang } from '../message-lang.js';
import { EXIT } from '../exit-codes.js';
import { tr } from '../../core/i18n.js';
import { damagedRows, mapEntriesOf, unmatchedMapEntries } from '../../app/kpi-files.js';
import { describeAlert } from '../../core/kpi/alerts.js';
import { importOptionsFromCli, type ImportCliOptions } from '../input-options.js';
import { writeOutput } from '../output.js';

export interface InspectOptions extends ImportCliOptions {
  args: string[];
  kind?: RecordKind;
  format?: 'text' | 'json';
  lang?: 'ru' | 'en';
}

/** `crm-audit inspect FILE`: what the importer sees, column by column. */
export async function run(o: InspectOptions, ctx: CliContext): Promise<number> {
  const file = o.args[0]!;
  const overrides = await loadOverrides(o.map, ctx.cwd, ctx.stdin);
  const base = importOptionsFromCli(o, ctx);
  // The map's columns of the kind the file holds apply, whether --kind says it or the header does; a
  // file with no header the run knows is of the one kind the map names columns for, if it names one.
  const mapped = Object.entries(overrides.columns).filter(([, columns]) => columns && Object.keys(columns).length > 0).map(([k]) => k as RecordKind);
  const guess = o.kind !== undefined || file === '-' ? undefined : await guessKindSaid(file, base).catch((error: unknown): Awaited<ReturnType<typeof guessKindSaid>> => {
    if (error instanceof UserError && error.code === 'E_NO_HEADER' && mapped.length === 1) return { kind: mapped[0]!, said: true };
    throw error;
  });
  if (guess?.report) throw ownReportError(file, guess.report, 'inspect');
  // A header that says no kind is read as deals, as map reads it, and that is said with the command for another kind
  // (the one a lone name pointed at, if not deals): one name («Откуда», a caller's) made a deals file a call log without a word.
  // stdin, read once, is not guessed: it is of the one kind the map is about, as a file with no header is (else --kind is asked for).
  const kind = o.kind ?? (guess ? kindRead(guess) : file === '-' ? mapKind(overrides) : undefined);
  if (guess && !guess.said) {
    const lang = messageLang(ctx, o.lang);
    const other = guess.kind === 'deals' ? 'activities' : guess.kind;
    ctx.stderr.write(warningLine(ctx, lang, renderMessage('inspect.kindUnsaid', { file, inspect: inspectCommand(file, other) }, lang)));
  }
  const report = await inspectFile(file, kind, { ...base, ...mapOptions(overrides, kind) }).catch((error: unknown) => {
    if (error instanceof ColumnsMissing && error.matches) return missingView(error);
    throw error instanceof ColumnsMissing ? withColumns(error) : error;
  });
  const opts = { lang: messageLang(ctx, o.lang), color: useColor(ctx) };
  // The file and the map read: stdout redirected onto either is refused (`inspect d.csv >> d.csv` appended to the export).
  const inputs = [file, ...(o.map !== undefined ? [o.map] : [])];
  // A required column no rule finds: the file's columns are shown, which is what inspect is for (kpi's hint sends the user here to see them).
  if ('lines' in report) {
    const { lines: _l, linesRu: _lr, snippetRu: _sr, ...json } = report;
    await writeOutput(ctx, o.format === 'json' ? renderJson(json) : renderColumnsMissing(report, opts), undefined, inputs, undefined, o.format !== 'json');
    return EXIT.ok;
  }
  // A --map value the file does not hold is said as kpi says it (T40 F6: inspect, the tool to check a map with, said nothing).
  // stdin in words, as elsewhere («нет в стандартном вводе»), not «-».
  const inspected = report.file === '-' ? tr(opts.lang, 'стандартном вводе', 'stdin') : report.file;
  for (const alert of unmatchedMapEntries(mapEntriesOf(overrides), [report])) ctx.stderr.write(warningLine(ctx, opts.lang, describeAlert({ ...alert, inspected }, opts.lang)));
  // Rows the reading lost or cut short, as kpi says them: inspect read a file cut off in transfer without a word.
  for (const alert of damagedRows([report])) ctx.stderr.write(warningLine(ctx, opts.lang, describeAlert(alert, opts.lang)));
  ctx.stderr.write(kpiWouldStop(ctx, opts.lang, report, base));
  // The cells looked up for that check are the run's, not the file's reading: not in the JSON.
  const { managersSeen: _seen, ...shown } = report;
  await writeOutput(ctx, o.format === 'json' ? renderJson(shown) : renderInspect(report, opts), undefined, inputs, undefined, o.format !== 'json');
  return EXIT.ok;
}

/**
 * The one kind a --map file is about: the kind it names columns for, an activities section's `rows` or
 * `units` saying activities too (`inspect - --map m.yaml` with `activities: rows: meeting` read the
 * rows as calls, or not at all); undefined when it names none or more than one.
 */
function mapKind(overrides: Overrides): RecordKind | undefined {
  const kinds = new Set(Object.entries(overrides.columns).filter(([, columns]) => columns && Object.keys(columns).length > 0).map(([k]) => k as RecordKind));
  if (overrides.rows !== undefined || overrides.units !== undefined) kinds.add('activities');
  return kinds.size === 1 ? [...kinds][0] : undefined;
}

/** What inspect shows of a file whose required column no rule finds: its columns, their values, the fields missing. */
function missingView(error: ColumnsMissing): ColumnsMissingView & { missingFields: ColumnsMissing['missing'] } {
  const p = error.params as Record<string, string>;
  return {
    file: p.file ?? error.where?.file ?? '',
    kind: error.kind,
    ...(error.crm ? { crm: error.crm } : {}),
    columns: (error.matches ?? []).map((m, i) => ({ ...m, samples: error.columns[i]?.samples ?? [] })),
    missing: error.missing.length,
    missingFields: error.missing,
    lines: p.lines ?? '',
    linesRu: p.linesRu ?? '',
    snippet: p.snippet ?? '',
    snippetRu: p.snippetRu ?? '',
    ...(error.messageId === 'map.columnsUnknown' ? { unknown: { fileRu: p.fileRu ?? '', fileEn: p.fileEn ?? '' } } : {}),
  };
}

/** The most columns a refusal lists, each with its first values. */
const LISTED_COLUMNS = 40;

/**
 * A required column missing, as inspect says it: the general message sends the user to inspect to see
 * the columns, which is where they are; so the columns and their first values go into the hint.
 */
function withColumns(error: ColumnsMissing): UserError {
  const list = (open: string, close: string) => {
    const shown = error.columns.filter((c) => c.header.trim() !== '').slice(0, LISTED_COLUMNS).map((c) => `${open}${c.header}${close}${c.samples.length ? ` (${c.samples.slice(0, 2).map((v) => `${open}${v}${close}`).join(', ')})` : ''}`);
    return shown.join(', ') + (error.columns.length > LISTED_COLUMNS ? ', …' : '');
  };
  return UserError.of('E_MAP_REQUIRED', error.messageId === 'map.columnsUnknown' ? 'inspect.columnsUnknown' : 'inspect.columnsMissing', { ...error.params, columns: list('"', '"'), columnsRu: list('«', '»') }, error.where);
}
