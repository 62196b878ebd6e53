import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { AMBIGUOUS } from '../fixtures/ambiguous-deals.js';

const DRIVER = fileURLToPath(new URL('../helpers/pty-drive.py', import.meta.url));

/** Runs a command on a pseudo-terminal with CI set, typing nothing: a question would wait until the time-out. */
function onTerminalInCi(args: string[], ci = 'true', steps: Array<[string, string]> = []) {
  const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-ci-'));
  writeFileSync(path.join(dir, 'deals.csv'), AMBIGUOUS);
  const env = { ...process.env, NO_COLOR: '1', TERM: 'xterm', PTY_COLS: '200', PTY_CI: ci, LANG: 'C.UTF-8', LC_ALL: '' };
  const res = spawnSync('python3', [DRIVER, JSON.stringify(steps), process.execPath, BIN, ...args], { cwd: dir, env, timeout: 30_000 });
  return { code: res.status, out: res.stdout.toString('utf8') };
}

describe('CI=true on a terminal: no question, as without a terminal', () => {
  it('kpi stops with exit 2 and the ready --map snippet instead of asking which column is the manager', () => {
    const run = onTerminalInCi(['kpi', '-d', 'deals.csv']);
    expect(run.code, run.out).toBe(2);
    expect(run.out).not.toContain('Какая колонка');
    expect(run.out).toMatch(/manager: "Ответственный" +# или "Менеджер": проверьте/);
  });

  it('map proposes the manager column kpi\'s snippet guesses, marked to check, instead of asking', () => {
    const run = onTerminalInCi(['map', 'deals.csv']);
    expect(run.code, run.out).toBe(0);
    expect(run.out).not.toContain('Какая колонка');
    expect(run.out).toMatch(/manager: "Ответственный" +# или "Менеджер": проверьте/);
  });

  it('an interactive audit says there is no terminal to ask on, and how to pass the answers', () => {
    const run = onTerminalInCi(['audit']);
    expect(run.code, run.out).toBe(2);
    expect(run.out).toContain('переменная CI задана');
    expect(run.out).toContain('--answers answers.yaml');
  });

  it('CI=false is no CI job: the question is asked', () => {
    // The first question is answered with Ctrl+C: the run was waiting for it.
    const run = onTerminalInCi(['audit', '--lang', 'en'], 'false', [['?', '\u0003']]);
    expect(run.code, run.out).toBe(130);
    expect(run.out).not.toContain('CI is set');
  });
});
