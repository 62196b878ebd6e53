import { describe, expect, it } from 'vitest';
import { activityDone, cleanText, normalizeValue, currencyOf, decimalEvidence, parseBoolean, parseDate, parseDuration, parseNumber, phoneKey, slashEvidence, yesNo } from '../../../src/io/map/values.js';

describe('parseNumber', () => {
  // Tester T75 (F5): a deal with «н/д» in its amount was unreadable, out of the leads and the conversion.
  it('reads «not available» as no value, as an empty cell', () => {
    for (const v of ['н/д', 'Н/Д', 'n/a', 'N/A', ' n.a. ', 'н.д.']) expect(parseNumber(v), v).toBeNull();
    expect(parseNumber('н/д 5')).toBeNaN();
  });
  it.each([
    ['150000.00', 150000],
    ['15000', 15000],
    ['12 345,67', 12345.67],
    ['12\u00a0345,67', 12345.67],
    ['12\u202f345,67', 12345.67],
    ["1'234'567.5", 1234567.5],
    // The typographic apostrophe of Swiss-locale Windows (tester T46: the deal's row was skipped as not a number).
    ['12’345.67', 12345.67],
    ['1’234’567', 1234567],
    // Grouped as a locale writes it, as the plain apostrophe is (a reviewer: «01’03’2025» was revenue 1 032 025).
    ['01’03’2025', Number.NaN],
    ['12’3', Number.NaN],
    ['1,234.56', 1234.56],
    ['1.234,56', 1234.56],
    ['1.234.567', 1234567],
    ['150 000 ₽', 150000],
    ['150 000 руб.', 150000],
    ['$12,500.00', 12500],
    ['12 500 RUB', 12500],
    ['120000|RUB', 120000],
    ["'-150.5", -150.5],
    ['(1 000,50)', -1000.5],
    ['0', 0],
    ['1.5E3', 1500],
    // As the real exports write them (Salesforce, HubSpot, Kommo, Zoho), and currency before or after.
    ['€ 2.900,00', 2900],
    ['2.900,00 €', 2900],
    // Zoho India's rupees, accounting parentheses around a currency, Scandinavian kronor.
    ['Rs. 1,00,000.00', 100000],
    ['Rs.1,234.50', 1234.5],
    ['Rs 500', 500],
    ['($1,234.00)', -1234],
    ['(USD 1,234.00)', -1234],
    ['kr 1 234,00', 1234],
    ['1 234,00 kr', 1234],
    ['$22,700.00', 22700],
    ['-$1,234.50', -1234.5],
    ['25,0000000000', 25],
    ['1.234.567,89', 1234567.89],
    ['1 234 567,89', 1234567.89],
    ['(1,234.00)', -1234],
    ['USD 1,234.00', 1234],
    ['BRL 2.900,00', 2900],
    ['R$ 2.900,00', 2900],
    ['US$ 5', 5],
    ['1 500 MXN', 1500],
    ['100 usd', 100],
    ['1500р.', 1500],
  ])('%j -> %d', (raw, expected) => {
    expect(parseNumber(raw)).toBe(expected);
  });

  // A tester: `(-1)` and `(−1)` were read as +1, the parentheses' minus and the sign's making a plus, without a word.
  it('refuses accounting parentheses around a sign: unreadable, never a sign flipped twice', () => {
    for (const raw of ['(-1)', '(−1)', '(–1)', '(+1)', '(- 1 000,50)', '($-1,234.00)', '(USD -1,234.00)', '-(1)', '((1))']) expect(parseNumber(raw), raw).toBeNaN();
    expect(parseNumber('(1)')).toBe(-1);
    expect(parseNumber('−1')).toBe(-1);
  });

  // A row that left out a field shifts a date into the amount column: 01.03.2025 was revenue 1,032,025.
  it('reads digit groups only as a locale writes them: three digits each after the first (or India\'s lakh groups)', () => {
    for (const raw of ['01.03.2025', '12.12.12', '1.2.3', '1,2,3', '12,34,56', '1.2345.678', '1 0 0', '1 2345', '2025-03-01']) expect(parseNumber(raw), raw).toBeNaN();
    expect(parseNumber('1,00,000')).toBe(100000);
    expect(parseNumber('12,34,567.50')).toBe(1234567.5);
    expect(parseNumber('₹ 1,00,000.00')).toBe(100000);
    expect(parseNumber('1 000 000')).toBe(1000000);
    expect(parseNumber('1.000.000,5')).toBe(1000000.5);
    // A space beside a no-break space is one separator; decimals grouped by spaces are still decimals.
    expect(parseNumber('1 \u00a0234')).toBe(1234);
    expect(parseNumber('3,141 59')).toBe(3.14159);
  });

  it('is NaN for a number too large for an amount (infinite, or 10^15 and more): never Infinity in a sum', () => {
    for (const raw of ['1e400', '1E308', '9'.repeat(400), '1 000 000 000 000 000', '-1e15']) expect(parseNumber(raw), raw).toBeNaN();
    expect(parseNumber('999999999999999')).toBe(999999999999999);
    expect(parseNumber('1e14')).toBe(1e14);
  });

  it('is null for empty and NaN for text', () => {
    expect(parseNumber('  ')).toBeNull();
    expect(parseNumber('abc')).toBeNaN();
    expect(parseNumber('12abc')).toBeNaN();
    expect(parseNumber('ABC')).toBeNaN();
    expect(parseNumber('$')).toBeNaN();
  });

  // Two values run together where a line end was lost are not one number: `50\r3` was read as 503.
  it('takes no line break for a digit group, while spaces of every width still are', () => {
    expect(parseNumber('50\r3')).toBeNaN();
    expect(parseNumber('50\n3')).toBeNaN();
    expect(parseNumber('1\r\n234,5')).toBeNaN();
    expect(parseNumber('1\t234,5')).toBe(1234.5);
    expect(parseNumber('1\u2009234\u202f567')).toBe(1234567);
    expect(decimalEvidence('1\n234')).toBeUndefined();
  });
});

