import { describe, expect, it } from 'vitest';
import { deltaSection } from '../../../src/render/html/delta.js';
import { renderHtml } from '../../../src/render/html/index.js';
import { kpiResult } from '../../helpers/results.js';

const delta = { since: '2025-04-01T09:00:00.000Z', total: { leads: 299, conversion: 0.0225, revenue: null }, managers: { 'Иванов <b>Иван</b>': { leads: -3, conversion: -0.01, revenue: 1500 } } };

// T42 F3: the HTML of a run with --baseline showed only the audit's earlier score, not the KPIs' changes.
describe('the HTML report with a baseline', () => {
  it('has the changes since it: the department first, each in its unit, a name escaped', () => {
    const html = deltaSection({ lang: 'ru', generatedAt: '2026-01-15T10:00:00.000Z', delta }).replace(/[\u00a0\u202f]/g, ' ');
    expect(html).toContain('<h2>Изменения по менеджерам с прошлого запуска (01.04.2025)</h2>');
    expect(html).toContain('<tr class="total"><td>Отдел</td><td class="num">+299</td><td class="num">+2,3 п. п.</td><td class="num">—</td></tr>');
    expect(html).toContain('<td>Иванов &lt;b&gt;Иван&lt;/b&gt;</td><td class="num">−3</td><td class="num">−1,0 п. п.</td><td class="num">+1 500</td>');
  });

  it('is in the document only with a baseline', async () => {
    const input = { lang: 'en', generatedAt: '2026-01-15T10:00:00.000Z', kpi: kpiResult() };
    expect(await renderHtml(input)).not.toContain('since-last-run');
    expect(await renderHtml({ ...input, delta })).toMatch(/<h2>Changes per manager since the last run \([^)]*2025[^)]*\)<\/h2>/);
  });
});
