import { DealStore } from '../../src/core/kpi/deal-store.js';
import { KpiEngine, type KpiOptions } from '../../src/core/kpi/engine.js';
import type { Activity, Deal, InputShape, Payment, SpendRow } from '../../src/core/records.js';

export const FULL_SHAPE: InputShape = { activities: true, activityKind: true, activityMissed: true, payments: true, lossReason: true, client: true, amount: true, outcome: true };

/** Wall-clock ms of "YYYY-MM-DD HH:MM". */
export const t = (s: string) => Date.parse(`${s.replace(' ', 'T')}:00Z`);

export function deal(id: string, manager: string, created: string, closed: string | null, status: Deal['status'], amount: number | null, client = '', loss_reason = ''): Deal {
  return { id, manager, created_at: t(created), closed_at: closed ? t(closed) : null, status, amount, client, loss_reason, stage: '', pipeline: '', source: '', name: '' };
}

export function act(manager: string, at: string, kind: Activity['kind'], direction: Activity['direction'], missed: boolean, duration_s: number | null, deal_id = '', client = ''): Activity {
  return { manager, at: t(at), kind, direction, missed, duration_s, deal_id, client };
}

/** Runs the engine on records. */
export function compute(deals: Deal[], activities: Activity[], payments: Payment[] | undefined, opts: Partial<KpiOptions> = {}, shape: Partial<InputShape> = {}, spend?: { rows: SpendRow[]; margin: number }) {
  const store = new DealStore();
  for (const d of deals) store.add(d);
  const engine = new KpiEngine(store, { touchNorm: 5, callbackWindowMs: 24 * 3_600_000, ...opts });
  for (const a of activities) engine.addActivity(a);
  if (payments) engine.addPayments(payments);
  if (spend) engine.addSpend(spend.rows, spend.margin);
  return engine.finish({ ...FULL_SHAPE, payments: payments !== undefined, ...shape });
}
