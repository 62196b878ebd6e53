// Characters that show nothing (a zero-width space, a direction mark, a word joiner, a soft hyphen)
// pasted around a deal id or a header: the id is the one it looks like, in the deals and the
// activities alike, read from UTF-8 bytes, from Windows-1251 and from text rows.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { cp1251 } from '../fixtures/exports.js';

const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-invisible-'));
const deals = '\u200bid,manager,created_at,status,amount\n\u200b101,Anna,2025-01-05,won,1000\n102\u200e,Anna,2025-01-06,lost,\n103,Boris,2025-01-07,open,\n';
const calls = 'deal_id,manager,at,kind,direction,duration_s\n101,Anna,2025-01-05 11:00,call,out,60\n\u2060102,Anna,2025-01-06 12:00,call,out,30\n103\u00ad,Boris,2025-01-07 12:00,call,out,30\n';
writeFileSync(path.join(dir, 'deals.csv'), deals);
writeFileSync(path.join(dir, 'calls.csv'), calls);
// Windows-1251 has the soft hyphen (AD) and no zero-width characters.
writeFileSync(path.join(dir, 'deals-1251.csv'), cp1251(`${deals.replace(/[\u200b\u200e\u2060]/g, '\u00ad')}104,Анна,2025-01-08,open,\n`));
writeFileSync(path.join(dir, 'calls-1251.csv'), cp1251(calls.replace(/[\u200b\u200e\u2060]/g, '\u00ad')));

describe('invisible characters at the edges of an id', () => {
  // The Windows-1251 deals have one more deal, 104, that no call names (and Cyrillic letters, to read as Windows-1251).
  for (const [d, a, unanswered] of [
    ['deals.csv', 'calls.csv', 0],
    ['deals-1251.csv', 'calls-1251.csv', 1],
  ] as const) {
    it(`${d}: every call links to the deal whose id it shows (hand-checked)`, () => {
      const run = runCli(['kpi', '-d', d, '-a', a, '--format', 'json', '--now', '2025-02-01'], { cwd: dir });
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr).not.toContain('links to a deal');
      const total = JSON.parse(run.stdout).total;
      // 101 is answered 660 minutes after it was created, 102 and 103 after 720.
      expect(total.no_response).toBe(unanswered);
      expect(total.response_min_median).toBe(720);
      expect(total.response_min_avg).toBe(700);
      expect(total.touches_per_won).toBe(1);
      expect(total.revenue).toBe(1000);
      expect(JSON.parse(run.stdout).dataQuality.files[0].format).toContain(d === 'deals.csv' ? 'utf-8' : 'windows-1251');
    });
  }

  it('inspect shows the id column found under a header that starts with a zero-width space', () => {
    const run = runCli(['inspect', 'deals.csv', '--format', 'json'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.stringify(JSON.parse(run.stdout))).toMatch(/"field":"id"/);
  });
});
