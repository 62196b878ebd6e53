import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';

const HANGUP = fileURLToPath(new URL('../helpers/pty-hangup.py', import.meta.url));

/** Runs the audit on a pty, answers `steps`, then closes the terminal (pty-hangup.py). */
function hangUp(steps: Array<[string, string]>, args: string[], cwd: string) {
  const env = { ...process.env, NO_COLOR: '1', TERM: 'xterm' };
  const res = spawnSync('python3', [HANGUP, JSON.stringify(steps), process.execPath, BIN, ...args], { cwd, env, timeout: 60_000 });
  return JSON.parse(res.stdout.toString('utf8')) as { exit: number | null; signal: number | null; stderr: string; timeout?: string };
}

const SEVEN_ANSWERS: Array<[string, string]> = [
  ['Does the company work with leads', '\r'],
  ['Is every interaction', '\r'],
  ['Is operational and management reporting', '\r'],
  ['Do rank-and-file', '\r'],
  ['Are products, prices', '\r'],
  ['Are customer invoice payments', '\r'],
  ['Are telephony and e-mail', '\r'],
];

// Closing the terminal mid-question (an SSH session dropped) crashed Node: an unhandled `setRawMode EIO`,
// then Node's own assertion restoring the dead terminal at exit, and signal 11.
describe('the terminal closes during the interactive audit', () => {
  it('at the first question: exit 129, «Прервано; ничего не сохранено.», no crash, nothing written', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-hup-'));
    const run = hangUp([['Компания', '']], ['audit', '-o', path.join(dir, 'r.xlsx')], dir);
    expect(run.timeout).toBeUndefined();
    expect(run.stderr).not.toMatch(/Assertion failed|Error:| {4}at /);
    expect(run.signal === 1 || run.exit === 129).toBe(true);
    expect(run.stderr).toContain('Прервано; ничего не сохранено.');
    expect(readdirSync(dir)).toEqual([]);
  });

  it('after -o was written, at «Save the answers?»: the report named, nothing partial left', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-hup-'));
    const run = hangUp([['Company', 'Acme\r'], ['How many sales managers', '\r'], ...SEVEN_ANSWERS, ['Check the answers against', '\r'], ['Save the answers', '']], ['audit', '--lang', 'en', '-o', 'r.json'], dir);
    expect(run.timeout).toBeUndefined();
    expect(run.stderr).not.toMatch(/Assertion failed|Error:| {4}at /);
    expect(run.signal === 1 || run.exit === 129).toBe(true);
    expect(run.stderr).toContain('Interrupted; already written: r.json.');
    expect(readdirSync(dir)).toEqual(['r.json']);
    expect(JSON.parse(readFileSync(path.join(dir, 'r.json'), 'utf8')).company).toBe('Acme');
  });
});
