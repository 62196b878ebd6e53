import { describe, expect, it } from 'vitest';
import { evaluate, parseAssertion } from '../../src/core/assert.js';
import { describeUserError, UserError } from '../../src/core/errors.js';

const tree = {
  total: { conversion: 0.25, callback_rate: null },
  managers: { 'Иванов Иван': { response_min_median: 20, won: 3 }, Anna: { response_min_median: 45, won: 0 } },
  audit: { total: 7, band: 'leader' },
  compare: { conversion: { met: true, change_pct: 0.3 } },
};
const run = (s: string) => evaluate(parseAssertion(s), tree);
const syntax = (s: string) => {
  try {
    parseAssertion(s);
  } catch (error) {
    return describeUserError(error as UserError);
  }
  return 'parsed';
};

describe('assertions', () => {
  it.each([
    ['total.conversion>=0.2', true],
    ['total.conversion >= 20%', true],
    ['total.conversion>0.25', false],
    ['total.conversion<0.3', true],
    ['total.conversion<=0.24', false],
    ['total.conversion==0.25', true],
    ['total.conversion!=0.25', false],
    ['audit.total>=6', true],
    ['audit.band=="leader"', true],
    ["audit.band!='not-started'", true],
    ['compare.conversion.met==true', true],
    ['total.callback_rate>=0.5', false],
    ['total.callback_rate==null', true],
    // A null (not computed) fails every comparison, `!=` too: `!=5` must not pass on nothing measured.
    ['total.callback_rate!=5', false],
    ['total.callback_rate!=false', false],
    ['total.callback_rate!=null', false],
    ['total.conversion!=null', true],
  ])('%s -> %s', (source, passed) => {
    expect(run(source).passed).toBe(passed);
  });

  it('wildcards check every manager and name the offenders', () => {
    const r = run('managers.*.response_min_median<=30');
    expect(r.passed).toBe(false);
    expect(r.failures).toEqual([{ subject: 'managers.Anna.response_min_median', path: ['managers', 'Anna', 'response_min_median'], value: 45 }]);
    expect(run('managers.*.won>=0').passed).toBe(true);
    expect(run('managers."Иванов Иван".won>=3').failures).toEqual([]);
    expect(evaluate(parseAssertion('managers.*.won>=1'), tree).failures[0]!.subject).toBe('managers.Anna.won');
  });

  it('takes a level before the path, over the default level', () => {
    expect(parseAssertion('warn:total.conversion>=0.2')).toMatchObject({ level: 'warn', source: 'total.conversion>=0.2', path: ['total', 'conversion'], op: '>=', value: 0.2 });
    expect(parseAssertion(' WARNING : total.conversion >= 20%').level).toBe('warn');
    expect(parseAssertion('error:total.conversion>=0.2', 'warn').level).toBe('error');
    expect(parseAssertion('total.conversion>=0.2', 'warn').level).toBe('warn');
    expect(evaluate(parseAssertion('warn:total.conversion>0.3'), tree)).toMatchObject({ level: 'warn', passed: false, op: '>', expected: 0.3 });
  });

  // A tester: `info:total.won>=1` said «ожидался оператор (>=, <=, >, <, ==, !=): символ 5» with the caret on the colon.
  it('an unknown level says so and names the levels, with the closest where one is', () => {
    expect(syntax('info:total.conversion>=0.2')).toBe('at --assert: no level "info" (the levels are error and warn) at character 1:\n    info:total.conversion>=0.2\n    ^\n  hint: write [LEVEL:]PATH OP VALUE, e.g. total.conversion>=0.2, warn:total.conversion>=0.2 or managers.*.response_min_median<=30');
    expect(syntax('err:total.conversion>=0.2')).toMatch(/^at --assert: no level "err" \(the levels are error and warn; did you mean error\?\) at character 1:/);
    expect(syntax(' wrn : total.conversion>=0.2')).toMatch(/did you mean warn\?\) at character 2:\n {4} wrn : total\.conversion>=0\.2\n {5}\^/);
    try {
      parseAssertion('err:total.conversion>=0.2');
    } catch (error) {
      expect(describeUserError(error as UserError, 'ru')).toMatch(/^в --assert: нет уровня «err» \(уровни — error и warn; возможно, вы имели в виду error\): символ 1:/);
    }
    // `warning` is a level too; a root with a colon for its dot is a path, its caret on the colon.
    expect(parseAssertion('warning:total.conversion>=0.2').level).toBe('warn');
    expect(syntax('total:conversion>=0.2')).toMatch(/expected an operator .* at character 6/);
  });

  it('knows the roots the report asserts on, so a root with a colon is not read as a level', async () => {
    const { ASSERTION_ROOTS } = await import('../../src/core/report.js');
    for (const root of Object.keys(ASSERTION_ROOTS).filter((k) => !k.includes('.'))) expect(syntax(`${root}:x>=1`)).toMatch(/expected an operator/);
  });

  it('a path that selects nothing fails', () => {
    expect(run('total.conversoin>=0.2').failures).toEqual([{ subject: 'total.conversoin', path: ['total', 'conversoin'], value: 'nothing matches this path' }]);
  });

  it.each([
    ['total.conversion=>0.2', /expected an operator .* at character 17:\n\s+total\.conversion=>0\.2\n\s{4}\s{16}\^/],
    ['total.conversion>=', /expected a value/],
    ['total.conversion>=abc', /expected a number, true, false, null or a quoted string at character 19/],
    ['total.>=1', /expected a name or \* after "\." at character 7/],
    ['>=1', /expected a name such as total/],
    ['audit.band>="x"', />= needs a number/],
    ['managers."Anna.won>=1', /unclosed quote/],
  ])('rejects %j pointing at the character', (source, message) => {
    expect(syntax(source)).toMatch(message);
  });
});

