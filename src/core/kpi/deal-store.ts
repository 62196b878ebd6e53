import type { Deal, DealStatus } from '../records.js';
import { ByteKeys, type ByteKeysData, type ByteKeysLoan } from './byte-keys.js';
import { compareIds, detach, Interner } from './ids.js';
import { otherSalesforceForm } from './salesforce-ids.js';
import { KeyBatch } from './key-batch.js';

/** What a worker thread needs of a store to link activities: ids, clients, managers, times, titles. */
export interface DealSnapshot {
  ids: ByteKeysData;
  clients: ByteKeysData;
  managers: string[];
  created: Float64Array;
  closed: Float64Array;
  client: Uint32Array;
  /** Source and pipeline label keys, for groupings by them (`--by`). */
  source: Uint32Array;
  pipeline: Uint32Array;
  names: string[] | undefined;
  /** The deals' other client keys (DealStore.links). */
  links?: DealLinks;
  /** DealStore.recordClients. */
  recordClients?: true;
}

/**
 * Other keys a deal's client goes by besides its own (store.client): the contact of a company's deal,
 * the contact's phone numbers. An activity whose client is one of them links to the deal by client
 * and time as by its client (pairs: deal[k] goes by key[k]).
 */
export interface DealLinks {
  deal: Int32Array;
  key: Int32Array;
}

/** A whole store as plain data (from a worker thread that read part of a deals file). */
export interface DealStoreData {
  ids: ByteKeysData;
  clients: ByteKeysData;
  managers: string[];
  reasons: string[];
  labels: string[];
  created: Float64Array;
  closed: Float64Array;
  amount: Float64Array;
  status: Uint8Array;
  manager: Uint32Array;
  client: Uint32Array;
  reason: Uint32Array;
  stage: Uint32Array;
  pipeline: Uint32Array;
  source: Uint32Array;
  product: Uint8Array;
  names: string[] | undefined;
  merged: number;
  /** Of the merged rows, the product rows (DealStore.productRows). */
  productRows?: number;
  /** The deals with product rows and what their rows said, for the whole file's reading (DealStore.settleProducts). */
  products?: ProductRowsData;
  /** Of the merged rows, those with another manager or status than their deal's first row, and one such id. */
  differing?: { rows: number; id: string };
  /** The row of another store where these columns are, in its memory (a store over its lent columns: DealStore.over). */
  inPlace?: number;
}

/**
 * The deals whose product rows carried an amount (by their keys in the store): the first row's amount
 * and the rows' sum; and what decides, once for the whole file, whether a product row's amount is the
 * deal's total repeated or the product's share (DealStore.settleProducts).
 */
export interface ProductRowsData {
  keys: Int32Array;
  first: Float64Array;
  sum: Float64Array;
  /** Some deal's product rows carried different amounts: each is a product's share. */
  differ: boolean;
  /** Product rows whose amount is their own price × quantity: a product's share. */
  lineTotals: number;
}

/** How a file's product rows were read: their amounts added up, or one deal total repeated on each row, counted once. */
export type ProductReading = 'sum' | 'total';

/** A store's data without its clients (which a worker thread adds to the other store itself: addClients). */
export type DealColumns = Omit<DealStoreData, 'clients'>;

/** What addIds did: each deal's key (-1 - k when it repeats deal k), and the ids' new size and bytes in use. */
export interface IdsAdded {
  slots: Int32Array;
  size: number;
  used: number;
}

/**
 * Adds another store's ids to lent ids (DealStore.lendIds), as if its rows came next: each gets
 * the next key, or repeats an id there (first row wins). Undefined, adding nothing, when
 * `sumRepeats` and an id repeats (amounts must then be summed in row order). Undefined as well when
 * the ids did not fit the room lent (lendIds was told fewer ids or bytes than there are): the lent
 * arrays may then hold some of them, which the owner never takes, and the owner is not to be used
 * again (the file is read again into a new store).
 */
export function addIds(loan: ByteKeysLoan, theirs: ByteKeysData, sumRepeats: boolean): IdsAdded | undefined {
  const ids = ByteKeys.borrow(loan);
  const { arena, starts } = theirs;
  if (sumRepeats) for (let i = 0; i < theirs.size; i++) if (ids.find(arena, starts[i]!, starts[i + 1]!) >= 0) return undefined;
  const before = ids.size;
  const slots = ids.internAll(theirs);
  if (!ids.kept(loan)) return undefined;
  // Their ids are distinct among themselves: a key found below `before` is a deal of this store.
  for (let i = 0; i < slots.length; i++) if (slots[i]! < before) slots[i] = -1 - slots[i]!;
  return { slots, size: ids.size, used: ids.lend().used };
}

/** The least and the greatest of whole-number ids. */
interface IdRange {
  min: number;
  max: number;
}

/** The range of ids indexed by value (undefined for others: a range would not help to add them). */
function idRange(ids: ByteKeysData): IdRange | undefined {
  return ids.byValue && ids.size > 0 ? { min: ids.byValue.min, max: ids.byValue.max } : undefined;
}

/** What addClients did: the key here of each of their clients, and the clients' arrays as they ended (DealStore.settleClients). */
export interface ClientsAdded {
  keys: Int32Array;
  loan: ByteKeysLoan;
}