describe('parseDate', () => {
  const utc = (...a: number[]) => Date.UTC(a[0]!, a[1]! - 1, a[2]!, a[3] ?? 0, a[4] ?? 0, a[5] ?? 0);
  it.each([
    ['05.03.2025 15:30:00', utc(2025, 3, 5, 15, 30), true],
    ['05.03.2025 15:30', utc(2025, 3, 5, 15, 30), true],
    ['05.03.2025', utc(2025, 3, 5), false],
    ['2025-03-05', utc(2025, 3, 5), false],
    ['2025-03-05 15:30', utc(2025, 3, 5, 15, 30), true],
    ['2025-03-05T15:30:12Z', utc(2025, 3, 5, 15, 30, 12), true],
    ['3/14/2025 2:05 PM', utc(2025, 3, 14, 14, 5), true],
    ['14/3/2025', utc(2025, 3, 14), false],
    ['5 марта 2025', utc(2025, 3, 5), false],
    ['5 мая 2025 г. 10:00', utc(2025, 5, 5, 10), true],
    ['Mar 5, 2025 10:00 AM', utc(2025, 3, 5, 10), true],
    ['45721', utc(2025, 3, 5), false],
    // Unix times (Mango's API, a CDR selected with UNIX_TIMESTAMP): seconds or milliseconds, UTC.
    ['1741188612', utc(2025, 3, 5, 15, 30, 12), true],
    ['1741188612000', utc(2025, 3, 5, 15, 30, 12), true],
    // Zoho; month names in ru, en, es, pt, de: full, abbreviated, with and without a dot, genitive.
    ['15 Apr, 2021 00:02:00', utc(2021, 4, 15, 0, 2), true],
    ['15 Apr, 2021 12:02:00 AM', utc(2021, 4, 15, 0, 2), true],
    ['15-Apr-2021', utc(2021, 4, 15), false],
    ['April 15, 2021 10:00 PM', utc(2021, 4, 15, 22), true],
    ['1 Sept. 2021', utc(2021, 9, 1), false],
    ['15 апр. 2021', utc(2021, 4, 15), false],
    ['15 апреля 2021 г. 10:00', utc(2021, 4, 15, 10), true],
    ['1 сентябрь 2021', utc(2021, 9, 1), false],
    ['3 дек 2021', utc(2021, 12, 3), false],
    ['15 de abril de 2021', utc(2021, 4, 15), false],
    ['15 de abr. de 2021 10:05', utc(2021, 4, 15, 10, 5), true],
    ['2 ene 2023', utc(2023, 1, 2), false],
    ['9 dic. 2023', utc(2023, 12, 9), false],
    ['7 out 2022', utc(2022, 10, 7), false],
    ['12 set 2021', utc(2021, 9, 12), false],
    ['1 fev. 2022', utc(2022, 2, 1), false],
    ['15 maio 2021', utc(2021, 5, 15), false],
    ['3 março 2021', utc(2021, 3, 3), false],
    ['15. März 2021', utc(2021, 3, 15), false],
    ['1 Mrz 2021', utc(2021, 3, 1), false],
    ['3 Dez. 2020', utc(2020, 12, 3), false],
    ['15 Mai 2021', utc(2021, 5, 15), false],
    ['5 Okt 2021', utc(2021, 10, 5), false],
    // ISO with an offset: the wall-clock time as written, the offset ignored (README, Readings).
    ['2021-05-08T03:59:51+03:00', utc(2021, 5, 8, 3, 59, 51), true],
    ['2021-05-08T03:59:51.250-0500', utc(2021, 5, 8, 3, 59, 51), true],
    ['2021-05-08 03:59:51Z', utc(2021, 5, 8, 3, 59, 51), true],
    ['45721.5', utc(2025, 3, 5, 12), true],
    // A workbook saved as CSV by a Russian Excel writes a date-time cell formatted "General" with a decimal comma.
    ['45721,5', utc(2025, 3, 5, 12), true],
    ['45475,375', utc(2024, 7, 2, 9), true],
  ])('%j', (raw, ms, hasTime) => {
    // A time marked UTC (`Z`), or a Unix time (UTC by what it is), says so, for the warning that a call log is not on the company's clock.
    expect(parseDate(raw)).toEqual({ ms, hasTime, ...(/\dZ$|^\d{10}(?:\d{3})?$/.test(raw) ? { utc: true } : {}) });
  });

  it('rejects words that are not month names', () => {
    expect(parseDate('5 foo 2021')).toBeUndefined();
    expect(parseDate('5 marsh 2021')).toBeUndefined();
  });

  it('needs an order for an ambiguous slash date, and rejects impossible dates', () => {
    expect(parseDate('03/04/2025')).toBe('needs-order');
    expect(parseDate('03/04/2025', 'dmy')).toEqual({ ms: utc(2025, 4, 3), hasTime: false });
    // AM/PM says nothing of the order (en_AU and en_IN write day-first with it): 12 AM is midnight either way.
    expect(parseDate('3/4/2025 12:05 AM')).toBe('needs-order');
    expect(parseDate('3/4/2025 12:05 AM', 'mdy')).toEqual({ ms: utc(2025, 3, 4, 0, 5), hasTime: true });
    expect(parseDate('3/4/2025 12:05 PM', 'dmy')).toEqual({ ms: utc(2025, 4, 3, 12, 5), hasTime: true });
    expect(parseDate('25/12/2025 3:30 PM')).toEqual({ ms: utc(2025, 12, 25, 15, 30), hasTime: true });
    expect(parseDate('31.02.2025')).toBeUndefined();
    expect(parseDate('не дата')).toBeUndefined();
  });

  // Tester T75 (F1): Zoho's dd-MM-yyyy and MM-dd-yyyy, Salesforce's nl_NL «1-3-2025 10:00» were «not a date»; a Hungarian locale's 2025.03.01 too.
  it('reads a day and a month by dashes before a year of four digits as a slash date, and year.month.day', () => {
    expect(parseDate('01-03-2025 10:00')).toBe('needs-order');
    expect(parseDate('01-03-2025 10:00', 'dmy')).toEqual({ ms: utc(2025, 3, 1, 10, 0), hasTime: true });
    expect(parseDate('1-3-2025', 'mdy')).toEqual({ ms: utc(2025, 1, 3), hasTime: false });
    expect(parseDate('25-12-2025 3:30 PM')).toEqual({ ms: utc(2025, 12, 25, 15, 30), hasTime: true });
    expect(parseDate('12-25-2025')).toEqual({ ms: utc(2025, 12, 25), hasTime: false });
    expect([slashEvidence('13-03-2025'), slashEvidence('03-13-2025'), slashEvidence('03-04-2025')]).toEqual(['dmy', 'mdy', 'ambiguous']);
    // Two digits of year by dashes may be year first: no date. An ISO date is still year first.
    expect(parseDate('01-03-25', 'dmy')).toBeUndefined();
    expect(parseDate('2025-03-01')).toEqual({ ms: utc(2025, 3, 1), hasTime: false });
    expect(parseDate('31-02-2025', 'dmy')).toBeUndefined();
    expect(parseDate('2025.03.01 10:00')).toEqual({ ms: utc(2025, 3, 1, 10, 0), hasTime: true });
    expect(parseDate('2025.03.01.')).toEqual({ ms: utc(2025, 3, 1), hasTime: false });
  });

  // Tester T75 (F13): Excel's d-mmm-yy and a Russian Excel's «01.мар.25» were «not a date».
  it('reads a month name between dots or dashes, with two digits of year as Excel reads them', () => {
    expect(parseDate('01-Mar-25')).toEqual({ ms: utc(2025, 3, 1), hasTime: false });
    expect(parseDate('5-Mar-25 10:00')).toEqual({ ms: utc(2025, 3, 5, 10, 0), hasTime: true });
    expect(parseDate('01.мар.25')).toEqual({ ms: utc(2025, 3, 1), hasTime: false });
    expect(parseDate('01.мар.2025')).toEqual({ ms: utc(2025, 3, 1), hasTime: false });
    expect(parseDate('01-Mar-99')).toEqual({ ms: utc(1999, 3, 1), hasTime: false });
    expect(parseDate('01-Foo-25')).toBeUndefined();
  });

  it('takes ten digits for a Unix time only in 2000-2039: a phone number or an id is none', () => {
    expect(parseDate('9161234567')).toBeUndefined();
    expect(parseDate('4951234567')).toBeUndefined();
    expect(parseDate('0123456789')).toBeUndefined();
    expect(parseDate('12345678901')).toBeUndefined();
  });

  // Tester T54 F10: RingCentral's «Mon 03/03/2025», Excel's long date, an e-mail's date were «not a date».
  it('reads a date after its weekday, and takes the weekday as the day-month order\'s evidence', () => {
    const at = (raw: string, order?: 'dmy' | 'mdy') => {
      const d = parseDate(raw, order);
      return d === undefined || d === 'needs-order' ? d : new Date(d.ms).toISOString().slice(0, 16);
    };
    expect(at('Mon 03/03/2025')).toBe('2025-03-03T00:00');
    // 4 March 2025 was a Tuesday, 3 April a Thursday: the weekday settles the order, whatever --date-format says.
    expect(at('Tue 03/04/2025')).toBe('2025-03-04T00:00');
    expect(at('Tue 03/04/2025', 'dmy')).toBe('2025-03-04T00:00');
    expect(at('Thu 03/04/2025', 'mdy')).toBe('2025-04-03T00:00');
    expect(at('Monday, March 3, 2025')).toBe('2025-03-03T00:00');
    expect(at('Mon, 03 Mar 2025 10:00:00 +0000')).toBe('2025-03-03T10:00');
    expect(parseDate('Mon, 03 Mar 2025 10:00:00 +0000')).toMatchObject({ utc: true });
    expect(at('понедельник, 3 марта 2025 г.')).toBe('2025-03-03T00:00');
    expect(at('Пн 03.03.2025 09:15')).toBe('2025-03-03T09:15');
    expect(at('lundi 3 mars 2025')).toBe('2025-03-03T00:00');
    expect(at('Di., 04.03.2025')).toBe('2025-03-04T00:00');
    // A weekday that is neither reading's day leaves the cell no date, as 31 April does; a word that is no weekday too.
    expect(at('Fri 03/04/2025')).toBeUndefined();
    expect(at('Wed 03.03.2025')).toBeUndefined();
    expect(at('Due 03.03.2025')).toBeUndefined();
    // «Mar» is a month before it is Spanish Tuesday: «Mar 4, 2025» is 4 March.
    expect(at('Mar 4, 2025')).toBe('2025-03-04T00:00');
    // Review R47: a weekday both readings fall on (3 December and 12 March 2025 were Wednesdays) settles nothing:
    // the column's other rows decide, as their weekdays show («Tue 03/04/2025» says month first), else --date-format.
    expect(parseDate('Wed 03/12/2025')).toBe('needs-order');
    expect(at('Wed 03/12/2025', 'mdy')).toBe('2025-03-12T00:00');
    expect(at('Wed 03/12/2025', 'dmy')).toBe('2025-12-03T00:00');
    expect([slashEvidence('Tue 03/04/2025'), slashEvidence('Wed 03/12/2025'), slashEvidence('Mon 03/03/2025'), slashEvidence('Thu 13/03/2025')]).toEqual(['mdy', 'ambiguous', undefined, 'dmy']);
  });
});

