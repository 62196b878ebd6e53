// What a tester found driving the interactive audit through a pseudo-terminal (the real prompt library).
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../helpers/cli.js';
import { builtIn, myAuditYaml } from '../helpers/questionnaire.js';

const DRIVER = fileURLToPath(new URL('../helpers/pty-drive.py', import.meta.url));
const ESC = String.fromCharCode(27);
const QUESTIONS_RU = ['Компания осознанно', 'Каждое взаимодействие', 'В CRM настроена', 'Рядовые менеджеры', 'Товары, цены', 'Оплаты счетов', 'Телефония и почта интегрированы'];
const QUESTIONS_EN = ['Does the company work with leads', 'Is every interaction', 'Is operational and management reporting', 'Do rank-and-file', 'Are products, prices', 'Are customer invoice payments', 'Are telephony and e-mail'];
const NOW = ['--now', '2025-01-01T00:00:00Z'];

function drive(steps: Array<[string, string]>, args: string[], cwd: string, cols = 200) {
  const env = { ...process.env, NO_COLOR: '1', TERM: 'xterm', PTY_COLS: String(cols), LANG: 'C.UTF-8', LC_ALL: '' };
  const res = spawnSync('python3', [DRIVER, JSON.stringify(steps), process.execPath, BIN, ...args], { cwd, env, timeout: 60_000 });
  return { code: res.status, out: res.stdout.toString('utf8') };
}

/** The transcript without cursor movements and colours. */
const plain = (out: string) => out.replace(new RegExp(`${ESC}\\[[0-9;?]*[A-Za-z]`, 'g'), '');

/** Every question answered with Enter (the first choice, "yes"). */
const yesToAll = (questions: string[]) => questions.map((q): [string, string] => [q, '\r']);

const tmp = () => mkdtempSync(path.join(tmpdir(), 'crm-audit-pty-'));

describe('the file prompts of the check against the exports', () => {
  // Typed (or pasted) and Enter at once: the list under the prompt had not caught up with the line, and
  // Enter took its highlighted «(пусто — нет файла)»: the check was skipped without a word.
  it('a path pasted with its Enter is the path taken, and the calls and payments files are asked next', () => {
    const deals = path.join(ROOT, 'samples/amocrm-deals.csv');
    const calls = path.join(ROOT, 'samples/bitrix24-calls.xls');
    const run = drive(
      [
        ['Компания', '\r'],
        ['Сколько менеджеров', '\r'],
        ...yesToAll(QUESTIONS_RU),
        ['Проверить ответы по выгрузкам', 'д\r'],
        ['Файл сделок', `${deals}\r`],
        ['Файл звонков', `${calls}\r`],
        ['Файл оплат', '\r'],
        ['Сохранить ответы', 'н\r'],
        ['Сохранить отчёт', 'н\r'],
      ],
      ['audit', ...NOW],
      tmp(),
    );
    expect(run.code, run.out).toBe(0);
    expect(run.out).toContain('Итог с учётом выгрузок');
    expect(plain(run.out)).toContain(`Файл сделок (пусто — не проверять): ${deals}`);
  });

  // A missing deals file was named only after the calls and payments files had been asked too.
  it('a missing file is said right under the prompt it was typed at, which asks again', () => {
    const deals = path.join(ROOT, 'samples/amocrm-deals.csv');
    const run = drive(
      [
        ['Company', '\r'],
        ['How many sales managers', '\r'],
        ...yesToAll(QUESTIONS_EN),
        ['Check the answers against CRM exports', 'y\r'],
        ['Deals file', 'no-such-deals.csv\r'],
        ['no such file', `${deals}\r`],
        ['Calls / activities file', 'no-such-calls.csv\r'],
        ['no such file', '\r'],
        ['Payments file', '\r'],
        ['Save the answers', 'n\r'],
        ['Save the report', 'n\r'],
      ],
      ['audit', '--lang', 'en', ...NOW],
      tmp(),
    );
    expect(run.code, run.out).toBe(0);
    const out = plain(run.out);
    // Said as a run says it, at the prompt it was typed at (each found: an index of -1 would pass «less than»).
    const dealsAt = out.indexOf('no-such-deals.csv: no such file');
    const callsAt = out.indexOf('no-such-calls.csv: no such file');
    expect(dealsAt).toBeGreaterThan(-1);
    expect(callsAt).toBeGreaterThan(-1);
    expect(dealsAt).toBeLessThan(out.indexOf('Calls / activities file'));
    expect(callsAt).toBeLessThan(out.indexOf('Payments file'));
    expect(out).not.toContain('Could not read the exports');
    expect(out).toContain('Checked against the exports');
  });
});

