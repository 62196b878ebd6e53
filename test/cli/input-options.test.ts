import { describe, expect, it } from 'vitest';
import { parseOffset, readOptionWords } from '../../src/cli/input-options.js';
import { UserError } from '../../src/core/errors.js';
import { runCli } from '../helpers/cli.js';

describe('readOptionWords', () => {
  it('repeats the reading options written on the command line, in their order, quoted for the shell; defaults and other options are left out', () => {
    const words = readOptionWords({
      optionsGiven: ['--from', '--map', '--company', '--time-offset', '--encoding'],
      from: '01.01.2025',
      map: 'мой map.yaml',
      timeOffset: '-3',
      encoding: 'cp1251',
      touchNorm: '5',
      callbackWindow: '24h',
    });
    expect(words).toEqual(['--from 01.01.2025', "--map 'мой map.yaml'", '--time-offset -3', '--encoding cp1251']);
    expect(readOptionWords({ touchNorm: '5' })).toEqual([]);
  });
});

// Tester T32 F10: «24ч» was refused; Russian units are the natural spelling in a Russian CLI.
describe('parseWindow', () => {
  it('reads hours, minutes and days in English and Russian', async () => {
    const { parseWindow } = await import('../../src/cli/input-options.js');
    const H = 3_600_000;
    const cases: Array<[string, number]> = [
      ['24h', 24 * H], ['90m', 1.5 * H], ['2d', 48 * H], ['1.5 hours', 1.5 * H], ['30 min', 0.5 * H],
      ['24ч', 24 * H], ['24 ч.', 24 * H], ['3 часа', 3 * H], ['5 часов', 5 * H], ['1,5ч', 1.5 * H],
      ['30мин', 0.5 * H], ['30 м', 0.5 * H], ['45 минут', 0.75 * H], ['2д', 48 * H], ['1 день', 24 * H], ['2 дня', 48 * H], ['3 дней', 72 * H], ['2 дн.', 48 * H], ['24Ч', 24 * H],
    ];
    for (const [value, ms] of cases) expect(parseWindow(value, 0), value).toBe(ms);
    for (const bad of ['3600', '24', 'ч', '24 ч ч', '24x', '2 недели']) expect(() => parseWindow(bad, 0), bad).toThrow(/callback-window/);
  });
});

// T40 F21, F22: the forms a Russian user types were refused.
describe('--time-offset and --date-format as a person types them', () => {
  it('takes a typographic minus or dash, a decimal comma and an hours unit', () => {
    expect(['−3', '–3', '‐3', '－3', '-3', '3,5', '+3ч', '3 часа', '3h', '+2:30'].map(parseOffset)).toEqual([-3, -3, -3, -3, -3, 3.5, 3, 3, 3, 2.5]);
    // The em dash is a sentence's dash, not a sign (the typed numbers' MINUS).
    expect(() => parseOffset('—3')).toThrow(UserError);
    expect(() => parseOffset('abc')).toThrow(UserError);
    expect(() => parseOffset('27')).toThrow(UserError);
  });

  it('--date-format takes ДД/ММ/ГГГГ and any case, and refuses another order in the run\'s language', () => {
    const slash = 'id,manager,status,created_at\n1,Ann,won,03/04/2025\n2,Bob,lost,05/04/2025\n';
    const read = (format: string) => runCli(['kpi', '-d', '-', '--date-format', format, '--format', 'json', '--now', '2025-06-01'], { input: slash, env: { LANG: 'ru_RU.UTF-8' } });
    for (const format of ['ДД/ММ/ГГГГ', 'dd/mm/yyyy', 'DD/MM/YYYY']) {
      const run = read(format);
      expect(run.code, run.stderr).toBe(0);
      expect(JSON.parse(run.stdout).dataPeriod.from).toBe('2025-04-03');
    }
    expect(JSON.parse(read('мм/дд/гггг').stdout).dataPeriod.from).toBe('2025-03-04');
    const bad = read('YYYY/MM/DD');
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('недопустимое значение «YYYY/MM/DD». Допустимые значения: DD/MM/YYYY, MM/DD/YYYY.');
  });
});
