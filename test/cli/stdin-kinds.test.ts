import { describe, expect, it } from 'vitest';
import { closeSync, existsSync, mkdtempSync, openSync, readFileSync, writeFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { BIN, runCli } from '../helpers/cli.js';

// A file under the wrong option is named for what it is whether it is a path or stdin. stdin was
// skipped (it cannot be read twice): a call log on `kpi -d -` failed on its creation date with a
// ready `created_at: "at"` snippet, and following it read 13 calls as 6 leads, exit 0.
const dir = mkdtempSync(path.join(tmpdir(), 'stdin-kinds-'));
const CALLS = [
  'manager,at,kind,direction,missed,duration_s,deal_id,client',
  'Иванов Иван,2025-03-01 10:30:00,call,out,false,120,1,C1',
  'Иванов Иван,2025-03-02 11:00:00,email,out,false,,1,C1',
  'Петрова Анна,2025-03-04 12:00:00,call,in,true,0,2,C2',
  'Петрова Анна,2025-03-05 12:00:00,call,out,false,60,2,C2',
].join('\n');
const DEALS = [
  'id,manager,created_at,closed_at,status,amount,client',
  '1,Иванов Иван,2025-03-01 10:00:00,2025-03-05 10:00:00,won,100000,C1',
  '2,Петрова Анна,2025-03-04 09:00:00,,open,50000,C2',
  '3,Петрова Анна,2025-03-20 09:00:00,,open,50000,C3',
  '4,Иванов Иван,2025-03-25 09:00:00,2025-03-28 10:00:00,lost,,C4',
].join('\n');
const calls = path.join(dir, 'calls.csv');
const deals = path.join(dir, 'deals.csv');
writeFileSync(calls, CALLS);
writeFileSync(deals, DEALS);

/** The binary with stdin redirected from a file, as `… < file` does. */
function fromFile(args: string[], file: string) {
  const fd = openSync(file, 'r');
  try {
    const res = spawnSync(process.execPath, [BIN, ...args], { stdio: [fd, 'pipe', 'pipe'], env: { ...process.env, NO_COLOR: '1', LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '' } });
    return { code: res.status, stderr: res.stderr.toString('utf8'), stdout: res.stdout.toString('utf8') };
  } finally {
    closeSync(fd);
  }
}

describe('a file of another kind on stdin is named as by its path', () => {
  it.each([
    ['a call log as kpi -d -', ['kpi', '-d', '-'], CALLS, '--deals looks like an activities export, not deals', 'pass it as --activities, and a deals export as --deals'],
    ['payments as kpi -d -', ['kpi', '-d', '-'], readFileSync('samples/payments.csv'), '--deals looks like a payments export, not deals', 'pass it as --payments'],
    ['deals as kpi -a -', ['kpi', '-d', 'samples/amocrm-deals.csv', '-a', '-'], DEALS, '--activities looks like a deals export, not activities', 'pass it as --deals'],
    ['a call log as audit -d -', ['audit', '--answers', 'samples/answers/leader.yaml', '-d', '-'], CALLS, '--deals looks like an activities export, not deals', 'pass it as --activities'],
  ])('%s', (_name, args, input, said, hint) => {
    const run = runCli([...args, '--lang', 'en'], { input });
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain(`error: standard input (-): ${said}`);
    expect(run.stderr).toContain(`hint: ${hint}`);
    // Not the column snippet that makes a call log read as deals.
    expect(run.stderr).not.toMatch(/created_at: "at"|at: "created_at"|columns:/);
    expect(run.stderr).not.toMatch(/\bat .*\.js:\d+/);
  });

  it('in Russian, with the option it belongs to', () => {
    const run = runCli(['kpi', '-d', '-', '--lang', 'ru'], { input: CALLS });
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('ошибка: стандартный ввод (-): --deals: это похоже на журнал звонков и действий, а не на выгрузку сделок');
    expect(run.stderr).toContain('подсказка: передайте этот файл как --activities, а в --deals — выгрузку сделок');
  });

  it('the same bytes by path and on stdin give the same verdict', () => {
    const byPath = runCli(['kpi', '-d', calls, '--lang', 'en']);
    const piped = fromFile(['kpi', '-d', '-', '--lang', 'en'], calls);
    expect(piped.code).toBe(byPath.code);
    expect(piped.stderr).toBe(byPath.stderr.replace(calls, 'standard input (-)'));
  });

  // compare checks its files before reading any: stdin, as soon as its header is read.
  it.each([
    [['compare', '--before-deals', '-', '--after-deals', deals], CALLS, '--before-deals looks like an activities export, not deals', 'pass it as --before-activities'],
    [['compare', '--before-deals', deals, '--after-deals', deals.replace('deals.csv', 'deals2.csv'), '--after-activities', '-'], DEALS, '--after-activities looks like a deals export, not activities', 'pass it as --after-deals'],
    [['compare', '-d', '-', '--cutover', '2025-03-10'], CALLS, '--deals looks like an activities export, not deals', 'pass it as --activities'],
    [['report', '-d', '-', '--cutover', '2025-03-10'], CALLS, '--deals looks like an activities export, not deals', 'pass it as --activities'],
  ])('%j', (args, input, said, hint) => {
    writeFileSync(path.join(dir, 'deals2.csv'), DEALS.replace(/2025-03/g, '2025-04'));
    const run = runCli([...args, '--lang', 'en'], { input });
    expect(run.code, run.stderr).toBe(2);
    expect(run.stderr).toContain(`error: standard input (-): ${said}`);
    expect(run.stderr).toContain(`hint: ${hint}`);
  });

  it('a deals file on stdin is read as before', () => {
    const run = runCli(['kpi', '-d', '-', '-a', calls, '--format', 'json', '--now', '2025-04-01'], { input: DEALS });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).total).toMatchObject({ leads: 4, won: 1 });
    const cut = runCli(['compare', '-d', '-', '--cutover', '2025-03-10', '--format', 'json', '--now', '2025-04-01'], { input: DEALS });
    expect(cut.code, cut.stderr).toBe(0);
  });

  const zoho = path.resolve('../shared/real-exports/zoho_calls.csv');
  it.runIf(existsSync(zoho))("a real call log (Zoho's Calls) on kpi -d -", () => {
    const run = fromFile(['kpi', '-d', '-', '--lang', 'en'], zoho);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('error: standard input (-): --deals looks like an activities export, not deals');
  });
});
