import { promises as fs } from 'node:fs';
import path from 'node:path';
import { packageFile } from '../package-files.js';
import { parseQuestionnaire } from '../../core/questionnaire/parse.js';
import type { Questionnaire } from '../../core/questionnaire/schema.js';
import { assertRunLanguage, isQuestionnairePath } from '../../core/questionnaire/rules.js';
import { UserError, UserErrors } from '../../core/errors.js';
import { HELD_INSTEAD } from '../../core/messages/documents.js';
import { readDocument } from '../read/files.js';
import { parseYaml } from './yaml.js';
import { withLines } from './document-lines.js';

/** The folder of built-in questionnaires shipped with the package. */
export const QUESTIONNAIRES_DIR = packageFile('questionnaires');

/** Ids of the built-in questionnaires. */
export async function listBuiltInQuestionnaires(): Promise<string[]> {
  const files = await fs.readdir(QUESTIONNAIRES_DIR);
  return files.filter((f) => f.endsWith('.yaml')).map((f) => f.replace(/\.yaml$/, '')).sort();
}

/**
 * Loads and validates a questionnaire: a built-in id (`crm-maturity`) or a path to a YAML file. With
 * `lang` (the run's), one that does not declare that language is refused too (assertRunLanguage).
 */
export async function loadQuestionnaire(ref: string, cwd: string, stdin: NodeJS.ReadableStream, lang?: string): Promise<{ questionnaire: Questionnaire; file: string }> {
  let file = ref;
  if (!isQuestionnairePath(ref)) {
    const builtIn = await listBuiltInQuestionnaires();
    if (!builtIn.includes(ref)) {
      throw UserError.of('E_QUESTIONNAIRE_UNKNOWN', 'questionnaire.unknown', { id: ref, builtIn: builtIn.join(', ') });
    }
    file = path.join(QUESTIONNAIRES_DIR, `${ref}.yaml`);
  }
  const text = await readDocument(file, cwd, stdin);
  const doc = parseYaml(text, ref);
  if (doc !== null && (typeof doc !== 'object' || Array.isArray(doc))) throw await notAQuestionnaire(doc, ref);
  const questionnaire = withLinesOf(text, () => parseQuestionnaire(doc, ref));
  if (lang !== undefined) assertRunLanguage(questionnaire, lang, ref);
  return { questionnaire, file };
}

/**
 * Runs a document's check, its errors said at their lines in `text` (tester T40 F12: a questionnaire's
 * «в sections[0].questions[0].points» had no line where a map's, an answers file's and a config's do).
 */
function withLinesOf<T>(text: string, check: () => T): T {
  try {
    return check();
  } catch (error) {
    if (error instanceof UserError) withLines(error instanceof UserErrors ? error.errors : [error], text);
    throw error;
  }
}

/**
 * A file that holds one value or a list where a questionnaire was named: said for what it holds, never quoting it
 * (an answers file's `questionnaire: ../../etc/passwd` printed the whole of /etc/passwd as the value got).
 */
async function notAQuestionnaire(doc: unknown, file: string): Promise<UserError> {
  const held = HELD_INSTEAD[Array.isArray(doc) ? 'list' : typeof doc === 'string' ? 'text' : 'value'];
  return UserError.of('E_QUESTIONNAIRE_SCHEMA', 'questionnaire.notOne', { heldRu: held.ru, heldEn: held.en, builtIn: (await listBuiltInQuestionnaires()).join(', ') }, { file });
}
