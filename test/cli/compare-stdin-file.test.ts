import { closeSync, mkdtempSync, openSync, symlinkSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { BIN, runCli } from '../helpers/cli.js';

// `compare --before-deals deals.csv --after-deals deals.csv` is refused; `--before-deals - --after-deals
// deals.csv < deals.csv` compared the file with itself (every change 0, exit 0). stdin redirected from
// the other period's file is that file (the -o check knows it so too).
const dir = mkdtempSync(path.join(tmpdir(), 'compare-stdin-'));
const put = (name: string, text: string) => (writeFileSync(path.join(dir, name), text), name);
const deals = put('deals.csv', 'id,manager,created_at,status\n1,Анна,2025-03-01,won\n2,Иван,2025-03-20,lost\n');
const later = put('later.csv', 'id,manager,created_at,status\n3,Анна,2025-05-01,won\n4,Иван,2025-05-20,lost\n');
const calls = put('calls.csv', 'manager,at,kind,direction,deal_id\nАнна,2025-03-02 10:00,call,out,1\n');

/** The binary run in `dir` with stdin redirected from a file there, as `… < file` does. */
function from(file: string, args: string[]) {
  const fd = openSync(path.join(dir, file), 'r');
  try {
    const res = spawnSync(process.execPath, [BIN, ...args, '--lang', 'en'], { cwd: dir, stdio: [fd, 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1' } });
    return { code: res.status, stderr: res.stderr.toString('utf8') };
  } finally {
    closeSync(fd);
  }
}

describe('compare: stdin redirected from the other period\'s file is that file', () => {
  it.each([
    [['--before-deals', '-', '--after-deals', deals]],
    [['--before-deals', deals, '--after-deals', '-']],
    [['--before-deals', '-', '--after-deals', `./${deals}`]],
  ])('%j < deals.csv is refused as by path', (args) => {
    const run = from(deals, ['compare', ...args]);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe('error: the before and after deals are the same file (' + args.find((a) => a !== '-' && !a.startsWith('--')) + '): every change would be zero\n  hint: give the exports of two periods, or one file with --cutover\n');
  });

  it('a link to the other period\'s file is that file too (paths are compared as stdin is, by the file)', () => {
    symlinkSync(path.join(dir, deals), path.join(dir, 'link.csv'));
    const run = runCli(['compare', '--before-deals', 'link.csv', '--after-deals', deals, '--lang', 'en'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('error: the before and after deals are the same file (link.csv)');
  });

  it('the call log of both periods, one of them on stdin', () => {
    const run = from(calls, ['compare', '--before-deals', deals, '--after-deals', later, '--before-activities', '-', '--after-activities', calls]);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`error: --before-activities and --after-activities are the same file (${calls})`);
  });

  it('another file, or the same bytes through a pipe (nothing to compare without reading it twice), is compared', () => {
    expect(from(later, ['compare', '--before-deals', deals, '--after-deals', '-', '--format', 'json']).code).toBe(0);
    expect(runCli(['compare', '--before-deals', deals, '--after-deals', '-', '--format', 'json', '--lang', 'en'], { cwd: dir, input: 'id,manager,created_at,status\n3,Анна,2025-05-01,won\n' }).code).toBe(0);
  });
});
