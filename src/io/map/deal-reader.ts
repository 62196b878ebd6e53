import type { KeySink } from '../../core/kpi/key-batch.js';
import { STATUS_CODE, type DealCodes } from '../../core/kpi/deal-store.js';
import type { DealStatus } from '../../core/records.js';
import { PIPELINES_KEPT, type UnknownStage } from '../../core/undecided-stages.js';
import { cleanText, normalizeValue, parseBoolean, parseNumber, phoneKey } from './values.js';
import { dateHasTime } from './calendar.js';
import { isConvertedAmount, LOST_TIME, normalizeHeader, WON_TIME } from './fields.js';
import { CellMemo, clientTextNoting, internClient, listedClients, lostDigits, maybeScientific, recordClientText, scientificForm, trimEdges, type Cells, type LostClient } from './cells.js';
import { dateRead, DELETED_RECORD, firstFilled, headerOf, inRecycleBin, managerKey, mappedStatus, NO_DEAL_ID, noManager, notClosedDates, noteCurrency, noteLostClient, noteEntry, noteValue, PENDING, readDate, readFlag, readNumber, RowProblem, scaled, statusOf, truncate, type ReadContext } from './context.js';

import type { ColumnMap } from './mapping.js';
/** A close date without a time of day (Bitrix24, Salesforce) means the end of that day (spec). */
const END_OF_DAY_MS = (23 * 3600 + 59 * 60 + 59) * 1000;

/** A deal as the store's keys, its id (bytes or text) and title; one object reused row after row. */
export interface DealRow {
  codes: DealCodes;
  /** True when the id is buf[start, end) (valid until the next row), else `id`. */
  idBytes: boolean;
  id: string;
  buf: Uint8Array;
  start: number;
  end: number;
  client: number;
  /** Other keys the client goes by (DealStore.addLinks): empty in most exports. */
  links: number[];
  /** The deal's title, when the export has one (Pipedrive activities name their deal by it). */
  name: string;
}

type StatusEntry = { status: DealStatus | 'deleted' | undefined; seen: { count: number } | undefined };
type StageEntry = { text: string; status: DealStatus | 'deleted' | undefined; reason: string };

/** A pipeline prefix before a Bitrix24 system stage id (`C6:WON`). */
const PIPELINE_PREFIX = /^C\d+:(.+)$/;
/** A stage name with a reason in parentheses after it (`Venda perdida (Sem interesse)`). */
const WITH_REASON = /^(.*?)\s*\(([^()]*)\)\s*$/;
/** What may part a stage name from a reason after it: a dash between spaces, or a colon (Salesforce's `Closed Lost - Price`). */
const REASON_BREAK = /\s[-–—]\s|:/g;

/** The reason after the first break (REASON_BREAK) whose words before it say lost by themselves (`Closed - Lost - Price`: «Price»; «Отказ - Дорого»: «Дорого»), else ''. */
function reasonAfterDash(maps: ReadContext['maps'], text: string): string {
  for (const m of text.matchAll(REASON_BREAK)) {
    const reason = cleanText(text.slice(m.index + m[0].length));
    if (reason !== '' && statusOf(maps, text.slice(0, m.index).trim()) === 'lost') return reason;
  }
  return '';
}

/** The texts before each reason break of a stage name («Отказ - Дорого»: «Отказ»). */
function beforeBreaks(text: string): string[] {
  return [...text.matchAll(REASON_BREAK)].map((m) => text.slice(0, m.index).trim()).filter((t) => t !== '');
}

/**
 * What a stage name says: its status by the value maps, else after a pipeline prefix (`C6:WON`),
 * else without the words in parentheses after it: a loss reason (`Venda perdida (Sem interesse)`),
 * or where the CRM writes its pipeline there (HubSpot: `Closed lost (Partners)`), nothing more.
 */
export function readStage(maps: ReadContext['maps'], text: string, parentheses: ReadContext['stageParentheses'] = 'reason'): StageEntry {
  if (text === '') return { text, status: undefined, reason: '' };
  // By the maps first; by its words only after the parentheses are read: «Closed - lost (Too
  // expensive)» said lost in words, and its reason was lost with it (a tester's English Kommo file).
  const status = mappedStatus(maps, text);
  if (status !== undefined) return { text, status, reason: '' };
  const prefixed = PIPELINE_PREFIX.exec(text);
  if (prefixed) {
    const bare = statusOf(maps, prefixed[1]!);
    if (bare !== undefined) return { text, status: bare, reason: '' };
  }
  const withReason = WITH_REASON.exec(text);
  if (withReason) {
    const base = statusOf(maps, withReason[1]!);
    if (base !== undefined) return { text, status: base, reason: parentheses === 'reason' ? cleanText(withReason[2]!) : '' };
  }
  const said = statusOf(maps, text);
  if (parentheses !== 'reason' || (said !== undefined && said !== 'lost')) return { text, status: said, reason: '' };
  // After a dash or a colon, as in parentheses, a lost stage's reason, where the words before it say lost by
  // themselves: «Closed Lost - Price» gave none (tester T35 F4), «Отказ - Дорого» no status (review R40).
  const reason = reasonAfterDash(maps, text);
  return { text, status: reason !== '' ? 'lost' : said, reason };
}

