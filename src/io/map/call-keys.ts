import type { LinkedActivity } from '../../core/kpi/link.js';
import type { Cells } from './cells.js';
import { firstFilled } from './context.js';
import { UNIQUEID } from './layouts.js';

/**
 * What tells the legs of one call in a PBX's log (see CallLegs, lines.ts): its call id (Asterisk's
 * linkedid or uniqueid), or, where the log has none, the channel that placed the call. And what a
 * call id says besides: whether it is one at all, and the clock the log's times are on.
 */

/**
 * A channel name Asterisk gives one channel while it runs: a technology, a peer, and the eight hex
 * digits of the counter it numbers channels by (`PJSIP/trunk-00000010`, `SIP/101-00c4e2f0`,
 * `Local/101@from-queue-0000000c;1`). Each of a ring group's or a queue's legs is written with the
 * calling channel (Party A): the legs of one call share it. A line's name alone (`101`: Mango's
 * extensions), a DAHDI span's `DAHDI/1-1` or IAX2's reused call numbers are no such name.
 */
const UNIQUE_CHANNEL = /^[a-z][a-z0-9]*\/\S+-[0-9a-f]{8}(?:;[12])?$/i;

/** The channel a leg's call is told by, or '' when the cell is no name unique to a call. */
export function channelOf(text: string): string {
  return UNIQUE_CHANNEL.test(text) ? text : '';
}

/** How many of a log's first rows with a call id are looked at before the id is trusted. */
export const SAMPLE_ROWS = 200;
/**
 * How many rows in all are held while the ids are sampled, whatever their ids: a log whose call id
 * column is blank on most rows (an unfilled `linkedid`, «ID сессии» of some calls only) was held whole
 * until its 200th id, hundreds of MB on a large log. At this many the ids seen so far are judged (none:
 * the rows' legs are told by their channel).
 */
export const SAMPLE_MAX_ROWS = 2000;
/** The clients one call can name: its client, and one a consultation or a forward adds. More are several calls'. */
const CLIENTS_OF_A_CALL = 2;

/** A leg held while the first rows show what the call id is. */
export interface Sampled<R> {
  read: R;
  id: string;
  channel: string;
  row: number;
}

/** A call id column that is no call's id, and what its legs were joined by instead (said as the call-id-unusable alert). */
export interface CallIdUnusable {
  /** The column's header. */
  column: string;
  /** The value most of its rows share (`0`, `office`). */
  example: string;
  /** The rows of the first ones with an id whose id is shared by calls of three or more clients, and the rows with an id looked at. */
  rows: number;
  of: number;
  /** What the legs were joined by instead: their channel (a name unique to a call), or nothing (each row a call). */
  joinedBy: 'channel' | 'none';
}

/**
 * Whether the first rows' ids are calls' ids: undefined if so, else what is said. An id shared by the
 * legs of three or more clients' calls is no call's (Master.csv's peeraccount or sequence read as the
 * linkedid: `office` or `0` on every row; an accountcode; a column filled down), and where such ids
 * hold half the rows or more, the column joins nearly all of them: it is no call id. A tester's day of
 * nine calls was one call, with only «отброшено служебных: 9» to show it.
 */
export function judgeIds(sample: ReadonlyArray<Sampled<LinkedActivity | object>>, column: string): CallIdUnusable | undefined {
  const byId = new Map<string, { rows: number; clients: Set<number> }>();
  for (const s of sample) {
    if (s.id === '') continue;
    const seen = byId.get(s.id) ?? { rows: 0, clients: new Set<number>() };
    seen.rows++;
    const client = (s.read as Partial<LinkedActivity>).client;
    if (typeof client === 'number' && client !== 0) seen.clients.add(client);
    byId.set(s.id, seen);
  }
  let rows = 0;
  let of = 0;
  let example = { id: '', rows: 0 };
  for (const [id, seen] of byId) {
    of += seen.rows;
    if (seen.clients.size <= CLIENTS_OF_A_CALL) continue;
    rows += seen.rows;
    if (seen.rows > example.rows) example = { id, rows: seen.rows };
  }
  if (rows === 0 || rows * 2 < of) return undefined;
  const joinedBy = sample.some((s) => s.channel !== '') ? 'channel' : 'none';
  return { column, example: example.id, rows, of, joinedBy };
}

