import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { TextDecoder } from 'node:util';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

/** Windows-1251 bytes of a text, by the decoder's own table. */
function cp1251(text: string): Buffer {
  const chars = new TextDecoder('windows-1251').decode(Uint8Array.from({ length: 256 }, (_, b) => b));
  const bytes = new Map(Array.from(chars, (c, b) => [c, b] as const).reverse());
  return Buffer.from(Array.from(text, (c) => bytes.get(c)!));
}

const MANAGERS = ['Алексеева Мария', 'Белов Олег', 'Васильев Пётр', 'Григорьева Анна'];
const STAGES = ['Closed Won', 'Closed Lost', 'Negotiation'];
const HEADER = 'ID;Бюджет;Ответственный;Этап сделки;Дата создания;Дата закрытия;Источник\n';
function row(i: number): string {
  const stage = STAGES[i % 3]!;
  const day = 1 + (i % 28);
  const closed = stage === 'Negotiation' ? '' : `${String(Math.min(day + 2, 28)).padStart(2, '0')}.03.2025 12:00`;
  return `${i + 1};${1000 + i};${MANAGERS[i % 4]};${stage};${String(day).padStart(2, '0')}.03.2025 10:00;${closed};Сайт\n`;
}
const rows = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => row(from + k)).join('');

// Tester T37 F1 (mixed_cp1251_then_utf8.csv): 75 KB of Windows-1251 rows and then UTF-8 rows gave exit 0 and
// eight managers, four of them «РђР»РµРєСЃРµРµРІР° РњР°СЂРёСЏ» and the like with 63% of the deals.
describe('a CSV that is Windows-1251 first and UTF-8 later', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-mixed-page-'));
  const head = cp1251(HEADER + rows(0, 1100));
  const mixed = path.join(dir, 'mixed.csv');
  writeFileSync(mixed, Buffer.concat([head, Buffer.from(rows(1100, 3000))]));
  // The UTF-8 part starts at row 1101 (line 1102): «1101;2100;» and then the manager.
  const at = head.length + '1101;2100;'.length;

  it('is refused as mixed encodings at the byte and line where UTF-8 starts, in Russian and English, with no report', () => {
    expect(head.length).toBeGreaterThan(75_000);
    const ru = runCli(['kpi', '-d', mixed, '--now', '2025-04-01', '--lang', 'ru']);
    expect(ru.code).toBe(2);
    expect(ru.stdout).toBe('');
    expect(ru.stderr).toContain(`mixed.csv, строка 1102: текст начинался в кодировке Windows-1251, но с байта ${String(at).replace(/\B(?=(\d{3})+$)/g, ' ')} в нём идёт UTF-8 (кодировки смешаны): «Алексеева Мария» в Windows-1251 читается как «РђР»РµРєСЃРµРµРІР° РњР°СЂРёСЏ»`);
    expect(ru.stderr).toContain('сохраните выгрузку заново целиком в одной кодировке: как CSV UTF-8 (или вся в Windows-1251)');
    const en = runCli(['kpi', '-d', mixed, '--now', '2025-04-01', '--lang', 'en', '--format', 'json']);
    expect(en.code).toBe(2);
    expect(en.stdout).toBe('');
    expect(en.stderr).toContain(`mixed.csv, row 1102: the text started as Windows-1251 but is UTF-8 from byte ${at} on (mixed encodings): "Алексеева Мария" reads as "РђР»РµРєСЃРµРµРІР° РњР°СЂРёСЏ" in Windows-1251`);
    expect(en.stderr).toContain('hint: save the export again in one encoding throughout: as CSV UTF-8 (or all of it in Windows-1251)');
  });

  it('says the same from stdin, and when the file is read in two halves, the UTF-8 in the second', () => {
    const piped = runCli(['kpi', '-d', '-', '--now', '2025-04-01'], { input: readFileSync(mixed) });
    expect(piped.code).toBe(2);
    expect(piped.stderr).toContain(`the text started as Windows-1251 but is UTF-8 from byte ${at} on (mixed encodings): "Алексеева Мария"`);
    // The middle past the 64 KB that decide and before the UTF-8: the worker thread reading the second half meets it.
    const long = cp1251(HEADER + rows(0, 2000));
    const file = path.join(dir, 'halves.csv');
    writeFileSync(file, Buffer.concat([long, Buffer.from(rows(2000, 2500))]));
    const halves = runCli(['kpi', '-d', file, '--now', '2025-04-01'], { env: { CRM_AUDIT_SPLIT_BYTES: '1000', CRM_AUDIT_TIMINGS: '1' } });
    expect(halves.stderr).toContain('reading in two halves');
    expect(halves.code).toBe(2);
    expect(halves.stderr).toContain(`halves.csv, row 2002: the text started as Windows-1251 but is UTF-8 from byte ${long.length + '2001;3000;'.length} on (mixed encodings): "Алексеева Мария"`);
  });

  // mixed_enc2.csv: the UTF-8 part's «И» (D0 98; 0x98 is no character in Windows-1251) made it «not a text export».
  it('with a UTF-8 «И» is mixed encodings, not binary', () => {
    const file = path.join(dir, 'i.csv');
    writeFileSync(file, Buffer.concat([cp1251(HEADER + rows(0, 200)), Buffer.from('201;100;Ия;Closed Won;01.03.2025 10:00;02.03.2025 10:00;Сайт\n')]));
    const r = runCli(['kpi', '-d', file, '--now', '2025-04-01']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('i.csv, row 202: the text started as Windows-1251 but is UTF-8 from byte');
    expect(r.stderr).not.toContain('binary');
  });

  it('a long genuine Windows-1251 export (200 KB of Russian names, stages and cities) is read, every manager as written', () => {
    const people = ['Ёлкин Пётр', 'РЁВИН СЕМЁН', 'Сёмина Юлия', 'Тюрин Артём', 'Ушакова Фёкла', 'Щукин Илья'];
    const stages = ['Успешно реализовано', 'Закрыто и не реализовано', 'Переговоры', 'СОГЛАСОВАНИЕ ДОГОВОРА'];
    const cities = ['Орёл', 'Рязань', 'Санкт-Петербург', 'Ростов-на-Дону', 'Усть-Илимск', 'ТВЕРЬ'];
    let body = 'ID;Бюджет;Ответственный;Этап сделки;Дата создания;Дата закрытия;Город;Примечание\n';
    for (let i = 0; body.length < 200_000; i++) {
      const stage = stages[i % 4]!;
      const closed = i % 4 < 2 ? `${String(1 + (i % 27)).padStart(2, '0')}.03.2025 12:00` : '';
      body += `${i + 1};${1000 + i};${people[i % 6]};${stage};01.03.2025 10:00;${closed};${cities[i % 6]};ООО «РУСЬ» № ${i} — счёт\u00a0выставлен…\n`;
    }
    const file = path.join(dir, 'genuine.csv');
    writeFileSync(file, cp1251(body));
    const r = runCli(['kpi', '-d', file, '--now', '2025-04-01', '--format', 'json']);
    expect(r.stderr).toBe('');
    expect(r.code).toBe(0);
    const managers = (JSON.parse(r.stdout) as { managers: Array<{ manager: string }> }).managers.map((m) => m.manager);
    expect(managers.sort()).toEqual([...people].sort());
  });
});
