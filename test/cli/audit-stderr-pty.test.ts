import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';

const DRIVER = fileURLToPath(new URL('../helpers/pty-drive.py', import.meta.url));

/** `crm-audit audit ARGS 2>err.txt` with stdin and stdout on a terminal (a pty). */
function withStderrInFile(args: string[], extra: Record<string, string> = {}) {
  const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-2log-'));
  const env = { ...process.env, TERM: 'xterm', NO_COLOR: '', FORCE_COLOR: '', ...extra };
  const quoted = [process.execPath, BIN, ...args].map((a) => `'${a}'`).join(' ');
  const res = spawnSync('python3', [DRIVER, '[]', 'sh', '-c', `exec ${quoted} 2>err.txt`], { cwd: dir, env, timeout: 30_000 });
  return { code: res.status, screen: res.stdout.toString('utf8'), err: readFileSync(path.join(dir, 'err.txt'), 'utf8'), files: readdirSync(dir) };
}

// `audit 2>log` on a terminal drew the prompts, with colour, into the log: a blank screen waiting for keys.
describe('interactive audit with stderr not a terminal', () => {
  it('is refused at once (exit 2) with how to run it, in the run\'s language, without colour', () => {
    const ru = withStderrInFile(['audit', '-o', 'r.xlsx']);
    expect(ru.code).toBe(2);
    expect(ru.err).toContain('вопросы выводятся в stderr, а он направлен не в терминал (2>файл)');
    expect(ru.err).toContain('crm-audit audit --answers answers.yaml');
    expect(ru.err).not.toMatch(/\b(the|questions|run)\b/);
    expect(ru.err).not.toContain('\u001b[');
    expect(ru.err).not.toContain('Компания');
    expect(ru.files).toEqual(['err.txt']);
    const en = withStderrInFile(['audit', '--lang', 'en']);
    expect(en.code).toBe(2);
    expect(en.err).toContain('the questions are drawn on stderr, which goes elsewhere than the terminal (2>file)');
  });

  it('an answers file still runs with stderr in a file', () => {
    const run = withStderrInFile(['audit', '--answers', path.join(path.dirname(BIN), '../samples/answers/leader.yaml'), '--format', 'json']);
    expect(run.code).toBe(0);
    expect(run.err).toBe('');
  });
});
