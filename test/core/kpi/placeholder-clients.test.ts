// Placeholder clients (src/core/kpi/placeholder-clients.ts): what a CRM writes for a contact or company
// without a name, read as no client; and the byte matcher that reads them without decoding a cell.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { ExportDecoder } from '../../../src/io/read/decode.js';
import { trimEdges } from '../../../src/io/read/edges.js';
import { isPlaceholderClient, namesNoManager, PlaceholderBytes } from '../../../src/core/kpi/placeholder-clients.js';

/** The bytes of `text` in Windows-1251 for Cyrillic and ASCII, by hand (Node has no encoder for it). */
function cp1251(text: string): Uint8Array {
  return Uint8Array.from([...text].map((c) => {
    const code = c.codePointAt(0)!;
    if (code < 0x80) return code;
    if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
    if (c === '—') return 0x97;
    if (c === '\u00ad') return 0xad;
    if (c === '–') return 0x96;
    throw new Error(`no cp1251 byte for ${c}`);
  }));
}
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('isPlaceholderClient', () => {
  it('reads the placeholders CRMs write, in any case and with any spaces, as no client', () => {
    for (const p of ['Без имени', 'БЕЗ ИМЕНИ', ' без  имени ', 'Без названия', 'Контактное лицо', 'Неизвестный', 'Unknown', 'No name', 'NONAME', 'N/A', '-', '—', '–', 'нет', 'Нет', 'Не указан', 'без\u00a0имени']) expect(isPlaceholderClient(p), p).toBe(true);
  });

  // A withheld caller id as PBXs write it in place of a number (tester T32 F3): no client, so no callback is owed to it.
  it('reads a withheld caller id as no client, in any case', () => {
    for (const p of ['anonymous', 'Anonymous', 'ANONYMOUS', 'Анонимный', 'Скрытый номер', 'Номер скрыт', 'Номер не определён', 'Private', 'Withheld', 'Restricted', 'Unavailable', 'anonymous@anonymous.invalid', 'sip:anonymous@anonymous.invalid', '"Anonymous" <sip:anonymous@anonymous.invalid>']) expect(isPlaceholderClient(p), p).toBe(true);
    for (const c of ['Private Bank', 'Анонимный клиент 2', 'ООО Скрытый', 'Restricted Ltd']) expect(isPlaceholderClient(c), c).toBe(false);
  });

  // A lookup that failed (tester T49 F1): two deals of client «#N/A» were one client, a repeat sale.
  it('reads Excel\'s error values as no client', () => {
    for (const p of ['#N/A', '#n/a', '#REF!', '#VALUE!', '#DIV/0!', '#NAME?']) {
      expect(isPlaceholderClient(p), p).toBe(true);
      expect(PlaceholderBytes.of().test(utf8(p), 0, p.length), p).toBe(true);
    }
    expect(isPlaceholderClient('#1 Partner')).toBe(false);
  });

  // Tester T75 (F10): a pivot table's «(пусто)» on two won deals made a repeat sale.
  it('reads what a pivot table or a CRM list writes in an empty cell as no client, in text and in bytes', () => {
    for (const p of ['(пусто)', '(Пусто)', '(blank)', '(empty)', 'Не заполнено', '<не заполнено>', '(не указано)', '<Не указан>']) {
      expect(isPlaceholderClient(p), p).toBe(true);
      expect(PlaceholderBytes.of().test(utf8(p), 0, utf8(p).length), p).toBe(true);
    }
    expect(isPlaceholderClient('Пустовалов')).toBe(false);
  });

  it('keeps a client whose name merely contains one, or another word', () => {
    for (const c of ['', 'Иванов Иван', 'ООО Без имени', 'Без имени 2', 'Нетто', 'Unknown Ltd', '--', 'Контакт', 'ООО «Ромашка»']) expect(isPlaceholderClient(c), c).toBe(false);
  });
});

