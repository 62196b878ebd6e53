import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
const COMMANDS = ['audit', 'validate', 'kpi', 'inspect', 'compare', 'report', 'generate', 'demo'];

describe('the CLI contract', () => {
  it('prints --version', () => {
    const run = runCli(['--version']);
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe(pkg.version);
  });

  it.each(COMMANDS)('%s --help has an Examples block and exits 0', (command) => {
    const run = runCli([command, '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Examples:\n {2}# .+\n {2}\$ crm-audit /);
  });

  // `crm-audit --lang en` answered, in English, that --lang was an unknown option.
  it('--lang with no command prints the help in that language, as no command at all does', () => {
    const en = runCli(['--lang', 'en']);
    expect(en.code).toBe(0);
    expect(en.stdout + en.stderr).toMatch(/^Usage: crm-audit \[options\] \[command\]/);
    expect(en.stderr).not.toMatch(/unknown option/);
    const ru = runCli(['--lang=ru']);
    expect(ru.stdout + ru.stderr).toMatch(/^Использование: crm-audit \[параметры\] \[команда\]/);
    expect(runCli(['--lang', 'en', 'bogus']).code).toBe(2);
  });

  // A tester: `crm-audit --lang en kpi …` said «unknown option '--lang'», the language understood all the same.
  it('takes --lang before the command as the command\'s option', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-lang-'));
    writeFileSync(path.join(dir, 'deals.csv'), 'ID;Ответственный;Этап сделки;Бюджет;Дата создания\n1;Иванов;Успешно реализовано;1000;01.03.2025\n');
    const en = runCli(['--lang', 'en', 'inspect', 'deals.csv'], { cwd: dir, env: { LANG: 'ru_RU.UTF-8' } });
    expect(en.code, en.stderr).toBe(0);
    expect(en.stdout).toMatch(/^ {2}kind: {7}deals$/m);
    const kpi = runCli(['--lang', 'en', 'kpi', '-d', 'deals.csv', '--format', 'json'], { cwd: dir, env: { LANG: 'ru_RU.UTF-8' } });
    expect(kpi.code, kpi.stderr).toBe(0);
    expect(JSON.parse(kpi.stdout)).toMatchObject({ total: { leads: 1, won: 1, revenue: 1000 } });
    expect(runCli(['--lang', 'en', 'kpi', '-d', 'deals.csv'], { cwd: dir, env: { LANG: 'ru_RU.UTF-8' } }).stdout).toMatch(/^Sales KPIs per manager/);
    const ru = runCli(['--lang=ru', 'inspect', 'deals.csv'], { cwd: dir });
    expect(ru.stdout).toMatch(/^ {2}вид: {8}сделки$/m);
    expect(runCli(['--lang', 'en', 'help', 'kpi']).stdout).toMatch(/^Usage: crm-audit kpi \[options\]/);
  });

  // `crm-audit help foo` printed the top-level help and exited 0: a CI script checking `help X` got a success.
  it('`help` of a command there is not exits 2 as that command does', () => {
    for (const args of [['help', 'foo'], ['foo']]) {
      const run = runCli(args);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^error: unknown command 'foo'\n/);
      expect(run.stdout).toBe('');
    }
    expect(runCli(['help', 'foo'], { env: { LANG: 'ru_RU.UTF-8' } }).stderr).toMatch(/^ошибка: неизвестная команда «foo»\n/);
    expect(runCli(['help', 'kpi']).code).toBe(0);
  });

  it('exits 2 on an unknown command or option', () => {
    expect(runCli(['bogus']).code).toBe(2);
    const run = runCli(['audit', '--bogus']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unknown option '--bogus'/);
  });

  it('exits 2 on a bad option value without a stack', () => {
    const run = runCli(['audit', '--answers', 'samples/answers/leader.yaml', '--managers', 'many']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--managers: "many" is not a number of sales managers: a whole number from 1 to 100,000/);
    expect(run.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });

  it('refuses a report date it cannot read instead of falling back to the clock: --now "" and SOURCE_DATE_EPOCH=abc', () => {
    const now = runCli(['audit', '--answers', 'samples/answers/leader.yaml', '--now', '']);
    expect(now.code).toBe(2);
    expect(now.stderr).toMatch(/--now: "" is not a date/);
    const epoch = runCli(['audit', '--answers', 'samples/answers/leader.yaml', '--lang', 'ru'], { env: { SOURCE_DATE_EPOCH: 'abc' } });
    expect(epoch.code).toBe(2);
    expect(epoch.stderr).toMatch(/SOURCE_DATE_EPOCH: «abc» — не целое число секунд с 01\.01\.1970/);
    // Read as strictly as --from: no day rolled over, no month-first guess.
    for (const value of ['2025-02-30', '1/4/2025']) {
      const loose = runCli(['audit', '--answers', 'samples/answers/leader.yaml', '--now', value, '--lang', 'en']);
      expect(loose.code, value).toBe(2);
      expect(loose.stderr).toContain(`--now: "${value}" is not a date`);
      expect(loose.stderr).toContain('31.01.2025');
    }
    // Set but empty, as some CI systems leave it: unset.
    expect(runCli(['audit', '--answers', 'samples/answers/leader.yaml', '--format', 'json'], { env: { SOURCE_DATE_EPOCH: '' } }).code).toBe(0);
  });

  it('refuses a SOURCE_DATE_EPOCH past the year 9999 as --now is refused (it was an internal error in a workbook), a --time-offset no time zone has, a --callback-window without its unit', () => {
    const far = runCli(['kpi', '-d', 'samples/amocrm-deals.csv', '--format', 'xlsx', '--lang', 'ru'], { env: { SOURCE_DATE_EPOCH: '99999999999999' } });
    expect(far.code).toBe(2);
    expect(far.stderr).toContain('SOURCE_DATE_EPOCH: «99999999999999» — не целое число секунд с 01.01.1970 (и не позже конца 9999 года)');
    expect(far.stderr).not.toMatch(/внутренняя ошибка|Invalid time value/);
    // --now in the same range (tester T60: `--now 0000-01-01` dated a report 01.01.0000).
    const early = runCli(['kpi', '-d', 'samples/amocrm-deals.csv', '--now', '0000-01-01', '--lang', 'ru']);
    expect([early.code, early.stdout]).toEqual([2, '']);
    expect(early.stderr).toContain('--now: «0000-01-01» — дата вне 1970–9999 годов');
    expect(runCli(['kpi', '-d', 'samples/amocrm-deals.csv', '--now', '1969-12-31', '--lang', 'en']).stderr).toContain('--now: "1969-12-31" is a date outside the years 1970-9999');
    for (const value of ['2:75', '27']) {
      const run = runCli(['kpi', '-d', 'samples/amocrm-deals.csv', '-a', 'samples/bitrix24-calls.xls', '--time-offset', value, '--lang', 'en']);
      expect(run.code, value).toBe(2);
      expect(run.stderr).toContain(`--time-offset must be hours up to 26 (minutes up to 59) such as -3, +2 or +5:30, got "${value}"`);
    }
    const bare = runCli(['kpi', '-d', 'samples/amocrm-deals.csv', '--callback-window', '3600', '--lang', 'en']);
    expect(bare.code).toBe(2);
    expect(bare.stderr).toContain('--callback-window must be a duration with its unit (h hours, m minutes, d days)');
    expect(runCli(['kpi', '-d', 'samples/amocrm-deals.csv', '--callback-window', '36h', '--time-offset', '+5:30', '--format', 'json']).code).toBe(0);
  });

  it('start-up loads only commander: exceljs and the prompt library are imported lazily', () => {
    // Walk the static imports of the built CLI entry (dynamic import() is what keeps start-up light).
    const seen = new Set<string>();
    const packages = new Set<string>();
    const visit = (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const source = readFileSync(file, 'utf8');
      for (const m of source.matchAll(/^(?:import\s+(?:[\w$*{},\s]+?\s+from\s+)?|export\s+(?:\*(?:\s+as\s+\w+)?|\{[^}]*\})\s+from\s+)['"]([^'"]+)['"]/gm)) {
        const spec = m[1]!;
        if (spec.startsWith('.')) visit(path.resolve(path.dirname(file), spec));
        else if (!spec.startsWith('node:')) packages.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
      }
    };
    // From the binary: it loads the bundle (dist/bin/), whose chunks import one another statically.
    visit(path.join(ROOT, 'bin/crm-audit.js'));
    expect([...seen].some((f) => f.includes(`${path.sep}dist${path.sep}bin${path.sep}`))).toBe(true);
    expect(seen.size).toBeGreaterThan(2);
    expect([...packages].sort()).toEqual(['commander']);
  });
});

