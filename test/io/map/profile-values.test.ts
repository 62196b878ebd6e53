import { describe, expect, it } from 'vitest';
import { buildValueMaps, statusByWords, withProfileValues } from '../../../src/io/map/value-maps.js';

const values = (owner: Record<string, 'deal' | 'lead' | 'contact' | 'company' | 'other'>) => ({ kind: {}, direction: {}, missed: {}, owner });

describe("a profile's owner type codes", () => {
  it('come before the built-in words (Kommo\'s «Lead» is its deal), the user\'s --map still first', () => {
    expect(buildValueMaps().owner.get('lead')).toBe('lead');
    expect(withProfileValues(buildValueMaps(), values({ Lead: 'deal' })).owner.get('lead')).toBe('deal');
    expect(withProfileValues(buildValueMaps({ owner: { Lead: 'contact' } }), values({ Lead: 'deal' })).owner.get('lead')).toBe('contact');
    // A word no profile names keeps its built-in meaning.
    expect(withProfileValues(buildValueMaps(), values({ Lead: 'deal' })).owner.get('сделка')).toBe('deal');
  });
});

describe("Kommo's call outcome in English", () => {
  it('"Conversation 2 min" is a call that took place, as «Разговор 2 мин» is', () => {
    expect(statusByWords('conversation 2 min')).toBe(false);
    expect(statusByWords('разговор 2 мин')).toBe(false);
  });
});
