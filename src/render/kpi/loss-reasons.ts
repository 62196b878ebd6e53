import { plural, tr } from '../../core/i18n.js';

/** The key the result uses for a lost deal with an empty reason (spec/metrics.md); shown by its label. */
export const UNSPECIFIED = 'unspecified';

/** One line of a loss-reason table: a reason (or «прочие»), its deals and its share of the lost deals. */
export interface LossReasonRow {
  reason: string;
  count: number;
  share: number;
  /** True for the «прочие» / "other" line that sums the reasons past the top N. */
  other: boolean;
  /** How many reasons the «прочие» line stands for (1 for a single reason). */
  reasons: number;
}

/** How many reasons a table shows before the rest go under «прочие» (--top-reasons changes it). */
export const DEFAULT_TOP_REASONS = 10;

/** A reason as a reader sees it: the empty reason is «не указана» / "not given"; others as exported. */
export function reasonLabel(reason: string, lang: string): string {
  return reason === UNSPECIFIED ? tr(lang, 'не указана', 'not given') : reason;
}

/**
 * Loss reasons by count (ties by name), each with its share of all lost deals. With `top`, the
 * reasons past the first `top` are summed into one «прочие (N)» / "other (N)" line, so a free-text
 * reason column of thousands of values still makes a short table; `top` = Infinity keeps them all.
 */
export function lossReasonRows(reasons: Record<string, number> | null | undefined, lang: string, top: number = DEFAULT_TOP_REASONS): LossReasonRow[] {
  if (!reasons) return [];
  const entries = Object.entries(reasons).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const lost = entries.reduce((n, [, c]) => n + c, 0);
  if (lost === 0) return [];
  const row = (reason: string, count: number, other: boolean, n: number): LossReasonRow => ({ reason, count, share: count / lost, other, reasons: n });
  // A «прочие» line standing for a single reason would hide it for nothing: show it instead.
  const shown = entries.length > top + 1 ? entries.slice(0, top) : entries;
  const rows = shown.map(([r, c]) => row(reasonLabel(r, lang), c, false, 1));
  const rest = entries.slice(shown.length);
  if (rest.length > 0) {
    const n = rest.length;
    rows.push(row(tr(lang, `прочие (${n} ${plural(n, 'причина', 'причины', 'причин')})`, `other (${n} reasons)`), rest.reduce((s, [, c]) => s + c, 0), true, n));
  }
  return rows;
}

