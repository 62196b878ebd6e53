import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { latinWords } from '../helpers/latin-words.js';

describe('kpi says loudly when the numbers look wrong', () => {
  it('25 deals, none won or lost: a warning on stderr in the run\'s language, and in dataQuality', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'alerts-'));
    const deals = path.join(dir, 'deals.csv');
    writeFileSync(deals, ['id,manager,created_at,stage', ...Array.from({ length: 25 }, (_, i) => `${i + 1},Иванов Иван,2025-01-0${(i % 9) + 1},Переговоры`)].join('\n'));
    const ru = runCli(['kpi', '-d', deals], { env: { LANG: 'ru_RU.UTF-8' } });
    expect(ru.code).toBe(0);
    expect(ru.stderr).toMatch(/Внимание: Ни одна из 25 сделок не выиграна и не проиграна/);
    const json = runCli(['kpi', '-d', deals, '--format', 'json', '--lang', 'en']);
    expect(json.stderr).toMatch(/Warning: None of the 25 deals is won or lost/);
    const quality = JSON.parse(json.stdout).dataQuality;
    expect(quality.alerts).toEqual([{ code: 'no-outcome', deals: 25 }]);
    expect(quality.warnings).toEqual([expect.stringMatching(/^None of the 25 deals/)]);
  });

  it('an export of won deals only (25, of two managers): 100% is said to be the filter\'s, in Russian and English, on stderr and in JSON; one open deal more, nothing', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'alerts-'));
    const rows = Array.from({ length: 25 }, (_, i) => `${i + 1};${i % 2 ? 'Иванов Иван' : 'Петрова Анна'};Успешно реализовано;0${(i % 9) + 1}.02.2025;1000`);
    writeFileSync(path.join(dir, 'won.csv'), ['ID;Ответственный;Этап сделки;Дата создания;Бюджет', ...rows].join('\n'));
    writeFileSync(path.join(dir, 'open.csv'), ['ID;Ответственный;Этап сделки;Дата создания;Бюджет', ...rows, '26;Иванов Иван;Первичный контакт;10.02.2025;'].join('\n'));
    const ru = runCli(['kpi', '-d', 'won.csv'], { cwd: dir, env: { LANG: 'ru_RU.UTF-8' } });
    expect(ru.code, ru.stderr).toBe(0);
    expect(ru.stderr).toMatch(/Внимание: Выиграны все сделки \(25\): ни одной проигранной и ни одной открытой/);
    expect(latinWords(ru.stderr)).toEqual([]);
    const en = runCli(['kpi', '-d', 'won.csv', '--format', 'json', '--lang', 'en'], { cwd: dir });
    expect(en.stderr).toMatch(/Warning: All 25 deals are won: none is lost or open/);
    const json = JSON.parse(en.stdout);
    expect(json.total).toMatchObject({ leads: 25, won: 25, lost: 0, open: 0, conversion: 1, win_rate: 1 });
    expect(json.dataQuality.alerts).toEqual([{ code: 'one-outcome', outcome: 'won', deals: 25 }]);
    const open = JSON.parse(runCli(['kpi', '-d', 'open.csv', '--format', 'json'], { cwd: dir }).stdout);
    expect(open.dataQuality.alerts).toEqual([]);
  });

  it('a payment with no manager and no known deal is said once, in the report\'s language: on stderr, in the HTML and in JSON', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'alerts-'));
    writeFileSync(path.join(dir, 'deals.csv'), 'id,manager,created_at,status,amount\n1,Иванов Иван,2025-01-02,won,100\n');
    writeFileSync(path.join(dir, 'pay.csv'), 'deal_id,manager,invoiced,paid\n999,,50,50\n1,,100,100\n');
    const run = runCli(['kpi', '-d', 'deals.csv', '-p', 'pay.csv', '-o', 'k.html', '--lang', 'ru'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    // Said once, with the unknown deal it names: a second alert (unattributed-payments) had said the same payment apart, and this one «counted under its manager».
    const said = 'Менеджера у них в файле нет, и сделка его не даёт: они учтены только в итоге по отделу';
    expect(run.stderr).toContain('pay.csv: 1 из 2 оплат ссылается на сделки, которых нет в файле сделок (например, «999»).');
    expect(run.stderr).toContain(said);
    expect(run.stderr).not.toContain('Оплат без менеджера и без известной сделки');
    const html = readFileSync(path.join(dir, 'k.html'), 'utf8');
    expect(html).toContain(said);
    expect(html).not.toMatch(/payments? ha(s|ve) neither|no manager, and no deal/);
    const json = JSON.parse(runCli(['kpi', '-d', 'deals.csv', '-p', 'pay.csv', '--format', 'json'], { cwd: dir }).stdout);
    expect(json.dataQuality.alerts).toEqual([{ code: 'payments-unknown-deals', file: 'pay.csv', payments: 1, named: 2, example: '999', period: false, withoutManager: 1 }]);
    expect(json.dataQuality.warnings[0]).toContain('They name no manager, and no deal gives one: they count in the total only;');
  });
});

describe('a small deals file whose every row is unreadable', () => {
  it('three deals whose amounts all say «по договорённости»: the column and the value are named, as for a large file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'alerts-'));
    writeFileSync(path.join(dir, 'deals.csv'), ['ID;Ответственный;Стадия сделки;Дата создания;Сумма', '1;Иван;Сделка успешна;01.02.2025;по договорённости', '2;Анна;Сделка провалена;02.02.2025;по договорённости', '3;Анна;Новая;02.02.2025;по договорённости'].join('\n'));
    const run = runCli(['kpi', '-d', 'deals.csv'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/none of the 3 rows can be read/);
    expect(run.stderr).toMatch(/row 2, column "Сумма": "по договорённости" is not a number/);
    const ru = runCli(['kpi', '-d', 'deals.csv', '--lang', 'ru'], { cwd: dir });
    expect(ru.stderr).toMatch(/строка 2, колонка «Сумма»/);
  });
});

