import { ActivityRecord, NO_OTHER_DEALS, type LinkedActivity } from '../../core/kpi/link.js';
import type { Activity } from '../../core/records.js';
import { UserError } from '../../core/errors.js';
import { cleanText, parseBoolean, parseDate, parseDuration, parseTimeOfDay, phoneKey, scaleDuration, type DecimalMark, type DoneReading } from './values.js';
import { headerUnit, normalizeHeader, type DurationUnit } from './fields.js';
import { byWords, ENDED_CALL, type MissedValue, type OwnerKind } from './value-maps.js';
import { dateHasTime } from './calendar.js';
import { CellMemo, clientTextNoting, internClient, phoneLead, recordClientText, trimEdges, type Cells, type LostClient } from './cells.js';
import { dateRead, DELETED_RECORD, directionReader, firstFilled, headerOf, inRecycleBin, managerKey, noManager, noteLostClient, noteRefused, PENDING, readDate, RowProblem, truncate, unreadValue, type CallLengths, type ReadContext, type Weighed } from './context.js';
import { checkClientCells } from './empty-client.js';
import { machineWord } from './people.js';
import { callSides, employeeLine, joinsLegs, linesNameEmployees, NO_LINE, NO_LINE_MISSED, NoEmployeeLeg, readSides, sideCounts, UnroutedCall, type CallSides, type SideCounts, type SideReading } from './lines.js';

type Counted<T> = { value: T; count: number };
/** A direction as read: the call's, and whether the value itself says missed (Zoho's Call Type «Missed»). */
type DirectionRead = { direction: Activity['direction'] | 'internal'; missed: boolean };
const CLIENT_PREFIX = /^(компания|контакт|лид|компанія|лід|company|contact|lead)\s*:\s*/i;
const LT = 0x3c;
const COLON = 0x3a;
const SEMICOLON = 0x3b;
const COMMA = 0x2c;
const LEFT_BRACKET = 0x5b;

/** The memos of one activities file and the record it returns (reused row after row). */
export interface ActivityMemos {
  manager: CellMemo<number>;
  /** Counts a client cell whose number Excel's scientific form cut (ReadContext.clientsLostDigits). */
  lostClient: LostClient;
  /** Whether a client cell may list several records (a profile's clientLists: HubSpot's associations): the first is the activity's client. */
  clientLists: boolean;
  /** A call bound to a CRM record is that record's client before its number's: no client column, and deals that name clients as records (DealStore.recordClients). */
  recordFirst: boolean;
  /** The deleted flag's cells (IsDeleted), read as booleans. */
  flag: CellMemo<boolean | undefined>;
  /** A filled done cell's reading, counted (null for an empty one, which reads as `doneEmpty`). */
  done: CellMemo<Counted<DoneReading> | null>;
  /** The done columns, the first filled read (a profile's `coalesce`: HubSpot's task status, else its meeting outcome). */
  doneCols: readonly number[];
  /** Every row is planned: a list of scheduled activities with no done column (a profile's `plannedOnly`: Odoo's). */
  allPlanned: boolean;
  /** A row dated from this moment on (the day after the report day) is planned: a calendar with no done column (a profile's `plannedAhead`: Odoo's meetings); Infinity otherwise. */
  plannedFrom: number;
  /** An empty done cell: not done in a checkbox (Done, Выполнено, COMPLETED); nothing said in a status (Zoho's «Outgoing Call Status» of an incoming call, HubSpot's «Meeting outcome»). */
  doneEmpty: false | undefined;
  kind: CellMemo<Counted<Activity['kind']>>;
  direction: CellMemo<Weighed<DirectionRead> | null>;
  /**
   * Several direction columns (HubSpot's activities: `Call direction`, `Email direction`): each with
   * the kind its header names, so that a row's direction is read from its kind's column; undefined with one.
   */
  directions: ReadonlyArray<{ col: number; kind: Activity['kind'] | undefined }> | undefined;
  /** The direction the kind column's values carry («Звонок входящий», "Incoming email"), where no direction column speaks for a row; undefined without a kind column. */
  kindDirection: CellMemo<Counted<DirectionRead> | null> | undefined;
  missed: CellMemo<Weighed<MissedValue | undefined> | null>;
  /** The call status columns, the first filled read (a profile's `coalesce`: HubSpot's call outcome, else its status). */
  missedCols: readonly number[];
  /** Client columns, else the phone column (a phone is a call's client only in logs with no client column). */
  clientCols: readonly number[];
  /** Without either: the caller's column for an incoming call and the callee's for an outgoing one (Sipuni's «Откуда», «Куда»). */
  byDirection: Sides | undefined;
  /** The client columns set aside as blank on every row (empty-client.ts): each row is checked, a filled one reads the file again. */
  emptyClient: readonly number[] | undefined;
  byName: boolean;
  /** The duration column's unit. */
  unit: DurationUnit | undefined;
  /** The kind of a row when no kind column says one: a call, or the one kind its CRM's export holds (a profile's `rows`). */
  kind0: Activity['kind'];
  /** A kind no map names is no activity (the profile's otherKinds: amoCRM's events list), dropped. */
  dropOther: boolean;
  /** What record the deal_id column names, where an owner type column says (Bitrix24 REST's OWNER_TYPE_ID). */
  owner: CellMemo<Counted<OwnerKind> | null>;
  /** Who took a call decides its employee (a «Кто ответил» column beside no manager column, or beside the client's owner in the CRM). */
  byAnswer: boolean;
  /** A call log with no direction column and a column for each side of a call (a PBX's `src` and `dst`): its direction is which side is a line. */
  sides: CallSides | undefined;
  /** The call id's prefixes that say a direction (a profile's callIdDirection: Zadarma's in_, out_), read where the sides say none. */
  idDirection: ReadonlyArray<readonly [string, 'in' | 'out']> | undefined;
  /** Its employees named only by line: the line on the company's side of each call (no manager column, nobody said to take the calls). */
  byLine: boolean;
  /** Its rows are legs of calls, joined by a call id or a channel (lines.ts joinsLegs): a row naming no employee still times its call. */
  legs: boolean;
  /** The row's sides, read once a row (reused), and the directions they gave (counted for the report: ctx.bySides). */
  side: SideReading;
  bySides: SideCounts | undefined;
  /** The `at` columns read, in order, when the first is blank (a profile's `coalesce`). */
  atMore: readonly number[];
  /** The kind's other columns, where a profile reads several as one (coalesce: the first filled names the kind). */
  kindMore: readonly number[];
  /**
   * The manager columns read, in order, when the first is blank: a --map file's list (`manager:
   * ["answering_pin", "orig_pin"]`, Rostelecom's employee of an incoming call and of an outgoing one).
   */
  managerMore: readonly number[];
  /** A call's duration is the time from `at` (from `answered_at` where the file has it) to `end_at`: the file has an end column and no duration column. */
  span: boolean;
  out: ActivityRecord;
}

