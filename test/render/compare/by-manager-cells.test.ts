import { describe, expect, it } from 'vitest';
import { compareKpis, makePeriod, type CompareResult } from '../../../src/core/compare.js';
import { managerCells, renderCompareMarkdown, renderCompareTable } from '../../../src/render/compare/text.js';
import { renderHtml } from '../../../src/render/html/index.js';
import { htmlStructure } from '../../helpers/html-structure.js';
import { runCli } from '../../helpers/cli.js';

// Tester T39 F11: the by-manager table wrote «33,33% 23,08% ↓» among «8,7% 1,2% ↓» (the add-up rule's extra digit, with no change
// column to add up to), and a bare ↑ of a slower response (worse) looked like the ↑ of a higher conversion (better).

/** Two managers: Калашникова's conversion 1/3 → 3/13 and response 30 → 725.5 (slower: worse); Носов's 2/23 → 1/81 and 40 → 10. */
function result(): CompareResult {
  const period = (from: string, to: string, managers: Array<[string, number, number, number]>) => ({
    period: makePeriod(from, to),
    total: { leads: 100, won: 10, conversion: 0.1, response_min_median: 30 },
    managers: managers.map(([manager, conversion, response, touches]) => ({ manager, leads: 10, conversion, response_min_median: response, touches_per_won: touches })),
  });
  return compareKpis(
    period('2020-01-01', '2020-12-31', [['Калашникова', 1 / 3, 30, 4], ['Носов', 2 / 23, 40, 5]]),
    period('2021-01-01', '2021-12-31', [['Калашникова', 3 / 13, 725.5, 4], ['Носов', 1 / 81, 10, 6]]),
    { byManager: true },
  );
}

describe('compare --by-manager: one precision per column, the verdict in words (T39 F11)', () => {
  it('each value as its column rounds it, the after with «лучше»/«хуже» where lower is better too', () => {
    const k = result().managers!.find((m) => m.manager === 'Калашникова')!.metrics;
    expect(k.map((row) => managerCells(row, 'ru'))).toEqual([
      { before: '33,3%', after: '23,1% хуже' },
      { before: '4,00', after: '4,00 →' },
      { before: '30,0', after: '725,5 хуже' },
    ]);
    const n = result().managers!.find((m) => m.manager === 'Носов')!.metrics;
    expect(n.map((row) => managerCells(row, 'en'))).toEqual([
      { before: '8.7%', after: '1.2% worse' },
      { before: '5.00', after: '6.00 better' },
      { before: '40.0', after: '10.0 better' },
    ]);
  });

  it('the Markdown and terminal tables write them so, no arrow for a change', () => {
    const md = renderCompareMarkdown(result(), { lang: 'ru', color: false });
    const table = md.slice(md.indexOf('## По менеджерам'));
    expect(table).toContain('| Калашникова | 33,3% | 23,1% хуже | 4,00 | 4,00 → | 30,0 | 725,5 хуже |');
    expect(table).toContain('| Носов | 8,7% | 1,2% хуже | 5,00 | 6,00 лучше | 40,0 | 10,0 лучше |');
    expect(table).not.toMatch(/[↑↓]/);
    const text = renderCompareTable(result(), { lang: 'en', color: false });
    const rows = text.slice(text.indexOf('By manager')).split('\n');
    expect(rows.find((l) => l.startsWith('Калашникова'))!.split(/\s{2,}/)).toEqual(['Калашникова', '33.3%', '23.1% worse', '4.00', '4.00 →', '30.0', '725.5 worse']);
  });

  it('the HTML\'s by-manager table alike', async () => {
    const s = htmlStructure(await renderHtml({ lang: 'ru', generatedAt: '2026-01-15T10:00:00Z', compare: result() }));
    const rows = s.tables.find((t) => t[0]?.[0] === 'Менеджер')!;
    expect(rows.slice(1)).toEqual([
      ['Калашникова', '33,3%', '23,1% хуже', '4,00', '4,00 →', '30,0', '725,5 хуже'],
      ['Носов', '8,7%', '1,2% хуже', '5,00', '6,00 лучше', '40,0', '10,0 лучше'],
    ]);
  });

  it('the built CLI on the samples: Егорова\'s fewer touches «хуже», her faster response «лучше»', () => {
    const run = runCli(['compare', '-d', 'samples/amocrm-deals.csv', '-a', 'samples/bitrix24-calls.xls', '--cutover', '2025-01-01', '--by-manager', '--lang', 'ru', '--format', 'md', '--now', '2025-07-01']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('| Егорова Светлана | 19,5% | 35,4% лучше | 5,95 | 4,65 хуже | 110,0 | 24,6 лучше |');
    expect(run.stdout).toContain('| Белов Игорь | 24,8% | 29,2% лучше | 5,46 | 5,50 лучше | 84,3 | 22,6 лучше |');
  });
});
