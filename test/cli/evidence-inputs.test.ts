// `audit` with exports that lack what some evidence facts need: a deals file that says nothing of
// won or lost (no status or stage column), and a --from/--to period that leaves the calls outside.
// spec/evidence.md: a fact is null when its input is missing, and its criterion is no-data naming
// the file or column that would enable it; "no calls at all" is said of the activities file.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-evidence-inputs-'));
const write = (name: string, lines: string[]) => writeFileSync(path.join(dir, name), lines.join('\n') + '\n');
const range = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

write(
  'yes.yaml',
  ['questionnaire: crm-maturity', 'answers:', ...['lead.concept', 'journal.interactions', 'reporting.management', 'reporting.staff', 'erp.catalog', 'erp.payments', 'telephony.integrated'].map((id) => `  ${id}: yes`)],
);
// 40 deals, closed, with amounts and clients: nothing says whether any was won or lost.
write('nostatus.csv', ['id,manager,created_at,closed_at,amount,client', ...range(40).map((i) => `${i},A,2025-01-10 10:00,2025-01-20 10:00,100,c${i}`)]);
write('nostatus-lr.csv', ['id,manager,created_at,closed_at,amount,client,loss_reason', ...range(40).map((i) => `${i},A,2025-01-10 10:00,2025-01-20 10:00,100,c${i},`)]);
// 60 outgoing calls, every one linked by deal id.
const calls = (at: (i: number) => string, deal: (i: number) => number) => ['manager,at,kind,direction,missed,duration_s,deal_id', ...range(60).map((i) => `A,${at(i)},call,out,false,60,${deal(i)}`)];
write('calls60.csv', calls(() => '2025-01-12 10:00', (i) => ((i - 1) % 40) + 1));
write('pay.csv', ['deal_id,manager,invoiced,paid', ...range(40).map((i) => `${i},A,100,100`)]);

const OUTCOME = ['closed_deals', 'won_deals', 'win_rate', 'lost_with_reason_share', 'won_with_activity_share', 'touches_per_won', 'won_amount_share', 'won_with_payment_share'];
const CHECKED = ['lead.concept', 'journal.interactions', 'erp.catalog', 'erp.payments', 'telephony.integrated'];

interface Check {
  criterion: string;
  verdict: string;
  text: string;
  facts: Array<{ id: string; value: number | null; threshold: number }>;
}
interface Evidence {
  facts: Record<string, number | null>;
  checks: Check[];
  total: number;
}

function evidence(args: string[], lang = 'en'): Evidence {
  const run = runCli(['audit', '--answers', 'yes.yaml', ...args, '--format', 'json', '--lang', lang, '--now', '2025-03-01'], { cwd: dir });
  expect(run.stderr.includes('Error'), run.stderr).toBe(false);
  expect(run.code, run.stderr).toBe(0);
  return (JSON.parse(run.stdout) as { evidence: Evidence }).evidence;
}
const check = (e: Evidence, id: string) => e.checks.find((c) => c.criterion === id)!;

describe('a deals export with no status or stage column', () => {
  it('has no won or closed deals to count: the facts that need an outcome are null, the others are kept', () => {
    const e = evidence(['-d', 'nostatus.csv', '-a', 'calls60.csv', '-p', 'pay.csv']);
    for (const id of OUTCOME) expect(e.facts[id], id).toBeNull();
    expect(e.facts.calls).toBe(60);
    expect(e.facts.calls_linked_share).toBe(1);
  });

  it('makes every criterion that reads won or closed deals no-data, naming the status or stage column', () => {
    for (const file of ['nostatus.csv', 'nostatus-lr.csv']) {
      const e = evidence(['-d', file, '-a', 'calls60.csv', '-p', 'pay.csv']);
      for (const id of CHECKED) {
        expect(check(e, id).verdict, `${file} ${id}`).toBe('no-data');
        expect(check(e, id).text, `${file} ${id}`).toContain('a status or stage column in the deals export');
      }
      // Nothing is contradicted, so nothing is taken off the declared 10.
      expect(e.total).toBe(10);
    }
  });

  it('does not confirm telephony against a threshold of 1 call × 0 won deals', () => {
    const t = check(evidence(['-d', 'nostatus.csv', '-a', 'calls60.csv']), 'telephony.integrated');
    expect(t.verdict).toBe('no-data');
    expect(t.facts.some((f) => f.id === 'calls' && f.threshold === 0)).toBe(false);
  });

  it('says so in Russian, with no English words', () => {
    const e = evidence(['-d', 'nostatus.csv', '-a', 'calls60.csv', '-p', 'pay.csv'], 'ru');
    for (const id of CHECKED) {
      expect(check(e, id).text).toContain('колонка статуса или этапа в выгрузке сделок');
      expect(check(e, id).text.replace(/--map|deals\.columns\.\w+|--\w+/g, '')).not.toMatch(/[A-Za-z]{3,}/);
    }
  });
});

