import { knownLayout } from './layouts.js';
import { UserError } from '../../core/errors.js';
import { RECORD_KINDS, type RecordKind } from './fields.js';
import { headerScore, namesTellingColumn } from './mapping.js';
import { noHeaderError } from './no-header.js';
import { detectProfile } from './profiles.js';
import type { HeadRow } from './stdin-head.js';

/**
 * guessKindSaid's judgment of a file's first rows: those read for it, or those stdin's import kept
 * (stdin-head.ts), as stdin cannot be read again. Throws as the import would where no row names a column.
 */
export function kindSaidBy(rows: readonly HeadRow[], file: string, searchRows: number): { kind: RecordKind; said: boolean } {
  // A CRM profile's signature says what the file holds before any count of names does; a known layout
  // without a header (Asterisk's Master.csv) is the call log its values show.
  for (const r of rows) {
    for (const kind of RECORD_KINDS) if (detectProfile(r.cells, kind)) return { kind, said: true };
  }
  if (knownLayout(rows)) return { kind: 'activities', said: true };
  let best: RecordKind = 'deals';
  let bestScore = 0;
  for (const kind of RECORD_KINDS) {
    // A row of data with one known value («won» in a headerless deals file) names no columns.
    const score = Math.max(0, ...rows.map((r) => headerScore(r.cells, kind)));
    // activities and payments share some names with deals: a tie goes to the more specific kind
    if (score > bestScore) [best, bestScore] = [kind, score];
  }
  if (bestScore === 0) throw rows.length === 0 ? UserError.of('E_NO_ROWS', 'import.noRows', {}, { file }) : noHeaderError(file, undefined, rows, searchRows);
  if (bestScore >= 2) return { kind: best, said: true };
  // One name each: the kind only one of whose own columns is named («Длительность разговора» beside «Кто»).
  const telling = RECORD_KINDS.filter((kind) => rows.some((r) => namesTellingColumn(r.cells, kind)));
  return telling.length === 1 ? { kind: telling[0]!, said: true } : { kind: best, said: false };
}
