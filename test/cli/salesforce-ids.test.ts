import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

describe('a Salesforce report (15-character ids) with a Data Loader extract (18-character ids)', () => {
  it('links the tasks and the payments to their opportunities: touches, responses and payments are counted', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sf-ids-'));
    writeFileSync(
      path.join(dir, 'deals.csv'),
      ['Opportunity ID,Opportunity Owner,Account Name,Opportunity Name,Stage,Amount,Close Date,Created Date', '0065g00000AbCdE,Maria Lopez,Acme,Opp 1,Closed Won,1000,1/20/2025,1/13/2025', '0065g00000AbCdF,Maria Lopez,Beta,Opp 2,Closed Lost,2500,1/25/2025,1/14/2025'].join('\n'),
    );
    writeFileSync(
      path.join(dir, 'tasks.csv'),
      [
        'Id,WhatId,Subject,ActivityDate,Status,Owner.Name,TaskSubtype,CallType,CallDurationInSeconds',
        '00T5g000001,0065g00000AbCdEAAV,Call,2025-01-14,Completed,Maria Lopez,Call,Outbound,120',
        '00T5g000002,0065g00000AbCdEAAV,Call,2025-01-15,Completed,Maria Lopez,Call,Outbound,60',
        '00T5g000003,0065g00000AbCdFAAV,Call,2025-01-16,Completed,Maria Lopez,Call,Outbound,30',
      ].join('\n'),
    );
    writeFileSync(path.join(dir, 'pay.csv'), 'deal_id,invoiced,paid\n0065g00000AbCdEAAV,1000,400\n');
    const run = runCli(['kpi', '-d', 'deals.csv', '-a', 'tasks.csv', '-p', 'pay.csv', '--format', 'json', '--lang', 'en'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    const maria = out.managers.find((m: { manager: string }) => m.manager === 'Maria Lopez');
    // Opp 1 (won, closed 20.01) has the calls of 14.01 and 15.01: 2 touches. Responses: 13.01 00:00 → 14.01 00:00
    // is 1 440 min, 14.01 → 16.01 is 2 880 min; the median of the two is 2 160.
    expect(out.total).toMatchObject({ touches_per_won: 2, no_response: 0, response_min_median: 2160, response_min_avg: 2160, invoiced: 1000, paid: 400 });
    // The payment names the deal by its 18 characters: it is Maria's, not a payment of no one.
    expect(maria).toMatchObject({ touches_per_won: 2, paid: 400 });
    expect(run.stderr).not.toMatch(/links to a deal|neither a manager nor a known deal/);
  });

  it('an 18-character id whose suffix is not its 15 characters\' links nothing', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'sf-ids-'));
    writeFileSync(path.join(dir, 'deals.csv'), 'Opportunity ID,Opportunity Owner,Stage,Close Date,Created Date\n0065g00000AbCdE,Maria Lopez,Closed Won,1/20/2025,1/13/2025\n');
    writeFileSync(path.join(dir, 'tasks.csv'), 'Id,WhatId,ActivityDate,Owner.Name,TaskSubtype,CallType\n00T5g000001,0065g00000AbCdEAAA,2025-01-14,Maria Lopez,Call,Outbound\n');
    const out = JSON.parse(runCli(['kpi', '-d', 'deals.csv', '-a', 'tasks.csv', '--format', 'json', '--lang', 'en'], { cwd: dir }).stdout);
    expect(out.total).toMatchObject({ touches_per_won: 0, no_response: 1, response_min_median: null });
  });
});
