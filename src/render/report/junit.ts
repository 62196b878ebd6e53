import type { ReportResult } from '../../core/report.js';
import { tr } from '../../core/i18n.js';
import { auditNames, describeFailure, levelWord, skippedNote } from './assertion-text.js';

/** Escapes text for an XML attribute or element; characters XML 1.0 cannot carry are «�», as every other format shows them (tester T52 F12: they were dropped). */
export function xmlEscape(s: string): string {
  return s
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '\ufffd')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}

/**
 * The assertions as JUnit XML (the common Ant/Surefire shape GitLab's `artifacts:reports:junit` and most
 * CI servers read): one testcase per assertion; a failed `error` assertion is a <failure> with each
 * offending value on its own line; a failed `warn` assertion passes, its lines in <system-out>, since
 * JUnit has no "warning" outcome and a warning must not turn a pipeline red. A skipped one (a `warn` on delta.*
 * without --baseline) is a <skipped> with why.
 */
export function renderReportJunit(r: ReportResult): string {
  const failures = r.assertions.filter((a) => !a.passed && a.level === 'error').length;
  const names = auditNames(r.audit);
  const skipped = r.assertions.filter((a) => a.skipped).length;
  const suite = tr(r.lang, `crm-audit: проверки${r.company ? ` — ${r.company}` : ''}`, `crm-audit assertions${r.company ? ` — ${r.company}` : ''}`);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="crm-audit" tests="${r.assertions.length}" failures="${failures}" errors="0" time="0">`,
    `  <testsuite name="${xmlEscape(suite)}" tests="${r.assertions.length}" failures="${failures}" errors="0" skipped="${skipped}" time="0" timestamp="${r.generatedAt.replace(/\.\d+Z$/, '').replace(/Z$/, '')}">`,
  ];
  for (const a of r.assertions) {
    const head = `  <testcase classname="crm-audit.${a.level}" name="${xmlEscape(a.assertion)}" time="0"`;
    const text = a.failures.map((f) => describeFailure(a, f, r.lang, names)).join('\n');
    if (a.skipped) lines.push(`  ${head}>`, `      <skipped message="${xmlEscape(skippedNote(a, r.lang))}"/>`, '    </testcase>');
    else if (a.passed) lines.push(`  ${head}/>`);
    else if (a.level === 'error') {
      const message = `${levelWord('error', r.lang)}: ${a.failures.length === 1 ? text : tr(r.lang, `не выполнено, значений: ${a.failures.length}`, `fails for ${a.failures.length} values`)}`;
      lines.push(`  ${head}>`, `      <failure message="${xmlEscape(message)}" type="assertion">${xmlEscape(text)}</failure>`, '    </testcase>');
    } else lines.push(`  ${head}>`, `      <system-out>${xmlEscape(`${levelWord('warn', r.lang)}:\n${text}`)}</system-out>`, '    </testcase>');
  }
  lines.push('  </testsuite>', '</testsuites>');
  return `${lines.join('\n')}\n`;
}
