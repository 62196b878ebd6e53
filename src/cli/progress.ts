import path from 'node:path';
import { tr } from '../core/i18n.js';
import { fitColumns, graphemes, textWidth } from '../render/wrap.js';
import type { CliContext } from './context.js';

/** Streams that show a progress line now, so that whatever is written next clears it first. */
const live = new WeakSet<NodeJS.WritableStream>();

/** Clears a progress line left on a stream (before a report, a summary or an error is written). */
export function clearProgress(stream: NodeJS.WritableStream): void {
  if (!live.has(stream)) return;
  live.delete(stream);
  stream.write('\r\u001b[K');
}

/**
 * What the progress line says: which file, how far, or that its rows are being processed. Within
 * `width` characters when given (the terminal's): a line longer than the terminal wraps, and each
 * redraw then cleared only its last row (a 60-column terminal kept 69 stale «Чтение …» lines).
 * Shortened in steps: the second thread's note first, then the file's name in its middle.
 */
export function progressText(state: { file: string; read: number; total: number | undefined; part: boolean }, lang: string, width = Infinity): string {
  // «Чтение стандартного ввода»: the genitive a Russian reader writes after «Чтение» (it read «Чтение стандартный ввод»).
  const name = state.file === '-' ? tr(lang, 'стандартного ввода', 'stdin') : path.basename(state.file);
  // Cut by the characters a reader sees (grapheme clusters), not UTF-16 units: a cut never splits an emoji,
  // a flag or a letter and its accent (macOS writes «й» as и + U+0306); counted in the columns they take
  // (a Chinese character or an emoji takes two: a tester's line ran to 101 columns of 80).
  const chars = graphemes(name);
  const widthOf = textWidth;
  // Megabytes of 10^6 bytes, as «МБ» and "MB" say (binary mebibytes read 163 for a 171 MB file).
  const mb = (n: number) => (n / 1e6).toFixed(0);
  const done = state.total !== undefined && state.read >= state.total;
  const pct = state.total === undefined ? 0 : Math.min(100, Math.floor((state.read / state.total) * 100));
  // Read to the end: the rows are still being merged and counted, so the line says so, never goes blank.
  const processing = done ? `; ${tr(lang, 'обработка…', 'processing…')}` : '';
  const tail = state.total === undefined ? `${mb(state.read)} ${tr(lang, 'МБ', 'MB')}` : `${pct}% (${mb(state.read)} ${tr(lang, 'из', 'of')} ${mb(state.total)} ${tr(lang, 'МБ', 'MB')})${processing}`;
  // The narrowest terminals keep the name and the share, not the megabytes (at 40 columns the name went: «Чтение  (1-я половина): 39% (8 из 22 МБ»).
  const brief = state.total === undefined ? tail : `${pct}%${done ? '…' : ''}`;
  const long = (n: string) => (state.part ? tr(lang, `Чтение ${n}, первая половина (вторую читает второй поток)`, `Reading ${n}, first half (a second thread reads the rest)`) : tr(lang, `Чтение ${n}`, `Reading ${n}`));
  const short = (n: string) => (state.part ? tr(lang, `Чтение ${n} (1-я половина)`, `Reading ${n} (first half)`) : tr(lang, `Чтение ${n}`, `Reading ${n}`));
  const bare = (n: string) => tr(lang, `Чтение ${n}`, `Reading ${n}`);
  // One column is left free: a line that fills the last column wraps on some terminals.
  const room = width - 1;
  // The name cut in its middle, its ends kept, where six of its characters fit.
  const cut = (what: (n: string) => string, end: string) => {
    const keep = room - widthOf(`${what('')}: ${end}`) - 1;
    return keep >= 6 ? `${what(`${fitColumns(chars, Math.ceil(keep / 2)).join('')}…${fitColumns([...chars].reverse(), Math.floor(keep / 2)).reverse().join('')}`)}: ${end}` : undefined;
  };
  const whole = (what: (n: string) => string, end: string) => `${what(name)}: ${end}`;
  // Shortened in steps: the second thread's note, the name's middle, then the megabytes and the note.
  const lines = [() => whole(long, tail), () => whole(short, tail), () => cut(short, tail), () => whole(short, brief), () => whole(bare, brief), () => cut(short, brief), () => cut(bare, brief)];
  for (const line of lines) {
    const text = line();
    if (text !== undefined && widthOf(text) <= room) return text;
  }
  return fitColumns(graphemes(`${bare(name)}: ${brief}`), Math.max(0, room)).join('');
}


/**
 * A throttled progress line on stderr for long imports on a terminal: it names each file, counts
 * that file's bytes up to 100%, then says the file is being processed until the next file starts or
 * the report is written (which clears it).
 */
export function progressLine(ctx: CliContext, lang: string): (read: number, total: number | undefined, about?: { file: string; part: boolean }) => void {
  let last = 0;
  let file: string | undefined;
  let shown = false;
  return (read, total, about) => {
    const now = Date.now();
    const name = about?.file ?? '';
    const done = total !== undefined && read >= total;
    const fresh = name !== file;
    if (fresh) {
      file = name;
      shown = false;
    }
    if (!done && !fresh && now - last < 250) return;
    // Small files finish before a line would help; a line once started is carried to its end.
    if (read < 8 << 20 && !shown && !(done && live.has(ctx.stderr))) return;
    last = now;
    shown = true;
    live.add(ctx.stderr);
    const columns = (ctx.stderr as { columns?: number }).columns;
    ctx.stderr.write(`\r${progressText({ file: name, read, total, part: about?.part ?? false }, lang, columns && columns > 0 ? columns : Infinity)}\u001b[K`);
  };
}
