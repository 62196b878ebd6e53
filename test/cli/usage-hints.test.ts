import { spawnSync } from 'node:child_process';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { BIN, ROOT, runCli } from '../helpers/cli.js';
import { latinWords } from '../helpers/latin-words.js';

// A new user's first mistakes and the words they got back (a tester's first contact, t16).
const DIR = mkdtempSync(path.join(tmpdir(), 'crm-audit-hints-'));
afterAll(() => rmSync(DIR, { recursive: true, force: true }));
const DEALS = path.join(ROOT, 'samples', 'amocrm-deals.csv');
const ru = (args: string[], cwd = ROOT) => runCli(args, { cwd, env: { LANG: 'ru_RU.UTF-8' } });

describe('generate', () => {
  // `generate --lang en` was «unknown option '--lang'», though its --help obeyed it.
  it('takes --lang as every command does, and says what it wrote as «Записано: FILE (size)», each file with its size', () => {
    for (const [lang, word, comma] of [['en', 'Written', '.'], ['ru', 'Записано', ',']] as const) {
      const out = path.join(DIR, `gen-${lang}`);
      const run = runCli(['generate', '--deals', '20', '--activities', '30', '-o', out, '--lang', lang], { env: { LANG: lang === 'en' ? 'ru_RU.UTF-8' : 'en_US.UTF-8' } });
      expect(run.code, run.stderr).toBe(0);
      const size = (name: string) => {
        const bytes = statSync(path.join(out, name)).size;
        const unit = lang === 'en' ? (bytes < 1000 ? 'bytes' : 'KB') : bytes < 1000 ? (bytes % 10 >= 2 && bytes % 10 <= 4 && !(bytes % 100 >= 12 && bytes % 100 <= 14) ? 'байта' : 'байт') : 'КБ';
        return `${bytes < 1000 ? bytes : (bytes / 1000).toFixed(1).replace('.', comma)} ${unit}`;
      };
      const files = ['deals.csv', 'activities.csv', 'payments.csv'].map((f) => `${path.join(out, f)} (${size(f)})`);
      expect(run.stderr).toBe(`${word}: ${files.join(', ')}\n`);
    }
  });
});

