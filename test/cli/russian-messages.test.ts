import { chmodSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';
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

  // A folder the run may not write to: root writes anywhere but cannot create a file in /proc (ENOENT).
  const refusedOutput = process.getuid?.() === 0 ? '/proc/crm-audit-report.json' : path.join(dir, 'read-only', 'r.json');
  if (process.getuid?.() !== 0) {
    mkdirSync(path.dirname(refusedOutput));
    chmodSync(path.dirname(refusedOutput), 0o555);
  }

  it('kpi on the samples: the report and the stderr notes', () => {
    const run = ruRun(['kpi', '-d', 'samples/amocrm-deals.csv', '-a', 'samples/bitrix24-calls.xls', '--now', '2025-06-01']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Менеджер');
    expect(latinWords(run.stdout + run.stderr)).toEqual([]);
  });

  it.each([
    ['a missing file', ['kpi', '-d', 'nope.csv'], 'файл не найден'],
    ['a deals file with no known header', ['kpi', '-d', noHeader], 'ни одно название колонки не знакомо'],
    ['rows that cannot be read', ['kpi', '-d', badRows, '--max-bad-rows', '1'], 'не удалось прочитать'],
    ['no readable deal (every row lacks its manager): the rows and the column named', ['kpi', '-d', noDeals], 'ни одну из 2 строк не удалось прочитать'],
    ['a bad --from', ['kpi', '-d', 'samples/amocrm-deals.csv', '--from', '32.13.2025'], 'не дата'],
    ['a bad --now', ['kpi', '-d', 'samples/amocrm-deals.csv', '--now', 'вчера'], 'не дата'],
    ['a bad assertion path', ['report', '-d', 'samples/amocrm-deals.csv', '--now', '2025-06-01', '--assert', 'total.nosuch>=1', '-o', path.join(dir, 'r.json')], 'нет имени'],
    ['an assertion syntax error', ['report', '-d', 'samples/amocrm-deals.csv', '--assert', 'total.conversion>>1', '-o', path.join(dir, 'r.json')], 'ожидалось число'],
    ['an unknown option', ['kpi', '-d', 'samples/amocrm-deals.csv', '--lnag', 'ru'], 'неизвестный параметр'],
    ['a missing required option', ['kpi'], 'не указан обязательный параметр «-d, --deals <файл>»'],
    // A tester: `kpi --bogus` was told of a missing -d (commander checks required options first), not of --bogus.
    ['an unknown option and no -d', ['kpi', '--bogus'], 'неизвестный параметр «--bogus»'],
    ['an unknown option and no -o', ['generate', '--bogus'], 'неизвестный параметр «--bogus»'],
    ['a missing -o of generate', ['generate'], 'не указан обязательный параметр «-o, --output <папка>»'],
    ['a bad choice', ['kpi', '-d', 'samples/amocrm-deals.csv', '--format', 'pdf'], 'недопустимое значение'],
    // Tester T37 F8: a near miss of a choice is named, as an unknown option's is.
    ['a near miss of a choice', ['kpi', '-d', 'samples/amocrm-deals.csv', '--format', 'jsn'], '(может быть, json?)'],
    ['an output folder that does not exist', ['kpi', '-d', 'samples/amocrm-deals.csv', '-o', path.join(dir, 'нет', 'r.xlsx')], 'папки'],
    ['a bad count', ['kpi', '-d', 'samples/amocrm-deals.csv', '--top-reasons', '0'], 'целое положительное число'],
    ['a swapped file', ['compare', '--cutover', '2025-03-01', '-d', 'samples/bitrix24-calls.xls'], 'это похоже на журнал звонков и действий, а не на выгрузку сделок'],
    // Dates as a Russian reader writes them, the one typed too.
    ['a cutover outside the data', ['compare', '-d', 'samples/amocrm-deals.csv', '--cutover', '2030-01-01'], 'дата внедрения 01.01.2030 вне данных: они идут с 01.07.2024 по 30.06.2025'],
    ['compare without a way to split', ['compare'], 'как разделить периоды'],
    ['an output extension no format writes', ['kpi', '-d', 'samples/amocrm-deals.csv', '-o', path.join(dir, 'r.pdf')], 'записать нельзя'],
    ['--from after --to', ['kpi', '-d', 'samples/amocrm-deals.csv', '--from', '2025-03-01', '--to', '2025-02-01'], 'позже'],
    // The system's reason in Russian words (no code), never Node's `ENOTDIR: not a directory, stat '…'`.
    ['an input path through a file', ['kpi', '-d', 'samples/amocrm-deals.csv/deals.csv'], 'часть пути — файл, а не папка\n'],
    ['an output the system refuses', ['kpi', '-d', 'samples/amocrm-deals.csv', '-o', refusedOutput], 'не удалось записать файл результата: '],
    ['generate into a path through a file', ['generate', '-o', 'README.md/data'], 'часть пути — файл, а не папка\n'],
  ])('%s: the error, its where and its hint', (_name, args, expected) => {
    const run = ruRun(args);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(expected);
    expect(run.stderr).toMatch(/^ошибка: /m);
    expect(latinWords(run.stderr)).toEqual([]);
  });

  describe('readers, documents and commands', () => {
    const files = path.join(dir, 'files');
    const at = (name: string) => path.join(files, name);
    beforeAll(async () => {
      mkdirSync(files);
      writeFileSync(at('broken.xlsx'), Buffer.concat([Buffer.from('PK\x03\x04'), Buffer.alloc(64, 7)]));
      writeFileSync(at('no-table.xls'), '<html><body><p>Отчёт пуст</p></body></html>');
      writeFileSync(at('login.xls'), '<html><head><title>Вход в Битрикс24</title></head><body><form method="post"><table><tr><td>Логин</td><td><input name="USER_LOGIN"></td></tr><tr><td>Пароль</td><td><input type="password" name="USER_PASSWORD"></td></tr></table></form></body></html>');
      writeFileSync(at('empty.csv'), '');
      writeFileSync(at('legacy.xls'), Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]));
      writeFileSync(at('unclosed.csv'), 'ID;Ответственный;Дата создания;Этап сделки\n1;Иванов;01.02.2025;"Успешно\n');
      const wb = new ExcelJS.Workbook();
      wb.addWorksheet('Сводка').addRow(['Итоги квартала', 'см. ниже']);
      wb.addWorksheet('Прочее').addRow(['Заметки']);
      writeFileSync(at('no-header.xlsx'), Buffer.from(await wb.xlsx.writeBuffer()));
      writeFileSync(at('answers.yaml'), 'questionnaire: crm-maturity\nanswers:\n  lead.concept: может быть\n  journal.interactions: 2\n  no.such: yes\n');
      writeFileSync(at('answers-values.yaml'), 'questionnaire: crm-maturity\nanswers:\n  lead.concept: может быть\n  no.such: yes\n');
      writeFileSync(at('answers-syntax.yaml'), 'answers:\n  lead.concept: yes\n   journal.interactions: no\n');
      writeFileSync(at('targets.yaml'), 'targets:\n  conversoin: 0.2\n  conversion: много\n  response_min_median: [1]\n');
      writeFileSync(at('map.yaml'), 'deals:\n  columns:\n    manager: 5\n  status:\n    Успешно: winner\nextra: 1\n');
      writeFileSync(at('map-field.yaml'), 'deals:\n  columns:\n    managr: Ответственный\n');
      writeFileSync(at('ci.yaml'), 'lang: de\nkpi:\n  deals: deals.csv\n  touchNorm: "5"\ncompare:\n  cutover: 32.13.2025\n  margin: 2\n  cost: -5\n');
      writeFileSync(at('questionnaire.yaml'), 'id: Bad Id\nversion: 1\nlanguages: [ru, en]\ntitle: { ru: Анкета }\nsections: []\nbands: []\n');
    });

    it.each([
      ['a file that does not exist', ['kpi', '-d', 'nope.csv'], 'файл не найден'],
      ['a damaged xlsx', ['kpi', '-d', 'FILE:broken.xlsx'], 'книга повреждена'],
      ['an xlsx whose sheets hold no header', ['kpi', '-d', 'FILE:no-header.xlsx'], 'на листе «Сводка»'],
      ['an xlsx sheet that does not exist', ['kpi', '-d', 'FILE:no-header.xlsx', '--sheet', 'Сделки'], 'листа «Сделки» нет'],
      ['an html .xls with no table', ['kpi', '-d', 'FILE:no-table.xls'], 'нет таблицы'],
      // T37: a sign-in page saved under the export's name got «no header row» and a --map snippet naming «Логин».
      ['a sign-in page saved as .xls', ['kpi', '-d', 'FILE:login.xls'], 'это не выгрузка, а страница входа в CRM (поля логина и пароля): файл скачан, когда сеанс в CRM уже закончился\n  подсказка: войдите в CRM и выгрузите список заново'],
      ['an empty file', ['kpi', '-d', 'FILE:empty.csv'], 'файл пуст'],
      ['a legacy binary xls', ['kpi', '-d', 'FILE:legacy.xls'], 'старая двоичная книга'],
      ['an unclosed quote', ['kpi', '-d', 'FILE:unclosed.csv'], 'так и не закрыта'],
      ['bad answers file values', ['audit', '--answers', 'FILE:answers-values.yaml'], '«может быть» — не ответ на lead.concept'],
      ['an answers file value of the wrong type', ['audit', '--answers', 'FILE:answers.yaml'], 'в answers.journal.interactions: «2» — не ответ на journal.interactions'],
      ['an answers file that is not YAML', ['audit', '--answers', 'FILE:answers-syntax.yaml'], 'это не YAML'],
      ['an export given as answers', ['audit', '--answers', 'samples/amocrm-deals.csv'], 'а не файл ответов'],
      ['a bad targets file', ['compare', '-d', 'samples/amocrm-deals.csv', '--cutover', '2025-03-01', '--targets', 'FILE:targets.yaml'], 'нет такого показателя: «conversoin»; возможно, вы имели в виду «conversion»'],
      ['a bad map file', ['kpi', '-d', 'samples/amocrm-deals.csv', '--map', 'FILE:map.yaml'], 'ожидалось одно из: won, lost, open, deleted'],
      ['a map file naming an unknown field', ['kpi', '-d', 'samples/amocrm-deals.csv', '--map', 'FILE:map-field.yaml'], 'не поле раздела deals'],
      ['a bad config file', ['report', '-c', 'FILE:ci.yaml'], '«32.13.2025» — не дата'],
      ['a questionnaire that breaks the schema', ['validate', 'FILE:questionnaire.yaml'], 'строчными латинскими буквами'],
      ['an unknown built-in questionnaire', ['audit', '-q', 'nosuch', '--answers', 'FILE:answers.yaml'], 'встроенной анкеты «nosuch» нет'],
      ['a bad amount', ['compare', '-d', 'samples/amocrm-deals.csv', '--cutover', '2025-03-01', '--cost', 'много'], 'не читается'],
      ['report with nothing to report', ['report'], 'отчитываться не о чем'],
      ['an unknown preset', ['report', '-d', 'samples/amocrm-deals.csv', '--preset', 'strict'], 'недопустимое значение'],
      ['an unknown option', ['audit', '--bogus'], 'неизвестный параметр'],
      ['a missing argument', ['validate'], 'не указан обязательный аргумент «файл»'],
      ['an option without its value', ['kpi', '-d', 'samples/amocrm-deals.csv', '--lang'], 'у параметра «--lang <язык>» нет значения'],
      ['a bad whole number', ['generate', '-o', path.join(dir, 'gen'), '--deals', 'много'], 'нужно целое число'],
    ])('%s', (_name, args, expected) => {
      const run = ruRun(args.map((a) => (a.startsWith('FILE:') ? at(a.slice(5)) : a)));
      expect(run.code).toBe(2);
      expect(run.stderr).toContain(expected);
      expect(run.stderr).toMatch(/^ошибка: /m);
      expect(latinWords(run.stderr)).toEqual([]);
      // The same run in English still speaks English.
      const en = runCli(args.map((a) => (a.startsWith('FILE:') ? at(a.slice(5)) : a)), { env: { LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '' } });
      expect(en.code).toBe(2);
      expect(en.stderr).toMatch(/^error: /m);
      expect(en.stderr.replace(/«[^»\n]*»|"[^"\n]*"/g, '')).not.toMatch(/[а-яё]{4,} [а-яё]{4,}/i);
    });

    it('what validate and generate say when they succeed', () => {
      const valid = ruRun(['validate', 'questionnaires/crm-maturity.yaml']);
      expect(valid.code).toBe(0);
      expect(valid.stderr).toMatch(/анкета верна — разделов: \d+, вопросов: \d+/);
      expect(latinWords(valid.stderr)).toEqual([]);
      const generated = ruRun(['generate', '-o', path.join(dir, 'generated'), '--deals', '20', '--activities', '20']);
      expect(generated.code).toBe(0);
      expect(generated.stderr).toMatch(/^Записано: .*deals\.csv \(\d+(,\d)? (байт|байта|КБ)\), /);
      expect(latinWords(generated.stderr)).toEqual([]);
    });
  });

  it.each([[[]], [['kpi']], [['audit']], [['report']], [['compare']], [['inspect']], [['validate']], [['generate']], [['map']], [['demo']]])('crm-audit %j --help in Russian', (command) => {
    const run = ruRun([...command, '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^Использование: crm-audit/);
    expect(run.stdout).toContain('Параметры:');
    expect(run.stdout).toContain('Примеры:');
    expect(latinWords(run.stdout)).toEqual([]);
    const en = runCli([...command, '--help', '--lang', 'en'], { env: RU });
    expect(en.stdout).toMatch(/^Usage: crm-audit/);
  });

  it('a required column no rule finds, and closed stages no rule knows: the message, the hint and the snippet', async () => {
    const noDate = path.join(dir, 'no-date.csv');
    writeFileSync(noDate, 'ID,Название сделки,Бюджет,Ответственный,Дата\n1,Окна,100,Иванов,01.02.2025\n');
    const columns = ruRun(['kpi', '-d', noDate]);
    expect(columns.code).toBe(2);
    expect(columns.stderr).toContain('не найдена колонка для даты создания (created_at)');
    expect(columns.stderr).toContain('created_at: "Дата"    # ближайшая колонка: проверьте');
    expect(latinWords(columns.stderr)).toEqual([]);
    // No column holds a date: none is offered (a name or an amount column never was one).
    writeFileSync(noDate, 'ID,Название сделки,Бюджет,Ответственный\n1,Окна,100,Иванов\n');
    const none = ruRun(['kpi', '-d', noDate]);
    expect(none.stderr).toContain('created_at: "<заголовок в вашем файле>"');
    expect(latinWords(none.stderr)).toEqual([]);
    const fixtures = await exportFixturesDir();
    const stages = ruRun(['kpi', '-d', path.join(fixtures, 'bitrix-deals-quoted-trailing-semicolon-products.csv')]);
    expect(stages.code).toBe(2);
    expect(stages.stderr).toMatch(/не извест(ны|ен) ни как выигрыш, ни как проигрыш/);
    expect(stages.stderr).toMatch(/"Мой успех": (won|lost) +# сделок — 1, закрыто — все/);
    expect(latinWords(stages.stderr.replace(/^ {4}".*$/gm, ''))).toEqual([]);
  });

  it('skipped rows are explained in Russian on stderr and kept in English in the JSON', () => {
    const run = ruRun(['kpi', '-d', badRows, '--max-bad-rows', '100%', '--format', 'json']);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('«32.13.2025» — не дата');
    // A deal with no manager is said as one assigned to no one (deals-no-manager), not as an unreadable row.
    expect(run.stderr).toContain('ни на кого не назначен');
    expect(latinWords(run.stderr)).toEqual([]);
    const reasons = (JSON.parse(run.stdout) as { dataQuality: { rowsSkipped: Array<{ reason: string }> } }).dataQuality.rowsSkipped.map((s) => s.reason);
    expect(reasons).toEqual(expect.arrayContaining(['no manager (a deal assigned to no one)', '"32.13.2025" is not a date', '"много" is not a number']));
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
    expect(ruRun(['inspect', badRows]).stdout).toContain('строка 3, колонка «Дата создания»: «32.13.2025» — не дата');
  });

  it('a path whose name begins or ends with a space, beside the file without it, says so', () => {
    const ru = runCli(['kpi', '-d', 'samples/amocrm-deals.csv ', '--lang', 'ru']);
    expect(ru.code).toBe(2);
    expect(ru.stderr).toBe('ошибка: samples/amocrm-deals.csv : файл не найден: в имени пробел в начале или в конце\n  подсказка: файл «samples/amocrm-deals.csv» есть: уберите пробел из пути\n');
    const en = runCli(['kpi', '-d', 'samples/ amocrm-deals.csv', '--lang', 'en']);
    expect(en.stderr).toBe('error: samples/ amocrm-deals.csv: no such file: the name begins or ends with a space\n  hint: the file "samples/amocrm-deals.csv" exists: remove the space from the path\n');
    // No such file without the space either: the usual message.
    expect(runCli(['kpi', '-d', 'nope.csv ', '--lang', 'en']).stderr).toBe('error: nope.csv : no such file\n  hint: check the path (relative paths start from the current folder)\n');
  });

  // An absolute path typed on the command line was told «путь, записанный в файле конфигурации…»: no config file was used.
  it('an absolute path: the folder that holds no such file, or the folder that is missing, without a word of a config file', () => {
    const dir = path.join(ROOT, 'samples');
    const ru = runCli(['kpi', '-d', path.join(dir, 'nope.csv'), '--lang', 'ru']);
    expect(ru.code).toBe(2);
    expect(ru.stderr).toBe(`ошибка: ${path.join(dir, 'nope.csv')}: файл не найден\n  подсказка: в папке «${dir}» нет файла «nope.csv»: проверьте имя\n`);
    const en = runCli(['kpi', '-d', path.join(dir, 'nowhere', 'nope.csv'), '--lang', 'en']);
    expect(en.stderr).toBe(`error: ${path.join(dir, 'nowhere', 'nope.csv')}: no such file\n  hint: there is no folder "${path.join(dir, 'nowhere')}": check the path\n`);
  });

  it('an empty --metrics says the list is empty, not that «» is an unknown metric', () => {
    const ru = runCli(['kpi', '-d', 'samples/amocrm-deals.csv', '--metrics', '', '--lang', 'ru']);
    expect(ru.code).toBe(2);
    expect(ru.stderr).toMatch(/^ошибка: --metrics: список показателей пуст\n {2}подсказка: перечислите показатели через запятую \(leads, won, .*\) или уберите --metrics, чтобы показать все\n$/);
  });

  it('an English run prints the catalogue in English, and --lang ru wins over LANG', () => {
    const en = runCli(['kpi', '-d', 'nope.csv'], { env: { LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '' } });
    expect(en.stderr).toBe('error: nope.csv: no such file\n  hint: check the path (relative paths start from the current folder)\n');
    const ru = runCli(['kpi', '-d', 'nope.csv', '--lang', 'ru'], { env: { LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '' } });
    expect(ru.stderr).toBe('ошибка: nope.csv: файл не найден\n  подсказка: проверьте путь (относительный путь считается от текущей папки)\n');
  });

  it('a locale that names no language (C.UTF-8, POSIX, none) speaks Russian, as the report does by default', () => {
    for (const LANG of ['C.UTF-8', 'POSIX', '']) {
      const run = runCli(['kpi', '-d', 'nope.csv'], { env: { LANG, LC_ALL: '', LC_MESSAGES: '' } });
      expect(run.stderr).toBe('ошибка: nope.csv: файл не найден\n  подсказка: проверьте путь (относительный путь считается от текущей папки)\n');
    }
    expect(runCli(['kpi', '-d', 'nope.csv'], { env: { LANG: 'de_DE.UTF-8', LC_ALL: '', LC_MESSAGES: '' } }).stderr).toMatch(/^error: nope\.csv: no such file\n/);
    // LC_ALL=C is set for plain byte behaviour, not as a language: the LANG behind it still speaks.
    expect(runCli(['kpi', '-d', 'nope.csv'], { env: { LANG: 'en_US.UTF-8', LC_ALL: 'C', LC_MESSAGES: '' } }).stderr).toMatch(/^error: nope\.csv: no such file\n/);
    expect(runCli(['kpi', '-d', 'nope.csv'], { env: { LANG: 'ru_RU.UTF-8', LC_ALL: 'C.UTF-8', LC_MESSAGES: '' } }).stderr).toMatch(/^ошибка: /);
    expect(runCli(['--help'], { env: { LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' } }).stdout).toContain('Использование');
  });

  it("report's errors follow the config's lang once the config is read", () => {
    const config = path.join(dir, 'ru-config.yaml');
    writeFileSync(config, 'lang: ru\n');
    const run = runCli(['report', '-c', config], { env: { LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '' } });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`ошибка: отчитываться не о чем (файл настроек ${config})\n  подсказка: укажите --answers и/или --deals или файл crm-audit.config.yaml (см. раздел «crm-audit report (CI)» в README.md)\n`);
  });

  // A helper's `lang: en` config with a wrong value was told so in Russian (the locale's), its other errors in English.
  it("the config's own errors are said in the lang it names; --lang still wins", () => {
    const config = path.join(dir, 'en-config.yaml');
    writeFileSync(config, 'lang: en\nassert:\n  - expr: total.leads>=1\n    level: fatal\n');
    const run = runCli(['report', '-c', config], { env: { LANG: 'C.UTF-8', LC_ALL: '', LC_MESSAGES: '' } });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`error: ${config}, at line 4, column 5, at assert[0].level: expected one of: error, warn; got "fatal"\n`);
    const ru = runCli(['report', '-c', config, '--lang', 'ru'], { env: { LANG: 'C.UTF-8' } });
    expect(ru.stderr).toContain('ожидалось одно из: error, warn; получено: «fatal»');
  });
});
