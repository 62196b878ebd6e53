import { describe, expect, it } from 'vitest';
import { parseAssertion } from '../../src/core/assert.js';
import { checkAssertionPaths, closest, editDistance } from '../../src/core/assert-paths.js';
import { describeUserError, UserError } from '../../src/core/errors.js';
import { ASSERTION_ROOTS } from '../../src/core/report.js';

const tree = {
  total: { conversion: 0.25, callback_rate: null, loss_reasons: { Дорого: 3 } },
  managers: { 'Иванов Иван': { conversion: 0.3, won: 3 }, Anna: { conversion: 0.2, won: 0 } },
  audit: { total: 7, band: 'leader', sections: { lead: 2 } },
};

/** The message of the path check for these assertions, or "ok". */
function check(exprs: string[], lang = 'en', t: Record<string, unknown> = tree): string {
  try {
    checkAssertionPaths(exprs.map((e) => parseAssertion(e)), t, ASSERTION_ROOTS);
  } catch (error) {
    return describeUserError(error as UserError, lang);
  }
  return 'ok';
}

describe('assertion paths are checked against the result shape', () => {
  it('counts edits, swaps of neighbours included', () => {
    expect(editDistance('convertion', 'conversion')).toBe(1);
    expect(editDistance('conversoin', 'conversion')).toBe(1);
    expect(editDistance('', 'abc')).toBe(3);
    expect(closest('convertion', ['conversion', 'callback_rate', 'won'])).toEqual(['conversion']);
    expect(closest('xyz', ['conversion', 'won'])).toEqual([]);
    // Two letters of three differ: not close («foo» was offered «won»); one of three is.
    expect(closest('foo', ['won', 'lost'])).toEqual([]);
    expect(closest('wno', ['won', 'lost'])).toEqual(['won']);
    expect(closest('Иванов', ['Иванов Иван', 'Anna'])).toEqual(['Иванов Иван']);
  });

  it('accepts paths that exist, with wildcards, quoted names and groups compared to null', () => {
    expect(check(['total.conversion>=0.2', 'managers.*.won>=1', 'managers."Иванов Иван".conversion>0', 'audit.sections.*>=1', 'total.loss_reasons.Дорого<=5', 'total.callback_rate==null', 'total.loss_reasons!=null'])).toBe('ok');
  });

  it('a typo fails with "did you mean" in English and «возможно, вы имели в виду» in Russian', () => {
    expect(check(['total.convertion>=0.2'])).toMatch(/^at --assert: total\.convertion>=0\.2: no name "convertion" in total; did you mean total\.conversion\?\n {2}hint: names there: callback_rate, conversion, loss_reasons$/);
    expect(check(['total.convertion>=0.2'], 'ru')).toMatch(/нет имени «convertion» в total; возможно, вы имели в виду total\.conversion/);
    expect(check(['managers.*.wno>=1'])).toMatch(/no name "wno" in managers\.\*; did you mean managers\.\*\.won\?/);
    expect(check(['managers."Иванов".won>=1'])).toMatch(/did you mean managers\."Иванов Иван"\.won\?/);
    expect(check(['totl.conversion>=0.2'])).toMatch(/no name "totl"; did you mean total\.conversion\?/);
  });

  it('a name with nothing close lists the names there', () => {
    expect(check(['total.zzzzzz>=1'])).toMatch(/no name "zzzzzz" in total\n {2}hint: names there: callback_rate, conversion, loss_reasons/);
  });

  it('a part the run does not produce says what produces it', () => {
    expect(check(['compare.conversion.met==true'])).toMatch(/this run has no "compare"\n {2}hint: compare\.\* needs a before\/after comparison: --cutover DATE/);
    expect(check(['delta.total.conversion>=-0.02'], 'ru')).toMatch(/в этом запуске нет «delta»\n {2}подсказка: проверкам delta\.\* нужен прошлый результат: --baseline/);
  });

  it('a path past a value, or a comparison with a group, fails', () => {
    expect(check(['total.conversion.x>=1'])).toMatch(/total\.conversion is a value with no parts; remove "\.x"/);
    expect(check(['total.loss_reasons>=1'])).toMatch(/total\.loss_reasons is a group of values, not a number\n {2}hint: name one of: Дорого \(or \* for all\)/);
  });

  it('reports every bad path at once, where each was written', () => {
    const message = check(['total.convertion>=0.2', 'audit.totl>=6']);
    expect(message.split('\n').filter((l) => l.startsWith('at --assert'))).toHaveLength(2);
    const fromConfig = parseAssertion('total.convertion>=0.2', 'error', { file: 'ci.yaml', path: 'assert[3]' });
    expect(() => checkAssertionPaths([fromConfig], tree, ASSERTION_ROOTS)).toThrow(/convertion/);
    try {
      checkAssertionPaths([fromConfig], tree, ASSERTION_ROOTS);
    } catch (error) {
      expect(describeUserError(error as UserError)).toMatch(/^ci\.yaml, at assert\[3\]: /);
    }
  });

  it('a wildcard over an empty group is not a path error (judging says there is nothing to check)', () => {
    expect(check(['delta.managers.*.conversion>=0'], 'en', { delta: { managers: {} } })).toBe('ok');
  });

  it('takes valid names from the tree, so a new result key needs no list', () => {
    const withEvidence = { ...tree, audit: { ...tree.audit, evidence: { confirmed: 4 } } };
    expect(check(['audit.evidence.confirmed>=3'], 'en', withEvidence)).toBe('ok');
    // Without exports the run has no evidence: said as what would produce it (below), not as a typo.
    expect(check(['audit.evidence.confirmed>=3'])).toMatch(/this run has no "audit.evidence"/);
  });
});