describe('paths pasted at the file prompts', () => {
  // Dragged into GNOME Terminal ('…'), macOS Terminal (\ before each space) or given as a file:// URL, a
  // path was «файл не найден».
  it('quoted, backslash-escaped and file:// paths name the files they say', () => {
    const dir = tmp();
    mkdirSync(path.join(dir, 'sp dir'));
    copyFileSync(path.join(ROOT, 'samples/amocrm-deals.csv'), path.join(dir, 'sp dir/my deals.csv'));
    copyFileSync(path.join(ROOT, 'samples/bitrix24-calls.xls'), path.join(dir, 'sp dir/my calls.xls'));
    copyFileSync(path.join(ROOT, 'samples/payments.csv'), path.join(dir, 'sp dir/my payments.csv'));
    const run = drive(
      [
        ['Компания', '\r'],
        ['Сколько менеджеров', '\r'],
        ...yesToAll(QUESTIONS_RU),
        ['Проверить ответы по выгрузкам', 'д\r'],
        ['Файл сделок', `'${path.join(dir, 'sp dir/my deals.csv')}' \r`],
        ['Файл звонков', `${pathToFileURL(path.join(dir, 'sp dir/my calls.xls')).href}\r`],
        ['Файл оплат', 'sp\\ dir/my\\ payments.csv\r'],
        ['Сохранить ответы', 'н\r'],
        ['Сохранить отчёт', 'н\r'],
      ],
      ['audit', ...NOW],
      dir,
    );
    expect(run.code, run.out).toBe(0);
    const out = plain(run.out);
    expect(out).not.toContain('файл не найден');
    expect(out).toContain(`✔ Файл сделок (пусто — не проверять): ${path.join(dir, 'sp dir/my deals.csv')}`);
    expect(out).toContain(`✔ Файл звонков и активностей (пусто — нет): ${path.join(dir, 'sp dir/my calls.xls')}`);
    expect(out).toContain('✔ Файл оплат (пусто — нет): sp dir/my payments.csv');
    expect(out).toContain('Итог с учётом выгрузок');
  });
});

describe('the running score', () => {
  // lead «Нет», journal «Да», management «Да», back, back, journal «Пропустить»: «Баллы: 1 из 10», the
  // management answer counted though it was to be asked again.
  it('counts only the answers that stand after going back', () => {
    const UP = `${ESC}[A`;
    const run = drive(
      [
        ['Компания', '\r'],
        ['Сколько менеджеров', '\r'],
        ['Компания осознанно', '\u001b[B\r'],
        ['Каждое взаимодействие', '\r'],
        ['В CRM настроена', '\r'],
        // «← Назад» is the last choice: one up from the first.
        ['Рядовые менеджеры', `${UP}\r`],
        ['В CRM настроена', `${UP}\r`],
        ['Каждое взаимодействие', '\u001b[B\u001b[B\r'],
        ['Баллы', ''],
        ['В CRM настроена', '\u0003'],
      ],
      ['audit', ...NOW],
      tmp(),
    );
    expect(run.code, run.out).toBe(130);
    const scores = plain(run.out).match(/Баллы: \d+ из 10/g);
    // After lead «Нет»: 0; journal «Да»: 1; journal skipped, after the backs: 0.
    expect(scores).toEqual(['Баллы: 0 из 10', 'Баллы: 1 из 10', 'Баллы: 0 из 10']);
  });
});

