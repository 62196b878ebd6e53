import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { cp1251, cp866, koi8r } from '../fixtures/exports.js';

// A helper's short KOI8-R and CP866 exports were read as Windows-1251 without a word, and no option could say otherwise.
describe('code pages the file cannot settle: said, and --encoding', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-encodings-'));
  const file = (name: string, bytes: Buffer) => {
    const f = path.join(dir, name);
    writeFileSync(f, bytes);
    return f;
  };
  type Kpi = { managers: Array<{ manager: string; won: number }>; dataQuality: { alerts: Array<Record<string, unknown>>; files: Array<{ format: string }> } };

  it('a DOS (CP866) deals export is read as CP866: managers and stages as written', () => {
    const dos = file('dos.csv', cp866('Сделка;Ответственный;Бюджет;Этап;Дата создания\n1;Иванов;100;Успешно реализовано;01.03.2025\n2;Петрова;200;Закрыто и не реализовано;02.03.2025\n'));
    const r = runCli(['kpi', '-d', dos, '--format', 'json', '--now', '2025-04-01']);
    expect(r.code).toBe(0);
    const kpi = JSON.parse(r.stdout) as Kpi;
    expect(kpi.managers.map((m) => [m.manager, m.won])).toEqual([['Иванов', 1], ['Петрова', 0]]);
    expect(kpi.dataQuality.files[0]!.format).toContain('ibm866');
  });

  it('names in capitals only, in KOI8-R: read as Windows-1251 and said, in both languages; --encoding koi8-r reads them', () => {
    const caps = file('caps.csv', koi8r('ID,Manager,Amount,Stage,Created\n1,ИВАНОВ,100,won,2025-03-01\n2,ПЕТРОВА,50,won,2025-03-01\n'));
    const ru = runCli(['kpi', '-d', caps, '--lang', 'ru', '--now', '2025-04-01']);
    expect(ru.code).toBe(0);
    expect(ru.stderr).toContain('кодировка определена по немногим буквам — файл прочитан как Windows-1251 («йчбопч»), а в KOI8-R те же байты читаются «ИВАНОВ». Если имена и этапы искажены, укажите --encoding koi8-r.');
    const en = runCli(['kpi', '-d', caps, '--format', 'json', '--now', '2025-04-01']);
    expect(en.stderr).toContain('the encoding was judged on few letters: read as Windows-1251 ("йчбопч"), while in KOI8-R the same bytes read "ИВАНОВ". If names and stages look garbled, pass --encoding koi8-r.');
    expect((JSON.parse(en.stdout) as Kpi).dataQuality.alerts).toContainEqual({ code: 'encoding-doubt', file: caps, chosen: 'windows-1251', other: 'koi8-r', read: 'йчбопч', otherRead: 'ИВАНОВ' });
    const given = runCli(['kpi', '-d', caps, '--encoding', 'KOI8-R', '--format', 'json', '--now', '2025-04-01']);
    expect(given.stderr).toBe('');
    expect((JSON.parse(given.stdout) as Kpi).managers.map((m) => m.manager)).toEqual(['ИВАНОВ', 'ПЕТРОВА']);
    const inspect = runCli(['inspect', caps, '--lang', 'ru']);
    expect(inspect.stdout).toContain('не наверняка: мало букв; «йчбопч» в koi8-r читается «ИВАНОВ» (--encoding задаст кодировку)');
  });

  it('an encoding it does not know is a usage error naming the ones it does', () => {
    const r = runCli(['kpi', '-d', 'samples/amocrm-deals.csv', '--encoding', 'cp1257', '--lang', 'ru']);
    expect(r.code).toBe(2);
    expect(r.stderr).toBe('ошибка: --encoding: неизвестная кодировка «cp1257»; возможны utf-8, cp1251, cp1252, cp1250, cp1254, koi8-r, cp866, utf-16le, utf-16be\n');
    // A byte order mark is the file's own word: a UTF-8 export with one is read as UTF-8 whatever is given.
    const bom = file('bom.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from('ID,Manager,Amount,Stage,Created\n1,Иванов,100,won,2025-03-01\n')]));
    const read = JSON.parse(runCli(['kpi', '-d', bom, '--encoding', 'cp1251', '--format', 'json', '--now', '2025-04-01']).stdout) as Kpi;
    expect(read.managers.map((m) => m.manager)).toEqual(['Иванов']);
  });
});