/** Every text of a stage name readStage looks up: the name, after a pipeline prefix, before parentheses, before a reason's dash. */
export function stageNames(text: string): string[] {
  const prefixed = PIPELINE_PREFIX.exec(text);
  const withReason = WITH_REASON.exec(text);
  return [text, ...(prefixed ? [prefixed[1]!] : []), ...(withReason ? [withReason[1]!] : []), ...beforeBreaks(text)];
}

/** The memos of one deals file: from a cell to the store's key or the mapped value. */
export interface DealMemos {
  manager: CellMemo<number>;
  /** Counts a client cell whose number Excel's scientific form cut (ReadContext.clientsLostDigits). */
  lostClient: LostClient;
  /** Whether a client cell may list several records (a profile's clientLists: HubSpot's associations). */
  clientLists: boolean;
  /** The client columns that name a record by its number (a profile's clientIds): the record's kind by column. */
  clientIds: ReadonlyMap<number, string> | undefined;
  /**
   * The manager's other columns (a --map list: `manager: ["Ответственный", "Создал"]`): the first filled
   * one counts on each row (context's firstFilled). The first alone was read, and a deal blank there was
   * dropped «нет менеджера».
   */
  managerMore: readonly number[];
  status: CellMemo<StatusEntry>;
  /** A stage cell as readStage reads it, and whether the --map file names it (userNamed), once per distinct cell. */
  stage: CellMemo<StageEntry & { named: boolean }>;
  /** Whether a close date cell says the deal is not closed (amoCRM's `не закрыта`: notClosedDates). */
  notClosed: CellMemo<boolean>;
  probability: CellMemo<number | undefined>;
  /**
   * The stage of the row being read when no rule knew it (else undefined); where the row's status cell
   * holds a value no rule knows either, that value (unknownIsStatus): the status column is the CRM's
   * word on the outcome, and a localised Pipedrive's «Réussie» beside a stage «Propuesta» was asked
   * about as the stage, guessed won for every closed deal (tester T54 F4).
   */
  unknown: string | undefined;
  unknownIsStatus: boolean;
  /** The loss reason its stage carried in parentheses (`Venda perdida (Sem interesse)`), else ''. */
  stageReason: string;
  flag: CellMemo<boolean | undefined>;
  reason: CellMemo<number>;
  /** Whether the amount is converted into the company's one currency: the deal's own currency is then not counted (noteCurrency). */
  converted: boolean;
  /** Beside a converted amount, the deal's own amount column (Bitrix24's OPPORTUNITY), read where the converted one is blank or 0; and the converted amount's currency column (ACCOUNT_CURRENCY_ID). */
  original: number | undefined;
  convertedCurrency: number | undefined;
  /** Whether the row's amount is the original's (dealAmount). */
  fromOriginal: boolean;
  /** Whether an amount of 0 is a budget never filled in, read as no amount (ValueMaps.zeroAmount). */
  zeroUnfilled: boolean;
  label: [CellMemo<number>, CellMemo<number>, CellMemo<number>];
  noLabel: number;
  /** The won-time and lost-time columns that say a deal's outcome where no status column or cell does (outcomeTimes). */
  times: { won: number; lost: number } | undefined;
  /** The column whose time decided the row's outcome (its close time), else -1. */
  decidedBy: number;
  /** The columns of fields that may have several (the first filled one counts). */
  closedCols: readonly number[];
  reasonCols: readonly number[];
  clientCols: readonly number[];
  /** The client's phone columns (DealStore.addLinks). */
  phoneCols: readonly number[];
  /** Whether the deals' clients go by other keys too (hasClientLinks). */
  links: boolean;
  sourceCols: readonly number[];
  /** The id of the row being read when it lost its last digits (else undefined). */
  lostId: string | undefined;
  out: DealRow;
}

/** A row with an id column and no id: dropped and counted, as totals rows are. */
const NO_ID = new RowProblem('drop', NO_DEAL_ID);

/** Makes the memos of a deals file. */
export function dealMemos(ctx: ReadContext): DealMemos {
  const { store, maps } = ctx;
  const label = () => new CellMemo((t) => store.labels.id(cleanText(t)));
  const hasStage = ctx.cols.stage !== undefined;
  const converted = amountIsConverted(ctx);
  const clientIds = clientIdColumns(ctx);
  if (clientIds) store.recordClients = true;
  return {
    manager: new CellMemo(managerKey(store, cleanText, maps)),
    lostClient: (text, col) => noteLostClient(ctx, text, col),
    clientLists: ctx.map.profile?.profile.clientLists === true,
    managerMore: (ctx.map.fields.get('manager') ?? []).slice(1),
    status: new CellMemo((t) => {
      const raw = trimEdges(t);
      const status = raw === '' ? undefined : statusOf(maps, raw);
      // An unknown status falls back on the stage (counted as such); without a stage the row is skipped.
      const seen = status !== undefined ? noteEntry(ctx, 'status', raw, status) : hasStage && raw !== '' ? noteEntry(ctx, 'status', raw, '(unknown: stage used)') : undefined;
      return { status, seen };
    }),
    stage: new CellMemo((t) => ({ ...readStage(maps, trimEdges(t), ctx.stageParentheses), named: userNamed(trimEdges(t), maps) })),
    notClosed: notClosedMemo(ctx),
    probability: new CellMemo((t) => {
      const n = parseNumber(trimEdges(t).replace(/%$/, ''));
      // HubSpot writes 0..1, Salesforce and Odoo 0..100.
      return n === null || Number.isNaN(n) ? undefined : n > 1 ? n / 100 : n;
    }),
    unknown: undefined,
    unknownIsStatus: false,
    stageReason: '',
    flag: new CellMemo((t) => parseBoolean(trimEdges(t))),
    reason: new CellMemo((t) => store.reasons.id(cleanText(t))),
    converted,
    original: converted ? originalAmount(ctx) : undefined,
    convertedCurrency: converted ? ctx.cols.converted_currency : undefined,
    fromOriginal: false,
    zeroUnfilled: ctx.maps.zeroAmount === 'unfilled',
    label: [label(), label(), label()],
    noLabel: store.labels.id(''),
    times: outcomeTimes(ctx.map, true),
    decidedBy: -1,
    closedCols: ctx.map.fields.get('closed_at') ?? [],
    reasonCols: ctx.map.fields.get('loss_reason') ?? [],
    clientCols: ctx.map.fields.get('client') ?? [],
    clientIds,
    phoneCols: ctx.map.fields.get('phone') ?? [],
    links: hasClientLinks(ctx.map),
    sourceCols: ctx.map.fields.get('source') ?? [],
    lostId: undefined,
    out: { codes: { manager: 0, created: 0, closed: 0, status: 0, amount: 0, reason: 0, stage: 0, pipeline: 0, source: 0 }, idBytes: false, id: '', buf: new Uint8Array(0), start: 0, end: 0, client: 0, links: [], name: '' },
  };
}

