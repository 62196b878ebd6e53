/** The numbers sorted ascending (a native typed-array sort); sums over sorted values do not depend on input order. */
export function sortNumbers(values: readonly number[]): Float64Array {
  return Float64Array.from(values).sort();
}

/** Sum of ascending-sorted values. */
export function sum(sorted: ArrayLike<number> & Iterable<number>): number {
  let s = 0;
  for (const v of sorted) s += v;
  return s;
}

/** Mean of ascending-sorted values; null for none. */
export function mean(sorted: ArrayLike<number> & Iterable<number>): number | null {
  return sorted.length === 0 ? null : sum(sorted) / sorted.length;
}

/** Median of ascending-sorted values (mean of the two middle ones for an even count); null for none. */
export function median(sorted: ArrayLike<number>): number | null {
  const n = sorted.length;
  if (n === 0) return null;
  const mid = n >> 1;
  return n % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** a / b, or null when b is zero. */
export function ratio(a: number, b: number): number | null {
  return b === 0 ? null : a / b;
}

/** Index of the first element >= x in an ascending array. */
export function lowerBound(sorted: ArrayLike<number>, x: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export const DAY_MS = 86_400_000;

/** The calendar day number of a wall-clock ms value. */
export function dayOf(ms: number): number {
  return Math.floor(ms / DAY_MS);
}

/** The day number of a `YYYY-MM-DD` date. */
export function dayOfIso(date: string): number {
  return dayOf(Date.parse(`${date}T00:00:00Z`));
}
