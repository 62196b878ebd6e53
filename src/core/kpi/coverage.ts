import type { DealStore } from './deal-store.js';
import type { KpiOptions } from './engine.js';
import type { Alert } from './alerts.js';
import { dayOf, dayOfIso, isoDay } from './stats.js';

/**
 * How a period's deals sit against the dates of the activities file: a call log that starts at
 * go-live, beside deals of the year before, gives those deals «responses» of months (the first call
 * after go-live) and next to no touches, and the figures read as if the team had worked that way.
 */
export interface Coverage {
  /** The period's deals, and the calendar days (ms at midnight) of the earliest and latest of them. */
  deals: number;
  dealsFrom: number;
  dealsTo: number;
  /** Deals created more than EARLY_DAYS before the first activity's day, and on a day after the last activity's. */
  early: number;
  late: number;
  /** The first and last activity's calendar days (ms at midnight), over the whole file. */
  first: number;
  last: number;
}

/**
 * Above this share of a period's deals created outside the activities' dates (before the first, after
 * the last), the period's response and touch figures are said not to be meaningful.
 */
export const OUTSIDE_SHARE = 0.5;

/**
 * Days a deal may be created before the first activity and still count as covered: a first call a few
 * days after the deal is an ordinary response, and a log exported from that day is no mismatch.
 */
export const EARLY_DAYS = 7;

/** The coverage of each period's deals by the activities' span (ms of the first and last activity). */
export function activityCoverage(store: DealStore, periods: readonly KpiOptions[], span: { first: number; last: number }): Coverage[] {
  const firstDay = dayOf(span.first);
  const lastDay = dayOf(span.last);
  return periods.map((p) => {
    const fromDay = p.from ? dayOfIso(p.from) : -Infinity;
    const toDay = p.to ? dayOfIso(p.to) : Infinity;
    const c = { deals: 0, dealsFrom: Infinity, dealsTo: -Infinity, early: 0, late: 0, first: firstDay * 86_400_000, last: lastDay * 86_400_000 };
    for (let i = 0; i < store.size; i++) {
      const day = dayOf(store.created[i]!);
      if (day < fromDay || day > toDay) continue;
      c.deals++;
      if (day < c.dealsFrom) c.dealsFrom = day;
      if (day > c.dealsTo) c.dealsTo = day;
      if (day < firstDay - EARLY_DAYS) c.early++;
      else if (day > lastDay) c.late++;
    }
    return { ...c, dealsFrom: c.dealsFrom * 86_400_000, dealsTo: c.dealsTo * 86_400_000 };
  });
}

/**
 * Whether none of the figures the coverage warning is about (touches, the response) can be computed: no
 * link between the files (a deals file without ids beside a log that names deals by id). The warning would
 * speak of numbers never printed (tester T67 L2).
 */
export function linkedNotApplicable(notApplicable: Readonly<Record<string, unknown>>): boolean {
  return notApplicable.touches_per_won !== undefined && notApplicable.response_min_median !== undefined;
}

/**
 * The warning for a period whose deals the activities barely cover (more than OUTSIDE_SHARE of them
 * created before the first activity or after the last), or whose dates hold no activity at all
 * (`none`: its response and touch figures are then not computed).
 */
export function coverageAlerts(c: Coverage | undefined, file: string, which?: 'before' | 'after', none = false): Alert[] {
  if (!c || c.deals === 0) return [];
  if (!none && c.early + c.late <= OUTSIDE_SHARE * c.deals) return [];
  return [
    {
      code: 'activities-outside-deals',
      file,
      ...(which ? { which } : {}),
      deals: { count: c.deals, from: isoDay(c.dealsFrom), to: isoDay(c.dealsTo) },
      activities: { from: isoDay(c.first), to: isoDay(c.last) },
      early: c.early,
      late: c.late,
      ...(none ? { none: true as const } : {}),
    },
  ];
}
