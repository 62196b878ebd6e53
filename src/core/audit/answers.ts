import { z } from 'zod';
import { UserError, UserErrors } from '../errors.js';
import { closest } from '../assert-paths.js';
import { MAX_LISTED, quotedNear, shortText } from '../document-issues.js';
import { moreErrors, zodToUserErrors } from '../questionnaire/parse.js';
import { isQuestionnairePath } from '../questionnaire/rules.js';
import type { Question, Questionnaire } from '../questionnaire/schema.js';
import { normalizeAnswer, writtenAnswer } from './answer-words.js';

/** The answers file (YAML or JSON): what the interactive audit saves and `--answers` reads. */
export const answersFileSchema = z
  .object({
    questionnaire: z.string().optional(),
    // JSON writers put null for an absent optional field: no company, as when the key is left out.
    // A name of spaces only is none: the heading read «Зрелость использования CRM —    » (tester T48 F8).
    company: z.string().nullish().transform((c) => c?.trim() || undefined),
    // A number or an empty value is taken here and judged per question below, so a `3` or an empty
    // answer is named with the rest of the file's mistakes and the answers that question takes.
    answers: z.record(z.string(), z.union([z.string(), z.boolean(), z.number(), z.null()])),
  })
  .strict();

export type AnswersFile = z.infer<typeof answersFileSchema>;

/** One answer: yes, no, skip, or the id of a declared choice. */
export type Answer = string;

/** The answers a question accepts. */
export function allowedAnswers(question: Question): string[] {
  return ['yes', 'no', 'skip', ...(question.choices?.map((c) => c.id) ?? [])];
}

/**
 * Checks an answers document against a questionnaire: unknown ids, invalid values and (unless
 * allowPartial) missing ids are errors that name every offending id, the first MAX_LISTED one by one
 * and the rest counted (20 000 unknown ids were each said with every known id: 5 MB). Missing ids become "skip",
 * or with allowPartial 'ask' are returned as `unanswered` (to be asked).
 */
export function parseAnswers(doc: unknown, q: Questionnaire, file: string, allowPartial: boolean | 'ask'): ParsedAnswers {
  const { data: parsed, wrongType } = parseAnswersFile(doc, file);
  const questions = new Map(q.sections.flatMap((s) => s.questions.map((x) => [x.id, x] as const)));
  const errors: UserError[] = [];
  // A path names the file the questionnaire was read from (`qj.json` beside the answers was taken for an id: tester T66 L1).
  if (parsed.questionnaire !== undefined && parsed.questionnaire !== q.id && !isQuestionnairePath(parsed.questionnaire)) {
    // A misspelt id (`crm-maturty`) is said as one, with its fix (tester T56, review R48 F8).
    const misspelt = closest(parsed.questionnaire, [q.id]).length > 0;
    const id = misspelt ? 'answers.misspeltQuestionnaire' : 'answers.otherQuestionnaire';
    errors.push(UserError.of('E_ANSWERS_QUESTIONNAIRE', id, { given: shortText(parsed.questionnaire), id: q.id }, { file, path: 'questionnaire' }));
  }
  const answers = new Map<string, Answer>();
  // An id with a bad value is reported once, for its value, never also as missing.
  const given = new Set<string>();
  let more = 0;
  // In the file's order: an answer of the wrong type (a list) is named where it stands, among the others.
  for (const [id, raw] of Object.entries(answersOf(doc))) {
    given.add(id);
    const question = questions.get(id);
    if (question && !wrongType.has(id)) {
      const value = answerTo(question, raw);
      if (value !== undefined) answers.set(id, value);
    }
    if (answers.has(id)) continue;
    if (errors.length >= MAX_LISTED) more++;
    else errors.push(answerError(id, raw, question, wrongType.get(id), { file, questions, first: !errors.some((e) => e.messageId === 'answers.unknownQuestion') }));
  }
  errors.push(...moreErrors(more, file, 'E_ANSWERS_VALUE'));
  const missing = [...questions.keys()].filter((id) => !answers.has(id));
  const unanswered = missing.filter((id) => !given.has(id));
  if (unanswered.length > 0 && !allowPartial) {
    errors.push(UserError.of('E_ANSWERS_MISSING', 'answers.missing', { ids: unanswered.join(', ') }, { file, path: 'answers' }));
  }
  if (errors.length > 0) throw new UserErrors(errors);
  // To be asked (a draft taken up on a terminal): the questions the file does not answer stay unanswered.
  if (allowPartial === 'ask' && unanswered.length > 0) return { company: parsed.company, answers, unanswered };
  for (const id of missing) answers.set(id, 'skip');
  return { company: parsed.company, answers };
}