describe('PlaceholderBytes', () => {
  // The code pages' characters as the byte readers' decoder gives them.
  const cp1251Chars = new ExportDecoder('x.csv', 'windows-1251').pageChars;
  const cp1252Chars = new ExportDecoder('x.csv', 'windows-1252').pageChars;
  const inUtf8 = (text: string) => {
    const u = utf8(text);
    return PlaceholderBytes.of().test(u, 0, u.length);
  };
  const inCp1251 = (text: string) => {
    const w = cp1251(text);
    return PlaceholderBytes.of(cp1251Chars).test(w, 0, w.length);
  };

  it('reads every placeholder in UTF-8 and Windows-1251, in any case, with spaces around and between the words, ё as е', () => {
    for (const p of ['Без имени', 'БЕЗ ИМЕНИ', '  без   имени  ', 'Без названия', 'Контактное лицо', 'КОНТАКТНОЕ ЛИЦО', 'Неизвестный', 'нет', 'Нет', 'Не указан', 'не указано', 'Unknown', 'UNKNOWN', 'No name', 'noname', 'N/A', '-', '—', '–', ' - ']) {
      expect(inUtf8(p), `utf-8 ${p}`).toBe(true);
      expect(inCp1251(p), `cp1251 ${p}`).toBe(true);
    }
    // A no-break space between the words (C2 A0 in UTF-8, A0 in Windows-1251), and a narrow one in UTF-8.
    expect(inUtf8('без\u00a0имени')).toBe(true);
    expect(inUtf8('без\u202fимени')).toBe(true);
    expect(PlaceholderBytes.of(cp1251Chars).test(Uint8Array.from([0xe1, 0xe5, 0xe7, 0xa0, 0xe8, 0xec, 0xe5, 0xed, 0xe8]), 0, 9)).toBe(true);
  });

  it('reads a withheld caller id by its bytes as the text rule does', () => {
    for (const p of ['anonymous', 'Anonymous', 'Анонимный', 'СКРЫТЫЙ НОМЕР', 'Номер  скрыт', 'Private', 'Withheld', 'Restricted', 'Unavailable']) {
      expect(inUtf8(p), `utf-8 ${p}`).toBe(true);
      expect(inCp1251(p), `cp1251 ${p}`).toBe(true);
    }
    for (const c of ['Anonymous2', 'Private Bank', 'Скрытый номер 5']) expect(inUtf8(c), c).toBe(false);
  });

  it('keeps a client whose name begins as a placeholder does, contains one, or is another word', () => {
    for (const c of ['', '   ', 'Клиент 44646', 'Компания', 'Контакт', 'Контактное лицо 2', 'Без имени 2', 'ООО Без имени', 'Нетто', 'не', 'Unknown Ltd', 'N/A/B', '--', '- -', 'Иванов Иван', '+7 916 123-45-67', '79161234567']) {
      expect(inUtf8(c), `utf-8 ${c}`).toBe(false);
      if (c.startsWith('+') || /^[\x20-\x7e\u0410-\u044f]*$/.test(c)) expect(inCp1251(c), `cp1251 ${c}`).toBe(false);
    }
  });

  it('reads only the cell\'s own bytes within a row', () => {
    const row = utf8('Иванов;нет;Петров');
    const m = PlaceholderBytes.of();
    expect(m.test(row, 0, 12)).toBe(false);
    expect(m.test(row, 13, 19)).toBe(true);
    expect(m.test(row, 13, 18)).toBe(false);
  });

  it('is asked for UTF-8 while the decoder has not decided, and for the code page once it has', () => {
    expect(new ExportDecoder('x.csv').pageChars).toBeUndefined();
    expect(new ExportDecoder('x.csv', 'utf-8').pageChars).toBeUndefined();
    expect(cp1251Chars?.charAt(0xc1)).toBe('Б');
    expect(cp1252Chars?.charAt(0x97)).toBe('—');
  });

  it('in Windows-1252 knows the Latin and dash placeholders and no Cyrillic one', () => {
    const m = PlaceholderBytes.of(cp1252Chars);
    for (const [bytes, want] of [[[0x4e, 0x2f, 0x41], true], [[0x97], true], [[0x96], true], [[0x75, 0x6e, 0x6b, 0x6e, 0x6f, 0x77, 0x6e], true], [[0xc1, 0xe5, 0xe7], false]] as const) {
      expect(m.test(Uint8Array.from(bytes), 0, bytes.length), bytes.join(' ')).toBe(want);
    }
  });

  it('agrees with the text rule on any cell made of placeholder words, letters, spaces and invisible characters', () => {
    // The readers' rule: the bytes' answer, else (undefined) the text rule on the trimmed text (cells.ts noClient).
    const byBytes = (bytes: Uint8Array, text: string, chars?: string) => PlaceholderBytes.of(chars).test(bytes, 0, bytes.length) ?? isPlaceholderClient(trimEdges(text));
    const pieces = ['без', 'Без', 'БЕЗ', 'имени', 'ИМЕНИ', 'назв', 'ания', 'нет', 'Нёт', 'не', 'указан', 'о', 'контактное', 'лицо', 'unknown', 'No', 'name', 'n/a', '-', '—', '–', ' ', '  ', '\u00a0', '\t', 'Клиент', '1'];
    // A reviewer: a zero-width space or a thin space from a web page made the bytes and the text disagree.
    const invisible = ['\u200b', '\u00ad', '\u2009', '\u3000', '\ufeff', '\u202f', '\u2060'];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces, ...invisible), { maxLength: 6 }), (parts) => {
        const text = parts.join('');
        const want = isPlaceholderClient(trimEdges(text));
        expect(byBytes(utf8(text), text), `utf-8 ${JSON.stringify(text)}`).toBe(want);
        const page = text.replace(/ё/g, 'е').replace(/Ё/g, 'Е').replace(/\u00a0/g, ' ');
        if (!/[\u2000-\u206f\u3000\ufeff]/.test(page)) expect(byBytes(cp1251(page), page, cp1251Chars), `cp1251 ${JSON.stringify(text)}`).toBe(isPlaceholderClient(trimEdges(page)));
      }),
      { numRuns: 3000, seed: 37 },
    );
    for (const cell of ['Без имени\u200b', '\u200bнет', 'без\u2009имени', 'нет\u3000', '\ufeffUnknown']) expect(byBytes(utf8(cell), cell), JSON.stringify(cell)).toBe(true);
    expect(byBytes(utf8('без' + ' '.repeat(25) + 'имени'), 'без' + ' '.repeat(25) + 'имени')).toBe(true);
  });
});

// Tester T75 (F10): «Не указан», «<Не назначен>», «(пусто)» in the manager column were managers with their deals.
describe('namesNoManager', () => {
  it('reads the words of a record assigned to no one, in any case and spacing; a name is a name', () => {
    for (const w of ['Не указан', 'НЕ  УКАЗАН', '<Не назначен>', '(пусто)', '(blank)', 'Unassigned', 'Без ответственного']) expect(namesNoManager(w), w).toBe(true);
    for (const n of ['Иванов Иван', 'Нет', 'Указанов', 'Unassigned Team Lead']) expect(namesNoManager(n), n).toBe(false);
  });
});
