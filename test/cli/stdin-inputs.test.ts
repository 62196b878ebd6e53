import { describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { makeZip } from '../fixtures/zip.js';
import { runCli } from '../helpers/cli.js';

/** An XLSX stored uncompressed, larger than a pipe delivers in one piece (64 KB), as a real export is. */
function bigXlsx(rows: number): Buffer {
  const prolog = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
  const cell = (r: number, col: string, v: string | number) => (typeof v === 'number' ? `<c r="${col}${r}"><v>${v}</v></c>` : `<c r="${col}${r}" t="inlineStr"><is><t>${v}</t></is></c>`);
  const head = `<row r="1">${cell(1, 'A', 'ID')}${cell(1, 'B', 'Ответственный')}${cell(1, 'C', 'Дата создания')}${cell(1, 'D', 'Этап сделки')}${cell(1, 'E', 'Бюджет')}</row>`;
  const body = Array.from({ length: rows }, (_, i) => {
    const r = i + 2;
    return `<row r="${r}">${cell(r, 'A', i + 1)}${cell(r, 'B', i % 2 ? 'Иван' : 'Анна')}${cell(r, 'C', '01.02.2025')}${cell(r, 'D', i % 4 === 0 ? 'Успешно реализовано' : 'Переговоры')}${cell(r, 'E', 1000)}</row>`;
  }).join('');
  return makeZip([
    { name: '[Content_Types].xml', data: `${prolog}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>`, store: true },
    { name: 'xl/workbook.xml', data: `${prolog}<workbook xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Data" sheetId="1" r:id="rId1"/></sheets></workbook>`, store: true },
    { name: 'xl/_rels/workbook.xml.rels', data: `${prolog}<Relationships><Relationship Id="rId1" Target="worksheets/sheet1.xml"/></Relationships>`, store: true },
    { name: 'xl/worksheets/sheet1.xml', data: `${prolog}<worksheet><sheetData>${head}${body}</sheetData></worksheet>`, store: true },
  ]);
}

describe('stdin', () => {
  it('an XLSX larger than one pipe read is read whole from `-`, with the same numbers as from its path', () => {
    const xlsx = bigXlsx(2000);
    expect(xlsx.length).toBeGreaterThan(200_000);
    const run = runCli(['kpi', '-d', '-', '--format', 'json'], { input: xlsx });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).total).toMatchObject({ leads: 2000, won: 500, revenue: 500_000 });
  });
});

describe('stdin is one input', () => {
  // A second `-` found stdin empty: compare called it «an empty file», audit «a CRM export».
  // Tester T56: `kpi -d - --map -` and `map - --map -` called stdin a CRM export given as a map; an answers
  // file was told an exports' example.
  const exportsHint = ['-d - -a звонки.csv < сделки.csv', '-d - -a calls.csv < deals.csv'];
  it.each([
    ['compare', ['compare', '--before-deals', '-', '--after-deals', '-'], exportsHint],
    ['audit', ['audit', '--answers', '-', '-d', '-'], ['--answers - -d сделки.csv < ответы.yaml', '--answers - -d deals.csv < answers.yaml']],
    ['report', ['report', '-d', '-', '--plan', '-'], exportsHint],
    ['kpi', ['kpi', '-d', '-', '-a', '-'], exportsHint],
    // Review R48 F8: the example shows the map given by path.
    ['kpi with a map', ['kpi', '-d', '-', '--map', '-'], ['-d - --map map.yaml < сделки.csv', '-d - --map map.yaml < deals.csv']],
    ['compare with a map', ['compare', '-d', '-', '--cutover', '2025-03-01', '--map', '-'], ['-d - --map map.yaml < сделки.csv', '-d - --map map.yaml < deals.csv']],
    ['map', ['map', '-', '--map', '-'], ['map - --map map.yaml < сделки.csv', 'map - --map map.yaml < deals.csv']],
  ])('%s with two inputs from `-` exits 2 saying stdin gives only one, in both languages', (_, args, [exampleRu, example]) => {
    const input = readFileSync('samples/amocrm-deals.csv');
    const ru = runCli([...args, '--lang', 'ru'], { input });
    expect(ru.code).toBe(2);
    expect(ru.stderr).toBe(`ошибка: со стандартного ввода (-) можно читать только один файл\n  подсказка: передайте остальные файлы путями: ${exampleRu}\n`);
    const en = runCli([...args, '--lang', 'en'], { input });
    expect(en.stderr).toBe(`error: only one input can be read from standard input (-)\n  hint: pass the other files by path: ${example}\n`);
  });
});

