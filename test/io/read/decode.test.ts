import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TextDecoder } from 'node:util';
import { describe, expect, it } from 'vitest';
import { Cp1252Decoder, cyrillicPage, ExportDecoder, mostlyUtf8, singleByteEncoding } from '../../../src/io/read/decode.js';
import { readTable } from '../../../src/io/read/table.js';
import { DEFAULT_LIMITS } from '../../../src/io/read/limits.js';
import { cp1251, cp866, koi8r } from '../../fixtures/exports.js';

/** Windows-1252 bytes of a text (the letters the tests use are all in Latin-1, where both agree). */
const cp1252 = (text: string) => Buffer.from(text, 'latin1');

describe('the letter-run test between Windows-1251 and Windows-1252', () => {
  const russian = ['Сделка закрыта, клиент доволен', 'Успешно реализовано', 'Иванов Пётр; в работе; с НДС', 'ООО «Ромашка» — №15'];
  const latin = [
    'Gestión de la negociación; Reunión con el cliente', // es
    'Negociação; Venda perdida (Sem interesse); São Paulo; não fechado', // pt
    'Größe; Verhandlung abgeschlossen; Büro München; Straße', // de
    'Café; déjà vu; Réunion', // fr
    'Presentación', // one accented word is enough
  ];
  it.each(russian)('reads Russian as Cyrillic: %s', (text) => {
    expect(singleByteEncoding(cp1251(text)).encoding).toBe('windows-1251');
  });
  it.each(latin)('reads Spanish, Portuguese, German, French as Latin: %s', (text) => {
    expect(singleByteEncoding(cp1252(text)).encoding).toBe('windows-1252');
  });
  it('counts the votes it decided by', () => {
    expect(singleByteEncoding(cp1252('Gestión, Reunión'))).toEqual({ encoding: 'windows-1252', cyrillicWords: 0, latinWords: 2 });
    expect(singleByteEncoding(cp1251('Сделка в работе'))).toEqual({ encoding: 'windows-1251', cyrillicWords: 2, latinWords: 0 });
    // A Russian export with one mixed word (a Latin brand with a Russian ending) stays Cyrillic.
    expect(singleByteEncoding(cp1251('CRMщик; Менеджер по продажам; Отдел продаж')).encoding).toBe('windows-1251');
  });
  // Tester T46: Russian names typed partly on the Latin layout (a, c, e, o, p, C, A…) read as Windows-1252,
  // «Aííà Cìèðíoâà», split from «Анна», and the calls no longer linked to their deals.
  it('reads Russian words with Latin look-alike letters in them as Cyrillic', () => {
    expect(singleByteEncoding(cp1251('Sale1,Анна,Closed Won\nUpsell,Aнна Cмирнoва,Closed Lost,Acme Cорп\nRenew,Aнна Cмирнoва,Closed Lost,Acme Cорп\nRenew2,Aнна Cмирнoва,Acme Cорп')).encoding).toBe('windows-1251');
    expect(singleByteEncoding(cp1251('Aлександр Петрoв; Мaрина Coколова; Eвгений Kузнецoв'))).toEqual({ encoding: 'windows-1251', cyrillicWords: 6, latinWords: 3 });
    // One or two accented letters between look-alikes are Latin as before: no Latin language writes three in a row.
    expect(singleByteEncoding(cp1252('Negociação; Informação; Situação; Responsável'))).toEqual({ encoding: 'windows-1252', cyrillicWords: 0, latinWords: 4 });
    expect(singleByteEncoding(cp1252('Año; Peña; Compañía; Teléfono; Zoë')).encoding).toBe('windows-1252');
  });
});

