import { TextDecoder } from 'node:util';
import { describe, expect, it } from 'vitest';
import { ExportDecoder } from '../../../src/io/read/decode.js';

/** An encoder for a code page, by its decoder's table (every character it has, Ukrainian letters and «…» too). */
function encoder(page: string): (text: string) => Buffer {
  const chars = new TextDecoder(page).decode(Uint8Array.from({ length: 256 }, (_, b) => b));
  const bytes = new Map(Array.from(chars, (c, b) => [c, b] as const).reverse());
  return (text) =>
    Buffer.from(
      Array.from(text, (c) => {
        const b = bytes.get(c);
        if (b === undefined) throw new Error(`${page}: cannot encode ${c}`);
        return b;
      }),
    );
}
const cp1251 = encoder('windows-1251');
const koi8r = encoder('koi8-r');
const cp866 = encoder('ibm866');

// Tester T37 F1: a file of 75 KB of Windows-1251 rows and then UTF-8 rows was read whole as Windows-1251
// (the encoding is decided on 64 KB): 63% of its deals under managers such as «РђР»РµРєСЃРµРµРІР°», exit 0.

/** The bytes of a file given to the byte-mode decoder in chunks of `size`. */
function all(d: ExportDecoder, bytes: Buffer, size: number): Buffer {
  const out: Buffer[] = [];
  for (let i = 0; i < bytes.length; i += size) out.push(d.bytes(bytes.subarray(i, i + size)));
  out.push(d.endBytes());
  return Buffer.concat(out);
}

/** The same in text mode (HTML), in chunks of `size`. */
function text(d: ExportDecoder, bytes: Buffer, size: number): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += size) out += d.write(bytes.subarray(i, i + size));
  return out + d.end();
}

const MANAGERS = ['Алексеева Мария', 'Белов Олег', 'Васильев Пётр', 'Григорьева Анна'];
const STAGES = ['Успешно реализовано', 'Закрыто и не реализовано', 'Переговоры'];
const HEADER = 'ID;Бюджет;Ответственный;Этап сделки;Дата создания;Источник\n';
const row = (i: number) => `${i + 1};${1000 + i};${MANAGERS[i % 4]};${STAGES[i % 3]};${String(1 + (i % 28)).padStart(2, '0')}.03.2025 10:00;Сайт\n`;
const rows = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => row(from + k)).join('');

/** `head` rows in a code page and then `tail` rows in UTF-8; where the first UTF-8 letter stands. */
function mixed(page: (text: string) => Buffer, head: number, tail: number): { bytes: Buffer; at: number } {
  const first = page(HEADER + rows(0, head));
  const second = Buffer.from(rows(head, head + tail));
  return { bytes: Buffer.concat([first, second]), at: first.length + second.findIndex((b) => b >= 0x80) };
}

