import type { Activity } from '../records.js';
import { ByteKeys } from './byte-keys.js';
import type { DealStore } from './deal-store.js';
import { KeyBatch, type KeySink } from './key-batch.js';

/** An activity with its manager, deal and client resolved to keys of the deal store. */
export interface LinkedActivity {
  manager: number;
  at: number;
  kind: Activity['kind'];
  direction: Activity['direction'];
  missed: boolean;
  duration_s: number | null;
  /** -1 without a deal id; below store.size the deal; from store.size up a deal id no deal has. */
  deal: number;
  /** The client's key in store.clients; 0 without a client. */
  client: number;
  /**
   * The other deals of a cell that lists several (HubSpot's «Associated Deal IDs» «1;5»), each a deal
   * below store.size: the activity is each one's touch and response too, and counted once (its manager's).
   */
  also?: readonly number[];
}

/** No other deal (LinkedActivity.also). */
export const NO_OTHER_DEALS: readonly number[] = [];

/**
 * A LinkedActivity of a class of its own, as the records a reader gives and HeldActivities keeps
 * are: an object literal's hidden class is shared by every literal that begins with the same
 * names, and one that began `{ manager, at }` with something other than a number at `at` had made
 * `at` a field of any value there, where each time stored was a new heap number (--trace-generalization).
 * On the benchmark, the main thread's allocations (sampled, collected ones included) lost the 42 MB
 * readActivity made, and the worker's scavenges fell from 64 to 24.
 */
export class ActivityRecord implements LinkedActivity {
  manager = 0;
  at = 0;
  kind: Activity['kind'] = 'call';
  direction: Activity['direction'] = '';
  missed = false;
  duration_s: number | null = null;
  deal = -1;
  client = 0;
  also: readonly number[] = NO_OTHER_DEALS;
}

/**
 * Resolves activities to deal-store keys, once for every engine fed by one pass. Deal ids that match
 * no deal get keys after the deals (callbacks still pair calls of the same unknown deal).
 */
export class ActivityLinker {
  private readonly unknown = new ByteKeys();

  /**
   * @param allClients false when only the engine reads the links: then an activity's client is
   *   resolved only where a metric can use it (no deal id, or an outgoing or missed call), which
   *   saves a lookup for most e-mails, meetings and answered calls.
   */
  constructor(
    readonly store: DealStore,
    readonly allClients = true,
  ) {
    // The deals are all read before any activity: whole-number ids are indexed by value from now on.
    store.ids.indexByValue();
  }

  /** The activities held while their clients wait in a batch (hold()), while a file is read. */
  private held: HeldActivities | undefined;

  /** Where a reader interns an activity's client: into a batch while activities are held, else into the store's clients. */
  get clients(): KeySink {
    return this.held?.clients ?? this.store.clients;
  }

  /**
   * From now on, clients are interned in batches (clients gives placeholders), and an activity with a
   * placeholder is held until its batch is interned: give it to the returned HeldActivities, which
   * gives every activity on to `give`. release() ends it.
   */
  hold(give: (a: LinkedActivity) => void): HeldActivities {
    if (this.held) throw new Error('activities are held already');
    this.held = new HeldActivities(this.store, give);
    return this.held;
  }

  /** Interns the clients still held (the activities not given on: a read that failed) and interns one by one again. */
  release(): void {
    this.held?.drop();
    this.held = undefined;
  }

  /** Whether an activity with a deal id was linked: the engines then link by deal id only. */
  private dealIds = false;

  /**
   * Whether the client of an activity with this deal key, kind, direction and missed flag is used:
   * for callbacks (outgoing and missed calls), and for linking by client while no activity of the
   * file has shown a deal id (once one has, activities without one are linked to no deal).
   */
  needsClient(deal: number, kind: Activity['kind'], direction: Activity['direction'], missed: boolean): boolean {
    if (deal >= 0) this.dealIds = true;
    return this.allClients || (deal < 0 && !this.dealIds) || (kind === 'call' && (direction === 'out' || missed));
  }

  /** The key of a deal id given as text ('' for none). */
  dealKey(id: string): number {
    if (id === '') return -1;
    const d = this.store.find(id) ?? (ZERO_FRACTION.test(id) ? this.store.find(id.slice(0, id.indexOf('.'))) : undefined);
    return d !== undefined ? d : this.store.size + this.unknown.internText(id);
  }

  /** The deal found last by dealKeyBytes: exports often list a deal's activities together. */
  private lastDeal = -1;