describe('a small activities or payments file whose every row is unreadable', () => {
  // Two bad rows are under the allowance of five, yet nothing of the file was read: a report of zero calls or payments would be wrong.
  const dir = mkdtempSync(path.join(tmpdir(), 'alerts-'));
  writeFileSync(path.join(dir, 'deals.csv'), ['ID;Ответственный;Стадия сделки;Дата создания;Сумма', '1;Иван;Сделка успешна;01.02.2025;1000', '2;Анна;Новая;02.02.2025;'].join('\n'));
  writeFileSync(path.join(dir, 'calls.csv'), ['Сотрудник;Тип звонка;Дата вызова;ID сделки', 'Иван;Исходящий;вчера;1', 'Анна;Входящий;;2'].join('\n'));
  writeFileSync(path.join(dir, 'pay.csv'), ['ID сделки;Сумма счета;Оплачено', '1;abc;', '2;;'].join('\n'));

  it('an activity log: exit 2, the rows and the column named', () => {
    const run = runCli(['kpi', '-d', 'deals.csv', '-a', 'calls.csv'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/none of the 2 rows can be read/);
    expect(run.stderr).toMatch(/row 2, column "Дата вызова": "вчера" is not a date/);
    expect(run.stdout).toBe('');
  });

  it('but not when rows were read and dropped for what they are (planned activities), nor under an explicit --max-bad-rows', () => {
    writeFileSync(path.join(dir, 'planned.csv'), ['ID сделки,Ответственный,Дата,Тип активности,Done', '1,Иван,01.02.2025,Звонок,нет', '1,Иван,02.02.2025,Звонок,нет', '2,Анна,03.02.2025,Звонок,нет', '2,Анна,не дата,Звонок,да'].join('\n'));
    const planned = runCli(['kpi', '-d', 'deals.csv', '-a', 'planned.csv', '--format', 'json'], { cwd: dir });
    expect(planned.code, planned.stderr).toBe(0);
    expect(JSON.parse(planned.stdout).dataQuality.files[1]).toMatchObject({ rowsRead: 4, records: 0, skipped: 1, dropped: { 'planned activity, not done': 3 } });
    const allowed = runCli(['kpi', '-d', 'deals.csv', '-a', 'calls.csv', '--max-bad-rows', '5', '--format', 'json'], { cwd: dir });
    expect(allowed.code, allowed.stderr).toBe(0);
  });

  it('a header and no row (an export filtered to nothing): exit 2, as for a deals file', () => {
    writeFileSync(path.join(dir, 'calls-empty.csv'), 'Сотрудник;Тип звонка;Дата вызова;ID сделки\n');
    writeFileSync(path.join(dir, 'pay-empty.csv'), 'ID сделки;Сумма счета;Оплачено\n');
    const calls = runCli(['kpi', '-d', 'deals.csv', '-a', 'calls-empty.csv'], { cwd: dir });
    expect(calls.code).toBe(2);
    expect(calls.stderr).toMatch(/calls-empty\.csv[\s\S]*has no row with data \(0 rows read\)/);
    const pay = runCli(['kpi', '-d', 'deals.csv', '-p', 'pay-empty.csv', '--lang', 'ru'], { cwd: dir });
    expect(pay.code).toBe(2);
    expect(pay.stderr).toMatch(/нет ни одной строки с данными/);
    expect(pay.stdout).toBe('');
  });

  it('a payments file: exit 2 in Russian too', () => {
    const run = runCli(['kpi', '-d', 'deals.csv', '-p', 'pay.csv', '--lang', 'ru'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/ни одну из 2 строк не удалось прочитать/);
    expect(run.stdout).toBe('');
  });
});

/** A deals file of these lines in a folder of its own, and the kpi JSON of it (exit 0 expected). */
function dealsKpi(lines: string[]): { dir: string; r: { total: Record<string, unknown>; dataQuality: { rowsSkipped: Array<{ row: number; column: string; reason: string }>; alerts: unknown[] } } } {
  const dir = mkdtempSync(path.join(tmpdir(), 'alerts-'));
  writeFileSync(path.join(dir, 'deals.csv'), lines.join('\n'));
  const run = runCli(['kpi', '-d', 'deals.csv', '--format', 'json'], { cwd: dir });
  expect(run.code, run.stderr).toBe(0);
  return { dir, r: JSON.parse(run.stdout) };
}

describe('amounts no export means: a date shifted into the amount column, a number too large', () => {
  it('are skipped rows with their column named, never revenue and never an internal error', () => {
    // Row 3 left out its empty amount field, so its creation date sits under «Бюджет»; rows 4-6 overflow.
    const { r } = dealsKpi(['ID;Ответственный;Этап сделки;Бюджет;Дата создания;Дата закрытия', '1;Иванов;Успешно реализовано;10 000;01.03.2025;05.03.2025', '2;Петров;Успешно реализовано;01.03.2025;05.03.2025', '3;Петров;Успешно реализовано;1e400;01.03.2025;05.03.2025', '4;Петров;Успешно реализовано;1e308;01.03.2025;05.03.2025', '5;Петров;Успешно реализовано;1e308;01.03.2025;05.03.2025']);
    expect(r.total.revenue).toBe(10000);
    expect(r.dataQuality.rowsSkipped.map((s) => [s.row, s.column, s.reason])).toEqual([
      [3, 'Бюджет', '"01.03.2025" is not a number'],
      // Said as too large, not as no number (tester T60 L1).
      [4, 'Бюджет', '"1e400" is too large a number (10^15 or more)'],
      [5, 'Бюджет', '"1e308" is too large a number (10^15 or more)'],
      [6, 'Бюджет', '"1e308" is too large a number (10^15 or more)'],
    ]);
  });
});

describe('stages no rule knows whose deals are mostly closed, in a CRM whose unknown stages are open', () => {
  // This file had generic headers and no profile; such a file now stops on «Оплачено» (asked on a terminal,
  // test/cli/renamed-stages.test.ts) rather than counting it open. The alert stays for a CRM whose stages
  // no rule knows are open: Pipedrive's export without its status column, a close date beside the stage.
  it('are counted as open, and said: a renamed won stage («Оплачено») with close dates and amounts', () => {
    const { dir, r } = dealsKpi(['Deal - ID;Deal - Owner;Deal - Stage;Deal - Value;Deal - Deal created;Deal - Deal closed on', '1;Иванов;Оплачено;1000;01.03.2025;05.03.2025', '2;Иванов;Оплачено;2000;01.03.2025;06.03.2025', '3;Иванов;Отказ;;01.03.2025;06.03.2025', '4;Петров;Оплачено;3000;01.03.2025;07.03.2025', '5;Петров;Переговоры;;01.03.2025;']);
    expect(r.total.won).toBe(0);
    // «Переговоры» has no close date: open as it looks, not listed.
    expect(r.dataQuality.alerts).toEqual([{ code: 'unknown-stages-closed', file: 'deals.csv', stages: [{ stage: 'Оплачено', deals: 3, closed: 3, lost: 0 }] }]);
    const ru = runCli(['kpi', '-d', 'deals.csv', '--lang', 'ru'], { cwd: dir });
    expect(ru.stderr).toMatch(/«Оплачено» \(3 сделки, закрыто 3\)[\s\S]*status: \{ "Оплачено": won \}/);
    // Close dates after the report date are expected ones: such a stage is not said to look closed; nothing
    // won of 5 deals, one lost, is (nothing-won, from 5 deals on), naming the stages no rule knows.
    const later = runCli(['kpi', '-d', 'deals.csv', '--now', '2025-03-02', '--format', 'json'], { cwd: dir });
    expect(JSON.parse(later.stdout).dataQuality.alerts).toEqual([{ code: 'nothing-won', file: 'deals.csv', deals: 5, lost: 1, stages: [{ stage: 'Оплачено', deals: 3, amount: 3 }, { stage: 'Переговоры', deals: 1, amount: 0 }] }]);
    // Named in a --map file, the stage is won and the alert is gone.
    writeFileSync(path.join(dir, 'map.yaml'), 'status:\n  "Оплачено": won\n');
    const mapped = JSON.parse(runCli(['kpi', '-d', 'deals.csv', '--map', 'map.yaml', '--format', 'json'], { cwd: dir }).stdout);
    expect(mapped.total.won).toBe(3);
    expect(mapped.dataQuality.alerts).toEqual([]);
  });

  it('a closed flag marks them closed: counted lost, and said so (a Salesforce extract with IsClosed and no IsWon)', () => {
    const { dir, r } = dealsKpi(['Id,OwnerName,StageName,IsClosed,Amount,CreatedDate,CloseDate', '1,Anna,Signed Off,true,1000,2025-03-01,2025-03-05', '2,Anna,Signed Off,true,2000,2025-03-01,2025-03-06', '3,Boris,Prospecting,false,500,2025-03-01,2025-09-30']);
    expect([r.total.won, r.total.lost, r.total.open]).toEqual([0, 2, 1]);
    expect(r.dataQuality.alerts).toEqual([{ code: 'unknown-stages-closed', file: 'deals.csv', stages: [{ stage: 'Signed Off', deals: 2, closed: 2, lost: 2 }] }]);
    const ru = runCli(['kpi', '-d', 'deals.csv', '--lang', 'ru'], { cwd: dir });
    expect(ru.stderr).toContain('посчитаны открытыми (а их сделки, закрытые по флагу, — проигранными), хотя большинство их сделок закрыто: «Signed Off» (2 сделки, закрыто 2)');
  });
});

describe('a Salesforce report whose stages are renamed', () => {
  const LINES = [
    '"Opportunity Owner","Account Name","Opportunity Name","Stage","Amount","Probability (%)","Close Date","Created Date"',
    '"Mary Major","Acme","A","Contract Signed","24,000.00","100%","7/20/2024","7/1/2024"',
    '"Mary Major","Beta","B","Lost to Competitor","9,000.00","0%","7/18/2024","7/2/2024"',
    '"Mary Major","Gamma","C","Closed/Lost","700.00","0%","7/19/2024","7/3/2024"',
    '"John Doe","Delta","D","Prospecting","1,000.00","10%","9/30/2024","7/6/2024"',
  ];

  // «Contract Signed» at 100% was counted open with this alert: the run now stops on it
  // (test/cli/renamed-stages.test.ts). Once it is named, the stage at 0% is still said: open, it looks lost.
  it('names a stage most of whose deals are at a probability of 0%, once the one at 100% is named; «Closed/Lost» is lost', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'alerts-'));
    writeFileSync(path.join(dir, 'deals.csv'), LINES.join('\n'));
    const refused = runCli(['kpi', '-d', 'deals.csv', '--format', 'json'], { cwd: dir });
    expect(refused.code, refused.stderr).toBe(2);
    expect(refused.stderr).toContain('"Contract Signed"');
    expect(refused.stderr).not.toContain('Lost to Competitor');
    writeFileSync(path.join(dir, 'map.yaml'), 'status:\n  "Contract Signed": won\n');
    const run = runCli(['kpi', '-d', 'deals.csv', '--map', 'map.yaml', '--format', 'json'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const r = JSON.parse(run.stdout);
    expect([r.total.won, r.total.lost, r.total.open]).toEqual([1, 1, 2]);
    expect(r.dataQuality.alerts).toEqual([{ code: 'unknown-stages-closed', file: 'deals.csv', stages: [{ stage: 'Lost to Competitor', deals: 1, closed: 0, lost: 0, zero: 1 }] }]);
    // The --map line it proposes says lost (its deals are at 0%); it is not said to be closed (an early open
    // stage may be at 0% too: a real report's «Draft Phase»), and map offers it.
    const en = runCli(['kpi', '-d', 'deals.csv', '--map', 'map.yaml', '--lang', 'en'], { cwd: dir });
    expect(en.stderr).toContain("stages no rule knows are counted as open though most of their deals are at a probability of 0%, as a lost stage's are (an early open stage's may be too): \"Lost to Competitor\" (1 deal, 0 closed, 1 at a probability of 0%). If they are won or lost, name them in a --map file (status: { \"Lost to Competitor\": lost }); crm-audit map asks about each.");
    const ru = runCli(['kpi', '-d', 'deals.csv', '--map', 'map.yaml', '--lang', 'ru'], { cwd: dir });
    expect(ru.stderr).toContain('посчитаны открытыми, хотя у большинства их сделок вероятность 0%, как у проигранного этапа (но так бывает и у раннего открытого): «Lost to Competitor» (1 сделка, закрыто 0, с вероятностью 0%: 1). Если это выигрыш или проигрыш, назовите их в файле --map (status: { "Lost to Competitor": lost }); crm-audit map спросит о каждом.');
  });
});

describe('nothing won among lost deals, while a stage no rule knows holds deals', () => {
  // The won stage renamed «Оплачено», and no close date to show its deals closed: 12 paid, 10 refused.
  const lines = ['Номер;Менеджер;Стадия сделки;Сумма;Создана', ...Array.from({ length: 22 }, (_, i) => `${i + 1};${i % 2 ? 'Иванов' : 'Петров'};${i < 12 ? 'Оплачено' : 'Отказ'};${i < 12 ? 1000 : ''};0${(i % 9) + 1}.03.2025`)];

  it('is said, naming the stage and its deals with an amount, with the --map line that counts it won', () => {
    const { dir, r } = dealsKpi(lines);
    expect([r.total.leads, r.total.won, r.total.lost, r.total.open]).toEqual([22, 0, 10, 12]);
    expect(r.dataQuality.alerts).toEqual([{ code: 'nothing-won', file: 'deals.csv', deals: 22, lost: 10, stages: [{ stage: 'Оплачено', deals: 12, amount: 12 }] }]);
    const ru = runCli(['kpi', '-d', 'deals.csv', '--lang', 'ru'], { cwd: dir });
    expect(ru.stderr).toContain('deals.csv: ни одна из 22 сделок не выиграна, хотя 10 проиграно');
    expect(ru.stderr).toContain('«Оплачено» (12 сделок, из них с суммой: 12)');
    writeFileSync(path.join(dir, 'map.yaml'), 'status:\n  "Оплачено": won\n');
    const mapped = JSON.parse(runCli(['kpi', '-d', 'deals.csv', '--map', 'map.yaml', '--format', 'json'], { cwd: dir }).stdout);
    expect([mapped.total.won, mapped.total.revenue]).toEqual([12, 12_000]);
    expect(mapped.dataQuality.alerts).toEqual([]);
  });

  it('is not said of a short file (4 deals), where nothing won may be the truth', () => {
    const { r } = dealsKpi([lines[0]!, ...lines.slice(12, 16)]);
    expect(r.total.won).toBe(0);
    expect(r.dataQuality.alerts).toEqual([]);
  });
});

describe('activities whose dates have no time of day', () => {
  it('are said: read at midnight, they measure no response on a deal\'s first day', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'alerts-untimed-'));
    writeFileSync(path.join(dir, 'deals.csv'), `id,manager,created_at,status\n${Array.from({ length: 12 }, (_, i) => `${i + 1},Анна,2025-03-0${(i % 9) + 1} 10:00,open`).join('\n')}\n`);
    writeFileSync(path.join(dir, 'acts.csv'), `deal_id,manager,at,kind,direction\n${Array.from({ length: 12 }, (_, i) => `${i + 1},Анна,2025-03-0${(i % 9) + 1},call,out`).join('\n')}\n`);
    const run = runCli(['kpi', '-d', 'deals.csv', '-a', 'acts.csv', '--format', 'json'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const r = JSON.parse(run.stdout);
    // Every call is at midnight before its deal's 10:00: none is a response.
    expect(r.total.no_response).toBe(12);
    expect(r.dataQuality.alerts).toContainEqual({ code: 'untimed-activities', file: 'acts.csv', untimed: 12, records: 12 });
    const ru = runCli(['kpi', '-d', 'deals.csv', '-a', 'acts.csv', '--lang', 'ru'], { cwd: dir });
    expect(ru.stderr).toContain('acts.csv: у 12 из 12 активностей дата без времени: они считаются в полночь');
    // With the time, nothing is said.
    writeFileSync(path.join(dir, 'timed.csv'), readFileSync(path.join(dir, 'acts.csv'), 'utf8').replace(/(2025-03-0\d)/g, '$1 11:00'));
    const timed = JSON.parse(runCli(['kpi', '-d', 'deals.csv', '-a', 'timed.csv', '--format', 'json'], { cwd: dir }).stdout);
    expect(timed.dataQuality.alerts.map((a: { code: string }) => a.code)).not.toContain('untimed-activities');
    expect(timed.total.no_response).toBe(0);
  });
});

