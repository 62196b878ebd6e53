import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { headerRowOf } from '../helpers/xlsx-projection.js';
import { runCli } from '../helpers/cli.js';

const NOW = ['--now', '2025-01-31T09:00:00Z'];

describe('crm-audit audit --answers', () => {
  it.each([
    ['samples/answers/not-started.yaml', 2, 'not-started'],
    ['samples/answers/ahead-of-most.yaml', 4, 'ahead-of-most'],
    ['samples/answers/leader.yaml', 7, 'leader'],
    ['samples/answers/leader-en.json', 10, 'leader'],
  ])('%s prints the spec result as JSON', (file, total, band) => {
    const run = runCli(['audit', '--answers', file, '--format', 'json', ...NOW]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result).toMatchObject({ schemaVersion: 1, questionnaire: { id: 'crm-maturity', version: 1 }, answeredAt: '2025-01-31T09:00:00.000Z', total, max: 10, band: { id: band } });
    expect(Object.keys(result)).toEqual(expect.arrayContaining(['sections', 'recommendations', 'unanswered']));
  });

  it('takes the questionnaire the answers file names (a path beside it) when --questionnaire is not given', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-own-q-'));
    writeFileSync(path.join(dir, 'tiny.yaml'), readFileSync('test/fixtures/questionnaires/valid-tiny.yaml'));
    writeFileSync(path.join(dir, 'answers.yaml'), 'questionnaire: tiny.yaml\nanswers:\n  s.one: yes\n  s.two: no\n');
    const run = runCli(['audit', '--answers', path.join(dir, 'answers.yaml'), '--format', 'json', ...NOW]);
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout)).toMatchObject({ questionnaire: { id: 'tiny' }, total: 2, max: 3, band: { id: 'high' } });
    // --questionnaire still decides when given; a built-in id in the file picks the built-in.
    expect(runCli(['audit', '--answers', path.join(dir, 'answers.yaml'), '--questionnaire', 'crm-maturity', ...NOW]).code).toBe(2);
    expect(JSON.parse(runCli(['audit', '--answers', 'samples/answers/leader.yaml', '--format', 'json', ...NOW]).stdout).questionnaire.id).toBe('crm-maturity');
  });

  it('several answers files (a shell glob) give a JSON array, one result per band', () => {
    const run = runCli(['audit', '--answers', 'samples/answers/ahead-of-most.yaml', 'samples/answers/leader.yaml', 'samples/answers/not-started.yaml', '--format', 'json', ...NOW]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).map((r: { band: { id: string } }) => r.band.id)).toEqual(['ahead-of-most', 'leader', 'not-started']);
    const xlsx = runCli(['audit', '--answers', 'samples/answers/leader.yaml', 'samples/answers/not-started.yaml', '--format', 'xlsx', '-o', '/tmp/never.xlsx']);
    expect(xlsx.code).toBe(2);
    expect(xlsx.stderr).toMatch(/one workbook holds one audit/);
  });

  it('is byte-identical across runs with --now or SOURCE_DATE_EPOCH', () => {
    const a = runCli(['audit', '--answers', 'samples/answers/leader.yaml', '--format', 'json', ...NOW]);
    const b = runCli(['audit', '--answers', 'samples/answers/leader.yaml', '--format', 'json', ...NOW]);
    expect(a.stdout).toBe(b.stdout);
    const c = runCli(['audit', '--answers', 'samples/answers/leader.yaml', '--format', 'json'], { env: { SOURCE_DATE_EPOCH: '1738314000' } });
    expect(JSON.parse(c.stdout).answeredAt).toBe('2025-01-31T09:00:00.000Z');
  });

  it('prints a table with the band and recommendations, no colour under NO_COLOR', () => {
    const run = runCli(['audit', '--answers', 'samples/answers/ahead-of-most.yaml', '--lang', 'en', '--managers', '5']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Band: Ahead of most (4 / 10)');
    expect(run.stdout).toContain('with 5 managers that is up to 5 h a day, 105 h a month');
    expect(run.stdout).not.toContain(String.fromCharCode(27));
  });

  it('speaks in the questions\' short titles, not ids: missing, recommendations, unanswered', () => {
    const run = runCli(['audit', '--answers', '-', '--allow-partial', '--lang', 'ru'], { input: 'answers:\n  lead.concept: да\n  erp.payments: нет\n' });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Отчёты для менеджеров');
    expect(run.stdout).toContain('1. Все контакты в CRM: Сделайте CRM единственным журналом общения');
    expect(run.stdout).toContain('Без ответа: Все контакты в CRM; Отчёты для руководства; Отчёты для менеджеров; Каталог, цены и остатки из учётной системы; Телефония и почта в CRM');
    expect(run.stdout).not.toMatch(/journal\.interactions|erp\.payments/);
  });

  it('reads answers from stdin with -', () => {
    const run = runCli(['audit', '--answers', '-', '--format', 'json', ...NOW], { input: readFileSync('samples/answers/leader.yaml') });
    expect(JSON.parse(run.stdout).total).toBe(7);
  });

  it('exits 2 naming missing ids, and accepts them with --allow-partial', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-'));
    const file = path.join(dir, 'partial.yaml');
    writeFileSync(file, 'answers:\n  lead.concept: yes\n');
    const run = runCli(['audit', '--answers', file]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no answer for journal\.interactions/);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    const partial = runCli(['audit', '--answers', file, '--allow-partial', '--format', 'json']);
    expect(partial.code).toBe(0);
    expect(JSON.parse(partial.stdout).unanswered).toHaveLength(6);
  });

  it('exits 2 with a hint when there is no terminal and no answers file, never hanging', () => {
    const run = runCli(['audit']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/no terminal.*\n.*--answers/);
  });

  it('rejects a broken questionnaire before asking anything', () => {
    const run = runCli(['audit', '--questionnaire', 'test/fixtures/questionnaires/band-gap.yaml']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/band-gap\.yaml, at line \d+, column \d+, at bands\[1\]\.from/);
  });

  it('adds a before/after with --baseline', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-'));
    const base = path.join(dir, 'before.json');
    expect(runCli(['audit', '--answers', 'samples/answers/not-started.yaml', '--format', 'json', '-o', base, ...NOW]).code).toBe(0);
    const run = runCli(['audit', '--answers', 'samples/answers/leader.yaml', '--format', 'json', '--baseline', base, ...NOW]);
    expect(JSON.parse(run.stdout).baseline).toMatchObject({ total: 2, change: 5 });
  });

  it('says a baseline holding several results (audit over several answers files) is that, and takes one (a tester)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-'));
    const base = path.join(dir, 'both.json');
    expect(runCli(['audit', '--answers', 'samples/answers/not-started.yaml', 'samples/answers/leader.yaml', '--format', 'json', '-o', base, ...NOW]).code).toBe(0);
    const ru = runCli(['audit', '--answers', 'samples/answers/leader.yaml', '--baseline', base, '--lang', 'ru', ...NOW]);
    expect(ru.code).toBe(2);
    expect(ru.stderr).toContain('это массив результатов аудита (их 2');
    expect(ru.stderr).toContain('--baseline берёт один результат');
    const en = runCli(['audit', '--answers', 'samples/answers/leader.yaml', '--baseline', base, '--lang', 'en', ...NOW]);
    expect(en.stderr).toContain('this is an array of audit results (2 of them');
    expect(en.stderr).not.toContain('not an audit result');
  });

  it('writes an XLSX atomically with -o and leaves no temp file', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-'));
    const out = path.join(dir, 'audit.xlsx');
    const run = runCli(['audit', '--answers', 'samples/answers/leader.yaml', '-o', out, '--lang', 'en', ...NOW]);
    expect(run.code).toBe(0);
    expect(readdirSync(dir)).toEqual(['audit.xlsx']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const sheet = wb.getWorksheet('Audit')!;
    // The table starts under the heading (title, date): its header is the frozen, repeated row.
    const header = headerRowOf(sheet);
    expect(sheet.pageSetup.printTitlesRow).toBe(`${header}:${header}`);
    expect(sheet.getRow(header).values).toEqual([undefined, 'Section', 'Criterion', 'Answer', 'Points', 'Max']);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: header });
    // Widths come from the content: the longest section title fits its column.
    const titles = sheet.getColumn(1).values.filter((v): v is string => typeof v === 'string' && sheet.getColumn(1).values.indexOf(v) > header);
    expect(sheet.getColumn(1).width).toBeGreaterThanOrEqual(Math.max(...titles.map((t) => t.length)));
    const recs = wb.getWorksheet('Recommendations')!;
    const recHeader = headerRowOf(recs);
    const first = recs.getRow(recHeader + 1);
    expect(first.getCell(4).alignment).toMatchObject({ wrapText: true });
    // The row is as tall as its wrapped recommendation needs (15 pt a line).
    expect(first.height).toBeGreaterThanOrEqual(15 * Math.ceil(String(first.getCell(4).value).length / recs.getColumn(4).width!));
    expect(recs.rowCount).toBe(recHeader + 2);
    expect(recs.pageSetup).toMatchObject({ fitToPage: true, fitToWidth: 1, fitToHeight: 0 });
  });

  it('refuses to write the report over an input, or into a missing folder', () => {
    const json = path.join(mkdtempSync(path.join(tmpdir(), 'crm-audit-')), 'answers.json');
    writeFileSync(json, JSON.stringify({ answers: { 'lead.concept': 'yes' } }));
    const same = runCli(['audit', '--answers', json, '--allow-partial', '-o', json]);
    expect(same.code).toBe(2);
    expect(same.stderr).toMatch(/one of the input files/);
    const missing = runCli(['audit', '--answers', 'samples/answers/leader.yaml', '-o', '/nonexistent-dir/x.json']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toMatch(/does not exist/);
  });

  // Tester T66 H1: a questionnaire named by its path inside the answers file was no input, and -o overwrote it (exit 0).
  it('refuses to write over the questionnaire an answers file names by its path, in audit and in report', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-named-q-'));
    const q = JSON.stringify(parse(readFileSync('questionnaires/crm-maturity.yaml', 'utf8')));
    writeFileSync(path.join(dir, 'q.json'), q);
    writeFileSync(path.join(dir, 'answers.yaml'), 'questionnaire: ./q.json\nanswers:\n  lead.concept: yes\n');
    writeFileSync(path.join(dir, 'config.yaml'), 'audit: { answers: answers.yaml, allowPartial: true }\n');
    const audit = runCli(['audit', '--answers', 'answers.yaml', '--allow-partial', '-o', 'q.json', ...NOW], { cwd: dir });
    expect(audit.code).toBe(2);
    expect(audit.stderr).toMatch(/one of the input files/);
    const report = runCli(['report', '-c', 'config.yaml', '--format', 'json', '-o', 'q.json', ...NOW], { cwd: dir });
    expect(report.code, report.stderr).toBe(2);
    expect(report.stderr).toMatch(/one of the input files/);
    expect(readFileSync(path.join(dir, 'q.json'), 'utf8')).toBe(q);
    // The same answers write elsewhere.
    expect(runCli(['audit', '--answers', 'answers.yaml', '--allow-partial', '-o', 'out.json', ...NOW], { cwd: dir }).code).toBe(0);
  });
});

