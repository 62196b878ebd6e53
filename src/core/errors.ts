/** Where in the user's input a problem is: a file, and optionally a row, a column or a path inside it. */
export interface Where {
  file?: string;
  row?: number;
  column?: string;
  /** A path inside a YAML/JSON document, e.g. `sections[2].questions[0].points`. */
  path?: string;
}

/** A mistake the user can fix: bad input, bad arguments. The CLI prints it without a stack and exits 2. */
export class UserError extends Error {
  readonly where: Where;
  readonly hint: string | undefined;
  readonly code: string;

  constructor(code: string, message: string, where: Where = {}, hint?: string) {
    super(message);
    this.name = 'UserError';
    this.code = code;
    this.where = where;
    this.hint = hint;
  }
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

/** Formats "file:row, column X: message" the same way everywhere. */
export function formatWhere(where: Where): string {
  const parts: string[] = [];
  if (where.file !== undefined) parts.push(where.file);
  if (where.row !== undefined) parts.push(`row ${where.row}`);
  if (where.column !== undefined) parts.push(`column "${where.column}"`);
  if (where.path !== undefined) parts.push(`at ${where.path}`);
  return parts.join(', ');
}

/** One user error as the lines a person reads: where, what, and how to fix it. */
export function describeUserError(error: UserError): string {
  const list = error instanceof UserErrors ? error.errors : [error];
  return list
    .map((e) => {
      const where = formatWhere(e.where);
      const head = where ? `${where}: ${e.message}` : e.message;
      return e.hint ? `${head}\n  hint: ${e.hint}` : head;
    })
    .join('\n');
}
