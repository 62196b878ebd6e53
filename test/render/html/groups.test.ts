import { describe, expect, it } from 'vitest';
import { renderHtml } from '../../../src/render/html/index.js';
import { groupsOnlyResult, groupsResult, SOURCE_ADS } from '../../helpers/groups-result.js';
import { htmlStructure } from '../../helpers/html-structure.js';
import { latinWords } from '../../helpers/latin-words.js';
import { HOSTILE_NAME, kpiResult } from '../../helpers/results.js';

const render = (lang: string, kpi = groupsResult()) => renderHtml({ lang, generatedAt: '2024-09-02T09:30:00.000Z', company: 'ООО «Ромашка»', kpi });

describe('groupings in the HTML report', () => {
  it('sections after the managers\': unit economics, trends by month, sources, stages, the other groupings, plan vs fact', async () => {
    const s = htmlStructure(await render('ru'));
    expect(s.sections).toEqual(['cover', 'funnel', 'managers', 'manager-kpis', 'loss-reasons', 'unit-economics', 'months', 'sources', 'stages', 'groupings', 'plan', 'data-quality', 'definitions']);
    // The pivot and the grouping by manager, each under its title.
    const html = await render('ru');
    const groupings = html.slice(html.indexOf('data-section="groupings"'), html.indexOf('data-section="plan"'));
    expect([...groupings.matchAll(/<h3>([^<]+)<\/h3>/g)].map((m) => m[1])).toEqual(['По источникам и месяцам', 'По источникам и месяцам: юнит-экономика', 'По менеджерам', 'По менеджерам: юнит-экономика']);
    expect(s.charts.filter((c) => c.id.startsWith('months-')).map((c) => `${c.id}:${c.kind}`)).toEqual(['months-leads:line', 'months-conversion:line', 'months-revenue:line']);
    expect(s.charts.filter((c) => c.id.startsWith('sources-')).map((c) => c.caption)).toEqual(['Лиды по источникам', 'Конверсия по источникам', 'CAC по источникам: расходы на нового клиента', 'ROMI по источникам']);
  });

  it('the tables: the department\'s unit economics, the source table, the stage table, the plan split to the page', async () => {
    const s = htmlStructure(await render('ru'));
    const unit = s.tables.find((t) => t[0]?.[0] === 'Показатель' && t[1]?.[0] === 'Расходы')!;
    expect(unit.find((r) => r[0] === 'ROMI')).toEqual(['ROMI', '63,6%']);
    const sources = s.tables.find((t) => t[0]?.[0] === 'Источник' && t[0]?.[1] === 'Расходы')!;
    expect(sources[1]).toEqual([SOURCE_ADS, '40 000', '1', '40 000', '13 333', '87,5%', '75 000', '1,88']);
    expect(sources.at(-1)![0]).toBe('Отдел');
    expect(s.tables.find((t) => t[1]?.[0] === 'Переговоры')).toEqual([['Этап', 'В работе', 'Возраст, дн. (медиана)'], ['Переговоры', '1', '48,0'], ['Отдел', '1', '—']]);
    const plan = s.tables.filter((t) => t[0]?.[0] === 'Источник' && /план$/.test(t[0]?.[2] ?? ''));
    expect(plan.map((t) => t[0]!.slice(2))).toEqual([['Лиды, план', 'Лиды, факт', 'Лиды, %', 'Выигр., план', 'Выигр., факт', 'Выигр., %'], ['Выручка, план', 'Выручка, факт', 'Выручка, %']]);
    expect(plan[1]!.at(-1)).toEqual(['Итого по плану', '', '180 000', '180 000', '100,0%']);
    const html = await render('ru');
    expect(html).toContain('<p class="note">Расходы по источникам, которых нет в сделках (учтены в расходах отдела): Радио — 5 000.</p>');
  });

  it('defines the unit-economics metrics and the age of open deals', async () => {
    const s = htmlStructure(await render('ru'));
    const defs = s.tables.at(-1)!.map((r) => r[0]);
    expect(defs).toEqual(expect.arrayContaining(['CAC', 'ROMI', 'LTV/CAC', 'Возраст, дн. (медиана)']));
  });

  it('escapes the sources; speaks English when asked; a Russian render has no stray English', async () => {
    const r = groupsResult();
    r.groups = r.groups!.map((g) => (g.by.source === SOURCE_ADS ? { ...g, by: { ...g.by, source: HOSTILE_NAME } } : g));
    const html = await render('ru', r);
    expect(html).not.toContain('<script>alert');
    expect(htmlStructure(html).tables.some((t) => t.some((row) => row[0] === HOSTILE_NAME))).toBe(true);
    const en = await render('en');
    expect(htmlStructure(en).charts.map((c) => c.caption)).toContain('Conversion by month');
    expect(en).not.toMatch(/Юнит|По месяцам|не указано|План/);
    const text = (await render('ru')).replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, ' ');
    expect(latinWords(text)).toEqual([]);
  });

  it('only what the result has: groupings without spend or plan; nothing new without groupings', async () => {
    const s = htmlStructure(await render('ru', groupsOnlyResult()));
    expect(s.sections).toEqual(['cover', 'funnel', 'managers', 'manager-kpis', 'loss-reasons', 'months', 'sources', 'stages', 'groupings', 'data-quality', 'definitions']);
    const plain = kpiResult();
    const a = await renderHtml({ lang: 'ru', generatedAt: '2024-09-02T09:30:00.000Z', kpi: plain });
    const b = await renderHtml({ lang: 'ru', generatedAt: '2024-09-02T09:30:00.000Z', kpi: { ...plain, groupBy: [], groups: [] } });
    expect(b).toBe(a);
  });
});
