import { describe, expect, it } from 'vitest';
import { importNote, MESSAGES, rowReason } from '../../src/core/messages.js';

// What `inspect` prints after "->" for a value: in Russian, words and outcomes alike (a Russian run
// printed «-> open»).
describe("the importer's notes on values, in a Russian inspect", () => {
  it.each([
    ['(unknown: stage used)', '(не известно: взят этап)'],
    ['answered (unknown value)', 'отвечен (значение не известно)'],
    ['not answered', 'не отвечен'],
    ['answered', 'отвечен'],
    ['(unknown)', '(не известно)'],
    ['open (stage not known)', 'открыта (этап не известен)'],
  ])('%s', (en, ru) => {
    expect(importNote(en, 'ru')).toBe(ru);
    expect(importNote(en, 'en')).toBe(en);
  });
});

describe('numbers in Russian messages are grouped as a Russian reader writes them', () => {
  it('a limit in bytes reads «8 388 608 байт»; the English text, the contract, keeps the digits', async () => {
    const { renderMessage } = await import('../../src/core/messages.js');
    expect(renderMessage('csv.runaway', { line: 12, bytes: 8_388_608 }, 'ru')).toContain('длиннее 8 388 608 байт');
    expect(renderMessage('csv.runaway', { line: 12, bytes: 8_388_608 }, 'en')).toContain('runs over 8388608 bytes');
    expect(renderMessage('file.tooLarge', { size: 6_000_000, max: 5_242_880 }, 'ru')).toBe('размер файла в байтах — 6 000 000, а для документов этого вида предел — 5 242 880');
  });

  it('small numbers and a value to type after an option stay as they are', async () => {
    const { renderHint, renderMessage } = await import('../../src/core/messages.js');
    expect(renderMessage('csv.tooManyColumns', { line: 3, count: 2500, max: 2000 }, 'ru')).toBe('колонок 2500, а предел — 2000');
    // A value to type after its option: `--max-bad-rows 123456`, as the user types it (generate's «--seed» line says sizes now).
    expect(renderHint('import.badRowsSome', { skipped: 123456, rows: 200000, max: 100, examplesRu: '' }, 'ru')).toContain('--max-bad-rows 123456 прочитает');
  });
});

describe('a word that follows its number', () => {
  it('takes the Russian form of one, few or many and the English one or other, a grouped number too', async () => {
    const { fill, renderMessage } = await import('../../src/core/messages.js');
    expect([1, 2, 5, 11, 21, 22, 25].map((n) => fill('{n} {n:строка|строки|строк}', { n }))).toEqual(['1 строка', '2 строки', '5 строк', '11 строк', '21 строка', '22 строки', '25 строк']);
    expect([1, 2].map((n) => fill('{n} {n:row|rows}', { n }))).toEqual(['1 row', '2 rows']);
    expect(renderMessage('import.noReadableDeal', { rows: 12_342 }, 'ru')).toBe('в файле сделок 12 342 строки, но ни одна не читается как сделка');
    expect(renderMessage('import.onlyTotals', { rows: 1 }, 'en')).toBe('the deals file has no deal rows: only 1 totals or note row');
    expect(fill('{n:a|b} {m}', {})).toBe('{n:a|b} {m}');
  });
});

describe('why a row was skipped, in Russian', () => {
  // «нет поля at» showed a field name to a Russian reader; the column is named beside the reason.
  it('names a missing required date in words, and keeps the generic form for other fields', () => {
    expect(rowReason('no at', 'ru')).toBe('нет даты');
    expect(rowReason('no created_at', 'ru')).toBe('нет даты создания');
    expect(rowReason('no manager', 'ru')).toBe('нет менеджера');
    expect(rowReason('no at', 'en')).toBe('no date');
    expect(rowReason('no created_at', 'en')).toBe('no creation date');
  });
});

// A tester's Russian `inspect -` read «для stdin (-) укажите через --kind»: a Russian reader is told of
// «стандартный ввод»; the English text keeps its word.
describe('standard input in Russian messages', () => {
  it('no Russian message or hint says «stdin»', () => {
    const said = Object.entries(MESSAGES as Record<string, { ru: string; hint?: { ru: string } }>).filter(([, m]) => /stdin/i.test(m.ru) || /stdin/i.test(m.hint?.ru ?? ''));
    expect(said.map(([id]) => id)).toEqual([]);
  });

  it('inspect - without --kind names standard input in Russian, stdin in English', async () => {
    const { renderMessage } = await import('../../src/core/messages.js');
    expect(renderMessage('inspect.stdinNeedsKind', {}, 'ru')).toBe('данные идут со стандартного ввода (-): укажите через --kind, что в них');
    expect(renderMessage('inspect.stdinNeedsKind', {}, 'en')).toBe('with stdin (-), say what the file holds with --kind');
  });
});
