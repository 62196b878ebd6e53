import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ByteScanner } from '../../../src/io/read/csv-scan.js';
import { CSV_SCAN_WASM } from '../../../src/io/read/csv-scan-wasm.js';
// @ts-expect-error: a plain ES module script without types
import { compileScanner } from '../../../scripts/build-wasm.mjs';

/** The positions of the bytes a scan must find, the slow way. */
function expected(buf: Uint8Array, from: number, end: number, d: number, nl: number): number[] {
  const out: number[] = [];
  for (let i = from; i < end; i++) if (buf[i] === d || buf[i] === 34 || buf[i] === nl) out.push(i - from);
  return out;
}

describe('ByteScanner (WebAssembly SIMD)', () => {
  it('is the module compiled from csv-scan.wat (npm run wasm regenerates it)', async () => {
    const bytes = (await compileScanner()) as Buffer;
    expect(bytes.toString('base64')).toBe(CSV_SCAN_WASM);
  });

  it('is available on this Node.js', () => {
    expect(ByteScanner.create(44, 10)).toBeDefined();
  });

  it('finds every delimiter, quote and line-end byte of a window, and nothing past its end', () => {
    fc.assert(
      fc.property(
        fc.uint8Array({ maxLength: 300 }),
        fc.constantFrom(44, 59, 9, 124, 0),
        fc.constantFrom(10, 13),
        fc.integer({ min: 1, max: 100 }),
        fc.nat(300),
        (bytes, d, nl, window, from) => {
          // Bytes that match are made frequent: every third byte is one of the three.
          const buf = Uint8Array.from(bytes, (b, i) => (i % 3 === 0 ? [d, 34, nl][b % 3]! : b));
          const start = Math.min(from, buf.length);
          const scanner = ByteScanner.create(d, nl, window)!;
          const found = scanner.scan(buf, start);
          const got = Array.from(scanner.positions.subarray(0, found));
          expect(got).toEqual(expected(buf, start, Math.min(buf.length, start + window), d, nl));
        },
      ),
      { numRuns: 500 },
    );
  });
});
