import { describe, expect, it } from 'vitest';
import type { KpiResult } from '../../../src/core/kpi/types.js';
import { renderKpiMarkdown, renderKpiTable } from '../../../src/render/kpi/text.js';
import { clipText, splitTable, terminalTables, type ReadingTable } from '../../../src/render/kpi/reading-table.js';
import { colors } from '../../../src/render/text.js';
import { groupsOnlyResult, groupsResult, SOURCE_ADS, SOURCE_SITE } from '../../helpers/groups-result.js';
import { kpiResult } from '../../helpers/results.js';
import { latinWords } from '../../helpers/latin-words.js';

/** The lines of a section of a rendered text: from its title to the next empty line after its table(s). */
function section(text: string, title: string): string[] {
  const lines = text.split('\n');
  const start = lines.indexOf(title);
  expect(start, `no section «${title}»`).toBeGreaterThanOrEqual(0);
  const end = lines.indexOf('', start + 1);
  return lines.slice(start + 1, end === -1 ? undefined : end);
}

/** A table line's cells: columns are two or more spaces apart. */
const cells = (line: string) => line.trim().split(/ {2,}/);
const width = (line: string) => [...line].length;

describe('groupings in the terminal', () => {
  const ru = renderKpiTable(groupsResult(), { lang: 'ru', color: false });

  it('a section per grouping after the managers: the dimensions, the headline metrics, the department last', () => {
    const bySource = section(ru, 'По источникам');
    expect(cells(bySource[0]!)).toEqual(['Источник', 'Лиды', 'Выигр.', 'Конв.', 'Выручка', 'Ср. чек', 'Цикл мед., дн.']);
    expect(cells(bySource[1]!)).toEqual([SOURCE_ADS, '3', '2', '66,7%', '150 000', '75 000', '7,0']);
    expect(cells(bySource[3]!)).toEqual(['не указано', '1', '0', '0,0%', '0', '—', '—']);
    expect(cells(bySource.at(-1)!)).toEqual(['Отдел', '6', '3', '50,0%', '180 000', '60 000', '10,0']);
    expect(ru.indexOf('По источникам')).toBeGreaterThan(ru.indexOf('Деньги и скорость'));
    // Response is not applicable without activities: no column of dashes.
    expect(bySource[0]).not.toContain('Реакция');
  });

  it('the unit economics leave out a group with nothing in them (no spend, no new client): the deals table keeps it', () => {
    const unit = section(ru, 'По источникам: юнит-экономика');
    expect(unit.map((l) => cells(l)[0])).not.toContain('не указано');
    expect(unit.map((l) => cells(l)[0])).toEqual(expect.arrayContaining([SOURCE_ADS, 'Сайт', 'Отдел']));
    expect(section(ru, 'По источникам').map((l) => cells(l)[0])).toContain('не указано');
  });

  it('a source × month pivot is a long table, a row per pair, months as 07.2024', () => {
    const pivot = section(ru, 'По источникам и месяцам');
    expect(pivot).toHaveLength(7);
    expect(cells(pivot[0]!).slice(0, 3)).toEqual(['Источник', 'Месяц', 'Лиды']);
    // Both text columns align left, under their headers; the numbers right.
    expect(pivot[1]!.indexOf('07.2024')).toBe(pivot[0]!.indexOf('Месяц'));
    expect(pivot.slice(1, -1).map((l) => cells(l).slice(0, 2))).toEqual([[SOURCE_ADS, '07.2024'], [SOURCE_ADS, '08.2024'], ['Сайт', '07.2024'], ['Сайт', '08.2024'], ['не указано', '08.2024']]);
    const units = section(ru, 'По источникам и месяцам: юнит-экономика');
    expect(cells(units[0]!)).toEqual(['Источник', 'Месяц', 'Расходы', 'Нов. клиенты', 'CAC', 'Цена лида', 'ROMI', 'LTV', 'LTV/CAC']);
    // Ads in July: 25 000 spent, one new client (A), ROMI (100 000 × 0,5 − 25 000) / 25 000 = 100%, LTV/CAC 75 000 / 25 000 = 3.
    expect(cells(units[1]!)).toEqual([SOURCE_ADS, '07.2024', '25 000', '1', '25 000', '12 500', '100,0%', '75 000', '3,00']);
    // Сайт in July: spend and no revenue: ROMI −100%, no new client: CAC not applicable.
    expect(cells(units[3]!)).toEqual(['Сайт', '07.2024', '4 000', '0', '—', '4 000', '−100,0%', '—', '—']);
  });

  it('the department\'s unit economics, with the margin, and the spend no deal matches', () => {
    const unit = section(ru, 'Юнит-экономика — отдел');
    const rows = Object.fromEntries(unit.slice(1).map((l) => {
      const c = cells(l);
      return [c[0], c[1]];
    }));
    expect(rows).toMatchObject({ 'Расходы': '55 000', 'Новые клиенты': '2', CAC: '27 500', 'Цена лида': '9 167', ROMI: '63,6%', LTV: '45 000', 'LTV/CAC': '1,64', 'Маржа': '50,0%' });
    expect(ru).toContain('Расходы по источникам, которых нет в сделках (учтены в расходах отдела): Радио — 5 000.');
  });

  it('a grouping by manager drops the unit columns spend cannot fill; stages show open deals and their median age', () => {
    expect(cells(section(ru, 'По менеджерам: юнит-экономика')[0]!)).toEqual(['Менеджер', 'Нов. клиенты', 'LTV']);
    const stages = section(ru, 'Открытые сделки по этапам');
    expect(stages.map(cells)).toEqual([['Этап', 'В работе', 'Возраст, дн. (медиана)'], ['Переговоры', '1', '48,0'], ['Отдел', '1', '—']]);
  });

  it('plan vs fact: plan, fact and % of plan per source and month, the totals last; split to fit, never mid-measure', () => {
    const plan = section(ru, 'План / факт');
    expect(cells(plan[0]!)).toEqual(['Источник', 'Месяц', 'Лиды, план', 'Лиды, факт', 'Лиды, %', 'Выигр., план', 'Выигр., факт', 'Выигр., %']);
    expect(cells(plan[1]!)).toEqual([SOURCE_ADS, '07.2024', '3', '2', '66,7%', '1', '1', '100,0%']);
    // A plan of 0 has no % of plan.
    expect(cells(plan[4]!)).toEqual(['Сайт', '08.2024', '1', '1', '100,0%', '0', '1', '—']);
    expect(cells(plan[5]!)).toEqual(['Итого по плану', '8', '5', '62,5%', '3', '3', '100,0%']);
    const lines = ru.split('\n');
    const revenue = lines.slice(lines.indexOf(plan.at(-1)!) + 2);
    expect(cells(revenue[0]!)).toEqual(['Источник', 'Месяц', 'Выручка, план', 'Выручка, факт', 'Выручка, %']);
    expect(cells(revenue[1]!)).toEqual([SOURCE_ADS, '07.2024', '80 000', '100 000', '125,0%']);
    expect(cells(revenue[5]!)).toEqual(['Итого по плану', '180 000', '180 000', '100,0%']);
  });

  it('fits 100 columns, cutting a long source name, never a number', () => {
    const r = groupsResult();
    const long = 'Рекомендации партнёров из отраслевого каталога поставщиков оборудования';
    r.groups = r.groups!.map((g) => (g.by.source === SOURCE_ADS ? { ...g, by: { ...g.by, source: long } } : g));
    const text = renderKpiTable(r, { lang: 'ru', color: false });
    for (const line of text.split('\n')) expect(width(line), line).toBeLessThanOrEqual(100);
    const units = section(text, 'По источникам и месяцам: юнит-экономика');
    expect(cells(units[1]!)[0]).toMatch(/^Рекомендации партнёров.*…$/);
    expect(cells(units[1]!).slice(2)).toEqual(['25 000', '1', '25 000', '12 500', '100,0%', '75 000', '3,00']);
  });

  // A tester: a source's month with a spend row of 0 (a free channel) and nothing else to show was dropped
  // from the unit-economics table, while JSON, CSV and XLSX kept it.
  it('keeps a group whose spend row is 0 in the unit-economics table: a free channel is a value', () => {
    const r = groupsResult();
    const free = { spend: 0, new_won_clients: 0, cac: null, cost_per_lead: 0, romi: null, ltv: null, ltv_cac: null };
    r.groups = r.groups!.map((g) => (g.by.source === SOURCE_SITE && g.by.month === '2024-07' ? { ...g, metrics: { ...g.metrics, ...free } } : g));
    const units = section(renderKpiTable(r, { lang: 'ru', color: false }), 'По источникам и месяцам: юнит-экономика');
    expect(units.some((line) => line.startsWith('Сайт') && cells(line)[1] === '07.2024' && cells(line)[2] === '0')).toBe(true);
    // A group without a spend row and nothing else to show is still left out.
    const none = groupsResult();
    none.groups = none.groups!.map((g) => (g.by.source === SOURCE_SITE && g.by.month === '2024-07' ? { ...g, metrics: { ...g.metrics, ...free, spend: null, cost_per_lead: null } } : g));
    expect(section(renderKpiTable(none, { lang: 'ru', color: false }), 'По источникам и месяцам: юнит-экономика').some((line) => line.startsWith('Сайт') && cells(line)[1] === '07.2024')).toBe(false);
  });

  it('colours what reads worse than the department, and a loss', () => {
    const text = renderKpiTable(groupsResult(), { lang: 'ru', color: true });
    const c = colors(true);
    expect(text).toContain(c.red('−100,0%'));
    expect(text).toContain(c.yellow('0,0%'));
    expect(text).toContain(c.yellow('66,7%'));
  });

  it('speaks English when asked, and a Russian render has no stray English', () => {
    const en = renderKpiTable(groupsResult(), { lang: 'en', color: false });
    expect(cells(section(en, 'By source and month')[1]!)).toEqual([SOURCE_ADS, '2024-07', '2', '1', '50.0%', '100,000', '100,000', '10.0']);
    expect(en).toContain('Spend of sources no deal has (counted in the department\'s spend): Радио — 5,000.');
    expect(cells(section(en, 'Plan vs actual')[0]!)).toEqual(['Source', 'Month', 'Leads plan', 'Leads fact', 'Leads %', 'Won plan', 'Won fact', 'Won %']);
    expect(en).toContain('not set');
    expect(en).not.toMatch(/Отдел|не указано|По источникам|План|Расходы/);
    expect(latinWords(ru)).toEqual([]);
    expect(latinWords(renderKpiMarkdown(groupsResult(), { lang: 'ru', color: false }))).toEqual([]);
  });

  it('without spend and plan: the groupings only, no unit economics', () => {
    const text = renderKpiTable(groupsOnlyResult(), { lang: 'ru', color: false });
    expect(text).toContain('По источникам и месяцам');
    expect(text).not.toMatch(/юнит-экономика|Юнит-экономика|План \/ факт|CAC/);
  });

  it('a result without groupings renders exactly as before', () => {
    const plain = kpiResult();
    const empty: KpiResult = { ...plain, groupBy: [], groups: [] };
    expect(renderKpiTable(empty, { lang: 'ru', color: false })).toBe(renderKpiTable(plain, { lang: 'ru', color: false }));
    expect(renderKpiMarkdown(empty, { lang: 'en', color: false })).toBe(renderKpiMarkdown(plain, { lang: 'en', color: false }));
  });
});