// A tester: a UTF-8 file given with --encoding cp1251 was «not text: binary bytes» with «export it
// again» as the fix; with --encoding latin1 its headers turned to mojibake and «no manager column».
describe('--encoding naming a code page for a UTF-8 file', () => {
  it.each([
    ['cp1251', 'Windows-1251'],
    ['latin1', 'Windows-1252'],
    ['koi8-r', 'KOI8-R'],
  ])('--encoding %s: the file is said to be UTF-8, and how to fix it', (flag, name) => {
    // Without its BOM (a BOM is the file's own word, above --encoding).
    const dir = mkdtempSync(path.join(tmpdir(), 'given-encoding-'));
    writeFileSync(path.join(dir, 'deals.csv'), readFileSync('samples/amocrm-deals.csv', 'utf8').replace(/^\ufeff/, ''));
    const run = runCli(['kpi', '-d', 'deals.csv', '--encoding', flag, '--lang', 'en'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`deals.csv: the file is UTF-8, not ${name} as --encoding says`);
    expect(run.stderr).toContain('drop --encoding (the encoding is detected) or give --encoding utf-8');
    expect(runCli(['kpi', '-d', 'deals.csv', '--encoding', flag, '--lang', 'ru'], { cwd: dir }).stderr).toContain(`файл в кодировке UTF-8, а не ${name}, как сказано в --encoding`);
    expect(runCli(['kpi', '-d', 'deals.csv', '--encoding', 'utf-8'], { cwd: dir }).code).toBe(0);
  });
});

// A tester: «not valid UTF-8 after byte 981» named no row; and a worker's half counted its bytes from its own start.
describe('a byte that breaks UTF-8 is said on its line', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'mixed-line-'));
  const rows = Array.from({ length: 2000 }, (_, i) => `${i + 1};Анна Смирнова;Клиент ${i + 1};2025-01-10;won;100`);
  // Row 1 500 (line 1 501) written in Windows-1251: «Анна» as C0 ED ED E0.
  const before = Buffer.from(['id;manager;client;created_at;status;amount', ...rows.slice(0, 1499)].join('\n') + '\n', 'utf8');
  const bad = Buffer.concat([Buffer.from('1500;'), Buffer.from([0xc0, 0xed, 0xed, 0xe0]), Buffer.from(';c;2025-01-10;won;1\n')]);
  const after = Buffer.from(rows.slice(1500).join('\n') + '\n', 'utf8');
  writeFileSync(path.join(dir, 'deals.csv'), Buffer.concat([before, bad, after]));

  it.each([
    ['read whole', { CRM_AUDIT_SPLIT_BYTES: '0' }],
    ['read in two halves', { CRM_AUDIT_SPLIT_BYTES: '1' }],
  ])('%s: the line and the byte of the whole file', (_, env) => {
    const run = runCli(['kpi', '-d', 'deals.csv', '--lang', 'en'], { cwd: dir, env });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`deals.csv, row 1501: the text is not valid UTF-8 after byte ${before.length + 5} `);
  });

  // A reviewer: Excel's «CSV UTF-8» starts with a BOM, which the decoder's count left out: a line too early.
  it('after a BOM: the same line, and the byte counted from the file\'s start', () => {
    writeFileSync(path.join(dir, 'bom.csv'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), before, bad, after]));
    const run = runCli(['kpi', '-d', 'bom.csv', '--lang', 'en'], { cwd: dir, env: { CRM_AUDIT_SPLIT_BYTES: '0' } });
    expect(run.stderr).toContain(`bom.csv, row 1501: the text is not valid UTF-8 after byte ${before.length + 8} `);
  });
});

