import { fill, renderHint, renderMessage, say, WHERE_WORDS, type MessageId, type Params } from './messages.js';

/** The path of a problem with the whole document rather than a key in it. */
export const TOP_LEVEL = '(top level)';

/** Where in the user's input a problem is: a file, and optionally a row, a column or a path inside it. */
export interface Where {
  file?: string;
  row?: number;
  column?: string;
  /** A path inside a YAML/JSON document, e.g. `sections[2].questions[0].points`. */
  path?: string;
  /** A position in a text document (a YAML syntax error), 1-based. */
  at?: { line: number; column: number };
}

/** A mistake the user can fix: bad input, bad arguments. The CLI prints it without a stack and exits 2. */
export class UserError extends Error {
  readonly where: Where;
  readonly hint: string | undefined;
  readonly code: string;
  /** The catalogue message this error was made from (see core/messages.ts), to print it in Russian. */
  messageId: MessageId | undefined;
  params: Params | undefined;
  /**
   * What the error's --map snippet answers, as data (set where the snippet is built; undefined where it
   * answers nothing for sure: a field no column is proposed for, a «Тип» column offered both ways).
   */
  guess: MapGuess | undefined;

  constructor(code: string, message: string, where: Where = {}, hint?: string) {
    super(message);
    this.name = 'UserError';
    this.code = code;
    this.where = where;
    this.hint = hint;
  }

  /** A user error from the catalogue: `message` and `hint` are the English texts, the id renders the rest. */
  static of(code: string, id: MessageId, params: Params = {}, where: Where = {}): UserError {
    const error = new UserError(code, renderMessage(id, params, 'en'), where, renderHint(id, params, 'en'));
    error.messageId = id;
    error.params = params;
    return error;
  }
}

/** The answers a question's --map snippet proposes: the column of each field by kind, and each stage's outcome. */
export interface MapGuess {
  columns?: Record<string, Record<string, string>>;
  /** The comment after each proposed column (by field), in English and in Russian: why it was proposed, to check. */
  notes?: Record<string, { en: string; ru: string }>;
  status?: Record<string, 'won' | 'lost' | 'open'>;
}

/** Several user errors found together (e.g. every rule a questionnaire breaks). */
export class UserErrors extends UserError {
  readonly errors: UserError[];

  constructor(errors: UserError[]) {
    super(errors[0]?.code ?? 'E_INPUT', errors.map((e) => e.message).join('\n'), errors[0]?.where ?? {});
    this.name = 'UserErrors';
    this.errors = errors;
  }
}

/** Formats "file:row, column X: message" the same way everywhere (in Russian when `lang` is ru). */
export function formatWhere(where: Where, lang = 'en'): string {
  const word = (w: keyof typeof WHERE_WORDS, params: Params) => fill(say(WHERE_WORDS[w], lang), params);
  const parts: string[] = [];
  if (where.file !== undefined) parts.push(where.file === '-' ? say(WHERE_WORDS.stdin, lang) : where.file);
  if (where.row !== undefined) parts.push(word('row', { row: where.row }));
  if (where.column !== undefined) parts.push(word('column', { column: where.column }));
  if (where.at !== undefined) parts.push(word('at', where.at));
  if (where.path !== undefined) parts.push(where.path === TOP_LEVEL ? say(WHERE_WORDS.topLevel, lang) : word('path', { path: shortKeys(where.path) }));
  return parts.join(', ');
}

/** Keys of a path longer than this are said by their start (a YAML key may be 1 024 characters). */
const KEY_SHOWN = 40;

/** A document path with each long key cut to its start and «…», as a long value is quoted (the line and column say where it is). */
function shortKeys(path: string): string {
  return path.length <= 2 * KEY_SHOWN ? path : path.replace(new RegExp(`[^.[\\]"]{${KEY_SHOWN + 1},}`, 'gu'), (key) => `${[...key].slice(0, KEY_SHOWN).join('')}…`);
}

/** The error's message in `lang`: from the catalogue when it came from there, else as thrown. */
export function userErrorMessage(e: UserError, lang = 'en'): string {
  return e.messageId ? renderMessage(e.messageId, e.params ?? {}, lang) : e.message;
}

/** One user error as the lines a person reads: where, what, and how to fix it; in `lang` where the catalogue has it. */
export function describeUserError(error: UserError, lang = 'en'): string {
  const list = error instanceof UserErrors ? error.errors : [error];
  return list
    .map((e) => {
      const where = formatWhere(e.where, lang);
      const message = userErrorMessage(e, lang);
      const hint = e.messageId ? renderHint(e.messageId, e.params ?? {}, lang) : e.hint;
      const head = where ? `${where}: ${message}` : message;
      return hint ? `${head}\n  ${say(WHERE_WORDS.hint, lang)}: ${hint}` : head;
    })
    .join('\n');
}