/**
 * Authors that are a CRM's automation, not a person: amoCRM's events list names its digital pipeline
 * and Salesbot «Робот». A letter a robot sent to every new lead is no manager's contact with a client:
 * as a manager it listed «Робот» beside the people, with their letters counted as its touches.
 */
const AUTOMATION = new Set(['робот', 'robot', 'salesbot']);

/** Manager key -2: the row is an automation's (AUTOMATION). */
const AUTOMATED = -2;

/** A manager key that is -1 for a machine's word (people.ts machineWord: IVR, a queue, voicemail), -2 for those of AUTOMATION. */
function employeeKey(key: (raw: string) => number): (raw: string) => number {
  return (raw) => {
    const word = cleanText(raw).toLowerCase();
    return machineWord(word) ? -1 : AUTOMATION.has(word) ? AUTOMATED : key(raw);
  };
}

/** Manager columns that name the client's owner in the CRM, not who took the call (Sipuni's). */
const OWNER_IN_CRM = new Set(['ответственный из crm', 'ответственный в crm', 'crm owner']);

/** Done columns that hold a status of the activity, not a checkbox (HubSpot's through its API too: a call's row has neither). */
const DONE_STATUS_HEADERS = new Set(['outgoing call status', 'статус исходящего звонка', 'estado de llamada saliente', 'статус', 'meeting outcome', 'state', 'статус выполнения', 'status', 'hs meeting outcome', 'hs task status', 'hs email status']);

/** Whether the file's done column is a status (an empty one says nothing) rather than a checkbox (an empty one is not done). */
function doneIsStatus(ctx: ReadContext): boolean {
  const col = ctx.cols.done;
  // A status column read as done by its task statuses (status-as-done.ts: «Результат», «Estado») is one whatever its header.
  return col !== undefined && (col === ctx.map.doneByValues || DONE_STATUS_HEADERS.has(normalizeHeader(ctx.map.columns[col]!.header)));
}

/** The columns of a call's other side by its direction, and of a call whose direction nothing says. */
type Sides = { in: readonly number[]; out: readonly number[]; unknown: readonly number[] };

/**
 * A telephony log's two numbers (Sipuni, Asterisk, Mango) as a call's other side by direction: the caller
 * of an incoming call, the callee of an outgoing one. A log with one of them names only those calls'
 * client (a caller column alone: the incoming calls'; on an outgoing call it is the company's number).
 * A call whose direction nothing says is the caller's where there is no callee («Номер звонящего» in a
 * log of incoming calls: read by direction alone, no call had a client and touches read 0), else no one's.
 */
function numberSides(ctx: ReadContext): Sides | undefined {
  const { caller, callee } = ctx.cols;
  if (caller === undefined && callee === undefined) return undefined;
  return { in: caller === undefined ? NO_COLUMNS : [caller], out: callee === undefined ? NO_COLUMNS : [callee], unknown: caller !== undefined && callee === undefined ? [caller] : NO_COLUMNS };
}

/**
 * The duration column's unit: the one a --map file names, else the one the CRM's profile or the field
 * gives its header (Pipedrive's «Действие - Длительность» is ЧЧ:ММ, HubSpot's "Call duration"
 * milliseconds) whoever named the column (a --map file naming it read Pipedrive's 00:05 as 5 seconds),
 * else the one the header names («Длительность, мин»).
 */
function durationUnitOf(ctx: ReadContext): DurationUnit | undefined {
  const col = ctx.cols.duration_s;
  if (col === undefined) return undefined;
  // The unit mapColumns gave the column (its profile's or field's, for a column a --map file names too), else its header's words.
  return ctx.map.units.get(col) ?? headerUnit(ctx.map.columns[col]!.header);
}

/** Makes the memos of an activities file. */
export function activityMemos(ctx: ReadContext): ActivityMemos {
  const v = ctx.values;
  const doneCols = ctx.map.fields.get('done') ?? NO_COLUMNS;
  const counted = <C>(reader: { entry(raw: string): C }) => new CellMemo<C | null>((t) => (trimEdges(t) === '' ? null : reader.entry(trimEdges(t))));
  // A client column blank on every row is read as absent: the client comes from the call's sides (empty-client.ts).
  const names = ctx.map.emptyClient ? undefined : ctx.map.fields.get('client');
  const sides = callSides(ctx.map);
  if (sides) ctx.bySides = sideCounts();
  ctx.untimed = { count: 0 };
  return {
    manager: new CellMemo(employeeKey(managerKey(ctx.linker!.store, cleanText, ctx.maps, ctx))),
    flag: new CellMemo((t) => parseBoolean(trimEdges(t))),
    done: counted(v.done),
    doneCols,
    allPlanned: ctx.cols.done === undefined && ctx.map.profile?.profile.plannedOnly === true,
    plannedFrom: ctx.cols.done === undefined && ctx.map.profile?.profile.plannedAhead === true && ctx.reportDay !== undefined ? ctx.reportDay + DAY_S * 1000 : Infinity,
    doneEmpty: doneIsStatus(ctx) ? undefined : false,
    kind: new CellMemo((t) => v.kind.entry(trimEdges(t))),
    direction: counted(v.direction),
    directions: directionColumns(ctx),
    // A reader of its own: the kind column's values are not the direction column's (inspect).
    kindDirection: ctx.cols.kind !== undefined ? counted(directionReader(ctx.maps, true)) : undefined,
    missed: counted(v.missed),
    missedCols: ctx.map.fields.get('missed') ?? NO_COLUMNS,
    clientCols: names ?? (ctx.cols.phone === undefined ? [] : [ctx.cols.phone]),
    byDirection: names === undefined && ctx.cols.phone === undefined ? numberSides(ctx) : undefined,
    emptyClient: ctx.map.emptyClient,
    byName: names !== undefined,
    recordFirst: names === undefined && ctx.linker?.store.recordClients === true,
    unit: durationUnitOf(ctx),
    kind0: ctx.rows ?? 'call',
    dropOther: ctx.map.profile?.profile.otherKinds === 'drop',
    owner: counted(v.owner_type),
    byAnswer: ctx.cols.answered_by !== undefined && (ctx.cols.manager === undefined || OWNER_IN_CRM.has(normalizeHeader(ctx.map.columns[ctx.cols.manager]!.header))),
    sides,
    idDirection: idDirections(ctx, sides),
    byLine: linesNameEmployees(ctx.map),
    legs: joinsLegs(ctx.map),
    bySides: ctx.bySides,
    side: { direction: undefined, from: undefined, to: undefined },
    atMore: (ctx.map.fields.get('at') ?? []).slice(1),
    kindMore: (ctx.map.fields.get('kind') ?? []).slice(1),
    managerMore: (ctx.map.fields.get('manager') ?? []).slice(1),
    span: ctx.cols.duration_s === undefined && ctx.cols.end_at !== undefined,
    out: new ActivityRecord(),
    lostClient: (text, col) => noteLostClient(ctx, text, col),
    clientLists: ctx.map.profile?.profile.clientLists === true,
  };
}

