// Tester T69 M1: cloud PBXes name their lines under the account's number, Telphin «000345*101», Zadarma's SIP
// login «123456-101»: a log of such lines and no employee column was refused (no manager column), and a log
// whose direction column is blank on its first rows was too, though its sides say who called whom.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const DEALS = ['id,manager,client,created_at,status', '1,Иванов Иван,79161111111,2025-12-01 09:00,open', '2,Петрова Анна,79162222222,2025-12-01 09:00,open'];

/** Six calls: lines 101 and 102, a client calling in, missed or answered, and the lines calling out. */
function log(line: (ext: string) => string, direction: (d: string) => string): string {
  return [
    'Дата;Откуда;Куда;Направление;Длительность;Статус',
    `01.12.2025 10:00:00;79161111111;${line('101')};${direction('входящий')};90;ANSWER`,
    `01.12.2025 11:00:00;79162222222;${line('101')};${direction('входящий')};0;NOANSWER`,
    `01.12.2025 11:30:00;${line('101')};79162222222;${direction('исходящий')};120;ANSWER`,
    `02.12.2025 09:00:00;79163333333;${line('102')};${direction('входящий')};0;NOANSWER`,
    `02.12.2025 09:05:00;${line('102')};79161111111;${direction('исходящий')};0;BUSY`,
    `02.12.2025 12:00:00;${line('102')};79161111111;${direction('исходящий')};60;ANSWER`,
  ].join('\n');
}

describe('a PBX log whose lines are written under the account number', () => {
  it.each([
    ['telphin.csv', (ext: string) => `000345*${ext}`, (d: string) => d],
    ['zadarma.csv', (ext: string) => `123456-${ext}`, () => ''],
  ])('%s: read by its lines, the direction by the sides where the column is blank', (name, line, direction) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'account-lines-'));
    writeFileSync(path.join(dir, 'deals.csv'), `${DEALS.join('\n')}\n`);
    writeFileSync(path.join(dir, name), `${log(line, direction)}\n`);
    const run = runCli(['kpi', '-d', 'deals.csv', '-a', name, '--format', 'json', '--now', '2026-01-01', '--lang', 'en'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout);
    const lines = out.managers.filter((m: { manager: string }) => /^\d+$/.test(m.manager));
    // 101: in 2 (one missed, called back at 11:30), out 1, talk 90 + 120 s; 102: in 1 (missed, never called back), out 2 (one busy), talk 60 s.
    expect(lines.map((m: Record<string, unknown>) => [m.manager, m.calls_in, m.calls_out, m.calls_missed, m.callback_rate, m.talk_minutes])).toEqual([
      ['101', 2, 1, 1, 1, 3.5],
      ['102', 1, 2, 1, 0, 1],
    ]);
  });
});
