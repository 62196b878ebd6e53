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
