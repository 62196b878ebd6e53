import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { runCli } from '../helpers/cli.js';
import { AMBIGUOUS } from '../fixtures/ambiguous-deals.js';

/** Text in Windows-1251 (Russian letters only; the rest is ASCII): what Notepad saves as «ANSI» on a Russian Windows. */
function cp1251(text: string): Buffer {
  return Buffer.from([...text].map((ch) => (ch === 'Ё' ? 0xa8 : ch === 'ё' ? 0xb8 : ch >= 'А' && ch <= 'я' ? ch.charCodeAt(0) - 0x410 + 0xc0 : ch.charCodeAt(0))));
}

function folder(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-map-given-'));
  writeFileSync(path.join(dir, 'deals.csv'), AMBIGUOUS);
  return dir;
}

// A tester: `map FILE --map st.yaml -o new.yaml` said «every stage is known» (true by st.yaml's answers) and
// wrote a map of comments alone; `kpi --map new.yaml` then stopped on the same stages.
describe('map given a --map writes on it', () => {
  it('nothing left to decide: the map written keeps the given one whole, and kpi reads with it', () => {
    const dir = folder();
    const given = '# ours\ndeals:\n  columns:\n    manager: "Менеджер"\n  status:\n    "Выдано": won\n    "Слились": lost\n';
    writeFileSync(path.join(dir, 'given.yaml'), given);
    const run = runCli(['map', 'deals.csv', '--map', 'given.yaml', '-o', 'new.yaml'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('deals.csv with the answers of given.yaml');
    const written = readFileSync(path.join(dir, 'new.yaml'), 'utf8');
    expect(written.endsWith(given)).toBe(true);
    const kpi = runCli(['kpi', '-d', 'deals.csv', '--map', 'new.yaml', '--format', 'json'], { cwd: dir });
    expect(kpi.code, kpi.stderr).toBe(0);
    expect(JSON.parse(kpi.stdout).total).toMatchObject({ won: 3, lost: 3 });
  });

  it('stages still to decide: the proposal is written on the given map, its manager kept', () => {
    const dir = folder();
    writeFileSync(path.join(dir, 'given.yaml'), 'deals:\n  columns:\n    manager: "Менеджер"\n');
    const run = runCli(['map', 'deals.csv', '--map', 'given.yaml', '-o', 'new.yaml'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(parse(readFileSync(path.join(dir, 'new.yaml'), 'utf8'))).toEqual({ deals: { columns: { manager: 'Менеджер' }, status: { Выдано: 'won', Слились: 'won' } } });
  });

  // A reviewer: the given map was read a second time as UTF-8 by name, so a Windows-1251 map came back as
  // «������» in the snippet, and one on stdin not at all; the text the run read (decoded once) is used now.
  it('a map in Windows-1251, or piped on stdin, comes back in the snippet as the run read it', () => {
    const dir = folder();
    const given = 'deals:\n  status:\n    "Выдано": won\n    "Слились": lost\n';
    writeFileSync(path.join(dir, 'given.yaml'), cp1251(given));
    const run = runCli(['map', 'deals.csv', '--map', 'given.yaml'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/"Слились": lost/);
    const piped = runCli(['map', 'deals.csv', '--map', '-'], { cwd: dir, input: given });
    expect(piped.code, piped.stderr).toBe(0);
    expect(piped.stdout).toMatch(/"Слились": lost/);
    expect(piped.stdout).toMatch(/manager: "Ответственный"/);
  });

  it('the manager question without a terminal: its proposal carries the given map\'s stages', () => {
    const dir = folder();
    writeFileSync(path.join(dir, 'given.yaml'), 'deals:\n  status:\n    "Выдано": won\n    "Слились": lost\n');
    const run = runCli(['map', 'deals.csv', '--map', 'given.yaml'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(parse(run.stdout)).toEqual({ deals: { status: { Выдано: 'won', Слились: 'lost' }, columns: { manager: 'Ответственный' } } });
  });
});

// A tester: a map written after answering had none of the comments on the columns not found that the map
// of a file with nothing to decide has.
describe('the columns not found are comments of every map map writes', () => {
  it('a proposal with stages to check carries them, as the map with nothing to decide does', () => {
    const dir = folder();
    writeFileSync(path.join(dir, 'given.yaml'), 'deals:\n  columns:\n    manager: "Менеджер"\n');
    const run = runCli(['map', 'deals.csv', '--map', 'given.yaml', '-o', 'new.yaml'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const written = readFileSync(path.join(dir, 'new.yaml'), 'utf8');
    expect(run.stderr).toContain('columns some metrics need are not found');
    expect(written).toContain('# deals.csv: columns some metrics need are not found:');
    expect(written).toMatch(/^# {3}- .*\(loss_reason\)$/m);
  });
});