describe('saving from an interactive run', () => {
  // The answers were saved over the deals export typed a minute before (after «Заменить его?» — yes), the
  // report over the --baseline; an answers file named «n» was written.
  it('never offers to replace an input: the name is refused at the prompt and asked again', () => {
    const dir = tmp();
    copyFileSync(path.join(ROOT, 'samples/amocrm-deals.csv'), path.join(dir, 'deals.csv'));
    const made = spawnSync(process.execPath, [BIN, 'audit', '--answers', path.join(ROOT, 'samples/answers/leader.yaml'), '--format', 'json', '-o', 'base.json', ...NOW], { cwd: dir });
    expect(made.status, made.stderr.toString()).toBe(0);
    const base = readFileSync(path.join(dir, 'base.json'), 'utf8');
    const deals = readFileSync(path.join(dir, 'deals.csv'), 'utf8');
    const run = drive(
      [
        ['Компания', '\r'],
        ['Сколько менеджеров', '\r'],
        ...yesToAll(QUESTIONS_RU),
        ['Проверить ответы по выгрузкам', 'д\r'],
        ['Файл сделок', 'deals.csv\r'],
        ['Файл звонков', '\r'],
        ['Файл оплат', '\r'],
        ['Сохранить ответы', '\r'],
        ['Файл ответов', 'deals.csv\r'],
        ['один из входных файлов', 'n\r'],
        ['Ответы сохраняются в .yaml, .yml или .json', 'a.yaml\r'],
        ['Сохранить отчёт', '\r'],
        ['Файл отчёта', 'base.json\r'],
        ['один из входных файлов', 'r.md\r'],
      ],
      ['audit', '--baseline', 'base.json', ...NOW],
      dir,
    );
    expect(run.code, run.out).toBe(0);
    const out = plain(run.out);
    expect(out).toContain('deals.csv — это один из входных файлов этого запуска');
    expect(out).toContain('base.json — это один из входных файлов этого запуска');
    expect(out).not.toContain('Заменить');
    expect(readFileSync(path.join(dir, 'deals.csv'), 'utf8')).toBe(deals);
    expect(readFileSync(path.join(dir, 'base.json'), 'utf8')).toBe(base);
    expect(readdirSync(dir).sort()).toEqual(['a.yaml', 'base.json', 'deals.csv', 'r.md']);
    expect(readFileSync(path.join(dir, 'a.yaml'), 'utf8')).toMatch(/^questionnaire: crm-maturity/);
  });

  // A reviewer: -o deals.xlsx, then deals.xlsx typed at «Файл сделок»: the report replaced the export (the prompts'
  // inputs were guarded, the -o write at the end was not).
  it('-o naming the export typed at a prompt is refused, the export kept, another file offered', async () => {
    const dir = tmp();
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Сделки');
    ws.addRow(['id', 'manager', 'created_at', 'closed_at', 'status', 'amount', 'client']);
    for (let i = 1; i <= 40; i++) ws.addRow([i, 'Иванов Иван', '2025-01-10 10:00', '2025-01-20 10:00', i % 3 ? 'won' : 'lost', 1000, `c${i}`]);
    await wb.xlsx.writeFile(path.join(dir, 'deals.xlsx'));
    const before = readFileSync(path.join(dir, 'deals.xlsx'));
    const run = drive(
      [
        ['Компания', '\r'],
        ['Сколько менеджеров', '\r'],
        ...yesToAll(QUESTIONS_RU),
        ['Проверить ответы по выгрузкам', 'д\r'],
        ['Файл сделок', 'deals.xlsx\r'],
        ['Файл звонков', '\r'],
        ['Файл оплат', '\r'],
        ['Сохранить ответы', 'н\r'],
        ['Записать отчёт в другой файл', 'н\r'],
      ],
      ['audit', '-o', 'deals.xlsx', ...NOW],
      dir,
    );
    expect(plain(run.out)).toContain('deals.xlsx: файл результата — один из входных файлов');
    expect(readFileSync(path.join(dir, 'deals.xlsx')).equals(before)).toBe(true);
    // The report was saved nowhere: exit 2.
    expect(run.code, run.out).toBe(2);
  });

  // With -o the run ended on «Записано: i11.xlsx» alone, and Ctrl+C then said «ничего не сохранено».
  it('with -o it shows the summary, band and recommendations, and Ctrl+C names the report written', () => {
    const dir = tmp();
    const run = drive(
      [['Компания', '\r'], ['Сколько менеджеров', '\r'], ...yesToAll(QUESTIONS_RU), ['Проверить ответы по выгрузкам', '\r'], ['Сохранить ответы', '\u0003']],
      ['audit', '-o', 'r.xlsx', ...NOW],
      dir,
    );
    expect(run.code, run.out).toBe(130);
    const out = plain(run.out);
    expect(out).toContain('Уровень: Лидер (10 / 10)');
    expect(out).toContain('Рекомендации:');
    expect(out).toMatch(/Записано: r\.xlsx/);
    expect(out).toContain('Прервано; отчёт записан в r.xlsx, ответы не сохранены.');
    expect(out).not.toContain('ничего не сохранено');
    expect(readdirSync(dir)).toEqual(['r.xlsx']);
  });

  // The default audit-answers.yaml of another client was replaced without a question.
  it('asks before replacing a file (no by default) and offers a free name', () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'audit-answers.yaml'), 'another client\n');
    const run = drive(
      [
        ['Компания', '\r'],
        ['Сколько менеджеров', '\r'],
        ...yesToAll(QUESTIONS_RU),
        ['Проверить ответы по выгрузкам', '\r'],
        ['Сохранить ответы', '\r'],
        ['Файл ответов', '\r'],
        ['уже есть', '\r'],
        ['Файл ответов', '\r'],
        ['Сохранить отчёт', 'н\r'],
      ],
      ['audit', ...NOW],
      dir,
    );
    expect(run.code, run.out).toBe(0);
    expect(readFileSync(path.join(dir, 'audit-answers.yaml'), 'utf8')).toBe('another client\n');
    expect(readdirSync(dir).sort()).toEqual(['audit-answers-2.yaml', 'audit-answers.yaml']);
    expect(readFileSync(path.join(dir, 'audit-answers-2.yaml'), 'utf8')).toMatch(/^questionnaire: crm-maturity/);
  });

  it('replaces it when told to', () => {
    const dir = tmp();
    writeFileSync(path.join(dir, 'a.yaml'), 'old\n');
    const run = drive(
      [
        ['Компания', '\r'],
        ['Сколько менеджеров', '\r'],
        ...yesToAll(QUESTIONS_RU),
        ['Проверить ответы по выгрузкам', '\r'],
        ['Сохранить ответы', '\r'],
        ['Файл ответов', 'a.yaml\r'],
        ['уже есть', 'д\r'],
        ['Сохранить отчёт', 'н\r'],
      ],
      ['audit', ...NOW],
      dir,
    );
    expect(run.code, run.out).toBe(0);
    expect(readdirSync(dir)).toEqual(['a.yaml']);
    expect(readFileSync(path.join(dir, 'a.yaml'), 'utf8')).toMatch(/^questionnaire: crm-maturity/);
  });

  // «н» wrote an XLSX named «н»; report.pdf⏎ then report.html⏎ wrote report.pdfreport.html.
  it('a report name without an extension gets .xlsx, said; a refused name is cleared from the line', () => {
    const dir = tmp();
    const bare = drive(
      [['Компания', '\r'], ['Сколько менеджеров', '\r'], ...yesToAll(QUESTIONS_RU), ['Проверить ответы по выгрузкам', '\r'], ['Сохранить ответы', 'н\r'], ['Сохранить отчёт', '\r'], ['Файл отчёта', 'н\r']],
      ['audit', ...NOW],
      dir,
    );
    expect(bare.code, bare.out).toBe(0);
    expect(readdirSync(dir)).toEqual(['н.xlsx']);
    expect(plain(bare.out)).toContain('Имя без расширения: отчёт будет записан в XLSX как н.xlsx');
    const again = drive(
      [['Компания', '\r'], ['Сколько менеджеров', '\r'], ...yesToAll(QUESTIONS_RU), ['Проверить ответы по выгрузкам', '\r'], ['Сохранить ответы', 'н\r'], ['Сохранить отчёт', '\r'], ['Файл отчёта', 'report.pdf\r'], ['Можно сохранить только', 'report.html\r']],
      ['audit', ...NOW],
      dir,
    );
    expect(again.code, again.out).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['report.html', 'н.xlsx']);
  });
});

