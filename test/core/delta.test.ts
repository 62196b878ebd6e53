import { describe, expect, it } from 'vitest';
import { parseAssertion } from '../../src/core/assert.js';
import { computeDelta, parseBaseline } from '../../src/core/delta.js';
import { describeUserError, UserError } from '../../src/core/errors.js';
import { assertionTree, buildReport } from '../../src/core/report.js';

const baseline = parseBaseline(
  {
    schemaVersion: 1,
    generatedAt: '2025-06-01T00:00:00.000Z',
    audit: { total: 5 },
    kpi: {
      total: { leads: 100, conversion: 0.25, response_min_median: 40, paid_share: null, loss_reasons: { Дорого: 4 } },
      managers: [
        { manager: 'Анна', leads: 60, conversion: 0.3, response_min_median: 20 },
        { manager: 'Борис', leads: 40, conversion: 0.175, response_min_median: 66.25 },
      ],
    },
    assertions: [],
  },
  'previous.json',
);

const now = {
  audit: { total: 7 },
  kpi: {
    total: { leads: 120, conversion: 0.2, response_min_median: 35.5, paid_share: 0.9, loss_reasons: { Дорого: 6 } },
    managers: [
      { manager: 'Анна', leads: 70, conversion: 0.2, response_min_median: 25 },
      { manager: 'Вера', leads: 50, conversion: 0.2, response_min_median: 50 },
    ],
  },
};