describe('a part of the run only some inputs produce', () => {
  it('audit.evidence without exports and compare.payback_months without --cost say what would produce them', () => {
    expect(check(['audit.evidence.total>=5'])).toBe('at --assert: audit.evidence.total>=5: this run has no "audit.evidence"\n  hint: audit.evidence.* needs the exports the answers are checked against: --deals (and --activities, --payments)');
    const compared = { ...tree, compare: { conversion: { change_pct: 0.1 } } };
    expect(check(['compare.payback_months<=12'], 'ru', compared)).toContain('сроку окупаемости нужна стоимость внедрения: --cost');
    expect(check(['compare.roi_12m>=0'], 'en', compared)).toContain('the ROI needs the implementation cost: --cost');
    // A misspelt name still gets its did-you-mean.
    expect(check(['compare.convrsion.change_pct>=0'], 'en', compared)).toContain('did you mean compare.conversion.change_pct');
  });

  // A tester: total.cac without --spend read as a typo («нет имени «cac» в total» and a list of names), while plan.* said it needs --plan.
  it('a unit-economics metric without a spend file says it needs --spend, for every one of them', () => {
    expect(check(['total.cac<=1000'], 'ru')).toBe('в --assert: total.cac<=1000: в этом запуске нет «total.cac»\n  подсказка: CAC — показатель юнит-экономики, ему нужен файл расходов: --spend ФАЙЛ (или kpi.spend в конфиге)');
    expect(check(['total.romi>=5'])).toBe('at --assert: total.romi>=5: this run has no "total.romi"\n  hint: ROMI is a unit-economics metric and needs a spend file: --spend FILE (or kpi.spend in the config)');
    for (const key of ['spend', 'new_won_clients', 'cac', 'cost_per_lead', 'romi', 'ltv', 'ltv_cac']) expect(check([`total.${key}>=1`])).toContain('needs a spend file: --spend FILE');
    // With spend the names are there; a name of no kind is still a typo.
    expect(check(['total.cac<=1000'], 'en', { ...tree, total: { ...tree.total, cac: 500 } })).toBe('ok');
    expect(check(['total.cacc<=1000'])).toMatch(/no name "cacc" in total/);
    // Spend is never a manager's: managers.*.cac said «no name "cac"», a typo, with or without --spend (a tester).
    for (const t of [tree, { ...tree, total: { ...tree.total, cac: 500 } }]) {
      expect(check(['managers.*.cac<=1000'], 'ru', t)).toBe('в --assert: managers.*.cac<=1000: в этом запуске нет «managers.*.cac»\n  подсказка: CAC считается по отделу, не по менеджеру (расходы на привлечение не делятся между менеджерами): проверьте total.cac, с файлом расходов --spend');
    }
    const someone = Object.keys(tree.managers)[0]!;
    expect(check([`managers."${someone}".romi>=5`])).toContain("ROMI is the department's, not a manager's (spend is not split between managers): assert total.romi");
    expect(check(['managers.*.convrsion>=0.1'])).toMatch(/did you mean managers\.\*\.conversion/);
  });
});

