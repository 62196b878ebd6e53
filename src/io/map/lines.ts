import type { LinkedActivity } from '../../core/kpi/link.js';
import { mayHaveLine, nameAndLine } from '../../core/name-line.js';
import { channelCell, idOf, judgeIds, PbxClock, SAMPLE_MAX_ROWS, SAMPLE_ROWS, type CallIdUnusable, type LegColumns, type Sampled } from './call-keys.js';
import type { Cells } from './cells.js';
import { assignField, type ColumnMap, type ColumnMatch } from './mapping.js';
import { RowProblem } from './context.js';
import { normalizeValue, phoneKey } from './values.js';
import { buildValueMaps, byWords, type ValueMaps } from './value-maps.js';

/**
 * Telephony logs that name their employees only by line (an extension: «101»): a PBX's call detail
 * records (Asterisk and FreePBX: `src`, `dst`, `channel`, `dstchannel`, `linkedid`), where a call's
 * direction is which of its sides is a line, its employee the line on the company's side, and the
 * rows of one call's legs (a ring group, a queue, a transfer) one call.
 */

/** A PBX channel («PJSIP/101-0000001a», «SIP/101-00c4», «Local/101@from-queue-0000;1»): its endpoint, when that is a number. */
const CHANNEL = /^(?:pjsip|sip|iax2|local|sccp|skinny|mgcp|h323|ooh323|unistim|motif)\/(\d{2,6})(?:[-@;/]|$)/i;
/** A SIP address of a line («sip:101@pbx.local», «101@pbx»). */
const SIP_ADDRESS = /^(?:sips?:)?(\d{2,6})@/i;
/** A line written alone: two to five digits (a number of six or more may be a city's without its code). */
const EXTENSION = /^\d{2,5}$/;
/**
 * A line under the account's number, as cloud PBXes name their extensions: Telphin's «000345*101»
 * (client code * extension), Zadarma's SIP login «123456-101» (tester T69 M1: such a log was refused
 * for want of an employee column, its lines not seen). Before a dash, five digits at least: «555-1234»
 * is a phone number.
 */
const ACCOUNT_LINE = /^(?:\d{3,7}\*|\d{5,7}-)(\d{2,5})$/;
/** A caller ID with a name («"Иван Петров" <101>»): the number in the brackets. */
const ANGLED = /<([^<>]*)>\s*$/;

/** The line (an extension) a cell names, or undefined: a short number, a channel, a SIP address, an account's line. */
export function lineOf(text: string): string | undefined {
  let t = text.trim();
  const angled = ANGLED.exec(t);
  if (angled) t = angled[1]!.trim();
  if (EXTENSION.test(t)) return t;
  return (CHANNEL.exec(t) ?? SIP_ADDRESS.exec(t) ?? ACCOUNT_LINE.exec(t))?.[1];
}

/** Pairs of headers (as normalizeHeader writes them) that give each side's line apart from its number: Mango Office's VPBX statistics by its API. */
const EXTENSION_PAIRS: ReadonlyArray<readonly [string, string]> = [['from extension', 'to extension']];

/**
 * Reads a log's extension columns as a PBX's channels (`channel`, `dstchannel`): the line on each side
 * of a call, blank on the side that is a number outside (Mango's `from_extension` on an incoming call,
 * `to_extension` on an outgoing one). The employee is the side that is a line, as in Asterisk's CDR.
 * Before, neither was read, and the ready --map snippet proposed `to_extension` as the manager, blank
 * on every outgoing call: pasted, 5 calls of 9 were skipped and no call had a direction (a tester).
 * Not where the --map or a profile gave either column a field.
 */
export function readExtensionSides(normalized: readonly string[], columns: ColumnMatch[], fields: Map<string, number[]>): void {
  if (fields.has('channel') || fields.has('dstchannel')) return;
  for (const [from, to] of EXTENSION_PAIRS) {
    const a = normalized.indexOf(from);
    const b = normalized.indexOf(to);
    if (a < 0 || b < 0 || columns[a]!.field !== undefined || columns[b]!.field !== undefined) continue;
    for (const [col, field] of [[a, 'channel'], [b, 'dstchannel']] as const) assignField({ columns, fields }, field, [col]);
    return;
  }
}

/** The columns each side of a call is read from, a channel before a number (the number may be a caller ID the company shows). */
export interface CallSides {
  caller: readonly number[];
  callee: readonly number[];
  /** A PBX's `dstchannel`: blank on a call from outside, the call reached no line (an IVR or a queue took it, whatever `dst` names). */
  dstChannel?: number;
}