describe('a call log whose direction or status values no map knows', () => {
  it('is said, with a --map snippet that, passed as printed, reads them', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'alerts-'));
    writeFileSync(path.join(dir, 'deals.csv'), 'id,manager,created_at,status\n1,Иванов Иван,2025-01-02,won\n');
    // «Incoming call» is read by its words; «A-leg» and «B-leg» by nothing, and a status «Lost» neither.
    writeFileSync(path.join(dir, 'calls.csv'), ['Date;Assigned;Direction;Call status;Duration;Deal ID', '2025-01-02 10:05;Иванов Иван;A-leg;Answered;83;1', '2025-01-02 10:30;Иванов Иван;B-leg;Lost;0;1', '2025-01-02 11:00;Иванов Иван;Incoming call;Answered;120;1'].join('\n'));
    const json = runCli(['kpi', '-d', 'deals.csv', '-a', 'calls.csv', '--format', 'json', '--lang', 'en'], { cwd: dir });
    expect(json.code, json.stderr).toBe(0);
    const r = JSON.parse(json.stdout);
    expect(r.total.calls_in).toBe(1);
    // The status «Lost» is on a call of no known direction, which cannot be missed: not weighed.
    expect(r.dataQuality.alerts).toEqual([{ code: 'unknown-values', file: 'calls.csv', field: 'direction', header: 'Direction', unknown: 2, filled: 3, values: ['A-leg', 'B-leg'] }]);
    const ru = runCli(['kpi', '-d', 'deals.csv', '-a', 'calls.csv', '--lang', 'ru'], { cwd: dir });
    expect(ru.stderr).toContain('Внимание: calls.csv: направление звонка не распознано в 2 из 3 строк колонки «Direction» («A-leg», «B-leg»)');
    const snippet = ru.stderr.slice(ru.stderr.indexOf('direction:\n')).split('\n').slice(0, 3).join('\n');
    // Every line says it is the user's to decide: a reading offered as the answer made successful calls missed.
    expect(snippet).toBe('direction:\n  "A-leg": in    # in, out или internal: проверьте\n  "B-leg": in    # in, out или internal: проверьте');
    writeFileSync(path.join(dir, 'map.yaml'), `${snippet}\n`);
    const mapped = JSON.parse(runCli(['kpi', '-d', 'deals.csv', '-a', 'calls.csv', '--map', 'map.yaml', '--format', 'json'], { cwd: dir }).stdout);
    expect(mapped.total.calls_in).toBe(3);
    // Its call now incoming, «Lost» is one incoming call's status in 3 that no rule knows: said (one in 20 is enough).
    expect(mapped.dataQuality.alerts).toEqual([{ code: 'unknown-values', file: 'calls.csv', field: 'missed', header: 'Call status', unknown: 1, filled: 3, values: ['Lost'] }]);
  });

  it('of call statuses is said too (unknown ones count as answered)', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'alerts-'));
    writeFileSync(path.join(dir, 'deals.csv'), 'id,manager,created_at,status\n1,Иванов Иван,2025-01-02,won\n');
    writeFileSync(path.join(dir, 'calls.csv'), ['Дата;Сотрудник;Направление;Статус звонка;Длительность;ID сделки', '02.01.2025 10:05;Иванов Иван;Входящий;Код 17;0;1', '02.01.2025 10:30;Иванов Иван;Входящий;Код 16;60;1'].join('\n'));
    const r = JSON.parse(runCli(['kpi', '-d', 'deals.csv', '-a', 'calls.csv', '--format', 'json'], { cwd: dir }).stdout);
    expect(r.dataQuality.alerts).toEqual([{ code: 'unknown-values', file: 'calls.csv', field: 'missed', header: 'Статус звонка', unknown: 2, filled: 2, values: ['Код 16', 'Код 17'] }]);
  });
});