/**
 * Reads an activity from a row, resolved to deal-store keys (the returned record is valid until the
 * next row), or says why not. Deal ids and clients are looked up by their bytes where they can be.
 */
export function readActivity(cells: Cells, ctx: ReadContext, m: ActivityMemos): LinkedActivity | RowProblem | typeof PENDING {
  const c = ctx.cols;
  if (m.emptyClient !== undefined) checkClientCells(cells, m.emptyClient, ctx.map, ctx.file);
  const binned = inRecycleBin(cells, ctx, m.flag);
  if (binned !== false) return binned === true ? DELETED_RECORD : binned;
  // A PBX log's sides, read once a row: the employee, the direction and the missed-call checks all ask them.
  if (m.sides !== undefined) rowSides(cells, ctx, m);
  const manager = employee(cells, ctx, m);
  if (manager === AUTOMATED) return ROBOT;
  // A PBX's call no line took is read whole (a leg of a call another leg names the line of; see CallLegs).
  if (manager === -1 && !m.byLine) {
    // A call between employees names no client's owner (Sipuni's «Ответственный из CRM» is blank on it): dropped as internal, as it is with one.
    const d = directionCell(cells, ctx, m);
    if (d?.value.direction === 'internal' && kindOf(cells, ctx, m) === 'call') {
      d.count++;
      return INTERNAL_CALL;
    }
    return timedLeg(cells, ctx, m, missedCall(cells, ctx, m) ? new RowProblem('skip', MISSED_NO_MANAGER, headerOf(ctx, c.manager, 'manager')) : noManager(cells, ctx, c.manager));
  }
  const undone = c.done !== undefined ? notDone(cells, ctx, m) : m.allPlanned && !incomingCall(cells, ctx, m) ? PLANNED_LIST : undefined;
  if (undone !== undefined) return undone;
  const problem = activityTime(cells, ctx, m);
  if (problem !== undefined) return problem;
  const out = m.out;
  const at = out.at;
  if (at >= m.plannedFrom) return PLANNED_AHEAD;
  const spanRead = readSpan(cells, ctx, m);
  if (spanRead !== undefined) return spanRead;
  const kind = c.kind === undefined ? m.kind0 : countedKind(cells, kindColumn(cells, ctx, m)!, m);
  if (kind === 'other' && m.dropOther && c.kind !== undefined) return CRM_EVENT;
  let direction: Activity['direction'] = '';
  let notAnswered = false;
  const d = directionCell(cells, ctx, m);
  if (d !== null) {
    d.count++;
    // A direction column's value on a call is weighed for the unknown-values alert (a meeting's «0» says no call's direction).
    if (kind === 'call' && c.direction !== undefined) (d as Weighed<DirectionRead>).calls++;
    // A call between employees is no sales activity (no client on the line): dropped, and counted.
    // Only a call: «Internal meeting» in a type column is a meeting, whatever its words say.
    if (d.value.direction === 'internal') {
      if (kind === 'call') return INTERNAL_CALL;
    } else direction = d.value.direction;
    notAnswered = d.value.missed;
  } else if (m.bySides) m.bySides.none.count++;
  // Nobody answered a call whose answer column is blank or 0 (Mango's `answer`), whatever else the row says.
  notAnswered ||= c.answered_at !== undefined && Number.isNaN(span.from);
  // A column that holds a call's outcome on its call rows only (amoCRM's events: a letter's subject there) is not read on others.
  const s = m.dropOther && kind !== 'call' ? null : firstReading(cells, m.missedCols, m.missed);
  if (s !== null) {
    s.count++;
    notAnswered ||= s.value === true;
    // Only an incoming call can be missed: its status alone is weighed for the unknown-values alert.
    if (kind === 'call' && direction === 'in') s.calls++;
  }
  const duration = m.span ? spanDuration(kind) : readDuration(cells, ctx, m);
  if (duration === PENDING || duration instanceof RowProblem) return duration;
  notAnswered ||= s?.value === ENDED_CALL && duration === 0; // NORMAL_CLEARING says only that it ended: at 0 s, nobody took it.
  // A call of a day or more (999999999 s, «25:00:00») is a wrong cell, which would outweigh every real call's talk time.
  if (duration !== null && duration >= DAY_S && kind === 'call') return dayOrLonger(cells, ctx, m, notAnswered, duration);
  if (kind === 'call' && !notAnswered && duration !== null && duration > 0 && (m.unit === undefined || m.unit === 's')) noteCallLength(cells, ctx, duration);
  // A PBX's call no line took: dropped, carrying what a leg tells its call (CallLegs); its deal id is not looked up.
  if (manager === -1) return new UnroutedCall(!notAnswered, duration, at, direction === '');
  // An owner id is a deal's only when the owner is a deal (a file without an owner type column: always).
  const owner = c.owner_type === undefined ? 'deal' : ownerOf(cells, c.owner_type, m);
  out.also = NO_OTHER_DEALS;
  const deal = owner === 'deal' ? dealKey(cells, ctx, out) : -1;
  // Only an incoming call can be missed (spec).
  const missed = kind === 'call' && direction === 'in' && notAnswered;
  const client = activityClient(cells, ctx, m, deal, owner, direction, ctx.linker!.needsClient(deal, kind, direction, missed));
  // One object for every row: the record is consumed before the next row is read (its time is set already).
  out.manager = manager;
  out.kind = kind;
  out.direction = direction;
  out.missed = missed;
  // An unanswered call (busy, rejected, no answer) had no talk: its duration is the ringing (spec: duration 0).
  out.duration_s = notAnswered && kind === 'call' && duration !== null ? 0 : duration;
  out.deal = deal;
  out.client = client;
  return out;
}