/**
 * Adds another store's clients to lent clients (DealStore.lendClients), in their order, which is
 * the order a read in one pass meets them in: each gets the key of the same name here, or the next
 * one. Arrays without room enough grow (in shared memory when the lent ones are there). Runs on the
 * thread that read the other store while the owner adds its ids and columns.
 */
export function addClients(loan: ByteKeysLoan, theirs: ByteKeysData): ClientsAdded {
  const clients = ByteKeys.borrow(loan);
  return { keys: clients.internAll(theirs), loan: clients.lend() };
}

/** `to[at + i] = keys[from[i]]` for the first n of `from`: another store's interned names as this one's. */
function mapInto(to: Uint32Array, at: number, from: Uint32Array, n: number, keys: number[]): void {
  for (let i = 0; i < n; i++) to[at + i] = keys[from[i]!]!;
}

/**
 * What a row repeating a deal's id adds to the deal (spec: the first row's fields win, but a Bitrix24
 * export's product rows sum their amounts): `first` nothing; `sum` its amount, every repeat being a
 * product row (a recognised Bitrix24 export with a product column); `named` its amount when it and
 * an earlier row of the deal both name a product, else nothing (a file no profile recognises, with a product
 * column: amoCRM's standard export has one, often empty, and two overlapping exports joined repeat
 * their ids without being product rows).
 */
export type Repeats = 'first' | 'sum' | 'named';

/** A deal without its id and client, which the store keeps as interned keys. */
export type DealFields = Omit<Deal, 'id' | 'client'>;

export const STATUS_CODE: Record<DealStatus, number> = { open: 0, won: 1, lost: 2 };

/** A deal's fields as the store's own keys (the importer's byte path): NaN for no date or amount. */
export interface DealCodes {
  manager: number;
  created: number;
  closed: number;
  status: number;
  amount: number;
  reason: number;
  stage: number;
  pipeline: number;
  source: number;
  /** 1 when the row names a product (absent: 0). */
  product?: number;
  /** 1 when the row's amount is its price × quantity, 2 when it is not, 0 (absent) when the file or the row has no price and quantity. */
  lineTotal?: number;
}
export const STATUS_NAMES: DealStatus[] = ['open', 'won', 'lost'];

/** Bytes reserved per deal for its id (a CRM's ids are mostly up to 12 characters; longer ones grow the arena). */
const RESERVED_ID_BYTES = 12;
/** Bytes reserved per client name (the arena grows past them). */
const RESERVED_CLIENT_BYTES = 24;

type ColumnName = 'created' | 'closed' | 'amount' | 'status' | 'manager' | 'client' | 'reason' | 'stage' | 'pipeline' | 'source' | 'product';

/** The columns of a store from one of its rows on, lent to another thread's store to write its deals in (DealStore.lendTail). */
export interface DealColumnsLoan {
  /** The lending store's row where they begin. */
  from: number;
  columns: Record<ColumnName, Float64Array | Uint32Array | Uint8Array>;
}

/**
 * The store's columns, their types, and whether a worker thread reads them: share() moves those to
 * shared memory. A store reserved in shared memory keeps every column there (a worker thread
 * writes the deals of the rest of a file in place: lendTail).
 */
const COLUMNS: ReadonlyArray<{ name: ColumnName; type: Float64ArrayConstructor | Uint32ArrayConstructor | Uint8ArrayConstructor; shared: boolean }> = [
  { name: 'created', type: Float64Array, shared: true },
  { name: 'closed', type: Float64Array, shared: true },
  { name: 'amount', type: Float64Array, shared: false },
  { name: 'client', type: Uint32Array, shared: true },
  { name: 'pipeline', type: Uint32Array, shared: true },
  { name: 'source', type: Uint32Array, shared: true },
  { name: 'manager', type: Uint32Array, shared: false },
  { name: 'reason', type: Uint32Array, shared: false },
  { name: 'stage', type: Uint32Array, shared: false },
  { name: 'status', type: Uint8Array, shared: false },
  { name: 'product', type: Uint8Array, shared: false },
];

/**
 * Deals in columns (typed arrays and interned strings), so that a million deals take tens of
 * megabytes, not hundreds. Rows repeating an id merge as the spec says: the first row wins, except
 * Bitrix24 product rows, whose amounts are summed.
 */
