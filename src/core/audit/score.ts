import { pick } from '../i18n.js';
import { maxScore } from '../questionnaire/rules.js';
import type { Question, Questionnaire } from '../questionnaire/schema.js';
import type { Answer } from './answers.js';
import type { AuditResult, Baseline, CriterionResult, Recommendation } from './types.js';

/** Working days in a month, used to turn hours a day into hours a month. */
export const WORKING_DAYS_PER_MONTH = 21;

export interface ScoreOptions {
  lang: string;
  now: Date;
  company?: string;
  /** Number of managers, to quantify recommendations that carry a cost. */
  managers?: number;
  /** What a manager's hour costs, to put money on those hours. */
  hourlyCost?: number;
  /** A previous result of the same questionnaire, for a before/after per section. */
  baseline?: AuditResult;
}

/** Points one answer earns on one question. */
export function pointsFor(question: Question, answer: Answer): number {
  if (answer === 'yes') return question.points;
  const choice = question.choices?.find((c) => c.id === answer);
  return choice ? choice.points : 0;
}

/** Scores a questionnaire's answers into the audit result (the JSON contract of spec/audit.md). */
export function scoreAudit(q: Questionnaire, answers: ReadonlyMap<string, Answer>, options: ScoreOptions): AuditResult {
  const { lang } = options;
  const recommendations: Recommendation[] = [];
  const unanswered: string[] = [];
  const sections = q.sections.map((section) => {
    const criteria: CriterionResult[] = section.questions.map((question) => {
      const answer = answers.get(question.id) ?? 'skip';
      if (answer === 'skip') unanswered.push(question.id);
      const points = pointsFor(question, answer);
      if (points < question.points) recommendations.push(recommend(question, section.id, points, options));
      const choice = question.choices?.find((c) => c.id === answer);
      return { id: question.id, title: pick(question.title, lang) || question.id, answer, ...(choice ? { answerLabel: pick(choice.label, lang) || choice.id } : {}), points, max: question.points };
    });
    const score = criteria.reduce((a, c) => a + c.points, 0);
    const max = criteria.reduce((a, c) => a + c.max, 0);
    return { id: section.id, title: pick(section.title, lang), score, max, criteria };
  });
  const total = sections.reduce((a, s) => a + s.score, 0);
  const max = maxScore(q);
  const band = bandFor(q, total);
  const result: AuditResult = {
    schemaVersion: 1,
    questionnaire: { id: q.id, version: q.version, title: pick(q.title, lang) },
    lang,
    answeredAt: options.now.toISOString(),
    ...(options.company ? { company: options.company } : {}),
    sections,
    total,
    max,
    band: { id: band.id, from: band.from, to: band.to, title: pick(band.title, lang), meaning: pick(band.meaning, lang) },
    recommendations,
    unanswered,
  };
  if (options.baseline) result.baseline = compareWithBaseline(result, options.baseline, bandTitle(q, options.baseline.band, lang));
  return result;
}

/** The recommendation for a question that scored `points`, with its hours (and money) when the question carries a cost. */
export function recommend(question: Question, sectionId: string, points: number, options: Pick<ScoreOptions, 'lang' | 'managers' | 'hourlyCost'>): Recommendation {
  const rec: Recommendation = {
    criterion: question.id,
    section: sectionId,
    missingPoints: question.points - points,
    text: pick(question.recommendation, options.lang),
  };
  if (question.cost) {
    const managers = options.managers;
    // A criterion met in part loses its share of the whole: «mostly», 2 of 3 points, a third of the hours
    // (our reading; the questionnaire's cost is the loss of not meeting it at all: a tester saw it whole).
    const share = rec.missingPoints / question.points;
    const hours = question.cost.hoursPerManagerPerDay * (share < 1 ? share : 1);
    rec.cost = {
      hoursPerManagerPerDay: question.cost.hoursPerManagerPerDay,
      basis: pick(question.cost.basis, options.lang),
      ...(share < 1 ? { share: Number(share.toPrecision(15)) } : {}),
      ...(managers !== undefined
        ? {
            managers,
            hoursPerDay: hundredths(hours * managers),
            hoursPerMonth: hundredths(hours * managers * WORKING_DAYS_PER_MONTH),
            // The money from the hours as computed, not as rounded: 0,333 h × 7 × 21 × 1 000 ₽ is 48 951 ₽.
            ...(options.hourlyCost !== undefined ? { hourlyCost: options.hourlyCost, costPerMonth: hundredths(hours * managers * WORKING_DAYS_PER_MONTH * options.hourlyCost) } : {}),
          }
        : {}),
    };
  }
  return rec;
}

/**
 * Hours and money to 2 decimals (hundredths of an hour, kopecks), without the binary noise of their
 * product: 0,1 h × 3 × 21 was 6.300000000000001 in the JSON and the workbook's cells. The product is
 * first read to 15 significant digits, so 1,005 rounds up as written.
 */
export function hundredths(x: number): number {
  return Math.round(Number((x * 100).toPrecision(15))) / 100;
}

/**
 * A saved result's band named in this run's language: the questionnaire's title for its id, else the
 * title the result was saved with (a band the questionnaire no longer has), else its id.
 */
export function bandTitle(q: Questionnaire, band: { id: string; title?: string }, lang: string): string {
  const known = q.bands.find((b) => b.id === band.id);
  return known ? pick(known.title, lang) : band.title || band.id;
}

/** Before/after per section and in total against a previous result; `bandTitle` names the previous band. */
export function compareWithBaseline(current: AuditResult, previous: AuditResult, bandTitle: string): Baseline {
  const before = new Map(previous.sections.map((s) => [s.id, s.score]));
  const version = previous.questionnaire?.version;
  return {
    answeredAt: previous.answeredAt,
    total: previous.total,
    ...(typeof previous.max === 'number' ? { max: previous.max } : {}),
    ...(version !== undefined ? { questionnaireVersion: version } : {}),
    change: current.total - previous.total,
    band: previous.band.id,
    bandTitle,
    sections: current.sections.map((s) => {
      const b = before.get(s.id);
      return { id: s.id, before: b ?? null, after: s.score, change: b === undefined ? null : s.score - b };
    }),
  };
}

/** The band a total falls in (the last band for a total beyond every band): one rule for the declared and the evidence-checked totals. */
export function bandFor(q: Questionnaire, total: number): Questionnaire['bands'][number] {
  return q.bands.find((b) => total >= b.from && total <= b.to) ?? q.bands[q.bands.length - 1]!;
}
