import { mkdtempSync, writeFileSync } from 'node:fs';
import { promises as fs } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';
import { lineStart, TakeOver } from '../../../src/io/parallel/takeover.js';

const dist = fileURLToPath(new URL('../../../dist/io/parallel/takeover.js', import.meta.url));

describe('TakeOver: the chunks of a second half, claimed by one thread and taken over by another', () => {
  it('gives the worker chunks in order until the main thread has taken the rest over', () => {
    const claims = TakeOver.create(100, 100 + 10 * 64, 64)!;
    expect([claims.claim(), claims.claim()]).toEqual([0, 1]);
    // Eight chunks (2..9) are unclaimed: the later half, from chunk 6 on, is taken over.
    expect(claims.takeOver(2)).toBe(6);
    expect(claims.start(6)).toBe(100 + 6 * 64);
    expect([claims.claim(), claims.claim(), claims.claim(), claims.claim(), claims.claim()]).toEqual([2, 3, 4, 5, -1]);
    // Nothing left to take over.
    expect(claims.takeOver(2)).toBe(-1);
  });

  it('takes nothing over when fewer chunks than asked are left', () => {
    const claims = TakeOver.create(0, 3 * 10, 10)!;
    claims.claim();
    expect(claims.takeOver(3)).toBe(-1);
    expect(claims.takeOver(2)).toBe(2);
  });

  it('never gives a chunk to both threads, and loses none, however they race', async () => {
    for (let round = 0; round < 5; round++) {
      const total = 3000;
      const claims = TakeOver.create(0, total, 1)!;
      // The worker claims as fast as it can; this thread takes over as often as it can meanwhile.
      const worker = new Worker(
        `const { parentPort, workerData } = require('node:worker_threads');
         import(workerData.dist).then(({ TakeOver }) => {
           const claims = TakeOver.from(workerData.claims);
           const got = [];
           for (let k = claims.claim(); k !== -1; k = claims.claim()) got.push(k);
           parentPort.postMessage(got);
         });`,
        { eval: true, workerData: { dist, claims: claims.data() } },
      );
      const taken: number[] = [];
      const answer = new Promise<number[]>((resolve) => worker.once('message', resolve));
      let end = total;
      for (let k = claims.takeOver(2); k !== -1; k = claims.takeOver(2)) {
        for (let c = k; c < end; c++) taken.push(c);
        end = k;
      }
      const got = await answer;
      await worker.terminate();
      expect(got).toEqual(Array.from({ length: got.length }, (_, i) => i));
      expect([...got, ...taken].sort((a, b) => a - b)).toEqual(Array.from({ length: total }, (_, i) => i));
    }
  });
});

describe('lineStart', () => {
  it('is the start of the first line at or after a byte: both threads find the same one', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-takeover-'));
    const file = path.join(dir, 'x.csv');
    writeFileSync(file, 'ab\ncd\n\nefgh');
    const handle = await fs.open(file, 'r');
    const size = 11;
    try {
      // A line starts at 3 (after "ab\n"): from 3 itself, from 1 and 2 the next one is 3.
      expect(await Promise.all([0, 1, 2, 3, 4, 6, 7, 8, 11].map((at) => lineStart(handle, at, size)))).toEqual([0, 3, 3, 3, 6, 6, 7, 11, 11]);
    } finally {
      await handle.close();
    }
  });
});
