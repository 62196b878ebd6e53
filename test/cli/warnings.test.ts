import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import type { CliContext } from '../../src/cli/context.js';
import { warningLine } from '../../src/cli/warnings.js';
import { ROOT, runCli } from '../helpers/cli.js';

function context(columns: number | undefined): CliContext {
  const stderr = Object.assign(new PassThrough(), { isTTY: columns !== undefined, columns });
  return { stdout: new PassThrough(), stderr, stdin: new PassThrough(), env: { NO_COLOR: '1' }, cwd: '/', debug: false };
}

const text = 'These look like the same people written two ways (in the call log and in the CRM, say): "Smirnova Anna" and "Anna Smirnova". If so, pass --map with:\nmanagers:\n  "Smirnova Anna": "Anna Smirnova with a long name that goes past the edge of the terminal"';

describe('a warning on stderr', () => {
  it('wraps its sentences between words within a terminal, and leaves a --map snippet whole', () => {
    const lines = warningLine(context(41), 'en', text).trimEnd().split('\n');
    const snippet = lines.indexOf('managers:');
    expect(snippet).toBeGreaterThan(1);
    for (const l of lines.slice(0, snippet)) expect(l.length).toBeLessThanOrEqual(40);
    expect(lines.slice(0, snippet).join(' ')).toBe(`Warning: ${text.split('\n')[0]}`);
    expect(lines.slice(snippet)).toEqual(text.split('\n').slice(1));
  });

  it('is one line per line of its text where stderr is not a terminal', () => {
    expect(warningLine(context(undefined), 'en', text)).toBe(`Warning: ${text}\n`);
  });
});

// A tester: `audit --answers a1.yaml --from 2025-03-01 --touch-norm 3` ignored both options without a word, while
// --hourly-cost without --managers is said to change nothing.
describe('options that read exports, given with no export', () => {
  const LEADER = path.join(ROOT, 'samples', 'answers', 'leader.yaml');
  const DEALS = path.join(ROOT, 'samples', 'amocrm-deals.csv');
  const NOW = ['--now', '2025-07-01T00:00:00Z', '--format', 'json'];

  it('audit from answers alone says they change nothing, in the language of the run; typed, not defaulted', () => {
    const ru = runCli(['audit', '--answers', LEADER, '--from', '2025-03-01', '--touch-norm', '3', '--lang', 'ru', ...NOW]);
    expect(ru.code).toBe(0);
    expect(ru.stderr).toBe('Внимание: --from, --touch-norm ни на что не влияют без выгрузок (--deals …): эти параметры — о чтении выгрузок и показателях по ним\n');
    const en = runCli(['audit', '--answers', LEADER, '--sheet', '2', '--lang', 'en', ...NOW]);
    expect(en.stderr).toBe('Warning: --sheet changes nothing without exports (--deals …): it is about reading exports and the metrics computed from them\n');
    // --touch-norm's default (5) and --callback-window's (24h) are not options given.
    expect(runCli(['audit', '--answers', LEADER, '--lang', 'en', ...NOW]).stderr).toBe('');
    // With the deals export they are used, and nothing is said of them.
    expect(runCli(['audit', '--answers', LEADER, '-d', DEALS, '--touch-norm', '3', '--lang', 'en', ...NOW]).stderr).not.toContain('changes nothing');
  });

  it('report with answers alone says so too; --spend, --plan, --by need the deals export', () => {
    const ru = runCli(['report', '--answers', LEADER, '--callback-window', '2h', '--to', '2025-03-01', '--lang', 'ru', ...NOW]);
    expect(ru.code).toBe(0);
    expect(ru.stderr).toContain('Внимание: --to, --callback-window ни на что не влияют без выгрузок (--deals …)');
    const en = runCli(['report', '--answers', LEADER, '--by', 'source', '--time-offset', '3', '--lang', 'en', ...NOW]);
    expect(en.stderr).toContain('Warning: --by changes nothing without the deals export (--deals): it is about the metrics computed from it\n');
    expect(en.stderr).toContain('Warning: --time-offset changes nothing without exports (--deals …)');
    // With the deals, --touch-norm is said only for want of the activities it is about.
    const deals = runCli(['report', '--answers', LEADER, '-d', DEALS, '--touch-norm', '3', '--lang', 'en', ...NOW]).stderr;
    expect(deals).not.toContain('without exports');
    expect(deals).toContain('Warning: --touch-norm changes nothing without');
  });
});

