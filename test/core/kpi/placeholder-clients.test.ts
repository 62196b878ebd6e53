// Placeholder clients (src/core/kpi/placeholder-clients.ts): what a CRM writes for a contact or company
// without a name, read as no client; and the byte test that spares a reader decoding other clients.
import { describe, expect, it } from 'vitest';
import { isPlaceholderClient, mayBePlaceholderClient, PLACEHOLDER_CLIENT_BYTES } from '../../../src/core/kpi/placeholder-clients.js';

/** The bytes of `text` in Windows-1251 for Cyrillic and ASCII, by hand (Node has no encoder for it). */
function cp1251(text: string): Uint8Array {
  return Uint8Array.from([...text].map((c) => {
    const code = c.codePointAt(0)!;
    if (code < 0x80) return code;
    if (code >= 0x410 && code <= 0x44f) return code - 0x410 + 0xc0;
    if (c === '—') return 0x97;
    if (c === '–') return 0x96;
    throw new Error(`no cp1251 byte for ${c}`);
  }));
}
const utf8 = (text: string) => new TextEncoder().encode(text);

describe('isPlaceholderClient', () => {
  it('reads the placeholders CRMs write, in any case and with any spaces, as no client', () => {
    for (const p of ['Без имени', 'БЕЗ ИМЕНИ', ' без  имени ', 'Без названия', 'Контактное лицо', 'Неизвестный', 'Unknown', 'No name', 'NONAME', 'N/A', '-', '—', '–', 'нет', 'Нет', 'Не указан', 'без\u00a0имени']) expect(isPlaceholderClient(p), p).toBe(true);
  });

  it('keeps a client whose name merely contains one, or another word', () => {
    for (const c of ['', 'Иванов Иван', 'ООО Без имени', 'Без имени 2', 'Нетто', 'Unknown Ltd', '--', 'Контакт', 'ООО «Ромашка»']) expect(isPlaceholderClient(c), c).toBe(false);
  });
});

describe('mayBePlaceholderClient', () => {
  it('lets every placeholder through, in UTF-8 and in Windows-1251, after leading spaces', () => {
    for (const p of ['Без имени', 'без названия', 'Контактное лицо', 'контактное лицо', 'Неизвестный', 'нет', 'Unknown', 'no name', 'N/A', '-', '—', '–']) {
      const u = utf8(`  ${p}`);
      expect(mayBePlaceholderClient(u, 0, u.length), `utf-8 ${p}`).toBe(true);
      const w = cp1251(p);
      expect(mayBePlaceholderClient(w, 0, w.length), `cp1251 ${p}`).toBe(true);
    }
  });

  it('rules out without a decode a phone, a name of another first letter, a longer cell, an empty one', () => {
    // «Контактное лицо» is 29 bytes in UTF-8, the longest.
    expect(PLACEHOLDER_CLIENT_BYTES).toBe(29);
    for (const c of ['+7 916 123-45-67', '79161234567', 'Иванов Иван', 'ООО Ромашка', 'Alice Smith', 'Неизвестный клиент из Москвы', '   ']) {
      const u = utf8(c);
      expect(mayBePlaceholderClient(u, 0, u.length), c).toBe(false);
    }
    // A cell's range within a row's buffer: only its own bytes count.
    const row = utf8('Иванов;нет;Петров');
    expect(mayBePlaceholderClient(row, 0, 12)).toBe(false);
    expect(mayBePlaceholderClient(row, 13, 19)).toBe(true);
  });
});