describe('crm-audit validate', () => {
  it('accepts the built-in questionnaire and rejects a broken one', () => {
    expect(runCli(['validate', 'questionnaires/crm-maturity.yaml']).code).toBe(0);
    const bad = runCli(['validate', 'test/fixtures/questionnaires/missing-english-text.yaml']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/questions\[1\]\.text\.en: the en text is missing/);
  });

  it('takes --lang like every other command: its verdict and its errors in that language', () => {
    const ok = runCli(['validate', 'questionnaires/crm-maturity.yaml', '--lang', 'ru']);
    expect(ok.code).toBe(0);
    expect(ok.stderr).toMatch(/анкета верна — разделов: 5, вопросов: 7, баллов: 10/);
    const bad = runCli(['validate', 'test/fixtures/questionnaires/missing-english-text.yaml', '--lang', 'ru']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/^ошибка: .*questions\[1\]\.text\.en: нет текста на языке en/m);
    expect(runCli(['validate', 'questionnaires/crm-maturity.yaml', '--lang', 'en'], { env: { LANG: 'ru_RU.UTF-8' } }).stderr).toMatch(/valid — 5 sections/);
    // T40 F9: «1 sections, 1 questions».
    const one = 'id: one\nversion: 1\nlanguages: [ru, en]\ntitle: { ru: Анкета, en: Survey }\nsections:\n  - id: s\n    title: { ru: Раздел, en: Section }\n    questions:\n      - id: s.q\n        title: { ru: Вопрос, en: Question }\n        points: 1\n        text: { ru: Вопрос?, en: Question? }\n        recommendation: { ru: Сделайте., en: Do it. }\nbands:\n  - { id: low, from: 0, to: 1, title: { ru: Низкий, en: Low }, meaning: { ru: Мало., en: Little. } }\n';
    const single = runCli(['validate', '-', '--lang', 'en'], { input: one });
    expect(single.stderr, single.stderr).toMatch(/valid — 1 section, 1 question, 1 point, 1 band, languages ru, en/);
    // Tester T48 F7: stdin in words, not «-: анкета верна».
    expect(single.stderr).toMatch(/^standard input \(-\): valid/);
    expect(runCli(['validate', '-', '--lang', 'ru'], { input: one }).stderr).toMatch(/^стандартный ввод \(-\): анкета верна/);
  });
});

