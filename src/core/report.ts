import { evaluate, METRIC_REASONS, type Assertion, type AssertionResult } from './assert.js';
import type { AuditResult } from './audit/types.js';
import type { CompareResult } from './compare.js';
import type { ReportDelta } from './delta.js';
import type { Text } from './i18n.js';
import { METRICS, STAGE_METRICS, UNIT_METRICS } from './kpi/catalog.js';
import type { KpiResult } from './kpi/types.js';

/** The combined result of `crm-audit report`: every part optional, plus the assertions. */
export interface ReportResult {
  schemaVersion: 1;
  generatedAt: string;
  lang: string;
  company?: string;
  audit?: AuditResult;
  kpi?: KpiResult;
  compare?: CompareResult;
  /** The change of every KPI since the run of `report --baseline FILE`. */
  delta?: ReportDelta;
  assertions: AssertionResult[];
  failed: { errors: number; warnings: number };
}

/** What each root of an assertion path needs, said when a run does not have it. */
export const ASSERTION_ROOTS: Readonly<Record<string, Text>> = {
  audit: { ru: 'проверкам audit.* нужны ответы аудита: --answers или audit.answers в конфиге', en: 'audit.* needs the audit answers: --answers, or audit.answers in the config' },
  total: { ru: 'проверкам total.* нужна выгрузка сделок: --deals или kpi.deals в конфиге', en: 'total.* needs the deals export: --deals, or kpi.deals in the config' },
  managers: { ru: 'проверкам managers.* нужна выгрузка сделок: --deals или kpi.deals в конфиге', en: 'managers.* needs the deals export: --deals, or kpi.deals in the config' },
  compare: { ru: 'проверкам compare.* нужно сравнение «до и после»: --cutover ДАТА или --before-deals и --after-deals (compare в конфиге)', en: 'compare.* needs a before/after comparison: --cutover DATE, or --before-deals and --after-deals (compare in the config)' },
  plan: { ru: 'проверкам plan.* нужен файл плана: --plan ФАЙЛ (или kpi.plan в конфиге) и выгрузка сделок', en: 'plan.* needs a plan file: --plan FILE (or kpi.plan in the config) and the deals export' },
  delta: { ru: 'проверкам delta.* нужен прошлый результат: --baseline previous.json (вывод report --format json)', en: 'delta.* needs a previous result: --baseline previous.json (the output of report --format json)' },
  // Parts of a root the run has that only some inputs produce.
  'audit.evidence': { ru: 'проверкам audit.evidence.* нужны выгрузки, с которыми сверяются ответы: --deals (и --activities, --payments)', en: 'audit.evidence.* needs the exports the answers are checked against: --deals (and --activities, --payments)' },
  'compare.payback_months': { ru: 'сроку окупаемости нужна стоимость внедрения: --cost (и --monthly-cost, --margin)', en: 'the payback needs the implementation cost: --cost (and --monthly-cost, --margin)' },
  'compare.roi_12m': { ru: 'возврату вложений нужна стоимость внедрения: --cost (и --monthly-cost, --margin)', en: 'the ROI needs the implementation cost: --cost (and --monthly-cost, --margin)' },
  'compare.gain_per_month': { ru: 'приросту в месяц нужна стоимость внедрения: --cost (и --margin)', en: 'the gain per month needs the implementation cost: --cost (and --margin)' },
  // The department's unit economics are in total only with a spend file: total.cac without one read as a typo, «нет имени «cac» в total».
  ...Object.fromEntries(
    UNIT_METRICS.map((m): [string, Text] => [
      `total.${m.key}`,
      { ru: `${m.label.ru} — показатель юнит-экономики, ему нужен файл расходов: --spend ФАЙЛ (или kpi.spend в конфиге)`, en: `${m.label.en} is a unit-economics metric and needs a spend file: --spend FILE (or kpi.spend in the config)` },
    ]),
  ),
  // Spend is the department's (and its sources'), never a manager's: managers.*.cac read as a typo, «нет имени «cac»».
  ...Object.fromEntries(
    UNIT_METRICS.map((m): [string, Text] => [
      `managers.*.${m.key}`,
      { ru: `${m.label.ru} считается по отделу, не по менеджеру (расходы на привлечение не делятся между менеджерами): проверьте total.${m.key}, с файлом расходов --spend`, en: `${m.label.en} is the department's, not a manager's (spend is not split between managers): assert total.${m.key}, with a spend file (--spend)` },
    ]),
  ),
};

/**
 * The shape `total.*` and `managers.*.*` have in any run, from the metric catalog, to check a path's
 * metric before the exports are read: a misspelt metric (`total.convesion`) in a config failed only
 * after an import of minutes. Only the metric's name is checked then (preRead): what lies under it
 * (`total.loss_reasons.Дорого`, a reason of the file's) and its values wait for the read, as does a
 * path naming one manager. `total.age_days_median`, a grouping by stage's, is there when the run groups by stage.
 */
