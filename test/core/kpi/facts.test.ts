import { describe, expect, it } from 'vitest';
import { DealStore } from '../../../src/core/kpi/deal-store.js';
import { KpiEngine } from '../../../src/core/kpi/engine.js';
import { FactsTally, type EvidenceShape } from '../../../src/core/kpi/facts.js';
import type { Activity, Deal, Payment } from '../../../src/core/records.js';
import { act, deal, FULL_SHAPE } from '../../helpers/kpi.js';

const SHAPE: EvidenceShape = { activities: true, payments: true, lossReason: true, source: true, amount: true, product: false, duration: true, link: true };

function facts(deals: Deal[], activities: Activity[], payments: Payment[], shape: Partial<EvidenceShape> = {}, period: { from?: string; to?: string } = {}) {
  const store = new DealStore();
  for (const d of deals) store.add(d);
  const engine = new KpiEngine(store, { touchNorm: 5, callbackWindowMs: 86_400_000, ...period });
  for (const a of activities) engine.addActivity(a);
  engine.addPayments(payments);
  const { total } = engine.finish(FULL_SHAPE);
  return engine.evidenceFacts({ ...SHAPE, ...shape }, total.touches_per_won as number | null);
}

const pay = (deal_id: string, paid: number, invoiced = paid): Payment => ({ deal_id, manager: '', invoiced, paid, invoiced_at: null, paid_at: null });

