import { describe, expect, it } from 'vitest';
import { checkEvidence, judge } from '../../../src/core/audit/evidence.js';
import { scoreAudit } from '../../../src/core/audit/score.js';
import { FACT_IDS, withMissedNotRead, type EvidenceFacts, type FactId, type FactNeed } from '../../../src/core/kpi/facts.js';
import { parseQuestionnaire } from '../../../src/core/questionnaire/parse.js';
import type { Question } from '../../../src/core/questionnaire/schema.js';
import { builtIn } from '../../helpers/questionnaire.js';

const now = new Date('2025-02-01T00:00:00Z');

/** Facts with every value given (shares as num / den), the rest null with their needs. */
function facts(values: Partial<Record<FactId, number | [number, number]>>, needs: Partial<Record<FactId, FactNeed>> = {}): EvidenceFacts {
  const out: EvidenceFacts = { values: {} as EvidenceFacts['values'], parts: {}, needs: { ...needs } };
  for (const id of FACT_IDS) {
    const v = values[id];
    if (Array.isArray(v)) {
      out.values[id] = v[0] / v[1];
      out.parts[id] = { num: v[0], den: v[1] };
    } else out.values[id] = v ?? null;
  }
  return out;
}

const q = builtIn();
const question = (id: string): Question => q.sections.flatMap((s) => s.questions).find((x) => x.id === id)!;