  /** The key of a deal id given as UTF-8 bytes, or undefined when only its text can tell (deal titles). */
  dealKeyBytes(buf: Uint8Array, start: number, end: number): number | undefined {
    const ids = this.store.ids;
    if (this.lastDeal >= 0 && ids.equals(this.lastDeal, buf, start, end)) return this.lastDeal;
    const d = ids.find(buf, start, end);
    if (d >= 0) return (this.lastDeal = d);
    // A whole number written with a zero fraction (`104.0`: a script's float column, a text cell of a workbook) is that number's deal.
    const whole = wholeEnd(buf, start, end);
    if (whole > start) {
      const w = ids.find(buf, start, whole);
      if (w >= 0) return w;
    }
    // A Salesforce id in its other form (15 or 18 characters): looked up only once its own form failed.
    const other = this.store.findOtherFormBytes(buf, start, end);
    if (other >= 0) return other;
    if (this.store.hasNames) return undefined;
    return this.store.size + this.unknown.intern(buf, start, end);
  }

  /** Deal ids that matched no deal, in key order (key = store.size + index). */
  get unknownIds(): ByteKeys {
    return this.unknown;
  }

  /** The key of a deal id no deal has, given as the UTF-8 bytes buf[start, end) (merging another thread's keys). */
  unknownKey(buf: Uint8Array, start: number, end: number): number {
    return this.store.size + this.unknown.intern(buf, start, end);
  }

  /** The canonical record again (tests, the programmatic API): ids and clients as text. */
  unlink(a: LinkedActivity): Activity {
    const n = this.store.size;
    return {
      manager: this.store.managers.values[a.manager]!,
      at: a.at,
      kind: a.kind,
      direction: a.direction,
      missed: a.missed,
      duration_s: a.duration_s,
      deal_id: a.deal < 0 ? '' : a.deal < n ? this.store.idOf(a.deal) : this.unknown.text(a.deal - n),
      client: this.store.clients.text(a.client),
    };
  }

  link(a: Activity): LinkedActivity {
    const deal = this.dealKey(a.deal_id);
    return {
      manager: this.store.managers.id(a.manager),
      at: a.at,
      kind: a.kind,
      direction: a.direction,
      missed: a.missed,
      duration_s: a.duration_s,
      deal,
      client: a.client === '' || !this.needsClient(deal, a.kind, a.direction, a.missed) ? 0 : this.store.clients.internText(a.client),
    };
  }
}

/**
 * Activities whose client waits in a batch (KeyBatch) to be interned with others. The client of an
 * activity that is not its deal's (every activity without a deal id: a call log, the tail of a CRM's
 * export) is looked up in a table of up to a million clients, each lookup waiting for memory. Such an
 * activity is copied and held with a placeholder for its client; when the batch is full its clients
 * are interned (the numbers interning them one by one gives) and the held activities are given on, in
 * their order. The engines take activities in any order.
 */
export class HeldActivities {
  readonly clients: KeyBatch;
  private readonly rows: LinkedActivity[] = [];
  private count = 0;

  constructor(
    store: DealStore,
    private readonly give: (a: LinkedActivity) => void,
  ) {
    this.clients = new KeyBatch(
      () => store.clients,
      (at, key) => (this.rows[at]!.client = key),
    );
  }

  /**
   * Gives an activity on, or holds a copy of it while its client is a placeholder. A reader interns at
   * most one client a row (its placeholder is placed here before the next): a batch then never holds
   * more keys than held activities, and interns itself only when flush() asks.
   */
  add(a: LinkedActivity): void {
    if (a.client < KeyBatch.LATER) return this.give(a);
    const i = this.count++;
    // The reader's record is its next row's too: copied into one of the held records (kept for the next batch).
    if (i < this.rows.length) Object.assign(this.rows[i]!, a);
    else this.rows.push(Object.assign(new ActivityRecord(), a));
    this.clients.place(a.client, i);
    if (this.count === KeyBatch.SIZE) this.flush();
  }

  /** Interns the clients held and gives their activities on (at the end of a file). */
  flush(): void {
    this.clients.flush();
    for (let i = 0; i < this.count; i++) this.give(this.rows[i]!);
    this.count = 0;
  }

  /** Interns the clients held, giving nothing on. */
  drop(): void {
    this.clients.flush();
    this.count = 0;
  }
}

/** A whole number written with a zero fraction: `104.0`, `104.00` (tester T49 F10: calls on deal «104.0» linked to none). */
const ZERO_FRACTION = /^\d+\.0+$/;

/** Where the digits of `digits.0…` end in buf[start, end) (the dot's place), or `start` where the bytes are no such number. */
function wholeEnd(buf: Uint8Array, start: number, end: number): number {
  let i = end - 1;
  while (i > start && buf[i] === 0x30) i--;
  if (i === end - 1 || i <= start || buf[i] !== 0x2e) return start;
  for (let j = start; j < i; j++) if (buf[j]! < 0x30 || buf[j]! > 0x39) return start;
  return i;
}