// A tester: `audit.band>=1`, `compare.conversion.met>=1`, `total.conversion==true` and `audit.total=='leader'` were judged
// and failed the gate (exit 1) with «уровень «ahead-of-most» < 1» or «Конверсия 38,9% ≠ да»: they can never hold.
describe('an assertion whose value can never match what the path holds', () => {
  const run = { ...tree, audit: { ...tree.audit, band: 'ahead-of-most', evidence: { total: 5, band: 'leader', lead: { concept: 'confirmed' } } }, compare: { conversion: { change_pct: 0.2, met: true, better: 'up', not_applicable: 'needs an activities file' }, win_rate: { change_pct: null, met: null } } };
  const say = (expr: string, lang = 'en') => check([expr], lang, run);

  it('an ordering operator needs a number: says what the path holds and how to write it', () => {
    expect(say('audit.band>=1')).toBe("at --assert: audit.band>=1: audit.band holds a band id such as ahead-of-most, and >= compares numbers\n  hint: write it as, e.g., audit.band=='ahead-of-most'");
    expect(say('audit.band>=1', 'ru')).toBe("в --assert: audit.band>=1: в audit.band — id уровня, например ahead-of-most, а >= сравнивает числа\n  подсказка: например: audit.band=='ahead-of-most'");
    expect(say('compare.conversion.met>=1')).toContain('compare.conversion.met holds yes/no (true or false), and >= compares numbers\n  hint: write it as, e.g., compare.conversion.met==true');
    expect(say('compare.conversion.met>=1', 'ru')).toContain('в compare.conversion.met — да/нет (true или false), а >= сравнивает числа');
    expect(say('audit.evidence.lead.concept<1')).toContain("holds a verdict such as confirmed, and < compares numbers\n  hint: write it as, e.g., audit.evidence.lead.concept=='confirmed'");
    expect(say('audit.evidence.lead.concept<1', 'ru')).toContain('вердикт, например confirmed');
    // Text that is no id (a reason, in English) is not shown in either language.
    expect(say('compare.conversion.not_applicable>=1', 'ru')).toContain('в compare.conversion.not_applicable — текст, а >= сравнивает числа\n  подсказка: например: compare.conversion.not_applicable!=null');
  });

  it('== and != compare like with like: a number with a number, yes/no with true or false, text with quoted text', () => {
    expect(say('total.conversion==true')).toBe('at --assert: total.conversion==true: total.conversion holds a number, not true or false: == compares values of one type\n  hint: write it as, e.g., total.conversion>=0.25');
    expect(say('total.conversion==true', 'ru')).toBe('в --assert: total.conversion==true: в total.conversion — число, а не true или false: == сравнивает значения одного типа\n  подсказка: например: total.conversion>=0.25');
    expect(say("audit.total=='leader'")).toContain('audit.total holds a number, not text: == compares values of one type\n  hint: write it as, e.g., audit.total>=7');
    expect(say("audit.total!='leader'", 'ru')).toContain('в audit.total — число, а не строка: != сравнивает');
    expect(say('audit.band==1')).toContain("audit.band holds a band id such as ahead-of-most, not a number");
    expect(say('compare.conversion.met=="yes"')).toContain('holds yes/no (true or false), not text');
    expect(say('compare.conversion.better==1')).toContain("holds text such as up, not a number: == compares values of one type\n  hint: write it as, e.g., compare.conversion.better=='up'");
  });

  it('assertions that fit pass, == null and != null fit any path', () => {
    for (const expr of ["audit.band=='leader'", "audit.band!='x'", 'compare.conversion.met==true', 'compare.conversion.met!=false', 'total.conversion>=0.2', 'total.conversion!=0', 'audit.band==null', 'total.conversion!=null', "audit.evidence.lead.concept=='contradicted'", 'audit.evidence.band==\'leader\'']) expect(say(expr)).toBe('ok');
  });

  it('a null (no data in this run, a number in another) is not a type: judged by the values that are there, and where all are null nothing is said', () => {
    // total.callback_rate is null: it may be a number in the next run; `==true` is not refused on a guess.
    expect(say('total.callback_rate>=0.5')).toBe('ok');
    expect(say('total.callback_rate==true')).toBe('ok');
    expect(say('compare.win_rate.met>=1')).toBe('ok');
    // One of the values is there: it decides (compare.win_rate.met is null, compare.conversion.met is true).
    expect(say('compare.*.met>=1')).toContain('compare.*.met holds yes/no (true or false), and >= compares numbers\n  hint: write it as, e.g., compare.*.met==true');
    expect(say('compare.*.change_pct==true')).toContain('compare.*.change_pct holds a number, not true or false');
    expect(say('compare.*.met==true')).toBe('ok');
  });

  it('values of more than one kind under a * are left to judging', () => {
    expect(say("audit.evidence.*=='confirmed'")).toBe('ok');
  });

  // A tester: `audit.band!='not-startd'` and `audit.evidence.erp.catalog!='contradictd'` always passed: a CI gate off by a typo.
  it('a quoted value that is no band id of the questionnaire, or no verdict, is refused with the values the path holds', () => {
    const bands = [
      { id: 'not-started', title: { ru: 'Внедрение не началось', en: 'Implementation has not started' } },
      { id: 'ahead-of-most', title: { ru: 'Впереди большинства', en: 'Ahead of most' } },
      { id: 'leader', title: { ru: 'Лидер', en: 'Leader' } },
    ];
    const sayWith = (expr: string, lang = 'en') => {
      try {
        checkAssertionPaths([parseAssertion(expr)], run, ASSERTION_ROOTS, { bands });
      } catch (error) {
        return describeUserError(error as UserError, lang);
      }
      return 'ok';
    };
    expect(sayWith("audit.band!='not-startd'")).toBe(
      'at --assert: audit.band!=\'not-startd\': "not-startd" is not a band id of this questionnaire, so the assertion would always pass; did you mean audit.band!=\'not-started\'?\n  hint: audit.band holds band ids: not-started ("Implementation has not started"), ahead-of-most ("Ahead of most"), leader ("Leader")',
    );
    expect(sayWith("audit.band!='not-startd'", 'ru')).toBe(
      "в --assert: audit.band!='not-startd': «not-startd» — не id уровня этой анкеты, и проверка всегда проходила бы; возможно, вы имели в виду audit.band!='not-started'\n  подсказка: в audit.band — id уровней: not-started («Внедрение не началось»), ahead-of-most («Впереди большинства»), leader («Лидер»)",
    );
    expect(sayWith("audit.evidence.band=='xyzzy'")).toContain('"xyzzy" is not a band id of this questionnaire: audit.evidence.band never holds it, so the assertion would always fail\n  hint: audit.evidence.band holds band ids:');
    expect(sayWith("audit.evidence.band=='xyzzy'", 'ru')).toContain('в audit.evidence.band такого значения не бывает, и проверка всегда проваливалась бы');
    // A verdict path takes the five verdicts, with or without the questionnaire's bands.
    expect(say("audit.evidence.lead.concept!='contradictd'")).toBe(
      "at --assert: audit.evidence.lead.concept!='contradictd': \"contradictd\" is not a verdict, so the assertion would always pass; did you mean audit.evidence.lead.concept!='contradicted'?\n  hint: audit.evidence.lead.concept holds verdicts: confirmed, contradicted, inconclusive, no-data, not-checkable",
    );
    expect(say("audit.evidence.*.concept=='yes'", 'ru')).toBe(
      "в --assert: audit.evidence.*.concept=='yes': «yes» — не вердикт: в audit.evidence.*.concept такого значения не бывает, и проверка всегда проваливалась бы\n  подсказка: в audit.evidence.*.concept — вердикты: confirmed, contradicted, inconclusive, no-data, not-checkable",
    );
    // A band's title is no id: the path holds ids, the same in every language; the message gives the id.
    expect(sayWith("audit.band=='Лидер'", 'ru')).toBe("в --assert: audit.band=='Лидер': «Лидер» — название уровня leader, а в audit.band — id уровня (одинаковый на любом языке)\n  подсказка: например: audit.band=='leader'");
    expect(sayWith("audit.band!='ahead of most'")).toBe('at --assert: audit.band!=\'ahead of most\': "ahead of most" is the title of band ahead-of-most; audit.band holds band ids (the same in every language)\n  hint: write it as, e.g., audit.band!=\'ahead-of-most\'');
    // Values that are there pass; so does a band on a run whose bands the caller did not give.
    for (const expr of ["audit.band!='not-started'", "audit.evidence.band=='leader'", "audit.evidence.lead.concept!='no-data'", "audit.evidence.*.concept=='not-checkable'"]) expect(sayWith(expr)).toBe('ok');
    expect(say("audit.band!='x'")).toBe('ok');
  });

  it('every such assertion is said at once, with the path errors', () => {
    const message = check(['audit.band>=1', 'total.convertion>=0.2', 'total.conversion==true'], 'en', run);
    expect(message.split('\n').filter((l) => l.startsWith('at --assert'))).toHaveLength(3);
  });
});