/**
 * Reads a deal from a row, or says why not: the spec's rules, each written once, in the order that
 * decides which problem a row reports (id, manager, created_at, status, closed_at, amount).
 */
export function readDeal(cells: Cells, rowNumber: number, ctx: ReadContext, m: DealMemos): DealRow | RowProblem | typeof PENDING {
  const c = ctx.cols;
  const out = m.out;
  const codes = out.codes;
  m.lostId = undefined;
  if (c.id === undefined) {
    // Deals without an id column (some Salesforce reports) get the row number.
    out.idBytes = false;
    out.id = `row-${rowNumber}`;
  } else if (cells.bytes(c.id) && !maybeScientific(cells.buf, cells.start, cells.end)) {
    out.idBytes = true;
    out.buf = cells.buf;
    out.start = cells.start;
    out.end = cells.end;
  } else {
    out.idBytes = false;
    out.id = cells.text(c.id);
    // Not a deal (spec/exports.md: rows to drop, and count): amoCRM ends its export with one.
    if (out.id === '') {
      if (!cells.blank(firstFilled(cells, c.manager, m.managerMore)) && !cells.blank(c.created_at)) ctx.idless.pending++;
      return NO_ID;
    }
    // An id that lost its last digits (Excel's «5,80503E+18») is several deals' id: its row is a deal
    // of its own, by its row number (4 deals were merged into 1, a tester), and said (idsLostDigits).
    if (lostDigits(out.id)) {
      m.lostId = out.id.trim();
      out.id = `${m.lostId} (row ${rowNumber})`;
    }
  }
  // Rows with no id that a deal follows were deals amid the others, not the export's last row.
  if (ctx.idless.pending !== 0) {
    ctx.idless.followed += ctx.idless.pending;
    ctx.idless.pending = 0;
  }
  // A deal in the recycle bin is no deal: dropped and counted (a tester's Data Loader extract counted one's 50 000 as revenue).
  const binned = inRecycleBin(cells, ctx, m.flag);
  if (binned !== false) return binned === true ? DELETED_RECORD : binned;
  const flagged = unknownFlag(cells, ctx, m);
  if (flagged !== undefined) return flagged;
  const manager = c.manager === undefined ? -1 : cells.value(firstFilled(cells, c.manager, m.managerMore), m.manager);
  if (manager === -1) return noManager(cells, ctx, firstFilled(cells, c.manager, m.managerMore), true);
  const createdRead = readDate(cells, c.created_at, 'created_at', true, ctx);
  if (createdRead !== undefined) return createdRead;
  const created = dateRead[0]!;
  const status = dealStatus(cells, ctx, m);
  if (status === PENDING || status instanceof RowProblem) return status;
  if (status === 'deleted') return new RowProblem('drop', 'deleted deal (Pipedrive status "deleted")');
  let closed = Number.NaN;
  if (status !== 'open') {
    const closedRead = closedAt(cells, ctx, m);
    if (closedRead !== undefined) return closedRead;
    closed = dateRead[0]!;
  }
  const read = dealAmount(cells, ctx, m);
  if (read === PENDING || read instanceof RowProblem) return read;
  // A budget never filled in, where the --map file says 0 is one (amoCRM, Kommo): no amount, as an empty cell.
  const amount = read === 0 && m.zeroUnfilled ? null : read;
  codes.manager = manager;
  codes.created = created;
  codes.closed = closed;
  codes.status = STATUS_CODE[status];
  codes.amount = amount ?? Number.NaN;
  if (amount !== null) noteAmountCurrency(cells, ctx, m);
  codes.reason = status === 'lost' ? lossReason(cells, ctx, m) : 0;
  if (m.unknown !== undefined) noteUnknownStage(cells, ctx, m, amount);
  codes.stage = c.stage === undefined ? m.noLabel : cells.value(c.stage, m.label[0]);
  codes.pipeline = c.pipeline === undefined ? m.noLabel : cells.value(c.pipeline, m.label[1]);
  codes.source = dealSource(cells, m);
  codes.product = c.product !== undefined && !cells.blank(c.product) ? 1 : 0;
  codes.lineTotal = c.price === undefined || c.quantity === undefined || amount === null ? 0 : lineTotal(cells, c.price, c.quantity, amount, ctx.scales);
  out.name = c.name === undefined ? '' : cleanText(cells.text(c.name));
  out.client = firstClient(cells, ctx, m);
  if (m.links) {
    out.links.length = 0;
    otherClientKeys(cells, ctx, m, out.links);
  }
  if (m.lostId !== undefined && c.id !== undefined) noteLostDigits(ctx, m.lostId, c.id);
  return out;
}

