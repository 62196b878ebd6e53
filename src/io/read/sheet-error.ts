import { UserError, userErrorMessage } from '../../core/errors.js';
import { renderHint, type MessageId } from '../../core/messages.js';

/** The sheet read by default has no known header row; the workbook's other sheets may hold the data. */
export class SheetWithoutHeader extends UserError {
  constructor(
    /** Why the sheet was passed over: no header row (E_NO_HEADER), or required columns missing (E_MAP_REQUIRED: a summary sheet before the data). */
    readonly passedOver: UserError,
    readonly sheet: string,
    readonly sheets: string[],
    /** The workbook, where it came from stdin: the other sheets are read from it (stdin cannot be read twice). */
    public held?: Buffer,
  ) {
    const cause = passedOver;
    super(cause.code, `${cause.message} on sheet "${sheet}"`, cause.where, sheets.length > 1 ? `the data may be on another sheet: pass --sheet with one of ${sheets.map((n) => `"${n}"`).join(', ')}` : cause.hint);
    // The same words from the catalogue, so that a Russian run reads the cause and the hint in Russian.
    const hintIn = (lang: string) => (cause.messageId ? renderHint(cause.messageId, cause.params ?? {}, lang) : cause.hint);
    const id: MessageId = sheets.length > 1 ? 'sheet.noHeaderOthers' : hintIn('en') !== undefined ? 'sheet.noHeader' : 'sheet.noHeaderBare';
    this.messageId = id;
    this.params = { cause: cause.message, causeRu: userErrorMessage(cause, 'ru'), sheet, sheets: sheets.map((n) => `"${n}"`).join(', '), causeHint: hintIn('en') ?? '', causeHintRu: hintIn('ru') ?? '' };
  }
}