describe('KOI8-R against Windows-1251', () => {
  const russian = 'ID,Ответственный,Этап сделки,Компания\n1,Иванов Пётр,Успешно реализовано,ООО Ромашка\n2,Петрова Анна,Переговоры,ИП Сидоров\n';

  it('tells them apart by how Russian their letters read, either way round', () => {
    expect(cyrillicPage(koi8r(russian)).encoding).toBe('koi8-r');
    expect(cyrillicPage(cp1251(russian)).encoding).not.toBe('koi8-r');
    // Capitals only in Windows-1251 (read as KOI8-R they would be rare lower-case letters): still Windows-1251.
    expect(cyrillicPage(cp1251('ИВАНОВ,ПЕТРОВ,СИДОРОВА,ОТВЕТСТВЕННЫЙ,МЕНЕДЖЕР,СТАТУС,ВОРОНКА,ПРОДАЖИ')).encoding).not.toBe('koi8-r');
    // Too few letters to tell: Windows-1251, the usual code page of Russian Excel CSV.
    expect(cyrillicPage(koi8r('Да')).encoding).not.toBe('koi8-r');
  });

  it('KOI8-R text is passed on as UTF-8 whatever the chunk sizes; a NUL inside it is removed and counted, a Ctrl-Z at its end dropped', () => {
    const text = `${russian}${Array.from({ length: 2000 }, (_, i) => `${i + 3},Васильев,Новая,Клиент ${i}`).join('\n')}\n`;
    const bytes = Buffer.concat([koi8r(text.slice(0, 30_000)), Buffer.of(0), koi8r(text.slice(30_000)), Buffer.of(0x1a)]);
    for (const size of [5, 4096, bytes.length]) {
      const d = new ExportDecoder('x.csv');
      const out: Buffer[] = [];
      for (let i = 0; i < bytes.length; i += size) out.push(d.bytes(bytes.subarray(i, i + size)));
      out.push(d.endBytes());
      expect(d.encoding).toBe('koi8-r');
      expect(Buffer.concat(out).toString('utf8')).toBe(text);
      expect(d.nulBytes).toBe(1);
    }
    // The second half of a file read in two threads starts with the encoding decided.
    const half = new ExportDecoder('x.csv', 'koi8-r');
    expect(Buffer.concat([half.bytes(Buffer.concat([koi8r('Иванов'), Buffer.of(0), koi8r('\n'), Buffer.of(0x1a)])), half.endBytes()]).toString('utf8')).toBe('Иванов\n');
  });
});

// A helper's short KOI8-R and CP866 exports were read as Windows-1251 without a word: managers «нЕМЕДФЕП», columns not found.
describe('the Cyrillic code page of a short file: Windows-1251, KOI8-R or CP866', () => {
  const header = 'Сделка;Ответственный;Бюджет;Этап\n1;Иванов;100;Новая\n';

  it('CP866 by its letter frequencies, and a short CP866 or KOI8-R header by the case of its words', () => {
    const long = `${header}${'2;Петрова Анна;200;Переговоры с клиентом\n'.repeat(5)}`;
    expect(cyrillicPage(cp866(long))).toEqual({ encoding: 'ibm866', by: 'letter frequencies' });
    expect(cyrillicPage(cp866(header))).toEqual({ encoding: 'ibm866', by: 'letter frequencies' });
    const short = 'Этап;Сумма\nНовая;1\n';
    expect(cyrillicPage(cp866(short))).toEqual({ encoding: 'ibm866', by: 'the case of its words' });
    expect(cyrillicPage(koi8r(short))).toEqual({ encoding: 'koi8-r', by: 'the case of its words' });
    expect(cyrillicPage(koi8r(header))).toEqual({ encoding: 'koi8-r', by: 'the case of its words' });
    expect(cyrillicPage(cp1251(header))).toEqual({ encoding: 'windows-1251' });
  });

  it('keeps Windows-1251 for short real text, with no doubt: names, CRM words, one odd word («кВт»)', () => {
    for (const text of ['Иванов', 'Петрова Анна', 'Сидоров;Смирнова;Кузнецов', 'Успешно реализовано', 'Мощность, кВт;Цена', 'ООО «Ромашка»', 'Да'])
      expect(cyrillicPage(cp1251(text)), text).toEqual({ encoding: 'windows-1251' });
  });

  it('all capitals in KOI8-R (no case to tell by, too few letters to be sure): Windows-1251, in doubt, with the word both ways', () => {
    expect(cyrillicPage(koi8r('МЕНЕДЖЕР;СУММА;СТАТУС'))).toEqual({ encoding: 'windows-1251', doubt: { other: 'koi8-r', read: 'неоедцет', otherRead: 'МЕНЕДЖЕР' } });
    // No Cyrillic word in the Windows-1251 reading (one CP866 word): the word is the other reading's, and its bytes both ways, never empty.
    expect(cyrillicPage(cp866('Да'))).toEqual({ encoding: 'windows-1251', doubt: { other: 'ibm866', read: '„\u00a0', otherRead: 'Да' } });
  });

  it('the table says the doubt, and a given encoding (--encoding) is read with no doubt', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-pages-'));
    const file = path.join(dir, 'caps.csv');
    writeFileSync(file, koi8r('МЕНЕДЖЕР;СУММА\nИВАНОВ;100\n'));
    const rows: string[][] = [];
    const read = (encoding?: 'koi8-r') => readTable(file, { cwd: dir, stdin: process.stdin, limits: DEFAULT_LIMITS, ...(encoding ? { encoding } : {}) }, (r) => void rows.push(Array.isArray(r) ? r : r.cells()));
    const guessed = await read();
    expect(guessed.encoding).toBe('windows-1251');
    expect(guessed.encodingDoubt?.other).toBe('koi8-r');
    rows.length = 0;
    const given = await read('koi8-r');
    expect([given.encoding, given.encodingWhy, given.encodingDoubt]).toEqual(['koi8-r', 'given (--encoding)', undefined]);
    expect(rows).toEqual([['МЕНЕДЖЕР', 'СУММА'], ['ИВАНОВ', '100']]);
  });
});

