import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { projectWorkbook } from '../helpers/xlsx-projection.js';

const GOLDEN = new URL('./report-workbook.json', import.meta.url);

describe('the CI workbook (golden)', () => {
  it('matches the golden projection (rebaseline: npm run golden)', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-golden-'));
    const out = path.join(dir, 'report.xlsx');
    const run = runCli([
      'report',
      '--answers', 'samples/answers/leader.yaml',
      '-d', 'samples/amocrm-deals.csv',
      '-a', 'samples/bitrix24-calls.xls',
      '-p', 'samples/payments.csv',
      '--cutover', '2025-01-01',
      '--cost', '1500000',
      '--monthly-cost', '60000',
      '--margin', '0.35',
      '--assert', 'audit.total>=6',
      '--assert', 'managers.*.response_min_median<=60',
      '--no-exit-code',
      '--lang', 'en',
      '--now', '2025-07-01T09:00:00Z',
      '-o', out,
    ], { env: { TZ: 'Europe/Moscow' } });
    expect(run.code).toBe(0);
    const projection = await projectWorkbook(out);
    if (process.env.UPDATE_GOLDEN) writeFileSync(GOLDEN, `${JSON.stringify(projection, null, 1)}\n`);
    expect(existsSync(GOLDEN), 'the golden file is missing: run npm run golden').toBe(true);
    expect(projection).toEqual(JSON.parse(readFileSync(GOLDEN, 'utf8')));
  });
});
