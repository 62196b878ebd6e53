import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

/**
 * Two deals in December, three in January; a call log that starts at go-live (02.01.2025) and ends
 * on 04.01.2025. Deal 1's only call is a month after it: 44 580 min.
 */
function files(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'coverage-'));
  writeFileSync(
    path.join(dir, 'deals.csv'),
    [
      'id,manager,created_at,closed_at,status',
      '1,Иванов Иван,2024-12-02 10:00,2024-12-10 10:00,won',
      '2,Иванов Иван,2024-12-03 10:00,2024-12-05 10:00,lost',
      '3,Иванов Иван,2025-01-02 10:00,2025-01-10 10:00,won',
      '4,Иванов Иван,2025-01-03 10:00,2025-01-06 10:00,lost',
      '5,Иванов Иван,2025-01-20 10:00,,open',
    ].join('\n'),
  );
  writeFileSync(path.join(dir, 'calls.csv'), ['deal_id,manager,at,direction', '1,Иванов Иван,2025-01-02 09:00,out', '3,Иванов Иван,2025-01-02 10:30,out', '4,Иванов Иван,2025-01-03 11:00,out', '3,Иванов Иван,2025-01-04 10:00,out'].join('\n'));
  writeFileSync(path.join(dir, 'before.csv'), 'id,manager,created_at,status\n1,Иванов Иван,2024-12-02 10:00,won\n');
  writeFileSync(path.join(dir, 'after.csv'), 'id,manager,created_at,status\n3,Иванов Иван,2025-01-02 10:00,won\n');
  writeFileSync(path.join(dir, 'pay.csv'), 'deal_id,invoiced,paid\n1,100,100\n');
  return dir;
}

const NEEDS = 'needs activities dated within the before period: the activities file has none in it';