describe('a pipe given as a file (`-d <(zcat deals.csv.gz)`, a FIFO)', () => {
  it('is refused with the way that works: stdin, in both languages', async () => {
    const { execFileSync } = await import('node:child_process');
    const { mkdtempSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const fifo = path.join(mkdtempSync(path.join(tmpdir(), 'crm-audit-fifo-')), 'deals.fifo');
    execFileSync('mkfifo', [fifo]);
    const en = runCli(['kpi', '-d', fifo, '--lang', 'en']);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('this is not a regular file (a pipe or a device, which cannot be read twice)\n  hint: pass the data on stdin instead: "-" for the path and "< file" (e.g. -d - < file, or crm-audit inspect - < file), or … | crm-audit … -');
    const ru = runCli(['kpi', '-d', fifo, '--lang', 'ru']);
    expect(ru.stderr).toContain('подсказка: передайте данные через стандартный ввод: «-» вместо пути и «< файл» (например, -d - < файл или crm-audit inspect - < файл)');
  });
});

// A tester: `kpi -d - --map <(printf …) < deals.csv` said «/dev/fd/63: это не обычный файл…» with the hint
// for an export (-d - < файл): a YAML document is read once, whole, so a pipe serves as stdin does.
describe('a document given as a pipe (`--map <(…)`, a named pipe)', () => {
  const MAP = 'deals:\n  status:\n    "Оплачено клиентом": won\n';
  const DEALS = 'ID;Ответственный;Дата создания;Этап сделки;Бюджет\n1;Иванов Иван;01.02.2025;Оплачено клиентом;1000\n2;Иванов Иван;02.02.2025;Закрыто и не реализовано;500\n';

  it('is read once, as stdin is, beside the deals on stdin', async () => {
    const { spawnSync } = await import('node:child_process');
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-pipe-doc-'));
    writeFileSync(path.join(dir, 'deals.csv'), DEALS);
    writeFileSync(path.join(dir, 'map.yaml'), MAP);
    const bin = path.resolve('bin/crm-audit.js');
    const run = spawnSync('bash', ['-c', `"${process.execPath}" "${bin}" kpi -d - --map <(cat map.yaml) --format json --lang en < deals.csv`], { cwd: dir, encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
    expect(run.status, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).total).toMatchObject({ won: 1, lost: 1, revenue: 1000 });
  });

  it('a named pipe too; a device is refused saying to save the document to a file, in both languages', async () => {
    const { execFileSync, spawn } = await import('node:child_process');
    const { mkdtempSync, writeFileSync } = await import('node:fs');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-pipe-doc-'));
    writeFileSync(path.join(dir, 'deals.csv'), DEALS);
    execFileSync('mkfifo', [path.join(dir, 'map.fifo')]);
    // The writer waits for the reader: the run, spawned (not spawnSync: this process writes the pipe).
    const child = spawn(process.execPath, [path.resolve('bin/crm-audit.js'), 'kpi', '-d', 'deals.csv', '--map', 'map.fifo', '--format', 'json'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } });
    let out = '';
    child.stdout.on('data', (b: Buffer) => (out += b.toString()));
    const { writeFile } = await import('node:fs/promises');
    const { closeSync, constants, openSync } = await import('node:fs');
    const writer = writeFile(path.join(dir, 'map.fifo'), MAP).catch(() => undefined);
    const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
    // A run that did not read the pipe leaves the writer waiting for a reader: one that opens and closes it ends the wait.
    closeSync(openSync(path.join(dir, 'map.fifo'), constants.O_RDONLY | constants.O_NONBLOCK));
    await writer;
    expect(code).toBe(0);
    expect(JSON.parse(out).total).toMatchObject({ won: 1, revenue: 1000 });
    const en = runCli(['kpi', '-d', 'deals.csv', '--map', '/dev/null', '--lang', 'en'], { cwd: dir });
    expect(en.code).toBe(2);
    expect(en.stderr).toContain("/dev/null: this is not a regular file nor a pipe but a device\n  hint: save the YAML document to a file and pass its path, or pass it on stdin: '-' for the path and '< file'");
    const ru = runCli(['kpi', '-d', 'deals.csv', '--map', '/dev/null', '--lang', 'ru'], { cwd: dir });
    expect(ru.stderr).toContain('подсказка: сохраните документ YAML в файл и укажите путь к нему');
    expect(ru.stderr).not.toContain('-d - <');
  });
});

// `map - < deals.csv` offered «crm-audit inspect - покажет все колонки», and that command refused:
// «для stdin (-) укажите через --kind». Every hint naming inspect gives the kind the run read, ready to run.
describe('a hint that offers inspect for stdin gives the kind', () => {
  const NO_DATE = 'ID,Ответственный,Этап сделки,Поступила,Бюджет\n1,Петрова Анна,Успешно реализовано,02.03.2024,1000\n';
  const CALLS = ['Ответственный;Дата;Тип;Клиент', 'Иванов Иван;01.02.2025 10:00;Звонок;ООО А', 'Иванов Иван;01.02.2025 11:00;Входящий;ООО Б'].join('\n');

  it.each([
    // map writes a proposal where a column's values fit (a renamed «Поступила»): here no column holds dates.
    ['map', ['map', '-'], NO_DATE.replace(',Поступила', '').replace(',02.03.2024', ''), 'deals', 'покажет все колонки'],
    ['kpi -d', ['kpi', '-d', '-'], NO_DATE, 'deals', 'покажет все колонки'],
    ['kpi -a (a column of kind or direction)', ['kpi', '-d', 'samples/amocrm-deals.csv', '-a', '-'], CALLS, 'activities', 'покажет её значения'],
  ])('%s', (_, args, input, kind, shows) => {
    const ru = runCli([...args, '--lang', 'ru'], { input });
    expect(ru.code, ru.stderr).toBe(2);
    expect(ru.stderr).toContain(`(crm-audit inspect - --kind ${kind} ${shows})`);
    const en = runCli([...args, '--lang', 'en'], { input });
    expect(en.stderr).toContain(`crm-audit inspect - --kind ${kind} shows`);
    // The command offered runs: it shows the columns instead of asking for --kind.
    const offered = runCli(['inspect', '-', '--kind', kind, '--lang', 'ru'], { input });
    expect(`${offered.stdout}${offered.stderr}`).not.toContain('--kind');
    expect(`${offered.stdout}${offered.stderr}`).toMatch(/Ответственный/);
  });

  it('a path a shell would split is offered in quotes', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-hint-'));
    writeFileSync(path.join(dir, "my deals's.csv"), NO_DATE);
    const run = runCli(['kpi', '-d', "my deals's.csv", '--lang', 'en'], { cwd: dir });
    expect(run.stderr).toContain(`(crm-audit inspect 'my deals'\\''s.csv' --kind deals shows every column)`);
  });
});

