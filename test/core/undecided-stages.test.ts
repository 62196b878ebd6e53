import { describe, expect, it } from 'vitest';
import { closedShown, guessStage, plannedAhead, stagesToName, undecidedStages, type UnknownStage } from '../../src/core/undecided-stages.js';

const stage = (s: Partial<UnknownStage>): UnknownStage => ({ deals: 2, closedFlag: 0, closeDate: 0, closePast: 0, amount: 0, certain: 0, zero: 0, ...s });

describe('guessStage: what a --map snippet proposes for a stage no rule knows', () => {
  it('goes by a name that says lost or won before the deals (Bitrix24 keeps a lost deal\'s amount)', () => {
    const closedWithAmounts = stage({ closedFlag: 2, amount: 2 });
    expect(guessStage(closedWithAmounts, 'Тендер проигран')).toBe('lost');
    expect(guessStage(closedWithAmounts, 'Отказ клиента')).toBe('lost');
    expect(guessStage(closedWithAmounts, 'Клиент отказался')).toBe('lost');
    expect(guessStage(stage({ closedFlag: 2 }), 'Контракт подписан')).toBe('won');
    expect(guessStage(closedWithAmounts, 'Выдано')).toBe('won');
    // A leads export's status the portal added (a tester: guessed open, its deals showing nothing, as a lead's never do).
    expect(guessStage(stage({ blind: true, leads: true }), 'Сконвертирован в сделку')).toBe('won');
    expect(guessStage(stage({ blind: true, leads: true }), 'Converted to deal')).toBe('won');
    expect(guessStage(stage({ blind: true, leads: true }), 'Дубль')).toBe('lost');
    expect(guessStage(stage({ blind: true, leads: true }), 'Перезвонить')).toBe('open');
    expect(guessStage(stage({ closedFlag: 2 }), 'Выдано')).toBe('lost');
    // A stem inside a word, or after a negation, says nothing: the deals decide.
    expect(guessStage(stage({ closedFlag: 2 }), 'Assigned')).toBe('lost');
    expect(guessStage(stage({ closedFlag: 2 }), 'Invoice unpaid')).toBe('lost');
    expect(guessStage(closedWithAmounts, 'Договор не подписан')).toBe('won');
    expect(guessStage(stage({ closedFlag: 2 }), 'Не успели')).toBe('lost');
    expect(guessStage(closedWithAmounts, 'Неуспешно')).toBe('lost');
    expect(guessStage(closedWithAmounts, 'Not yet won')).toBe('won');
    expect(guessStage(stage({ closedFlag: 2 }), 'Не был выигран')).toBe('lost');
  });

  // Tester T35 F1: a negation in the reason after the outcome turned the outcome off, so Salesforce's
  // «Closed Lost - No Budget» was guessed open (and read open beside a probability column).
  it('a negation in the reason after the outcome is the reason\'s', () => {
    for (const name of ['Closed Lost - No Budget', 'Closed Lost - No Decision', 'Closed Lost - Not Interested', 'Closed Lost - Not a Fit', 'Отказ - нет бюджета', 'Отказ: не дозвонились']) {
      expect(guessStage(stage({ closedFlag: 2, amount: 2 }), name)).toBe('lost');
    }
    expect(guessStage(stage({ closedFlag: 2 }), 'Closed Won - No Discount')).toBe('won');
  });
});

// A tester (T31 F3): Bitrix24 closed stages «Дорого» and «Выбрали конкурента» were guessed won by their amounts, beside
// the pipeline's one success stage «Сделка успешна» in the same file; the snippet pasted gave revenue 15 000 for 1 000.
describe('a CRM with one won stage a pipeline (oneWonStage): a closed stage beside a pipeline\'s shown won stage', () => {
  const closedWithAmounts = (pipelines: string[]) => stage({ closedFlag: 2, amount: 2, pipelines });

  it('is guessed lost where every pipeline of its deals shows its won stage, whatever its name says', () => {
    const found = new Map(undecidedStages({ unknownStage: 'ask', wonPipelines: ['Общая', 'Опт'], stages: { Дорого: closedWithAmounts(['Общая']), Оплачено: closedWithAmounts(['Общая', 'Опт']) } }));
    const [dear, paid] = [found.get('Дорого')!, found.get('Оплачено')!];
    expect([dear.wonShown, paid.wonShown]).toEqual([true, true]);
    expect(guessStage(dear, 'Дорого')).toBe('lost');
    expect(guessStage(paid, 'Оплачено')).toBe('lost');
  });

  it('keeps the other guesses where one of its pipelines shows no won stage (a renamed success stage may be it)', () => {
    const paid = undecidedStages({ unknownStage: 'ask', wonPipelines: ['Общая'], stages: { Оплачено: closedWithAmounts(['Общая', 'Опт']) } })[0]![1];
    expect(paid.wonShown).toBeUndefined();
    expect(guessStage(paid, 'Оплачено')).toBe('won');
    const none = undecidedStages({ unknownStage: 'ask', stages: { Оплачено: closedWithAmounts(['Общая']) } })[0]![1];
    expect(guessStage(none, 'Оплачено')).toBe('won');
    // A deal with a blank pipeline cell may be any pipeline's (review R39): its stage is not weighed by pipelines.
    const blank = undecidedStages({ unknownStage: 'ask', wonPipelines: ['', 'Общая'], stages: { Оплачено: closedWithAmounts(['Общая', '']) } })[0]![1];
    expect(blank.wonShown).toBeUndefined();
  });
});

