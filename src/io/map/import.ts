// io/map: rows to records, every CRM rule written once. The header row is found and mapped to
// canonical fields (fields.ts, mapping.ts); each row is judged (empty, totals, footer) and read by the
// reader of its kind (deal-reader, activity-reader, payment-reader, spend-reader, plan-reader) through Cells, which gives a cell
// from bytes or from text with the same meaning. Every row ends as a record, a skipped row with its
// reason, or a dropped non-data row, all in the ImportReport. importFile is the entry.
import type { ReportDateFrom } from '../../core/kpi/alerts.js';
import { knownLayout } from './layouts.js';
import { Readable } from 'node:stream';
import type { Payment, PlanRow, SkippedRow, SpendRow } from '../../core/records.js';
import { UserError } from '../../core/errors.js';
import { countText, plural, pluralEn } from '../../core/i18n.js';
import type { LineSpelling } from '../../core/name-line.js';
import { DealStore, type ProductReading, type Repeats } from '../../core/kpi/deal-store.js';
import { ActivityLinker, type LinkedActivity } from '../../core/kpi/link.js';
import { dataRows, EMPTY_ROW, noteRows, PRODUCT_ROWS, PRODUCT_TOTALS, REPEATED_ID } from '../../core/kpi/types.js';
import type { Activity } from '../../core/records.js';
import { DELIMITERS, type ByteRow } from '../read/csv.js';
import { normalizeHeader, scaledColumns, type DurationUnit, type RecordKind } from './fields.js';
import { DEFAULT_LIMITS, type Limits } from '../read/limits.js';
import type { Encoding } from '../read/sniff.js';
import { assertRequired, emptyTwins, headerScore, looksLikeData, mapColumns, readAsCloseDate, readAsDeal, takeManager, readAsPhone, readClosedByValues, readPhoneByValues, readWideSpend, relatedToDeal, type ColumnMap, type ColumnMatch, type EmptyTwin } from './mapping.js';
import { readAsDone, readStatusAsDone } from './status-as-done.js';
import { noHeaderError } from './no-header.js';
import { emptyClientColumns, readAgainOnFilled } from './empty-client.js';
import { activityMemos, MISSED_NO_MANAGER, readActivity } from './activity-reader.js';
import { callLegsFor, type CallLegs } from './lines.js';
import type { CallIdUnusable } from './call-keys.js';
import { RowCells, type Cells } from './cells.js';
import { activityValueReaders, byCount, DateOrders, type CallLengths, DecimalMarks, EMAIL_STATUS_HEADER, firstColumns, NO_DEAL_ID, NO_MANAGER_REASON, PENDING, UNASSIGNED_DEAL, placeholderDates, readsAsMilliseconds, RowProblem, type ReadContext, type ValueCount } from './context.js';
import { StageDeals } from './stage-deals.js';
import { GroupCells } from './group-cells.js';
import { UnreadColumns, type UnreadColumn } from './unread-columns.js';
import { byCloseDate, byProbability, closedAtZero, closedShown, guessStage, looksLost, undecidedStages, type UnknownStage } from '../../core/undecided-stages.js';
import { dealMemos, readDeal, type DealRow } from './deal-reader.js';
import { paymentMemos, readPayment } from './payment-reader.js';
import { readSpend, SpendMonths, SpendSums } from './spend-reader.js';
import { choosePlanKey, readPlan } from './plan-reader.js';
import { hasGroupRows, RowFilter } from './row-filters.js';
import { REPEATED_HEADER, RepeatedHeader } from './repeated-header.js';
import { joinGroupHeader } from './group-header.js';
import { readTable, type ColumnSpans, type TableInfo, type TableOptions } from '../read/table.js';
import { RowLines } from '../read/row-lines.js';
import { SheetWithoutHeader } from '../read/sheet-error.js';
import { sameKindHeader } from './other-sheets.js';
import { uncalculatedError, type Uncalculated } from '../read/uncalculated.js';
import type { SheetHead } from '../read/other-sheets.js';
import { buildValueMaps, statusGuess, withProfileStages, withProfileValues, type ValueMaps } from './value-maps.js';
import { detectProfile, profileCrm } from './profiles.js';
import { preferTimedAt, takeAt, type TimedAt } from './timed-at.js';
import { normalizeValue, parseBoolean, type SlashOrder } from './values.js';
import { readTypeColumn, settleTypeColumn, type TypeColumnReading } from './type-column.js';
import { renderHint, renderMessage, expectedForms, skippedRowText } from '../../core/messages.js';
import { AMPM_NO_ORDER } from '../../core/messages/read.js';
import { keepStdinHead, type HeadRow } from './stdin-head.js';

/** Options for reading one export. */
export interface ImportOptions {
  cwd: string;
  stdin: NodeJS.ReadableStream;
  limits?: Partial<Limits>;
  delimiter?: string;
  /** The encoding of text without a byte order mark (--encoding); detected when not given. */
  encoding?: Encoding;
  sheet?: string;
  /** The sheet was chosen by the rule (the first read where the one before had no header), not by --sheet: the other sheets are still looked at. */
  sheetByRule?: boolean;
  dateOrder?: SlashOrder;
  /** Shift for activity times, in hours (`--time-offset`). */
  timeOffsetHours?: number;
  /** Column assignments from `--map`. */
  columns?: Record<string, string | string[]>;
  /** A --map file's units of duration columns, by header (activities). */
  units?: Record<string, DurationUnit>;
  /** A --map file's kind of every row of an activities file with no kind column (`activities: rows:`). */
  rows?: Activity['kind'];
  valueMaps?: ValueMaps;
  mapFile?: string;
  /** The report date (`--now`, SOURCE_DATE_EPOCH, else today), ms at midnight: deals created after it are named (a mistyped year). */
  reportDay?: number;
  /** What set the report date where it is not the clock (--now, SOURCE_DATE_EPOCH): said beside deals dated after it. */
  reportDayFrom?: ReportDateFrom;
  /** Maximum unreadable rows: a count, or a share of data rows (0.01 = 1%). */
  maxBadRows?: { count?: number; share?: number };
  /** A manager two columns could hold is listed (inspect), not refused. */
  listAmbiguous?: boolean;
  /** When false, too many bad rows are reported but do not fail (inspect). */
  enforceBadRows?: boolean;
  /**
   * An activities or payments file with a header and no row is read as none (the audit's evidence: an
   * empty call log is what a client without telephony in the CRM hands over, and says «no calls at all»).
   */
  emptyIsEvidence?: boolean;
  onProgress?: TableOptions['onProgress'];
  /** Called once the header is mapped. */
  onHeader?: (map: ColumnMap) => void;
  /** Resolves activities to the deals they belong to (activities only; else none match). */
  linker?: ActivityLinker;
  /** The store deals go to (deals), or whose managers and clients an activities file without a linker adds to (map). */
  store?: DealStore;
  /** Payments only: the deals each payment's deal id is resolved against, giving LinkedPayment records (for PaymentLog) instead of Payment ones. */
  linkTo?: DealStore;
  /** Reads CSV records as text instead of bytes (the reference for testing the byte path). */
  textRows?: boolean;
  /** Part of a file read in parallel: where to stop or start, and the header found at its top. */
  stopAt?: TableOptions['stopAt'];
  source?: TableOptions['source'];
  part?: TableOptions['part'] & { header: string[]; typeColumn?: TypeColumnReading; relatedDeal?: number; phone?: number; closedAt?: number; done?: number; usualCells?: number; emptyClient?: number[]; at?: number[]; manager?: number[] };
  /**
   * Activities: `kept` reads the client column even where the first rows leave it blank (the read
   * again after a later row filled it: empty-client.ts).
   */
  clientColumn?: 'kept';
  /**
   * Activities, importFile: a call log whose client column is blank on its first rows and filled later
   * must be read again with it, and the records given before are not given twice. With this, the
   * caller throws them away when it is called, and importFile reads the file again by itself (each row
   * is given once from there); without it, importFile stops with ClientColumnFilled (E_CLIENT_FILLED).
   */
  onReadAgain?: () => void;
  onFormat?: TableOptions['onFormat'];
  /**
   * stdin only: called with the rows its header is searched in, before the header is looked for (a
   * run that judges a path's kind before reading it judges stdin's here: stdin is read once).
   */
  onStdinHead?: (rows: readonly HeadRow[]) => void;
  /** Called at the end with the day-month order each slash-date column showed. */
  onDateOrders?: (orders: Array<[number, SlashOrder]>) => void;
  /** The day-month order a file read before in the same run showed (the deals file), for slash dates this file cannot settle. */
  otherOrder?: DateOrderShown;
}

/** The day-month order one file's slash dates showed, and the CRM its profile says wrote it. */
export interface DateOrderShown {
  file: string;
  order: SlashOrder;
  /** The profile the file was recognised as (its id and the CRM's name), when one was. */
  profile?: { id: string; crm: string };
}


