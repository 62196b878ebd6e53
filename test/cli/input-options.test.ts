import { describe, expect, it } from 'vitest';
import { readOptionWords } from '../../src/cli/input-options.js';

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
