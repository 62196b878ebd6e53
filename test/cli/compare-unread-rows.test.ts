import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

// T39 F5: «все сделки созданы в один день» and a hint to export another period, where two of three rows
// were not read (a date 32.01.2025, an amount «abc»): the error says those rows, as kpi does.
const HEADER = 'ID;Ответственный;Дата создания;Дата закрытия;Этап сделки;Бюджет';
const bad = [HEADER, '1;Иванов;01.01.2025;05.01.2025;Успешно реализовано;100', '2;Иванов;32.01.2025;05.02.2025;Успешно реализовано;100', '3;Иванов;10.02.2025;15.02.2025;Успешно реализовано;abc'];

function files(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-unread-'));
  writeFileSync(path.join(dir, 'bad.csv'), `${bad.join('\n')}\n`);
  writeFileSync(path.join(dir, 'good.csv'), `${bad.slice(0, 2).join('\n')}\n`);
  // «после» in 2024, before «до»: swapped, with a row not read.
  writeFileSync(path.join(dir, 'late.csv'), `${[HEADER, '7;Иванов;01.06.2024;05.06.2024;Успешно реализовано;100', '8;Иванов;01.13.2024;05.06.2024;Успешно реализовано;100'].join('\n')}\n`);
  return dir;
}

describe('a periods\' error says the deal rows not read (T39 F5)', () => {
  it('one day of deals after two rows not read: how many, and each with its row, column and reason, in both languages', () => {
    const dir = files();
    const ru = runCli(['compare', '-d', 'bad.csv', '--cutover', '01.02.2025', '--now', '2026-12-05', '--lang', 'ru'], { cwd: dir });
    expect(ru.code).toBe(2);
    expect(ru.stderr).toContain('bad.csv: все сделки созданы в один день (01.01.2025): сравнивать «до» и «после» не на чем; при этом не прочитаны 2 из 3 строк сделок, и в них могут быть сделки, которых не хватает:\n  строка 3, колонка «Дата создания»: «32.01.2025» — не дата\n  строка 4, колонка «Бюджет»: «abc» — не число');
    expect(ru.stderr).toContain('подсказка: исправьте эти ячейки (или назовите колонки в файле --map) и запустите снова; если дело не в них: выгрузите сделки за период');
    const en = runCli(['compare', '-d', 'bad.csv', '--cutover', '01.02.2025', '--now', '2026-12-05', '--lang', 'en'], { cwd: dir });
    expect(en.stderr).toContain('and 2 of 3 deal rows could not be read, which may hold the deals it lacks:\n  row 3, column "Дата создания": "32.01.2025" is not a date');
  });

  it('two sets: the rows are named with their file', () => {
    const run = runCli(['compare', '--before-deals', 'good.csv', '--after-deals', 'late.csv', '--now', '2026-12-05', '--lang', 'en'], { cwd: files() });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('comes before the before period');
    expect(run.stderr).toContain('and 1 of 3 deal rows could not be read');
    expect(run.stderr).toContain('  late.csv, row 3, column "Дата создания": "01.13.2024" is not a date');
  });

  it('says nothing more where every row was read', () => {
    const run = runCli(['compare', '-d', 'good.csv', '--cutover', '01.02.2025', '--now', '2026-12-05', '--lang', 'en'], { cwd: files() });
    expect(run.code).toBe(2);
    expect(run.stderr).not.toContain('could not be read');
  });
});
