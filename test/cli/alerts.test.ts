import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

describe('kpi says loudly when the numbers look wrong', () => {
  it('25 deals, none won or lost: a warning on stderr in the run\'s language, and in dataQuality', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'alerts-'));
    const deals = path.join(dir, 'deals.csv');
    writeFileSync(deals, ['id,manager,created_at,stage', ...Array.from({ length: 25 }, (_, i) => `${i + 1},Иванов Иван,2025-01-0${(i % 9) + 1},Переговоры`)].join('\n'));
    const ru = runCli(['kpi', '-d', deals]);
    expect(ru.code).toBe(0);
    expect(ru.stderr).toMatch(/Внимание: Ни одна из 25 сделок не выиграна и не проиграна/);
    const json = runCli(['kpi', '-d', deals, '--format', 'json', '--lang', 'en']);
    expect(json.stderr).toMatch(/Warning: None of the 25 deals is won or lost/);
    const quality = JSON.parse(json.stdout).dataQuality;
    expect(quality.alerts).toEqual([{ code: 'no-outcome', deals: 25 }]);
    expect(quality.warnings).toEqual([expect.stringMatching(/^None of the 25 deals/)]);
  });
});