// Tester T70: a no-break space between the date and the time (a re-saved Excel's) was «not a date» that read as one.
describe('parseDate with a no-break or thin space between the date and the time', () => {
  it('reads it as a space', () => {
    for (const space of ['\u00a0', '\u202f', '\u2009']) {
      expect(parseDate(`01.03.2025${space}10:00`)).toMatchObject({ ms: Date.UTC(2025, 2, 1, 10, 0), hasTime: true });
      expect(parseDate(`2025-03-01${space}10:00:05`)).toMatchObject({ ms: Date.UTC(2025, 2, 1, 10, 0, 5), hasTime: true });
    }
  });
});

// Tester T70 (M5): Bitrix24's Ukrainian call log writes «2 хв, 30 сек».
// Review R53 (M3): Zoho's task statuses, and in its Russian interface.
describe('activityDone knows Zoho\'s task statuses', () => {
  it('Waiting for input, «Не начата», «Отложена», «В процессе» are still to do', () => {
    for (const v of ['Waiting for input', 'Не начата', 'Отложена', 'В процессе', 'Ожидание ввода']) expect([v, activityDone(v, undefined)]).toEqual([v, false]);
  });
});

describe('parseDuration in Ukrainian minutes', () => {
  it('reads хв as minutes', () => {
    expect(parseDuration('2 хв, 30 сек')).toBe(150);
    expect(parseDuration('0 хв, 0 сек')).toBe(0);
  });
});

