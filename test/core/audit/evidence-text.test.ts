import { describe, expect, it } from 'vitest';
import { describeFact } from '../../../src/core/audit/evidence-text.js';
import type { EvidenceFacts } from '../../../src/core/kpi/facts.js';

const facts = (touches: number) => ({ values: { touches_per_won: touches }, parts: {}, needs: {} }) as unknown as EvidenceFacts;

describe('the touches per won deal a verdict cites', () => {
  it('agree with their number in English as in Russian («1 touches» was written)', () => {
    expect(describeFact('en', 'touches_per_won', facts(1))).toBe('1 touch per won deal on average');
    expect(describeFact('en', 'touches_per_won', facts(2.5))).toBe('2.5 touches per won deal on average');
    expect(describeFact('ru', 'touches_per_won', facts(1))).toBe('в среднем 1 касание на выигранную сделку');
    expect(describeFact('ru', 'touches_per_won', facts(5))).toBe('в среднем 5 касаний на выигранную сделку');
  });

  // A tester: 4,98 touches were written «5 касания», the word agreeing with 4,98 and the figure with 5.
  it('agree with the number as it is written, not as it was computed', () => {
    expect(describeFact('ru', 'touches_per_won', facts(4.98))).toBe('в среднем 5 касаний на выигранную сделку');
    expect(describeFact('ru', 'touches_per_won', facts(1.02))).toBe('в среднем 1 касание на выигранную сделку');
    expect(describeFact('ru', 'touches_per_won', facts(2.46))).toBe('в среднем 2,5 касания на выигранную сделку');
    expect(describeFact('en', 'touches_per_won', facts(0.97))).toBe('1 touch per won deal on average');
  });
});