/**
 * The manager of a row: its manager column's. In a log that says who took each call (Sipuni's «Кто
 * ответил»), that person for an incoming call and the caller («Откуда») for an outgoing one: the
 * manager column there («Ответственный из CRM») is the client's owner in the CRM, and is the manager
 * only of a call neither names (a missed incoming call: the owner is the one to call back).
 */
function employee(cells: Cells, ctx: ReadContext, m: ActivityMemos): number {
  const c = ctx.cols;
  if (m.byLine) {
    // The direction may be a kind column's («Входящий звонок»), the line is the sides'.
    const line = employeeLine(m.side, directionCell(cells, ctx, m)?.value.direction);
    return line === undefined ? -1 : m.manager.fromText(line);
  }
  if (m.byAnswer) {
    const direction = directionCell(cells, ctx, m)?.value.direction;
    const col = direction === 'in' ? c.answered_by : direction === 'out' ? c.caller : undefined;
    // A number where a name should be (the caller of a call put through a line) names no employee.
    if (col !== undefined && !cells.blank(col) && phoneKey(cells.text(col)) === undefined) return cells.value(col, m.manager);
  }
  return c.manager === undefined ? -1 : cells.value(firstFilled(cells, c.manager, m.managerMore), m.manager);
}


const PLANNED = new RowProblem('drop', 'planned activity, not done');
/**
 * A row of a list of scheduled activities with no done column (Odoo's mail.activity without its State):
 * the list holds only what is still to do, so the row is planned as its State would say; read as done,
 * a to-do list was counted as the team's calls and meetings without a word.
 */
const PLANNED_LIST = new RowProblem('drop', 'planned activity: the export is a list of scheduled activities, which holds no done one');
/**
 * A calendar's entry dated after the report day (Odoo's meetings: its calendar holds those to come
 * beside those held, and says neither): still to come, so not held; read as done, next week's meetings
 * were counted as this one's touches.
 */
const PLANNED_AHEAD = new RowProblem('drop', 'planned activity: a calendar entry dated after the report day');
const INTERNAL_CALL = new RowProblem('drop', 'internal call (between employees)');

/**
 * The calls a log holds that are no manager's (missed with no employee, between employees, no line took):
 * for the audit's evidence, a log of only such calls is no log «without a call at all».
 */
export function callsNotAManagers(report: { missedNoManager?: number; dropped: Record<string, number> }): number {
  return missedNotRead(report) + (report.dropped[INTERNAL_CALL.reason] ?? 0) + (report.dropped[NO_LINE] ?? 0);
}

/** The missed incoming calls a log holds that no employee took (with no employee, or reaching no line): not read, yet calls (missed-no-manager, the evidence's calls). */
export function missedNotRead(report: { missedNoManager?: number; dropped: Record<string, number> }): number {
  return (report.missedNoManager ?? 0) + (report.dropped[NO_LINE_MISSED] ?? 0);
}
const ROBOT = new RowProblem('drop', "an automation's action (a robot), not a manager's");
const CRM_EVENT = new RowProblem('drop', 'an event of the CRM, not an activity (a stage or a field changed, a note or a task added)');
/** A meeting nobody came to, a call cancelled (HubSpot's «No show», Zoho's «Cancelled»): no touch, dropped and counted. */
const CALLED_OFF = new RowProblem('drop', 'activity called off (cancelled or not attended)');
/** An e-mail that bounced or failed (HubSpot's hs_email_status BOUNCED, FAILED): it reached nobody, so no touch; dropped and counted. */
const NOT_DELIVERED = new RowProblem('drop', 'e-mail not delivered (bounced or failed)');

/** Why a row's done cell drops it: planned (never an incoming call: see incomingCall), called off, or not delivered; undefined when it took place or says nothing. */
function notDone(cells: Cells, ctx: ReadContext, m: ActivityMemos): RowProblem | undefined {
  const filled = firstReading(cells, m.doneCols, m.done);
  if (filled !== null) filled.count++;
  const done = filled === null ? m.doneEmpty : filled.value;
  if (done === false && !incomingCall(cells, ctx, m)) return PLANNED;
  if (done === 'not delivered') return kindOf(cells, ctx, m) === 'email' ? NOT_DELIVERED : undefined;
  return done === 'called off' ? CALLED_OFF : undefined;
}

/**
 * A row with no employee, in a log whose rows are legs of calls (a call id or a channel column): the
 * problem with the row's time (NoEmployeeLeg), for its call to be timed at its earliest leg; as it is
 * where the time is unreadable or the log has no legs. The time read counts nothing (untimed rows).
 */
function timedLeg(cells: Cells, ctx: ReadContext, m: ActivityMemos, problem: RowProblem): RowProblem {
  if (!m.legs) return problem;
  const untimed = ctx.untimed!.count;
  const read = activityTime(cells, ctx, m);
  ctx.untimed!.count = untimed;
  return read === undefined ? new NoEmployeeLeg(problem, m.out.at) : problem;
}

/** The reason of a missed incoming call with no employee: its own, so that the run can say the missed share reads low. */
export const MISSED_NO_MANAGER = 'no manager (a missed incoming call)';

/** Whether the row is a missed incoming call (read only for a row with no manager: telephony logs leave those blank). */
function missedCall(cells: Cells, ctx: ReadContext, m: ActivityMemos): boolean {
  if (!incomingCall(cells, ctx, m)) return false;
  const d = directionCell(cells, ctx, m);
  if (ctx.cols.answered_at !== undefined && cells.noClient(ctx.cols.answered_at)) return true;
  if (d?.value.missed === true) return true;
  const said = firstReading(cells, m.missedCols, m.missed)?.value;
  // A call that only ended (NORMAL_CLEARING) with 0 s: a caller who hung up in the voice menu, no employee's.
  return said === true || (said === ENDED_CALL && !m.span && readDuration(cells, ctx, m) === 0);
}

