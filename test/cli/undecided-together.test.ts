import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../helpers/cli.js';
import { AMBIGUOUS } from '../fixtures/ambiguous-deals.js';

function folder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-undecided-'));
  writeFileSync(path.join(dir, 'deals.csv'), AMBIGUOUS);
  return dir;
}

/** The snippet a stop prints: from its first line of YAML at the left edge to the end. */
function snippetOf(stderr: string): string {
  const lines = stderr.split('\n');
  return lines.slice(lines.findIndex((l) => /^[\w#"]/.test(l) && !/^(error|ошибка|deals\.csv)/.test(l))).join('\n');
}

describe('without a terminal, every question of a run in one stop, and one snippet that answers them all', () => {
  it('the manager column and the renamed stages are named together; the snippet, pasted, runs', () => {
    const dir = folder();
    const run = runCli(['kpi', '-d', 'deals.csv'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('the manager could be in more than one column');
    expect(run.stderr).toContain('2 stages of closed deals are not known as won or lost');
    const snippet = snippetOf(run.stderr);
    expect(parse(snippet)).toEqual({ deals: { columns: { manager: 'Ответственный' }, status: { Выдано: 'won', Слились: 'won' } } });
    writeFileSync(path.join(dir, 'snip.yaml'), snippet);
    const pasted = runCli(['kpi', '-d', 'deals.csv', '--map', 'snip.yaml', '--format', 'json'], { cwd: dir });
    expect(pasted.code, pasted.stderr).toBe(0);
  });

  it('a run given a --map builds its snippet on it: the map\'s answer stays, and pasting the snippet as the map never loops', () => {
    const dir = folder();
    writeFileSync(path.join(dir, 'mine.yaml'), '# the sales team\ndeals:\n  columns:\n    manager: "Менеджер"\n');
    const run = runCli(['kpi', '-d', 'deals.csv', '--map', 'mine.yaml', '--lang', 'ru'], { cwd: dir, env: { LANG: 'C.UTF-8' } });
    expect(run.code).toBe(2);
    expect(run.stderr).not.toContain('несколько колонок');
    expect(run.stderr).toContain('фрагмент уже содержит ваш mine.yaml');
    const snippet = snippetOf(run.stderr);
    expect(snippet).toContain('# the sales team');
    expect(parse(snippet)).toEqual({ deals: { columns: { manager: 'Менеджер' }, status: { Выдано: 'won', Слились: 'won' } } });
    writeFileSync(path.join(dir, 'mine.yaml'), snippet);
    const pasted = runCli(['kpi', '-d', 'deals.csv', '--map', 'mine.yaml', '--format', 'json'], { cwd: dir });
    expect(pasted.code, pasted.stderr).toBe(0);
    expect(JSON.parse(pasted.stdout).total).toMatchObject({ won: 6 });
  });

  it('a map that answers the stages: the snippet of the manager question carries them', () => {
    const dir = folder();
    writeFileSync(path.join(dir, 'stages.yaml'), 'deals:\n  status:\n    "Выдано": won\n    "Слились": lost\n');
    const withStages = runCli(['kpi', '-d', 'deals.csv', '--map', 'stages.yaml'], { cwd: dir });
    expect(withStages.code).toBe(2);
    expect(parse(snippetOf(withStages.stderr))).toEqual({ deals: { status: { Выдано: 'won', Слились: 'lost' }, columns: { manager: 'Ответственный' } } });
  });
});

describe('report, as kpi: every question of its read in one stop', () => {
  it('the deals\' questions with -d, and the periods\' with --before-deals/--after-deals, each said together with one snippet that runs', () => {
    const dir = folder();
    const run = runCli(['report', '-d', 'deals.csv', '--now', '2026-12-01'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('the manager could be in more than one column');
    expect(run.stderr).toContain('2 stages of closed deals are not known as won or lost');
    const snippet = snippetOf(run.stderr);
    expect(parse(snippet)).toEqual({ deals: { columns: { manager: 'Ответственный' }, status: { Выдано: 'won', Слились: 'won' } } });
    writeFileSync(path.join(dir, 'snip.yaml'), snippet);
    const pasted = runCli(['report', '-d', 'deals.csv', '--map', 'snip.yaml', '--format', 'json', '--now', '2026-12-01'], { cwd: dir });
    expect(pasted.code, pasted.stderr).toBe(0);
    expect(JSON.parse(pasted.stdout).kpi.total).toMatchObject({ won: 6 });
    writeFileSync(path.join(dir, 'later.csv'), AMBIGUOUS);
    const periods = runCli(['report', '--before-deals', 'deals.csv', '--after-deals', 'later.csv', '--now', '2026-12-01'], { cwd: dir });
    expect(periods.code).toBe(2);
    expect(parse(snippetOf(periods.stderr))).toEqual(parse(snippet));
  });
});