export class DealStore {
  readonly managers: Interner;
  /** Client names as UTF-8 keys; index 0 is the empty client. */
  readonly clients = new ByteKeys();
  readonly reasons = new Interner();
  /** Stage, pipeline and source names (few distinct values). */
  readonly labels = new Interner();
  /** Deal ids as UTF-8 keys: key i is deal i; whole numbers close together are indexed by value. */
  readonly ids = new ByteKeys(true);
  names: string[] | undefined;
  /**
   * Whether the deals name their clients as CRM records by number («company 5»: a profile's clientIds,
   * Bitrix24 REST's COMPANY_ID): a call bound to such a record is then keyed by it before its phone number.
   */
  recordClients = false;
  private byName: { unique: Map<string, number>; shared: Set<string> } | undefined;
  /** The deals' other client keys (see DealLinks), in pairs; none until a deal has one. */
  private linked: { deal: number[]; key: number[] } | undefined;
  created: Float64Array = new Float64Array(1024);
  closed: Float64Array = new Float64Array(1024);
  amount: Float64Array = new Float64Array(1024);
  status = new Uint8Array(1024);
  manager: Uint32Array = new Uint32Array(1024);
  client: Uint32Array = new Uint32Array(1024);
  reason: Uint32Array = new Uint32Array(1024);
  stage: Uint32Array = new Uint32Array(1024);
  pipeline: Uint32Array = new Uint32Array(1024);
  source: Uint32Array = new Uint32Array(1024);
  /** 1 when any row of the deal names a product. */
  product = new Uint8Array(1024);
  /** Rows merged into an earlier row with the same id. */
  merged = 0;
  /** Of those, the product rows, whose amounts were summed into their deal's (see Repeats); the others kept their deal's first row. */
  productRows = 0;
  /**
   * Of those, the rows whose manager or status differ from the kept row's (another deal under a
   * repeated id, not a product row), and the earliest such deal (the lowest key: the same whether
   * the file was read whole or in halves): said, since the row is not counted.
   */
  private differ: { rows: number; key: number } | undefined;

  /** The merged rows that differ from their deal's kept row, and the id of the earliest such deal. */
  get differing(): { rows: number; id: string } | undefined {
    return this.differ && { rows: this.differ.rows, id: this.idOf(this.differ.key) };
  }
  /** Whether the ids and the columns live in shared memory (see reserve). */
  private inSharedMemory = false;
  /** While the columns from row `from` on are lent (lendTail): the columns at their whole length. */
  private tail: { from: number; whole: Record<ColumnName, Float64Array | Uint32Array | Uint8Array> } | undefined;
  /** A store over another's lent columns (over()): the row of that store where its deals are, until its own columns move. */
  private lentFrom: number | undefined;

  /**
   * The clients of the deals being read, interned in batches (KeyBatch: the table's lookups read
   * ahead): a deals reader interns into it, put() places each deal's, and flushClients() finishes
   * before anything reads the client column or the clients.
   */
  readonly clientsLater = new KeyBatch(
    () => this.clients,
    (at, key) => {
      this.client[at] = key;
    },
  );

  constructor(managers: Interner = new Interner()) {
    this.managers = managers;
    this.clients.internText('');
  }

  /** Interns the clients still held in clientsLater (at the end of a deals file). */
  flushClients(): void {
    this.clientsLater.flush();
  }

  /**
   * What linking activities needs, for a worker thread: ids, times and clients moved into shared
   * memory (this store then reads them there too). No deal may be added afterwards; clients may.
   */
  share(): DealSnapshot {
    // Ids and times are read by both threads in shared memory, without a copy: no deal is added
    // after this (a store reserved in shared memory is there already; another is moved there once).
    // Each thread adds the new clients it meets to its own arrays (the worker's over these).
    const n = this.size;
    if (!this.inSharedMemory) {
      // The columns COLUMNS marks shared, each copied once into shared memory.
      const columns = this as unknown as Record<ColumnName, Float64Array | Uint32Array | Uint8Array>;
      for (const c of COLUMNS.filter((x) => x.shared)) {
        const view = new c.type(new SharedArrayBuffer(n * c.type.BYTES_PER_ELEMENT) as unknown as ArrayBuffer);
        view.set(columns[c.name].subarray(0, n));
        columns[c.name] = view;
      }
    }
    return {
      ids: this.ids.share(),
      // In shared memory (kept there since reserve(), else moved there now), for the worker thread to
      // read in place under the clients it adds (ByteKeys.layered): a copy was 20-30 MB at the peak.
      clients: this.clients.share(),
      managers: [...this.managers.values],
      created: this.created.subarray(0, n),
      closed: this.closed.subarray(0, n),
      client: this.client.subarray(0, n),
      source: this.source.subarray(0, n),
      pipeline: this.pipeline.subarray(0, n),
      names: this.names ? [...this.names] : undefined,
      ...(this.linked ? { links: this.links()! } : {}),
      ...(this.recordClients ? { recordClients: true as const } : {}),
    };
  }

  /**
   * The whole store as plain data: views of its own arrays, no copies, for their buffers to be moved
   * to another thread (which frees them here at once). The store is not used afterwards.
   */
  release(): DealStoreData {
    const n = this.size;
    return {
      ids: this.ids.release(),
      clients: this.clients.release(),
      managers: [...this.managers.values],
      reasons: [...this.reasons.values],
      labels: [...this.labels.values],
      created: this.created.subarray(0, n),
      closed: this.closed.subarray(0, n),
      amount: this.amount.subarray(0, n),
      status: this.status.subarray(0, n),
      manager: this.manager.subarray(0, n),
      client: this.client.subarray(0, n),
      reason: this.reason.subarray(0, n),
      stage: this.stage.subarray(0, n),
      pipeline: this.pipeline.subarray(0, n),
      source: this.source.subarray(0, n),
      product: this.product.subarray(0, n),
      names: this.names ? Array.from({ length: n }, (_, i) => this.names![i] ?? '') : undefined,
      merged: this.merged,
      ...(this.productRows > 0 ? { productRows: this.productRows } : {}),
      ...(this.repeats && this.repeats.size > 0 ? { products: this.productsData()! } : {}),
      ...(this.differing ? { differing: this.differing } : {}),
      ...(this.lentFrom !== undefined ? { inPlace: this.lentFrom } : {}),
    };
  }