// A tester's log with 3 of its 10 incoming calls under a status no rule knows said nothing: the alert waited for half.
describe('a call log with a noticeable share of unknown statuses or directions', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'alerts-'));
  writeFileSync(path.join(dir, 'deals.csv'), 'id,manager,created_at,status\n1,Иванов Иван,2025-01-02,won\n');
  /** The alerts of a log of `known` calls of a known status and direction and `unknown` of an unknown status (or direction). */
  const alerts = (known: number, unknown: number, field: 'missed' | 'direction') => {
    const rows = ['Дата;Сотрудник;Направление;Статус звонка;Длительность;ID сделки'];
    for (let i = 0; i < known + unknown; i++) {
      const odd = i >= known;
      rows.push(`02.01.2025 10:${String(i).padStart(2, '0')};Иванов Иван;${odd && field === 'direction' ? 'Транзит' : 'Входящий'};${odd && field === 'missed' ? 'Код 16' : 'Отвечен'};60;1`);
    }
    writeFileSync(path.join(dir, 'calls.csv'), `${rows.join('\n')}\n`);
    const run = runCli(['kpi', '-d', 'deals.csv', '-a', 'calls.csv', '--format', 'json'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    return JSON.parse(run.stdout).dataQuality.alerts as Array<Record<string, unknown>>;
  };

  it('are said from one filled cell in 20: 3 of 10, and 1 of 20', () => {
    expect(alerts(7, 3, 'missed')).toEqual([{ code: 'unknown-values', file: 'calls.csv', field: 'missed', header: 'Статус звонка', unknown: 3, filled: 10, values: ['Код 16'] }]);
    expect(alerts(19, 1, 'missed')).toEqual([{ code: 'unknown-values', file: 'calls.csv', field: 'missed', header: 'Статус звонка', unknown: 1, filled: 20, values: ['Код 16'] }]);
    // The direction column by the same rule.
    expect(alerts(7, 3, 'direction')).toEqual([{ code: 'unknown-values', file: 'calls.csv', field: 'direction', header: 'Направление', unknown: 3, filled: 10, values: ['Транзит'] }]);
  });

  it('are not said below: 1 of 21 (a stray value)', () => {
    expect(alerts(20, 1, 'missed')).toEqual([]);
    expect(alerts(20, 1, 'direction')).toEqual([]);
  });

  // Bitrix24's REST DIRECTION is «0» on a meeting or a task: no call's direction. An outgoing call cannot be missed whatever its status.
  it('weigh a direction on the calls only, and a status on the incoming calls only', () => {
    const rows = ['Дата;Сотрудник;Тип активности;Направление;Статус звонка;ID сделки'];
    for (let i = 0; i < 6; i++) rows.push(`02.01.2025 10:0${i};Иванов Иван;Звонок;Входящий;${i < 5 ? 'Отвечен' : 'Код 16'};1`);
    for (let i = 0; i < 4; i++) rows.push(`02.01.2025 11:0${i};Иванов Иван;Звонок;Исходящий;Код 17;1`);
    for (let i = 0; i < 4; i++) rows.push(`02.01.2025 12:0${i};Иванов Иван;Встреча;0;;1`);
    writeFileSync(path.join(dir, 'mixed.csv'), `${rows.join('\n')}\n`);
    const run = runCli(['kpi', '-d', 'deals.csv', '-a', 'mixed.csv', '--format', 'json'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const r = JSON.parse(run.stdout);
    // «0» is on 4 meetings of 14 rows, on no call: not said. «Код 16» is 1 incoming call's status in 6 (the 4 outgoing «Код 17» are not weighed).
    expect(r.dataQuality.alerts).toEqual([{ code: 'unknown-values', file: 'mixed.csv', field: 'missed', header: 'Статус звонка', unknown: 1, filled: 6, values: ['Код 16'] }]);
    expect([r.total.calls_in, r.total.calls_out, r.total.meetings]).toEqual([6, 4, 4]);
  });

  it('add up the weighed values of a file read in two halves', () => {
    // 4,000 calls, every other one incoming; 2 incoming calls in 5 under «Код 16»: 800 of 2,000.
    const rows = ['Дата;Сотрудник;Направление;Статус звонка;Длительность;ID сделки'];
    for (let i = 0; i < 4000; i++) rows.push(`${String(1 + Math.floor(i / 600)).padStart(2, '0')}.02.2025 ${8 + Math.floor((i % 600) / 60)}:${String(i % 60).padStart(2, '0')};Иванов Иван;${i % 2 === 0 ? 'Входящий' : 'Исходящий'};${i % 10 < 3 ? 'Код 16' : 'Отвечен'};60;1`);
    writeFileSync(path.join(dir, 'big.csv'), `${rows.join('\n')}\n`);
    for (const split of ['1', '0']) {
      const run = runCli(['kpi', '-d', 'deals.csv', '-a', 'big.csv', '--format', 'json'], { cwd: dir, env: { CRM_AUDIT_SPLIT_BYTES: split, CRM_AUDIT_SPLIT_TRACE: '1' } });
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr.includes('read in two halves: big.csv'), split).toBe(split === '1');
      expect(JSON.parse(run.stdout).dataQuality.alerts.filter((a: { code: string }) => a.code === 'unknown-values')).toEqual([{ code: 'unknown-values', file: 'big.csv', field: 'missed', header: 'Статус звонка', unknown: 800, filled: 2000, values: ['Код 16'] }]);
    }
  });
});

// A tester: call durations in mm:ss re-saved by Excel as h:mm:ss read 10 414 talk minutes, 173 hours in one day, without a word.
describe('talk of more than 24 hours on one day', () => {
  it('is said with the manager, the day and the hours, whole across the two halves of a file read in parallel; 22 hours is not', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'alerts-'));
    writeFileSync(path.join(dir, 'deals.csv'), 'id,manager,created_at,status\n1,Иванов Иван,2025-03-01,open\n');
    // A call every minute of 02.03.2025 for each: Иванов's of 1:05 (1 440 × 65 s = 1 560 min, 26 h), Петрова's of 0:55 (22 h).
    const rows = ['Дата звонка;Сотрудник;Тип звонка;Статус;Длительность'];
    for (let i = 0; i < 1440; i++) {
      const at = `02.03.2025 ${String(Math.floor(i / 60)).padStart(2, '0')}:${String(i % 60).padStart(2, '0')}`;
      rows.push(`${at};Иванов Иван;Исходящий;Отвечен;0:01:05`, `${at};Петрова Анна;Исходящий;Отвечен;0:00:55`);
    }
    writeFileSync(path.join(dir, 'calls.csv'), `${rows.join('\n')}\n`);
    for (const split of ['1', '0']) {
      const run = runCli(['kpi', '-d', 'deals.csv', '-a', 'calls.csv', '--format', 'json', '--lang', 'en'], { cwd: dir, env: { CRM_AUDIT_SPLIT_BYTES: split, CRM_AUDIT_SPLIT_TRACE: '1' } });
      expect(run.code, run.stderr).toBe(0);
      expect(run.stderr.includes('read in two halves: calls.csv'), split).toBe(split === '1');
      const r = JSON.parse(run.stdout);
      expect(r.managers.map((m: { manager: string; talk_minutes: number }) => [m.manager, m.talk_minutes])).toEqual([['Иванов Иван', 1560], ['Петрова Анна', 1320]]);
      expect(r.dataQuality.alerts).toEqual([{ code: 'talk-over-day', file: 'calls.csv', column: 'Длительность', managers: [{ manager: 'Иванов Иван', day: '2025-03-02', minutes: 1560 }] }]);
      expect(run.stderr).toContain('Warning: calls.csv: more than 24 hours of talk in one day, which no day holds: "Иванов Иван", 26 h on 2025-03-02.');
    }
    const ru = runCli(['kpi', '-d', 'deals.csv', '-a', 'calls.csv'], { cwd: dir, env: { LANG: 'ru_RU.UTF-8' } });
    expect(ru.stderr).toContain('Внимание: calls.csv: разговоров за один день больше 24 часов, чего не бывает: «Иванов Иван» — 26 ч за 02.03.2025.');
    expect(latinWords(ru.stderr)).toEqual([]);
  });

  // Tester T38: a Zoho log of seconds whose talk ran over a day from repeated rows (540 calls at one
  // minute) was offered `units: ms` for calls of 4 200 s: as milliseconds, 4.2 s, and talk 1 000 times low.
  it('names repeated rows as a cause, and offers milliseconds only where the long calls would be calls in them', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'alerts-'));
    writeFileSync(path.join(dir, 'deals.csv'), 'id,manager,created_at,status\n1,Иванов Иван,2025-03-01,open\n');
    // 30 rows of one call at 22:01 of 4 200 s (70 min) and 40 calls of 5 min: 2 300 min, over 38 h on 02.03.2025.
    const rows = ['Дата звонка;Сотрудник;Тип звонка;Статус;Длительность'];
    for (let i = 0; i < 30; i++) rows.push('02.03.2025 22:01;Иванов Иван;Исходящий;Отвечен;4200');
    for (let i = 0; i < 40; i++) rows.push(`02.03.2025 ${String(9 + Math.floor(i / 6)).padStart(2, '0')}:${String((i % 6) * 10).padStart(2, '0')};Иванов Иван;Исходящий;Отвечен;300`);
    writeFileSync(path.join(dir, 'calls.csv'), `${rows.join('\n')}\n`);
    const run = runCli(['kpi', '-d', 'deals.csv', '-a', 'calls.csv', '--lang', 'ru'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr.replace(/\s+/g, ' ')).toContain('или строки журнала повторены (один звонок записан несколько раз');
    expect(run.stderr).not.toContain(': ms }');
  });
});

