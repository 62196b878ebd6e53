import { describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runCli } from '../helpers/cli.js';

describe('a file of the wrong kind says what it is', () => {
  it('audit --answers with an export', () => {
    const run = runCli(['audit', '--answers', 'samples/amocrm-deals.csv']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('this is a CRM export (a table of deals, calls or payments), not an answers file');
    expect(run.stderr).toContain('--deals');
  });

  // Random bytes with commas in their first line, and an empty .csv, were both called «a CRM export».
  it('an empty file is said to be empty and a binary one not text, in audit --answers and validate', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wrong-file-'));
    const empty = path.join(dir, 'empty.csv');
    writeFileSync(empty, '');
    const binary = path.join(dir, 'answers.yaml');
    writeFileSync(binary, Buffer.from([0x50, 0x4b, 0x2c, 0x2c, 0x03, 0x04, 0x00, 0x9f, 0x2c, 0x0a, 0x01]));
    for (const args of [['audit', '--answers', empty], ['validate', empty]]) {
      const run = runCli([...args, '--lang', 'en']);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toContain('the file is empty');
      expect(run.stderr).not.toContain('CRM export');
    }
    for (const args of [['audit', '--answers', binary], ['validate', binary]]) {
      const run = runCli([...args, '--lang', 'en']);
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toContain('this is not a text file: it holds binary bytes (byte 4)');
      expect(run.stderr).not.toMatch(/CRM export|\bat .*\.js:\d+/);
    }
  });

  // 4096 NULs said «первый — байт 64», a 30-byte header then NULs «байт 94», and 10 NULs «в файле нет ни одной строки».
  it('an export of NUL bytes is refused as binary at its first NUL', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wrong-file-'));
    const header = Buffer.from('ID;Ответственный\n');
    for (const [name, bytes, offset, row] of [
      ['nul.csv', Buffer.alloc(4096), 0, 1],
      ['nul-after.csv', Buffer.concat([header, Buffer.alloc(4096)]), 30, 2],
      ['nul10.csv', Buffer.alloc(10), 0, 1],
    ] as const) {
      const file = path.join(dir, name);
      writeFileSync(file, bytes);
      for (const command of [['kpi', '-d', file], ['inspect', file, '--kind', 'deals']]) {
        const en = runCli([...command, '--lang', 'en']);
        expect(en.code, name).toBe(2);
        expect(en.stderr).toContain(`${name}, row ${row}: this is not a text export: it holds binary bytes (first at byte ${offset}) `);
        const ru = runCli([...command, '--lang', 'ru']);
        expect(ru.stderr).toContain(`${name}, строка ${row}: это не текстовая выгрузка: в ней есть двоичные байты (первый — байт ${offset}), `);
      }
    }
  });

  it('audit --answers with a questionnaire', () => {
    const run = runCli(['audit', '--answers', 'questionnaires/crm-maturity.yaml']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('this is a questionnaire, not an answers file');
  });

  // An audit's own JSON result (band, not bands) was called a questionnaire.
  it('audit --answers and validate with an audit result: named as one, with --baseline that takes it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'wrong-file-'));
    const result = path.join(dir, 'base.json');
    expect(runCli(['audit', '--answers', 'samples/answers/leader.yaml', '--format', 'json', '-o', result, '--now', '2025-03-01']).code).toBe(0);
    const ru = runCli(['audit', '--answers', result, '--lang', 'ru']);
    expect(ru.code).toBe(2);
    expect(ru.stderr).toContain('это результат аудита (JSON из --format json), а не файл ответов');
    expect(ru.stderr).toContain(`--baseline ${result}`);
    expect(runCli(['validate', result]).stderr).toContain('this is an audit result');
  });

  it('validate with an answers file or an export', () => {
    const answers = runCli(['validate', 'samples/answers/leader.yaml']);
    expect(answers.code).toBe(2);
    expect(answers.stderr).toContain('this is an audit answers file, not a questionnaire');
    expect(answers.stderr).toContain('crm-audit audit --answers samples/answers/leader.yaml');
    const csv = runCli(['validate', 'samples/payments.csv']);
    expect(csv.code).toBe(2);
    expect(csv.stderr).toContain('crm-audit inspect samples/payments.csv');
    expect(runCli(['validate', 'questionnaires/crm-maturity.yaml']).code).toBe(0);
  });
});

