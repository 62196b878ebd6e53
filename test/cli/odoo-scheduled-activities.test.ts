// Odoo's scheduled activities (mail.activity) hold only what is still to do: a done activity leaves
// the list. Without its State column (a tester's export: Activity Type, Summary, Due Date, Assigned to,
// Related Document, Document Model) the rows were read as done calls, e-mails and meetings without a
// word; they are planned, as their State would say, and the file's zeros are said. «Related Document»
// (the record's display name, the opportunity's title) links an activity to its deal as «Document Name» does.
import { mkdtempSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tmpdir } from 'node:os';
import { describe, expect, it } from 'vitest';
import { runCli, type CliRun } from '../helpers/cli.js';

const DEALS = ['Opportunity,Customer,Salesperson,Expected Revenue,Stage,Created on,Closed Date,Probability', 'Acme roll-out,Acme,Anna Smith,1000.00,Won,2025-03-03 09:00:00,2025-03-10 18:00:00,100', 'Beta pilot,Beta,Bob Jones,2000.00,Lost,2025-03-04 10:00:00,2025-03-12 12:00:00,0', 'Gamma licence,Gamma,Anna Smith,500.00,New,2025-03-05 11:00:00,,10'].join('\n');
const HEADER = 'Activity Type,Summary,Due Date,Assigned to,Related Document,Document Model';
const PLANNED_LIST = 'planned activity: the export is a list of scheduled activities, which holds no done one';

function run(activities: string, lang: 'en' | 'ru', json = true): CliRun {
  const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-odoo-activities-'));
  writeFileSync(path.join(dir, 'deals.csv'), DEALS);
  writeFileSync(path.join(dir, 'activities.csv'), activities);
  return runCli(['kpi', '-d', 'deals.csv', '-a', 'activities.csv', '--lang', lang, ...(json ? ['--format', 'json'] : [])], { cwd: dir });
}

describe("Odoo's scheduled activities without a State column", () => {
  const rows = [HEADER, 'Call,Intro call,2025-03-04,Anna Smith,Acme roll-out,crm.lead', 'Meeting,Demo,2025-03-05,Anna Smith,Acme roll-out,crm.lead', 'Email,Proposal,2025-03-06,Anna Smith,Gamma licence,crm.lead', 'Call,Qualify,2025-03-05,Bob Jones,Beta pilot,crm.lead'].join('\n');

  it('are planned: every row dropped, and the file\'s zeros said (before: 4 done activities, e-mails 1, meetings 1, no warning)', () => {
    const r = run(rows, 'en');
    expect(r.code, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.dataQuality.files[1]).toMatchObject({ records: 0, dropped: { [PLANNED_LIST]: 4 } });
    expect(result.dataQuality.alerts).toContainEqual({ code: 'activities-all-dropped', file: 'activities.csv', rows: 4, reasons: [{ reason: PLANNED_LIST, count: 4 }] });
    expect([result.total.emails, result.total.meetings, result.total.activities_per_day]).toEqual([0, 0, null]);
    expect(r.stderr).toContain('activities.csv: no activity was read — all 4 rows were dropped (planned activity: the export is a list of scheduled activities, which holds no done one: 4)');
  });

  it('are said in Russian', () => {
    const r = run(rows, 'ru', false);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('activities.csv: ни одного действия не прочитано — отброшены все 4 строки (запланированное действие: выгрузка — список запланированных действий, выполненных в нём нет: 4)');
  });
});

describe("Odoo's activities with a State column and «Related Document»", () => {
  it('keeps a done one (Odoo 17 keeps done activities: State «Done»), linked to its deal by the title «Related Document» names', () => {
    const rows = [`${HEADER},State`, 'Call,Intro call,2025-03-04,Anna Smith,Acme roll-out,crm.lead,Done', 'Meeting,Demo,2025-03-05,Anna Smith,Acme roll-out,crm.lead,Planned', 'Call,Qualify,2025-03-05,Bob Jones,Beta pilot,crm.lead,Done'].join('\n');
    const r = run(rows, 'en');
    expect(r.code, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout);
    expect(result.dataQuality.files[1]).toMatchObject({ records: 2, dropped: { 'planned activity, not done': 1 } });
    // Acme roll-out, the one deal won: the call of 03-04 is its one touch (the planned meeting is none).
    expect([result.total.touches_per_won, result.total.won_below_touch_norm]).toEqual([1, 1]);
  });
});
