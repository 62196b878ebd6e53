// A tester: `kpi -d -` typed on a terminal, an ambiguous export pasted, Ctrl+D: the question flashed, read
// stdin's end as a Ctrl+C, and the run ended «Прервано», exit 130, with no snippet. stdin was the data:
// nobody is left to answer through it, and the run stops as one without a terminal does (exit 2, the snippet).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT } from '../helpers/cli.js';
import { AMBIGUOUS } from '../fixtures/ambiguous-deals.js';

const DRIVER = fileURLToPath(new URL('../helpers/pty-drive.py', import.meta.url));
const EOF_KEY = '\u0004';

function drive(steps: Array<[string, string]>, args: string[]) {
  const cwd = mkdtempSync(path.join(tmpdir(), 'crm-audit-stdin-data-'));
  writeFileSync(path.join(cwd, 'deals.csv'), AMBIGUOUS);
  const res = spawnSync('python3', [DRIVER, JSON.stringify(steps), process.execPath, BIN, ...args], { cwd, env: { ...process.env, NO_COLOR: '1', TERM: 'xterm', LANG: 'ru_RU.UTF-8' }, timeout: 60_000 });
  return { code: res.status, out: res.stdout.toString('utf8') };
}

/** Text as typed at a terminal: each line ended by Enter. */
const typed = (text: string) => `${text.replace(/\n/g, '\r')}\r`;

describe('stdin read as data on a terminal, then a question about it', () => {
  it('kpi -d -: exit 2 with the snippet, never «Прервано» (130)', () => {
    const run = drive([['Ctrl+D', `${typed(AMBIGUOUS)}${EOF_KEY}`]], ['kpi', '-d', '-']);
    expect(run.code, run.out).toBe(2);
    expect(run.out).not.toContain('Прервано');
    expect(run.out).not.toContain('Какая колонка');
    expect(run.out).toMatch(/manager: "Ответственный" +# или "Менеджер": проверьте/);
  });

  it('audit --answers -: the answers typed, the export\'s question stops with the snippet', () => {
    const answers = readFileSync(path.join(ROOT, 'samples/answers/leader.yaml'), 'utf8');
    const run = drive([['Ctrl+D', `${typed(answers.trimEnd())}${EOF_KEY}`]], ['audit', '--answers', '-', '-d', 'deals.csv']);
    expect(run.code, run.out).toBe(2);
    expect(run.out).not.toContain('Прервано');
    expect(run.out).toMatch(/manager: "Ответственный"/);
  });
});