/** An answers file read: its company, its answers, and (read to be asked) the questions it does not answer. */
export interface ParsedAnswers {
  company?: string;
  answers: Map<string, Answer>;
  unanswered?: string[];
}

/** The answer `raw` gives `question`, or undefined when it is none it takes. A declared choice id wins over a synonym ("n" may be a choice of a custom questionnaire). */
function answerTo(question: Question, raw: unknown): Answer | undefined {
  const allowed = allowedAnswers(question);
  const plain = typeof raw === 'string' || typeof raw === 'number' ? String(raw).trim().toLowerCase() : '';
  const value = allowed.includes(plain) ? plain : normalizeAnswer(raw);
  return allowed.includes(value) ? value : undefined;
}

/**
 * Why the answer `raw` to `id` is none: an id no question has (`journal.interactoins`), named with the one it is close to
 * and, under the first of them (`first`), every known id; a value of the wrong type (a list, a map) said as what it is;
 * an empty value; a word the question does not take. Each with the answers the question takes.
 */
function answerError(id: string, raw: unknown, question: Question | undefined, typeError: (() => UserError) | undefined, at: { file: string; questions: ReadonlyMap<string, Question>; first: boolean }): UserError {
  const where = { file: at.file, path: `answers.${id}` };
  if (!question) {
    const known = [...at.questions.keys()];
    const near = closest(id, known);
    const params = { id: shortText(id), known: known.join(', '), ...quotedNear(near) };
    return UserError.of('E_ANSWERS_UNKNOWN', at.first ? 'answers.unknownQuestion' : 'answers.unknownQuestionAlso', params, where);
  }
  const allowed = allowedAnswers(question).join(', ');
  if (typeError) {
    // A list or a map (`[yes]`, `{a: yes}`) is said as what it is, with the answers the question takes.
    const shape = Array.isArray(raw) ? 'list' : raw !== null && typeof raw === 'object' ? 'map' : undefined;
    return shape ? UserError.of('E_ANSWERS_VALUE', shape === 'list' ? 'answers.list' : 'answers.map', { id, allowed }, where) : typeError();
  }
  // An empty YAML value (`~`, `null`, nothing after the colon) read «» — not an answer: said as what it is.
  return UserError.of('E_ANSWERS_VALUE', raw === null ? 'answers.emptyValue' : 'answers.badValue', { value: shortText(writtenAnswer(raw)), id, allowed }, where);
}

const answersOf = (doc: unknown): Record<string, unknown> => ((doc as { answers?: Record<string, unknown> } | null)?.answers ?? {});

/**
 * The answers file checked against its schema. A value of the wrong type under one answer (`reporting.staff: [yes]`)
 * is one mistake among the file's others: it is returned by id, to be named with the bad words, unknown ids and
 * missing answers in one go (it hid them: a tester), and the rest is read without it. A file whose shape is wrong
 * elsewhere (no `answers`, an unknown key) fails as it is.
 */
function parseAnswersFile(doc: unknown, file: string): { data: AnswersFile; wrongType: Map<string, () => UserError> } {
  const parsed = answersFileSchema.safeParse(doc, { reportInput: true });
  if (parsed.success) return { data: parsed.data, wrongType: new Map() };
  const issues = parsed.error.issues;
  const answerId = (issue: (typeof issues)[number]) => (issue.path.length >= 2 && issue.path[0] === 'answers' && typeof issue.path[1] === 'string' ? issue.path[1] : undefined);
  if (!issues.every((i) => answerId(i) !== undefined)) throw new UserErrors(zodToUserErrors(parsed.error, file, 'E_ANSWERS_SCHEMA', answersFileSchema));
  // Each said only if it is among the mistakes listed (MAX_LISTED).
  const wrongType = new Map<string, () => UserError>();
  for (const issue of issues) {
    const id = answerId(issue)!;
    if (!wrongType.has(id)) wrongType.set(id, () => zodToUserErrors(new z.ZodError([issue]), file, 'E_ANSWERS_SCHEMA', answersFileSchema)[0]!);
  }
  const rest = Object.fromEntries(Object.entries(answersOf(doc)).filter(([id]) => !wrongType.has(id)));
  const again = answersFileSchema.safeParse({ ...(doc as object), answers: rest }, { reportInput: true });
  if (!again.success) throw new UserErrors(zodToUserErrors(parsed.error, file, 'E_ANSWERS_SCHEMA', answersFileSchema));
  return { data: again.data, wrongType };
}
