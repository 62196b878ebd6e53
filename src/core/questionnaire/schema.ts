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
    hoursPerManagerPerDay: z.number().positive().describe('Working hours each manager loses per day while the criterion is not met'),
    basis: textSchema.describe('Where the figure comes from, shown with the recommendation'),
  })
  .strict();

const questionSchema = z
  .object({
    id,
    text: textSchema.describe('The question as asked'),
    explanation: textSchema.optional().describe('What the criterion means, shown before the question'),
    points: z.number().int().describe('Points for a full "yes"; a positive whole number'),
    choices: z.array(choiceSchema).optional().describe('Declared answers for partial credit, besides yes / no / skip'),
    recommendation: textSchema.describe('What to do when the criterion is not met'),
    cost: costSchema.optional(),
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

/** The JSON Schema of the questionnaire format, for editors (questionnaires/questionnaire.schema.json). */
export function questionnaireJsonSchema(): unknown {
  return z.toJSONSchema(questionnaireSchema, { target: 'draft-7' });
}
