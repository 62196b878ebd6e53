// Tester T75 (F8): a UTF-8 export opened as Windows-1251 and saved again as UTF-8 read as it stood:
// managers «РЎРјРёСЂРЅРѕРІР°», exit 0. Such a text is refused with a word as it was meant.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TextDecoder } from 'node:util';
import { describe, expect, it } from 'vitest';
import { twiceEncoded } from '../../../src/io/read/twice-encoded.js';
import { runCli } from '../../helpers/cli.js';

/** UTF-8 text read as Windows-1251: each Russian letter becomes two characters. */
const twice = (text: string) => new TextDecoder('windows-1251').decode(Buffer.from(text, 'utf8'));

const DEALS = ['Название сделки;Ответственный;Дата создания;Этап сделки;Бюджет', 'Окна;Смирнова Ольга;01.03.2025;Успешно реализовано;1000', 'Двери;Петров Пётр;02.03.2025;Переговоры;500'].join('\n');

describe('twiceEncoded', () => {
  it('finds the pairs of a twice-encoded text and gives a word as meant', () => {
    expect(twice('Смирнова')).toBe('РЎРјРёСЂРЅРѕРІР°');
    expect(twiceEncoded(twice(DEALS))).toEqual({ seen: 'РќР°Р·РІР°РЅРёРµ', meant: 'Название' });
  });

  it('a Russian or Ukrainian text, however long, is none', () => {
    expect(twiceEncoded(DEALS.repeat(50))).toBeUndefined();
    expect(twiceEncoded('Сідоренко Сірко Сіль Рівне Ріпки Сєвєродонецьк; Сидоров; Рыбаков «СРО» '.repeat(20))).toBeUndefined();
  });

  it('a word whose «И» was lost in the save («Р?») is passed over for one that reads', () => {
    const text = twice('Иван ').replace(/\u0098/g, '?') + twice(DEALS);
    expect(twiceEncoded(text)).toEqual({ seen: 'РќР°Р·РІР°РЅРёРµ', meant: 'Название' });
  });
});

describe('kpi on a twice-encoded export', () => {
  it('stops with exit 2, the word as seen and as meant, and what to do; with or without a byte order mark, from a file or stdin', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'twice-'));
    writeFileSync(path.join(dir, 'plain.csv'), twice(DEALS));
    writeFileSync(path.join(dir, 'bom.csv'), `\ufeff${twice(DEALS)}`);
    for (const file of ['plain.csv', 'bom.csv']) {
      const run = runCli(['kpi', '-d', file, '--lang', 'ru'], { cwd: dir });
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(`ошибка: ${file}: текст файла закодирован дважды: UTF-8 прочитали как Windows-1251 и снова сохранили в UTF-8, и каждая русская буква стала двумя («РќР°Р·РІР°РЅРёРµ» — это «Название»)\n  подсказка: так бывает, когда CSV открывают в Excel двойным щелчком и сохраняют; передайте исходную выгрузку из CRM, не пересохраняя её, или в Excel откройте файл через «Данные → Из текстового/CSV-файла» с кодировкой UTF-8\n`);
    }
    const stdin = runCli(['kpi', '-d', '-', '--lang', 'en'], { cwd: dir, input: twice(DEALS) });
    expect(stdin.code).toBe(2);
    expect(stdin.stderr).toMatch(/^error: standard input \(-\): the file's text was encoded twice: .*«РќР°Р·РІР°РЅРёРµ» is «Название»/);
  });
});
