import { describe, expect, it } from 'vitest';
import { inRange, rangeProblem } from '../../src/core/value-range.js';

describe('the range of a change and of a share, one rule for targets and assertions', () => {
  it('takes a change from -1 to 10 and a share from 0 to 1, ends included', () => {
    expect([-1, 0, 10].map((v) => inRange('change', v))).toEqual([true, true, true]);
    expect([-1.01, 10.5].map((v) => inRange('change', v))).toEqual([false, false]);
    expect([0, 1].map((v) => inRange('share', v))).toEqual([true, true]);
    expect([-0.1, 1.01].map((v) => inRange('share', v))).toEqual([false, false]);
    expect(rangeProblem('change', 0.2, '0.2')).toBeUndefined();
  });

  it('writes a whole-number percentage both ways, with no float tail: 15 → 0.15, 7 → 0.07', () => {
    expect(rangeProblem('change', 15, '15')?.en).toBe('a target is a change from -100% to +1000%; write a percentage as a fraction or with a % sign: 15 → 0.15 or "+15%"');
    expect(rangeProblem('share', 7, '7')?.ru).toBe('доля — от 0 до 1 (от 0% до 100%); проценты пишут долей или со знаком %: 7 → 0.07 или «7%»');
    // Up to +1000% a change is one as typed (7 is +700%): only a share sees 7 as a percentage.
    expect(rangeProblem('change', 7, '7')).toBeUndefined();
    expect(rangeProblem('share', 35, '35')?.en).toMatch(/35 → 0\.35 or "35%"$/);
  });

  it('says a number out of range as a percentage too, or typed with %, above or below', () => {
    expect(rangeProblem('change', 2000, '2000')?.ru).toBe('«2000» — больше +1000%: цель — изменение от −100% до +1000%');
    expect(rangeProblem('change', -1.5, '-150%')?.en).toBe('"-150%" is below -100%: a target is a change from -100% to +1000%');
    // 1.5 typed as 150% is above a share's 1, not "150 → 1.5".
    expect(rangeProblem('share', 1.5, '150%')?.en).toBe('"150%" is above 1 (100%): a share is from 0 to 1 (0% to 100%)');
    expect(rangeProblem('share', -2, '-2')?.ru).toBe('«-2» — меньше 0: доля — от 0 до 1 (от 0% до 100%)');
  });

  // A tester: the string "+1e400%" in a targets file was Infinity%, passed as in range, a goal never met (exit 0).
  it('says a number too large to count with out of range, as typed', () => {
    expect(rangeProblem('change', Infinity, '+1e400%')?.en).toBe('"+1e400%" is above +1000%: a target is a change from -100% to +1000%');
    expect(rangeProblem('change', -Infinity, '-1e400')?.ru).toBe('«-1e400» — меньше −100%: цель — изменение от −100% до +1000%');
    expect(rangeProblem('share', Infinity, '1e400')?.en).toBe('"1e400" is above 1 (100%): a share is from 0 to 1 (0% to 100%)');
    // NaN is not below -100%, so it is said as above +1000%, as typed (r38 item 16: it was only checked to be said).
    expect(rangeProblem('change', NaN, 'NaN')?.en).toBe('"NaN" is above +1000%: a target is a change from -100% to +1000%');
    expect(rangeProblem('change', NaN, 'NaN')?.ru).toBe('«NaN» — больше +1000%: цель — изменение от −100% до +1000%');
  });
});