/** The flag columns of a deals file besides the deleted one: the closed, won and active (Odoo's archive) flags. */
const DEAL_FLAGS = ['closed', 'won', 'active'] as const;

/**
 * The row's first flag cell no rule reads as a yes or a no, as the row's problem (readFlag), else
 * undefined: the reads of the row's outcome below then find a yes or a no in each.
 */
function unknownFlag(cells: Cells, ctx: ReadContext, m: DealMemos): RowProblem | undefined {
  for (const field of DEAL_FLAGS) {
    const col = ctx.cols[field];
    if (col === undefined) continue;
    const read = readFlag(cells, ctx, col, m.flag, field);
    if (read instanceof RowProblem) return read;
  }
  return undefined;
}

/**
 * Whether a row's amount is its own price × quantity (1), or not (2): a product's share, or the deal's
 * total repeated on the row (DealStore.settleProducts). 0 when either cell is no number.
 */
function lineTotal(cells: Cells, price: number, quantity: number, amount: number, scales: ReadonlyMap<number, number> | undefined): number {
  const p = cellNumber(cells, price, scales);
  const q = cellNumber(cells, quantity, scales);
  if (p === undefined || q === undefined) return 0;
  // Kopecks apart are the same amount (a price rounded to them, times a quantity).
  return Math.abs(p * q - amount) < 0.01 * Math.max(1, q) ? 1 : 2;
}

/** A cell's number in the scale its header names (a price «, тыс. руб.» beside an amount so: readNumber's), or undefined where it is empty or none. */
function cellNumber(cells: Cells, col: number, scales: ReadonlyMap<number, number> | undefined): number | undefined {
  const plain = cells.plainInteger(col);
  const n = !Number.isNaN(plain) ? plain : cells.blank(col) ? null : parseNumber(trimEdges(cells.text(col)));
  if (n === null || Number.isNaN(n)) return undefined;
  return scales === undefined ? n : scaled(n, col, scales);
}

/** Counts a deal whose id lost its last digits, keeping the first such id and its column. */
function noteLostDigits(ctx: ReadContext, id: string, col: number): void {
  ctx.idsLostDigits ??= { rows: 0, example: id, column: headerOf(ctx, col, 'id') };
  ctx.idsLostDigits.rows++;
}


/**
 * The row's amount: the amount column's, or, where a converted amount is blank or 0 and the deal's own
 * amount is not (Bitrix24 REST leaves OPPORTUNITY_ACCOUNT empty where the portal has no rate), the
 * deal's own, in its own currency (review R39: such a deal had no amount).
 */
function dealAmount(cells: Cells, ctx: ReadContext, m: DealMemos): number | null | RowProblem | typeof PENDING {
  const read = readNumber(cells, ctx.cols.amount, 'amount', ctx);
  m.fromOriginal = false;
  if (m.original === undefined || !(read === null || read === 0)) return read;
  // A fallback never costs a deal: an own amount that is unreadable («n/a») leaves it with none, as before (review R40).
  const own = readNumber(cells, m.original, 'amount', ctx);
  if (typeof own !== 'number' || own === 0) return read;
  m.fromOriginal = true;
  return own;
}

/**
 * Counts the currency of the row's amount for the mixed-currencies alert: the deal's own currency
 * column, or for a converted amount its currency column (ACCOUNT_CURRENCY_ID, «Amount (converted)
 * Currency»), where the file has one: a portal reporting in tenge beside spend in roubles is said.
 */
function noteAmountCurrency(cells: Cells, ctx: ReadContext, m: DealMemos): void {
  if (!m.converted) noteCurrency(cells, ctx, ctx.cols.amount);
  else if (m.fromOriginal) noteCurrency(cells, ctx, m.original);
  else if (m.convertedCurrency !== undefined) noteCurrency(cells, ctx, ctx.cols.amount, m.convertedCurrency);
}

/** Beside a converted amount, the first other amount column the file has (the deal's own amount), else undefined. */
function originalAmount(ctx: ReadContext): number | undefined {
  const i = ctx.map.columns.findIndex((col) => col.passedOverFor === 'amount' && !isConvertedAmount(col.header));
  return i < 0 ? undefined : i;
}

/** Whether the amount column holds amounts converted into the company's one currency. */
function amountIsConverted(ctx: ReadContext): boolean {
  const col = ctx.cols.amount;
  return col !== undefined && isConvertedAmount(ctx.map.columns[col]!.header);
}

const WON_TIMES = new Set(WON_TIME.map(normalizeHeader));
const LOST_TIMES = new Set(LOST_TIME.map(normalizeHeader));