/**
 * The reading of the first filled of a field's columns (null when every one is blank): one column's as
 * ever, and of a profile's `coalesce`, in its order (HubSpot's call outcome, `hs_call_disposition`, blank
 * on a call nobody logged an outcome for, then its status, `hs_call_status`). The reading's twin of
 * context's firstFilled, which gives the column (for `at`, a manager and a call id, read by other
 * rules): one rule, kept twice because here a cell is skipped when its memo reads null (a blank one),
 * and the reading, counted, is what the caller needs, not the column. A reading no rule knows gives
 * way to a later column's known one.
 */
function firstReading<T extends { value: unknown }>(cells: Cells, cols: readonly number[], memo: CellMemo<T | null>): T | null {
  let unknown: T | null = null;
  for (const col of cols) {
    const v = cells.value(col, memo);
    if (v === null) continue;
    if (v.value !== undefined) return v;
    // A word no rule knows (a custom HubSpot outcome «Interested») leaves the next column to say it (a MISSED status was
    // read as answered: review R52); it is the reading, counted for the unknown-values alert, only where no column knows more.
    unknown ??= v;
  }
  return unknown;
}

/**
 * Whether the row is an incoming call: it happened whatever a done flag says (Bitrix24 leaves a missed
 * incoming call not done until it is called back), so only other activities are planned ones.
 */
function incomingCall(cells: Cells, ctx: ReadContext, m: ActivityMemos): boolean {
  if (kindOf(cells, ctx, m) !== 'call') return false;
  return directionCell(cells, ctx, m)?.value.direction === 'in';
}

/** The row's kind from its kind column, counted (for inspect and the unknown-values alert). */
function countedKind(cells: Cells, col: number, m: ActivityMemos): Activity['kind'] {
  const k = cells.value(col, m.kind);
  k.count++;
  return k.value;
}

/** The row's kind, uncounted: its kind column's, else the file's one kind (kind0). */
function kindOf(cells: Cells, ctx: ReadContext, m: ActivityMemos): Activity['kind'] {
  const k = kindColumn(cells, ctx, m);
  return k === undefined ? m.kind0 : cells.value(k, m.kind).value;
}

/**
 * The row's kind column: of several a profile reads as one (`coalesce: [kind]`), the first filled (a
 * Salesforce task's Type, blank in many orgs, then its Task Subtype).
 */
function kindColumn(cells: Cells, ctx: ReadContext, m: ActivityMemos): number | undefined {
  return firstFilled(cells, ctx.cols.kind, m.kindMore);
}

/**
 * The row's direction: its direction column's (of several, the one for its kind), else, where that is
 * blank or there is none, what its kind column's value says («Incoming email» in HubSpot's `Activity
 * type`, whose `Call direction` is blank on an e-mail), else what its sides say (null when none says).
 */
function directionCell(cells: Cells, ctx: ReadContext, m: ActivityMemos): Counted<DirectionRead> | null {
  const c = ctx.cols;
  if (c.direction !== undefined) {
    const col = m.directions === undefined ? c.direction : directionOfKind(cells, ctx, m, m.directions);
    const d = col === undefined ? null : cells.value(col, m.direction);
    if (d !== null || (m.kindDirection === undefined && m.sides === undefined)) return d;
  }
  const byKind = m.kindDirection ? cells.value(kindColumn(cells, ctx, m)!, m.kindDirection) : null;
  if (byKind !== null || m.sides === undefined) return byKind;
  // The sides were read at the row's start (readActivity).
  const d = m.side.direction;
  return d === undefined ? null : m.bySides![d];
}

/**
 * The direction columns of a file with several (HubSpot's `Call direction` and `Email direction`, by the
 * profile's `coalesce`), each with the kind its header's words name (`Call direction` a call's), decided
 * once; undefined with one column, which speaks for every row as it always has.
 */
function directionColumns(ctx: ReadContext): ActivityMemos['directions'] {
  const cols = ctx.map.fields.get('direction') ?? [];
  if (cols.length < 2) return undefined;
  // Read as a header (underscores are spaces): the API's `hs_email_direction` names an e-mail as `Email direction` does.
  return cols.map((col) => ({ col, kind: byWords(ctx.maps.kind, normalizeHeader(ctx.map.columns[col]!.header)) }));
}

/**
 * The direction column that speaks for the row's kind: the one its header names (an e-mail's `Email
 * direction`), else the first whose header names no kind; undefined when only other kinds' columns are
 * there (a meeting beside `Call direction` and `Email direction`: its kind column may say).
 */
function directionOfKind(cells: Cells, ctx: ReadContext, m: ActivityMemos, directions: NonNullable<ActivityMemos['directions']>): number | undefined {
  const kind = kindOf(cells, ctx, m);
  let generic: number | undefined;
  for (const d of directions) {
    if (d.kind === kind) return d.col;
    if (d.kind === undefined && generic === undefined) generic = d.col;
  }
  return generic;
}

/** What record the row's owner id names, counted for inspect; null for a blank owner type (which names nothing). */
function ownerOf(cells: Cells, col: number, m: ActivityMemos): OwnerKind | null {
  const o = cells.value(col, m.owner);
  if (o === null) return null;
  o.count++;
  return o.value;
}

/**
 * The client of an activity, where a metric can use it (`needed`): its client columns', else its owner
 * (a contact or a company: ownerClient). A client column's empty cell is no client, whatever number the
 * row gives beside it (spec, «Precise readings»: in a call log, `CRM` values give the client, «empty
 * means no client»; Sipuni's «Информация из CRM» alike): such a missed call counts in no callback rate.
 */
function activityClient(cells: Cells, ctx: ReadContext, m: ActivityMemos, deal: number, owner: OwnerKind | null, direction: Activity['direction'], needed: boolean): number {
  const cols = m.byDirection === undefined ? m.clientCols : sideOf(m.byDirection, direction);
  if ((cols.length === 0 && owner === 'deal') || !needed) return 0;
  // A call bound to a CRM record (Bitrix24's REST statistics: a company, a contact) is that record's before
  // its phone number's where the deals name their clients so (REST deals' COMPANY_ID: tester T70, no call
  // linked, touches 0); beside deals of names and phones, its number links it, as it did.
  if (m.recordFirst && owner !== null && owner !== 'deal') {
    const bound = ownerClient(cells, ctx, owner);
    if (bound !== 0) return bound;
  }
  const client = clientOf(cells, ctx, m, deal, cols);
  return client !== 0 || owner === 'deal' || owner === null ? client : ownerClient(cells, ctx, owner);
}

