import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

/** Names with escape sequences and bells: a colour, a dim, a window title and a screen clear (tester T37 F3, F4). */
const NAMES = ['Анна\u001b[31mКрасная', 'Жанна\u001b[2mТусклая', 'Ева \u001b]0;PWNED\u0007 \u001b[2J', 'Егор\u001b[39m'];
/** The same names as every output shows them: each control character as U+FFFD. */
const SHOWN = ['Анна\ufffd[31mКрасная', 'Жанна\ufffd[2mТусклая', 'Ева \ufffd]0;PWNED\ufffd \ufffd[2J', 'Егор\ufffd[39m'];

/** 12 deals: each name a manager of one won, one lost and one open deal; the next name its source, the one after the lost deal's reason. */
function dealsFile(dir: string): string {
  const stages = ['Успешно реализовано', 'Закрыто и не реализовано', 'Переговоры'];
  const q = (s: string) => `"${s}"`;
  const rows = ['ID;Бюджет;Ответственный;Этап сделки;Дата создания;Дата закрытия;Источник;Причина отказа'];
  for (let i = 0; i < 12; i++) {
    const stage = Math.floor(i / 4);
    const day = String(1 + i).padStart(2, '0');
    rows.push(`${i + 1};1000;${q(NAMES[i % 4]!)};${stages[stage]};${day}.03.2025 10:00;${stage === 2 ? '' : `${day}.03.2025 18:00`};${q(NAMES[(i + 1) % 4]!)};${stage === 1 ? q(NAMES[(i + 2) % 4]!) : ''}`);
  }
  const file = path.join(dir, 'deals.csv');
  writeFileSync(file, `${rows.join('\n')}\n`);
  return file;
}

/** Control characters other than tab, LF and CR: C0, DEL and C1 (U+0080–U+009F). */
// eslint-disable-next-line no-control-regex -- the control characters are what this looks for
const CONTROL = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f]/;

describe('control characters of the data', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'control-chars-'));
  const deals = dealsFile(dir);

  it('never reach an HTML report, its SVG charts included: shown as U+FFFD in labels, titles and tables', () => {
    for (const [name, args] of [
      ['kpi', ['kpi', '-d', deals, '--by', 'source,month', '--now', '2025-06-01', '--lang', 'ru']],
      ['report', ['report', '--answers', 'samples/answers/leader.yaml', '-d', deals, '--now', '2025-06-01', '--lang', 'ru']],
    ] as const) {
      const file = path.join(dir, `${name}.html`);
      const run = runCli([...args, '-o', file]);
      expect(run.code, run.stderr).toBe(0);
      const bytes = readFileSync(file);
      expect(bytes.filter((b) => b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d).length, name).toBe(0);
      const html = bytes.toString('utf8');
      expect(html, name).not.toMatch(CONTROL);
      // The managers' conversion chart names each manager on its axis and in its bars' hover titles.
      const chart = html.slice(html.indexOf('data-chart="managers-conversion"'), html.indexOf('</svg>', html.indexOf('data-chart="managers-conversion"')));
      for (const shown of SHOWN) {
        const text = shown.replace(/&/g, '&amp;');
        expect(chart, `${name}: ${shown}`).toContain(`>${text}</text>`);
        expect(chart, `${name}: ${shown}`).toContain(`<title>${text}: 33,3%</title>`);
      }
    }
  });

  it('are shown as U+FFFD in a coloured terminal table, only this program\u2019s own colours passing', () => {
    const run = runCli(['kpi', '-d', deals, '--now', '2025-06-01', '--lang', 'ru'], { env: { FORCE_COLOR: '1' } });
    expect(run.code, run.stderr).toBe(0);
    // Coloured: the header in bold.
    expect(run.stdout).toContain('\u001b[1mМенеджер\u001b[22m');
    for (const shown of SHOWN) expect(run.stdout).toContain(shown);
    // eslint-disable-next-line no-control-regex -- this program's own codes, taken out
    const ours = run.stdout.replace(/\u001b\[(?:1|2|22|31|32|33|36|39)m/g, '');
    expect(ours).not.toMatch(CONTROL);
    // The data's own «ESC[31m» is not there to paint the name red, nor a «[39m» the table library added to close it.
    expect(run.stdout).not.toContain('Анна\u001b[31m');
    expect(run.stdout).not.toContain('Красная\u001b[39m');
  });

  it('take their room in a table: the rows line up, without colour too', () => {
    const run = runCli(['kpi', '-d', deals, '--now', '2025-06-01', '--lang', 'ru', '--metrics', 'leads,won,conversion']);
    expect(run.code, run.stderr).toBe(0);
    const lines = run.stdout.split('\n');
    const head = lines.findIndex((l) => l.startsWith('Менеджер'));
    const table = lines.slice(head, head + 6);
    // The header, four managers and the department, each as wide as the header (numbers align right).
    expect(table.map((l) => l.split(/\s{2,}/)[0])).toEqual(['Менеджер', ...[...SHOWN].sort((a, b) => (a < b ? -1 : 1)), 'Отдел']);
    expect(new Set(table.map((l) => [...l].length)).size).toBe(1);
    expect(run.stdout).not.toMatch(CONTROL);
  });
});
