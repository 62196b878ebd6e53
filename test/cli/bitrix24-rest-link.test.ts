// Tester T70 (M4): Bitrix24 REST deals (crm.deal.list: COMPANY_ID) and REST call statistics
// (voximplant.statistic.get: CRM_ENTITY_TYPE COMPANY, CRM_ENTITY_ID) never linked: a call was its phone
// number's, a deal its company number's. A company's number is now keyed as the company on both sides.
// Expectations are worked out by hand.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { kpiBothWays } from '../helpers/both-ways.js';

const dir = mkdtempSync(path.join(tmpdir(), 'b24-rest-link-'));

describe('Bitrix24 REST deals and call statistics', () => {
  it('link by the company a call is bound to', () => {
    writeFileSync(path.join(dir, 'deals.csv'), [
      'ID,TITLE,STAGE_ID,CATEGORY_ID,ASSIGNED_BY_ID,OPPORTUNITY,CURRENCY_ID,DATE_CREATE,CLOSED,CLOSEDATE,COMPANY_ID,CONTACT_ID',
      '1,A,WON,0,12,150000.00,RUB,2025-03-01T10:00:00+03:00,Y,2025-03-05T03:00:00+03:00,5,',
      '2,B,LOSE,0,12,80000.00,RUB,2025-03-02T10:00:00+03:00,Y,2025-03-03T03:00:00+03:00,,5',
    ].join('\n'));
    writeFileSync(path.join(dir, 'calls.csv'), [
      'CALL_ID,PORTAL_USER_ID,PORTAL_NUMBER,PHONE_NUMBER,CALL_TYPE,CALL_DURATION,CALL_START_DATE,CALL_FAILED_CODE,CRM_ENTITY_TYPE,CRM_ENTITY_ID',
      // Company 5's deal 1: an answered outgoing call 30 min after its creation (its response), then a missed incoming call.
      'a1,12,reg1,+79001112233,1,150,2025-03-01T10:30:00+03:00,200,COMPANY,5',
      'a2,12,reg1,+79001112233,2,0,2025-03-01T12:00:00+03:00,304,COMPANY,5',
      // Contact 5 (deal 2's client, not company 5): its own deal's response, 60 min.
      'a3,12,reg1,+79005556677,1,60,2025-03-02T11:00:00+03:00,200,CONTACT,5',
    ].join('\n'));
    const run = runCli(['kpi', '-d', 'deals.csv', '-a', 'calls.csv', '--format', 'json', '--lang', 'en', '--now', '2025-04-01'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const r = JSON.parse(run.stdout) as { total: Record<string, unknown>; dataQuality: { alerts: Array<{ code: string }> } };
    // Deal 1's touches: a1 (a2 is missed); responses 30 (deal 1) and 60 (deal 2): median 45.
    expect(r.total).toMatchObject({ touches_per_won: 1, response_min_median: 45, no_response: 0 });
    expect(r.dataQuality.alerts.map((a) => a.code)).not.toContain('activities-unlinked');
  });

  it('link so in both halves of a large log (the worker thread\'s copy of the deals keys them as records too)', () => {
    // 3 000 answered outgoing calls to company 5 within deal 1's life: 3 000 touches of its one won deal.
    // Without CALL_ID: a log with a call id is read in one pass (its legs are joined by it).
    const calls = Array.from({ length: 3000 }, (_, i) => `12,reg1,+79001112233,1,60,2025-03-0${(i % 3) + 2}T1${i % 10}:00:00+03:00,200,COMPANY,5`);
    writeFileSync(path.join(dir, 'big.csv'), ['PORTAL_USER_ID,PORTAL_NUMBER,PHONE_NUMBER,CALL_TYPE,CALL_DURATION,CALL_START_DATE,CALL_FAILED_CODE,CRM_ENTITY_TYPE,CRM_ENTITY_ID', ...calls].join('\n'));
    const { result } = kpiBothWays(dir, ['-d', 'deals.csv', '-a', 'big.csv'], ['big.csv']);
    expect(result.total.touches_per_won).toBe(3000);
  });
});
