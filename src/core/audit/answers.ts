import { z } from 'zod';
import { UserError, UserErrors } from '../errors.js';
import { closest } from '../assert-paths.js';
import { didYouMean } from '../document-issues.js';
import { zodToUserErrors } from '../questionnaire/parse.js';
import type { Question, Questionnaire } from '../questionnaire/schema.js';

/** The answers file (YAML or JSON): what the interactive audit saves and `--answers` reads. */
export const answersFileSchema = z
  .object({
    questionnaire: z.string().optional(),
    company: z.string().optional(),
    // A number or an empty value is taken here and judged per question below, so a `3` or an empty
    // answer is named with the rest of the file's mistakes and the answers that question takes.
    answers: z.record(z.string(), z.union([z.string(), z.boolean(), z.number(), z.null()])),
  })
  .strict();

export type AnswersFile = z.infer<typeof answersFileSchema>;

/** One answer: yes, no, skip, or the id of a declared choice. */
export type Answer = string;

/** Words people write for yes, no and skip, in Russian and English (lower case). */
const SYNONYMS: Record<string, string> = {
  да: 'yes',
  д: 'yes',
  y: 'yes',
  true: 'yes',
  нет: 'no',
  н: 'no',
  n: 'no',
  false: 'no',
  пропустить: 'skip',
  пропуск: 'skip',
  'не знаю': 'skip',
};

/** An answer as written (`да`, `Y`, `true`, a YAML boolean) as the canonical id, or as given. */
export function normalizeAnswer(raw: unknown): string {
  if (raw === true) return 'yes';
  if (raw === false) return 'no';
  const value = writtenAnswer(raw).trim().toLowerCase().replace(/ё/g, 'е');
  return SYNONYMS[value] ?? value;
}

/** An answer's value as text: an empty YAML value is "", a number as written; a list or a map is not an answer. */
function writtenAnswer(raw: unknown): string {
  if (raw === null || raw === undefined) return '';
  if (typeof raw === 'object') return Array.isArray(raw) ? '[…]' : '{…}';
  return String(raw);
}

/** The answers a question accepts. */
export function allowedAnswers(question: Question): string[] {
  return ['yes', 'no', 'skip', ...(question.choices?.map((c) => c.id) ?? [])];
}

/**
 * Checks an answers document against a questionnaire: unknown ids, invalid values and (unless
 * allowPartial) missing ids are errors that name every offending id. Missing ids become "skip".
 */
export function parseAnswers(doc: unknown, q: Questionnaire, file: string, allowPartial: boolean): { company?: string; answers: Map<string, Answer> } {
  const parsed = answersFileSchema.safeParse(doc, { reportInput: true });
  if (!parsed.success) throw new UserErrors(zodToUserErrors(parsed.error, file, 'E_ANSWERS_SCHEMA', answersFileSchema));
  const questions = new Map(q.sections.flatMap((s) => s.questions.map((x) => [x.id, x] as const)));
  const errors: UserError[] = [];
  if (parsed.data.questionnaire !== undefined && parsed.data.questionnaire !== q.id && !parsed.data.questionnaire.includes('/') && !parsed.data.questionnaire.endsWith('.yaml')) {
    errors.push(UserError.of('E_ANSWERS_QUESTIONNAIRE', 'answers.otherQuestionnaire', { given: parsed.data.questionnaire, id: q.id }, { file, path: 'questionnaire' }));
  }
  const answers = new Map<string, Answer>();
  // An id with a bad value is reported once, for its value, never also as missing.
  const given = new Set<string>();
  for (const [id, raw] of Object.entries(parsed.data.answers)) {
    given.add(id);
    const question = questions.get(id);
    if (!question) {
      // A misspelt id (`journal.interactoins`) is named with the one it is close to, not left to the list.
      const known = [...questions.keys()];
      const near = closest(id, known);
      errors.push(UserError.of('E_ANSWERS_UNKNOWN', 'answers.unknownQuestion', { id, known: known.join(', '), ...didYouMean(near.map((n) => `"${n}"`)), nearRu: didYouMean(near.map((n) => `«${n}»`)).nearRu }, { file, path: `answers.${id}` }));
      continue;
    }
    // A declared choice id wins over a synonym ("n" may be a choice of a custom questionnaire).
    const plain = typeof raw === 'string' || typeof raw === 'number' ? String(raw).trim().toLowerCase() : '';
    const value = allowedAnswers(question).includes(plain) ? plain : normalizeAnswer(raw);
    if (!allowedAnswers(question).includes(value)) {
      errors.push(UserError.of('E_ANSWERS_VALUE', 'answers.badValue', { value: writtenAnswer(raw), id, allowed: allowedAnswers(question).join(', ') }, { file, path: `answers.${id}` }));
      continue;
    }
    answers.set(id, value);
  }
  const missing = [...questions.keys()].filter((id) => !answers.has(id));
  const unanswered = missing.filter((id) => !given.has(id));
  if (unanswered.length > 0 && !allowPartial) {
    errors.push(UserError.of('E_ANSWERS_MISSING', 'answers.missing', { ids: unanswered.join(', ') }, { file, path: 'answers' }));
  }
  if (errors.length > 0) throw new UserErrors(errors);
  for (const id of missing) answers.set(id, 'skip');
  return { company: parsed.data.company, answers };
}
