import { describe, expect, it } from 'vitest';
import type { KpiResult } from '../../../src/core/kpi/types.js';
import { coverSection } from '../../../src/render/html/cover.js';

const kpi = (period: KpiResult['period'], dataPeriod?: KpiResult['dataPeriod']) => ({ period, ...(dataPeriod ? { dataPeriod } : {}), managers: [], total: {}, notApplicable: {} }) as unknown as KpiResult;
const cover = (k: KpiResult, lang = 'ru') => /<p class="meta">(.*?)<\/p>/.exec(coverSection({ lang, generatedAt: '2025-07-01T00:00:00.000Z', kpi: k }))![1];

describe('the HTML cover period of a KPI report', () => {
  it('is the days of the data read, for all data and for --from only', () => {
    expect(cover(kpi({ from: null, to: null }, { from: '2024-07-01', to: '2025-06-30' }))).toBe('Период: 01.07.2024 — 30.06.2025 · Дата отчёта: 01.07.2025');
    expect(cover(kpi({ from: '2025-01-01', to: null }, { from: '2025-01-01', to: '2025-06-30' }), 'en')).toBe('Period: 2025-01-01 — 2025-06-30 · Report date: 2025-07-01');
  });

  it('is the period asked where no deal is dated in it, and none for all data without dates', () => {
    expect(cover(kpi({ from: '2030-01-01', to: null }))).toBe('Период: 01.01.2030 — … · Дата отчёта: 01.07.2025');
    expect(cover(kpi({ from: null, to: null }))).toBe('Дата отчёта: 01.07.2025');
  });
});