describe('verdicts on the built-in checks', () => {
  it('confirms, contradicts and finds inconclusive on journal.interactions', () => {
    const well = facts({ won_deals: 40, won_with_activity_share: [32, 40], touches_per_won: 2 });
    expect(judge(question('journal.interactions'), 'yes', well, 'ru').verdict).toBe('confirmed');
    expect(judge(question('journal.interactions'), 'no', well, 'ru').verdict).toBe('contradicted');
    const badly = facts({ won_deals: 682, won_with_activity_share: [368, 682], touches_per_won: 1 });
    // 368 of 682 is 54%: not below 0.5, not at 0.8: between the thresholds.
    expect(judge(question('journal.interactions'), 'yes', badly, 'ru').verdict).toBe('inconclusive');
    const worse = facts({ won_deals: 682, won_with_activity_share: [314, 682], touches_per_won: 1 });
    const r = judge(question('journal.interactions'), 'yes', worse, 'ru');
    expect(r.verdict).toBe('contradicted');
    expect(r.text).toBe('Вы ответили «да», но у 54,0% выигранных сделок (368 из 682) нет ни одного контакта в CRM.');
    expect(r.facts).toEqual([{ id: 'won_with_activity_share', value: 314 / 682, op: '<', threshold: 0.5 }]);
    expect(judge(question('journal.interactions'), 'no', worse, 'en').text).toBe('You said "no", and the exports confirm it: 54.0% of won deals (368 of 682) have no logged contact.');
  });

  it('holds thresholds at their edges: >= includes, < excludes', () => {
    const at = facts({ won_deals: 20, won_with_activity_share: [16, 20], touches_per_won: 2 });
    expect(judge(question('journal.interactions'), 'yes', at, 'ru').verdict).toBe('confirmed');
    const under = facts({ won_deals: 20, won_with_activity_share: [16, 20], touches_per_won: 1.999999 });
    expect(judge(question('journal.interactions'), 'yes', under, 'ru').verdict).toBe('inconclusive');
    const half = facts({ won_deals: 20, won_with_activity_share: [10, 20], touches_per_won: 1 });
    expect(judge(question('journal.interactions'), 'yes', half, 'ru').verdict).toBe('inconclusive');
    const belowHalf = facts({ won_deals: 20, won_with_activity_share: [9, 20], touches_per_won: 1 });
    expect(judge(question('journal.interactions'), 'yes', belowHalf, 'ru').verdict).toBe('contradicted');
    // lead.concept: win_rate 0.85 is "yes" territory, anything above is "no".
    const lead = (won: number) => facts({ closed_deals: 100, win_rate: [won, 100], lost_with_reason_share: [8, 100 - won] });
    expect(judge(question('lead.concept'), 'yes', lead(85), 'ru').verdict).toBe('confirmed');
    expect(judge(question('lead.concept'), 'yes', lead(86), 'ru').verdict).toBe('contradicted');
  });

  it('reads the minimum sample: below it inconclusive, at it decided', () => {
    const f = (won: number) => facts({ won_deals: won, won_with_payment_share: [0, won] });
    expect(judge(question('erp.payments'), 'yes', f(19), 'ru')).toMatchObject({ verdict: 'inconclusive', text: 'Данных для вывода мало: 19 выигранных сделок, нужно не меньше 20.', facts: [{ id: 'won_deals', value: 19, op: '>=', threshold: 20 }] });
    expect(judge(question('erp.payments'), 'yes', f(20), 'ru').verdict).toBe('contradicted');
    expect(judge(question('erp.payments'), 'yes', f(21), 'en').verdict).toBe('contradicted');
  });

  it('says which input is missing (no-data) and when nothing can be checked (not-checkable)', () => {
    const none = facts({ won_deals: 50 }, { won_with_payment_share: 'payments' });
    const r = judge(question('erp.payments'), 'yes', none, 'ru');
    expect(r.verdict).toBe('no-data');
    expect(r.text).toBe('Проверить нельзя: нужна выгрузка оплат (--payments).');
    expect(judge(question('reporting.staff'), 'yes', none, 'en')).toMatchObject({ verdict: 'not-checkable', facts: [], text: 'The exports say nothing about this.' });
    expect(judge(question('erp.payments'), 'skip', none, 'ru').verdict).toBe('not-checkable');
  });

  // spec/evidence.md: lead.concept's "no" is win_rate > 0.85 OR lost_with_reason_share < 0.5, so a win
  // rate above 0.85 settles it without a loss-reason column; at or below 0.85 only the reasons can.
  it('lead.concept without a loss-reason column: a win rate above 0.85 decides, else no-data naming the column and what the win rate showed', () => {
    const lead = (won: number, closed = 100) => facts({ closed_deals: closed, win_rate: [won, closed] }, { lost_with_reason_share: 'deals.loss_reason' });
    const high = judge(question('lead.concept'), 'yes', lead(90), 'ru');
    // A tester: «выиграно 88,1% закрытых сделок» alone did not say why it contradicts the "yes"; the sentence says why (spec/evidence.md).
    expect(high).toMatchObject({ verdict: 'contradicted', text: 'Вы ответили «да», но выиграно 90,0% закрытых сделок (90 из 100), то есть почти ни одна сделка не проигрывается: так бывает, когда обращение заносят в CRM, только когда в сделке уже уверены, а остальные обращения в CRM не попадают и лидами не учитываются.', facts: [{ id: 'win_rate', value: 0.9, op: '>', threshold: 0.85 }] });
    expect(judge(question('lead.concept'), 'yes', lead(90), 'en').text).toBe('You said "yes", but 90.0% of closed deals are won (90 of 100), so almost no deal is lost: that happens when a request is entered in the CRM only once the sale is nearly certain, and the other requests never reach it as leads.');
    expect(judge(question('lead.concept'), 'no', lead(90), 'en')).toMatchObject({ verdict: 'confirmed', text: 'You said "no", and the exports confirm it: 90.0% of closed deals are won (90 of 100), so almost no deal is lost: that happens when a request is entered in the CRM only once the sale is nearly certain, and the other requests never reach it as leads.' });
    // The minimum sample still holds: 29 closed deals say nothing either way.
    expect(judge(question('lead.concept'), 'yes', lead(29, 29), 'ru')).toMatchObject({ verdict: 'inconclusive', text: 'Данных для вывода мало: 29 закрытых сделок, нужно не меньше 30.' });
    const low = judge(question('lead.concept'), 'yes', lead(62), 'ru');
    expect(low.verdict).toBe('no-data');
    expect(low.facts).toEqual([{ id: 'lost_with_reason_share', value: null, op: '>=', threshold: 0.5 }, { id: 'lost_with_reason_share', value: null, op: '<', threshold: 0.5 }]);
    expect(low.text).toBe('Выиграно 62,0% закрытых сделок (62 из 100), а одного этого для вывода мало: нужна колонка причины отказа в выгрузке сделок (если она есть под другим заголовком, укажите его в файле --map: deals.columns.loss_reason).');
    expect(judge(question('lead.concept'), 'no', lead(85), 'en').text).toBe('85.0% of closed deals are won (85 of 100), which alone does not settle it: it needs a loss-reason column in the deals export (if it is there under another header, name it in a --map file: deals.columns.loss_reason).');
  });

  it('telephony: no calls at all says "no" even below the sample; calls per won deal scale the threshold', () => {
    const noCalls = facts({ won_deals: 30, calls: 0 });
    expect(judge(question('telephony.integrated'), 'yes', noCalls, 'ru')).toMatchObject({ verdict: 'contradicted', text: 'Вы ответили «да», но в выгрузке активностей нет ни одного звонка.' });
    const some = (calls: number) => facts({ won_deals: 60, calls, calls_linked_share: [calls, calls] });
    expect(judge(question('telephony.integrated'), 'yes', some(60), 'ru').verdict).toBe('confirmed');
    expect(judge(question('telephony.integrated'), 'yes', some(59), 'ru').verdict).toBe('inconclusive');
    expect(judge(question('telephony.integrated'), 'yes', some(60), 'ru').facts[0]).toEqual({ id: 'calls', value: 60, op: '>=', threshold: 60 });
  });

  // Tester T76 (F1): a Sipuni log's 40 missed calls nobody took were left out, and 80 of 80 calls linked confirmed the «yes».
  it('telephony: missed calls no employee took are calls, their links unknown: a check holds only whatever they are', () => {
    const read = () => facts({ won_deals: 30, calls: 80, calls_linked_share: [80, 80] });
    expect(judge(question('telephony.integrated'), 'yes', read(), 'ru').verdict).toBe('confirmed');
    const whole = read();
    withMissedNotRead(whole, 40, true);
    expect([whole.values.calls, whole.parts.calls_linked_share, whole.bounds]).toEqual([120, { num: 80, den: 120 }, { calls_linked_share: { low: 80 / 120, high: 1 } }]);
    const r = judge(question('telephony.integrated'), 'yes', whole, 'ru');
    expect(r.verdict).toBe('inconclusive');
    expect(r.text).toBe('Выгрузки не дают однозначного ответа: 120 звонков на 30 выигранных сделок (из них 40 пропущенных входящих без сотрудника); 66,7% звонков (80 из 120) привязаны к сделке; до 100,0%, если пропущенные без сотрудника — звонки клиентов сделок.');
    expect(judge(question('telephony.integrated'), 'yes', whole, 'en').text).toBe("The exports do not settle it: 120 calls for 30 won deals (40 missed incoming calls no employee took among them); 66.7% of calls (80 of 120) are linked to a deal; up to 100.0% if the missed calls no employee took are the deals' clients'.");
    // 20 linked of 50 read and 60 more: 18.2% at least, 72.7% at most: neither «no» (below 40%) nor «yes» holds whatever they are.
    const few = facts({ won_deals: 30, calls: 50, calls_linked_share: [20, 50] });
    withMissedNotRead(few, 60, true);
    expect(few.values.calls_linked_share).toBeCloseTo(20 / 110, 12);
    expect(judge(question('telephony.integrated'), 'yes', few, 'ru').verdict).toBe('inconclusive');
    // 10 linked of 100 read and 5 more: below 40% whatever they are.
    const bad = facts({ won_deals: 30, calls: 100, calls_linked_share: [10, 100] });
    withMissedNotRead(bad, 5, true);
    expect(judge(question('telephony.integrated'), 'yes', bad, 'ru').verdict).toBe('contradicted');
    // Under --from/--to the period's calls stay as read; the file's missed calls widen the share both ways.
    const period = read();
    withMissedNotRead(period, 40, false);
    expect([period.values.calls, period.bounds]).toEqual([80, { calls: { low: 80, high: 120 }, calls_linked_share: { low: 80 / 120, high: 1 } }]);
    expect(judge(question('telephony.integrated'), 'yes', period, 'ru')).toMatchObject({ verdict: 'inconclusive', text: 'Выгрузки не дают однозначного ответа: 80 звонков на 30 выигранных сделок (и ещё до 40 пропущенных входящих без сотрудника: сколько из них в периоде, не видно); 100,0% звонков (80 из 80) привязаны к сделке; с 40 пропущенных входящих без сотрудника из файла — от 66,7% до 100,0%.' });
  });

  // A tester: «7 звонков на 1 выигранную сделку, нужно не меньше 50» read as 50 calls a won deal; the minimum is 50 calls in all.
  it('telephony: too few calls names the minimum in calls, not per won deal', () => {
    const few = facts({ won_deals: 1, calls: 7, calls_linked_share: [7, 7] });
    expect(judge(question('telephony.integrated'), 'yes', few, 'ru')).toMatchObject({ verdict: 'inconclusive', text: 'Данных для вывода мало: 7 звонков, нужно не меньше 50.' });
    expect(judge(question('telephony.integrated'), 'yes', few, 'en').text).toBe('Too little data to tell: 7 calls, at least 50 needed.');
  });

  // A --from/--to period counts the calls of the period; the file may hold calls outside it.
  it('telephony: "no calls at all" is said of the activities file, not of a period that has none', () => {
    const outside = facts({ won_deals: 20, calls: 0 });
    outside.fileCalls = 60;
    expect(judge(question('telephony.integrated'), 'yes', outside, 'en')).toMatchObject({ verdict: 'inconclusive', text: 'Too little data to tell: no call in the selected period (the activities export holds 60, all outside it), at least 50 calls needed.' });
    expect(judge(question('telephony.integrated'), 'yes', outside, 'ru').text).toBe('Данных для вывода мало: в выбранном периоде нет ни одного звонка (в выгрузке активностей их 60, все вне периода), нужно не меньше 50 звонков.');
    const none = facts({ won_deals: 20, calls: 0 });
    none.fileCalls = 0;
    expect(judge(question('telephony.integrated'), 'yes', none, 'en')).toMatchObject({ verdict: 'contradicted', text: 'You said "yes", but the activities export holds no call at all.' });
  });

  // A tester: 12 closed deals and no loss-reason column read «нужна колонка причины отказа», yet with
  // that column 12 deals would still be too few: the text names the sample it lacks too.
  it('no-data names the minimum sample too when the data falls short of it', () => {
    const few = facts({ closed_deals: 12, win_rate: [6, 12] }, { lost_with_reason_share: 'deals.loss_reason' });
    const ru = judge(question('lead.concept'), 'yes', few, 'ru');
    expect(ru.verdict).toBe('no-data');
    expect(ru.text).toContain('нужна колонка причины отказа в выгрузке сделок');
    expect(ru.text).toMatch(/, и не меньше 30 закрытых сделок \(в выгрузке их 12\)\.$/);
    expect(ru.facts).toContainEqual({ id: 'closed_deals', value: 12, op: '>=', threshold: 30 });
    expect(judge(question('lead.concept'), 'yes', few, 'en').text).toMatch(/, and at least 30 closed deals \(the exports have 12\)\.$/);
    // At the minimum, only the column is named.
    const enough = facts({ closed_deals: 30, win_rate: [15, 30] }, { lost_with_reason_share: 'deals.loss_reason' });
    expect(judge(question('lead.concept'), 'yes', enough, 'ru').text).not.toContain('не меньше');
  });

  // evidence.md: every answer the data can speak to gets a verdict. A «не знаю» scores nothing and is
  // not checked, but the consultant is told what the data says, to ask the client about it.
  it('a skipped answer says what the data suggests, without a verdict on it', () => {
    const paid = facts({ won_deals: 40, won_with_payment_share: [36, 40] });
    const yes = judge(question('erp.payments'), 'skip', paid, 'ru');
    expect(yes.verdict).toBe('not-checkable');
    expect(yes.text).toMatch(/^Ответа нет, а выгрузки говорят, что вы это делаете: .*36 из 40/);
    expect(yes.facts).toEqual([{ id: 'won_with_payment_share', value: 0.9, op: '>=', threshold: 0.7 }]);
    // The answer it suggests is kept for the reports (test/render/audit/labels.test.ts).
    expect(yes.suggests).toBe('yes');
    const unpaid = facts({ won_deals: 40, won_with_payment_share: [4, 40] });
    const no = judge(question('erp.payments'), 'skip', unpaid, 'en');
    expect(no.text).toMatch(/^No answer was given; the data suggests you do not: .*36 of 40/);
    expect(no.suggests).toBe('no');

    // Between the thresholds, or below the sample, nothing is suggested; what the data showed is said,
    // as for a "yes" or a "no" (it read «По выгрузкам проверяются только ответы «да» и «нет»» beside
    // skipped rows the data had spoken to: a tester).
    const between = facts({ won_deals: 40, won_with_payment_share: [20, 40] });
    expect(judge(question('erp.payments'), 'skip', between, 'ru')).toMatchObject({
      verdict: 'not-checkable',
      facts: [{ id: 'won_with_payment_share', value: 0.5, op: '>=', threshold: 0.7 }, { id: 'won_with_payment_share', value: 0.5, op: '<', threshold: 0.3 }],
      text: 'Ответа нет. Выгрузки не дают однозначного ответа: по 50,0% выигранных сделок (20 из 40) есть оплата.',
    });
    expect(judge(question('erp.payments'), 'skip', between, 'ru').suggests).toBeUndefined();
    const few = judge(question('erp.payments'), 'skip', facts({ won_deals: 5, won_with_payment_share: [5, 5] }), 'en');
    expect(few).toMatchObject({ facts: [{ id: 'won_deals', value: 5, op: '>=', threshold: 20 }], text: 'No answer was given. Too little data to tell: 5 won deals, at least 20 needed.' });
    // No payments file: which file would let the data say something.
    const none = judge(question('erp.payments'), 'skip', facts({ won_deals: 40 }, { won_with_payment_share: 'payments' }), 'ru');
    expect(none.text).toBe('Ответа нет. Проверить нельзя: нужна выгрузка оплат (--payments).');
    expect(none.text).not.toContain('только ответы');
  });

  // Without a status or stage column every deal reads as open: won and closed deals are unknown, not 0.
  it('names the status or stage column when won or closed deals cannot be counted', () => {
    const unknown = facts({ calls: 60, calls_linked_share: [60, 60] }, { closed_deals: 'deals.status', won_deals: 'deals.status', win_rate: 'deals.status', lost_with_reason_share: 'deals.loss_reason', won_with_payment_share: 'deals.status' });
    expect(judge(question('erp.payments'), 'yes', unknown, 'en')).toMatchObject({ verdict: 'no-data', text: 'Cannot be checked: it needs a status or stage column in the deals export (if it is there under another header, name it in a --map file: deals.columns.status).' });
    expect(judge(question('lead.concept'), 'no', unknown, 'ru').text).toBe('Проверить нельзя: нужны колонка статуса или этапа в выгрузке сделок и колонка причины отказа в выгрузке сделок (если они есть под другими заголовками, укажите их в файле --map: deals.columns.status, deals.columns.loss_reason).');
    // 60 calls, all linked: the "1 call per won deal" check has no won deals to scale by, so it is no-data, not 60 >= 0.
    const t = judge(question('telephony.integrated'), 'yes', unknown, 'en');
    expect(t.verdict).toBe('no-data');
    expect(t.text).toBe('60 calls; 100.0% of calls (60 of 60) are linked to a deal, which alone does not settle it: it needs a status or stage column in the deals export (if it is there under another header, name it in a --map file: deals.columns.status).');
  });

  it('erp.catalog leaves the product check out when there is no product column', () => {
    const f = facts({ won_deals: 40, won_amount_share: [38, 40] }, { product_share: 'deals.product' });
    expect(judge(question('erp.catalog'), 'yes', f, 'ru').verdict).toBe('confirmed');
  });
});

