// The importer's test of a workbook's other sheets (io/read/other-sheets.ts looks at their first
// rows): a sheet of deals beside the deals read (one per pipeline, one per year) is said, as its rows
// are not read; a sheet of notes, a pivot or a sheet of another kind (payments) says nothing.
import { normalizeHeader, requiredAnyOf, requiredFields, type RecordKind } from './fields.js';
import { kindSaidBy } from './kind-said.js';
import { headerScore, mapColumns } from './mapping.js';
import type { SheetHead } from '../read/other-sheets.js';

/** A header row as a key: its names normalised, trailing blank cells cut. */
function headerKey(cells: readonly string[]): string {
  const names = cells.map((c) => normalizeHeader(c));
  while (names.length > 0 && names[names.length - 1] === '') names.pop();
  return names.join('\u0000');
}

/**
 * The row of another sheet's first rows that is a header of the kind read: the header of the sheet
 * read again (`read`, whatever its names), else a header the importer recognises for the same kind
 * (the kind its names say, with the columns the kind requires). undefined where there is none.
 */
export function sameKindHeader(head: SheetHead, kind: RecordKind, read: readonly string[] | undefined, searchRows: number): number | undefined {
  if (read !== undefined) {
    const key = headerKey(read);
    const same = key === '' ? undefined : head.find((r) => headerKey(r.cells) === key);
    if (same) return same.row;
  }
  try {
    const said = kindSaidBy(head, '', searchRows);
    if (!said.said || said.kind !== kind) return undefined;
    const best = head.reduce((a, r) => (headerScore(r.cells, kind) > headerScore(a.cells, kind) ? r : a));
    const map = mapColumns(best.cells, kind);
    const has = (f: string) => map.fields.has(f);
    return requiredFields(kind).every(has) && requiredAnyOf(kind).every((group) => group.some(has)) ? best.row : undefined;
  } catch {
    // No header of any kind (a sheet of notes): nothing to say.
    return undefined;
  }
}
