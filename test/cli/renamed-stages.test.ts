import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { crmExportFixtures } from '../fixtures/exports-crm.js';

/**
 * An amoCRM leads export whose won stage was renamed «Оплачено» (amoCRM lets a pipeline rename its
 * two system stages): its deals carry a close date, where an open deal says «не закрыта». Counting
 * them open would lose their revenue silently; «Переговоры с ЛПР» (not closed) is a plain open stage.
 * «Успешно реализовано» is another pipeline's (a pipeline has one won stage: beside it, «Оплачено» would be guessed lost).
 */
const AMO = [
  'ID,Название сделки,Бюджет ,Ответственный,Дата создания сделки,Дата закрытия,Этап сделки,Воронка',
  '1,A,100000,Иван,01.03.2025 10:00:00,11.03.2025 10:00:00,Оплачено,Воронка',
  '2,B,50000,Иван,02.03.2025 10:00:00,05.03.2025 10:00:00,Закрыто и не реализовано,Воронка',
  '3,C,30000,Иван,03.03.2025 10:00:00,не закрыта,Переговоры с ЛПР,Воронка',
  '4,D,200000,Пётр,04.03.2025 10:00:00,24.03.2025 10:00:00,Успешно реализовано,Вторая воронка',
  '5,E,70000,Пётр,05.03.2025 10:00:00,не закрыта,Первичный контакт,Воронка',
  '6,F,0,Пётр,06.03.2025 10:00:00,08.03.2025 10:00:00,Закрыто и не реализовано,Воронка',
  '7,G,150000,Анна,07.03.2025 10:00:00,17.03.2025 10:00:00,Оплачено,Воронка',
  '8,H,40000,Анна,08.03.2025 10:00:00,не закрыта,Переговоры с ЛПР,Воронка',
].join('\n');

describe('amoCRM with a renamed system stage: stops with a --map snippet instead of counting it open', () => {
  it('without a terminal, names «Оплачено» (closed, with amounts) and not the open «Переговоры с ЛПР»; the pasted snippet makes the next run work', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-amo-stages-'));
    writeFileSync(path.join(dir, 'leads.csv'), AMO);
    const refused = runCli(['kpi', '-d', 'leads.csv'], { cwd: dir });
    expect(refused.code, refused.stderr).toBe(2);
    expect(refused.stderr).toContain('"Оплачено"');
    expect(refused.stderr).not.toContain('Переговоры с ЛПР');
    const snippet = /deals:\n {2}status:\n(?: {4}.*\n?)+/.exec(refused.stderr)?.[0];
    expect(snippet).toMatch(/"Оплачено": won/);
    writeFileSync(path.join(dir, 'map.yaml'), snippet!);
    const ok = runCli(['kpi', '-d', 'leads.csv', '--map', 'map.yaml', '--format', 'json'], { cwd: dir });
    expect(ok.code, ok.stderr).toBe(0);
    const json = JSON.parse(ok.stdout);
    expect(json.total).toMatchObject({ leads: 8, won: 3, lost: 2, open: 3, revenue: 450000 });
  });

  it('inspect lists the stage instead of stopping', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-amo-stages-'));
    writeFileSync(path.join(dir, 'leads.csv'), AMO);
    const run = runCli(['inspect', 'leads.csv'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('Оплачено');
  });
});

/**
 * A deals file no profile recognises (generic headers) whose won stage is «Оплачено полностью»: its 4
 * deals have past close dates and amounts. It was counted open with a warning (0 won, revenue 0, exit
 * 0), and a terminal was asked nothing, though `map` asked about it: now it is undecided as in a CRM
 * that renames stages, while «Думает над КП» (no close date), which no rule knows either, stays open.
 */