// A helper gave two answers files, both with problems: only the first file's were named, so each fix showed the next file's.
describe('several answers files with problems', () => {
  it('names every file\'s problems at once, before any export is read', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-answers-'));
    writeFileSync(path.join(dir, 'a.yaml'), 'answers:\n  lead.concept: yes\n');
    writeFileSync(path.join(dir, 'b.yaml'), 'answers:\n  lead.concept: maybe\n  erp.payment: yes\n');
    const run = runCli(['audit', '--answers', 'a.yaml', 'b.yaml', '-d', 'missing.csv', '--lang', 'en', ...NOW], { cwd: dir });
    expect(run.code).toBe(2);
    // Each said at its line and column, as a config's and a targets file's mistakes are (an id with dots is one key).
    expect(run.stderr).toMatch(/^error: a\.yaml, at line 1, column 1, at answers: no answer for /);
    expect(run.stderr).toContain('b.yaml, at line 2, column 3, at answers.lead.concept: "maybe" is not an answer to lead.concept');
    expect(run.stderr).toContain('b.yaml, at line 3, column 3, at answers.erp.payment: unknown question id "erp.payment"');
    expect(run.stderr).not.toContain('missing.csv');
  });
});

// A tester: `reporting.staff: [yes]` was named alone (exit 2); the other four mistakes came only after fixing it; `~` read «».
describe('an answers file with a list among its answers', () => {
  it('names the list with every other mistake, and an empty answer as empty, in both languages', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-answers-'));
    writeFileSync(path.join(dir, 'a.yaml'), ['answers:', '  lead.concept: maybe', '  journal.interactions: ~', '  reporting.management: yes', '  reporting.staff: [yes]', '  erp.catalog: yes', '  erp.bogus: yes', '  telephony.integrated: yes', ''].join('\n'));
    const ru = runCli(['audit', '--answers', 'a.yaml', '--lang', 'ru', ...NOW], { cwd: dir });
    expect(ru.code).toBe(2);
    expect(ru.stdout).toBe('');
    expect(ru.stderr.split('\n').filter((l) => l.startsWith('a.yaml') || l.startsWith('ошибка: a.yaml'))).toEqual([
      'ошибка: a.yaml, строка 2, символ 3, в answers.lead.concept: «maybe» — не ответ на lead.concept',
      'a.yaml, строка 3, символ 3, в answers.journal.interactions: пустое значение (null) — не ответ на journal.interactions',
      'a.yaml, строка 5, символ 3, в answers.reporting.staff: список — не ответ на reporting.staff: ответ — одно значение, без скобок',
      'a.yaml, строка 7, символ 3, в answers.erp.bogus: неизвестный id вопроса «erp.bogus»',
      'a.yaml, строка 1, символ 1, в answers: нет ответа на erp.payments',
    ]);
    expect(ru.stderr).not.toMatch(/\n\s+at /);
    const en = runCli(['audit', '--answers', 'a.yaml', '--lang', 'en', ...NOW], { cwd: dir });
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('a.yaml, at line 3, column 3, at answers.journal.interactions: an empty value (null) is not an answer to journal.interactions');
    expect(en.stderr).toContain('a.yaml, at line 5, column 3, at answers.reporting.staff: a list is not an answer to reporting.staff: an answer is one value, without brackets\n  hint: answer one of: yes, no, skip');
    expect(en.stderr).toContain('a.yaml, at line 1, column 1, at answers: no answer for erp.payments');
  });
});

