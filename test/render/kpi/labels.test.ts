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

  // T39 F18's payback reason was said in English in a Russian run.
  it('a period whose won deals have no amount, in Russian with its period and option', () => {
    const en = 'no won deal of the before period has an amount (--before-deals): its revenue reads 0, and a gain from a revenue taken as 0 is no gain';
    expect(reasonText(en, 'ru')).toBe('в периоде «до» ни у одной выигранной сделки нет суммы (--before-deals): его выручка взята как 0, а прирост от выручки, взятой как 0, — не прирост');
    expect(reasonText(en.replace('before period', 'after period').replace('--before-deals', '--deals'), 'ru')).toMatch(/^в периоде «после» ни у одной выигранной сделки нет суммы \(--deals\)/);
    expect(reasonText(en, 'en')).toBe(en);
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
