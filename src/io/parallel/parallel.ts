// io/parallel: one single-pass read run over two byte ranges at once. A large text file is split at
// the first line end past its middle; a worker thread (part-worker.ts) reads the second half with the
// same importer while this thread reads the first, and the main thread takes over the end of the
// second half in chunks (takeover.ts). The halves merge exactly; whenever they could differ from one
// pass, the file is read again in one pass.
import { PIPELINES_KEPT } from '../../core/undecided-stages.js';
import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import type { Worker } from 'node:worker_threads';
import { UserError } from '../../core/errors.js';
import { addIds, DealStore, type ClientsAdded, type DealColumns, type DealColumnsLoan, type DealSnapshot, type Repeats } from '../../core/kpi/deal-store.js';
import type { ByteKeysLoan } from '../../core/kpi/byte-keys.js';
import { feedAll, KpiEngine, type CallbackQuery, type EnginePartial, type KeyMap, type KpiOptions } from '../../core/kpi/engine.js';
import { ActivityLinker } from '../../core/kpi/link.js';
import type { RecordKind } from '../map/fields.js';
import { mergeUnreadable, settleUnreadable } from '../map/unread-columns.js';
import { mergeCallLengths } from '../map/context.js';
import { checkBadRows, finishDeals, importDealRows, importDeals, importLinkedActivities, joinListedSkips, type ImportOptions, type ImportReport } from '../map/import.js';
import type { SkippedRow } from '../../core/records.js';
import { ClientColumnFilled, readAgainOnFilled } from '../map/empty-client.js';
import { DEFAULT_LIMITS } from '../read/limits.js';
import { extentBefore, type Boundary, type Extent } from '../read/table.js';
import type { ColumnMap } from '../map/mapping.js';
import { joinsLegs, linesNameEmployees } from '../map/lines.js';
import { hasClientLinks } from '../map/deal-reader.js';
import type { TypeColumnReading } from '../map/type-column.js';
import { sniff, type Encoding } from '../read/sniff.js';
import { lineStart, TakeOver, type TakeOverData } from './takeover.js';
import { takeWorker, WORKER } from './early.js';
import { runSettings, timing } from '../run-settings.js';
import type { SlashOrder } from '../map/values.js';
import { byCount, type ValueCount } from '../map/context.js';

/**
 * Reading a large export in two halves at once. This thread reads up to the first line end past
 * the middle while a worker thread (part-worker.ts) reads the rest with the same importer, from the
 * header this thread found; the halves are then merged. Whenever the halves cannot give exactly what
 * one pass gives (the middle line end was inside a quoted field, the encoding was still being decided
 * there, the halves disagree on encoding or date order, a sum would run out of row order, the worker
 * failed), the file is read again in one pass, which also reports any error exactly.
 */

/** What the worker thread is given. */
export interface PartJob {
  kind: Extract<RecordKind, 'deals' | 'activities'>;
  file: string;
  cwd: string;
  options: Pick<ImportOptions, 'limits' | 'dateOrder' | 'timeOffsetHours' | 'columns' | 'units' | 'rows' | 'valueMaps' | 'mapFile' | 'reportDay'>;
  /** Where the second half starts, its format, and the header found at the top of the file. */
  part: { from: number; delimiter: string; encoding?: Encoding; header: string[]; typeColumn?: TypeColumnReading; relatedDeal?: number; phone?: number; closedAt?: number; done?: number; usualCells?: number; emptyClient?: number[]; at?: number[]; manager?: number[] };
  /** Deals: about how many rows the part holds, and room for them, so that its store is sized once. */
  rows?: { about: number; room: number };
  /** Deals: the main thread's columns past the rows it reads itself, for the part's deals to be written in place (DealStore.lendTail). */
  columns?: DealColumnsLoan;
  /** Activities: the periods of the engines and a copy of the deals to link to. */
  periods: KpiOptions[];
  snapshot?: DealSnapshot;
  /** The chunks of the second half, which the main thread may take over the end of. */
  takeover?: TakeOverData & { wait: boolean };
}

/** What every part sends back. */
export interface PartCommon {
  report: ImportReport;
  /** When the worker thread was ready, started and finished the job (clock()). */
  times: { loaded: number; started: number; done: number };
  encoding: Encoding | undefined;
  dateOrders: Array<[number, SlashOrder]>;
  /** With takeover: where the worker stopped, whether that ended a record, and the lines and rows it read. */
  stop?: { end: number; clean: boolean } & Extent;
}


/** Activities: each engine's state and the keys the copy of the deals did not have, in key order. */
export interface ActivitiesPart extends PartCommon {
  partials: EnginePartial[];
  /** The new keys as one arena each: key base + i is arena[starts[i], starts[i + 1]). */
  clients: { arena: Uint8Array; starts: Int32Array };
  managers: string[];
  unknown: { arena: Uint8Array; starts: Int32Array };
  first: number;
  last: number;
}

/** Deals: the store of the second half, but its clients, which the worker keeps to add them itself (ClientsJob). */
export interface DealsPart extends PartCommon {
  store: DealColumns;
  /** How many clients it holds, in how many bytes, and some of them (to size the table they are added to). */
  clients: { size: number; bytes: number; sample: { arena: Uint8Array; starts: Int32Array } };
}

/** After a deals part: the worker adds the clients it kept to the main thread's store, in the shared arrays lent. */
export interface ClientsJob {
  kind: 'deal-clients';
  loan: ByteKeysLoan;
}