describe('evidence facts, computed by hand on a small fixture', () => {
  const deals = [
    { ...deal('1', 'Анна', '2025-03-01 10:00', '2025-03-05 10:00', 'won', 100), source: 'Сайт' },
    deal('2', 'Анна', '2025-03-02 10:00', '2025-03-06 10:00', 'won', 0),
    deal('3', 'Борис', '2025-03-03 10:00', '2025-03-07 10:00', 'won', null),
    deal('4', 'Борис', '2025-03-04 10:00', '2025-03-08 10:00', 'lost', null, '', 'Дорого'),
    deal('5', 'Борис', '2025-03-04 10:00', '2025-03-08 10:00', 'lost', null),
    deal('6', 'Анна', '2025-03-05 10:00', null, 'open', 10),
  ];
  const activities = [
    act('Анна', '2025-03-02 10:00', 'call', 'out', false, 60, '1'),
    act('Анна', '2025-03-03 10:00', 'call', 'in', true, null, '2'),
    act('Борис', '2025-04-01 10:00', 'email', '', false, null, '3'), // after the close: still "any date"
    act('Борис', '2025-03-03 11:00', 'call', 'in', false, 0, '', 'Клиент'),
    act('Борис', '2025-03-03 12:00', 'call', 'out', false, 30, 'Z9'),
  ];
  const payments = [pay('1', 100), pay('3', 0, 50)];

  it('gives every fact of spec/evidence.md', () => {
    const f = facts(deals, activities, payments);
    expect(f.values).toEqual({
      closed_deals: 5,
      won_deals: 3,
      win_rate: 3 / 5,
      lost_with_reason_share: 1 / 2,
      source_share: 1 / 6,
      won_with_activity_share: 2 / 3,
      touches_per_won: 1 / 3,
      won_amount_share: 1 / 3,
      product_share: null,
      won_with_payment_share: 1 / 3,
      calls: 4,
      calls_linked_share: 2 / 4,
      answered_with_duration_share: 2 / 3,
    });
    expect(f.parts.won_with_activity_share).toEqual({ num: 2, den: 3 });
  });

  it('counts the calls of a log without a direction column: they are calls all the same', () => {
    const f = facts([deal('1', 'Анна', '2025-03-01 10:00', '2025-03-05 10:00', 'won', 100)], [act('Анна', '2025-03-02 10:00', 'call', '', false, 60, '1'), act('Анна', '2025-03-03 10:00', 'call', '', false, 0, '')], []);
    expect(f.values.calls).toBe(2);
    expect(f.values.calls_linked_share).toBe(0.5);
    expect(f.values.answered_with_duration_share).toBe(0.5);
  });

  // Tester T55 F1: a blank direction among 49 outgoing calls made 50 calls and confirmed telephony on the spec's minimum sample.
  it('counts calls_in + calls_out where calls say a direction: a call with a blank one is left out of every call fact', () => {
    const won = deal('1', 'Анна', '2025-03-01 10:00', '2025-03-05 10:00', 'won', 100);
    const log = [
      act('Анна', '2025-03-02 10:00', 'call', 'out', false, 60, '1'),
      act('Анна', '2025-03-02 11:00', 'call', 'in', false, 0, ''),
      act('Анна', '2025-03-02 12:00', 'call', 'in', true, null, '1'),
      act('Анна', '2025-03-03 10:00', 'call', '', false, 60, '1'),
    ];
    const f = facts([won], log, []);
    // 3 calls with a direction; linked: the 1st and 3rd; answered: the outgoing one and the answered incoming one, 1 of them with a duration.
    expect([f.values.calls, f.values.calls_linked_share, f.values.answered_with_duration_share]).toEqual([3, 2 / 3, 1 / 2]);
    expect(f.parts.calls_linked_share).toEqual({ num: 2, den: 3 });
  });

  it('keeps the calls without a direction apart when two halves of a log are merged', () => {
    const a = act('Анна', '2025-03-02 10:00', 'call', 'out', false, 60, '1');
    const blank = act('Анна', '2025-03-03 10:00', 'call', '', false, 60, '1');
    const first = new FactsTally(1);
    const second = new FactsTally(1);
    first.call({ ...a, manager: 0, deal: 0, client: 0 }, true, false);
    second.call({ ...blank, manager: 0, deal: 0, client: 0 }, true, false);
    first.absorb(second.data(), true);
    expect([first.calls, first.undirected.calls, first.undirected.answeredWithDuration]).toEqual([2, 1, 1]);
  });

  it('counts deals that name a product when there is a product column', () => {
    const withProduct = deals.map((d, i) => (i % 2 === 0 ? { ...d, hasProduct: true } : d));
    const f = facts(withProduct, activities, payments, { product: true });
    expect(f.values.product_share).toBe(3 / 6);
    expect(f.parts.product_share).toEqual({ num: 3, den: 6 });
  });

  it('says what each missing input would enable', () => {
    // No reason column, and so no reason read (a lost stage's reason is one: below).
    const noReasons = deals.map((d) => ({ ...d, loss_reason: '' }));
    const f = facts(noReasons, [], [], { activities: false, payments: false, lossReason: false, source: false, amount: false, duration: false });
    expect(f.needs).toEqual({
      lost_with_reason_share: 'deals.loss_reason',
      source_share: 'deals.source',
      won_with_activity_share: 'activities',
      touches_per_won: 'activities',
      won_amount_share: 'deals.amount',
      product_share: 'deals.product',
      won_with_payment_share: 'payments',
      calls: 'activities',
      calls_linked_share: 'activities',
      answered_with_duration_share: 'activities',
    });
    expect(f.values.closed_deals).toBe(5);
  });

  // A call log with no deal id, client or phone column: no call can link, and a reviewer saw two answers «refuted» for it.
  it('has no data for what counts linked activities when the activities file has no column to link them with', () => {
    const f = facts(deals, [], [], { link: false });
    expect(f.needs).toEqual({ won_with_activity_share: 'activities.deal_id', touches_per_won: 'activities.deal_id', calls_linked_share: 'activities.deal_id', product_share: 'deals.product' });
    expect(f.values.calls_linked_share).toBeNull();
  });

  // Kommo's «Venda perdida (Sem interesse)»: the reason read out of the stage, with no reason column.
  // kpi counted them in loss_reasons while the fact said no data, asking for a column the CRM never exports (a tester).
  it('counts a loss reason read without a reason column (out of the stage), as kpi does', () => {
    const f = facts(deals, activities, payments, { lossReason: false });
    expect(f.values.lost_with_reason_share).toBe(1 / 2);
    expect(f.parts.lost_with_reason_share).toEqual({ num: 1, den: 2 });
    expect(f.needs.lost_with_reason_share).toBeUndefined();
  });

  // A payments file with no deal column (manager, invoiced, paid): no payment can link to a deal, and
  // erp.payments read «0 of 20 won deals paid» as the data contradicting a "yes" (a tester).
  it('has no data for the paid share of won deals when no payment names a deal, and names the deal column', () => {
    const unnamed = [pay('', 100), pay('', 50)].map((p) => ({ ...p, manager: 'Анна' }));
    const f = facts(deals, activities, unnamed);
    expect(f.values.won_with_payment_share).toBeNull();
    expect(f.needs.won_with_payment_share).toBe('payments.deal_id');
    expect(f.parts.won_with_payment_share).toBeUndefined();
    // Payments that name deals, none of them one the deals file has (tester T76: an ERP's own numbers): no data either, said so.
    const unknown = facts(deals, activities, [...unnamed, pay('99', 10)]);
    expect(unknown.values.won_with_payment_share).toBeNull();
    expect(unknown.needs.won_with_payment_share).toBe('payments.known');
    // One naming a known deal, not paid: the share is 0 of 3, computed.
    const one = facts(deals, activities, [...unnamed, pay('99', 10), pay(deals[0]!.id, 0)]);
    expect(one.values.won_with_payment_share).toBe(0);
    expect(one.parts.won_with_payment_share).toEqual({ num: 0, den: 3 });
    expect(one.needs.won_with_payment_share).toBeUndefined();
  });

  it('follows the period (deals by creation, calls by date)', () => {
    const f = facts(deals, activities, payments, {}, { from: '2025-03-03', to: '2025-03-31' });
    expect(f.values.closed_deals).toBe(3);
    expect(f.values.won_deals).toBe(1);
    expect(f.values.calls).toBe(3);
  });

  it('links by client and time window when no activity has a deal id', () => {
    const byClient = [deal('1', 'Анна', '2025-03-01 10:00', '2025-03-05 10:00', 'won', 1, 'Ромашка'), deal('2', 'Анна', '2025-03-01 10:00', '2025-03-05 10:00', 'won', 1, 'Лютик')];
    const calls = [act('Анна', '2025-03-02 10:00', 'call', 'out', false, 10, '', 'Ромашка'), act('Анна', '2025-03-09 10:00', 'call', 'out', false, 10, '', 'Лютик')];
    const f = facts(byClient, calls, []);
    expect(f.values.calls_linked_share).toBe(1 / 2);
    expect(f.values.won_with_activity_share).toBe(1 / 2);
  });
});

