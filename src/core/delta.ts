import { z } from 'zod';
import { UserError, UserErrors } from './errors.js';
import { METRICS } from './kpi/catalog.js';
import { zodToUserErrors } from './questionnaire/parse.js';
import { assertAuditValues } from './audit/baseline-values.js';
import { TOO_LARGE } from './value-limits.js';

/** Metrics with a single number (loss reasons are counts by reason and have no one change). */
const NUMERIC_METRICS = METRICS.filter((m) => m.key !== 'loss_reasons');
const NUMERIC = NUMERIC_METRICS.map((m) => m.key);

/**
 * The metrics a change is computed of, as a report writes them: a number, null (not computed), or
 * missing (a metric added since). A text, a list or a number too large to count with (1e400) is
 * refused at its path: it was taken as «not computed», or as Infinity said «Infinity pp < −2 pp».
 */
const metrics = Object.fromEntries(NUMERIC_METRICS.map((m) => [m.key, z.union([possible(m), z.null()]).optional()]));

/**
 * A metric's value as a run can write it: a share of 0 to 1, a count of 0 or more, money and the paid
 * share any number an export's amounts can sum to (refunds make them negative, and a paid share passes 1
 * where more was paid than invoiced: review R51). Tester T66 M4: a conversion of 1e308 said «Infinity
 * pp», one of −3 a change of +324,7 п. п. that passed its gate.
 */
function possible(m: { key: string; format: string }): z.ZodNumber {
  if (m.format === 'money' || m.key === 'paid_share') return z.number().min(-TOO_LARGE).max(TOO_LARGE);
  return m.format === 'ratio' ? z.number().min(0).max(1) : z.number().min(0).max(TOO_LARGE);
}

/** What a baseline must hold: a previous `report --format json` result (only the parts deltas read). */
const baselineSchema = z.looseObject({
  schemaVersion: z.literal(1),
  generatedAt: z.string(),
  company: z.string().optional(),
  audit: z.looseObject({ total: z.number(), max: z.number().optional(), band: z.looseObject({ id: z.string(), title: z.string().optional() }).optional() }).optional(),
  kpi: z
    .looseObject({
      total: z.looseObject(metrics),
      managers: z.array(z.looseObject({ manager: z.string(), ...metrics })),
    })
    .optional(),
  assertions: z.array(z.unknown()),
});

/**
 * Whether a baseline is another company's: both named, and not one name however written (case, spaces,
 * quotes: «ООО «Ромашка»» and ООО "Ромашка" are one). A consultant with several clients' results in one
 * folder passed one client's as another's, and the change was shown as the client's own (tester T42 F8).
 */
export function otherCompany(before: string | undefined, now: string | undefined): boolean {
  const key = (name: string) => name.toLowerCase().replace(/[«»"'“”„]/g, '').replace(/\s+/g, ' ').trim();
  return before !== undefined && now !== undefined && key(before) !== '' && key(now) !== '' && key(before) !== key(now);
}

/** The parts of a previous report result that deltas are computed from. */
export type ReportBaseline = z.infer<typeof baselineSchema>;

/** The change of every KPI since a previous run: current − baseline; null when either side is not a number. */
export interface ReportDelta {
  since: string;
  /** The change of the audit's score, and the earlier run's score and band (named in this run's language). */
  audit?: { total: number | null; before: { total: number; /** The earlier run's maximum, when its result gives it (another questionnaire version may have another). */ max?: number; band: string | null; bandTitle: string | null } };
  total?: Record<string, number | null>;
  managers?: Record<string, Record<string, number | null>>;
}

/**
 * Validates a parsed baseline document; errors name the file and the path inside it. A document with
 * no assertions list is no report result at all (a CSV, a kpi or audit result): said as that, not as
 * the fields it lacks.
 */
export function parseBaseline(doc: unknown, file: string): ReportBaseline {
  const assertions = doc !== null && typeof doc === 'object' && !Array.isArray(doc) ? (doc as { assertions?: unknown }).assertions : undefined;
  if (!Array.isArray(assertions)) throw UserError.of('E_BASELINE', 'report.notAResult', {}, { file });
  // The value found is said beside what was expected (`schemaVersion: 999` was said as «got nothing»).
  const parsed = baselineSchema.safeParse(doc, { reportInput: true });
  if (!parsed.success) throw new UserErrors(zodToUserErrors(parsed.error, file, 'E_BASELINE'));
  // Its audit's scores as audit's own --baseline checks them.
  if (parsed.data.audit) assertAuditValues(parsed.data.audit, file, 'audit.');
  return parsed.data;
}

const diff = (now: unknown, before: unknown): number | null => (typeof now === 'number' && typeof before === 'number' ? now - before : null);

function metricDeltas(now: Record<string, unknown>, before: Record<string, unknown>): Record<string, number | null> {
  return Object.fromEntries(NUMERIC.map((k) => [k, diff(now[k], before[k])]));
}

/**
 * Deltas of this run against a baseline: the audit score, the department's KPIs and the KPIs of every
 * manager present in both runs. A part missing from either run is left out.
 */
export function computeDelta(
  now: { audit?: { total: number }; kpi?: { total: Record<string, unknown>; managers: Array<{ manager: string }> } },
  baseline: ReportBaseline,
  nameBand: (band: { id: string; title?: string }) => string = (band) => band.title || band.id,
): ReportDelta {
  const delta: ReportDelta = { since: baseline.generatedAt };
  if (now.audit && baseline.audit) {
    const band = baseline.audit.band;
    delta.audit = { total: now.audit.total - baseline.audit.total, before: { total: baseline.audit.total, ...(baseline.audit.max !== undefined ? { max: baseline.audit.max } : {}), band: band?.id ?? null, bandTitle: band ? nameBand(band) : null } };
  }
  if (now.kpi && baseline.kpi) {
    delta.total = metricDeltas(now.kpi.total, baseline.kpi.total);
    const before = new Map(baseline.kpi.managers.map((m) => [m.manager, m as Record<string, unknown>]));
    delta.managers = Object.fromEntries(
      now.kpi.managers.filter((m) => before.has(m.manager)).map((m) => [m.manager, metricDeltas(m as Record<string, unknown>, before.get(m.manager)!)]),
    );
  }
  return delta;
}