describe('assertions on computed numbers', () => {
  // A +20% change computed as 0.19999999999999996 failed `>=0.2` and a CI job with it.
  it('allow floating-point error, and no more', () => {
    const tree = { compare: { conversion: { change_pct: (0.3 - 0.25) / 0.25 } } };
    const check = (source: string) => evaluate(parseAssertion(source), tree).passed;
    expect([check('compare.conversion.change_pct>=0.2'), check('compare.conversion.change_pct==0.2'), check('compare.conversion.change_pct<0.2'), check('compare.conversion.change_pct>0.2')]).toEqual([true, true, false, false]);
    expect(check('compare.conversion.change_pct>=0.2000001')).toBe(false);
  });
});

describe('a decimal comma in an assertion', () => {
  it.each([
    ['total.conversion>=0,2', 0.2],
    ['total.conversion>=0,25', 0.25],
    ['total.conversion>=24,5%', 0.245],
    ['audit.total>=6,0', 6],
    ['audit.total>=1,2345', 1.2345],
    ['audit.total>=-1,5', -1.5],
    ['audit.total>=1.5', 1.5],
    ['total.conversion>=0.250', 0.25],
  ])('%s reads %d', (text, value) => {
    expect(parseAssertion(text).value).toBe(value);
  });

  it('refuses a comma before exactly three digits (1,500 may be 1.5 or 1500), naming both readings', () => {
    expect(syntax('audit.total>=1,500')).toContain('"1,500": a comma or dot before three digits may be a decimal mark or a thousands separator; write 1.5 (a decimal) or 1500 (a whole number)');
    // A dot the same way: 1.500 is how Russian and German write 1 500 (a helper's threshold read as 1.5).
    expect(syntax('total.revenue>=1.500')).toContain('"1.500": a comma or dot before three digits may be a decimal mark or a thousands separator; write 1.5 (a decimal) or 1500 (a whole number)');
    expect(() => parseAssertion('audit.total>=1,500')).toThrow(UserError);
    // A comma no thousands separator could be (after a 0, or after more than three digits) is decimal, as in money options.
    expect(parseAssertion('total.conversion>=0,125').value).toBe(0.125);
    expect(parseAssertion('total.revenue>=12345,678').value).toBe(12345.678);
  });

  // A tester: «5.754» was refused with «write 5.754 or 5754», the very value refused.
  it.each([
    ['5.754', 'en', '5.7540 (a decimal) or 5754 (a whole number)', [5.754, 5754]],
    ['5,754', 'ru', '5,7540 (дробное число) или 5754 (целое)', [5.754, 5754]],
    ['1,500', 'ru', '1,5 (дробное число) или 1500 (целое)', [1.5, 1500]],
    ['-2.050', 'en', '-2.05 (a decimal) or -2050 (a whole number)', [-2.05, -2050]],
    ['57,500%', 'en', '57.5% (a decimal) or 57500% (a whole number)', [0.575, 575]],
    ['57,525%', 'ru', '57,5250% (дробное число) или 57525% (целое)', [0.57525, 575.25]],
  ])('an ambiguous %s suggests forms read one way only (%s), each giving the number it names', (value, lang, said, numbers) => {
    const text = (() => {
      try {
        parseAssertion(`total.ltv_cac>=${value}`);
      } catch (error) {
        return describeUserError(error as UserError, lang);
      }
      return 'parsed';
    })();
    expect(text).toContain(`${lang === 'ru' ? 'напишите' : 'write'} ${said}`);
    const forms = said.split(/ \([^)]*\) (?:or|или) | \([^)]*\)$/).filter(Boolean);
    expect(forms.map((f) => parseAssertion(`total.ltv_cac>=${f}`).value)).toEqual(numbers);
  });
});