describe('parseDuration', () => {
  it.each([
    ['2 мин, 5 сек', 's', 125],
    ['0 мин, 0 сек', 's', 0],
    ['1 ч 2 мин', 's', 3720],
    ['00:03:10', 's', 190],
    ['03:10', 's', 190],
    ['01:30', 'hhmm', 5400],
    ['125000', 'ms', 125],
    ['90', 's', 90],
    // A column in minutes (its header «Длительность, мин», or --map units: min): 12 min, 1.5 min; a clock m:s.
    ['12', 'min', 720],
    ['1,5', 'min', 90],
    ['5:30', 'min', 330],
    // Units as telephony logs abbreviate them, glued or not (a hostile review: «1м 23с» read as 23 s).
    ['1м 23с', 's', 83],
    ['1м23с', 's', 83],
    ['1 мин. 2 сек.', 's', 62],
    ['1 мин и 5 сек', 's', 65],
    ['3 минуты', 's', 180],
    ['5м', 's', 300],
    ['1h30m', 's', 5400],
    ['2 min 5 sec', 's', 125],
    // A clock with a unit word: what its first part counts («01:23 мин» read as 1,380 s).
    ['01:23 мин', 's', 83],
    ['1:30 h', 's', 5400],
    ['01:23:45 ч', 's', 5025],
    ['00:05 сек', 's', 5],
    ['1 минуту', 's', 60],
    // Words before the number and remarks in brackets say nothing of the duration (a review: read before, then refused).
    ['около 5 мин', 's', 300],
    ['5 мин (перезвон)', 's', 300],
    // A bracket that restates the duration (Issabel's and Elastix's CDR report: billsec «120s», then « (2m 0s)» from a minute up; a tester: refused).
    ['120s (2m 0s)', 's', 120],
    ['3725s (1h 2m 5s)', 's', 3725],
    ['120 (2 мин)', 's', 120],
    ['90 (1,5 мин)', 's', 90],
    ['120s (120)', 's', 120],
    ['2 (120 сек)', 'min', 120],
    ['120000 (2m 0s)', 'ms', 120],
    ['0s (0m 0s)', 's', 0],
    ['120 (2 мин) (перезвон)', 's', 120],
  ] as const)('%j (%s) -> %d s', (raw, unit, expected) => {
    expect(parseDuration(raw, unit)).toBe(expected);
  });

  // Which of two durations is right is not known: the cell is refused, as it was before.
  it.each(['120s (2m 5s)', '120 (3 мин)', '125 (2 мин)', '5 мин (2 попытки)', '120s (2m 0s) (2m)', '120 (-2 мин)', '-120 (2 мин)'])('%j, a bracket that says another duration or no duration, is no duration', (raw) => {
    expect(parseDuration(raw)).toBeNaN();
  });

  it.each(['500ms', '5 мин abc', '1:23 кг', '1:02:03 мин', 'мин', '2 мин 3', '5 kr', '5 Rs'])('%j is no duration (its row is skipped, naming the column)', (raw) => {
    expect(parseDuration(raw)).toBeNaN();
  });

  // A tester (tT22 #5): a log writing «-» for a missed call's duration had every missed call refused as a bad row.
  it.each(['-', ' - ', '—', '–', '−', '--', 'n/a', 'N/A', 'н/д'])('%j is no duration (empty), as a dash alone in an amount is', (raw) => {
    expect(parseDuration(raw)).toBeNull();
    expect(parseDuration(raw, 'hhmm')).toBeNull();
  });

  it('a dash with a number is still no duration: a negative one, or a range', () => {
    expect(parseDuration('-5')).toBeNaN();
    expect(parseDuration('−5')).toBeNaN();
    expect(parseDuration('5-10')).toBeNaN();
  });

  it('reads an ambiguous «1,234» by the mark its column decided: thousands as grouping, else as that decimal mark', () => {
    // A US report's seconds and HubSpot's milliseconds with thousands commas (a tester: talk 1000 times too low).
    expect(parseDuration('1,234', 's', 'grouping')).toBe(1234);
    expect(parseDuration('12,345', 's', 'grouping')).toBe(12345);
    expect(parseDuration('125,000', 'ms', '.')).toBe(125);
    expect(parseDuration('125.000', 'ms', ',')).toBe(125);
    // A column that writes decimal commas («12,5» s decided it): three decimals are milliseconds.
    expect(parseDuration('1,234', 's', ',')).toBe(1.234);
    // What is not ambiguous reads alike with any mark: several groups, a zero before the mark, a clock.
    expect(parseDuration('1,060,000', 'ms', ',')).toBe(1060);
    expect(parseDuration('0,250', 's', 'grouping')).toBe(0.25);
    expect(parseDuration('00:01:23', 's', 'grouping')).toBe(83);
  });
});

