import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

/**
 * The README's CI config and its GitHub Actions and GitLab jobs, run as written on the samples (a tester: the
 * documented job failed its first run with exit 2, previous.json missing, or «нет «delta»» for a `warn:` check;
 * so it never saved previous.json and failed every run after).
 */
const README = readFileSync(path.join(ROOT, 'README.md'), 'utf8');
const CONFIG = /```yaml\n(# crm-audit\.config\.yaml\n[\s\S]*?)```/.exec(README)![1]!;
/** The job's `node bin/crm-audit.js report …` lines (GitHub's, then GitLab's), without the redirect to the job summary. */
const COMMANDS = [...README.matchAll(/node bin\/crm-audit\.js (report -c sales\/crm-audit\.config\.yaml[^\n]*)/g)].map((m) => m[1]!.replace(/\s*>>.*$/, ''));
const NOW = ['--now', '2025-07-01T00:00:00Z'];

/** A checkout with the sales data where the config names it: answers, deals, calls, payments and the plan. */
function checkout(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-readme-ci-'));
  mkdirSync(path.join(dir, 'sales', 'exports'), { recursive: true });
  writeFileSync(path.join(dir, 'sales', 'crm-audit.config.yaml'), CONFIG);
  const s = (f: string) => path.join(ROOT, 'samples', f);
  copyFileSync(s('answers/leader.yaml'), path.join(dir, 'sales', 'audit-answers.yaml'));
  for (const [from, to] of [['amocrm-deals.csv', 'deals.csv'], ['bitrix24-calls.xls', 'calls.xls'], ['payments.csv', 'payments.csv'], ['plan.csv', 'plan.csv']]) copyFileSync(s(from!), path.join(dir, 'sales', 'exports', to!));
  return dir;
}

/** One job line as the shell runs it: `$BASE` is `--baseline previous.json` once that file exists. */
function run(dir: string, command: string) {
  const base = existsSync(path.join(dir, 'previous.json')) ? '--baseline previous.json' : '';
  const args = command.replace('$BASE', base).split(/\s+/).filter(Boolean);
  return runCli([...args, ...NOW], { cwd: dir });
}

describe("the README's CI config and workflows", () => {
  it('are in the README as the test reads them: a warn: delta.* check, no baseline in the config, $BASE on the command line', () => {
    expect(CONFIG).toContain("- 'warn:delta.total.conversion>=-0.02'");
    expect(CONFIG).not.toMatch(/^baseline:/m);
    expect(COMMANDS).toHaveLength(4);
    expect(README).toContain('BASE=$([ -f previous.json ] && echo "--baseline previous.json")');
  });

  it('pass the first run (no previous.json): the warn: delta check is skipped with a note, then judged once previous.json is saved', () => {
    const dir = checkout();
    const [json, md] = COMMANDS;
    const first = run(dir, json!);
    expect(first.stderr).not.toMatch(/ошибка/);
    expect(first.code).toBe(0);
    // 11 = 6 of the config + 5 of the recommended preset; 2 warnings (response, touches); the delta one skipped.
    expect(first.stderr).toContain('8 из 11 проверок пройдено, 2 предупреждения, 1 пропущена (нет прошлого результата для delta.*: дайте --baseline previous.json — вывод report --format json прошлого запуска)');
    const result = JSON.parse(readFileSync(path.join(dir, 'current.json'), 'utf8'));
    expect(result.assertions.find((a: { assertion: string }) => a.assertion === 'delta.total.conversion>=-0.02')).toEqual({ assertion: 'delta.total.conversion>=-0.02', op: '>=', expected: -0.02, level: 'warn', passed: true, failures: [], skipped: 'no_baseline' });
    expect(result.failed).toEqual({ errors: 0, warnings: 2 });
    const summary = run(dir, md!);
    expect(summary.code).toBe(0);
    expect(summary.stdout).toContain('- ⏭️ `delta.total.conversion>=-0.02` — пропущена: нет прошлого результата для delta.\\*');
    // `if: success()`: the result is kept for the next run, which judges the change (none: the same data).
    copyFileSync(path.join(dir, 'current.json'), path.join(dir, 'previous.json'));
    const second = run(dir, json!);
    expect(second.code).toBe(0);
    expect(second.stderr).toContain('9 из 11 проверок пройдено, 2 предупреждения\n');
    const judged = JSON.parse(readFileSync(path.join(dir, 'current.json'), 'utf8')).assertions.find((a: { assertion: string }) => a.assertion === 'delta.total.conversion>=-0.02');
    expect(judged).toEqual({ assertion: 'delta.total.conversion>=-0.02', op: '>=', expected: -0.02, level: 'warn', passed: true, failures: [] });
  });

  it('GitLab: the JUnit file reports the check as skipped, with why', () => {
    const dir = checkout();
    const junit = run(dir, COMMANDS[2]!);
    expect(junit.code).toBe(0);
    const xml = readFileSync(path.join(dir, 'crm-audit.xml'), 'utf8');
    expect(xml).toMatch(/<testsuite [^>]*tests="11" failures="0" errors="0" skipped="1"/);
    expect(xml).toContain('<testcase classname="crm-audit.warn" name="delta.total.conversion&gt;=-0.02" time="0">\n      <skipped message="нет прошлого результата для delta.*: дайте --baseline previous.json — вывод report --format json прошлого запуска"/>\n    </testcase>');
    expect(run(dir, COMMANDS[3]!).code).toBe(0);
  });

  it('an error-level delta.* check without a baseline still exits 2, saying what it needs', () => {
    const dir = checkout();
    const r = runCli(['report', '-c', 'sales/crm-audit.config.yaml', '--assert', 'delta.total.conversion>=-0.02', '--format', 'json', '--lang', 'en', ...NOW], { cwd: dir });
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('delta.total.conversion>=-0.02: this run has no "delta"');
    expect(r.stderr).toContain('delta.* needs a previous result: --baseline previous.json');
    expect(r.stdout).toBe('');
  });
});
