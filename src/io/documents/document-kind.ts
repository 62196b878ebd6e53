import { UserError } from '../../core/errors.js';

/** What a file given to a command holds, as far as its name and first bytes tell. */
export type DocumentKind = 'export' | 'answers' | 'questionnaire' | 'audit-result' | 'unknown';

/** Guesses the kind of a document from its name and parsed content (for messages, never for reading). */
export function guessDocumentKind(file: string, doc: unknown, text: string): DocumentKind {
  if (/\.(csv|tsv|xlsx?|txt)$/i.test(file)) return 'export';
  if (doc !== null && typeof doc === 'object' && !Array.isArray(doc)) {
    const o = doc as Record<string, unknown>;
    if ('sections' in o && 'bands' in o && 'schemaVersion' in o) return 'audit-result';
    if ('sections' in o) return 'questionnaire';
    if ('answers' in o) return 'answers';
  }
  // A delimited export renamed or piped: a header line with several delimiters and no YAML key.
  const first = text.split(/\r?\n/, 1)[0] ?? '';
  if ((first.match(/[,;\t]/g)?.length ?? 0) >= 2 && !/^\s*[\w.-]+:\s/.test(first)) return 'export';
  return 'unknown';
}

const SAID: Record<Exclude<DocumentKind, 'unknown'>, string> = {
  export: 'a CRM export (a table of deals, calls or payments)',
  answers: 'an audit answers file',
  questionnaire: 'a questionnaire',
  'audit-result': 'an audit result (JSON from --format json)',
};

/** A user error saying what kind of file was given where another was expected, and what to do. */
export function wrongKindError(file: string, kind: DocumentKind, expected: string, hint: string): UserError | undefined {
  if (kind === 'unknown') return undefined;
  return new UserError('E_WRONG_FILE', `this is ${SAID[kind]}, not ${expected}`, { file }, hint);
}
