import { UserError } from '../../core/errors.js';

/** The sheet read by default has no known header row; the workbook's other sheets may hold the data. */
export class SheetWithoutHeader extends UserError {
  constructor(
    cause: UserError,
    readonly sheet: string,
    readonly sheets: string[],
  ) {
    super(cause.code, `${cause.message} on sheet "${sheet}"`, cause.where, sheets.length > 1 ? `the data may be on another sheet: pass --sheet with one of ${sheets.map((n) => `"${n}"`).join(', ')}` : cause.hint);
  }
}