// A tester: `lead.concept: не знаю` was a skip, `"don't know"` (the interactive label's English) exit 2.
describe("«не знаю» and \"don't know\" in an answers file", () => {
  it('both are a skip, listed as unanswered; "unknown" is still refused', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-answers-'));
    const file = (skip: string) => ['answers:', `  lead.concept: ${skip}`, '  journal.interactions: "не знаю"', '  reporting.management: yes', '  reporting.staff: yes', '  erp.catalog: yes', '  erp.payments: yes', '  telephony.integrated: yes', ''].join('\n');
    writeFileSync(path.join(dir, 'en.yaml'), file('"Don\'t know"'));
    const en = runCli(['audit', '--answers', 'en.yaml', '--lang', 'en', '--format', 'json', ...NOW], { cwd: dir });
    expect(en.code, en.stderr).toBe(0);
    expect(JSON.parse(en.stdout).unanswered).toEqual(['lead.concept', 'journal.interactions']);
    writeFileSync(path.join(dir, 'unknown.yaml'), file('unknown'));
    const ru = runCli(['audit', '--answers', 'unknown.yaml', '--lang', 'ru', ...NOW], { cwd: dir });
    expect(ru.code).toBe(2);
    expect(ru.stderr).toContain('unknown.yaml, строка 2, символ 3, в answers.lead.concept: «unknown» — не ответ на lead.concept');
  });
});

