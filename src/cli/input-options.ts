import { InvalidArgumentError, Option, type Command } from 'commander';
import { UserError } from '../core/errors.js';
import { DAY_FORMS, plainMinus, readDay, readShare } from '../core/option-values.js';
import { DAY_MS } from '../core/kpi/stats.js';
import type { ImportOptions } from '../io/map/import.js';
import { DEFAULT_LIMITS, type Limits } from '../io/read/limits.js';
import type { SlashOrder } from '../io/map/values.js';
import type { Encoding } from '../io/read/sniff.js';
import { nowSetBy, resolveNow, type CliContext } from './context.js';
import { parseCount } from './format.js';
import { shellWord } from '../core/inspect-command.js';
import { progressLine } from './progress.js';

/** The import options every command that reads exports shares (declared once, xsv-style). */
export function withImportOptions(cmd: Command): Command {
  return cmd
    .option('--map <file.yaml>', 'column assignments and value maps for unusual exports')
    .option('--delimiter <char>', 'delimiter of CSV files (default: detected; "tab" for a tab)')
    .option('--encoding <name>', 'encoding of text files without a byte order mark (default: detected): utf-8, cp1251, cp1252, cp1250, cp1254, koi8-r, cp866, utf-16le, utf-16be')
    .option('--sheet <name|n>', 'XLSX sheet (default: the first non-empty one)')
    .addOption(dateFormatOption())
    .option('--time-offset <hours>', 'shift activity times by this many hours (e.g. -3, +2:30)')
    .option('--max-bad-rows <n|n%>', 'unreadable rows tolerated per file (default 1% or 5 rows, whichever is larger)')
    .option('--max-cell-size <chars>', `longest cell accepted (default ${DEFAULT_LIMITS.maxCellChars})`)
    .option('--max-columns <n>', `most columns accepted (default ${DEFAULT_LIMITS.maxColumns})`)
    .option('--max-inflated-size <bytes>', `most bytes an XLSX may inflate to (default ${DEFAULT_LIMITS.maxInflatedBytes})`);
}

/** The export files and KPI definition options of kpi, compare and report. */
export interface KpiCliFields {
  deals?: string;
  activities?: string;
  payments?: string;
  from?: string;
  to?: string;
  touchNorm?: string;
  callbackWindow?: string;
}

/** The before/after options of compare and report. */
export interface PeriodCliFields {
  cutover?: string;
  beforeDeals?: string;
  beforeActivities?: string;
  beforePayments?: string;
  afterDeals?: string;
  afterActivities?: string;
  afterPayments?: string;
  targets?: string;
  cost?: string;
  monthlyCost?: string;
  margin?: string;
  byManager?: boolean;
}

export interface ImportCliOptions {
  map?: string;
  now?: string;
  delimiter?: string;
  encoding?: string;
  sheet?: string;
  dateFormat?: string;
  timeOffset?: string;
  maxBadRows?: string;
  maxCellSize?: string;
  maxColumns?: string;
  maxInflatedSize?: string;
  /** The options written on the command line (long names), defaults not counted: `--touch-norm 5` from its default '5'. */
  optionsGiven?: readonly string[];
}

/** The options that decide how exports are read and what their figures count (a re-run with the same exports needs them too). */
const READ_OPTIONS = {
  '--map': 'map', '--delimiter': 'delimiter', '--encoding': 'encoding', '--sheet': 'sheet', '--date-format': 'dateFormat', '--time-offset': 'timeOffset',
  '--max-bad-rows': 'maxBadRows', '--max-cell-size': 'maxCellSize', '--max-columns': 'maxColumns', '--max-inflated-size': 'maxInflatedSize',
  '--from': 'from', '--to': 'to', '--touch-norm': 'touchNorm', '--callback-window': 'callbackWindow',
} as const satisfies Record<string, keyof (ImportCliOptions & KpiCliFields)>;

/**
 * `--map map.yaml --from 2025-01-01 …`: the reading options written on the command line, quoted for the shell
 * where needed, in the order given; `map`, a --map saved since (which holds the given one's answers too), last in place of the given one.
 */
export function readOptionWords(given: ImportCliOptions & KpiCliFields, map?: string): string[] {
  const opts = map === undefined ? given : { ...given, map, optionsGiven: [...(given.optionsGiven ?? []).filter((f) => f !== '--map'), '--map'] };
  return (opts.optionsGiven ?? []).flatMap((flag) => {
    const key = (READ_OPTIONS as Record<string, keyof (ImportCliOptions & KpiCliFields)>)[flag];
    const value = key === undefined ? undefined : opts[key];
    return typeof value === 'string' ? [`${flag} ${shellWord(value)}`] : [];
  });
}

