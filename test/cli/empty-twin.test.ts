import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { decided } from '../helpers/map-notes.js';

/** A folder holding the given files. */
function written(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'empty-twin-'));
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);
  return dir;
}

const DEALS = ['ID;Ответственный;Контакт;Дата создания;Этап;Бюджет', '1;Анна Львова;+7 916 000-00-02;01.03.2025 09:00;Успешно реализовано;1000', '2;Борис Котов;+7 916 000-00-03;01.03.2025 09:30;Переговоры;500'].join('\n');

// A call log saved with two «Сотрудник» columns: #3 left empty, #7 filled (no CRM profile knows it).
const CALLS = [
  'Направление;Телефон;Сотрудник;Дата;Длительность;Статус;Сотрудник',
  'исходящий;+79160000001;;01.03.2025 10:00:00;60;отвечен;Анна Львова',
  'входящий;+79160000002;;01.03.2025 11:00:00;0;пропущен;Анна Львова',
  'исходящий;+79160000002;;01.03.2025 11:20:00;45;отвечен;Анна Львова',
  'исходящий;+79160000003;;02.03.2025 09:00:00;120;отвечен;Борис Котов',
].join('\n');

// A tester: the stop said «manager: "#3"    # или "#7": проверьте»; pasted, every row failed, and `map` wrote no file.
describe('two manager columns of one name, the first empty', () => {
  it('kpi\'s first stop proposes the filled column, never the empty one', () => {
    const dir = written({ 'deals.csv': DEALS, 'calls.csv': CALLS });
    for (const lang of ['ru', 'en']) {
      const run = runCli(['kpi', '-d', 'deals.csv', '-a', 'calls.csv', '--lang', lang], { cwd: dir });
      expect(run.code).toBe(2);
      expect(run.stderr).toContain('activities:\n  columns:\n    manager: "#7"');
      expect(run.stderr).not.toContain('"#3"');
    }
  });

  it('map writes a file naming the filled column, and kpi reads with it (by hand)', () => {
    const dir = written({ 'deals.csv': DEALS, 'calls.csv': CALLS });
    const map = runCli(['map', 'calls.csv', '-o', 'map.yaml', '--lang', 'en'], { cwd: dir });
    expect(map.code, map.stderr).toBe(0);
    expect(decided(readFileSync(path.join(dir, 'map.yaml'), 'utf8'))).toBe('activities:\n  columns:\n    manager: "#7"    # column 3 "Сотрудник" is empty in the first rows, column 7 of the same name is filled: check\n');
    const ru = runCli(['map', 'calls.csv', '-o', 'map-ru.yaml', '--lang', 'ru'], { cwd: dir });
    expect(readFileSync(path.join(dir, 'map-ru.yaml'), 'utf8')).toContain('manager: "#7"    # колонка 3 «Сотрудник» пуста в первых строках, колонка 7 того же названия заполнена: проверьте');
    expect(ru.stderr).toContain('Нет терминала');
    const run = runCli(['kpi', '-d', 'deals.csv', '-a', 'calls.csv', '--map', 'map.yaml', '--format', 'json'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const r = JSON.parse(run.stdout);
    const by = (name: string) => r.managers.find((m: { manager: string }) => m.manager === name);
    // Анна: two outgoing calls (60 + 45 s), the missed one called back 20 minutes later.
    expect(by('Анна Львова')).toMatchObject({ calls_out: 2, calls_in: 1, calls_missed: 1, callback_rate: 1, talk_minutes: 1.75 });
    expect(by('Борис Котов')).toMatchObject({ calls_out: 1, calls_in: 0, talk_minutes: 2 });
  });

  it('a --map naming the manager is kept as written', () => {
    const dir = written({ 'calls.csv': CALLS, 'mine.yaml': 'activities:\n  columns:\n    manager: "#3"\n' });
    const map = runCli(['map', 'calls.csv', '--map', 'mine.yaml', '-o', 'map.yaml', '--lang', 'en'], { cwd: dir });
    expect(map.code, map.stderr).toBe(0);
    expect(readFileSync(path.join(dir, 'map.yaml'), 'utf8')).not.toContain('"#7"');
  });
});
