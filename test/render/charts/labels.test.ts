import { describe, expect, it } from 'vitest';
import { metricDef } from '../../../src/core/kpi/catalog.js';
import { chartLabels } from '../../../src/render/charts/labels.js';
import { ROW_INFO } from '../../../src/render/compare/text.js';
import { chartKeys } from '../../../src/render/charts/spec.js';

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

// T42 F10: Vega cut long names at their end, and ten managers of one long surname were ten bars of one label.
describe('the names a chart shows', () => {
  const label = (key: string) => key.slice(key.indexOf('|') + 1);

  it('are whole where they fit, else cut in the middle with their ends kept, each apart from the others', () => {
    const key = chartKeys();
    expect(label(key('Иванов Иван'))).toBe('Иванов Иван');
    const long = Array.from({ length: 10 }, (_, i) => `Константинопольская-Длиннофамильная Анастасия Вячеславовна ${String(i).padStart(2, '0')}`);
    const shown = long.map((n) => label(key(n)));
    expect(new Set(shown).size).toBe(10);
    for (const [i, s] of shown.entries()) {
      expect(Array.from(s).length).toBeLessThanOrEqual(34);
      expect(s.startsWith('Константинопольская')).toBe(true);
      expect(s.endsWith(` ${String(i).padStart(2, '0')}`)).toBe(true);
    }
    // The same name is one key.
    expect(key(long[3]!)).toBe(key(long[3]!));
  });

  it('keep, for all of a chart\'s names alike, as much of the end as tells them apart, whatever comes first', () => {
    const names = Array.from({ length: 8 }, (_, i) => `Московский филиал ${i} Иванов Иван Иванович`);
    const key = chartKeys(names);
    const shown = names.map((n) => label(key(n)));
    for (const [i, s] of shown.entries()) {
      expect(Array.from(s).length).toBeLessThanOrEqual(34);
      // Its own number is in it, whether in the head or the end kept.
      expect(s).toMatch(new RegExp(`(^|\\D)${i}(\\D|$)`));
    }
    expect(new Set(shown).size).toBe(8);
    // Names that differ only past the head: the end kept grows until it tells them apart.
    const late = Array.from({ length: 8 }, (_, i) => `Московский областной филиал компании ${i} Иванов Иван`);
    const lateKey = chartKeys(late);
    for (const [i, n] of late.entries()) expect(label(lateKey(n))).toContain(`${i} Иванов Иван`);
  });

  it('stay apart where only their middles differ: more of the end, else a number', () => {
    const key = chartKeys();
    const names = ['А', 'Б', 'В'].map((m) => `Отдел продаж ${m} ${'—'.repeat(20)} Петров Пётр Петрович`);
    const shown = names.map((n) => label(key(n)));
    expect(new Set(shown).size).toBe(3);
    for (const s of shown) expect(Array.from(s).length).toBeLessThanOrEqual(34);
  });
});
