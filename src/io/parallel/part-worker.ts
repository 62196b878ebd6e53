// The worker thread of parallel.ts: reads the second half of a deals or activities file with the
// same importer as the main thread and sends back plain data for it to merge; the clients of its
// deals it adds to the main thread's store itself, while that thread adds the ids and the columns;
// last, it resolves the activities' callbacks while that thread counts the deals.
import path from 'node:path';
import { parentPort } from 'node:worker_threads';
import { addClients, DealStore, type ClientsAdded } from '../../core/kpi/deal-store.js';
import type { ByteKeysData } from '../../core/kpi/byte-keys.js';
import { feedAll, KpiEngine, resolveCallbacks } from '../../core/kpi/engine.js';
import { ActivityLinker } from '../../core/kpi/link.js';
import { importDealRows, importLinkedActivities, type ImportOptions } from '../map/import.js';
import type { ActivitiesPart, CallbacksJob, ClientsJob, DealsPart, PartJob } from './parallel.js';
import { claimedChunks, TakeOver } from './takeover.js';
import { ClientColumnFilled } from '../map/empty-client.js';
import { clock } from '../run-settings.js';
import { collectGarbage } from './collect.js';
import { extentBefore, type Boundary } from '../read/table.js';
import type { SlashOrder } from '../map/values.js';

const loaded = clock();

/** Whether this thread read a half of a deals file since its last activities (collectGarbage). */
let readDeals = false;

/** The clients of the deals this thread read last, until the main thread's store takes them (see ClientsJob). */
let heldClients: ByteKeysData | undefined;

/** Adds the held clients to the main thread's store, in the shared arrays it lent: null when they cannot be added apart. */
function addHeldClients(job: ClientsJob): { result: ClientsAdded | null; transfer: ArrayBuffer[] } {
  const clients = heldClients;
  heldClients = undefined;
  const added = clients ? addClients(job.loan, clients) : undefined;
  return added ? { result: added, transfer: [added.keys.buffer as ArrayBuffer] } : { result: null, transfer: [] };
}

async function run(job: PartJob): Promise<{ result: ActivitiesPart | DealsPart; transfer: ArrayBuffer[] }> {
  heldClients = undefined;
  const started = clock();
  let dateOrders: Array<[number, SlashOrder]> = [];
  const options: ImportOptions = { ...job.options, cwd: job.cwd, stdin: process.stdin, enforceBadRows: false, part: job.part, onDateOrders: (o) => (dateOrders = o) };
  // With takeover, chunks are claimed one by one, and the reading stops where the main thread took over.
  const stop = { end: 0 };
  let boundary: Boundary = { clean: true, nextLine: 1, nextRow: 1 };
  if (job.takeover) {
    options.source = claimedChunks(path.resolve(job.cwd, job.file), TakeOver.from(job.takeover), job.takeover.wait, stop);
    options.stopAt = { onBoundary: (b) => (boundary = b) };
  }
  const stopped = () => (job.takeover ? { stop: { end: stop.end, clean: boundary.clean, ...extentBefore(boundary) } } : {});
  if (job.kind === 'deals') {
    readDeals = true;
    // In the main thread's columns when it lent them (its rows then need no copy), else its own.
    const store = job.columns ? DealStore.over(job.columns) : new DealStore();
    if (job.rows) store.reserve(job.rows.about, { room: job.rows.room });
    const { report } = await importDealRows(job.file, options, store);
    const sample = store.clients.sample(4096);
    const { clients, ...data } = store.release();
    // The clients stay here: this thread adds them to the main thread's store (a ClientsJob) while that one adds the ids and the columns.
    heldClients = clients;
    const result: DealsPart = { report, times: { loaded, started, done: clock() }, encoding: report.table.encoding, dateOrders, store: data, clients: { size: clients.size, bytes: clients.arena.length, sample }, ...stopped() };
    const arrays = [data.ids.arena, data.ids.starts, data.ids.table, data.ids.byValue?.index, data.created, data.closed, data.amount, data.status, data.manager, data.client, data.reason, data.stage, data.pipeline, data.source];
    return { result, transfer: unique(arrays) };
  }
  // What this thread's half of the deals left behind is freed before the activities need memory (collect.ts).
  if (readDeals) collectGarbage();
  readDeals = false;
  const store = DealStore.fromSnapshot(job.snapshot!);
  const clientBase = store.clients.size;
  const managerBase = store.managers.size;
  const linker = new ActivityLinker(store, false);
  const engines = job.periods.map((p) => new KpiEngine(store, p, linker));
  const span = { first: Infinity, last: -Infinity };
  const { report } = await importLinkedActivities(job.file, options, linker, feedAll(engines, span), true);
  // New keys as one arena each: tens of thousands of small arrays took 20 ms to send and as many to receive.
  const clients = store.clients.keysFrom(clientBase);
  const unknown = linker.unknownIds.keysFrom(0);
  const partials = engines.map((e) => e.partial());
  const result: ActivitiesPart = { report, times: { loaded, started, done: clock() }, encoding: report.table.encoding, dateOrders, partials, clients, unknown, managers: store.managers.values.slice(managerBase), first: span.first, last: span.last, ...stopped() };
  const arrays = [clients.arena, clients.starts, unknown.arena, unknown.starts, ...partials.flatMap((p) => [p.touchesById, p.firstById, p.touchesByClient, p.firstByClient, p.missed.manager, p.missed.at, p.missed.client, p.missed.deal, p.missed.windowDeal, p.missed.alsoDeal, p.missed.alsoOf, p.facts.touchedById, p.facts.touchedByClient, ...p.outCalls.clients, ...p.outCalls.deals, ...p.outCalls.times])];
  return { result, transfer: unique(arrays) };
}

/** The distinct buffers of some arrays, moved to the main thread instead of copied. */
function unique(arrays: Array<{ buffer: ArrayBufferLike } | undefined>): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  for (const a of arrays) if (a && a.buffer instanceof ArrayBuffer) out.add(a.buffer);
  return [...out];
}

/** Resolves the engines' callbacks over the outgoing calls in shared memory: one answer per query. */
function callbacks(job: CallbacksJob): { result: Uint8Array[]; transfer: ArrayBuffer[] } {
  const backs = job.queries.map(resolveCallbacks);
  return { result: backs, transfer: unique(backs) };
}

function answer(job: PartJob | ClientsJob | CallbacksJob): Promise<{ result: unknown; transfer: ArrayBuffer[] }> {
  if (job.kind === 'deal-clients') return Promise.resolve().then(() => addHeldClients(job));
  if (job.kind === 'callbacks') return Promise.resolve().then(() => callbacks(job));
  return run(job);
}

// Jobs come one at a time: the halves of the deals file, its clients, the halves of the activities
// file, then their callbacks.
parentPort!.on('message', (job: PartJob | ClientsJob | CallbacksJob) => {
  answer(job).then(
    ({ result, transfer }) => {
      parentPort!.postMessage({ ok: true, result }, transfer);
      // What the activities left here is freed while the main thread merges (the thread is kept for their callbacks).
      if (job.kind === 'activities') collectGarbage();
    },
    // A client column the first half set aside, filled here: the main thread reads the file again with it (empty-client.ts).
    (error: unknown) => parentPort!.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error), ...(error instanceof ClientColumnFilled ? { clientFilled: error.header } : {}) }),
  );
});