describe('cleanText and parseBoolean', () => {
  it('collapses Unicode whitespace and strips markup', () => {
    expect(cleanText(' Иванов\u00a0\u00a0 Иван ')).toBe('Иванов Иван');
    // A spreadsheet-safe exporter's quote before = + - @ (Odoo): the text without it (tester T46 F8); other quotes stay.
    expect(["'-- too expensive", "'+7 999", "'=A1", "'@home", "'Quoted'", "O'Brien"].map(cleanText)).toEqual(['-- too expensive', '+7 999', '=A1', '@home', "'Quoted'", "O'Brien"]);
    // NEL (U+0085) is Unicode whitespace, though JavaScript's \s leaves it out.
    expect(cleanText('\u0085Ann\u0085Smith\u0085')).toBe('Ann Smith');
    // A failed formula's value names nothing (tester T49 F1: «#N/A» was a loss reason, a source, a client); a text with # in it stays.
    expect(['#N/A', '#REF!', '#DIV/0!', '#VALUE!', '#NAME?', '#N/A ', '#SPILL!', ' #N/A', '#n/a', '#BLOCKED!', '#ERROR!'].map(cleanText)).toEqual(['', '', '', '', '', '', '', '', '', '', '']);
    expect(['#1 клиент', '#N/A2', 'Заказ #N/A', '#'].map(cleanText)).toEqual(['#1 клиент', '#N/A2', 'Заказ #N/A', '#']);
    expect(cleanText('<span class="a">Петрова&nbsp;Анна</span>')).toBe('Петрова Анна');
    // A '<' that opens no tag is text: a reason «цена < 5 и > 3» lost its middle.
    expect(cleanText('цена < 5 и > 3')).toBe('цена < 5 и > 3');
    expect(cleanText('<!-- заметка -->Дорого<br/>')).toBe('Дорого');
    // An address in angle brackets is no tag: the manager «<ivan@corp.ru>» was read as no manager.
    // After a name it is the name's («Ivan Petrov <ivan@corp.com>» is the deals file's «Ivan Petrov»).
    expect(cleanText('<ivan@corp.ru>')).toBe('ivan@corp.ru');
    expect(cleanText('Иван Петров <ivan@corp.ru>')).toBe('Иван Петров');
    expect(cleanText('<o:p>Ivan Petrov</o:p>')).toBe('Ivan Petrov');
    // Only an HTML element's name is markup: a CRM's placeholder in a plain CSV is a value (a tester's «<other>» loss reason read as none).
    expect(cleanText('<other>')).toBe('<other>');
    expect(cleanText('Site <ads>')).toBe('Site <ads>');
    expect(cleanText('<B>Сайт</B>')).toBe('Сайт');
    expect(cleanText('<a href="/crm/deal/1/">Иван</a> <FONT color=red>Петров</FONT>')).toBe('Иван Петров');
  });
  it('composes a letter written as a base and a combining mark (NFD, as macOS tools write й and ё)', () => {
    const nfd = 'Андрей Йорк'.normalize('NFD');
    expect(nfd).not.toBe('Андрей Йорк');
    expect(cleanText(nfd)).toBe('Андрей Йорк');
    expect(cleanText('Артём'.normalize('NFD'))).toBe('Артём');
    // NFC only: a compatibility form (a ligature, a full-width letter) is left as written.
    expect(cleanText('ﬁnance')).toBe('ﬁnance');
    // A stage or status looked up in a value map: «Проигранный» and «Отменён» so written are the words the maps know.
    expect(normalizeValue('Проигранный'.normalize('NFD'))).toBe('проигранный');
    expect(normalizeValue('Отменён'.normalize('NFD'))).toBe('отменен');
  });
  it('drops the characters that show nothing, so that a name copied from a web page is the name typed', () => {
    // A zero-width space, a soft hyphen, a word joiner, direction marks.
    expect(cleanText('Иванов\u200b Иван')).toBe('Иванов Иван');
    expect(cleanText('Сидо\u00adров')).toBe('Сидоров');
    expect(cleanText('\u200eПетрова\u2060 Анна\u200f')).toBe('Петрова Анна');
    expect(cleanText('Иванов \u200b Иван')).toBe('Иванов Иван');
  });
  it('reads yes/no in both languages', () => {
    expect([parseBoolean('Да'), parseBoolean('Нет'), parseBoolean('TRUE'), parseBoolean('0'), parseBoolean('maybe')]).toEqual([true, false, true, false, undefined]);
  });
});