// `--hourly-cost 0` printed «около 0 ₽ в месяц» (the prompt refused 0); 1e21 printed «около 1.575e+23 ₽».
describe('audit --managers and --hourly-cost: the rule of the prompts', () => {
  const run = (...args: string[]) => runCli(['audit', '--answers', 'samples/answers/ahead-of-most.yaml', ...args]);
  it('refuses an hour that costs 0 or more than 10 000 000, in Russian and English', () => {
    for (const cost of ['0', '1e21', '10000001']) {
      const ru = run('--managers', '5', '--hourly-cost', cost, '--lang', 'ru');
      expect(ru.code, ru.stderr).toBe(2);
      expect(ru.stderr).toContain(`--hourly-cost: «${cost}» — нужна цена часа в рублях: число больше 0 и не больше 10 000 000`);
      expect(ru.stdout).toBe('');
      const en = run('--managers', '5', '--hourly-cost', cost, '--lang', 'en');
      expect(en.code).toBe(2);
      expect(en.stderr).toContain(`--hourly-cost: "${cost}" is not an hour's cost in roubles: a number above 0 and at most 10,000,000`);
    }
    expect(run('--managers', '5', '--hourly-cost', '10 000 000', '--lang', 'ru').stdout).toContain('около 1\u00a0050\u00a0000\u00a0000 ₽ в месяц');
  });

  it('refuses 1e3 managers as the prompt does, and a head count past 100 000', () => {
    const r = run('--managers', '1e3', '--lang', 'ru');
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('--managers: «1e3» — нужно число менеджеров по продажам: целое, от 1 до 100 000');
    for (const n of ['0', '100001', '999999999999']) {
      const ru = run('--managers', n, '--lang', 'ru');
      expect(ru.code, ru.stderr).toBe(2);
      expect(ru.stdout).toBe('');
      expect(ru.stderr).toContain(`--managers: «${n}» — нужно число менеджеров по продажам`);
      const en = run('--managers', n, '--lang', 'en');
      expect(en.stderr).toContain(`--managers: "${n}" is not a number of sales managers: a whole number from 1 to 100,000`);
    }
    expect(run('--managers', '100 000'.replace(' ', '_'), '--lang', 'ru').code).toBe(0);
    // Group-separated as --hourly-cost "1 500" is read (a tester), with the same limits.
    const grouped = run('--managers', '1 000', '--hourly-cost', '1 500', '--lang', 'ru');
    expect(grouped.code, grouped.stderr).toBe(0);
    expect(grouped.stdout).toBe(run('--managers', '1000', '--hourly-cost', '1500', '--lang', 'ru').stdout);
    const past = run('--managers', '100 001', '--lang', 'ru');
    expect(past.code).toBe(2);
    expect(past.stderr).toContain('--managers: «100 001» — нужно число менеджеров по продажам: целое, от 1 до 100 000');
    expect(run('--managers', '1,000', '--lang', 'en').stderr).toContain('--managers: "1,000" is not a number of sales managers: a whole number from 1 to 100,000');
    // report takes what audit takes (a reviewer: it printed 20 999 999 999 979 hours).
    const report = runCli(['report', '--answers', 'samples/answers/leader.yaml', '--managers', '999999999999', '--format', 'json', '--lang', 'en']);
    expect(report.code).toBe(2);
    expect(report.stderr).toContain('--managers: "999999999999" is not a number of sales managers');
  });
});

