import type { KpiResult } from '../../core/kpi/types.js';
import { groupLabels } from '../kpi/group-labels.js';
import { groupingsOf } from '../kpi/groups.js';
import { planTable, tablesOfGrouping, unitEconomicsTable, unmatchedSpendNote } from '../kpi/groups-text.js';
import { esc, section } from './page.js';
import { htmlTable } from './page-tables.js';

/**
 * The KPI sections of `kpi --by/--spend/--plan`: the department's unit economics, the trend by month
 * and the sources (charts, then their numbers), open deals by stage, the other groupings' tables,
 * plan vs fact. `fig` draws the
 * charts of the given ids; nothing is added for what the result does not have.
 */
export function groupSections(k: KpiResult, lang: string, fig: (...ids: string[]) => string): string[] {
  const L = groupLabels(lang);
  const out: string[] = [];
  const unit = unitEconomicsTable(k, lang);
  const note = unmatchedSpendNote(k, lang);
  if (unit) out.push(section('unit-economics', L.unitEconomics, htmlTable(unit, false) + (note ? `<p class="note">${esc(note)}</p>` : '')));
  const groupings = groupingsOf(k);
  const only = (dims: string) => groupings.filter((g) => g.dims.join(',') === dims).flatMap((g) => tablesOfGrouping(k, g, lang, undefined, true)).map((t) => htmlTable(t, true)).join('');
  const months = fig('months-leads', 'months-conversion', 'months-revenue') + only('month');
  if (months) out.push(section('months', L.trends, months));
  const sources = fig('sources-leads', 'sources-conversion', 'sources-cac', 'sources-romi') + only('source');
  if (sources) out.push(section('sources', L.sources, sources));
  const stages = groupings.filter((g) => g.stage).flatMap((g) => tablesOfGrouping(k, g, lang, undefined, true));
  if (stages.length > 0) out.push(section('stages', L.stages, fig('stages-open', 'stages-age') + stages.map((t) => htmlTable(t, stages.length > 1)).join('')));
  // Every other grouping (a pivot, by pipeline, by manager) as its tables, each under its title; the pipelines' charts first.
  const others = groupings.filter((g) => !g.stage && g.dims.join(',') !== 'month' && g.dims.join(',') !== 'source').flatMap((g) => tablesOfGrouping(k, g, lang, undefined, true));
  if (others.length > 0) out.push(section('groupings', L.groupings, fig('pipelines-leads', 'pipelines-conversion') + others.map((t) => htmlTable(t, true)).join('')));
  const plan = planTable(k, lang);
  if (plan) out.push(section('plan', L.plan, htmlTable(plan, false)));
  return out;
}