/**
 * The won-time and lost-time columns among a deals file's close dates (Pipedrive's «Deal - Won time»
 * and «Deal - Lost time», `won_time` and `lost_time`), where the file has both and no status column
 * (or, `besideStatus`, whatever it has: for the rows whose status cell is blank): they then say each
 * deal's outcome (statusByTimes). Undefined otherwise.
 */
export function outcomeTimes(map: ColumnMap, besideStatus = false): { won: number; lost: number } | undefined {
  if (map.fields.has('status') && !besideStatus) return undefined;
  const cols = map.fields.get('closed_at') ?? [];
  const won = cols.find((c) => WON_TIMES.has(normalizeHeader(map.columns[c]!.header)));
  const lost = cols.find((c) => LOST_TIMES.has(normalizeHeader(map.columns[c]!.header)));
  return won !== undefined && lost !== undefined ? { won, lost } : undefined;
}

/**
 * A deal's outcome by its won and lost times (a Pipedrive export whose user left out «Deal - Status»):
 * won with a won time, lost with a lost time, with both the later one (a deal lost, reopened and won),
 * open with neither; the deal closed at that time. The stage is then only a place in the pipeline:
 * read by the closed flags it made every deal open, and the stages were asked about as won or lost.
 */
function statusByTimes(cells: Cells, ctx: ReadContext, m: DealMemos): DealStatus | RowProblem | typeof PENDING {
  const { won, lost } = m.times!;
  const wonRead = readDate(cells, won, 'closed_at', false, ctx);
  if (wonRead !== undefined) return wonRead;
  const wonAt = dateRead[0]!;
  const lostRead = readDate(cells, lost, 'closed_at', false, ctx);
  if (lostRead !== undefined) return lostRead;
  const lostAt = dateRead[0]!;
  const status = Number.isNaN(wonAt) ? (Number.isNaN(lostAt) ? 'open' : 'lost') : lostAt > wonAt ? 'lost' : 'won';
  m.decidedBy = status === 'won' ? won : status === 'lost' ? lost : -1;
  noteValue(ctx, 'closed_at', m.decidedBy === -1 ? '' : ctx.map.columns[m.decidedBy]!.header, status === 'open' ? NO_OUTCOME_TIME : status);
  return status;
}

/** How inspect shows a deal that neither time says closed. */
export const NO_OUTCOME_TIME = 'open (no won or lost time)';

/**
 * won / lost / open / deleted, from the file's structure first: the status column, else the won and
 * lost times (statusByTimes), then the CRM's own flags (Salesforce IsWon/IsClosed; a closed flag with a probability of 100% or 0%, as HubSpot
 * and Odoo write; a probability of 0% with a loss reason), then the stage's words. A stage no rule knows is open, or lost when the closed flag
 * says closed; it is noted (m.unknown), and where the CRM's profile says so it must be classified.
 */
function dealStatus(cells: Cells, ctx: ReadContext, m: DealMemos): DealStatus | 'deleted' | RowProblem | typeof PENDING {
  const c = ctx.cols;
  m.unknown = undefined;
  m.unknownIsStatus = false;
  m.stageReason = '';
  m.decidedBy = -1;
  // The times say the outcome where no status does: no status column, or a status cell left blank (tester T72:
  // a Pipedrive deal with its Won time was open by its stage, «name the stage won» the advice).
  if (m.times !== undefined && (c.status === undefined || cells.blank(c.status))) return statusByTimes(cells, ctx, m);
  let unknownStatus: string | undefined;
  if (c.status !== undefined && !cells.blank(c.status)) {
    const st = cells.value(c.status, m.status);
    if (st.seen) st.seen.count++;
    if (st.status !== undefined) return st.status;
    if (c.stage === undefined) return new RowProblem('skip', `unknown status "${truncate(cells.text(c.status))}"`, headerOf(ctx, c.status, 'status'));
    unknownStatus = cells.text(c.status);
  }
  let said = c.closed === undefined ? notClosed(cells, m) : undefined;
  // A stage the --map file names keeps its status: an own «Оплачено» amoCRM never closes, named won by the user (review R39).
  if (said !== undefined && c.stage !== undefined && cells.value(c.stage, m.stage).named) said = undefined;
  const closedFlag = c.closed === undefined ? (said === undefined ? undefined : false) : cells.value(c.closed, m.flag);
  // A won flag says won, and with a closed flag lost or open too. Alone, "not won" is lost or open
  // as the stage says (HubSpot's «Is Closed Won» beside «Closed lost»): read as open, every lost deal was.
  let notWon = false;
  if (c.won !== undefined && !cells.blank(c.won)) {
    const won = cells.value(c.won, m.flag);
    if (won || closedFlag !== undefined) {
      const status = won ? 'won' : closedFlag ? 'lost' : 'open';
      // With the closed flag beside it, as the pair decides («0 / 1» lost, «0 / 0» open): «0» alone was shown lost for open deals too.
      noteValue(ctx, 'won', closedFlag === undefined ? cells.text(c.won) : `${cells.text(c.won)} / ${cells.text(c.closed)}`, status);
      return status;
    }
    notWon = true;
  }
  if (closedFlag === true && c.probability !== undefined) {
    const p = cells.value(c.probability, m.probability);
    if (p === 1 || p === 0) {
      const status = p === 1 ? 'won' : 'lost';
      noteValue(ctx, 'probability', `${cells.text(c.closed)} / ${cells.text(c.probability)}`, status);
      return status;
    }
  }
  if (closedFlag === undefined && (lostByReason(cells, ctx, m) || archived(cells, ctx, m) || lostReasonAlone(cells, ctx, m))) return 'lost';
  if (c.stage === undefined || cells.blank(c.stage)) return closedFlag === true ? 'lost' : 'open';
  const stage = cells.value(c.stage, m.stage);
  let status: DealStatus | 'deleted';
  // The close date's «не закрыта» decides only where it changes what the stage says (won or lost by its
  // words): elsewhere the deal reads, and is shown, as the stage alone reads it (open, or a stage no rule knows).
  const overridden = said !== undefined && (stage.status === 'won' || stage.status === 'lost');
  const flag = said === undefined ? closedFlag : undefined;
  if (flag === false || overridden) status = 'open';
  else if (stage.status) {
    // A won stage the won flag says is not won: the flag is the CRM's own word.
    status = notWon && stage.status === 'won' ? 'open' : stage.status;
    m.stageReason = stage.reason;
    if (status === 'won' && ctx.wonPipelines) ctx.wonPipelines.add(pipelineOf(cells, ctx));
  } else {
    status = flag === true ? 'lost' : 'open';
    m.unknown = unknownStatus ?? stage.text;
    m.unknownIsStatus = unknownStatus !== undefined;
  }
  const noted = overridden ? `${stage.text} / ${cells.text(said)}` : stage.text;
  noteValue(ctx, 'stage', noted, stage.status || flag === false ? status : flag === true ? closedUnknown(ctx) : `${status} (stage not known)`);
  return status;
}

