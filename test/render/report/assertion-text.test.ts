import { describe, expect, it } from 'vitest';
import { evaluate, parseAssertion } from '../../../src/core/assert.js';
import { assertionTally, auditNames, describeFailure } from '../../../src/render/report/assertion-text.js';

const tree = {
  total: { conversion: 0.207, touches_per_won: 4.92, callback_rate: null, revenue: 18000, leads: 22 },
  managers: { 'Алексеева Мария': { response_min_median: 66.2333, cycle_days_median: 12.5 } },
  audit: { total: 5, sections: { lead: 1 }, evidence: { total: 3, band: 'ahead-of-most', lead: { concept: 'contradicted' } } },
  compare: { conversion: { change_pct: 0.12, change: 0.2, met: false }, payback_months: 14.2 },
  delta: { total: { conversion: -0.031 }, managers: { 'Алексеева Мария': { response_min_median: 8.5 } }, audit: { total: -2 } },
};
const lines = (expr: string, lang: string) => {
  const r = evaluate(parseAssertion(expr), tree);
  return r.failures.map((f) => describeFailure(r, f, lang));
};

describe('failure lines a person reads', () => {
  it.each([
    ['managers.*.response_min_median<=30', 'ru', 'Алексеева Мария: Реакция (медиана) 66,2 мин > 30 мин'],
    ['managers.*.response_min_median<=30', 'en', 'Алексеева Мария: Response (median) 66.2 min > 30 min'],
    ['managers.*.cycle_days_median<10', 'ru', 'Алексеева Мария: Цикл (медиана) 12,5 дн. ≥ 10 дн.'],
    ['total.conversion>=0.25', 'ru', 'Отдел: Конверсия 20,7% < 25%'],
    ['total.touches_per_won>=5', 'en', 'Department: Touches per won deal 4.92 < 5'],
    ['total.callback_rate>=0.5', 'ru', 'Отдел: Перезвонили — не рассчитано, сравнить не с чем'],
    ['audit.total>=6', 'ru', 'Аудит: баллы 5 < 6'],
    ['audit.evidence.total>=6', 'ru', 'Аудит: баллы с учётом выгрузок 3 < 6'],
    ['audit.evidence.band==\'leader\'', 'en', 'Audit: band checked against the exports "ahead-of-most" ≠ "leader"'],
    ['audit.evidence.lead.concept==\'confirmed\'', 'ru', 'Аудит: проверка ответа lead.concept по выгрузкам «опровергнуто» ≠ «подтверждено»'],
    ['audit.evidence.lead.concept!=\'contradicted\'', 'en', 'Audit: answer lead.concept checked against the exports "contradicted" = "contradicted"'],
    ['audit.sections.lead==2', 'en', 'Audit: section "lead", points 1 ≠ 2'],
    ['compare.conversion.change_pct>=0.2', 'ru', 'До и после: Конверсия: изменение, % +12,0% < +20%'],
    ['compare.conversion.met==true', 'ru', 'До и после: Конверсия: цель достигнута нет ≠ да'],
    // A round threshold keeps its thousands (English wrote «< 20» for 20000: ",000" was cut as decimal zeros).
    ['total.revenue>=20000', 'en', 'Department: Revenue 18,000 < 20,000'],
    ['total.leads>=1000', 'en', 'Department: Leads 22 < 1,000'],
    ['total.leads>=1000', 'ru', 'Отдел: Лиды 22 < 1 000'],
    // A share's change is in percentage points, as the compare table writes it (it read «+20,0% < +30%»).
    ['compare.conversion.change>=0.3', 'ru', 'До и после: Конверсия: изменение +20,0 п.\u00a0п. < +30 п.\u00a0п.'],
    ['compare.conversion.change>=0.3', 'en', 'Before/after: Conversion: change +20.0 pp < +30 pp'],
    ['compare.payback_months<=12', 'en', 'Payback: months to pay back 14.20 > 12'],
    ['compare.payback_months<=12', 'ru', 'Окупаемость: срок, мес. 14,20 > 12'],
    ['delta.total.conversion>=-0.02', 'ru', 'Отдел: Конверсия, изменение с прошлого запуска −3,1 п.\u00a0п. < −2 п.\u00a0п.'],
    ['delta.managers.*.response_min_median<=0', 'en', 'Алексеева Мария: Response (median), change since the last run +8.5 min > 0 min'],
    ['delta.audit.total>=0', 'ru', 'Аудит: баллы, изменение с прошлого запуска −2 < 0'],
  ])('%s (%s)', (expr, lang, line) => {
    expect(lines(expr, lang)).toEqual([line]);
  });

  // A tester: unit economics and the plan read by raw ids, in the wrong units («romi 4,75 < 5», «plan.leads.achieved:  0,78 < 0,80»).
  it.each([
    ['total.cac<=15000', 'ru', 'Отдел: CAC 18 250 > 15 000'],
    ['total.romi>=5', 'ru', 'Отдел: ROMI 475,3% < 500%'],
    ['total.romi>=5', 'en', 'Department: ROMI 475.3% < 500%'],
    ['total.ltv_cac>=6', 'ru', 'Отдел: LTV/CAC 5,75 < 6'],
    ['total.ltv<=100000', 'en', 'Department: LTV 105,000 > 100,000'],
    ['total.cost_per_lead<=9000', 'ru', 'Отдел: Цена лида 9 125 > 9 000'],
    ['total.spend<=70000', 'ru', 'Отдел: Расходы 73 000 > 70 000'],
    ['total.new_won_clients>=10', 'ru', 'Отдел: Новые клиенты 4 < 10'],
    ['total.new_won_clients>=10', 'en', 'Department: New won clients 4 < 10'],
    ['plan.leads.achieved>=0.8', 'ru', 'План / факт: Лиды: % плана 77,8% < 80%'],
    ['plan.leads.achieved>=0.8', 'en', 'Plan vs actual: Leads: % of plan 77.8% < 80%'],
    ['plan.revenue.fact>=500000', 'ru', 'План / факт: Выручка: факт 420 000 < 500 000'],
    ['plan.won.plan>=10', 'en', 'Plan vs actual: Won: plan 6 < 10'],
  ])('unit economics and the plan by the catalogue\'s labels and formats: %s (%s)', (expr, lang, line) => {
    const economics = { total: { spend: 73000, new_won_clients: 4, cac: 18250, cost_per_lead: 9125, romi: 4.7534246575, ltv: 105000, ltv_cac: 5.7534246575 }, plan: { leads: { plan: 9, fact: 7, achieved: 7 / 9 }, won: { plan: 6, fact: 5, achieved: 5 / 6 }, revenue: { plan: 340000, fact: 420000, achieved: 420000 / 340000 } } };
    const r = evaluate(parseAssertion(expr), economics);
    expect(r.failures.map((f) => describeFailure(r, f, lang))).toEqual([line]);
  });

  // A tester: a failed check showed two equal numbers («0,78 < 0,78», «62,5% < 62,5%», «4,75 < 4,75»).
  it.each([
    ['total.conversion>=0.6251', 'ru', { total: { conversion: 0.625 } }, 'Отдел: Конверсия 62,50% < 62,51%'],
    ['total.conversion>=0.6251', 'en', { total: { conversion: 0.625 } }, 'Department: Conversion 62.50% < 62.51%'],
    ['total.romi>=4.7535', 'ru', { total: { romi: 4.7534246575 } }, 'Отдел: ROMI 475,34% < 475,35%'],
    ['total.ltv_cac>=5.7535', 'en', { total: { ltv_cac: 5.7534246575 } }, 'Department: LTV/CAC 5.7534 < 5.7535'],
    ['plan.leads.achieved>=0.778', 'ru', { plan: { leads: { achieved: 7 / 9 } } }, 'План / факт: Лиды: % плана 77,78% < 77,8%'],
    ['total.cac<=18249.5', 'ru', { total: { cac: 18250 } }, 'Отдел: CAC 18 250,0 > 18 249,5'],
    ['total.leads>=4.4', 'ru', { total: { leads: 4 } }, 'Отдел: Лиды 4,0 < 4,4'],
    ['managers.*.response_min_median<=30.02', 'ru', { managers: { 'Алексеева Мария': { response_min_median: 30.04 } } }, 'Алексеева Мария: Реакция (медиана) 30,04 мин > 30,02 мин'],
    ['delta.total.conversion>=-0.0101', 'ru', { delta: { total: { conversion: -0.0102 } } }, 'Отдел: Конверсия, изменение с прошлого запуска −1,02 п.\u00a0п. < −1,01 п.\u00a0п.'],
    ['total.conversion==0.6251', 'en', { total: { conversion: 0.625 } }, 'Department: Conversion 62.50% ≠ 62.51%'],
  ])('values that round alike get the digits that tell them apart: %s (%s)', (expr, lang, t, line) => {
    const r = evaluate(parseAssertion(expr), t);
    expect(r.failures.map((f) => describeFailure(r, f, lang))).toEqual([line]);
  });

  it('equal values (a failed `>` or `!=`) keep the usual digits', () => {
    const t = { total: { conversion: 0.625 } };
    const said = (expr: string) => {
      const r = evaluate(parseAssertion(expr), t);
      return r.failures.map((f) => describeFailure(r, f, 'ru'));
    };
    expect(said('total.conversion>0.625')).toEqual(['Отдел: Конверсия 62,5% ≤ 62,5%']);
    expect(said('total.conversion!=0.625')).toEqual(['Отдел: Конверсия 62,5% = 62,5%']);
  });

  it('a path it has no words for reads without a doubled space', () => {
    const r = evaluate(parseAssertion('other.x>=2'), { other: { x: 1 } });
    expect(r.failures.map((f) => describeFailure(r, f, 'ru'))).toEqual(['other.x: 1 < 2']);
  });

  it('a null payback is said as the project not paying back (or not computed), not as «nothing to compare»; `!=` on a null is «not computed» too', () => {
    const noPayback = { ...tree, compare: { ...tree.compare, payback_months: null } };
    const said = (expr: string, lang: string, t: unknown) => {
      const r = evaluate(parseAssertion(expr), t);
      return r.failures.map((f) => describeFailure(r, f, lang));
    };
    expect(said('compare.payback_months<=12', 'ru', noPayback)).toEqual(['Окупаемость: срок, мес. — нет: проект не окупается или срок не рассчитан (почему — в разделе окупаемости)']);
    expect(said('total.callback_rate!=0.5', 'en', tree)).toEqual(['Department: Callback rate — not computed, nothing to compare']);
  });

  it('names sections and criteria by their titles when the run has the audit', () => {
    const names = auditNames({ sections: [{ id: 'lead', title: 'Понятие лида', score: 1, max: 2, criteria: [{ id: 'lead.concept', title: 'Работа с лидами', answer: 'yes', points: 1, max: 1 }] }] });
    const named = (expr: string, lang: string) => {
      const r = evaluate(parseAssertion(expr), tree);
      return r.failures.map((f) => describeFailure(r, f, lang, names));
    };
    expect(named("audit.evidence.lead.concept=='confirmed'", 'ru')).toEqual(['Аудит: проверка ответа «Работа с лидами» по выгрузкам «опровергнуто» ≠ «подтверждено»']);
    expect(named('audit.sections.lead==2', 'ru')).toEqual(['Аудит: раздел «Понятие лида», баллы 1 ≠ 2']);
    expect(named('audit.sections.lead==2', 'en')).toEqual(['Audit: section "Понятие лида", points 1 ≠ 2']);
  });

  it('counts passed, failed and warnings in Russian and English', () => {
    const results = [evaluate(parseAssertion('total.conversion>=0.2'), tree), evaluate(parseAssertion('total.conversion>=0.3'), tree), evaluate(parseAssertion('warn:total.touches_per_won>=5'), tree)];
    expect(assertionTally(results, 'ru')).toBe('1 из 3 проверок пройдена, 1 не пройдена, 1 предупреждение');
    expect(assertionTally(results, 'en')).toBe('1 of 3 assertions passed, 1 failed, 1 warning');
    expect(assertionTally(results.slice(0, 1), 'ru')).toBe('1 из 1 проверки пройдена');
  });
});

