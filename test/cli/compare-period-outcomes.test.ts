import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const HEADER = 'id,manager,created_at,closed_at,status,amount';
const line = (id: number, month: string, status: string, amount: string) => `${id},Ann,2024-${month}-01 10:00,2024-${month}-05 10:00,${status},${amount}`;
// Six deals of 2024, every one won: an export filtered to the won stage.
const allWon = [HEADER, ...['01', '02', '03', '04', '05', '06'].map((m, i) => line(i + 1, m, 'won', '1000'))];
// Six deals of 2025, two won and four lost.
const mixed = [HEADER, ...['01', '02', '03', '04', '05', '06'].map((m, i) => line(i + 11, m, i < 2 ? 'won' : 'lost', '1000').replace('2024-', '2025-').replace('2024-', '2025-'))];
// Three won deals of 2024 whose amounts were never filled, in a file with an amount column.
const bare = [HEADER, '1,Ann,2024-01-01 10:00,2024-01-10 10:00,won,', '2,Ann,2024-02-01 10:00,2024-02-10 10:00,won,', '3,Bob,2024-03-31 10:00,2024-04-02 10:00,won,'];
// After: 01.01–31.03.2025 (90 days), two won deals, 900 000.
const after = [HEADER, '11,Ann,2025-01-01 10:00,2025-01-10 10:00,won,600000', '12,Bob,2025-03-31 10:00,2025-04-02 10:00,lost,300000', '13,Bob,2025-03-31 10:00,2025-04-02 10:00,won,300000'];
// No status column: won, lost and everything from them are not applicable in «до».
const noStatus = ['id,manager,created_at,closed_at,amount', '1,Ann,2024-01-01 10:00,2024-01-10 10:00,300000', '2,Bob,2024-03-31 10:00,,'];

function files(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-period-outcomes-'));
  const write = (name: string, lines: string[]) => writeFileSync(path.join(dir, name), `${lines.join('\n')}\n`);
  write('won.csv', allWon);
  write('mixed.csv', mixed);
  write('one.csv', [...allWon, ...mixed.slice(1)]);
  write('bare.csv', bare);
  write('bare-one.csv', [...bare, ...after.slice(1)]);
  write('after.csv', after);
  write('nostatus.csv', noStatus);
  return dir;
}

interface Json {
  rows: Array<{ metric: string; before: number | null; after: number | null; not_applicable?: string }>;
  payback: { gain_per_month: number | null; payback_months: number | null; roi_12m: number | null; not_applicable?: string } | null;
  dataQuality: { alerts: Array<{ code: string; which?: string; deals?: number; won?: number }> };
}

function compare(args: string[], dir: string, lang = 'en'): { json: Json; stderr: string } {
  const run = runCli(['compare', ...args, '--now', '2026-12-05', '--format', 'json', '--lang', lang], { cwd: dir });
  expect(run.code, run.stderr).toBe(0);
  return { json: JSON.parse(run.stdout) as Json, stderr: run.stderr };
}

describe('compare says of each period what kpi says of a file\'s outcomes (T39 F19)', () => {
  it('a «до» export of won deals only is said, of that period, with two sets and with a cutover', () => {
    const dir = files();
    const two = compare(['--before-deals', 'won.csv', '--after-deals', 'mixed.csv'], dir, 'ru');
    expect(two.json.dataQuality.alerts).toContainEqual({ code: 'one-outcome', outcome: 'won', deals: 6, which: 'before' });
    expect(two.stderr).toContain('В периоде «до»: выиграны все сделки (6): ни одной проигранной и ни одной открытой');
    const cut = compare(['-d', 'one.csv', '--cutover', '2025-01-01'], dir);
    expect(cut.json.dataQuality.alerts).toContainEqual({ code: 'one-outcome', outcome: 'won', deals: 6, which: 'before' });
    expect(cut.stderr).toContain('In the before period: all 6 deals are won: none is lost or open');
    // Of the twelve deals together nothing is one outcome: before, nothing was said.
    expect(cut.json.dataQuality.alerts.filter((a) => a.code === 'one-outcome')).toHaveLength(1);
  });

  it('periods each too small to say it, all won together, are said together, as before', () => {
    const dir = files();
    writeFileSync(path.join(dir, 'won3.csv'), `${allWon.slice(0, 4).join('\n')}\n`);
    writeFileSync(path.join(dir, 'won2.csv'), `${[HEADER, '21,Ann,2025-01-01 10:00,2025-01-02 10:00,won,5', '22,Ann,2025-01-20 10:00,2025-01-22 10:00,won,5'].join('\n')}\n`);
    const run = compare(['--before-deals', 'won3.csv', '--after-deals', 'won2.csv'], dir);
    expect(run.json.dataQuality.alerts).toContainEqual({ code: 'one-outcome', outcome: 'won', deals: 5 });
  });
});

