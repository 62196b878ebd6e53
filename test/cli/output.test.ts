import { describe, expect, it } from 'vitest';
import { writeAll } from '../../src/cli/output.js';

describe('writeAll (stdout redirected to a file)', () => {
  it('writes every byte however short each write is: a disk near full writes part of a buffer and returns the count', () => {
    const bytes = Buffer.from('{"managers": [1, 2, 3]}\n'.repeat(100));
    const written: Buffer[] = [];
    let calls = 0;
    // Never more than 7 bytes a call, as a short write would be.
    writeAll(1, bytes, (_fd, b, offset, length) => {
      calls++;
      const n = Math.min(7, length);
      written.push(Buffer.from(b.subarray(offset, offset + n)));
      return n;
    });
    expect(Buffer.concat(written).equals(bytes)).toBe(true);
    expect(calls).toBe(Math.ceil(bytes.length / 7));
  });

  it('lets a failed write through, for the caller to say (ENOSPC: no space left)', () => {
    const full = Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
    expect(() =>
      writeAll(1, Buffer.from('abc'), () => {
        throw full;
      }),
    ).toThrow(full);
  });
});
