import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ROOT, runCli } from '../helpers/cli.js';

const S = (f: string) => path.join(ROOT, 'samples', f);
const NOW = ['--now', '2025-07-01T00:00:00Z'];

describe('crm-audit report', () => {
  it('runs from a config file found in the working folder: workbook, assertions, exit 1', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-ci-'));
    writeFileSync(
      path.join(dir, 'crm-audit.config.yaml'),
      [
        'lang: en',
        'company: Acme',
        'audit:',
        `  answers: ${S('answers/leader.yaml')}`,
        'kpi:',
        `  deals: ${S('amocrm-deals.csv')}`,
        `  activities: ${S('bitrix24-calls.xls')}`,
        'compare:',
        '  cutover: 2025-01-01',
        '  targets: { conversion: +20% }',
        'assert:',
        "  - 'audit.total>=6'",
        "  - { expr: 'total.conversion>=0.5', level: warn }",
        "  - 'compare.conversion.met==true'",
        '',
      ].join('\n'),
    );
    const ok = runCli(['report', '-o', 'report.xlsx', ...NOW], { cwd: dir });
    expect(ok.stderr).toContain('⚠ warning: Department: Conversion 24.7% < 50%  [total.conversion>=0.5]');
    expect(ok.stderr).toContain('2 of 3 assertions passed, 1 warning');
    expect(ok.code).toBe(0);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(dir, 'report.xlsx'));
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Summary', 'Audit', 'Recommendations', 'Managers', 'Loss reasons', 'Data quality', 'Definitions', 'Before and after', 'Charts']);
    expect(wb.title).toBe('crm-audit report — Acme');

    const fail = runCli(['report', '-o', 'report2.xlsx', '--assert', 'managers.*.conversion>=0.25', ...NOW], { cwd: dir });
    expect(fail.code).toBe(1);
    expect(fail.stderr).toMatch(/✗ error: [А-ЯЁ][а-яё]+ [А-ЯЁ][а-яё]+: Conversion \d+\.\d% < 25% {2}\[managers\.\*\.conversion>=0\.25\]/);
    const dashboards = runCli(['report', '-o', 'report3.xlsx', '--assert', 'managers.*.conversion>=0.25', '--no-exit-code', ...NOW], { cwd: dir });
    expect(dashboards.code).toBe(0);
  });

  it('scores the answers against the questionnaire their file names, as audit does', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-report-own-q-'));
    writeFileSync(path.join(dir, 'tiny.yaml'), readFileSync(path.join(ROOT, 'test/fixtures/questionnaires/valid-tiny.yaml')));
    writeFileSync(path.join(dir, 'answers.yaml'), 'questionnaire: tiny.yaml\nanswers:\n  s.one: yes\n  s.two: no\n');
    const run = runCli(['report', '--answers', path.join(dir, 'answers.yaml'), '--format', 'json', '--now', '2025-01-31T09:00:00Z'], { cwd: dir });
    expect(run.stderr).toBe('');
    expect(JSON.parse(run.stdout).audit).toMatchObject({ questionnaire: { id: 'tiny' }, total: 2, max: 3 });
  });

  it('--format json is the combined result; --format md a CI summary', () => {
    const json = runCli(['report', '--answers', S('answers/leader.yaml'), '-d', S('amocrm-deals.csv'), '--assert', 'total.leads==1200', '--format', 'json', ...NOW]);
    const r = JSON.parse(json.stdout);
    expect(Object.keys(r)).toEqual(['schemaVersion', 'generatedAt', 'lang', 'company', 'audit', 'kpi', 'assertions', 'failed']);
    expect(r.assertions).toEqual([{ assertion: 'total.leads==1200', op: '==', expected: 1200, level: 'error', passed: true, failures: [] }]);
    const md = runCli(['report', '-d', S('amocrm-deals.csv'), '--lang', 'en', ...NOW]);
    expect(md.stdout).toMatch(/^## crm-audit report/);
  });

  it('a bad assertion or config fails at once with exit 2 and a pointer', () => {
    const bad = runCli(['report', '-d', S('amocrm-deals.csv'), '--assert', 'total.conversion=>0.2']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/"=>" is not an operator; write >= at character 17/);
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-ci-'));
    writeFileSync(path.join(dir, 'crm-audit.config.yaml'), 'kpi:\n  deals: d.csv\n  touchNorm: many\n');
    const cfg = runCli(['report'], { cwd: dir });
    expect(cfg.code).toBe(2);
    expect(cfg.stderr).toMatch(/crm-audit\.config\.yaml, at line \d+, column \d+, at kpi\.touchNorm/);
    const nothing = runCli(['report'], { cwd: mkdtempSync(path.join(tmpdir(), 'crm-audit-empty-')) });
    expect(nothing.code).toBe(2);
    expect(nothing.stderr).toMatch(/nothing to report/);
  });

  it('writes formula-looking values from exports as text, never as formulas', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-inj-'));
    const deals = path.join(dir, 'deals.csv');
    writeFileSync(
      deals,
      [
        'id,manager,created_at,closed_at,status,amount,client,loss_reason',
        '1,"=HYPERLINK(""http://evil.example"",""click"")",2025-01-01,2025-01-02,lost,10,=1+2,=cmd|\'/C calc\'!A0',
        '2,+SUM(A1:A9),2025-01-01,2025-01-03,won,20,-2+3,',
        '3,@SUM(1),2025-01-02,,open,,"\tTAB",',
        '',
      ].join('\n'),
    );
    const out = path.join(dir, 'r.xlsx');
    expect(runCli(['report', '-d', deals, '-o', out, '--lang', 'en', ...NOW]).code).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['deals.csv', 'r.xlsx']);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(out);
    const payloads = ['=HYPERLINK("http://evil.example","click")', '+SUM(A1:A9)', '@SUM(1)', "=cmd|'/C calc'!A0"];
    let seen = 0;
    wb.eachSheet((ws) =>
      ws.eachRow((row) =>
        row.eachCell((cell) => {
          expect(cell.type).not.toBe(ExcelJS.ValueType.Formula);
          if (payloads.includes(String(cell.value))) {
            seen++;
            expect(cell.type).toBe(ExcelJS.ValueType.String);
          }
        }),
      ),
    );
    expect(seen).toBeGreaterThanOrEqual(4);
  });
});

// A CSV given as --baseline was «the file is empty»; a kpi result, a list of the fields it lacks.
describe('report --baseline given another file', () => {
  it('says it is not a report result, with how to save one, in both languages', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-baseline-'));
    const kpi = path.join(dir, 'kpi.json');
    expect(runCli(['kpi', '-d', 'samples/amocrm-deals.csv', '--format', 'json', '-o', kpi]).code).toBe(0);
    const en = runCli(['report', '-d', 'samples/amocrm-deals.csv', '--baseline', kpi, '--lang', 'en']);
    expect(en.code).toBe(2);
    expect(en.stderr).toContain('kpi.json: this is not a `report --format json` result (it has no assertions; a kpi or audit result is not one)');
    const ru = runCli(['report', '-d', 'samples/amocrm-deals.csv', '--baseline', 'samples/amocrm-deals.csv', '--lang', 'ru']);
    expect(ru.code).toBe(2);
    expect(ru.stderr).toMatch(/amocrm-deals\.csv: это не результат report --format json[\s\S]*подсказка: сохраните прошлый запуск/);
  });
});
