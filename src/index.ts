// The programmatic API: everything the CLI does, as functions that return data.
export { UserError, UserErrors, describeUserError } from './core/errors.js';
export type { Where } from './core/errors.js';
export { parseQuestionnaire } from './core/questionnaire/parse.js';
export { questionnaireSchema, questionnaireJsonSchema } from './core/questionnaire/schema.js';
export type { Questionnaire } from './core/questionnaire/schema.js';
export { maxScore } from './core/questionnaire/rules.js';
export { parseAnswers } from './core/audit/answers.js';
export { scoreAudit } from './core/audit/score.js';
export type { AuditResult } from './core/audit/types.js';
export { loadQuestionnaire } from './io/documents/questionnaire.js';
export { renderAuditTable, renderAuditMarkdown } from './render/audit/text.js';
export { renderAuditXlsx } from './render/audit/xlsx.js';

// Importing exports
export { importDeals, importActivities, importPayments, importSpend, importPlan, importFile } from './io/map/import.js';
export type { ImportOptions, ImportReport } from './io/map/import.js';
export { inspectFile, guessKind } from './io/map/inspect.js';
export { loadOverrides } from './io/documents/map-file.js';
export type { Activity, Deal, Payment, SpendRow, PlanRow, InputShape } from './core/records.js';

// KPIs
export { DealStore } from './core/kpi/deal-store.js';
export { KpiEngine } from './core/kpi/engine.js';
export type { KpiOptions } from './core/kpi/engine.js';
export { METRICS, METRIC_KEYS, notApplicable } from './core/kpi/catalog.js';
export type { KpiResult, MetricValues, ManagerKpis, DataQuality } from './core/kpi/types.js';
export { computeKpisFromFiles, runEngines } from './app/kpi-files.js';
export { renderKpiTable, renderKpiMarkdown } from './render/kpi/text.js';
export { renderKpiXlsx } from './render/kpi/xlsx.js';

// Evidence: the audit's answers checked against the exports (spec/evidence.md)
export { checkEvidence, judge } from './core/audit/evidence.js';
export { FACT_IDS } from './core/kpi/facts.js';
export type { EvidenceFacts, FactId } from './core/kpi/facts.js';
export type { Evidence, EvidenceCheckResult, Verdict } from './core/audit/types.js';
export { readEvidenceFacts } from './app/evidence-files.js';

// Before/after
export { compareKpis, makePeriod, payback, COMPARE_ROWS, DEFAULT_TARGETS } from './core/compare.js';
export type { CompareResult, CompareRow, Period } from './core/compare.js';
export { computeComparison } from './app/compare-files.js';
export { renderCompareTable, renderCompareMarkdown } from './render/compare/text.js';
export { renderCompareXlsx } from './render/compare/xlsx.js';

// The CI report
export { parseAssertion, evaluate } from './core/assert.js';
export type { Assertion, AssertionResult } from './core/assert.js';
export { buildReport, assertionTree } from './core/report.js';
export type { ReportResult } from './core/report.js';
export { renderReportXlsx } from './render/report/xlsx.js';
export { renderReportMarkdown } from './render/report/summary.js';
export { checkAssertionPaths } from './core/assert-paths.js';
export { computeDelta, parseBaseline } from './core/delta.js';
export type { ReportDelta } from './core/delta.js';
export { PRESETS, presetAssertions } from './core/presets.js';
export { renderReportJunit } from './render/report/junit.js';
export { renderGithubAnnotations } from './render/report/annotations.js';

// Synthetic data
export { generateSales } from './core/generate.js';
