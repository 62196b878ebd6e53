import { describe, expect, it } from 'vitest';
import { metricDef } from '../../../src/core/kpi/catalog.js';
import { chartLabels } from '../../../src/render/charts/labels.js';
import { ROW_INFO } from '../../../src/render/compare/text.js';

// A tester: the Markdown said «Callback rate», the HTML chart «Called back», for one metric.
describe('a chart names a metric as the tables do', () => {
  it('the callback rate and the missed share by the catalogue\'s names, in both languages', () => {
    for (const lang of ['ru', 'en'] as const) {
      const L = chartLabels(lang);
      expect(L.callbackRate).toBe(metricDef('callback_rate')!.label[lang]);
      expect(L.callbackRate).toBe(ROW_INFO.callback_rate![lang]);
      expect(L.missedShare).toBe(metricDef('missed_share')!.label[lang]);
    }
    expect(chartLabels('en').callbackRate).toBe('Callback rate');
    expect(chartLabels('ru').callbackRate).toBe('Перезвонили');
  });
});