describe('an activities file whose done values no rule knows', () => {
  // Pipedrive's «Activity - Done» = «Pending» counted a planned meeting as a touch; «Fait» is known by no rule.
  it('drops the known not-done words as planned, and says the unknown ones with a --map snippet that, passed as printed, reads them', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'alerts-'));
    writeFileSync(path.join(dir, 'deals.csv'), 'id,manager,created_at,closed_at,status\n1,Ann Lee,2025-01-02 09:00,2025-01-10 18:00,won\n');
    const rows = ['Activity - Type,Activity - Assigned to user,Activity - Due date,Activity - Due time,Activity - Done,Activity - Deal ID', 'Call,Ann Lee,2025-01-02,10:00,Done,1', 'Meeting,Ann Lee,2025-01-03,10:00,Pending,1', 'Call,Ann Lee,2025-01-04,10:00,Fait,1', 'Call,Ann Lee,2025-01-05,10:00,Fait,1', 'Email,Ann Lee,2025-01-06,10:00,Undone,1'];
    writeFileSync(path.join(dir, 'acts.csv'), `${rows.join('\n')}\n`);
    const json = runCli(['kpi', '-d', 'deals.csv', '-a', 'acts.csv', '--format', 'json', '--lang', 'en'], { cwd: dir });
    expect(json.code, json.stderr).toBe(0);
    const r = JSON.parse(json.stdout);
    // Touches of the won deal: the done call and the two «Fait» calls; the pending meeting and the undone e-mail are planned.
    expect([r.total.touches_per_won, r.total.meetings, r.total.emails]).toEqual([3, 0, 0]);
    expect(r.dataQuality.files[1].dropped).toEqual({ 'planned activity, not done': 2 });
    expect(r.dataQuality.alerts).toEqual([{ code: 'unknown-values', file: 'acts.csv', field: 'done', header: 'Activity - Done', unknown: 2, filled: 5, values: ['Fait'] }]);
    const ru = runCli(['kpi', '-d', 'deals.csv', '-a', 'acts.csv', '--lang', 'ru'], { cwd: dir });
    expect(ru.stderr).toContain('Внимание: acts.csv: в колонке «Activity - Done» не распознано, выполнено ли действие, в 2 из 5 строк («Fait»)');
    expect(latinWords(ru.stderr)).toEqual([]);
    const snippet = ru.stderr.slice(ru.stderr.indexOf('done:\n')).split('\n').slice(0, 2).join('\n');
    expect(snippet).toBe('done:\n  "Fait": true    # true или false: проверьте');
    writeFileSync(path.join(dir, 'map.yaml'), `${snippet.replace(': true', ': false')}\n`);
    const mapped = JSON.parse(runCli(['kpi', '-d', 'deals.csv', '-a', 'acts.csv', '--map', 'map.yaml', '--format', 'json'], { cwd: dir }).stdout);
    expect(mapped.total.touches_per_won).toBe(1);
    expect(mapped.dataQuality.alerts).toEqual([]);
    // A misspelt value of the done: section is said, as a misspelt stage is.
    writeFileSync(path.join(dir, 'typo.yaml'), 'done:\n  "Fiat": false\n');
    const typo = JSON.parse(runCli(['kpi', '-d', 'deals.csv', '-a', 'acts.csv', '--map', 'typo.yaml', '--format', 'json'], { cwd: dir }).stdout);
    expect(typo.dataQuality.alerts).toContainEqual({ code: 'map-unmatched', file: 'typo.yaml', count: 1, values: [{ section: 'done', value: 'Fiat', near: 'Fait' }] });
    const inspect = runCli(['inspect', 'acts.csv', '--lang', 'ru'], { cwd: dir, env: { LANG: 'ru_RU.UTF-8' } });
    const block = inspect.stdout.slice(inspect.stdout.indexOf('Значения поля done (выполнено ли)')).split('\n\n')[0]!;
    expect(block).toContain('«Fait»                                   -> выполнено (значение не известно) (2)');
    expect(block).toContain('«Pending»                                -> не выполнено (запланировано) (1)');
    expect(latinWords(block)).toEqual([]);
  });
});

describe('a call log whose client is a phone number', () => {
  // A missed call from «+7 (916) 765-43-21» returned to «8 916 765-43-21» was not a callback.
  it('pairs a missed call and its callback however the number is written', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'alerts-'));
    writeFileSync(path.join(dir, 'deals.csv'), 'id,manager,created_at,status\n1,Иванов Иван,2024-03-01,won\n');
    writeFileSync(path.join(dir, 'calls.csv'), ['Дата;Время;Тип звонка;Номер клиента;Сотрудник;Длительность;Статус', '01.03.2024;10:30:00;Входящий;+7 (916) 765-43-21;Иванов Иван;00:00:00;Пропущенный', '01.03.2024;11:00:00;Исходящий;8 916 765-43-21;Иванов Иван;00:02:00;Отвечен', '02.03.2024;18:00:00;Входящий;+79994444444;Иванов Иван;00:00:00;Пропущенный', '03.03.2024;17:59:59;Исходящий;79994444444;Иванов Иван;00:00:30;Отвечен'].join('\n'));
    const r = JSON.parse(runCli(['kpi', '-d', 'deals.csv', '-a', 'calls.csv', '--format', 'json'], { cwd: dir }).stdout);
    expect([r.total.calls_missed, r.total.callback_rate]).toEqual([2, 1]);
  });

  // «Контакт: +7 916 …» went through the prefix path and kept its text: it no longer matched the deal's phone client.
  it('links an activity whose client is «Контакт: <phone>» to the deal of that phone', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'alerts-'));
    writeFileSync(path.join(dir, 'deals.csv'), 'id,manager,client,created_at,status\n1,Иванов Иван,+7 916 765-43-21,2024-03-01 10:00:00,won\n');
    writeFileSync(path.join(dir, 'calls.csv'), 'manager,at,kind,direction,client\nИванов Иван,2024-03-02 10:30:00,call,out,Контакт: 8 (916) 765-43-21\n');
    const r = JSON.parse(runCli(['kpi', '-d', 'deals.csv', '-a', 'calls.csv', '--format', 'json'], { cwd: dir }).stdout);
    expect(r.total.response_min_median).toBe(1470);
  });
});

// A reviewer's compare on Zoho potentials and calls showed «touches per sale 0,00 → 0,00» as a real
// figure, where kpi on the same files warns that no call links to a deal.
describe('compare says what kpi says of the same files, once for both periods', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'alerts-compare-'));
  const deals = path.join(dir, 'deals.csv');
  writeFileSync(deals, ['id,manager,created_at,closed_at,status,amount', ...Array.from({ length: 30 }, (_, i) => `${i + 1},Иванов Иван,2025-0${i < 15 ? 1 : 2}-${String((i % 15) + 1).padStart(2, '0')},2025-0${i < 15 ? 1 : 2}-20,${i % 2 ? 'won' : 'lost'},1000`)].join('\n'));
  const calls = path.join(dir, 'calls.csv');
  // The calls name deals 900 and up: none is in the deals file.
  writeFileSync(calls, ['manager,at,kind,direction,deal_id', ...Array.from({ length: 40 }, (_, i) => `Иванов Иван,2025-0${i < 20 ? 1 : 2}-10 10:00:00,call,out,${900 + i}`)].join('\n'));

  it('no activity linked to a deal: one warning, with the calls and won deals of both periods', () => {
    const run = runCli(['compare', '-d', deals, '-a', calls, '--cutover', '2025-02-01', '--lang', 'en', '--format', 'json']);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr.match(/^Warning: None of the 40 calls links to a deal, and no won deal \(15\) has an activity/gm)).toHaveLength(1);
    const kpi = runCli(['kpi', '-d', deals, '-a', calls, '--format', 'json']);
    expect(JSON.parse(kpi.stdout).dataQuality.alerts).toContainEqual({ code: 'activities-unlinked', calls: 40, won: 15 });
    // A period with no call at all is no sign of a misread link: «none of the 0 calls» was said.
    const empty = runCli(['kpi', '-d', deals, '-a', calls, '--from', '2024-01-01', '--to', '2024-01-31', '--format', 'json']);
    expect(JSON.parse(empty.stdout).dataQuality.alerts.map((a: { code: string }) => a.code)).toEqual(['empty-period']);
  });

  it('no deal won or lost in either period: one warning', () => {
    const open = path.join(dir, 'open.csv');
    writeFileSync(open, ['id,manager,created_at,stage', ...Array.from({ length: 30 }, (_, i) => `${i + 1},Иванов Иван,2025-0${i < 15 ? 1 : 2}-0${(i % 9) + 1},Переговоры`)].join('\n'));
    const run = runCli(['compare', '-d', open, '--cutover', '2025-02-01', '--lang', 'ru']);
    expect(run.stderr.match(/^Внимание: Ни одна из 30 сделок не выиграна и не проиграна/gm)).toHaveLength(1);
  });
});

