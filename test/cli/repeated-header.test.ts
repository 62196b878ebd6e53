import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const HEADER = 'ID;Ответственный;Этап сделки;Дата создания;Компания';
const REORDERED = 'ID;Компания;Этап сделки;Дата создания;Ответственный';

/** A temporary folder holding the files given. */
function folder(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'repeated-header-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

describe('two exports joined into one file: the header again amid the rows', () => {
  it('in the same column order: the row is dropped and counted, not reported as an unreadable date', () => {
    const dir = folder({
      'deals.csv': [HEADER, '1;Иванов Иван;Успешно реализовано;01.01.2025;Клиент 1', '2;Петрова Ольга;Переговоры;02.01.2025;Клиент 2', HEADER, '3;Иванов Иван;Успешно реализовано;03.01.2025;Клиент 3'].join('\n'),
    });
    const run = runCli(['kpi', '-d', 'deals.csv', '--format', 'json', '--lang', 'en'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.total).toMatchObject({ leads: 3, won: 2 });
    expect(out.dataQuality.rowsSkipped).toEqual([]);
    expect(out.dataQuality.files[0]).toMatchObject({ rowsRead: 4, records: 3, skipped: 0, dropped: { 'repeated header row': 1 } });
    expect(run.stderr).not.toMatch(/is not a date/);
    const ru = runCli(['inspect', 'deals.csv', '--lang', 'ru'], { cwd: dir });
    expect(ru.stdout).toMatch(/отброшено: +повторённая строка заголовка: 1/);
  });

  // Tester T75 (F2): two Bitrix24 files joined, each beginning with a byte order mark and quoting every cell:
  // the second's «\ufeff"ID"» is no quoted cell, and its header was an unreadable row.
  it('with each part beginning with a byte order mark and every cell quoted: dropped the same, whole and in halves', () => {
    const quoted = (line: string) => line.split(';').map((c) => `"${c}"`).join(';');
    const part = (rows: string[]) => `\ufeff${[HEADER, ...rows].map(quoted).join('\r\n')}\r\n`;
    const dir = folder({ 'deals.csv': part(['1;Иванов Иван;Успешно реализовано;01.01.2025;Клиент 1', '2;Петрова Ольга;Переговоры;02.01.2025;Клиент 2']) + part(['3;Иванов Иван;Успешно реализовано;03.01.2025;Клиент 3']) });
    for (const env of [{ CRM_AUDIT_SPLIT_BYTES: '0' }, { CRM_AUDIT_SPLIT_BYTES: '150' }]) {
      const run = runCli(['kpi', '-d', 'deals.csv', '--format', 'json', '--lang', 'en'], { cwd: dir, env });
      expect(run.code, run.stderr).toBe(0);
      const out = JSON.parse(run.stdout);
      expect(out.total).toMatchObject({ leads: 3, won: 2 });
      expect(out.dataQuality.files[0]).toMatchObject({ records: 3, skipped: 0, dropped: { 'repeated header row': 1 } });
    }
  });

  it('in another column order: exit 2 naming the file, the row and a column that moved, in both languages', () => {
    const rows = Array.from({ length: 40 }, (_, i) => `${i + 1};Иванов Иван;Переговоры;01.01.2025;Клиент ${i + 1}`);
    // Past the first 30 rows the header is looked for in: row 42 of the file (the header is row 1).
    const dir = folder({ 'deals.csv': [HEADER, ...rows, REORDERED, '41;Клиент 41;Переговоры;02.01.2025;Петрова Ольга'].join('\n') });
    const en = runCli(['kpi', '-d', 'deals.csv', '--format', 'json', '--lang', 'en'], { cwd: dir });
    expect(en.code).toBe(2);
    expect(en.stdout).toBe('');
    expect(en.stderr).toContain('deals.csv, row 42: the header row appears again here with its columns in another order (column 2: "Ответственный" in the file\'s header, "Компания" here)');
    expect(en.stderr).toMatch(/hint: export the data again as one file; or split the file in two at row 42/);
    const ru = runCli(['kpi', '-d', 'deals.csv', '--lang', 'ru'], { cwd: dir });
    expect(ru.code).toBe(2);
    expect(ru.stderr).toContain('deals.csv, строка 42: здесь снова строка заголовка, но колонки в ней в другом порядке (колонка 2: в заголовке файла «Ответственный», здесь «Компания»)');
    expect(ru.stderr).toMatch(/подсказка: выгрузите данные заново одним файлом/);
    expect(ru.stderr.replaceAll('deals.csv', '')).not.toMatch(/[a-z]{4,}/);
  });

  it('within the first rows too, and in a call log: the repeat is dropped, the reordered one stops the run', () => {
    const deals = [HEADER, '1;Иванов Иван;Успешно реализовано;01.01.2025 10:00;Клиент 1'].join('\n');
    const log = 'Дата звонка;Сотрудник;Тип звонка;ID сделки';
    const calls = [log, '01.01.2025 11:00;Иванов Иван;исходящий;1', log, '01.01.2025 12:00;Иванов Иван;исходящий;1'].join('\n');
    const moved = [log, '01.01.2025 11:00;Иванов Иван;исходящий;1', 'Сотрудник;Дата звонка;Тип звонка;ID сделки', 'Иванов Иван;01.01.2025 12:00;исходящий;1'].join('\n');
    const dir = folder({ 'deals.csv': deals, 'calls.csv': calls, 'moved.csv': moved });
    const run = runCli(['kpi', '-d', 'deals.csv', '-a', 'calls.csv', '--format', 'json', '--lang', 'en'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    // Two calls on the won deal: 2 touches; the first 60 minutes after its creation.
    expect(out.total).toMatchObject({ touches_per_won: 2, response_min_median: 60, calls_out: 2 });
    expect(out.dataQuality.files[1]).toMatchObject({ records: 2, skipped: 0, dropped: { 'repeated header row': 1 } });
    const stop = runCli(['kpi', '-d', 'deals.csv', '-a', 'moved.csv', '--lang', 'en'], { cwd: dir });
    expect(stop.code).toBe(2);
    expect(stop.stderr).toContain('moved.csv, row 3: the header row appears again here with its columns in another order (column 1: "Дата звонка" in the file\'s header, "Сотрудник" here)');
  });
});