// A tester: a CI config with hourlyCost and no managers gave a workbook with no money column and no word why; audit warns.
describe('an hourly cost without the number of managers, in report', () => {
  const LEADER = path.join(ROOT, 'samples', 'answers', 'leader.yaml');
  const NOW = ['--now', '2025-07-01T00:00:00Z', '--format', 'json'];

  it('--hourly-cost is said to change nothing without --managers, as audit says it', () => {
    const ru = runCli(['report', '--answers', LEADER, '--hourly-cost', '1500', '--lang', 'ru', ...NOW]);
    expect(ru.code).toBe(0);
    expect(ru.stderr).toBe('Внимание: --hourly-cost ни на что не влияет без --managers: деньги рекомендаций — это часы × число менеджеров × стоимость часа\n');
    expect(ru.stderr).toBe(runCli(['audit', '--answers', LEADER, '--hourly-cost', '1500', '--lang', 'ru', ...NOW]).stderr);
    const en = runCli(['report', '--answers', LEADER, '--hourly-cost', '1500', '--lang', 'en', ...NOW]);
    expect(en.stderr).toBe("Warning: --hourly-cost changes nothing without --managers: a recommendation's money is hours × managers × the hourly cost\n");
    expect(runCli(['report', '--answers', LEADER, '--hourly-cost', '1500', '--managers', '8', '--lang', 'en', ...NOW]).stderr).toBe('');
  });

  it('the config key is named as written in the config; managers from either place silence it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-hourly-'));
    writeFileSync(path.join(dir, 'crm-audit.config.yaml'), `audit: { answers: ${JSON.stringify(LEADER)}, hourlyCost: "1 500" }\n`);
    const ru = runCli(['report', '--lang', 'ru', ...NOW], { cwd: dir });
    expect(ru.code).toBe(0);
    expect(ru.stderr).toBe('Внимание: audit.hourlyCost в конфиге ни на что не влияет без audit.managers (или --managers): деньги рекомендаций — это часы × число менеджеров × стоимость часа\n');
    const en = runCli(['report', '--lang', 'en', ...NOW], { cwd: dir });
    expect(en.stderr).toBe("Warning: audit.hourlyCost in the config changes nothing without audit.managers (or --managers): a recommendation's money is hours × managers × the hourly cost\n");
    expect(runCli(['report', '--managers', '8', '--lang', 'en', ...NOW], { cwd: dir }).stderr).toBe('');
    writeFileSync(path.join(dir, 'crm-audit.config.yaml'), `audit: { answers: ${JSON.stringify(LEADER)}, hourlyCost: 1500, managers: 8 }\n`);
    expect(runCli(['report', '--lang', 'en', ...NOW], { cwd: dir }).stderr).toBe('');
  });
});

// A tester: report read compare.monthlyCost and compare.margin with no cost (payback null, no word why) and `compare: {}`
// (no comparison at all) in silence, where compare says «--monthly-cost ни на что не влияет без --cost».
describe('report: the comparison settings that change nothing', () => {
  const DEALS = JSON.stringify(path.join(ROOT, 'samples/amocrm-deals.csv'));
  const config = (body: string) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-compare-unused-'));
    writeFileSync(path.join(dir, 'crm-audit.config.yaml'), `kpi: { deals: ${DEALS} }\n${body}`);
    return dir;
  };
  const report = (dir: string, ...args: string[]) => runCli(['report', '--format', 'json', ...args, '--now', '2025-07-01T00:00:00Z'], { cwd: dir });

  it('a running cost and a margin without a one-off cost: said as compare says them, named as given', () => {
    const cli = report(config('compare: { cutover: 01.01.2025 }\n'), '--monthly-cost', '40000', '--margin', '35%', '--lang', 'ru');
    expect(cli.code, cli.stderr).toBe(0);
    expect(cli.stderr).toBe('Внимание: --monthly-cost ни на что не влияет без --cost: окупаемость и ROI считаются от разовых затрат на внедрение. Если разовых затрат не было (CRM по подписке), укажите --cost 0.\nВнимание: --margin ни на что не влияет без --cost: доля маржи нужна только окупаемости и ROI\n');
    const dir = config('compare: { cutover: 01.01.2025, monthlyCost: 40000, margin: 35% }\n');
    expect(report(dir, '--lang', 'en').stderr).toBe('Warning: compare.monthlyCost in the config changes nothing without compare.cost (or --cost): payback and ROI are computed from the one-off implementation cost. If there was no one-off cost (a CRM paid by subscription), set compare.cost: 0 (or --cost 0).\nWarning: compare.margin in the config changes nothing without compare.cost (or --cost): the margin share only goes into payback and ROI\n');
    expect(report(dir, '--cost', '1500000', '--lang', 'en').stderr).toBe('');
  });

  it('a compare section, or the comparison options, with nothing to compare', () => {
    const empty = report(config('compare: {}\n'), '--lang', 'ru');
    expect(empty.code, empty.stderr).toBe(0);
    expect(empty.stderr).toBe('Внимание: раздел compare в конфиге ничего не сравнивает: в нём нет ни даты внедрения (cutover), ни файлов «до» и «после» (before, after)\n');
    expect(report(config('compare: {}\n'), '--cutover', '2025-01-01', '--lang', 'ru').stderr).toBe('');
    const typed = report(config(''), '--cost', '100000', '--by-manager', '--lang', 'en');
    expect(typed.stderr).toBe('Warning: --cost, --by-manager change nothing without a comparison: they need a cutover (--cutover) or before and after files (--before-deals, --after-deals)\n');
  });
});
