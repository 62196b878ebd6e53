import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

// T39 F13: one deal of a mistyped 2015 among deals of 2025 made «до» 121 months long and turned the payback
// from none into 14,7 months, without a word (a future year was said, and a date before 1990).
const HEADER = 'id,manager,created_at,closed_at,status,amount';
const deals = [
  HEADER,
  '1,Ann,2025-01-01 10:00,2025-01-05 10:00,won,100000',
  '2,Ann,2025-01-10 10:00,,open,',
  '3,Bob,2025-01-20 10:00,2025-01-22 10:00,lost,',
  '4,Bob,2025-01-31 10:00,2025-02-03 10:00,won,60000',
  '5,Ann,2025-02-01 10:00,2025-02-02 10:00,won,80000',
  '6,Ann,2025-02-15 10:00,,open,',
  '7,Bob,2025-03-31 10:00,2025-04-01 10:00,won,50000',
];
const stray = '99,Ann,2015-01-01 10:00,2015-01-02 10:00,lost,';

function files(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-stray-'));
  const write = (name: string, lines: string[]) => writeFileSync(path.join(dir, name), `${lines.join('\n')}\n`);
  write('clean.csv', deals);
  write('stray.csv', [...deals, stray]);
  write('before.csv', [...deals.slice(0, 5), stray]);
  write('after.csv', [HEADER, ...deals.slice(5)]);
  write('before-clean.csv', deals.slice(0, 5));
  // A mistyped 2026 in «после», before the report date (future-deals does not say it).
  write('after-late.csv', [HEADER, ...deals.slice(5), '98,Bob,2026-11-30 10:00,,open,']);
  return dir;
}

function run(args: string[], dir: string, lang = 'en') {
  const r = runCli(['compare', ...args, '--now', '2026-12-05', '--format', 'json', '--lang', lang], { cwd: dir });
  expect(r.code, r.stderr).toBe(0);
  return { json: JSON.parse(r.stdout) as { before: { from: string; months: number }; dataQuality: { alerts: Array<{ code: string; which?: string; at?: string }> } }, stderr: r.stderr };
}

describe('a period\'s first or last deal far apart from the rest is said (T39 F13)', () => {
  it('a cutover\'s «до» starting ten years early: the deal, the gap and the period without it', () => {
    const { json, stderr } = run(['-d', 'stray.csv', '--cutover', '2025-02-01', '--cost', '1500000'], files(), 'ru');
    // The period stays as the spec computes it: 01.01.2015 — 31.01.2025, 3 684 days.
    expect(json.before.from).toBe('2015-01-01');
    expect(json.before.months).toBeCloseTo(3684 / 30.4375, 9);
    expect(json.dataQuality.alerts).toContainEqual({ code: 'stray-deals', file: 'stray.csv', which: 'before', at: 'start', deals: 1, id: '99', day: '2015-01-01', next: '2025-01-01', period: { from: '2015-01-01', to: '2025-01-31' }, without: { from: '2025-01-01', to: '2025-01-31' } });
    // 3 653 days from 01.01.2015 to 01.01.2025; 3 684 / 30,4375 = 121,0 months; 31 / 30,4375 = 1,0.
    expect(stderr).toContain('stray.csv: период «до» начинается сделкой 99, созданной 01.01.2015, а следующая сделка создана 01.01.2025, через 3 653 дня: она растягивает период до 121,0 мес. (01.01.2015 — 31.01.2025); без неё он шёл бы 01.01.2025 — 31.01.2025 (1,0 мес.)');
  });

  it('two sets: said of «до»\'s start and of «после»\'s end, in English', () => {
    const dir = files();
    const { json, stderr } = run(['--before-deals', 'before.csv', '--after-deals', 'after-late.csv'], dir);
    const codes = json.dataQuality.alerts.filter((a) => a.code === 'stray-deals');
    expect(codes.map((a) => `${a.which} ${a.at}`)).toEqual(['before start', 'after end']);
    expect(stderr).toContain('the after period ends with deal 98, created 2026-11-30, and the previous deal was created 2025-03-31, 609 days earlier');
  });

  it('says nothing of deals spread over their period, or of a cutover\'s «после» that starts at the cutover', () => {
    const dir = files();
    expect(run(['-d', 'clean.csv', '--cutover', '2025-02-01'], dir).json.dataQuality.alerts.filter((a) => a.code === 'stray-deals')).toEqual([]);
    // «до» 01.01–31.01, «после» 15.02–31.03: deal 7 is 44 days after deal 6, under the 180.
    expect(run(['--before-deals', 'before-clean.csv', '--after-deals', 'after.csv'], dir).json.dataQuality.alerts.filter((a) => a.code === 'stray-deals')).toEqual([]);
  });
});
