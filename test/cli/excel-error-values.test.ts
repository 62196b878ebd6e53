// Tester T49 F1: a workbook's or an Excel-saved CSV's failed lookup, «#N/A», in a client's, a loss reason's
// or a source's column was read as a value: two deals of client «#N/A» made a repeat sale, «#N/A» was a
// loss reason and a source. Such a cell now names nothing, as an empty one. Expectations by hand.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const HEADER = 'ID;Ответственный;Дата создания;Дата закрытия;Этап сделки;Бюджет;Компания;Причина отказа;Источник';
const ROWS = [
  '101;Иванов;01.03.2025 10:00;05.03.2025 10:00;Успешно реализовано;100;#N/A;;Сайт',
  '102;Иванов;02.03.2025 10:00;06.03.2025 10:00;Успешно реализовано;200;#N/A;;#REF!',
  '103;Петров;03.03.2025 10:00;07.03.2025 10:00;Закрыто и не реализовано;;ООО А;#N/A;Сайт',
  '104;Петров;04.03.2025 10:00;08.03.2025 10:00;Закрыто и не реализовано;;ООО Б;Дорого;Сайт',
];

describe('Excel error values in text columns name nothing', () => {
  it('no client (no repeat sale), no loss reason, no source', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'excel-errors-'));
    writeFileSync(path.join(dir, 'deals.csv'), [HEADER, ...ROWS].join('\n'));
    const run = runCli(['kpi', '-d', 'deals.csv', '--format', 'json', '--now', '2025-04-01', '--by', 'source'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout);
    // Deals 101 and 102 have no client: neither is a repeat of the other.
    expect(result.total).toMatchObject({ leads: 4, won: 2, lost: 2, revenue: 300, repeat_won: 0 });
    // Lost 103's reason «#N/A» is none: one unspecified, one «Дорого».
    expect(result.total.loss_reasons).toEqual({ unspecified: 1, 'Дорого': 1 });
    // Deal 102's source «#REF!» is none: Сайт has 101, 103, 104.
    expect(result.groups.map((g: { by: { source: string | null }; metrics: { leads: number } }) => [g.by.source, g.metrics.leads])).toEqual([['Сайт', 3], [null, 1]]);
  });
});

// Review R45 F10: a manager «#N/A» was skipped as «нет менеджера», which hid the cause.
describe('an Excel error value in the manager column', () => {
  it('skips the row naming the formula error', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'excel-errors-'));
    writeFileSync(path.join(dir, 'deals.csv'), [HEADER, ...ROWS, '105;#N/A;05.03.2025 10:00;;Переговоры;;;;Сайт'].join('\n'));
    const run = runCli(['kpi', '-d', 'deals.csv', '--format', 'json', '--now', '2025-04-01', '--lang', 'ru'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).dataQuality.rowsSkipped).toEqual([{ file: 'deals.csv', row: 6, column: 'Ответственный', reason: '"#N/A" is an Excel formula error, not a value' }]);
    expect(run.stderr).toContain('строка 6, колонка «Ответственный»: «#N/A» — ошибка формулы Excel, а не значение: исправьте формулу в файле');
  });
});

// Tester T75 (F12): a Russian Excel writes «#Н/Д», «#ЗНАЧ!»: a manager «#Н/Д» was read, and two deals of client «#Н/Д» made a repeat sale.
describe('Excel error values as a localised Excel writes them', () => {
  it('name no client and no manager, as the English ones', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'excel-errors-'));
    const rows = ROWS.map((r) => r.replace('#N/A;;Сайт', '#Н/Д;;Сайт').replace('#REF!', '#ССЫЛКА!').replace('ООО А;#N/A', 'ООО А;#ЗНАЧ!'));
    writeFileSync(path.join(dir, 'deals.csv'), [HEADER, ...rows, '105;#Н/Д;05.03.2025 10:00;;Переговоры;;;;Сайт', '106;Петров;05.03.2025 10:00;;Переговоры;;;;#¡VALOR!'].join('\n'));
    const run = runCli(['kpi', '-d', 'deals.csv', '--format', 'json', '--now', '2025-04-01', '--by', 'source', '--lang', 'ru'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.total).toMatchObject({ leads: 5, won: 2, lost: 2, repeat_won: 0 });
    expect(result.total.loss_reasons).toEqual({ unspecified: 1, 'Дорого': 1 });
    expect(result.managers.map((m: { manager: string }) => m.manager)).toEqual(['Иванов', 'Петров']);
    expect(run.stderr).toContain('строка 6, колонка «Ответственный»: «#Н/Д» — ошибка формулы Excel, а не значение');
    expect(result.groups.map((g: { by: { source: string | null }; metrics: { leads: number } }) => [g.by.source, g.metrics.leads])).toEqual([['Сайт', 3], [null, 2]]);
  });
});
