import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { renderKpiCsv } from '../../../src/render/kpi/csv.js';
import { kpiResult } from '../../helpers/results.js';

/** The CSV's tables, each parsed. */
function tables(text: string, delimiter: string): string[][][] {
  return text.slice(1).trimEnd().split('\r\n\r\n').map((block) => parse(block, { delimiter }) as string[][]);
}

const KIND = 'needs an activity kind column (a call log without one is all calls)';

// A tester: a call log without a kind column left Письма, Встречи, Сообщения blank in the CSV, with no word why (md, HTML, XLSX and JSON say it).
describe('kpi CSV: why a column is empty', () => {
  it('the cells stay empty; a table «Не рассчитано» after the others names each column as its header does, with the reason', () => {
    const r = kpiResult();
    r.notApplicable = { emails: KIND, meetings: KIND, paid_share: 'needs a payments file (--payments)' };
    const t = tables(renderKpiCsv(r, { lang: 'ru' }), ';');
    const head = t[0]![0]!;
    expect(t[0]![1]![head.indexOf('Письма')]).toBe('');
    expect(t.at(-1)).toEqual([
      ['Не рассчитано', 'Причина'],
      ['Письма', 'нужна колонка типа активности (журнал без неё — только звонки)'],
      ['Встречи', 'нужна колонка типа активности (журнал без неё — только звонки)'],
      ['Доля оплаты, %', 'нужен файл оплат (--payments)'],
    ]);
    // Each name is a header of the table above it: a reader finds the column.
    for (const [name] of t.at(-1)!.slice(1)) expect(head).toContain(name);
    expect(tables(renderKpiCsv(r, { lang: 'en' }), ',').at(-1)!.slice(0, 2)).toEqual([['Not applicable', 'Reason'], ['E-mails', KIND]]);
  });

  it('every metric computed: no such table; the warnings stderr gave are the last table', () => {
    const r = kpiResult();
    r.notApplicable = {};
    expect(renderKpiCsv(r, { lang: 'ru' })).not.toContain('Не рассчитано');
    r.dataQuality = { ...r.dataQuality, warnings: ['Deal amounts are in several currencies'], alerts: undefined };
    expect(tables(renderKpiCsv(r, { lang: 'en' }), ',').at(-1)).toEqual([['Warning'], ['Deal amounts are in several currencies']]);
  });
});