describe('a call log that does not cover a period\'s deals', () => {
  it('compare --cutover: the before period has no call, so its touches and response are null with the reason, and the target has no verdict', () => {
    const dir = files();
    const run = runCli(['compare', '-d', 'deals.csv', '-a', 'calls.csv', '--cutover', '2025-01-01', '--format', 'json', '--lang', 'en'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const rows = JSON.parse(run.stdout).rows as Array<Record<string, unknown>>;
    // After: responses of 30 (deal 3) and 60 min (deal 4), median 45; the won deal 3 has 2 calls by its close.
    expect(rows.find((r) => r.metric === 'response_min_median')).toEqual({ metric: 'response_min_median', before: null, after: 45, change: null, change_pct: null, better: 'down', target: -0.3, met: null, not_applicable: NEEDS });
    expect(rows.find((r) => r.metric === 'touches_per_won')).toMatchObject({ before: null, after: 2, met: null, not_applicable: NEEDS });
    expect(run.stderr).toContain(
      'Warning: calls.csv: the activities are dated 2025-01-02 — 2025-01-04, the deals of the before period were created 2024-12-02 — 2024-12-03: of the 2 deals, 2 were created more than a week before the first activity. No activity is dated within that period: its response times, touches, "no response", missed share and callback rate are not computed.',
    );
    // The after period: 1 of its 3 deals (20.01) after the last call, a third: not said.
    expect(run.stderr).not.toMatch(/after period/);
  });

  // A tester (T33 F1a) swapped the two call logs: each period's missed share and callback rate came from the other's calls
  // («Доля пропущенных 50,0% → 66,7%, хуже»), while its touches and responses were null for want of a call in its dates.
  it('two sets: a period whose call log holds no call of its dates has no missed share or callback rate either', () => {
    const dir = files();
    writeFileSync(path.join(dir, 'jan-calls.csv'), ['deal_id,manager,at,direction,missed,client', '3,Иванов Иван,2025-01-02 09:00,in,true,A', '3,Иванов Иван,2025-01-02 10:30,out,false,A', '3,Иванов Иван,2025-01-03 09:00,in,false,A'].join('\n'));
    writeFileSync(path.join(dir, 'jan-calls-2.csv'), ['deal_id,manager,at,direction,missed,client', '3,Иванов Иван,2025-01-02 09:00,in,true,A', '3,Иванов Иван,2025-01-02 10:30,out,false,A'].join('\n'));
    const run = runCli(['compare', '--before-deals', 'before.csv', '--after-deals', 'after.csv', '--before-activities', 'jan-calls.csv', '--after-activities', 'jan-calls-2.csv', '--format', 'json', '--lang', 'en'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const rows = JSON.parse(run.stdout).rows as Array<Record<string, unknown>>;
    // After: one incoming call, missed, called back 90 minutes later.
    expect(rows.find((r) => r.metric === 'missed_share')).toMatchObject({ before: null, after: 1, change: null, met: null, not_applicable: NEEDS });
    expect(rows.find((r) => r.metric === 'callback_rate')).toMatchObject({ before: null, after: 1, change: null, met: null, not_applicable: NEEDS });
    expect(run.stderr).toContain('missed share and callback rate are not computed');
  });

  // Tester T64 F1: a log of January and late March beside «после» deals of February to March 10. Its first and last
  // lie on both sides of the period, which holds none of its calls: the response median was 54 840 minutes, from calls of no period.
  it('compare --cutover: a period that falls in a gap of the log is as one the log lies to one side of', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'coverage-gap-'));
    writeFileSync(path.join(dir, 'deals.csv'), ['id,manager,created_at,closed_at,status', '1,Иванов Иван,2025-01-10 09:00,2025-01-20 09:00,won', '2,Иванов Иван,2025-02-10 09:00,2025-03-15 09:00,won', '3,Иванов Иван,2025-03-10 09:00,,open'].join('\n'));
    writeFileSync(path.join(dir, 'calls.csv'), ['deal_id,manager,at,direction', '1,Иванов Иван,2025-01-10 10:00,out', '2,Иванов Иван,2025-03-20 10:00,out', '3,Иванов Иван,2025-03-21 10:00,out'].join('\n'));
    const run = runCli(['compare', '-d', 'deals.csv', '-a', 'calls.csv', '--cutover', '2025-02-01', '--format', 'json', '--lang', 'en', '--now', '2025-06-01'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const rows = JSON.parse(run.stdout).rows as Array<Record<string, unknown>>;
    const after = NEEDS.replace('before', 'after');
    for (const metric of ['touches_per_won', 'response_min_median']) expect(rows.find((r) => r.metric === metric), metric).toMatchObject({ after: null, not_applicable: after });
    // The before period holds deal 1's call: its response of 60 min and its one touch stay.
    expect(rows.find((r) => r.metric === 'response_min_median')).toMatchObject({ before: 60 });
    expect(rows.find((r) => r.metric === 'touches_per_won')).toMatchObject({ before: 1 });
    expect(run.stderr).toContain('No activity is dated within that period');
  });

  it('compare in Russian: «—» and no «✓ да» for the response, the reason under the table, the warning', () => {
    const run = runCli(['compare', '-d', 'deals.csv', '-a', 'calls.csv', '--cutover', '2025-01-01', '--lang', 'ru'], { cwd: files() });
    expect(run.code, run.stderr).toBe(0);
    const line = run.stdout.split('\n').find((l) => l.startsWith('Реакция'))!;
    expect(line).not.toContain('да');
    expect(line).toMatch(/^Реакция, мин \(медиана\)\s+—\s+45,0\s+—\s+—\s+—\s+−30,0%\s+—$/);
    expect(run.stdout.replace(/\s+/g, ' ')).toContain('нужны действия, датированные периодом «до»: в файле активностей их нет');
    expect(run.stderr).toContain('Внимание: calls.csv: действия в файле датированы 02.01.2025 — 04.01.2025, а сделки периода «до» созданы 02.12.2024 — 03.12.2024: из 2 сделок 2 созданы больше чем за неделю до первого действия. Ни одно действие не датировано этим периодом');
  });

  // Tester T67 L2: a deals file without ids beside a log naming deals by id links nothing; the warning spoke of numbers never printed.
  it('kpi: not said where neither touches nor the response is computed', () => {
    const dir = files();
    const deals = readFileSync(path.join(dir, 'deals.csv'), 'utf8').split('\n').map((l) => l.split(',').slice(1).join(','));
    writeFileSync(path.join(dir, 'no-ids.csv'), deals.join('\n'));
    const run = runCli(['kpi', '-d', 'no-ids.csv', '-a', 'calls.csv', '--format', 'json', '--lang', 'en'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    expect([out.total.touches_per_won, out.total.response_min_median]).toEqual([null, null]);
    expect(out.dataQuality.alerts.map((a: { code: string }) => a.code)).not.toContain('activities-outside-deals');
    expect(run.stderr).not.toContain('not meaningful');
    // compare alike (review R52): its periods' touches and responses are not computed either.
    const compare = runCli(['compare', '-d', 'no-ids.csv', '-a', 'calls.csv', '--cutover', '2025-01-01', '--format', 'json', '--lang', 'en'], { cwd: dir });
    expect(compare.code, compare.stderr).toBe(0);
    expect(JSON.parse(compare.stdout).dataQuality.alerts.map((a: { code: string }) => a.code)).not.toContain('activities-outside-deals');
    expect(compare.stderr).not.toContain('Export the activities for the same dates');
  });

  it('kpi: 3 of 5 deals outside the log\'s dates (2 a month before it, 1 after it) are said; the figures stay as the spec computes them', () => {
    const run = runCli(['kpi', '-d', 'deals.csv', '-a', 'calls.csv', '--format', 'json', '--lang', 'en'], { cwd: files() });
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    // 44 580, 30 and 60 min: median 60.
    expect(out.total.response_min_median).toBe(60);
    expect(out.dataQuality.alerts).toContainEqual({ code: 'activities-outside-deals', file: 'calls.csv', deals: { count: 5, from: '2024-12-02', to: '2025-01-20' }, activities: { from: '2025-01-02', to: '2025-01-04' }, early: 2, late: 1 });
    expect(run.stderr).toContain('of the 5 deals, 2 were created more than a week before the first activity, 1 after the last. Such deals can find a response only in activities long after them, or none: the response times and touches are not meaningful.');
  });

  it('kpi with the period the log covers says nothing', () => {
    const run = runCli(['kpi', '-d', 'deals.csv', '-a', 'calls.csv', '--from', '2025-01-01', '--to', '2025-01-05', '--format', 'json'], { cwd: files() });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).dataQuality.alerts).toEqual([]);
  });

  it('report --cutover says the before period\'s warning too, on stderr and in kpi.dataQuality.alerts (it said none)', () => {
    const run = runCli(['report', '-d', 'deals.csv', '-a', 'calls.csv', '--cutover', '2025-01-01', '--format', 'json', '--lang', 'en'], { cwd: files() });
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    expect(out.kpi.dataQuality.alerts).toContainEqual({ code: 'activities-outside-deals', file: 'calls.csv', which: 'before', deals: { count: 2, from: '2024-12-02', to: '2024-12-03' }, activities: { from: '2025-01-02', to: '2025-01-04' }, early: 2, late: 0, none: true });
    expect(run.stderr).toContain('the deals of the before period were created 2024-12-02 — 2024-12-03: of the 2 deals, 2 were created more than a week before the first activity. No activity is dated within that period');
    // The before period is 2024-12-02 — 2024-12-31 (30 days): not short; the after period 2025-01-01 — 2025-01-20 (20 days): not short either.
    expect(out.kpi.dataQuality.alerts.filter((a: { code: string }) => a.code === 'short-period')).toEqual([]);
  });

  it('compare --format json carries dataQuality: both periods\' files, their rows, and the alerts', () => {
    const run = runCli(['compare', '--before-deals', 'before.csv', '--after-deals', 'after.csv', '--format', 'json', '--lang', 'en'], { cwd: files() });
    expect(run.code, run.stderr).toBe(0);
    const q = JSON.parse(run.stdout).dataQuality;
    expect(q.files.map((f: { file: string; rowsRead: number }) => [f.file, f.rowsRead])).toEqual([['before.csv', 1], ['after.csv', 1]]);
    expect(q.rowsRead).toBe(2);
    expect(q.rowsSkippedCount).toBe(0);
    // One day in each period: both are short (under 14 days), as stderr says.
    expect(q.alerts.map((a: { code: string; which?: string }) => `${a.code} ${a.which}`)).toEqual(expect.arrayContaining(['short-period before', 'short-period after']));
    expect(q.warnings).toHaveLength(q.alerts.length);
  });

  it('compare refuses the same activities or payments file for both periods, as it does the same deals file', () => {
    const dir = files();
    const common = ['compare', '--before-deals', 'before.csv', '--after-deals', 'after.csv'];
    const calls = runCli([...common, '--before-activities', 'calls.csv', '--after-activities', './calls.csv', '--lang', 'en'], { cwd: dir });
    expect(calls.code).toBe(2);
    expect(calls.stderr).toContain("--before-activities and --after-activities are the same file (calls.csv): each period's deals would be linked to the other period's activities too");
    const ru = runCli([...common, '--before-activities', 'calls.csv', '--after-activities', 'calls.csv', '--lang', 'ru'], { cwd: dir });
    expect(ru.stderr).toContain('--before-activities и --after-activities — один и тот же файл (calls.csv): сделки каждого периода связались бы и с действиями другого периода');
    const pay = runCli([...common, '--before-payments', 'pay.csv', '--after-payments', 'pay.csv', '--lang', 'en'], { cwd: dir });
    expect(pay.code).toBe(2);
    expect(pay.stderr).toContain('--before-payments and --after-payments are the same file (pay.csv)');
  });
});

// A tester: before the CRM there was no call log; --before-deals/--after-deals/--after-activities was
// refused («у двух периодов разные виды файлов») while the same data with --cutover compared.
describe('two sets of files, a call log for the after period only', () => {
  it('compares: the before side of each activity row is empty with its reason, the after side computed', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'coverage-'));
    writeFileSync(path.join(dir, 'before.csv'), 'id,manager,created_at,closed_at,status\n1,Иванов Иван,2024-12-02 10:00,2024-12-10 10:00,won\n2,Иванов Иван,2024-12-03 10:00,2024-12-05 10:00,lost\n');
    writeFileSync(path.join(dir, 'after.csv'), 'id,manager,created_at,closed_at,status\n3,Иванов Иван,2025-01-02 10:00,2025-01-10 10:00,won\n4,Иванов Иван,2025-01-03 10:00,2025-01-06 10:00,lost\n');
    writeFileSync(path.join(dir, 'calls.csv'), 'deal_id,manager,at,direction\n3,Иванов Иван,2025-01-02 10:30,out\n4,Иванов Иван,2025-01-03 11:00,out\n3,Иванов Иван,2025-01-04 10:00,out\n');
    const args = ['compare', '--before-deals', 'before.csv', '--after-deals', 'after.csv', '--after-activities', 'calls.csv'];
    const run = runCli([...args, '--format', 'json', '--lang', 'en'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const rows = JSON.parse(run.stdout).rows as Array<Record<string, unknown>>;
    // The reason names the period's own option: --activities beside two sets is refused (below).
    const reason = 'needs an activities file with deal_id or client (--before-activities)';
    // After: deal 3 (won, closed 10.01) has 2 calls by its close; responses 30 (deal 3) and 60 min (deal 4), median 45.
    expect(rows.find((r) => r.metric === 'touches_per_won')).toMatchObject({ before: null, after: 2, change: null, met: null, not_applicable: reason });
    expect(rows.find((r) => r.metric === 'response_min_median')).toMatchObject({ before: null, after: 45, change: null, met: null, not_applicable: reason });
    // The deal rows compare as ever: conversion 1 of 2 in each period.
    expect(rows.find((r) => r.metric === 'conversion')).toMatchObject({ before: 0.5, after: 0.5, change: 0 });
    const ru = runCli([...args, '--lang', 'ru'], { cwd: dir });
    expect(ru.code, ru.stderr).toBe(0);
    expect(ru.stdout).toMatch(/^Реакция, мин \(медиана\)\s+—\s+45,0\s+—\s+—/m);
    // The period without a file and its own option are said (a reviewer), in the rows' reasons too.
    const md = runCli([...args, '--lang', 'ru', '--format', 'md'], { cwd: dir });
    expect(md.stdout).toContain('нужен файл активностей со сделкой или клиентом (--before-activities)');
    expect(md.stdout).not.toContain('(--activities)');
    expect(ru.stderr).toContain('У периода «до» нет файла активностей (--before-activities): его звонки, касания и реакция не рассчитаны, и в сравнении эти строки пусты.');
    expect(run.stderr).toContain('The before period has no activities file (--before-activities)');
  });

  // A tester: with no call log in either period the rows said «(--before-activities)»; adding it left them empty.
  it('with no call log in either period the reason names both options; with one period\'s, the other\'s; a cutover keeps --activities', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'coverage-'));
    writeFileSync(path.join(dir, 'before.csv'), 'id,manager,created_at,closed_at,status\n1,Иванов Иван,2024-12-02 10:00,2024-12-10 10:00,won\n2,Иванов Иван,2024-12-03 10:00,2024-12-05 10:00,lost\n');
    writeFileSync(path.join(dir, 'after.csv'), 'id,manager,created_at,closed_at,status\n3,Иванов Иван,2025-01-02 10:00,2025-01-10 10:00,won\n4,Иванов Иван,2025-01-03 10:00,2025-01-06 10:00,lost\n');
    writeFileSync(path.join(dir, 'calls.csv'), 'deal_id,manager,at,direction\n1,Иванов Иван,2024-12-02 10:30,out\n2,Иванов Иван,2024-12-03 11:00,out\n');
    const sets = ['compare', '--before-deals', 'before.csv', '--after-deals', 'after.csv'];
    const reasons = (args: string[]) => {
      const run = runCli([...args, '--format', 'json', '--lang', 'en'], { cwd: dir });
      expect(run.code, run.stderr).toBe(0);
      return Object.fromEntries((JSON.parse(run.stdout).rows as Array<{ metric: string; not_applicable?: string }>).filter((r) => r.not_applicable).map((r) => [r.metric, r.not_applicable]));
    };
    expect(reasons(sets)).toMatchObject({
      touches_per_won: 'needs an activities file with deal_id or client (--before-activities and --after-activities)',
      response_min_median: 'needs an activities file with deal_id or client (--before-activities and --after-activities)',
      missed_share: 'needs an activities file (--before-activities and --after-activities)',
    });
    const ru = runCli([...sets, '--lang', 'ru'], { cwd: dir });
    expect(ru.code, ru.stderr).toBe(0);
    expect(ru.stdout.replace(/\s+/g, ' ')).toContain('«Касаний на продажу», «Реакция, мин (медиана)», «Перезвонили» — нужен файл активностей со сделкой или клиентом (--before-activities и --after-activities); Доля пропущенных — нужен файл активностей (--before-activities и --after-activities)');
    const en = runCli([...sets, '--lang', 'en', '--format', 'md'], { cwd: dir });
    expect(en.stdout).toContain('(--before-activities and --after-activities)');
    // The before period's call log given: what is left to fill the rows is the after period's.
    expect(reasons([...sets, '--before-activities', 'calls.csv']).touches_per_won).toBe('needs an activities file with deal_id or client (--after-activities)');
    writeFileSync(path.join(dir, 'deals.csv'), ['id,manager,created_at,closed_at,status', '1,Иванов Иван,2024-12-02 10:00,2024-12-10 10:00,won', '2,Иванов Иван,2024-12-03 10:00,2024-12-05 10:00,lost', '3,Иванов Иван,2025-01-02 10:00,2025-01-10 10:00,won', '4,Иванов Иван,2025-01-03 10:00,2025-01-06 10:00,lost'].join('\n'));
    expect(reasons(['compare', '-d', 'deals.csv', '--cutover', '2025-01-01']).touches_per_won).toBe('needs an activities file with deal_id or client (--activities)');
  });

  it('-a beside two sets of files belongs to neither period: refused with the options that would take it', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'coverage-'));
    const loose = runCli(['compare', '--before-deals', 'b.csv', '--after-deals', 'a.csv', '-a', 'calls.csv', '--lang', 'ru'], { cwd: dir });
    expect(loose.code).toBe(2);
    expect(loose.stderr).toContain('--activities относится к одному набору файлов с --deals и --cutover; у двух наборов файлы каждого периода свои');
    expect(loose.stderr).toContain('передайте файл как --before-activities или --after-activities');
  });
});

