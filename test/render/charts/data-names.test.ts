import { describe, expect, it } from 'vitest';
import { barSpec, monthLineSpec, pairedBarSpec, type Chart } from '../../../src/render/charts/spec.js';
import { renderChartSvg } from '../../../src/render/charts/svg.js';
import { countMarks } from '../../helpers/svg-marks.js';

/** Names of Object.prototype members: a manager, a source or a loss reason may be called so (tester T37 F2). */
const PROTO = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__'];

const chart = (spec: Record<string, unknown>, marks: number): Chart => ({ id: 't', kind: 'bar', title: 't', marks, spec, table: { head: [], rows: [] } });

/** The texts of a group of SVG text marks (`role-axis-label`, `role-legend-label`), in order. */
function texts(svg: string, role: string): string[] {
  const out: string[] = [];
  for (const g of svg.matchAll(new RegExp(`<g class="mark-text ${role}"[^>]*>(.*?)</g>`, 'g'))) out.push(...[...g[1]!.matchAll(/<text[^>]*>([^<]*)<\/text>/g)].map((t) => t[1]!));
  return out;
}

describe('charts of names that Object.prototype has', () => {
  it('draw a bar for each, named on the axis, in the order given', async () => {
    const bars = PROTO.map((label, i) => ({ label, value: i + 1, text: String(i + 1) }));
    const svg = await renderChartSvg(chart(barSpec('ru', bars, 'count'), bars.length), 'ru');
    expect(countMarks(svg).bars).toBe(5);
    expect(texts(svg, 'role-axis-label').filter((t) => !/^\d+$/.test(t))).toEqual(PROTO);
    // Each bar's hover title: «name: value».
    for (const [i, name] of PROTO.entries()) expect(svg).toContain(`<title>${name}: ${i + 1}</title>`);
  });

  // Tester T60 H1: 1 000 managers (or sources under --by) took the HTML and XLSX reports to «Maximum call stack size
  // exceeded»: the bars' order was given as a list of their keys, which Vega compiled into one expression.
  it('draw 1 200 bars in the order given, descending or not', async () => {
    const bars = Array.from({ length: 1200 }, (_, i) => ({ label: `Менеджер ${i}`, value: (i * 7919) % 1201, text: String(i) }));
    const svg = await renderChartSvg(chart(barSpec('ru', bars, 'count'), bars.length), 'ru');
    expect(countMarks(svg).bars).toBe(1200);
    expect(texts(svg, 'role-axis-label').filter((t) => t.startsWith('Менеджер'))).toEqual(bars.map((b) => b.label));
  });

  it('draw paired bars and lines, a series of each name in the legend', async () => {
    const rows = PROTO.flatMap((label) => [
      { label, series: 'valueOf', value: 0.5, text: '50%', color: '#c62828' },
      { label, series: '__proto__', value: 0.25, text: '25%', color: '#2e7d32' },
    ]);
    const paired = await renderChartSvg(chart(pairedBarSpec('en', rows, 'ratio'), rows.length), 'en');
    expect(countMarks(paired).bars).toBe(10);
    expect(texts(paired, 'role-axis-label').filter((t) => !/%$/.test(t))).toEqual(PROTO);
    expect(texts(paired, 'role-legend-label')).toEqual(['valueOf', '__proto__']);

    const points = PROTO.flatMap((series, i) => ['01.2025', '02.2025'].map((month) => ({ month, series, value: i, text: String(i) })));
    const lines = await renderChartSvg(chart(monthLineSpec('ru', points, ['01.2025', '02.2025'], PROTO, 'count'), points.length), 'ru');
    expect(countMarks(lines)).toMatchObject({ points: 10, lines: 5 });
    expect(texts(lines, 'role-legend-label')).toEqual(PROTO);
  });

  it('show a control character of a name as U+FFFD, in every text, title and label of the SVG', async () => {
    const bars = [{ label: 'Анна\u001b[31mКрасная', value: 2, text: '2' }, { label: 'Ева\u0007\u009b2J', value: 1, text: '1' }];
    const svg = await renderChartSvg(chart(barSpec('ru', bars, 'count', { value: 1.5, label: 'отдел\u001b[2J' }), 2), 'ru');
    // eslint-disable-next-line no-control-regex -- the control characters are what this looks for
    expect(svg).not.toMatch(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f]/);
    expect(texts(svg, 'role-axis-label').filter((t) => !/^\d+$/.test(t))).toEqual(['Анна\ufffd[31mКрасная', 'Ева\ufffd\ufffd2J']);
    expect(svg).toContain('<title>Анна\ufffd[31mКрасная: 2</title>');
    expect(svg).toContain('>отдел\ufffd[2J</text>');
  });

  it('keep two names apart that differ in a control character only', async () => {
    const bars = [{ label: 'Анна\u001b', value: 2, text: '2' }, { label: 'Анна\u0007', value: 1, text: '1' }];
    const svg = await renderChartSvg(chart(barSpec('ru', bars, 'count'), 2), 'ru');
    expect(countMarks(svg).bars).toBe(2);
    expect(texts(svg, 'role-axis-label').filter((t) => !/^\d+$/.test(t))).toEqual(['Анна\ufffd', 'Анна\ufffd']);
  });
});