/**
 * How many rows with a call id the clock is judged on, uniqueids or not: counted by tries, not by
 * matches, so that a log of other ids (Zadarma's `in_…`, Mango's entry_id) runs no regex past them.
 */
const CLOCK_ROWS = 2000;
/** How far (s) a leg's start may be from its id's second and still be the same moment: the id is made as the channel is, the leg starts as its record is (rounded down both). */
const SAME_MOMENT_S = 2;
/** A time zone's offset is a whole quarter of an hour (s), and none is more than 14 hours. */
const ZONE_STEP_S = 900;
const ZONE_MAX_S = 14 * 3600;

/** A leg's clock as its id shows it: UTC, a zone's, or neither (a leg that began later than its channel). */
function clockOf(at: number, id: string): 'utc' | 'zone' | undefined {
  const m = UNIQUEID.exec(id);
  if (!m) return undefined;
  const diff = at / 1000 - Number(m[1]);
  if (Math.abs(diff) <= SAME_MOMENT_S) return 'utc';
  const off = Math.abs(diff) % ZONE_STEP_S;
  return Math.abs(diff) <= ZONE_MAX_S && (off <= SAME_MOMENT_S || ZONE_STEP_S - off <= SAME_MOMENT_S) ? 'zone' : undefined;
}

/**
 * The clock of a PBX log's times, told by its call ids: an Asterisk uniqueid begins with the second
 * its channel was made, counted from 1970 in UTC (main/channel.c), and a leg's record starts as the
 * channel is made. Where the times written match those seconds, they are UTC, not the company's clock:
 * the sample cdr.conf has `usegmtime=yes` for Master.csv, and a server kept on UTC writes UTC anyway;
 * the file says so nowhere. Where they are a whole quarter-hour off, they are a zone's.
 */
export class PbxClock {
  private utc = 0;
  private zone = 0;
  private tried = 0;
  private example: { at: number; id: string } | undefined;

  note(id: string, at: number | undefined): void {
    if (at === undefined || id === '' || this.tried >= CLOCK_ROWS) return;
    this.tried++;
    const clock = clockOf(at, id);
    if (clock === undefined) return;
    if (clock === 'zone') this.zone++;
    else if (this.utc++ === 0) this.example = { at, id };
  }

  /** The utc-times reading, where most legs' times are their ids' seconds: how many, the first (its time and id), and the time's column. */
  said(column: string): { count: number; example: string; column: string; uniqueid: string } | undefined {
    if (!this.example || this.utc <= this.zone) return undefined;
    const example = new Date(this.example.at).toISOString().slice(0, 19).replace('T', ' ');
    return { count: this.utc, example, column, uniqueid: this.example.id };
  }
}

/** The columns a leg's call is told by, from the row. */
export interface LegColumns {
  /** The call id's column, its header, and the field's other columns, read where it is blank (context.ts firstFilled: Asterisk's `[linkedid, uniqueid]`). */
  id?: { col: number; header: string; more?: readonly number[] };
  /** The channel's column (Asterisk's `channel`: the calling side's). */
  channel?: number;
  /** The header of the time's column. */
  at?: string;
}

/** A row's call id ('' for none). */
export function idOf(cells: Cells, cols: LegColumns): string {
  const id = cols.id;
  return id === undefined ? '' : cells.text(id.more === undefined ? id.col : firstFilled(cells, id.col, id.more));
}

/** A row's calling channel, where it is a name unique to a call ('' for none). */
export function channelCell(cells: Cells, cols: LegColumns): string {
  return cols.channel === undefined ? '' : channelOf(cells.text(cols.channel));
}
