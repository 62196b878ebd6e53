// The worker thread of parallel.ts, started as early as a run knows it will want one: before the
// modules that read the files have loaded on this thread. A thread takes some 150-250 ms to load
// its own modules; started when the first file's header is found, it began reading ~190 ms after
// this thread, so the deals' halves ended apart and one thread waited.
import { existsSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { runSettings } from '../run-settings.js';

/** The worker thread's module. */
export const WORKER = fileURLToPath(new URL('./part-worker.js', import.meta.url));

/** A thread started early, not yet taken (it holds the process open only once taken). */
let early: { worker: Worker; failed: boolean } | undefined;

/** A new worker thread. */
function newWorker(): Worker {
  // A small young generation: the thread stays through the end of the run (the callbacks), and the
  // 8 MB it grew to otherwise stayed in use there (the peak RSS was 6-10 MB higher); it allocates
  // few objects, so collecting them more often cost no time measured.
  return new Worker(WORKER, { stdout: true, stderr: true, resourceLimits: { maxYoungGenerationSizeMb: 3 } });
}

/**
 * Starts the worker thread now when one of these input files (paths from `cwd`; `-` is stdin) is
 * large enough to be read in halves, and no thread waits already: whether it started one. Never
 * fails: a file that cannot be read is the import's to report.
 */
export function startWorkerEarly(files: readonly string[], cwd: string): boolean {
  const from = runSettings().splitFromBytes;
  if (early || !(from > 0) || !files.some((f) => f !== '-' && sizeOf(path.resolve(cwd, f)) >= from) || !existsSync(WORKER)) return false;
  const worker = newWorker();
  // Unused (a large file that is no text file, an error in a small one first), it ends with the process.
  worker.unref();
  const started = { worker, failed: false };
  const fail = () => (started.failed = true);
  worker.once('error', fail);
  worker.once('exit', fail);
  early = started;
  return true;
}

/** The thread started early, if it is still running, else a new one; either holds the process open. */
export function takeWorker(): Worker {
  const started = early;
  early = undefined;
  if (!started || started.failed) return newWorker();
  started.worker.removeAllListeners();
  started.worker.ref();
  return started.worker;
}

function sizeOf(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}