// A tester: Odoo's «Activo» re-saved by a Spanish Excel (VERDADERO / FALSO) was read as neither, and an
// archived, lost opportunity counted open. Excel writes its booleans in the language of its interface.
describe('yesNo and parseBoolean read the TRUE and FALSE a localised Excel writes', () => {
  it.each([
    ['ru', 'ИСТИНА', 'ЛОЖЬ'],
    ['es', 'VERDADERO', 'FALSO'],
    ['pt', 'VERDADEIRO', 'FALSO'],
    ['it', 'VERO', 'FALSO'],
    ['de', 'WAHR', 'FALSCH'],
    ['fr', 'VRAI', 'FAUX'],
    ['nl', 'WAAR', 'ONWAAR'],
    ['pl', 'PRAWDA', 'FAŁSZ'],
    ['tr', 'DOĞRU', 'YANLIŞ'],
    ['tr, as typed', 'Doğru', 'Yanlış'],
    ['cs', 'PRAVDA', 'NEPRAVDA'],
    ['sv', 'SANT', 'FALSKT'],
    ['da', 'SAND', 'FALSK'],
    ['nb', 'SANN', 'USANN'],
    ['fi', 'TOSI', 'EPÄTOSI'],
    ['hu', 'IGAZ', 'HAMIS'],
  ])('%s: %s / %s', (_, yes, no) => {
    expect([yesNo(yes), yesNo(no), parseBoolean(yes), parseBoolean(` ${no.toLowerCase()} `)]).toEqual([true, false, true, false]);
  });

  it('a checkbox\'s marks are flags (x, ✓, +; -, empty), not a yes or a no a status column says', () => {
    expect(['x', '✓', '+', '-', ''].map(parseBoolean)).toEqual([true, true, true, false, false]);
    expect(['x', '-', '', 'maybe', 'Quizás'].map(yesNo)).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });

  // HubSpot's API writes its enumerations as codes: hs_task_status NOT_STARTED, IN_PROGRESS, WAITING, DEFERRED,
  // COMPLETED; hs_meeting_outcome SCHEDULED, RESCHEDULED, COMPLETED, NO_SHOW, CANCELED.
  it('HubSpot\'s task statuses and meeting outcomes as the API codes them', () => {
    expect(['NOT_STARTED', 'IN_PROGRESS', 'WAITING', 'DEFERRED', 'COMPLETED'].map((v) => activityDone(v, undefined))).toEqual([false, false, false, false, true]);
    expect(['SCHEDULED', 'RESCHEDULED', 'COMPLETED', 'NO_SHOW', 'CANCELED', ''].map((v) => activityDone(v, undefined))).toEqual([false, false, true, 'called off', 'called off', undefined]);
  });

  // hs_email_status: SENT and SENDING took place, BOUNCED and FAILED were not delivered, SCHEDULED is planned; a blank one (an incoming e-mail's) says nothing.
  it('HubSpot\'s e-mail statuses as the API codes them', () => {
    expect(['SENT', 'SENDING', 'BOUNCED', 'FAILED', 'SCHEDULED', ''].map((v) => activityDone(v, undefined, undefined, true))).toEqual([true, true, 'not delivered', 'not delivered', false, undefined]);
  });

  // Bounced and failed said «not delivered» in any done column: a call's or a task's «Failed» was dropped as an e-mail not delivered.
  it('bounced and failed are an e-mail\'s only: elsewhere values no rule knows', () => {
    expect(['Bounced', 'Failed'].map((v) => activityDone(v, undefined))).toEqual([undefined, undefined]);
  });

  it('a done column reads the same words, and its own (done, to do) as before', () => {
    expect(['VERDADERO', 'FALSCH', 'done', 'выполнено', 'To do', 'not done', 'не выполнено', 'Pending', 'Cancelled'].map((v) => activityDone(v, false))).toEqual([true, false, true, true, false, false, false, false, 'called off']);
  });
});