/**
 * The close date column of the row that says the deal is not closed (`не закрыта`, `não fechado`),
 * else undefined: in a file with no closed flag, that is its flag. amoCRM and Kommo close a deal only
 * in their two system stages and write the placeholder in every open deal's close date, while a
 * pipeline's own stages before them are often named «Отказ (думает)», «Успешно» or «Ganho»: read by
 * their words, such deals were won or lost with no close date (a tester's file: won 4 and revenue
 * 50 000 for won 1 and 20 000). As Bitrix24's «Сделка закрыта» «Нет», it keeps the deal open
 * whatever its stage is named.
 */
function notClosed(cells: Cells, m: DealMemos): number | undefined {
  for (const k of m.closedCols) if (!cells.blank(k) && cells.value(k, m.notClosed)) return k;
  return undefined;
}

/** Whether a stage is one the --map file names (any of the names readStage looks it up by). */
function userNamed(stage: string, maps: ReadContext['maps']): boolean {
  return maps.userStatus.size > 0 && stageNames(stage).some((n) => maps.userStatus.has(normalizeValue(n)));
}

/** The memo of what a close date says of a deal not closed: the common words and the profile's placeholders. */
function notClosedMemo(ctx: ReadContext): CellMemo<boolean> {
  const words = notClosedDates(ctx.map.profile?.profile.placeholders ?? []);
  return new CellMemo((t) => words.has(normalizeValue(t)));
}

/** The row's pipeline as its file writes it: a CRM with one won stage a pipeline weighs its stages by it (a file with a pipeline column: ctx.wonPipelines). */
function pipelineOf(cells: Cells, ctx: ReadContext): string {
  return cells.text(ctx.cols.pipeline);
}

/** Adds a pipeline to a stage's (up to PIPELINES_KEPT: past them, the stage is not weighed by its pipelines). */
function notePipeline(entry: UnknownStage, pipeline: string): void {
  const list = (entry.pipelines ??= []);
  if (list.length < PIPELINES_KEPT && !list.includes(pipeline)) list.push(pipeline);
}

/**
 * What a closed deal of a stage no rule knows is said to be (inspect): lost where its CRM's closed
 * stages that are not won are lost, undecided where the stage must be named (the run stops, asking).
 */
function closedUnknown(ctx: ReadContext): string {
  return ctx.unknownStage === 'ask' ? 'undecided (closed, stage not known: to be named)' : 'lost (closed, stage not known as won)';
}

/**
 * A deal with a probability of 0% and a loss reason, or archived (Odoo's «Active» False), is lost
 * whatever its stage says: Odoo (before 16) archives a lost opportunity in the stage it was lost in
 * («New») with probability 0, in a file with no closed flag. An archived deal without a probability: archived.
 */
function lostByReason(cells: Cells, ctx: ReadContext, m: DealMemos): boolean {
  const c = ctx.cols;
  if (c.probability === undefined || cells.blank(c.probability) || cells.value(c.probability, m.probability) !== 0) return false;
  const k = m.reasonCols.find((col) => reasonGiven(cells, col)) ?? (c.active !== undefined && cells.value(c.active, m.flag) === false ? c.active : undefined);
  if (k === undefined) return false;
  noteValue(ctx, 'probability', `${cells.text(c.probability)} / ${cells.text(k)}`, 'lost');
  return true;
}

