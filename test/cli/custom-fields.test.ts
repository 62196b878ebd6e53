// Tester T38: a Bitrix24 REST extract kept its loss reasons in a custom field (`UF_CRM_…`), and the run said
// only «needs a loss-reason column»; Salesforce orgs add theirs as `Loss_Reason__c`, which was not read.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-custom-'));
writeFileSync(path.join(dir, 'bx.csv'), ['ID,TITLE,STAGE_ID,STAGE_SEMANTIC_ID,ASSIGNED_BY_ID,OPPORTUNITY,DATE_CREATE,CLOSEDATE,CLOSED,UF_CRM_1579180371132', '1,A,LOSE,F,7,0,2025-03-03T10:00:00+03:00,2025-03-05T03:00:00+03:00,Y,Дорого', '2,B,LOSE,F,7,0,2025-03-03T10:00:00+03:00,2025-03-05T03:00:00+03:00,Y,Недозвон', '3,C,WON,S,7,100,2025-03-03T10:00:00+03:00,2025-03-05T03:00:00+03:00,Y,'].join('\n'));
writeFileSync(path.join(dir, 'sf.csv'), ['Id,OwnerId,StageName,IsClosed,IsWon,Amount,CreatedDate,CloseDate,Loss_Reason__c', '006A,005X,Closed Lost,1,0,10,2025-03-03T10:00:00.000+0000,2025-03-05,Price', '006B,005X,Closed Lost,1,0,10,2025-03-03T10:00:00.000+0000,2025-03-05,', '006C,005X,Closed Won,1,1,10,2025-03-03T10:00:00.000+0000,2025-03-05,'].join('\n'));

describe('a loss reason in a custom field', () => {
  it('Bitrix24: the custom fields are named, with the --map line, and that line reads the reasons', () => {
    const run = runCli(['kpi', '-d', 'bx.csv', '--format', 'json', '--lang', 'ru', '--now', '2025-04-01'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('пользовательские поля CRM («UF_CRM_1579180371132») программа не читает');
    expect(run.stderr).toContain('«deals: columns: { loss_reason: "UF_CRM_1579180371132" }»');
    writeFileSync(path.join(dir, 'map.yaml'), 'deals:\n  columns:\n    loss_reason: "UF_CRM_1579180371132"\n');
    const mapped = runCli(['kpi', '-d', 'bx.csv', '--map', 'map.yaml', '--format', 'json', '--now', '2025-04-01'], { cwd: dir });
    expect(JSON.parse(mapped.stdout).total.loss_reasons).toEqual({ Дорого: 1, Недозвон: 1 });
    expect(mapped.stderr).not.toContain('custom fields');
  });

  it('Salesforce\'s Loss_Reason__c is the loss reason', () => {
    const run = runCli(['kpi', '-d', 'sf.csv', '--format', 'json', '--lang', 'en', '--now', '2025-04-01'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).total.loss_reasons).toEqual({ Price: 1, unspecified: 1 });
  });
});
