import { describe, expect, it } from 'vitest';
import type { AuditResult } from '../../src/core/audit/types.js';
import type { ReportResult } from '../../src/core/report.js';
import { renderAuditMarkdown } from '../../src/render/audit/text.js';
import { renderKpiMarkdown } from '../../src/render/kpi/text.js';
import { renderReportMarkdown } from '../../src/render/report/summary.js';
import { mdCode, mdText } from '../../src/render/text.js';
import { auditResult, kpiResult } from '../helpers/results.js';

/** Text the user typed that is also Markdown and HTML: it must be shown, never run. */
const TYPED = 'A|B *x* <b> _y_ `z` [l](http://e) &amp; #1';
const SHOWN = 'A\\|B \\*x\\* \\<b> \\_y\\_ \\`z\\` \\[l\\](http://e) \\&amp; \\#1';

// A tester: `--company 'A|B *x* <b>' --format md` wrote the heading with live emphasis and a raw <b>.
describe('user text in Markdown', () => {
  it('is escaped: emphasis, code, links, HTML, entities, a heading\'s #; a line break does not end the line', () => {
    expect(mdText(TYPED)).toBe(SHOWN);
    expect(mdText('2 < 3, a > b, C# & co')).toBe('2 < 3, a > b, C# & co');
    expect(mdText('one\ntwo')).toBe('one two');
    expect(mdCode("audit.evidence.x=='`a`'")).toBe("``audit.evidence.x=='`a`'``");
  });

  it('in the audit: the heading, the band, the recommendations, the unanswered and the baseline', () => {
    const base = auditResult();
    const result: AuditResult = {
      ...base,
      company: TYPED,
      questionnaire: { ...base.questionnaire, title: 'Our *own* audit' },
      band: { ...base.band, title: '<i>Band</i>', meaning: 'Grow **now**' },
      recommendations: [{ ...base.recommendations[0]!, text: 'Use [the CRM](http://x)' }],
      unanswered: ['journal.calls'],
      baseline: { answeredAt: '2025-01-01T00:00:00.000Z', total: 1, change: 1.5, band: 'start', bandTitle: '<u>Start</u>', sections: [] },
    };
    const md = renderAuditMarkdown(result, { lang: 'ru', color: false });
    expect(md.split('\n')[0]).toBe(`# Our \\*own\\* audit — ${SHOWN}`);
    // The band with its score, as the terminal gives it.
    expect(md).toContain('**Уровень: \\<i>Band\\</i> (2,5 / 5).** Grow \\*\\*now\\*\\*');
    expect(md).toContain('Use \\[the CRM\\](http://x)');
    expect(md).toContain('\\<u>Start\\</u>');
    // The renderer's own emphasis stays: the total row, the band.
    expect(md).toContain('| **Итого** | **2,5** |');
    expect(md).not.toMatch(/(^|[^\\])<(b|i|u)>/);
  });

  it('in the CI report: the company, the band, the assertion and its failure', () => {
    const audit = { ...auditResult(), band: { ...auditResult().band, title: '*Lead*' } };
    const report: ReportResult = {
      schemaVersion: 1, generatedAt: '2026-01-15T10:00:00.000Z', lang: 'en', company: TYPED, audit,
      assertions: [{ assertion: "audit.evidence.journal.calls=='`x`'", op: '==', expected: 'x', level: 'error', passed: false, failures: [{ subject: 'audit.evidence.journal.calls', path: ['audit', 'evidence', 'journal.calls'], value: 'contradicted' }] }],
      failed: { errors: 1, warnings: 0 },
    } as unknown as ReportResult;
    const md = renderReportMarkdown(report);
    expect(md.split('\n')[0]).toContain(`— ${SHOWN}`);
    expect(md).toContain('— \\*Lead\\*.');
    expect(md).toContain("``audit.evidence.journal.calls=='`x`'``");
  });

  it('in the KPI report: a manager\'s name in a table, the total row still bold', () => {
    const md = renderKpiMarkdown(kpiResult(), { lang: 'en', color: false });
    expect(md).toContain('\\<script>alert("x")\\</script> & Co');
    expect(md).not.toMatch(/(^|[^\\])<script>/);
    expect(md).toContain("| **Department** | 300 |");
  });
});
