import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BIN, runCli } from '../helpers/cli.js';

const DRIVER = fileURLToPath(new URL('../helpers/pty-drive.py', import.meta.url));
// A manager whose name carries a window-title sequence, a bell and a clear-screen sequence.
const HOSTILE = 'Иван\u001b]0;pwned\u0007\u001b[2J';
const DEALS = ['id,manager,client,created_at,closed_at,status,amount', `1,${HOSTILE},c,2024-07-01,2024-07-05,won,100`, `2,${HOSTILE},c,2024-07-02,,open,200`, '3,Анна,c,not a date,,open,300'].join('\n');

function folder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-tty-'));
  writeFileSync(path.join(dir, 'deals.csv'), DEALS);
  return dir;
}

describe('control characters of a file never reach the terminal', () => {
  it('kpi on a terminal shows them as U+FFFD; its colours stay', () => {
    const dir = folder();
    const res = spawnSync('python3', [DRIVER, '[]', process.execPath, BIN, 'kpi', '-d', 'deals.csv', '--lang', 'en', '--max-bad-rows', '50%'], { cwd: dir, env: { ...process.env, TERM: 'xterm', FORCE_COLOR: '1', PTY_COLS: '160' }, timeout: 60_000 });
    const out = res.stdout.toString('utf8');
    expect(res.status, out).toBe(0);
    expect(out).toContain('Иван\ufffd]0;pwned\ufffd\ufffd[2J');
    for (const raw of ['\u001b]', '\u0007', '\u001b[2J']) expect(out).not.toContain(raw);
    expect(out).toContain('\u001b[1m');
  });

  it('the data written to a pipe is left as it is; messages on stderr are made safe', () => {
    const dir = folder();
    const piped = runCli(['kpi', '-d', 'deals.csv', '--format', 'json', '--max-bad-rows', '50%'], { cwd: dir });
    expect(piped.code, piped.stderr).toBe(0);
    expect(JSON.parse(piped.stdout).managers.map((m: { manager: string }) => m.manager)).toContain(HOSTILE);
    const bad = ['id,manager,client,created_at,status,amount', '1,Анна,c,2024-07-01,open,100', `2,Анна,c,\u001b[2Jsoon,open,100`].join('\n');
    writeFileSync(path.join(dir, 'bad.csv'), bad);
    const run = runCli(['kpi', '-d', 'bad.csv', '--max-bad-rows', '50%'], { cwd: dir });
    expect(run.stderr).toContain('\ufffd[2Jsoon');
    expect(run.stderr).not.toContain('\u001b[2J');
  });

  // A tester: `kpi -d esc.csv > r.txt; cat r.txt` cleared the screen and retitled the window: the table is read on a terminal later.
  it('a table or a CSV written to a pipe or a file is made safe too (a CSV goes to stdout by default: tester T28 F5); JSON keeps the data, escaped', async () => {
    const dir = folder();
    for (const args of [[], ['-o', 'r.txt', '--format', 'table']]) {
      const run = runCli(['kpi', '-d', 'deals.csv', '--max-bad-rows', '50%', ...args], { cwd: dir });
      expect(run.code, run.stderr).toBe(0);
      const text = args.length > 0 ? (await import('node:fs')).readFileSync(path.join(dir, 'r.txt'), 'utf8') : run.stdout;
      expect(text).toContain('Иван\ufffd]0;pwned\ufffd\ufffd[2J');
      expect(text).not.toContain('\u001b');
    }
    const csv = runCli(['kpi', '-d', 'deals.csv', '--format', 'csv', '--max-bad-rows', '50%'], { cwd: dir });
    expect(csv.stdout).toContain('Иван\ufffd]0;pwned\ufffd\ufffd[2J');
    expect(csv.stdout).not.toContain('\u001b');
    const json = runCli(['kpi', '-d', 'deals.csv', '--format', 'json', '--max-bad-rows', '50%'], { cwd: dir });
    expect(JSON.stringify(JSON.parse(json.stdout))).toContain(JSON.stringify(HOSTILE).slice(1, -1));
    const audit = runCli(['audit', '--answers', path.resolve('samples/answers/leader.yaml'), '--company', HOSTILE], { cwd: dir });
    expect(audit.code, audit.stderr).toBe(0);
    expect(audit.stdout).not.toContain('\u001b');
  });
});
