import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { exportFixturesDir } from '../helpers/fixtures.js';
import { latinWords } from '../helpers/latin-words.js';

const RU = { LANG: 'ru_RU.UTF-8', LC_ALL: '', LC_MESSAGES: '' };

function ruRun(args: string[]) {
  return runCli(args, { env: RU });
}

describe('a Russian run speaks Russian', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'ru-messages-'));
  const noHeader = path.join(dir, 'deals.csv');
  writeFileSync(noHeader, 'foo;bar;baz\n1;2;3\n');
  const noDeals = path.join(dir, 'no-deals.csv');
  writeFileSync(noDeals, 'ID,Ответственный,Дата создания,Бюджет,Этап сделки\n1,,01.02.2025,100,Успешно реализовано\n2,,01.02.2025,100,Успешно реализовано\n');
  const badRows = path.join(dir, 'bad.csv');
  const good = Array.from({ length: 8 }, (_, i) => `${i + 10},Сидоров,0${(i % 9) + 1}.02.2025,100,Успешно реализовано`);
  writeFileSync(badRows, ['ID,Ответственный,Дата создания,Бюджет,Этап сделки', '1,,01.02.2025,100,Успешно реализовано', '2,Иванов,32.13.2025,100,Успешно реализовано', '3,Петров,01.02.2025,много,Успешно реализовано', ...good].join('\n') + '\n');

  it('kpi on the samples: the report and the stderr notes', () => {
    const run = ruRun(['kpi', '-d', 'samples/amocrm-deals.csv', '-a', 'samples/bitrix24-calls.xls', '--now', '2025-06-01']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Менеджер');
    expect(latinWords(run.stdout + run.stderr)).toEqual([]);
  });

  it.each([
    ['a missing file', ['kpi', '-d', 'nope.csv'], 'файл не найден'],
    ['a deals file with no known header', ['kpi', '-d', noHeader], 'нет строки заголовка'],
    ['rows that cannot be read', ['kpi', '-d', badRows, '--max-bad-rows', '1'], 'не удалось прочитать'],
    ['no readable deal', ['kpi', '-d', noDeals], 'ни одна не читается как сделка'],
    ['a bad --from', ['kpi', '-d', 'samples/amocrm-deals.csv', '--from', '32.13.2025'], 'не дата'],
    ['a bad --now', ['kpi', '-d', 'samples/amocrm-deals.csv', '--now', 'вчера'], 'не дата'],
    ['a bad assertion path', ['report', '-d', 'samples/amocrm-deals.csv', '--now', '2025-06-01', '--assert', 'total.nosuch>=1', '-o', path.join(dir, 'r.json')], 'нет имени'],
    ['an assertion syntax error', ['report', '-d', 'samples/amocrm-deals.csv', '--assert', 'total.conversion>>1', '-o', path.join(dir, 'r.json')], 'ожидалось число'],
    ['an unknown option', ['kpi', '-d', 'samples/amocrm-deals.csv', '--lnag', 'ru'], 'неизвестный параметр'],
    ['a missing required option', ['kpi'], 'не указан обязательный параметр'],
    ['a bad choice', ['kpi', '-d', 'samples/amocrm-deals.csv', '--format', 'pdf'], 'недопустимое значение'],
    ['an output folder that does not exist', ['kpi', '-d', 'samples/amocrm-deals.csv', '-o', path.join(dir, 'нет', 'r.xlsx')], 'папки'],
    ['a bad count', ['kpi', '-d', 'samples/amocrm-deals.csv', '--top-reasons', '0'], 'целое положительное число'],
    ['a swapped file', ['compare', '--cutover', '2025-03-01', '-d', 'samples/bitrix24-calls.xls'], 'похоже на выгрузку'],
    ['a cutover outside the data', ['compare', '-d', 'samples/amocrm-deals.csv', '--cutover', '2030-01-01'], 'вне данных'],
    ['compare without a way to split', ['compare'], 'как разделить периоды'],
    ['an output extension no format writes', ['kpi', '-d', 'samples/amocrm-deals.csv', '-o', path.join(dir, 'r.pdf')], 'записать нельзя'],
    ['--from after --to', ['kpi', '-d', 'samples/amocrm-deals.csv', '--from', '2025-03-01', '--to', '2025-02-01'], 'позже'],
  ])('%s: the error, its where and its hint', (_name, args, expected) => {
    const run = ruRun(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(expected);
    expect(run.stderr).toMatch(/^ошибка: /m);
    expect(latinWords(run.stderr)).toEqual([]);
  });

  it('a required column no rule finds, and closed stages no rule knows: the message, the hint and the snippet', async () => {
    const noDate = path.join(dir, 'no-date.csv');
    writeFileSync(noDate, 'ID,Название сделки,Бюджет,Ответственный\n1,Окна,100,Иванов\n');
    const columns = ruRun(['kpi', '-d', noDate]);
    expect(columns.code).toBe(2);
    expect(columns.stderr).toContain('не найдена колонка для created_at');
    expect(columns.stderr).toContain('# ближайшая колонка: проверьте');
    expect(latinWords(columns.stderr)).toEqual([]);
    const fixtures = await exportFixturesDir();
    const stages = ruRun(['kpi', '-d', path.join(fixtures, 'bitrix-deals-quoted-trailing-semicolon-products.csv')]);
    expect(stages.code).toBe(2);
    expect(stages.stderr).toContain('не известны ни как выигрыш, ни как проигрыш');
    expect(stages.stderr).toMatch(/"Мой успех": (won|lost) +# сделок: 1, закрыто: все/);
    expect(latinWords(stages.stderr.replace(/^ {4}".*$/gm, ''))).toEqual([]);
  });

  it('skipped rows are explained in Russian on stderr and kept in English in the JSON', () => {
    const run = ruRun(['kpi', '-d', badRows, '--max-bad-rows', '100%', '--format', 'json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('«32.13.2025» — не дата');
    expect(run.stderr).toContain('нет менеджера');
    expect(latinWords(run.stderr)).toEqual([]);
    const reasons = (JSON.parse(run.stdout) as { dataQuality: { rowsSkipped: Array<{ reason: string }> } }).dataQuality.rowsSkipped.map((s) => s.reason);
    expect(reasons).toEqual(expect.arrayContaining(['no manager', '"32.13.2025" is not a date', '"много" is not a number']));
  });

  it('inspect speaks the run language, and --lang en overrides it', () => {
    for (const file of ['samples/amocrm-deals.csv', 'samples/bitrix24-calls.xls', badRows]) {
      const run = ruRun(['inspect', file]);
      expect(run.code).toBe(0);
      expect(run.stdout).toContain('Колонки');
      expect(latinWords(run.stdout + run.stderr)).toEqual([]);
    }
    const en = ruRun(['inspect', 'samples/amocrm-deals.csv', '--lang', 'en']);
    expect(en.stdout).toContain('Columns');
    expect(ruRun(['inspect', badRows]).stdout).toContain('строка 3, колонка "Дата создания": «32.13.2025» — не дата');
  });

  it('an English run prints the catalogue in English, and --lang ru wins over LANG', () => {
    const en = runCli(['kpi', '-d', 'nope.csv'], { env: { LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' } });
    expect(en.stderr).toBe('error: nope.csv: no such file\n  hint: check the path (relative paths start from the current folder)\n');
    const ru = runCli(['kpi', '-d', 'nope.csv', '--lang', 'ru'], { env: { LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' } });
    expect(ru.stderr).toBe('ошибка: nope.csv: файл не найден\n  подсказка: проверьте путь (относительный путь считается от текущей папки)\n');
  });
});