describe('number prompts', () => {
  // «abc», «-3», «2.5», «0» showed with a green ✔, as taken, before the error; «1e3» was taken as 1000.
  it('a refused value never shows as taken, and the prompt follows the rule of --managers and --hourly-cost', () => {
    const run = drive(
      [
        ['Компания', '\r'],
        ['Сколько менеджеров', 'abc\r'],
        ['целое', '-3\r'],
        ['целое', '2.5\r'],
        ['целое', '0\r'],
        ['целое', '1e3\r'],
        ['целое', '8\r'],
        ['Сколько стоит час', '0\r'],
        ['больше 0', '1e21\r'],
        ['10 000 000', '1500\r'],
        ...yesToAll(QUESTIONS_RU.slice(0, -1)),
        ['Телефония и почта интегрированы', '\u001b[B\r'],
        ['Проверить ответы по выгрузкам', '\r'],
        ['Сохранить ответы', 'н\r'],
        ['Сохранить отчёт', 'н\r'],
      ],
      ['audit', ...NOW],
      tmp(),
    );
    expect(run.code, run.out).toBe(0);
    const out = plain(run.out);
    for (const bad of ['abc', '-3', '2.5', '1e3']) {
      expect(out).not.toMatch(new RegExp(`✔[^\\n]*Сколько менеджеров[^\\n]*${bad.replace('.', '\\.')}`));
      expect(out).toContain(`«${bad}»`);
    }
    expect(out).not.toMatch(/✔[^\n]*Сколько стоит час[^\n]*(?: 0|1e21)/);
    expect(out).toMatch(/✔ Сколько менеджеров[^\n]* 8/);
    // 8 managers at 1 500 ₽ an hour: 168 h a month.
    expect(out).toContain('около 252\u00a0000 ₽ в месяц');
    expect(out).not.toMatch(/must be|number above/);
  });
});

