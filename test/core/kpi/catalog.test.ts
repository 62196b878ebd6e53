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

  it('every reason has its Russian text', () => {
    for (const reason of Object.values(NEEDS_TEXT)) expect(reasonText(reason, 'ru'), reason).not.toBe(reason);
  });
});
