import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { latinWords } from '../helpers/latin-words.js';

const SAMPLES = path.resolve('samples');

// Tester T66 L4: a config's path to no file was said as an export's «sp.csv: no such file», naming neither
// the config nor its key, with a hint about the working folder where the path is the config's folder's.
describe('a report config whose paths name no file', () => {
  function folder(config: string): string {
    const dir = mkdtempSync(path.join(tmpdir(), 'config-paths-'));
    mkdirSync(path.join(dir, 'ci'));
    writeFileSync(path.join(dir, 'ci', 'crm-audit.config.yaml'), config);
    return dir;
  }

  it('is refused at each key and line, with the path looked for from the config folder, in both languages', () => {
    const dir = folder(`kpi: { deals: ${path.join(SAMPLES, 'amocrm-deals.csv')}, spend: spend.csv }\nmap: maps/map.yaml\n`);
    const en = runCli(['report', '-c', 'ci/crm-audit.config.yaml', '--format', 'json', '--lang', 'en'], { cwd: dir });
    expect(en.code).toBe(2);
    expect(en.stdout).toBe('');
    expect(en.stderr).toMatch(/^error: ci\/crm-audit\.config\.yaml, at line 1, column \d+, at kpi\.spend: no such file: "spend\.csv"$/m);
    expect(en.stderr).toContain('hint: a path in a config file is relative to its folder: looked for "ci/spend.csv"; check the path');
    expect(en.stderr).toContain('ci/crm-audit.config.yaml, at line 2, column 1, at map: no such file: "maps/map.yaml"');
    const ru = runCli(['report', '-c', 'ci/crm-audit.config.yaml', '--format', 'json', '--lang', 'ru'], { cwd: dir });
    expect(ru.stderr).toContain('в kpi.spend: файл не найден: «spend.csv»');
    expect(ru.stderr).toContain('путь в файле настроек считается от папки этого файла: искали «ci/spend.csv»');
    expect(latinWords(ru.stderr.replace(/kpi\.spend|map|ci\/crm-audit\.config\.yaml|spend\.csv|maps\/map\.yaml|ci\/spend\.csv|ci\/maps\/map\.yaml/g, ''))).toEqual([]);
  });

  // Review R52: a questionnaire named by a bare file name was missed by the check (the config hands it on as ./myq.yaml).
  it('is refused at audit.questionnaire for a bare questionnaire file name; a config on stdin names the working folder', () => {
    const dir = folder(`audit: { answers: ${path.join(SAMPLES, 'answers', 'leader.yaml')}, questionnaire: myq.yaml }\n`);
    const run = runCli(['report', '-c', 'ci/crm-audit.config.yaml', '--format', 'json', '--lang', 'en'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/at audit\.questionnaire: no such file: "myq\.yaml"\n {2}hint: a path in a config file is relative to its folder: looked for "ci\/myq\.yaml"/);
    const stdin = runCli(['report', '-c', '-', '--format', 'json', '--lang', 'en'], { cwd: dir, input: 'kpi:\n  deals: nosuch.csv\n' });
    expect(stdin.code).toBe(2);
    expect(stdin.stderr).toContain('at kpi.deals: no such file: "nosuch.csv"\n  hint: a path in a config read from stdin is relative to the current folder: looked for "nosuch.csv"');
  });

  // Review R52 (L3): a folder given for a file, and a shell's `~`, kept the export's keyless error.
  it('is refused at its key for a folder given for a file, and for a path starting with ~, each with its own hint', () => {
    const dir = folder(`kpi:\n  deals: ${path.join(SAMPLES, 'amocrm-deals.csv')}\n  activities: exports\n  payments: ~/exports/payments.csv\n`);
    mkdirSync(path.join(dir, 'ci', 'exports'));
    const en = runCli(['report', '-c', 'ci/crm-audit.config.yaml', '--format', 'json', '--lang', 'en'], { cwd: dir });
    expect(en.code).toBe(2);
    expect(en.stdout).toBe('');
    expect(en.stderr).toContain('ci/crm-audit.config.yaml, at line 3, column 3, at kpi.activities: a folder, not a file: "exports"\n  hint: name the export file in that folder (looked for "ci/exports")');
    expect(en.stderr).toContain('at kpi.payments: no such file: "~/exports/payments.csv"\n  hint: "~" in a config file is not the home folder: write the full path, or one relative to the config\'s folder (looked for "ci/~/exports/payments.csv")');
    const ru = runCli(['report', '-c', 'ci/crm-audit.config.yaml', '--format', 'json', '--lang', 'ru'], { cwd: dir });
    expect(ru.stderr).toContain('в kpi.activities: это папка, а не файл: «exports»');
    expect(ru.stderr).toContain('«~» в файле настроек не означает домашнюю папку: напишите полный путь или путь от папки файла настроек');
    expect(latinWords(ru.stderr.replace(/kpi\.\w+|ci\/[\w~/.-]+|~\/exports\/payments\.csv|exports/g, ''))).toEqual([]);
  });

  // Review R53 (L3): Excel's lock file «~$deals.xlsx» starts with ~ and is no home folder.
  it('says the home-folder hint only of a path that is ~ or starts with ~/ or ~user/', () => {
    const dir = folder(`kpi:\n  deals: "~$deals.csv"\n`);
    const en = runCli(['report', '-c', 'ci/crm-audit.config.yaml', '--format', 'json', '--lang', 'en'], { cwd: dir });
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('at kpi.deals: no such file: "~$deals.csv"\n  hint: a path in a config file is relative to its folder');
  });

  it('is read when an option replaces the missing path, and says nothing of it', () => {
    const dir = folder(`kpi: { deals: exports/deals.csv }\n`);
    const run = runCli(['report', '-c', 'ci/crm-audit.config.yaml', '--format', 'json', '-d', path.join(SAMPLES, 'amocrm-deals.csv'), '--now', '2026-01-01'], { cwd: dir });
    expect(run.code).toBe(0);
    expect(run.stderr).not.toContain('exports/deals.csv');
    expect(JSON.parse(run.stdout).kpi.total.leads).toBeGreaterThan(0);
  });
});