const GENERIC = [
  'ID;Менеджер;Дата создания;Статус;Сумма;Дата закрытия',
  '1;Иванов;01.03.2025 10:00;Оплачено полностью;1000;01.04.2025 12:00',
  '2;Иванов;02.03.2025 10:00;Думает над КП;2000;',
  '3;Петров;03.03.2025 10:00;Оплачено полностью;3000;03.04.2025 12:00',
  '4;Иванов;04.03.2025 10:00;Закрыто и не реализовано;4000;04.04.2025 12:00',
  '5;Иванов;05.03.2025 10:00;Оплачено полностью;5000;05.04.2025 12:00',
  '6;Петров;06.03.2025 10:00;Думает над КП;6000;',
  '7;Петров;07.03.2025 10:00;Оплачено полностью;7000;07.04.2025 12:00',
].join('\n');

describe('a deals file no profile recognises, with a closed stage no rule knows', () => {
  it('without a terminal, stops naming «Оплачено полностью» (closed, with amounts), not «Думает над КП» (no close date); the snippet makes the next run work', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-generic-stages-'));
    writeFileSync(path.join(dir, 'deals.csv'), GENERIC);
    const refused = runCli(['kpi', '-d', 'deals.csv', '--lang', 'ru'], { cwd: dir });
    expect(refused.code, refused.stderr).toBe(2);
    expect(refused.stderr).toContain('этап закрытых сделок не известен ни как выигрыш, ни как проигрыш: «Оплачено полностью»');
    expect(refused.stderr).not.toContain('Думает над КП');
    // Not the warning of a run that counted it open.
    expect(refused.stderr).not.toContain('посчитаны открытыми');
    const snippet = /deals:\n {2}status:\n(?: {4}.*\n?)+/.exec(refused.stderr)?.[0];
    expect(snippet?.trimEnd()).toBe('deals:\n  status:\n    "Оплачено полностью": won    # сделок — 4, закрыто — все, с суммой — все: проверьте');
    writeFileSync(path.join(dir, 'map.yaml'), snippet!);
    const ok = runCli(['kpi', '-d', 'deals.csv', '--map', 'map.yaml', '--format', 'json'], { cwd: dir });
    expect(ok.code, ok.stderr).toBe(0);
    const json = JSON.parse(ok.stdout);
    expect(json.total).toMatchObject({ leads: 7, won: 4, lost: 1, open: 2, revenue: 16000 });
    expect(json.dataQuality.alerts).toEqual([]);
  });

  it('a stage whose deals look open stays open without a word; crm-audit map asks about the same stage as kpi', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-generic-stages-'));
    // The close dates are after the report date: expected closes, so «Оплачено полностью» looks open.
    writeFileSync(path.join(dir, 'deals.csv'), GENERIC);
    const open = runCli(['kpi', '-d', 'deals.csv', '--now', '2025-03-20', '--format', 'json'], { cwd: dir });
    expect(open.code, open.stderr).toBe(0);
    expect(JSON.parse(open.stdout).total).toMatchObject({ won: 0, lost: 1, open: 6 });
    const map = runCli(['map', 'deals.csv', '-o', 'm.yaml'], { cwd: dir });
    expect(map.code, map.stderr).toBe(0);
    expect(readFileSync(path.join(dir, 'm.yaml'), 'utf8')).toMatch(/^deals:\n {2}status:\n {4}"Оплачено полностью": won +# 4 deals, all closed, all with an amount: check\n$/m);
  });

  it('inspect lists it as undecided, and says the CRM is not recognised rather than that such a stage is open', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-generic-stages-'));
    writeFileSync(path.join(dir, 'deals.csv'), GENERIC);
    const run = runCli(['inspect', 'deals.csv', '--lang', 'en'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('stages:     the CRM is not recognised: a stage no rule knows must be named when its deals are closed');
    expect(run.stdout).toMatch(/"Оплачено полностью" +4 deals, 0 closed by the flag, 4 with a close date, 0 at a probability of 100%, 4 with an amount -> undecided/);
    expect(run.stdout).toMatch(/"Думает над КП" +2 deals, 0 closed by the flag, 0 with a close date, .* -> open \(its deals look open\)/);
    const ru = runCli(['inspect', 'deals.csv', '--lang', 'ru'], { cwd: dir });
    expect(ru.stdout).toContain('этапы:      CRM не узнана: этап, который не знает ни одно правило, нужно назвать, когда его сделки закрыты');
  });
});

