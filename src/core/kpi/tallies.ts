// The accumulators of the KPI engine, by metric family: deals (counts, amounts, cycles, responses,
// touches, loss reasons), activities (calls, e-mails, meetings, talk time, active days, callbacks)
// and payments. An engine keeps one of each per manager and one per group of every `--by` grouping;
// the department's deals and payments have their own, its activities are the managers' summed.
import { FloatList } from './time-index.js';
import { MoneySum } from './stats.js';
import type { LinkedActivity } from './link.js';

/** A set of calendar days (whole days since 1970) as a growable bitmap: one bit a day. */
export class DaySet {
  private bits = new Uint32Array(0);
  private base = 0;
  size = 0;

  add(day: number): void {
    let i = day - this.base;
    if (i < 0 || i >= this.bits.length * 32) {
      this.grow(day);
      i = day - this.base;
    }
    const w = i >>> 5;
    const m = 1 << (i & 31);
    if ((this.bits[w]! & m) === 0) {
      this.bits[w]! |= m;
      this.size++;
    }
  }

  /** Its days, to merge into another set. */
  data(): { base: number; bits: Uint32Array<ArrayBuffer> } {
    return { base: this.base, bits: this.bits.slice() };
  }

  /** Adds every day of another set. */
  absorb(d: { base: number; bits: Uint32Array }): void {
    for (let w = 0; w < d.bits.length; w++) {
      const word = d.bits[w]!;
      if (word === 0) continue;
      for (let b = 0; b < 32; b++) if ((word >>> b) & 1) this.add(d.base + w * 32 + b);
    }
  }

  private grow(day: number): void {
    const words = this.bits.length;
    const lo = words === 0 ? day - 512 : Math.min(this.base, day - 512);
    const hi = words === 0 ? day + 512 : Math.max(this.base + words * 32, day + 512);
    const base = Math.floor(lo / 32) * 32;
    const next = new Uint32Array(Math.ceil((hi - base) / 32) + 1);
    if (words > 0) next.set(this.bits, (this.base - base) / 32);
    this.bits = next;
    this.base = base;
  }
}

/**
 * Sums by calendar day (whole days since 1970) in a growable array: one double a day, from the first
 * day with talk, grown by doubling. An index and an add a call (no Map per row), exact whatever the
 * order of the rows, and two halves of a file add up (a day split across them is summed).
 */
export class DaySums {
  private sums: Float64Array<ArrayBuffer> | undefined;
  private base = 0;
  /**
   * The days outside the array's span once it would pass MAX_SPAN_DAYS (a 1901 date beside 2025's): by
   * day in a Map, so that a file of thousands of managers with such dates holds no array of decades each.
   */
  private far: Map<number, number> | undefined;

  add(day: number, v: number): void {
    let i = day - this.base;
    if (this.sums === undefined || i < 0 || i >= this.sums.length) {
      if (!this.grow(day)) {
        this.far ??= new Map();
        this.far.set(day, (this.far.get(day) ?? 0) + v);
        return;
      }
      i = day - this.base;
    }
    this.sums![i]! += v;
  }

  /** The day of the largest sum and the sum (the earliest of equal ones); undefined when nothing was added. */
  max(): { day: number; sum: number } | undefined {
    const s = this.sums;
    if (s === undefined) return undefined;
    let best: { day: number; sum: number } | undefined;
    for (let i = 0; i < s.length; i++) if (s[i]! > 0 && (best === undefined || s[i]! > best.sum)) best = { day: this.base + i, sum: s[i]! };
    for (const [day, sum] of this.far ?? []) if (sum > 0 && (best === undefined || sum > best.sum || (sum === best.sum && day < best.day))) best = { day, sum };
    return best;
  }

  data(): { base: number; sums: Float64Array<ArrayBuffer> | undefined; far?: Array<[number, number]> } {
    return { base: this.base, sums: this.sums?.slice(), ...(this.far ? { far: [...this.far] } : {}) };
  }

  absorb(d: { base: number; sums: Float64Array | undefined; far?: Array<[number, number]> }): void {
    if (d.sums !== undefined) for (let i = 0; i < d.sums.length; i++) if (d.sums[i] !== 0) this.add(d.base + i, d.sums[i]!);
    for (const [day, sum] of d.far ?? []) this.add(day, sum);
  }

  /** Makes the array hold `day`; false when that would make it span more than MAX_SPAN_DAYS. */
  private grow(day: number): boolean {
    const old = this.sums;
    if (old === undefined) {
      this.base = day - 16;
      this.sums = new Float64Array(64);
      return true;
    }
    const lo = Math.min(this.base, day);
    const hi = Math.max(this.base + old.length, day + 1);
    if (hi - lo > MAX_SPAN_DAYS) return false;
    let size = old.length * 2;
    while (size < hi - lo) size *= 2;
    // Room on the side it grew to: rows in time order grow it forward, a few times in a year.
    const base = day < this.base ? hi - size : lo;
    const next = new Float64Array(size);
    next.set(old, this.base - base);
    this.sums = next;
    this.base = base;
    return true;
  }
}

/** The most days a DaySums array spans (about eleven years, 32 KB): days beyond go to its Map. */
const MAX_SPAN_DAYS = 4096;