// A tester: `compare.response_min_median.met==true` on an empty row read «цель достигнута нет данных ≠ да», and
// `met!=false` «— не рассчитано, сравнить не с чем»: two wordings, neither saying why the row is empty.
describe('a gate on a value not computed', () => {
  const empty = { compare: { response_min_median: { before: null, after: null, change_pct: null, target: -0.3, met: null, not_applicable: 'needs an activities file (--activities)' } } };
  const say = (expr: string, lang: string) => {
    const r = evaluate(parseAssertion(expr), empty);
    return r.failures.map((f) => describeFailure(r, f, lang));
  };

  it('says it in one wording, whatever the operator, with the row\'s reason', () => {
    const ru = 'До и после: Реакция, мин (медиана): цель достигнута — не рассчитано: нужен файл активностей (--activities)';
    for (const expr of ['compare.response_min_median.met==true', 'compare.response_min_median.met!=false', 'compare.response_min_median.met!=null']) expect(say(expr, 'ru')).toEqual([ru]);
    expect(say('compare.response_min_median.after<=30', 'en')).toEqual(['Before/after: Response, min (median): after — not computed: needs an activities file (--activities)']);
  });

  it('carries the reason on the failure (the JSON has it too)', () => {
    expect(evaluate(parseAssertion('compare.response_min_median.met==true'), empty).failures[0]).toEqual({ subject: 'compare.response_min_median.met', path: ['compare', 'response_min_median', 'met'], value: null, reason: 'needs an activities file (--activities)' });
  });
});