/** The columns of a call's other side: the caller of an incoming call, the callee of an outgoing one. */
function sideOf(sides: Sides, direction: Activity['direction']): readonly number[] {
  return direction === 'in' ? sides.in : direction === 'out' ? sides.out : sides.unknown;
}

/** The first filled of the row's client columns as a client key (0 when all are blank). */
function clientOf(cells: Cells, ctx: ReadContext, m: ActivityMemos, deal: number, cols: readonly number[]): number {
  for (const k of cols) {
    // Mostly the deal's own client as it is: asked first, it spares the no-client test (the deal's client passed it).
    const own = dealsOwnClient(cells, k, ctx, m.byName, deal);
    if (own !== 0) return own;
    if (!cells.noClient(k)) return clientKey(cells, k, ctx, m);
  }
  return 0;
}

const NO_COLUMNS: readonly number[] = [];

/**
 * The client of an activity owned by a lead, a contact or a company (Bitrix24 REST: OWNER_TYPE_ID 1, 3,
 * 4): the owner, as its kind and id («contact 102»), so that a missed call and the callback to the same
 * contact pair up; it matches no deal's client. An owner named, not numbered (amoCRM's events list:
 * «Контакт», «Пётр Сидоров»), is the client by that name, as a client column's. 0 without an owner.
 */
function ownerClient(cells: Cells, ctx: ReadContext, owner: OwnerKind): number {
  const c = ctx.cols;
  if (cells.blank(c.deal_id)) return 0;
  const kind = owner === 'other' ? `owner ${cells.text(c.owner_type)}` : owner;
  return ctx.linker!.clients.internText(recordClientText(kind, cells.text(c.deal_id)));
}

/**
 * The activity's time, set as the record's (m.out.at), or why not: its date (the next `at` column
 * where it is blank), plus a separate time column where the date has none, plus --time-offset. Set,
 * not returned: a time returned beside a problem or PENDING is a new heap number every row, and
 * with the one fixedDate no longer returns, the benchmark's collections of young objects fell from
 * 72-79 to 63-73 on the main thread and from 165-183 to 116-142 on the worker (--trace-gc, 3 runs).
 */
function activityTime(cells: Cells, ctx: ReadContext, m: ActivityMemos): RowProblem | typeof PENDING | undefined {
  const c = ctx.cols;
  const atRead = readDate(cells, c.at === undefined ? c.at : firstFilled(cells, c.at, m.atMore), 'at', true, ctx);
  if (atRead !== undefined) return atRead;
  let ms = dateRead[0]!;
  if (!dateHasTime.value && c.at_time !== undefined && !cells.blank(c.at_time)) {
    const t = timeOfDay(cells.text(c.at_time));
    if (t === undefined) return unreadValue(cells.text(c.at_time), 'time', headerOf(ctx, c.at_time, 'at_time'));
    if (t === null) ctx.untimed!.count++;
    else ms += t;
  } else if (!dateHasTime.value) ctx.untimed!.count++;
  m.out.at = ms + ctx.timeOffsetMs;
  return undefined;
}

/**
 * A time column's time of day in ms: `14:05`, `2:05 PM`, or the time of a whole date and time written
 * there (a «Time» column of `2025-03-03 09:15` beside a «Date» of days: every row was refused as no time
 * of day, review R47); null for a date with no time; undefined for anything else.
 */
function timeOfDay(text: string): number | null | undefined {
  const t = parseTimeOfDay(text);
  if (t !== undefined) return t;
  const d = parseDate(text, 'dmy') ?? parseDate(text, 'mdy');
  if (d === undefined || d === 'needs-order') return undefined;
  return d.hasTime ? ((d.ms % 86_400_000) + 86_400_000) % 86_400_000 : null;
}

/** A day in seconds: no call lasts as long. */
const DAY_S = 86_400;

/** An hour in seconds: an answered sales call lasts minutes, and a file whose median call is an hour or more is misread. */
const HOUR_S = 3600;

/**
 * A call of a day or more (999999999 s, «25:00:00»): a wrong cell, which would outweigh every real
 * call's talk time. A whole number read as seconds that is a call in milliseconds (180000: 180 s, under
 * MAX_CALL_SPAN_S) names the --map line that reads the column so (a tester's log in ms under «Duration»),
 * and is evidence of the column's unit: an answered call of an hour or more read as seconds, and, where
 * no unit was stated, a row refused for it. Before, such rows were not counted: a log in ms whose
 * shorter calls passed as seconds summed them 29 times too high, and call-hours had too few calls to say it.
 */
function dayOrLonger(cells: Cells, ctx: ReadContext, m: ActivityMemos, notAnswered: boolean, duration: number): RowProblem {
  const col = ctx.cols.duration_s!;
  const column = headerOf(ctx, col, 'duration_s');
  const n = wholeNumber(cells, col);
  const text = truncate(cells.text(col));
  if ((m.unit === undefined || m.unit === 's') && n >= 0 && n / 1000 <= MAX_CALL_SPAN_S) {
    if (!notAnswered) noteCallLength(cells, ctx, duration);
    if (m.unit === undefined) noteRefused((ctx.callLengths ??= { answered: 0, long: 0 }), n);
    return new RowProblem('skip', `"${text}" is a day or longer: not the length of a call; in milliseconds it is ${Math.round(n / 1000)} s: --map activities: units: { ${JSON.stringify(column)}: ms } (units: s, ms, min, hhmm, day)`, column);
  }
  return new RowProblem('skip', `"${text}" is a day or longer: not the length of a call`, column);
}

/** A cell of digits alone as its number (from bytes where it can), else NaN: a clock or a value with a unit is none. */
function wholeNumber(cells: Cells, col: number): number {
  const n = cells.plainInteger(col);
  if (n >= 0) return n;
  const text = cells.text(col).trim();
  return /^\d{1,15}$/.test(text) ? Number(text) : Number.NaN;
}

/**
 * Counts an answered call with a duration in a column read in seconds, and those of an hour or more
 * that are whole numbers (as milliseconds, seconds: 45000 is 45 s, read as 12.5 hours), with the first
 * of them: the call-hours alert is made of them.
 */