// A tester: `--company 'A|B *x* <b>' --format md` wrote the heading with live emphasis and a raw <b>.
describe('a company name that is also Markdown', () => {
  it('is written as text in the Markdown heading, in both languages', () => {
    for (const lang of ['ru', 'en']) {
      const run = runCli(['audit', '--lang', lang, '--answers', 'samples/answers/leader.yaml', '--company', 'A|B *x* <b>', '--format', 'md', ...NOW]);
      expect(run.code).toBe(0);
      expect(run.stdout.split('\n')[0]).toMatch(/^# .+ — A\\\|B \\\*x\\\* \\<b>$/);
    }
  });
});

// Tester T48 F8: a company of spaces only was kept, and the heading ended in a dangling dash.
describe('a company name of spaces only', () => {
  it('names no company, given as --company or in the answers file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'audit-company-'));
    writeFileSync(path.join(dir, 'a.yaml'), 'questionnaire: crm-maturity\ncompany: "   "\nanswers:\n  lead.concept: yes\n');
    const fromFile = runCli(['audit', '--answers', path.join(dir, 'a.yaml'), '--allow-partial', '--format', 'json', '--now', '2025-06-01']);
    expect(fromFile.code, fromFile.stderr).toBe(0);
    expect(JSON.parse(fromFile.stdout).company).toBeUndefined();
    const given = runCli(['audit', '--answers', 'samples/answers/leader.yaml', '--company', '  ', '--format', 'md', '--lang', 'ru', '--now', '2025-06-01']);
    expect(given.stdout.split('\n')[0]).toBe('# Зрелость использования CRM');
  });
});
