import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importDeals } from '../../../src/io/map/import.js';

/** Imports a deals file written from its lines into a fresh temp folder. */
async function read(lines: string[]) {
  const dir = mkdtempSync(path.join(tmpdir(), 'deal-reader-'));
  writeFileSync(path.join(dir, 'deals.csv'), `${lines.join('\n')}\n`);
  const { store, report } = await importDeals('deals.csv', { cwd: dir, stdin: process.stdin, maxBadRows: { count: 1000 } });
  return { deals: store.toDeals(), report };
}

// A tester: a HubSpot API export read `amount_in_home_currency` (the API name of «Amount in company
// currency») as the amount, and still warned that the amounts were in several currencies, from
// `deal_currency_code`: the currency column says nothing about amounts already converted.
describe('an amount already converted into the company\'s currency: the currency column is not read', () => {
  it.each([
    ['HubSpot, through the API', 'hs_object_id,amount,amount_in_home_currency,deal_currency_code,dealstage,hubspot_owner_id,createdate,closedate', '{id},1000,{amount},{cur},closedwon,51000001,2024-01-10T10:00:00Z,2024-01-12T10:00:00Z', 'amount_in_home_currency'],
    ['HubSpot, from the interface', 'Record ID,Amount,Amount in company currency,Deal Currency Code,Deal Stage,Deal owner,Create Date,Close Date', '{id},1000,{amount},{cur},Closed won,Anna Smith,2024-01-10 10:00,2024-01-12 10:00', 'Amount in company currency'],
    ['a Salesforce report', 'Opportunity ID,Opportunity Owner,Opportunity Currency,Amount,Amount (converted),Stage,Created Date,Close Date', '{id},Anna Smith,{cur},1000,{amount},Closed Won,2024-01-10,2024-01-12', 'Amount (converted)'],
    ['a Salesforce report in a Russian-language org', 'Идентификатор возможности,Ответственный за возможность,Валюта возможности,Сумма,Сумма (преобразованная),Этап,Дата создания,Дата закрытия', '{id},Анна Смирнова,{cur},1000,{amount},Closed Won,10.01.2024,12.01.2024', 'Сумма (преобразованная)'],
  ])('%s', async (_, header, row, converted) => {
    const rows = [['1', '1100', 'EUR'], ['2', '500', 'USD'], ['3', '2000', 'USD']].map(([id, amount, cur]) => row.replace('{id}', id!).replace('{amount}', amount!).replace('{cur}', cur!));
    const { deals, report } = await read([header, ...rows]);
    expect(report.columns.find((c) => c.header === converted)?.field).toBe('amount');
    expect(deals.map((d) => d.amount)).toEqual([1100, 500, 2000]);
    expect(report.values.currency).toBeUndefined();
  });

  it('the deal\'s own amount beside its currency column: each deal\'s currency is counted, for the warning', async () => {
    const { report } = await read([
      'hs_object_id,amount,deal_currency_code,dealstage,hubspot_owner_id,createdate,closedate',
      '1,1000,EUR,closedwon,51000001,2024-01-10T10:00:00Z,2024-01-12T10:00:00Z',
      '2,500,USD,closedwon,51000001,2024-01-10T10:00:00Z,2024-01-12T10:00:00Z',
    ]);
    expect(report.values.currency?.map((v) => [v.value, v.count])).toEqual([['EUR', 1], ['USD', 1]]);
  });
});
