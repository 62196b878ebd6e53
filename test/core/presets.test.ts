import { describe, expect, it } from 'vitest';
import { parseAssertion } from '../../src/core/assert.js';
import { PRESET_NAMES, PRESETS, presetAssertions } from '../../src/core/presets.js';

describe('presets', () => {
  it('recommended holds the seeds\' targets, each parseable and grounded in a source document', () => {
    expect(PRESET_NAMES).toContain('recommended');
    const exprs = PRESETS.recommended!.assertions.map((a) => `${a.level}:${a.expr}`);
    expect(exprs).toEqual([
      'error:audit.total>=3',
      'warn:audit.total>=6',
      'error:compare.conversion.change_pct>=0.2',
      'error:compare.response_min_median.change_pct<=-0.3',
      'warn:total.touches_per_won>=5',
    ]);
    for (const a of PRESETS.recommended!.assertions) {
      expect(parseAssertion(a.expr, a.level).level).toBe(a.level);
      expect(a.basis.ru).toMatch(/^seed 00\d: /);
      expect(a.basis.en).toMatch(/^seed 00\d: /);
    }
  });

  it('keeps only the checks whose part the run produces', () => {
    const { used, skipped } = presetAssertions('recommended', new Set(['total', 'managers']));
    expect(used.map((a) => a.expr)).toEqual(['total.touches_per_won>=5']);
    expect(skipped.map((a) => a.expr)).toEqual(['audit.total>=3', 'audit.total>=6', 'compare.conversion.change_pct>=0.2', 'compare.response_min_median.change_pct<=-0.3']);
    expect(presetAssertions('none', new Set(['total']))).toEqual({ used: [], skipped: [] });
  });

  // Tester T48 F2: a questionnaire of 100 points passed the built-in's «3» from its lowest band, and a perfect 5 of 5 was warned «5 < 6».
  it("states the audit's checks by the questionnaire's own bands", () => {
    const audit = new Set(['audit']);
    const exprs = (bands: Array<{ from: number }>) => presetAssertions('recommended', audit, bands).used.map((a) => `${a.level}:${a.expr}`);
    // The built-in's bands (0-2, 3-5, 6-10) give the seed's 3 and 6.
    expect(exprs([{ from: 0 }, { from: 3 }, { from: 6 }])).toEqual(['error:audit.total>=3', 'warn:audit.total>=6']);
    expect(exprs([{ from: 0 }, { from: 25 }, { from: 50 }, { from: 80 }])).toEqual(['error:audit.total>=25', 'warn:audit.total>=80']);
    // Two bands: the band to leave is the top one, checked once, as the error.
    expect(exprs([{ from: 50 }, { from: 0 }])).toEqual(['error:audit.total>=50']);
    expect(presetAssertions('recommended', audit, [{ from: 0 }, { from: 50 }]).skipped.map((a) => a.expr)).not.toContain('audit.total>=6');
    // One band: nothing to leave or reach, said as not applicable.
    const one = presetAssertions('recommended', audit, [{ from: 0 }]);
    expect(one.used).toEqual([]);
    expect(one.skipped.map((a) => a.expr)).toEqual(expect.arrayContaining(['audit.total>=3', 'audit.total>=6']));
  });
});