  /**
   * Lends the columns from row `from` on, reserved in shared memory, for a store on another thread
   * to write the deals of the rest of the file there (over()): absorbing them is then a move within
   * memory already in use, not a copy into memory the system maps page by page. This store's own
   * rows stop short of them: at more rows than `from`, its columns move (resize) and the lent ones
   * stay the other store's. Undefined when the columns are not in shared memory or have no room past `from`.
   */
  lendTail(from: number): DealColumnsLoan | undefined {
    if (!this.inSharedMemory || this.tail || from < this.size || from >= this.created.length) return undefined;
    const columns = this as unknown as Record<ColumnName, Float64Array | Uint32Array | Uint8Array>;
    const whole = {} as Record<ColumnName, Float64Array | Uint32Array | Uint8Array>;
    const lent = {} as Record<ColumnName, Float64Array | Uint32Array | Uint8Array>;
    for (const { name } of COLUMNS) {
      whole[name] = columns[name];
      lent[name] = columns[name].subarray(from);
      columns[name] = columns[name].subarray(0, from);
    }
    this.tail = { from, whole };
    return { from, columns: lent };
  }

  /**
   * Ends a loan (lendTail): the columns at their whole length again, with the lent rows as the other
   * store wrote them. False when nothing was lent or the columns have moved since (resize).
   */
  reclaimTail(): boolean {
    const tail = this.tail;
    this.tail = undefined;
    if (tail) Object.assign(this, tail.whole);
    return tail !== undefined;
  }

  /** A store whose columns are another's lent ones (lendTail), to add deals to (its ids, clients and names are its own). */
  static over(loan: DealColumnsLoan): DealStore {
    const store = new DealStore();
    Object.assign(store, loan.columns);
    store.lentFrom = loan.from;
    return store;
  }

  /**
   * Appends the deals of a store read from the rest of the same file, as if its rows had come next:
   * an id already here keeps this store's deal (first row wins). Returns false, changing nothing,
   * when such a repeat may sum amounts (`sumRepeats`: Repeats other than `first`): that sum must run
   * in row order, so the caller reads the file in one pass instead. In steps that two threads can share: the ids (addIds,
   * over the arrays lendIds gives) and then the columns on one, the clients (addClients, over the
   * arrays lendClients gives) on the other, and last the client column (absorbClients).
   */
  absorb(d: DealStoreData, sumRepeats: boolean): boolean {
    const slots = this.absorbDeals(d, sumRepeats);
    if (!slots) return false;
    this.absorbClientsOf(d, slots);
    return true;
  }

  /**
   * absorb(), first step: their ids and every column but the client; the keys their deals have
   * here (addIds' slots), or undefined, changing nothing, as absorb() returns false. Another thread
   * may meanwhile add clients to this store (addClients over lendClients).
   */
  absorbDeals(d: DealColumns, sumRepeats: boolean): Int32Array | undefined {
    const ids = addIds(this.lendIds(d.ids), d.ids, sumRepeats);
    if (!ids) return undefined;
    this.settleIds(ids);
    this.absorbColumns(d, ids.slots);
    return ids.slots;
  }

  /** absorb(), second step: their clients, and the client column of their deals at `slots` (absorbDeals). */
  absorbClientsOf(d: DealStoreData, slots: Int32Array): void {
    const clients = addClients(this.lendClients(d.clients.size, d.clients.arena.length), d.clients);
    this.settleClients(clients);
    this.absorbClients(d.client, slots, clients.keys);
  }

  /** Makes room for another store's deals (`theirs`: their ids), and lends the ids' arrays for addIds to add theirs to. */
  lendIds(theirs: ByteKeysData): ByteKeysLoan {
    const n = this.size + theirs.size;
    if (this.created.length < n) this.resize(n);
    this.ids.expectKeys(idRange(theirs), n);
    this.ids.reserve(n, theirs.arena.length);
    return this.ids.lend();
  }

  /** Takes the ids addIds added to the lent arrays. */
  settleIds(added: IdsAdded): void {
    this.ids.settle(added.size, added.used);
  }

  /**
   * Makes room for `n` more clients of `bytes` bytes, and lends the clients' arrays for addClients
   * to add theirs to (on another thread when the store was reserved in shared memory). `sample`:
   * some of them (ByteKeys.sample), to size the table for about as many as are new here, not for
   * all: a table sized for two halves' clients where most repeat was twice as large (16 MB for a
   * million deals).
   */
  lendClients(n: number, bytes: number, sample?: { arena: Uint8Array; starts: Int32Array }): ByteKeysLoan {
    let fresh = n;
    const picked = sample ? sample.starts.length - 1 : 0;
    if (sample && picked > 0) {
      let missing = 0;
      for (let i = 0; i < picked; i++) if (this.clients.find(sample.arena, sample.starts[i]!, sample.starts[i + 1]!) < 0) missing++;
      // A little more than the sample says: growing the table on the other thread costs more than a few slots.
      fresh = Math.min(n, Math.ceil((n * missing) / picked * 1.1) + 1024);
    }
    this.clients.reserve(this.clients.size + fresh, bytes);
    return this.clients.lend();
  }

