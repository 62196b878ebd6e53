import { UserError } from '../errors.js';
import { TOO_LARGE } from '../value-limits.js';

/** The parts of an audit result a baseline's values are checked in (an audit's own result, or the `audit` of a report's). */
interface AuditValues {
  total: number;
  max?: unknown;
  sections?: unknown;
  answeredAt?: unknown;
}

/**
 * A baseline's audit as a run writes it: a total and each section's score from 0 to its maximum, a
 * maximum above 0, the date it was answered a date; `at` is where the audit stands in its document
 * (`audit.` in a report's result). Tester T66 M3: a total of 1e308 or −5, a section scored 99 of 2 and
 * «answeredAt: yesterday» were printed as «До (NaN-NaN-NaN)»; review R51: the same in a report's baseline.
 */
export function assertAuditValues(doc: AuditValues, file: string, at = ''): void {
  const refuse = (path: string, value: unknown, expected: string, expectedRu: string): never => {
    throw UserError.of('E_BASELINE', 'audit.baselineValue', { value: JSON.stringify(value), expected, expectedRu }, { file, path: `${at}${path}` });
  };
  const max = typeof doc.max === 'number' ? doc.max : undefined;
  if (max !== undefined && !(max > 0 && max < TOO_LARGE)) refuse('max', max, 'a maximum score above 0', 'наибольший балл больше 0');
  if (!(doc.total >= 0 && doc.total <= (max ?? TOO_LARGE))) refuse('total', doc.total, `a score from 0 to ${max ?? 'the maximum'}`, `балл от 0 до ${max ?? 'наибольшего'}`);
  const sections = Array.isArray(doc.sections) ? (doc.sections as Array<{ score?: unknown; max?: unknown } | null>) : [];
  sections.forEach((s, i) => {
    const most = typeof s?.max === 'number' ? s.max : undefined;
    if (typeof s?.score === 'number' && !(s.score >= 0 && s.score <= (most ?? TOO_LARGE))) refuse(`sections[${i}].score`, s.score, `a section's score from 0 to its maximum${most === undefined ? '' : ` ${most}`}`, `балл раздела от 0 до его наибольшего${most === undefined ? '' : ` ${most}`}`);
  });
  if (doc.answeredAt !== undefined && (typeof doc.answeredAt !== 'string' || Number.isNaN(Date.parse(doc.answeredAt)))) refuse('answeredAt', doc.answeredAt, 'the date and time the audit was answered (2025-04-01T09:00:00.000Z)', 'дата и время ответов (2025-04-01T09:00:00.000Z)');
}
