import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../helpers/cli.js';

const DRIVER = fileURLToPath(new URL('../helpers/pty-drive.py', import.meta.url));
/** A terminal's control sequences (ESC [ … letter): the progress line's, the prompt library's. */
const CONTROL = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*[A-Za-z]`, 'g');

/** A run in a real terminal of `cols` columns: its lines as the terminal shows them (stdout and stderr). */
function inTerminal(cols: number, args: string[]): { code: number | null; lines: string[] } {
  const env = { ...process.env, NO_COLOR: '1', TERM: 'xterm', PTY_COLS: String(cols) };
  const res = spawnSync('python3', [DRIVER, '[]', process.execPath, BIN, ...args, '--now', '2025-06-01'], { cwd: ROOT, env, timeout: 60_000 });
  const text = res.stdout.toString('utf8').replace(/\r/g, '').replace(CONTROL, '');
  return { code: res.status, lines: text.split('\n') };
}

const width = (l: string) => [...l].length;

// Session 24's note: kpi's and compare's tables kept a fixed layout, and an 80-column terminal folded
// the calls table's rows in two; a warning of 350 characters was cut mid-word.
describe('kpi and compare on an 80-column terminal', () => {
  it('kpi: every line fits, the calls table goes on under itself with the managers again, warnings wrap between words', () => {
    const run = inTerminal(80, ['kpi', '-d', 'samples/amocrm-deals.csv', '-a', 'samples/bitrix24-calls.xls', '-p', 'samples/payments.csv']);
    expect(run.code).toBe(0);
    expect(run.lines.filter((l) => width(l) >= 80)).toEqual([]);
    // The calls table's last column, under a repeated «Менеджер» header, with every manager and the department.
    const at = run.lines.findIndex((l) => /^Менеджер +Акт\.\/день$/.test(l));
    expect(at).toBeGreaterThan(0);
    expect(run.lines.slice(at + 1, at + 8).map((l) => l.split(/ {2,}/)[0])).toEqual(['Алексеева Мария', 'Белов Игорь', 'Васильев Пётр', 'Григорьева Анна', 'Дмитриев Олег', 'Егорова Светлана', 'Отдел']);
    // The warning ends its first line at a space, where the terminal would have cut «отчёта» in two.
    const first = run.lines.find((l) => l.startsWith('Внимание: samples/amocrm-deals.csv'))!;
    expect(first).toBe('Внимание: samples/amocrm-deals.csv: у 92 сделок дата создания позже даты отчёта');
    expect(run.lines[run.lines.indexOf(first) + 1]).toMatch(/^\(01\.06\.2025\), самая поздняя/);
  });

  it('compare --by-manager: every line fits, each metric\'s before and after side by side', () => {
    const dir = 'samples/before-after/';
    const run = inTerminal(80, ['compare', '--before-deals', `${dir}before-deals.csv`, '--after-deals', `${dir}after-deals.csv`, '--before-activities', `${dir}before-calls.xls`, '--after-activities', `${dir}after-calls.xls`, '--targets', 'samples/targets.yaml', '--by-manager']);
    expect(run.code).toBe(0);
    expect(run.lines.filter((l) => width(l) >= 80)).toEqual([]);
    const heads = run.lines.filter((l) => /^Менеджер /.test(l));
    expect(heads.length).toBeGreaterThan(1);
    for (const h of heads) {
      const cols = h.split(/ {2,}/).slice(1);
      for (let i = 0; i < cols.length; i += 2) expect([cols[i], cols[i + 1]]).toEqual([expect.stringMatching(/: до$/), 'после']);
    }
  });

  it('a run whose output is not a terminal keeps the tables whole', () => {
    const res = spawnSync(process.execPath, [BIN, 'kpi', '-d', 'samples/amocrm-deals.csv', '-a', 'samples/bitrix24-calls.xls', '--now', '2025-06-01'], { cwd: ROOT, env: { ...process.env, COLUMNS: '80', NO_COLOR: '1' } });
    expect(res.stdout.toString('utf8')).toMatch(/^Менеджер +Исх\. +Вх\. +Пропущ\. +% пропущ\. +Перезвон +Разговоры, мин +Акт\.\/день$/m);
  });
});