describe('changes since a baseline run', () => {
  it('subtracts the baseline from this run, by hand: leads 120 − 100, conversion 0.2 − 0.25, response 35.5 − 40', () => {
    const d = computeDelta(now, baseline);
    expect(d.since).toBe('2025-06-01T00:00:00.000Z');
    // A baseline without a band (written before bands were saved) still gives the score it had.
    expect(d.audit).toEqual({ total: 2, before: { total: 5, band: null, bandTitle: null } });
    expect(d.total!.leads).toBe(20);
    expect(d.total!.conversion).toBeCloseTo(-0.05, 12);
    expect(d.total!.response_min_median).toBe(-4.5);
    // Not a number on one side: no change to state.
    expect(d.total!.paid_share).toBeNull();
    expect(d.total!.revenue).toBeNull();
    expect(d.total).not.toHaveProperty('loss_reasons');
    // Only managers present in both runs.
    expect(Object.keys(d.managers!)).toEqual(['Анна']);
    expect(d.managers!['Анна']!.leads).toBe(10);
    expect(d.managers!['Анна']!.conversion).toBeCloseTo(-0.1, 12);
    expect(d.managers!['Анна']!.response_min_median).toBe(5);
  });

  it("keeps the earlier run's maximum, which a later questionnaire version may change", () => {
    const earlier = parseBaseline({ schemaVersion: 1, generatedAt: '2025-01-01T00:00:00Z', assertions: [], audit: { total: 7, max: 10 } }, 'b.json');
    expect(computeDelta({ audit: { total: 9 } }, earlier).audit).toEqual({ total: 2, before: { total: 7, max: 10, band: null, bandTitle: null } });
  });

  it('leaves out a part missing from either run', () => {
    expect(computeDelta({ audit: { total: 4 } }, baseline)).toEqual({ since: '2025-06-01T00:00:00.000Z', audit: { total: -1, before: { total: 5, band: null, bandTitle: null } } });
    const noKpi = parseBaseline({ schemaVersion: 1, generatedAt: '2025-01-01T00:00:00Z', assertions: [] }, 'b.json');
    expect(computeDelta(now, noKpi)).toEqual({ since: '2025-01-01T00:00:00Z' });
  });

  it('assertions on changes: delta.total.conversion >= -0.02 fails by 5 p.p., per manager too', () => {
    const delta = computeDelta(now, baseline);
    // The earlier score and band are shown, not asserted on: the tree holds the changes only.
    expect(assertionTree({ delta })).toEqual({ delta: { audit: { total: delta.audit!.total }, total: delta.total, managers: delta.managers } });
    const r = buildReport({ delta }, [parseAssertion('delta.total.conversion>=-0.02'), parseAssertion('delta.managers.*.response_min_median<=0'), parseAssertion('delta.audit.total>=0')], { now: new Date('2025-07-01T00:00:00Z'), lang: 'en' });
    expect(r.assertions.map((a) => a.passed)).toEqual([false, false, true]);
    expect(r.assertions[1]!.failures).toEqual([{ subject: 'delta.managers.Анна.response_min_median', path: ['delta', 'managers', 'Анна', 'response_min_median'], value: 5 }]);
    expect(r.delta).toBe(delta);
  });

  it('a file that is not a report result fails naming the file and the path', () => {
    const message = (doc: unknown) => {
      try {
        parseBaseline(doc, 'kpi.json');
      } catch (error) {
        return describeUserError(error as UserError);
      }
      return 'ok';
    };
    // A kpi result has no assertions: it is no report result at all, said as that, not as the fields it lacks.
    expect(message({ schemaVersion: 1, period: {}, managers: [], total: {} })).toMatch(/^kpi\.json: this is not a `report --format json` result \(it has no assertions; a kpi or audit result is not one\)\n {2}hint: save the earlier run/);
    expect(message({ schemaVersion: 1, generatedAt: 'x', assertions: [], kpi: { total: {}, managers: [{ name: 'A' }] } })).toMatch(/kpi\.json, at kpi\.managers\[0\]\.manager/);
  });

  // A tester: 1e400 was said «Infinity pp < −2 pp», a text or a list «nothing to compare», and version 999 «got nothing».
  it('a metric that is no number or null, and another schema version, are refused naming the path and the value found', () => {
    const message = (kpi: unknown, schemaVersion: unknown = 1, lang = 'en') => {
      try {
        parseBaseline({ schemaVersion, generatedAt: 'x', assertions: [], kpi }, 'before.json');
      } catch (error) {
        return describeUserError(error as UserError, lang).split('\n');
      }
      return 'ok';
    };
    expect(message({ total: { conversion: Infinity }, managers: [] })).toEqual(['before.json, at kpi.total.conversion: expected a number or null; got a number too large to count with (1e999, .inf)']);
    expect(message({ total: { conversion: 'abc', revenue: [1, 2] }, managers: [{ manager: 'A', leads: { n: 1 } }] })).toEqual([
      'before.json, at kpi.total.conversion: expected a number or null; got "abc"',
      'before.json, at kpi.total.revenue: expected a number or null; got a list',
      'before.json, at kpi.managers[0].leads: expected a number or null; got a "key: value" map',
    ]);
    expect(message({ total: { conversion: 'abc' }, managers: [] }, 1, 'ru')).toEqual(['before.json, в kpi.total.conversion: ожидалось: число или null; получено: «abc»']);
    expect(message(undefined, 999)).toEqual(['before.json, at schemaVersion: expected one of: 1; got 999']);
    // What a report writes is read: null (not computed), loss reasons by reason, keys it does not know, metrics it lacks.
    expect(message({ total: { conversion: null, loss_reasons: { Дорого: 4 }, future_metric: 'x' }, managers: [{ manager: 'A', paid_share: null }] })).toBe('ok');
  });
});

describe('the last run\'s audit band', () => {
  it('is named by the caller (in this run\'s language), else by the title it was saved with, else its id', () => {
    const withBand = (band: { id: string; title?: string }) => parseBaseline({ schemaVersion: 1, generatedAt: '2025-06-01T00:00:00.000Z', audit: { total: 2, band }, assertions: [] }, 'previous.json');
    const named = computeDelta({ audit: { total: 7 } }, withBand({ id: 'not-started', title: 'Implementation has not started' }), (b) => (b.id === 'not-started' ? 'Внедрение не началось' : b.id));
    expect(named.audit).toEqual({ total: 5, before: { total: 2, band: 'not-started', bandTitle: 'Внедрение не началось' } });
    expect(computeDelta({ audit: { total: 7 } }, withBand({ id: 'x', title: 'Старт' })).audit!.before.bandTitle).toBe('Старт');
    expect(computeDelta({ audit: { total: 7 } }, withBand({ id: 'x' })).audit!.before.bandTitle).toBe('x');
  });
});
