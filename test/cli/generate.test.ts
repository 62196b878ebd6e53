import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, runCli } from '../helpers/cli.js';
import { latinWords } from '../helpers/latin-words.js';

const LOCALE = { ru: 'ru_RU.UTF-8', en: 'en_US.UTF-8' } as const;
const ROOT = mkdtempSync(path.join(tmpdir(), 'crm-audit-generate-'));
afterAll(() => rmSync(ROOT, { recursive: true, force: true }));

/**
 * Starts a generation that takes the better part of a minute, sends `signal` once its temp files are
 * there (so the run is generating, however fast or loaded the machine), and waits for it to end.
 * `existing`: a deals.csv put in the folder first; `below`: folders under it for the run to make.
 */
async function interrupted(signal: 'SIGINT' | 'SIGTERM' | 'SIGHUP' | 'SIGQUIT', lang: 'ru' | 'en', existing?: string, below = '') {
  const top = path.join(ROOT, `${signal}-${lang}${existing === undefined ? '' : '-existing'}`);
  if (existing !== undefined) {
    mkdirSync(top);
    writeFileSync(path.join(top, 'deals.csv'), existing);
  }
  const dir = path.join(top, below);
  // --force: a deals.csv already there is to be replaced, once the run ends well.
  const child = spawn(process.execPath, [BIN, 'generate', '--deals', '2000000', '--activities', '2000000', '-o', dir, ...(existing === undefined ? [] : ['--force'])], { env: { ...process.env, NO_COLOR: '1', LANG: LOCALE[lang], LC_ALL: '', LC_MESSAGES: '' } });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  let ended = false;
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => ((ended = true), resolve(code))));
  const started = Date.now();
  while (!(existsSync(dir) && readdirSync(dir).some((f) => f.includes('.tmp-')))) {
    if (ended || Date.now() - started > 20_000) throw new Error(`no temp file: ${stderr}`);
    await new Promise((r) => setTimeout(r, 20));
  }
  // A few steps in: the run is writing rows, not still opening its files.
  await new Promise((r) => setTimeout(r, 300));
  const sent = Date.now();
  child.kill(signal);
  // Promptly: a run that ignored the signal went on for the whole minute.
  const stop = setTimeout(() => child.kill('SIGKILL'), 10_000);
  const code = await exited;
  clearTimeout(stop);
  return { code, stderr, dir, after: Date.now() - sent };
}

// `generate --deals 3000000` ignored Ctrl+C, put its files in place, said it wrote them and then
// «Прервано; ничего не сохранено.»; SIGTERM left deals.csv.tmp-PID and its two siblings for ever.
describe('generate stopped by a signal', () => {
  it.each([
    ['SIGINT', 'ru', 130, 'Прервано; ничего не сохранено.'],
    ['SIGTERM', 'en', 143, 'Interrupted; nothing was saved.'],
    ['SIGTERM', 'ru', 143, 'Прервано; ничего не сохранено.'],
    ['SIGINT', 'en', 130, 'Interrupted; nothing was saved.'],
    // The terminal closed (SSH dropped, the window shut): Node died at once and the temp files stayed.
    ['SIGHUP', 'en', 129, 'Interrupted; nothing was saved.'],
    ['SIGHUP', 'ru', 129, 'Прервано; ничего не сохранено.'],
    // Ctrl+\\ (tester T44): Node died at once, its temp file left beside the output.
    ['SIGQUIT', 'ru', 131, 'Прервано; ничего не сохранено.'],
  ] as const)('%s (%s): exits %i at once, leaves no temp file, no output file and not the folder it made, says nothing was saved', async (signal, lang, exit, said) => {
    const run = await interrupted(signal, lang);
    expect(run.code, run.stderr).toBe(exit);
    expect(run.after).toBeLessThan(5_000);
    expect(run.stderr.trim()).toBe(said);
    // The run made the folder: an empty one was left behind.
    expect(existsSync(run.dir)).toBe(false);
  }, 40_000);

  it('removes every level of the folder it made, and none it found', async () => {
    const found = path.join(ROOT, 'SIGINT-en-existing');
    const run = await interrupted('SIGINT', 'en', 'id,manager\nold,file\n', path.join('made', 'deeper'));
    expect(run.code, run.stderr).toBe(130);
    expect(existsSync(path.join(found, 'made'))).toBe(false);
    expect(readdirSync(found)).toEqual(['deals.csv']);
  }, 40_000);

  it('a deals.csv already in the folder stays as it was', async () => {
    const run = await interrupted('SIGTERM', 'en', 'id,manager\nold,file\n');
    expect(run.code, run.stderr).toBe(143);
    expect(readdirSync(run.dir)).toEqual(['deals.csv']);
    expect(readFileSync(path.join(run.dir, 'deals.csv'), 'utf8')).toBe('id,manager\nold,file\n');
  }, 40_000);
});

