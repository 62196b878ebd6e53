// io/documents: an answers file (`audit --answers`, a config's `audit.answers`), read with its text kept, so that
// its mistakes are said with their line and column as a config's and a targets file's are.
import { parseAnswers, type ParsedAnswers } from '../../core/audit/answers.js';
import { TOP_LEVEL, UserError, UserErrors } from '../../core/errors.js';
import type { Questionnaire } from '../../core/questionnaire/schema.js';
import { readDocument } from '../read/files.js';
import { guessDocumentKind, notAnswers, wrongKindError } from './document-kind.js';
import { withLines } from './document-lines.js';
import { parseYaml } from './yaml.js';

/** An answers file as read: its name, its document, and its text (where its mistakes' lines are found). */
export interface AnswersDocument {
  file: string;
  doc: unknown;
  text: string;
}

/** Reads an answers file; another kind of file (an export, a questionnaire, an audit result) says what it is. */
export async function readAnswersDocument(file: string, cwd: string, stdin: NodeJS.ReadableStream): Promise<AnswersDocument> {
  // A workbook is not read as text; a .csv is named an export by guessDocumentKind below, unless empty or binary.
  if (/\.xlsx?$/i.test(file)) throw wrongKindError(file, 'export', 'answers')!;
  const text = await readDocument(file, cwd, stdin);
  let doc: unknown;
  try {
    doc = parseYaml(text, file);
  } catch (error) {
    throw wrongKindError(file, guessDocumentKind(file, undefined, text), 'answers') ?? error;
  }
  const wrong = wrongKindError(file, guessDocumentKind(file, doc, text), 'answers') ?? notAnswers(file, doc);
  if (wrong) throw wrong;
  return { file, doc, text };
}

/**
 * Checks an answers file against a questionnaire (parseAnswers), its mistakes said with their line and column: an
 * unknown id (`erp.catalg`) or a word no question takes (`journal.interactions: maybe`) was said by its path only.
 */
export function parseAnswersDocument(answers: AnswersDocument, q: Questionnaire, allowPartial: boolean | 'ask'): ParsedAnswers {
  try {
    return parseAnswers(answers.doc, q, answers.file, allowPartial);
  } catch (error) {
    if (!(error instanceof UserError)) throw error;
    const errors = error instanceof UserErrors ? error.errors : [error];
    withLines(errors, answers.text);
    throw new UserErrors(errors.map((e) => withKeysSaid(e, q)));
  }
}

/**
 * An unknown key at an answers file's top, with the keys an answers file takes (a tester's `version: 2` got a bare
 * «unknown key»); `version` also says where a questionnaire's version is: in the questionnaire, never in the answers
 * (spec/audit.md: questionnaire, company, answers). Other errors as they are.
 */
function withKeysSaid(e: UserError, q: Questionnaire): UserError {
  if (e.messageId !== 'doc.unknownKeys' || e.where.path !== TOP_LEVEL) return e;
  const version = /"version"/i.test(String(e.params?.keys ?? ''));
  return UserError.of(e.code, version ? 'answers.versionKey' : 'answers.unknownKeys', { ...e.params, id: q.id, version: String(q.version) }, e.where);
}