// A tester: Latin exports whose only bytes outside ASCII were the NBSP of `80 439,00` (CP866's «а») or
// the euro sign (0x80: CP866's «А») were read as CP866, every amount «not a number».
describe('a Latin export with no letter outside ASCII: NBSP and the euro sign', () => {
  const rows = (sep: number[], euro: number[]) =>
    Buffer.concat([Buffer.from('Deal Id;Deal Owner;Stage;Amount\n'), ...Array.from({ length: 40 }, (_, i) => Buffer.concat([Buffer.from(`${i + 1};John Smith;Closed Won;${10 + i}`), Buffer.from(sep), Buffer.from('439,00 '), Buffer.from(euro), Buffer.from('\n')]))]);

  it('is never CP866 or KOI8-R: a lone byte between digits is no Russian word', () => {
    for (const bytes of [rows([0xa0], [0x24]), rows([0xa0], [0x80]), rows([0x2e], [0x80]), rows([0xa0], [0x88])]) expect(cyrillicPage(bytes)).toEqual({ encoding: 'windows-1251' });
  });

  it('the euro sign beside a number decides between Windows-1252 (0x80) and Windows-1251 (0x88); NBSP alone keeps Windows-1251', () => {
    expect(singleByteEncoding(rows([0x2e], [0x80]))).toEqual({ encoding: 'windows-1252', cyrillicWords: 0, latinWords: 0, euro: { cp1252: 40, cp1251: 0 } });
    expect(singleByteEncoding(rows([0xa0], [0x88]))).toEqual({ encoding: 'windows-1251', cyrillicWords: 0, latinWords: 0, euro: { cp1252: 0, cp1251: 40 } });
    expect(singleByteEncoding(rows([0xa0], [0x24])).encoding).toBe('windows-1251');
    // `€ 500` and `€500` too; letters outside ASCII still decide first (Russian text with a stray 0x80 stays Windows-1251).
    expect(singleByteEncoding(Buffer.from([0x31, 0x3b, 0x80, 0x20, 0x35, 0x30, 0x30, 0x0a, 0x32, 0x3b, 0x80, 0x39])).encoding).toBe('windows-1252');
    expect(singleByteEncoding(Buffer.concat([cp1251('Сделка;Сумма\n1;5'), Buffer.of(0x80)])).encoding).toBe('windows-1251');
  });

  it('the amounts read as written: `10 439,00 €` and `10.439,00 €`', () => {
    for (const [bytes, encoding, amount] of [
      [rows([0xa0], [0x24]), 'windows-1251', '10\u00a0439,00 $'],
      [rows([0xa0], [0x80]), 'windows-1252', '10\u00a0439,00 €'],
      [rows([0x2e], [0x80]), 'windows-1252', '10.439,00 €'],
      [rows([0xa0], [0x88]), 'windows-1251', '10\u00a0439,00 €'],
    ] as const) {
      const d = new ExportDecoder('x.csv');
      const out = Buffer.concat([d.bytes(bytes, true), d.endBytes()]);
      expect([d.encoding, d.doubt, d.decode(out, 0, out.length).split('\n')[1]!.split(';')[3]]).toEqual([encoding, undefined, amount]);
    }
  });
});