describe('closedShown', () => {
  it('takes a close date after the report date for an expected close, not a closed deal', () => {
    const planned = stage({ closeDate: 2, closePast: 0, amount: 2 });
    expect(closedShown(planned)).toBe(0);
    expect(undecidedStages({ unknownStage: 'ask', stages: { 'Переговоры/Анализ': planned } })).toEqual([]);
    expect(undecidedStages({ unknownStage: 'ask', stages: { Оплачено: stage({ closeDate: 2, closePast: 2 }) } }).map(([n]) => n)).toEqual(['Оплачено']);
  });
});

// A stage mostly at 0% is counted open and said to look lost; map offers it too. Its guess is lost only
// by its name: a real Salesforce report's «Draft Phase» held 264 open deals at 0%.
describe('a stage mostly at a probability of 0%', () => {
  it('is offered by map, with lost as the guess only when its name says so', () => {
    const zero = stage({ deals: 3, zero: 3, amount: 3 });
    expect(guessStage(zero, 'Lost to Competitor')).toBe('lost');
    expect(guessStage(zero, 'Draft Phase')).toBe('open');
    const report = { unknownStage: 'ask' as const, stages: { 'Draft Phase': zero, 'Contract Signed': stage({ deals: 2, certain: 2 }), Discovery: stage({ deals: 5, zero: 1 }) } };
    expect(stagesToName(report).map(([name]) => name)).toEqual(['Draft Phase', 'Contract Signed']);
    // Where unknown stages are open, the closed ones (by a probability of 100% here) and those at 0% alike.
    expect(stagesToName({ ...report, unknownStage: 'open' }).map(([name]) => name)).toEqual(['Draft Phase', 'Contract Signed']);
  });
});

// A probability column outweighs a past close date (Zoho's «Дата закрытия» is the expected close): a
// stage at 10-90% is open, at 100% won, closed at 0% lost (a tester's «Квалификация» at 10% with a
// past date was guessed won, and conversion read 76% instead of 24%).
describe('a stage whose deals are at a probability below 100%', () => {
  it('is guessed open whatever its dates and amounts say; one closed at 0% is guessed lost', () => {
    expect(guessStage(stage({ deals: 4, closePast: 2, amount: 4, planned: 2 }), 'Квалификация')).toBe('open');
    expect(guessStage(stage({ deals: 4, closePast: 4, amount: 4, closedZero: 3 }), 'Этап X')).toBe('lost');
    expect(guessStage(stage({ deals: 4, closePast: 4, amount: 4 }), 'Этап X')).toBe('won');
    // The name still comes first.
    expect(guessStage(stage({ deals: 4, closePast: 2, amount: 4, planned: 2 }), 'Контракт подписан')).toBe('won');
  });

  it('its planned dates are no close: not undecided, so map does not ask', () => {
    const open = stage({ deals: 8, closeDate: 8, closePast: 0, amount: 8, planned: 8 });
    expect(undecidedStages({ unknownStage: 'ask', stages: { Квалификация: open } })).toEqual([]);
    expect(stagesToName({ unknownStage: 'ask', stages: { Квалификация: open } })).toEqual([]);
  });
});