/** After the activities: the worker resolves the engines' callbacks while this thread counts the deals (KpiEngine.countDeals). */
export interface CallbacksJob {
  kind: 'callbacks';
  queries: CallbackQuery[];
}

/** Says which files were read in two halves, and how many parts of a second half this thread took over (for tests). */
function traceHalves(file: string, taken = 0): void {
  const settings = runSettings();
  if (!settings.traceSplits) return;
  settings.diagnostics(`read in two halves: ${file}\n`);
  if (taken > 0) settings.diagnostics(`took over ${taken} part(s) of the second half: ${file}\n`);
}

/** Says that the worker wrote its deals in this thread's columns (for tests). */
function traceInPlace(): void {
  const settings = runSettings();
  if (settings.traceSplits) settings.diagnostics("the worker thread's deals were written in place\n");
}

/** Thrown at the middle when the halves cannot be read apart. */
class Abandoned extends Error {}

/** A failed part says whether it failed on a client column its first rows left blank (empty-client.ts): the file is then read again with it, once. */
type WorkerMessage<P> = { ok: true; result: P } | { ok: false; message: string; clientFilled?: string };

/**
 * The byte after the first line end past the middle of a large text file, or undefined to read it whole:
 * also a file --encoding names UTF-8, whose bytes that are not are counted over the whole file in one pass.
 */
async function splitPoint(file: string, opts: Pick<ImportOptions, 'cwd' | 'encoding'>): Promise<number | undefined> {
  const from = runSettings().splitFromBytes;
  const cwd = opts.cwd;
  if (file === '-' || !(from > 0) || !existsSync(WORKER) || opts.encoding === 'utf-8') return undefined;
  let handle: fs.FileHandle | undefined;
  try {
    const full = path.resolve(cwd, file);
    const stat = await fs.stat(full);
    if (!stat.isFile() || stat.size < from) return undefined;
    handle = await fs.open(full, 'r');
    const head = Buffer.alloc(Math.min(4096, stat.size));
    await handle.read(head, 0, head.length, 0);
    const kind = sniff(head, file);
    if (kind.type !== 'text' || kind.encoding === 'utf-16le' || kind.encoding === 'utf-16be') return undefined;
    // The first line past the middle (read 64 KB at a time: a zeroed 4 MB window cost more than the search).
    const at = await lineStart(handle, Math.floor(stat.size / 2) + 1, stat.size);
    return at < stat.size ? at : undefined;
  } catch {
    return undefined;
  } finally {
    await handle?.close();
  }
}

/** How long stopping the worker thread may take before this thread goes on without it. */
const STOP_WAIT_MS = 2000;

/** Rows shorter than this are not believed: an estimate never sizes a store for more rows than bytes / MIN_ROW_BYTES. */
const MIN_ROW_BYTES = 32;

/** Room for an estimate of rows: an estimate from the line lengths near one point can be a little short. */
function roomFor(rows: number): number {
  return Math.ceil(rows * 1.25) + 1024;
}

/**
 * About how many rows a text file holds in all and from byte `at` on, from the average length of the
 * lines in the 64 KB from `at` (none when the file cannot be read: the import then reports why).
 */
async function rowsAbout(file: string, cwd: string, at: number): Promise<{ all: number; after: number }> {
  let handle: fs.FileHandle | undefined;
  try {
    handle = await fs.open(path.resolve(cwd, file), 'r');
    const { size } = await handle.stat();
    const sample = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(sample, 0, sample.length, at);
    let lines = 0;
    for (let i = sample.indexOf(10); i !== -1 && i < bytesRead; i = sample.indexOf(10, i + 1)) lines++;
    const perRow = Math.max(MIN_ROW_BYTES, lines === 0 ? bytesRead : bytesRead / lines);
    return { all: Math.ceil(size / perRow), after: Math.ceil((size - at) / perRow) };
  } catch {
    return { all: 0, after: 0 };
  } finally {
    await handle?.close();
  }
}

/**
 * The one worker thread of a run, started before it is needed (its modules load while this thread
 * reads the first rows) and used for the halves of both the deals and the activities file.
 */
export class Helper {
  private worker: Worker | undefined;
  private pending: ((m: WorkerMessage<unknown>) => void) | undefined;
  /** Whether a thread was started in this run (a file was large enough to be read in halves). */
  used = false;

  /** Starts the thread if it is not running. */
  start(): void {
    if (this.worker) return;
    this.used = true;
    const w = takeWorker();
    this.worker = w;
    const fail = (message: string) => {
      if (this.worker === w) this.worker = undefined;
      this.settle({ ok: false, message });
    };
    w.on('message', (m: WorkerMessage<unknown>) => this.settle(m));
    w.once('error', (e) => fail(e.message));
    w.once('exit', (code) => fail(`the worker thread exited with code ${code}`));
  }

  /**
   * Resolves the callbacks of these queries on the thread, when it is running and they have enough
   * calls to be worth it: undefined otherwise, or when it failed (they are then resolved here).
   * The outgoing calls are read in place, in shared memory.
   */
  async resolveCallbacks(queries: CallbackQuery[]): Promise<Uint8Array[] | undefined> {
    const calls = queries.reduce((n, q) => q.outCalls.lengths.reduce((a, b) => a + b, n), 0);
    const settings = runSettings();
    if (!this.worker || calls === 0 || calls < settings.callbacksOnWorkerFrom) return undefined;
    const message = await this.run<Uint8Array[]>({ kind: 'callbacks', queries }, []);
    if (!message.ok) return undefined;
    if (settings.traceSplits) settings.diagnostics('callbacks resolved on the worker thread\n');
    return message.result;
  }

