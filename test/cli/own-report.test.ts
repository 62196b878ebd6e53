import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

// `kpi -d kpi.csv` (the report kpi had just written) was «это похоже на план продаж … передайте этот
// файл как --plan», and --plan then failed on its month. crm-audit's own report is named as one.
const dir = mkdtempSync(path.join(tmpdir(), 'own-report-cli-'));
const at = (name: string) => path.join(dir, name);
const D = 'samples/amocrm-deals.csv';
const BA = ['--before-deals', 'samples/before-after/before-deals.csv', '--after-deals', 'samples/before-after/after-deals.csv'];

describe("crm-audit's own report given as an export", () => {
  beforeAll(() => {
    for (const [args, out] of [
      [['kpi', '-d', D], 'kpi.csv'],
      [['kpi', '-d', D, '--lang', 'en'], 'kpi.xlsx'],
      [['compare', ...BA], 'compare.csv'],
      [['report', '-d', D], 'report.xlsx'],
      [['audit', '--answers', 'samples/answers/leader.yaml'], 'audit.xlsx'],
    ] as const) {
      const run = runCli([...args, '--now', '2025-06-01', '-o', at(out)]);
      expect(run.code, run.stderr).toBe(0);
    }
  }, 60_000);

  it('kpi -d kpi.csv: named as the report, in Russian and English, not a plan', () => {
    const ru = runCli(['kpi', '-d', at('kpi.csv'), '--lang', 'ru']);
    expect(ru.code).toBe(2);
    expect(ru.stderr).toBe(
      `ошибка: ${at('kpi.csv')}: --deals: это отчёт самого crm-audit (crm-audit kpi), а не выгрузка сделок\n` +
        '  подсказка: передайте в --deals исходный файл (выгрузка сделок), а не отчёт по нему; чтобы сравнить с прошлым запуском, сохраните его результат в JSON (crm-audit report … --format json -o прошлый.json) и передайте этот файл в --baseline\n',
    );
    const en = runCli(['kpi', '-d', at('kpi.csv'), '--lang', 'en']);
    expect(en.stderr).toBe(
      `error: ${at('kpi.csv')}: --deals is a report crm-audit wrote (crm-audit kpi), not a deals export\n` +
        '  hint: pass as --deals the file the report was made from (a deals export), not the report; to compare with an earlier run, save its result as JSON (crm-audit report … --format json -o previous.json) and pass that file to --baseline\n',
    );
  });

  it.each([
    ['kpi -d kpi.xlsx', ['kpi', '-d', 'FILE:kpi.xlsx'], undefined, '--deals is a report crm-audit wrote (crm-audit kpi), not a deals export'],
    ['kpi -d - < kpi.xlsx', ['kpi', '-d', '-'], 'kpi.xlsx', '--deals is a report crm-audit wrote (crm-audit kpi), not a deals export'],
    ['kpi --plan kpi.csv', ['kpi', '-d', D, '--plan', 'FILE:kpi.csv'], undefined, '--plan is a report crm-audit wrote (crm-audit kpi), not a sales plan'],
    ['kpi -a kpi.csv', ['kpi', '-d', D, '-a', 'FILE:kpi.csv'], undefined, '--activities is a report crm-audit wrote (crm-audit kpi), not a call and activity log'],
    ['kpi -d compare.csv', ['kpi', '-d', 'FILE:compare.csv'], undefined, '--deals is a report crm-audit wrote (crm-audit compare), not a deals export'],
    ['compare --before-deals compare.csv', ['compare', '--before-deals', 'FILE:compare.csv', '--after-deals', D], undefined, '--before-deals is a report crm-audit wrote (crm-audit compare)'],
    ['compare --cutover, -d - < report.xlsx', ['compare', '-d', '-', '--cutover', '2024-10-01'], 'report.xlsx', '--deals is a report crm-audit wrote (crm-audit report), not a deals export'],
    ['report -d report.xlsx', ['report', '-d', 'FILE:report.xlsx'], undefined, '--deals is a report crm-audit wrote (crm-audit report), not a deals export'],
    ['kpi -d audit.xlsx', ['kpi', '-d', 'FILE:audit.xlsx'], undefined, '--deals is an audit report crm-audit wrote (crm-audit audit), not a deals export'],
  ])('%s', (_name, args, input, said) => {
    const run = runCli([...args.map((a) => (a.startsWith('FILE:') ? at(a.slice(5)) : a)), '--lang', 'en'], input ? { input: readFileSync(at(input)) } : {});
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain(said);
    expect(run.stderr).toContain('hint: pass as --');
    expect(run.stderr).not.toMatch(/sales plan, not|pass it as --plan|\bat .*\.js:\d+/);
  });

  it('kpi -d audit.xlsx: an audit is compared through audit --baseline, not kpi', () => {
    const run = runCli(['kpi', '-d', at('audit.xlsx'), '--lang', 'ru']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(
      `ошибка: ${at('audit.xlsx')}: --deals: это отчёт аудита самого crm-audit (crm-audit audit), а не выгрузка сделок\n` +
        '  подсказка: передайте в --deals выгрузку из CRM; чтобы сравнить аудит с прошлым, сохраните прошлый в JSON (crm-audit audit … --format json -o прошлый.json) и передайте его в crm-audit audit --baseline\n',
    );
  });

  // inspect and map without --kind read kpi's report as a sales plan (inspect printed its 31 columns, map asked for a month).
  it.each([
    ['inspect', 'kpi.csv', 'kpi', ' (or say its kind with --kind if it is an export after all)'],
    ['inspect', 'audit.xlsx', 'audit', ' (or say its kind with --kind if it is an export after all)'],
    ['map', 'kpi.csv', 'kpi', ''],
    ['map', 'report.xlsx', 'report', ''],
  ])('%s %s: named as the report of crm-audit %s', (command, file, wrote, kindHint) => {
    const run = runCli([command, at(file), '--lang', 'en']);
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe(`error: ${at(file)}: this is a report crm-audit wrote (crm-audit ${wrote}), not an export of a CRM\n  hint: crm-audit ${command} reads exports of a CRM: pass the file the report was made from${kindHint}\n`);
  });

  it('inspect with --kind reads the file as told (a report the user says is an export)', () => {
    const run = runCli(['inspect', at('kpi.csv'), '--kind', 'plan', '--lang', 'ru']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('план продаж');
  });

  it('inspect of the report in Russian prints no English', () => {
    const run = runCli(['inspect', at('kpi.csv'), '--lang', 'ru']);
    expect(run.stderr).toBe(`ошибка: ${at('kpi.csv')}: это отчёт самого crm-audit (crm-audit kpi), а не выгрузка из CRM\n  подсказка: crm-audit inspect читает выгрузки из CRM: передайте файл, из которого сделан отчёт (или укажите вид через --kind, если это всё же выгрузка)\n`);
  });

  // audit -d answers.yaml got a --map snippet mapping manager to «#1» from its `questionnaire:` line.
  it.each([
    ['audit -d', ['audit', '-d', 'samples/answers/leader.yaml'], '--deals'],
    ['kpi -d', ['kpi', '-d', 'samples/answers/not-started.yaml'], '--deals'],
    ['kpi -p', ['kpi', '-d', D, '-p', 'samples/answers/leader.yaml'], '--payments'],
  ])('%s answers.yaml: named as an answers file, with --answers', (_name, args, option) => {
    const file = args[args.length - 1]!;
    const run = runCli([...args, '--lang', 'ru']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`ошибка: ${file}: ${option}: это файл ответов аудита, а не ${option === '--deals' ? 'выгрузка сделок' : 'выгрузка платежей'}\n  подсказка: ответы передаются так: crm-audit audit --answers ${file}; в ${option} нужна выгрузка из CRM\n`);
  });
});
