// Wrapping is pure text work and lives with the renderers (render/wrap.ts), which fit tables to a
// width with it; the CLI adds the width of the stream it writes to, and which lines are prose.
import { describeUserError, type UserError } from '../core/errors.js';
import { PRINTER, say, WHERE_WORDS } from '../core/messages.js';
import { terminalSafe } from '../render/terminal-safe.js';
import { wrapText } from '../render/wrap.js';
import { paint, type CliContext } from './context.js';
import { clearProgress } from './progress.js';
export { visible, wrapText } from '../render/wrap.js';

/** The width to wrap a stream's text to: its terminal's columns (less one); not a terminal: no wrapping. */
export function columnsOf(stream: NodeJS.WritableStream): number {
  const cols = (stream as { columns?: number }).columns;
  return cols && cols > 0 ? cols - 1 : Infinity;
}

/** A line that opens a snippet: indented four spaces or more, a YAML key alone at the left edge (`deals:`), a YAML comment. */
const SNIPPET_OPENS = /^(?: {4}|\t|(?:[\w-]+|"[^"]*"):$|#)/;
/** An indented line of prose, never a snippet's: a message's hint (`  hint: …`, in either language) and a list's item (`  - …`). */
const INDENTED_PROSE = new RegExp(`^ {2}(?:- |(?:${WHERE_WORDS.hint.en}|${WHERE_WORDS.hint.ru}): )`);

/**
 * The one rule of what stderr wraps: prose between words at `width` (an indented line keeps its indent),
 * a snippet whole, to be copied. A snippet opens at a line SNIPPET_OPENS names and runs on through the
 * indented and comment lines after it (`  columns:`, `  "Выдано": won    # …`); a hint or a list's item
 * ends it, as does a line at the left edge. A terminal cut «с разными з» / «начениями» mid-word, and a
 * snippet wrapped was no YAML.
 */
export function wrapProse(text: string, width: number): string {
  if (!Number.isFinite(width)) return text;
  let inSnippet = false;
  return text
    .split('\n')
    .map((line) => {
      inSnippet = !INDENTED_PROSE.test(line) && (SNIPPET_OPENS.test(line) || (inSnippet && /^\s/.test(line)));
      return inSnippet ? line : wrapText(line, width);
    })
    .join('\n');
}

/** Prose for a stream (wrapProse): wrapped between words at its terminal's width; unchanged on a file or a pipe. */
export function proseFor(stream: NodeJS.WritableStream, text: string): string {
  return wrapProse(text, columnsOf(stream));
}

/** Says text on stderr as one or more lines, wrapped by the one rule (wrapProse): every message of the CLI's own goes through it. */
export function stderrLine(ctx: Pick<CliContext, 'stderr'>, text: string): void {
  // A progress line left on the terminal is cleared first (tester T57: a stage question was glued onto «обработка…»).
  clearProgress(ctx.stderr);
  ctx.stderr.write(`${proseFor(ctx.stderr, text)}\n`);
}

/**
 * A user error as stderr says it: «ошибка:» (red where colour is on), then each of its errors' where,
 * what and hint (describeUserError), made safe for a terminal and wrapped by the one rule: a snippet in
 * one stays whole, and the next one's head is prose again.
 */
export function printUserError(ctx: CliContext, error: UserError, lang: string): void {
  stderrLine(ctx, `${paint(ctx, 'stderr').red(say(PRINTER.error, lang))}: ${terminalSafe(describeUserError(error, lang), false)}`);
}
