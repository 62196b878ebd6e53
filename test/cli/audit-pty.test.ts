import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { headerRowOf } from '../helpers/xlsx-projection.js';
import { BIN, ROOT } from '../helpers/cli.js';
import { builtIn, SEVEN_QUESTIONS_EN } from '../helpers/questionnaire.js';

const DRIVER = fileURLToPath(new URL('../helpers/pty-drive.py', import.meta.url));
const DOWN = '\u001b[B';
const CTRL_C = '\u0003';

function drive(steps: Array<[string, string]>, args: string[], cwd: string, cols = 200, extra: Record<string, string> = {}) {
  const env = { ...process.env, NO_COLOR: '1', TERM: 'xterm', PTY_COLS: String(cols), ...extra };
  const res = spawnSync('python3', [DRIVER, JSON.stringify(steps), process.execPath, BIN, ...args], { cwd, env, timeout: 60_000 });
  return { code: res.status, out: res.stdout.toString('utf8') };
}

describe('interactive audit in a real terminal (pty + the real prompt library)', () => {
  // Tester T36 F2: SIGTERM at a prompt (`timeout`, a `kill` from another shell) exited 143 with the
  // prompt's cursor still hidden: the shell after it had none. Ctrl+C is the prompt's, and shows it.
  it('SIGTERM at a prompt shows the cursor again before it says the run was stopped', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-pty-'));
    const run = drive([['Компания', 'ООО Ромашка\r'], ['Сколько менеджеров', '\r'], ['Компания осознанно', '<SIGTERM>']], ['audit', '--lang', 'ru'], dir);
    expect(run.code, run.out).toBe(143);
    expect(run.out).toContain('Прервано; ничего не сохранено.');
    expect(run.out.lastIndexOf('\u001b[?25h')).toBeGreaterThan(run.out.lastIndexOf('\u001b[?25l'));
    expect(readdirSync(dir)).toEqual([]);
  });

  it('a consultant completes the audit in Russian, checks it against the bundled samples and saves answers and an XLSX', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-pty-'));
    const run = drive(
      [
        ['Компания', 'ООО Ромашка\r'],
        ['Сколько менеджеров', '\r'],
        ['Компания осознанно', '\r'],
        ['Каждое взаимодействие', `${DOWN}\r`],
        ['В CRM настроена', '\r'],
        ['Рядовые менеджеры', '\r'],
        ['Товары, цены', `${DOWN}${DOWN}\r`],
        ['Оплаты счетов', '\r'],
        ['Телефония и почта интегрированы', '\r'],
        ['Проверить ответы по выгрузкам', 'y\r'],
        // Paths are typed, then taken with Enter once the completion list shows them.
        ['Файл сделок', path.join(ROOT, 'samples/amocrm-deals.csv')],
        [`❯ ${path.join(ROOT, 'samples/amocrm-deals.csv')}`, '\r'],
        ['Файл звонков', path.join(ROOT, 'samples/bitrix')],
        // Tab completes to the one file that starts so.
        [`${path.join(ROOT, 'samples/bitrix24-calls.xls')}`, '\t'],
        [`❯ ${path.join(ROOT, 'samples/bitrix24-calls.xls')}`, '\r'],
        ['Файл оплат', path.join(ROOT, 'samples/payments.csv')],
        [`❯ ${path.join(ROOT, 'samples/payments.csv')}`, '\r'],
        ['Сохранить ответы', 'y\r'],
        ['Файл ответов', '\r'],
        ['Сохранить отчёт', 'y\r'],
        ['Файл отчёта', '\r'],
      ],
      ['audit', '--now', '2025-01-01T00:00:00Z'],
      dir,
      100,
    );
    expect(run.out).toContain('Уровень: Лидер (8 / 10)');
    expect(run.code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['audit-answers.yaml', 'crm-audit-report.xlsx']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'crm-audit-report.xlsx'));
    const sheet = wb.getWorksheet('Аудит')!;
    const head = headerRowOf(sheet);
    expect(sheet.getRow(head).getCell(1).value).toBe('Раздел');
    expect(sheet.getRow(head).getCell(6).value).toBe('Проверка по выгрузкам');
    expect(run.out).toContain('Итог с учётом выгрузок:');
    // The samples' calls are linked to deals and the consultant said telephony is integrated.
    const telephony = sheet.getRows(head + 1, sheet.rowCount - head)!.find((r) => r.getCell(2).value === 'Телефония и почта в CRM')!;
    expect(telephony.getCell(6).value).toBe('подтверждено');
  });

  it('a path that cannot be read is said under its prompt, which asks again; an empty one skips the check', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-pty-'));
    const run = drive(
      [
        ['Company', '\r'],
        ['How many sales managers', '\r'],
        ...SEVEN_QUESTIONS_EN,
        ['Check the answers against CRM exports', 'y\r'],
        ['Deals file', 'no-such-deals.csv'],
        ['❯ no-such-deals.csv', '\r'],
        ['no-such-deals.csv: no such file', ''],
        ['❯ (empty: no file)', '\r'],
        ['Save the answers', 'n\r'],
        ['Save the report', 'n\r'],
      ],
      ['audit', '--lang', 'en', '--now', '2025-01-01T00:00:00Z'],
      dir,
    );
    expect(run.code).toBe(0);
    expect(run.out).not.toContain('Calls / activities file');
    expect(run.out).not.toContain('Checked against the exports');
  });

  // `ev` and Enter took `evil.csv`, the first completion, while evil.xlsx matched too: the path typed is the path taken.
  it('Enter takes what was typed, not a completion (Tab picks one); ~/ is the home folder', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-pty-'));
    copyFileSync(path.join(ROOT, 'samples/amocrm-deals.csv'), path.join(dir, 'evil.csv'));
    copyFileSync(path.join(ROOT, 'samples/payments.csv'), path.join(dir, 'evil.xlsx'));
    const run = drive(
      [
        ['Company', '\r'],
        ['How many sales managers', '\r'],
        ...SEVEN_QUESTIONS_EN,
        ['Check the answers against CRM exports', 'y\r'],
        ['Deals file', 'ev'],
        ['  evil.xlsx', '\r'],
        ['ev: no such file', ''],
        ['❯ (empty: no file)', '~/ev'],
        ['  ~/evil.xlsx', '\t'],
        ['❯ ~/evil.csv', '\r'],
        ['Calls / activities file', '\r'],
        ['Payments file', '\r'],
        ['Save the answers', 'n\r'],
        ['Save the report', 'n\r'],
      ],
      ['audit', '--lang', 'en', '--now', '2025-01-01T00:00:00Z'],
      dir,
      200,
      { HOME: dir },
    );
    expect(run.code).toBe(0);
    expect(run.out).toContain(`Deals file (empty: skip the check): ${path.join(dir, 'evil.csv')}`);
    expect(run.out).toContain('Checked against the exports');
  });

  it('in a 100-column terminal: words wrap whole, one step back changes an answer, hours and money on the advice', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-pty-'));
    const UP = '\u001b[A';
    const run = drive(
      [
        ['Компания', '\r'],
        ['Сколько менеджеров', '8\r'],
        ['Сколько стоит час', '1500\r'],
        ['Компания осознанно', '\r'],
        // "← Назад" is the last choice: one up from the first.
        ['Каждое взаимодействие', `${UP}\r`],
        ['Компания осознанно', `${DOWN}\r`],
        ['Каждое взаимодействие', '\r'],
        ['В CRM настроена', '\r'],
        ['Рядовые менеджеры', '\r'],
        ['Товары, цены', '\r'],
        ['Оплаты счетов', '\r'],
        ['Телефония и почта интегрированы', `${DOWN}\r`],
        ['Проверить ответы по выгрузкам', 'н\r'],
        ['Сохранить ответы', 'н\r'],
        ['Сохранить отчёт', 'н\r'],
      ],
      ['audit', '--now', '2025-01-01T00:00:00Z'],
      dir,
      100,
    );
    expect(run.code).toBe(0);
    // lead.concept changed to "no" (2 points less); telephony "no": 10 − 2 − 2.
    expect(run.out).toContain('Уровень: Лидер (6 / 10)');
    expect(run.out).toContain('около 252\u00a0000 ₽ в месяц');
    expect(run.out).toMatch(/\(д\/Н\)/);
    expect(run.out).toContain('↑↓ выбор');
    // The question left by "back" is said to be unanswered, not shown as answered with the choice's name.
    expect(run.out).toContain('↩ не отвечен, возврат к предыдущему вопросу');
    expect(run.out).not.toMatch(/✔[^\n]*← Назад/);
    // The section explanations (written by the audit itself) are wrapped at spaces within 100 columns.
    const plain = run.out.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;?]*[A-Za-z]`, 'g'), '');
    const explanation = plain.split(/\r?\n/).filter((l) => l.startsWith('Лид — это входящее обращение') || l.startsWith('Журналирование — это когда'));
    // Going back from the journal section to the lead section shows both explanations again.
    expect(explanation).toHaveLength(4);
    for (const line of explanation) expect([...line].length).toBeLessThan(100);
    // Joined back with spaces, the wrapped paragraph is the questionnaire's text: no word was cut.
    const lines = plain.split(/\r?\n/);
    const start = lines.findIndex((l) => l.startsWith('Лид — это входящее обращение'));
    const para = lines.slice(start, lines.findIndex((l, k) => k > start && l.startsWith('Да — если'))).join(' ');
    expect(para).toBe(builtIn().sections[0]!.explanation!.ru);
    // The recommendations of the report wrap within the 100 columns too.
    const recs = lines.slice(lines.findIndex((l) => l.startsWith('Рекомендации:')), lines.findIndex((l) => l.includes('Сохранить ответы')));
    expect(recs.length).toBeGreaterThan(3);
    for (const line of recs) expect([...line].length).toBeLessThan(100);
  });

  it('says once where each file went, with its size, and how to run the saved answers again with the hours', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-pty-'));
    const run = drive(
      [
        ['Компания', '\r'],
        ['Сколько менеджеров', '8\r'],
        ['Сколько стоит час', '1500\r'],
        ['Компания осознанно', '\r'],
        ['Каждое взаимодействие', '\r'],
        ['В CRM настроена', '\r'],
        ['Рядовые менеджеры', '\r'],
        ['Товары, цены', '\r'],
        ['Оплаты счетов', '\r'],
        ['Телефония и почта интегрированы', `${DOWN}\r`],
        ['Проверить ответы по выгрузкам', 'н\r'],
        ['Сохранить ответы', '\r'],
        ['Файл ответов', 'мои ответы.yaml\r'],
      ],
      ['audit', '--now', '2025-01-01T00:00:00Z', '-o', 'отчёт.md'],
      dir,
    );
    expect(run.code, run.out).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['мои ответы.yaml', 'отчёт.md']);
    const plain = run.out.replace(new RegExp(`${String.fromCharCode(27)}\\[[0-9;?]*[A-Za-z]`, 'g'), '');
    expect(plain).toMatch(/Записано: отчёт\.md \(\d+,\d КБ\)/);
    expect(plain).toMatch(/Записано: мои ответы\.yaml \(\d+ байта?\)/);
    expect(plain.split('отчёт.md').length - 1).toBe(1);
    expect(plain).not.toMatch(/сохранены?:/);
    // The command on a line of its own, whole at any width, to be copied (tester T36 F1: wrapped, it ran broken).
    expect(plain).toMatch(/Число менеджеров и цену часа файл ответов не хранит; повторный\s+запуск:\r?\n {4}crm-audit audit --answers 'мои ответы\.yaml' --managers 8 --hourly-cost 1500\r?\n/);
  });

  it('exports given on the command line are read before the first question: a bad one stops at once', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-pty-'));
    const run = drive([], ['audit', '--lang', 'en', '-d', 'no-such-deals.csv'], dir);
    expect(run.code).toBe(2);
    expect(run.out).toContain('no-such-deals.csv');
    expect(run.out).not.toContain('Company');
  });

  // Under LANG=C every prompt was Russian and Ctrl+C said "Interrupted; nothing was saved." in English;
  // after the answers were saved it said nothing was saved.
  it('Ctrl+C in a Russian session is said in Russian, and names the answers already saved', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-pty-'));
    const env = { LANG: 'C.UTF-8', LC_ALL: '' };
    const early = drive([['Компания', CTRL_C]], ['audit'], dir, 200, env);
    expect(early.code).toBe(130);
    expect(early.out).toContain('Прервано; ничего не сохранено.');
    const steps: Array<[string, string]> = [
      ['Компания', '\r'],
      ['Сколько менеджеров', '\r'],
      ...['Компания осознанно', 'Каждое взаимодействие', 'В CRM настроена', 'Рядовые менеджеры', 'Товары, цены', 'Оплаты счетов', 'Телефония и почта интегрированы'].map((q): [string, string] => [q, '\r']),
      ['Проверить ответы по выгрузкам', 'н\r'],
      ['Сохранить ответы', '\r'],
      ['Файл ответов', 'a.yaml\r'],
      ['Сохранить отчёт в файл', CTRL_C],
    ];
    const late = drive(steps, ['audit', '--now', '2025-01-01'], dir, 200, env);
    expect(late.code, late.out).toBe(130);
    expect(late.out).toContain('Прервано; ответы сохранены в a.yaml, отчёт не записан.');
    expect(readdirSync(dir)).toEqual(['a.yaml']);
  });

  it('Ctrl+C leaves quietly with exit 130 and writes nothing', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-pty-'));
    const run = drive([['Company', 'Acme\r'], ['How many sales managers', '\r'], ['Does the company work with leads', CTRL_C]], ['audit', '--lang', 'en', '-o', 'report.xlsx'], dir);
    expect(run.code).toBe(130);
    expect(run.out).not.toMatch(/\bat .*\.js:\d+/);
    expect(existsSync(path.join(dir, 'report.xlsx'))).toBe(false);
    expect(readdirSync(dir)).toEqual([]);
  });

  // Tester T36 F5: a consultant stopped at question 6 of 7 lost every answer and started over.
  describe('an interview stopped at a question', () => {
    const QUESTIONS = ['Компания осознанно', 'Каждое взаимодействие', 'В CRM настроена', 'Рядовые менеджеры', 'Товары, цены', 'Оплаты счетов', 'Телефония и почта интегрированы'];

    it('saves its answers so far as a draft, never over a file, and says how to go on', () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-pty-'));
      const stop = (): ReturnType<typeof drive> => drive([['Компания', 'ООО Ромашка\r'], ['Сколько менеджеров', '8\r'], ['Сколько стоит час', '1500\r'], [QUESTIONS[0]!, '\r'], [QUESTIONS[1]!, `${DOWN}\r`], [QUESTIONS[2]!, CTRL_C]], ['audit'], dir);
      const run = stop();
      expect(run.code, run.out).toBe(130);
      expect(run.out).toContain('Прервано; ответы на 2 из 7 вопросов сохранены в audit-answers-draft.yaml. Продолжить с того же места:\r\n    crm-audit audit --answers audit-answers-draft.yaml --managers 8 --hourly-cost 1500');
      expect(readFileSync(path.join(dir, 'audit-answers-draft.yaml'), 'utf8')).toBe('# Зрелость использования CRM: 2 / 7\nquestionnaire: crm-maturity\ncompany: "ООО Ромашка"\nanswers:\n  lead.concept: yes\n  journal.interactions: no\n');
      // A second stop keeps the first draft and writes the next free name.
      expect(stop().out).toContain('сохранены в audit-answers-draft-2.yaml');
      expect(readdirSync(dir).sort()).toEqual(['audit-answers-draft-2.yaml', 'audit-answers-draft.yaml']);
    });

    // Tester T57: the exports typed at the prompts were left out of the command, and the answers never checked against them.
    it('goes on with the exports typed at the prompts when stopped while they are given', () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-pty-'));
      copyFileSync(path.join(ROOT, 'samples', 'amocrm-deals.csv'), path.join(dir, 'my deals.csv'));
      const steps: Array<[string, string]> = [
        ['Компания', '\r'],
        ['Сколько менеджеров', '4\r'],
        ['Сколько стоит час', '900\r'],
        ...QUESTIONS.map((q): [string, string] => [q, '\r']),
        ['Проверить ответы по выгрузкам', 'д\r'],
        ['Файл сделок', "'my deals.csv'\r"],
        ['Файл звонков', CTRL_C],
      ];
      const run = drive(steps, ['audit'], dir);
      expect(run.code, run.out).toBe(130);
      expect(run.out).toContain("crm-audit audit --answers audit-answers-draft.yaml -d 'my deals.csv' --managers 4 --hourly-cost 900");
    });

    it('is taken up by audit --answers on a terminal: only the questions left are asked, and the result is the whole interview\'s', () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-pty-'));
      writeFileSync(path.join(dir, 'draft.yaml'), 'questionnaire: crm-maturity\ncompany: ООО Ромашка\nanswers:\n  lead.concept: yes\n  journal.interactions: no\n');
      const steps: Array<[string, string]> = [
        ['Компания: (ООО Ромашка)', '\r'],
        ['Сколько менеджеров', '\r'],
        ['осталось вопросов: 5', ''],
        ...QUESTIONS.slice(2).map((q): [string, string] => [q, '\r']),
        ['Проверить ответы по выгрузкам', 'н\r'],
        ['Сохранить ответы', 'н\r'],
        ['Сохранить отчёт в файл', 'н\r'],
      ];
      const run = drive(steps, ['audit', '--answers', 'draft.yaml', '--now', '2025-01-01', '--format', 'json'], dir);
      expect(run.code, run.out).toBe(0);
      expect(run.out).toContain('В файле draft.yaml есть ответы на 2 из 7 вопросов; осталось вопросов: 5.');
      // The answered questions are not asked again.
      expect(run.out).not.toContain(QUESTIONS[0]!);
      expect(run.out).not.toContain(QUESTIONS[1]!);
      const full = spawnSync(process.execPath, [BIN, 'audit', '--answers', '-', '--now', '2025-01-01', '--format', 'json'], { input: 'questionnaire: crm-maturity\ncompany: ООО Ромашка\nanswers:\n  lead.concept: yes\n  journal.interactions: no\n  reporting.management: yes\n  reporting.staff: yes\n  erp.catalog: yes\n  erp.payments: yes\n  telephony.integrated: yes\n', encoding: 'utf8' });
      const whole = JSON.parse(full.stdout) as { total: number; band: string };
      expect(run.out).toContain(`"total": ${whole.total}`);
      expect(readdirSync(dir)).toEqual(['draft.yaml']);
    });
  });
});