/**
 * An archived deal (Odoo's «Active» / «Активно» False, filled) in a stage the rules know is not won, or
 * with no stage: lost, where the file has no probability or Is Won of its own to say. Odoo's «Lost»
 * action archives an opportunity in the stage it was lost in (probability 0): without «Вероятность» in
 * the export every lost one counted open, its loss reason unread (a tester's Odoo list, win rate 100%).
 * Odoo itself calls an archived opportunity lost only at probability 0 (else pending: archived by hand,
 * a duplicate): a filled probability (0% is lostByReason's), a filled Is Won («Pending»), and a stage
 * no rule knows (a won stage renamed «Договор подписан», asked about) leave the archive unread.
 */
function archived(cells: Cells, ctx: ReadContext, m: DealMemos): boolean {
  const c = ctx.cols;
  if (c.active === undefined || cells.blank(c.active) || cells.value(c.active, m.flag) !== false) return false;
  if ((c.probability !== undefined && !cells.blank(c.probability)) || (c.status !== undefined && !cells.blank(c.status))) return false;
  const stage = c.stage === undefined || cells.blank(c.stage) ? undefined : cells.value(c.stage, m.stage);
  if (stage !== undefined && (!stage.status || stage.status === 'won')) return false;
  noteValue(ctx, 'active', stage === undefined ? cells.text(c.active) : `${cells.text(c.active)} / ${stage.text}`, 'lost');
  return true;
}

/**
 * A filled loss reason in a CRM whose reason says lost (a profile's `lostByReason`: Odoo fills it only by
 * its Lost action and clears it when the opportunity is restored), where nothing else in the row says
 * more (no probability, Is Won or «Активно» filled), in a stage the rules know is not won, or with no
 * stage: lost. An Odoo list without those columns counted its lost opportunities open, in their stage
 * («Предложение»), win rate 100% and no loss reasons (a tester). A stage no rule knows is left to the question.
 */
function lostReasonAlone(cells: Cells, ctx: ReadContext, m: DealMemos): boolean {
  const c = ctx.cols;
  if (ctx.map.profile?.profile.lostByReason !== true) return false;
  if ([c.probability, c.status, c.active].some((col) => col !== undefined && !cells.blank(col))) return false;
  const k = m.reasonCols.find((col) => reasonGiven(cells, col));
  if (k === undefined) return false;
  const stage = c.stage === undefined || cells.blank(c.stage) ? undefined : cells.value(c.stage, m.stage);
  if (stage !== undefined && (!stage.status || stage.status === 'won')) return false;
  noteValue(ctx, 'loss_reason', stage === undefined ? cells.text(k) : `${stage.text} / ${cells.text(k)}`, 'lost');
  return true;
}

/** Counts a deal of a stage no rule knows, with what it shows about the stage. */
function noteUnknownStage(cells: Cells, ctx: ReadContext, m: DealMemos, amount: number | null): void {
  const name = m.unknown!;
  let entry = ctx.stages.get(name);
  if (!entry) {
    if (ctx.stages.size >= 1000) return;
    ctx.stages.set(name, (entry = { deals: 0, closedFlag: 0, closeDate: 0, closePast: 0, amount: 0, certain: 0, zero: 0 }));
  }
  if (m.unknownIsStatus) entry.status = true;
  entry.deals++;
  if (ctx.wonPipelines) notePipeline(entry, pipelineOf(cells, ctx));
  if (ctx.cols.closed !== undefined && cells.value(ctx.cols.closed, m.flag) === true) entry.closedFlag++;
  if (amount !== null && amount > 0) entry.amount++;
  // A probability of 100% shows a deal closed only where no close date can (Odoo's list without «Closed Date»,
  // a close date that is the expected one, or one its CRM requires on every deal: Zoho's): with a close date
  // column, an empty one says the deal is open.
  const p = ctx.cols.probability === undefined ? undefined : cells.value(ctx.cols.probability, m.probability);
  if ((ctx.closeDateIsPlanned || ctx.map.profile?.profile.closeDateRequired === true || m.closedCols.length === 0) && p !== undefined) {
    if (p === 1) entry.certain++;
    else if (p === 0) entry.zero++;
  }
  // A probability between 0% and 100% is the CRM's own word that the deal is open: its close date is the
  // expected one (Zoho's «Дата закрытия»), never a close (a tester's stage at 10% with a past date was guessed won).
  if (p !== undefined && p > 0 && p < 1) entry.planned = (entry.planned ?? 0) + 1;
  if (ctx.closeDateIsPlanned) return;
  for (const k of m.closedCols) {
    if (cells.blank(k) || readDate(cells, k, 'closed_at', false, ctx) !== undefined) continue;
    const d = dateRead[0]!;
    if (!Number.isNaN(d)) {
      entry.closeDate++;
      if ((ctx.reportDay === undefined || d < ctx.reportDay + 2 * 86_400_000) && !(p !== undefined && p > 0 && p < 1)) {
        entry.closePast++;
        if (p === 0) entry.closedZero = (entry.closedZero ?? 0) + 1;
      }
      break;
    }
  }
}

/**
 * Reads the close time of a closed deal into dateRead[0] as readDate does: the first filled
 * close-date column, else the planned close date; end of day when it has no time.
 */
