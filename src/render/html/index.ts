import { beforeAfterTable, buildCharts } from '../charts/build.js';
import type { Chart } from '../charts/spec.js';
import { renderChartSvg } from '../charts/svg.js';
import { groupSections } from './groups.js';
import { htmlLabels } from './labels.js';
import { notComputedLine, targetDirectionLines, targetNotJudgedLine } from '../compare/text.js';
import { documentHtml, esc, section } from './page.js';
import { auditSection, byManagerSection, chartTableHtml, definitionsSection, figure, paybackSummary, qualitySection, recommendationsSection, type HtmlInput } from './sections.js';
import { coverSection, documentTitle } from './cover.js';
import { managerKpisSection } from './managers.js';
import { assertionsSection } from './assertions.js';
import { deltaSection } from './delta.js';

export type { HtmlInput } from './sections.js';

/**
 * The client document: one self-contained HTML file (inline CSS and SVG, no script, no external
 * resource) with a cover, the audit, recommendations, the KPI charts (with `kpi --by/--spend/--plan`
 * also unit economics, trends by month, sources, open deals by stage and plan vs fact), before/after
 * and payback, data quality and definitions, for whatever parts the input has.
 */
export async function renderHtml(r: HtmlInput, opts: { topReasons?: number } = {}): Promise<string> {
  const L = htmlLabels(r.lang);
  const charts = buildCharts({ audit: r.audit, kpi: r.kpi, compare: r.compare }, r.lang, opts);
  const svgs = new Map<string, string>();
  for (const c of charts) svgs.set(c.id, await renderChartSvg(c, r.lang));
  const fig = (...ids: string[]) => ids.map((id) => charts.find((c: Chart) => c.id === id)).filter((c): c is Chart => c !== undefined).map((c) => figure(c, svgs.get(c.id)!, r.lang)).join('');
  const parts = [coverSection(r)];
  if (r.audit) parts.push(auditSection(r.audit, r.lang, fig('audit-sections')), recommendationsSection(r.audit, r.lang));
  if (r.kpi) {
    const add = (id: string, title: string, ...ids: string[]) => {
      const body = fig(...ids);
      if (body) parts.push(section(id, title, body));
    };
    add('funnel', L.funnel, 'funnel');
    add('managers', L.managers, 'managers-conversion', 'managers-response', 'managers-touches');
    parts.push(managerKpisSection(r.kpi, r.lang));
    add('loss-reasons', L.lossReasons, 'loss-reasons');
    add('calls', L.calls, 'calls');
    parts.push(...groupSections(r.kpi, r.lang, fig));
  }
  if (r.compare) {
    // Without a change in per cent to draw (every «before» 0 or missing) there is no chart, and the rows stand alone.
    // The rows a period leaves empty say why, as under the terminal and Markdown tables (the client's copy said nothing);
    // so do the targets with no verdict on rows with values (tester T33 F4: only the CSV and the workbook said it).
    const why = [notComputedLine(r.compare, r.lang), targetNotJudgedLine(r.compare, r.lang), ...targetDirectionLines(r.compare, r.lang)].map((line) => (line ? `<p class="note not-computed">${esc(line)}</p>` : '')).join('');
    parts.push(section('before-after', L.beforeAfter, (fig('before-after') || chartTableHtml(beforeAfterTable(r.compare, r.lang))) + why));
    if (r.compare.managers && r.compare.managers.length > 0) parts.push(byManagerSection(r.compare, r.lang));
    if (r.compare.payback) parts.push(section('payback', L.payback, paybackSummary(r.compare, r.lang) + fig('payback')));
  }
  // A report's changes since its baseline run, as its job summary and workbook show them.
  const since = deltaSection(r);
  if (since) parts.push(since);
  if (r.kpi) parts.push(qualitySection(r.kpi.dataQuality, r.lang, { notApplicable: r.kpi.notApplicable }));
  // A comparison's own files (compare alone, or a report's --before-deals/--after-deals): their warnings too (tester T39 F9).
  if (r.compare?.dataQuality) parts.push(qualitySection(r.compare.dataQuality, r.lang, r.kpi ? { id: 'compare-data-quality', title: L.compareDataQuality } : {}));
  // A report's gates, as its job summary and workbook show them (a run that failed them looked all green).
  if (r.assertions && r.assertions.length > 0) parts.push(assertionsSection(r.assertions, r.audit, r.lang));
  if (r.kpi || r.compare) parts.push(definitionsSection(r));
  const title = `${documentTitle(r)}${r.company ? ` — ${r.company}` : ''}`;
  return documentHtml(r.lang, title, `${parts.join('\n')}\n<footer>${L.generator}</footer>`);
}