describe('an argument a command does not take', () => {
  // `kpi deals.csv` (-d forgotten) was «у команды kpi лишние аргументы: ожидалось 0, получено 1».
  it('names the argument and the option a deals export is given with', () => {
    const run = ru(['kpi', 'deals.csv']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('ошибка: kpi: лишний аргумент «deals.csv»\n  подсказка: выгрузку сделок передают так: -d deals.csv\n');
    expect(runCli(['kpi', 'deals.csv']).stderr).toBe('error: kpi: unexpected argument "deals.csv"\n  hint: a deals export is given as -d deals.csv\n');
    expect(ru(['compare', 'my deals.csv', '--cutover', '2025-01-01']).stderr).toBe('ошибка: compare: лишний аргумент «my deals.csv»\n  подсказка: выгрузку сделок передают так: -d "my deals.csv"\n');
    expect(ru(['report', 'deals.xlsx']).stderr).toBe('ошибка: report: лишний аргумент «deals.xlsx»\n  подсказка: выгрузку сделок передают так: -d deals.xlsx\n');
  });

  it('names the options that take files, the answers option for a YAML file, and -o for generate', () => {
    expect(ru(['kpi', '-d', DEALS, 'calls.xls']).stderr).toBe('ошибка: kpi: лишний аргумент «calls.xls»\n  подсказка: файлы передают через параметры: -d, -a, -p, --spend, --plan, --map\n');
    expect(ru(['audit', 'answers.yaml']).stderr).toBe('ошибка: audit: лишний аргумент «answers.yaml»\n  подсказка: ответы аудита передают так: --answers answers.yaml\n');
    expect(runCli(['report', 'ci.yaml']).stderr).toBe('error: report: unexpected argument "ci.yaml"\n  hint: a config file is given as -c ci.yaml, and audit answers as --answers ci.yaml\n');
    expect(ru(['generate', 'data']).stderr).toBe('ошибка: generate: лишний аргумент «data»\n  подсказка: папку для файлов передают так: -o data\n');
  });

  // `--cost 1,5 млн`: the shell split the value at its space.
  it('after a value with a space not quoted, says to quote it', () => {
    const run = ru(['compare', '-d', DEALS, '--cutover', '2025-01-01', '--cost', '1,5', 'млн']);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('ошибка: compare: лишний аргумент «млн» после --cost 1,5\n  подсказка: значение с пробелом берут в кавычки: --cost "1,5 млн"\n');
    expect(runCli(['kpi', '-d', DEALS, '--company', 'Acme', 'Trading', 'Ltd']).stderr).toBe('error: kpi: unexpected argument "Trading" after --company Acme\n  hint: quote a value with a space: --company "Acme Trading Ltd"\n');
    expect(ru(['compare', '-d', DEALS, '--cutover', '2025-01-01', '--cost=1', '500', '000']).stderr).toBe('ошибка: compare: лишний аргумент «500» после --cost 1\n  подсказка: значение с пробелом берут в кавычки: --cost "1 500 000"\n');
  });
});

describe('help and hints', () => {
  // report --help said «ru or the config», while the run followed the locale.
  it('report --help says the order the language is chosen in', () => {
    expect(runCli(['report', '--help']).stdout.replace(/\s+/g, ' ')).toContain("--lang <lang> report language (default: the config's, else from the locale, else ru)");
    expect(ru(['report', '--help']).stdout.replace(/\s+/g, ' ')).toContain('--lang <язык> язык отчёта (по умолчанию — из файла настроек, иначе по локали, иначе русский)');
  });

  it('a misspelt --by gets «did you mean», as a misspelt --metrics does', () => {
    const run = ru(['kpi', '-d', DEALS, '--by', 'sorce']);
    expect(run.code).toBe(2);
    expect(run.stderr.split('\n')[0]).toBe('ошибка: --by: «sorce» — не группировка; возможно, вы имели в виду source');
    expect(runCli(['kpi', '-d', DEALS, '--by', 'source,monht']).stderr.split('\n')[0]).toBe('error: --by: "monht" is not a grouping; did you mean month?');
  });

  // «-a теперь означает --activities»: a new user never knew another meaning.
  it('-a given audit answers says what -a is, without history words', () => {
    const file = path.join(DIR, 'answers.yaml');
    writeFileSync(file, 'questionnaire: crm-maturity\nanswers:\n  q1: yes\n');
    expect(ru(['audit', '-a', 'answers.yaml'], DIR).stderr).toBe('ошибка: answers.yaml: -a — это --activities (выгрузка звонков), а в этом файле ответы аудита\n  подсказка: передайте ответы так: --answers answers.yaml\n');
    expect(runCli(['audit', '-a', 'answers.yaml'], { cwd: DIR }).stderr).toBe('error: answers.yaml: -a is --activities (the calls export), and this file holds audit answers\n  hint: pass the answers with --answers answers.yaml\n');
  });

  it('two missing columns are not «назовите её»', () => {
    const file = path.join(DIR, 'renamed.csv');
    writeFileSync(file, 'id,Куратор,Поступила,status,amount\n1,Анна Петрова,2025-01-05,won,1000\n2,Иван Сидоров,2025-01-06,lost,2000\n');
    const run = ru(['kpi', '-d', 'renamed.csv'], DIR);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('\n  подсказка: укажите в файле --map, из какой колонки брать недостающее, и передайте его через --map (crm-audit inspect renamed.csv --kind deals покажет все колонки); вот готовый фрагмент:\n');
  });

  // There is no section «CI»; there is «`crm-audit report` (CI)».
  it('«nothing to report» names a README section that is there', () => {
    const run = ru(['report', '-o', 'report.xlsx'], DIR);
    expect(run.stderr).toBe('ошибка: отчитываться не о чем\n  подсказка: укажите --answers и/или --deals или файл crm-audit.config.yaml (см. раздел «crm-audit report (CI)» в README.md)\n');
    expect(runCli(['report', '-o', 'report.xlsx'], { cwd: DIR }).stderr).toContain('(see the README section "crm-audit report (CI)")');
    expect(readFileSync(path.join(ROOT, 'README.md'), 'utf8')).toMatch(/^### `crm-audit report` \(CI\)$/m);
  });

  // A JSON run to a full disk was told «-o отчёт.xlsx».
  it.skipIf(!existsSync('/dev/full'))('stdout on a full disk suggests -o with the extension of the run\'s format', () => {
    const hint = (args: string[], lang: string) => {
      const fd = openSync('/dev/full', 'w');
      try {
        const res = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, stdio: ['ignore', fd, 'pipe'], env: { ...process.env, NO_COLOR: '1', LANG: lang, LC_ALL: '' } });
        return res.stderr.toString('utf8').split('\n')[1];
      } finally {
        closeSync(fd);
      }
    };
    expect(hint(['kpi', '-d', DEALS, '--format', 'json'], 'ru_RU.UTF-8')).toBe('  подсказка: проверьте, что на диске, куда перенаправлен вывод, есть место, или запишите результат файлом: -o отчёт.json');
    expect(hint(['kpi', '-d', DEALS, '--format', 'md'], 'en_US.UTF-8')).toBe('  hint: check that the disk the output is redirected to has space, or write the result to a file: -o report.md');
    // What no -o writes (--help) is told of the disk alone.
    expect(hint(['--help'], 'ru_RU.UTF-8')).toBe('  подсказка: проверьте, что на диске, куда перенаправлен вывод, есть место');
  });
});

// The demo's heading wrote the go-live day as 2025-01-01 among Russian dates (01.01.2025).
describe('demo', () => {
  it('writes the go-live day of a Russian heading as ДД.ММ.ГГГГ', () => {
    const run = ru(['demo'], mkdtempSync(path.join(DIR, 'demo-')));
    expect(run.code, run.stderr).toBe(0);
    const heading = run.stdout.split('\n').find((l) => l.startsWith('== До и после'));
    expect(heading).toBe('== До и после внедрения CRM (запуск 01.01.2025), окупаемость');
    expect(latinWords(heading!)).toEqual([]);
  });
});