describe('groupings in Markdown', () => {
  const md = renderKpiMarkdown(groupsResult(), { lang: 'ru', color: false });

  it('a section per grouping with one table (no width to fit), the department in bold', () => {
    expect(md).toContain('## По источникам и месяцам\n\n| Источник | Месяц | Лиды | Выиграно | Конверсия | Выручка | Средний чек | Цикл, дн. (медиана) |\n| --- | --- | ---: |');
    expect(md).toContain(`| ${SOURCE_ADS} | 08.2024 | 1 | 1 | 100,0% | 50 000 | 50 000 | 4,0 |`);
    expect(md).toContain('| **Отдел** |  | 6 | 3 | 50,0% | 180 000 | 60 000 | 10,0 |');
    expect(md).toContain('| Сайт | 08.2024 | 1 | 1 | 100,0% | 0 | 1 | — | 0 | 30 000 | — |');
    expect(md).toContain('_Расходы по источникам, которых нет в сделках (учтены в расходах отдела): Радио — 5 000._');
    expect(md.indexOf('## Юнит-экономика — отдел')).toBeLessThan(md.indexOf('## По источникам'));
  });
});

describe('reading tables', () => {
  const t: ReadingTable = {
    keys: ['Кто'],
    columns: ['a1', 'a2', 'b1', 'b2'],
    units: [0, 0, 1, 1],
    rows: [{ keys: ['x'.repeat(30)], values: [{ text: '1'.repeat(20) }, { text: '2'.repeat(20) }, { text: '3'.repeat(20) }, { text: '4' }] }],
  };

  it('splits by units of columns, repeating the text columns', () => {
    const parts = splitTable(t, 60);
    expect(parts.map((p) => p.columns)).toEqual([['a1', 'a2'], ['b1', 'b2']]);
    expect(parts.every((p) => p.keys[0] === 'Кто')).toBe(true);
    expect(splitTable(t, 200)).toEqual([t]);
  });

  it('cuts the text columns to fit, to no less than 12 characters', () => {
    expect(terminalTables(t, colors(false), 60)[0]!.split('\n')[1]).toMatch(/^x{15}… /);
    expect(terminalTables(t, colors(false), 50)[0]!.split('\n')[1]).toMatch(/^x{11}… /);
    expect(clipText('Иванова  Анна\nСергеевна', 10)).toBe('Иванова А…');
  });
});