function noteCallLength(cells: Cells, ctx: ReadContext, duration: number): void {
  const lengths = (ctx.callLengths ??= { answered: 0, long: 0 });
  lengths.answered++;
  if (duration < MINUTE_S) noteNoMinutes(cells, ctx.cols.duration_s!, lengths);
  if (duration < 1) {
    lengths.underSecond = (lengths.underSecond ?? 0) + 1;
    lengths.fractionExample ??= cells.text(ctx.cols.duration_s!);
  }
  if (duration < HOUR_S) return;
  const n = wholeNumber(cells, ctx.cols.duration_s!);
  if (!(n >= 0)) return;
  lengths.long++;
  lengths.example ??= String(n);
}

const MINUTE_S = 60;

/** A clock of minutes and seconds with no minutes (`00:42`, `0:05`): as hours and minutes, 42 or 5 minutes. */
const NO_MINUTES_CLOCK = /^0{1,2}:[0-5]\d$/;

/** Counts an answered call under a minute whose duration is a clock of no minutes, with the first (the clock-minutes alert: readsAsHoursAndMinutes). */
function noteNoMinutes(cells: Cells, col: number, lengths: CallLengths): void {
  if (cells.plainInteger(col) >= 0) return;
  const text = cells.text(col);
  if (!NO_MINUTES_CLOCK.test(text)) return;
  lengths.noMinutes = (lengths.noMinutes ?? 0) + 1;
  lengths.clockExample ??= text;
}

/** The longest span from a call's start to its end that is a call: a longer one is a slot or a deadline, not a talk. */
const MAX_CALL_SPAN_S = 4 * 3600;

/**
 * The row's moments a call's talk is read from (readSpan; reused row after row, as dateRead is): its
 * answer (its start where the file has no answer column; NaN for a call nobody answered) and its end
 * (NaN without one), both on the file's clock (no --time-offset: only their difference is read).
 */
const span = { from: Number.NaN, to: Number.NaN };

/** Within a day of the Unix epoch: Mango's `answer` 0 of a call nobody answered, written as a date on any clock («1970-01-01 03:00:00»). */
const EPOCH_DAY_MS = 86_400_000;

/**
 * Reads the row's span (after its time, activityTime): when the call was answered, by the answer
 * column where the file has one (Mango's `answer`: a Unix time, 0 for a call nobody answered, so
 * blank, 0 or the epoch itself is NaN), and when it ended where the file gives no duration column.
 * Before, Mango's `answer` was not read: every call nobody answered was an answered one, a missed
 * incoming call the deal's first response and a touch, and missed calls not applicable (a tester).
 */
function readSpan(cells: Cells, ctx: ReadContext, m: ActivityMemos): RowProblem | typeof PENDING | undefined {
  const c = ctx.cols;
  span.from = m.out.at - ctx.timeOffsetMs;
  span.to = Number.NaN;
  // A row's times in UTC are counted once, by its time (the utc-times warning counts values of `at`'s column).
  const utc = ctx.utc?.count;
  if (c.answered_at !== undefined) {
    // Blank or zeros only, as noClient reads a cell on both paths: no answer.
    if (cells.noClient(c.answered_at)) span.from = Number.NaN;
    else {
      const read = readDate(cells, c.answered_at, 'answered_at', false, ctx);
      if (read !== undefined) return read;
      span.from = dateRead[0]! < EPOCH_DAY_MS ? Number.NaN : dateRead[0]!;
    }
  }
  if (m.span) {
    const endRead = readDate(cells, c.end_at, 'end_at', false, ctx);
    if (endRead !== undefined) return endRead;
    span.to = dateRead[0]!;
  }
  if (utc !== undefined) ctx.utc!.count = utc;
  return undefined;
}

/**
 * A call's duration from its answer (its start without an answer column) to its end column (where no
 * column gives a duration; Bitrix24's telephony writes the call's end in END_TIME, Mango's statistics
 * `finish`): null for another kind of activity, without an end, for an end before the start, and for a
 * span longer than a call (MAX_CALL_SPAN_S); 0 for a call nobody answered (no talk).
 */
function spanDuration(kind: Activity['kind']): number | null {
  if (kind !== 'call' || Number.isNaN(span.to)) return null;
  if (Number.isNaN(span.from)) return 0;
  const s = (span.to - span.from) / 1000;
  return s >= 0 && s <= MAX_CALL_SPAN_S ? s : null;
}

/**
 * A plain number a duration column may hold with one separator that is either a decimal mark or a
 * thousands one (`1,234`, `125.000`), as decimalEvidence calls ambiguous, in the forms parseDuration
 * reads as a number (a negative one is no duration whatever its mark): one test, no string made.
 */
const AMBIGUOUS_DURATION = /^(?!0[.,])\d{1,3}[.,]\d{3}$/;

/**
 * The duration in seconds (null when empty), in the column's unit, or why not. An ambiguous `1,234`
 * is read by its column's decimal mark (ctx.numbers, decided before the row is read: import.ts), so
 * one column never reads with two marks: `125,000` ms beside `1,060,000` is 125 000 ms, and a column
 * that never decides reads it as thousands (a US report's `1,234` s), as an amount column does.
 */
function readDuration(cells: Cells, ctx: ReadContext, m: ActivityMemos): number | null | RowProblem | typeof PENDING {
  const dc = ctx.cols.duration_s;
  if (dc === undefined) return null;
  const unit = m.unit;
  const n = cells.plainInteger(dc);
  if (n >= 0) return scaleDuration(n, unit);
  // An e-mail's or a meeting's empty duration, without making its text.
  if (cells.blank(dc)) return null;
  const text = cells.text(dc);
  let mark: DecimalMark | 'grouping' | undefined;
  if (AMBIGUOUS_DURATION.test(text)) {
    // A part of a file cannot know what the rest decided: it is read with the rest, in one pass.
    if (ctx.part) throw UserError.of('E_PART_NUMBER', 'map.partNumber', { value: truncate(text) }, { file: ctx.file });
    mark = ctx.numbers.markFor(dc);
    if (mark === undefined) return PENDING;
  }
  const duration = parseDuration(text, unit, mark);
  if (duration !== null && Number.isNaN(duration)) return unreadValue(text, 'duration', headerOf(ctx, dc, 'duration_s'));
  return duration;
}

/** A whole number with groups of thousands by commas, as Excel shows an id formatted as a number. */
const GROUPED_NUMBER = /^\d{1,3}(?:,\d{3})+$/;

