import { describe, expect, it } from 'vitest';
import { parseAnswers } from '../../../src/core/audit/answers.js';
import { hundredths, recommend, scoreAudit } from '../../../src/core/audit/score.js';
import { describeUserError, UserError } from '../../../src/core/errors.js';
import { builtIn, customWithChoices } from '../../helpers/questionnaire.js';

const now = new Date('2025-03-01T10:00:00Z');
const ids = ['lead.concept', 'journal.interactions', 'reporting.management', 'reporting.staff', 'erp.catalog', 'erp.payments', 'telephony.integrated'];

function answersYes(yes: string[], rest = 'no'): Map<string, string> {
  return new Map(ids.map((id) => [id, yes.includes(id) ? 'yes' : rest]));
}

describe('scoreAudit on the built-in questionnaire', () => {
  it.each([
    [[], 0, 'not-started'],
    [['lead.concept'], 2, 'not-started'],
    [['lead.concept', 'journal.interactions'], 3, 'ahead-of-most'],
    [['lead.concept', 'journal.interactions', 'reporting.staff'], 5, 'ahead-of-most'],
    [['lead.concept', 'journal.interactions', 'reporting.management', 'reporting.staff'], 6, 'leader'],
    [ids, 10, 'leader'],
  ])('yes to %j scores %i, band %s', (yes, total, band) => {
    const result = scoreAudit(builtIn(), answersYes(yes), { lang: 'en', now });
    expect(result.total).toBe(total);
    expect(result.max).toBe(10);
    expect(result.band.id).toBe(band);
    expect(result.recommendations.map((r) => r.criterion)).toEqual(ids.filter((id) => !yes.includes(id)));
  });

  it('scores sections and lists skipped questions as unanswered', () => {
    const answers = answersYes(['reporting.staff', 'erp.payments'], 'skip');
    const result = scoreAudit(builtIn(), answers, { lang: 'ru', now, company: 'ООО «Ромашка»' });
    expect(result.sections.map((s) => [s.id, s.score, s.max])).toEqual([
      ['lead', 0, 2],
      ['journal', 0, 1],
      ['reporting', 2, 3],
      ['erp', 1, 2],
      ['telephony', 0, 2],
    ]);
    expect(result.unanswered).toEqual(['lead.concept', 'journal.interactions', 'reporting.management', 'erp.catalog', 'telephony.integrated']);
    expect(result.company).toBe('ООО «Ромашка»');
    expect(result.answeredAt).toBe('2025-03-01T10:00:00.000Z');
    expect(result.band.title).toBe('Впереди большинства');
  });

  it('quantifies costed recommendations with --managers', () => {
    const result = scoreAudit(builtIn(), answersYes([]), { lang: 'en', now, managers: 8 });
    const tel = result.recommendations.find((r) => r.criterion === 'telephony.integrated');
    expect(tel?.cost).toMatchObject({ hoursPerManagerPerDay: 1, managers: 8, hoursPerDay: 8, hoursPerMonth: 168 });
    const rep = result.recommendations.find((r) => r.criterion === 'reporting.management');
    expect(rep?.cost).toMatchObject({ hoursPerManagerPerDay: 2.5, hoursPerDay: 20, hoursPerMonth: 420 });
    const noManagers = scoreAudit(builtIn(), answersYes([]), { lang: 'en', now });
    expect(noManagers.recommendations.find((r) => r.criterion === 'telephony.integrated')?.cost?.hoursPerDay).toBeUndefined();
  });

  // A questionnaire's fractional hours: 0,1 h × 3 managers was 0.30000000000000004 h a day,
  // 6.300000000000001 h and 6300.000000000001 ₽ a month in the JSON and the workbook (a tester).
  it('rounds hours and money to 2 decimals, the money from the hours as computed', () => {
    const q = builtIn();
    const tel = q.sections.flatMap((s) => s.questions).find((x) => x.id === 'telephony.integrated')!;
    const at = (hours: number, managers: number, hourlyCost: number) => recommend({ ...tel, cost: { ...tel.cost!, hoursPerManagerPerDay: hours } }, 'telephony', 0, { lang: 'ru', managers, hourlyCost }).cost;
    expect(at(0.1, 3, 1000)).toMatchObject({ hoursPerDay: 0.3, hoursPerMonth: 6.3, costPerMonth: 6300 });
    // 0,333 × 7 = 2,331 h a day; × 21 = 48,951 h; × 1 000 ₽ = 48 951 ₽ (not 48,95 × 1 000).
    expect(at(0.333, 7, 1000)).toMatchObject({ hoursPerDay: 2.33, hoursPerMonth: 48.95, costPerMonth: 48_951 });
    // 2,5 h × 7 × 21 = 367,5 h × 1 234,5 ₽ = 453 678,75 ₽: kopecks kept.
    expect(at(2.5, 7, 1234.5)?.costPerMonth).toBe(453_678.75);
    expect(hundredths(1.005)).toBe(1.01);
    expect(hundredths(6.300000000000001)).toBe(6.3);
  });

  // Tester T36 F3: a criterion met in part («mostly», 2 of 3 points) carried its whole cost.
  it('counts a criterion met in part at the share of its points missing', () => {
    const tel = builtIn().sections.flatMap((s) => s.questions).find((x) => x.id === 'telephony.integrated')!;
    const three = { ...tel, points: 3, cost: { ...tel.cost!, hoursPerManagerPerDay: 0.333 } };
    // 1 of 3 points missing: 0,333 × 1/3 = 0,111 h a manager a day; × 7 = 0,777 h a day; × 21 = 16,317 h; × 1 000 ₽ = 16 317 ₽.
    const rec = recommend(three, 'telephony', 2, { lang: 'ru', managers: 7, hourlyCost: 1000 });
    expect(rec.missingPoints).toBe(1);
    expect(rec.cost).toMatchObject({ hoursPerManagerPerDay: 0.333, share: 0.333333333333333, hoursPerDay: 0.78, hoursPerMonth: 16.32, costPerMonth: 16_317 });
    // Nothing earned: the whole cost, and no share said.
    expect(recommend(three, 'telephony', 0, { lang: 'ru', managers: 7, hourlyCost: 1000 }).cost).not.toHaveProperty('share');
  });

  it('compares with a baseline per section and in total', () => {
    const before = scoreAudit(builtIn(), answersYes(['lead.concept']), { lang: 'en', now });
    const after = scoreAudit(builtIn(), answersYes(['lead.concept', 'telephony.integrated', 'erp.catalog']), { lang: 'en', now, baseline: before });
    expect(after.baseline).toMatchObject({ total: 2, change: 3, band: 'not-started' });
    expect(after.baseline?.sections.find((s) => s.id === 'telephony')).toEqual({ id: 'telephony', before: 0, after: 2, change: 2 });
  });

  it('names the earlier band in this run\'s language, or by its saved title when the questionnaire no longer has it', () => {
    const before = scoreAudit(builtIn(), answersYes(['lead.concept']), { lang: 'en', now });
    expect(scoreAudit(builtIn(), answersYes([]), { lang: 'ru', now, baseline: before }).baseline?.bandTitle).toBe('Внедрение не началось');
    const renamed = { ...before, band: { ...before.band, id: 'gone', title: 'Old band' } };
    expect(scoreAudit(builtIn(), answersYes([]), { lang: 'ru', now, baseline: renamed }).baseline).toMatchObject({ band: 'gone', bandTitle: 'Old band' });
  });
});