describe('generate that cannot write', () => {
  // The folders were made, the first temp file could not be (a path past the system's limit), and the
  // empty folders stayed behind the error.
  it('removes the folders it made when it wrote nothing into them, and says why', () => {
    const top = path.join(ROOT, 'too-long');
    // A folder of 4,080 characters: made, but its files' temp names pass the 4,095 a path may have.
    let dir = top;
    while (dir.length < 3800) dir = path.join(dir, 'x'.repeat(200));
    dir = path.join(dir, 'x'.repeat(4079 - dir.length));
    expect(dir.length).toBe(4080);
    const run = runCli(['generate', '--deals', '5', '--activities', '5', '-o', dir]);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain('cannot write the output file: the file name is too long (ENAMETOOLONG)');
    expect(existsSync(top)).toBe(false);
  });
});

// A folder named activities.csv (as a full disk would) failed the second rename after the first: a new
// deals.csv stood beside the old payments.csv, and the error named only the folder.
describe('generate whose files cannot all be put in place', () => {
  const prepare = (name: string, earlier: boolean) => {
    const dir = path.join(ROOT, name);
    mkdirSync(path.join(dir, 'activities.csv'), { recursive: true });
    if (earlier) {
      writeFileSync(path.join(dir, 'deals.csv'), 'old deals\n');
      writeFileSync(path.join(dir, 'payments.csv'), 'old payments\n');
    }
    return dir;
  };

  it('puts none of them in place, keeps the earlier files and says which file failed and that nothing was written', () => {
    const dir = prepare('place-earlier', true);
    const run = runCli(['generate', '--deals', '20', '--activities', '50', '-o', dir, '--force']);
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain(`error: ${path.join(dir, 'activities.csv')}: cannot write the output file: this is a folder, not a file (EISDIR); nothing was written: deals.csv, activities.csv and payments.csv go in place together or not at all, and the folder is as it was\n`);
    expect(readdirSync(dir).sort()).toEqual(['activities.csv', 'deals.csv', 'payments.csv']);
    expect(readFileSync(path.join(dir, 'deals.csv'), 'utf8')).toBe('old deals\n');
    expect(readFileSync(path.join(dir, 'payments.csv'), 'utf8')).toBe('old payments\n');
    expect(readdirSync(path.join(dir, 'activities.csv'))).toEqual([]);
  });

  it('removes a new file where there was none before, and says so in Russian', () => {
    const dir = prepare('place-none', false);
    const run = runCli(['generate', '--deals', '20', '--activities', '50', '-o', dir], { env: { LANG: LOCALE.ru } });
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain(`ошибка: ${path.join(dir, 'activities.csv')}: не удалось записать файл результата: это папка, а не файл; ничего не записано: deals.csv, activities.csv и payments.csv ставятся на место только вместе, и в папке всё как было\n`);
    expect(latinWords(run.stderr)).toEqual([]);
    expect(readdirSync(dir)).toEqual(['activities.csv']);
  });
});

// A tester: `generate -o DIR` replaced the deals.csv of a real export in DIR without a word; the names are generate's, not the user's.
describe('generate into a folder that holds its files already', () => {
  it('is refused naming them, in either language, before anything is written; --force replaces them', () => {
    const dir = path.join(ROOT, 'earlier');
    mkdirSync(dir);
    writeFileSync(path.join(dir, 'deals.csv'), 'REAL\n');
    writeFileSync(path.join(dir, 'payments.csv'), 'REAL\n');
    const en = runCli(['generate', '--deals', '5', '-o', dir]);
    expect(en.code, en.stderr).toBe(2);
    expect(en.stderr).toBe(`error: ${dir}: the folder already holds deals.csv, payments.csv, which generate would replace\n  hint: choose another folder (-o), or pass --force to replace these files\n`);
    const ru = runCli(['generate', '--deals', '5', '-o', dir], { env: { LANG: LOCALE.ru } });
    expect(ru.code, ru.stderr).toBe(2);
    expect(ru.stderr).toBe(`ошибка: ${dir}: в папке уже есть deals.csv, payments.csv: generate заменил бы их\n  подсказка: укажите другую папку (-o) или добавьте --force, чтобы заменить эти файлы\n`);
    expect(readdirSync(dir).sort()).toEqual(['deals.csv', 'payments.csv']);
    expect(readFileSync(path.join(dir, 'deals.csv'), 'utf8')).toBe('REAL\n');
    const forced = runCli(['generate', '--deals', '5', '-o', dir, '--force']);
    expect(forced.code, forced.stderr).toBe(0);
    // Through temp files renamed into place: none is left beside the three.
    expect(readdirSync(dir).sort()).toEqual(['activities.csv', 'deals.csv', 'payments.csv']);
    expect(readFileSync(path.join(dir, 'deals.csv'), 'utf8')).toMatch(/^id,manager,/);
  });

  it('--force is in the help, in Russian too', () => {
    expect(runCli(['generate', '--help', '--lang', 'en']).stdout).toMatch(/--force\s+replace deals\.csv, activities\.csv and payments\.csv already\s+in the folder \(else the run is refused\)/);
    expect(runCli(['generate', '--help', '--lang', 'ru']).stdout).toMatch(/--force\s+заменить deals\.csv, activities\.csv и payments\.csv, уже\s+лежащие в папке \(иначе запуск отклоняется\)/);
  });
});

