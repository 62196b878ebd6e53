import { metricDef, METRICS, STAGE_METRICS, UNIT_METRICS, type MetricDef } from '../../core/kpi/catalog.js';
import type { GroupDim, KpiGroup, KpiResult } from '../../core/kpi/types.js';
import { formatMonth } from '../format.js';
import { groupLabels } from './group-labels.js';

/** One grouping of `kpi --by` with its groups, in the result's order. */
export interface Grouping {
  dims: GroupDim[];
  groups: KpiGroup[];
  /** A grouping with `stage` holds open deals only, with the stage metrics. */
  stage: boolean;
}

const keyOf = (dims: readonly string[]) => [...dims].sort().join(',');

/**
 * The groupings of a result, each with its groups. `groups` lists the groupings one after another;
 * a group belongs to the grouping whose dimensions its `by` names. Two groupings of the same
 * dimensions (`--by source,month --by month,source`) hold the same groups: they take them in halves.
 */
export function groupingsOf(result: KpiResult): Grouping[] {
  const groups = result.groups ?? [];
  const asked = result.groupBy ?? [...new Map(groups.map((g) => [keyOf(Object.keys(g.by)), Object.keys(g.by) as GroupDim[]])).values()];
  const keys = asked.map(keyOf);
  const seen = new Map<string, number>();
  return asked.map((dims, i) => {
    const key = keys[i]!;
    const mine = groups.filter((g) => keyOf(Object.keys(g.by)) === key);
    const times = keys.filter((k) => k === key).length;
    const turn = seen.get(key) ?? 0;
    seen.set(key, turn + 1);
    const per = Math.ceil(mine.length / times);
    return { dims, groups: times === 1 ? mine : mine.slice(turn * per, (turn + 1) * per), stage: dims.includes('stage') };
  });
}

/** A group's value of a dimension as a reader sees it: the month as `07.2024`, none as «не указано». */
export function dimText(value: string | null | undefined, dim: GroupDim, lang: string): string {
  if (value === null || value === undefined || value === '') return groupLabels(lang).notSet;
  return dim === 'month' ? formatMonth(value, lang) : value;
}

/** The headline deal metrics of a grouping's table, in this order (`--metrics` replaces them). */
export const GROUP_HEADLINE = ['leads', 'won', 'conversion', 'revenue', 'average_check', 'cycle_days_median', 'response_min_median'];


/** Whether some group has a value for the metric: a column of dashes says nothing. */
const anyValue = (g: Grouping, key: string) => g.groups.some((x) => typeof x.metrics[key] === 'number');

/**
 * The columns of a grouping's tables for reading (terminal, Markdown, HTML): the headline deal
 * metrics, then the unit economics when a spend file was given; for stages, open deals and their
 * median age. A metric that is not applicable, or has no value in any group, is left out.
 */
export function readingColumns(result: KpiResult, g: Grouping, metrics?: string[]): { deal: MetricDef[]; unit: MetricDef[] } {
  if (g.stage) return { deal: [...STAGE_METRICS], unit: [] };
  const keys = metrics?.length ? metrics.filter((k) => k !== 'loss_reasons') : GROUP_HEADLINE;
  const deal = keys.filter((k) => !(k in result.notApplicable) && anyValue(g, k)).map((k) => metricDef(k)!).filter(Boolean);
  const unit = result.spend ? UNIT_METRICS.filter((m) => anyValue(g, m.key)) : [];
  return { deal, unit };
}

/** Every metric of a grouping, for spreadsheets (CSV, XLSX): the same columns as the managers' table. */
export function allColumns(result: KpiResult, g: Grouping): MetricDef[] {
  if (g.stage) return [...STAGE_METRICS];
  return [...METRICS.filter((m) => m.key !== 'loss_reasons'), ...(result.spend ? UNIT_METRICS : [])];
}
