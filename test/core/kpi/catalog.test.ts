import { describe, expect, it } from 'vitest';
import { NEEDS_TEXT, notApplicable } from '../../../src/core/kpi/catalog.js';
import type { InputShape } from '../../../src/core/records.js';
import { reasonText } from '../../../src/render/kpi/labels.js';

const all: InputShape = { activities: true, activityKind: true, activityMissed: true, payments: true, lossReason: true, client: true, amount: true, outcome: true, closedAt: true };

describe('metrics that the inputs cannot give', () => {
  it('the cycle needs a close date column: said when the deals file has none, with the reason', () => {
    expect(notApplicable(all)).toEqual({});
    const none = notApplicable({ ...all, closedAt: false });
    expect(none).toEqual({ cycle_days_avg: 'needs a close date column in the deals file', cycle_days_median: 'needs a close date column in the deals file' });
    expect(reasonText(none.cycle_days_avg!, 'ru')).toBe('нужна колонка даты закрытия в файле сделок');
  });

  it('a shape without closedAt (the programmatic API before it existed) keeps the cycle', () => {
    const { closedAt: _, ...old } = all;
    expect(notApplicable(old)).toEqual({});
  });

  // A call log without a direction (Zadarma's, Pipedrive's activities) counted 0 calls in and out as the answer.
  it('counting calls by direction, and the first response, need activities that say a direction', () => {
    const none = notApplicable({ ...all, activityDirection: false });
    expect(Object.keys(none)).toEqual(['response_min_median', 'response_min_avg', 'no_response', 'calls_out', 'calls_in', 'calls_missed', 'missed_share', 'callback_rate']);
    expect(new Set(Object.values(none))).toEqual(new Set([NEEDS_TEXT.activityDirection]));
    expect(notApplicable({ ...all, activityDirection: true })).toEqual({});
  });

  it('every reason has its Russian text', () => {
    for (const reason of Object.values(NEEDS_TEXT)) expect(reasonText(reason, 'ru'), reason).not.toBe(reason);
  });
});

// A payments file of invoices only (no paid column) reported paid 0 and a paid share of 0%, as if nothing was paid.
describe('payments without a paid or an invoiced column', () => {
  it('paid and its share need a paid column; invoiced and the share an invoiced one', () => {
    expect(notApplicable({ ...all, paidColumn: true, invoicedColumn: true })).toEqual({});
    expect(notApplicable({ ...all, paidColumn: false, invoicedColumn: true })).toEqual({ paid: NEEDS_TEXT.paidColumn, paid_share: NEEDS_TEXT.paidColumn });
    expect(notApplicable({ ...all, paidColumn: true, invoicedColumn: false })).toEqual({ invoiced: NEEDS_TEXT.invoicedColumn, paid_share: NEEDS_TEXT.invoicedColumn });
    // Without a payments file, that file is what is needed.
    expect(notApplicable({ ...all, payments: false, paidColumn: false }).paid).toBe(NEEDS_TEXT.payments);
    // A status column with a paid status says what was paid too (paymentColumns): the reason names both.
    expect(reasonText(NEEDS_TEXT.paidColumn, 'ru')).toBe('нужна колонка оплаченной суммы в файле оплат или колонка статуса счёта со статусом оплаты (файл --map назовёт его: payments: status: { "Статус": paid })');
  });
});