export function assertionShape(withSpend: boolean, byStage: boolean): Record<string, unknown> {
  const named = (defs: readonly { key: string }[]) => Object.fromEntries(defs.map((m) => [m.key, null]));
  const metrics = named(METRICS);
  // The unit metrics are the department's, with a spend file only (ASSERTION_ROOTS says so of a path to one without).
  const total = { ...metrics, ...(withSpend ? named(UNIT_METRICS) : {}), ...(byStage ? named(STAGE_METRICS.filter((m) => m.key !== 'open')) : {}) };
  return { total, managers: { '*': metrics } };
}

/**
 * The part of an assertion assertionShape can check before the read: its path cut after the metric's
 * name, and nothing to compare (no value to type-check or range); undefined for a path that waits for
 * the read (audit, compare, plan, delta, or one manager by name).
 */
export function preRead(a: Assertion): Assertion | undefined {
  const metricAt = a.path[0] === 'total' ? 1 : a.path[0] === 'managers' && a.path[1] === '*' ? 2 : -1;
  if (metricAt < 0 || a.path.length <= metricAt) return undefined;
  return a.path.length === metricAt + 1 ? a : { ...a, path: a.path.slice(0, metricAt + 1), op: '==', value: null };
}

/** What assertion paths see: `audit.*`, `total.*`, `managers.<name>.*`, `plan.<figure>.*`, `compare.<row>.*`, `delta.*`. */
export function assertionTree(r: Pick<ReportResult, 'audit' | 'kpi' | 'compare' | 'delta'>): Record<string, unknown> {
  const tree: Record<string, unknown> = {};
  if (r.audit) {
    tree.audit = { total: r.audit.total, max: r.audit.max, band: r.audit.band.id, sections: Object.fromEntries(r.audit.sections.map((s) => [s.id, s.score])) };
    if (r.audit.evidence) (tree.audit as Record<string, unknown>).evidence = evidenceTree(r.audit.evidence);
  }
  if (r.kpi) {
    tree.total = r.kpi.total;
    // The reasons of metrics not computed, for a failure on one (assert.ts withReason).
    (tree as { [METRIC_REASONS]?: Record<string, string> })[METRIC_REASONS] = r.kpi.notApplicable;
    tree.managers = Object.fromEntries(r.kpi.managers.map(({ manager, ...rest }) => [manager, rest]));
    if (r.kpi.plan) {
      const { by: _by, rows: _rows, ...figures } = r.kpi.plan;
      tree.plan = figures;
    }
  }
  if (r.compare) {
    tree.compare = { ...Object.fromEntries(r.compare.rows.map(({ metric, ...rest }) => [metric, rest])), ...(r.compare.payback ?? {}) };
  }
  if (r.delta) {
    // Only changes are asserted on: the earlier audit's score and band are shown, not compared.
    const { since: _since, audit, ...changes } = r.delta;
    tree.delta = audit ? { audit: { total: audit.total }, ...changes } : changes;
  }
  return tree;
}

/**
 * `audit.evidence.total`, `.band` and `.<criterion>` (the verdict): a criterion id's dots nest, so
 * `audit.evidence.journal.interactions == 'contradicted'` reads as written.
 */
function evidenceTree(e: NonNullable<AuditResult['evidence']>): Record<string, unknown> {
  const tree: Record<string, unknown> = { total: e.total, band: e.band.id };
  for (const c of e.checks) {
    const parts = c.criterion.split('.');
    let node = tree;
    for (const p of parts.slice(0, -1)) node = (node[p] ??= {}) as Record<string, unknown>;
    node[parts[parts.length - 1]!] = c.verdict;
  }
  return tree;
}

/** Builds the report result and evaluates the assertions over it. */
export function buildReport(parts: Pick<ReportResult, 'audit' | 'kpi' | 'compare' | 'delta' | 'company'>, assertions: Assertion[], opts: { now: Date; lang: string }): ReportResult {
  const tree = assertionTree(parts);
  const results = assertions.map((a) => evaluate(a, tree));
  return {
    schemaVersion: 1,
    generatedAt: opts.now.toISOString(),
    lang: opts.lang,
    ...(parts.company ? { company: parts.company } : {}),
    ...(parts.audit ? { audit: parts.audit } : {}),
    ...(parts.kpi ? { kpi: parts.kpi } : {}),
    ...(parts.compare ? { compare: parts.compare } : {}),
    ...(parts.delta ? { delta: parts.delta } : {}),
    assertions: results,
    failed: {
      errors: results.filter((r) => !r.passed && r.level === 'error').length,
      warnings: results.filter((r) => !r.passed && r.level === 'warn').length,
    },
  };
}