/**
 * The sides of a call log, or undefined: both sides need a column (`src` or `channel`; `dst` or
 * `dstchannel`). Read in a log with no direction column (they say the direction), and in one with a
 * direction column but no column that names the employee (a manager's, or Sipuni's «Кто ответил»):
 * a PBX cabinet's log of extensions (Zadarma's, Telphin's, OnlinePBX's `Дата;Откуда;Куда;Направление;
 * Длительность;Статус`), whose employee is the line on the company's side while its direction column
 * still says in or out (where that cell is blank, the sides do). Before, such a log was refused for a
 * manager column the moment it had a direction column, while the same file without it was read right
 * (a tester). Sipuni's «Откуда» and «Куда» beside its «Тип» and «Ответственный из CRM» are read by those.
 */
export function callSides(map: ColumnMap): CallSides | undefined {
  if (map.fields.has('direction') && (map.fields.has('manager') || map.fields.has('answered_by'))) return undefined;
  const side = (fields: string[]) => fields.flatMap((f) => map.fields.get(f)?.slice(0, 1) ?? []);
  const caller = side(['channel', 'caller']);
  const callee = side(['dstchannel', 'callee']);
  const dstChannel = map.fields.get('dstchannel')?.[0];
  return caller.length > 0 && callee.length > 0 ? { caller, callee, ...(dstChannel === undefined ? {} : { dstChannel }) } : undefined;
}

/**
 * Whether the lines on a call's sides are its employees: a log with sides, and no manager column nor
 * one that says who took each call (Sipuni's «Кто ответил»).
 */
export function linesNameEmployees(map: ColumnMap): boolean {
  return !map.fields.has('manager') && !map.fields.has('answered_by') && callSides(map) !== undefined;
}

/** A direction as a direction column's reading, with how many rows it was read for. */
export interface SideCount {
  value: { direction: 'in' | 'out' | 'internal' | ''; missed: boolean };
  count: number;
}

/** The directions a log's sides gave, and the rows they gave none (counted per file: the report says how many rows had each). */
export type SideCounts = Record<'in' | 'out' | 'internal' | 'none', SideCount>;

export function sideCounts(): SideCounts {
  const one = (direction: SideCount['value']['direction']): SideCount => ({ value: { direction, missed: false }, count: 0 });
  return { in: one('in'), out: one('out'), internal: one('internal'), none: one('') };
}

/**
 * Whether the log names its employees by line (no manager column is needed): it has a PBX's channel
 * columns, or its first rows show a line on either side of a call (a CDR may begin with calls an IVR
 * took, which show none).
 */
export function showsLines(map: ColumnMap, sampleRows: readonly string[][], maps: ValueMaps = buildValueMaps()): boolean {
  const sides = callSides(map);
  if (!sides) return false;
  if (map.fields.has('channel') || map.fields.has('dstchannel')) return true;
  const cols = [...sides.caller, ...sides.callee];
  const direction = map.fields.get('direction')?.[0];
  // A direction column that says no direction on the first rows (blank: tester T69's Zadarma log) leaves the sides to say it.
  const judged = direction === undefined ? undefined : linesOnEmployeeSides(sampleRows, sides, direction, maps);
  return judged ?? sampleRows.some((r) => cols.some((c) => sideEmployee(r[c] ?? '') !== undefined));
}

/**
 * Beside a direction column, whether the sample shows a line on the employee's side of each direction
 * it has: the callee of an incoming call, the caller of an outgoing one. A cabinet log that writes the
 * company's number (DID) in «Куда» on incoming calls and the line only on outgoing ones would drop every
 * incoming call as one no line took (review R39); it is asked for its manager column instead. The
 * directions as the run reads them: a --map file's words too (a log of «X1»/«X2» was refused: review R40).
 * Undefined where no row of the sample says a direction.
 */
function linesOnEmployeeSides(sampleRows: readonly string[][], sides: CallSides, direction: number, maps: ValueMaps): boolean | undefined {
  const shown = { in: false, out: false };
  const seen = { in: false, out: false };
  for (const r of sampleRows) {
    const key = normalizeValue(r[direction] ?? '');
    const d = maps.direction.get(key) ?? byWords(maps.direction, key);
    if (d !== 'in' && d !== 'out') continue;
    seen[d] = true;
    shown[d] ||= (d === 'in' ? sides.callee : sides.caller).some((c) => sideEmployee(r[c] ?? '') !== undefined);
  }
  if (!seen.in && !seen.out) return undefined;
  return (!seen.in || shown.in) && (!seen.out || shown.out);
}

