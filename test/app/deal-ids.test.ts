// A tester: Zoho's Potentials (no id column) beside its Calls, which name their deal by POTENTIALID only:
// no call could be any deal's, yet touches read 0,00, every won deal «below the norm» and every deal «no
// response», said only in a warning. Not applicable, naming the column that would link them (src/app/kpi-files.ts dealIds).
import { existsSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
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
