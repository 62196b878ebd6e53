import { stripVTControlCharacters } from 'node:util';
import { describe, expect, it } from 'vitest';
import { readYesNo } from '../../src/cli/prompts.js';
import { PassThrough } from 'node:stream';
import type { CliContext } from '../../src/cli/context.js';
import { printUserError, wrapProse, wrapText } from '../../src/cli/wrap.js';
import { UserError, UserErrors } from '../../src/core/errors.js';

describe('wrapping at word boundaries', () => {
  it('breaks between words only, keeps line breaks and overlong words whole', () => {
    const text = 'Журналирование — это когда CRM служит журналом всех контактов с клиентом: звонков, писем.';
    const wrapped = wrapText(text, 30);
    for (const line of wrapped.split('\n')) expect([...line].length).toBeLessThanOrEqual(30);
    expect(wrapped.split('\n').join(' ')).toBe(text);
    expect(wrapText('a\nb', 30)).toBe('a\nb');
    expect(wrapText(`x ${'y'.repeat(40)} z`, 25)).toBe(`x\n${'y'.repeat(40)}\nz`);
  });

  // With colour on, a bold title wrapped at 85 of 100 columns: its codes were counted as characters.
  it('counts colour codes as no columns', () => {
    const bold = (s: string) => `\u001b[1m${s}\u001b[22m`;
    const text = `${bold('Внедрить')} ${'слово '.repeat(4).trim()}`;
    expect(wrapText(text, 32)).toBe(text);
  });
});

// A helper's audit on a 120-column terminal: every table row lost its padding («│ Раздел │ Баллы │»), the spaces collapsed to one.
describe('tables and lines that fit', () => {
  it('keep their runs of spaces; a drawn table\'s line is never wrapped, even wider than the terminal', () => {
    const table = ['┌────────┬──────┐', '│ Раздел │ Баллы│', '│ Лид    │ 2 / 2│', '└────────┴──────┘'].join('\n');
    expect(wrapText(table, 40)).toBe(table);
    const wide = `│ ${'ячейка '.repeat(10)}│`;
    expect(wrapText(wide, 30)).toBe(wide);
    expect(wrapText('\u001b[1m│ Итого \u001b[22m     │ 7 / 10 │', 30)).toBe('\u001b[1m│ Итого \u001b[22m     │ 7 / 10 │');
    expect(wrapText('Раздел      Баллы', 40)).toBe('Раздел      Баллы');
  });
});

// One rule for every prose write to stderr: a reviewer found three (warnings kept every indented line,
// errors everything after the hint's first line, the rest wrapped snippets too).
describe('wrapProse: prose wrapped, snippets whole', () => {
  const long = 'a sentence long enough to need more than one line of thirty columns';
  const snippet = ['deals:', '  columns:', '    manager: "Ответственный"    # или "Менеджер": проверьте', '  status:', '    "Выдано": won    # 3 deals, all closed, all with an amount: check'];

  it('wraps the head, the hint and a list\'s items, each keeping its indent; a snippet after them stays whole', () => {
    const text = [long, `  hint: ${long}:`, ...snippet].join('\n');
    const out = wrapProse(text, 30).split('\n');
    expect(out.slice(-snippet.length)).toEqual(snippet);
    const prose = out.slice(0, -snippet.length);
    for (const l of prose) expect([...l].length, l).toBeLessThanOrEqual(30);
    expect(prose[0]).toBe('a sentence long enough to need');
    expect(prose.findIndex((l) => l.startsWith('  hint: '))).toBeGreaterThan(0);
    expect(prose.filter((l) => !l.startsWith('  ')).join(' ')).toBe(long);
    expect(wrapProse(`${long}:\n  - ${long}`, 30).split('\n').slice(-3)).toEqual(['  - a sentence long enough to', '  need more than one line of', '  thirty columns']);
  });

  it('a hint or a line at the left edge ends a snippet: the prose after it is wrapped again', () => {
    const text = ['says:', '    a quoted source line wider than thirty columns', `  подсказка: ${long}`, 'X', '# a YAML comment wider than the thirty columns', `${long}.`].join('\n');
    const out = wrapProse(text, 30).split('\n');
    expect(out.slice(0, 2)).toEqual(['says:', '    a quoted source line wider than thirty columns']);
    expect(out[2]).toBe('  подсказка: a sentence long');
    expect(out).toContain('# a YAML comment wider than the thirty columns');
    expect(out.at(-1)).toBe('columns.');
    for (const l of out.filter((x) => !x.startsWith('#') && !x.startsWith('    '))) expect([...l].length, l).toBeLessThanOrEqual(30);
  });

  it('an indented line that opens no snippet is prose (a skipped row\'s line); no terminal, nothing wrapped', () => {
    expect(wrapProse(`Skipped 2 rows:\n  deals.csv, row 3: ${long}`, 30).split('\n')[1]).toBe('  deals.csv, row 3: a sentence');
    const text = [long, `  hint: ${long}`, ...snippet].join('\n');
    expect(wrapProse(text, Infinity)).toBe(text);
  });
});

