import type { AssertionResult } from '../../core/assert.js';
import type { AuditResult } from '../../core/audit/types.js';
import { tr } from '../../core/i18n.js';
import { assertionTally, auditNames, describeFailure, levelWord, skippedNote } from '../report/assertion-text.js';
import { reportLabels } from '../report/summary.js';
import { esc, section, table } from './page.js';

/** How many failures of one assertion the client document lists (a wildcard over every manager may fail for each). */
const FAILURES_SHOWN = 10;

/**
 * The report's assertions as the job summary and the workbook show them: the tally, then each one,
 * passed, failed, warned or skipped, with who failed and by how much. A report whose gates failed
 * looked all green as HTML, the one format that left them out (tester T42 F1).
 */
export function assertionsSection(assertions: readonly AssertionResult[], audit: AuditResult | undefined, lang: string): string {
  if (assertions.length === 0) return '';
  const L = reportLabels(lang);
  const names = auditNames(audit);
  const rows = assertions.map((a) => {
    const status = a.skipped ? L.skipped : a.passed ? L.passed : L.failed;
    const failures = a.failures.slice(0, FAILURES_SHOWN).map((f) => describeFailure(a, f, lang, names));
    const more = a.failures.length > FAILURES_SHOWN ? [tr(lang, `…и ещё ${a.failures.length - FAILURES_SHOWN}`, `…and ${a.failures.length - FAILURES_SHOWN} more`)] : [];
    return [a.assertion, levelWord(a.level, lang), status, a.skipped ? skippedNote(a, lang) : [...failures, ...more].join('; ')];
  });
  const mark = (i: number) => {
    const a = assertions[i]!;
    return a.skipped || a.passed ? undefined : a.level === 'warn' ? 'warned' : 'failed';
  };
  const tally = `<p class="${assertions.some((a) => !a.passed && a.level === 'error') ? 'bad' : 'good'}">${esc(assertionTally(assertions, lang))}</p>`;
  return section('assertions', L.assertions, tally + table([L.assertion, L.level, L.status, tr(lang, 'Подробности', 'Details')], rows, { cls: 'assertions', rowCls: mark }));
}