  /** Gives the thread a job; the promise settles with its answer (or its failure). */
  run<P>(job: PartJob | ClientsJob | CallbacksJob, transfer: ArrayBuffer[]): Promise<WorkerMessage<P>> {
    this.start();
    const done = new Promise<WorkerMessage<P>>((resolve) => (this.pending = resolve as (m: WorkerMessage<unknown>) => void));
    this.worker!.postMessage(job, transfer);
    return done;
  }

  /**
   * Stops the thread (a job in progress is dropped); a later job starts a new one. The wait for it
   * is bounded, and the thread no longer holds the process open: once, under a heavily loaded
   * machine, a run stopping a thread that was still loading did not end within a minute.
   */
  async stop(): Promise<void> {
    const w = this.worker;
    this.worker = undefined;
    this.settle({ ok: false, message: 'stopped' });
    if (!w) return;
    w.unref();
    let timer: NodeJS.Timeout | undefined;
    const bounded = new Promise<void>((resolve) => (timer = setTimeout(resolve, STOP_WAIT_MS)));
    await Promise.race([w.terminate(), bounded]);
    clearTimeout(timer);
  }

  private settle(m: WorkerMessage<unknown>): void {
    const resolve = this.pending;
    this.pending = undefined;
    resolve?.(m);
  }
}

/**
 * Runs `first` over the first half while the helper reads the second, then `meanwhile`; gives both
 * results, or undefined when the file must be read in one pass. A helper that failed is stopped (a
 * later job starts a new one); one that answered stays for the next job (the activities' callbacks:
 * Helper.resolveCallbacks; after an activities job it frees what the job left behind meanwhile,
 * part-worker.ts).
 */
async function inHalves<M extends { report: ImportReport }, P extends PartCommon>(
  file: string,
  helper: Helper,
  opts: ImportOptions,
  split: number,
  job: (part: PartJob['part']) => { job: PartJob; transfer: ArrayBuffer[] },
  first: (options: ImportOptions) => Promise<M>,
  meanwhile?: () => Promise<void>,
  whole?: (map: ColumnMap) => boolean,
): Promise<{ main: M; part: P; before: Extent; orders: Map<number, SlashOrder> } | undefined> {
  timing(`reading in two halves: ${file}`);
  // Started now, the thread loads while this one finds the header.
  helper.start();
  let done: Promise<WorkerMessage<P>> | undefined;
  let format: { delimiter: string; encoding: Encoding | undefined } | undefined;
  let before: Extent = { lines: 0, rows: 0 };
  let mainOrders: Array<[number, SlashOrder]> = [];
  const start = (map: ColumnMap) => {
    // A file its header shows must be read whole, and a grouped list its first rows show: given up at once, before any row is read.
    if (whole?.(map) || map.grouped) throw new Abandoned();
    if (!format || done) return;
    // `at`'s columns as the first rows chose them (preferTimedAt: the second half has none of those rows to choose by).
    const { job: j, transfer } = job({ from: split, delimiter: format.delimiter, ...(format.encoding ? { encoding: format.encoding } : {}), header: map.columns.map((c) => c.header), ...(map.typeColumn ? { typeColumn: map.typeColumn } : {}), ...(map.relatedDeal !== undefined ? { relatedDeal: map.relatedDeal } : {}), ...(map.phoneByValues !== undefined ? { phone: map.phoneByValues } : {}), ...(map.closedByValues !== undefined ? { closedAt: map.closedByValues } : {}), ...(map.doneByValues !== undefined ? { done: map.doneByValues } : {}), ...(map.usualCells ? { usualCells: map.usualCells } : {}), ...(map.emptyClient ? { emptyClient: map.emptyClient } : {}), ...(map.kind === 'activities' && map.fields.has('at') ? { at: map.fields.get('at') } : {}), ...(map.fields.has('manager') ? { manager: map.fields.get('manager') } : {}) });
    done = helper.run<P>(j, transfer);
    timing('second half given to the worker thread');
  };
  let main: M;
  try {
    main = await first({
      ...opts,
      enforceBadRows: false,
      onFormat: (f) => (format = f),
      onHeader: (m) => start(m),
      onDateOrders: (o) => (mainOrders = o),
      stopAt: {
        at: split,
        onBoundary: (state) => {
          if (!state.clean || !done) throw new Abandoned();
          before = extentBefore(state);
        },
      },
    });
    timing(`first half read: ${file}`);
    // Other work of this thread fills the wait for the worker.
    await meanwhile?.();
    if (meanwhile) timing('this thread waits for the worker thread');
  } catch (error) {
    if (done) await helper.stop();
    if (error instanceof Abandoned) return undefined;
    // Slash dates the first half cannot settle may be settled by the second (one pass reads on to its
    // 25/03): read in one pass, which reads them or says so (a split read stopped where one pass read).
    if (error instanceof UserError && error.code === 'E_DATE_AMBIGUOUS') return undefined;
    throw error;
  }
  const message = await done!;
  timing('the worker thread answered');
  if (!message.ok) await helper.stop();
  if (!message.ok && message.clientFilled !== undefined) throw new ClientColumnFilled(message.clientFilled, file);
  if (!message.ok) return undefined;
  const part = message.result;
  timing('worker thread ready', part.times.loaded);
  timing('worker thread started on the second half', part.times.started);
  timing('second half read', part.times.done);
  const mainEncoding = main.report.table.encoding;
  if (part.encoding !== undefined && mainEncoding !== undefined && part.encoding !== mainEncoding) return undefined;
  // A number column this half saw only ambiguous values in (`15,000`) was read as grouping; the rest
  // of the file may decide otherwise (`1,5`), as one pass would have waited for it to.
  if (main.report.decimalsGuessed) return undefined;
  // A grouped report's blank grouping cells read as the row above: a part cannot see the group above its first rows.
  if (main.report.sameAsAbove) return undefined;
  const orders = new Map(mainOrders);
  if (part.dateOrders.some(([c, o]) => orders.has(c) && orders.get(c) !== o)) return undefined;
  return { main, part, before, orders };
}