describe('answered questions in an 80-column terminal', () => {
  // «… recorded and kept» / « in the deal…»: the library's own wrapping began a line with a space, and a
  // line of exactly 80 columns was followed by a blank one.
  it('wrap at spaces, no line starts with a space, no blank line inside an answer', () => {
    const run = drive(
      [['Company', '\r'], ['How many sales managers', '\r'], ...yesToAll(QUESTIONS_EN), ['Check the answers against CRM exports', 'n\r'], ['Save the answers', 'n\r'], ['Save the report', 'n\r']],
      ['audit', '--lang', 'en', ...NOW],
      tmp(),
      80,
    );
    expect(run.code, run.out).toBe(0);
    const out = plain(run.out);
    const at = out.lastIndexOf('✔ Are telephony and e-mail');
    expect(at).toBeGreaterThan(-1);
    const block = out.slice(at, out.indexOf(' Yes', at) + 4).split(/\r?\n/);
    expect(block.length).toBeGreaterThan(1);
    for (const line of block) {
      expect(line).not.toMatch(/^ /);
      expect([...line].length).toBeLessThan(80);
    }
    // Joined with spaces the lines are the question and the answer: no word cut.
    expect(block.join(' ')).toBe(`✔ ${builtIn().sections.at(-1)!.questions.at(-1)!.text.en} Yes`);
  });
});

