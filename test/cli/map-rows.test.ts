// A --map file's `activities: rows: meeting` says every row of a file with no kind column is a meeting.
// The reader took it, but the KPIs' applicability read the profile's word only: a reviewer's meetings
// table read 20 000 meetings, and kpi said meetings were not applicable and talk minutes 0.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

describe('kpi with a --map file that says the rows are meetings', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-rows-'));
  writeFileSync(path.join(dir, 'deals.csv'), 'ID;Ответственный;Бюджет;Этап;Дата создания\n1;Анна;100;Успешно реализовано;10.01.2025\n2;Борис;200;Успешно реализовано;11.01.2025\n');
  // Three meetings of Анна, one of Борис, each with a duration a call log would give as talk.
  writeFileSync(path.join(dir, 'meetings.csv'), 'Менеджер;Дата встречи;Длительность\nАнна;12.01.2025 10:00;60\nАнна;13.01.2025 10:00;60\nАнна;14.01.2025 10:00;60\nБорис;12.01.2025 11:00;60\n');
  writeFileSync(path.join(dir, 'map.yaml'), 'activities:\n  rows: meeting\n  columns:\n    manager: "Менеджер"\n    at: "Дата встречи"\n');

  it('counts them as meetings per manager, and the call metrics, talk minutes among them, are not applicable', () => {
    const run = runCli(['kpi', '-d', 'deals.csv', '-a', 'meetings.csv', '--map', 'map.yaml', '--format', 'json', '--now', '2025-06-01'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const r = JSON.parse(run.stdout) as { total: Record<string, unknown>; managers: Array<Record<string, unknown>>; notApplicable: Record<string, string> };
    expect(r.total.meetings).toBe(4);
    expect(r.managers.map((m) => [m.manager, m.meetings])).toEqual([['Анна', 3], ['Борис', 1]]);
    expect(r.total.talk_minutes).toBeNull();
    expect(r.notApplicable.talk_minutes).toMatch(/meetings only/);
    expect(r.notApplicable.meetings).toBeUndefined();
  });
});