// A misspelt stage in a --map file («Выданно») changed nothing, and nothing said so.
describe('--map values no export holds', () => {
  it('are said with the closest value the export holds; a map whose values all match says nothing', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'alerts-map-'));
    writeFileSync(path.join(dir, 'deals.csv'), 'id,manager,created_at,stage\n1,Иванов Иван,2025-01-05,Выдано\n2,Иванов Иван,2025-01-06,Переговоры\n');
    writeFileSync(path.join(dir, 'typo.yaml'), 'deals:\n  status:\n    "Выданно": won\n');
    const run = runCli(['kpi', '-d', 'deals.csv', '--map', 'typo.yaml', '--format', 'json', '--lang', 'ru'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('Внимание: typo.yaml: значения файла --map не встретились ни в одной выгрузке: status «Выданно» (может быть, «Выдано»?)');
    expect(JSON.parse(run.stdout).dataQuality.alerts).toContainEqual({ code: 'map-unmatched', file: 'typo.yaml', count: 1, values: [{ section: 'status', value: 'Выданно', near: 'Выдано' }] });
    writeFileSync(path.join(dir, 'right.yaml'), 'deals:\n  status:\n    "Выдано": won\n');
    const right = runCli(['kpi', '-d', 'deals.csv', '--map', 'right.yaml', '--format', 'json'], { cwd: dir });
    expect(right.stderr).toBe('');
    expect(JSON.parse(right.stdout).total.won).toBe(1);
  });

  // T40 F6: a misspelt name under `managers:` was ignored in silence (the manager kept her name).
  it('include a `managers:` name no export writes, with the closest manager; names of the calls file count, a HubSpot «(Deactivated User)» as the cell is written', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'alerts-map-managers-'));
    writeFileSync(path.join(dir, 'deals.csv'), 'id,manager,created_at,stage\n1,Алексеева Мария,2025-01-05,Выдано\n2,Ben Ray (Deactivated User),2025-01-06,Переговоры\n');
    writeFileSync(path.join(dir, 'calls.csv'), 'manager,at,kind,direction,deal_id\nБелов Игорь,2025-01-05 10:00,call,out,1\n');
    const map = 'managers:\n  "Алексева Мария": "Мария А."\n  "Белов Игорь": "Игорь Б."\n  "Ben Ray": "Ben R."\n';
    writeFileSync(path.join(dir, 'names.yaml'), map);
    const run = runCli(['kpi', '-d', 'deals.csv', '-a', 'calls.csv', '--map', 'names.yaml', '--format', 'json', '--lang', 'ru'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('значения файла --map не встретились ни в одной выгрузке: managers «Алексева Мария» (может быть, «Алексеева Мария»?)');
    const json = JSON.parse(run.stdout);
    expect(json.dataQuality.alerts).toContainEqual({ code: 'map-unmatched', file: 'names.yaml', count: 1, values: [{ section: 'managers', value: 'Алексева Мария', near: 'Алексеева Мария' }] });
    expect(json.managers.map((m: { manager: string }) => m.manager).sort()).toEqual(['Ben R.', 'Алексеева Мария', 'Игорь Б.']);
    writeFileSync(path.join(dir, 'right.yaml'), map.replace('Алексева', 'Алексеева'));
    expect(runCli(['kpi', '-d', 'deals.csv', '-a', 'calls.csv', '--map', 'right.yaml', '--format', 'json'], { cwd: dir }).stderr).toBe('');
  });
});

// A quote left open in a note («Сказал ""ок) took the two deals after it into that note: 2 leads of 4, nothing said.
describe('a quoted cell that swallows whole rows', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'alerts-quote-'));
  const head = 'ID;Ответственный;Дата создания;Этап сделки;Бюджет;Примечание\n';
  it('is said with its line and how many lines it took; a note of several lines with a delimiter is not', () => {
    writeFileSync(path.join(dir, 'open.csv'), `${head}1;Иванов;01.02.2025;Успешно реализовано;100;"Сказал ""ок\n2;Иванов;01.02.2025;Успешно реализовано;100;норм\n3;Петров;01.02.2025;Успешно реализовано;100;Диаметр 5"\n4;Петров;01.02.2025;Успешно реализовано;100;x\n`);
    const run = runCli(['kpi', '-d', 'open.csv', '--format', 'json', '--lang', 'ru'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).dataQuality.alerts).toContainEqual({ code: 'quote-swallowed', file: 'open.csv', line: 2, lines: 2 });
    expect(run.stderr).toContain('Внимание: open.csv: ячейка в кавычках, открытая в строке 2, захватила 2 строки, похожие на целые записи');
    writeFileSync(path.join(dir, 'note.csv'), `${head}1;Иванов;01.02.2025;Успешно реализовано;100;"Позвонить; обсудить\nотправить КП; ждать"\n2;Петров;01.02.2025;Успешно реализовано;100;x\n`);
    const note = runCli(['kpi', '-d', 'note.csv', '--format', 'json'], { cwd: dir });
    expect(note.stderr).toBe('');
    expect(JSON.parse(note.stdout).total.leads).toBe(2);
  });
});

// Tester T70 (H1): an amoCRM file with a quote never closed: the record that took three deals in was a deal of
// one row's id and another's manager, amount and stage, counted won, and the footer said «не прочитано: 0».
describe('a record whose quoted cell took whole rows in', () => {
  it('is unreadable with the rows it took, listed with the cause', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'alerts-quote-'));
    const rows = ['ID,Название сделки,Бюджет,Ответственный,Дата создания сделки,Дата закрытия,Этап сделки', '1,Окна,100,Иванов Иван,01.03.2025 10:00:00,05.03.2025 10:00:00,Успешно реализовано', '2,"Двери,200,Иванов Иван,01.03.2025 10:00:00,05.03.2025 10:00:00,Успешно реализовано', '3,Полы,300,Петрова Анна,01.03.2025 10:00:00,не закрыта,Переговоры', '4,Крыша,400,Петрова Анна,01.03.2025 10:00:00,05.03.2025 10:00:00,Успешно реализовано', '5,"Забор",500,Петрова Анна,01.03.2025 10:00:00,05.03.2025 10:00:00,Успешно реализовано', '6,Окна,600,Петрова Анна,01.03.2025 10:00:00,05.03.2025 10:00:00,Успешно реализовано'];
    writeFileSync(path.join(dir, 'amo.csv'), `${rows.join('\n')}\n`);
    const run = runCli(['kpi', '-d', 'amo.csv', '--format', 'json', '--max-bad-rows', '4', '--now', '2025-06-01'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const r = JSON.parse(run.stdout);
    // By hand: rows 2 to 5 are one record (the quote opened in deal 2 closes at deal 5's «"Забор»): deals 1 and 6 are read.
    expect(r.managers.map((m: { manager: string; leads: number; revenue: number }) => [m.manager, m.leads, m.revenue])).toEqual([['Иванов Иван', 1, 100], ['Петрова Анна', 1, 600]]);
    expect(r.dataQuality.rowsSkippedCount).toBe(4);
    expect(r.dataQuality.rowsSkipped).toEqual([{ file: 'amo.csv', row: 3, reason: "a quoted cell takes in the next lines, which look like whole rows (lines: 3): a quote left open; the record mixes several rows' values, and none of them is read" }]);
    const ru = runCli(['kpi', '-d', 'amo.csv', '--max-bad-rows', '4', '--now', '2025-06-01', '--lang', 'ru'], { cwd: dir });
    expect(ru.stdout).toContain('Прочитано строк: 6 из 1 файла; не прочитано: 4');
    expect(ru.stderr).toContain('amo.csv, строка 3: ячейка в кавычках захватила следующие строки, похожие на целые записи (строк: 3)');
  });

  // Review R54 (H1): a note closed as a cell is read whatever its commas; only its row-like lines are weighed as possibly lost.
  it('is not a note of several lines closed as a cell, however many delimiters a line of it holds', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'alerts-quote-'));
    const rows = ['ID,Название сделки,Бюджет,Ответственный,Дата создания сделки,Этап сделки', '1,Окна,1000,Иванов Иван,01.03.2025 10:00:00,Успешно реализовано', '2,Двери,2000,Иванов Иван,01.03.2025 10:00:00,"Звонок\nокна, двери, пол, крыша, забор, стены\nитог"', '3,Полы,3000,Петрова Анна,01.03.2025 10:00:00,Успешно реализовано'];
    writeFileSync(path.join(dir, 'note.csv'), `${rows.join('\n')}\n`);
    const run = runCli(['kpi', '-d', 'note.csv', '--format', 'json', '--max-bad-rows', '5', '--now', '2025-06-01'], { cwd: dir });
    expect(JSON.parse(run.stdout).total.leads, run.stderr).toBe(3);
    expect(JSON.parse(run.stdout).dataQuality.rowsSkippedCount).toBe(0);
  });
});

describe('--map values the readers do use', () => {
  it('a stage after a pipeline prefix or before parentheses, a direction by its words: not said to match nothing', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'alerts-map-used-'));
    writeFileSync(path.join(dir, 'deals.csv'), 'id,manager,created_at,stage\n1,Иванов Иван,2025-01-05,C6:PAID\n2,Иванов Иван,2025-01-06,Perdida (Precio)\n');
    writeFileSync(path.join(dir, 'calls.csv'), 'manager,at,direction,client\nИванов Иван,2025-01-07 10:00:00,Leg-A (queue 1),c\n');
    writeFileSync(path.join(dir, 'map.yaml'), 'deals:\n  status:\n    "PAID": won\n    "Perdida": lost\nactivities:\n  direction:\n    "leg": in\n');
    const run = runCli(['kpi', '-d', 'deals.csv', '-a', 'calls.csv', '--map', 'map.yaml', '--format', 'json'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const r = JSON.parse(run.stdout);
    expect([r.total.won, r.total.lost, r.total.calls_in]).toEqual([1, 1, 1]);
    expect(r.dataQuality.alerts.map((a: { code: string }) => a.code)).not.toContain('map-unmatched');
  });
});

describe('deals rows with no id amid the deals', () => {
  it('are dropped as rows without an id, and said: a won deal of 5 000 is missing from the revenue', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'alerts-'));
    // The middle row is a deal that lost its id; the last is a copy of the deal before it, as amoCRM ends its export.
    writeFileSync(path.join(dir, 'deals.csv'), 'ID,manager,created_at,status,amount\n1,A,2024-01-01,won,100\n,A,2024-01-02,won,5000\n2,B,2024-01-03,lost,10\n,B,2024-01-03,lost,10\n');
    const run = runCli(['kpi', '-d', 'deals.csv', '--format', 'json'], { cwd: dir });
    const r = JSON.parse(run.stdout);
    expect(r.total.revenue).toBe(100);
    expect(r.dataQuality.files[0].dropped).toEqual({ 'row without a deal id': 2 });
    expect(r.dataQuality.alerts).toEqual([{ code: 'idless-deals', file: 'deals.csv', rows: 1 }]);
    expect(run.stderr).toContain('deals.csv: 1 row amid the deals has no id but a manager and a creation date: dropped as rows without an id, and not counted.');
    const ru = runCli(['kpi', '-d', 'deals.csv', '--lang', 'ru'], { cwd: dir });
    expect(ru.stderr).toContain('deals.csv: 1 строка среди сделок без ID, но с менеджером и датой создания: отброшена');
  });
});