// A reviewer: one name only a call log or a payments file has («Длительность разговора», «Оплачено») said
// the kind of a swapped file before the header rules were tightened, and then said nothing.
describe('one column name only one kind of file has names its kind', () => {
  it('a call log or a payments file given as deals is sent to its option; a German call log is not sent to --deals', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-telling-'));
    writeFileSync(path.join(dir, 'calls.csv'), 'Длительность разговора,Комментарий,Кто\n60,ok,a\n120,ok,b\n');
    writeFileSync(path.join(dir, 'pay.csv'), 'Номер сделки,Оплачено,Примечание\n1,100,x\n2,200,y\n');
    writeFileSync(path.join(dir, 'deals.csv'), 'ID,Ответственный,Дата создания,Этап сделки,Бюджет\n1,Иванов Иван,01.02.2025,Успешно реализовано,100\n2,Иванов Иван,02.02.2025,Переговоры,\n');
    writeFileSync(path.join(dir, 'german.csv'), 'Datensatz-ID,Aktivitätsdatum,Aktivität zugewiesen an,Anrufrichtung\n101,2025-01-05 09:30,Alice Smith,Ausgehend\n102,2025-01-06 11:00,Alice Smith,Eingehend\n');
    const calls = runCli(['kpi', '-d', 'calls.csv', '--lang', 'ru'], { cwd: dir });
    expect(calls.code).toBe(2);
    expect(calls.stderr).toContain('--deals: это похоже на журнал звонков и действий, а не на выгрузку сделок');
    const pay = runCli(['kpi', '-d', 'deals.csv', '-a', 'pay.csv', '--lang', 'en'], { cwd: dir });
    expect(pay.code).toBe(2);
    expect(pay.stderr).toContain('--activities looks like a payments export');
    // Read as payments, «Номер сделки» is the deal id: 100 and 200 paid of deals 1 and 2.
    const read = runCli(['kpi', '-d', 'deals.csv', '-p', 'pay.csv', '--format', 'json'], { cwd: dir });
    expect(read.code, read.stderr).toBe(0);
    expect(JSON.parse(read.stdout).total.paid).toBe(300);
    const german = runCli(['kpi', '-d', 'deals.csv', '-a', 'german.csv', '--lang', 'en'], { cwd: dir });
    expect(german.code).toBe(2);
    expect(german.stderr).not.toContain('pass it as --deals');
    expect(german.stderr).toContain('at: "Aktivitätsdatum"');
  });
});

describe('a file with no header the run knows asks whether it is that kind of file', () => {
  it('names the kind of file as a reader does, in Russian and English', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-noheader-'));
    writeFileSync(path.join(dir, 'acts.csv'), 'Действие - Тема;Действие - Срок\nЗвонок клиенту;2024-07-01\n');
    const ru = runCli(['inspect', 'acts.csv', '--kind', 'activities', '--lang', 'ru'], { cwd: dir });
    // inspect shows the columns (the file it is asked about), and asks the same in its listing.
    expect(ru.code, ru.stderr).toBe(0);
    expect(ru.stdout).toContain('ни одно название колонки не знакомо: это точно журнал звонков и действий?');
    expect(ru.stdout).toContain('пока колонки не названы в файле --map');
    const en = runCli(['inspect', 'acts.csv', '--kind', 'activities', '--lang', 'en'], { cwd: dir });
    expect(en.stdout).toContain('no column name is one known: is this a call and activity log?');
    const deals = runCli(['kpi', '-d', 'acts.csv', '--lang', 'en'], { cwd: dir });
    expect(deals.stderr).toContain('hint: is this a deals export?');
  });
});

// A tester: a PDF and JSON (an API dump, a crm-audit result) given as deals were read as CSV: «no
// header row», rows shown as «%PDF-1.4», and a --map snippet naming «%PDF-1.4» as the manager column.
describe('a PDF or JSON given as an export', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'not-table-'));
  const files: Record<string, string> = {
    'report.pdf': '%PDF-1.4\n%âãÏÓ\n1 0 obj\n<< /Type /Catalog >>\nendobj\n',
    'deals.json': '\ufeff[\n  {"id": 1, "properties": {"dealname": "A", "amount": "100"}}\n]\n',
    'hubspot.json': '{"results": [{"id": "1"}], "paging": {}}',
    'empty-array.csv': '[]',
  };
  for (const [name, text] of Object.entries(files)) writeFileSync(path.join(dir, name), text);

  it.each([
    ['report.pdf', 'this is a PDF document (a report for print), not an export', 'это PDF-документ (отчёт для печати), а не выгрузка'],
    ['deals.json', 'this is JSON (a CRM API response or a crm-audit --format json result), not an export table', 'это JSON (ответ API CRM или результат crm-audit --format json)'],
    ['hubspot.json', 'this is JSON', 'это JSON'],
    ['empty-array.csv', 'this is JSON', 'это JSON'],
  ])('%s: said for what it is, with how to export a table, exit 2, no snippet', (name, en, ru) => {
    const run = runCli(['kpi', '-d', name, '--lang', 'en'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`${name}: ${en}`);
    expect(run.stderr).toContain('export the data from the CRM as CSV or Excel (XLSX)');
    expect(run.stderr).not.toContain('--map');
    expect(runCli(['kpi', '-d', name, '--lang', 'ru'], { cwd: dir }).stderr).toContain(ru);
  });

  it('a crm-audit kpi result given back as deals', () => {
    const result = runCli(['kpi', '-d', 'samples/amocrm-deals.csv', '--format', 'json', '--now', '2025-06-01']);
    writeFileSync(path.join(dir, 'result.json'), result.stdout);
    const run = runCli(['kpi', '-d', path.join(dir, 'result.json'), '--lang', 'en']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('this is JSON');
  });

  it('a CSV whose first header is in brackets is still a CSV', () => {
    writeFileSync(path.join(dir, 'brackets.csv'), '[ID],manager,created_at,status\n1,Анна,2025-01-10,won\n');
    const run = runCli(['inspect', 'brackets.csv', '--kind', 'deals', '--lang', 'en'], { cwd: dir });
    expect(run.stderr).not.toContain('JSON');
  });
});