/**
 * An activities file read in one pass, never in parts: a PBX's log whose call legs are one call, told
 * by a call id or by the calling channel alone (joinsLegs: a boundary between parts would cut a call
 * in two, a manager column or not), or whose employees its rows' lines name (the header alone, which a
 * part is given, cannot show them).
 */
function readWhole(map: ColumnMap): boolean {
  return joinsLegs(map) || linesNameEmployees(map);
}

/** The periods' engines fed with an activities export, and what the import saw. */
export interface ActivitiesRead {
  engines: KpiEngine[];
  report: ImportReport;
  map: ColumnMap | undefined;
  /** Earliest and latest activity time. */
  first: number;
  last: number;
}

/**
 * Reads an activities export into one engine per period (`meanwhile` runs while a worker thread is
 * still reading, and is given the engines: what depends on the deals alone can go in already). The worker links its half to a copy of the deals (moved to it, not copied twice);
 * its engines' state merges exactly: counts add, first responses take the minimum, days and
 * managers unite, and its client, manager and unknown-deal keys are mapped to this thread's.
 */
export async function readActivities(file: string, opts: ImportOptions, store: DealStore, periods: KpiOptions[], helper: Helper, meanwhile?: (engines: KpiEngine[]) => Promise<void>): Promise<ActivitiesRead> {
  // A client column set aside on its blank first rows and filled later (empty-client.ts): the whole
  // file is read again with it, into new engines (each read makes its own), whichever part met the
  // filled row; the worker thread is stopped first.
  return readAgainOnFilled(file, opts, (clientColumn) => readActivitiesOnce(file, { ...opts, clientColumn }, store, periods, helper, meanwhile), () => helper.stop());
}

async function readActivitiesOnce(file: string, opts: ImportOptions, store: DealStore, periods: KpiOptions[], helper: Helper, meanwhile?: (engines: KpiEngine[]) => Promise<void>): Promise<ActivitiesRead> {
  const split = await splitPoint(file, opts);
  if (split !== undefined) {
    const read = await activitiesInHalves(file, opts, store, periods, split, helper, meanwhile);
    if (read) return read;
    // Read again in one pass: the worker's memory is not kept through it for the callbacks.
    await helper.stop();
  }
  const linker = new ActivityLinker(store, false);
  const engines = periods.map((p) => new KpiEngine(store, p, linker));
  const span = { first: Infinity, last: -Infinity };
  const { report, map } = await importLinkedActivities(file, opts, linker, feedAll(engines, span), true);
  return { engines, report, map, ...span };
}


/** A part of the second half that the main thread took over, as read. */
interface TakenPart<R> {
  from: number;
  report: ImportReport;
  /** Its lines and rows (when it ends before the file does). */
  extent: Extent;
  orders: Array<[number, SlashOrder]>;
  /** What reading it gave (deals: their own store). */
  read: R;
}

/**
 * The parts of a file's second half that this thread takes over: after its own half (and the
 * payments), the later half of the chunks the worker has not claimed yet, while two are left.
 * `readPart` reads one part with the options given (activities feed the engines; deals fill a store
 * of their own, appended after the worker's).
 */
class TakenOver<R extends { report: ImportReport }> {
  readonly parts: Array<TakenPart<R>> = [];
  /** Where the earliest part taken over begins (the file's end when none was). */
  from: number;
  format: PartJob['part'] | undefined;
  /** This thread's half, once read: its encoding is the parts' encoding. */
  mainRead: { report: ImportReport } | undefined;

  constructor(
    private readonly file: string,
    private readonly full: string,
    private readonly opts: ImportOptions,
    readonly claims: TakeOver | undefined,
    private readonly readOne: (options: ImportOptions) => Promise<R>,
  ) {
    this.from = claims?.size ?? 0;
  }

  /** The claims as the worker is given them (undefined without takeover). */
  job(wait: boolean): PartJob['takeover'] {
    return this.claims ? { ...this.claims.data(), wait } : undefined;
  }

  /** Whether the worker stopped where the first part taken over begins, at the end of a record, and every part agrees on date orders with the halves. */
  agrees(stop: PartCommon['stop'], orders: Map<number, SlashOrder>): boolean {
    const claims = this.claims;
    if (claims && (!stop || stop.end !== this.from || (stop.end < claims.size && !stop.clean))) return false;
    return !this.parts.some((t) => t.orders.some(([c, o]) => orders.has(c) && orders.get(c) !== o));
  }

  /** The parts in file order. */
  inOrder(): Array<TakenPart<R>> {
    return this.parts.sort((a, b) => a.from - b.from);
  }

