import { describe, expect, it } from 'vitest';
import { reasonText, SHORT } from '../../../src/render/kpi/labels.js';
import { METRICS } from '../../../src/core/kpi/catalog.js';

// A tester: a row both periods of two sets leave empty named --before-activities alone; it names both now, in Russian too.
describe('a not-applicable reason that names a period\'s options', () => {
  it('says the plain reason in Russian with the period\'s option, or with both periods\' joined by «и»', () => {
    expect(reasonText('needs an activities file (--activities)', 'ru')).toBe('нужен файл активностей (--activities)');
    expect(reasonText('needs an activities file (--after-activities)', 'ru')).toBe('нужен файл активностей (--after-activities)');
    expect(reasonText('needs an activities file (--before-activities and --after-activities)', 'ru')).toBe('нужен файл активностей (--before-activities и --after-activities)');
    expect(reasonText('needs an activities file with deal_id or client (--before-activities and --after-activities)', 'ru')).toBe('нужен файл активностей со сделкой или клиентом (--before-activities и --after-activities)');
    expect(reasonText('needs an activities file (--before-activities and --after-activities)', 'en')).toBe('needs an activities file (--before-activities and --after-activities)');
  });
});

// Tester T31 (F7): the calls table's column said «Разговор, мин» and the footer «Разговоры, мин» of the same metric.
describe('a terminal table\'s short label of talk minutes', () => {
  it('is the metric\'s own label, in Russian and English', () => {
    const talk = METRICS.find((m) => m.key === 'talk_minutes')!;
    expect(SHORT.talk_minutes).toEqual(talk.label);
    expect(SHORT.talk_minutes!.ru).toBe('Разговоры, мин');
  });
});
