// Wrapping is pure text work and lives with the renderers (render/wrap.ts), which fit tables to a
// width with it; the CLI adds only the width of the stream it writes to.
export { visible, wrapText } from '../render/wrap.js';

/** The width to wrap a stream's text to: its terminal's columns (less one); not a terminal: no wrapping. */
export function columnsOf(stream: NodeJS.WritableStream): number {
  const cols = (stream as { columns?: number }).columns;
  return cols && cols > 0 ? cols - 1 : Infinity;
}