// A tester (T27 F4): Zoho's Closing Date is required on every deal, an open deal's expected close (often
// past): its open stages «Квалификация», «Initial Offer» were proposed as won, open pipeline as revenue.
describe('close dates that may be expected closes: the stage is left open, for the person to say', () => {
  const zoho = (stages: Record<string, UnknownStage>) => ({ unknownStage: 'ask' as const, closeDateRequired: true, stages });

  it('a CRM that requires a close date on every deal, and the file has one on nine in ten of its unknown stages\' deals', () => {
    const offer = stage({ deals: 283, closeDate: 283, closePast: 283, amount: 283 });
    const prospect = stage({ deals: 245, closeDate: 245, closePast: 245, amount: 245 });
    const undecided = undecidedStages(zoho({ 'Initial Offer': offer, Prospect: prospect }));
    expect(undecided.map(([n, s]) => [n, s.plannedClose, guessStage(s, n)])).toEqual([['Initial Offer', true, 'open'], ['Prospect', true, 'open']]);
    // Without the profile's word, past dates on every deal are closes: won by their amounts, as before.
    expect(undecidedStages({ unknownStage: 'ask', stages: { Prospect: prospect } }).map(([n, s]) => guessStage(s, n))).toEqual(['won']);
  });

  it('where many deals have no close date, the org fills it on closing: a close (a real school\'s export, 790 of 5 900)', () => {
    const paid = stage({ deals: 857, closeDate: 520, closePast: 520, amount: 840 });
    const delayed = stage({ deals: 2248, closeDate: 228, closePast: 228, amount: 351 });
    const undecided = undecidedStages(zoho({ 'Payment Done': paid, 'Call Delayed': delayed }));
    expect(undecided.map(([n, s]) => [n, s.plannedClose, guessStage(s, n)])).toEqual([['Payment Done', undefined, 'won']]);
  });

  // One typo'd date (01.02.2052) among nine closes of February flipped «Оплата» from won to open (reviewer r38 item 7).
  it('one close date ahead is not a share: a third of the dated deals, and two at least, are', () => {
    const typo = stage({ deals: 10, closeDate: 10, closePast: 9, amount: 10 });
    expect(undecidedStages({ unknownStage: 'ask', stages: { Оплата: typo } }).map(([n, s]) => [s.plannedClose, guessStage(s, n)])).toEqual([[undefined, 'won']]);
    // 2 of 7 ahead: 2 × 3 = 6 < 7, not a third.
    expect(plannedAhead({ closeDate: 7, closePast: 5 })).toBe(false);
    // 2 of 6: a third.
    expect(plannedAhead({ closeDate: 6, closePast: 4 })).toBe(true);
    // 1 of 2 is half, but one deal only.
    expect(plannedAhead({ closeDate: 2, closePast: 1 })).toBe(false);
    // Zoho's required close date still marks the stage whatever lies ahead.
    const none = stage({ deals: 10, closeDate: 10, closePast: 10, amount: 10 });
    expect(undecidedStages({ unknownStage: 'ask', closeDateRequired: true, stages: { Оплата: none } }).map(([n, s]) => [s.plannedClose, guessStage(s, n)])).toEqual([[true, 'open']]);
  });

  it('in any CRM, a stage a third of whose close dates lie after the report date; a closed flag or a probability of 100% still decides', () => {
    const ahead = stage({ deals: 4, closeDate: 4, closePast: 2, amount: 4 });
    expect(undecidedStages({ unknownStage: 'ask', stages: { Демо: ahead } }).map(([n, s]) => [s.plannedClose, guessStage(s, n)])).toEqual([[true, 'open']]);
    expect(guessStage({ ...ahead, closedFlag: 4, plannedClose: true }, 'Демо')).toBe('won');
    expect(guessStage({ ...ahead, certain: 4, plannedClose: true }, 'Демо')).toBe('won');
    // A name that says it still goes first.
    expect(guessStage({ ...ahead, plannedClose: true }, 'Контракт подписан')).toBe('won');
  });
});

describe('stagesToName in a CRM whose unknown stages are open (Pipedrive): a stage a third of whose close dates lie ahead', () => {
  it('is offered open, not won by its amounts', () => {
    // Демо: 2 of 4 dated deals ahead (a half); one of 3 was enough before, and is not now (plannedAhead).
    const named = stagesToName({ unknownStage: 'open', stages: { Оплачено: stage({ deals: 3, closeDate: 3, closePast: 3, amount: 3 }), Демо: stage({ deals: 4, closeDate: 4, closePast: 2, amount: 4 }) } });
    expect(named.map(([n, s]) => [n, guessStage(s, n)])).toEqual([['Демо', 'open'], ['Оплачено', 'won']]);
  });
});