/** What a call's sides say: its direction, and the line each side names (as sideEmployee gives it: a line, or a name with one). */
export interface SideReading {
  direction: 'in' | 'out' | 'internal' | undefined;
  from: string | undefined;
  to: string | undefined;
}

/** The first line named by a side's columns: the line, or the employee's name with it («Ivanov Ivan (101)»: sideEmployee). */
function sideLine(cells: Cells, cols: readonly number[]): string | undefined {
  for (const c of cols) {
    const line = cells.blank(c) ? undefined : sideEmployee(cells.text(c));
    if (line !== undefined) return line;
  }
  return undefined;
}

/** The name of a machine that answers calls, with a line of its own (3CX's «Main IVR (800)», a queue's, a ring group's): no employee. */
const MACHINE_NAME = /\b(?:ivr|queue|receptionist|voice ?mail|ring group|hunt group|call flow|parking|fax)\b|очеред|меню|автосекретар|голосов|групп|факс/iu;

/**
 * The employee a side's cell names: its line (lineOf: `101`, a channel, a SIP address), or a person's
 * name with a line beside it (3CX's From and To, «Ivanov Ivan (101)»; «Анна (доб. 201)», Sipuni's «201
 * (Анна)»), as written, for the manager's reading to take the name and the line apart as a manager
 * column's cell is (core/name-line.ts). Not a machine's name with a line («Main IVR (800)»): a call it
 * took is one no line took. Before, a named line was no line, and 3CX's log asked for a manager column.
 */
export function sideEmployee(text: string): string | undefined {
  const line = lineOf(text);
  if (line !== undefined) return line;
  const t = text.trim();
  if (!mayHaveLine(t)) return undefined;
  const named = nameAndLine(t);
  return named === undefined || MACHINE_NAME.test(named.name) ? undefined : t;
}

/**
 * Reads a call's sides into `out`: a line calling a number outside is an outgoing call by that line;
 * a number outside calling a line, an incoming one taken at that line; two lines, a call between
 * employees; a phone number calling what is no number (an IVR, a queue: Asterisk's `s`), an incoming
 * call nobody took. Anything else says no direction.
 */
export function readSides(cells: Cells, sides: CallSides, out: SideReading): SideReading {
  let from = sideLine(cells, sides.caller);
  // A call from outside that no channel took: `dst` is the queue's or the IVR's number (400), no employee's line.
  const untaken = sides.dstChannel !== undefined && cells.blank(sides.dstChannel) && from === undefined && isPhone(cells, sides.caller);
  let to = untaken ? undefined : sideLine(cells, sides.callee);
  // Two lines by their channels, yet one side's number is outside: that channel is a trunk named by
  // digits (SIP/123456-…, a provider's login) or a queue's Local channel, and that side the client.
  if (from !== undefined && to !== undefined) {
    if (isPhone(cells, sides.caller)) from = undefined;
    else if (isPhone(cells, sides.callee)) to = undefined;
  }
  out.from = from;
  out.to = to;
  if (from !== undefined) out.direction = to !== undefined ? 'internal' : 'out';
  else if (to !== undefined) out.direction = 'in';
  else out.direction = isPhone(cells, sides.caller) && !isPhone(cells, sides.callee) ? 'in' : undefined;
  return out;
}

/** The line on the company's side of a call of this direction (an incoming call's callee, any other's caller). */
export function employeeLine(side: SideReading, direction: string | undefined): string | undefined {
  return direction === 'in' ? side.to : direction === 'out' || direction === 'internal' ? side.from : undefined;
}

function isPhone(cells: Cells, cols: readonly number[]): boolean {
  return cols.some((c) => !cells.blank(c) && phoneKey(cells.text(c)) !== undefined);
}

/** How far apart two legs of one call can start: four hours, the longest span read as a call. */
const LEG_SPAN_MS = 4 * 3_600_000;

/** The reason a leg after a call's first is dropped for. */
export const ANOTHER_LEG = 'another leg of a call already counted (the same call id)';
const LEG = new RowProblem('drop', ANOTHER_LEG);
/** The reason of a leg joined to its call by the channel that placed it (a log with no call id, or one that is none). */
export const ANOTHER_LEG_BY_CHANNEL = 'another leg of a call already counted (the same calling channel, at the same time)';
const LEG_BY_CHANNEL = new RowProblem('drop', ANOTHER_LEG_BY_CHANNEL);