// A tester: a «;» header-only file without a final line break said «no row names the columns» with a
// --map snippet naming the whole line as one column; with the line break it said what it is.
describe('a header-only export without a final line break', () => {
  it('is said to have a header and no rows, as with the line break', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'header-only-'));
    writeFileSync(path.join(dir, 'deals.csv'), 'ID;Название сделки;Бюджет;Ответственный;Этап сделки;Дата создания');
    const run = runCli(['kpi', '-d', 'deals.csv', '--lang', 'ru'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('в файле сделок есть заголовок, но нет строк с данными');
    expect(run.stderr).not.toContain('--map');
  });
});

// A tester: a Bitrix24 header over «Итого» and «Всего» alone said «в файле сделок 2 строк, но ни одна не читается как сделка».
describe('a deals export of totals rows only', () => {
  it('is said to hold only totals, with the Russian plural', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'totals-only-'));
    const header = 'ID;Название сделки;Сумма;Ответственный;Стадия сделки;Дата создания';
    writeFileSync(path.join(dir, 'two.csv'), `${header}\nИтого;;150000;;;\nВсего;;150000;;;\n`);
    writeFileSync(path.join(dir, 'one.csv'), `${header}\nИтого;;150000;;;\n`);
    const two = runCli(['kpi', '-d', 'two.csv', '--lang', 'ru'], { cwd: dir });
    expect(two.code).toBe(2);
    expect(two.stderr).toBe('ошибка: two.csv: в файле сделок нет строк сделок: только 2 строки итогов или примечаний\n  подсказка: выгрузите сделки ещё раз: возможно, выгрузка была отфильтрована до пустой\n');
    const one = runCli(['kpi', '-d', 'one.csv', '--lang', 'en'], { cwd: dir });
    expect(one.stderr).toBe('error: one.csv: the deals file has no deal rows: only 1 totals or note row\n  hint: export the deals again: the export may have been filtered to nothing\n');
  });
});

