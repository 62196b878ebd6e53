// A tester's Sipuni log writes the employee line first, «101 (Иванов Иван)», and on other calls the
// bare name («Ответственный из CRM») or the line alone («Откуда» 101). Where the deals do not name the
// person, «101 (Иванов Иван)» and «Иванов Иван» are two managers: manager-spellings says so, with the
// snippet. Where they do, the line alone is said as hers, quoted as the file wrote it (line first).
// Expectations by hand.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const HEADER = 'Тип;Статус;Время;Откуда;Куда;Кто ответил;Длительность разговора;Ответственный из CRM';

describe('a line written before the name', () => {
  it('a deals file naming nobody of the log: «101 (Иванов Иван)» and «Иванов Иван» are said as one person', () => {
    const d = mkdtempSync(path.join(tmpdir(), 'crm-audit-line-first-'));
    writeFileSync(path.join(d, 'deals.csv'), 'ID;Ответственный;Дата создания;Этап сделки;Телефон\n1;Олег Котов;01.03.2025;Переговоры;+7 916 100-00-09\n');
    // An answered incoming call names «101 (Иванов Иван)»; a missed one names only the owner from the CRM.
    const rows = [HEADER, 'Входящий;Отвечен;03.03.2025 09:00:00;79161000001;74950000000;101 (Иванов Иван);60;', 'Входящий;Не отвечен;03.03.2025 09:30:00;79161000002;74950000000;;0;Иванов Иван'];
    writeFileSync(path.join(d, 'sipuni.csv'), `${rows.join('\n')}\n`);
    const run = runCli(['kpi', '-d', 'deals.csv', '-a', 'sipuni.csv', '--format', 'json', '--now', '2025-04-01', '--lang', 'ru'], { cwd: d });
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.managers.map((m: { manager: string; calls_in: number }) => [m.manager, m.calls_in])).toEqual([['101 (Иванов Иван)', 1], ['Иванов Иван', 1], ['Олег Котов', 0]]);
    expect(result.dataQuality.alerts).toContainEqual({ code: 'manager-spellings', names: [{ name: '101 (Иванов Иван)', as: 'Иванов Иван' }] });
    expect(run.stderr).toContain('managers:\n  "101 (Иванов Иван)": "Иванов Иван"');
  });

  it('a line alone on other calls is said as the person, quoted as the file wrote the name: line first', () => {
    const d = mkdtempSync(path.join(tmpdir(), 'crm-audit-line-first-'));
    writeFileSync(path.join(d, 'deals.csv'), 'ID;Ответственный;Дата создания;Этап сделки;Телефон\n1;Иванов Иван;01.03.2025;Переговоры;+7 916 100-00-01\n');
    const rows = [HEADER.replace(';Ответственный из CRM', ''), 'Входящий;Отвечен;03.03.2025 09:00:00;79161000001;74950000000;101 (Иванов Иван);60', 'Исходящий;Отвечен;03.03.2025 10:00:00;101;79161000001;79161000001;90'];
    writeFileSync(path.join(d, 'sipuni.csv'), `${rows.join('\n')}\n`);
    for (const [lang, said] of [['ru', '«101» — это «Иванов Иван» (в файле: «101 (Иванов Иван)»)'], ['en', '"101" is "Иванов Иван" (the file writes "101 (Иванов Иван)")']] as const) {
      const run = runCli(['kpi', '-d', 'deals.csv', '-a', 'sipuni.csv', '--format', 'json', '--now', '2025-04-01', '--lang', lang], { cwd: d });
      expect(run.code, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout).managers.map((m: { manager: string; calls_in: number; calls_out: number }) => [m.manager, m.calls_in, m.calls_out])).toEqual([['101', 0, 1], ['Иванов Иван', 1, 0]]);
      expect(run.stderr).toContain(said);
    }
  });
});