/**
 * The deal key of the activity's deal id (-1 without one). HubSpot lists several associated deals in one
 * cell («1;5»): the first is the activity's deal and the others known deals go to `out.also` (the activity
 * is theirs too), unless the whole cell is one deal's title.
 */
function dealKey(cells: Cells, ctx: ReadContext, out: ActivityRecord): number {
  const ic = ctx.cols.deal_id;
  if (ic === undefined || cells.blank(ic)) return -1;
  const linker = ctx.linker!;
  if (cells.bytes(ic) && cells.buf[cells.start] !== LEFT_BRACKET && !cells.hasEither(ic, SEMICOLON, COMMA)) {
    const key = linker.dealKeyBytes(cells.buf, cells.start, cells.end);
    if (key !== undefined) return key;
  }
  const raw = listed(cells.text(ic));
  if (raw === '') return -1;
  const i = raw.search(/[;,]/);
  if (i === -1) return titledKey(raw, ctx);
  // A deal's title may hold a comma («Acme, Inc. roll-out»): the whole cell first, then the first of a list (`;` before `,`).
  const whole = linker.store.find(raw);
  if (whole !== undefined) return whole;
  // A whole number Excel grouped («1,234»: one id) is no list of two.
  if (GROUPED_NUMBER.test(raw.trim())) return titledKey(raw.trim().replace(/,/g, ''), ctx);
  const ids = raw.split(raw.includes(';') ? ';' : ',').map((id) => id.trim()).filter((id) => id !== '');
  if (ids.length === 0) return -1;
  const first = titledKey(ids[0]!, ctx);
  const n = linker.store.size;
  const others = [...new Set(ids.slice(1).map((id) => linker.store.find(id)).filter((k): k is number => k !== undefined && k < n && k !== first))];
  if (others.length > 0) out.also = others;
  return first;
}

/**
 * A cell that is a JSON array of ids (Airbyte's association column `deals`: `["101","105"]`, `[101]`) as
 * the list it holds (`101,105`; `[]` is none); any other cell as it is. Only a list of ids (ID_LIST): a
 * deal's title in brackets («[VIP] Поставка [2025]») was unwrapped to «VIP] Поставка [2025» and linked none.
 */
function listed(raw: string): string {
  const t = raw.trim();
  if (t.length < 2 || t[0] !== '[' || t[t.length - 1] !== ']') return raw;
  const inside = t.slice(1, -1);
  return ID_LIST.test(inside) ? inside.replace(/"/g, '').trim() : raw;
}

/** The inside of a JSON array of ids: ids of letters, digits, `_` and `-`, quoted or not, comma separated (or none). */
const ID_LIST = /^\s*(?:"?[\w-]+"?(?:\s*,\s*"?[\w-]+"?)*)?\s*$/;

/**
 * The key of a deal id given as text; one that is a title several deals share («Заявка с сайта»,
 * amoCRM's events, Pipedrive's activities) links to none of them, and is counted to be said.
 */
function titledKey(id: string, ctx: ReadContext): number {
  const key = ctx.linker!.dealKey(id);
  const store = ctx.linker!.store;
  if (key >= store.size && store.hasNames && store.sharedTitle(id)) {
    if (ctx.sharedTitles) ctx.sharedTitles.count++;
    else ctx.sharedTitles = { count: 1, example: id };
  }
  return key;
}

/** A client cell's key: `Компания: X` / `Контакт: X` / `Лид: X` and markup give X; by bytes where they are the key. */
function clientKey(cells: Cells, k: number, ctx: ReadContext, m: ActivityMemos): number {
  const linker = ctx.linker!;
  if (m.byName && cells.hasEither(k, LT, COLON)) {
    // «Контакт: +7 916 …» is the phone's client, as the deals store it; a prefix or markup alone is no client.
    const name = clientTextNoting(cleanClient(cells.text(k)), k, m.lostClient);
    return name === '' ? 0 : linker.clients.internText(name);
  }
  // As the deals' clients are keyed: a phone number as its digits (in a batch while the activities are held), a list's first record.
  return internClient(cells, k, linker.clients, m.lostClient, m.clientLists);
}

/** The deal's client key where the cell holds it as it is, seen in one pass over its bytes (a client column's, without a prefix or markup); else 0. */
function dealsOwnClient(cells: Cells, k: number, ctx: ReadContext, byName: boolean, deal: number): number {
  const store = ctx.linker!.store;
  const own = deal >= 0 && deal < store.size ? store.client[deal]! : 0;
  // A client column's cell with a prefix or markup is not taken as it is (a phone column's may hold anything).
  if (own === 0 || !cells.bytes(k) || phoneLead(cells.buf[cells.start]!)) return 0;
  return store.clients.equalsWithout(own, cells.buf, cells.start, cells.end, byName ? LT : -1, byName ? COLON : -1) ? own : 0;
}

function cleanClient(raw: string): string {
  const bare = raw.indexOf('<') === -1 ? raw : cleanText(raw);
  return bare.indexOf(':') === -1 ? bare : bare.replace(CLIENT_PREFIX, '').trim();
}

/**
 * Reads the row's sides into m.side; where they say no direction, a call id that says it (a profile's
 * callIdDirection: Zadarma's pbx_call_id, in_…, out_…): an outgoing call that shows the company's number
 * as its caller ID has two outside numbers, and every direction metric of such a log was null.
 */
function rowSides(cells: Cells, ctx: ReadContext, m: ActivityMemos): void {
  readSides(cells, m.sides!, m.side);
  if (m.idDirection !== undefined && m.side.direction === undefined) m.side.direction = idDirection(cells, ctx.cols.call_id, m.idDirection);
}

/** A profile's call id prefixes that say a direction, in a log read by its sides and with a call id column. */
function idDirections(ctx: ReadContext, sides: CallSides | undefined): ActivityMemos['idDirection'] {
  const prefixes = Object.entries(ctx.map.profile?.profile.callIdDirection ?? {});
  return sides !== undefined && ctx.cols.call_id !== undefined && prefixes.length > 0 ? prefixes : undefined;
}

/** The direction a call id's prefix says (Zadarma's `in_…`, `out_…`), undefined for none. */
function idDirection(cells: Cells, col: number | undefined, prefixes: NonNullable<ActivityMemos['idDirection']>): 'in' | 'out' | undefined {
  if (col === undefined || cells.blank(col)) return undefined;
  const id = cells.text(col);
  return prefixes.find(([p]) => id.startsWith(p))?.[1];
}