// A tester: `report -c deals.csv` said «not valid YAML: Unexpected scalar token»; `--map calls.csv` and
// `--targets calls.csv` dumped the whole CSV on one line as the value they got; a --map file given as
// the config was «unknown key: "deals"». `audit --answers deals.csv` already said what the file is.
describe('an export or a map given where a YAML document is expected', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'wrong-doc-'));
  writeFileSync(path.join(dir, 'calls.csv'), 'Activity date,Activity assigned to,Call direction,Call outcome\n2025-01-05 10:00,Ann Lee,Outbound,Connected\n');
  writeFileSync(path.join(dir, 'calls.txt'), 'manager;at;kind\nАнна;2025-01-05;call\n');
  writeFileSync(path.join(dir, 'map.yaml'), 'deals:\n  status:\n    "Выдано": won\nmanagers:\n  "005X": "Анна"\n');
  const run = (args: string[]) => runCli([...args, '--lang', 'en'], { cwd: dir });

  it.each([
    [['report', '-c', 'calls.csv'], 'calls.csv: this is a CRM export (a table), not a report config'],
    [['kpi', '-d', path.resolve('samples/amocrm-deals.csv'), '--map', 'calls.csv'], 'calls.csv: this is a CRM export (a table), not a --map file'],
    [['kpi', '-d', path.resolve('samples/amocrm-deals.csv'), '--map', 'calls.txt'], 'calls.txt: this is a CRM export (a table), not a --map file'],
    [['compare', '-d', path.resolve('samples/amocrm-deals.csv'), '--cutover', '2025-01-01', '--targets', 'calls.csv'], 'calls.csv: this is a CRM export (a table), not a targets file'],
    [['report', '-c', 'map.yaml'], 'map.yaml: this is a --map file (deals:, activities:, managers: sections), not a report config'],
  ])('%j', (args, message) => {
    const r = run(args);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(message);
    expect(r.stderr).not.toContain('Unexpected scalar');
  });

  // A reviewer: a YAML mistake in a map whose first line is a comment with commas, or a .txt map, was called «a CRM export».
  it('a YAML mistake in a map is said as one, whatever its comment line or its name', () => {
    writeFileSync(path.join(dir, 'm1.yaml'), '# Map for deals.csv, calls.csv, payments.csv\ndeals:\n  status:\n    "Выдано: won\n');
    writeFileSync(path.join(dir, 'm2.txt'), 'deals:\n  status:\n    "Выдано: won\n');
    for (const map of ['m1.yaml', 'm2.txt']) {
      const r = run(['kpi', '-d', path.resolve('samples/amocrm-deals.csv'), '--map', map]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('not valid YAML');
      expect(r.stderr).not.toContain('CRM export');
    }
  });

  it('a --map file given as --map still reads, one-line JSON too', () => {
    writeFileSync(path.join(dir, 'map.json'), '{"deals": {"status": {"Выдано": "won", "Отказ": "lost"}}}');
    for (const map of ['map.yaml', 'map.json']) expect(run(['kpi', '-d', path.resolve('samples/amocrm-deals.csv'), '--map', map, '--now', '2025-06-01']).code).toBe(0);
  });
});

// A tester: `audit --answers - < export.xlsx` said «binary bytes», where the same workbook by its path is «a CRM export».
describe('a workbook piped in where a YAML document is expected', () => {
  it('is said to be a workbook, for answers and a --map file alike', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Deals').addRows([['id', 'manager', 'created_at'], [1, 'Анна', '2025-01-10']]);
    const xlsx = Buffer.from(await wb.xlsx.writeBuffer());
    for (const args of [['audit', '--answers', '-'], ['kpi', '-d', 'samples/amocrm-deals.csv', '--map', '-']]) {
      const run = runCli([...args, '--lang', 'en'], { input: xlsx });
      expect(run.code, args.join(' ')).toBe(2);
      expect(run.stderr).toContain('standard input (-): this is an Excel workbook (XLSX), probably a CRM export, not a YAML text document');
    }
  });
});

// A tester: audit and report given a call log as --deals asked for a deal's columns, with a --map
// snippet that would have read the calls as deals; kpi named the swapped file. All three do now, and
// only compare's periods are told to check «the other files of that period».
describe('a call log given as --deals to audit and report', () => {
  const answers = 'samples/answers/leader.yaml';
  it.each([
    ['audit', ['audit', '--answers', answers, '-d', 'samples/bitrix24-calls.xls']],
    ['report', ['report', '--answers', answers, '-d', 'samples/bitrix24-calls.xls', '--format', 'json']],
    ['kpi', ['kpi', '-d', 'samples/bitrix24-calls.xls']],
  ])('%s names it and the option it belongs to', (_name, args) => {
    const ru = runCli([...args, '--lang', 'ru']);
    expect(ru.code).toBe(2);
    // And the deals the run needs: a tester followed «pass it as --activities» alone and was told -d is required.
    expect(ru.stderr).toBe('ошибка: samples/bitrix24-calls.xls: --deals: это похоже на журнал звонков и действий, а не на выгрузку сделок\n  подсказка: передайте этот файл как --activities, а в --deals — выгрузку сделок: показатели считаются по сделкам\n');
    const en = runCli([...args, '--lang', 'en']);
    expect(en.stderr).toContain('pass it as --activities, and a deals export as --deals: the metrics are counted over deals\n');
    expect(en.stdout).toBe('');
  });

  it('compare\'s periods are told to check the period\'s other files', () => {
    const run = runCli(['compare', '--before-deals', 'samples/bitrix24-calls.xls', '--after-deals', 'samples/amocrm-deals.csv', '--lang', 'ru']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('передайте этот файл как --before-activities и проверьте остальные файлы этого периода');
  });
});


// Tester T56 M1: a targets file as -d found «no header», and `map` of a --map file proposed a --map snippet for it.
describe('a YAML document given where an export is read', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'wrong-file-yaml-'));
  writeFileSync(path.join(dir, 'map.yaml'), 'deals:\n  columns:\n    manager: "Ответственный, отдел"\n    amount: "Бюджет, руб."\n');
  it.each([
    ['kpi -d', ['kpi', '-d', 'map.yaml']],
    ['kpi --plan', ['kpi', '-d', path.resolve('samples/amocrm-deals.csv'), '--plan', 'map.yaml']],
    ['map', ['map', 'map.yaml']],
    ['inspect', ['inspect', 'map.yaml']],
  ])('%s: is said to be a YAML document, with the options that take one', (_, args) => {
    const en = runCli([...args, '--lang', 'en'], { cwd: dir });
    expect(en.code).toBe(2);
    expect(en.stderr).toBe('error: map.yaml: this is a YAML document (a --map file, targets or a report config), not a CRM export\n  hint: pass an export of the CRM as a CSV, XLSX or HTML file; YAML documents go to --map, --targets, -c or --answers\n');
    const ru = runCli([...args, '--lang', 'ru'], { cwd: dir });
    expect(ru.stderr).toContain('ошибка: map.yaml: это документ YAML (файл --map, целей или настроек report), а не выгрузка CRM');
  });
});

