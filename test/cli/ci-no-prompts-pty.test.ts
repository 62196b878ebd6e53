import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BIN } from '../helpers/cli.js';

const DRIVER = fileURLToPath(new URL('../helpers/pty-drive.py', import.meta.url));

/** No profile knows it: «Ответственный» (a call centre) and «Менеджер» (people) could both be the manager; «Выдано» and «Слились» are renamed closed stages. */
export const AMBIGUOUS = [
  'Номер;Клиент;Ответственный;Менеджер;Сумма;Стадия;Дата создания;Дата закрытия',
  '1;Клиент 1;Колл-центр;Петрова Анна;30000;Выдано;05.03.2025;12.03.2025',
  '2;Клиент 2;Отдел входящих;Иванов Иван;30000;Слились;07.03.2025;16.03.2025',
  '3;Клиент 3;Отдел входящих;Сидоров Пётр;60000;Думает;09.03.2025;',
  '4;Клиент 4;Отдел входящих;Петрова Анна;10000;Думает;01.03.2025;',
  '5;Клиент 5;Колл-центр Север;Петрова Анна;70000;Слились;09.03.2025;24.03.2025',
  '6;Клиент 6;Колл-центр;Иванов Иван;40000;Выдано;01.03.2025;27.03.2025',
  '7;Клиент 7;Колл-центр;Иванов Иван;90000;Выдано;09.03.2025;20.03.2025',
  '8;Клиент 8;Отдел входящих;Сидоров Пётр;30000;Слились;08.03.2025;26.03.2025',
].join('\n');

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

  it('map stops on the manager two columns could hold, with the snippet, as kpi does', () => {
    const run = onTerminalInCi(['map', 'deals.csv']);
    expect(run.code, run.out).toBe(2);
    expect(run.out).not.toContain('Какая колонка');
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