/** The reasons a PBX's call no line took is dropped for: missed (hung up in an IVR or a queue), or taken by no employee (an IVR, an announcement, a forward outside). */
/** A number in Excel's scientific form, «1,71982E+15» or «1.71982e+15»: its last digits are lost. */
const SCIENTIFIC = /^\s*\d[.,]\d*e\+?\d+\s*$/i;

export const NO_LINE_MISSED = 'a missed call no line took (hung up in an IVR or a queue)';
export const NO_LINE = 'a call no line took (an IVR, an announcement, a forward outside)';

/**
 * A PBX's call (or leg) that names no line: no employee's call, dropped and counted (not an
 * unreadable row: an IVR takes calls every day). It carries what a leg tells the call it belongs to:
 * whether it was answered, its talk, its time, and whether both its sides are outside (a forward to
 * a mobile: its talk is the call's).
 */
export class UnroutedCall extends RowProblem {
  constructor(
    readonly answered: boolean,
    readonly duration: number | null,
    readonly at: number,
    readonly outside: boolean,
  ) {
    super('drop', answered ? NO_LINE : NO_LINE_MISSED);
  }
}

/**
 * A leg that names no employee in a log with a manager column (UIS's and CoMagic's ring that nobody
 * took, «Сотрудник» blank): a row refused as ever, unless a leg of its call names one, carrying its
 * time, so that the call is at its earliest leg's time whichever leg names the employee. Before, such
 * a leg carried none, and the call was timed at the answering leg: a deal's response read 10.42
 * minutes for 10 (a tester).
 */
export class NoEmployeeLeg extends RowProblem {
  constructor(
    problem: RowProblem,
    readonly at: number,
  ) {
    super(problem.kind, problem.reason, problem.column, problem.unread);
  }
}

/** What a row read to: an activity (the reader's reused record, copied when held) or a problem. */
type Read = LinkedActivity | RowProblem;
type Give = (read: Read, row: number) => void;

/** A call held for its legs: its reading so far, its first row, where its talk ends, and when its latest leg started. */
interface Held {
  read: Read;
  row: number;
  span: TalkSpan;
  last: number;
}

/**
 * Whether a log's rows are joined into calls by their legs (callLegsFor): it has a call id or a
 * channel column. Such a log is read in one pass (parallel.ts): a boundary would cut a call in two.
 */
export function joinsLegs(map: ColumnMap): boolean {
  return map.fields.has('call_id') || map.fields.has('channel');
}

/**
 * The calls of a log whose columns tell a call's legs: a call id, or a channel (see callLegsFor).
 * Where the log has no call id, where a row's is empty, and where the id column is none (judgeIds),
 * legs are told by the channel that placed them, when that is a name unique to a call.
 */
export function callLegsFor(map: ColumnMap, noEmployee: readonly string[]): CallLegs | undefined {
  if (!joinsLegs(map)) return undefined;
  const field = (name: string) => map.fields.get(name)?.[0];
  const [ids, channel, at] = [map.fields.get('call_id') ?? [], field('channel'), field('at')];
  const id = ids[0];
  const header = (c: number) => map.columns[c]?.header ?? `#${c + 1}`;
  // A blank first id column falls to the others before the channel (Asterisk's `call_id: [linkedid, uniqueid]`).
  const more = ids.length > 1 ? { more: ids.slice(1) } : {};
  return new CallLegs(noEmployee, { ...(id === undefined ? {} : { id: { col: id, header: header(id), ...more } }), ...(channel === undefined ? {} : { channel }), ...(at === undefined ? {} : { at: header(at) }) });
}

/**
 * The legs of one call (a PBX writes a row per extension a ring group or a queue rang, and per
 * transfer), told by their call id and read as one call while they start within four hours of each
 * other, other calls' rows between them or not: answered if any leg was, by its first answering
 * leg's employee, its talk the answered legs' together each second once (a transfer's two talks, a
 * forward to a mobile), at its earliest leg's time; the other legs are dropped and counted. A leg
 * that names no line (an IVR, a queue's own leg) yields to one that does. A call nobody answered
 * stays its first rung line's. A call is given on once a row starts four hours from it, and the rest
 * at the end of the file. Legs told by their channel are one call while each starts before ten
 * minutes pass from the call's latest start or talk (a channel's name comes again after a restart).
 */
