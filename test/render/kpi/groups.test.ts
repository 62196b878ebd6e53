import { describe, expect, it } from 'vitest';
import type { KpiResult } from '../../../src/core/kpi/types.js';
import { formatMonth } from '../../../src/render/format.js';
import { groupingShortName, groupingTitle } from '../../../src/render/kpi/group-labels.js';
import { dimText, groupingsOf, readingColumns } from '../../../src/render/kpi/groups.js';
import { groupsOnlyResult, groupsResult } from '../../helpers/groups-result.js';

describe('the groupings of a result', () => {
  it('each grouping takes the groups whose dimensions it names, in the order asked for', () => {
    const gs = groupingsOf(groupsResult());
    expect(gs.map((g) => [g.dims.join(','), g.groups.length, g.stage])).toEqual([['source', 3, false], ['month', 2, false], ['source,month', 5, false], ['manager', 2, false], ['stage', 1, true]]);
    // The pivot's dimensions in the order asked, whatever order the group's keys have.
    expect(gs[2]!.groups.map((g) => `${g.by.source}/${g.by.month}`)).toContain('null/2024-08');
  });

  it('two groupings of the same dimensions share their groups in turn', () => {
    const r = groupsOnlyResult();
    const pivot = groupingsOf(r)[2]!.groups;
    const twice: KpiResult = { ...r, groupBy: [['source', 'month'], ['month'], ['month', 'source']], groups: [...pivot, ...groupingsOf(r)[1]!.groups, ...pivot] };
    const gs = groupingsOf(twice);
    expect(gs.map((g) => [g.dims.join(','), g.groups.length])).toEqual([['source,month', 5], ['month', 2], ['month,source', 5]]);
    expect(gs[2]!.groups).toEqual(pivot);
  });

  it('without groupBy, the groupings come from the groups themselves', () => {
    const { groupBy: _asked, ...r } = groupsOnlyResult();
    expect(groupingsOf(r).map((g) => g.dims.join(','))).toEqual(['source', 'month', 'source,month', 'manager', 'stage']);
    expect(groupingsOf({ ...r, groups: undefined })).toEqual([]);
  });

  it('reading columns: the headline metrics that have a value; unit metrics only with spend; the stage metrics for stages', () => {
    const r = groupsResult();
    const [bySource, , , byManager, byStage] = groupingsOf(r);
    const keys = (c: ReturnType<typeof readingColumns>) => [c.deal.map((m) => m.key), c.unit.map((m) => m.key)];
    expect(keys(readingColumns(r, bySource!))).toEqual([['leads', 'won', 'conversion', 'revenue', 'average_check', 'cycle_days_median'], ['spend', 'new_won_clients', 'cac', 'cost_per_lead', 'romi', 'ltv', 'ltv_cac']]);
    expect(keys(readingColumns(r, byManager!))[1]).toEqual(['new_won_clients', 'ltv']);
    expect(keys(readingColumns(r, byStage!))).toEqual([['open', 'age_days_median'], []]);
    expect(keys(readingColumns(r, bySource!, ['won', 'win_rate']))[0]).toEqual(['won', 'win_rate']);
    expect(keys(readingColumns(groupsOnlyResult(), bySource!))[1]).toEqual([]);
  });
});

describe('words of groupings', () => {
  it('titles, sheet names and values as each reader writes them', () => {
    expect(groupingTitle(['source', 'month'], 'ru')).toBe('По источникам и месяцам');
    expect(groupingTitle(['source', 'pipeline', 'month'], 'ru')).toBe('По источникам, воронкам и месяцам');
    expect(groupingTitle(['source', 'month'], 'en')).toBe('By source and month');
    expect(groupingTitle(['pipeline', 'stage'], 'ru')).toBe('Открытые сделки по воронкам и этапам');
    expect(groupingTitle(['stage'], 'en')).toBe('Open deals by stage');
    expect(groupingShortName(['source', 'month'], 'ru')).toBe('Источники × месяцы');
    expect(groupingShortName(['month', 'source'], 'en')).toBe('Months × sources');
    expect(formatMonth('2024-07', 'ru')).toBe('07.2024');
    expect(formatMonth('2024-07', 'en')).toBe('2024-07');
    expect(dimText(null, 'source', 'ru')).toBe('не указано');
    expect(dimText('', 'pipeline', 'en')).toBe('not set');
    expect(dimText('2025-01', 'month', 'ru')).toBe('01.2025');
  });
});
