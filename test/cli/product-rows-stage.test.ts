import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

// A Bitrix24 export: deal 2 in the renamed won stage «Оплачено» has two product rows (Ворота, Монтаж).
const header = '"ID";"Название сделки";"Стадия сделки";"Сумма";"Валюта";"Ответственный";"Дата создания";"Сделка закрыта";"Товар"';
const rows = [
  '"1";"А";"Сделка успешна";"100";"RUB";"Иванов Иван";"10.01.2024";"Да";""',
  '"2";"Б";"Оплачено";"200";"RUB";"Петрова Анна";"11.01.2024";"Да";"Ворота"',
  '"2";"Б";"Оплачено";"100";"RUB";"Петрова Анна";"11.01.2024";"Да";"Монтаж"',
  '"3";"В";"В работе";"";"RUB";"Иванов Иван";"12.01.2024";"Нет";""',
];

describe('the stage question counts deals, not product rows', () => {
  it('kpi\'s stop and map\'s snippet say 1 deal of a deal of two product rows', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'product-stage-'));
    writeFileSync(path.join(dir, 'deals.csv'), [header, ...rows].join('\r\n'));
    const kpi = runCli(['kpi', '-d', 'deals.csv', '--lang', 'en'], { cwd: dir });
    expect(kpi.code).toBe(2);
    expect(kpi.stderr).toContain('"Оплачено": won    # 1 deal, all closed, all with an amount');
    const map = runCli(['map', 'deals.csv', '--lang', 'en'], { cwd: dir });
    expect(map.stdout + map.stderr).toContain('"Оплачено": won    # 1 deal, all closed, all with an amount');
    // Named won, the deal counts once with its products' amounts summed.
    writeFileSync(path.join(dir, 'map.yaml'), 'deals:\n  status:\n    "Оплачено": won\n');
    const r = JSON.parse(runCli(['kpi', '-d', 'deals.csv', '--map', 'map.yaml', '--format', 'json'], { cwd: dir }).stdout);
    expect([r.total.leads, r.total.won, r.total.revenue]).toEqual([3, 2, 400]);
  });
});