describe('single-byte text that turns into UTF-8 later', () => {
  it('is refused as mixed encodings at the first UTF-8 letter past the 64 KB that decided, at any chunk size, in byte and text mode', () => {
    const { bytes, at } = mixed(cp1251, 1100, 400);
    expect(at).toBeGreaterThan(70_000);
    const said = `the text started as Windows-1251 but is UTF-8 from byte ${at} on (mixed encodings): "Алексеева Мария" reads as "РђР»РµРєСЃРµРµРІР° РњР°СЂРёСЏ" in Windows-1251`;
    for (const size of [3, 7, 4096, 65_536, 1 << 20]) {
      expect(() => all(new ExportDecoder('x.csv'), bytes, size), `size ${size}`).toThrow(said);
      expect(() => text(new ExportDecoder('x.html'), bytes, size), `text, size ${size}`).toThrow(said);
    }
  });

  it('is refused after a short single-byte head too, and after KOI8-R, CP866 and Windows-1252 heads', () => {
    expect(() => all(new ExportDecoder('x.csv'), mixed(cp1251, 200, 30).bytes, 4096)).toThrow(/started as Windows-1251 but is UTF-8 from byte \d+/);
    for (const [page, name] of [
      [koi8r, 'KOI8-R'],
      [cp866, 'CP866 \\(DOS\\)'],
    ] as const) {
      const { bytes, at } = mixed(page, 1100, 50);
      for (const size of [3, 65_536]) expect(() => all(new ExportDecoder('x.csv'), bytes, size), `${name} ${size}`).toThrow(new RegExp(`started as ${name} but is UTF-8 from byte ${at} on`));
    }
    const latin = Buffer.from(`ID;Name;Stage\n${'1;Gestión de la negociación;Reunión con el cliente\n'.repeat(2000)}`, 'latin1');
    const bytes = Buffer.concat([latin, Buffer.from('2;Петрова Анна;Новая\n')]);
    expect(() => all(new ExportDecoder('x.csv'), bytes, 65_536)).toThrow(`the text started as Windows-1252 but is UTF-8 from byte ${latin.length + 2} on (mixed encodings): "Петрова Анна" reads as "ÐŸÐµÑ‚Ñ€Ð¾Ð²Ð° Ð\ufffdÐ½Ð½Ð°" in Windows-1252`);
  });

  it('is refused with --encoding given as well, and says so in Russian', () => {
    const { bytes, at } = mixed(cp1251, 1100, 10);
    expect(() => all(new ExportDecoder('x.csv', 'windows-1251', 'given (--encoding)'), bytes, 4096)).toThrow(`UTF-8 from byte ${at} on`);
    try {
      all(new ExportDecoder('x.csv'), bytes, 4096);
      expect.unreachable();
    } catch (error) {
      expect((error as { messageId?: string }).messageId).toBe('read.mixedPage');
    }
  });

  // mixed_enc2.csv: the UTF-8 part's «И» is D0 98, and 0x98 is no character in Windows-1251: «this is not a text export».
  it('says mixed encodings, not binary, for a 0x98 that ends a valid UTF-8 sequence; a 0x98 among other bytes stays binary', () => {
    const head = cp1251(HEADER + rows(0, 200));
    // «Ия» and «Ли»: no run of four letters, but «И» is D0 98.
    const short = Buffer.concat([head, Buffer.from('9;100;Ия Ли;Да;01.03.2025 10:00;Сайт\n')]);
    // «‘» is E2 80 98.
    const quote = Buffer.concat([head, Buffer.from('9;100;a‘b;x;01.03.2025 10:00;x\n')]);
    for (const size of [1, 2, 3, 5, 4096, 1 << 20]) {
      expect(() => all(new ExportDecoder('x.csv'), short, size), `size ${size}`).toThrow(`UTF-8 from byte ${head.length + 6} on (mixed encodings): "Ия Ли"`);
      expect(() => all(new ExportDecoder('x.csv'), quote, size), `size ${size}`).toThrow(`UTF-8 from byte ${head.length + 7} on`);
    }
    const stray = Buffer.concat([head, Buffer.from([0x39, 0x3b, 0xc8, 0x98, 0x3b, 0x0a])]);
    const strayAfterAscii = Buffer.concat([head, Buffer.from([0x39, 0x3b, 0x98, 0x3b, 0x0a])]);
    expect(() => all(new ExportDecoder('x.csv'), strayAfterAscii, 4096)).toThrow(`this is not a text export: it holds binary bytes (first at byte ${head.length + 2})`);
    // «И» C8 then 0x98: C8 98 would be a valid UTF-8 sequence (U+0218), but it is one in the middle of Windows-1251 text.
    expect(() => all(new ExportDecoder('x.csv'), stray, 4096)).toThrow(`UTF-8 from byte ${head.length + 2} on (mixed encodings)`);
  });

  it('counts a run of letters split across chunks the same as one in a chunk', () => {
    const head = cp1251(HEADER + rows(0, 200));
    const bytes = Buffer.concat([head, Buffer.from('9;Олег\n')]);
    for (const size of [1, 2, 3, 4, 5, 6, 7, 8, 9, 4096]) expect(() => all(new ExportDecoder('x.csv'), bytes, size), `size ${size}`).toThrow(`UTF-8 from byte ${head.length + 2} on (mixed encodings): "Олег"`);
    // Three UTF-8 letters in a row are not enough: «Ян» and «Лев» stay what Windows-1251 reads.
    const few = Buffer.concat([head, Buffer.from('9;Ян Лев\n')]);
    for (const size of [1, 4096]) expect(all(new ExportDecoder('x.csv'), few, size).length).toBe(few.length);
  });
});

