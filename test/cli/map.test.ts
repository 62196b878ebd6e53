import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

/** A Bitrix24 deals export whose portal renamed its success stage: «Выдано», closed, with amounts. */
const EXPORT = [
  'ID;Название сделки;Ответственный;Стадия сделки;Сделка закрыта;Дата создания;Сумма;Предполагаемая дата закрытия',
  '1;Окна;Иванов Иван;Сделка успешна;Да;01.02.2025;100000;05.02.2025',
  '2;Двери;Иванов Иван;Выдано;Да;03.02.2025;200000;10.02.2025',
  '3;Крыша;Петрова Анна;Выдано;Да;04.02.2025;50000;11.02.2025',
].join('\n');

describe('crm-audit map without a terminal writes the proposal in the run language', () => {
  it.each([
    ['ru_RU.UTF-8', [], '"Выдано": won    # сделок: 2, закрыто: все, с суммой: все: проверьте', 'Нет терминала'],
    ['ru_RU.UTF-8', ['--lang', 'en'], '"Выдано": won    # 2 deals, all closed, all with an amount: check', 'No terminal'],
  ])('LANG=%s %j', (lang, args, line, note) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-map-'));
    writeFileSync(path.join(dir, 'deals.csv'), EXPORT);
    const run = runCli(['map', 'deals.csv', '-o', 'map.yaml', ...args], { cwd: dir, env: { LANG: lang } });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain(note);
    expect(readFileSync(path.join(dir, 'map.yaml'), 'utf8')).toBe(`deals:\n  status:\n    ${line}\n`);
  });
});

describe('two columns of the same name that could both hold a field', () => {
  it('are told apart by number in the message and the snippet, and the snippet read back works', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-map-'));
    writeFileSync(path.join(dir, 'dup.csv'), ['ID;Ответственный;Ответственный;Этап сделки;Бюджет;Дата создания', '1;Иванов;Петров;Успешно реализовано;100;01.02.2025', '2;Анна;Борис;Новая;;02.02.2025'].join('\n'));
    const run = runCli(['kpi', '-d', 'dup.csv', '--lang', 'ru'], { cwd: dir });
    expect(run.code).toBe(2);
    // Both offered as «Ответственный» was no choice at all.
    expect(run.stderr).toContain('«Ответственный» (#2), «Ответственный» (#3)');
    const snippet = run.stderr.slice(run.stderr.indexOf('deals:'));
    expect(snippet).toContain('manager: "#2"    # или "#3"');
    writeFileSync(path.join(dir, 'map.yaml'), snippet.replace('"#2"', '"#3"'));
    const mapped = runCli(['kpi', '-d', 'dup.csv', '--map', 'map.yaml', '--format', 'json'], { cwd: dir });
    expect(mapped.code, mapped.stderr).toBe(0);
    expect(JSON.parse(mapped.stdout).managers.map((m: { manager: string }) => m.manager)).toEqual(['Борис', 'Петров']);
    // Names that differ only in case or spaces are the same name to --map: told apart by number too.
    writeFileSync(path.join(dir, 'case.csv'), ['ID;Ответственный;ответственный ;Этап сделки;Бюджет;Дата создания', '1;Иванов;Петров;Успешно реализовано;100;01.02.2025', '2;Анна;Борис;Новая;;02.02.2025'].join('\n'));
    expect(runCli(['kpi', '-d', 'case.csv', '--lang', 'ru'], { cwd: dir }).stderr).toContain('manager: "#2"    # или "#3"');
  });
});