// A tester: `compare.leads_per_month.met==true` with no target for the row failed for ever, saying «нет данных» / "no data".
describe('a gate on the target of a row with no target in this run', () => {
  const row = (target: number | null) => ({ before: 4, after: 10, change_pct: 1.5, target, met: target === null ? null : true });
  const run = { ...tree, compare: { leads_per_month: row(null), conversion: row(0.2), win_rate: row(null), gain_per_month: 5 } };
  const say = (expr: string, lang = 'en') => check([expr], lang, run);

  it('is refused before judging, saying the row has no target and how to set one', () => {
    expect(say('compare.leads_per_month.met==true')).toBe(
      'at --assert: compare.leads_per_month.met==true: no target is set for leads_per_month in this run, so compare.leads_per_month.met is always null and the assertion could never pass\n  hint: set one in a --targets file (targets: {leads_per_month: +20%}) or in the config (compare.targets.leads_per_month); only conversion and response_min_median have default targets',
    );
    expect(say('compare.leads_per_month.target>=0.1', 'ru')).toBe(
      'в --assert: compare.leads_per_month.target>=0.1: в этом запуске у leads_per_month нет цели, поэтому в compare.leads_per_month.target всегда null и проверка не пройдёт никогда\n  подсказка: задайте цель в файле --targets (targets: {leads_per_month: +20%}) или в файле настроек (compare.targets.leads_per_month); цели по умолчанию есть только у conversion и response_min_median',
    );
  });

  it('with *, names every such row and the rows that have a target', () => {
    expect(say('compare.*.met==true')).toBe(
      'at --assert: compare.*.met==true: no target is set for leads_per_month, win_rate in this run, so compare.*.met is always null and the assertion could never pass\n  hint: set one in a --targets file (targets: {leads_per_month: +20%}) or in the config (compare.targets.leads_per_month); only conversion and response_min_median have default targets; or assert only the rows that have one: compare.conversion.met',
    );
  });

  it('leaves rows with a target, ==null and other fields to judging', () => {
    for (const expr of ['compare.conversion.met==true', 'compare.conversion.target>=0.2', 'compare.leads_per_month.met==null', 'compare.leads_per_month.change_pct>=0.1', 'compare.gain_per_month>=0']) expect(say(expr)).toBe('ok');
    expect(say('compare.leads_per_month.met!=null')).toMatch(/no target is set for leads_per_month/);
  });
});

