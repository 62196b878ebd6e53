import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';
import { SEVEN_QUESTIONS_EN } from '../helpers/questionnaire.js';

const HANGUP = fileURLToPath(new URL('../helpers/pty-hangup.py', import.meta.url));
const DRIVER = fileURLToPath(new URL('../helpers/pty-drive.py', import.meta.url));
const CTRL_Z = '\u001a';

/** Runs the audit on a pty, answers `steps`, then closes the terminal (pty-hangup.py). */
function hangUp(steps: Array<[string, string]>, args: string[], cwd: string) {
  const env = { ...process.env, NO_COLOR: '1', TERM: 'xterm' };
  const res = spawnSync('python3', [HANGUP, JSON.stringify(steps), process.execPath, BIN, ...args], { cwd, env, timeout: 60_000 });
  return JSON.parse(res.stdout.toString('utf8')) as { exit: number | null; signal: number | null; stderr: string; timeout?: string };
}


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
    const run = hangUp([['Company', 'Acme\r'], ['How many sales managers', '\r'], ...SEVEN_QUESTIONS_EN, ['Check the answers against', '\r'], ['Save the answers', '']], ['audit', '--lang', 'en', '-o', 'r.json'], dir);
    expect(run.timeout).toBeUndefined();
    expect(run.stderr).not.toMatch(/Assertion failed|Error:| {4}at /);
    expect(run.signal === 1 || run.exit === 129).toBe(true);
    expect(run.stderr).toContain('Interrupted; already written: r.json.');
    expect(readdirSync(dir)).toEqual(['r.json']);
    expect(JSON.parse(readFileSync(path.join(dir, 'r.json'), 'utf8')).company).toBe('Acme');
  });
});

// Ctrl+Z, then `fg`, ended the session as a Ctrl+C would (readline left its input paused after SIGCONT,
// the process ran out of work, and the prompt library took that for a forced close): answers lost, 130.
describe('Ctrl+Z and fg during the interactive audit', () => {
  it('resumes the same question, and the session goes on to its end', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-tstp-'));
    const env = { ...process.env, NO_COLOR: '1', TERM: 'xterm', PTY_COLS: '200' };
    const audit = `${process.execPath} ${BIN} audit --lang en -o out.json`;
    const steps: Array<[string, string]> = [
      // A shell with job control, as the consultant's; its prompt is «RDY> » (its echo is not).
      ['', "PS1='R''DY> '\r"],
      ['RDY> ', `${audit}\r`],
      ['Company', 'Acme\r'],
      ['How many sales managers', '\r'],
      ['Does the company work with leads', '\r'],
      ['Is every interaction', CTRL_Z],
      ['Stopped', 'fg\r'],
      // bash echoes the job it brings back; the keys then go to the same question.
      ['out.json', `\u001b[B\r`],
      ...SEVEN_QUESTIONS_EN.slice(2),
      ['Check the answers against', '\r'],
      ['Save the answers', 'n\r'],
      ['RDY> ', 'echo "rc=$?"\r'],
      ['rc=', 'exit\r'],
    ];
    const res = spawnSync('python3', [DRIVER, JSON.stringify(steps), 'bash', '--norc', '--noprofile', '-i'], { cwd: dir, env, timeout: 60_000 });
    const out = res.stdout.toString('utf8');
    expect(out).not.toContain('[pty-drive] timed out');
    expect(out).not.toContain('Interrupted');
    expect(out).toContain('rc=0');
    expect(existsSync(path.join(dir, 'out.json'))).toBe(true);
    const result = JSON.parse(readFileSync(path.join(dir, 'out.json'), 'utf8')) as { company: string; sections: Array<{ criteria: Array<{ id: string; answer: string }> }> };
    expect(result.company).toBe('Acme');
    // The question stopped at was answered after fg: «No» (↓ from «Yes»); the others «Yes».
    const answers = Object.fromEntries(result.sections.flatMap((s) => s.criteria).map((c) => [c.id, c.answer]));
    expect(answers['journal.interactions']).toBe('no');
    expect(Object.values(answers).filter((a) => a === 'yes')).toHaveLength(6);
  });
});