/** The names `--encoding` takes for each encoding the readers know (case and `-`/`_` ignored). */
const ENCODING_NAMES: ReadonlyArray<[Encoding, readonly string[]]> = [
  ['utf-8', ['utf8']],
  ['windows-1251', ['cp1251', 'windows1251', '1251', 'win1251']],
  ['windows-1252', ['cp1252', 'windows1252', '1252', 'latin1', 'iso88591']],
  ['windows-1250', ['cp1250', 'windows1250', '1250', 'win1250', 'iso88592', 'latin2']],
  ['windows-1254', ['cp1254', 'windows1254', '1254', 'win1254', 'iso88599', 'latin5']],
  ['koi8-r', ['koi8r', 'koi8']],
  ['ibm866', ['cp866', 'ibm866', '866', 'dos']],
  ['utf-16le', ['utf16le', 'utf16']],
  ['utf-16be', ['utf16be']],
];

/** Parses `--encoding` (`cp1251`, `Windows-1251`, `koi8-r`, `cp866`…). */
export function parseEncoding(value: string | undefined): Encoding | undefined {
  if (value === undefined) return undefined;
  const key = value.trim().toLowerCase().replace(/[-_\s]/g, '');
  const found = ENCODING_NAMES.find(([, names]) => names.includes(key));
  if (!found) throw UserError.of('E_USAGE', 'usage.encoding', { value });
  return found[0];
}

const DATE_FORMATS = ['DD/MM/YYYY', 'MM/DD/YYYY'];

/**
 * `--date-format`, also as Russian messages spell it (ДД/ММ/ГГГГ) and in any case (dd/mm/yyyy): both
 * were refused (a tester). Anything else is refused as commander refuses a value not among the choices.
 */
function dateFormatOption(): Option {
  const option = new Option('--date-format <format>', 'order of ambiguous slash dates').choices(DATE_FORMATS);
  return option.argParser((value: string) => {
    const latin = value.trim().toUpperCase().replace(/Д/g, 'D').replace(/М/g, 'M').replace(/Г/g, 'Y');
    if (!DATE_FORMATS.includes(latin)) throw new InvalidArgumentError(`Allowed choices are ${DATE_FORMATS.join(', ')}.`);
    return latin;
  });
}

/**
 * Parses `--time-offset` (`-3`, `+2:30`, `5.5`) into hours; also a typographic minus or dash (`−3`,
 * `–3`), a decimal comma (`3,5`) and an hours unit (`+3ч`, `3h`), as a person types them (they were
 * refused as past 26 hours: a tester).
 */
export function parseOffset(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const typed = plainMinus(value.trim()).replace(',', '.').replace(/\s*(?:ч|час(?:а|ов)?|h|hours?)$/i, '');
  const m = /^([+-])?(\d{1,2})(?::(\d{2})|\.(\d+))?$/.exec(typed);
  // Minutes below 60, and no more than the 26 hours between the farthest time zones (UTC−12, UTC+14).
  if (!m || Number(m[3] ?? 0) >= 60) throw UserError.of('E_USAGE', 'usage.timeOffset', { value });
  const hours = Number(m[2]) + (m[3] ? Number(m[3]) / 60 : m[4] ? Number(`0.${m[4]}`) : 0);
  if (hours > 26) throw UserError.of('E_USAGE', 'usage.timeOffset', { value });
  return m[1] === '-' ? -hours : hours;
}

/** Turns the shared CLI options into importer options, with progress on stderr when it is a terminal. */
export function importOptionsFromCli(o: ImportCliOptions, ctx: CliContext): ImportOptions {
  const limits: Partial<Limits> = {};
  const cell = parseCount(o.maxCellSize, '--max-cell-size');
  const cols = parseCount(o.maxColumns, '--max-columns');
  const inflated = parseCount(o.maxInflatedSize, '--max-inflated-size');
  if (cell) limits.maxCellChars = cell;
  if (cols) limits.maxColumns = cols;
  if (inflated) limits.maxInflatedBytes = inflated;
  let delimiter = o.delimiter;
  if (delimiter !== undefined) {
    delimiter = { tab: '\t', '\\t': '\t', semicolon: ';', comma: ',' }[delimiter.toLowerCase()] ?? delimiter;
    if (delimiter.length !== 1 || delimiter.charCodeAt(0) > 127) throw UserError.of('E_USAGE', 'usage.delimiter', { value: o.delimiter ?? '' });
  }
  const encoding = parseEncoding(o.encoding);
  let maxBadRows: ImportOptions['maxBadRows'];
  if (o.maxBadRows !== undefined) {
    // A count of rows is whole; a share is at most 100% (1.5 rows or 150% were taken as they came).
    const m = /^(?:(\d+)|(\d+(?:[.,]\d+)?)%)$/.exec(o.maxBadRows.trim());
    if (!m || (m[2] !== undefined && Number(m[2].replace(',', '.')) > 100)) throw UserError.of('E_USAGE', 'usage.maxBadRows', { value: o.maxBadRows });
    maxBadRows = m[2] !== undefined ? { share: Number(m[2].replace(',', '.')) / 100 } : { count: Number(m[1]) };
  }
  const dateOrder: SlashOrder | undefined = o.dateFormat === 'DD/MM/YYYY' ? 'dmy' : o.dateFormat === 'MM/DD/YYYY' ? 'mdy' : undefined;
  return {
    cwd: ctx.cwd,
    stdin: ctx.stdin,
    limits,
    delimiter,
    ...(encoding ? { encoding } : {}),
    sheet: o.sheet,
    dateOrder,
    timeOffsetHours: parseOffset(o.timeOffset),
    maxBadRows,
    reportDay: Math.floor(resolveNow(ctx, o.now).getTime() / DAY_MS) * DAY_MS,
    ...(nowSetBy(ctx, o.now) ? { reportDayFrom: nowSetBy(ctx, o.now) } : {}),
    // A dumb terminal (Emacs' shell, some CI log viewers) shows the line's carriage return and erase code as garbage (tester T44).
    onProgress: ctx.stderr.isTTY && ctx.env.TERM !== 'dumb' ? progressLine(ctx, (o as { lang?: string }).lang ?? 'en') : undefined,
  };
}

