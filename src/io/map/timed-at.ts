import { ACTIVITY_MOMENTS, FIELDS, normalizeHeader } from './fields.js';
import { assignField, type ColumnMap } from './mapping.js';
import { parseDate } from './values.js';

/**
 * An activity's time taken from a column with times instead of the one `at` matched, which holds dates
 * alone: the headers, for inspect and the alert that says so with the --map line that reads the dates
 * instead (timedAtAlert, core/kpi/alerts.ts).
 */
export interface TimedAt {
  /** The column now read first for `at`: its header. */
  column: string;
  /** The columns `at` matched by name, which hold dates without a time in the rows looked at. */
  dateOnly: string[];
}

/** A cell's date and whether it carries a time of day other than midnight; undefined where it is no date. */
function dateTime(raw: string): { time: boolean; clock: boolean } | undefined {
  // The day-month order changes the day, never whether a time follows: either order tells that.
  const parsed = parseDate(raw, 'dmy');
  if (parsed === undefined || parsed === 'needs-order') return undefined;
  return { time: parsed.hasTime, clock: parsed.hasTime && parsed.ms % 86_400_000 !== 0 };
}

/**
 * What the first rows show of a column: dates without a time (`dateOnly`), dates with one (`timed`,
 * `clock` where one is not midnight). A cell that is no date (a footer, a placeholder) says nothing.
 */
function shows(sample: ReadonlyArray<readonly string[]>, cols: readonly number[]): { dateOnly: number; timed: number; clock: number } {
  const out = { dateOnly: 0, timed: 0, clock: 0 };
  for (const row of sample) {
    // A coalescing field reads a row's first filled column (activity-reader's activityTime).
    const cell = cols.map((c) => (row[c] ?? '').trim()).find((v) => v !== '');
    const d = cell === undefined ? undefined : dateTime(cell);
    if (!d) continue;
    if (!d.time) out.dateOnly++;
    else out.timed++;
    if (d.clock) out.clock++;
  }
  return out;
}

/**
 * The columns that may hold an activity's moment, in the order preferred: `at`'s own later columns (a
 * profile's or the aliases'), then other columns `at`'s aliases name, then ACTIVITY_MOMENTS; never one
 * another field reads, nor one a --map file named.
 */
function candidates(map: ColumnMap, at: readonly number[]): number[] {
  const names = [...(map.profile?.profile.columns.at ?? []).map(normalizeHeader), ...FIELDS.activities.find((f) => f.field === 'at')!.aliases, ...ACTIVITY_MOMENTS];
  const order = (i: number) => names.indexOf(normalizeHeader(map.columns[i]!.header));
  const free = map.columns.filter((c) => !at.includes(c.index) && !c.field && !c.byUser && order(c.index) >= 0).map((c) => c.index);
  return [...at.slice(1), ...free.sort((a, b) => order(a) - order(b))];
}

/**
 * Where `at`'s columns hold dates without a time on every row looked at (a Salesforce Task's ActivityDate,
 * the due date) while another column the fields know as an activity's moment holds times on every row
 * it is filled (CompletedDateTime, CreatedDate), that column is read first, the dates where it is blank.
 * Read at midnight, every call of a day lands before a deal created that day and is no response: «no
 * response» read high without a word. A time column beside the date (Pipedrive's due time), or `at`
 * named by a --map file, leaves `at` as it is; so does a file that has dates alone (the spec: midnight).
 */
export function preferTimedAt(map: ColumnMap, sample: ReadonlyArray<readonly string[]>): TimedAt | undefined {
  const at = map.fields.get('at') ?? [];
  if (map.kind !== 'activities' || at.length === 0 || at.some((c) => map.columns[c]!.byUser)) return undefined;
  const own = shows(sample, at);
  if (own.dateOnly === 0 || own.timed > 0) return undefined;
  const time = map.fields.get('at_time')?.[0];
  if (time !== undefined && sample.some((r) => (r[time] ?? '').trim() !== '')) return undefined;
  const timed = candidates(map, at).find((c) => {
    const s = shows(sample, [c]);
    return s.dateOnly === 0 && s.clock > 0;
  });
  if (timed === undefined) return undefined;
  const dateOnly = at.filter((c) => c !== timed);
  takeAt(map, [timed, ...dateOnly]);
  return { column: map.columns[timed]!.header, dateOnly: dateOnly.map((c) => map.columns[c]!.header) };
}

/** Sets `at`'s columns (preferTimedAt's choice; a file's second half read apart takes the first half's). */
export function takeAt(map: ColumnMap, cols: readonly number[]): void {
  assignField(map, 'at', cols);
}
