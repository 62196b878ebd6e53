import path from 'node:path';
import { tr } from '../core/i18n.js';
import type { CliContext } from './context.js';

/** Streams that show a progress line now, so that whatever is written next clears it first. */
const live = new WeakSet<NodeJS.WritableStream>();

/** Clears a progress line left on a stream (before a report, a summary or an error is written). */
export function clearProgress(stream: NodeJS.WritableStream): void {
  if (!live.has(stream)) return;
  live.delete(stream);
  stream.write('\r\u001b[K');
}

/** What the progress line says: which file, how far, or that its rows are being processed. */
export function progressText(state: { file: string; read: number; total: number | undefined; part: boolean }, lang: string): string {
  const name = state.file === '-' ? tr(lang, 'стандартный ввод', 'stdin') : path.basename(state.file);
  const mb = (n: number) => (n / 1048576).toFixed(0);
  const done = state.total !== undefined && state.read >= state.total;
  const what = state.part ? tr(lang, `Чтение ${name}, первая половина (вторую читает второй поток)`, `Reading ${name}, first half (a second thread reads the rest)`) : tr(lang, `Чтение ${name}`, `Reading ${name}`);
  if (state.total === undefined) return `${what}: ${mb(state.read)} ${tr(lang, 'МБ', 'MB')}`;
  const pct = Math.min(100, Math.floor((state.read / state.total) * 100));
  const line = `${what}: ${pct}% (${mb(state.read)} ${tr(lang, 'из', 'of')} ${mb(state.total)} ${tr(lang, 'МБ', 'MB')})`;
  // Read to the end: the rows are still being merged and counted, so the line says so, never goes blank.
  return done ? `${line}; ${tr(lang, 'обработка…', 'processing…')}` : line;
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
    ctx.stderr.write(`\r${progressText({ file: name, read, total, part: about?.part ?? false }, lang)}\u001b[K`);
  };
}
