import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

// A consultant who mixes up the two files got a plausible report: «the CRM did nothing» (the same file
// twice: every change 0, ROI −100%) or «it made things worse» (the files swapped), with exit 0.
const HEADER = 'id,manager,created_at,closed_at,status,amount';
const january = [HEADER, '1,Ann,2025-01-02,2025-01-05,won,100000', '2,Ann,2025-01-10,2025-01-12,lost,50000', '3,Bob,2025-01-20,,open,'].join('\n');
const february = [HEADER, '5,Ann,2025-02-01,2025-02-03,won,200000', '6,Bob,2025-02-15,2025-02-20,won,100000', '7,Bob,2025-02-20,,open,'].join('\n');

function files(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-periods-'));
  writeFileSync(path.join(dir, 'jan.csv'), `${january}\n`);
  writeFileSync(path.join(dir, 'feb.csv'), `${february}\n`);
  // The last week of January again, with February: exports taken over overlapping dates.
  writeFileSync(path.join(dir, 'late-jan-feb.csv'), `${february}\n3,Bob,2025-01-20,,open,\n`);
  writeFileSync(path.join(dir, 'all.csv'), `${january}\n${february.split('\n').slice(1).join('\n')}\n`);
  return dir;
}

describe('compare with two sets of exports', () => {
  it('refuses the same deals file as before and after', () => {
    const run = runCli(['compare', '--before-deals', 'jan.csv', '--after-deals', './jan.csv', '--lang', 'en'], { cwd: files() });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('the before and after deals are the same file (jan.csv): every change would be zero');
  });

  it('refuses an after period that ends before the before period starts, saying the files look swapped', () => {
    const run = runCli(['compare', '--before-deals', 'feb.csv', '--after-deals', 'jan.csv', '--lang', 'ru'], { cwd: files() });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('период «после» (02.01.2025 — 20.01.2025) раньше периода «до» (01.02.2025 — 20.02.2025)');
    expect(run.stderr).toContain('поменяйте местами --before-* и --after-*');
  });

  it('says so when the periods share days, and goes on', () => {
    const run = runCli(['compare', '--before-deals', 'jan.csv', '--after-deals', 'late-jan-feb.csv', '--format', 'json', '--lang', 'en'], { cwd: files() });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).after.from).toBe('2025-01-20');
    expect(run.stderr).toContain('The periods overlap: before 2025-01-02 — 2025-01-20, after 2025-01-20 — 2025-02-20');
    const apart = runCli(['compare', '--before-deals', 'jan.csv', '--after-deals', 'feb.csv', '--format', 'json', '--lang', 'en'], { cwd: files() });
    expect(apart.code, apart.stderr).toBe(0);
    expect(apart.stderr).not.toContain('overlap');
  });
});

describe('compare with a cutover', () => {
  it('on the first day of the data: the before period would be empty, said without contradicting itself', () => {
    const run = runCli(['compare', '-d', 'all.csv', '--cutover', '2025-01-02', '--lang', 'en'], { cwd: files() });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('no deal was created before the cutover 2025-01-02: the data runs from 2025-01-02 to 2025-02-20, so the before period would be empty');
  });

  it('a project with no gain does not pay back for that reason, not for a running cost it does not have', () => {
    const dir = files();
    // February's revenue per month is above January's: pays back. Swapped around the cutover by the data: January higher.
    writeFileSync(path.join(dir, 'down.csv'), `${HEADER}\n1,Ann,2025-01-02,2025-01-05,won,900000\n2,Ann,2025-02-03,2025-02-05,won,1000\n3,Ann,2025-02-20,,open,\n`);
    const run = runCli(['compare', '-d', 'down.csv', '--cutover', '2025-02-01', '--cost', '50000', '--lang', 'en'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('does not pay back: there is no gain (revenue per month after is not above before)');
    expect(run.stdout).not.toContain('running cost');
    const ru = runCli(['compare', '-d', 'down.csv', '--cutover', '2025-02-01', '--cost', '50000', '--lang', 'ru'], { cwd: dir });
    expect(ru.stdout).toContain('не окупается: прироста нет');
  });
});