describe('a period whose won deals have no amount gives no gain (T39 F18)', () => {
  it('payback and ROI are null with the period and its option named; revenue stays 0 as the spec says', () => {
    const dir = files();
    const { json, stderr } = compare(['--before-deals', 'bare.csv', '--after-deals', 'after.csv', '--cost', '1500000'], dir);
    const revenue = json.rows.find((r) => r.metric === 'revenue_per_month')!;
    // By hand: «до» 01.01–31.03.2024, 91 days; revenue 0. «после» 01.01–31.03.2025, 90 days: 900 000 / (90 / 30.4375).
    expect(revenue.before).toBe(0);
    expect(revenue.after).toBeCloseTo(900_000 / (90 / 30.4375), 6);
    expect(json.payback).toEqual({ gain_per_month: null, payback_months: null, roi_12m: null, not_applicable: 'no won deal of the before period has an amount (--before-deals): its revenue reads 0, and a gain from a revenue taken as 0 is no gain' });
    expect(json.dataQuality.alerts).toContainEqual({ code: 'won-no-amount', won: 3, which: 'before', file: 'bare.csv' });
    expect(stderr).toContain('bare.csv: in the before period none of the 3 won deals has an amount');
  });

  it('the same with one file and a cutover names --deals, and is said in Russian', () => {
    const { json, stderr } = compare(['-d', 'bare-one.csv', '--cutover', '2025-01-01', '--cost', '1500000'], files(), 'ru');
    expect(json.payback?.not_applicable).toBe('no won deal of the before period has an amount (--deals): its revenue reads 0, and a gain from a revenue taken as 0 is no gain');
    expect(stderr).toContain('bare-one.csv: в периоде «до» ни у одной из 3 выигранных сделок нет суммы: выручка периода 0');
  });

  it('a period with no won deal at all has a revenue of 0 that is one: payback is computed', () => {
    const dir = files();
    writeFileSync(path.join(dir, 'lost.csv'), `${[HEADER, '1,Ann,2024-01-01 10:00,2024-01-10 10:00,lost,', '2,Ann,2024-03-31 10:00,2024-04-02 10:00,lost,'].join('\n')}\n`);
    const { json } = compare(['--before-deals', 'lost.csv', '--after-deals', 'after.csv', '--cost', '1500000'], dir);
    const gain = 900_000 / (90 / 30.4375);
    expect(json.payback?.gain_per_month).toBeCloseTo(gain, 6);
    expect(json.payback?.payback_months).toBeCloseTo(1_500_000 / gain, 9);
  });
});

describe('a «до» file without a status column (T39 F20)', () => {
  it('leaves won per manager a month null with the status reason, and payback names the status column of that file', () => {
    const dir = files();
    const { json } = compare(['--before-deals', 'nostatus.csv', '--after-deals', 'after.csv', '--cost', '100000'], dir);
    const row = json.rows.find((r) => r.metric === 'won_per_manager_per_month')!;
    const reason = "needs a status or stage column in the before period's deals file (--before-deals) (without one every deal reads as open)";
    // «после»: 2 won / 2 managers / (90 / 30.4375) months.
    expect(row).toMatchObject({ before: null, after: 2 / 2 / (90 / 30.4375), not_applicable: reason });
    expect(json.rows.find((r) => r.metric === 'conversion')!.not_applicable).toBe(reason);
    expect(json.payback).toEqual({ gain_per_month: null, payback_months: null, roi_12m: null, not_applicable: reason });
    const ru = runCli(['compare', '--before-deals', 'nostatus.csv', '--after-deals', 'after.csv', '--cost', '100000', '--now', '2026-12-05', '--lang', 'ru'], { cwd: dir });
    expect(ru.stdout).toContain('не рассчитаны: нужна колонка статуса или этапа в файле сделок «до» (--before-deals) (без неё все сделки выглядят открытыми)');
    expect(ru.stdout).not.toContain('колонка суммы');
  });
});
