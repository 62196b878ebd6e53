import { Readable } from 'node:stream';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../../src/core/errors.js';
import type { RecordKind } from '../../src/io/map/fields.js';
import { importFile } from '../../src/io/map/import.js';
import { buildExportFixtures } from '../fixtures/exports.js';

// In the suite a few hundred cases per property; `npm run fuzz` runs 100,000 (FUZZ_RUNS).
const RUNS = Number(process.env.FUZZ_RUNS ?? 150);
const PER_CASE_MS = 2_000;

let seeds: Buffer[] = [];
beforeAll(async () => {
  seeds = Object.values(await buildExportFixtures());
});

/** Reads bytes as an export of a kind: records or a typed UserError, nothing else, within a time bound. */
async function readsOrRefuses(bytes: Uint8Array, kind: RecordKind): Promise<void> {
  const started = Date.now();
  try {
    await importFile('-', kind, { cwd: process.cwd(), stdin: Readable.from([Buffer.from(bytes)]), maxBadRows: { share: 1 } }, () => undefined);
  } catch (error) {
    if (!(error instanceof UserError)) throw new Error(`not a typed error: ${(error as Error)?.stack ?? String(error)}`);
    expect(error.message.length).toBeGreaterThan(0);
  }
  const took = Date.now() - started;
  if (took > PER_CASE_MS) throw new Error(`took ${took} ms`);
}

const kind = fc.constantFrom<RecordKind>('deals', 'activities', 'payments', 'spend', 'plan');

/** Byte-level mutations of a valid export: flips, inserts, deletions, truncation, duplication. */
const mutation = fc.oneof(
  fc.record({ op: fc.constant('flip' as const), at: fc.nat(), byte: fc.integer({ min: 0, max: 255 }) }),
  fc.record({ op: fc.constant('insert' as const), at: fc.nat(), bytes: fc.uint8Array({ maxLength: 16 }) }),
  fc.record({ op: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 64 }) }),
  fc.record({ op: fc.constant('truncate' as const), at: fc.nat() }),
  fc.record({ op: fc.constant('duplicate' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 256 }) }),
  fc.record({ op: fc.constant('token' as const), at: fc.nat(), token: fc.constantFrom('"', ';', ',', '\t', '\n', '\r', '\u0000', '<td>', '</tr>', '<!DOCTYPE x>', '&amp;', '﻿', 'Итого', '99/99/2025', '1e309', '<row r="1">') }),
);

type Mutation = typeof mutation extends fc.Arbitrary<infer T> ? T : never;

function mutate(input: Buffer, steps: Mutation[]): Buffer {
  let b = input;
  for (const m of steps) {
    const at = b.length === 0 ? 0 : m.at % (b.length + 1);
    switch (m.op) {
      case 'flip':
        if (b.length > 0) {
          b = Buffer.from(b);
          b[at % b.length] = m.byte;
        }
        break;
      case 'insert':
        b = Buffer.concat([b.subarray(0, at), Buffer.from(m.bytes), b.subarray(at)]);
        break;
      case 'delete':
        b = Buffer.concat([b.subarray(0, at), b.subarray(at + m.length)]);
        break;
      case 'truncate':
        b = b.subarray(0, at);
        break;
      case 'duplicate':
        b = Buffer.concat([b.subarray(0, at + m.length), b.subarray(at)]);
        break;
      case 'token':
        b = Buffer.concat([b.subarray(0, at), Buffer.from(m.token), b.subarray(at)]);
        break;
    }
  }
  return b;
}

describe('fuzzing the importer', () => {
  it('arbitrary bytes give records or a typed error, never anything else', async () => {
    await fc.assert(fc.asyncProperty(fc.uint8Array({ maxLength: 4096 }), kind, (bytes, k) => readsOrRefuses(bytes, k)), { numRuns: RUNS });
  });

  it('mutations of valid exports (CSV, HTML, XLSX) give records or a typed error', async () => {
    await fc.assert(
      fc.asyncProperty(fc.nat(), fc.array(mutation, { minLength: 1, maxLength: 6 }), kind, (pick, steps, k) => readsOrRefuses(mutate(seeds[pick % seeds.length]!, steps), k)),
      { numRuns: RUNS },
    );
  });
});
