import type { LinkedActivity } from '../../core/kpi/link.js';
import type { Cells } from './cells.js';
import type { ColumnMap } from './mapping.js';
import { RowProblem } from './context.js';
import { phoneKey } from './values.js';

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
/** A caller ID with a name («"Иван Петров" <101>»): the number in the brackets. */
const ANGLED = /<([^<>]*)>\s*$/;

/** The line (an extension) a cell names, or undefined: a short number, a channel, a SIP address. */
export function lineOf(text: string): string | undefined {
  let t = text.trim();
  const angled = ANGLED.exec(t);
  if (angled) t = angled[1]!.trim();
  if (EXTENSION.test(t)) return t;
  return (CHANNEL.exec(t) ?? SIP_ADDRESS.exec(t))?.[1];
}

/** The columns each side of a call is read from, a channel before a number (the number may be a caller ID the company shows). */
export interface CallSides {
  caller: readonly number[];
  callee: readonly number[];
}

/**
 * The sides of a call log with no direction column, or undefined: both sides need a column (`src`
 * or `channel`; `dst` or `dstchannel`). Sipuni's «Откуда» and «Куда» beside its «Тип» column are read
 * by that column.
 */
export function callSides(map: ColumnMap): CallSides | undefined {
  if (map.fields.has('direction')) return undefined;
  const side = (fields: string[]) => fields.flatMap((f) => map.fields.get(f)?.slice(0, 1) ?? []);
  const caller = side(['channel', 'caller']);
  const callee = side(['dstchannel', 'callee']);
  return caller.length > 0 && callee.length > 0 ? { caller, callee } : undefined;
}

/** Whether the first rows show a line on either side of a call: the log then names its employees by line (no manager column is needed). */
export function showsLines(map: ColumnMap, sampleRows: readonly string[][]): boolean {
  const sides = callSides(map);
  if (!sides) return false;
  const cols = [...sides.caller, ...sides.callee];
  return sampleRows.some((r) => cols.some((c) => lineOf(r[c] ?? '') !== undefined));
}

/** What a call's sides say: its direction, and the line each side names. */
export interface SideReading {
  direction: 'in' | 'out' | 'internal' | undefined;
  from: string | undefined;
  to: string | undefined;
}

/** The first line named by a side's columns. */
function sideLine(cells: Cells, cols: readonly number[]): string | undefined {
  for (const c of cols) {
    const line = cells.blank(c) ? undefined : lineOf(cells.text(c));
    if (line !== undefined) return line;
  }
  return undefined;
}

/**
 * Reads a call's sides into `out`: a line calling a number outside is an outgoing call by that line;
 * a number outside calling a line, an incoming one taken at that line; two lines, a call between
 * employees; a phone number calling what is no number (an IVR, a queue: Asterisk's `s`), an incoming
 * call nobody took. Anything else says no direction.
 */
export function readSides(cells: Cells, sides: CallSides, out: SideReading): SideReading {
  const from = sideLine(cells, sides.caller);
  const to = sideLine(cells, sides.callee);
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

/** What a row read to: an activity (the reader's reused record, copied when held) or a problem. */
type Read = LinkedActivity | RowProblem;

/**
 * The legs of one call (a PBX writes a row per extension a ring group or a queue rang, and per
 * transfer), told by their call id and read as one call while they follow one another: answered if
 * any leg was, by its answering leg's employee (of several, the one that talked longest), at the
 * earliest time of its legs that name an employee; the other legs are dropped and counted. A leg
 * that named no employee (a queue's own leg, a missed call to an IVR) yields to one that did. A call is given on when the next
 * row is another call's, and the last at the end of the file.
 */
export class CallLegs {
  private id = '';
  private held: { read: LinkedActivity | RowProblem; row: number } | undefined;

  constructor(
    /** The reasons of a leg with no employee (a missed call, one an IVR took), which a leg that names one replaces. */
    private readonly noEmployee: readonly string[],
  ) {}

  /** Takes a row's reading; gives on the call it ends (with that call's row), if any. */
  take(read: Read, id: string, row: number, give: (read: Read, row: number) => void): void {
    if (id === '' || (read instanceof RowProblem && !this.noEmployee.includes(read.reason))) return give(read, row);
    const held = this.held;
    if (held && id === this.id && this.near(held.read, read)) {
      if (this.replaces(held.read, read)) {
        const at = held.read instanceof RowProblem ? (read as LinkedActivity).at : Math.min(held.read.at, (read as LinkedActivity).at);
        held.read = { ...(read as LinkedActivity), at };
      }
      return give(LEG, row);
    }
    this.id = id;
    this.held = { read: read instanceof RowProblem ? read : { ...read }, row };
    if (held) give(held.read, held.row);
  }

  /** Gives on the call held at the end of the file. */
  end(give: (read: Read, row: number) => void): void {
    const held = this.held;
    this.held = undefined;
    if (held) give(held.read, held.row);
  }

  /**
   * Whether a leg can be one call's with the one held: it started within a call's longest span of
   * it (a column of one id repeated down the file, an Excel fill, is no call of a thousand legs).
   */
  private near(held: LinkedActivity | RowProblem, leg: LinkedActivity | RowProblem): boolean {
    return held instanceof RowProblem || leg instanceof RowProblem || Math.abs(leg.at - held.at) <= LEG_SPAN_MS;
  }

  /** Whether a leg makes a better reading of the call than the one held. */
  private replaces(held: LinkedActivity | RowProblem, leg: LinkedActivity | RowProblem): boolean {
    if (leg instanceof RowProblem) return false;
    if (held instanceof RowProblem) return true;
    if (held.missed !== leg.missed) return held.missed;
    return (leg.duration_s ?? 0) > (held.duration_s ?? 0);
  }
}
