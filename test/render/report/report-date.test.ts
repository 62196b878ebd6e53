import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ReportResult } from '../../../src/core/report.js';
import { formatLocalDate } from '../../../src/render/format.js';
import { renderReportMarkdown, reportDay } from '../../../src/render/report/summary.js';
import { kpiResult } from '../../helpers/results.js';

const report = (generatedAt: string): ReportResult => ({ schemaVersion: 1, generatedAt, lang: 'ru', kpi: kpiResult(), assertions: [], failed: { errors: 0, warnings: 0 } });

// A tester: TZ=Asia/Vladivostok, --now 2026-12-01T22:30:00Z — the Markdown said 01.12.2026, the HTML and the workbook 02.12.2026.
describe('the report date is the run\'s local day in every format', () => {
  let zone: string | undefined;
  beforeEach(() => {
    zone = process.env.TZ;
    process.env.TZ = 'Asia/Vladivostok';
  });
  afterEach(() => {
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  it('Markdown: the local day of the moment, as the HTML cover writes it (formatLocalDate)', () => {
    const at = '2026-12-01T22:30:00.000Z';
    expect(renderReportMarkdown(report(at))).toContain('\nДата: 02.12.2026\n');
    expect(reportDay(at, 'ru')).toBe(formatLocalDate(new Date(at), 'ru'));
    expect(reportDay(at, 'en')).toBe('2026-12-02');
  });

  it('a day given as such (--now 2026-12-01) and a calendar day stay themselves in every zone', () => {
    expect(renderReportMarkdown(report('2026-12-01T00:00:00.000Z'))).toContain('\nДата: 01.12.2026\n');
    expect(reportDay('2025-01-31', 'ru')).toBe('31.01.2025');
    process.env.TZ = 'America/Los_Angeles';
    expect(reportDay('2025-01-31', 'ru')).toBe('31.01.2025');
    expect(reportDay('2026-12-01T00:00:00.000Z', 'ru')).toBe('01.12.2026');
    expect(reportDay('2026-12-01T05:00:00.000Z', 'ru')).toBe('30.11.2026');
  });
});
