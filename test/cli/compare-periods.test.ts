import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

// A consultant who mixes up the two files got a plausible report: «the CRM did nothing» (the same file
// twice: every change 0, ROI −100%) or «it made things worse» (the files swapped), with exit 0.
const HEADER = 'id,manager,created_at,closed_at,status,amount';
const january = [HEADER, '1,Ann,2025-01-02,2025-01-05,won,100000', '2,Ann,2025-01-10,2025-01-12,lost,50000', '3,Bob,2025-01-20,,open,'].join('\n');
const february = [HEADER, '5,Ann,2025-02-01,2025-02-03,won,200000', '6,Bob,2025-02-15,2025-02-20,won,100000', '7,Bob,2025-02-20,,open,'].join('\n');

function files(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-periods-'));
  writeFileSync(path.join(dir, 'jan.csv'), `${january}\n`);
  writeFileSync(path.join(dir, 'feb.csv'), `${february}\n`);
  // The last week of January again, with February: exports taken over overlapping dates.
  writeFileSync(path.join(dir, 'late-jan-feb.csv'), `${february}\n3,Bob,2025-01-20,,open,\n`);
  writeFileSync(path.join(dir, 'all.csv'), `${january}\n${february.split('\n').slice(1).join('\n')}\n`);
  return dir;
}

/** A run that must stop with exit 2, saying each of `texts`. */
function refused(args: string[], dir: string, ...texts: string[]): void {
  const run = runCli(args, { cwd: dir });
  expect(run.code, run.stdout).toBe(2);
  for (const text of texts) expect(run.stderr).toContain(text);
}

describe('compare with two sets of exports', () => {
  it('refuses the same deals file as before and after', () => {
    refused(['compare', '--before-deals', 'jan.csv', '--after-deals', './jan.csv', '--lang', 'en'], files(), 'the before and after deals are the same file (jan.csv): every change would be zero');
  });

  it('refuses an after period that ends before the before period starts, saying the files look swapped', () => {
    refused(['compare', '--before-deals', 'feb.csv', '--after-deals', 'jan.csv', '--lang', 'ru'], files(), 'период «после» (02.01.2025 — 20.01.2025) раньше периода «до» (01.02.2025 — 20.02.2025)', 'поменяйте местами --before-* и --after-*');
  });

  it('says so when the periods share days, and goes on', () => {
    const run = runCli(['compare', '--before-deals', 'jan.csv', '--after-deals', 'late-jan-feb.csv', '--format', 'json', '--lang', 'en'], { cwd: files() });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).after.from).toBe('2025-01-20');
    // The last January deal (id 3) is in both files: said with its number.
    expect(run.stderr).toContain('The periods overlap: before 2025-01-02 — 2025-01-20, after 2025-01-20 — 2025-02-20; 1 deal with the same id is in both files and counted in both periods');
    expect(JSON.parse(run.stdout).dataQuality.alerts).toContainEqual(expect.objectContaining({ code: 'periods-overlap', shared: 1 }));
    const apart = runCli(['compare', '--before-deals', 'jan.csv', '--after-deals', 'feb.csv', '--format', 'json', '--lang', 'en'], { cwd: files() });
    expect(apart.code, apart.stderr).toBe(0);
    expect(apart.stderr).not.toContain('overlap');
  });

  // A tester: «сделки общих дней вошли в оба периода» was said of files that share no deal.
  it('overlapping spans with no deal in both files: said so, no deal counted twice', () => {
    const dir = files();
    writeFileSync(path.join(dir, 'other-late-jan.csv'), `${february}\n9,Bob,2025-01-15,,open,\n`);
    const run = runCli(['compare', '--before-deals', 'jan.csv', '--after-deals', 'other-late-jan.csv', '--lang', 'ru'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr.replace(/\s+/g, ' ')).toContain('Периоды пересекаются: «до» 02.01.2025 — 20.01.2025, «после» 15.01.2025 — 20.02.2025; ни одного id сделки нет в обоих файлах, так что дважды ни одна сделка не посчитана');
    expect(run.stderr).not.toContain('занижены');
    const many = runCli(['compare', '--before-deals', 'jan.csv', '--after-deals', 'all.csv', '--lang', 'ru'], { cwd: dir });
    expect(many.stderr.replace(/\s+/g, ' ')).toContain('; 3 сделки с тем же id есть в обоих файлах и вошли в оба периода, и изменения занижены.');
  });
});