describe('decimalEvidence and the column decision for 1,234 / 1.234', () => {
  it.each([
    ['1.234,56', ','],
    ['1,5', ','],
    ['25,0000000000', ','],
    ['0,123', ','],
    ['1.234.567', ','],
    ['1 234,567', ','],
    ['€ 2.900,00', ','],
    ['1,234.56', '.'],
    ['22.5', '.'],
    ['1,234,567', '.'],
    ['$22,700.00', '.'],
    ['1234.567', '.'],
    ['1,234', 'ambiguous'],
    ['1.234', 'ambiguous'],
    ['$25,000', 'ambiguous'],
    ['(1.500)', 'ambiguous'],
    ['15000', undefined],
    ['abc', undefined],
  ])('%j says %s', (raw, expected) => {
    expect(decimalEvidence(raw)).toBe(expected);
  });

  it('reads an ambiguous value by the mark its column decided, or as grouping', () => {
    expect(parseNumber('1,234', ',')).toBe(1.234);
    expect(parseNumber('1,234', '.')).toBe(1234);
    expect(parseNumber('1.234', ',')).toBe(1234);
    expect(parseNumber('1.234', '.')).toBe(1.234);
    expect(parseNumber('$25,000', 'grouping')).toBe(25000);
    expect(parseNumber('1.500 €', 'grouping')).toBe(1500);
    // An unambiguous value keeps its own reading whatever the column says.
    expect(parseNumber('1,5', '.')).toBe(1.5);
  });
});

describe('currencyOf', () => {
  it.each([
    ['120000|RUB', 'RUB'],
    ['5000|usd', 'USD'],
    ['$22,700.00', '$'],
    ['-$1,234.00', '$'],
    ['€ 2.900,00', 'EUR'],
    ['1 234,00 RUB', 'RUB'],
    ['USD 1,234.00', 'USD'],
    ['5 000 руб.', 'RUB'],
    ['5 000 ₽', 'RUB'],
    ['R$ 1.500,00', 'BRL'],
    ['Rs. 1,00,000.00', 'INR'],
    ['(USD 1,234.00)', 'USD'],
    ['kr 1 234,00', 'kr'],
    ['150000.00', undefined],
    ['12 345,67', undefined],
    ['', undefined],
  ])('%s -> %s', (raw, code) => {
    expect(currencyOf(raw)).toBe(code);
  });
});

describe('phoneKey', () => {
  it.each([
    ['+7 (916) 765-43-21', '79167654321'],
    ['8 916 765-43-21', '79167654321'],
    ['79167654321', '79167654321'],
    ['+1 415 555 0100', '14155550100'],
    ['123-45-67', '1234567'],
    // Ten digits of a Russian number with no country code, as telephony logs write them.
    ['9167654321', '79167654321'],
    ['(495) 123-45-67', '74951234567'],
    ['(212) 555-0100', '2125550100'],
    // Tester T73 (F16): a contact's phone with an extension or a remark is its main number (what a call log shows), a float its whole number.
    ['+7 916 765 43 21 доб. 5', '79167654321'],
    ['8 (495) 123-45-67, доб. 123', '74951234567'],
    ['8-495-123-45-67 (секретарь)', '74951234567'],
    ['8 495 123 45 67 (доб. 5)', '74951234567'],
    ['+1 415 555 0100 ext. 12', '14155550100'],
    ['+7 495 123-45-67 x12', '74951234567'],
    ['8 916 765 43 21 #5', '79167654321'],
    ['79167654321.0', '79167654321'],
  ])('%s is the client %s', (raw, key) => {
    expect(phoneKey(raw)).toBe(key);
  });
  it.each(['ООО Ромашка', '12345', '1234567890123456', '12.0', '+7 916 (моб.)', 'Иванов (доб. 5)', '1 500 000 (руб.)', '12345678 (заказ)', '2024-03-15 (пт)', '123-45-67 доб. 5'])('%s is no phone', (raw) => {
    expect(phoneKey(raw)).toBeUndefined();
  });
});