describe('one language a run', () => {
  it('without --lang the report speaks the locale\'s language, as the messages do: English under en_US, Russian under ru_RU or a locale naming none', () => {
    const deals = 'id,manager,created_at,status\n1,A,2024-01-01,won\n';
    const en = runCli(['kpi', '-d', '-'], { input: deals, env: { LANG: 'en_US.UTF-8' } });
    expect(en.stdout).toContain('Sales KPIs per manager');
    for (const LANG of ['ru_RU.UTF-8', 'C.UTF-8', '']) expect(runCli(['kpi', '-d', '-'], { input: deals, env: { LANG } }).stdout, LANG).toContain('Показатели продаж по менеджерам');
    // --lang wins over the locale, both ways.
    expect(runCli(['kpi', '-d', '-', '--lang', 'ru'], { input: deals, env: { LANG: 'en_US.UTF-8' } }).stdout).toContain('Показатели продаж');
    expect(runCli(['kpi', '-d', '-', '--lang', 'en'], { input: deals, env: { LANG: 'ru_RU.UTF-8' } }).stdout).toContain('Sales KPIs');    // report too, where no config names a language.
    expect(runCli(['report', '-d', '-', '--format', 'md'], { input: deals, env: { LANG: 'en_US.UTF-8' } }).stdout).toContain('## crm-audit report');
    expect(runCli(['report', '-d', '-', '--format', 'md'], { input: deals, env: { LANG: 'ru_RU.UTF-8' } }).stdout).toContain('Отчёт crm-audit');
  });
});

// T40 F11: `-v` got «неизвестный параметр» with no word of -V, where commander suggests a long option.
describe('-v for the version', () => {
  it('is unknown, with -V suggested, in the run\'s language', () => {
    const ru = runCli(['-v'], { env: { LANG: 'ru_RU.UTF-8' } });
    expect(ru.code).toBe(2);
    expect(ru.stderr).toContain('ошибка: неизвестный параметр «-v»\n(может быть, -V?)');
    expect(runCli(['-v', '--lang', 'en']).stderr).toContain("error: unknown option '-v'\n(Did you mean -V?)");
  });
});
