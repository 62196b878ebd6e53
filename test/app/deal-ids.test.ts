// A tester: Zoho's Potentials (no id column) beside its Calls, which name their deal by POTENTIALID only:
// no call could be any deal's, yet touches read 0,00, every won deal «below the norm» and every deal «no
// response», said only in a warning. Not applicable, naming the column that would link them (src/app/kpi-files.ts dealIds).
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeXlsx } from '../fixtures/zip.js';
import { runCli } from '../helpers/cli.js';

const NEEDS = "needs an id column in the deals file matching the activities' deal id: the activities link to a deal by its id only, and the deals file has none";
const LINKED = ['touches_per_won', 'won_below_touch_norm', 'response_min_median', 'response_min_avg', 'no_response'];
const calls = ['Дата;Сотрудник;Направление;Длительность;ID сделки;Клиент', '01.02.2025 10:05;Иванов Иван;Исходящий;60;{deal};ООО Ромашка', '02.02.2025 11:00;Иванов Иван;Входящий;120;{deal};ООО Ромашка'];

function run(dealsFile: string, deal: string, lang = 'en') {
  const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-deal-ids-'));
  writeFileSync(path.join(dir, 'deals.csv'), dealsFile);
  writeFileSync(path.join(dir, 'calls.csv'), `${calls.join('\n').replaceAll('{deal}', deal)}\n`);
  const r = runCli(['kpi', '-d', 'deals.csv', '-a', 'calls.csv', '--format', 'json', '--lang', lang], { cwd: dir });
  expect(r.code, r.stderr).toBe(0);
  return { json: JSON.parse(r.stdout) as { total: Record<string, unknown>; notApplicable: Record<string, string> }, stderr: r.stderr };
}

const noId = 'Название сделки;Ответственный;Компания;Дата создания;Дата закрытия;Этап сделки;Бюджет\nПоставка;Иванов Иван;ООО Ромашка;01.02.2025 09:00;05.02.2025 12:00;Успешно реализовано;1000\n';
const withId = `ID;${noId.split('\n')[0]}\n7;${noId.split('\n')[1]}\n`;

describe('activities that link by deal id only, beside deals with no id column', () => {
  it('leave touches and responses not applicable, naming the id column; the calls are counted', () => {
    const { json, stderr } = run(noId, '555');
    for (const m of LINKED) expect([m, json.total[m]]).toEqual([m, null]);
    for (const m of LINKED) expect(json.notApplicable[m]).toBe(NEEDS);
    expect(json.total).toMatchObject({ calls_out: 1, calls_in: 1, won: 1 });
    // Said by the reason, not by the «no call links to a deal» warning as well.
    expect(stderr).not.toContain('None of the');
  });

  it('says it in Russian in a table', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-deal-ids-'));
    writeFileSync(path.join(dir, 'deals.csv'), noId);
    writeFileSync(path.join(dir, 'calls.csv'), `${calls.join('\n').replaceAll('{deal}', '555')}\n`);
    const r = runCli(['kpi', '-d', 'deals.csv', '-a', 'calls.csv', '--lang', 'ru'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(r.stdout.replace(/\s+/g, ' ')).toContain('нужна колонка ID в файле сделок, совпадающая с ID сделки в файле активностей');
  });

  it('are computed where the deal column names a deal by its title, or the deals have ids that match none (then with the warning)', () => {
    const titled = run(noId, 'Поставка');
    expect(titled.json.total).toMatchObject({ touches_per_won: 2, response_min_median: 65, no_response: 0 });
    expect(titled.json.notApplicable.touches_per_won).toBeUndefined();
    const other = run(withId, '555');
    expect(other.json.total).toMatchObject({ touches_per_won: 0, won_below_touch_norm: 1, no_response: 1 });
    expect(other.json.notApplicable.touches_per_won).toBeUndefined();
    expect(other.stderr).toContain('None of the');
  });

  const R = path.resolve('../shared/real-exports');
  it.skipIf(!existsSync(path.join(R, 'zoho_calls.csv')))("Zoho's Potentials and Calls: not applicable, as the deals have no id", () => {
    const r = runCli(['kpi', '-d', path.join(R, 'zoho_potentials.csv'), '-a', path.join(R, 'zoho_calls.csv'), '--format', 'json', '--lang', 'en']);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as { total: Record<string, unknown>; notApplicable: Record<string, string> };
    for (const m of LINKED) expect(json.notApplicable[m]).toBe(NEEDS);
    expect(json.total).toMatchObject({ touches_per_won: null, no_response: null, calls_out: 540, calls_in: 3560 });
  });
});

// A tester (tT22 #11): a workbook whose script wrote the id column as floats (`<v>1.0</v>`) was read as «1.0»; the
// calls on deal 1 linked to nothing (touches 0, no response 1), and nothing was said because another deal's did link.
describe('deal ids a workbook stores as whole numbers with a fraction', () => {
  it('link the calls that name them: «1.0» is deal 1, as Excel shows the cell', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-deal-ids-'));
    const cell = (ref: string, v: string) => (/^\d+(?:\.\d+)?$/.test(v) ? `<c r="${ref}"><v>${v}</v></c>` : `<c r="${ref}" t="inlineStr"><is><t>${v}</t></is></c>`);
    const row = (r: number, values: string[]) => `<row r="${r}">${values.map((v, i) => cell(`${String.fromCharCode(65 + i)}${r}`, v)).join('')}</row>`;
    const sheet = [
      row(1, ['ID', 'Ответственный', 'Бюджет', 'Этап сделки', 'Дата создания', 'Дата закрытия']),
      row(2, ['1.0', 'Иванов', '1000', 'Успешно реализовано', '2025-02-01', '2025-02-05']),
      row(3, ['3', 'Петров', '3000', 'Успешно реализовано', '2025-02-03', '2025-02-06']),
    ].join('');
    writeFileSync(path.join(dir, 'ids.xlsx'), makeXlsx(sheet));
    writeFileSync(path.join(dir, 'act.csv'), 'Ответственный;Тип звонка;Статус;Длительность;Дата;ID сделки\nИванов;Исходящий;Успешный;60;01.02.2025 10:00;1\nПетров;Исходящий;Успешный;60;03.02.2025 10:00;3\n');
    const r = runCli(['kpi', '-d', 'ids.xlsx', '-a', 'act.csv', '--format', 'json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const managers = (JSON.parse(r.stdout) as { managers: Array<Record<string, unknown>> }).managers;
    // Each deal created at midnight and called at 10:00 the same day: one touch, a response of 600 minutes.
    expect(managers.map((m) => [m.manager, m.touches_per_won, m.no_response, m.response_min_median])).toEqual([
      ['Иванов', 1, 0, 600],
      ['Петров', 1, 0, 600],
    ]);
  });
});