export class CallLegs {
  /** The calls whose legs may still come, by key (`i` and the call id, `c` and the channel), in the order their first legs came. */
  private readonly open = new Map<string, Held>();
  /** The first rows, held until SAMPLE_ROWS of them with a call id (or SAMPLE_MAX_ROWS in all) show whether it is one (judgeIds); undefined once they have. */
  private sample: Array<Sampled<Read>> | undefined;
  private sampledIds = 0;
  /** The call id column, where it is no call id: legs are then told by their channel. */
  private unusable: CallIdUnusable | undefined;
  private readonly clock: PbxClock | undefined;

  constructor(
    /** The reasons of a leg with no employee in a log that names a manager (a missed call, one nobody took), which a leg that names one replaces. */
    private readonly noEmployee: readonly string[],
    private readonly cols: LegColumns = {},
  ) {
    if (cols.id) {
      this.sample = [];
      this.clock = new PbxClock();
    }
  }

  /**
   * Takes a row's reading; gives on the calls it ends (with each call's first row). A busy PBX writes
   * a leg when it ends, so another call's rows may come between two legs of one call: the calls of the
   * last hours are held by id, and given on once a row starts more than a call's longest span away.
   */
  take(read: Read, cells: Cells, row: number, give: Give): void {
    // While the ids are sampled, a problem row is given on at once and the legs are held, so rows are
    // given on out of the file's order. Harmless today (settle and the counts take rows in any order); a
    // consumer that comes to depend on the order must have it restored here.
    if (read instanceof RowProblem && !(read instanceof UnroutedCall) && !this.noEmployee.includes(read.reason)) return give(read, row);
    // An id Excel turned into its scientific form («1,71982E+15») lost its last digits: different calls share it, and it joins none (a tester).
    let id = this.unusable ? '' : idOf(cells, this.cols);
    if (SCIENTIFIC.test(id)) id = '';
    this.clock?.note(id, startOf(read));
    if (this.sample) {
      this.sample.push({ read: read instanceof RowProblem ? read : { ...read }, id, channel: channelCell(cells, this.cols), row });
      if ((id !== '' && ++this.sampledIds >= SAMPLE_ROWS) || this.sample.length >= SAMPLE_MAX_ROWS) this.judge(give);
      return;
    }
    this.route(read, id !== '' ? `i${id}` : keyOfChannel(channelCell(cells, this.cols)), row, give);
  }

  /** Gives on the calls held at the end of the file, in the order they began. */
  end(give: Give): void {
    if (this.sample) this.judge(give);
    for (const held of this.open.values()) give(held.read, held.row);
    this.open.clear();
  }

  /**
   * What the legs showed of the file, for its report: a call id column that is none, and a clock in
   * UTC its ids show (not where the run shifted the times or their UTC was said already: `quietClock`).
   */
  said(quietClock: boolean): { callIdUnusable?: CallIdUnusable; utc?: NonNullable<ReturnType<PbxClock['said']>> } {
    const utc = quietClock ? undefined : this.clock?.said(this.cols.at ?? 'start');
    return { ...(this.unusable ? { callIdUnusable: this.unusable } : {}), ...(utc ? { utc } : {}) };
  }

  /** Judges the first rows' ids (judgeIds), then reads those rows by them, or by their channels. */
  private judge(give: Give): void {
    const sample = this.sample!;
    this.sample = undefined;
    this.unusable = judgeIds(sample, this.cols.id!.header);
    for (const s of sample) this.route(s.read, s.id !== '' && !this.unusable ? `i${s.id}` : keyOfChannel(s.channel), s.row, give);
  }

  /** Joins a leg to the call of its key ('' joins none), or holds it as a new call. */
  private route(read: Read, key: string, row: number, give: Give): void {
    if (key === '') return give(read, row);
    const at = startOf(read);
    this.settleBefore(at, give);
    const held = this.open.get(key);
    const byChannel = key.startsWith('c');
    if (held && near(held.read, read) && (!byChannel || soon(held, at))) {
      held.read = merged(held.read, read, held.span);
      held.last = Math.max(held.last, at ?? -Infinity);
      return give(byChannel ? LEG_BY_CHANNEL : LEG, row);
    }
    if (held) {
      this.open.delete(key);
      give(held.read, held.row);
    }
    const copy = read instanceof RowProblem ? read : { ...read };
    this.open.set(key, { read: copy, row, span: { end: copy instanceof RowProblem ? -Infinity : talkEnd(copy.at, copy.missed ? null : copy.duration_s) }, last: at ?? -Infinity });
  }