// A tester: «нужна колонка суммы в файле сделок» beside an after file that has it; which period's file lacks it was not said.
describe('a column one period\'s deals file lacks', () => {
  const noAmount = (text: string) => text.split('\n').map((l) => l.split(',').slice(0, 5).join(',')).join('\n');

  it('is named with its period and option, in the JSON, the table and Markdown', () => {
    const dir = files();
    writeFileSync(path.join(dir, 'jan-no-amount.csv'), `${noAmount(january)}\n`);
    writeFileSync(path.join(dir, 'feb-no-amount.csv'), `${noAmount(february)}\n`);
    const json = runCli(['compare', '--before-deals', 'jan-no-amount.csv', '--after-deals', 'feb.csv', '--format', 'json', '--lang', 'en'], { cwd: dir });
    expect(json.code, json.stderr).toBe(0);
    const revenue = JSON.parse(json.stdout).rows.find((r: { metric: string }) => r.metric === 'revenue_per_month');
    expect(revenue.not_applicable).toBe("needs an amount (budget) column in the before period's deals file (--before-deals)");
    const ru = runCli(['compare', '--before-deals', 'jan.csv', '--after-deals', 'feb-no-amount.csv', '--format', 'md', '--lang', 'ru'], { cwd: dir });
    expect(ru.stdout).toContain('Не рассчитано: Выручка в месяц, Средний чек — нужна колонка суммы (бюджета) в файле сделок «после» (--after-deals)');
    const both = runCli(['compare', '--before-deals', 'jan-no-amount.csv', '--after-deals', 'feb-no-amount.csv', '--format', 'md', '--lang', 'ru'], { cwd: dir });
    expect(both.stdout).toContain('— нужна колонка суммы (бюджета) в файлах сделок обоих периодов (--before-deals и --after-deals)');
    const en = runCli(['compare', '--before-deals', 'jan-no-amount.csv', '--after-deals', 'feb-no-amount.csv', '--format', 'md', '--lang', 'en'], { cwd: dir });
    expect(en.stdout).toContain('— needs an amount (budget) column in the deals files of both periods (--before-deals and --after-deals)');
  });

  it('is said of the file with --cutover, where both periods are one file', () => {
    const dir = files();
    writeFileSync(path.join(dir, 'all-no-amount.csv'), `${noAmount(`${january}\n${february.split('\n').slice(1).join('\n')}`)}\n`);
    const run = runCli(['compare', '-d', 'all-no-amount.csv', '--cutover', '2025-02-01', '--format', 'md', '--lang', 'ru'], { cwd: dir });
    expect(run.stdout).toContain('— нужна колонка суммы (бюджета) в файле сделок;');
  });
});

