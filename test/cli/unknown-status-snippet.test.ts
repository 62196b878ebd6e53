// Tester T54 F5: a status column whose values no map knows (a Turkish or Polish Pipedrive, «Kazanıldı»,
// «Wygrana») stopped the run with «unknown status» on each row and a hint to map the column, which was
// read already. The hint now names the values in a --map snippet, guessed by their words; pasted, it reads.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

describe('a status column of values no map knows', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-unknown-status-'));
  writeFileSync(path.join(dir, 'deals.csv'), 'ID,Manager,Status,Amount,Created\n1,Ayşe,Kazanıldı Satış,100,2025-03-01\n2,Ayşe,Bekliyor,100,2025-03-02\n3,Mehmet,Kaybedildi x,100,2025-03-03\n');

  it('stops with a snippet naming each value, in Russian and English, that reads when pasted', () => {
    const ru = runCli(['kpi', '-d', 'deals.csv', '--lang', 'ru'], { cwd: dir });
    expect(ru.code).toBe(2);
    expect(ru.stderr).toContain('статусы в колонке «Status» не известны как выигрыш, проигрыш или открытая сделка');
    const en = runCli(['kpi', '-d', 'deals.csv', '--lang', 'en'], { cwd: dir });
    expect(en.code).toBe(2);
    const snippet = en.stderr.slice(en.stderr.indexOf('deals:'));
    expect(snippet).toBe('deals:\n  status:\n    "Kazanıldı Satış": won    # won, lost or open: check\n    "Bekliyor": open    # won, lost or open: check\n    "Kaybedildi x": lost    # won, lost or open: check\n');
    writeFileSync(path.join(dir, 'map.yaml'), snippet);
    const read = runCli(['kpi', '-d', 'deals.csv', '--map', 'map.yaml', '--format', 'json', '--lang', 'en', '--now', '2025-04-01'], { cwd: dir });
    expect(read.code, read.stderr).toBe(0);
    expect(JSON.parse(read.stdout).total).toMatchObject({ leads: 3, won: 1, lost: 1, open: 1 });
  });
});