describe('the evidence-checked total', () => {
  it('removes the points of contradicted yes answers only, and bands the rest', () => {
    const answers = new Map(Object.entries({ 'lead.concept': 'yes', 'journal.interactions': 'yes', 'reporting.management': 'yes', 'reporting.staff': 'yes', 'erp.catalog': 'no', 'erp.payments': 'yes', 'telephony.integrated': 'no' }));
    const result = scoreAudit(q, answers, { lang: 'ru', now });
    expect(result.total).toBe(7);
    const f = facts({ closed_deals: 100, won_deals: 40, win_rate: [40, 100], lost_with_reason_share: [10, 60], won_with_activity_share: [4, 40], touches_per_won: 0.2, won_amount_share: [40, 40], won_with_payment_share: [39, 40], calls: 400, calls_linked_share: [400, 400] }, { product_share: 'deals.product' });
    const e = checkEvidence(q, result, f, 'ru');
    expect(Object.fromEntries(e.checks.map((c) => [c.criterion, c.verdict]))).toEqual({
      'lead.concept': 'contradicted',
      'journal.interactions': 'contradicted',
      'reporting.management': 'not-checkable',
      'reporting.staff': 'not-checkable',
      'erp.catalog': 'contradicted',
      'erp.payments': 'confirmed',
      'telephony.integrated': 'contradicted',
    });
    // lead.concept (2) and journal.interactions (1) are contradicted yes answers; contradicted "no"s add nothing.
    expect(e.total).toBe(4);
    expect(e.band.id).toBe('ahead-of-most');
    expect(e.checks.find((c) => c.criterion === 'erp.catalog')!.text).toBe('Вы ответили «нет», но выгрузки говорят, что вы это делаете: у 100,0% выигранных сделок (40 из 40) сумма больше нуля.');
    expect(Object.keys(e)).toEqual(['facts', 'checks', 'total', 'band', 'recommendations']);
  });

  it('tells a contradicted "yes" the side that falls short, even when it is not the larger one', () => {
    const answers = new Map(Object.entries({ 'lead.concept': 'yes', 'journal.interactions': 'yes', 'reporting.management': 'yes', 'reporting.staff': 'yes', 'erp.catalog': 'yes', 'erp.payments': 'yes', 'telephony.integrated': 'yes' }));
    const result = scoreAudit(q, answers, { lang: 'ru', now });
    const f = facts({ closed_deals: 40, won_deals: 30, win_rate: [30, 40], won_amount_share: [15, 30] }, { product_share: 'deals.product' });
    const check = checkEvidence(q, result, f, 'ru').checks.find((c) => c.criterion === 'erp.catalog')!;
    expect(check.verdict).toBe('contradicted');
    // 15 of 30 have an amount: said as the 50% that have none, not as «у 50% … сумма больше нуля».
    expect(check.text).toBe('Вы ответили «да», но у 50,0% выигранных сделок (15 из 30) сумма не указана или равна нулю.');
    expect(checkEvidence(q, result, f, 'en').checks.find((c) => c.criterion === 'erp.catalog')!.text).toBe('You said "yes", but 50.0% of won deals (15 of 30) have no amount or a zero one.');
  });

  it('recommends what a contradicted "yes" leaves undone, with its hours and money, and nothing for a contradicted "no"', () => {
    const answers = new Map(Object.entries({ 'lead.concept': 'yes', 'journal.interactions': 'yes', 'reporting.management': 'yes', 'reporting.staff': 'yes', 'erp.catalog': 'yes', 'erp.payments': 'yes', 'telephony.integrated': 'yes' }));
    const result = scoreAudit(q, answers, { lang: 'ru', now, managers: 4, hourlyCost: 1000 });
    expect(result.recommendations).toEqual([]);
    const f = facts({ closed_deals: 100, won_deals: 40, win_rate: [40, 100], lost_with_reason_share: [50, 60], won_with_activity_share: [4, 40], touches_per_won: 0.2, won_amount_share: [40, 40], won_with_payment_share: [39, 40], calls: 400, calls_linked_share: [40, 400] }, { product_share: 'deals.product' });
    const e = checkEvidence(q, result, f, 'ru', { managers: 4, hourlyCost: 1000 });
    expect(e.recommendations.map((r) => [r.criterion, r.missingPoints])).toEqual([['journal.interactions', 1], ['telephony.integrated', 2]]);
    expect(e.recommendations[1]!.text).toMatch(/^Подключите телефонию и почту к CRM/);
    // 1 h a day × 4 managers × 21 days × 1 000 ₽.
    expect(e.recommendations[1]!.cost).toMatchObject({ managers: 4, hoursPerMonth: 84, costPerMonth: 84_000 });
  });
});

