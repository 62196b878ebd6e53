/**
 * The bounds of a value an export can mean, written once: the importer's readers test against them
 * and the reasons a skipped row is given are built from them.
 */

/** The first and the last year a date is read in (a date beyond them is a typo or a placeholder such as 31.12.9999). */
export const FIRST_YEAR = 1900;
export const LAST_YEAR = 2200;

/** Whether a year is one a date is read in. */
export function yearInRange(y: number): boolean {
  return y >= FIRST_YEAR && y <= LAST_YEAR;
}

/**
 * The least number too large to be read: the whole numbers the byte reader takes have at most 15
 * digits, and money is summed in cents, which must stay exact.
 */
export const TOO_LARGE = 1e15;

/** TOO_LARGE as a reader writes it (10^15). */
export const TOO_LARGE_TEXT = `10^${Math.log10(TOO_LARGE)}`;