  /** Takes the clients addClients added to the lent arrays (and the arrays, when they grew). */
  settleClients(added: ClientsAdded): void {
    this.clients.adopt(added.loan);
  }

  /**
   * The columns but the client of another store's deals, at the keys addIds gave their ids
   * (`slots`); a repeat only marks the earlier deal's product.
   */
  absorbColumns(d: DealColumns, slots: Int32Array): void {
    // Columns in shared memory may be this store's own past its rows (a store over them: lendTail):
    // the moves below handle that (each of their rows is read before the row it goes to is written),
    // but a repeated id's row (put) or a later part may overwrite their client keys before
    // absorbClients reads them, so those are copied first.
    if (d.client.buffer instanceof SharedArrayBuffer) d.client = d.client.slice();
    // Their interned names, as keys of this store.
    const managers = d.managers.map((name) => this.managers.id(name));
    const reasons = d.reasons.map((name) => this.reasons.id(name));
    const labels = d.labels.map((name) => this.labels.id(name));
    this.merged += d.merged;
    this.productRows += d.productRows ?? 0;
    const n = slots.length;
    const at = n > 0 ? slots[0]! : 0;
    // Their deals in a row, no id repeated (new keys are given one after another, a repeat is negative).
    if (n > 0 && at >= 0 && slots[n - 1] === at + n - 1) {
      this.created.set(d.created.subarray(0, n), at);
      this.closed.set(d.closed.subarray(0, n), at);
      this.amount.set(d.amount.subarray(0, n), at);
      this.status.set(d.status.subarray(0, n), at);
      this.product.set(d.product.subarray(0, n), at);
      mapInto(this.manager, at, d.manager, n, managers);
      mapInto(this.reason, at, d.reason, n, reasons);
      mapInto(this.stage, at, d.stage, n, labels);
      mapInto(this.pipeline, at, d.pipeline, n, labels);
      mapInto(this.source, at, d.source, n, labels);
    } else this.absorbRows(d, slots, managers, reasons, labels);
    if (d.names) for (let i = 0; i < n; i++) if (slots[i]! >= 0 && d.names[i]) (this.names ??= [])[slots[i]!] = d.names[i]!;
    if (d.products) this.absorbProducts(d.products, slots);
    // Their deal is one of these now: its key here.
    if (d.differing) this.noteDiffering(this.ids.findText(d.differing.id), d.differing.rows);
  }

  /** absorbColumns() row by row, where ids repeat. */
  private absorbRows(d: DealColumns, slots: Int32Array, managers: number[], reasons: number[], labels: number[]): void {
    // Columns in locals: d is a structured-clone copy, whose property reads cost more in a loop.
    const { created, closed, amount, status, manager, reason, stage, pipeline, source, product } = d;
    const row = this.row;
    for (let i = 0; i < slots.length; i++) {
      const k = slots[i]!;
      if (k < 0) {
        this.merged++;
        this.product[-1 - k]! |= product[i]!;
        if (managers[manager[i]!] !== this.manager[-1 - k] || status[i] !== this.status[-1 - k]) this.noteDiffering(-1 - k);
        continue;
      }
      row.created = created[i]!;
      row.closed = closed[i]!;
      row.amount = amount[i]!;
      row.status = status[i]!;
      row.manager = managers[manager[i]!]!;
      row.reason = reasons[reason[i]!]!;
      row.stage = labels[stage[i]!]!;
      row.pipeline = labels[pipeline[i]!]!;
      row.source = labels[source[i]!]!;
      row.product = product[i]!;
      this.put(k, row, 0);
    }
  }

  /** The client column of another store's deals (`client`, by their keys there) at `slots`, mapped by `keys` (addClients). */
  absorbClients(client: Uint32Array, slots: Int32Array, keys: Int32Array): void {
    for (let i = 0; i < slots.length; i++) {
      const k = slots[i]!;
      if (k >= 0) this.client[k] = keys[client[i]!]!;
    }
  }

  /** A store that can link activities, rebuilt from a snapshot (its other columns are empty). */
  static fromSnapshot(s: DealSnapshot): DealStore {
    const managers = new Interner();
    for (const name of s.managers) managers.id(name);
    const store = new DealStore(managers);
    (store as { ids: ByteKeys }).ids = ByteKeys.from(s.ids);
    (store as { clients: ByteKeys }).clients = ByteKeys.layered(s.clients);
    store.created = s.created;
    store.closed = s.closed;
    store.client = s.client;
    store.source = s.source;
    store.pipeline = s.pipeline;
    store.names = s.names;
    store.recordClients = s.recordClients === true;
    if (s.links) store.linked = { deal: Array.from(s.links.deal), key: Array.from(s.links.key) };
    return store;
  }

  get size(): number {
    return this.ids.size;
  }

  /** The id of deal i. */
  idOf(i: number): string {
    return this.ids.text(i);
  }