  /** The whole file's report: the halves' (the second's rows after the first's), then each part's in file order. */
  report(main: ImportReport, part: PartCommon, first: Extent, maxListed: number): ImportReport {
    let report = mergeReports(main, part.report, first, maxListed);
    let before = { lines: first.lines + (part.stop?.lines ?? 0), rows: first.rows + (part.stop?.rows ?? 0) };
    for (const t of this.inOrder()) {
      report = mergeReports(report, t.report, before, maxListed);
      before = { lines: before.lines + t.extent.lines, rows: before.rows + t.extent.rows };
    }
    // Whether a column's filled values were all unreadable is the whole file's to say (one part may read them).
    settleUnreadable(report);
    return report;
  }

  async run(): Promise<void> {
    // Parts are read in the encoding this thread's half decided (UTF-8 when it was all ASCII): a
    // part not valid in it fails, and the file is read in one pass, as when the worker's half
    // decides another encoding.
    const encoding = this.mainRead?.report.table.encoding;
    const { claims, format } = this;
    if (!claims || !format || !encoding) return;
    const handle = await fs.open(this.full, 'r');
    try {
      for (let k = claims.takeOver(2); k !== -1; k = claims.takeOver(2)) {
        const from = await lineStart(handle, claims.start(k), claims.size);
        const to = this.from;
        this.from = from;
        if (from < to) await this.readPart(from, to, { ...format, encoding });
      }
    } catch (error) {
      // A row that fills a client column set aside is the whole file's to read again (readActivities).
      if (error instanceof ClientColumnFilled) throw error;
      // A part that cannot be read apart from the rest (it reports its own errors when read whole).
      if (error instanceof Abandoned || error instanceof UserError) throw new Abandoned();
      throw error;
    } finally {
      await handle.close();
    }
  }

  private async readPart(from: number, to: number, format: NonNullable<PartJob['part']>): Promise<void> {
    let boundary: Boundary = { clean: true, nextLine: 1, nextRow: 1 };
    let orders: Array<[number, SlashOrder]> = [];
    const ends = to < this.claims!.size ? { stopAt: { at: to, onBoundary: (b: Boundary) => (boundary = b) } } : {};
    const options: ImportOptions = { ...this.opts, enforceBadRows: false, onProgress: undefined, part: { ...format, from }, onDateOrders: (o) => (orders = o), ...ends };
    const read = await this.readOne(options);
    if (!boundary.clean) throw new Abandoned();
    this.parts.push({ from, report: read.report, extent: extentBefore(boundary), orders, read });
  }
}

async function activitiesInHalves(file: string, opts: ImportOptions, store: DealStore, periods: KpiOptions[], split: number, helper: Helper, meanwhile?: (engines: KpiEngine[]) => Promise<void>): Promise<ActivitiesRead | undefined> {
  const linker = new ActivityLinker(store, false);
  const engines = periods.map((p) => new KpiEngine(store, p, linker));
  const span = { first: Infinity, last: -Infinity };
  const bases = { client: 0, manager: 0 };
  const full = path.resolve(opts.cwd, file);
  const setting = runSettings().takeover;
  const claims = setting ? TakeOver.create(split, (await fs.stat(full)).size, setting.chunk) : undefined;
  const taken = new TakenOver(file, full, opts, claims, (options) => importLinkedActivities(file, options, linker, feedAll(engines, span), true));
  const halves = await inHalves<{ report: ImportReport; map: ColumnMap | undefined }, ActivitiesPart>(
    file,
    helper,
    opts,
    split,
    (part) => {
      taken.format = part;
      const s = store.share();
      bases.client = s.clients.size;
      bases.manager = s.managers.length;
      // Shared arrays (ids, times, clients) go as they are, nothing is copied or moved.
      const transfer: ArrayBuffer[] = [];
      const takeover = taken.job(setting?.wait ?? false);
      return { job: { kind: 'activities', file, cwd: opts.cwd, options: partOptions(opts), part, periods, snapshot: s, ...(takeover ? { takeover } : {}) }, transfer };
    },
    async (options) => (taken.mainRead = await importLinkedActivities(file, options, linker, feedAll(engines, span), true)),
    async () => {
      await meanwhile?.(engines);
      await taken.run();
    },
    readWhole,
  );
  if (!halves) return undefined;
  const { main, part, before, orders } = halves;
  if (!taken.agrees(part.stop, orders)) return undefined;
  mergeWorkerEngines(engines, part, store, linker, bases);
  timing("the worker thread's engines merged");
  const report = taken.report(main.report, part, before, { ...DEFAULT_LIMITS, ...opts.limits }.maxListedSkips);
  checkBadRows(report, opts);
  traceHalves(file, taken.parts.length);
  return { engines, report, map: main.map, first: Math.min(span.first, part.first), last: Math.max(span.last, part.last) };
}

/** Merges the worker's engines into this thread's, its client, manager and unknown-deal keys mapped to this thread's. */
function mergeWorkerEngines(engines: KpiEngine[], part: ActivitiesPart, store: DealStore, linker: ActivityLinker, bases: { client: number; manager: number }): void {
  const n = store.size;
  // The worker's new clients (mostly those of activities without a deal) in batches that read their slots ahead.
  const clients = store.clients.internEach(part.clients.arena, part.clients.starts);
  const managers = part.managers.map((name) => store.managers.id(name));
  const unknown = new Int32Array(part.unknown.starts.length - 1);
  for (let i = 0; i < unknown.length; i++) unknown[i] = linker.unknownKey(part.unknown.arena, part.unknown.starts[i]!, part.unknown.starts[i + 1]!);
  const map: KeyMap = {
    manager: (m) => (m < bases.manager ? m : managers[m - bases.manager]!),
    client: (k) => (k < bases.client ? k : clients[k - bases.client]!),
    deal: (k) => (k < n ? k : unknown[k - n]!),
  };
  engines.forEach((e, i) => e.merge(part.partials[i]!, map));
  // Merged, the worker's engines are garbage; yet the message that brought them stays reachable to the
  // end of the run (the rest of it runs in the microtasks of that message's native callback, whose
  // handle holds it): a heap snapshot at the run's peak found their 14 MB of arrays kept by it.
  part.partials.length = 0;
}