describe('generate sizes', () => {
  // `--deals 1e9` was taken and filled the disk.
  it('refuses more than 50,000,000 deals or 250,000,000 activities, naming the option, before writing anything', () => {
    const dir = path.join(ROOT, 'too-many');
    const deals = runCli(['generate', '--deals', '1000000000', '-o', dir]);
    expect(deals.code).toBe(2);
    expect(deals.stderr).toContain('error: --deals must be at most 50,000,000, got "1000000000"\n  hint: the limit is 50 times the benchmark set');
    const activities = runCli(['generate', '--activities', '250_000_001', '-o', dir], { env: { LANG: LOCALE.ru } });
    expect(activities.code).toBe(2);
    expect(activities.stderr).toContain('ошибка: --activities: не больше 250 000 000; получено «250_000_001»\n  подсказка: предел — в 50 раз больше набора для замеров скорости');
    expect(activities.stderr).not.toMatch(/\b(?:must|got|limit|benchmark)\b/);
    expect(existsSync(dir)).toBe(false);
  });

  it('refuses one past the limit (a run at it would write 30 GB: not tried)', () => {
    const over = runCli(['generate', '--deals', '50000001', '-o', path.join(ROOT, 'edge')]);
    expect(over.code).toBe(2);
    expect(over.stderr).toContain('--deals must be at most 50,000,000, got "50000001"');
  });

  it('writes the three files and says so', () => {
    const dir = path.join(ROOT, 'small');
    const run = runCli(['generate', '--deals', '20', '--activities', '50', '-o', dir]);
    expect(run.code, run.stderr).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['activities.csv', 'deals.csv', 'payments.csv']);
  });
});

// Tester T60 L2: `--deals 0` wrote a header-only deals.csv that kpi then refused as an export filtered down to nothing.
describe('generate with no deal', () => {
  it('is refused before anything is written, in both languages', () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'crm-audit-gen0-')), 'out');
    const ru = runCli(['generate', '--deals', '0', '-o', dir, '--lang', 'ru']);
    expect([ru.code, ru.stdout]).toEqual([2, '']);
    expect(ru.stderr).toContain('ошибка: --deals: нужна хотя бы одна сделка; получено «0»');
    expect(runCli(['generate', '--deals', '0', '-o', dir, '--lang', 'en']).stderr).toContain('error: --deals must be at least 1, got "0"');
    expect(existsSync(dir)).toBe(false);
  });
});

// Tester T66 L17: `--deals -5` was told «must be a whole number», `1e3` was taken as 1000 (--managers refuses it), and a cutover outside the period was taken without a word.
describe('generate refuses numbers not in digits and a cutover outside the period', () => {
  it('before anything is written, in both languages', () => {
    const dir = path.join(mkdtempSync(path.join(tmpdir(), 'crm-audit-gen-args-')), 'out');
    expect(runCli(['generate', '--deals', '-5', '-o', dir, '--lang', 'en']).stderr).toContain('error: --deals must be a whole number of 0 or more, in digits; got "-5"');
    expect(runCli(['generate', '--deals', '1e3', '-o', dir, '--lang', 'ru']).stderr).toContain('ошибка: --deals: нужно целое число не меньше 0, цифрами; получено «1e3»');
    const outside = runCli(['generate', '--deals', '10', '--cutover', '2030-01-01', '-o', dir, '--lang', 'ru']);
    expect(outside.code).toBe(2);
    expect(outside.stderr).toContain('ошибка: --cutover 01.01.2030 не внутри периода данных 01.07.2024 — 30.06.2025');
    expect(runCli(['generate', '--deals', '10', '--cutover', '2024-07-01', '-o', dir, '--lang', 'en']).stderr).toContain('error: --cutover 2024-07-01 is not within the data\'s period 2024-07-01 to 2025-06-30');
    expect(existsSync(dir)).toBe(false);
    expect(runCli(['generate', '--deals', '1_000', '--activities', '0', '--cutover', '2025-01-01', '-o', dir]).code).toBe(0);
  });
});
