// What a terminal shows of text that came from a file: its control characters made harmless.

/**
 * Control characters a terminal would act on: C0 but tab, line feed and a CR before one; DEL; C1; ESC
 * (see terminalSafe); and the bidirectional overrides and isolates, which reverse the rest of a line on
 * a terminal that honours them (a file named «\u202Egsm.exe.csv»: tester T52 F7).
 */
// eslint-disable-next-line no-control-regex -- the control characters are what this finds
const UNSAFE_WITH_COLOUR = /\u001b(?!\[(?:1|2|22|31|32|33|36|39)m)|\r(?!\n)|[\u0000-\u0008\u000b\u000c\u000e-\u001a\u001c-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
// eslint-disable-next-line no-control-regex -- as above
const UNSAFE = /\u001b|\r(?!\n)|[\u0000-\u0008\u000b\u000c\u000e-\u001a\u001c-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text that is safe to show on a terminal: a control character that came from a file (an escape
 * sequence in a manager's name clears the screen, moves the cursor or retitles the window) is shown
 * as U+FFFD. `colour`: the text holds this program's colours, which stay: only the codes it writes
 * (bold, dim, red, green, yellow, cyan and their ends), so that a name's «ESC [8m» hides nothing.
 */
export function terminalSafe(text: string, colour: boolean): string {
  return text.replace(colour ? UNSAFE_WITH_COLOUR : UNSAFE, '\ufffd');
}

/**
 * `value` with every text of the data in it made safe (terminalSafe without colour), keys too: what a
 * terminal renderer takes before it paints a thing, so that the only escape sequences in its output
 * are its own. A manager «Анна ESC[31m Красная» printed red on a colour terminal, «ESC[2m» dimmed the
 * rest of the row, and the table library closed the colour the name opened with a «[39m» of its own
 * and measured the row as if the codes took no room (tester T37 F4): terminalSafe on the whole output
 * cannot tell a name's ESC[31m from this program's. Two keys that become one (two loss reasons that
 * differ in a control character) add up their counts. Arrays and plain objects are copied; anything
 * else (numbers, null) is kept.
 */
export function shownData<T>(value: T): T {
  if (typeof value === 'string') return terminalSafe(value, false) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => shownData(v)) as T;
  if (value === null || typeof value !== 'object') return value;
  const proto = Object.getPrototypeOf(value) as unknown;
  if (proto !== Object.prototype && proto !== null) return value;
  const out = new Map<string, unknown>();
  for (const [k, v] of Object.entries(value)) {
    const key = terminalSafe(k, false);
    const shown = shownData(v);
    const before = out.get(key);
    out.set(key, typeof before === 'number' && typeof shown === 'number' ? before + shown : out.has(key) ? before : shown);
  }
  return Object.fromEntries(out) as T;
}
