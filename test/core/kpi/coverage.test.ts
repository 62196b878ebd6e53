import { describe, expect, it } from 'vitest';
import { DealStore } from '../../../src/core/kpi/deal-store.js';
import { activityCoverage, coverageAlerts } from '../../../src/core/kpi/coverage.js';
import { deal, t } from '../../helpers/kpi.js';

/** Deals created on these days. */
function store(...days: string[]): DealStore {
  const s = new DealStore();
  days.forEach((d, i) => s.add(deal(String(i + 1), 'Иванов Иван', `${d} 10:00`, null, 'open', null)));
  return s;
}

const opts = { touchNorm: 5, callbackWindowMs: 86_400_000 };

describe('activityCoverage: a period\'s deals against the dates of the activities', () => {
  it('counts deals more than 7 days before the first activity\'s day and after the last\'s, in each period', () => {
    // Activities 10.01 to 20.01: 02.01 is 8 days before (early), 03.01 is 7 (covered), 21.01 is after (late).
    const s = store('2025-01-02', '2025-01-03', '2025-01-15', '2025-01-20', '2025-01-21');
    const span = { first: t('2025-01-10 09:00'), last: t('2025-01-20 18:00') };
    const [all, january, late] = activityCoverage(s, [opts, { ...opts, from: '2025-01-03', to: '2025-01-20' }, { ...opts, from: '2025-01-21' }], span);
    expect(all).toEqual({ deals: 5, dealsFrom: t('2025-01-02 00:00'), dealsTo: t('2025-01-21 00:00'), early: 1, late: 1, first: t('2025-01-10 00:00'), last: t('2025-01-20 00:00') });
    expect(january).toMatchObject({ deals: 3, early: 0, late: 0 });
    expect(late).toMatchObject({ deals: 1, early: 0, late: 1 });
  });

  it('warns above half of the deals outside, not at half; always when the period holds no activity', () => {
    const half = { deals: 4, dealsFrom: t('2025-01-01 00:00'), dealsTo: t('2025-01-31 00:00'), early: 1, late: 1, first: t('2025-01-10 00:00'), last: t('2025-01-20 00:00') };
    expect(coverageAlerts(half, 'calls.csv')).toEqual([]);
    expect(coverageAlerts({ ...half, late: 2 }, 'calls.csv', 'after')).toEqual([
      { code: 'activities-outside-deals', file: 'calls.csv', which: 'after', deals: { count: 4, from: '2025-01-01', to: '2025-01-31' }, activities: { from: '2025-01-10', to: '2025-01-20' }, early: 1, late: 2 },
    ]);
    expect(coverageAlerts({ ...half, early: 0, late: 0 }, 'calls.csv', 'before', true)).toMatchObject([{ early: 0, late: 0, none: true }]);
    expect(coverageAlerts({ ...half, deals: 0 }, 'calls.csv', 'before', true)).toEqual([]);
  });
});