/** A part of a deals file read into a store of its own (the worker's half, or a part this thread took over). */
interface DealsRead {
  report: ImportReport;
  store: DealStore;
}

/**
 * Reads a deals export into the store. The worker fills a store of its own with the second half,
 * and this thread, done with its own half first, takes over the end of the worker's in parts of
 * their own (the worker starts later: its thread must load first); the worker's deals and then the
 * parts' are appended as if their rows had come next (a repeated id keeps the first deal).
 */
export async function readDeals(file: string, opts: ImportOptions, helper: Helper): Promise<{ store: DealStore; report: ImportReport; map: ColumnMap | undefined }> {
  const split = await splitPoint(file, opts);
  if (split !== undefined) {
    const store = new DealStore();
    // Sized once for the whole file (the second half is appended to it), instead of doubling as it
    // fills; in shared memory, where the worker thread reads the ids and times without a copy.
    const rows = await rowsAbout(file, opts.cwd, split);
    // Room for this thread's rows and then the worker's, which it writes there itself (lendTail). The
    // rows between this thread's last and the worker's first are moved over, and the memory of as many
    // at the end stays in use: a tenth more than the estimate (off by ~1% on the benchmark), where a
    // quarter more kept 6 MB; more rows than that move this thread's columns (and are copied, as before).
    const tailFrom = Math.ceil((rows.all - rows.after) * 1.1) + 1024;
    store.reserve(rows.all, { room: tailFrom + roomFor(rows.after), shared: true });
    const full = path.resolve(opts.cwd, file);
    const setting = runSettings().takeover;
    const claims = setting ? TakeOver.create(split, (await fs.stat(full)).size, setting.chunk) : undefined;
    const taken = new TakenOver<DealsRead>(file, full, opts, claims, async (options) => {
      const own = new DealStore();
      return { report: (await importDealRows(file, options, own)).report, store: own };
    });
    const halves = await inHalves<{ report: ImportReport; map: ColumnMap | undefined; repeats: Repeats }, DealsPart>(
      file,
      helper,
      opts,
      split,
      (part) => {
        taken.format = part;
        const takeover = taken.job(setting?.wait ?? false);
        const columns = store.lendTail(tailFrom);
        const room = columns ? columns.columns.created.length : roomFor(rows.after);
        return { job: { kind: 'deals', file, cwd: opts.cwd, options: partOptions(opts), part, periods: [], rows: { about: rows.after, room }, ...(columns ? { columns } : {}), ...(takeover ? { takeover } : {}) }, transfer: [] };
      },
      async (options) => (taken.mainRead = await importDealRows(file, options, store)),
      () => taken.run(),
      // Read in one pass: a file whose clients go by other keys too (only a store of one thread keeps
      // them: DealStore.addLinks), and one without an id column, whose deals go by their row numbers (a
      // part's count from its own first row: the second half's «row-2» merged into the first half's,
      // and half the deals were lost).
      (map) => hasClientLinks(map) || !map.fields.has('id'),
    );
    const parts = taken.inOrder().map((t) => t.read.store);
    // The rows each part merged into its own deals: those merged into another part's are the rest.
    const mergedApart = store.merged + (halves?.part.store.merged ?? 0) + parts.reduce((n, d) => n + d.merged, 0);
    // Deals whose id lost its digits go by their row numbers too (deal-reader): a part after the first counts them from its own first row.
    const byRow = halves && [halves.part.report, ...taken.inOrder().map((t) => t.report)].some((r) => r.idsLostDigits);
    if (halves && !byRow && taken.agrees(halves.part.stop, halves.orders) && (await absorbHalf(store, halves.part, parts, halves.main.repeats !== 'first', helper))) {
      const report = taken.report(halves.main.report, halves.part, halves.before, { ...DEFAULT_LIMITS, ...opts.limits }.maxListedSkips);
      // A row repeating an id of an earlier part was counted in its stage by a part that had not seen
      // the first row (StageDeals takes it back within one reader): a stage no rule knows, seen on such
      // rows alone, stopped the run, and the snippet's counts were too high (tester T53 F5). A file
      // with such rows across parts and stages no rule knows is read again in one pass (a product
      // export's rows of one deal stay in one part: addIds).
      if (store.merged > mergedApart && Object.keys(report.stages ?? {}).length > 0) return importDeals(file, opts);
      checkBadRows(report, opts);
      // Both halves absorbed: the file's product rows are read one way for all its deals (a deal's rows never straddle the halves here: addIds).
      const products = store.settleProducts();
      finishDeals(report, { rows: store.merged, productRows: store.productRows, ...(products ? { products } : {}) }, opts, store.differing);
      traceHalves(file, parts.length);
      return { store, report, map: halves.main.map };
    }
  }
  return importDeals(file, opts);
}

