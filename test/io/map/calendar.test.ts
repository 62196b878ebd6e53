import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateHasTime, daysFromCivil, daysInMonth, fixedDate, fixedDateDotted, fixedDateMs } from '../../../src/io/map/calendar.js';
import { parseDate } from '../../../src/io/map/values.js';

/** Text in the two fixed layouts, with any part of it possibly off (a letter, a bad month or day, another separator). */
const nearDate = fc
  .tuple(
    fc.integer({ min: 1850, max: 2250 }),
    fc.integer({ min: 0, max: 13 }),
    fc.integer({ min: 0, max: 32 }),
    fc.option(fc.tuple(fc.integer({ min: 0, max: 25 }), fc.integer({ min: 0, max: 61 }), fc.integer({ min: 0, max: 61 }))),
    fc.boolean(),
    fc.constantFrom(' ', 'T', 'x'),
    fc.option(fc.tuple(fc.nat(18), fc.constantFrom('a', '/', ' ', ':', '-', '.'))),
  )
  .map(([y, mo, d, time, iso, sep, spoil]) => {
    const p2 = (n: number) => String(n).padStart(2, '0');
    let text = iso ? `${y}-${p2(mo)}-${p2(d)}` : `${p2(d)}.${p2(mo)}.${y}`;
    if (time) text += `${sep}${p2(time[0])}:${p2(time[1])}:${p2(time[2])}`;
    if (spoil && spoil[0] < text.length) text = text.slice(0, spoil[0]) + spoil[1] + text.slice(spoil[0] + 1);
    return text;
  });

const viewOf = (buf: Buffer) => new DataView(buf.buffer, buf.byteOffset, buf.length);

/** What fixedDate read, or NaN where it left the cell to the text parser. */
const fixed = (view: DataView, s: number, e: number) => (fixedDate(view, s, e) ? fixedDateMs[0]! : Number.NaN);

describe('fixedDate', () => {
  it('reads the two fixed layouts from bytes exactly as parseDate reads the text, or leaves the cell to it', () => {
    fc.assert(
      fc.property(nearDate, fc.nat(3), (text, offset) => {
        const buf = Buffer.concat([Buffer.alloc(offset, 32), Buffer.from(text)]);
        const ms = fixed(viewOf(buf), offset, buf.length);
        if (Number.isNaN(ms)) return;
        const parsed = parseDate(text);
        expect(parsed).not.toBe('needs-order');
        expect(parsed && typeof parsed === 'object' ? { ms: parsed.ms, hasTime: parsed.hasTime } : parsed).toEqual({ ms, hasTime: dateHasTime.value });
      }),
      { numRuns: 3000 },
    );
  });

  it('reads the common forms and refuses impossible ones', () => {
    const read = (text: string) => fixed(viewOf(Buffer.from(text)), 0, text.length);
    expect(read('2024-07-01 03:17:28')).toBe(Date.UTC(2024, 6, 1, 3, 17, 28));
    expect(read('01.07.2024')).toBe(Date.UTC(2024, 6, 1));
    expect(read('2024-02-29')).toBe(Date.UTC(2024, 1, 29));
    for (const bad of ['2023-02-29', '2024-13-01', '2024-07-01 24:00:00', '2024-07-0a', '20240701', '2024/07/01', '01.07.2024 3:17:28']) expect(read(bad)).toBeNaN();
  });

  // Tester T32 F8: milliseconds after the seconds, as PBX cabinets and Excel re-saves write them, dropped as the text parser drops them.
  it('reads fractional seconds after a dot or a comma, in both layouts, as parseDate does', () => {
    const read = (text: string) => fixed(viewOf(Buffer.from(text)), 0, text.length);
    const at = Date.UTC(2025, 2, 3, 10, 5, 0);
    for (const text of ['03.03.2025 10:05:00.123', '03.03.2025 10:05:00,123', '03.03.2025 10:05:00.1', '03.03.2025 10:05:00.123456789', '2025-03-03 10:05:00.123', '2025-03-03T10:05:00,5']) {
      expect(read(text), text).toBe(at);
      const parsed = parseDate(text);
      expect(parsed && typeof parsed === 'object' ? parsed.ms : parsed, text).toBe(at);
    }
    // No digit after the mark, a letter among them, a zone after them, too many digits: left to the text parser.
    for (const text of ['03.03.2025 10:05:00.', '03.03.2025 10:05:00.12a', '2025-03-03 10:05:00.123Z', '03.03.2025 10:05:00.1234567890', '03.03.2025 10:05:00:123']) expect(read(text), text).toBeNaN();
    expect(parseDate('03.03.2025 10:05:00.')).toBeUndefined();
  });
});

describe('daysFromCivil', () => {
  it('counts the days since 1970-01-01 as Date.UTC does, for every day of the years -400 to 3000', () => {
    const wrong: string[] = [];
    for (let y = -400; y <= 3000; y++) {
      for (let m = 1; m <= 12; m++) {
        for (let d = 1; d <= daysInMonth(y, m); d++) {
          const utc = new Date(0);
          utc.setUTCFullYear(y, m - 1, d);
          if (daysFromCivil(y, m, d) !== utc.getTime() / 86_400_000) wrong.push(`${y}-${m}-${d}`);
        }
      }
    }
    expect(wrong).toEqual([]);
  });
});

// The message of slash dates no order settles names a dotted date (DateOrders.dotted): fixedDate says which layout it read.
describe('fixedDateDotted', () => {
  const read = (text: string) => {
    const bytes = new TextEncoder().encode(text);
    return fixedDate(new DataView(bytes.buffer), 0, bytes.length);
  };
  it('is true after a dotted date, false after an ISO one, with or without a time', () => {
    expect(read('25.02.2025')).toBe(true);
    expect(fixedDateDotted.value).toBe(true);
    expect(read('2025-02-25 10:00:00')).toBe(true);
    expect(fixedDateDotted.value).toBe(false);
    expect(read('25.02.2025 10:00:00')).toBe(true);
    expect(fixedDateDotted.value).toBe(true);
    expect(read('2025-02-25')).toBe(true);
    expect(fixedDateDotted.value).toBe(false);
  });
});
