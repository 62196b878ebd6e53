import { describe, expect, it } from 'vitest';
import { fitColumns, keepTogether, textWidth, wrapText, wrapWords } from '../../src/render/wrap.js';

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

// Review R48: the segmenter over a whole long line was quadratic; a long word is counted by code point instead.
describe('textWidth', () => {
  it('counts a wide character as two columns and an accent as none, a short word and a long one alike', () => {
    expect(textWidth('销售 data')).toBe(9);
    expect(textWidth('и\u0306')).toBe(1);
    for (const unit of ['销', 'и\u0306', 'a']) {
      const short = textWidth(unit.repeat(10));
      expect(textWidth(unit.repeat(1000)), unit).toBe(short * 100);
    }
  });

  it('keeps within the columns a cut takes', () => {
    expect(fitColumns(['销', '售', 'a'], 3).join('')).toBe('销');
    expect(fitColumns(['a', '销'], 3).join('')).toBe('a销');
  });
});

describe('wrapWords', () => {
  it('breaks between words by the columns a line takes, a wide character two', () => {
    expect(wrapWords('Реакция мед., мин', 8)).toEqual(['Реакция', 'мед.,', 'мин']);
    expect(wrapWords('Реакция мед., мин', 13)).toEqual(['Реакция мед.,', 'мин']);
    // Four Chinese characters take 8 columns: two such words do not share a 12-column line.
    expect(wrapWords('销售经理 销售经理', 12)).toEqual(['销售经理', '销售经理']);
    expect(wrapWords('销售经理 销售经理', 17)).toEqual(['销售经理 销售经理']);
    // A longer word keeps its own line; an empty text gives none.
    expect(wrapWords('a Сверхдлинноеслово b', 5)).toEqual(['a', 'Сверхдлинноеслово', 'b']);
    expect(wrapWords('', 5)).toEqual([]);
  });
});
