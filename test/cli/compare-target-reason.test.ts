import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

/**
 * A tester (T33 F4): with no sale before, conversion's and revenue's targets have no verdict («—»): the CSV and the
 * workbook said why («цель не оценить: в периоде «до» 0…»), the terminal, Markdown, HTML and JSON did not.
 */
const HEADER = 'id,manager,created_at,closed_at,status,amount';
// Before: nothing won (conversion 0, revenue 0, no average check). After: 2 of 4 won, 100 000 and 50 000.
const BEFORE = [HEADER, '1,Ann,2024-01-01,2024-01-05,lost,100000', '2,Ann,2024-01-03,2024-01-06,lost,50000', '3,Bob,2024-01-05,,open,', '4,Bob,2024-01-10,,open,'].join('\n');
const AFTER = [HEADER, '5,Ann,2024-03-01,2024-03-03,won,100000', '6,Ann,2024-03-03,2024-03-05,won,50000', '7,Bob,2024-03-05,2024-03-06,lost,70000', '8,Bob,2024-03-10,,open,'].join('\n');
const TARGETS = 'targets:\n  conversion: +20%\n  revenue_per_month: +15%\n  average_check: +50%\n';

function dir(): string {
  const d = mkdtempSync(path.join(tmpdir(), 'crm-audit-target-reason-'));
  writeFileSync(path.join(d, 'before.csv'), `${BEFORE}\n`);
  writeFileSync(path.join(d, 'after.csv'), `${AFTER}\n`);
  writeFileSync(path.join(d, 't.yaml'), TARGETS);
  return d;
}

const RU = 'Цель не оценить: Конверсия, Выручка в месяц — в периоде «до» 0, изменения в процентах нет; Средний чек — в одном из периодов нет значения';
const EN = 'Target not judged: Conversion, Revenue per month — the before period is 0, so there is no change in per cent; Average deal size — a period has no value';

describe('why a target has no verdict, in every format that shows the target', () => {
  const d = dir();
  const run = (...args: string[]) => {
    const r = runCli(['compare', '--before-deals', 'before.csv', '--after-deals', 'after.csv', '--targets', 't.yaml', '--now', '2025-01-15', ...args], { cwd: d });
    expect(r.code, r.stderr).toBe(0);
    return r.stdout;
  };

  it('JSON: rows[].target_not_applicable, beside met null; none where the target is judged or not_applicable says why', () => {
    const rows: Array<Record<string, unknown>> = JSON.parse(run('--format', 'json')).rows;
    const row = (m: string) => rows.find((r) => r.metric === m)!;
    expect(row('conversion')).toMatchObject({ before: 0, after: 0.5, met: null, target_not_applicable: 'the target cannot be judged: the before period is 0, so there is no change in per cent' });
    expect(row('revenue_per_month')).toMatchObject({ before: 0, met: null, target_not_applicable: 'the target cannot be judged: the before period is 0, so there is no change in per cent' });
    expect(row('average_check')).toMatchObject({ before: null, after: 75_000, met: null, target_not_applicable: 'the target cannot be judged: a period has no value' });
    // No call log: the response row's own reason says why, its target needs none of its own.
    expect(row('response_min_median').not_applicable).toBeDefined();
    expect(row('response_min_median').target_not_applicable).toBeUndefined();
    // A judged target (win rate 0 → 2/3 has no target) and a row without a target carry none.
    expect(rows.filter((r) => r.target_not_applicable !== undefined).map((r) => r.metric)).toEqual(['conversion', 'revenue_per_month', 'average_check']);
  });

  it('terminal and Markdown: a line under the table, in Russian and English', () => {
    expect(run('--lang', 'ru').replace(/\n/g, ' ')).toContain(RU);
    expect(run('--lang', 'en').replace(/\n/g, ' ')).toContain(EN);
    expect(run('--lang', 'ru', '--format', 'md').split('\n')).toContain(RU);
  });

  it('HTML: under the before/after table and under the headline table', () => {
    const file = path.join(d, 'c.html');
    run('--lang', 'ru', '-o', file);
    const html = readFileSync(file, 'utf8');
    const notes = [...html.matchAll(/<p class="note not-computed">([^<]*)<\/p>/g)].map((m) => m[1]);
    // The headline table (the rows with a target: conversion, revenue, average check) and the before/after table each say it.
    expect(notes.filter((n) => n === RU)).toHaveLength(2);
  });
});