/**
 * Appends the worker's deals and then those of the parts this thread took over to the store. The
 * worker's half is DealStore.absorb in two threads: the worker adds the clients it kept to the
 * store's shared arrays while this thread adds the ids and the columns, then those of each part
 * (DealStore.absorbDeals); the client columns follow, then each part's clients (absorbClientsOf), in
 * file order. False when the file must be read in one pass (a sum across the parts, the worker failed).
 */
async function absorbHalf(store: DealStore, part: DealsPart, taken: DealStore[], sumRepeats: boolean, helper: Helper): Promise<boolean> {
  // The worker's deals, where it wrote them in this store's columns (unless either store's moved), are moved into place.
  if (store.reclaimTail() && part.store.inPlace !== undefined) traceInPlace();
  const loan = store.lendClients(part.clients.size, part.clients.bytes, part.clients.sample);
  // Arrays not in shared memory would reach the worker as copies.
  if (![loan.table, loan.arena, loan.starts].every((a) => a.buffer instanceof SharedArrayBuffer)) return false;
  const clients = helper.run<ClientsAdded | null>({ kind: 'deal-clients', loan }, []);
  const ids = addIds(store.lendIds(part.store.ids), part.store.ids, sumRepeats);
  // The parts taken over come after the worker's half: their ids and columns are added while the worker adds its clients too.
  const parts = taken.map((t) => t.release());
  const slots: Int32Array[] = [];
  if (ids) {
    store.settleIds(ids);
    store.absorbColumns(part.store, ids.slots);
    for (const d of parts) {
      const s = store.absorbDeals(d, sumRepeats);
      if (!s) break;
      slots.push(s);
    }
  }
  const message = await clients;
  timing("the worker thread added the second half's clients");
  if (!ids || slots.length < parts.length || !message.ok || !message.result) return false;
  store.settleClients(message.result);
  store.absorbClients(part.store.client, ids.slots, message.result.keys);
  parts.forEach((d, i) => store.absorbClientsOf(d, slots[i]!));
  return true;
}

function partOptions(opts: ImportOptions): PartJob['options'] {
  return { limits: opts.limits, dateOrder: opts.dateOrder, timeOffsetHours: opts.timeOffsetHours, columns: opts.columns, ...(opts.units ? { units: opts.units } : {}), ...(opts.rows ? { rows: opts.rows } : {}), valueMaps: opts.valueMaps, mapFile: opts.mapFile, reportDay: opts.reportDay };
}

/** Two halves' value counts of each field, added up by value. */
function mergeValues(a: Readonly<Record<string, ValueCount[] | undefined>>, b: Readonly<Record<string, ValueCount[] | undefined>>): Record<string, ValueCount[]> {
  const values: Record<string, ValueCount[]> = {};
  for (const field of new Set([...Object.keys(a), ...Object.keys(b)])) {
    const byValue = new Map<string, ValueCount>();
    for (const v of [...(a[field] ?? []), ...(b[field] ?? [])]) {
      const seen = byValue.get(v.value);
      if (seen) seen.count += v.count;
      else byValue.set(v.value, { ...v });
    }
    values[field] = [...byValue.values()].sort(byCount);
  }
  return values;
}