describe('compare with a cutover', () => {
  it('on the first day of the data: the before period would be empty, said without contradicting itself', () => {
    refused(['compare', '-d', 'all.csv', '--cutover', '2025-01-02', '--lang', 'en'], files(), 'no deal was created before the cutover 2025-01-02: the data runs from 2025-01-02 to 2025-02-20, so the before period would be empty');
  });

  it('a period shorter than two weeks is said: its per-month figures stretch a few days to a month', () => {
    // The last day of the data as the cutover: leads a month went 3 → 30 (+866%) with nothing said.
    const run = runCli(['compare', '-d', 'all.csv', '--cutover', '2025-02-20', '--lang', 'en'], { cwd: files() });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toContain('The after period (2025-02-20 — 2025-02-20) is only 1 day: its per-month figures stretch a few days to a month and are not reliable.');
    const ru = runCli(['compare', '-d', 'all.csv', '--cutover', '2025-01-10', '--lang', 'ru'], { cwd: files() });
    expect(ru.stderr).toContain('Период «до» (02.01.2025 — 09.01.2025) — всего 8 дней');
    const fine = runCli(['compare', '-d', 'all.csv', '--cutover', '2025-02-01', '--lang', 'en'], { cwd: files() });
    expect(fine.stderr).not.toContain('period (');
  });

  it('a project with no gain does not pay back for that reason, not for a running cost it does not have', () => {
    const dir = files();
    // February's revenue per month is above January's: pays back. Swapped around the cutover by the data: January higher.
    writeFileSync(path.join(dir, 'down.csv'), `${HEADER}\n1,Ann,2025-01-02,2025-01-05,won,900000\n2,Ann,2025-02-03,2025-02-05,won,1000\n3,Ann,2025-02-20,,open,\n`);
    const run = runCli(['compare', '-d', 'down.csv', '--cutover', '2025-02-01', '--cost', '50000', '--lang', 'en'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('does not pay back: there is no gain (revenue per month after is not above before)');
    expect(run.stdout).not.toContain('running cost');
    const ru = runCli(['compare', '-d', 'down.csv', '--cutover', '2025-02-01', '--cost', '50000', '--lang', 'ru'], { cwd: dir });
    expect(ru.stdout).toContain('не окупается: прироста нет');
  });

  it('a margin share of 0 is said as the reason, not «no gain», when the revenue grew', () => {
    const dir = files();
    writeFileSync(path.join(dir, 'up.csv'), `${HEADER}\n1,Ann,2025-01-02,2025-01-05,won,1000\n2,Ann,2025-02-03,2025-02-05,won,900000\n3,Ann,2025-02-20,,open,\n`);
    const ru = runCli(['compare', '-d', 'up.csv', '--cutover', '2025-02-01', '--cost', '50000', '--margin', '0', '--lang', 'ru'], { cwd: dir });
    expect(ru.code, ru.stderr).toBe(0);
    expect(ru.stdout).toContain('не окупается: при доле маржи 0 рост выручки ничего не приносит');
    expect(ru.stdout).not.toContain('прироста нет');
  });
});

describe('report: the headline table with a comparison', () => {
  // «Конверсия 57,1% | +20,0% | ✔ да»: the whole period's conversion beside a target judged on the
  // change from before to after (50,0% → 66,7%), as if 57,1% had met it.
  it('shows the change the target is judged on beside the target, in HTML and XLSX', async () => {
    const dir = files();
    writeFileSync(path.join(dir, 'two.csv'), `${HEADER}\n1,A,2025-01-02,2025-01-05,won,100\n2,A,2025-01-03,2025-01-06,lost,\n3,A,2025-02-02,2025-02-05,won,100\n4,A,2025-02-03,2025-02-06,won,100\n5,A,2025-02-04,2025-02-08,lost,\n`);
    const html = runCli(['report', '-d', 'two.csv', '--cutover', '2025-02-01', '--now', '2025-04-01', '--lang', 'en', '-o', 'r.html'], { cwd: dir });
    expect(html.code, html.stderr).toBe(0);
    const text = (await import('node:fs')).readFileSync(path.join(dir, 'r.html'), 'utf8').replace(/<[^>]+>/g, '|').replace(/\|+/g, '|');
    // 3 won of 5 over the whole period; 1 of 2 before, 2 of 3 after: +33.3%.
    expect(text).toContain('|Metric|Value|Change (after vs before)|Target|Met|');
    expect(text).toContain('|Conversion|60.0%|+33.3%|+20.0%|✔ yes|');
    const xlsx = runCli(['report', '-d', 'two.csv', '--cutover', '2025-02-01', '--now', '2025-04-01', '--lang', 'en', '-o', 'r.xlsx'], { cwd: dir });
    expect(xlsx.code, xlsx.stderr).toBe(0);
    const ExcelJS = (await import('exceljs')).default;
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'r.xlsx'));
    const rows: unknown[][] = [];
    wb.worksheets[0]!.eachRow((row) => rows.push((row.values as unknown[]).slice(1)));
    const conversion = rows.find((r) => r[0] === 'Conversion')!;
    expect(conversion[1]).toBeCloseTo(0.6, 12);
    expect(conversion[2]).toBeCloseTo(1 / 3, 12);
    expect(conversion.slice(3)).toEqual([0.2, 'yes']);
  });
});