// A tester: Latin exports whose only bytes outside ASCII were NBSP thousands separators or the euro sign
// were read as CP866 and refused (exit 2, a hint about the delimiter and --map); a Windows-1252 «O’Brien»
// was a second manager beside the UTF-8 call log's; small KOI8-R call logs had columns «уПФТХДОЙЛ».
describe('single-byte exports the tester found misread', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-pages-cli-'));
  const file = (name: string, bytes: Buffer) => {
    const f = path.join(dir, name);
    writeFileSync(f, bytes);
    return f;
  };
  type Kpi = { managers: Array<{ manager: string; won: number; revenue: number | null; calls_out: number | null }>; dataQuality: { files: Array<{ format: string }> } };
  const deals = (amount: (i: number) => Buffer, owner = (_i: number) => Buffer.from('John Smith')) =>
    Buffer.concat([
      Buffer.from('Deal Id;Deal Name;Deal Owner;Stage;Amount;Created Time;Closing Date\r\n'),
      ...Array.from({ length: 30 }, (_, i) => Buffer.concat([Buffer.from(`${i + 1};Deal ${i};`), owner(i), Buffer.from(';Closed Won;'), amount(i), Buffer.from(';01.03.2025 10:00;05.03.2025\r\n')])),
    ]);

  it.each([
    ['NBSP thousands, dollars', (i: number) => Buffer.from([0x31 + (i % 2), 0xa0, 0x30, 0x30, 0x30, 0x2c, 0x30, 0x30, 0x20, 0x24]), 'windows-1251'],
    ['NBSP thousands, the Windows-1252 euro', (i: number) => Buffer.from([0x31 + (i % 2), 0xa0, 0x30, 0x30, 0x30, 0x2c, 0x30, 0x30, 0x20, 0x80]), 'windows-1252'],
    ['dot thousands, the Windows-1252 euro', (i: number) => Buffer.from([0x31 + (i % 2), 0x2e, 0x30, 0x30, 0x30, 0x2c, 0x30, 0x30, 0x20, 0x80]), 'windows-1252'],
    ['NBSP thousands, the Windows-1251 euro', (i: number) => Buffer.from([0x31 + (i % 2), 0xa0, 0x30, 0x30, 0x30, 0x2c, 0x30, 0x30, 0x20, 0x88]), 'windows-1251'],
  ])('%s: every amount read', (_, amount, encoding) => {
    const run = runCli(['kpi', '-d', file('latin.csv', deals(amount)), '--format', 'json', '--now', '2025-04-01']);
    expect(run.code).toBe(0);
    const kpi = JSON.parse(run.stdout) as Kpi;
    expect([kpi.managers.map((m) => [m.manager, m.won, m.revenue]), kpi.dataQuality.files[0]!.format]).toEqual([[['John Smith', 30, 45_000]], `text, ${encoding}, ;`]);
  });

  it('the euro decides in Russian with no English word', () => {
    const run = runCli(['inspect', file('euro.csv', deals(() => Buffer.from([0x35, 0x30, 0x30, 0x20, 0x80]))), '--lang', 'ru']);
    expect(run.stdout).toContain('кодировка:  windows-1252: не UTF-8; букв вне ASCII нет; знаков евро у чисел: 30 — как в Windows-1252, 0 — как в Windows-1251');
  });

  it('«O’Brien» in Windows-1252 and in a UTF-8 call log is one manager', () => {
    const d = file('w1252.csv', deals(() => Buffer.from('1000'), (i) => (i === 0 ? Buffer.from([0x53, 0x65, 0x61, 0x6e, 0x20, 0x4f, 0x92, 0x42, 0x72, 0x69, 0x65, 0x6e]) : Buffer.from('Ren\xe9e', 'latin1'))));
    const a = file('calls.csv', Buffer.from('Call Owner,Call Type,Call Start Time,Call Duration (in seconds)\nSean O’Brien,Outbound,03.03.2025 10:00,60\n'));
    const run = runCli(['kpi', '-d', d, '-a', a, '--format', 'json', '--now', '2025-04-01']);
    expect(run.code).toBe(0);
    expect((JSON.parse(run.stdout) as Kpi).managers.map((m) => m.manager)).toEqual(['Renée', 'Sean O’Brien']);
  });

  it('a small KOI8-R call log is read as KOI8-R: its columns found', () => {
    const calls = file('calls-koi8.csv', koi8r('"Сотрудник";"Номер телефона";"Тип звонка";"Время звонка";"Дата вызова";"Статус"\n"Иванов Иван";"+79160000001";"исходящий";"2 мин, 30 сек";"03.03.2025 10:15:00";"Успешный звонок"\n"Петрова Анна";"+79160000002";"входящий";"0 мин, 0 сек";"03.03.2025 11:00:00";"Пропущенный звонок"\n'));
    const run = runCli(['inspect', calls, '--kind', 'activities', '--lang', 'ru']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('кодировка:  koi8-r: не UTF-8; кириллица читается как русский текст в KOI8-R, а не в Windows-1251 (по регистру букв в словах)');
    expect(run.stdout).toMatch(/«Сотрудник»\s+-> менеджер \(manager\)/);
  });
});

