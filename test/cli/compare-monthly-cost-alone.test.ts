import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

// Tester T39 F6: `--monthly-cost` without `--cost` warned that it changes nothing, and not that a CRM with no one-off
// cost (paid by subscription, the common case) is `--cost 0`.

const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-monthly-cost-'));
const write = (name: string, text: string) => {
  const p = path.join(dir, name);
  writeFileSync(p, text);
  return p;
};
const before = write('b.csv', 'id,manager,created_at,closed_at,status,amount,client\n1,Иванов,2024-01-01 10:00,2024-01-10 10:00,won,300000,K1\n2,Петров,2024-03-31 10:00,2024-04-02 10:00,lost,,K2\n');
const after = write('a.csv', 'id,manager,created_at,closed_at,status,amount,client\n11,Иванов,2025-01-01 10:00,2025-01-10 10:00,won,600000,K1\n12,Сидоров,2025-03-31 10:00,2025-04-02 10:00,won,300000,K3\n');
const args = ['compare', '--before-deals', before, '--after-deals', after, '--now', '2026-12-05', '--format', 'json'];

describe('--monthly-cost without --cost suggests --cost 0 (T39 F6)', () => {
  it('says it in Russian and English, and the run goes on without a payback', () => {
    const ru = runCli([...args, '--monthly-cost', '40000', '--lang', 'ru']);
    expect(ru.code).toBe(0);
    expect(ru.stderr).toBe('Внимание: --monthly-cost ни на что не влияет без --cost: окупаемость и ROI считаются от разовых затрат на внедрение. Если разовых затрат не было (CRM по подписке), укажите --cost 0.\n');
    expect((JSON.parse(ru.stdout) as { payback: unknown }).payback).toBeNull();
    const en = runCli([...args, '--monthly-cost', '40000', '--lang', 'en']);
    expect(en.stderr).toBe('Warning: --monthly-cost changes nothing without --cost: payback and ROI are computed from the one-off implementation cost. If there was no one-off cost (a CRM paid by subscription), give --cost 0.\n');
  });

  it('with --cost 0, as suggested: no warning, and the payback of the running cost alone', () => {
    const run = runCli([...args, '--monthly-cost', '40000', '--cost', '0', '--lang', 'ru']);
    expect(run.code).toBe(0);
    expect(run.stderr).toBe('');
    const p = (JSON.parse(run.stdout) as { payback: { gain_per_month: number; payback_months: number; roi_12m: number } }).payback;
    // Before 300 000 over 91 days, after 900 000 over 90 days (a month is 30.4375 days).
    const gain = 900000 / (90 / 30.4375) - 300000 / (91 / 30.4375);
    expect(p.gain_per_month).toBeCloseTo(gain, 6);
    expect(p.payback_months).toBe(0);
    expect(p.roi_12m).toBeCloseTo((12 * (gain - 40000)) / (12 * 40000), 9);
  });
});
