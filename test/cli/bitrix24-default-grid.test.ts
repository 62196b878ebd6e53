// Bitrix24's lists exported with the grid's default columns (tester T45): the deal list shows its money as
// «Сумма/Валюта» («100 000 руб.», SUM) and its title as «Сделка», the lead list its title as «Лид»
// (LEAD_SUMMARY). The deals' revenue was not applicable for want of an amount column, and a lead list
// without «Название лида» was read as deals, its converted leads won and their hoped-for sums revenue.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { htmlTable } from '../fixtures/exports.js';
import { runCli } from '../helpers/cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-b24-grid-'));
const NBSP = '\u00a0';

function kpi(file: string, rows: string[][]): { total: Record<string, unknown>; notApplicable: Record<string, string>; stderr: string; crm: string } {
  writeFileSync(path.join(dir, file), htmlTable(rows));
  const r = runCli(['kpi', '-d', file, '--format', 'json', '--now', '2025-06-01T00:00:00Z', '--lang', 'en'], { cwd: dir });
  expect(r.code, r.stderr).toBe(0);
  const inspect = runCli(['inspect', file, '--lang', 'en'], { cwd: dir });
  const json = JSON.parse(r.stdout) as { total: Record<string, unknown>; notApplicable: Record<string, string> };
  return { ...json, stderr: r.stderr, crm: /CRM:\s+(.+?) \(profile ([\w-]+)/.exec(inspect.stdout)?.[2] ?? '' };
}

describe('Bitrix24 lists with the grid\'s default columns', () => {
  it('deals: «Сумма/Валюта» is the amount, «Сделка» the title, «Клиент» the client', () => {
    const r = kpi('deals.xls', [
      ['Сделка', 'Стадия сделки', 'Дела', 'Клиент', 'Сумма/Валюта', 'Ответственный', 'Дата создания'],
      ['Поставка #1', 'Сделка успешна', '', 'ООО Альфа', `100${NBSP}000 руб.`, 'Иванов Иван', '01.03.2025 10:00:00'],
      ['Поставка #2', 'Сделка успешна', '', 'ООО Бета', `50${NBSP}000,50 руб.`, 'Иванов Иван', '02.03.2025 10:00:00'],
      ['Поставка #3', 'Сделка провалена', '', 'ООО Гамма', `20${NBSP}000 руб.`, 'Петрова Анна', '03.03.2025 10:00:00'],
      ['Поставка #4', 'В работе', '', 'ООО Альфа', '', 'Петрова Анна', '04.03.2025 10:00:00'],
    ]);
    expect(r.crm).toBe('bitrix24');
    // Two won deals: 100 000 + 50 000,50.
    expect(r.total).toMatchObject({ leads: 4, won: 2, lost: 1, revenue: 150000.5, average_check: 75000.25 });
    expect(r.notApplicable.revenue).toBeUndefined();
  });

  it('leads: a list titled «Лид» is a leads export, its amounts no revenue', () => {
    const r = kpi('leads.xls', [
      ['ID', 'Лид', 'Статус', 'Сумма', 'Валюта', 'Ответственный', 'Дата создания', 'Источник'],
      ['1', 'Заявка с сайта', 'Качественный лид', '100000', 'RUB', 'Иванов Иван', '01.03.2025 10:00:00', 'Сайт'],
      ['2', 'Звонок', 'Некачественный лид', '50000', 'RUB', 'Иванов Иван', '02.03.2025 10:00:00', 'Звонок'],
      ['3', 'Заявка', 'В работе', '30000', 'RUB', 'Петрова Анна', '03.03.2025 10:00:00', 'Сайт'],
    ]);
    expect(r.crm).toBe('bitrix24-leads');
    expect(r.total).toMatchObject({ leads: 3, won: 1, lost: 1, revenue: null });
    expect(r.notApplicable.revenue).toMatch(/leads/);
    expect(r.stderr).toContain('this is a leads export');
  });
});
