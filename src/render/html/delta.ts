import { metricDef } from '../../core/kpi/catalog.js';
import { showWithUnit } from '../report/assertion-text.js';
import { deltaRows, reportDay, reportLabels } from '../report/summary.js';
import { section, table } from './page.js';
import type { HtmlInput } from './sections.js';

/**
 * The changes since the baseline run (`report --baseline`): the department's, then each manager's, in
 * their units (a share's change in points), as the job summary and the workbook show them (T42 F3: the
 * HTML of such a run showed only the audit's earlier score).
 */
export function deltaSection(r: HtmlInput): string {
  const t = deltaRows(r, true);
  if (!t) return '';
  const L = reportLabels(r.lang);
  const lang = r.lang === 'ru' ? 'ru' : 'en';
  const format = (k: string) => metricDef(k)!.format;
  const rows = t.rows.map((row) => [row.name, ...t.keys.map((k) => {
    const v = row.values[k];
    return typeof v === 'number' ? showWithUnit(v, format(k) === 'ratio' ? 'pp' : format(k), r.lang, true) : '—';
  })]);
  const body = table([L.manager, ...t.keys.map((k) => metricDef(k)!.label[lang])], rows, { numeric: [false, ...t.keys.map(() => true)], rowCls: (i) => (t.rows[i]!.total ? 'total' : undefined) });
  return section('since-last-run', L.deltaTitle(reportDay(t.since, r.lang)), body);
}
