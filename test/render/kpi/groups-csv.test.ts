import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { renderKpiCsv } from '../../../src/render/kpi/csv.js';
import { groupsOnlyResult, groupsResult, SOURCE_ADS } from '../../helpers/groups-result.js';
import { kpiResult } from '../../helpers/results.js';

/** The CSV's tables (an empty line between them), each parsed back with its header row first. */
function tables(text: string, delimiter: string): string[][][] {
  expect(text.startsWith('\uFEFF')).toBe(true);
  return text.slice(1).trimEnd().split('\r\n\r\n').map((block) => parse(block, { delimiter }) as string[][]);
}

/** A table's row as header → value. */
const record = (t: string[][], i: number) => Object.fromEntries(t[0]!.map((h, j) => [h, t[i]![j]]));

describe('groupings in CSV', () => {
  const ru = tables(renderKpiCsv(groupsResult(), { lang: 'ru' }), ';');
  const find = (first: string, second?: string) => ru.find((t) => t[0]![0] === first && (second === undefined || t[0]![1] === second))!;

  it('the managers\' table gains the department\'s unit economics; shares in %, decimal comma', () => {
    const managers = ru[0]!;
    expect(managers[0]!.slice(-7)).toEqual(['Расходы', 'Новые клиенты', 'CAC', 'Цена лида', 'ROMI, %', 'LTV', 'LTV/CAC']);
    expect(managers[1]!.slice(-7)).toEqual(['', '', '', '', '', '', '']);
    expect(record(managers, 3)).toMatchObject({ 'Менеджер': 'Отдел', 'Расходы': '55000', CAC: '27500', 'Цена лида': '9166,66666667', 'ROMI, %': '63,6363636364', LTV: '45000', 'LTV/CAC': '1,63636363636' });
  });

  it('a table per grouping, its dimensions first: the pivot a row per pair, the department last', () => {
    const pivot = find('Источник', 'Месяц');
    expect(pivot).toHaveLength(7);
    expect(record(pivot, 1)).toMatchObject({ 'Источник': SOURCE_ADS, 'Месяц': '07.2024', 'Лиды': '2', 'Конверсия, %': '50', 'Выручка': '100000', 'Расходы': '25000', 'ROMI, %': '100', 'LTV/CAC': '3' });
    expect(record(pivot, 3)).toMatchObject({ 'Источник': 'Сайт', 'ROMI, %': '-100', CAC: '' });
    expect(record(pivot, 5)).toMatchObject({ 'Источник': 'не указано', 'Месяц': '08.2024', 'Расходы': '' });
    expect(record(pivot, 6)).toMatchObject({ 'Источник': 'Отдел', 'Месяц': '', 'Лиды': '6', 'Расходы': '55000' });
    expect(find('Месяц').slice(1).map((r) => r[0])).toEqual(['07.2024', '08.2024', 'Отдел']);
    expect(find('Этап')).toEqual([['Этап', 'В работе', 'Возраст, дн. (медиана)'], ['Переговоры', '1', '48'], ['Отдел', '1', '']]);
  });

  it('the spend no deal matches, and plan vs fact with % of plan in percent', () => {
    expect(find('Источник расходов без сделок')).toEqual([['Источник расходов без сделок', 'Расходы'], ['Радио', '5000']]);
    // The plan is the last of the data tables: «Не рассчитано» and «Внимание» follow.
    const plan = ru.find((t) => t[0]![2] === 'Лиды: план')!;
    expect(ru.slice(-2).map((t) => t[0]![0])).toEqual(['Не рассчитано', 'Внимание']);
    expect(plan[0]).toEqual(['Источник', 'Месяц', 'Лиды: план', 'Лиды: факт', 'Лиды: % плана', 'Выиграно: план', 'Выиграно: факт', 'Выиграно: % плана', 'Выручка: план', 'Выручка: факт', 'Выручка: % плана']);
    expect(plan[2]).toEqual([SOURCE_ADS, '08.2024', '2', '1', '50', '1', '1', '100', '60000', '50000', '83,3333333333']);
    expect(plan[4]).toEqual(['Сайт', '08.2024', '1', '1', '100', '0', '1', '', '0', '30000', '']);
    expect(plan[5]).toEqual(['Итого по плану', '', '8', '5', '62,5', '3', '3', '100', '180000', '180000', '100']);
  });

  it('in English: , and a dot, months as 2024-07', () => {
    const en = tables(renderKpiCsv(groupsResult(), { lang: 'en' }), ',');
    const pivot = en.find((t) => t[0]![0] === 'Source' && t[0]![1] === 'Month')!;
    expect(record(pivot, 2)).toMatchObject({ Source: SOURCE_ADS, Month: '2024-08', 'ROMI, %': '66.6666666667' });
    expect(en.find((t) => t[0]![2] === 'Leads: plan')![0]!.slice(0, 5)).toEqual(['Source', 'Month', 'Leads: plan', 'Leads: fact', 'Leads: % of plan']);
  });

  it('a source that looks like a formula is made inert', () => {
    const r = groupsOnlyResult();
    r.groups = r.groups!.map((g) => (g.by.source === SOURCE_ADS ? { ...g, by: { ...g.by, source: '=HYPERLINK("x")' } } : g));
    const t = tables(renderKpiCsv(r, { lang: 'ru' }), ';');
    expect(t.find((x) => x[0]![0] === 'Источник')![1]![0]).toBe('\'=HYPERLINK("x")');
  });

  it('without groupings, spend or plan the file is as before', () => {
    const plain = kpiResult();
    expect(renderKpiCsv({ ...plain, groupBy: [], groups: [] }, { lang: 'ru' })).toBe(renderKpiCsv(plain, { lang: 'ru' }));
    expect(tables(renderKpiCsv(groupsOnlyResult(), { lang: 'ru' }), ';')[0]![0]).not.toContain('CAC');
  });
});