// Tester T56 M2: an answers file as --map was «unknown keys», a config as --targets «no such metric: "lang"».
describe('a YAML document of one kind given where another is read', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'wrong-file-docs-'));
  writeFileSync(path.join(dir, 'answers.yaml'), 'questionnaire: crm-maturity\nanswers:\n  lead.concept: yes\n');
  writeFileSync(path.join(dir, 'targets.yaml'), 'targets:\n  conversion: +20%\n');
  writeFileSync(path.join(dir, 'config.yaml'), 'lang: ru\nkpi: { deals: deals.csv }\n');
  writeFileSync(path.join(dir, 'map.yaml'), 'deals:\n  columns:\n    amount: "Бюджет"\n');
  const deals = path.resolve('samples/amocrm-deals.csv');
  it.each([
    [['kpi', '-d', deals, '--map', 'answers.yaml'], 'answers.yaml: this is an audit answers file, not a --map file\n  hint: pass an audit answers file as crm-audit audit --answers answers.yaml'],
    [['kpi', '-d', deals, '--map', 'targets.yaml'], 'targets.yaml: this is a targets file, not a --map file\n  hint: pass a targets file as crm-audit compare … --targets targets.yaml'],
    [['compare', '-d', deals, '--cutover', '2025-01-01', '--targets', 'config.yaml'], 'config.yaml: this is a report config, not a targets file\n  hint: pass a report config as crm-audit report -c config.yaml'],
    [['audit', '--answers', 'map.yaml'], 'map.yaml: this is a --map file, not an audit answers file\n  hint: pass a --map file as --map map.yaml'],
    [['report', '-c', 'targets.yaml'], 'targets.yaml: this is a targets file, not a report config'],
  ])('%j', (args, said) => {
    const run = runCli([...args, '--lang', 'en'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`error: ${said}`);
  });

  it('says it in Russian too', () => {
    const run = runCli(['kpi', '-d', deals, '--map', 'answers.yaml', '--lang', 'ru'], { cwd: dir });
    expect(run.stderr).toBe('ошибка: answers.yaml: это файл ответов аудита, а не файл --map\n  подсказка: файл ответов аудита передают так: crm-audit audit --answers answers.yaml\n');
  });
});

// Tester T56 M3: a --map column the export lacks, or a misspelt field, was said by its key path alone, with no «did you mean».
describe('a --map file whose column or field does not fit the export', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'wrong-file-map-'));
  writeFileSync(path.join(dir, 'cols.yaml'), 'deals:\n  columns:\n    amount: "Нет такой"\n');
  writeFileSync(path.join(dir, 'typo.yaml'), 'deals:\n  columns:\n    amout: "Бюджет "\n');
  const deals = path.resolve('samples/amocrm-deals.csv');
  it('points at the line and column of the value, and proposes the field meant', () => {
    const cols = runCli(['kpi', '-d', deals, '--map', 'cols.yaml', '--lang', 'ru'], { cwd: dir });
    expect(cols.code).toBe(2);
    expect(cols.stderr).toContain('ошибка: cols.yaml, строка 3, символ 5, в deals.columns.amount: колонки «Нет такой» для amount в файле нет');
    const typo = runCli(['kpi', '-d', deals, '--map', 'typo.yaml', '--lang', 'en'], { cwd: dir });
    expect(typo.code).toBe(2);
    expect(typo.stderr).toContain('error: typo.yaml, at line 3, column 5, at deals.columns.amout: "amout" is not a field of deals; did you mean "amount"?');
  });
});
