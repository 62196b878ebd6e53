import { describe, expect, it } from 'vitest';
import { axisFormat, axisTicks, barSpec } from '../../../src/render/charts/spec.js';
import { renderChartSvg } from '../../../src/render/charts/svg.js';
import type { Chart } from '../../../src/render/charts/spec.js';

/** The value axis' labels of an SVG, in order, and how many Vega drew hidden (opacity 0). */
function axisLabels(svg: string): { texts: string[]; hidden: number } {
  const texts: string[] = [];
  let hidden = 0;
  for (const g of svg.matchAll(/<g class="mark-text role-axis-label"[^>]*>(.*?)<\/g>/g)) {
    const labels = [...g[1]!.matchAll(/<text([^>]*)>([^<]*)<\/text>/g)];
    if (!labels.every((l) => /^[−\d\s\u00a0,.%]+$/.test(l[2]!))) continue;
    texts.push(...labels.map((l) => l[2]!));
    hidden += labels.filter((l) => /opacity="0"/.test(l[1]!)).length;
  }
  return { texts, hidden };
}

const chart = (spec: Record<string, unknown>): Chart => ({ id: 't', kind: 'bar', title: 't', marks: 2, spec, table: { head: [], rows: [] } });

// A tester: ROMI by source ticked «−100%  100%  300% … 1100%  1300%»: no 0, and no grouping beside bars labelled «1 223,9%».
describe('chart value axes', () => {
  it('tick at multiples of 1, 2, 2,5 or 5 × 10ⁿ, 0 among them, as many as leave each label room', () => {
    // −100% to 1 223,9%: «1 400%» is 6 characters, 56 px a label: 200% apart fits 8 gaps in 480 px; 100% apart is 15 ticks, over 11.
    expect(axisTicks('ratio', [-1, 12.239], 480)).toEqual({ values: [-2, 0, 2, 4, 6, 8, 10, 12, 14], decimals: 0 });
    expect(axisTicks('ratio', [0.1, 0.27], 480)).toEqual({ values: [0, 0.05, 0.1, 0.15, 0.2, 0.25, 0.3], decimals: 0 });
    // Shares under 3%: half a per cent apart, written with one decimal.
    expect(axisTicks('ratio', [0.004, 0.025], 480)).toEqual({ values: [0, 0.005, 0.01, 0.015, 0.02, 0.025], decimals: 1 });
    // Whole counts never tick between whole numbers.
    expect(axisTicks('count', [4, 1], 480).values).toEqual([0, 1, 2, 3, 4]);
    // Negative only: the axis runs to 0.
    expect(axisTicks('ratio', [-0.6, -0.2], 480).values).toEqual([-0.6, -0.5, -0.4, -0.3, -0.2, -0.1, 0]);
  });

  it('are written as the tables write numbers: grouped, trailing zeros trimmed, the unit of the metric', () => {
    expect(axisFormat('ratio')).toBe(',.0~%');
    expect(axisFormat('ratio', 1)).toBe(',.1~%');
    expect(axisFormat('count')).toBe(',d');
    expect(axisFormat('money')).toBe(',.0~f');
    expect(axisFormat('decimal', 1)).toBe(',.1~f');
  });

  it('draw every tick label, 0 among them, with Russian grouping («1 200%»)', async () => {
    const bars = [
      { label: 'Радио', value: -1, text: '−100,0%' },
      { label: 'Рекомендация', value: 12.239, text: '1 223,9%' },
    ];
    const ru = axisLabels(await renderChartSvg(chart(barSpec('ru', bars, 'ratio')), 'ru'));
    expect(ru.texts).toEqual(['−200%', '0%', '200%', '400%', '600%', '800%', '1\u00a0000%', '1\u00a0200%', '1\u00a0400%']);
    expect(ru.hidden).toBe(0);
    const en = axisLabels(await renderChartSvg(chart(barSpec('en', bars, 'ratio')), 'en'));
    expect(en.texts).toEqual(['−200%', '0%', '200%', '400%', '600%', '800%', '1,000%', '1,200%', '1,400%']);
    // Fifteen values: Vega-Lite's own tick count (one per 40 px) kept every other.
    const many = axisLabels(await renderChartSvg(chart(barSpec('ru', [{ label: 'А', value: 0.263, text: '' }], 'ratio')), 'ru'));
    expect(many.texts).toEqual(['0%', '5%', '10%', '15%', '20%', '25%', '30%']);
  });

  it('draw the reference line over the bars and under their values', async () => {
    const spec = barSpec('ru', [{ label: 'Иванова', value: 0.238, text: '23,8%' }], 'ratio', { value: 0.24, label: 'отдел' });
    const kinds = (spec.layer as Array<{ mark: { type: string } }>).map((l) => l.mark.type);
    expect(kinds).toEqual(['bar', 'rule', 'text', 'text']);
    const svg = await renderChartSvg(chart(spec), 'ru');
    // In the SVG, later is on top: the rule, then the value «23,8%».
    expect(svg.indexOf('mark-rule')).toBeLessThan(svg.indexOf('>23,8%<'));
  });
});
