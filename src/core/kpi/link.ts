import type { Activity } from '../records.js';
import { ByteKeys } from './byte-keys.js';
import type { DealStore } from './deal-store.js';

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
    const d = this.store.find(id);
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
