// A worker thread that reads the second part of an activities file (see parallel-activities.ts):
// the same importer and engines as the main thread, over a copy of the deals, sending back plain
// data that the main thread merges.
import { parentPort, workerData } from 'node:worker_threads';
import { UserError } from '../core/errors.js';
import { DealStore } from '../core/kpi/deal-store.js';
import { KpiEngine } from '../core/kpi/engine.js';
import { ActivityLinker } from '../core/kpi/link.js';
import { importLinkedActivities } from './import.js';
import type { PartJob, PartResult } from './parallel-activities.js';

async function run(job: PartJob): Promise<PartResult> {
  const store = DealStore.fromSnapshot(job.snapshot);
  const clientBase = store.clients.size;
  const managerBase = store.managers.size;
  const linker = new ActivityLinker(store);
  const engines = job.periods.map((p) => new KpiEngine(store, p, linker));
  let first = Infinity;
  let last = -Infinity;
  let orders: PartResult['dateOrders'] = [];
  const { report } = await importLinkedActivities(
    job.file,
    {
      ...job.options,
      cwd: job.cwd,
      stdin: process.stdin,
      enforceBadRows: false,
      part: job.part,
      onDateOrders: (o) => (orders = o),
    },
    linker,
    (a) => {
      if (a.at < first) first = a.at;
      if (a.at > last) last = a.at;
      for (const e of engines) e.addLinked(a);
    },
  );
  const encoding = report.table.encoding;
  const clients: Uint8Array[] = [];
  for (let k = clientBase; k < store.clients.size; k++) clients.push(store.clients.bytes(k).slice());
  const unknown: Uint8Array[] = [];
  for (let k = 0; k < linker.unknownIds.size; k++) unknown.push(linker.unknownIds.bytes(k).slice());
  return {
    report,
    partials: engines.map((e) => e.partial()),
    clients,
    unknown,
    managers: store.managers.values.slice(managerBase),
    first,
    last,
    encoding,
    dateOrders: orders,
  };
}

/** The big buffers of a result, moved to the main thread instead of copied. */
function buffers(result: PartResult): ArrayBuffer[] {
  const out = new Set<ArrayBuffer>();
  const add = (a: { buffer: ArrayBufferLike } | undefined) => {
    if (a && a.buffer instanceof ArrayBuffer) out.add(a.buffer);
  };
  for (const p of result.partials) {
    [p.touchesById, p.firstById, p.touchesByClient, p.firstByClient, p.missed.manager, p.missed.at, p.missed.client, p.missed.deal].forEach(add);
    for (const index of [p.outByClient, p.outByDeal]) [...index.keys, ...index.times].forEach(add);
  }
  return [...out];
}

run(workerData as PartJob).then(
  (result) => parentPort!.postMessage({ ok: true, result }, buffers(result)),
  (error: unknown) => parentPort!.postMessage({ ok: false, message: error instanceof Error ? error.message : String(error), user: error instanceof UserError }),
);