// An Excel accounting zero made the whole deal unreadable; a negative or impossible duration was taken.
describe('dashes, negative and impossible durations, fractions of a second, RUR', () => {
  it('a dash with a currency mark is Excel\'s zero; a dash alone is no value', () => {
    for (const raw of [' $-   ', ' -   ₽ ', '-₽', '€ -']) expect(parseNumber(raw), raw).toBe(0);
    for (const raw of ['-', ' — ', '–']) expect(parseNumber(raw), raw).toBeNull();
    expect(parseNumber('-5')).toBe(-5);
  });

  it('a negative duration and a clock past 59 are no duration; a fraction of a second is read', () => {
    for (const raw of ['-5', '-00:01:00', '00:60:00', '01:75', '1:00:60']) expect(parseDuration(raw), raw).toBeNaN();
    expect(parseDuration('00:01:23.456')).toBeCloseTo(83.456, 9);
    expect(parseDuration('01:23,5')).toBeCloseTo(83.5, 9);
    expect(parseDuration('90:00')).toBe(5400);
  });

  // Tester T66 L12: an XML 2003 DateTime cell with no time style in a duration column, refused on every row.
  it("a time on Excel's day 0 is a duration written as a date; another date with a time is none", () => {
    expect(parseDuration('1899-12-31 00:05:30')).toBe(330);
    expect(parseDuration('1899-12-31T00:05:30.000')).toBe(330);
    expect(parseDuration('1899-12-30 01:02:03')).toBe(3723);
    expect(parseDuration('1899-12-31 00:05')).toBe(300);
    expect(parseDuration('1900-01-01 00:05:30')).toBeNaN();
    expect(parseDuration('2025-03-01 00:05:30')).toBeNaN();
  });

  it('RUR, the old rouble code 1C still writes, is the rouble', () => {
    expect(currencyOf('1 000 RUR')).toBe('RUB');
    expect(currencyOf('1000|RUR')).toBe('RUB');
  });
});

// «01.02.99» was read as 2099: a deal in the future, said only by the future-dates alert.
describe('two-digit years', () => {
  it('are read as Excel reads them: 00-29 in this century, 30-99 in the last', () => {
    const ms = (raw: string) => (parseDate(raw) as { ms: number } | undefined)?.ms;
    expect(ms('01.02.25')).toBe(Date.UTC(2025, 1, 1));
    expect(ms('01.02.29')).toBe(Date.UTC(2029, 1, 1));
    expect(ms('01.02.99')).toBe(Date.UTC(1999, 1, 1));
    expect(ms('01.02.30')).toBe(Date.UTC(1930, 1, 1));
  });
});

describe('parseNumber: a currency sign lost on a re-save', () => {
  it('reads «?» after an amount as the sign Windows-1251 has not (Excel writes «120 000,00 ₽» as «120 000,00 ?»)', () => {
    expect(parseNumber('120 000,00 ?')).toBe(120000);
    expect(parseNumber('1500?')).toBe(1500);
    expect(parseNumber('?')).toBeNaN();
    expect(parseNumber('12?3')).toBeNaN();
    // A currency of its own for the warning about several currencies: «?» beside «$» is no one currency.
    expect(currencyOf('150 000,00 ?')).toBe('?');
  });
});

describe('currencyCode', () => {
  it('names one currency one way, whatever its spelling: the marks currencyOf knows, $ as USD, a word upper-cased', async () => {
    const { currencyCode } = await import('../../../src/io/map/values.js');
    expect(['руб.', 'RUB', '₽', 'р.', 'rub'].map(currencyCode)).toEqual(['RUB', 'RUB', 'RUB', 'RUB', 'RUB']);
    expect(['$', 'usd', 'US$', 'EUR', '€', 'грн', 'BRL'].map(currencyCode)).toEqual(['USD', 'USD', 'USD', 'EUR', 'EUR', 'UAH', 'BRL']);
    expect(currencyCode(' tenge ')).toBe('TENGE');
  });

  // A tester: Bitrix24 deals in «Российский рубль» and its invoices in RUB were warned as two currencies (T29 F6).
  it('names a currency by its name as a CRM writes it: «Российский рубль» is RUB, «Доллар США» USD, «Евро» EUR; «Белорусский рубль» is not RUB', async () => {
    const { currencyCode } = await import('../../../src/io/map/values.js');
    expect(['Российский рубль', 'рубль', 'RUR', 'Russian Ruble'].map(currencyCode)).toEqual(['RUB', 'RUB', 'RUB', 'RUB']);
    expect(['Доллар США', 'US Dollar', 'Евро', ' euro ', 'Тенге'].map(currencyCode)).toEqual(['USD', 'USD', 'EUR', 'EUR', 'KZT']);
    expect(currencyCode('Белорусский  рубль')).toBe('BYN');
  });

  // A reviewer: «Канадский доллар» ends in a bare «р», read as roubles: a file of RUB and CAD added both into one revenue without a word.
  it('a name no table knows is itself, never read as an amount\'s mark; a code beside a name is the code; plurals and «бел. руб.» as their singular', async () => {
    const { currencyCode } = await import('../../../src/io/map/values.js');
    expect(['Канадский доллар', 'Австралийский доллар', 'Сингапурский доллар'].map(currencyCode)).toEqual(['КАНАДСКИЙ ДОЛЛАР', 'АВСТРАЛИЙСКИЙ ДОЛЛАР', 'СИНГАПУРСКИЙ ДОЛЛАР']);
    expect(['RUB - Российский рубль', 'USD - US Dollar', 'Евро (EUR)', 'Российские рубли', 'Доллары США'].map(currencyCode)).toEqual(['RUB', 'USD', 'EUR', 'RUB', 'USD']);
    expect(['бел. руб.', 'Белорусские рубли'].map(currencyCode)).toEqual(['BYN', 'BYN']);
  });
});
