import { describe, expect, it } from 'vitest';
import { METRICS } from '../../../src/core/kpi/catalog.js';
import { METRIC_GROUPS } from '../../../src/render/kpi/labels.js';
import { managerMetricGroups } from '../../../src/render/html/managers.js';

describe('the HTML report\'s metric groups per manager', () => {
  it('hold every metric of the catalog but the loss reasons, once, under the terminal\'s group titles and in its order', () => {
    const groups = managerMetricGroups('ru');
    const keys = groups.flatMap((g) => g.metrics.map((m) => m.key));
    expect([...keys].sort()).toEqual(METRICS.map((m) => m.key).filter((k) => k !== 'loss_reasons').sort());
    expect(groups.map((g) => g.title)).toEqual(METRIC_GROUPS.map((g) => g.title.ru));
    // The metrics the terminal leaves out follow their neighbour in the catalog: the mean cycle, the mean response.
    expect(groups[1]!.metrics.map((m) => m.key)).toEqual(['revenue', 'average_check', 'cycle_days_avg', 'cycle_days_median', 'repeat_won', 'repeat_share']);
    expect(groups[2]!.metrics.map((m) => m.key)).toEqual(['touches_per_won', 'won_below_touch_norm', 'response_min_median', 'response_min_avg', 'no_response']);
    for (const g of groups) expect(g.metrics.map((m) => m.key)).toEqual(expect.arrayContaining(METRIC_GROUPS.find((x) => x.title.ru === g.title)!.keys));
    expect(managerMetricGroups('en')[0]!.title).toBe('Funnel');
  });
});