function closedAt(cells: Cells, ctx: ReadContext, m: DealMemos): RowProblem | typeof PENDING | undefined {
  dateRead[0] = Number.NaN;
  // The time that said the outcome is the close (a lost deal's lost time, whatever its won time).
  if (m.decidedBy !== -1) {
    const problem = readDate(cells, m.decidedBy, 'closed_at', false, ctx);
    if (problem !== undefined) return problem;
  } else {
    for (const k of m.closedCols) {
      if (!cells.blank(k)) {
        const problem = readDate(cells, k, 'closed_at', false, ctx);
        if (problem !== undefined) return problem;
        break;
      }
    }
  }
  if (Number.isNaN(dateRead[0]!)) {
    const problem = readDate(cells, ctx.cols.planned_close, 'planned_close', false, ctx);
    if (problem !== undefined) return problem;
  }
  if (!Number.isNaN(dateRead[0]!) && !dateHasTime.value) dateRead[0]! += END_OF_DAY_MS;
  return undefined;
}


/** A lost deal's reason: the first given loss-reason column (amoCRM has two), else the reason its stage carried. */
function lossReason(cells: Cells, ctx: ReadContext, m: DealMemos): number {
  for (const k of m.reasonCols) if (reasonGiven(cells, k)) return cells.value(k, m.reason);
  return ctx.store.reasons.id(m.stageReason);
}

/**
 * Whether a loss-reason cell gives a reason: filled, and not zeros only (the amoCRM API's loss_reason_id
 * of a deal lost without one is 0, as Bitrix24's COMPANY_ID of no company is; review R53).
 */
function reasonGiven(cells: Cells, k: number): boolean {
  return !cells.blank(k) && !(cells.hasEither(k, 0x30, 0x30) && /^0+$/.test(cells.text(k)));
}

/** The source: the first filled source column (a CRM's own source before the UTM tags), none when all are empty. */
function dealSource(cells: Cells, m: DealMemos): number {
  for (const k of m.sourceCols) if (!cells.blank(k)) return cells.value(k, m.label[2]);
  return m.noLabel;
}

/** Whether a deals file names its clients by other keys too: several client columns, phone columns, or cells that list several (DealStore.addLinks). */
export function hasClientLinks(map: ColumnMap): boolean {
  const clients = map.fields.get('client')?.length ?? 0;
  return (map.fields.get('phone')?.length ?? 0) > 0 || clients > 1 || (clients > 0 && map.profile?.profile.clientLists === true);
}

/**
 * The other keys the deal's client goes by (DealStore.addLinks): every filled client column after the
 * first (the contact of a company's deal), and each phone number in the phone columns (a cell may list
 * several: `+7 495 123-45-67, 8 916 555-44-33`), as a call log's number is read (phoneKey).
 */
function otherClientKeys(cells: Cells, ctx: ReadContext, m: DealMemos, keys: number[]): void {
  const clients = ctx.store.clients;
  let first = true;
  for (const k of m.clientCols) {
    if (cells.noClient(k)) continue;
    if (!first) keys.push(clientKey(cells, k, clients, m));
    first = false;
    // The other records of a list («John Doe;Jane Roe»): the deal's client goes by each.
    const listed = m.clientLists ? listedClients(cells, k) : undefined;
    if (listed) for (const name of listed.slice(1)) keys.push(clients.internText(clientTextNoting(name, k, m.lostClient)));
  }
  for (const k of m.phoneCols) {
    if (cells.blank(k)) continue;
    const cell = cells.text(k);
    // A number in Excel's scientific form is one, its decimal comma no list's (`7,91612E+10`).
    for (const part of scientificForm(cell) ? [cell] : cell.split(/[,;\n]/)) {
      const text = part.trim();
      const phone = phoneKey(text) ?? scientificPhone(text, k, m);
      if (phone !== undefined) keys.push(clients.internText(phone));
    }
  }
}

/**
 * A phone cell's number Excel wrote in its scientific form: the number where every digit is kept
 * (`7,9161234567E+10`, as a client column's: clientText), none where its last digits are gone (counted
 * and said: clients-lost-digits).
 */
function scientificPhone(text: string, col: number, m: DealMemos): string | undefined {
  if (!scientificForm(text)) return undefined;
  const key = clientTextNoting(text, col, m.lostClient);
  return /^\d+$/.test(key) ? key : undefined;
}

/** The client: the first filled client column (company before contact, as the columns are ordered), 0 for none; interned in batches (DealStore.clientsLater). */
function firstClient(cells: Cells, ctx: ReadContext, m: DealMemos): number {
  for (const k of m.clientCols) if (!cells.noClient(k)) return clientKey(cells, k, ctx.store.clientsLater, m);
  return 0;
}

/** A client cell's key: a record's number as that record («company 5», a profile's clientIds), else as internClient keys it. */
function clientKey(cells: Cells, k: number, keys: KeySink, m: DealMemos): number {
  const kind = m.clientIds?.get(k);
  return kind !== undefined ? keys.internText(recordClientText(kind, cells.text(k))) : internClient(cells, k, keys, m.lostClient, m.clientLists);
}

/** The client columns a profile names as records by number (clientIds), by index; undefined for none. */
function clientIdColumns(ctx: ReadContext): ReadonlyMap<number, string> | undefined {
  const ids = ctx.map.profile?.profile.clientIds ?? {};
  if (Object.keys(ids).length === 0) return undefined;
  const byColumn = new Map<number, string>();
  for (const c of ctx.map.fields.get('client') ?? []) {
    const kind = ids[ctx.map.columns[c]!.header.trim()];
    if (kind !== undefined) byColumn.set(c, kind);
  }
  return byColumn.size > 0 ? byColumn : undefined;
}