describe('a --from/--to period with the calls outside it', () => {
  // 20 won deals created 11-15 February, closed on the 25th; 60 calls on 16-18 February.
  write('won20.csv', ['id,manager,created_at,closed_at,status,amount,client', ...range(20).map((i) => `${i},A,2025-02-${String(10 + Math.ceil(i / 4)).padStart(2, '0')} 10:00,2025-02-25 10:00,won,100,c${i}`)]);
  write('calls-later.csv', calls((i) => `2025-02-${16 + ((i - 1) % 3)} 10:00`, (i) => ((i - 1) % 20) + 1));
  write('emails.csv', ['manager,at,kind,direction,missed,duration_s,deal_id', ...range(60).map((i) => `A,2025-02-16 10:00,email,out,false,,${((i - 1) % 20) + 1}`)]);
  const period = ['--from', '2025-02-01', '--to', '2025-02-15'];

  it('does not say the activities export holds no call: 0 calls in the period is too small a sample', () => {
    for (const lang of ['en', 'ru']) {
      const e = evidence(['-d', 'won20.csv', '-a', 'calls-later.csv', ...period], lang);
      const t = check(e, 'telephony.integrated');
      expect(t.verdict).toBe('inconclusive');
      expect(t.text).not.toMatch(/holds no call at all|в выгрузке активностей нет ни одного звонка/);
      expect(t.text).toMatch(lang === 'en' ? /no call in the selected period \(the activities export holds 60, all outside it\)/ : /в выбранном периоде нет ни одного звонка \(в выгрузке активностей их 60, все вне периода\)/);
      expect(e.total).toBe(10);
    }
  });

  it('still finds no call at all when the activities file truly holds none', () => {
    const t = check(evidence(['-d', 'won20.csv', '-a', 'emails.csv', ...period]), 'telephony.integrated');
    expect(t.verdict).toBe('contradicted');
    expect(t.text).toBe('You said "yes", but the activities export holds no call at all.');
  });

  // Tester T74 (F2): HubSpot's e-mails export (every row an e-mail, no kind column) holds no call whatever the team does:
  // «no call at all» contradicted telephony and took two points off.
  it('has no data, not a contradiction, from an export of e-mails alone', () => {
    write('hs-emails.csv', ['Record ID,Activity date,Activity assigned to,Email subject,Email direction,Email send status,Associated Deal IDs', ...range(60).map((i) => `${50000 + i},2025-02-16 11:00,A,Re: offer,EMAIL,SENT,${((i - 1) % 20) + 1}`)]);
    const t = check(evidence(['-d', 'won20.csv', '-a', 'hs-emails.csv']), 'telephony.integrated');
    expect(t.verdict).toBe('no-data');
    expect(t.text).toBe('Cannot be checked: it needs an export of calls or of every activity (this export holds one kind of activity, not calls).');
    const ru = check(evidence(['-d', 'won20.csv', '-a', 'hs-emails.csv'], 'ru'), 'telephony.integrated');
    expect(ru.text).toBe('Проверить нельзя: нужна выгрузка звонков или всех активностей (в этой выгрузке только один вид активностей, не звонки).');
  });

  // Review R54 (M3): a --map file's rows: email says the same as a profile's.
  it('has no data from a file a --map file names an export of e-mails', () => {
    write('mail-log.csv', ['manager,at,deal_id', ...range(60).map((i) => `A,2025-02-16 10:00,${((i - 1) % 20) + 1}`)]);
    write('mail-map.yaml', ['activities:', '  rows: email']);
    expect(check(evidence(['-d', 'won20.csv', '-a', 'mail-log.csv', '--map', 'mail-map.yaml']), 'telephony.integrated').verdict).toBe('no-data');
  });

  it('without the period, the same files confirm telephony', () => {
    expect(check(evidence(['-d', 'won20.csv', '-a', 'calls-later.csv']), 'telephony.integrated').verdict).toBe('confirmed');
  });
});

