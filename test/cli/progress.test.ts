import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { CliContext } from '../../src/cli/context.js';
import { writeOutput } from '../../src/cli/output.js';
import { progressLine, progressText } from '../../src/cli/progress.js';
import { stderrLine } from '../../src/cli/wrap.js';
import { textWidth } from '../../src/render/wrap.js';

const MB = 1e6;

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

  // Tester T57: a question about the export's stages was written onto «обработка…».
  it('is cleared before a line of prose or a question', () => {
    const { ctx, text } = terminal();
    progressLine(ctx, 'ru')(40 * MB, 40 * MB, { file: '/data/deals.csv', part: false });
    stderrLine(ctx, 'В выгрузке deals.csv есть закрытые этапы');
    expect(text()).toBe('\rЧтение deals.csv: 100% (40 из 40 МБ); обработка…\u001b[K\r\u001b[KВ выгрузке deals.csv есть закрытые этапы\n');
  });

  it('is quiet for small files and reads in English with --lang en', () => {
    const { ctx, text } = terminal();
    progressLine(ctx, 'en')(1 * MB, 2 * MB, { file: 'small.csv', part: false });
    expect(text()).toBe('');
    expect(progressText({ file: '-', read: 12 * MB, total: undefined, part: false }, 'en')).toBe('Reading stdin: 12 MB');
  });

  // A line longer than the terminal wraps, and each redraw cleared only its last row: 69 stale lines at 60 columns.
  it('fits the terminal: the second thread\'s note shortened first, then the name cut in its middle', () => {
    const state = { file: '/data/deals.csv', read: 53 * MB, total: 137 * MB, part: true };
    expect(progressText(state, 'ru')).toBe('Чтение deals.csv, первая половина (вторую читает второй поток): 38% (53 из 137 МБ)');
    expect(progressText(state, 'ru', 60)).toBe('Чтение deals.csv (1-я половина): 38% (53 из 137 МБ)');
    // Megabytes of a million bytes: a 171 MB file (163.5 MiB) is 171 МБ, its half 86 (was 82 «МБ» of mebibytes).
    expect(progressText({ file: 'calls.csv', read: 85_500_000, total: 85_500_000, part: true }, 'ru', 80)).toBe('Чтение calls.csv (1-я половина): 100% (86 из 86 МБ); обработка…');
    const long = { ...state, file: '/data/amocrm_export_leads_2025-06-01_full.csv' };
    const cut = progressText(long, 'ru', 60);
    expect(cut.length).toBeLessThanOrEqual(59);
    expect(cut).toMatch(/^Чтение amocrm_e.*….*full\.csv \(1-я половина\): 38% \(53 из 137 МБ\)$/);
    expect(progressText({ ...state, read: 137 * MB }, 'en', 40).length).toBeLessThanOrEqual(39);
    // At 40 columns the name stays and the megabytes go (tester T44: «Чтение  (1-я половина): 39% (8 из 22 МБ», cut mid-word).
    expect(progressText({ file: '/x/activities.csv', read: 8 * MB, total: 22 * MB, part: true }, 'ru', 40)).toBe('Чтение activities.csv: 36%');
    expect(progressText({ file: '/x/activities.csv', read: 22 * MB, total: 22 * MB, part: true }, 'en', 40)).toBe('Reading activities.csv: 100%…');
    expect(progressText({ file: '-', read: 8 * MB, total: undefined, part: false }, 'ru')).toBe('Чтение стандартного ввода: 8 МБ');
    // A name cut in its middle keeps whole characters: an emoji's two UTF-16 halves are never parted.
    const emoji = progressText({ ...state, file: '/x/📞📞📞📞📞📞📞📞📞📞📞📞📞📞📞📞📞📞📞📞.csv' }, 'ru', 50);
    expect(emoji).toMatch(/^Чтение 📞+…(?:📞*\.)?csv \(1-я половина\): 38% \(53 из 137 МБ\)$/u);
    expect(emoji).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/);
    expect(Array.from(emoji).length).toBeLessThanOrEqual(49);
    // An emoji and a Chinese character take two columns each (tester T57: 101 columns of 80, stale lines left).
    expect(textWidth(emoji)).toBeLessThanOrEqual(49);
    const cjk = progressText({ ...state, file: `/x/${'销售数据'.repeat(7)}.csv` }, 'ru', 80);
    expect(cjk).toMatch(/^Чтение 销售数据.*….*数据\.csv \(1-я половина\): 38% \(53 из 137 МБ\)$/u);
    expect(textWidth(cjk)).toBeLessThanOrEqual(79);
    expect(textWidth(cjk)).toBeGreaterThanOrEqual(77);
    for (const cols of [30, 40, 50, 60]) expect(textWidth(progressText({ ...state, file: `/x/${'销售数据'.repeat(7)}.csv` }, 'ru', cols)), String(cols)).toBeLessThanOrEqual(cols - 1);
    // A flag (two code points) and a decomposed «й» (и + U+0306) are kept whole too.
    const flags = progressText({ ...state, file: `/x/${'🇷🇺й'.repeat(20)}.csv` }, 'ru', 50);
    expect(flags).toMatch(/^Чтение (?:🇷🇺|й)+…/u);
    expect(flags.split('🇷').length).toBe(flags.split('🇺').length);
    expect(flags.slice('Чтение '.length).split(' (')[0]).not.toMatch(/и(?!\u0306)/u);
    // Every line drawn on a narrow terminal fits it.
    const { ctx, text } = terminal();
    (ctx.stderr as unknown as { columns: number }).columns = 50;
    progressLine(ctx, 'ru')(20 * MB, 137 * MB, { file: long.file, part: true });
    for (const frame of text().split('\r').filter((f) => f !== '')) expect(frame.replace('\u001b[K', '').length).toBeLessThanOrEqual(49);
  });
});
