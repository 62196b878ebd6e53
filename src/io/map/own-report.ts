/**
 * crm-audit's own CSV and XLSX reports, passed where an export is wanted (`kpi -d kpi.csv`, the report
 * a run just wrote). Their header names the product's metrics, and kpi's says «Лиды», «Выиграно»,
 * «Выручка»: read as a sales plan, it was sent to --plan, which failed on its month. Told by their
 * first rows: the title row, the header of the KPI table («Менеджер» and the product's metric labels,
 * as written with or without their unit), of the before/after table or of the audit's score sheet. The words are the renderers'
 * (render/kpi, render/compare, render/report, render/audit): test/io/map/own-report.test.ts reads their real output.
 */
import { UserError } from '../../core/errors.js';
import { METRICS, UNIT_METRICS } from '../../core/kpi/catalog.js';

/** The command that wrote a report. */
export type OwnReport = 'kpi' | 'compare' | 'report' | 'audit';

/** Each report's title row, in both languages: a row holding that text alone. */
const TITLES: Record<string, OwnReport> = {
  'Показатели продаж по менеджерам': 'kpi',
  'Sales KPIs per manager': 'kpi',
  'До и после внедрения CRM': 'compare',
  'Before and after the CRM': 'compare',
  'Отчёт crm-audit': 'report',
  'crm-audit report': 'report',
};

/** The first cell of the KPI table's header, and of its total row. */
const MANAGER = new Set(['Менеджер', 'Manager']);
const DEPARTMENT = new Set(['Отдел', 'Department']);

/** The product's metric labels, in both languages. */
const METRIC_LABELS = new Set([...METRICS, ...UNIT_METRICS].flatMap((m) => [m.label.ru, m.label.en]));

/** The unit a CSV header adds after a metric's label (render/kpi/csv.ts withUnit). */
const UNIT = /, (?:%|дн\.|мин|days|min)$/;

/** Fewer of the product's metric labels than this in a row is no report's header: a plan names three or four («Лиды», «Выиграно», «Выручка»). */
const MIN_METRICS = 8;

/** The before/after table's header: its first cell, and the change columns it has in either language. */
const COMPARE_HEAD = [
  ['Показатель', 'Изменение', 'Изм., %'],
  ['Metric', 'Change', 'Change %'],
];

/**
 * The audit workbook's score sheet: its first four columns, in order (render/audit/xlsx.ts). Its title
 * is the questionnaire's, which a custom questionnaire names as it likes.
 */
const AUDIT_HEAD = [
  ['Раздел', 'Критерий', 'Ответ', 'Баллы'],
  ['Section', 'Criterion', 'Answer', 'Points'],
];

/** Which of crm-audit's reports these first rows (of a CSV or a workbook's first sheet) are, if any. */
export function ownReportOf(rows: ReadonlyArray<{ cells: readonly string[] }>): OwnReport | undefined {
  let titled: OwnReport | undefined;
  for (const { cells } of rows) {
    const filled = cells.map((c) => c.trim()).filter((c) => c !== '');
    if (filled.length === 0) continue;
    if (filled.length === 1 && TITLES[filled[0]!]) titled ??= TITLES[filled[0]!];
    if (kpiHeader(filled)) return 'kpi';
    if (COMPARE_HEAD.some(([first, ...rest]) => filled[0] === first && rest.every((c) => filled.includes(c!)))) return 'compare';
    if (AUDIT_HEAD.some((head) => head.every((c, i) => filled[i] === c))) return 'audit';
  }
  // The report's title names the product; kpi's and compare's titles alone could head a table made by hand.
  if (titled === 'report') return titled;
  // A KPI workbook's title over its total row («Отдел»), whatever its header became.
  if (titled === 'kpi' && rows.some((r) => DEPARTMENT.has(r.cells[0]?.trim() ?? ''))) return titled;
  return undefined;
}

/** The KPI table's header: «Менеджер», then the product's metric labels only, enough of them. */
function kpiHeader(filled: readonly string[]): boolean {
  if (!MANAGER.has(filled[0]!)) return false;
  const rest = filled.slice(1);
  return rest.length >= MIN_METRICS && rest.every((c) => METRIC_LABELS.has(c) || METRIC_LABELS.has(c.replace(UNIT, '')));
}

/**
 * A YAML document (a --map file, targets, a report config) given where an export is read: said for
 * what it is, as the README promises (it was read as a table: `kpi -d targets.yaml` found no header,
 * and `map map.yaml` proposed a --map snippet for the map file itself; tester T56 M1). An answers file
 * has its own message, said before this one.
 */
export function yamlGivenAsExport(file: string): UserError | undefined {
  return /\.ya?ml$/i.test(file) ? UserError.of('E_WRONG_FILE', 'input.yamlDocument', { file }, { file }) : undefined;
}