/** Per-manager counters for activities in the period. */
export class ActivityTally {
  activities = 0;
  callsOut = 0;
  callsIn = 0;
  callsMissed = 0;
  emails = 0;
  meetings = 0;
  messages = 0;
  /**
   * Talk time in whole milliseconds (talkMs): integer sums are exact, so row order cannot change
   * them. In a typed array, not a field: a field's sum passed 2^31 ms after 25 days of talk, and the
   * optimized KpiEngine.addLinked, which had added small integers, was thrown away and compiled again
   * (once on each thread of the benchmark); a Float64Array's element is added as a double from the start.
   */
  private readonly talk = new Float64Array(1);
  /** Talk time by calendar day (ms): a day of more than 24 hours is a duration column misread (talk-over-day). */
  readonly talkDays = new DaySums();
  days = new DaySet();
  missedWithKey = 0;
  calledBack = 0;

  get talkMs(): number {
    return this.talk[0]!;
  }

  /** Adds to the talk time (whole milliseconds), and to its day's when given. */
  addTalk(ms: number, day?: number): void {
    this.talk[0]! += ms;
    if (day !== undefined) this.talkDays.add(day, ms);
  }

  data(): TallyData {
    const { days, talk, talkDays, ...counts } = this;
    return { ...counts, talkMs: talk[0]!, days: days.data(), talkDays: talkDays.data() };
  }

  /** The tallies together (the department's: every activity of the period is one manager's). */
  static sum(tallies: ReadonlyArray<ActivityTally | undefined>): ActivityTally {
    const all = new ActivityTally();
    for (const t of tallies) if (t) all.absorb(t.data());
    return all;
  }

  absorb(d: TallyData): void {
    this.activities += d.activities;
    this.callsOut += d.callsOut;
    this.callsIn += d.callsIn;
    this.callsMissed += d.callsMissed;
    this.emails += d.emails;
    this.meetings += d.meetings;
    this.messages += d.messages;
    this.addTalk(d.talkMs);
    this.talkDays.absorb(d.talkDays);
    this.missedWithKey += d.missedWithKey;
    this.calledBack += d.calledBack;
    this.days.absorb(d.days);
  }
}

/** An activity tally as plain data. */
export interface TallyData {
  activities: number;
  callsOut: number;
  callsIn: number;
  callsMissed: number;
  emails: number;
  meetings: number;
  messages: number;
  talkMs: number;
  missedWithKey: number;
  calledBack: number;
  days: { base: number; bits: Uint32Array };
  talkDays: { base: number; sums: Float64Array | undefined; far?: Array<[number, number]> };
}

/** Counts one activity of the period in a tally. */
export function countActivity(t: ActivityTally, a: LinkedActivity, isCall: boolean, day: number): void {
  t.activities++;
  t.days.add(day);
  if (isCall) {
    if (a.direction === 'out') t.callsOut++;
    else if (a.direction === 'in') t.callsIn++;
    if (a.missed) t.callsMissed++;
    else if (a.duration_s !== null) t.addTalk(Math.round(a.duration_s * 1000), day);
  } else if (a.kind === 'email') t.emails++;
  else if (a.kind === 'meeting') t.meetings++;
  else if (a.kind === 'message') t.messages++;
}

/** Invoiced and paid sums of a manager or the department. */
export interface PaymentSums {
  invoiced: MoneySum;
  paid: MoneySum;
}

/** Per-manager counters for deals in the period. */
export class DealTally {
  leads = 0;
  won = 0;
  lost = 0;
  open = 0;
  /** Amounts of won deals (with one), in cents. */
  amounts = new MoneySum();
  cycles: FloatList;
  responses: FloatList;
  touchSum = 0;
  belowNorm = 0;
  noResponse = 0;
  repeatWon = 0;
  /** Ages in days of open deals at the export date (groupings by stage only). */
  ages = new FloatList(4);
  /** Lost deals per loss-reason key of the store. */
  reasons = new Map<number, number>();

  /**
   * The department's counts: its managers' added (every deal of the period is one manager's). The
   * lists of cycles and response times stay empty: the department's are its managers' (FloatList.union).
   */
  static sum(tallies: readonly DealTally[]): DealTally {
    const all = new DealTally();
    for (const t of tallies) {
      all.leads += t.leads;
      all.won += t.won;
      all.lost += t.lost;
      all.open += t.open;
      all.amounts.absorb(t.amounts);
      all.touchSum += t.touchSum;
      all.belowNorm += t.belowNorm;
      all.noResponse += t.noResponse;
      all.repeatWon += t.repeatWon;
      for (const [reason, n] of t.reasons) all.reasons.set(reason, (all.reasons.get(reason) ?? 0) + n);
    }
    return all;
  }

  /** `room`: how many cycles (won deals) and response times (deals) it will hold at most, when known. */
  constructor(room?: { won: number; deals: number }) {
    this.cycles = new FloatList(room ? Math.max(room.won, 1) : 16);
    this.responses = new FloatList(room ? Math.max(room.deals, 1) : 16);
  }
}

/** Empty payment sums. */
export function noPayments(): PaymentSums {
  return { invoiced: new MoneySum(), paid: new MoneySum() };
}