  /** Gives on the oldest calls no leg starting at `at` can join (too far from it, or more calls held than a PBX has lines). */
  private settleBefore(at: number | undefined, give: Give): void {
    for (const [key, held] of this.open) {
      const start = startOf(held.read);
      const far = at !== undefined && start !== undefined && Math.abs(at - start) > LEG_SPAN_MS;
      if (!far && this.open.size <= MAX_OPEN_CALLS) return;
      this.open.delete(key);
      give(held.read, held.row);
    }
  }
}

/** The key of a call told by its channel ('' for none). */
function keyOfChannel(channel: string): string {
  return channel === '' ? '' : `c${channel}`;
}

/** How long after a call's latest leg began or its talk ended another leg of its channel may begin (an IVR's menu, a queue's wait between rings). */
const CHANNEL_GAP_MS = 10 * 60_000;

/** Whether a leg told by its channel begins while the call held is still going (or was, ten minutes before). */
function soon(held: Held, at: number | undefined): boolean {
  return at === undefined || at <= Math.max(held.last, held.span.end) + CHANNEL_GAP_MS;
}

/** The most calls held for their legs at once: a log not in time order never holds more. */
const MAX_OPEN_CALLS = 10_000;

/** Where a call's talk so far ends (ms): a leg's talk before it was already counted (a queue's leg and its agent's overlap). */
interface TalkSpan {
  end: number;
}

/** The end of a leg's talk, from its start (the talk is at most the leg). */
function talkEnd(at: number, seconds: number | null): number {
  return seconds === null ? -Infinity : at + seconds * 1000;
}

/** The seconds of a leg's talk after the call's talk so far, which it moves on: a transfer adds its own, a leg inside another adds nothing. */
function newTalk(at: number, seconds: number | null, span: TalkSpan): number | null {
  if (seconds === null) return null;
  const end = talkEnd(at, seconds);
  const added = Math.max(0, (end - Math.max(at, span.end)) / 1000);
  span.end = Math.max(span.end, end);
  return Math.min(seconds, added);
}

/** When a leg started, where it was read that far. */
function startOf(read: Read): number | undefined {
  return read instanceof UnroutedCall || read instanceof NoEmployeeLeg ? read.at : read instanceof RowProblem ? undefined : read.at;
}

/** Whether a leg can be one call's with the one held: it started within a call's longest span of it (a column of one id filled down is no call of a thousand legs). */
function near(held: Read, leg: Read): boolean {
  const a = startOf(held);
  const b = startOf(leg);
  return a === undefined || b === undefined || Math.abs(a - b) <= LEG_SPAN_MS;
}

/**
 * The call held with one more of its legs (a held record is this reader's copy, changed in place).
 * Talk is counted once a second: legs that overlap (a queue's leg and the agent's inside it) add
 * only what runs past the talk so far; legs one after another (a transfer) add theirs.
 */
function merged(held: Read, leg: Read, span: TalkSpan): Read {
  if (leg instanceof RowProblem && !(leg instanceof UnroutedCall)) {
    // A leg naming no employee that started first still times the call.
    if (leg instanceof NoEmployeeLeg && !(held instanceof RowProblem)) held.at = Math.min(held.at, leg.at);
    return held;
  }
  const at = Math.min(startOf(held) ?? Infinity, startOf(leg)!);
  if (held instanceof RowProblem) {
    if (!(leg instanceof UnroutedCall)) {
      span.end = talkEnd(leg.at, leg.missed ? null : leg.duration_s);
      return withOutside(held, { ...leg, at }, span);
    }
    return held instanceof UnroutedCall && !held.answered && leg.answered ? leg : held;
  }
  held.at = at;
  if (leg instanceof UnroutedCall) return withOutside(leg, held, span);
  if (held.missed && !leg.missed) {
    span.end = talkEnd(leg.at, leg.duration_s);
    return { ...leg, at };
  }
  // A transfer: both talked; the call stays its first answerer's.
  if (!held.missed && !leg.missed) held.duration_s = talk(held.duration_s, newTalk(leg.at, leg.duration_s, span));
  return held;
}

/** A call with a leg answered outside (a forward to a mobile): answered, its talk added. */
function withOutside(leg: Read, call: LinkedActivity, span: TalkSpan): LinkedActivity {
  if (leg instanceof UnroutedCall && leg.answered && leg.outside) {
    call.missed = false;
    call.duration_s = talk(call.duration_s, newTalk(leg.at, leg.duration, span));
  }
  return call;
}

function talk(a: number | null, b: number | null): number | null {
  return a === null && b === null ? null : (a ?? 0) + (b ?? 0);
}
