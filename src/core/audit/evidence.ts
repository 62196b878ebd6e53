import type { EvidenceFacts, FactId } from '../kpi/facts.js';
import { holdsNumber } from '../kpi/stats.js';
import type { EvidenceCheck, Question, Questionnaire } from '../questionnaire/schema.js';
import { pick } from '../i18n.js';
import { bandFor, pointsFor, recommend } from './score.js';
import type { AuditResult, Evidence, EvidenceCheckResult, EvidenceFactUse, Verdict } from './types.js';
import { describeEvidence } from './evidence-text.js';

/** Whether `value op threshold` holds (allowing floating-point error: a share of exactly 0.85 is 0.85). */
export function compare(value: number, op: EvidenceCheck['op'], threshold: number): boolean {
  return holdsNumber(value, op, threshold);
}

/** One check against the facts: its effective threshold, its value, and whether it holds (null: no value). */
function evaluateCheck(c: EvidenceCheck, facts: EvidenceFacts): EvidenceFactUse & { supports: 'yes' | 'no'; holds: boolean | null; decisive: boolean; missing: boolean } {
  const value = facts.values[c.fact as FactId] ?? null;
  const per = c.per === undefined ? 1 : facts.values[c.per as FactId];
  const threshold = per === null || per === undefined ? c.threshold : c.threshold * per;
  const missing = facts.needs[c.fact as FactId] !== undefined || (c.per !== undefined && facts.needs[c.per as FactId] !== undefined);
  // A fact known only between two values holds a check where both do (facts.bounds: calls no employee took).
  const b = facts.bounds?.[c.fact as FactId];
  const meets = (v: number) => (b === undefined ? compare(v, c.op, threshold) : compare(b.low, c.op, threshold) && compare(b.high, c.op, threshold));
  const holds = value === null || per === null ? null : meets(value) && (!c.decisive || holdsInFile(c, facts, threshold));
  return { id: c.fact, value, op: c.op, threshold, supports: c.supports, holds, decisive: Boolean(c.decisive), missing };
}

/**
 * A decisive check speaks below the minimum sample, so it must hold of the whole file, not only of
 * a --from/--to period: "no calls at all in an activities file" (spec/evidence.md) does not hold
 * when the period has none but the file has 60. Below the sample, the verdict is then inconclusive.
 */
function holdsInFile(c: EvidenceCheck, facts: EvidenceFacts, threshold: number): boolean {
  return c.fact !== 'calls' || facts.fileCalls === undefined || compare(facts.fileCalls + (facts.callsNotRead ?? 0), c.op, threshold);
}

/** The facts a rule reads that have no data because an input is missing (optional checks aside). */
function missingInputs(q: Question, facts: EvidenceFacts): FactId[] {
  const rule = q.evidence!;
  const ids = [...(rule.sample ? [rule.sample.fact] : []), ...rule.checks.filter((c) => !c.optional).flatMap((c) => [c.fact, ...(c.per ? [c.per] : [])])] as FactId[];
  return [...new Set(ids.filter((id) => facts.needs[id] !== undefined))];
}

/**
 * The verdict on one answer: "yes" is supported when every "yes" check holds, "no" when any "no"
 * check does; below the minimum sample only decisive checks count; both or neither is inconclusive.
 * A check whose input is missing (no loss-reason column) is unknown, not false: the answer is still
 * decided when the checks that have data settle it whatever the missing one would say (a win rate
 * above 0.85 supports "no" on lead.concept and rules "yes" out, with or without loss reasons);
 * otherwise it is no-data, naming the input that would decide it.
 */