  /** Adds a deal; a repeated id merges into the first (see Repeats). */
  add(deal: Deal, repeats: Repeats = 'first'): void {
    const codes = { manager: this.managers.find(deal.manager) ?? -1, status: STATUS_CODE[deal.status], amount: deal.amount ?? Number.NaN, product: deal.hasProduct ? 1 : 0 };
    if (this.merge(this.ids.findText(deal.id), codes, repeats)) return;
    this.ids.internText(deal.id);
    this.insert(deal, this.clients.internText(deal.client));
  }

  /**
   * Adds a deal whose fields are already this store's keys and whose id is the UTF-8 bytes
   * buf[start, end) (the importer's byte path: no strings are made). Returns its index, or -1 when
   * the id repeats an earlier deal's and the row was merged into it.
   */
  addCoded(c: DealCodes, buf: Uint8Array, start: number, end: number, client: number, repeats: Repeats = 'first'): number {
    if (this.merge(this.ids.find(buf, start, end), c, repeats)) return -1;
    const i = this.ids.addMissing(buf, start, end);
    this.put(i, c, client);
    return i;
  }

  /** addCoded() for an id given as text. */
  addCodedText(c: DealCodes, id: string, client: number, repeats: Repeats = 'first'): number {
    if (this.merge(this.ids.findText(id), c, repeats)) return -1;
    const i = this.ids.internText(id);
    this.put(i, c, client);
    return i;
  }

  /** Adds other keys deal i's client goes by (DealLinks); byLinks() passes over its own client key among them. */
  addLinks(i: number, keys: readonly number[]): void {
    if (keys.length === 0) return;
    this.linked ??= { deal: [], key: [] };
    for (const k of keys) {
      this.linked.deal.push(i);
      this.linked.key.push(k);
    }
  }

  /** The deals' other client keys (DealLinks), or undefined when no deal has one. */
  links(): DealLinks | undefined {
    return this.linked && { deal: Int32Array.from(this.linked.deal), key: Int32Array.from(this.linked.key) };
  }

  /** Sets the title of deal i (Pipedrive activities name their deal by it). */
  setName(i: number, name: string): void {
    this.names ??= [];
    this.names[i] = detach(name);
  }

  /** The columns of deal i (its id already interned). */
  private put(i: number, c: DealCodes, client: number): void {
    if (i >= this.created.length) this.grow();
    this.created[i] = c.created;
    this.closed[i] = c.closed;
    this.amount[i] = c.amount;
    this.status[i] = c.status;
    this.manager[i] = c.manager;
    this.client[i] = client;
    // A client interned later (clientsLater) is written here then.
    this.clientsLater.place(client, i);
    this.reason[i] = c.reason;
    this.stage[i] = c.stage;
    this.pipeline[i] = c.pipeline;
    this.source[i] = c.source;
    this.product[i] = c.product ?? 0;
  }

  /** One deal's keys, reused by insert() and absorb() on their way to put(). */
  private readonly row: DealCodes = { manager: 0, created: 0, closed: 0, status: 0, amount: 0, reason: 0, stage: 0, pipeline: 0, source: 0, product: 0 };

  /** The amounts of deals whose product rows repeat them: the first row's and their sum (settleProducts picks one for the whole file). */
  private repeats?: Map<number, { first: number; sum: number }>;
  /** What the product rows read so far say of their amounts (ProductRowsData's differ and lineTotals). */
  private productSigns = { differ: false, lineTotals: 0 };

  /**
   * Merges a row repeating the id of deal `seen` (when seen >= 0); true when merged. Product rows
   * (see Repeats) keep both their deal's first amount and the rows' sum: which one the deal has is
   * decided once for the whole file (settleProducts), never deal by deal. Empty amounts are passed
   * over. Any other repeat keeps the first row.
   */
  private merge(seen: number, c: Pick<DealCodes, 'manager' | 'status' | 'amount' | 'product' | 'lineTotal'>, repeats: Repeats): boolean {
    if (seen < 0) return false;
    const amount = Number.isNaN(c.amount) ? null : c.amount;
    this.merged++;
    // Read before this row's product is marked: whether the deal's own rows named one.
    const productRow = repeats === 'sum' || (repeats === 'named' && (c.product ?? 0) !== 0 && this.product[seen] !== 0);
    this.product[seen]! |= c.product ?? 0;
    if (c.manager !== this.manager[seen] || c.status !== this.status[seen]) this.noteDiffering(seen);
    if (productRow) this.productRows++;
    if (productRow && amount !== null) {
      if (c.lineTotal === 1) this.productSigns.lineTotals++;
      this.repeats ??= new Map();
      let r = this.repeats.get(seen);
      if (r === undefined) this.repeats.set(seen, (r = { first: this.amount[seen]!, sum: this.amount[seen]! }));
      r.sum = Number.isNaN(r.sum) ? amount : r.sum + amount;
      if (Number.isNaN(r.first)) r.first = amount;
      else if (amount !== r.first) this.productSigns.differ = true;
      this.amount[seen] = r.sum;
    }
    return true;
  }

  /** The deals with product rows and what their rows said (release(); absorbed by absorbColumns). */
  private productsData(): ProductRowsData | undefined {
    const r = this.repeats;
    if (!r || r.size === 0) return undefined;
    const keys = Int32Array.from(r.keys());
    return { keys, first: Float64Array.from(r.values(), (v) => v.first), sum: Float64Array.from(r.values(), (v) => v.sum), ...this.productSigns };
  }

