import type { DataQuality } from '../kpi/types.js';
/** One criterion's outcome in a result. */
export interface CriterionResult {
  id: string;
  /** The question's short title in the result's language (its id when the questionnaire has none). */
  title: string;
  answer: string;
  /**
   * A declared choice's label in the result's language («Частично»), when the answer is one: the
   * reports show it, not the choice's id. Absent for yes, no and skip, which every report names itself.
   */
  answerLabel?: string;
  points: number;
  max: number;
}

/** What not meeting a criterion costs, when the questionnaire declares it. */
export interface RecommendationCost {
  hoursPerManagerPerDay: number;
  basis: string;
  managers?: number;
  /** managers × hoursPerManagerPerDay, to 2 decimals (hundredths). */
  hoursPerDay?: number;
  /** hoursPerDay × 21 working days, to 2 decimals. */
  hoursPerMonth?: number;
  /** The cost of a manager's hour (roubles unless said otherwise), when given. */
  hourlyCost?: number;
  /** The hours of a month as computed (not as rounded) × hourlyCost, to 2 decimals (kopecks). */
  costPerMonth?: number;
  /**
   * A criterion met in part (a choice worth some of its points): the share of its points missing, which
   * the hours and money are counted at (hoursPerManagerPerDay stays the questionnaire's, the whole loss).
   */
  share?: number;
}

/** A recommendation for a criterion that did not earn its full points. */
export interface Recommendation {
  criterion: string;
  section: string;
  missingPoints: number;
  text: string;
  cost?: RecommendationCost;
}

/** Before/after against a previous audit result. */
export interface Baseline {
  answeredAt: string;
  total: number;
  /**
   * The earlier result's own maximum and questionnaire version: a re-audit against an older version
   * of the questionnaire printed the earlier total out of this run's maximum («7 / 12» of a result out
   * of 10). Absent in results made before they were kept (the reports then take this run's maximum).
   */
  max?: number;
  questionnaireVersion?: number | string;
  change: number;
  /** The earlier result's band id. */
  band: string;
  /** That band's title in this result's language (from the questionnaire; the earlier result's own title for a band it no longer has). */
  bandTitle: string;
  sections: Array<{ id: string; before: number | null; after: number; change: number | null }>;
}

/** The audit result: the JSON contract every audit report is rendered from. */
export interface AuditResult {
  schemaVersion: 1;
  questionnaire: { id: string; version: number | string; title: string };
  lang: string;
  answeredAt: string;
  company?: string;
  sections: Array<{ id: string; title: string; score: number; max: number; criteria: CriterionResult[] }>;
  total: number;
  max: number;
  band: { id: string; from: number; to: number; title: string; meaning: string };
  recommendations: Recommendation[];
  unanswered: string[];
  baseline?: Baseline;
  /** Present only when exports were given (spec/evidence.md). */
  evidence?: Evidence;
}

/** A verdict on one answer (spec/evidence.md). */
export type Verdict = 'confirmed' | 'contradicted' | 'inconclusive' | 'no-data' | 'not-checkable';
/** Every verdict, in the order evidence.md gives them (an assertion's quoted verdict is checked against these). */
export const VERDICTS: readonly Verdict[] = ['confirmed', 'contradicted', 'inconclusive', 'no-data', 'not-checkable'];

/** A fact a verdict used: its value, the comparison and the threshold it was held against. */
export interface EvidenceFactUse {
  id: string;
  value: number | null;
  op: string;
  threshold: number;
}

/** One answer checked against the exports. */
export interface EvidenceCheckResult {
  criterion: string;
  answer: string;
  verdict: Verdict;
  facts: EvidenceFactUse[];
  /** One plain sentence in the result's language, with the numbers. */
  text: string;
  /** A skipped answer the data speaks to: the answer it suggests (the verdict stays not-checkable, and no points change). */
  suggests?: 'yes' | 'no';
}

/** The audit checked against the exports: facts, verdicts, the evidence-checked total and band. */
export interface Evidence {
  facts: Record<string, number | null>;
  checks: EvidenceCheckResult[];
  total: number;
  band: { id: string; from: number; to: number; title: string; meaning: string };
  /** The advice for each "yes" the exports contradict (its points are out of the checked total). */
  recommendations: Recommendation[];
  /** How the exports were read: the rows skipped and what looks wrong, on which the facts rest (`audit`; `report` has it in `kpi`). */
  dataQuality?: DataQuality;
}
