import type { SkippedRow } from '../records.js';
import type { Alert } from './alerts.js';

/** Metric values by key: numbers, null for not applicable, loss reasons as counts by reason. */
export type MetricValues = Record<string, number | null | Record<string, number>>;

export type ManagerKpis = { manager: string; [metric: string]: string | number | null | Record<string, number> };

/** What was read and what could not be: every row accounted for. */
export interface DataQuality {
  rowsRead: number;
  rowsSkipped: SkippedRow[];
  rowsSkippedCount: number;
  files: Array<{
    file: string;
    kind: string;
    format: string;
    rowsRead: number;
    records: number;
    skipped: number;
    dropped: Record<string, number>;
    /** NUL bytes removed from the text (present only when there were some). */
    nulBytesRemoved?: number;
  }>;
  warnings: string[];
  /** Numbers that look wrong, with their likely cause (their English text is in `warnings` too). */
  alerts?: Alert[];
}

/** The KPI result: the JSON contract of spec/metrics.md that every KPI report is rendered from. */
export interface KpiResult {
  schemaVersion: 1;
  period: { from: string | null; to: string | null };
  managers: ManagerKpis[];
  total: MetricValues;
  notApplicable: Record<string, string>;
  dataQuality: DataQuality;
  options?: { touchNorm: number; callbackWindowHours: number };
}