  /** Another store's deals with product rows (ProductRowsData), at their keys here (`slots`). */
  private absorbProducts(p: ProductRowsData, slots: Int32Array): void {
    this.repeats ??= new Map();
    for (let i = 0; i < p.keys.length; i++) {
      const k = slots[p.keys[i]!]!;
      // A sum never crosses the parts (addIds): their deal is a new one here.
      if (k >= 0) this.repeats.set(k, { first: p.first[i]!, sum: p.sum[i]! });
    }
    this.productSigns.differ ||= p.differ;
    this.productSigns.lineTotals += p.lineTotals;
  }

  /**
   * Decides, once for the whole file just read (spec: a Bitrix24 export's product rows sum their
   * amounts), what its product rows' amounts are, and gives each deal with product rows its amount:
   * their sum, unless the file shows them to be the deal's total repeated on each row, which counts
   * once: every deal's rows carry one amount and no row's amount is its own price × quantity. Rows
   * whose amounts differ in any deal, or an amount equal to the row's price × quantity, make every
   * deal's rows add up (two rows of 4 000 are two products of 4 000, as a deal's 5 000 + 5 000 + 3 000
   * beside it says). Undefined when no product row carried an amount. The next file starts afresh.
   */
  settleProducts(): ProductReading | undefined {
    const r = this.repeats;
    const signs = this.productSigns;
    this.repeats = undefined;
    this.productSigns = { differ: false, lineTotals: 0 };
    if (!r || r.size === 0) return undefined;
    const reading: ProductReading = signs.differ || signs.lineTotals > 0 ? 'sum' : 'total';
    for (const [k, v] of r) this.amount[k] = reading === 'sum' ? v.sum : v.first;
    return reading;
  }

  /** Counts merged rows that differ from deal `key`'s kept row, keeping the earliest deal. */
  private noteDiffering(key: number, rows = 1): void {
    if (!this.differ) this.differ = { rows, key };
    else {
      this.differ.rows += rows;
      if (key >= 0 && key < this.differ.key) this.differ.key = key;
    }
  }

  /** Stores the fields of the deal whose id was just interned as the last key. */
  private insert(deal: DealFields, client: number): void {
    const i = this.size - 1;
    const row = this.row;
    row.created = deal.created_at;
    row.closed = deal.closed_at ?? Number.NaN;
    row.amount = deal.amount ?? Number.NaN;
    row.status = STATUS_CODE[deal.status];
    row.manager = this.managers.id(deal.manager);
    row.reason = deal.status === 'lost' ? this.reasons.id(deal.loss_reason) : 0;
    row.stage = this.labels.id(deal.stage);
    row.pipeline = this.labels.id(deal.pipeline);
    row.source = this.labels.id(deal.source);
    row.product = deal.hasProduct ? 1 : 0;
    this.put(i, row, client);
    if (deal.name) this.setName(i, deal.name);
  }

  /** The deal index for an id; falls back to a deal title that names exactly one deal (Pipedrive activities name the deal). */
  find(idOrName: string): number | undefined {
    const i = this.ids.findText(idOrName);
    if (i >= 0) return i;
    const other = this.findOtherForm(idOrName);
    if (other >= 0) return other;
    return this.findByName(idOrName);
  }

  /**
   * The deal of a Salesforce id given in its other form (a report's 15 characters, an API extract's
   * 18), or -1: asked only where the id itself found no deal, so whole-number ids pay nothing.
   */
  findOtherForm(id: string): number {
    const other = otherSalesforceForm(id);
    return other === undefined ? -1 : this.ids.findText(other);
  }

  /** findOtherForm for an id given as bytes: only one of 15 or 18 bytes can be a Salesforce id. */
  findOtherFormBytes(buf: Uint8Array, start: number, end: number): number {
    const n = end - start;
    if (n !== 15 && n !== 18) return -1;
    return this.findOtherForm(String.fromCharCode(...buf.subarray(start, end)));
  }

  /** Whether deals have titles to fall back on. */
  get hasNames(): boolean {
    return this.names !== undefined;
  }

  /** The deal whose title is exactly `name` when only one deal has it. */
  findByName(name: string): number | undefined {
    return this.titles().unique.get(name);
  }

  /** Whether several deals have exactly this title (an activity naming it links to none of them). */
  sharedTitle(name: string): boolean {
    return this.titles().shared.has(name);
  }

  private titles(): { unique: Map<string, number>; shared: Set<string> } {
    if (!this.byName) {
      const unique = new Map<string, number>();
      const shared = new Set<string>();
      this.names?.forEach((n, k) => {
        if (n === undefined) return;
        if (unique.has(n)) shared.add(n);
        else unique.set(n, k);
      });
      for (const n of shared) unique.delete(n);
      this.byName = { unique, shared };
    }
    return this.byName;
  }

  /** Deal indexes per client key, sorted by created_at then id: the client-window links use them. */
  byClient(): Map<number, number[]> {
    const out = new Map<number, number[]>();
    for (let i = 0; i < this.size; i++) if (this.client[i] !== 0) listUnder(out, this.client[i]!, i);
    return this.sortedLists(out);
  }

