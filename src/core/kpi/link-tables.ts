/**
 * The tables an activity linked to a deal writes in an engine: the deal's touches and its first
 * response time. Both start zeroed and are merged across threads without writing the slots the
 * other thread left at zero.
 *
 * The first response time is kept in a Float64Array as it is allocated (zeroed): +0 says "no
 * response yet", and a response at exactly 0 ms (1970-01-01T00:00:00Z) is kept as -0, which compares
 * and subtracts as 0 does. Not filled with Infinity first: that wrote every page of the array (8 MB a
 * million deals, per engine and thread) before the first activity, and this machine pays about 12 µs
 * for each page it writes for the first time; zeroed pages no activity reaches are never written.
 */

/** Whether a slot holds no time yet (+0, not -0). */
function none(f: number): boolean {
  return f === 0 && 1 / f > 0;
}

/** Deal d's first response time, Infinity for none (a time kept as -0 given as 0, as it was offered). */
export function firstTimeOf(first: Float64Array, d: number): number {
  const f = first[d]!;
  if (none(f)) return Infinity;
  return f === 0 ? 0 : f;
}

/** Keeps `t` as deal d's first response time when it is earlier than the one kept. */
export function offerFirstTime(first: Float64Array, d: number, t: number): void {
  const f = first[d]!;
  if (t < (none(f) ? Infinity : f)) first[d] = t === 0 ? -0 : t;
}

/** Keeps the earlier of the two times of each of the first n deals in `into`; slots `from` has none for are not written. */
export function mergeFirstTimes(into: Float64Array, from: Float64Array, n: number): void {
  for (let i = 0; i < n; i++) {
    const t = from[i]!;
    if (!none(t)) offerFirstTime(into, i, t);
  }
}

/** Adds the first n touches of `from` to `into`, writing only the slots `from` counted in. */
export function addTouches(into: Uint32Array, from: Uint32Array, n: number): void {
  for (let i = 0; i < n; i++) {
    const t = from[i]!;
    if (t !== 0) into[i]! += t;
  }
}
