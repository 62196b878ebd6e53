import { describe, expect, it } from 'vitest';
import { evaluate, parseAssertion } from '../../src/core/assert.js';
import { checkAssertionPaths, skippedWithoutBaseline } from '../../src/core/assert-paths.js';
import { describeUserError, UserError } from '../../src/core/errors.js';
import { ASSERTION_ROOTS, buildReport } from '../../src/core/report.js';

/** The first run of a CI job has no previous.json: a warning on delta.* is skipped, an error-level gate still stops the run. */
describe('a delta.* assertion without a baseline', () => {
  const tree = { total: { conversion: 0.25 } };
  const warn = parseAssertion('warn:delta.total.conversion>=-0.02');
  const error = parseAssertion('delta.total.conversion>=-0.02');

  it('is skipped at the warn level only, and only while the run has no delta', () => {
    expect(skippedWithoutBaseline(warn, tree)).toBe(true);
    expect(skippedWithoutBaseline(error, tree)).toBe(false);
    expect(skippedWithoutBaseline(warn, { ...tree, delta: { total: { conversion: -0.05 } } })).toBe(false);
    // Another root a run lacks is not skipped: compare.* without a cutover is a mistake in the job.
    expect(skippedWithoutBaseline(parseAssertion('warn:compare.conversion.met==true'), tree)).toBe(false);
  });

  it('passes the path check at the warn level; at the error level it is refused, saying what it needs', () => {
    expect(() => checkAssertionPaths([warn], tree, ASSERTION_ROOTS)).not.toThrow();
    let thrown: unknown;
    try {
      checkAssertionPaths([error], tree, ASSERTION_ROOTS);
    } catch (e) {
      thrown = e;
    }
    expect(thrown).toBeInstanceOf(UserError);
    expect(describeUserError(thrown as UserError, 'en')).toContain('delta.* needs a previous result: --baseline previous.json');
  });

  it('is judged as skipped (passed, nothing failed, counted in no failure); with a baseline it is judged', () => {
    expect(evaluate(warn, tree)).toEqual({ assertion: 'delta.total.conversion>=-0.02', op: '>=', expected: -0.02, level: 'warn', passed: true, failures: [], skipped: 'no_baseline' });
    // −5 п. п. is a drop of more than 2: the warning fails once there is a delta to judge.
    const judged = evaluate(warn, { ...tree, delta: { total: { conversion: -0.05 } } });
    expect(judged.passed).toBe(false);
    expect(judged.skipped).toBeUndefined();
    const report = buildReport({}, [warn], { now: new Date('2025-07-01T00:00:00Z'), lang: 'ru' });
    expect(report.failed).toEqual({ errors: 0, warnings: 0 });
  });
});