describe('a custom questionnaire with its own checks', () => {
  const custom = parseQuestionnaire(
    {
      id: 'sources',
      version: 1,
      languages: ['en'],
      title: { en: 'Sources' },
      sections: [
        {
          id: 'marketing',
          title: { en: 'Marketing' },
          questions: [
            {
              id: 'marketing.sources',
              points: 3,
              text: { en: 'Is the source of every deal recorded?' },
              recommendation: { en: 'Record sources.' },
              evidence: { sample: { fact: 'won_deals', min: 5 }, checks: [{ supports: 'yes', fact: 'source_share', op: '>=', threshold: 0.9 }, { supports: 'no', fact: 'source_share', op: '<=', threshold: 0.2 }] },
            },
          ],
        },
      ],
      bands: [
        { id: 'low', from: 0, to: 1, title: { en: 'Low' }, meaning: { en: 'low' } },
        { id: 'high', from: 2, to: 3, title: { en: 'High' }, meaning: { en: 'high' } },
      ],
    },
    'sources.yaml',
  );
  it('checks the answers by its own rules', () => {
    const result = scoreAudit(custom, new Map([['marketing.sources', 'yes']]), { lang: 'en', now });
    const e = (share: [number, number]) => checkEvidence(custom, result, facts({ won_deals: 5, source_share: share }), 'en');
    expect(e([9, 10])).toMatchObject({ total: 3, band: { id: 'high' }, checks: [{ verdict: 'confirmed', text: 'You said "yes", and the exports confirm it: 90.0% of deals (9 of 10) have a source.' }] });
    expect(e([2, 10])).toMatchObject({ total: 0, band: { id: 'low' }, checks: [{ verdict: 'contradicted', text: 'You said "yes", but 80.0% of deals (8 of 10) have no source.' }] });
    expect(e([5, 10]).checks[0]!.verdict).toBe('inconclusive');
  });

  it('rejects an unknown fact and a bad comparison with the path in the file', () => {
    const bad = (check: Record<string, unknown>) => () =>
      parseQuestionnaire({ ...structuredClone(custom), sections: [{ ...custom.sections[0]!, questions: [{ ...custom.sections[0]!.questions[0]!, evidence: { checks: [check] } }] }] }, 'bad.yaml');
    expect(bad({ supports: 'yes', fact: 'happiness', op: '>=', threshold: 1 })).toThrow(/unknown evidence fact "happiness"/);
    // Misspelt, it is said with its fix (tester T56).
    expect(bad({ supports: 'yes', fact: 'win_rat', op: '>=', threshold: 1 })).toThrow(/unknown evidence fact "win_rat"; did you mean "win_rate"\?/);
    try {
      bad({ supports: 'yes', fact: 'win_rate', op: '=>', threshold: 1 })();
      throw new Error('accepted');
    } catch (error) {
      expect((error as { where: { file: string; path: string } }).where).toEqual({ file: 'bad.yaml', path: 'sections[0].questions[0].evidence.checks[0].op' });
    }
    try {
      bad({ supports: 'yes', fact: 'happiness', op: '>=', threshold: 1 })();
      throw new Error('accepted');
    } catch (error) {
      expect((error as { where: { file: string; path: string } }).where).toEqual({ file: 'bad.yaml', path: 'sections[0].questions[0].evidence.checks[0].fact' });
    }
  });
});
