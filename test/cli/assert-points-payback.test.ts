import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseAssertion } from '../../src/core/assert.js';
import { checkAssertionPaths } from '../../src/core/assert-paths.js';
import { describeUserError, type UserError } from '../../src/core/errors.js';
import { ASSERTION_ROOTS } from '../../src/core/report.js';
import { runCli } from '../helpers/cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-assert-t39-'));
const deals = path.join(dir, 'deals.csv');
writeFileSync(deals, [
  'id,manager,created_at,closed_at,status,amount,client',
  '1,Иванов,2025-01-01 10:00,2025-01-05 10:00,won,100000,K1',
  '2,Иванов,2025-01-10 09:00,2025-01-12 09:00,lost,,K2',
  '3,Петров,2025-01-20 12:00,,open,50000,K3',
  '4,Петров,2025-01-31 23:59,2025-02-03 23:59,won,60000,K4',
  '5,Иванов,2025-02-01 00:00,2025-02-02 00:00,won,80000,K5',
  '6,Иванов,2025-02-15 10:00,2025-02-20 10:00,won,120000,K1',
  '7,Сидоров,2025-03-01 10:00,2025-03-11 10:00,lost,,K6',
  '8,Сидоров,2025-03-31 10:00,,open,,K7',
  '9,Сидоров,2025-03-10 10:00,2025-03-12 10:00,won,0,K8',
].join('\n'));
// Conversion 2/4 = 0.5 before, 3/5 = 0.6 after: +10 п. п.
const report = (asserts: string[], lang = 'ru', extra: string[] = []) =>
  runCli(['report', '-d', deals, '--cutover', '2025-02-01', '--now', '2026-12-05', '--format', 'json', '--lang', lang, ...extra, ...asserts.flatMap((a) => ['--assert', a])]);

describe('--assert on a share row\'s change: points typed as a whole number are refused (T39 F8)', () => {
  it('compare.conversion.change>=5 exits 2 with «5 → 0.05 (5 п. п.)», in Russian and English', () => {
    const ru = report(['compare.conversion.change>=5']);
    expect(ru.code).toBe(2);
    expect(ru.stderr).toContain('compare.conversion.change>=5: изменение доли — от −1 до +1 (от −100 до +100 п. п.); пункты пишут долей: 5 → 0.05 (5 п. п.)');
    expect(ru.stderr).toContain('подсказка: в compare.conversion.change — изменение доли, долей единицы: 0.05 или «5%» — это +5 п. п.');
    expect(ru.stdout).toBe('');
    const en = report(['compare.conversion.change>=5'], 'en');
    expect(en.code).toBe(2);
    expect(en.stderr).toContain("compare.conversion.change>=5: a share's change is from -1 to +1 (-100 to +100 pp); write points as a fraction: 5 → 0.05 (5 pp)");
    expect(en.stderr).not.toMatch(/[а-яё]/i);
  });

  it('a negative and a fractional number of points, and one past 100 points', () => {
    expect(report(['compare.missed_share.change<=-10']).stderr).toContain('пункты пишут долей: -10 → −0.1 (−10 п. п.)');
    expect(report(['compare.conversion.change>=2.5']).stderr).toContain('2.5 → 0.025 (2,5 п. п.)');
    const far = report(['compare.conversion.change>=150']);
    expect(far.code).toBe(2);
    expect(far.stderr).toContain('«150» — больше +1: изменение доли — от −1 до +1 (от −100 до +100 п. п.)');
  });

  it('a fraction or a per cent is read as points and judged: +10 п. п. meets 0.05 and 5%, not 0.15', () => {
    const run = report(['compare.conversion.change>=0.05', 'compare.conversion.change>=5%', 'warn:compare.conversion.change>=0.15']);
    expect(run.code).toBe(0);
    const json = JSON.parse(run.stdout) as { assertions: Array<{ assertion: string; passed: boolean; failures: Array<{ value: unknown }> }> };
    expect(json.assertions.map((a) => a.passed)).toEqual([true, true, false]);
    expect(json.assertions[2]!.failures[0]!.value).toBeCloseTo(0.1, 12);
  });

  it('a change of a row that is no share (leads a month) keeps any number', () => {
    expect(report(['compare.leads_per_month.change>=-5']).code).toBe(0);
  });
});

