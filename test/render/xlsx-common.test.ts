import { afterEach, describe, expect, it, vi } from 'vitest';
import { renderAuditXlsx } from '../../src/render/audit/xlsx.js';
import { renderKpiXlsx } from '../../src/render/kpi/xlsx.js';
import { auditResult, kpiResult } from '../helpers/results.js';

afterEach(() => {
  vi.useRealTimers();
});

/** Renders at a given wall-clock time, so the clock is the only thing that differs between two runs. */
async function at<T>(clock: string, render: () => Promise<T>): Promise<T> {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(new Date(clock));
  try {
    return await render();
  } finally {
    vi.useRealTimers();
  }
}

describe('workbook bytes', () => {
  it('do not depend on the clock: the same result and report date give the same file a minute later', async () => {
    const now = new Date('2026-01-15T10:00:00Z');
    const audit = () => renderAuditXlsx(auditResult(), { lang: 'ru' });
    expect(Buffer.from(await at('2026-03-01T08:00:00Z', audit)).equals(Buffer.from(await at('2026-03-01T08:01:07Z', audit)))).toBe(true);
    const kpi = () => renderKpiXlsx(kpiResult(), { lang: 'ru', now });
    expect(Buffer.from(await at('2026-03-01T08:00:00Z', kpi)).equals(Buffer.from(await at('2027-07-09T23:59:59Z', kpi)))).toBe(true);
  });
});