  /**
   * Deal indexes per other key a client goes by (DealLinks), sorted as byClient()'s, each deal once
   * under each: a call's client is looked up here only when no deal's own client is it. A key that
   * deals of several clients go by (a company's switchboard number on every contact, one contact in
   * two companies' deals) names none of them: it links nothing.
   */
  byLinks(): Map<number, number[]> {
    const out = new Map<number, number[]>();
    const linked = this.linked;
    if (!linked) return out;
    const owner = new Map<number, number>();
    for (let k = 0; k < linked.deal.length; k++) {
      const i = linked.deal[k]!;
      const c = linked.key[k]!;
      if (c === 0 || c === this.client[i]) continue;
      const list = out.get(c);
      if (list?.at(-1) === i) continue;
      listUnder(out, c, i);
      // -1: deals of two clients go by this key.
      const client = this.client[i]!;
      const seen = owner.get(c);
      if (client !== 0) owner.set(c, seen === undefined || seen === client ? client : -1);
    }
    for (const [c, client] of owner) if (client === -1) out.delete(c);
    return this.sortedLists(out);
  }

  private sortedLists(out: Map<number, number[]>): Map<number, number[]> {
    for (const list of out.values()) list.sort((a, b) => this.created[a]! - this.created[b]! || this.compareIds(a, b));
    return out;
  }

  /** Orders two deals by id (numerically when both are whole numbers). */
  compareIds(a: number, b: number): number {
    return compareIds(this.idOf(a), this.idOf(b));
  }

  /**
   * Makes room for about `deals` deals in all, so that adding them grows nothing: the ids' table is
   * sized for `deals`, the clients' for half as many, the columns and the keys' starts and bytes for
   * `room` (more, when `deals` is an estimate: room never written costs no memory, while growing
   * copies). `shared`: the ids, the clients and the columns a worker thread links activities with
   * are kept in shared memory, for share() to copy nothing.
   */
  reserve(deals: number, { room = deals, shared = false }: { room?: number; shared?: boolean } = {}): void {
    if (shared && !this.inSharedMemory) {
      this.inSharedMemory = true;
      this.ids.useSharedMemory();
      this.clients.useSharedMemory();
      this.resize(Math.max(room, this.created.length));
    } else if (this.created.length < room) this.resize(room);
    // An arena that doubles as it fills is copied, and each copy is new memory for the system to map
    // (a page fault costs ~7 µs on the benchmark's machine).
    this.ids.reserve(deals, room * RESERVED_ID_BYTES, room);
    // Clients are fewer than deals, how many fewer no file says before it is read: a table for one
    // client in two deals is the size large exports end with (a million deals, 460,000 clients),
    // where doubling from a few made and dropped four tables on the way, rehashing each.
    this.clients.reserve(Math.ceil(deals / 2), room * RESERVED_CLIENT_BYTES, room);
  }

  private grow(): void {
    this.resize(this.created.length * 2);
  }

  /**
   * Every column at capacity n (at least its present size), in shared memory when so reserved. The
   * columns are views of one block: a block that large is mapped by the C library and given back to
   * the system when freed, where a dozen arrays of a few megabytes each stayed resident after a
   * worker thread's store was merged (the C library keeps freed mid-size blocks for reuse).
   */
  private resize(n: number): void {
    // The lent columns stay the other store's; a store over lent columns has its own from now on.
    this.tail = undefined;
    this.lentFrom = undefined;
    const bytes = (c: (typeof COLUMNS)[number]) => Math.ceil((n * c.type.BYTES_PER_ELEMENT) / 8) * 8;
    const total = COLUMNS.reduce((sum, c) => sum + bytes(c), 0);
    // Typed arrays take a SharedArrayBuffer as well; the union of constructors types it as ArrayBuffer only.
    const block = (this.inSharedMemory ? new SharedArrayBuffer(total) : new ArrayBuffer(total)) as ArrayBuffer;
    const columns = this as unknown as Record<ColumnName, Float64Array | Uint32Array | Uint8Array>;
    let at = 0;
    for (const c of COLUMNS) {
      const view = new c.type(block, at, n);
      const old = columns[c.name];
      view.set(old.length > n ? old.subarray(0, n) : old);
      columns[c.name] = view;
      at += bytes(c);
    }
  }

  /** The deals as records again (tests, the programmatic API). */
  toDeals(): Deal[] {
    const nan = (x: number) => (Number.isNaN(x) ? null : x);
    return Array.from({ length: this.size }, (_, i) => ({
      id: this.idOf(i),
      manager: this.managers.values[this.manager[i]!]!,
      created_at: this.created[i]!,
      closed_at: nan(this.closed[i]!),
      status: STATUS_NAMES[this.status[i]!]!,
      stage: this.labels.values[this.stage[i]!]!,
      pipeline: this.labels.values[this.pipeline[i]!]!,
      source: this.labels.values[this.source[i]!]!,
      loss_reason: this.reasons.values[this.reason[i]!]!,
      amount: nan(this.amount[i]!),
      client: this.clients.text(this.client[i]!),
      name: this.names?.[i] ?? '',
    }));
  }
}

function listUnder(lists: Map<number, number[]>, key: number, i: number): void {
  const list = lists.get(key);
  if (list) list.push(i);
  else lists.set(key, [i]);
}