// A tester: a UTF-8 export cut off inside its last letter was refused as «кодировки смешаны», advised to be saved again as UTF-8.
describe('a UTF-8 export cut off inside its last character', () => {
  it('is said to be cut short, with «download it again», in both languages', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-cut-'));
    writeFileSync(path.join(dir, 'deals.csv'), Buffer.concat([Buffer.from('ID,Manager,Amount,Stage,Created\n1,Иванов,100,won,2025-03-01\n2,Не'), Buffer.from([0xd1])]));
    const ru = runCli(['kpi', '-d', 'deals.csv', '--lang', 'ru'], { cwd: dir });
    expect(ru.code).toBe(2);
    expect(ru.stderr).toBe('ошибка: deals.csv: файл обрезан: он кончается посреди символа (начало символа в UTF-8 есть, конца нет), то есть загружен не до конца\n  подсказка: скачайте или выгрузите его ещё раз\n');
    const en = runCli(['kpi', '-d', 'deals.csv', '--lang', 'en'], { cwd: dir });
    expect(en.stderr).toBe('error: deals.csv: the file is cut short: it ends in the middle of a character (a UTF-8 sequence with no end), so it was not downloaded in full\n  hint: download or export it again\n');
  });
});

// Tester T46 F5: one byte that is not UTF-8 (a note the CRM cut inside a letter) refused the whole
// file, and --encoding utf-8 did not help.
describe('--encoding utf-8 on a file with a few bytes that are not UTF-8', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-lenient-'));
  const rows = Array.from({ length: 60 }, (_, i) => `${i + 1},Анна,100,${i % 2 ? 'Успешно реализовано' : 'Закрыто и не реализовано'},01.03.2025,Заметка ${i}`);
  const head = Buffer.from('ID,Ответственный,Бюджет ,Этап сделки,Дата создания,Примечание\n');
  const body = (bad: Buffer) => Buffer.concat([head, Buffer.from(`${rows.slice(0, 50).join('\n')}\n`), Buffer.from('51,Анна,100,Успешно реализовано,01.03.2025,Обрезанная заметк'), bad, Buffer.from(`\n${rows.slice(51).join('\n')}\n`)]);

  it('is refused without it, naming the option; read with it, the bytes counted as «�»', () => {
    writeFileSync(path.join(dir, 'cut.csv'), body(Buffer.from([0xd0])));
    const refused = runCli(['kpi', '-d', 'cut.csv', '--lang', 'ru'], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('прочитайте его с --encoding utf-8');
    const run = runCli(['kpi', '-d', 'cut.csv', '--encoding', 'utf-8', '--format', 'json', '--now', '2025-04-01', '--lang', 'ru'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const kpi = JSON.parse(run.stdout) as { total: { leads: number; won: number }; dataQuality: { alerts: Array<{ code: string; count?: number }> } };
    expect(kpi.total).toMatchObject({ leads: 60, won: 31 });
    expect(kpi.dataQuality.alerts.find((a) => a.code === 'invalid-utf8')).toMatchObject({ count: 1 });
    expect(run.stderr).toContain('cut.csv: 1 байт не в UTF-8 (--encoding utf-8) прочитан как «�»');
  });

  it('with a UTF-8 byte order mark too (Excel\'s «CSV UTF-8»), which --encoding utf-8 agrees with', () => {
    writeFileSync(path.join(dir, 'bom.csv'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body(Buffer.from([0xd0]))]));
    expect(runCli(['kpi', '-d', 'bom.csv'], { cwd: dir }).code).toBe(2);
    const run = runCli(['kpi', '-d', 'bom.csv', '--encoding', 'utf-8', '--format', 'json', '--now', '2025-04-01'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect((JSON.parse(run.stdout) as { dataQuality: { alerts: Array<{ code: string; count?: number }> } }).dataQuality.alerts.find((a) => a.code === 'invalid-utf8')).toMatchObject({ count: 1 });
  });

  it('a file in another code page named UTF-8 is refused all the same', () => {
    const text = head.toString() + rows.join('\n');
    writeFileSync(path.join(dir, 'cp1251.csv'), Buffer.from(Array.from(text, (c) => (c.charCodeAt(0) >= 0x410 && c.charCodeAt(0) <= 0x44f ? c.charCodeAt(0) - 0x350 : c.charCodeAt(0)))));
    const run = runCli(['kpi', '-d', 'cp1251.csv', '--encoding', 'utf-8', '--lang', 'en'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('the file is not UTF-8 as --encoding says');
  });
});

// Tester T75 (F14): a UTF-8 byte order mark before Windows-1251 text (a PHP exporter's «for Excel»): the
// refusal offered --encoding utf-8, which refused it again, and --encoding cp1251 lost to the mark.
describe('a UTF-8 byte order mark before text in a code page', () => {
  it('is refused naming the code page by its letters; --encoding with it wins over the mark', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-lying-bom-'));
    const text = 'Сделка;Ответственный;Бюджет;Этап;Дата создания\n1;Иванов;100;Успешно реализовано;01.03.2025\n2;Петрова;200;Закрыто и не реализовано;02.03.2025\n';
    writeFileSync(path.join(dir, 'bom.csv'), Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), cp1251(text)]));
    const refused = runCli(['kpi', '-d', 'bom.csv', '--lang', 'ru'], { cwd: dir });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe('ошибка: bom.csv: в начале файла метка UTF-8 (BOM), но текст не в UTF-8: по буквам — Windows-1251\n  подсказка: прочитайте его с --encoding cp1251: кодировка, названная явно, важнее метки\n');
    const read = runCli(['kpi', '-d', 'bom.csv', '--encoding', 'cp1251', '--format', 'json', '--now', '2025-04-01'], { cwd: dir });
    expect(read.code, read.stderr).toBe(0);
    expect((JSON.parse(read.stdout) as { managers: Array<{ manager: string }> }).managers.map((m) => m.manager)).toEqual(['Иванов', 'Петрова']);
    const inspect = runCli(['inspect', 'bom.csv', '--encoding', 'cp1251', '--lang', 'ru'], { cwd: dir });
    expect(inspect.stdout).toContain('windows-1251: задана (--encoding) вопреки метке порядка байтов (BOM)');
    // UTF-8 after the mark is read by it, whatever --encoding says of it.
    writeFileSync(path.join(dir, 'utf8.csv'), `\ufeff${text}`);
    expect(runCli(['kpi', '-d', 'utf8.csv', '--format', 'json', '--now', '2025-04-01'], { cwd: dir }).code).toBe(0);
  });
});