/** What the importer saw and did with one file: dataQuality and `inspect` are made from it. */
export interface ImportReport {
  file: string;
  kind: RecordKind;
  table: TableInfo;
  headerRow: number;
  columns: ColumnMatch[];
  /** Distinct values of status-like columns and what they mapped to. */
  values: Record<string, ValueCount[]>;
  /**
   * The direction and call status values counted on the rows where they bear on a call figure only (a
   * direction on a call, a status on an incoming call): what the unknown-values alert weighs.
   */
  weighed?: Partial<Record<'direction' | 'missed', ValueCount[]>>;
  rowsRead: number;
  records: number;
  skippedCount: number;
  skipped: SkippedRow[];
  dropped: Record<string, number>;
  /** The CRM profile the file was recognised as, and the signature headers it showed. */
  profile?: { id: string; crm: string; matched: string[]; /** The rows are leads, not deals (a profile's `leads`). */ leads?: true };
  /** What a stage no rule knows means in this CRM, and the stages no rule knew, with what their deals show (deals). */
  unknownStage?: 'open' | 'ask';
  /** Nothing in the file can show a deal closed: no closed flag, and the close date is the expected one (see undecidedStages). */
  stagesBlind?: boolean;
  /** No close date can show a deal closed: none in the file (Bitrix24 REST's CLOSEDATE is the planned one), or the expected one (a profile's `closeDateIsPlanned`). */
  noCloseDate?: true;
  /** The CRM requires a close date on every deal (a profile's `closeDateRequired`), and the file has one: see undecidedStages. */
  closeDateRequired?: true;
  stages?: Record<string, UnknownStage>;
  /** In a CRM with one won stage a pipeline (a profile's `oneWonStage`): the pipelines where a deal is in a won stage a rule knows. */
  wonPipelines?: string[];
  /** The day-month order the file's slash-date columns showed, when they agree. */
  dateOrder?: SlashOrder;
  /** Fields read from the leftmost of two columns of one name, empty in the first rows, beside a filled one (emptyTwins): an error on them names the filled one by number. */
  emptyTwins?: EmptyTwin[];
  /** Slash-date columns that showed no order of their own and took another file's (see RowsToRecords.settleDates). */
  dateOrderFrom?: { file: string; order: SlashOrder; columns: string[] };
  /** Number columns that showed only ambiguous values (`15,000`) and were read as grouping for want of evidence (a half of a file read apart cannot know what the rest shows). */
  decimalsGuessed?: string[];
  /** Number columns whose ambiguous values were read with three decimals by the mark another value decided (DecimalMarks.noteRead). */
  threeDecimals?: Array<{ header: string; count: number; example: string; read: number; decidedBy: string }>;
  /** Deals rows that repeat an id with another manager or status than its first row (kept), and one such id. */
  repeatedIdsDiffer?: { rows: number; id: string };
  /** Deals rows amid the deals with no id but a manager and a creation date: dropped as rows without an id, and said. */
  idlessDeals?: number;
  /**
   * Rows with no id but a manager and a creation date that no deal followed yet: at the end of a part
   * read apart, a later part's deals follow them (parallel.ts mergeReports); at the file's end they are
   * no deals (tester T53 F4: three such rows before the split point were dropped without the warning).
   */
  idlessPending?: number;
  /**
   * Deals whose id lost its last digits (Excel's scientific form «5,80503E+18»; a workbook's number
   * past 2^53): how many rows, the first such id, and its column. Each is a deal of its own, by its row
   * number (different deals share such an id), and activities cannot link to it by id.
   */
  idsLostDigits?: { rows: number; example: string; column: string };
  /** Amounts in a spreadsheet's scientific form («1,23457E+06»: digits may be lost): read as written, and said. */
  amountsLostDigits?: { count: number; example: string; columns: string[] };
  /** Client cells (names, phone numbers) Excel wrote in its scientific form with digits lost: read as no client (clients-lost-digits). */
  clientsLostDigits?: { count: number; example: string; columns: string[] };
  /** Calls whose direction was read from which of their sides is a line (a PBX's log with no direction column), by direction. */
  directionBySides?: { in: number; out: number; internal: number; none: number };
  /** Activities read at midnight: their date had no time of day (none beside it either). */
  untimed?: number;
  /** Rows unreadable as a quote left open took them in, with the records that took them (swallowedRows): already among the skipped. */
  swallowedSkipped?: number;
  /** Activities: the kind of every row of a file with no kind column (a --map file's `rows:`, else its profile's): its KPIs of other kinds are not applicable. */
  rows?: Activity['kind'];
  /** Activities timed by another column than the one `at` matched, which holds dates alone (preferTimedAt): said, with the --map line that reads the dates. */
  timedAt?: TimedAt;
  /** Answered calls with a duration in a column of no stated unit, and of them the whole numbers of an hour or more, with the first (the call-hours alert). */
  callLengths?: CallLengths;
  /** Delimited data rows with fewer cells than the header (a half of a file read apart adds its own). */
  shortRows?: number;
  /** The first of them: its row, its cells and the header's (the short-rows alert). */
  firstShortRow?: { row: number; cells: number; width: number };
  /**
   * The file's last row, with fewer cells than the header and no line end, where no other row is
   * short: the file was most likely cut off mid-row (a download stopped). Its row, cells and the header's.
   */
  lastRowCut?: { row: number; cells: number; width: number };
  /** Activities whose deal is a title several deals share: how many, and the first title. */
  sharedTitles?: { count: number; example: string };
  /** A file without a header read by a known layout's column names (layouts.ts): Asterisk's Master.csv. */
  layout?: 'asterisk-master-csv';
  /** The lines written beside a manager's name («Анна (201)»: { "201": { name: "Анна", as: "Анна (201)" } }), read as that manager. */
  lineNames?: Record<string, LineSpelling>;
  /** The manager cells looked up so far this run where a --map file names managers (ValueMaps.managersSeen): what its `managers:` keys are checked against. */
  managersSeen?: string[];
  /** Dates marked UTC (`Z`), or a PBX log's times its call ids show are UTC (with the first such id): how many, the first, and its column. */
  utc?: { count: number; example: string; column: string; uniqueid?: string };
  /** A call id column that is no call's id (one value over many clients' calls): the legs were joined by their channel or not at all (CallLegs). */
  callIdUnusable?: CallIdUnusable;
  /** The run shifted the file's times (--time-offset): its clock was given, whatever the times say. */
  shifted?: true;
  /**
   * Of the rows skipped, missed incoming calls with no employee (a telephony log leaves them blank):
   * skipped for the spec's rule, not unreadable, so not counted against --max-bad-rows.
   */
  missedNoManager?: number;
  /**
   * Of the rows skipped, deals assigned to no one (a blank manager cell: HubSpot's deal with no owner, Odoo's
   * lead with no salesperson): skipped as a manager is required, but a CRM's state, not an unreadable row;
   * said (deals-no-manager) and not counted against --max-bad-rows (an export of 10% such deals was refused).
   */
  dealsNoManager?: number;
  /**
   * Mapped columns in which at least two values are filled and not one could be read (a date column of
   * `TBD`): the run stops on them whatever --max-bad-rows allows (checkBadRows). See UnreadColumns.
   */
  unreadable?: UnreadColumn[];
  /**
   * A grouped report's rows whose blank grouping cells (the columns named) were read as the row above:
   * between a group's first row and its subtotal row (GroupCells). A file with it is read in one pass.
   */
  sameAsAbove?: { columns: string[]; rows: number };
  /** A part of a file read apart (parallel): the columns some row of it read, until the parts are merged (settleUnreadable). */
  columnsRead?: string[];
}

/** How many missed calls with no employee a file lists among its skipped rows (all are counted). */
const MISSED_LISTED = 10;

/**
 * The skipped rows a file's parts listed, joined as one pass lists them: missed calls nobody took at
 * most MISSED_LISTED in all (each part listed its own ten: the JSON listed 20 to 70 by how the second
 * half was shared, tester T53 F2), then at most `max` rows.
 */
export function joinListedSkips(parts: readonly SkippedRow[][], max: number): SkippedRow[] {
  let missed = 0;
  let unassigned = 0;
  return parts.flat().filter((s) => (s.reason !== MISSED_NO_MANAGER || ++missed <= MISSED_LISTED) && (s.reason !== UNASSIGNED_DEAL || ++unassigned <= MISSED_LISTED)).slice(0, max);
}

const DATE_FIELDS = ['created_at', 'closed_at', 'planned_close', 'at', 'end_at', 'answered_at', 'invoiced_at', 'paid_at', 'month'];
/**
 * The number columns of each kind whose decimal mark is learnt from their values (a deal's `won` is a
 * flag, a plan's a count; an activity's duration, whose `1,234` is as ambiguous as an amount's).
 */
const NUMBER_FIELDS: Record<RecordKind, string[]> = { deals: ['amount'], activities: ['duration_s'], payments: ['invoiced', 'paid'], spend: ['amount'], plan: ['leads', 'won', 'revenue'] };

/** The bytes of a decimal mark: a number cell without either shows none (decimalEvidence). */
const COMMA = 0x2c;
const DOT = 0x2e;

type Build<T> = (cells: Cells, row: number) => T | RowProblem | typeof PENDING;

/** The reading context of a file once its header is known, and the record builder of its kind. */
function startReading<T>(kind: RecordKind, file: string, map: ColumnMap, headers: readonly string[], opts: ImportOptions): { ctx: ReadContext; build: Build<T>; stageOf?: () => string | undefined } {
  const profile = map.profile?.profile;
  const maps = withProfileValues(withProfileStages(opts.valueMaps ?? buildValueMaps(), profile?.stages), profile?.values);
  const missedCol = map.fields.get('missed')?.[0];
  const missedIsBoolean = missedCol !== undefined && headers[missedCol]!.trim().toLowerCase() === 'missed';
  // Bounced or failed is an e-mail not delivered only in an e-mail's status column (a call's «Failed» is a value no rule knows).
  const emailStatus = (map.fields.get('done') ?? []).some((c) => EMAIL_STATUS_HEADER.test(headers[c] ?? ''));
  const linker = kind === 'activities' ? (opts.linker ?? new ActivityLinker(opts.store ?? new DealStore())) : undefined;
  const ctx: ReadContext = {
    file,
    map,
    maps,
    dates: new DateOrders(opts.dateOrder, headers, file),
    numbers: new DecimalMarks(),
    part: opts.part !== undefined,
    cols: firstColumns(map),
    timeOffsetMs: (opts.timeOffsetHours ?? 0) * 3_600_000,
    valueStats: new Map(),
    values: activityValueReaders(maps, missedIsBoolean, parseBoolean, profile?.otherKinds !== 'drop', emailStatus),
    store: linker ? linker.store : (opts.store ?? new DealStore()),
    ...(linker ? { linker } : {}),
    placeholders: placeholderDates(profile?.placeholders ?? []),
    // A file no profile recognises may come from any CRM, one that renames its won stage («Оплачено
    // полностью») among them: a stage no rule knows whose deals the file shows mostly closed is asked
    // about, as in a CRM that renames stages (counted open, its won deals and revenue read 0).
    unknownStage: profile?.unknownStage ?? 'ask',
    closeDateIsPlanned: profile?.closeDateIsPlanned ?? false,
    reportDay: opts.reportDay,
    // The kind of every row of a file with no kind column: the --map file's word, else the profile's (one rule: the KPIs' applicability reads it from the report).
    ...((opts.rows ?? profile?.rows) ? { rows: opts.rows ?? profile?.rows } : {}),
    stageParentheses: profile?.stageParentheses ?? 'reason',
    dateOnly: dateOnlyColumns(headers, profile?.dateOnly ?? []),
    ...moneyScales(map),
    stages: new Map(),
    // Weighed by pipeline only where the file names each deal's: without, deals of two pipelines look one.
    ...(profile?.oneWonStage === true && (map.fields.get('pipeline')?.length ?? 0) > 0 ? { wonPipelines: new Set<string>() } : {}),
    idless: { pending: 0, followed: 0 },
  };
  if (kind === 'deals') {
    const m = dealMemos(ctx);
    return { ctx, build: ((cells, row) => readDeal(cells, row, ctx, m)) as Build<T>, stageOf: () => m.unknown };
  }
  if (kind === 'activities') {
    const m = activityMemos(ctx);
    return { ctx, build: ((cells) => readActivity(cells, ctx, m)) as Build<T> };
  }
  if (kind === 'spend') {
    // Per file: the sums of the rows above, to know an unlabelled totals row.
    const sums = new SpendSums();
    return { ctx, build: ((cells) => readSpend(cells, ctx, sums)) as Build<T> };
  }
  if (kind === 'plan') {
    const key = map.fields.has('manager') ? 'manager' : 'source';
    return { ctx, build: ((cells) => readPlan(cells, ctx, key)) as Build<T> };
  }
  const m = paymentMemos(ctx, opts.linkTo);
  return { ctx, build: ((cells) => readPayment(cells, ctx, m)) as Build<T> };
}

/** A date as a cell writes it (`01.03.2025`, `2025-03-01`, `3/1/2025`): one in a record's date cell, two in a period's. */
const DATE_TOKEN = /\d{1,4}[./-]\d{1,2}[./-]\d{1,4}/g;

/**
 * Reads one export into canonical records. Every row is accounted for: a record, a skipped row
 * (with file, row, column and reason), or a dropped non-data row (totals, footers, deleted deals).
 */
export async function importFile<T>(file: string, kind: RecordKind, opts: ImportOptions, onRecord: (record: T, row: number) => void): Promise<ImportReport> {
  // A client column set aside on its blank first rows and filled later: read again with it where the caller takes back what it was given (empty-client.ts).
  return readAgainOnFilled(file, opts, (clientColumn) => importSheets(file, kind, { ...opts, clientColumn }, onRecord), opts.onReadAgain);
}

/** importFile over the sheet that has the header. */
async function importSheets<T>(file: string, kind: RecordKind, opts: ImportOptions, onRecord: (record: T, row: number) => void): Promise<ImportReport> {
  try {
    return await importTable(file, kind, opts, onRecord);
  } catch (error) {
    if (!(error instanceof SheetWithoutHeader)) throw error;
    // A workbook whose first sheet is a title page, a chart or a summary: read the sheet that has the header.
    for (const sheet of error.sheets.filter((n) => n !== error.sheet)) {
      // A workbook from stdin is read again from the bytes held.
      const source = error.held ? { source: Readable.from([error.held]) } : {};
      const report = await importTable(file, kind, { ...opts, sheet, sheetByRule: true, ...source }, onRecord).catch((e: unknown) => {
        // Another sheet with no header, no required column, or nothing at all is passed over too.
        if (e instanceof UserError && ['E_NO_HEADER', 'E_MAP_REQUIRED', 'E_NO_ROWS', 'E_XLSX_EMPTY'].includes(e.code)) return undefined;
        throw e;
      });
      if (report) return report;
    }
    // No other sheet reads either: a missing column is asked for (or its snippet given) on the first sheet.
    throw error.passedOver.code === 'E_MAP_REQUIRED' ? error.passedOver : error;
  }
}

