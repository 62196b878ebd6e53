import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { CliContext } from '../../src/cli/context.js';
import { writeOutput } from '../../src/cli/output.js';
import { progressLine, progressText } from '../../src/cli/progress.js';

const MB = 1 << 20;

function terminal(): { ctx: CliContext; text: () => string } {
  let out = '';
  const stream = Object.assign(new Writable({ write: (chunk, _enc, done) => ((out += chunk.toString()), done()) }), { isTTY: true });
  const ctx = { stdout: stream, stderr: stream, stdin: process.stdin, env: {}, cwd: process.cwd(), debug: false } as unknown as CliContext;
  return { ctx, text: () => out };
}

describe('the progress line', () => {
  it('names each file, reaches 100% for each, says it is processing, and is cleared before the report', async () => {
    const { ctx, text } = terminal();
    const tick = progressLine(ctx, 'ru');
    for (let r = 4; r <= 40; r += 4) tick(r * MB, 40 * MB, { file: '/data/deals.csv', part: false });
    tick(10 * MB, 20 * MB, { file: '/data/calls.csv', part: true });
    tick(20 * MB, 20 * MB, { file: '/data/calls.csv', part: true });
    await writeOutput(ctx, 'отчёт\n', undefined);
    const frames = text().split('\r').filter(Boolean);
    expect(frames).toContain('Чтение deals.csv: 100% (40 из 40 МБ); обработка…\u001b[K');
    expect(frames.some((f) => f.startsWith('Чтение calls.csv, первая половина (вторую читает второй поток): 50%'))).toBe(true);
    expect(frames.at(-2)).toMatch(/^Чтение calls\.csv.*100%.*обработка…/);
    expect(frames.at(-1)).toBe('\u001b[Kотчёт\n');
    // Never a reset to 0% of an unnamed file.
    expect(frames.filter((f) => / 0%/.test(f))).toEqual([]);
  });

  it('is quiet for small files and reads in English with --lang en', () => {
    const { ctx, text } = terminal();
    progressLine(ctx, 'en')(1 * MB, 2 * MB, { file: 'small.csv', part: false });
    expect(text()).toBe('');
    expect(progressText({ file: '-', read: 12 * MB, total: undefined, part: false }, 'en')).toBe('Reading stdin: 12 MB');
  });
});
