import { existsSync, promises as fs } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { DealSnapshot, DealStore } from '../core/kpi/deal-store.js';
import { KpiEngine, type EnginePartial, type KeyMap, type KpiOptions } from '../core/kpi/engine.js';
import { ActivityLinker } from '../core/kpi/link.js';
import { checkBadRows, importLinkedActivities, type ImportOptions, type ImportReport } from './import.js';
import { DEFAULT_LIMITS } from './limits.js';
import type { ColumnMap } from './mapping.js';
import { sniff, type Encoding } from './sniff.js';
import type { SlashOrder } from './values.js';

/** What the worker thread is given: the second part of the file, the header, a copy of the deals. */
export interface PartJob {
  file: string;
  cwd: string;
  options: Pick<ImportOptions, 'limits' | 'dateOrder' | 'timeOffsetHours' | 'columns' | 'valueMaps' | 'mapFile'>;
  part: { from: number; delimiter: string; encoding?: Encoding; header: string[] };
  periods: KpiOptions[];
  snapshot: DealSnapshot;
}

/** What it sends back: its import report, each engine's state, and the keys it added. */
export interface PartResult {
  report: ImportReport;
  partials: EnginePartial[];
  /** Clients, managers and unknown deal ids it met that the copy did not have, in key order. */
  clients: Uint8Array[];
  managers: string[];
  unknown: Uint8Array[];
  first: number;
  last: number;
  encoding: Encoding | undefined;
  dateOrders: Array<[number, SlashOrder]>;
}

/** The activities of one pass, fed into one engine per period. */
export interface ActivitiesRead {
  engines: KpiEngine[];
  report: ImportReport;
  map: ColumnMap | undefined;
  /** Earliest and latest activity time. */
  first: number;
  last: number;
}

/** Files from this size on are read in two halves, one in a worker thread (CRM_AUDIT_SPLIT_BYTES overrides; 0 never). */
const SPLIT_FROM_BYTES = 64 * 1024 * 1024;
const WORKER = fileURLToPath(new URL('./activities-worker.js', import.meta.url));

/**
 * Reads an activities export into one engine per period (`meanwhile` runs while a worker thread
 * is still reading). A large delimited file is read in two
 * halves at once: this thread reads up to a line end near the middle, a worker thread reads the rest
 * over a copy of the deals, and the worker's engine state is merged (sums, minimums, unions, keys
 * mapped). Whenever the halves cannot give exactly what one pass gives (the middle line end was
 * inside a quoted field, the encoding was still being decided there, the halves disagree on
 * encoding or date order, the worker failed), the file is read again in one pass, which also
 * reports any error exactly.
 */
export async function readActivities(file: string, opts: ImportOptions, store: DealStore, periods: KpiOptions[], meanwhile?: () => Promise<void>): Promise<ActivitiesRead> {
  const split = await splitPoint(file, opts.cwd);
  if (split !== undefined) {
    const halves = await readHalves(file, opts, store, periods, split, meanwhile);
    if (halves) return halves;
  }
  return readWhole(file, opts, store, periods);
}

async function readWhole(file: string, opts: ImportOptions, store: DealStore, periods: KpiOptions[]): Promise<ActivitiesRead> {
  const linker = new ActivityLinker(store);
  const engines = periods.map((p) => new KpiEngine(store, p, linker));
  let first = Infinity;
  let last = -Infinity;
  const { report, map } = await importLinkedActivities(file, opts, linker, (a) => {
    if (a.at < first) first = a.at;
    if (a.at > last) last = a.at;
    for (const e of engines) e.addLinked(a);
  });
  return { engines, report, map, first, last };
}

/** The byte after the first line end past the middle of a large text file, or undefined to read it whole. */
async function splitPoint(file: string, cwd: string): Promise<number | undefined> {
  const setting = process.env.CRM_AUDIT_SPLIT_BYTES;
  const from = setting === undefined || setting === '' ? SPLIT_FROM_BYTES : Number(setting);
  if (file === '-' || !(from > 0) || !existsSync(WORKER)) return undefined;
  const full = path.resolve(cwd, file);
  let handle: fs.FileHandle | undefined;
  try {
    const stat = await fs.stat(full);
    if (!stat.isFile() || stat.size < from) return undefined;
    handle = await fs.open(full, 'r');
    const head = Buffer.alloc(Math.min(4096, stat.size));
    await handle.read(head, 0, head.length, 0);
    const kind = sniff(head, file);
    if (kind.type !== 'text' || kind.encoding === 'utf-16le' || kind.encoding === 'utf-16be') return undefined;
    const window = Buffer.alloc(Math.min(4 << 20, stat.size - Math.floor(stat.size / 2)));
    const mid = Math.floor(stat.size / 2);
    const { bytesRead } = await handle.read(window, 0, window.length, mid);
    const lf = window.subarray(0, bytesRead).indexOf(10);
    if (lf === -1 || mid + lf + 1 >= stat.size) return undefined;
    return mid + lf + 1;
  } catch {
    return undefined;
  } finally {
    await handle?.close();
  }
}

/** Thrown at the middle when the halves cannot be read apart: the file is then read in one pass. */
class Abandoned extends Error {}

type WorkerMessage = { ok: true; result: PartResult } | { ok: false; message: string };