describe('a small file with nothing won (a Pipedrive export read by its Status column)', () => {
  // 9 deals: none won or lost; then the same with 3 lost, 5 open and one deleted (dropped). Floor: 5 deals.
  const header = 'Deal - ID,Deal - Title,Deal - Owner,Deal - Value,Deal - Stage,Deal - Status,Deal - Deal created,Deal - Won time,Deal - Lost time';
  const deal = (i: number, status: string) => `${i},Deal ${i},${i % 2 ? 'Anna Smith' : 'Bob Jones'},1000,Proposal,${status},2024-01-1${i - 1} 10:00:00,,${status === 'Lost' ? `2024-01-2${i - 1} 10:00:00` : ''}`;

  it('none won or lost among 9 deals: no-outcome, in both languages', () => {
    const { dir, r } = dealsKpi([header, ...Array.from({ length: 9 }, (_, i) => deal(i + 1, 'Open'))]);
    expect([r.total.leads, r.total.won, r.total.lost, r.total.open]).toEqual([9, 0, 0, 9]);
    expect(r.dataQuality.alerts).toEqual([{ code: 'no-outcome', deals: 9 }]);
    const ru = runCli(['kpi', '-d', 'deals.csv', '--lang', 'ru'], { cwd: dir });
    expect(ru.stderr).toContain('Ни одна из 9 сделок не выиграна и не проиграна: вероятно, выгрузка отфильтрована (только открытые сделки)');
  });

  it('none won, 3 lost: nothing-won names the status column and its values (no stage no rule knows to name)', () => {
    const statuses = ['Open', 'Lost', 'Open', 'Lost', 'Open', 'Lost', 'Open', 'Open', 'Deleted'];
    const { dir, r } = dealsKpi([header, ...statuses.map((s, i) => deal(i + 1, s))]);
    expect([r.total.leads, r.total.won, r.total.lost, r.total.open]).toEqual([8, 0, 3, 5]);
    expect(r.dataQuality.alerts).toEqual([{ code: 'nothing-won', file: 'deals.csv', deals: 8, lost: 3, stages: [], column: 'Deal - Status', values: [{ value: 'Open', count: 5 }, { value: 'Lost', count: 3 }, { value: 'Deleted', count: 1 }] }]);
    const en = runCli(['kpi', '-d', 'deals.csv', '--lang', 'en'], { cwd: dir });
    expect(en.stderr).toContain('deals.csv: none of the 8 deals is won, though 3 are lost: conversion, revenue and the average check are zero. No value in the column "Deal - Status" ("Open" 5, "Lost" 3, "Deleted" 1) means won: the export was probably filtered');
    const ru = runCli(['kpi', '-d', 'deals.csv', '--lang', 'ru'], { cwd: dir });
    expect(ru.stderr).toContain('deals.csv: ни одна из 8 сделок не выиграна, хотя 3 проиграно');
    expect(ru.stderr).toContain('Ни одно значение в колонке «Deal - Status» («Open» 5, «Lost» 3, «Deleted» 1) не означает выигрыш');
  });

  it('4 deals none won or lost, or all lost, say nothing of it (below the floor); all lost among 5 is one-outcome, not nothing-won too', () => {
    expect(dealsKpi([header, ...Array.from({ length: 4 }, (_, i) => deal(i + 1, 'Open'))]).r.dataQuality.alerts).toEqual([]);
    expect(dealsKpi([header, ...Array.from({ length: 5 }, (_, i) => deal(i + 1, 'Lost'))]).r.dataQuality.alerts).toEqual([{ code: 'one-outcome', outcome: 'lost', deals: 5 }]);
  });
});

describe('won deals most of which have no close date or no amount', () => {
  // A tester's file: 20 won deals of Иванов, one with a close date and an amount; 20 lost of Петров.
  it('are said with what the cycle and the average check rest on; the figures are those of the deals that have them', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'alerts-'));
    const won = Array.from({ length: 20 }, (_, i) => `${i + 1};Иванов Иван;Успешно реализовано;01.03.2025;${i === 0 ? '05.03.2025' : ''};${i === 0 ? '100000' : ''}`);
    const lost = Array.from({ length: 20 }, (_, i) => `${i + 21};Петров Пётр;Закрыто и не реализовано;01.03.2025;02.03.2025;5000`);
    writeFileSync(path.join(dir, 'deals.csv'), ['ID;Ответственный;Этап сделки;Дата создания;Дата закрытия;Бюджет', ...won, ...lost].join('\n'));
    const ru = runCli(['kpi', '-d', 'deals.csv'], { cwd: dir, env: { LANG: 'ru_RU.UTF-8' } });
    expect(ru.code, ru.stderr).toBe(0);
    expect(ru.stderr).toMatch(/Внимание: У 19 из 20 выигранных сделок нет суммы: выручка занижена, средний чек посчитан по 1 сделке/);
    expect(ru.stderr).toMatch(/Внимание: У 19 из 20 выигранных сделок дата закрытия не указана или раньше даты создания: цикл сделки посчитан по 1 сделке/);
    const en = runCli(['kpi', '-d', 'deals.csv', '--format', 'json', '--lang', 'en'], { cwd: dir });
    const json = JSON.parse(en.stdout);
    expect(json.total).toMatchObject({ won: 20, lost: 20, revenue: 100000, average_check: 100000 });
    expect(json.total.cycle_days_median).toBeCloseTo(4 + (86399 / 86400), 6);
    expect(json.dataQuality.alerts).toEqual(expect.arrayContaining([
      { code: 'won-partly-bare', what: 'amount', won: 20, without: 19 },
      { code: 'won-partly-bare', what: 'closed', won: 20, without: 19 },
    ]));
  });
});

// A payments section's invoice status that no payments file holds changed nothing, and map-unmatched did not say it (hF36's follow-up).
describe('a --map invoice status no payments file holds', () => {
  it('is said as payments: status; one the file holds is not', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'alerts-invoice-'));
    writeFileSync(path.join(dir, 'deals.csv'), 'id,manager,created_at,status,amount\n1,Анна,2025-01-02,won,100\n2,Анна,2025-01-03,won,200\n');
    writeFileSync(path.join(dir, 'pay.csv'), 'deal_id,invoiced,status\n1,100,Закрыт\n2,200,Выставлен\n');
    writeFileSync(path.join(dir, 'map.yaml'), 'payments:\n  status:\n    "Закрыт": paid\n    "Оплачено полностью": paid\n');
    const run = runCli(['kpi', '-d', 'deals.csv', '-p', 'pay.csv', '--map', 'map.yaml', '--format', 'json', '--lang', 'ru'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const r = JSON.parse(run.stdout);
    // «Закрыт» read as paid by the map: 100 of 300.
    expect(r.total).toMatchObject({ invoiced: 300, paid: 100 });
    expect(r.dataQuality.alerts).toContainEqual({ code: 'map-unmatched', file: 'map.yaml', count: 1, values: [{ section: 'invoice', value: 'оплачено полностью', near: null }] });
    expect(run.stderr).toContain('Внимание: map.yaml: значения файла --map не встретились ни в одной выгрузке: payments: status «оплачено полностью»');
  });
});

// A tester: every deal called on the day it was created, its creation date without a time: a median response of 770 minutes, nothing said.
describe('deals created on dates without a time beside timed activities', () => {
  it('are said; the response stands as the spec counts it, from midnight; with creation times nothing is said', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'alerts-untimed-deals-'));
    const day = (i: number) => `2025-03-${String(i + 1).padStart(2, '0')}`;
    writeFileSync(path.join(dir, 'deals.csv'), `id,manager,created_at,status\n${Array.from({ length: 12 }, (_, i) => `${i + 1},Анна,${day(i)},open`).join('\n')}\n`);
    // Each deal called at 10:00 on its day: 600 minutes from midnight.
    writeFileSync(path.join(dir, 'acts.csv'), `deal_id,manager,at,kind,direction\n${Array.from({ length: 12 }, (_, i) => `${i + 1},Анна,${day(i)} 10:00,call,out`).join('\n')}\n`);
    const run = runCli(['kpi', '-d', 'deals.csv', '-a', 'acts.csv', '--format', 'json', '--lang', 'en'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const r = JSON.parse(run.stdout);
    expect(r.total.response_min_median).toBe(600);
    expect(r.dataQuality.alerts).toContainEqual({ code: 'untimed-deals', file: 'deals.csv', untimed: 12, deals: 12, activities: 'acts.csv' });
    expect(run.stderr).toContain('Warning: deals.csv: 12 of 12 deals have a creation date without a time of day: it is read as midnight, while the activities in acts.csv have their times.');
    const ru = runCli(['kpi', '-d', 'deals.csv', '-a', 'acts.csv', '--lang', 'ru'], { cwd: dir });
    expect(ru.stderr).toContain('Внимание: deals.csv: у 12 из 12 сделок дата создания без времени: она считается полночью');
    // Created at 09:30: a response of 30 minutes, and nothing to say.
    writeFileSync(path.join(dir, 'timed.csv'), readFileSync(path.join(dir, 'deals.csv'), 'utf8').replace(/(2025-03-\d\d)/g, '$1 09:30'));
    const timed = JSON.parse(runCli(['kpi', '-d', 'timed.csv', '-a', 'acts.csv', '--format', 'json'], { cwd: dir }).stdout);
    expect(timed.total.response_min_median).toBe(30);
    expect(timed.dataQuality.alerts.map((a: { code: string }) => a.code)).not.toContain('untimed-deals');
    // Without an activities file there is no response to misread.
    const alone = JSON.parse(runCli(['kpi', '-d', 'deals.csv', '--format', 'json'], { cwd: dir }).stdout);
    expect(alone.dataQuality.alerts.map((a: { code: string }) => a.code)).not.toContain('untimed-deals');
  });
});

