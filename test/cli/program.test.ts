import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };
const COMMANDS = ['audit', 'validate', 'kpi', 'inspect', 'compare', 'report', 'generate', 'demo'];

describe('the CLI contract', () => {
  it('prints --version', () => {
    const run = runCli(['--version']);
    expect(run.code).toBe(0);
    expect(run.stdout.trim()).toBe(pkg.version);
  });

  it.each(COMMANDS)('%s --help has an Examples block and exits 0', (command) => {
    const run = runCli([command, '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/Examples:\n {2}# .+\n {2}\$ crm-audit /);
  });

  it('exits 2 on an unknown command or option', () => {
    expect(runCli(['bogus']).code).toBe(2);
    const run = runCli(['audit', '--bogus']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/unknown option '--bogus'/);
  });

  it('exits 2 on a bad option value without a stack', () => {
    const run = runCli(['audit', '-a', 'samples/answers/leader.yaml', '--managers', 'many']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/--managers must be a positive whole number/);
    expect(run.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });

  it('--help does not load exceljs or the prompt library', () => {
    const run = runCli(['--help'], { env: { NODE_DEBUG: 'module' } });
    expect(run.code).toBe(0);
    expect(run.stderr).not.toMatch(/exceljs|@inquirer/);
  });
});
