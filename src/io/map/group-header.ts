// io/map: a header written over two rows, as a formatted report writes it: a group's name in a cell
// merged across its columns («Дата» over D1:E1), their own names under it («создания» | «закрытия»).
// Each name alone is no column a CRM exports; the group's name and the column's together are
// («Дата создания», «Дата закрытия»). The header search picks the row with the most known names; the
// row next to it is joined to it here where that makes known names of unknown ones, and only there.
import { normalizeHeader, type RecordKind } from './fields.js';
import { knownHeader, looksLikeData } from './mapping.js';

/**
 * The header row (index into `rows`) once a two-row header is joined, its cells replaced by the joined
 * names: the row under the one found (`found`) when that row holds the names under its groups, else
 * the row found, its names joined to the groups above it. A name broken across a line with a hyphen
 * («Ответствен-\nный») is joined too, where that makes it known. -1 (no header) is returned as it is.
 * Nothing is joined where a --map names (`named`) a header of the row found that the join would drop:
 * a map written for the names as they stand (`created_at: "Дата"`) reads as it did.
 */
export function joinGroupHeader(rows: Array<{ cells: string[] }>, found: number, kind: RecordKind, named: readonly string[] = []): number {
  if (found === -1) return found;
  const below = rows[found + 1];
  const under = below ? joinedRows(rows[found]!.cells, below.cells, kind, 'top') : undefined;
  const above = found > 0 && !under ? joinedRows(rows[found - 1]!.cells, rows[found]!.cells, kind, 'bottom') : undefined;
  const at = under ? found + 1 : found;
  const cells = (under ?? above ?? rows[found]!.cells).map((c) => unhyphenated(c, kind));
  const kept = new Set(cells.map(normalizeHeader));
  if (named.some((n) => !kept.has(normalizeHeader(n)) && rows[found]!.cells.some((c) => normalizeHeader(c) === normalizeHeader(n)))) return found;
  rows[at]!.cells = cells;
  return at;
}

/**
 * The names of a header of two rows, `upper` over `lower`, where some of them join to known names; else
 * undefined. A group's name spreads right over blank upper cells while the lower row names columns (a
 * merged cell is read as its first cell alone). `header` is the row the header search found: its own
 * names are kept where no join is made, the other row's only where it has none. The lower row under a
 * header found above it is no data (no number or date), and names nothing else: each of its names is
 * joined, or repeats the one above (a cell merged down, whose value every row of it shows).
 */
function joinedRows(upper: readonly string[], lower: readonly string[], kind: RecordKind, header: 'top' | 'bottom'): string[] | undefined {
  if (looksLikeData(upper) || looksLikeData(lower)) return undefined;
  const out: string[] = [];
  let group = '';
  let joins = 0;
  for (let c = 0; c < Math.max(upper.length, lower.length); c++) {
    const [u, l] = [(upper[c] ?? '').trim(), (lower[c] ?? '').trim()];
    group = u !== '' ? u : l !== '' ? group : '';
    const joined = group !== '' && l !== '' && group !== l ? `${group} ${l}` : undefined;
    if (joined !== undefined && !knownHeader(l, kind) && knownHeader(joined, kind)) {
      out.push(joined);
      joins++;
      continue;
    }
    // A name under a header found above it that neither joins nor repeats it: the lower row is something else.
    if (header === 'top' && l !== '' && u !== '' && u !== l) return undefined;
    const [own, other] = header === 'top' ? [upper[c], lower[c]] : [lower[c], upper[c]];
    out.push((own ?? '').trim() !== '' ? own! : other ?? '');
  }
  return joins > 0 ? out : undefined;
}

/** A header broken across a line with a hyphen («Ответствен-\nный») as one word, where that is a known name and the cell as written is not. */
function unhyphenated(cell: string, kind: RecordKind): string {
  if (cell.indexOf('-') === -1 || !/[\r\n]/.test(cell)) return cell;
  const joined = cell.replace(/(\p{L})-[^\S\r\n]*(?:\r\n|\r|\n)\s*(\p{L})/gu, '$1$2');
  return joined !== cell && !knownHeader(cell, kind) && knownHeader(joined, kind) ? joined : cell;
}
