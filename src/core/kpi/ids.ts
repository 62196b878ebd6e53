const WHOLE = /^\d+$/;

/** Orders deal ids: numerically when both are whole numbers, else as strings (spec: repeat-sale ties). */
export function compareIds(a: string, b: string): number {
  if (WHOLE.test(a) && WHOLE.test(b)) {
    if (a.length !== b.length && !a.startsWith('0') && !b.startsWith('0')) return a.length - b.length;
    const x = Number(a);
    const y = Number(b);
    if (x !== y) return x < y ? -1 : 1;
  }
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A copy of a string that does not keep a larger parent string alive (V8 sliced strings). */
export function detach(s: string): string {
  return s.length < 13 ? s : Buffer.from(s, 'utf8').toString('utf8');
}

/** Interns strings to small integers; index 0 is the empty string. */
export class Interner {
  private readonly index = new Map<string, number>([['', 0]]);
  readonly values: string[] = [''];

  id(s: string): number {
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.values.length;
      const flat = detach(s);
      this.values.push(flat);
      this.index.set(flat, i);
    }
    return i;
  }

  find(s: string): number | undefined {
    return this.index.get(s);
  }

  get size(): number {
    return this.values.length;
  }
}