describe('a targets file with a misspelt metric', () => {
  it('names the metric, the closest ones and every one, as --assert does', () => {
    const dir = files();
    writeFileSync(path.join(dir, 't.yaml'), 'targets:\n  convertion: +20%\n');
    const args = ['compare', '-d', 'all.csv', '--cutover', '2025-02-01', '--targets', 't.yaml', '--lang'];
    refused([...args, 'en'], dir, 't.yaml, at line 2, column 3, at targets.convertion: no such metric: "convertion"; did you mean "conversion"?', 'hint: the metrics of a comparison: leads_per_month, conversion, win_rate');
    refused([...args, 'ru'], dir, 'нет такого показателя: «convertion»; возможно, вы имели в виду «conversion»');
  });
});

// A tester: `conversion: 2000%` was told «двадцать процентов пишут 0.2 или «+20%»», the hint written for a bare 20.
describe('a targets file with a percentage out of range', () => {
  it('says it is above +1000% in both languages; a bare 20 is shown written both ways', () => {
    const dir = files();
    writeFileSync(path.join(dir, 't.yaml'), 'targets:\n  conversion: 2000%\n');
    const args = ['compare', '-d', 'all.csv', '--cutover', '2025-02-01', '--targets', 't.yaml', '--lang'];
    refused([...args, 'ru'], dir, 'ошибка: t.yaml, строка 2, символ 3, в targets.conversion: «2000%» — больше +1000%: цель — изменение от −100% до +1000%\n');
    refused([...args, 'en'], dir, 'error: t.yaml, at line 2, column 3, at targets.conversion: "2000%" is above +1000%: a target is a change from -100% to +1000%\n');
    writeFileSync(path.join(dir, 't.yaml'), 'targets:\n  conversion: 20\n');
    refused([...args, 'ru'], dir, 'в targets.conversion: цель — изменение от −100% до +1000%; проценты пишут долей или со знаком %: 20 → 0.2 или «+20%»');
  });
});

describe('one set of files given for two', () => {
  it('names the deals file that is missing, not «say how to split the periods»', () => {
    const run = runCli(['compare', '--before-deals', 'samples/amocrm-deals.csv', '--lang', 'en']);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain('error: --after-deals is missing: with two sets of files, each period needs its deals file');
    const ru = runCli(['compare', '--after-deals', 'samples/amocrm-deals.csv', '--lang', 'ru']);
    expect(ru.stderr).toContain('ошибка: нет --before-deals');
  });
});

describe('rows a period leaves empty', () => {
  it('say why, as kpi does: in the JSON (rows[].not_applicable) and in a line under the table', () => {
    const json = JSON.parse(runCli(['compare', '-d', 'samples/amocrm-deals.csv', '--cutover', '2025-01-01', '--format', 'json']).stdout);
    const touches = json.rows.find((r: { metric: string }) => r.metric === 'touches_per_won');
    expect(touches).toMatchObject({ before: null, after: null, not_applicable: 'needs an activities file with deal_id or client (--activities)' });
    expect(json.rows.find((r: { metric: string }) => r.metric === 'conversion').not_applicable).toBeUndefined();
    const ru = runCli(['compare', '-d', 'samples/amocrm-deals.csv', '--cutover', '2025-01-01', '--lang', 'ru']);
    expect(ru.stdout.replace(/\n/g, ' ')).toContain('Не рассчитано: «Касаний на продажу», «Реакция, мин (медиана)», «Перезвонили» — нужен файл активностей со сделкой или клиентом (--activities); Доля пропущенных — нужен файл активностей (--activities)');
  });
});