async function readHalves(file: string, opts: ImportOptions, store: DealStore, periods: KpiOptions[], split: number, meanwhile?: () => Promise<void>): Promise<ActivitiesRead | undefined> {
  let snapshot: DealSnapshot | undefined = store.snapshot();
  const clientBase = snapshot.clients.size;
  const managerBase = snapshot.managers.length;
  const linker = new ActivityLinker(store);
  const engines = periods.map((p) => new KpiEngine(store, p, linker));
  let worker: Worker | undefined;
  let done: Promise<WorkerMessage> | undefined;
  let format: { delimiter: string; encoding: Encoding | undefined } | undefined;
  let boundary: { nextLine: number } | undefined;
  let mainOrders: Array<[number, SlashOrder]> = [];
  let first = Infinity;
  let last = -Infinity;
  const startWorker = (map: ColumnMap) => {
    if (!format || !snapshot) return;
    const job: PartJob = {
      file,
      cwd: opts.cwd,
      options: { limits: opts.limits, dateOrder: opts.dateOrder, timeOffsetHours: opts.timeOffsetHours, columns: opts.columns, valueMaps: opts.valueMaps, mapFile: opts.mapFile },
      part: { from: split, delimiter: format.delimiter, ...(format.encoding ? { encoding: format.encoding } : {}), header: map.columns.map((c) => c.header) },
      periods,
      snapshot,
    };
    // The copy of the deals moves to the worker (transferred, not copied again).
    const s = snapshot;
    const transferList = [s.ids.arena, s.ids.starts, s.ids.hashes, s.ids.table, s.clients.arena, s.clients.starts, s.clients.hashes, s.clients.table, s.created, s.closed, s.client].map((a) => a.buffer);
    snapshot = undefined;
    const w = new Worker(WORKER, { workerData: job, transferList, stdout: true, stderr: true });
    worker = w;
    done = new Promise((resolve) => {
      w.once('message', (m: WorkerMessage) => resolve(m));
      w.once('error', (e) => resolve({ ok: false, message: e.message }));
      w.once('exit', (code) => resolve({ ok: false, message: `the worker thread exited with code ${code}` }));
    });
  };
  const stopWorker = () => {
    void worker?.terminate();
    worker = undefined;
  };
  let main: { report: ImportReport; map: ColumnMap | undefined };
  try {
    main = await importLinkedActivities(
      file,
      {
        ...opts,
        enforceBadRows: false,
        onFormat: (f) => (format = f),
        onHeader: (m) => startWorker(m),
        onDateOrders: (o) => (mainOrders = o),
        stopAt: {
          at: split,
          onBoundary: (state) => {
            if (!state.clean || !worker) throw new Abandoned();
            boundary = state;
          },
        },
      },
      linker,
      (a) => {
        if (a.at < first) first = a.at;
        if (a.at > last) last = a.at;
        for (const e of engines) e.addLinked(a);
      },
    );
  } catch (error) {
    stopWorker();
    if (error instanceof Abandoned) return undefined;
    throw error;
  }
  try {
    // Other work of this thread (reading payments) fills the wait for the worker.
    await meanwhile?.();
  } catch (error) {
    stopWorker();
    throw error;
  }
  const message = await done!;
  // Its copy of the deals is freed before the merge needs memory.
  await worker?.terminate();
  worker = undefined;
  if (!message.ok) return undefined;
  const part = message.result;
  const mainEncoding = main.report.table.encoding;
  if (part.encoding !== undefined && mainEncoding !== undefined && part.encoding !== mainEncoding) return undefined;
  const orders = new Map(mainOrders);
  if (part.dateOrders.some(([c, o]) => orders.has(c) && orders.get(c) !== o)) return undefined;

  const n = store.size;
  const clients = part.clients.map((b) => store.clients.intern(b, 0, b.length));
  const managers = part.managers.map((name) => store.managers.id(name));
  const unknown = part.unknown.map((b) => linker.unknownKey(b));
  const map: KeyMap = {
    manager: (m) => (m < managerBase ? m : managers[m - managerBase]!),
    client: (k) => (k < clientBase ? k : clients[k - clientBase]!),
    deal: (k) => (k < n ? k : unknown[k - n]!),
  };
  engines.forEach((e, i) => e.merge(part.partials[i]!, map));
  const report = mergeReports(main.report, part.report, boundary!.nextLine - 1, { ...DEFAULT_LIMITS, ...opts.limits }.maxListedSkips);
  checkBadRows(report, opts);
  return { engines, report, map: main.map, first: Math.min(first, part.first), last: Math.max(last, part.last) };
}

/** The report of a whole file from the reports of its halves (the second's rows shifted by `lines`). */
function mergeReports(a: ImportReport, b: ImportReport, lines: number, maxListed: number): ImportReport {
  const dropped = { ...a.dropped };
  for (const [reason, count] of Object.entries(b.dropped)) dropped[reason] = (dropped[reason] ?? 0) + count;
  const values: ImportReport['values'] = {};
  for (const field of new Set([...Object.keys(a.values), ...Object.keys(b.values)])) {
    const byValue = new Map<string, { value: string; mapped: string; count: number }>();
    for (const v of [...(a.values[field] ?? []), ...(b.values[field] ?? [])]) {
      const seen = byValue.get(v.value);
      if (seen) seen.count += v.count;
      else byValue.set(v.value, { ...v });
    }
    values[field] = [...byValue.values()].sort((x, y) => y.count - x.count || (x.value < y.value ? -1 : 1));
  }
  return {
    ...a,
    values,
    rowsRead: a.rowsRead + b.rowsRead,
    records: a.records + b.records,
    skippedCount: a.skippedCount + b.skippedCount,
    skipped: [...a.skipped, ...b.skipped.map((s) => ({ ...s, row: s.row + lines }))].slice(0, maxListed),
    dropped,
  };
}
