// The worker thread started before the reading modules load (src/io/parallel/early.ts). The thread's
// module exists only as built JavaScript, so these tests use the build (npm test builds first).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { startWorkerEarly, takeWorker } from '../../../dist/io/parallel/early.js';
import { configureRun } from '../../../dist/io/run-settings.js';

const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-early-'));
writeFileSync(path.join(dir, 'deals.csv'), 'id;manager\n1;Анна\n');
const started: Worker[] = [];
const take = () => {
  const w = takeWorker();
  started.push(w);
  return w;
};

afterEach(async () => {
  await Promise.all(started.splice(0).map((w) => w.terminate()));
  configureRun({});
});

/** The thread's answer to a job with nothing to do: it runs, loaded, and answers this thread. */
function answers(w: Worker): Promise<unknown> {
  return new Promise((resolve, reject) => {
    w.once('message', resolve);
    w.once('error', reject);
    w.postMessage({ kind: 'callbacks', queries: [] });
  });
}

describe('startWorkerEarly', () => {
  it('starts no thread for files below the size read in halves, for stdin, for a missing file, or with splitting off', () => {
    configureRun({ splitFromBytes: 1 << 20 });
    expect(startWorkerEarly(['deals.csv'], dir)).toBe(false);
    configureRun({ splitFromBytes: 1 });
    expect(startWorkerEarly(['-', 'missing.csv'], dir)).toBe(false);
    expect(startWorkerEarly([], dir)).toBe(false);
    configureRun({ splitFromBytes: 0 });
    expect(startWorkerEarly(['deals.csv'], dir)).toBe(false);
  });

  it('starts one for a file large enough, which the run then takes instead of starting a new one', async () => {
    configureRun({ splitFromBytes: 1 });
    expect(startWorkerEarly(['missing.csv', 'deals.csv'], dir)).toBe(true);
    // One at a time: a second start while the first waits does nothing.
    expect(startWorkerEarly(['deals.csv'], dir)).toBe(false);
    // Thread ids grow: a thread started now has a higher id than the early one, and lower than a new one.
    const between = new Worker('', { eval: true });
    started.push(between);
    const early = take();
    expect(early.threadId).toBeLessThan(between.threadId);
    expect(await answers(early)).toEqual({ ok: true, result: [] });
    // Taken, it is started again by the next run that wants one early.
    expect(startWorkerEarly(['deals.csv'], dir)).toBe(true);
    take();
  });
});