describe('partial credit in a custom questionnaire', () => {
  it.each([
    ['yes', 'yes', 5, 'high', []],
    ['half', 'yes', 3, 'high', ['a.one']],
    ['bit', 'no', 1, 'low', ['a.one', 'a.two']],
    ['skip', 'yes', 1, 'low', ['a.one']],
  ])('a.one=%s a.two=%s scores %i', (one, two, total, band, recs) => {
    const result = scoreAudit(customWithChoices(), new Map([['a.one', one], ['a.two', two]]), { lang: 'en', now });
    expect(result.total).toBe(total);
    expect(result.band.id).toBe(band);
    expect(result.recommendations.map((r) => r.criterion)).toEqual(recs);
  });
});

describe('parseAnswers', () => {
  const q = builtIn();
  const message = (doc: unknown, partial = false) => {
    try {
      parseAnswers(doc, q, 'a.yaml', partial);
    } catch (error) {
      return describeUserError(error as UserError);
    }
    return 'accepted';
  };

  it('names missing ids, unless partial answers are allowed', () => {
    expect(message({ answers: { 'lead.concept': 'yes' } })).toMatch(/no answer for journal\.interactions, reporting\.management.*\n.*--allow-partial/);
    const { answers } = parseAnswers({ answers: { 'lead.concept': 'yes' } }, q, 'a.yaml', true);
    expect(answers.get('erp.catalog')).toBe('skip');
  });

  it('names unknown ids and invalid values, and accepts booleans', () => {
    const all = Object.fromEntries(ids.map((id) => [id, true]));
    expect(message({ answers: { ...all, 'lead.bogus': 'yes' } })).toMatch(/answers\.lead\.bogus: unknown question id "lead\.bogus"/);
    // A misspelt id is named with the one it is close to (a tester: the list alone left the reader to spot it).
    expect(message({ answers: { ...all, 'journal.interactoins': 'yes' } })).toMatch(/unknown question id "journal\.interactoins"; did you mean "journal\.interactions"\?/);
    const ru = (() => {
      try {
        parseAnswers({ answers: { ...all, 'journal.interactoins': 'yes' } }, q, 'a.yaml', false);
      } catch (error) {
        return describeUserError(error as UserError, 'ru');
      }
      return 'accepted';
    })();
    expect(ru).toContain('неизвестный id вопроса «journal.interactoins»; возможно, вы имели в виду «journal.interactions»');
    expect(message({ answers: { ...all, 'lead.concept': 'maybe' } })).toMatch(/"maybe" is not an answer to lead\.concept\n\s+hint: answer one of: yes, no, skip/);
    expect(message({ answers: all })).toBe('accepted');
  });

  it('rejects wrong types and a questionnaire id mismatch', () => {
    expect(message({ answers: ['yes'] })).toMatch(/a\.yaml, at answers: /);
    expect(message({ answers: { 'lead.concept': 3 } })).toMatch(/at answers\.lead\.concept/);
    expect(message({ questionnaire: 'other', answers: Object.fromEntries(ids.map((id) => [id, 'no'])) })).toMatch(/for questionnaire "other"/);
  });
});
