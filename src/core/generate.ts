import type { Activity, Deal, Payment } from './records.js';

/** A small, fast, seedable PRNG (mulberry32): the same seed always gives the same data. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export interface GenerateOptions {
  seed: number;
  deals: number;
  /** Activities to generate in all (spread over the deals, plus some unlinked ones). */
  activities: number;
  managers?: string[];
  start: number;
  end: number;
  /** When set, deals created from this moment behave as "after the CRM went in". */
  cutover?: number;
}

const RU_MANAGERS = ['Алексеева Мария', 'Белов Игорь', 'Васильев Пётр', 'Григорьева Анна', 'Дмитриев Олег', 'Егорова Светлана'];
const REASONS = ['Дорого', 'Выбрали конкурента', 'Нет бюджета', 'Не дозвонились', ''];
const SOURCES = ['Сайт', 'Звонок', 'Рекомендация', 'Выставка', 'Реклама'];
const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** Where generated records go. */
export interface SalesSink {
  deal(d: Deal): void;
  activity(a: Activity): void;
  payment(p: Payment): void;
}

/** The most deals and activities `crm-audit generate` makes: 50 times the benchmark's set (1M deals, 5M activities), about 30 GB of files. */
export const MAX_GENERATED = { deals: 50_000_000, activities: 250_000_000 } as const;

/** Records emitted between two pauses of generateSalesSteps. */
const STEP_RECORDS = 16_384;

/**
 * Synthetic but realistic sales data: managers with different skill, a funnel with won/lost/open
 * deals, repeat clients, calls and e-mails around each deal (some before creation, some missed and
 * called back), and payments for won deals. After a cutover conversion rises and response speeds up.
 * Emits records one by one, so millions of rows never sit in memory.
 */
export function generateSales(o: GenerateOptions, sink: SalesSink): void {
  for (const step = generateSalesSteps(o, sink); !step.next().done; );
}

/**
 * generateSales in steps: pauses after every few thousand records (inside a deal's activities too, so
 * a set of one deal and millions of calls pauses as well), for a caller to let signals in between them
 * (the CLI: Ctrl+C during `generate --deals 3000000` ran to the end). The records are the same.
 */
export function* generateSalesSteps(o: GenerateOptions, sink: SalesSink): Generator<void, void, void> {
  let emitted = 0;
  const out: SalesSink = {
    deal: (d) => (emitted++, sink.deal(d)),
    activity: (a) => (emitted++, sink.activity(a)),
    payment: (p) => (emitted++, sink.payment(p)),
  };
  const pause = () => {
    if (emitted < STEP_RECORDS) return false;
    emitted = 0;
    return true;
  };
  const r = rng(o.seed);
  const managers = o.managers ?? RU_MANAGERS;
  const skill = managers.map(() => 0.75 + r() * 0.5);
  const clientCount = Math.max(5, Math.floor(o.deals * 0.6));
  const perDeal = o.deals === 0 ? 0 : Math.max(0, o.activities / o.deals - 0.2);
  let activitiesLeft = o.activities;
  const span = o.end - o.start;
  for (let i = 0; i < o.deals; i++) {
    const m = Math.floor(r() * managers.length);
    const base = o.start + Math.floor((i / Math.max(1, o.deals)) * span);
    // Up to 8 hours later, never past `end`, the last creation moment asked for (T39 F17: 97 deals of
    // 200 000 were created on the day after --to): a deal that would pass it is squeezed into the time
    // left, in the same proportion; every other deal, and every later draw, is as before.
    const late = Math.floor(r() * HOUR * 8);
    const created = base + late <= o.end ? base + late : base + Math.floor((late * (o.end - base + 1)) / (HOUR * 8));
    const after = o.cutover !== undefined && created >= o.cutover;
    const winP = (after ? 0.27 : 0.2) * skill[m]!;
    const roll = r();
    const status: Deal['status'] = roll < winP ? 'won' : roll < winP + 0.55 ? 'lost' : 'open';
    const cycle = (2 + r() * r() * 40) * DAY * (after ? 0.85 : 1);
    const closed = status === 'open' ? null : Math.min(created + cycle, o.end + 30 * DAY);
    const amount = r() < 0.06 ? null : Math.round((20_000 + r() * r() * 480_000) / 100) * 100;
    const client = `Клиент ${1 + Math.floor(Math.pow(r(), 1.6) * clientCount)}`;
    const id = String(100000 + i);
    out.deal({ id, manager: managers[m]!, created_at: created, closed_at: closed, status, stage: '', pipeline: 'Продажи', source: SOURCES[Math.floor(r() * SOURCES.length)]!, loss_reason: status === 'lost' ? REASONS[Math.floor(r() * REASONS.length)]! : '', amount, client, name: `Сделка ${id}` });

    // Activities around the deal: a response after creation, then touches until closing.
    const count = Math.min(activitiesLeft, Math.floor(perDeal * (0.5 + r())));
    const responseMin = (after ? 20 : 75) * (0.2 + r() * r() * 4) / skill[m]!;
    let at = created + responseMin * 60_000;
    for (let k = 0; k < count; k++) {
      const who = r() < 0.9 ? m : Math.floor(r() * managers.length);
      const kindRoll = r();
      const kind: Activity['kind'] = kindRoll < 0.72 ? 'call' : kindRoll < 0.88 ? 'email' : kindRoll < 0.95 ? 'meeting' : 'message';
      const direction: Activity['direction'] = kind === 'meeting' ? '' : r() < 0.7 ? 'out' : 'in';
      const missed = kind === 'call' && direction === 'in' && r() < (after ? 0.08 : 0.18);
      const when = k === 0 ? at : at - (r() < 0.05 ? 2 * DAY : 0);
      out.activity({ manager: managers[who]!, at: Math.floor(when / 1000) * 1000, kind, direction, missed, duration_s: kind === 'call' ? (missed ? 0 : Math.floor(20 + r() * r() * 900)) : null, deal_id: id, client });
      if (missed && r() < (after ? 0.85 : 0.55)) {
        activitiesLeft--;
        out.activity({ manager: managers[m]!, at: Math.floor((when + (0.2 + r() * 30) * HOUR) / 1000) * 1000, kind: 'call', direction: 'out', missed: false, duration_s: Math.floor(30 + r() * 300), deal_id: id, client });
      }
      at += (closed === null ? 3 * DAY : Math.max(HOUR, (closed - created) / Math.max(1, count))) * (0.3 + r());
      if (pause()) yield;
    }
    activitiesLeft -= count;
    if (status === 'won' && amount !== null && r() < 0.9) {
      const paid = r() < 0.8 ? amount : Math.round(amount * r() * 0.9);
      out.payment({ deal_id: id, manager: '', invoiced: amount, paid, invoiced_at: closed, paid_at: paid > 0 && closed !== null ? closed + Math.floor(r() * 14) * DAY : null });
    }
    if (pause()) yield;
  }
  // Whatever is left: calls with no deal (a department also takes calls that lead nowhere).
  for (; activitiesLeft > 0; activitiesLeft--) {
    const m = Math.floor(r() * managers.length);
    const direction: Activity['direction'] = r() < 0.5 ? 'out' : 'in';
    const missed = direction === 'in' && r() < 0.15;
    out.activity({ manager: managers[m]!, at: o.start + Math.floor((r() * span) / 1000) * 1000, kind: 'call', direction, missed, duration_s: missed ? 0 : Math.floor(r() * 400), deal_id: '', client: `Клиент ${1 + Math.floor(r() * clientCount)}` });
    if (pause()) yield;
  }
}
