import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import * as api from '../src/index.js';

it('the programmatic API computes KPIs from records without the CLI', () => {
  const store = new api.DealStore();
  store.add({ id: '1', manager: 'A', created_at: 0, closed_at: 86_400_000, status: 'won', amount: 100, client: 'K', loss_reason: '', stage: '', pipeline: '', source: '', name: '' });
  const engine = new api.KpiEngine(store, { touchNorm: 5, callbackWindowMs: 86_400_000 });
  const { total } = engine.finish({ activities: false, activityKind: false, activityMissed: false, payments: false, lossReason: false, client: true, amount: true, outcome: true });
  expect(total).toMatchObject({ leads: 1, won: 1, revenue: 100, cycle_days_median: 1, touches_per_won: null });
  expect(api.parseAssertion('total.won>=1').op).toBe('>=');
});

it('the programmatic API reads spend and plan files', async () => {
  const cwd = mkdtempSync(path.join(tmpdir(), 'crm-audit-api-'));
  writeFileSync(path.join(cwd, 'spend.csv'), 'Месяц;Источник;Расход\nиюль 2024;Сайт;1 500,50\n');
  writeFileSync(path.join(cwd, 'plan.csv'), 'Source;Month;Leads\nSEO;07.2024;40\n');
  const spend = await api.importSpend('spend.csv', { cwd, stdin: process.stdin });
  const plan = await api.importPlan('plan.csv', { cwd, stdin: process.stdin });
  expect(spend.rows).toEqual([{ month: '2024-07', source: 'Сайт', amount: 1500.5 }]);
  expect(plan.rows).toEqual([{ manager: '', source: 'SEO', month: '2024-07', leads: 40, won: null, revenue: null }]);
});
