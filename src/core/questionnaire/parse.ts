import type { z } from 'zod';
import { issueMessage } from '../document-issues.js';
import { TOP_LEVEL, UserError, UserErrors } from '../errors.js';
import { checkQuestionnaireRules } from './rules.js';
import { questionnaireSchema, type Questionnaire } from './schema.js';

/** Renders a zod issue path as `sections[0].questions[1].points`. */
export function formatIssuePath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((acc, key) => (typeof key === 'number' ? `${acc}[${key}]` : acc ? `${acc}.${String(key)}` : String(key)), '') || TOP_LEVEL;
}

/** Turns zod issues into user errors pointing into `file`, in Russian too (parse with `reportInput: true` to name the value found). */
export function zodToUserErrors(error: z.ZodError, file: string, code: string): UserError[] {
  return error.issues.map((issue) => {
    const { id, params } = issueMessage(issue);
    return UserError.of(code, id, params, { file, path: formatIssuePath(issue.path) });
  });
}

/**
 * Validates a parsed questionnaire document in stages: schema, then named rules.
 * Throws one UserErrors listing every problem, each with the path inside the file.
 */
export function parseQuestionnaire(doc: unknown, file: string): Questionnaire {
  const parsed = questionnaireSchema.safeParse(doc, { reportInput: true });
  if (!parsed.success) throw new UserErrors(zodToUserErrors(parsed.error, file, 'E_QUESTIONNAIRE_SCHEMA'));
  const problems = checkQuestionnaireRules(parsed.data, file);
  if (problems.length > 0) throw new UserErrors(problems);
  return parsed.data;
}
