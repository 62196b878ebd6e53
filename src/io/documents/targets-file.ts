import { z } from 'zod';
import { COMPARE_ROWS } from '../../core/compare.js';
import { UserError, UserErrors } from '../../core/errors.js';
import { closest } from '../../core/assert-paths.js';
import { didYouMean } from '../../core/document-issues.js';
import { zodToUserErrors } from '../../core/questionnaire/parse.js';
import { readDocument } from '../read/files.js';
import { parseDocumentAs } from './document-kind.js';

/**
 * The change a target may ask for: from -100% (nothing left) to +1000%. A bare `20` is most likely 20% meant
 * (+2000% as written), so it is told how twenty percent is written; a percentage out of range (`2000%`) was
 * written as one, and is told which end it passes (the twenty-percent hint read as nonsense beside it).
 */
const PLAUSIBLE = 'a target is a change from -100% to +1000%: write 0.2 or "+20%" for twenty percent';
const inRange = (v: number) => v >= -1 && v <= 10;
const percentValue = (s: string) => Number(s.replace('%', '').replace('−', '-').replace(',', '.').trim()) / 100;

/** A relative target: a fraction (0.2) or a percentage ("+20%", "-30%", "−30%" with the minus sign the reports print, "+12,5%"). */
export const relativeTarget = z.union([
  z.number().refine(inRange, PLAUSIBLE),
  z
    .string()
    .regex(/^[+\-−]?\d+([.,]\d+)?\s*%$/, 'a target is a fraction such as 0.2 or a percentage such as "+20%"')
    .superRefine((s, ctx) => {
      const v = percentValue(s);
      if (!inRange(v)) ctx.addIssue({ code: 'custom', message: v > 10 ? `"${s}" is above +1000%: a target is a change from -100% to +1000%` : `"${s}" is below -100%: a target is a change from -100% (nothing left) to +1000%` });
    })
    .transform(percentValue),
]);

const metricIds = COMPARE_ROWS.map((r) => r.metric) as [string, ...string[]];

/** The targets file: `targets: { conversion: +20%, response_min_median: -30% }`. */
export const targetsSchema = z.object({ targets: z.partialRecord(z.enum(metricIds), relativeTarget) }).strict();

/** Reads and validates a targets file; errors point into it. */
export async function loadTargets(file: string | undefined, cwd: string, stdin: NodeJS.ReadableStream): Promise<Record<string, number> | undefined> {
  if (!file) return undefined;
  const doc = parseDocumentAs(await readDocument(file, cwd, stdin), file, 'targets');
  const { known, errors } = unknownMetrics(doc, file);
  const parsed = targetsSchema.safeParse(known, { reportInput: true });
  if (!parsed.success) errors.push(...zodToUserErrors(parsed.error, file, 'E_TARGETS', targetsSchema));
  if (errors.length > 0) throw new UserErrors(errors);
  return parsed.data!.targets as Record<string, number>;
}

/**
 * Each misspelt metric (`convertion`) as an error with the names closest to it and every name, as
 * --assert says a misspelt path (the schema said only «unknown key»), and the document without them
 * for the schema to check the rest.
 */
function unknownMetrics(doc: unknown, file: string): { known: unknown; errors: UserError[] } {
  const targets = doc !== null && typeof doc === 'object' ? (doc as { targets?: unknown }).targets : undefined;
  if (targets === null || typeof targets !== 'object' || Array.isArray(targets)) return { known: doc, errors: [] };
  const errors = Object.keys(targets)
    .filter((k) => !metricIds.includes(k))
    .map((key) => {
      const params = { key, list: metricIds.join(', '), ...didYouMean(closest(key, metricIds)) };
      return UserError.of('E_TARGETS', 'targets.unknownMetric', params, { file, path: `targets.${key}` });
    });
  const kept = Object.fromEntries(Object.entries(targets).filter(([k]) => metricIds.includes(k)));
  return { known: { ...(doc as object), targets: kept }, errors };
}
