import { expect, it } from 'vitest';
import * as api from '../src/index.js';

it('the programmatic API computes KPIs from records without the CLI', () => {
  const store = new api.DealStore();
  store.add({ id: '1', manager: 'A', created_at: 0, closed_at: 86_400_000, status: 'won', amount: 100, client: 'K', loss_reason: '', stage: '', pipeline: '', source: '', name: '' });
  const engine = new api.KpiEngine(store, { touchNorm: 5, callbackWindowMs: 86_400_000 });
  const { total } = engine.finish({ activities: false, activityKind: false, activityMissed: false, payments: false, lossReason: false, client: true, amount: true });
  expect(total).toMatchObject({ leads: 1, won: 1, revenue: 100, cycle_days_median: 1, touches_per_won: null });
  expect(api.parseAssertion('total.won>=1').op).toBe('>=');
});