// A tester: `compare.conversion.change_pct>=20` judged +2000% (never met) and `compare.missed_share.after<=10` 1000%
// (always met), where a targets file refuses a bare 20. The same rule refuses them here, exit 2, the number written both ways.
describe('a percentage typed as a whole number on a change or a share', () => {
  const run = {
    ...tree,
    compare: { conversion: { before: 0.2, after: 0.3, change_pct: 0.5, target: 0.2, met: true }, leads_per_month: { before: 100, after: 120, change_pct: 0.2, target: null, met: null } },
  };
  const say = (expr: string, lang = 'en') => check([expr], lang, run);

  it('is refused on change_pct with the targets-file hint, echoing the number', () => {
    expect(say('compare.conversion.change_pct>=20')).toBe(
      'at --assert: compare.conversion.change_pct>=20: a target is a change from -100% to +1000%; write a percentage as a fraction or with a % sign: 20 → 0.2 or "+20%"\n  hint: compare.conversion.change_pct takes values as a --targets file does: 0.2 or "+20%" is +20%',
    );
    // −30 / 100 = −0.3, written with the minus a Russian text prints.
    expect(say('compare.leads_per_month.change_pct<=-30', 'ru')).toMatch(/^в --assert: compare\.leads_per_month\.change_pct<=-30: цель — изменение от −100% до \+1000%; проценты пишут долей или со знаком %: -30 → −0\.3 или «−30%»\n/);
    expect(say('compare.*.change_pct>=25')).toMatch(/25 → 0\.25 or "\+25%"/);
    expect(say('compare.conversion.target==20')).toMatch(/20 → 0\.2 or "\+20%"/);
  });

  it('is refused on a share (0 to 1), in total, managers and a share row of compare', () => {
    expect(say('compare.conversion.after<=10')).toMatch(/: a share is from 0 to 1 \(0% to 100%\); write a percentage as a fraction or with a % sign: 10 → 0\.1 or "10%"\n {2}hint: compare\.conversion\.after is a share: 0\.2 or "20%" is 20%$/);
    expect(say('total.conversion>=20', 'ru')).toMatch(/доля — от 0 до 1 \(от 0% до 100%\); проценты пишут долей или со знаком %: 20 → 0\.2 или «20%»\n {2}подсказка: в total\.conversion — доля/);
    expect(say('managers.*.conversion>=35')).toMatch(/35 → 0\.35 or "35%"/);
  });

  it('a percentage out of range as typed is said above or below it', () => {
    expect(say('compare.conversion.change_pct>=2000%')).toMatch(/: "2000%" is above \+1000%: a target is a change from -100% to \+1000%\n/);
    expect(say('compare.conversion.change_pct>=-150%', 'ru')).toMatch(/: «-150%» — меньше −100%: цель — изменение/);
    expect(say('total.conversion<=150%')).toMatch(/: "150%" is above 1 \(100%\): a share is from 0 to 1/);
  });

  it('leaves values in range, and paths that are neither a change nor a share, to judging', () => {
    for (const expr of ['compare.conversion.change_pct>=0.2', 'compare.conversion.change_pct>=20%', 'compare.conversion.change_pct>=-1', 'compare.conversion.change_pct<=10', 'total.conversion>=1', 'compare.leads_per_month.after>=100', 'managers.*.won>=20', 'compare.conversion.before<=1']) expect(say(expr)).toBe('ok');
  });
});
