/** One criterion's outcome in a result. */
export interface CriterionResult {
  id: string;
  answer: string;
  points: number;
  max: number;
}

/** What not meeting a criterion costs, when the questionnaire declares it. */
export interface RecommendationCost {
  hoursPerManagerPerDay: number;
  basis: string;
  managers?: number;
  hoursPerDay?: number;
  hoursPerMonth?: number;
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
  change: number;
  band: string;
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
}