// A tester: report --from/--to with a cutover put «Лиды 9» (the period's) beside «+150% лидов в месяц» of the whole files.
// --from/--to select the deals of every figure (spec, Period and cohorts): the comparison's periods are cut to them.
describe('report --from/--to with a comparison', () => {
  const json = (args: string[], dir: string) => {
    const run = runCli(['report', '--format', 'json', '--now', '2025-03-01', ...args], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    return JSON.parse(run.stdout);
  };

  // A tester (T33 F2): «до» ran from a --from on a day with no deal, and every rate a month, payback and ROI with it.
  // The spec: «до» from the earliest deal creation date (of the deals counted) to the day before the cutover.
  it('a cutover compares within the period, from the first deal counted to the last, and its leads add up to the KPIs\'', () => {
    const r = json(['-d', 'all.csv', '--cutover', '2025-02-01', '--from', '2025-01-05', '--to', '2025-02-16'], files());
    // Deals counted: 10.01, 20.01 before; 01.02, 15.02 after. 10.01–31.01 is 22 days, 01.02–15.02 is 15.
    expect(r.compare.before).toMatchObject({ from: '2025-01-10', to: '2025-01-31', days: 22 });
    expect(r.compare.after).toMatchObject({ from: '2025-02-01', to: '2025-02-15', days: 15 });
    const row = (m: string) => r.compare.rows.find((x: { metric: string }) => x.metric === m);
    // 2 leads over 22 / 30.4375 months; revenue 200 000 + 100 000 over 15 / 30.4375 months = 608 750.
    expect(row('leads_per_month').before).toBeCloseTo((2 * 30.4375) / 22, 9);
    expect(row('revenue_per_month').after).toBeCloseTo(608_750, 6);
    // The KPIs' dataPeriod is the same days: the deals read within --from/--to, the first to the last created.
    expect(r.kpi.dataPeriod).toEqual({ from: '2025-01-10', to: '2025-02-15' });
    // 10.01 and 20.01 before, 01.02 and 15.02 after: the four leads of the KPIs.
    const leads = r.compare.rows.find((x: { metric: string }) => x.metric === 'leads_per_month');
    expect(leads.before * r.compare.before.months).toBeCloseTo(2, 9);
    expect(leads.after * r.compare.after.months).toBeCloseTo(2, 9);
    expect(r.kpi.total.leads).toBe(4);
  });

  it('two sets of files are cut to the period too', () => {
    const r = json(['-d', 'all.csv', '--before-deals', 'jan.csv', '--after-deals', 'feb.csv', '--from', '2025-01-05', '--to', '2025-02-16'], files());
    // jan.csv's deals from 05.01: 10.01 and 20.01 (11 days); feb.csv's to 16.02: 01.02 and 15.02 (15 days).
    expect(r.compare.before).toMatchObject({ from: '2025-01-10', to: '2025-01-20', days: 11 });
    expect(r.compare.after).toMatchObject({ from: '2025-02-01', to: '2025-02-15', days: 15 });
    const leads = r.compare.rows.find((x: { metric: string }) => x.metric === 'leads_per_month');
    expect(leads.before).toBeCloseTo((2 * 30.4375) / 11, 9);
  });

  it('a cutover the period does not hold, or a period\'s files outside it, exit 2 saying so', () => {
    refused(['report', '-d', 'all.csv', '--cutover', '2025-02-01', '--from', '2025-02-02', '--lang', 'ru'], files(), 'дата внедрения 01.02.2025 не делит период отчёта (с 02.02.2025, --from/--to) на «до» и «после»');
    refused(['report', '-d', 'all.csv', '--before-deals', 'jan.csv', '--after-deals', 'feb.csv', '--from', '2025-01-25', '--lang', 'en'], files(), 'the before deals (2025-01-02 to 2025-01-20) lie outside the report period (from 2025-01-25, --from/--to)');
  });

  it('compare without --from/--to splits the whole files, as before', () => {
    const r = json(['-d', 'all.csv', '--cutover', '2025-02-01'], files());
    expect(r.compare.before).toMatchObject({ from: '2025-01-02', to: '2025-01-31' });
    expect(r.compare.after).toMatchObject({ from: '2025-02-01', to: '2025-02-20' });
  });
});