// A tester: small KOI8-R files were read as Windows-1251, their headers «пФЧЕФУФЧЕООЩК» and «дБФБ УПЪДБОЙС УДЕМЛЙ»:
// KOI8-R's lower-case words read all in capitals there, so the words' case alone did not decide.
describe('KOI8-R by its words of a capital and lower case', () => {
  const amo = 'ID,Бюджет ,Ответственный,Дата создания сделки,Дата закрытия,Этап сделки\n27680693,150000,Александр,22.03.2022 13:32:57,22.03.2022 13:32:00,Успешно реализовано\n27667071,12345.67,Алексей,15.03.2022 11:01:13,не закрыта,Первичный контакт\n';
  const calls = '"Сотрудник";"Номер телефона";"Тип звонка";"Статус"\n"Иванов Иван";"+79160000001";"исходящий";"Успешный звонок"\n"Петрова Анна";"+79160000002";"входящий";"Пропущенный звонок"\n';

  it('reads them as KOI8-R, and the same text in Windows-1251 as Windows-1251', () => {
    for (const text of [amo, calls]) {
      expect(cyrillicPage(koi8r(text))).toEqual({ encoding: 'koi8-r', by: 'the case of its words' });
      expect(cyrillicPage(cp1251(text))).toEqual({ encoding: 'windows-1251' });
    }
  });

  it('a unit or two in a lower-case letter and capitals («кВ», «мВА») does not make Windows-1251 text KOI8-R', () => {
    expect(cyrillicPage(cp1251('Мощность;Единица\nТрансформатор;мВА\nЛиния;кВ\nПодстанция;мВА\n')).encoding).toBe('windows-1251');
  });
});

// A helper's tiny Windows-1252 files: «Zoë» read as «Zoл» (the sample began at «ë», so its Latin neighbours did not count), «José» with an empty doubt.
describe('one accented letter in a short Latin file', () => {
  it('is Windows-1252 by the letters before it, with no doubt said', async () => {
    for (const name of ['Zoë', 'José']) {
      const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-latin-'));
      const file = path.join(dir, 'deals.csv');
      writeFileSync(file, Buffer.from(`id,manager,stage\n1,${name},won\n`, 'latin1'));
      const rows: string[][] = [];
      const info = await readTable(file, { cwd: dir, stdin: process.stdin, limits: DEFAULT_LIMITS }, (r) => void rows.push(Array.isArray(r) ? r : r.cells()));
      expect([info.encoding, info.encodingDoubt, rows[1]![1]]).toEqual(['windows-1252', undefined, name]);
    }
  });
});

// A tester: Node 20's TextDecoder('windows-1252') is ISO-8859-1, so `1000 €` (0x80) was «not a number»
// and «O’Brien» (0x92) in a Windows-1252 deals file a second manager beside the UTF-8 call log's.
describe('Windows-1252 by its own table', () => {
  const high = Uint8Array.from({ length: 32 }, (_, i) => 0x80 + i);

  it('reads 0x80-0x9F as the code page has them; its five undefined bytes stay C1 code points, as WHATWG has them', () => {
    expect(new Cp1252Decoder().decode(high)).toBe('€\u0081‚ƒ„…†‡ˆ‰Š‹Œ\u008dŽ\u008f\u0090‘’“”•–—˜™š›œ\u009džŸ');
    expect(new Cp1252Decoder().decode(Buffer.from('Renée 1000 ', 'latin1'))).toBe('Renée 1000 ');
    expect(new Cp1252Decoder().decode()).toBe('');
  });

  it('the Cyrillic decoders of this Node agree with the code pages (a few bytes each)', () => {
    const read = (encoding: string, bytes: number[]) => new TextDecoder(encoding).decode(Uint8Array.from(bytes));
    expect(read('windows-1251', [0x88, 0xa0, 0xb9, 0xa8, 0xc0, 0xff, 0x97])).toBe('€\u00a0№ЁАя—');
    expect(read('koi8-r', [0xe1, 0xc1, 0xb3, 0xa3, 0xf1, 0xd1, 0x9a])).toBe('АаЁёЯя\u00a0');
    expect(read('ibm866', [0x80, 0xa0, 0xe0, 0xef, 0xf0, 0xf1, 0xfc, 0xff])).toBe('АаряЁё№\u00a0');
  });

  it('the euro and the curly apostrophe read in text decoded whole, in cells (byte mode), and given as --encoding', () => {
    const bytes = Buffer.concat([Buffer.from('id,manager,amount\n1,Sean O', 'latin1'), Buffer.of(0x92), Buffer.from('Brien,1000 ', 'latin1'), Buffer.of(0x80), Buffer.from(',Renée\n', 'latin1')]);
    const text = 'id,manager,amount\n1,Sean O’Brien,1000 €,Renée\n';
    for (const given of [undefined, 'windows-1252'] as const) {
      const whole = new ExportDecoder('x.csv', given);
      expect(whole.write(bytes) + whole.end()).toBe(text);
      const cells = new ExportDecoder('x.csv', given);
      const out = Buffer.concat([cells.bytes(bytes, true), cells.endBytes()]);
      expect([cells.encoding, cells.decode(out, 0, out.length)]).toEqual(['windows-1252', text]);
    }
  });
});