// amoCRM and Kommo write a budget never filled in as 0: 10 sales for 0 said nothing, where empty amounts were said.
describe('won deals with an amount of 0', () => {
  const head = 'ID;Ответственный;Бюджет;Этап сделки;Дата создания;Дата закрытия';
  const write = (rows: string[]) => {
    const dir = mkdtempSync(path.join(tmpdir(), 'alerts-zero-'));
    writeFileSync(path.join(dir, 'deals.csv'), [head, ...rows].join('\n'));
    return dir;
  };
  it('all of them: revenue 0 and the average check 0 stand, and are said in Russian and English', () => {
    const dir = write(Array.from({ length: 20 }, (_, i) => `${i + 1};M${i % 2};0;${i % 2 ? 'Успешно реализовано' : 'Закрыто и не реализовано'};0${1 + (i % 9)}.02.2025;1${i % 9}.02.2025`));
    const en = runCli(['kpi', '-d', 'deals.csv', '--format', 'json', '--lang', 'en'], { cwd: dir });
    expect(en.code, en.stderr).toBe(0);
    const r = JSON.parse(en.stdout);
    expect(r.total).toMatchObject({ won: 10, revenue: 0, average_check: 0 });
    expect(r.dataQuality.alerts).toContainEqual({ code: 'won-zero-amount', amounts: 10, zero: 10, revenue: 0, others: null });
    expect(en.stderr).toContain('Warning: All 10 won deals with an amount have an amount of 0: revenue is 0 and the average check 0');
    const ru = runCli(['kpi', '-d', 'deals.csv'], { cwd: dir, env: { LANG: 'ru_RU.UTF-8' } });
    expect(ru.stderr).toContain('Внимание: У всех 10 выигранных сделок с суммой сумма 0: выручка 0 и средний чек 0');
    expect(latinWords(ru.stderr.replace(/amoCRM|Kommo|CRM/g, ''))).toEqual([]);
  });

  it('6 of 8 (a tester\'s amoCRM file): the average check 25 000 stands, and the 100 000 of the other two is said', () => {
    const rows = Array.from({ length: 8 }, (_, i) => `${2000 + i};Иванова Анна;${i < 2 ? '100000' : '0'};Успешно реализовано;0${i + 1}.03.2025 10:00:00;1${i}.03.2025 10:00:00`);
    const dir = write([...rows, '2100;Иванова Анна;0;Переговоры;01.04.2025 10:00:00;']);
    const run = runCli(['kpi', '-d', 'deals.csv', '--format', 'json', '--lang', 'ru'], { cwd: dir });
    const r = JSON.parse(run.stdout);
    expect(r.total).toMatchObject({ won: 8, revenue: 200000, average_check: 25000 });
    expect(r.dataQuality.alerts).toContainEqual({ code: 'won-zero-amount', amounts: 8, zero: 6, revenue: 200000, others: 100000 });
    expect(run.stderr).toContain('Внимание: У 6 из 8 выигранных сделок с суммой сумма 0: средний чек (25 000) считает их продажами за 0; без них средний чек — 100 000.');
    // The alert's own fix, pasted as a --map file: the zeros are budgets never filled in, out of the average check.
    expect(run.stderr).toContain('так и скажите в файле --map: «deals: zero_amount: unfilled»');
    writeFileSync(path.join(dir, 'zero.yaml'), 'deals:\n  zero_amount: unfilled\n');
    const unfilled = runCli(['kpi', '-d', 'deals.csv', '--map', 'zero.yaml', '--format', 'json', '--lang', 'en'], { cwd: dir });
    const u = JSON.parse(unfilled.stdout);
    expect(u.total).toMatchObject({ won: 8, revenue: 200000, average_check: 100000 });
    expect(u.dataQuality.alerts.map((a: { code: string }) => a.code)).not.toContain('won-zero-amount');
    // One free deal of eight is a real price: nothing said.
    const one = write(rows.map((r, i) => (i < 7 ? r.replace(';0;', ';5000;') : r)));
    expect(JSON.parse(runCli(['kpi', '-d', 'deals.csv', '--format', 'json'], { cwd: one }).stdout).dataQuality.alerts.map((a: { code: string }) => a.code)).not.toContain('won-zero-amount');
  });
});

// A tester: every deal's «Основной контакт» a placeholder made repeat sales 96.7%, without a word.
describe('one client on most won deals', () => {
  it('is said with its share and the repeat sales it makes; the figures stand', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'alerts-one-client-'));
    // «Частное лицо» is no placeholder the readers know: said by its share alone.
    const won = Array.from({ length: 12 }, (_, i) => `${i + 1};M${i % 2};1000;Успешно реализовано;${String(i + 1).padStart(2, '0')}.02.2025 10:00;${String(i + 1).padStart(2, '0')}.03.2025 10:00;Частное лицо`);
    const others = ['13;M0;1000;Успешно реализовано;13.02.2025 10:00;13.03.2025 10:00;ООО Ромашка', '14;M1;1000;Успешно реализовано;14.02.2025 10:00;14.03.2025 10:00;ИП Петров'];
    writeFileSync(path.join(dir, 'deals.csv'), ['ID;Ответственный;Бюджет;Этап сделки;Дата создания;Дата закрытия;Основной контакт', ...won, ...others].join('\n'));
    const run = runCli(['kpi', '-d', 'deals.csv', '--format', 'json', '--lang', 'ru'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const r = JSON.parse(run.stdout);
    // 12 deals of one client: 11 repeats of 14 won.
    expect(r.total).toMatchObject({ won: 14, repeat_won: 11 });
    expect(r.total.repeat_share).toBeCloseTo(11 / 14, 12);
    expect(r.dataQuality.alerts).toContainEqual({ code: 'one-client', client: 'Частное лицо', deals: 12, withClient: 14, repeatWon: 11 });
    expect(run.stderr).toContain('Внимание: Клиент «Частное лицо» указан у 12 из 14 выигранных сделок с клиентом: похоже на заглушку');
    // Seven of fourteen is half, not most: nothing said.
    writeFileSync(path.join(dir, 'half.csv'), ['ID;Ответственный;Бюджет;Этап сделки;Дата создания;Дата закрытия;Основной контакт', ...won.map((row, i) => (i < 5 ? row.replace('Частное лицо', `Клиент ${i}`) : row)), ...others].join('\n'));
    const half = JSON.parse(runCli(['kpi', '-d', 'half.csv', '--format', 'json'], { cwd: dir }).stdout);
    expect(half.dataQuality.alerts.map((a: { code: string }) => a.code)).not.toContain('one-client');
  });
});

// Tester T37 F5: a stray quote that swallowed 50 of 1 000 deals gave a warning and exit 0: rows lost, outside --max-bad-rows.
describe('rows a stray quote swallowed', () => {
  it('count against --max-bad-rows, with the line and how to fix', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'alerts-'));
    const rows = ['ID;Ответственный;Дата создания;Этап сделки;Бюджет;Примечание'];
    for (let i = 1; i <= 1000; i++) rows.push(`${i};Иванов;01.02.2025;Успешно реализовано;100;${i === 10 ? '"открыта' : i === 60 ? 'закрыта"' : 'x'}`);
    writeFileSync(path.join(dir, 'q.csv'), `${rows.join('\n')}\n`);
    const run = runCli(['kpi', '-d', 'q.csv', '--lang', 'ru'], { cwd: dir });
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/ячейка в кавычках, открытая в строке 11, захватила строки, похожие на целые записи \(50\)/);
    // Closed as a cell's end (no text after the quote), the record is read, the 50 rows it took weighed as lost (review R54: a note's commas alike).
    expect(run.stderr).toContain('всего не прочитано строк: 50');
    expect(run.stderr).toContain('--max-bad-rows 50');
    const allowed = runCli(['kpi', '-d', 'q.csv', '--max-bad-rows', '50', '--format', 'json'], { cwd: dir });
    expect(allowed.code, allowed.stderr).toBe(0);
    // By hand: 1 000 rows, the 50 after row 10's quote up to row 60's inside one cell: 950 deals.
    expect(JSON.parse(allowed.stdout).total.leads).toBe(950);
  });
});
