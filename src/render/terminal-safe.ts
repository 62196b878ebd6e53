// What a terminal shows of text that came from a file: its control characters made harmless.

/** Control characters a terminal would act on: C0 but tab, line feed and a CR before one; DEL; C1; ESC (see terminalSafe). */
// eslint-disable-next-line no-control-regex -- the control characters are what this finds
const UNSAFE_WITH_COLOUR = /\u001b(?!\[(?:1|2|22|31|32|33|36|39)m)|\r(?!\n)|[\u0000-\u0008\u000b\u000c\u000e-\u001a\u001c-\u001f\u007f-\u009f]/g;
// eslint-disable-next-line no-control-regex -- as above
const UNSAFE = /\u001b|\r(?!\n)|[\u0000-\u0008\u000b\u000c\u000e-\u001a\u001c-\u001f\u007f-\u009f]/g;

/**
 * Text that is safe to show on a terminal: a control character that came from a file (an escape
 * sequence in a manager's name clears the screen, moves the cursor or retitles the window) is shown
 * as U+FFFD. `colour`: the text holds this program's colours, which stay: only the codes it writes
 * (bold, dim, red, green, yellow, cyan and their ends), so that a name's «ESC [8m» hides nothing.
 */
export function terminalSafe(text: string, colour: boolean): string {
  return text.replace(colour ? UNSAFE_WITH_COLOUR : UNSAFE, '\ufffd');
}
