import { parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { parseAssertion } from '../../../src/core/assert.js';
import { buildReport } from '../../../src/core/report.js';
import type { KpiResult } from '../../../src/core/kpi/types.js';
import { renderReportJunit, xmlEscape } from '../../../src/render/report/junit.js';

const kpi = {
  schemaVersion: 1,
  period: { from: null, to: null },
  managers: [{ manager: 'Алексеева Мария', conversion: 0.1, response_min_median: 66.2333 }, { manager: 'Белов <Игорь> & Co', conversion: 0.3, response_min_median: 12 }],
  total: { conversion: 0.207, response_min_median: 40 },
  notApplicable: {},
  dataQuality: { rowsRead: 2, rowsSkipped: [], rowsSkippedCount: 0, files: [], warnings: [] },
} as unknown as KpiResult;

const report = (lang: string) =>
  buildReport(
    { kpi, company: 'ООО «Ромашка» & Co' },
    [parseAssertion('total.conversion>=0.2'), parseAssertion('managers.*.response_min_median<=30'), parseAssertion('warn:managers.*.conversion>=0.2'), parseAssertion('total.response_min_median<=45')],
    { now: new Date('2025-07-01T09:30:00.000Z'), lang },
  );

/** The little of a parsed element the reader needs. */
interface Element {
  type: string;
  name: string;
  attribs: Record<string, string>;
  children: unknown[];
}

const elements = (node: { children?: unknown[] }, name: string): Element[] => ((node.children ?? []) as Element[]).filter((c) => c.type === 'tag' && c.name === name);
const text = (e: Element): string => (e.children as Array<{ data?: string }>).map((c) => c.data ?? '').join('');

/**
 * Reads the XML the way GitLab's `artifacts:reports:junit` parser does: testsuites > testsuite > testcase,
 * name / classname / time attributes, status from a failure, error or skipped child (any other child means
 * success), the child's text as the details.
 */
function readLikeGitlab(xml: string) {
  const doc = parseDocument(xml, { xmlMode: true });
  const roots = elements(doc, 'testsuites');
  expect(roots).toHaveLength(1);
  const suites = elements(roots[0]!, 'testsuite');
  return {
    root: roots[0]!.attribs,
    suites: suites.map((s) => ({
      attribs: s.attribs,
      cases: elements(s, 'testcase').map((c) => {
        const status = ['failure', 'error', 'skipped'].find((n) => elements(c, n).length > 0) ?? 'success';
        const detail = status === 'success' ? undefined : elements(c, status)[0]!;
        return { name: c.attribs.name, classname: c.attribs.classname, time: c.attribs.time, status, message: detail?.attribs.message, details: detail ? text(detail) : undefined, out: elements(c, 'system-out').map(text)[0] };
      }),
    })),
  };
}

describe('JUnit XML for GitLab and other CI servers', () => {
  it('one testcase per assertion; error failures are <failure> with readable lines; warnings pass with <system-out>', () => {
    const xml = renderReportJunit(report('ru'));
    expect(xml.startsWith('<?xml version="1.0" encoding="UTF-8"?>\n<testsuites ')).toBe(true);
    const r = readLikeGitlab(xml);
    expect(r.root).toMatchObject({ name: 'crm-audit', tests: '4', failures: '1', errors: '0' });
    expect(r.suites).toHaveLength(1);
    expect(r.suites[0]!.attribs).toMatchObject({ name: 'crm-audit: проверки — ООО «Ромашка» & Co', tests: '4', failures: '1', errors: '0', skipped: '0', timestamp: '2025-07-01T09:30:00' });
    expect(r.suites[0]!.cases).toEqual([
      { name: 'total.conversion>=0.2', classname: 'crm-audit.error', time: '0', status: 'success', message: undefined, details: undefined, out: undefined },
      {
        name: 'managers.*.response_min_median<=30',
        classname: 'crm-audit.error',
        time: '0',
        status: 'failure',
        message: 'ошибка: Алексеева Мария: Реакция (медиана) 66,2 мин > 30 мин',
        details: 'Алексеева Мария: Реакция (медиана) 66,2 мин > 30 мин',
        out: undefined,
      },
      { name: 'managers.*.conversion>=0.2', classname: 'crm-audit.warn', time: '0', status: 'success', message: undefined, details: undefined, out: 'предупреждение:\nАлексеева Мария: Конверсия 10,0% < 20%' },
      { name: 'total.response_min_median<=45', classname: 'crm-audit.error', time: '0', status: 'success', message: undefined, details: undefined, out: undefined },
    ]);
  });

  it('escapes markup and shows characters XML cannot carry as «�», as every other format does', () => {
    expect(xmlEscape('a<b>&"c"\'d\u0001\u000b')).toBe('a&lt;b&gt;&amp;&quot;c&quot;&apos;d\ufffd\ufffd');
    const r = buildReport({ kpi }, [parseAssertion('managers.*.conversion>=0.5')], { now: new Date('2025-07-01T00:00:00Z'), lang: 'en' });
    const cases = readLikeGitlab(renderReportJunit(r)).suites[0]!.cases;
    expect(cases[0]!.status).toBe('failure');
    expect(cases[0]!.message).toBe('error: fails for 2 values');
    expect(cases[0]!.details).toBe('Алексеева Мария: Conversion 10.0% < 50%\nБелов <Игорь> & Co: Conversion 30.0% < 50%');
  });

  it('unit economics and the plan read by their labels and in their units in <failure> (they read «romi 4.75 < 5», «plan.leads.achieved:  0.78 < 0.80»)', () => {
    const withEconomics = { ...kpi, total: { ...kpi.total, romi: 4.7534 }, plan: { by: 'manager', rows: [], leads: { plan: 9, fact: 7, achieved: 7 / 9 } } } as unknown as KpiResult;
    const r = buildReport({ kpi: withEconomics }, [parseAssertion('total.romi>=5'), parseAssertion('plan.leads.achieved>=0.8')], { now: new Date('2025-07-01T00:00:00Z'), lang: 'en' });
    const cases = readLikeGitlab(renderReportJunit(r)).suites[0]!.cases;
    expect(cases.map((c) => c.details)).toEqual(['Department: ROMI 475.3% < 500%', 'Plan vs actual: Leads: % of plan 77.8% < 80%']);
  });

  it('no assertions is an empty, valid suite', () => {
    const r = readLikeGitlab(renderReportJunit(buildReport({ kpi }, [], { now: new Date('2025-07-01T00:00:00Z'), lang: 'en' })));
    expect(r.root).toMatchObject({ tests: '0', failures: '0' });
    expect(r.suites[0]!.cases).toEqual([]);
  });
});

describe('a skipped assertion (a warn: delta.* check without --baseline)', () => {
  const skipped = (lang: string) => buildReport({ kpi }, [parseAssertion('total.conversion>=0.2'), parseAssertion('warn:delta.total.conversion>=-0.02')], { now: new Date('2025-07-01T09:30:00.000Z'), lang });

  it('is a <skipped> with why, counted in the suite, in the language of the run', () => {
    const ru = renderReportJunit(skipped('ru'));
    expect(ru).toContain(' tests="2" failures="0" errors="0" skipped="1" ');
    expect(ru).toContain('  <testcase classname="crm-audit.warn" name="delta.total.conversion&gt;=-0.02" time="0">\n      <skipped message="нет прошлого результата для delta.*: дайте --baseline previous.json — вывод report --format json прошлого запуска"/>\n    </testcase>');
    expect(renderReportJunit(skipped('en'))).toContain(`<skipped message="no previous result for delta.*: give --baseline previous.json, the last run&apos;s report --format json"/>`);
    // A run with nothing skipped says skipped="0".
    expect(renderReportJunit(report('en'))).toContain(' skipped="0" ');
  });

  it('is counted apart in the tally, with why, and listed as skipped in the Markdown and the workbook', async () => {
    const { assertionTally } = await import('../../../src/render/report/assertion-text.js');
    const { renderReportMarkdown } = await import('../../../src/render/report/summary.js');
    expect(assertionTally(skipped('ru').assertions, 'ru')).toBe('1 из 2 проверок пройдена, 1 пропущена (нет прошлого результата для delta.*: дайте --baseline previous.json — вывод report --format json прошлого запуска)');
    expect(assertionTally(skipped('en').assertions, 'en')).toBe("1 of 2 assertions passed, 1 skipped (no previous result for delta.*: give --baseline previous.json, the last run's report --format json)");
    expect(renderReportMarkdown(skipped('en'))).toContain("- ⏭️ `delta.total.conversion>=-0.02` — skipped: no previous result for delta.\\*: give --baseline previous.json, the last run's report --format json");
    const ExcelJS = (await import('exceljs')).default;
    const { renderReportXlsx } = await import('../../../src/render/report/xlsx.js');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await renderReportXlsx(skipped('ru'))) as never);
    const rows: unknown[][] = [];
    wb.worksheets[0]!.eachRow((r) => rows.push((r.values as unknown[]).slice(1)));
    expect(rows.find((r) => r[0] === 'delta.total.conversion>=-0.02')).toEqual(['delta.total.conversion>=-0.02', 'предупреждение', 'пропущена', 'нет прошлого результата для delta.*: дайте --baseline previous.json — вывод report --format json прошлого запуска']);
  });
});