/**
 * A Salesforce report names stages in the company's own words, with «Probability (%)»: «Contract
 * Signed» (100%, as Closed Won) was counted open in silence. A stage no rule knows whose deals are at
 * 100% is now undecided, as in a CRM that renames stages; «Discovery» (20%) and «Proposal Sent» (60%)
 * stay open (Salesforce's open stages carry 10-90%), and «Lost to Competitor» (0%) open with a warning.
 */
describe('a Salesforce report whose company names its stages', () => {
  const fixture = (name: string, as = 'report.csv') => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-sf-stages-'));
    writeFileSync(path.join(dir, as), crmExportFixtures()[name]!);
    return dir;
  };

  it('without a terminal, stops naming the stage at 100% only, with a snippet; the pasted snippet makes the next run work', () => {
    const dir = fixture('salesforce-report-renamed-stages.csv');
    const refused = runCli(['kpi', '-d', 'report.csv', '--lang', 'en'], { cwd: dir });
    expect(refused.code, refused.stderr).toBe(2);
    expect(refused.stderr).toContain('1 stage of closed deals is not known as won or lost: "Contract Signed"');
    for (const open of ['Discovery', 'Proposal Sent', 'Lost to Competitor']) expect(refused.stderr).not.toContain(open);
    const snippet = /deals:\n {2}status:\n(?: {4}.*\n?)+/.exec(refused.stderr)?.[0];
    expect(snippet?.trimEnd()).toBe('deals:\n  status:\n    "Contract Signed": won    # 2 deals, all at a probability of 100%, all with an amount: check');
    writeFileSync(path.join(dir, 'map.yaml'), snippet!);
    const ok = runCli(['kpi', '-d', 'report.csv', '--map', 'map.yaml', '--format', 'json'], { cwd: dir });
    expect(ok.code, ok.stderr).toBe(0);
    const json = JSON.parse(ok.stdout);
    expect(json.total).toMatchObject({ leads: 7, won: 3, lost: 1, open: 3, revenue: 32000 });
    // The stage at 0% is open, and said, as before.
    expect(json.dataQuality.alerts).toEqual([{ code: 'unknown-stages-closed', file: 'report.csv', stages: [{ stage: 'Lost to Competitor', deals: 1, closed: 0, lost: 0, zero: 1 }] }]);
  });

  it('in a Russian-language org («Вероятность (%)»), the same, in Russian', () => {
    const dir = fixture('salesforce-report-ru-renamed-stages.csv');
    const refused = runCli(['kpi', '-d', 'report.csv', '--lang', 'ru'], { cwd: dir });
    expect(refused.code, refused.stderr).toBe(2);
    expect(refused.stderr).toContain('этап закрытых сделок не известен ни как выигрыш, ни как проигрыш: «Отгружено»');
    expect(refused.stderr).not.toContain('Первая встреча');
    const snippet = /deals:\n {2}status:\n(?: {4}.*\n?)+/.exec(refused.stderr)?.[0];
    expect(snippet?.trimEnd()).toBe('deals:\n  status:\n    "Отгружено": won    # сделок — 2, с вероятностью 100% — все, с суммой — все: проверьте');
    writeFileSync(path.join(dir, 'map.yaml'), snippet!);
    const ok = runCli(['kpi', '-d', 'report.csv', '--map', 'map.yaml', '--format', 'json'], { cwd: dir });
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout).total).toMatchObject({ leads: 4, won: 2, lost: 1, open: 1, revenue: 200000 });
  });

  it('stages under 100% stay open without a word; without a probability column nothing tells them apart, and the run stops on each', () => {
    const lines = crmExportFixtures()['salesforce-report-renamed-stages.csv']!.split(/\r?\n/);
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-sf-stages-'));
    writeFileSync(path.join(dir, 'open.csv'), lines.filter((l) => !/Contract Signed|Lost to Competitor/.test(l)).join('\n'));
    const open = runCli(['kpi', '-d', 'open.csv', '--format', 'json'], { cwd: dir });
    expect(open.code, open.stderr).toBe(0);
    expect(JSON.parse(open.stdout).total).toMatchObject({ leads: 4, won: 1, lost: 1, open: 2 });
    expect(JSON.parse(open.stdout).dataQuality.alerts).toEqual([]);
    // The same report without «Probability (%)»: its Close Date is the expected one, so nothing shows a deal closed.
    const drop = (l: string) => l.split('","').filter((_, i) => i !== 5).join('","');
    writeFileSync(path.join(dir, 'blind.csv'), lines.filter((l) => l !== '').map(drop).join('\n'));
    const blind = runCli(['kpi', '-d', 'blind.csv', '--lang', 'en'], { cwd: dir });
    expect(blind.code, blind.stderr).toBe(2);
    expect(blind.stderr).toContain('4 stages are not known as won or lost, and the export has nothing that marks a deal closed (a column such as "Is Deal Closed?" or a probability; its Close Date is the expected one): "Contract Signed", "Discovery", "Lost to Competitor", "Proposal Sent"');
    expect(blind.stderr).toContain('"Probability (%)" in a Salesforce report');
    const ru = runCli(['kpi', '-d', 'blind.csv', '--lang', 'ru'], { cwd: dir });
    expect(ru.stderr).toContain('а в выгрузке нет признака закрытой сделки (колонки вроде «Is Deal Closed?» или вероятности; Close Date здесь — ожидаемая дата)');
    expect(ru.stderr).toContain('«Probability (%)» в отчёте Salesforce');
  });

  it('inspect says what kpi does: the stage at 100% undecided, the one at 0% open with a warning, the others open', () => {
    const dir = fixture('salesforce-report-renamed-stages.csv');
    const run = runCli(['inspect', 'report.csv', '--lang', 'en'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toContain('6. "Probability (%)"                    -> probability');
    expect(run.stdout).toContain('stages:     this CRM renames stages freely: a stage no rule knows must be named when its deals are closed');
    expect(run.stdout).toMatch(/"Contract Signed" +-> undecided \(stage not known: to be named\) \(2\)/);
    expect(run.stdout).toMatch(/"Contract Signed" +2 deals, 0 closed by the flag, 2 at a probability of 100%, 2 with an amount -> undecided/);
    expect(run.stdout).toMatch(/"Lost to Competitor" +1 deal, .* 0 at a probability of 100%, 1 at a probability of 0%, 1 with an amount -> open, though most of its deals are at a probability of 0%: if it is lost, name it in a --map file \(lost\)/);
    expect(run.stdout).toMatch(/"Discovery" +1 deal, .* -> open \(its deals look open\)/);
    expect(run.stdout).not.toContain('whether closed unknown');
    const ru = runCli(['inspect', 'report.csv', '--lang', 'ru'], { cwd: dir });
    expect(ru.stdout).toMatch(/«Contract Signed» +-> не решено \(этап не известен: его нужно назвать\) \(2\)/);
    expect(ru.stdout).toMatch(/«Lost to Competitor» +сделок: 1, .*с вероятностью 0%: 1, с суммой: 1 -> открыт, хотя большинство его сделок с вероятностью 0%: если он проигран, назовите его в файле --map \(lost\)/);
  });

  it('crm-audit map asks about the same stage as kpi, and about the stage at 0% kpi warns looks lost', () => {
    const dir = fixture('salesforce-report-renamed-stages.csv');
    const map = runCli(['map', 'report.csv', '-o', 'm.yaml', '--lang', 'en'], { cwd: dir });
    expect(map.code, map.stderr).toBe(0);
    const yaml = readFileSync(path.join(dir, 'm.yaml'), 'utf8');
    expect(yaml).toMatch(/^ {4}"Contract Signed": won +# 2 deals, all at a probability of 100%, all with an amount: check$/m);
    // hF5 left it: kpi counted «Lost to Competitor» open and warned it looks lost; map did not offer it.
    expect(yaml).toMatch(/^ {4}"Lost to Competitor": lost +# 1 deal, none closed, all at a probability of 0%, all with an amount: check$/m);
    const ru = runCli(['map', 'report.csv', '--lang', 'ru'], { cwd: dir });
    expect(ru.stdout).toMatch(/^ {4}"Lost to Competitor": lost +# сделок — 1, закрыто — ни одной, с вероятностью 0% — все, с суммой — все: проверьте$/m);
    // The map answers the warning: the stage is lost, and kpi says nothing more of it.
    const run = runCli(['kpi', '-d', 'report.csv', '--map', 'm.yaml', '--format', 'json', '--lang', 'en'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).not.toContain('Lost to Competitor');
    // By hand: won A, E (Contract Signed), F; lost B (Lost to Competitor), C; open D, G.
    expect(JSON.parse(run.stdout).total).toMatchObject({ leads: 7, won: 3, lost: 2, open: 2, revenue: 32_000 });
  });
});

describe('a manager column that could be two columns', () => {
  const TWO = ['ID;Ответственный;Менеджер;Дата создания;Стадия;Сумма', '1;Колл-центр;Иванов Иван;01.02.2025;Сделка успешна;100', '2;Колл-центр;Петрова Анна;02.02.2025;Сделка провалена;'].join('\n');

  it('without a terminal, stops naming both columns with a ready snippet; the pasted snippet makes the next run work', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-two-managers-'));
    writeFileSync(path.join(dir, 'deals.csv'), TWO);
    const refused = runCli(['kpi', '-d', 'deals.csv'], { cwd: dir });
    expect(refused.code, refused.stderr).toBe(2);
    expect(refused.stderr).toMatch(/"Ответственный".*"Менеджер"/);
    const snippet = /deals:\n {2}columns:\n {4}manager: .*/.exec(refused.stderr)?.[0];
    expect(snippet).toBeDefined();
    writeFileSync(path.join(dir, 'map.yaml'), snippet!.replace('"Ответственный"', '"Менеджер"'));
    const ok = runCli(['kpi', '-d', 'deals.csv', '--map', 'map.yaml', '--format', 'json'], { cwd: dir });
    expect(ok.code, ok.stderr).toBe(0);
    expect(JSON.parse(ok.stdout).managers.map((m: { manager: string }) => m.manager)).toEqual(['Иванов Иван', 'Петрова Анна']);
    const ru = runCli(['kpi', '-d', 'deals.csv', '--lang', 'ru'], { cwd: dir });
    expect(ru.stderr).toMatch(/менеджера[\s\S]*колонок[\s\S]*«Ответственный», «Менеджер»/);
  });

  it('crm-audit map asks it too; without a terminal it writes the snippet\'s guess as its proposal, to check', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-two-managers-'));
    writeFileSync(path.join(dir, 'deals.csv'), TWO);
    const proposed = runCli(['map', 'deals.csv', '-o', 'm.yaml'], { cwd: dir });
    expect(proposed.code, proposed.stderr).toBe(0);
    expect(proposed.stderr).toContain('No terminal: this is a proposal, check each value.');
    expect(readFileSync(path.join(dir, 'm.yaml'), 'utf8')).toMatch(/deals:\n {2}columns:\n {4}manager: "Ответственный" +# or "Менеджер": check/);
  });

  it('two such columns with the same values are no question; inspect shows the choice instead of stopping', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-two-managers-'));
    writeFileSync(path.join(dir, 'same.csv'), ['ID;Ответственный;Менеджер;Дата создания;Стадия;Сумма', '1;Иванов Иван;Иванов Иван;01.02.2025;Сделка успешна;100'].join('\n'));
    expect(runCli(['kpi', '-d', 'same.csv'], { cwd: dir }).code).toBe(0);
    writeFileSync(path.join(dir, 'deals.csv'), TWO);
    const run = runCli(['inspect', 'deals.csv'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
  });
});
