import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { crmExportFixtures } from '../fixtures/exports-crm.js';
import { latinWords } from '../helpers/latin-words.js';

/** A folder holding the named fixtures under their own names. */
function folder(...names: string[]): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'crm-exports-'));
  const all = crmExportFixtures();
  for (const name of names) writeFileSync(path.join(dir, name), all[name]!);
  return dir;
}

describe('HubSpot calls linked to deals by title', () => {
  it('a title with a comma in it is one deal; a cell naming two deals (;) links to the first', () => {
    const dir = folder('hubspot-deals-title-with-comma.csv', 'hubspot-calls-associated-deal-titles.csv');
    const run = runCli(['kpi', '-d', 'hubspot-deals-title-with-comma.csv', '-a', 'hubspot-calls-associated-deal-titles.csv', '--format', 'json', '--lang', 'en'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const total = JSON.parse(run.stdout).total;
    // 9001 (won): the call at 15:00 is its touch and its response (55 min); 9002: the call at 11:00 (60 min).
    expect(total.touches_per_won).toBe(1);
    expect(total.no_response).toBe(0);
    expect(total.response_min_median).toBe(57.5);
  });
});

describe('activities that link to no deal', () => {
  it('are said loudly: touches and responses would read as if nobody worked the deals', () => {
    const dir = folder('salesforce-report-details-csv-footers.csv', 'salesforce-activities-related-to-opportunity-names.csv');
    const run = runCli(['kpi', '-d', 'salesforce-report-details-csv-footers.csv', '-a', 'salesforce-activities-related-to-opportunity-names.csv', '--format', 'json', '--lang', 'en'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.total.touches_per_won).toBe(0);
    expect(result.dataQuality.alerts).toContainEqual({ code: 'activities-unlinked', calls: 3, won: 1 });
    expect(run.stderr).toContain('Warning: None of the 3 calls links to a deal, and no won deal (1) has an activity');
    const ru = runCli(['kpi', '-d', 'salesforce-report-details-csv-footers.csv', '-a', 'salesforce-activities-related-to-opportunity-names.csv', '--lang', 'ru'], { cwd: dir });
    expect(ru.stderr).toContain('Внимание: Ни один из 3 звонков не связан со сделкой, и ни у одной из 1 выигранной сделки нет действий');
  });

  it('are not warned about when they link (by the opportunity id)', () => {
    const dir = folder('salesforce-report-details-csv-footers.csv', 'salesforce-activities-call-duration-seconds.csv');
    const run = runCli(['kpi', '-d', 'salesforce-report-details-csv-footers.csv', '-a', 'salesforce-activities-call-duration-seconds.csv', '--format', 'json', '--lang', 'en'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.total.touches_per_won).toBe(2);
    expect(result.dataQuality.alerts).toEqual([]);
  });
});

describe('Bitrix24 REST dumps: deals (crm.deal.list) and activities (crm.activity.list)', () => {
  const files = ['bitrix24-rest-closedate-date-field.csv', 'bitrix24-rest-activities.csv'];
  const kpi = (dir: string, extra: string[] = []) => runCli(['kpi', '-d', files[0]!, '-a', files[1]!, '--format', 'json', '--lang', 'en', ...extra], { cwd: dir });

  it('link the activities whose owner is a deal, pair the callback to the same contact, and take the talk time from START_TIME to END_TIME', () => {
    const run = kpi(folder(...files));
    expect(run.code, run.stderr).toBe(0);
    const { total, managers } = JSON.parse(run.stdout);
    // Deal 10 (won, created 18:10:31): the call at 18:20 is its touch and its response (9 min 29 s);
    // deal 11 (won) has no activity; deal 12 (open) only a meeting and a task, which have no direction.
    expect(total).toMatchObject({ touches_per_won: 0.5, won_below_touch_norm: 2, no_response: 2 });
    expect(total.response_min_median).toBeCloseTo(9 + 29 / 60, 10);
    // Calls: out 201, 203, 208; in 202, missed and called back by 203 (the same contact, 30 min later).
    expect(total).toMatchObject({ calls_out: 3, calls_in: 1, calls_missed: 1, missed_share: 1, callback_rate: 1, emails: 1, meetings: 1 });
    // 245 s + 120 s; the missed call talks not, the six-hour slot has no duration.
    expect(total.talk_minutes).toBeCloseTo(365 / 60, 10);
    // 7 activities on 4 days (5, 6, 8 and 9 July).
    expect(total.activities_per_day).toBe(1.75);
    expect(managers.map((m: { manager: string; calls_out: number; callback_rate: number | null }) => [m.manager, m.calls_out, m.callback_rate])).toEqual([
      ['17', 2, null],
      ['23', 1, 1],
    ]);
  });

  it('warn that RESPONSIBLE_ID is a user id, and report names once the --map file gives them', () => {
    const dir = folder(...files);
    const bare = kpi(dir);
    expect(JSON.parse(bare.stdout).dataQuality.alerts).toContainEqual({ code: 'manager-ids', ids: ['17', '23'] });
    writeFileSync(path.join(dir, 'map.yaml'), 'managers:\n  "17": "Анна Смирнова"\n  "23": "Борис Петров"\n');
    const named = kpi(dir, ['--map', 'map.yaml']);
    expect(named.code, named.stderr).toBe(0);
    const result = JSON.parse(named.stdout);
    expect(result.managers.map((m: { manager: string }) => m.manager)).toEqual(['Анна Смирнова', 'Борис Петров']);
    expect(result.dataQuality.alerts).toEqual([]);
  });

  it('crm-audit map lists the user ids of an activities dump for the managers: section (commented out without a terminal)', () => {
    const dir = folder(files[1]!);
    const run = runCli(['map', files[1]!, '--lang', 'en'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toBe('# managers:\n#   "17": "First Last"\n#   "23": "First Last"\n');
  });

  it('inspect names the profile and what each owner type means, in Russian without English words', () => {
    const dir = folder(files[1]!);
    const run = runCli(['inspect', files[1]!, '--lang', 'ru'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Bitrix24 (REST API, activities) (профиль bitrix24-rest-activities');
    expect(run.stdout).toMatch(/"OWNER_TYPE_ID" +-> owner_type/);
    expect(run.stdout).toMatch(/"3" +-> contact: не сделка; владелец — клиент \(2\)/);
    expect(run.stdout).toMatch(/"2" +-> deal: id владельца — id сделки \(deal_id\) \(3\)/);
    expect(latinWords(run.stdout + run.stderr)).toEqual([]);
  });
});

describe('a call log whose slash dates all read either way, beside a deals file that showed its order', () => {
  const DEALS = 'salesforce-report-details-csv-footers.csv';

  it('takes the deals file\'s order when the same CRM wrote both, and warns naming the file it came from', () => {
    const dir = folder(DEALS, 'salesforce-activities-ambiguous-dates.csv');
    const run = runCli(['kpi', '-d', DEALS, '-a', 'salesforce-activities-ambiguous-dates.csv', '--format', 'json', '--lang', 'en'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout);
    // Month first: the call and e-mail of 10 and 11 July touch the won deal (created 15 July, closed
    // 23 July) before it was created; the inbound call of 1 August answers the open deal of 18 July
    // after 14 days (day first they would be in October, November and January: no touch, no response).
    expect(result.total).toMatchObject({ touches_per_won: 2, response_min_median: 14 * 24 * 60, no_response: 2 });
    expect(result.dataQuality.alerts).toContainEqual({ code: 'date-order-borrowed', file: 'salesforce-activities-ambiguous-dates.csv', from: DEALS, order: 'mdy', columns: ['Activity Date'] });
    expect(run.stderr).toContain(`Warning: salesforce-activities-ambiguous-dates.csv: the dates in column "Activity Date" can be read day-first or month-first; they were read month first (--date-format MM/DD/YYYY), as in ${DEALS}, a file of the same CRM. If they are day first, pass --date-format DD/MM/YYYY.`);
    const ru = runCli(['kpi', '-d', DEALS, '-a', 'salesforce-activities-ambiguous-dates.csv'], { cwd: dir, env: { LANG: 'ru_RU.UTF-8' } });
    expect(ru.code, ru.stderr).toBe(0);
    expect(ru.stderr).toContain(`salesforce-activities-ambiguous-dates.csv: даты в колонке «Activity Date» читаются и с днём впереди, и с месяцем впереди; прочитаны с месяцем впереди (--date-format MM/DD/YYYY), как в ${DEALS}: этот файл из той же CRM.`);
    expect(latinWords(ru.stderr)).toEqual([]);
  });

  it('takes it too when only the end of a large deals file shows the order, as read in one pass', () => {
    // The first 40 deals were created and closed on the 1st-12th (either order reads them); the last
    // ones close on the 23rd, month first. Asked to read in halves, the first half holds its rows
    // for want of an order, so the file is read in one pass: the same result, the same warning.
    const rows = [['Opportunity Owner', 'Opportunity Name', 'Stage', 'Amount', 'Created Date', 'Close Date', 'Opportunity ID'].map((c) => `"${c}"`).join(',')];
    for (let i = 0; i < 40; i++) rows.push(`"Mary Major","Deal ${i}","Closed Lost","100.00","7/${(i % 9) + 1}/2024","8/${(i % 9) + 2}/2024","0065g0000${String(i).padStart(3, '0')}AAAAAAV"`);
    rows.push('"Mary Major","Big deal","Closed Won","12,500.00","7/12/2024","7/23/2024","0065g00000AbCdEAAV"', '"Ivan Ivanov","Third deal","Prospecting","3,000.00","7/12/2024","8/30/2024","0065g00000AbCdGAAV"');
    const dir = folder('salesforce-activities-ambiguous-dates.csv');
    writeFileSync(path.join(dir, 'deals.csv'), `${rows.join('\r\n')}\r\n`);
    const args = ['kpi', '-d', 'deals.csv', '-a', 'salesforce-activities-ambiguous-dates.csv', '--format', 'json', '--lang', 'en', '--now', '2024-12-31T00:00:00Z'];
    const one = runCli(args, { cwd: dir, env: { CRM_AUDIT_SPLIT_BYTES: '0' } });
    const two = runCli(args, { cwd: dir, env: { CRM_AUDIT_SPLIT_BYTES: '1', CRM_AUDIT_SPLIT_TRACE: '1' } });
    expect(one.code, one.stderr).toBe(0);
    expect(two.code, two.stderr).toBe(0);
    expect(two.stderr).not.toContain('in two halves');
    expect(JSON.parse(two.stdout).dataQuality.alerts).toContainEqual({ code: 'date-order-borrowed', file: 'salesforce-activities-ambiguous-dates.csv', from: 'deals.csv', order: 'mdy', columns: ['Activity Date'] });
    expect(two.stdout).toBe(one.stdout);
  });

  it('stops (exit 2) when nothing shows one CRM wrote both, naming the deals file\'s order as the --date-format to check', () => {
    const dir = folder(DEALS, 'telephony-calls-ambiguous-dates.csv');
    const run = runCli(['kpi', '-d', DEALS, '-a', 'telephony-calls-ambiguous-dates.csv', '--lang', 'en'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain('telephony-calls-ambiguous-dates.csv, column "Дата": the dates in column "Дата" can be read day-first or month-first');
    expect(run.stderr).toContain(`hint: ${DEALS} reads month first (--date-format MM/DD/YYYY), but nothing shows that one CRM wrote both files`);
    expect(run.stderr).not.toMatch(/\n\s+at /);
    const ru = runCli(['kpi', '-d', DEALS, '-a', 'telephony-calls-ambiguous-dates.csv'], { cwd: dir, env: { LANG: 'ru_RU.UTF-8' } });
    expect(ru.code).toBe(2);
    expect(ru.stderr).toContain(`подсказка: в ${DEALS} даты идут так: месяц впереди (--date-format MM/DD/YYYY), но не видно, что оба файла записала одна CRM`);
    expect(latinWords(ru.stderr)).toEqual([]);
    // As the hint says: the order given, the log is read.
    const given = runCli(['kpi', '-d', DEALS, '-a', 'telephony-calls-ambiguous-dates.csv', '--date-format', 'MM/DD/YYYY', '--format', 'json'], { cwd: dir });
    expect(given.code, given.stderr).toBe(0);
    expect(JSON.parse(given.stdout).total.calls_out).toBe(1);
  });
});

describe('HubSpot exports of one kind of activity', () => {
  it('a meetings export counts meetings (not calls of no direction), and only those that took place', () => {
    const dir = folder('hubspot-deals-for-meetings.csv', 'hubspot-meetings.csv', 'hubspot-emails.csv');
    const run = runCli(['kpi', '-d', 'hubspot-deals-for-meetings.csv', '-a', 'hubspot-meetings.csv', '--format', 'json', '--lang', 'en'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout);
    // 501 and 504 took place (9001's two touches); 502 was a no-show, 503 is planned.
    // The other kinds are not 0: the file cannot show them.
    expect(result.total).toMatchObject({ meetings: 2, emails: null, messages: null, talk_minutes: null, touches_per_won: 2 });
    expect(result.notApplicable.meetings).toBeUndefined();
    expect(result.notApplicable.emails).toBe('the activities file holds meetings only (an export of one kind of activity)');
    expect(result.notApplicable.calls_out).toContain('needs a call direction');
    const emails = JSON.parse(runCli(['kpi', '-d', 'hubspot-deals-for-meetings.csv', '-a', 'hubspot-emails.csv', '--format', 'json', '--lang', 'en'], { cwd: dir }).stdout);
    expect(emails.total).toMatchObject({ emails: 2, meetings: null, calls_out: null, talk_minutes: null });
    // E-mails say their direction: a reply is a deal's first response (9001 created 06-30 10:00, the e-mail 07-02 09:00).
    expect(emails.total.response_min_median).toBe(2820);
    expect(emails.notApplicable.calls_out).toBe('the activities file holds e-mails only (an export of one kind of activity)');
  });
});

describe('Odoo\'s scheduled activities (mail.activity)', () => {
  it('are planned ones only: every row is dropped, and the run says the zeros are the file\'s, not the team\'s', () => {
    const dir = folder('odoo-deals-for-activities.csv', 'odoo-activities.csv');
    const run = runCli(['kpi', '-d', 'odoo-deals-for-activities.csv', '-a', 'odoo-activities.csv', '--format', 'json', '--lang', 'en'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout);
    expect(result.dataQuality.files[1]).toMatchObject({ rowsRead: 3, records: 0, dropped: { 'planned activity, not done': 3 } });
    expect(result.dataQuality.alerts).toContainEqual({ code: 'activities-all-dropped', file: 'odoo-activities.csv', rows: 3, reasons: [{ reason: 'planned activity, not done', count: 3 }] });
    expect(run.stderr).toContain("no activity was read — all 3 rows were dropped (planned activity, not done: 3)");
    const ru = runCli(['kpi', '-d', 'odoo-deals-for-activities.csv', '-a', 'odoo-activities.csv', '--lang', 'ru'], { cwd: dir });
    expect(ru.stderr).toContain('ни одного действия не прочитано — отброшены все 3 строки (запланированное действие, ещё не выполнено: 3)');
    expect(latinWords(ru.stderr.replace(/odoo-[a-z-]+\.csv|Odoo|mail\.message/g, ''))).toEqual([]);
  });
});
