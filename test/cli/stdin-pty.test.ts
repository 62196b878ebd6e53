// A tester: `kpi -d -` on a terminal with nothing piped waited silently, forever. On a terminal an input
// named `-` says once, when it is read, that it reads the terminal and how to end it (src/cli/program.ts).
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BIN, runCli } from '../helpers/cli.js';

const DRIVER = fileURLToPath(new URL('../helpers/pty-drive.py', import.meta.url));
const EOF_KEY = '\u0004';
const DEALS = 'ID;Ответственный;Дата создания;Этап сделки\r1;Иванов Иван;01.02.2025;Успешно реализовано\r';

function drive(steps: Array<[string, string]>, args: string[], env: Record<string, string> = {}) {
  const cwd = mkdtempSync(path.join(tmpdir(), 'crm-audit-stdin-pty-'));
  const res = spawnSync('python3', [DRIVER, JSON.stringify(steps), process.execPath, BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', TERM: 'xterm', LANG: 'ru_RU.UTF-8', ...env }, timeout: 60_000 });
  return { code: res.status, out: res.stdout.toString('utf8') };
}

describe('an input named - read from a terminal', () => {
  it('says once that it reads the terminal and that Ctrl+D ends it, then reads what is typed', () => {
    const run = drive([['Ctrl+D', `${DEALS}${EOF_KEY}`]], ['kpi', '-d', '-', '--format', 'json', '--lang', 'en']);
    expect(run.code, run.out).toBe(0);
    expect(run.out.match(/Reading standard input \(-\) from the terminal: paste the data, then press Ctrl\+D/g)).toHaveLength(1);
    expect(run.out).toContain('"leads": 1');
  });

  it("in the run's language, for inspect and a --map document alike", () => {
    const inspect = drive([['Ctrl+D', `${DEALS}${EOF_KEY}`]], ['inspect', '-', '--kind', 'deals']);
    expect(inspect.code, inspect.out).toBe(0);
    expect(inspect.out).toContain('Чтение со стандартного ввода (-) с терминала: вставьте данные и нажмите Ctrl+D в начале строки');
    expect(inspect.out).toContain('записей:        1');
    const dir = fileURLToPath(new URL('../../samples/', import.meta.url));
    const map = drive([['Ctrl+D', `deals:\r  status:\r    "Новая": open\r${EOF_KEY}`]], ['kpi', '-d', path.join(dir, 'amocrm-deals.csv'), '--map', '-', '--format', 'json']);
    expect(map.code, map.out).toBe(0);
    expect(map.out.match(/Чтение со стандартного ввода/g)).toHaveLength(1);
  });

  it('says nothing where stdin is no terminal', () => {
    const run = runCli(['kpi', '-d', '-', '--format', 'json'], { input: DEALS.replaceAll('\r', '\n') });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toBe('');
  });
});