describe('printUserError: the one printer of a user error', () => {
  function context(columns: number): CliContext & { said: () => string } {
    const stderr = Object.assign(new PassThrough(), { isTTY: true, columns });
    return { stdout: new PassThrough(), stderr, stdin: new PassThrough(), env: { NO_COLOR: '1' }, cwd: '/', debug: false, said: () => String(stderr.read() ?? '') };
  }

  it('each of several errors said with its hint in the run\'s language, a snippet whole and the next head wrapped', () => {
    const first = new UserError('E_X', 'the manager could be in more than one column of the file', { file: 'deals.csv' }, 'pass a map, this one is ready to paste:\ndeals:\n  columns:\n    manager: "Ответственный"    # or "Менеджер": check');
    const second = new UserError('E_Y', 'two stages of closed deals are not known as won or lost', { file: 'deals.csv' }, 'say what each one means');
    const ctx = context(41);
    printUserError(ctx, new UserErrors([first, second]), 'ru');
    const lines = ctx.said().split('\n');
    expect(lines[0]).toBe('ошибка: deals.csv: the manager could be');
    expect(lines).toContain('    manager: "Ответственный"    # or "Менеджер": check');
    expect(lines.slice(4)).toEqual(['deals:', '  columns:', '    manager: "Ответственный"    # or "Менеджер": check', 'deals.csv: two stages of closed deals', 'are not known as won or lost', '  подсказка: say what each one means', '']);
    expect(lines).toContain('  подсказка: say what each one means');
    expect(lines.at(-1)).toBe('');
    for (const l of lines.filter((x) => !x.startsWith('    '))) expect([...l].length, l).toBeLessThanOrEqual(40);
  });
});

describe('yes / no typed in either language', () => {
  it('reads д, да, y, yes and н, нет, n, no; empty is the default; anything else is not an answer', () => {
    expect(['д', 'Да', 'y', 'YES'].map((v) => readYesNo(v, false))).toEqual([true, true, true, true]);
    expect(['н', 'нет', 'n', 'No'].map((v) => readYesNo(v, true))).toEqual([false, false, false, false]);
    expect([readYesNo('', true), readYesNo(' ', false), readYesNo('может', true)]).toEqual([true, false, undefined]);
  });
});

describe('path completion', () => {
  it('lists the files and folders that start with what is typed, folders with a slash, hidden ones only when asked', async () => {
    const { completePath } = await import('../../src/cli/prompts.js');
    const root = new URL('../../', import.meta.url).pathname;
    expect(completePath('samples/bitrix', root)).toEqual(['samples/bitrix24-calls.xls']);
    expect(completePath('samples/a', root)).toEqual(['samples/amocrm-deals.csv', 'samples/answers/']);
    // ~/ lists the home folder and keeps the ~/ it was typed with.
    expect(completePath('~/samples/bitrix', '/', root)).toEqual(['~/samples/bitrix24-calls.xls']);
    expect(completePath('', root)).not.toContain('.gitignore');
    expect(completePath('.giti', root)).toEqual(['.gitignore']);
    expect(completePath('no-such-folder/x', root)).toEqual([]);
  });
});

// An 80-column terminal: the prompt library wrapped an answered question mid-line («… recorded and kept» /
// « in the deal…», a line starting with a space) and drew a blank line after a line of exactly 80 columns.
describe('prompt messages laid out for the terminal', () => {
  it('wraps «? message answer» at spaces within the width, no line starting with a space', async () => {
    const { layoutPrompt } = await import('../../src/cli/prompts.js');
    const text = 'Are telephony and e-mail integrated with the CRM, with calls recorded and kept in the deal or company card together with the e-mails?';
    const l = layoutPrompt(text, 79);
    const shown = stripVTControlCharacters(`✔ ${l.message} ${l.answer('Yes')}`).split('\n').map((line) => line.trimEnd());
    for (const line of shown) {
      expect(line).not.toMatch(/^ /);
      expect([...line].length).toBeLessThanOrEqual(79);
    }
    expect(shown.join(' ')).toBe(`✔ ${text} Yes`);
  });

  it('never leaves a line of exactly the terminal width (80), which the library follows with a blank line', async () => {
    const { layoutPrompt } = await import('../../src/cli/prompts.js');
    // «✔ » + 74 columns + « Yes» is exactly 80.
    const text = `${'word '.repeat(14)}abcd`;
    expect(`✔ ${text} Yes`.length).toBe(80);
    const l = layoutPrompt(text, 79);
    const shown = stripVTControlCharacters(`✔ ${l.message} ${l.answer('Yes')}`).split('\n').map((line) => line.trimEnd());
    expect(shown).toEqual([`✔ ${text}`, 'Yes']);
    // A message that fits leaves the answer on its line.
    expect(layoutPrompt('Company:', 79).answer('Acme')).not.toContain('\n');
  });

  // A tester: «> Цена часа: «10 000 001» — … (1500, 1 500, 1500,50)» ran past a 100-column terminal, which cut «1 500» in two.
  it('wraps a refusal under the prompt at spaces, «> » kept at its start', async () => {
    const { layoutPrompt } = await import('../../src/cli/prompts.js');
    const reason = 'Цена часа: «10 000 001» — нужна цена часа в рублях: число больше 0 и не больше 10 000 000 (1500, 1 500, 1500,50)';
    const shown = stripVTControlCharacters(layoutPrompt('Цена часа, ₽?', 99).error(reason)).split('\n');
    expect(shown.length).toBeGreaterThan(1);
    expect(shown[0]).toMatch(/^> Цена часа/);
    for (const line of shown) expect([...line].length).toBeLessThanOrEqual(99);
    expect(shown.join(' ')).toBe(`> ${reason}`);
    expect(stripVTControlCharacters(layoutPrompt('Цена?', Infinity).error('нет'))).toBe('> нет');
  });
});