// A tester (Zoho deals, which have no ID column, and calls dated in the after period only): both rows were told to
// want «activities dated within this period» — false for the after period, and no help for the before one.
describe('a call log linked by deal id, beside deals without an ID column', () => {
  it('compare --cutover gives kpi\'s reason (the ID column), the same in both periods and languages', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'coverage-ids-'));
    writeFileSync(path.join(dir, 'deals.csv'), ['manager,created_at,closed_at,status', 'Иванов Иван,2024-12-02 10:00,2024-12-10 10:00,won', 'Иванов Иван,2024-12-03 10:00,2024-12-05 10:00,lost', 'Иванов Иван,2025-01-02 10:00,2025-01-10 10:00,won', 'Иванов Иван,2025-01-03 10:00,2025-01-06 10:00,lost'].join('\n'));
    writeFileSync(path.join(dir, 'calls.csv'), ['deal_id,manager,at,direction', '1,Иванов Иван,2025-01-02 09:00,out', '3,Иванов Иван,2025-01-02 10:30,out'].join('\n'));
    const args = ['compare', '-d', 'deals.csv', '-a', 'calls.csv', '--cutover', '2025-01-01'];
    const kpi = JSON.parse(runCli(['kpi', '-d', 'deals.csv', '-a', 'calls.csv', '--format', 'json'], { cwd: dir }).stdout);
    const json = runCli([...args, '--format', 'json'], { cwd: dir });
    expect(json.code, json.stderr).toBe(0);
    const rows = JSON.parse(json.stdout).rows as Array<{ metric: string; not_applicable?: string }>;
    for (const metric of ['touches_per_won', 'response_min_median']) expect(rows.find((r) => r.metric === metric)?.not_applicable).toBe(kpi.notApplicable[metric]);
    expect(kpi.notApplicable.touches_per_won).toMatch(/^needs an id column in the deals file/);
    const ru = runCli([...args, '--lang', 'ru'], { cwd: dir });
    expect(ru.stdout.replace(/\s+/g, ' ')).toContain('«Касаний на продажу», «Реакция, мин (медиана)» — нужна колонка ID в файле сделок, совпадающая с ID сделки в файле активностей');
    expect(ru.stdout).not.toContain('датированные');
  });
});