describe('ExportDecoder', () => {
  const all = (d: ExportDecoder, bytes: Buffer, size: number) => {
    const out: Buffer[] = [];
    for (let i = 0; i < bytes.length; i += size) out.push(d.bytes(bytes.subarray(i, i + size)));
    out.push(d.endBytes());
    return Buffer.concat(out);
  };

  it('decides once, on the sample, whatever the chunk sizes', () => {
    const text = `id,name\n${Array.from({ length: 3000 }, (_, i) => `${i},Gestión ${i}`).join('\n')}\n`;
    const bytes = cp1252(text);
    for (const size of [7, 4096, 65_536, bytes.length]) {
      const d = new ExportDecoder('x.csv');
      const out = all(d, bytes, size);
      expect(d.encoding).toBe('windows-1252');
      expect(d.decode(out, 0, out.length)).toBe(text);
    }
  });

  it('removes NUL bytes inside text and counts them, in UTF-8 and in single-byte text', () => {
    for (const [bytes, encoding] of [
      [Buffer.concat([Buffer.from('a,"Reuni'), Buffer.of(0xf3, 0), Buffer.from('n"\n'), Buffer.of(0), Buffer.from('b,x\n')]), 'windows-1252'],
      [Buffer.concat([Buffer.from('a,"Reunión'), Buffer.of(0), Buffer.from('"\nb,x\n')]), 'utf-8'],
    ] as const) {
      const d = new ExportDecoder('x.csv');
      const out = all(d, bytes, 3);
      expect(d.encoding).toBe(encoding);
      expect(d.nulBytes).toBe(bytes.filter((b) => b === 0).length);
      expect(d.decode(out, 0, out.length)).toBe(encoding === 'utf-8' ? 'a,"Reunión"\nb,x\n' : 'a,"Reunión"\nb,x\n');
    }
  });

  it('still refuses a file of mostly NULs as binary', () => {
    const zeros = Buffer.concat([Buffer.from('id,name\n'), Buffer.alloc(100)]);
    // 64 NULs in 10 KB of text are stray NULs; 65 NULs in 6 KB are binary, at any chunk size.
    for (const size of [5, 4096]) {
      const stray = Buffer.concat(Array.from({ length: 64 }, () => Buffer.concat([Buffer.from('x'.repeat(160)), Buffer.of(0)])));
      const d = new ExportDecoder('x.csv');
      expect(all(d, stray, size).length).toBe(64 * 160);
      expect(d.nulBytes).toBe(64);
      const dense = Buffer.concat(Array.from({ length: 65 }, () => Buffer.concat([Buffer.from('x'.repeat(90)), Buffer.of(0)])));
      // Named at the first NUL, not at the 65th that decided it (it said byte 5914).
      expect(() => all(new ExportDecoder('x.csv'), dense, size)).toThrow(/first at byte 90\b/);
    }
    expect(() => all(new ExportDecoder('x.csv'), zeros, 64)).toThrow(/first at byte 8\b/);
  });

  // A file of 4096 NULs said «first at byte 64», one of 10 NULs «the file holds no rows».
  it('names the first NUL of a binary file, and refuses a short file of NULs, at any chunk size', () => {
    for (const size of [1, 3, 4096]) {
      const refused = (bytes: Buffer) => () => all(new ExportDecoder('x.csv'), bytes, size);
      expect(refused(Buffer.alloc(4096)), `size ${size}`).toThrow(/first at byte 0\b/);
      expect(refused(Buffer.concat([Buffer.from('ID;Ответственный\n'), Buffer.alloc(4096)]))).toThrow(/first at byte 30\b/);
      expect(refused(Buffer.alloc(10))).toThrow(/first at byte 0\b/);
      // Too few for the rule, but nothing else: binary all the same.
      expect(refused(Buffer.alloc(1))).toThrow(/first at byte 0\b/);
      expect(refused(Buffer.alloc(2))).toThrow(/first at byte 0\b/);
      // Three NULs in the first 48 bytes: a short binary file, as three other control bytes are.
      expect(refused(Buffer.from('id,name\n\u0000\u0000,\u0000\n'))).toThrow(/first at byte 8\b/);
      // Eight NULs in a note near the top of a longer export (Salesforce's rich-text fields) stay stray NULs (a reviewer: refused as binary).
      const note = Buffer.concat([Buffer.from('Id,Name,Description\n1,Acme,"rich '), Buffer.alloc(8), Buffer.from('text"\n'), Buffer.from('2,Beta,plain text of a longer export\n'.repeat(4))]);
      const kept = new ExportDecoder('x.csv');
      expect(all(kept, note, size).length).toBe(note.length - 8);
      expect(kept.nulBytes).toBe(8);
      // Two NULs inside the text stay stray NULs.
      const d = new ExportDecoder('x.csv');
      expect(d.decode(all(d, Buffer.from('id,name\n1,a\u0000b\u0000\n'), size), 0, 13)).toBe('id,name\n1,ab\n');
      expect(d.nulBytes).toBe(2);
    }
  });

  // Tester T43 F3: a Salesforce file re-encoded to UTF-16 kept its 48 NULs as U+0000, neither removed nor counted.
  it('removes and counts the NUL characters of UTF-16 text by the same rule, and refuses UTF-16 dense with them', () => {
    for (const size of [1, 3, 4096]) {
      const text = Buffer.from('Id\tNote\n1\trich \u0000\u0000text\n2\tplain\n', 'utf16le');
      const d = new ExportDecoder('x.txt', 'utf-16le');
      const out = Buffer.concat([...Array.from({ length: Math.ceil(text.length / size) }, (_, i) => d.bytes(text.subarray(i * size, (i + 1) * size))), d.endBytes()]);
      expect(out.toString('utf8'), `size ${size}`).toBe('Id\tNote\n1\trich text\n2\tplain\n');
      expect(d.nulBytes).toBe(2);
      const dense = Buffer.from(Array.from({ length: 65 }, () => 'x'.repeat(90) + '\u0000').join(''), 'utf16le');
      // Named at the first NUL's byte: two a character, after a BOM's two.
      expect(() => new ExportDecoder('x.txt', 'utf-16le').bytes(dense, true)).toThrow(/first at byte 182\b/);
    }
  });

  // A backspace pasted into a note refused a whole ASCII or Windows-125x export as binary (UTF-8 text kept it).
  it('keeps stray control bytes in the text and refuses a file dense with them, at any chunk size', () => {
    for (const size of [1, 5, 4096]) {
      for (const [bytes, text] of [
        [Buffer.from('id,name\n1,Note\u0008\n'), 'id,name\n1,Note\u0008\n'],
        [Buffer.concat([Buffer.from('id,name\n1,Reuni'), Buffer.of(0xf3, 0x6e, 0x02), Buffer.from(' x\n')]), 'id,name\n1,Reunión\u0002 x\n'],
      ] as const) {
        const d = new ExportDecoder('x.csv');
        const out = all(d, bytes, size);
        expect(d.decode(out, 0, out.length), `size ${size}`).toBe(text);
        expect(d.controlBytes).toBe(1);
      }
      // 64 in 6 KB of text are stray; 65 in 6 KB are binary, named at the first of them (byte 90).
      const sparse = (n: number) => Buffer.concat(Array.from({ length: n }, () => Buffer.concat([Buffer.from('x'.repeat(90)), Buffer.of(0x01)])));
      expect(all(new ExportDecoder('x.csv'), sparse(64), size).length).toBe(64 * 91);
      expect(() => all(new ExportDecoder('x.csv'), sparse(65), size)).toThrow(/first at byte 90\b/);
      // Three in the first 48 bytes: a short binary file, not text.
      expect(() => all(new ExportDecoder('x.csv'), Buffer.from('id,name\n\u0001\u0002,\u0003\n'), size)).toThrow(/first at byte 8\b/);
    }
  });

  // A control byte after stray NULs was named at its place in the text with the NULs removed: «byte 32»
  // for a byte that stands at 37 in the file, and the line said beside it was counted to the wrong byte too.
  it('names a byte after removed NULs at its place in the file, at any chunk size', () => {
    const nuls = Buffer.from('id,name,note\n1,a,"x\u0000\u0000\u0000y"\n2,b,\u0000\u0000z\n');
    // Three control bytes in the first 48: binary, named at the first of them.
    const control = Buffer.concat([nuls, Buffer.from('3,c,\u0001\u0002\u0003\n')]);
    expect(control.indexOf(0x01)).toBe(37);
    // Windows-1252 text: its control bytes are scanned after the encoding is decided.
    const latin = Buffer.concat([cp1252('id,name\n1,Reunión,'), Buffer.alloc(2), cp1252('Gestión\u0001\u0002\u0003\n')]);
    const latinAt = latin.indexOf(0x01);
    // UTF-8 that stops being UTF-8 after NULs: the same shift.
    const head = Buffer.from(`ID;Ответственный\n1;Пет\u0000\u0000рова\n${'1;Петрова Анна\n'.repeat(20)}`);
    const mixed = Buffer.concat([head, Buffer.from('2;'), cp1251('Сидоров'), Buffer.from('\n')]);
    for (const size of [1, 7, 4096]) {
      expect(() => all(new ExportDecoder('x.csv'), control, size), `size ${size}`).toThrow(/first at byte 37\b/);
      expect(() => all(new ExportDecoder('x.csv'), latin, size), `size ${size}`).toThrow(new RegExp(`first at byte ${latinAt}\\b`));
      expect(() => all(new ExportDecoder('x.csv'), mixed, size), `size ${size}`).toThrow(`not valid UTF-8 after byte ${head.length + 2}`);
    }
    // Text mode (HTML) too.
    const html = new ExportDecoder('x.html');
    expect(() => html.write(control) + html.end()).toThrow(/first at byte 37\b/);
  });

  // A DOS end-of-file mark after the last line (old Windows tools write one) made a whole export «binary».
  it('drops Ctrl-Z bytes that end the input, at any chunk size; followed by text, they stay in it', () => {
    const text = 'id,name\n1,Reunión\n';
    for (const size of [1, 3, 9, 4096]) {
      for (const marks of [1, 2]) {
        const d = new ExportDecoder('x.csv');
        const out = all(d, Buffer.concat([cp1252(text), Buffer.alloc(marks, 0x1a)]), size);
        expect(d.decode(out, 0, out.length), `size ${size}`).toBe(text);
      }
      const d = new ExportDecoder('x.csv');
      const out = all(d, Buffer.concat([Buffer.from('id,name\n'), Buffer.of(0x1a, 0x1a), Buffer.from('1,x\n')]), size);
      expect(d.decode(out, 0, out.length), `size ${size}`).toBe('id,name\n\u001a\u001a1,x\n');
    }
    // Text mode (HTML) too; in UTF-16 the byte is half of a letter («К» is 1A 04), not a mark.
    const html = new ExportDecoder('x.html');
    expect(html.write(Buffer.from('<td>1</td>\n\u001a\u001a')) + html.end()).toBe('<td>1</td>\n');
    const utf16 = new ExportDecoder('x.csv', 'utf-16le');
    const k = Buffer.from('id,К\n', 'utf16le');
    expect(Buffer.concat([utf16.bytes(k.subarray(0, 7)), utf16.bytes(k.subarray(7)), utf16.endBytes()]).toString('utf8')).toBe('id,К\n');
  });

  // A UTF-8 export with one row pasted from a Windows-1251 file was read as Windows-1251 and refused as
  // binary at a byte of a valid UTF-8 «И»; or, without such a letter, its headers came out garbled.
  it('names the first byte that is not UTF-8 in text that is UTF-8 but for a row, at any chunk size', () => {
    const head = Buffer.from(`ID;Ответственный;Дата создания;Этап сделки\n${Array.from({ length: 20 }, (_, i) => `${i + 1};Петрова Мария;02.03.2024;Новая\n`).join('')}`);
    const bytes = Buffer.concat([head, Buffer.from('3;'), cp1251('Сидоров Пётр'), Buffer.from(';03.03.2024;Новая\n')]);
    for (const size of [5, 64, 65_536]) expect(() => all(new ExportDecoder('x.csv'), bytes, size)).toThrow(`not valid UTF-8 after byte ${head.length + 2}`);
    expect(mostlyUtf8(bytes)).toBe(head.length + 2);
    // Windows-1251 and Windows-1252 text are not mostly UTF-8, even with a letter before «Ё» (C2 A8).
    expect(mostlyUtf8(cp1251('Менеджер;Клиент\nВЁрстка;Анна\n'.repeat(20)))).toBeUndefined();
    expect(mostlyUtf8(cp1252('Gestión;Reunión\n'.repeat(20)))).toBeUndefined();
  });

  // A helper's export of 35 UTF-8 rows and 5 Windows-1251 rows was read whole as Windows-1251: «РџРµС‚СЂРѕРІР° РђРЅРЅР°» a manager, won 13 → 2.
  it('refuses UTF-8 rows with several Windows-1251 rows among them, at the byte that breaks it; pure Windows-1251 with «Ё» after capitals is not UTF-8', () => {
    const head = Buffer.from(`ID;Ответственный;Этап сделки\n${Array.from({ length: 35 }, (_, i) => `${i + 1};Петрова Анна;Успешно реализовано\n`).join('')}`);
    const bytes = Buffer.concat([head, cp1251('36;Сидоров Олег;Успешно реализовано\n'.repeat(5))]);
    for (const size of [7, 4096, 65_536]) expect(() => all(new ExportDecoder('x.csv'), bytes, size)).toThrow(`not valid UTF-8 after byte ${head.length + 3}`);
    expect(mostlyUtf8(cp1251('ПЁТР;ЁЛКИН;СЕМЁН;«ООО»\n'.repeat(40)))).toBeUndefined();
  });

  it('names the byte that breaks UTF-8 far into a file, whatever the chunk it comes in', () => {
    const head = Buffer.from(`ID;Ответственный\n${'1;Петрова Анна\n'.repeat(20_000)}`);
    const bytes = Buffer.concat([head, Buffer.from('2;'), cp1251('Сидоров'), Buffer.from('\n')]);
    for (const size of [1000, 65_536, 1 << 20]) expect(() => all(new ExportDecoder('x.csv'), bytes, size)).toThrow(`not valid UTF-8 after byte ${head.length + 2}`);
  });

  // A tester: a UTF-8 export cut off inside its last letter (`…Не\xd1`) was refused as mixed encodings, «save it again as UTF-8».
  it('says a file that ends inside a UTF-8 character is cut short, at any chunk size and read whole; a bad byte before it is still named', () => {
    const body = Buffer.from(`ID;Ответственный\n${'1;Петрова Анна\n'.repeat(3000)}2;Не`);
    // «с» with no second byte, an emoji with one or two of its four, «–» with one of its three.
    for (const cut of [[0xd1], [0xf0, 0x9f], [0xf0, 0x9f, 0x99], [0xe2, 0x80]]) {
      const bytes = Buffer.concat([body, Buffer.from(cut)]);
      for (const size of [1, 7, 4096, bytes.length]) expect(() => all(new ExportDecoder('x.csv'), bytes, size), `${cut.join(' ')}/${size}`).toThrow('the file is cut short: it ends in the middle of a character');
      const text = new ExportDecoder('x.csv');
      expect(() => text.write(bytes) + text.end()).toThrow('the file is cut short');
    }
    // A small file: the bytes held back to decide the encoding end inside a character.
    expect(() => all(new ExportDecoder('x.csv'), Buffer.from([0x4e, 0xd0, 0x9d, 0xd0, 0xb5, 0xd1]), 64)).toThrow('the file is cut short');
    // A byte that could never start a character there is not a cut: as before.
    expect(() => all(new ExportDecoder('x.csv'), Buffer.concat([body, Buffer.from([0xe0, 0x80])]), 4096)).toThrow('not valid UTF-8');
  });

  it('says why it chose the encoding', () => {
    const d = new ExportDecoder('x.csv');
    all(d, cp1251('id,Менеджер\n1,Анна\n'), 64);
    expect(d.why).toMatch(/not UTF-8; letter runs: 2 words/);
    const u = new ExportDecoder('x.csv');
    all(u, Buffer.from('id,Менеджер\n'), 64);
    expect(u.why).toBe('the non-ASCII bytes are valid UTF-8');
  });
});