/** The report of a whole file from the reports of its halves (the second's rows and lines shifted by the first's). */
function mergeReports(a: ImportReport, b: ImportReport, before: Extent, maxListed: number): ImportReport {
  const dropped = { ...a.dropped };
  for (const [reason, count] of Object.entries(b.dropped)) dropped[reason] = (dropped[reason] ?? 0) + count;
  const values = mergeValues(a.values, b.values);
  const nulBytes = (a.table.nulBytes ?? 0) + (b.table.nulBytes ?? 0);
  const stages = { ...a.stages };
  for (const [name, s] of Object.entries(b.stages ?? {})) {
    const t = stages[name];
    const planned = (t?.planned ?? 0) + (s.planned ?? 0);
    const closedZero = (t?.closedZero ?? 0) + (s.closedZero ?? 0);
    const pipelines = t?.pipelines || s.pipelines ? [...new Set([...(t?.pipelines ?? []), ...(s.pipelines ?? [])])].slice(0, PIPELINES_KEPT) : undefined;
    stages[name] = t
      ? { deals: t.deals + s.deals, closedFlag: t.closedFlag + s.closedFlag, closeDate: t.closeDate + s.closeDate, closePast: t.closePast + s.closePast, amount: t.amount + s.amount, certain: t.certain + s.certain, zero: t.zero + s.zero, ...(planned > 0 ? { planned } : {}), ...(closedZero > 0 ? { closedZero } : {}), ...(pipelines ? { pipelines } : {}) }
      : { ...s };
  }
  // The first swallowed cell of the file: the second half's at its line in the whole file.
  const swallowed = a.table.swallowed ?? (b.table.swallowed && { line: b.table.swallowed.line + before.lines, lines: b.table.swallowed.lines });
  return {
    ...a,
    table: { ...a.table, ...(nulBytes > 0 ? { nulBytes } : {}), ...(swallowed ? { swallowed } : {}) },
    values,
    ...(a.weighed || b.weighed ? { weighed: mergeValues(a.weighed ?? {}, b.weighed ?? {}) } : {}),
    ...(a.stages || b.stages ? { stages } : {}),
    ...(a.wonPipelines || b.wonPipelines ? { wonPipelines: [...new Set([...(a.wonPipelines ?? []), ...(b.wonPipelines ?? [])])].sort() } : {}),
    // The halves' orders agree where both show one (checked when they were joined): the file's is either's.
    ...(a.dateOrder ?? b.dateOrder ? { dateOrder: a.dateOrder ?? b.dateOrder } : {}),
    ...idlessAcross(a, b),
    ...(a.idsLostDigits || b.idsLostDigits ? { idsLostDigits: { ...(a.idsLostDigits ?? b.idsLostDigits)!, rows: (a.idsLostDigits?.rows ?? 0) + (b.idsLostDigits?.rows ?? 0) } } : {}),
    ...mergedLost(a, b, 'amountsLostDigits'),
    ...mergedLost(a, b, 'clientsLostDigits'),
    ...(a.untimed || b.untimed ? { untimed: (a.untimed ?? 0) + (b.untimed ?? 0) } : {}),
    ...(a.swallowedSkipped || b.swallowedSkipped ? { swallowedSkipped: (a.swallowedSkipped ?? 0) + (b.swallowedSkipped ?? 0) } : {}),
    ...(a.callLengths || b.callLengths ? { callLengths: mergeCallLengths(a.callLengths, b.callLengths) } : {}),
    ...(a.shortRows || b.shortRows ? { shortRows: (a.shortRows ?? 0) + (b.shortRows ?? 0) } : {}),
    ...(a.firstShortRow ? { firstShortRow: a.firstShortRow } : b.firstShortRow ? { firstShortRow: { ...b.firstShortRow, row: b.firstShortRow.row + before.rows } } : {}),
    // The file's end is the second half's; its cut last row is one only if no row of the first half is short either.
    ...(b.lastRowCut && !a.shortRows ? { lastRowCut: { ...b.lastRowCut, row: b.lastRowCut.row + before.rows } } : {}),
    ...(a.utc || b.utc ? { utc: { ...(a.utc ?? b.utc)!, count: (a.utc?.count ?? 0) + (b.utc?.count ?? 0) } } : {}),
    ...(a.sharedTitles || b.sharedTitles ? { sharedTitles: { ...(a.sharedTitles ?? b.sharedTitles)!, count: (a.sharedTitles?.count ?? 0) + (b.sharedTitles?.count ?? 0) } } : {}),
    ...(a.lineNames || b.lineNames ? { lineNames: { ...b.lineNames, ...a.lineNames } } : {}),
    ...(a.managersSeen || b.managersSeen ? { managersSeen: [...new Set([...(a.managersSeen ?? []), ...(b.managersSeen ?? [])])] } : {}),
    ...(a.missedNoManager || b.missedNoManager ? { missedNoManager: (a.missedNoManager ?? 0) + (b.missedNoManager ?? 0) } : {}),
    ...(a.dealsNoManager || b.dealsNoManager ? { dealsNoManager: (a.dealsNoManager ?? 0) + (b.dealsNoManager ?? 0) } : {}),
    ...mergeUnreadable(a, b),
    ...(a.directionBySides && b.directionBySides ? { directionBySides: { in: a.directionBySides.in + b.directionBySides.in, out: a.directionBySides.out + b.directionBySides.out, internal: a.directionBySides.internal + b.directionBySides.internal, none: a.directionBySides.none + b.directionBySides.none } } : {}),
    rowsRead: a.rowsRead + b.rowsRead,
    records: a.records + b.records,
    skippedCount: a.skippedCount + b.skippedCount,
    skipped: joinListedSkips([a.skipped, b.skipped.map((s) => skippedAfter(s, before))], maxListed),
    dropped,
  };
}

/** Cells in Excel's scientific form of both halves (amounts, clients): counts added, the first half's example, every column. */
function mergedLost(a: ImportReport, b: ImportReport, key: 'amountsLostDigits' | 'clientsLostDigits'): Pick<ImportReport, typeof key> {
  const x = a[key];
  const y = b[key];
  if (!x && !y) return {};
  return { [key]: { ...(x ?? y)!, count: (x?.count ?? 0) + (y?.count ?? 0), columns: [...new Set([...(x?.columns ?? []), ...(y?.columns ?? [])])] } };
}

/**
 * Rows with no id but a manager and a date, joined across parts as one pass counts them: a part's rows
 * left pending are followed by the next part's deals (one pass warns of them), else still pending.
 */
function idlessAcross(a: ImportReport, b: ImportReport): Pick<ImportReport, 'idlessDeals' | 'idlessPending'> {
  const followed = (a.idlessDeals ?? 0) + (b.idlessDeals ?? 0) + (b.records > 0 ? (a.idlessPending ?? 0) : 0);
  const pending = (b.records > 0 ? 0 : (a.idlessPending ?? 0)) + (b.idlessPending ?? 0);
  return { ...(followed > 0 ? { idlessDeals: followed } : {}), ...(pending > 0 ? { idlessPending: pending } : {}) };
}

/**
 * A skipped row of a part at its row in the whole file, with its line where that is not its row: a
 * part's row without a line of its own is on that line of the part, and a quoted cell with line breaks
 * before the part puts it further down the file than its row.
 */
function skippedAfter(s: SkippedRow, before: Extent): SkippedRow {
  const row = s.row + before.rows;
  const line = (s.line ?? s.row) + before.lines;
  // The keys in the order a row read in one pass has them (the JSON is the same both ways).
  return { file: s.file, row, ...(line !== row ? { line } : {}), ...(s.column !== undefined ? { column: s.column } : {}), reason: s.reason };
}