/** importFile over one table (one sheet of a workbook). */
async function importTable<T>(file: string, kind: RecordKind, opts: ImportOptions, onRecord: (record: T, row: number) => void): Promise<ImportReport> {
  const limits: Limits = { ...DEFAULT_LIMITS, ...opts.limits };
  const rows = new RowsToRecords<T>(file, kind, opts, limits, onRecord);
  if (opts.part) rows.startAt(opts.part.header);
  // Delimited text, where a value holding the delimiter unquoted moves the values after it (a part read in parallel is one).
  if (opts.part) rows.delimited = true;
  const onFormat: TableOptions['onFormat'] = (format) => {
    rows.delimited = true;
    opts.onFormat?.(format);
  };
  // A row that names known columns, for an HTML document's choice of its data table (a --map naming this file's own headers counts too).
  const mapped = Object.values(opts.columns ?? {}).flat();
  const named = new Set(mapped.map(normalizeHeader));
  // Columns named by number (`#4`: a file with no header row) leave no header to look for.
  const byNumber = mapped.some((c) => /^#\d+$/.test(c.trim()));
  // Two known names at least: a filter row «Период | с … | по …» names one (a spend file's month).
  const namesColumns = byNumber ? undefined : (cells: readonly string[]) => headerScore(cells, kind) >= 2 || cells.some((c) => named.has(normalizeHeader(c)));
  // A workbook's other sheets with a header of this kind are said (their rows are not read), unless --sheet chose the one read.
  const otherSheets = opts.sheet === undefined || opts.sheetByRule ? { rows: limits.headerSearchRows, header: (head: SheetHead) => sameKindHeader(head, kind, rows.knownHeader(), limits.headerSearchRows) } : undefined;
  const onDate1904 = () => void (rows.date1904 = true);
  // The columns the sheet hides, before its rows: of two columns of one name, the visible one is read (mapColumns).
  const onHiddenColumns = (spans: ColumnSpans) => void (rows.hiddenColumns = spans.length > 0 ? spans : undefined);
  const tableOptions: TableOptions = { cwd: opts.cwd, stdin: opts.stdin, limits, delimiter: opts.delimiter, encoding: opts.encoding, sheet: opts.sheet, onProgress: opts.onProgress, textRows: opts.textRows, stopAt: opts.stopAt, part: opts.part, source: opts.source, onFormat, onDate1904, onHiddenColumns, namesColumns, uncalculated: 'pass', otherSheets };
  const { held, ...table } = await readTable(file, tableOptions, (record, row, uncalculated, line, swallowed) => rows.add(record, row, uncalculated, line, swallowed)).catch((error: unknown) => {
    throw namedCell(error, rows);
  });
  let report: ImportReport;
  try {
    report = rows.finish(table);
  } catch (error) {
    // A short first sheet is searched for its header only at its end, after the workbook was read.
    if (error instanceof UserError && (error.code === 'E_NO_HEADER' || (error.code === 'E_MAP_REQUIRED' && (table.sheets?.length ?? 0) > 1)) && (table.type === 'xlsx' || table.type === 'spreadsheetml') && opts.sheet === undefined && table.sheets && table.sheet) throw new SheetWithoutHeader(error, table.sheet, table.sheets, held);
    throw error;
  }
  checkBadRows(report, opts);
  // A file with a header and no row (an export filtered to nothing) would be a report of zero calls
  // or payments; a deals file without rows is refused by finishDeals, with its own words.
  if (kind !== 'deals' && report.rowsRead === 0 && opts.enforceBadRows !== false && !opts.emptyIsEvidence) {
    throw UserError.of('E_NO_RECORDS', 'import.noRecords', { kind: KIND_NAMES[kind], kindRu: KIND_NAMES_RU[kind], rows: 0 }, { file });
  }
  return report;
}

/**
 * A cell too long for the reader (csv.cellTooLong), named by its column's header where the header row
 * is known («в колонке «Примечание»»), not only by its number: the reader's loop knows no header, so
 * the error is completed here, on its way out.
 */
export function namedCell(error: unknown, rows: Pick<RowsToRecords<unknown>, 'headerAbove'>): unknown {
  if (!(error instanceof UserError) || error.messageId !== 'csv.cellTooLong' || !error.params) return error;
  const { line, column } = error.params;
  const header = typeof line === 'number' && typeof column === 'number' ? rows.headerAbove(column - 1, line) : undefined;
  return header === undefined ? error : UserError.of(error.code, 'csv.cellTooLongNamed', { ...error.params, header }, error.where);
}

/** The scales the file's columns name in their headers («Бюджет, тыс. руб.»: 1 000), by scaledColumns' rule; none where no header names one. */
function moneyScales(map: ColumnMap): { scales?: ReadonlyMap<number, number> } {
  const scales = new Map(scaledColumns(map.columns).map((c) => [c.index, c.scale] as const));
  return scales.size > 0 ? { scales } : {};
}

/** The columns whose headers a profile names as date fields with an artefact time. */
function dateOnlyColumns(headers: readonly string[], names: readonly string[]): ReadonlySet<number> {
  const wanted = new Set(names.map(normalizeHeader));
  return new Set(headers.flatMap((h, i) => (wanted.has(normalizeHeader(h)) ? [i] : [])));
}

/**
 * The delimiter and its count where a row's only filled cell holds a whole row of a table `width`
 * columns wide: split by one delimiter it gives as many values as the table has columns (one fewer or
 * more: a trailing delimiter), and one of them is a date, as every record of an export has. A
 * tester's export whose second half was saved with «;» lost those deals as «footer or note» rows,
 * exit 0, without a word; a note listing filters or names («Фильтр: менеджеры Иван Петров, Анна
 * Смирнова, …») splits as wide and holds no date, and stays a note.
 */
function wholeRowInOneCell(cells: Cells, count: number, width: number): { delimiter: string; count: number } | undefined {
  if (width < 4) return undefined;
  let c = 0;
  while (c < count && cells.blank(c)) c++;
  const text = cells.text(c);
  for (const delimiter of DELIMITERS) {
    const values = text.split(delimiter);
    if (Math.abs(values.length - width) > 1 || !values.some((v) => DATE_LIKE.test(v))) continue;
    return { delimiter: delimiter === '\t' ? 'tab' : delimiter, count: values.length - 1 };
  }
  return undefined;
}

/** A time written with AM or PM at its end (`11/2/2026 9:00 PM`, `3:04 p.m.`). */
const MERIDIEM = /\d\s*[AaPp]\.?\s?[Mm]\.?\s*$/;

/** A value that begins as a date does: `2025-01-12`, `12.01.2025`, `1/12/2025`, `2025-01` (a plan's month). */
const DATE_LIKE = /^\s*"?(?:\d{4}[-./]\d{1,2}|\d{1,2}[-./]\d{1,2}[-./]\d{2,4})/;

/** Turns the rows of one file into records: finds the header, judges each row, holds rows back while a date order is unknown. */
class RowsToRecords<T> {
  readonly report: ImportReport;
  private readonly headRows: Array<{ cells: string[]; row: number; uncalculated?: readonly Uncalculated[]; swallowed?: number }> = [];
  /** The columns a field reads (known with the header): a workbook's formula saved without its value elsewhere stops nothing. */
  private readColumns: ReadonlySet<number> = new Set();
  private reading: { ctx: ReadContext; build: Build<T>; stageOf?: () => string | undefined } | undefined;
  /** A deals file's stages no rule knows counted per deal: a row merged into a deal of its id is taken back out. */
  private stageDeals: StageDeals | undefined;
  /** A grouped report's blank grouping cells read as the row above (one pass only: a part cannot see the group above it). */
  private groups: GroupCells | undefined;
  /** The mapped columns none of whose filled values could be read, so far. */
  private unread: UnreadColumns | undefined;
  /** A call log's legs read as one call each (a call id or a channel column: see CallLegs). */
  private legs: { calls: CallLegs; settle: (read: LinkedActivity | RowProblem, row: number) => void } | undefined;
  private build: Build<T> = () => PENDING;
  /** The cell count of most of the first rows, where three or more show one (0: unknown): a row with more is a row whose values moved. */
  private usualCells = 0;
  /** Delimited data rows with fewer cells than the header, and the last one's row and cell count. */
  private short = { rows: 0, row: -1, cells: 0, first: undefined as { row: number; cells: number } | undefined };
  private dateColumns: number[] = [];
  private numberColumns: number[] = [];
  private readonly pending: Array<{ cells: string[]; row: number }> = [];
  private readonly filter = new RowFilter();
  /** Whether the table is delimited text (CSV, TSV): a workbook's or an HTML table's cells past the header are notes beside it, never moved values. */
  delimited = false;
  /** The workbook's dates count from 1904 (readXlsx): a plain serial in a date column is read so. */
  date1904 = false;
  /** The columns the workbook's sheet hides (onHiddenColumns). */
  hiddenColumns: ColumnSpans | undefined;
  private readonly cells = new RowCells();
  private readonly held = new RowCells();
  /** The header, to know it again amid the data (two exports joined into one file). */
  private header: RepeatedHeader | undefined;
  /** The header row's cells, when the file has one (not a layout's names, nor columns by number). */
  private headerCells: string[] | undefined;
  /** Whether a slash date that waited for its column's order had an AM/PM time (ambiguous: its message says AM/PM does not settle it). */
  private ampm = false;
  /** Delimited text's lines where a row is not its line (a quoted cell above held line breaks): a skipped row is said with both. */
  private readonly lines = new RowLines();

  constructor(
    private readonly file: string,
    private readonly kind: RecordKind,
    private readonly opts: ImportOptions,
    private readonly limits: Limits,
    private readonly onRecord: (record: T, row: number) => void,
  ) {
    this.report = { file, kind, table: { type: 'text' }, headerRow: 0, columns: [], values: {}, rowsRead: 0, records: 0, skippedCount: 0, skipped: [], dropped: {} };
  }

  /** Starts with a known header (a part of a file read in parallel). */
  startAt(header: string[]): void {
    this.headRows.push({ cells: header, row: 0 });
    this.startWithHeader();
  }

  /**
   * The header of a column (from 0) above a row, when the file has a header row: the one found, or
   * the one the rows read so far show (an error amid the first rows); none in the header row itself.
   */
  headerAbove(column: number, row: number): string | undefined {
    let header = this.headerCells;
    if (!header && !this.reading) {
      try {
        const best = headerRow(this.headRows, this.kind, this.opts, this.limits, this.file);
        if (best >= 0 && this.headRows[best]!.row < row) header = this.headRows[best]!.cells;
      } catch {
        return undefined;
      }
    }
    const name = header?.[column]?.trim();
    return name ? name : undefined;
  }

  /** The header row's cells: the one found, or the one the rows read so far show (a short sheet's, searched at its end); none without one. */
  knownHeader(): string[] | undefined {
    if (this.headerCells || this.reading) return this.headerCells;
    try {
      const best = headerRow(this.headRows, this.kind, this.opts, this.limits, this.file);
      return best >= 0 ? this.headRows[best]!.cells : undefined;
    } catch {
      return undefined;
    }
  }

  /**
   * One record of the table, as strings or bytes, with its row (as a spreadsheet shows it), a
   * workbook's formulas saved without their values in it, delimited text's line it starts on, and how
   * many of its quoted lines look like whole rows.
   */
  add(record: string[] | ByteRow, row: number, uncalculated?: readonly Uncalculated[], line?: number, swallowed?: number): void {
    if (line !== undefined) this.lines.note(row, line);
    if (this.reading) {
      if (swallowed) return this.swallowedRows(row, swallowed);
      if (Array.isArray(record)) {
        if (uncalculated && this.uncalculatedDrops(record, row, uncalculated)) return;
        this.dataRow(this.cells.setText(record), record.length, row);
      } else this.dataRow(this.cells.setBytes(record as ByteRow), (record as ByteRow).count, row);
      return;
    }
    this.headRows.push({ cells: Array.isArray(record) ? record : (record as ByteRow).cells(), row, ...(uncalculated ? { uncalculated } : {}), ...(swallowed ? { swallowed } : {}) });
    if (this.headRows.length >= this.limits.headerSearchRows) this.startWithHeader();
  }

  /** The report once the table is read: held rows resolved, value statistics gathered. */
  finish(table: TableInfo): ImportReport {
    if (!this.reading) this.startWithHeader();
    const report = this.report;
    report.table = table;
    const short = this.short;
    if (short.rows > 0) report.shortRows = short.rows;
    if (short.first) report.firstShortRow = { ...short.first, width: this.report.columns.length };
    if (short.rows === 1 && short.row === table.unterminatedRow) report.lastRowCut = { row: short.row, cells: short.cells, width: this.report.columns.length };
    const ctx = this.reading!.ctx;
    this.groups?.flush(false);
    if (this.groups && this.groups.rows > 0) report.sameAsAbove = { columns: [...this.groups.columns].sort((a, b) => a - b).map((c) => this.report.columns[c]?.header ?? `#${c + 1}`), rows: this.groups.rows };
    if (this.pending.length > 0) {
      this.settleDates();
      ctx.numbers.settle();
      this.flushPending();
    }
    this.legs?.calls.end(this.legs.settle);
    if (this.kind === 'activities') {
      const s = ctx.bySides;
      if (s) report.directionBySides = { in: s.in.count, out: s.out.count, internal: s.internal.count, none: s.none.count };
      if (ctx.untimed && ctx.untimed.count > 0) report.untimed = ctx.untimed.count;
      if (ctx.rows && !ctx.map.fields.has('kind')) report.rows = ctx.rows;
      if (ctx.callLengths) report.callLengths = ctx.callLengths;
      for (const field of ['kind', 'direction', 'missed', 'owner_type', 'done'] as const) if (ctx.map.fields.has(field)) ctx.valueStats.set(field, ctx.values[field].stats());
      report.weighed = {};
      for (const field of ['direction', 'missed'] as const) if (ctx.map.fields.has(field)) report.weighed[field] = ctx.values[field].weighed();
    }
    for (const [field, values] of ctx.valueStats) {
      report.values[field] = [...values.entries()].filter(([, v]) => v.count > 0).map(([value, v]) => ({ value, mapped: v.mapped, count: v.count })).sort(byCount);
    }
    this.opts.onDateOrders?.(ctx.dates.decided());
    const order = ctx.dates.fileOrder();
    if (order) report.dateOrder = order;
    const guessed = ctx.numbers.guessed();
    if (guessed.length > 0) report.decimalsGuessed = guessed.map((c) => ctx.map.columns[c]!.header);
    const decimals = ctx.numbers.readAsDecimals();
    if (decimals.length > 0) report.threeDecimals = decimals.map(({ col, ...d }) => ({ header: ctx.map.columns[col]!.header, ...d }));
    if (ctx.utc) report.utc = { ...ctx.utc };
    if (ctx.amountsLostDigits) report.amountsLostDigits = { ...ctx.amountsLostDigits, columns: [...ctx.amountsLostDigits.columns] };
    if (ctx.clientsLostDigits) report.clientsLostDigits = { ...ctx.clientsLostDigits, columns: [...ctx.clientsLostDigits.columns] };
    if (ctx.timeOffsetMs !== 0) report.shifted = true;
    // A call id column that is none, and a PBX log's clock in UTC its ids show (CallLegs).
    if (this.legs) Object.assign(report, this.legs.calls.said(report.utc !== undefined || report.shifted === true));
    if (ctx.sharedTitles) report.sharedTitles = { ...ctx.sharedTitles };
    if (ctx.lineNames) report.lineNames = Object.fromEntries(ctx.lineNames);
    if (ctx.maps.managersSeen && ctx.maps.managersSeen.size > 0) report.managersSeen = [...ctx.maps.managersSeen];
    Object.assign(report, this.unread?.result(this.opts.part !== undefined || this.opts.stopAt !== undefined));
    const profile = ctx.map.profile;
    if (profile) report.profile = { id: profile.profile.id, crm: profile.profile.crm, matched: profile.matched, ...(profile.profile.leads ? { leads: true } : {}) };
    if (this.kind === 'deals') {
      report.unknownStage = ctx.unknownStage;
      // Nothing shows a deal closed: a close date that is the expected one, or a leads export (Bitrix24's) with
      // a status alone, where a portal's own junk status («Дубль», «Спам») was counted in work without a word.
      // A probability does (Salesforce's report: 100% on a closed won stage, 10-90% on an open one; HubSpot's
      // «Deal probability»): a stage whose deals are at 100% is asked about, one under it is open.
      const closeSaysNothing = ctx.closeDateIsPlanned || (profile?.profile.leads === true && ctx.cols.closed_at === undefined);
      if (closeSaysNothing && ctx.cols.closed === undefined && ctx.cols.won === undefined && ctx.cols.probability === undefined) report.stagesBlind = true;
      report.stages = Object.fromEntries(ctx.stages);
      if (ctx.wonPipelines) report.wonPipelines = [...ctx.wonPipelines].sort();
      if (ctx.closeDateIsPlanned || ctx.cols.closed_at === undefined) report.noCloseDate = true;
      // Zoho requires a close date on every deal: the file's stages show whether it is the expected one (undecidedStages).
      if (profile?.profile.closeDateRequired === true && ctx.cols.closed_at !== undefined) report.closeDateRequired = true;
      if (ctx.idless.followed > 0) report.idlessDeals = ctx.idless.followed;
      if (ctx.idless.pending > 0) report.idlessPending = ctx.idless.pending;
      if (ctx.idsLostDigits) report.idsLostDigits = { ...ctx.idsLostDigits };
    }
    return report;
  }

  private startWithHeader(): void {
    const { kind, opts, file, headRows } = this;
    // stdin cannot be read again to say what its header shows (a call log as --deals): its first rows are kept.
    if (file === '-' && !opts.part && !opts.source) keepStdinHead(opts, headRows);
    // A header over two rows (a group's name merged over its columns' names) is joined: its lower row is the header row then.
    const best = joinGroupHeader(headRows, headerRow(headRows, kind, opts, this.limits, file), kind, Object.values(opts.columns ?? {}).flat());
    // No header row (-1): the columns by a known layout's names (Asterisk's Master.csv) or by number, every
    // row read as data, and the header row reported as 0.
    const layout = best === -1 ? layoutOf(headRows, opts) : undefined;
    if (layout) this.report.layout = 'asterisk-master-csv';
    const header = best === -1 ? { cells: layout ?? numberedHeader(headRows), row: 0 } : headRows[best]!;
    const map: ColumnMap = mapColumns(header.cells, kind, opts.columns, opts.mapFile, detectProfile(header.cells, kind), kind === 'activities' ? opts.units : undefined, this.hiddenColumns);
    if (kind === 'plan') choosePlanKey(map, opts.columns);
    // A spend table or a plan with months across: a row per source (manager) and month.
    if (kind === 'spend' || kind === 'plan') readWideSpend(map, opts.columns);
    // A «Тип» column read by its values; the other half of a file read in parallel applies the first half's reading.
    const sample = headRows.slice(best + 1).map((r) => r.cells);
    const typeColumn = opts.part ? opts.part.typeColumn : readTypeColumn(map, sample, opts.valueMaps ?? buildValueMaps());
    if (typeColumn) settleTypeColumn(map, typeColumn, file, sample, opts.listAmbiguous === true);
    const store = opts.linker?.store;
    const related = opts.part ? opts.part.relatedDeal : store?.hasNames ? relatedToDeal(map, sample, (v) => store.findByName(v) !== undefined) : undefined;
    if (related !== undefined) readAsDeal(map, related);
    // A call log's «Номер» of phone numbers is the client's phone (Beeline's); the other half of a file read in parallel has no sample, and takes the first half's reading.
    if (opts.part) {
      if (opts.part.phone !== undefined) readAsPhone(map, opts.part.phone);
      if (opts.part.closedAt !== undefined) readAsCloseDate(map, opts.part.closedAt);
      if (opts.part.done !== undefined) readAsDone(map, opts.part.done);
    } else {
      readPhoneByValues(map, sample);
      readClosedByValues(map, sample);
      readStatusAsDone(map, sample, opts.valueMaps ?? buildValueMaps());
    }
    // A client column blank on every row names no client: the first look sets it aside, a later row filled throws (ClientColumnFilled).
    const emptyClient = opts.part ? opts.part.emptyClient : opts.clientColumn === 'kept' ? undefined : emptyClientColumns(map, sample);
    if (emptyClient) map.emptyClient = emptyClient;
    // An activity's time from a column with times where `at`'s holds dates alone; the second half read apart takes the first half's columns.
    if (opts.part?.at) takeAt(map, opts.part.at);
    // The manager's columns as the first rows chose them (namesBesideLines: the second half has none of those rows).
    if (opts.part?.manager) takeManager(map, opts.part.manager);
    else if (kind === 'activities') {
      const timed = preferTimedAt(map, sample);
      if (timed) this.report.timedAt = timed;
    }
    this.usualCells = map.usualCells = opts.part ? (opts.part.usualCells ?? 0) : usualCount(sample);
    this.filter.groups = hasGroupRows(sample);
    // A grouped report's first column is its header's first filled one (Salesforce's formatted report leaves column A empty).
    const lead = Math.max(0, header.cells.findIndex((c) => c.trim() !== ''));
    if (!opts.part && GroupCells.shown(sample, lead)) this.groups = new GroupCells((c, n, r) => this.readData(c, n, r), lead);
    // Read in one pass only where a row of the first ones is a group row as the reading drops it (a name and its sums), not a deal named «… (2)».
    if (this.filter.groups && sample.some((r) => this.filter.shape(new RowCells().setText([...r]), r.length, header.cells.length) === 'totals' && hasGroupRows([r]))) map.grouped = true;
    assertRequired(map, file, headRows.slice(best + 1, best + 6).map((r) => r.cells), opts.listAmbiguous === true, opts.valueMaps);
    const twins = emptyTwins(map, sample);
    if (twins.length > 0) this.report.emptyTwins = twins;
    this.report.headerRow = header.row;
    this.report.columns = map.columns;
    if (best !== -1) {
      this.header = new RepeatedHeader(header.cells, file);
      this.headerCells = header.cells;
    }
    opts.onHeader?.(map);
    this.reading = startReading<T>(kind, file, map, header.cells, opts);
    if (this.date1904) this.reading.ctx.date1904 = true;
    this.build = this.reading.build;
    const deals = opts.store;
    if (this.reading.stageOf && deals) this.stageDeals = new StageDeals(this.reading.ctx.stages, () => deals.merged, this.reading.stageOf);
    const calls = kind === 'activities' ? callLegsFor(map, [MISSED_NO_MANAGER, NO_MANAGER_REASON]) : undefined;
    if (calls) this.legs = { calls, settle: (read, row) => this.settle(read as T | RowProblem, row) };
    this.dateColumns = DATE_FIELDS.flatMap((f) => map.fields.get(f) ?? []);
    this.numberColumns = NUMBER_FIELDS[kind].flatMap((f) => map.fields.get(f) ?? []);
    this.readColumns = new Set([...map.fields.values()].flat());
    this.unread = new UnreadColumns(this.readColumns, (c) => map.columns[c]!.header);
    // A header cell never calculated names no column: the header is not known, whatever the column holds.
    const unnamed = best === -1 ? undefined : header.uncalculated?.find((u) => !u.cached);
    if (unnamed) throw uncalculatedError(unnamed, file, header.row);
    this.readHeld(headRows.slice(best + 1));
    headRows.length = 0;
  }

  /** The rows held while the header was searched, read as the rows after them are (add). */
  private readHeld(rows: RowsToRecords<T>['headRows']): void {
    for (const r of rows) {
      if (r.swallowed) this.swallowedRows(r.row, r.swallowed);
      else if (!(r.uncalculated && this.uncalculatedDrops(r.cells, r.row, r.uncalculated))) this.dataRow(this.cells.setText(r.cells), r.cells.length, r.row);
    }
  }

  /**
   * A workbook's row with formulas saved without their values (read as empty cells), judged on the
   * whole row once the header is known: a totals row (`Итого` and its =SUM, wherever the label stands,
   * or =SUM alone) is dropped as it would be with the values (true), as is such a row whose aggregates
   * have their values (`cached`: =COUNT and =SUM alone was a deal «with no manager»); else a formula in a column a field
   * reads stops the run, naming the cell and the fix (open and save the workbook), and one in a column
   * nothing reads (a «Маржа» of =C2*0.3, a budget's «Итого») is read as the empty cell it is here.
   */
  private uncalculatedDrops(cells: readonly string[], row: number, uncalculated: readonly Uncalculated[]): boolean {
    if (this.filter.totalsWithFormulas(cells, uncalculated, this.report.columns.length)) {
      this.report.rowsRead++;
      this.drop('totals row');
      return true;
    }
    // An aggregate with its value (cached) is read as the value it has: only the totals rule looks at it.
    const read = uncalculated.find((u) => !u.cached && this.readColumns.has(u.col));
    if (read) throw uncalculatedError(read, this.file, row);
    return false;
  }

  /**
   * A record whose quoted cell took in the `lines` lines after its first, one at least like a whole row: a quote left open in a
   * hand-edited file took them in, and the record holds one row's id and another's manager, amount and
   * stage. Neither it nor the rows it took is read: all are counted unreadable, the record listed with
   * the cause (tester T70: a mixed-up deal counted won, three deals gone, and «не прочитано: 0»).
   */
  private swallowedRows(row: number, lines: number): void {
    this.report.rowsRead += 1 + lines;
    this.report.swallowedSkipped = (this.report.swallowedSkipped ?? 0) + 1 + lines;
    this.skip(row, `a quoted cell takes in the next lines, which look like whole rows (lines: ${lines}): a quote left open; the record mixes several rows' values, and none of them is read`);
    this.report.skippedCount += lines;
  }

  /** One data row, as text or bytes: the same checks either way. */
  private dataRow(cells: Cells, count: number, row: number): void {
    const shape = this.filter.shape(cells, count, this.report.columns.length);
    if (shape === 'empty') return this.drop(EMPTY_ROW);
    this.report.rowsRead++;
    if (shape === 'totals' && !this.datedRecord(cells, count)) {
      this.groups?.totals(cells, count);
      return this.drop('totals row');
    }
    if (shape === 'footer') {
      this.groups?.totals(cells, count);
      // A data row in one cell (a part of the file saved with another delimiter, a row quoted whole) is no note: unreadable, and counted.
      const whole = this.delimited ? wholeRowInOneCell(cells, count, this.report.columns.length) : undefined;
      return whole ? this.skip(row, `one cell holds a whole row, its values split by "${whole.delimiter}" (${whole.count} times): the row was written with another delimiter than the file's, or quoted whole`) : this.drop('footer or note row');
    }
    // A grouped report's blank grouping cell, read as the row above once a subtotal row shows the layout (GroupCells).
    if (this.groups?.data(cells, count, row)) return;
    this.readData(cells, count, row);
  }

  /**
   * Whether a row headed «Total» or «Итого» is a record all the same: a deal named so (a file with no id
   * column: Zoho's potentials, a Salesforce report), its date cell one date, its manager a name and more
   * than half its cells filled, where a totals row holds a label and its sums (tester T46: two deals
   * dropped as totals); a count in the owner column or a period's two dates keep it a totals row (a reviewer).
   */
  private datedRecord(cells: Cells, count: number): boolean {
    const cols = this.reading?.ctx.cols;
    const date = cols === undefined ? undefined : this.report.kind === 'deals' ? cols.created_at : this.report.kind === 'activities' ? cols.at : undefined;
    const manager = cols?.manager;
    if (date === undefined || date >= count || manager === undefined || manager >= count) return false;
    if ((cells.text(date).match(DATE_TOKEN)?.length ?? 0) !== 1 || !/\p{L}/u.test(cells.text(manager))) return false;
    let filled = 0;
    for (let i = 0; i < count; i++) if (!cells.blank(i)) filled++;
    return filled * 2 > Math.max(count, this.report.columns.length);
  }

  /** A data row past its shape (and its grouping cells): the checks of moved values, then read, or held for a column's order or mark. */
  private readData(cells: Cells, count: number, row: number): void {
    // A row with filled cells past the header's last column: a value held the delimiter unquoted
    // (`1234,56` in a comma file), and every value after it moved one column right. Read as it is,
    // the amount lost its kopecks and the client became «56», without a word.
    const width = this.report.columns.length;
    // A value moved into an empty last column («…,1,500,» under «…,amount,comment») leaves the surplus cell empty: more cells than the file's rows have is the sign.
    if (count < width && this.delimited) this.noteShort(row, count);
    if (this.delimited && count > width && width > 0 && (this.filledPast(cells, width, count) || (this.usualCells > 0 && count > this.usualCells && this.numberSplit(cells, count)))) return this.skip(row, `the row has ${count} cells, the header ${width}: a value holds the delimiter unquoted (a decimal comma?), and the values after it moved`);
    // A row whose date or amount waits for its column's order or decimal mark waits before it is
    // read at all: read and then held, its status and stage were counted twice (`inspect` showed 4
    // deals of 3 rows).
    let waits = false;
    const dates = this.reading!.ctx.dates;
    if (dates.observing) for (const c of this.dateColumns) if (c < count && cells.maySlashDate(c) && this.observeDate(cells.text(c), c, row)) waits = true;
    const numbers = this.reading!.ctx.numbers;
    // Only a value with a comma or a dot says anything of a mark: a clock duration (`00:01:23`) or `120 000` is not made a string for it, row after row.
    // That byte scan comes first: such a cell is neither blank nor a plain integer, and the whole numbers
    // of most rows (a duration, an amount) then cost no Map lookup and no second parse.
    for (const c of this.numberColumns) if (c < count && cells.hasEither(c, COMMA, DOT) && numbers.watching(c) && numbers.observe(c, cells.text(c))) waits = true;
    if (this.pending.length > 0 || waits) {
      if (dates.undecided().length > 0 || numbers.undecided().length > 0) return this.hold(cells.copy(), row);
      this.flushPending();
    }
    this.handle(cells, row);
  }

  /** DateOrders.observe, noting whether a slash date that waits for its order has an AM/PM time (said by the message if none settles it). */
  private observeDate(text: string, col: number, row: number): boolean {
    const waits = this.reading!.ctx.dates.observe(col, text, row);
    if (waits && !this.ampm) this.ampm = MERIDIEM.test(text);
    return waits;
  }

  /**
   * Whether a number column's value looks cut in two by the delimiter: digits, then two or three
   * digits in the next cell («1,500» → «1» | «500», «2500,75» → «2500» | «75»). Asked only of a row
   * with more cells than the file's rows have, whose surplus is empty (a stray trailing delimiter
   * alone is no surplus).
   */
  private numberSplit(cells: Cells, count: number): boolean {
    return this.numberColumns.some((c) => c + 1 < count && /^-?\d+$/.test(cells.text(c)) && /^\d{2,3}$/.test(cells.text(c + 1)));
  }

  private noteShort(row: number, count: number): void {
    this.short.first ??= { row, cells: count };
    this.short.rows++;
    this.short.row = row;
    this.short.cells = count;
  }

  /** Whether a cell from column `from` to the row's last is filled. */
  private filledPast(cells: Cells, from: number, count: number): boolean {
    for (let c = from; c < count; c++) if (!cells.blank(c)) return true;
    return false;
  }

  private skip(row: number, reason: string, column?: string, unread?: RowProblem['unread']): void {
    const report = this.report;
    report.skippedCount++;
    this.unread?.noteSkipped(unread, column);
    // Missed calls nobody took are listed a few (they are said in their alert): a log that begins with 120 of
    // them filled the list, and the unreadable rows after them were in neither the JSON nor on stderr (a reviewer).
    if (reason === MISSED_NO_MANAGER && (report.missedNoManager = (report.missedNoManager ?? 0) + 1) > MISSED_LISTED) return;
    // Deals assigned to no one alike (a HubSpot export may hold thousands; review R53: the two unreadable rows after them were listed nowhere).
    if (reason === UNASSIGNED_DEAL && (report.dealsNoManager = (report.dealsNoManager ?? 0) + 1) > MISSED_LISTED) return;
    if (report.skipped.length >= this.limits.maxListedSkips) return;
    const line = this.lines.lineOf(row);
    report.skipped.push({ file: this.file, row, ...(line !== undefined ? { line } : {}), ...(column ? { column } : {}), reason });
  }

  private handle(cells: Cells, row: number): void {
    const result = this.build(cells, row);
    if (result === PENDING) return this.hold(cells.copy(), row);
    // A row that is no record may be the header again (exports joined): dropped, or the run stops if its columns moved.
    if (result instanceof RowProblem && this.header?.repeats(cells, row)) return this.drop(REPEATED_HEADER);
    if (!(result instanceof RowProblem)) this.unread?.noteRecord(cells);
    if (this.legs !== undefined) return this.legs.calls.take(result as LinkedActivity | RowProblem, cells, row, this.legs.settle);
    this.settle(result, row);
  }

  /** Accounts for a row's reading: a record given on, a row skipped or dropped. */
  private settle(result: T | RowProblem, row: number): void {
    if (result instanceof RowProblem) {
      if (result.kind === 'drop') return this.drop(result.reason);
      return this.skip(row, result.reason, result.column, result.unread);
    }
    const report = this.report;
    // A spend row of months across gives a spend row per month, and is counted once, as the row read it
    // is: rows read = records + unreadable + dropped holds (a tester read 4 rows and 5 records in the JSON).
    if (result instanceof SpendMonths) {
      report.records++;
      for (const r of result.rows) this.onRecord(r as T, row);
      return;
    }
    report.records++;
    if (this.stageDeals) this.stageDeals.record(() => this.onRecord(result, row));
    else this.onRecord(result, row);
  }

  private drop(reason: string): void {
    this.report.dropped[reason] = (this.report.dropped[reason] ?? 0) + 1;
  }

  private hold(cells: string[], row: number): void {
    this.pending.push({ cells, row });
    if (this.pending.length > this.limits.maxPendingRows) {
      this.settleDates(this.limits.maxPendingRows);
      this.reading!.ctx.numbers.settle();
      this.flushPending();
    }
  }

  /**
   * Slash-date columns that have shown only ambiguous values when no more rows may wait: they take the
   * order a file read before in the run showed (the deals file) when the same CRM wrote both, said in
   * the report (and by a warning); otherwise the run stops, naming that file's order as a likely one.
   */
  private settleDates(heldBack?: number): void {
    const ctx = this.reading!.ctx;
    const columns = ctx.dates.undecided();
    if (columns.length === 0) return;
    const other = this.opts.otherOrder;
    if (!other || !sameCrm(other, ctx.map.profile?.profile.id)) throw ambiguous(ctx, this.file, this.ampm, heldBack, other);
    ctx.dates.borrow(other.order, other.file);
    this.report.dateOrderFrom = { file: other.file, order: other.order, columns: columns.map((c) => ctx.map.columns[c]!.header) };
  }

  private flushPending(): void {
    for (const p of this.pending.splice(0)) this.handle(this.held.setText(p.cells), p.row);
  }
}

/**
 * The header row among the first rows: the one that names known columns best (a row of data with one
 * known value in it is none: see headerScore). When no row names one, the first row if the --map names
 * this file's own headers; no row at all (-1: every row is data, the columns go by number) if the --map
 * names columns only by number and the first row holds data; else the file has no header row the run
 * knows, and the error shows the first rows and a --map snippet by number (no-header.ts).
 */
function headerRow(headRows: Array<{ cells: string[]; row: number }>, kind: RecordKind, opts: ImportOptions, limits: Limits, file: string): number {
  if (headRows.length === 0) throw UserError.of('E_NO_ROWS', 'import.noRows', {}, { file });
  let best = -1;
  let bestScore = 0;
  headRows.forEach((r, i) => {
    const score = headerScore(r.cells, kind);
    if (score > bestScore) [best, bestScore] = [i, score];
  });
  if (best >= 0) return best;
  const named = Object.values(opts.columns ?? {}).flat();
  // A file of a known layout without a header (Asterisk's Master.csv): its columns by the layout's names.
  if (layoutOf(headRows, opts)) return -1;
  const data = looksLikeData(headRows[0]!.cells);
  if (named.length > 0 && !data) return 0;
  if (named.length > 0 && named.every((c) => /^#\d+$/.test(c.trim()))) return -1;
  // A first row of names over rows of data is a header, though no name in it is one the run knows (a
  // German call log): its columns are then asked for by name, each shown with its values, not by number.
  if (!data && namesOverData(headRows)) return 0;
  throw noHeaderError(file, kind, headRows, limits.headerSearchRows);
}

/** The column names of a known layout the rows are in (layouts.ts), unless the --map names columns by number: then they are its. */
function layoutOf(headRows: ReadonlyArray<{ cells: readonly string[] }>, opts: ImportOptions): string[] | undefined {
  const byNumber = Object.values(opts.columns ?? {}).flat().some((c) => /^#\d+$/.test(c.trim()));
  return byNumber ? undefined : knownLayout(headRows);
}

/** Whether the first row names the columns of the rows after it: as wide as they are, and they hold data (a date or a number). */
function namesOverData(headRows: ReadonlyArray<{ cells: string[] }>): boolean {
  const filled = (cells: readonly string[]) => cells.filter((c) => c.trim() !== '').length;
  const data = headRows.slice(1).filter((r) => looksLikeData(r.cells));
  if (data.length === 0) return false;
  const width = Math.max(...data.map((r) => filled(r.cells)));
  return width >= 2 && filled(headRows[0]!.cells) >= width;
}

/** The header of a file without one: its columns by number (`#1`, `#2`…), as wide as its widest first row. */
function numberedHeader(headRows: ReadonlyArray<{ cells: string[] }>): string[] {
  const width = Math.max(0, ...headRows.map((r) => r.cells.length));
  return Array.from({ length: width }, (_, i) => `#${i + 1}`);
}

/** Whether the file that showed an order and a file recognised as this profile were written by the same CRM. */
function sameCrm(other: DateOrderShown, profileId: string | undefined): boolean {
  return other.profile !== undefined && profileId !== undefined && profileCrm(other.profile.id) === profileCrm(profileId);
}

/** The day-month order a read file showed, for the files read after it in the run (undefined when it showed none). */
export function dateOrderShown(report: ImportReport): DateOrderShown | undefined {
  if (!report.dateOrder) return undefined;
  return { file: report.file, order: report.dateOrder, ...(report.profile ? { profile: { id: report.profile.id, crm: report.profile.crm } } : {}) };
}

/**
 * Slash dates no order settles: --date-format is asked for, with the order another file of the run
 * showed when there is one; that AM/PM does not settle it is said where the dates have AM/PM times.
 */
function ambiguous(ctx: ReadContext, file: string, ampm: boolean, heldBack?: number, other?: DateOrderShown): UserError {
  const columns = ctx.dates.undecided().map((c) => ctx.map.columns[c]!.header);
  const clause = { ampm: ampm ? AMPM_NO_ORDER.en : '', ampmRu: ampm ? AMPM_NO_ORDER.ru : '' };
  const listed = { en: columns.map((c) => `"${c}"`).join(', '), ru: columns.map((c) => `«${c}»`).join(', ') };
  // «в колонках «Created Date», «Close Date»»: one column was said for two (tester T35 F5).
  const one = columns.length === 1;
  const inColumns = { inColumns: `${one ? 'column' : 'columns'} ${listed.en}`, inColumnsRu: `${one ? 'колонке' : 'колонках'} ${listed.ru}` };
  const params = { columns: listed.en, columnsRu: listed.ru, ...inColumns, rows: heldBack ?? 0, ...clause, ...(other ? otherOrderParams(other) : {}) };
  // Dates written with dots beside them are day first, and no evidence for the slash dates (DateOrders.dotted): the message says so, or «no day above 12» reads false of them.
  const dotted = ctx.dates.dotted;
  // Where is the file alone: the message names every column (tester T62 C7: «…, колонка «created_at»: даты в колонках «created_at», «closed_at»…»).
  if (dotted) return UserError.of('E_DATE_AMBIGUOUS', other ? 'map.datesAmbiguousDottedElsewhere' : 'map.datesAmbiguousDotted', { ...params, dottedColumn: ctx.map.columns[dotted.col]?.header ?? '', dottedValue: dotted.value }, { file });
  const id = heldBack ? (other ? 'map.datesAmbiguousHeadElsewhere' : 'map.datesAmbiguousHead') : other ? 'map.datesAmbiguousElsewhere' : 'map.datesAmbiguous';
  return UserError.of('E_DATE_AMBIGUOUS', id, params, { file });
}

/** How another file's order is named in a message: its file, and the order in words and as --date-format. */
export function otherOrderParams(other: Pick<DateOrderShown, 'file' | 'order'>): Record<string, string> {
  const dmy = other.order === 'dmy';
  return { other: other.file, order: dmy ? 'day first' : 'month first', orderRu: dmy ? 'день впереди' : 'месяц впереди', format: dmy ? 'DD/MM/YYYY' : 'MM/DD/YYYY' };
}

/** The cell count most of the first rows have, when three or more rows show it; else 0. */
function usualCount(sample: ReadonlyArray<readonly string[]>): number {
  const counts = new Map<number, number>();
  for (const r of sample) counts.set(r.length, (counts.get(r.length) ?? 0) + 1);
  let best = 0;
  let seen = 0;
  for (const [n, k] of counts) if (k > seen) [best, seen] = [n, k];
  return seen >= 3 && seen * 2 > sample.length ? best : 0;
}

/** The rows skipped by a rule, not for being unreadable: missed calls nobody took, deals assigned to no one. */
function byRule(report: Pick<ImportReport, 'missedNoManager' | 'dealsNoManager' | 'rowsRead' | 'dropped'>): number {
  return (report.missedNoManager ?? 0) + (unassignedMinority(report) ? (report.dealsNoManager ?? 0) : 0);
}

/**
 * Whether the deals assigned to no one are at most half the data rows (a report's totals and footer rows
 * are none): more is a manager column misread (the wrong column of two, a column cut short), and they are
 * then weighed against --max-bad-rows as unreadable rows (review R53: 36 blank of 40 read as 4 deals, exit 0).
 */
function unassignedMinority(report: Pick<ImportReport, 'dealsNoManager' | 'rowsRead' | 'dropped'>): boolean {
  return (report.dealsNoManager ?? 0) * 2 <= dataRows(report);
}

/** Fails the import when more rows were skipped than --max-bad-rows allows. */
export function checkBadRows(report: ImportReport, opts: ImportOptions): void {
  if (opts.enforceBadRows === false) return;
  // Deals rows without an id are dropped as an export's trailer (amoCRM ends with one); more of them
  // than the rows a file may lose is an id column misread, and half the deals would vanish quietly.
  const noId = report.dropped[NO_DEAL_ID] ?? 0;
  if (noId > allowedBadRows(report.rowsRead, opts.maxBadRows)) throw UserError.of('E_BAD_ROWS', 'import.noIdRows', { count: noId, rows: report.rowsRead }, { file: report.file });
  // Missed calls nobody took and deals assigned to no one are skipped by rule, and said (missed-no-manager,
  // deals-no-manager): only unreadable rows count against the limit.
  const bad = report.skippedCount - byRule(report);
  // Rows a stray quote swallowed are rows lost too (tester T37: 50 of 1 000 deals lost with exit 0): counted
  // unreadable with the record that took them where a quote closed no cell, else weighed here as lost.
  const swallowed = report.table.swallowed;
  const taken = swallowed && !report.swallowedSkipped ? swallowed.lines : 0;
  if (swallowed && bad + taken > allowedBadRows(report.rowsRead + taken, opts.maxBadRows)) {
    throw UserError.of('E_BAD_ROWS', 'import.swallowedRows', { line: swallowed.line, lines: swallowed.lines, bad: bad + taken, max: allowedBadRows(report.rowsRead + taken, opts.maxBadRows) }, { file: report.file });
  }
  if (bad === 0) return;
  // Rows refused as a day or longer in a column that reads as milliseconds: the rest were summed as seconds. Not a limit to raise either.
  const ms = millisecondsColumn(report);
  if (ms) throw ms;
  // Not one row read, however few there were, unless --max-bad-rows says otherwise: every row was
  // skipped but footers and totals (rows dropped for what they are, as planned activities, are
  // readable rows); the figures would be a report of zeros, as a small file is under the allowance.
  const notes = noteRows(report.dropped);
  if (opts.maxBadRows === undefined && report.records === 0 && report.skippedCount >= report.rowsRead - notes) throw allRowsBad(report);
  // A column none of whose filled values reads is misread, however few its rows: under the allowance
  // they were dropped whole, and the manager of 3 won deals of 9 vanished (a tester). Not a limit to raise.
  const unreadable = report.unreadable?.[0];
  if (unreadable) throw unreadableColumn(report, unreadable);
  const max = allowedBadRows(report.rowsRead, opts.maxBadRows);
  if (bad <= max) return;
  if (report.skippedCount >= report.rowsRead) throw allRowsBad(report);
  throw UserError.of('E_BAD_ROWS', 'import.badRowsSome', { skipped: bad, rows: report.rowsRead, max, ...badRowExamples(report, true) }, { file: report.file });
}

/** A column none of whose filled values could be read: named, with what it should hold, its first values and the fixes. */
function unreadableColumn(report: ImportReport, u: UnreadColumn): UserError {
  const field = report.columns.find((c) => c.header === u.column)?.field ?? u.column;
  const values = u.values.map((v) => JSON.stringify(v)).join(', ');
  const valuesRu = u.values.map((v) => `«${v}»`).join(', ');
  return UserError.of('E_BAD_ROWS', `import.unreadable.${u.expected}`, { column: u.column, count: u.count, values, valuesRu, kind: report.kind, field }, { file: report.file });
}

/**
 * A duration column of no stated unit that is in milliseconds by its answered calls (readsAsMilliseconds),
 * some of whose rows were refused as «a day or longer» for it: the calls under a day were summed as
 * seconds (a tester's talk 29 times too high, exit 0) and the others dropped whole. The run stops,
 * naming the column, the values refused and the --map line; a unit a --map or a profile states is read.
 */
function millisecondsColumn(report: ImportReport): UserError | undefined {
  const lengths = report.callLengths;
  if (report.kind !== 'activities' || !lengths?.refused || !readsAsMilliseconds(lengths)) return undefined;
  const column = report.columns.find((c) => c.field === 'duration_s')?.header ?? '';
  const { count, values } = lengths.refused;
  const seconds = values.map((v) => `${v} ms = ${Math.round(Number(v) / 1000)} s`);
  const params = { column, snippet: `activities: units: { ${JSON.stringify(column)}: ms }`, count, calls: lengths.answered, long: lengths.long, seconds: seconds.join(', '), secondsRu: seconds.join(', ').replace(/ ms /g, ' мс ').replace(/ s\b/g, ' с') };
  return UserError.of('E_DURATION_MS', 'import.durationMs', params, { file: report.file, column });
}

/** The first five unreadable rows, with their column and reason, in both languages. */
function badRowExamples(report: ImportReport, unreadableOnly = false): { examples: string; examplesRu: string } {
  const byRuleReasons = unassignedMinority(report) ? [MISSED_NO_MANAGER, UNASSIGNED_DEAL] : [MISSED_NO_MANAGER];
  const shown = (unreadableOnly ? report.skipped.filter((s) => !byRuleReasons.includes(s.reason)) : report.skipped).slice(0, 5);
  // What the cells should hold follows the rows: «не дата» alone did not say what a date is read as.
  const lines = (lang: string) => [...shown.map((s) => `  ${skippedRowText(s, lang)}`), ...expectedForms(shown, lang).map((l) => `  ${l}`)].join('\n');
  return { examples: lines('en'), examplesRu: lines('ru') };
}

/** Every row of a file unreadable: the first examples with their column, and the likely cause. */
function allRowsBad(report: ImportReport): UserError {
  // «из 1 строки», not «из 1 строк» (a tester).
  const rowsOfRu = plural(report.rowsRead, 'строки', 'строк', 'строк');
  return UserError.of('E_BAD_ROWS', 'import.badRowsAll', { rows: report.rowsRead, rowsOfRu, rowsWord: pluralEn(report.rowsRead, 'row', 'rows'), ...badRowExamples(report), cause: badRowsCause(report, 'en'), causeRu: badRowsCause(report, 'ru') }, { file: report.file });
}

/** Rows a file may skip: the --max-bad-rows count or share, by default 1% of the rows or 5 rows, whichever is larger (a 20-row export may lose a row). */
export function allowedBadRows(rowsRead: number, limit: ImportOptions['maxBadRows']): number {
  if (limit?.count !== undefined) return limit.count;
  if (limit?.share !== undefined) return Math.floor(limit.share * rowsRead);
  return Math.max(DEFAULT_BAD_ROWS, Math.floor(0.01 * rowsRead));
}

const DEFAULT_BAD_ROWS = 5;
const KIND_NAMES: Record<RecordKind, string> = { deals: 'a deals export', activities: 'an activity or call log', payments: 'a payments export', spend: 'a marketing spend table', plan: 'a sales plan' };
const KIND_NAMES_RU: Record<RecordKind, string> = { deals: 'выгрузка сделок', activities: 'журнал действий или звонков', payments: 'выгрузка платежей', spend: 'таблица расходов на маркетинг', plan: 'план продаж' };

/**
 * When every row fails the limit is not the problem: the file is another kind, split by the wrong
 * delimiter, or one column's values are read by the wrong rule. The hint names the column that
 * fails most often.
 */
function badRowsCause(report: ImportReport, lang: string): string {
  const counts = new Map<string, number>();
  for (const s of report.skipped) if (s.column) counts.set(s.column, (counts.get(s.column) ?? 0) + 1);
  const worst = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0];
  // The column failing is the empty one of two of its name: the snippet reads the filled one, by number (naming the header picks the leftmost again).
  const twin = report.emptyTwins?.find((t) => t.header === worst);
  if (twin) {
    const snippet = `${report.kind}:\n  columns:\n    ${twin.field}: "#${twin.filled + 1}"`;
    return lang === 'ru'
      ? `в файле несколько колонок «${twin.header}»: читается первая (${twin.used + 1}-я), а она пуста; заполнена ${twin.filled + 1}-я. Чтобы читать её, передайте через --map файл с фрагментом (колонка по номеру):\n${snippet}`
      : `the file has several columns "${twin.header}": the first (column ${twin.used + 1}) is read, and it is empty; column ${twin.filled + 1} is filled. To read it, pass a --map file with this snippet (the column by its number):\n${snippet}`;
  }
  // Values of a status column no map knows («Kazanıldı», «Gagnée»): the snippet that names them (tester T54 F5).
  const unknown = worst !== undefined && report.columns.find((c) => c.header === worst)?.field === 'status' ? unknownStatuses(report) : [];
  if (unknown.length > 0) {
    const snippet = `deals:\n  status:\n${unknown.map((v) => `    ${JSON.stringify(v)}: ${statusGuess(normalizeValue(v))}    # won, lost ${lang === 'ru' ? 'или open: проверьте' : 'or open: check'}`).join('\n')}`;
    return lang === 'ru'
      ? `статусы в колонке «${worst}» не известны как выигрыш, проигрыш или открытая сделка; назовите их в файле --map:\n${snippet}`
      : `the statuses in the column "${worst}" are not known as won, lost or open; name them in a --map file:\n${snippet}`;
  }
  // A month no reader takes («Q1 2025» in a plan): how months are written, not the delimiter (a tester).
  if (worst !== undefined && report.columns.find((c) => c.header === worst)?.field === 'month') {
    return lang === 'ru'
      ? `месяц в колонке «${worst}» пишут так: 2025-01, 01.2025 или «Январь 2025» (квартал или год месяцем не прочитать: разбейте их по месяцам)`
      : `a month in the column "${worst}" is written as 2025-01, 01.2025 or "January 2025" (a quarter or a year is no month: split it by months)`;
  }
  if (lang === 'ru') {
    const other = report.kind === 'deals' ? KIND_NAMES_RU.activities : KIND_NAMES_RU.deals;
    const partsRu = [
      `проверьте, что это ${KIND_NAMES_RU[report.kind]}, а не ${other}`,
      report.table.type === 'text' ? 'что колонки разделены правильным разделителем (--delimiter)' : undefined,
      worst ? `и сопоставьте колонку «${worst}» (или ту, где на самом деле её значения) через --map` : 'и сопоставьте колонки через --map',
    ].filter((p) => p !== undefined);
    return `${partsRu.join(', ')}; crm-audit inspect покажет, как читаются строки`;
  }
  const parts = [
    `check that this is ${KIND_NAMES[report.kind]} and not ${report.kind === 'deals' ? KIND_NAMES.activities : KIND_NAMES.deals}`,
    report.table.type === 'text' ? 'that the columns are split by the right delimiter (--delimiter)' : undefined,
    worst ? `and map the column "${worst}" (or the column that really holds its values) with --map` : 'and map the columns with --map',
  ].filter((p) => p !== undefined);
  return `${parts.join(', ')}; crm-audit inspect shows how the rows are read`;
}

/** The values of the skipped rows' unknown statuses, each once, in the order met (ten at most). */
function unknownStatuses(report: ImportReport): string[] {
  const values = new Set<string>();
  for (const s of report.skipped) {
    const m = UNKNOWN_STATUS.exec(s.reason);
    // A value cut for the message (truncate: «…» after 40 characters) would name nothing in a --map file.
    if (m && !m[1]!.endsWith('…')) values.add(m[1]!);
  }
  return [...values].slice(0, 10);
}

const UNKNOWN_STATUS = /^unknown status "(.*)"$/;

/** Reads a deals export into a store, merging rows that repeat an id (first row wins; product rows sum amounts: see repeatsOf). */
export async function importDeals(file: string, opts: ImportOptions, store: DealStore = new DealStore()): Promise<{ store: DealStore; report: ImportReport; map: ColumnMap | undefined }> {
  const { report, map, merged, differing } = await importDealRowsCounted(file, opts, store);
  finishDeals(report, merged, opts, differing);
  return { store, report, map };
}

/**
 * What a row repeating a deal's id adds to the deal in a file of this header (spec: the first row
 * wins, but a Bitrix24 export's product rows sum): without a product column nothing; in a recognised
 * Bitrix24 export, its amount; in another CRM's export, nothing (amoCRM's standard export always has a
 * «Товар» column: two overlapping exports joined added their deals' amounts, a tester); in a file no
 * profile recognises, its amount where it and the deal's rows name a product (see Repeats).
 */
export function repeatsOf(map: ColumnMap): Repeats {
  if (!map.fields.has('product')) return 'first';
  const profile = map.profile?.profile;
  if (!profile) return 'named';
  return profileCrm(profile.id) === 'bitrix24' ? 'sum' : 'first';
}

/** The rows of a deals export added to a store (or a part of the file: see parallel.ts), and what a repeated id adds to its deal. */
export async function importDealRows(file: string, opts: ImportOptions, store: DealStore): Promise<{ report: ImportReport; map: ColumnMap | undefined; repeats: Repeats }> {
  let repeats: Repeats = 'first';
  let map: ColumnMap | undefined;
  try {
    const report = await importFile<DealRow>(file, 'deals', { ...opts, store, onHeader: (m) => ((map = m), (repeats = repeatsOf(m)), opts.onHeader?.(m)) }, (deal) => {
      const i = deal.idBytes ? store.addCoded(deal.codes, deal.buf, deal.start, deal.end, deal.client, repeats) : store.addCodedText(deal.codes, deal.id, deal.client, repeats);
      if (i >= 0 && deal.name !== '') store.setName(i, deal.name);
      if (i >= 0 && deal.links.length > 0) store.addLinks(i, deal.links);
    });
    return { report, map, repeats };
  } finally {
    // The reader interns clients in batches (DealStore.clientsLater): the last one.
    store.flushClients();
  }
}

/**
 * The rows a read merged into a deal of the same id: all of them, and the product rows among them,
 * with how the file's product rows were read (DealStore.settleProducts: their amounts summed, or the
 * deal's total repeated on each, counted once).
 */
export interface MergedRows {
  rows: number;
  productRows: number;
  products?: ProductReading;
}

/**
 * Reports the rows merged into a deal of the same id (dropped): product rows, whose amounts were
 * summed, apart from rows that repeat an id and kept the deal's first row; and those that differ from it.
 */
export function noteMerged(report: ImportReport, merged: MergedRows, differing: { rows: number; id: string } | undefined): void {
  if (merged.rows === 0) return;
  // A merged row is a dropped row, not a record: rows read = records + unreadable + dropped.
  report.records -= merged.rows;
  if (merged.productRows > 0) report.dropped[merged.products === 'total' ? PRODUCT_TOTALS : PRODUCT_ROWS] = merged.productRows;
  if (merged.rows > merged.productRows) report.dropped[REPEATED_ID] = merged.rows - merged.productRows;
  if (differing) report.repeatedIdsDiffer = differing;
}

/** importDealRows(), with the rows this read merged into a deal of the same id, and those of them that differ from it. */
export async function importDealRowsCounted(file: string, opts: ImportOptions, store: DealStore) {
  const [merged, productRows, differing] = [store.merged, store.productRows, store.differing?.rows ?? 0];
  const read = await importDealRows(file, opts, store);
  // The whole file read: its product rows' amounts are decided once for all its deals.
  const products = store.settleProducts();
  const now = store.differing;
  return { ...read, merged: { rows: store.merged - merged, productRows: store.productRows - productRows, ...(products ? { products } : {}) }, differing: now && now.rows > differing ? { rows: now.rows - differing, id: now.id } : undefined };
}

/** Refuses a deals file without a readable deal or with stages nothing can classify, and reports merged rows. */
export function finishDeals(report: ImportReport, merged: MergedRows, opts: Pick<ImportOptions, 'enforceBadRows'> = {}, differing?: { rows: number; id: string }): void {
  if (report.records === 0) {
    // A small file under the bad-row allowance, every row unreadable: said with the rows and columns, as a large one is.
    if (report.rowsRead > 0 && report.skippedCount >= report.rowsRead && report.skipped.length > 0) throw allRowsBad(report);
    // Totals and note rows alone («Итого», «Всего») are an export filtered to nothing, and were said as «2 строк» none of which reads.
    const notes = noteRows(report.dropped);
    if (report.rowsRead === 0 || notes >= report.rowsRead) throw UserError.of('E_NO_DEALS', report.rowsRead === 0 ? 'import.noDealRows' : 'import.onlyTotals', { rows: report.rowsRead }, { file: report.file });
    // Every data row without an id: the id column is empty (tester T70: «none of them is a readable deal» named no cause).
    const noId = report.dropped[NO_DEAL_ID] ?? 0;
    const idColumn = report.columns.find((c) => c.field === 'id')?.header;
    if (noId > 0 && idColumn !== undefined && noId + notes >= report.rowsRead) throw UserError.of('E_NO_DEALS', 'import.idColumnEmpty', { rows: report.rowsRead, column: idColumn }, { file: report.file, column: idColumn });
    throw UserError.of('E_NO_DEALS', 'import.noReadableDeal', { rows: report.rowsRead }, { file: report.file });
  }
  noteMerged(report, merged, differing);
  const undecided = undecidedStages(report);
  if (undecided.length > 0 && opts.enforceBadRows !== false) throw stagesError(report.file, undecided);
}

/** Closed stages nothing classifies (a UserError that keeps them, so that a terminal can ask about them). */
export class StagesUndecided extends UserError {
  constructor(
    message: string,
    file: string,
    hint: string,
    readonly stages: Array<[string, UnknownStage]>,
  ) {
    super('E_STAGES_UNDECIDED', message, { file }, hint);
  }
}

/** The --map snippet that names each undecided stage with a guess to check: closed with amounts looks won, closed without looks lost. */
export function stagesSnippet(undecided: Array<[string, UnknownStage]>, chosen?: Record<string, string>, lang = 'en'): string {
  const ru = lang === 'ru';
  const count = (n: number) => countText(n, ru ? 'ru' : 'en');
  const share = (n: number, of: number) => (n === of ? (ru ? 'все' : 'all') : n === 0 ? (ru ? 'ни одной' : 'none') : count(n));
  const lines = undecided.map(([name, s]) => {
    const value = chosen?.[name] ?? guessStage(s, name);
    const closed = s.blind ? (ru ? 'не известно' : 'unknown') : share(closedShown(s), s.deals);
    // Where a probability of 100% alone shows the deals closed (a Salesforce report, Odoo), it is said so.
    const certain = !s.blind && byProbability(s);
    // A stage mostly at 0% (map offers it: a run counts it open and warns it looks lost) says so.
    const zero = !s.blind && looksLost(s);
    // Closed by their dates at 0% (a lost guess), or at a probability between 0% and 100% (open, whatever the dates say): said with the count.
    const atZero = !s.blind && !zero && closedAtZero(s);
    const planned = s.blind ? 0 : (s.planned ?? 0);
    const evidence = s.leads
      ? ru ? `лидов — ${count(s.deals)}` : `${count(s.deals)} ${s.deals === 1 ? 'lead' : 'leads'}`
      : ru
      ? // Dashes, not colons: the comment ends in «: проверьте», and «сделок: 2, закрыто: все, с суммой: все: проверьте» read as a run of colons.
        `сделок — ${count(s.deals)}, ${certain ? 'с вероятностью 100%' : 'закрыто'} — ${closed}${zero ? `, с вероятностью 0% — ${share(s.zero, s.deals)}` : ''}${atZero ? `, закрыто с вероятностью 0% — ${share(s.closedZero!, s.deals)}` : ''}${planned > 0 ? `, с вероятностью ниже 100% (открыты) — ${share(planned, s.deals)}` : ''}, с суммой — ${share(s.amount, s.deals)}`
      : `${count(s.deals)} ${s.deals === 1 ? 'deal' : 'deals'}, ${s.blind ? 'whether closed unknown' : certain ? `${closed} at a probability of 100%` : `${closed} closed`}${zero ? `, ${share(s.zero, s.deals)} at a probability of 0%` : ''}${atZero ? `, ${share(s.closedZero!, s.deals)} closed at a probability of 0%` : ''}${planned > 0 ? `, ${share(planned, s.deals)} at a probability below 100% (open)` : ''}, ${share(s.amount, s.deals)} with an amount`;
    // Closed only by close dates that may be expected closes: open, and said so (guessStage).
    const byDate = !chosen && byCloseDate(s);
    const check = chosen ? '' : byDate ? `; ${renderMessage('import.stageByCloseDateSnippet', {}, ru ? 'ru' : 'en')}` : ru ? ': проверьте' : ': check';
    return `    ${JSON.stringify(name)}: ${value}    # ${evidence}${check}`;
  });
  return `deals:\n  status:\n${lines.join('\n')}\n`;
}

/** The error that names every undecided stage, with a --map snippet ready to paste. */
function stagesError(file: string, undecided: Array<[string, UnknownStage]>): UserError {
  const one = undecided.length === 1;
  const params = {
    count: undecided.length, plural: one ? '' : 's', plural2: one ? '' : 'es', verb: one ? 'is' : 'are', stages: undecided.map(([n]) => JSON.stringify(n)).join(', '),
    // Russian names them in «…», agrees with one or many, and gives the count only for many.
    stagesRu: undecided.map(([n]) => `«${n}»`).join(', '), countRu: one ? '' : ` (${undecided.length})`,
    stagesHeadRu: one ? 'этап закрытых сделок не известен' : 'этапы закрытых сделок не известны',
    blindHeadRu: one ? 'этап не известен' : 'этапы не известны',
    leadsHeadRu: one ? 'статус лида не известен' : 'статусы лидов не известны',
    statusHeadRu: one ? 'значение колонки статуса не известно' : 'значения колонки статуса не известны',
    snippet: stagesSnippet(undecided).trimEnd(), snippetRu: stagesSnippet(undecided, undefined, 'ru').trimEnd(),
  };
  const id = undecided.some(([, s]) => s.leads)
    ? 'import.leadStatusesUndecided'
    : undecided.some(([, s]) => s.blind)
    ? 'import.stagesBlind'
    : undecided.every(([, s]) => s.status)
    ? 'import.statusesUndecided'
    : undecided.some(([, s]) => s.status)
    ? 'import.stagesStatusesUndecided'
    : 'import.stagesUndecided';
  const error = new StagesUndecided(renderMessage(id, params, 'en'), file, renderHint(id, params, 'en')!, undecided);
  error.messageId = id;
  error.params = params;
  return error;
}

/** Reads a payments export as canonical records (Payment; ImportOptions.linkTo is for PaymentLog's reads). */
export async function importPayments(file: string, opts: Omit<ImportOptions, 'linkTo'>): Promise<{ payments: Payment[]; report: ImportReport }> {
  const payments: Payment[] = [];
  const report = await importFile<Payment>(file, 'payments', { ...opts, linkTo: undefined }, (p) => payments.push(p));
  return { payments, report };
}

/** Reads a marketing spend file (month, source, amount): one row per row of the file, never summed (the engine sums them). */
export async function importSpend(file: string, opts: ImportOptions): Promise<{ rows: SpendRow[]; report: ImportReport; map: ColumnMap | undefined }> {
  return importRows<SpendRow>(file, 'spend', opts);
}

/** Reads a plan file (a manager or a source, a month, leads / won / revenue targets): one row per row of the file. */
export async function importPlan(file: string, opts: ImportOptions): Promise<{ rows: PlanRow[]; report: ImportReport; map: ColumnMap | undefined }> {
  return importRows<PlanRow>(file, 'plan', opts);
}

/** The records of a small file a person keeps, all held; a file with none is refused, as a deals file is. */
async function importRows<T>(file: string, kind: 'spend' | 'plan', opts: ImportOptions): Promise<{ rows: T[]; report: ImportReport; map: ColumnMap | undefined }> {
  const rows: T[] = [];
  let map: ColumnMap | undefined;
  const report = await importFile<T>(file, kind, { ...opts, onHeader: (m) => ((map = m), opts.onHeader?.(m)) }, (r) => rows.push(r));
  if (report.records === 0 && opts.enforceBadRows !== false) throw UserError.of('E_NO_RECORDS', 'import.noRecords', { kind: KIND_NAMES[kind], kindRu: KIND_NAMES_RU[kind], rows: report.rowsRead }, { file });
  return { rows, report, map };
}

/**
 * Streams an activities export, resolved to the linker's deals, to a callback (activities are never
 * all held in memory; a record may be reused for the next row, so copy what you keep). `anyOrder`: the
 * callback takes activities in any order (the engines), and an activity whose client is not its deal's
 * is given later, with a batch of such clients interned together (HeldActivities).
 */
export async function importLinkedActivities(file: string, opts: ImportOptions, linker: ActivityLinker, onActivity: (a: LinkedActivity) => void, anyOrder = false): Promise<{ report: ImportReport; map: ColumnMap | undefined }> {
  let map: ColumnMap | undefined;
  const held = anyOrder ? linker.hold(onActivity) : undefined;
  try {
    // The records went to the caller: a read again with the client column is the caller's to start (ClientColumnFilled).
    const report = await importFile<LinkedActivity>(file, 'activities', { ...opts, onReadAgain: undefined, linker, onHeader: (m) => ((map = m), opts.onHeader?.(m)) }, held ? (a) => held.add(a) : onActivity);
    held?.flush();
    return { report, map };
  } finally {
    if (held) linker.release();
  }
}

/**
 * Streams an activities export to a callback as canonical records (activities are never all held in
 * memory, but those of a call log whose client column is blank on its first rows: held until the file
 * shows whether a later row fills it, when they are read again with it; empty-client.ts).
 */
export async function importActivities(file: string, opts: ImportOptions, onActivity: (a: Activity) => void): Promise<{ report: ImportReport; map: ColumnMap | undefined }> {
  // The records of a read that met a filled client column were held, none given: nothing to throw away.
  return readAgainOnFilled(file, opts, (clientColumn) => activitiesOnce(file, { ...opts, clientColumn }, onActivity), () => undefined);
}

/** One read of importActivities: the activities of a file whose client column was set aside are held to its end. */
async function activitiesOnce(file: string, opts: ImportOptions, onActivity: (a: Activity) => void): Promise<{ report: ImportReport; map: ColumnMap | undefined }> {
  const linker = new ActivityLinker(new DealStore());
  let aside: Activity[] | undefined;
  const onHeader = (m: ColumnMap) => {
    if (m.emptyClient) aside = [];
    opts.onHeader?.(m);
  };
  const read = await importLinkedActivities(file, { ...opts, onHeader }, linker, (a) => (aside ? aside.push(linker.unlink(a)) : onActivity(linker.unlink(a))));
  for (const a of aside ?? []) onActivity(a);
  return read;
}