/** Parses a date option: `ДД.ММ.ГГГГ` or `YYYY-MM-DD`, returned as `YYYY-MM-DD` (the error speaks the run's language when printed). */
export function parseDay(value: string | undefined, name: string): string | undefined {
  if (value === undefined) return undefined;
  const day = readDay(value);
  if (day === undefined) throw UserError.of('E_USAGE', 'usage.notADay', { name, value, formsRu: DAY_FORMS.ru, formsEn: DAY_FORMS.en });
  return day;
}

/**
 * A duration's number and unit, in English or Russian: hours (`h`, `hours`, `ч`, `час`, `часа`,
 * `часов`), minutes (`m`, `min`, `minutes`, `м`, `мин`, `минут`, `минуты`) and days (`d`, `days`, `д`,
 * `дн`, `день`, `дня`, `дней`), with a dot after an abbreviation (`24 ч.`) and a decimal comma (`1,5ч`).
 * Before, «24ч», the natural spelling in a Russian CLI, was refused (tester T32 F10).
 */
const WINDOW = /^(\d+(?:[.,]\d+)?)\s*(h|hours?|ч|час|часа|часов|m|min|minutes?|м|мин|минут[аы]?|d|days?|д|дн|день|дня|дней)\.?$/iu;

/** Milliseconds in a unit WINDOW reads, told by its first letter. */
function unitMs(unit: string): number {
  const first = unit.toLowerCase().charAt(0);
  return first === 'd' || first === 'д' ? 86_400_000 : first === 'm' || first === 'м' ? 60_000 : 3_600_000;
}

/** Parses a duration option such as `24h`, `90m`, `1d`, `24ч`, `30мин`, `2д` into milliseconds. */
export function parseWindow(value: string | undefined, fallbackMs: number): number {
  if (value === undefined) return fallbackMs;
  // The unit is required: a bare `3600` (meant as seconds) was read as 3600 hours, a window of five months.
  const m = WINDOW.exec(value.trim());
  if (!m) throw UserError.of('E_USAGE', 'usage.callbackWindow', { value });
  return Number(m[1]!.replace(',', '.')) * unitMs(m[2]!);
}

/** Parses --margin: a share between 0 and 1 (`0.35`, `0,35`, `35%`). */
export function parseMargin(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = readShare(value);
  if (n === undefined) throw UserError.of('E_USAGE', 'usage.margin', { value });
  return n;
}

/**
 * Refuses more than one input read from stdin (`-`): the second found it empty and was called «an
 * empty file» or a file of another kind. Before anything is read.
 */
export function assertOneStdin(files: ReadonlyArray<string | undefined>, example: 'exports' | 'answers' | 'map' = 'exports', map?: string): void {
  if (files.filter((f) => f === '-').length <= 1) return;
  // The example is the command's own (tester T56: an answers file was told «-d - -a звонки.csv < сделки.csv»),
  // and a map from stdin is shown given as a file (review R48 F8).
  const params = {
    exports: map === '-' ? { exampleRu: '-d - --map map.yaml < сделки.csv', example: '-d - --map map.yaml < deals.csv' } : { exampleRu: '-d - -a звонки.csv < сделки.csv', example: '-d - -a calls.csv < deals.csv' },
    answers: { exampleRu: '--answers - -d сделки.csv < ответы.yaml', example: '--answers - -d deals.csv < answers.yaml' },
    map: { exampleRu: 'map - --map map.yaml < сделки.csv', example: 'map - --map map.yaml < deals.csv' },
  }[example];
  throw UserError.of('E_USAGE', 'usage.oneStdin', params);
}