describe('saved answers of a custom questionnaire', () => {
  // The answers named the questionnaire by its id («my-audit»), no built-in one: the printed re-run
  // command exited 2 («ответы даны на анкету «my-audit», а не «crm-maturity»»).
  const QUESTIONNAIRE = myAuditYaml(
    2,
    [
      '      - id: sales.funnel',
      '        points: 3',
      '        text: { ru: Воронка настроена?, en: Is the funnel set up? }',
      '        recommendation: { ru: Настройте воронку, en: Set up the funnel }',
      '        choices:',
      '          - { id: partly, points: 1, label: { ru: Частично, en: Partly } }',
      '        cost: { hoursPerManagerPerDay: 0.5, basis: { ru: полчаса, en: half an hour } }',
      '      - id: sales.source',
      '        points: 2',
      '        text: { ru: Источник указан?, en: Is the source recorded? }',
      '        recommendation: { ru: Указывайте источник, en: Record the source }',
    ],
    5,
  ).join('\n');
  const DOWN = '\u001b[B';

  /** The interactive run (partly, yes; 2 managers at 100 ₽), its answers saved as `answers`; the re-run command it printed. */
  function interactive(cwd: string, questionnaire: string, answers: string) {
    const run = drive(
      [
        ['Компания', '\r'],
        ['Сколько менеджеров', '2\r'],
        ['Сколько стоит час', '100\r'],
        ['Воронка настроена', `${DOWN}\r`],
        ['Источник указан', '\r'],
        ['Сохранить ответы', '\r'],
        ['Файл ответов', `${answers}\r`],
      ],
      ['audit', '--questionnaire', questionnaire, ...NOW, '-o', 'first.json'],
      cwd,
    );
    expect(run.code, run.out).toBe(0);
    const hint = /повторный запуск:\s+crm-audit (audit [^\r\n]+)/.exec(plain(run.out));
    expect(hint, run.out).not.toBeNull();
    return { saved: readFileSync(path.join(cwd, answers), 'utf8'), again: hint![1]!.trim().split(' ') };
  }

  const rerun = (args: string[], cwd: string) => {
    const res = spawnSync(process.execPath, [BIN, ...args, ...NOW, '--format', 'json'], { cwd, env: { ...process.env, NO_COLOR: '1', LANG: 'C.UTF-8', LC_ALL: '' } });
    return { code: res.status, stdout: res.stdout.toString('utf8'), stderr: res.stderr.toString('utf8') };
  };

  it('names a questionnaire in the answers folder by its path from there, and the printed command gives the same result', () => {
    const dir = tmp();
    mkdirSync(path.join(dir, 'forms'));
    writeFileSync(path.join(dir, 'forms', 'q.yaml'), QUESTIONNAIRE);
    const { saved, again } = interactive(dir, 'forms/q.yaml', 'answers.yaml');
    expect(saved).toContain('questionnaire: forms/q.yaml\n');
    expect(again).toEqual(['audit', '--answers', 'answers.yaml', '--managers', '2', '--hourly-cost', '100']);
    const same = rerun(again, dir);
    expect(same.code, same.stderr).toBe(0);
    expect(same.stdout).toBe(readFileSync(path.join(dir, 'first.json'), 'utf8'));
    // Resolved beside the answers file, from any folder.
    const elsewhere = rerun(['audit', '--answers', path.join(dir, 'answers.yaml'), '--managers', '2', '--hourly-cost', '100'], ROOT);
    expect(elsewhere.code, elsewhere.stderr).toBe(0);
    expect(elsewhere.stdout).toBe(same.stdout);
  });

  it('names a questionnaire outside the answers folder by its absolute path', () => {
    const dir = tmp();
    const other = tmp();
    writeFileSync(path.join(other, 'q.yaml'), QUESTIONNAIRE);
    mkdirSync(path.join(dir, 'out'));
    const { saved, again } = interactive(dir, path.join(other, 'q.yaml'), 'out/answers.yaml');
    expect(saved).toContain(`questionnaire: ${path.join(other, 'q.yaml')}\n`);
    const same = rerun(again, dir);
    expect(same.code, same.stderr).toBe(0);
    expect(same.stdout).toBe(readFileSync(path.join(dir, 'first.json'), 'utf8'));
  });
});
