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
});