// A tester: three unreadable rows of 40 cut the closed deals the verdicts count, and the audit said nothing
// (kpi on the same file names them); its JSON had no dataQuality.
describe('audit with an export that has unreadable rows', () => {
  write('bad-rows.csv', ['id,manager,created_at,closed_at,status,amount,client', ...range(40).map((i) => `${i},A,${i === 7 ? '31.02.2025' : '2025-01-10 10:00'},2025-01-20 10:00,${i % 2 ? 'won' : 'lost'},${i === 11 ? 'сто тысяч' : 100},c${i}`)]);

  it('says the skipped rows on stderr, and gives them in evidence.dataQuality', () => {
    const run = runCli(['audit', '--answers', 'yes.yaml', '-d', 'bad-rows.csv', '--format', 'json', '--lang', 'en', '--now', '2025-03-01'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('Skipped 2 rows that could not be read.');
    expect(run.stderr).toContain('bad-rows.csv, row 8, column "created_at"');
    expect(run.stderr).toContain('Every skipped row: evidence.dataQuality.rowsSkipped in the JSON.');
    const evidence = JSON.parse(run.stdout).evidence as Evidence & { dataQuality: { rowsSkippedCount: number; rowsRead: number } };
    expect(evidence.dataQuality).toMatchObject({ rowsRead: 40, rowsSkippedCount: 2 });
    // 38 deals read, all closed.
    expect(evidence.facts.closed_deals).toBe(38);
    const ru = runCli(['audit', '--answers', 'yes.yaml', '-d', 'bad-rows.csv', '--lang', 'ru', '--now', '2025-03-01'], { cwd: dir });
    expect(ru.stderr).toContain('Пропущено строк, которые не удалось прочитать: 2.');
    // The audit's workbook has no Data quality sheet: the JSON is where the full list is.
    expect(ru.stderr).toContain('Все пропущенные строки: --format json (evidence.dataQuality.rowsSkipped).');
  });
});

// A tester: a call log with its header alone (what a client without telephony in the CRM hands over) stopped the
// audit with «no row with data»; evidence.md says telephony is contradicted by «no calls at all in an activities file».
describe('audit with an activities export that has a header and no row', () => {
  write('deals40.csv', ['id,manager,created_at,closed_at,status,amount,client', ...range(40).map((i) => `${i},A,2025-01-10 10:00,2025-01-20 10:00,${i % 2 ? 'won' : 'lost'},100,c${i}`)]);
  write('calls-none.csv', ['manager,at,kind,direction,missed,duration_s,deal_id']);

  it('reads it as no calls: a «yes» for telephony is contradicted, and the run goes on', () => {
    const run = runCli(['audit', '--answers', 'yes.yaml', '-d', 'deals40.csv', '-a', 'calls-none.csv', '--format', 'json', '--lang', 'en', '--now', '2025-03-01'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const evidence = JSON.parse(run.stdout).evidence as Evidence;
    expect(evidence.checks.find((c) => c.criterion === 'telephony.integrated')).toMatchObject({ verdict: 'contradicted' });
    // kpi keeps refusing it: a report of zero calls from an export filtered to nothing is a mistake there.
    const kpi = runCli(['kpi', '-d', 'deals40.csv', '-a', 'calls-none.csv', '--lang', 'en'], { cwd: dir });
    expect(kpi.code).toBe(2);
  });
});

// A tester: a log of 12 missed calls nobody took (telephony is there) read «no call at all», contradicting a «yes».
describe('audit with a call log of missed calls with no employee only', () => {
  it('is no log without calls: the telephony «yes» is inconclusive, not contradicted', () => {
    write('deals-b.csv', ['id,manager,created_at,closed_at,status,amount,client', ...range(40).map((i) => `${i},A,2025-01-10 10:00,2025-01-20 10:00,${i % 2 ? 'won' : 'lost'},100,c${i}`)]);
    write('missed-only.csv', ['Дата звонка;Сотрудник;Тип звонка;Статус;Длительность;Клиент', ...range(12).map((i) => `01.02.2025 10:${String(i).padStart(2, '0')};;Входящий;Пропущенный звонок;0;7916123450${i % 10}`)]);
    const run = runCli(['audit', '--answers', 'yes.yaml', '-d', 'deals-b.csv', '-a', 'missed-only.csv', '--format', 'json', '--lang', 'en', '--now', '2025-03-01'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const check = (JSON.parse(run.stdout).evidence as Evidence).checks.find((c) => c.criterion === 'telephony.integrated')!;
    expect(check.verdict).toBe('inconclusive');
    // They are calls (the spec's calls_in counts missed incoming calls), too few to tell.
    expect(check.text).toBe('Too little data to tell: 12 calls (12 missed incoming calls no employee took among them), at least 50 needed.');
  });
});

// Tester T76 (F2): a call log of the wrong year, beside the alert that its touches meant nothing, contradicted
// two «yes» answers on the links it could not make, and took their points off.
describe('audit with activities of other dates than the deals', () => {
  it('gives the facts of links no data, naming the export that would: no answer is contradicted by them', () => {
    write('deals-w.csv', ['id,manager,created_at,closed_at,status,amount,client', ...range(40).map((i) => `${i},A,2025-01-10 10:00,2025-01-20 10:00,${i % 4 ? 'won' : 'lost'},100,c${i}`)]);
    write('calls-2024.csv', calls(() => '2024-01-12 10:00', (i) => ((i - 1) % 40) + 1));
    const run = runCli(['audit', '--answers', 'yes.yaml', '-d', 'deals-w.csv', '-a', 'calls-2024.csv', '--format', 'json', '--lang', 'ru', '--now', '2025-03-01'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const evidence = JSON.parse(run.stdout).evidence as Evidence;
    for (const id of ['won_with_activity_share', 'touches_per_won', 'calls_linked_share']) expect(evidence.facts[id], id).toBeNull();
    const journal = evidence.checks.find((c) => c.criterion === 'journal.interactions')!;
    expect(journal.verdict).toBe('no-data');
    expect(journal.text).toBe('Проверить нельзя: нужна выгрузка активностей за те же даты, что и сделки (большая часть сделок создана вне дат активностей).');
    expect(evidence.checks.find((c) => c.criterion === 'telephony.integrated')!.verdict).toBe('no-data');
    // The same calls in the deals' year link by deal id: 60 calls on 40 deals, every won deal touched.
    const right = JSON.parse(runCli(['audit', '--answers', 'yes.yaml', '-d', 'deals-w.csv', '-a', 'calls60.csv', '--format', 'json', '--now', '2025-03-01'], { cwd: dir }).stdout).evidence as Evidence;
    expect([right.facts.won_with_activity_share, right.facts.calls_linked_share]).toEqual([1, 1]);
    expect(right.checks.find((c) => c.criterion === 'telephony.integrated')!.verdict).toBe('confirmed');
  });
});

// Tester T76 (F7): payments naming an ERP's own deal numbers, none a deal of the deals file, contradicted the
// «yes» («no won deal has a payment»), where a file with no deal column is no-data.
describe('audit with payments none of which names a known deal', () => {
  it('gives the paid share no data, saying why, as a payments file with no deal column does', () => {
    write('deals-p.csv', ['id,manager,created_at,closed_at,status,amount,client', ...range(40).map((i) => `${i},A,2025-01-10 10:00,2025-01-20 10:00,${i % 4 ? 'won' : 'lost'},100,c${i}`)]);
    write('pay-erp.csv', ['deal_id,manager,invoiced,paid', ...range(40).map((i) => `${900000 + i},A,100,100`)]);
    const run = runCli(['audit', '--answers', 'yes.yaml', '-d', 'deals-p.csv', '-p', 'pay-erp.csv', '--format', 'json', '--lang', 'en', '--now', '2025-03-01'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const evidence = JSON.parse(run.stdout).evidence as Evidence;
    expect(evidence.facts.won_with_payment_share).toBeNull();
    const check = evidence.checks.find((c) => c.criterion === 'erp.payments')!;
    expect(check.verdict).toBe('no-data');
    expect(check.text).toBe("Cannot be checked: it needs a payments export that names deals of the deals export (no payment names a known deal: check that the payments' deal column holds the same CRM's ids).");
    // One payment of a known deal: the share is the data's again.
    write('pay-one.csv', ['deal_id,manager,invoiced,paid', '1,A,100,100', ...range(39).map((i) => `${900000 + i},A,100,100`)]);
    const one = JSON.parse(runCli(['audit', '--answers', 'yes.yaml', '-d', 'deals-p.csv', '-p', 'pay-one.csv', '--format', 'json', '--now', '2025-03-01'], { cwd: dir }).stdout).evidence as Evidence;
    expect(one.facts.won_with_payment_share).toBeCloseTo(1 / 30, 12);
  });
});
