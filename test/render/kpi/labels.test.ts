import { describe, expect, it } from 'vitest';
import { reasonText } from '../../../src/render/kpi/labels.js';

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
