import type { AuditResult } from '../../src/core/audit/types.js';
import { compareKpis, makePeriod } from '../../src/core/compare.js';
import type { CompareResult } from '../../src/core/compare.js';
import type { KpiResult } from '../../src/core/kpi/types.js';

/** A manager name that is also markup: every renderer must show it, never run it. */
export const HOSTILE_NAME = '<script>alert("x")</script> & Co';

/** A hand-made KPI result (the JSON contract) with two managers, one of them hostile, and 12 loss reasons. */
export function kpiResult(): KpiResult {
  const reasons: Record<string, number> = {};
  for (let i = 1; i <= 12; i++) reasons[i === 1 ? '<img src=x onerror=alert(1)>' : `Причина ${i}`] = 13 - i;
  const lost = Object.values(reasons).reduce((a, b) => a + b, 0);
  const m = (manager: string, leads: number, won: number, conv: number, resp: number | null, touches: number, missed: number) => ({
    manager, leads, won, lost: leads - won - 10, open: 10, conversion: conv, response_min_median: resp, touches_per_won: touches,
    calls_in: 40, calls_missed: missed, missed_share: missed / 40, callback_rate: 0.5,
  });
  return {
    schemaVersion: 1,
    period: { from: '2025-01-01', to: '2025-03-31' },
    managers: [m('Иванова Анна', 200, 50, 0.25, 12.5, 6.2, 4), m(HOSTILE_NAME, 100, 10, 0.1, null, 3.1, 10)],
    total: { leads: 300, won: 60, lost, open: 300 - 60 - lost, conversion: 0.2, response_min_median: 20, touches_per_won: 5.7, calls_in: 80, calls_missed: 14, missed_share: 0.175, callback_rate: 0.5, revenue: 1234567.5, loss_reasons: reasons },
    notApplicable: { paid_share: 'needs a payments file (--payments)' },
    dataQuality: { rowsRead: 320, rowsSkipped: [{ file: 'deals.csv', row: 7, column: 'Бюджет', reason: 'not a number: <b>abc</b>' }], rowsSkippedCount: 1, files: [{ file: 'deals.csv', kind: 'deals', format: 'csv', rowsRead: 301, records: 300, skipped: 1, dropped: {} }], warnings: [] },
    options: { touchNorm: 5, callbackWindowHours: 24 },
  };
}

/** A comparison with a cost, so it has a payback: made by the real compare over two hand-made periods. */
export function compareResult(): CompareResult {
  const period = (from: string, to: string, conv: number, revenue: number, resp: number) => ({
    period: makePeriod(from, to),
    total: { leads: 300, won: 300 * conv, conversion: conv, revenue, response_min_median: resp },
    managers: [{ manager: 'Иванова Анна', leads: 300, conversion: conv, response_min_median: resp }],
  });
  return compareKpis(period('2024-01-01', '2024-06-30', 0.15, 6_000_000, 40), period('2025-01-01', '2025-06-30', 0.2, 9_000_000, 20), { cost: 1_500_000, monthlyCost: 50_000, margin: 0.4 });
}

/** A hand-made audit result, with the `evidence` block issue 14 adds (spec/evidence.md). */
export function auditResult(): AuditResult {
  return {
    schemaVersion: 1,
    questionnaire: { id: 'crm-maturity', version: 1, title: 'Зрелость CRM' },
    lang: 'ru',
    answeredAt: '2026-01-15T10:00:00.000Z',
    company: 'ООО «Ромашка» <b>',
    sections: [
      { id: 'leads', title: 'Понятие лида', score: 2, max: 2, criteria: [] },
      { id: 'journal', title: 'Журналирование', score: 0.5, max: 3, criteria: [{ id: 'journal.calls', title: 'Звонки в CRM', answer: 'no', points: 0, max: 1 }] },
    ],
    total: 2.5,
    max: 5,
    band: { id: 'ahead', from: 2, to: 4, title: 'Впереди многих', meaning: 'Есть куда расти.' },
    recommendations: [{ criterion: 'journal.calls', section: 'journal', missingPoints: 1, text: 'Записывайте звонки', cost: { hoursPerManagerPerDay: 0.5, basis: '30 мин в день', managers: 6, hoursPerDay: 3, hoursPerMonth: 63, hourlyCost: 500, costPerMonth: 31_500 } }],
    unanswered: [],
    evidence: {
      facts: { calls_linked_share: 0.2 },
      checks: [{ criterion: 'journal.calls', answer: 'yes', verdict: 'contradicted', facts: [{ id: 'calls_linked_share', value: 0.2, op: '<', threshold: 0.4 }], text: 'Вы сказали, что звонки записываются; к сделкам привязано 20% звонков.' }],
      total: 1.5,
      band: { id: 'start', from: 0, to: 2, title: 'Начало пути', meaning: 'Пора начинать.' },
      recommendations: [],
    },
  };
}
