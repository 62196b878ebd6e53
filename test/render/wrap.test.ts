import { describe, expect, it } from 'vitest';
import { keepTogether, wrapText } from '../../src/render/wrap.js';

// A tester at 100 columns: «… 21 000» | «ч в месяц», and a line beginning with «— чистые потери»;
// the terminal cut a message inside «1 500».
describe('wrapping keeps together what a Russian reader does', () => {
  it('a number and its unit, the groups of one number, and a dash with the word before it', () => {
    expect(keepTogether('до 1 000 ч в день, 21 000 ч в месяц, около 9 460 500 ₽ в месяц'.split(' '))).toEqual(['до', '1 000 ч', 'в', 'день,', '21 000 ч', 'в', 'месяц,', 'около', '9 460 500 ₽', 'в', 'месяц']);
    expect(keepTogether('30 мин; 4,5 дн. и 15 % или 2 500 руб., 3 h'.split(' '))).toEqual(['30 мин;', '4,5 дн.', 'и', '15 %', 'или', '2 500 руб.,', '3 h']);
    expect(keepTogether('их ввод — чистые потери'.split(' '))).toEqual(['их', 'ввод —', 'чистые', 'потери']);
    expect(keepTogether('(1500, 1 500, 1500,50)'.split(' '))).toEqual(['(1500,', '1 500,', '1500,50)']);
    // A word that only looks like a unit after a word is left alone; so is a lone year after a number.
    expect(keepTogether('отчёт ч и 2024 год'.split(' '))).toEqual(['отчёт', 'ч', 'и', '2024', 'год']);
  });

  it('never separates a number from its unit, nor starts a line with a dash', () => {
    const text = 'телефония вне CRM — до 1 ч в день на менеджера; при 1 000 менеджерах — до 1 000 ч в день, 21 000 ч в месяц, около 9 460 500 ₽ в месяц';
    for (let width = 20; width <= 100; width++) {
      const lines = wrapText(text, width).split('\n');
      expect(lines.join(' '), String(width)).toBe(text);
      for (const l of lines) {
        expect(l, `${width}: ${l}`).not.toMatch(/^[—–]/);
        expect(l, `${width}: ${l}`).not.toMatch(/^(ч|₽|000)\b/u);
      }
    }
    expect(wrapText('Если данные никто не читает, их ввод — чистые потери.', 30)).toBe('Если данные никто не читает,\nих ввод — чистые потери.');
    expect(wrapText('Если данные никто не читает, их ввод — чистые потери.', 36)).toBe('Если данные никто не читает, их\nввод — чистые потери.');
    expect(wrapText('Если данные никто не читает, их ввод — чистые потери.', 38)).toBe('Если данные никто не читает, их ввод —\nчистые потери.');
  });

  it('keeps colour codes out of the count', () => {
    const esc = String.fromCharCode(27);
    expect(keepTogether([`${esc}[33m21`, `000${esc}[0m`, 'ч'])).toEqual([`${esc}[33m21 000${esc}[0m ч`]);
  });
});