const REAL = path.resolve(import.meta.dirname, '../../../../shared/real-exports');
const DATALOADER = path.join(REAL, 'salesforce_opportunity_dataloader.csv');

describe.skipIf(!existsSync(DATALOADER))(`the Salesforce Data Loader extract in ${REAL}`, () => {
  it('is read as Windows-1252 text with its NUL bytes removed and counted', async () => {
    const raw = readFileSync(DATALOADER);
    const rows: string[][] = [];
    const info = await readTable(DATALOADER, { cwd: process.cwd(), stdin: process.stdin, limits: DEFAULT_LIMITS, textRows: true }, (row) => void rows.push(row as string[]));
    expect(info.encoding).toBe('windows-1252');
    expect(info.nulBytes).toBe(raw.filter((b) => b === 0).length);
    expect(info.nulBytes).toBeGreaterThan(0);
    // Independently: drop the NULs and decode the whole file as Windows-1252; every accented word is in the cells.
    const text = new TextDecoder('windows-1252').decode(raw.filter((b) => b !== 0));
    const accented = new Set(text.match(/[A-Za-z]*[\u00c0-\u00ff][A-Za-z]*/g));
    expect(accented.size).toBeGreaterThan(0);
    const cells = rows.flat().join('\n');
    for (const word of accented) expect(cells).toContain(word);
    expect(cells).not.toMatch(/[\u0400-\u04ff]/);
  });
});