describe('genuine single-byte text is not refused', () => {
  const surnames = ['Иванов', 'Петрова', 'Сидоров', 'Ёлкин', 'Фёдорова', 'Рябов', 'Сёмин', 'Тюрина', 'Ушаков', 'РЁВИН', 'СЁМИН', 'ТЁРКИН', 'УЁМОВ', 'Щукин', 'Шевчук', 'Кузьмин', 'Ющенко', 'Їжакевич', 'Єрмаков', 'Іваненко'];
  const names = ['Мария', 'Пётр', 'Артём', 'Семён', 'Фёкла', 'Олег', 'Юлия', 'Ярослав', 'ЁЖ', 'Ирина'];
  const stages = ['Успешно реализовано', 'Закрыто и не реализовано', 'Переговоры', 'ПЕРВИЧНЫЙ КОНТАКТ', 'Принимают решение', 'СОГЛАСОВАНИЕ ДОГОВОРА', 'Счёт выставлен'];
  const cities = ['Москва', 'Санкт-Петербург', 'Ростов-на-Дону', 'Орёл', 'Рязань', 'Сургут', 'Тверь', 'Уфа', 'Київ', 'Львів', 'РОССОШЬ', 'СЕРПУХОВ', 'Усть-Илимск'];
  const notes = ['ООО «Ромашка» №15', 'ЗАО «РУСЬ»', 'счёт № 7 — оплачен', 'Р/С 40702810…', 'Т.\u00a0Ё.\u00a0Р.\u00a0С.', '«С» «Р» «Т» «У»', 'ИП Рёв С.\u00a0Ё.', 'СЁ,РЁ;ТЁ', 'С№Р№Т№У№', ''];
  let seed = 7;
  const pick = <T>(list: readonly T[]): T => {
    seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
    return list[seed % list.length]!;
  };

  it('a 200 KB Windows-1251 export of Russian and Ukrainian names, stages, cities and notes reads whole, at any chunk size', () => {
    let body = 'ID;Ответственный;Этап сделки;Город;Примечание\n';
    for (let i = 0; body.length < 200_000; i++) body += `${i + 1};${pick(surnames)} ${pick(names)};${pick(stages)};${pick(cities)};${pick(notes)}\n`;
    const bytes = cp1251(body);
    expect(bytes.length).toBeGreaterThanOrEqual(200_000);
    for (const size of [3, 7, 4096, 65_536, 1 << 20]) {
      const d = new ExportDecoder('x.csv');
      const out = all(d, bytes, size);
      expect(d.encoding, `size ${size}`).toBe('windows-1251');
      expect(d.decode(out, 0, out.length), `size ${size}`).toBe(body);
    }
    const html = new ExportDecoder('x.html');
    expect(text(html, bytes, 65_536)).toBe(body);
  });

  it('nor are KOI8-R and CP866 exports of the same words', () => {
    let body = 'ID;Ответственный;Этап сделки;Город\n';
    const russian = (list: readonly string[]) => list.filter((w) => !/[ЇЄІїєі]/.test(w));
    for (let i = 0; body.length < 100_000; i++) body += `${i + 1};${pick(russian(surnames))} ${pick(names)};${pick(stages)};${pick(russian(cities))}\n`;
    for (const page of [koi8r, cp866]) {
      const d = new ExportDecoder('x.csv');
      const out = all(d, page(body), 4096);
      expect(d.decode(out, 0, out.length)).toBe(body);
    }
  });
});
