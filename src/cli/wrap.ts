// Wrapping is pure text work and lives with the renderers (render/wrap.ts), which fit tables to a
// width with it; the CLI adds only the width of the stream it writes to.
import { wrapText } from '../render/wrap.js';
export { visible, wrapText } from '../render/wrap.js';

/** The width to wrap a stream's text to: its terminal's columns (less one); not a terminal: no wrapping. */
export function columnsOf(stream: NodeJS.WritableStream): number {
  const cols = (stream as { columns?: number }).columns;
  return cols && cols > 0 ? cols - 1 : Infinity;
}

/** Prose for a stream: wrapped between words at its terminal's width; unchanged on a file or a pipe. */
export function proseFor(stream: NodeJS.WritableStream, text: string): string {
  return wrapText(text, columnsOf(stream));
}

/**
 * One error as stderr says it (its head, then `  hint: …` and what follows it), wrapped between words
 * at the terminal's width: the head and the hint's first line are prose; what follows the hint's first
 * line (a --map snippet, a list to copy) stays whole. A terminal cut «с разными з» / «начениями» mid-word.
 */
export function wrapErrorText(text: string, hintWord: string, width: number): string {
  const lines = text.split('\n');
  const hint = lines.findIndex((l) => l.startsWith(`  ${hintWord}: `));
  const prose = hint === -1 ? lines.length : hint + 1;
  return [...lines.slice(0, prose).map((l) => wrapText(l, width)), ...lines.slice(prose)].join('\n');
}
