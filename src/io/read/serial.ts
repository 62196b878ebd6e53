// io/read: an Excel serial date's time of day, shared by the workbook reader (a date cell) and the
// text parsers (a serial number written as text), without loading the workbook reader.

/**
 * A serial's time in whole seconds since its epoch: rounded to the millisecond first (10:00 is stored as
 * 0.41666…, a hair short of it), then the fraction of a second dropped, as a text time keeps whole
 * seconds: 31.12.2024 23:59:59.7 rounded to the second was 01.01.2025 (a tester).
 */
export function wholeSeconds(serial: number): number {
  return Math.floor(Math.round(serial * 86_400_000) / 1000);
}

/** The days the 1904 date system's serials are behind the 1900 system's (old Mac Excel's workbooks). */
export const DAYS_1900_TO_1904 = 1_462;