describe('--assert on the payback as the JSON nests it (T39 F3)', () => {
  it('compare.payback.roi_12m and compare.payback.payback_months are read as compare.roi_12m and compare.payback_months', () => {
    const run = report(['compare.payback.roi_12m>=0', 'compare.roi_12m>=0', 'compare.payback.gain_per_month<0', 'compare.payback.payback_months==null'], 'ru', ['--cost', '100000']);
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout) as { compare: { payback: { roi_12m: number; gain_per_month: number } }; assertions: Array<{ assertion: string; passed: boolean; failures: Array<{ value: unknown }> }> };
    // Revenue a month: 160 000 / (31 / 30.4375) before, 200 000 / (59 / 30.4375) after: a loss; ROI (12 × gain − cost) / cost.
    const gain = 200000 / (59 / 30.4375) - 160000 / (31 / 30.4375);
    expect(json.compare.payback.gain_per_month).toBeCloseTo(gain, 6);
    expect(json.compare.payback.roi_12m).toBeCloseTo((12 * gain - 100000) / 100000, 9);
    expect(json.assertions.map((a) => [a.assertion, a.passed])).toEqual([['compare.payback.roi_12m>=0', false], ['compare.roi_12m>=0', false], ['compare.payback.gain_per_month<0', true], ['compare.payback.payback_months==null', true]]);
    // The nested path is judged on the same value as the flat one.
    expect(json.assertions[0]!.failures).toEqual(json.assertions[1]!.failures);
    expect(json.assertions[0]!.failures[0]!.value).toBeCloseTo((12 * gain - 100000) / 100000, 9);
    expect(run.stderr).toContain('✗ ошибка: Окупаемость: ROI за 12 месяцев −747,0% < 0%  [compare.payback.roi_12m>=0]');
  });

  it('without --cost the nested path says what it needs, as the flat one does', () => {
    const run = report(['compare.payback.roi_12m>=0']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('в этом запуске нет «compare.roi_12m»');
    expect(run.stderr).toContain('возврату вложений нужна стоимость внедрения: --cost');
  });

  it('a suggestion names only a path that exists: payback.payback_months → compare.payback_months', () => {
    const run = report(['payback.payback_months<=24'], 'ru', ['--cost', '100000']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('payback.payback_months<=24: нет имени «payback»; возможно, вы имели в виду compare.payback_months');
    const en = report(['payback.roi_12m>=0'], 'en', ['--cost', '100000']);
    expect(en.stderr).toContain('payback.roi_12m>=0: no name "payback"; did you mean compare.roi_12m?');
  });
});

describe('suggestions are checked against the tree (T39 F3)', () => {
  const tree = {
    total: { conversion: 0.25, won: 3 },
    managers: { Anna: { won: 1 }, Борис: { won: 2 } },
    compare: { conversion: { before: 0.5, after: 0.6, change: 0.1 }, payback_months: 4, roi_12m: 0.5, gain_per_month: 1000 },
  };
  const say = (expr: string, lang = 'en') => {
    try {
      checkAssertionPaths([parseAssertion(expr)], tree, ASSERTION_ROOTS);
      return 'ok';
    } catch (error) {
      return describeUserError(error as UserError, lang);
    }
  };

  it('no suggestion of a path that fails in turn, nor of a group', () => {
    expect(say('compare.payback.roi_12m>=0')).toBe('ok');
    expect(say('compare.payback.payback_months<=24')).toBe('ok');
    expect(say('compare.paybak.roi_12m>=0')).toContain('did you mean compare.roi_12m?');
    expect(say('compare.paybak.roi_12m>=0')).not.toContain('payback_months.roi_12m');
    expect(say('total.convertion>=0.1')).toContain('did you mean total.conversion?');
    expect(say('managers.won>=1')).toContain('did you mean managers.*.won?');
    expect(say('compare.conversoin.change>=0.05')).toContain('did you mean compare.conversion.change?');
  });

  it('nothing close that exists: no «did you mean»', () => {
    const out = say('compare.zzz.yyy>=0', 'ru');
    expect(out).toContain('нет имени «zzz» в compare');
    expect(out).not.toContain('возможно');
  });
});
