import { describe, expect, it } from 'vitest';
import { evaluate, parseAssertion } from '../../../src/core/assert.js';
import { assertionsSection } from '../../../src/render/html/assertions.js';
import { renderHtml } from '../../../src/render/html/index.js';
import { kpiResult } from '../../helpers/results.js';

const tree = { total: { conversion: 0.2, leads: 40, callback_rate: null }, managers: Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`Менеджер ${i + 1}`, { won: i }])) };
const results = ['total.leads>=10', 'warn:total.conversion>=0.5', 'total.callback_rate>=0.5', 'managers.*.won>=20'].map((s) => evaluate(parseAssertion(s), tree));

// T42 F1: a report's HTML left its gates out, and a run that failed them looked all green.
describe('the HTML report with assertions', () => {
  it('has the tally and each assertion: passed, failed as an error or a warning, with who failed and by how much', () => {
    const html = assertionsSection(results, undefined, 'ru');
    expect(html).toContain('<p class="bad">1 из 4 проверок пройдена, 2 не пройдены, 1 предупреждение</p>');
    expect(html).toContain('<tr><td>total.leads&gt;=10</td><td>ошибка</td><td>пройдена</td><td></td></tr>');
    expect(html).toContain('<tr class="warned"><td>total.conversion&gt;=0.5</td><td>предупреждение</td><td>не пройдена</td><td>Отдел: Конверсия 20,0% &lt; 50%</td></tr>');
    expect(html).toContain('<tr class="failed"><td>total.callback_rate&gt;=0.5</td>');
    // Twelve managers below 20: the first ten, then how many more.
    expect(html).toContain('Менеджер 10: Выиграно 9 &lt; 20; …и ещё 2</td>');
    expect(html).not.toContain('Менеджер 11');
    expect(assertionsSection(results.slice(0, 1), undefined, 'en')).toContain('<p class="good">1 of 1 assertions passed</p>');
  });

  it('is in the document only when the report has assertions, before the definitions', async () => {
    const input = { lang: 'en', generatedAt: '2026-01-15T10:00:00.000Z', kpi: kpiResult() };
    expect(await renderHtml(input)).not.toContain('id="assertions"');
    const html = await renderHtml({ ...input, assertions: results });
    expect(html.indexOf('id="assertions"')).toBeGreaterThan(html.indexOf('id="data-quality"'));
    expect(html.indexOf('id="assertions"')).toBeLessThan(html.indexOf('id="definitions"'));
  });
});
