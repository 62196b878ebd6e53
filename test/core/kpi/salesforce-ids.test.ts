import { describe, expect, it } from 'vitest';
import { DealStore } from '../../../src/core/kpi/deal-store.js';
import { ActivityLinker } from '../../../src/core/kpi/link.js';
import { otherSalesforceForm, salesforceSuffix } from '../../../src/core/kpi/salesforce-ids.js';
import { deal } from '../../helpers/kpi.js';

describe('Salesforce ids: the 15-character form and the 18-character one', () => {
  it('computes the suffix from the capitals of each 5-character chunk', () => {
    // Salesforce's own example: 001D0 has D at bit 3 → 8 → I; 00000 → 0 → A; IqhSL has I, S, L at bits 0, 3, 4 → 25 → Z.
    expect(salesforceSuffix('001D000000IqhSL')).toBe('IAZ');
    // 0065g → A, 00000 → A, AbCdE: A, C, E at bits 0, 2, 4 → 21 → V (the tester's Data Loader extract).
    expect(salesforceSuffix('0065g00000AbCdE')).toBe('AAV');
    // Every character a capital: 31 → 5.
    expect(salesforceSuffix('ABCDEFGHIJKLMNO')).toBe('555');
  });

  it('gives the other form only of a value that is one: 15 or 18 letters and digits, the 18 with a right suffix', () => {
    expect(otherSalesforceForm('0065g00000AbCdE')).toBe('0065g00000AbCdEAAV');
    expect(otherSalesforceForm('0065g00000AbCdEAAV')).toBe('0065g00000AbCdE');
    // A suffix that is not the one of its 15 characters (another record, or an id retyped in another case).
    expect(otherSalesforceForm('0065g00000AbCdEAAA')).toBeUndefined();
    expect(otherSalesforceForm('0065G00000ABCDEAAV')).toBeUndefined();
    for (const v of ['1001', '0065g00000AbCd', '0065g00000AbCdE1', '0065g-0000AbCdE', '0065g00000AbCdEAA', 'Сделка 1234567890']) expect(otherSalesforceForm(v)).toBeUndefined();
  });
});

describe('DealStore and ActivityLinker: a Salesforce id links to its deal in either form', () => {
  const store = (...ids: string[]) => {
    const s = new DealStore();
    for (const id of ids) s.add(deal(id, 'Maria Lopez', '2025-01-13 10:00', null, 'open', null));
    return s;
  };

  it('finds a 15-character deal by its 18-character id and an 18-character deal by its 15, nothing by a wrong suffix or case', () => {
    const s = store('0065g00000AbCdE', '0065g00000AbCdFAAV', '1001');
    expect(s.find('0065g00000AbCdEAAV')).toBe(0);
    expect(s.find('0065g00000AbCdF')).toBe(1);
    expect(s.find('0065g00000AbCdEAAB')).toBeUndefined();
    expect(s.find('0065g00000abcde')).toBeUndefined();
    expect(s.find('1001')).toBe(2);
  });

  it('links an activity given by bytes or by text, and keeps a deal id no deal has apart', () => {
    const s = store('0065g00000AbCdE', '1001');
    const linker = new ActivityLinker(s);
    const bytes = Buffer.from('x0065g00000AbCdEAAVx');
    expect(linker.dealKeyBytes(bytes, 1, 19)).toBe(0);
    expect(linker.dealKey('0065g00000AbCdEAAV')).toBe(0);
    // Unknown ids still get keys after the deals, one each.
    const unknown = linker.dealKey('0065g00000AbCdZAAV');
    expect(unknown).toBeGreaterThanOrEqual(s.size);
    expect(linker.dealKey('0065g00000AbCdZAAV')).toBe(unknown);
    expect(linker.dealKeyBytes(Buffer.from('1002'), 0, 4)).toBeGreaterThanOrEqual(s.size);
  });
});
