import { evaluate, type Assertion, type AssertionResult } from './assert.js';
import type { AuditResult } from './audit/types.js';
import type { CompareResult } from './compare.js';
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
  assertions: AssertionResult[];
  failed: { errors: number; warnings: number };
}

/** What assertion paths see: `audit.*`, `total.*`, `managers.<name>.*`, `compare.<row>.*`. */
export function assertionTree(r: Pick<ReportResult, 'audit' | 'kpi' | 'compare'>): Record<string, unknown> {
  const tree: Record<string, unknown> = {};
  if (r.audit) {
    tree.audit = { total: r.audit.total, max: r.audit.max, band: r.audit.band.id, sections: Object.fromEntries(r.audit.sections.map((s) => [s.id, s.score])) };
    if (r.audit.evidence) (tree.audit as Record<string, unknown>).evidence = evidenceTree(r.audit.evidence);
  }
  if (r.kpi) {
    tree.total = r.kpi.total;
    tree.managers = Object.fromEntries(r.kpi.managers.map(({ manager, ...rest }) => [manager, rest]));
  }
  if (r.compare) {
    tree.compare = { ...Object.fromEntries(r.compare.rows.map(({ metric, ...rest }) => [metric, rest])), ...(r.compare.payback ?? {}) };
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
export function buildReport(parts: Pick<ReportResult, 'audit' | 'kpi' | 'compare' | 'company'>, assertions: Assertion[], opts: { now: Date; lang: string }): ReportResult {
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
    assertions: results,
    failed: {
      errors: results.filter((r) => !r.passed && r.level === 'error').length,
      warnings: results.filter((r) => !r.passed && r.level === 'warn').length,
    },
  };
}
