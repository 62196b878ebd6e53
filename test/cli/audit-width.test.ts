import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { BIN, ROOT, runCli } from '../helpers/cli.js';

const DRIVER = fileURLToPath(new URL('../helpers/pty-drive.py', import.meta.url));

/** The report an answers-file run prints to a terminal `cols` wide (a pseudo-terminal), as its lines. */
function onTerminal(cols: number, args: string[]): string[] {
  const env = { ...process.env, NO_COLOR: '1', TERM: 'xterm', PTY_COLS: String(cols), LANG: 'en_US.UTF-8', LC_ALL: '' };
  const res = spawnSync('python3', [DRIVER, '[]', process.execPath, BIN, ...args], { cwd: ROOT, env, timeout: 60_000 });
  expect(res.status).toBe(0);
  return res.stdout.toString('utf8').split(/\r?\n/);
}

const EXPORTS = ['-d', 'samples/amocrm-deals.csv', '-a', 'samples/bitrix24-calls.xls', '-p', 'samples/payments.csv'];

// A tester's audit at an 80- and a 60-column terminal: the summary table was 82 columns wide (its
// right border wrapped onto a line of its own), the evidence table 95 (the terminal cut «the
// export|s confirm it» mid-word) and the re-audit's 114.
describe('audit tables on a narrow terminal', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-width-'));
  const baseline = path.join(dir, 'before.json');
  // The same company's earlier audit (another's is said on stderr, beside the table).
  writeFileSync(baseline, runCli(['audit', '--answers', 'samples/answers/not-started.yaml', '--company', 'ООО «Ромашка»', '--now', '2024-06-01', '--format', 'json']).stdout);

  for (const lang of ['ru', 'en']) {
    for (const cols of [80, 60]) {
      it(`${lang}, ${cols} columns: every line fits, and the evidence sentences keep their words whole`, () => {
        const args = ['audit', '--lang', lang, '--answers', 'samples/answers/leader.yaml', '--now', '2025-01-01', '--managers', '8', '--hourly-cost', '900'];
        const lines = onTerminal(cols, [...args, ...EXPORTS]);
        for (const line of lines) expect([...line].length, line).toBeLessThan(cols);
        const shown = new Set(lines.flatMap((l) => l.split(/[│┌┐└┘├┤┬┴┼─\s]+/)).filter(Boolean));
        const json = JSON.parse(runCli([...args, ...EXPORTS, '--format', 'json']).stdout) as { evidence: { checks: Array<{ text: string }> } };
        for (const check of json.evidence.checks) for (const word of check.text.split(/[\s\u00a0]+/)) expect(shown, word).toContain(word);
        // The table's right border is on the lines of its rows, not on a line of its own.
        expect(lines.filter((l) => /^\s*│\s*$/.test(l))).toEqual([]);
      });

      it(`${lang}, ${cols} columns, --baseline: the before/after table fits too`, () => {
        const lines = onTerminal(cols, ['audit', '--lang', lang, '--answers', 'samples/answers/leader.yaml', '--now', '2025-01-01', '--baseline', baseline]);
        for (const line of lines) expect([...line].length, line).toBeLessThan(cols);
        expect(lines.join('\n')).toContain(lang === 'ru' ? 'Было (01.06.2024)' : 'Before (2024-06-01)');
      });
    }
  }
});
