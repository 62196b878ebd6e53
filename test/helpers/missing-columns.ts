import { assertRequired, ColumnsMissing, mapColumns } from '../../src/io/map/mapping.js';

/** The error mapping a header and its first rows stops with (which fields are missing, what is proposed, and the snippets). */
export function missingOf(headers: string[], rows: string[][], kind: 'deals' | 'activities' | 'spend' | 'plan'): ColumnsMissing {
  try {
    assertRequired(mapColumns(headers, kind), 'f.csv', rows);
  } catch (error) {
    if (error instanceof ColumnsMissing) return error;
    throw error;
  }
  throw new Error('nothing missing');
}