describe('wonCoverage: the won deals of the period, their amounts of 0 and the client most of them name', () => {
  it('counts by hand: amounts of exactly 0 among those with one, and the top client among the won deals that name one', () => {
    const deals = [
      deal('1', 'Анна', '2025-03-01 10:00', '2025-03-05 10:00', 'won', 0, 'Без имени'),
      deal('2', 'Анна', '2025-03-02 10:00', '2025-03-06 10:00', 'won', 0, 'Без имени'),
      deal('3', 'Анна', '2025-03-03 10:00', '2025-03-07 10:00', 'won', 500, 'ООО Ромашка'),
      deal('4', 'Борис', '2025-03-04 10:00', null, 'won', null, 'Без имени'),
      deal('5', 'Борис', '2025-03-05 10:00', '2025-03-08 10:00', 'won', -0, ''),
      // Lost and open deals count nowhere here, whatever their amount and client.
      deal('6', 'Борис', '2025-03-05 10:00', '2025-03-09 10:00', 'lost', 0, 'ООО Ромашка'),
      deal('7', 'Борис', '2025-03-06 10:00', null, 'open', 0, 'ООО Ромашка'),
      deal('8', 'Борис', '2025-03-07 10:00', null, 'open', 0, 'ООО Ромашка'),
    ];
    // Won: 1-5; with an amount: 1, 2, 3, 5 (-0 is 0); of 0: 1, 2, 5; dated: 1, 2, 3, 5; with a client: 1-4, «Без имени» on three.
    expect(facts(deals, [], []).wonCoverage).toEqual({ won: 5, dated: 4, amounts: 4, zero: 3, client: { name: 'Без имени', won: 3, withClient: 4 } });
    // A period of 3-5 March: deals 3, 4, 5 won; «Без имени» on deal 4 alone, as «ООО Ромашка» on deal 3: the first key wins the tie.
    expect(facts(deals, [], [], {}, { from: '2025-03-03', to: '2025-03-05' }).wonCoverage).toEqual({ won: 3, dated: 2, amounts: 2, zero: 1, client: { name: 'Без имени', won: 1, withClient: 2 } });
    // No won deal names a client: no client.
    expect(facts([deal('1', 'Анна', '2025-03-01 10:00', null, 'won', 10)], [], []).wonCoverage).toEqual({ won: 1, dated: 0, amounts: 1, zero: 0 });
  });
});
