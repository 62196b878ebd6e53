import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { collectGarbage } from '../../../src/io/parallel/collect.js';

describe('collectGarbage', () => {
  it('frees an array nothing refers to any more, at once', async () => {
    let array: Float64Array | undefined = new Float64Array(1 << 20);
    const ref = new WeakRef(array);
    array = undefined;
    // A WeakRef keeps its target until the end of the job that read it.
    await new Promise((resolve) => setTimeout(resolve, 0));
    collectGarbage();
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(ref.deref()).toBeUndefined();
  });

  it('leaves no gc() to contexts made afterwards', () => {
    collectGarbage();
    expect(vm.runInNewContext('typeof gc')).toBe('undefined');
  });
});
