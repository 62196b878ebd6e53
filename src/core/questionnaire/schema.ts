import { z } from 'zod';

const id = z
  .string()
  .regex(/^[a-z0-9][a-z0-9._-]*$/, 'ids are lower-case latin letters, digits, ".", "_" and "-"');

/** A text in every declared language: `{ ru: "...", en: "..." }`. Completeness is a named rule. */
export const textSchema = z.record(z.string(), z.string()).describe('A text per language code, e.g. { ru: "…", en: "…" }');

const choiceSchema = z
  .object({
    id,
    points: z.number().int().nonnegative().describe('Points this choice earns; at most the question\'s points'),
    label: textSchema,
  })
  .strict();

const costSchema = z
  .object({
    hoursPerManagerPerDay: z.number().positive().max(24).describe('Working hours each manager loses per day while the criterion is not met'),
    basis: textSchema.describe('Where the figure comes from, shown with the recommendation'),
  })
  .strict();

/** The comparisons an evidence check may use. */
export const EVIDENCE_OPS = ['<', '<=', '>', '>=', '=='] as const;

const evidenceCheckSchema = z
  .object({
    supports: z.enum(['yes', 'no']).describe('The answer this check supports when it holds: every "yes" check must hold; any "no" check is enough'),
    fact: z.string().describe('An evidence fact id (spec/evidence.md), e.g. win_rate'),
    op: z.enum(EVIDENCE_OPS).describe('How the fact compares with the threshold'),
    threshold: z.number().describe('The value the fact is compared with'),
    per: z.string().optional().describe('A fact the threshold is multiplied by, e.g. won_deals for "1 call per won deal"'),
    optional: z.boolean().optional().describe('Skip the check when its fact has no data, instead of making the verdict no-data'),
    decisive: z.boolean().optional().describe('Counts even below the minimum sample (e.g. no calls at all)'),
  })
  .strict();

const evidenceSchema = z
  .object({
    sample: z.object({ fact: z.string(), min: z.number().nonnegative() }).strict().optional().describe('Below this many (of the fact) the verdict is inconclusive'),
    checks: z.array(evidenceCheckSchema).min(1, 'evidence needs at least one check'),
  })
  .strict()
  .describe('How the exports can confirm or contradict the answer (spec/evidence.md)');

const questionSchema = z
  .object({
    id,
    title: textSchema.optional().describe('A short title for reports, e.g. { ru: "Оплаты из учётной системы", en: "Payments from the ERP" }; the id when absent'),
    text: textSchema.describe('The question as asked'),
    explanation: textSchema.optional().describe('What the criterion means, shown before the question'),
    points: z.number().int().describe('Points for a full "yes"; a positive whole number'),
    choices: z.array(choiceSchema).optional().describe('Declared answers for partial credit, besides yes / no / skip'),
    recommendation: textSchema.describe('What to do when the criterion is not met'),
    cost: costSchema.optional(),
    evidence: evidenceSchema.optional(),
  })
  .strict();

const sectionSchema = z
  .object({
    id,
    title: textSchema,
    explanation: textSchema.optional(),
    questions: z.array(questionSchema).min(1, 'a section needs at least one question'),
  })
  .strict();

const bandSchema = z
  .object({
    id,
    from: z.number().int().describe('Lowest score of the band, inclusive'),
    to: z.number().int().describe('Highest score of the band, inclusive'),
    title: textSchema,
    meaning: textSchema,
  })
  .strict();

/** The questionnaire file format (questionnaires/*.yaml). */
export const questionnaireSchema = z
  .object({
    $schema: z.string().optional(),
    id,
    version: z.union([z.number(), z.string()]).describe('Version of this questionnaire, recorded in every result'),
    languages: z.array(z.string().regex(/^[a-z]{2}$/)).min(1).describe('Language codes every text must carry'),
    title: textSchema,
    note: textSchema.optional().describe('Free notes, e.g. how the bands read the source'),
    sections: z.array(sectionSchema).min(1, 'a questionnaire needs at least one section'),
    bands: z.array(bandSchema).min(1, 'a questionnaire needs at least one band'),
  })
  .strict();

export type Questionnaire = z.infer<typeof questionnaireSchema>;
export type Section = Questionnaire['sections'][number];
export type Question = Section['questions'][number];
export type Band = Questionnaire['bands'][number];
export type EvidenceRule = NonNullable<Question['evidence']>;
export type EvidenceCheck = EvidenceRule['checks'][number];

/** The JSON Schema of the questionnaire format, for editors (questionnaires/questionnaire.schema.json). */
export function questionnaireJsonSchema(): unknown {
  return z.toJSONSchema(questionnaireSchema, { target: 'draft-7' });
}