// A tester: `kpi -d - < somedir` said «стандартный ввод (-): файл пуст (0 байт) … загрузка не удалась»
// (Node gives a folder as stdin no bytes), while `-d somedir` says it is a folder.
describe('a folder as stdin', () => {
  it('is said to be a folder, as -d FOLDER is, in kpi, inspect and map', async () => {
    const { spawnSync } = await import('node:child_process');
    const { closeSync, openSync } = await import('node:fs');
    const { BIN } = await import('../helpers/cli.js');
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-stdin-folder-'));
    for (const [args, lang, words] of [
      // With a hint, as -d FOLDER has one (tester T44).
      [['kpi', '-d', '-'], 'ru', 'ошибка: стандартный ввод (-): это папка, а не файл\n  подсказка: передайте файл, а не папку: «- < папка/выгрузка.csv», или путь к файлу в этой папке\n'],
      [['inspect', '-', '--kind', 'deals', '--lang', 'en'], 'en', 'error: standard input (-): this is a folder, not a file\n  hint: pass a file, not a folder: "- < folder/export.csv", or the path of a file in it\n'],
      [['map', '-'], 'ru', 'ошибка: стандартный ввод (-): это папка, а не файл\n  подсказка: передайте файл, а не папку: «- < папка/выгрузка.csv», или путь к файлу в этой папке\n'],
    ] as const) {
      const fd = openSync(dir, 'r');
      const run = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, stdio: [fd, 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1', LANG: lang === 'ru' ? 'ru_RU.UTF-8' : 'en_US.UTF-8', LC_ALL: '' } });
      closeSync(fd);
      expect(run.status).toBe(2);
      expect(run.stderr.toString()).toBe(words);
    }
  });
});

// T40 F1: from stdin the stop asked the columns only, and the stage on a second run (stdin was read once):
// a run without a terminal reads on with a question's guess, and stdin is given again for it.
describe('stdin with more than one question', () => {
  const day = (d: number) => `${String(d).padStart(2, '0')}.02.2025`;
  const csv = `${['Номер;Куратор;Поступила;Закрыта;Этап;Сумма', ...Array.from({ length: 12 }, (_, i) => `${i + 1};${i % 2 ? 'Иванов Иван' : 'Петрова Анна'};${day(i + 1)};${i % 3 ? day(i + 10) : ''};${i % 3 ? 'Оплачено' : 'Думает'};${(i + 1) * 1000}`)].join('\n')}\n`;

  it('stops once, as the same file from its path does, with every question in one snippet that, passed, answers them all', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'stdin-questions-'));
    writeFileSync(path.join(dir, 'deals.csv'), csv);
    const piped = runCli(['kpi', '-d', '-', '--lang', 'en'], { input: csv, cwd: dir });
    const fromPath = runCli(['kpi', '-d', 'deals.csv', '--lang', 'en'], { cwd: dir });
    expect(piped.code).toBe(2);
    const snippet = (stderr: string) => stderr.slice(stderr.indexOf('\ndeals:\n') + 1);
    expect(snippet(piped.stderr)).toContain('"Оплачено": won');
    expect(snippet(piped.stderr)).toContain('manager: "Куратор"');
    expect(snippet(piped.stderr)).toBe(snippet(fromPath.stderr));
    writeFileSync(path.join(dir, 'map.yaml'), snippet(piped.stderr));
    const mapped = runCli(['kpi', '-d', '-', '--map', 'map.yaml', '--format', 'json'], { input: csv, cwd: dir });
    expect(mapped.code, mapped.stderr).toBe(0);
    expect(JSON.parse(mapped.stdout).total).toMatchObject({ leads: 12, won: 8 });
  });
});

// Tester T44: `-d - < /dev/null` (or stdin closed) was told to «export the data again», as a download that failed.
describe('nothing on stdin', () => {
  it('says nothing came in and how to pass a file', () => {
    const run = runCli(['kpi', '-d', '-', '--lang', 'en'], { input: '' });
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('error: standard input (-): no data: nothing came in (0 bytes)\n  hint: pass the file so: "- < export.csv", or … | crm-audit … -\n');
  });
});
