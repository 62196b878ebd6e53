import { UserError } from '../../src/core/errors.js';
import { DEFAULT_LIMITS, type Limits } from '../../src/io/read/limits.js';
import { readXlsx } from '../../src/io/read/xlsx.js';

/** Reads a workbook's rows as strings, or the user error it is refused with (an internal error is thrown). */
export async function readXlsxRows(buffer: Buffer, limits: Limits = DEFAULT_LIMITS): Promise<string[][] | UserError> {
  const rows: string[][] = [];
  try {
    await readXlsx({ buffer }, 'd.xlsx', undefined, limits, (cells) => rows.push(cells as string[]));
    return rows;
  } catch (error) {
    if (error instanceof UserError) return error;
    throw error;
  }
}
