import v8 from 'node:v8';
import vm from 'node:vm';

/**
 * A full garbage collection, run by a thread at the end of the deals (large files only). Reading
 * deals in two threads leaves some 40 MB of arrays dead in both: the worker's half as it was
 * handed over, the parts taken over, the tables and arenas the store outgrew. JavaScript cannot
 * free an array, and V8 collects them when its heap asks, which on a run that allocates little else
 * can be seconds later, at the end of the activities: the benchmark's peak RSS was 279-334 MB from
 * run to run, 261-278 MB with this collection in both threads (10 runs each).
 */
export function collectGarbage(): void {
  collector ??= exposeCollector();
  collector?.();
}

let collector: (() => void) | null | undefined;

/** V8's gc() (exposed for a fresh context only, the flag set back at once), or null where it cannot be had. */
function exposeCollector(): (() => void) | null {
  try {
    v8.setFlagsFromString('--expose-gc');
    const gc: unknown = vm.runInNewContext('gc');
    return typeof gc === 'function' ? (gc as () => void) : null;
  } catch {
    return null;
  } finally {
    v8.setFlagsFromString('--no-expose-gc');
  }
}
