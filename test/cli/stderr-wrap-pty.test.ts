// A tester: errors, the stdin notice, map's notes and the kpi data-quality line were cut mid-word at the
// terminal's edge («с разными з» / «начениями»), where the README says stderr wraps between words.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../helpers/cli.js';
import { AMBIGUOUS } from '../fixtures/ambiguous-deals.js';

const DRIVER = fileURLToPath(new URL('../helpers/pty-drive.py', import.meta.url));

function onTerminal(args: string[], cols: number, env: Record<string, string> = {}) {
  const cwd = mkdtempSync(path.join(tmpdir(), 'crm-audit-wrap-'));
  writeFileSync(path.join(cwd, 'deals.csv'), AMBIGUOUS);
  writeFileSync(path.join(cwd, 'manager.yaml'), 'deals:\n  columns:\n    manager: "Менеджер"\n');
  const res = spawnSync('python3', [DRIVER, '[]', process.execPath, BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', TERM: 'xterm', LANG: 'C.UTF-8', LC_ALL: '', PTY_COLS: String(cols), ...env }, timeout: 60_000 });
  const lines = res.stdout.toString('utf8').replace(/\r/g, '').split('\n');
  return { code: res.status, lines, text: lines.join(' ') };
}

describe('stderr prose wraps between words on a terminal', () => {
  it('an error: its message and hint within the width, its --map snippet whole', () => {
    const run = onTerminal(['kpi', '-d', 'deals.csv'], 80, { PTY_CI: 'true' });
    expect(run.code).toBe(2);
    for (const line of run.lines) expect([...line].length, line).toBeLessThan(80);
    expect(run.text).toContain('ответственного менеджера могут содержать несколько колонок с разными значениями: «Ответственный», «Менеджер»');
    expect(run.lines).toContain('    manager: "Ответственный"    # или "Менеджер": проверьте');
  });

  it('the data-quality line under the kpi tables, at 60 columns', () => {
    const run = onTerminal(['kpi', '-d', path.join(ROOT, 'samples/amocrm-deals.csv')], 60);
    expect(run.code).toBe(0);
    expect(run.text).toMatch(/не прочитано: 0; отброшено служебных: 0\./);
    for (const line of run.lines.filter((l) => !/[─│┌└]/.test(l))) expect([...line].length, line).toBeLessThan(60);
  });

  it("map's notes on the columns not found", () => {
    const run = onTerminal(['map', 'deals.csv', '--map', 'manager.yaml', '-o', 'map.yaml'], 70, { PTY_CI: 'true' });
    // The stages are proposed without a terminal: a map written, exit 0.
    expect(run.code, run.text).toBe(0);
    expect(run.text).toContain('назовите её в файле --map');
    for (const line of run.lines) expect([...line].length, line).toBeLessThan(70);
  });
});