export function judge(q: Question, answer: string, facts: EvidenceFacts, lang: string): EvidenceCheckResult {
  const base = { criterion: q.id, answer };
  if (!q.evidence) return { ...base, verdict: 'not-checkable', facts: [], text: describeEvidence(lang, { verdict: 'not-checkable', answer, facts, used: [], noRule: true }) };
  if (answer !== 'yes' && answer !== 'no') {
    // A skipped («не знаю») question scores nothing and is not checked, but the data may still speak
    // to it: what a "yes" would have met is said, for the consultant to ask the client about.
    // Where the data does not settle it, what it showed all the same (between the thresholds, a short
    // sample, a missing file or column), as a "yes" or a "no" is told: not a rule the rows beside it disprove.
    const guess = answer === 'skip' ? judge(q, 'yes', facts, lang) : undefined;
    const suggests = guess?.verdict === 'confirmed' ? 'yes' : guess?.verdict === 'contradicted' ? 'no' : undefined;
    const used = guess?.facts ?? [];
    const shown = guess && !suggests ? { unsettled: guess.text } : {};
    return { ...base, verdict: 'not-checkable', facts: used, text: describeEvidence(lang, { verdict: 'not-checkable', answer, facts, used, ...(suggests ? { suggests } : {}), ...shown }), ...(suggests ? { suggests } : {}) };
  }
  const missing = missingInputs(q, facts);
  // An optional check whose fact has no input is left out (product_share without a product column).
  const checks = q.evidence.checks.filter((c) => !(c.optional && facts.needs[c.fact as FactId])).map((c) => evaluateCheck(c, facts));
  const sample = q.evidence.sample;
  const sampleMissing = sample !== undefined && missing.includes(sample.fact as FactId);
  const sampleValue = sample && !sampleMissing ? (facts.values[sample.fact as FactId] ?? 0) : 0;
  const below = sample !== undefined && !sampleMissing && sampleValue < sample.min;
  // A missing column would not settle it alone when the sample is short too: the text says both.
  const short = below ? { sample: { fact: sample.fact as FactId, value: sampleValue, min: sample.min } } : {};
  const noData = (known: EvidenceFactUse[]) => {
    const uses = checks.filter((c) => c.missing);
    const sampleUse = sample && (sampleMissing || below) ? [{ id: sample.fact, value: sampleMissing ? null : sampleValue, op: '>=', threshold: sample.min }] : [];
    return { ...base, verdict: 'no-data' as const, facts: strip([...sampleUse, ...uses]), text: describeEvidence(lang, { verdict: 'no-data', answer, facts, used: strip(known), missing, ...short }) };
  };
  if (sampleMissing) return noData([]);
  const decisive = checks.filter((c) => c.decisive && c.holds === true);
  let supported: 'yes' | 'no' | undefined;
  let used: typeof checks;
  if (decisive.length > 0) {
    supported = decisive[0]!.supports;
    used = decisive.filter((c) => c.supports === supported);
  } else {
    const unknown = (c: (typeof checks)[number]) => c.missing;
    const yes = checks.filter((c) => c.supports === 'yes');
    const no = checks.filter((c) => c.supports === 'no' && !c.decisive);
    // Three-valued: a missing input's check may go either way; a present fact without a value (a share of 0 deals) does not hold.
    const yesHolds = yes.length > 0 && yes.every((c) => c.holds === true);
    const yesOpen = !yesHolds && yes.length > 0 && yes.every((c) => c.holds === true || unknown(c));
    const noHolds = no.filter((c) => c.holds === true);
    const noOpen = noHolds.length === 0 && no.some(unknown);
    const settled = (yesHolds && noHolds.length === 0 && !noOpen) || (!yesHolds && !yesOpen && noHolds.length > 0);
    if ((yesOpen || noOpen) && !settled) return noData(checks.filter((c) => c.value !== null && !c.decisive));
    if (below) {
      const text = describeEvidence(lang, { verdict: 'inconclusive', answer, facts, used: [], sample: { fact: sample.fact as FactId, value: sampleValue, min: sample.min } });
      const use = { id: sample.fact, value: sampleValue, op: '>=' as const, threshold: sample.min };
      return { ...base, verdict: 'inconclusive', facts: [use], text };
    }
    if (yesHolds && noHolds.length === 0) [supported, used] = ['yes', yes];
    else if (!yesHolds && noHolds.length > 0) [supported, used] = ['no', noHolds];
    else used = checks.filter((c) => !c.decisive);
  }
  const verdict: Verdict = supported === undefined ? 'inconclusive' : supported === answer ? 'confirmed' : 'contradicted';
  return { ...base, verdict, facts: strip(used), text: describeEvidence(lang, { verdict, answer, facts, used: strip(used) }) };
}

function strip(list: EvidenceFactUse[]): EvidenceFactUse[] {
  return list.map(({ id, value, op, threshold }) => ({ id, value, op, threshold }));
}

/**
 * Checks every answer of a scored audit against the facts: the verdicts, and the evidence-checked
 * total (the points of every contradicted "yes" removed) with its band.
 */
export function checkEvidence(q: Questionnaire, result: AuditResult, facts: EvidenceFacts, lang: string, costs: { managers?: number; hourlyCost?: number } = {}): Evidence {
  const questions = new Map(q.sections.flatMap((s) => s.questions.map((x) => [x.id, x] as const)));
  const sectionOf = new Map(q.sections.flatMap((s) => s.questions.map((x) => [x.id, s.id] as const)));
  const checks = result.sections.flatMap((s) => s.criteria.map((c) => judge(questions.get(c.id)!, c.answer, facts, lang)));
  const disproved = checks.filter((c) => c.verdict === 'contradicted' && c.answer === 'yes');
  const removed = disproved.reduce((sum, c) => sum + pointsFor(questions.get(c.criterion)!, 'yes'), 0);
  const total = result.total - removed;
  const band = bandFor(q, total);
  return {
    facts: { ...facts.values },
    checks,
    total,
    band: { id: band.id, from: band.from, to: band.to, title: pick(band.title, lang), meaning: pick(band.meaning, lang) },
    // What a "yes" the data disproves leaves undone: the advice a "no" would have had, as if it scored 0.
    recommendations: disproved.map((c) => recommend(questions.get(c.criterion)!, sectionOf.get(c.criterion)!, 0, { lang, ...costs })),
    ...(facts.dataQuality ? { dataQuality: facts.dataQuality } : {}),
  };
}
