import { describe, expect, it } from 'vitest';
import { formatInColumn, formatValue, moneyDecimals } from '../../../src/render/format.js';
import { renderKpiMarkdown } from '../../../src/render/kpi/text.js';
import { groupsResult } from '../../helpers/groups-result.js';

// A first-time user: «Цена лида» read «952,38» above «1 053» in one column.
describe('a money column keeps one precision', () => {
  it('kopecks only while every amount of the column is below 1 000 and one is not whole', () => {
    expect(moneyDecimals([952.38, 1052.6])).toBe(0);
    expect(moneyDecimals([952.38, 12.5, null])).toBe(2);
    expect(moneyDecimals([900, 120])).toBe(0);
    expect(formatInColumn(952.38, 'money', 'ru', [952.38, 1052.6])).toBe('952');
    expect(formatInColumn(1052.6, 'money', 'ru', [952.38, 1052.6])).toBe('1 053');
    expect(formatInColumn(12.5, 'money', 'ru', [12.5, 900])).toBe('12,50');
    expect(formatInColumn(900, 'money', 'en', [12.5, 900])).toBe('900.00');
    // A lone value reads as before; a share is not money.
    expect(formatValue(952.38, 'money', 'ru')).toBe('952,38');
    expect(formatInColumn(0.5, 'ratio', 'ru', [0.5, 2000])).toBe('50,0%');
  });

  it('in the grouping tables: the cost per lead of every source with the same decimals', () => {
    const r = groupsResult();
    const bySource = r.groups!.filter((g) => Object.keys(g.by).join() === 'source');
    bySource.forEach((g, i) => (g.metrics.cost_per_lead = [952.38, 1052.6, null][i] ?? null));
    const md = renderKpiMarkdown(r, { lang: 'ru', color: false });
    const table = md.slice(md.indexOf('По источникам: юнит-экономика')).split('\n## ')[0]!;
    const head = table.split('\n').find((l) => l.startsWith('| Источник'))!.split(' | ');
    const column = head.findIndex((h) => h.includes('Цена лида'));
    const cells = table.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| Источник') && !l.startsWith('| ---')).map((l) => l.split(' | ')[column]!.replace(/ \|$/, ''));
    expect(cells.slice(0, 2)).toEqual(['952', '1 053']);
  });
});
