import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { htmlStructure } from '../helpers/html-structure.js';

/**
 * Six deals of two managers, their calls and payments, small enough to count by hand:
 * Иванов: deals 1, 2 won (100 000 and 50 000, one client: deal 2 a repeat sale; cycles 10 and 13 days),
 * deal 3 lost; calls out on deals 1 (09:30, 2 min) and 2 (10:00, 1 min): responses 30 and 60 min, deal 3 none.
 * Петрова: deal 4 won (30 000, 20 days), 5 open, 6 lost; an answered incoming call on 4 (10 min after, 5 min
 * long), a missed one on 5 called back an hour later (120 min after creation, 1 min), out on 6 (20 min, 30 s).
 * Payments: 100 000 of 100 000 (deal 1), 25 000 of 50 000 (2), 30 000 of 30 000 (4).
 */
function fixture(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'html-managers-'));
  const deals = [
    'id,manager,created_at,closed_at,status,amount,client,loss_reason',
    '1,Иванов Иван,2025-01-10 09:00,2025-01-20 09:00,won,100000,Клиент А,',
    '2,Иванов Иван,2025-01-12 09:00,2025-01-25 09:00,won,50000,Клиент А,',
    '3,Иванов Иван,2025-01-14 09:00,2025-01-16 09:00,lost,,Клиент Б,Дорого',
    '4,Петрова Анна,2025-01-11 09:00,2025-01-31 09:00,won,30000,Клиент В,',
    '5,Петрова Анна,2025-01-13 09:00,,open,,Клиент Г,',
    '6,Петрова Анна,2025-01-15 09:00,2025-01-17 09:00,lost,,Клиент Д,Нет бюджета',
  ];
  const calls = [
    'Дата;Сотрудник;Направление;Статус;Длительность;ID сделки',
    '10.01.2025 09:30;Иванов Иван;Исходящий;Отвечен;120;1',
    '12.01.2025 10:00;Иванов Иван;Исходящий;Отвечен;60;2',
    '11.01.2025 09:10;Петрова Анна;Входящий;Отвечен;300;4',
    '13.01.2025 10:00;Петрова Анна;Входящий;Пропущен;0;5',
    '13.01.2025 11:00;Петрова Анна;Исходящий;Отвечен;60;5',
    '15.01.2025 09:20;Петрова Анна;Исходящий;Отвечен;30;6',
  ];
  writeFileSync(path.join(dir, 'deals.csv'), `${deals.join('\n')}\n`);
  writeFileSync(path.join(dir, 'calls.csv'), `${calls.join('\n')}\n`);
  writeFileSync(path.join(dir, 'payments.csv'), 'ID сделки;Сумма счета;Оплачено\n1;100000;100000\n2;50000;25000\n4;30000;30000\n');
  // The same deals with a currency column: deal 4 in dollars.
  const currencies = ['currency', 'RUB', 'RUB', 'RUB', 'USD', 'RUB', 'RUB'];
  writeFileSync(path.join(dir, 'deals-currencies.csv'), `${deals.map((row, i) => `${row},${currencies[i]}`).join('\n')}\n`);
  return dir;
}

/** The part of the page one section holds. */
const sectionOf = (html: string, id: string) => {
  const from = html.indexOf(`data-section="${id}"`);
  return from < 0 ? '' : html.slice(from, html.indexOf('</section>', from));
};

/** Runs kpi on the fixture's absolute paths, as a consultant pastes them, into an HTML file. */
function kpiHtml(dir: string, args: string[], lang = 'ru'): string {
  const out = path.join(dir, `kpi-${lang}.html`);
  const run = runCli(['kpi', ...args.map((a) => (a.endsWith('.csv') ? path.join(dir, a) : a)), '--now', '2025-02-01', '--lang', lang, '-o', out]);
  expect(run.code, run.stderr).toBe(0);
  return readFileSync(out, 'utf8');
}

describe('the HTML report holds every metric per manager (kpi -o report.html)', () => {
  const dir = fixture();
  const html = kpiHtml(dir, ['-d', 'deals.csv', '-a', 'calls.csv', '-p', 'payments.csv', '--metrics', 'conversion,revenue']);

  // A tester: «JSON, CSV, XLSX и HTML содержат все показатели» said stderr, and the HTML had no manager's revenue.
  it('a table per metric group (split where wider than the page), a row per manager and the department\'s, every value as counted by hand', () => {
    const part = sectionOf(html, 'manager-kpis');
    expect([...part.matchAll(/<h3>([^<]+)<\/h3>/g)].map((m) => m[1])).toEqual(['Воронка', 'Деньги и скорость', 'Касания и реакция', 'Звонки и активность', 'Письма, встречи, сообщения', 'Счета и оплаты']);
    const tables = htmlStructure(part).tables;
    expect(tables).toEqual([
      [
        ['Менеджер', 'Лиды', 'Выиграно', 'Проиграно', 'В работе', 'Конверсия', 'Доля побед'],
        ['Иванов Иван', '3', '2', '1', '0', '66,7%', '66,7%'],
        ['Петрова Анна', '3', '1', '1', '1', '33,3%', '50,0%'],
        ['Отдел', '6', '3', '2', '1', '50,0%', '60,0%'],
      ],
      [
        ['Менеджер', 'Выручка', 'Средний чек', 'Цикл, дн. (сред.)', 'Цикл, дн. (медиана)', 'Повторные продажи', 'Доля повторных'],
        ['Иванов Иван', '150 000', '75 000', '11,5', '11,5', '1', '50,0%'],
        ['Петрова Анна', '30 000', '30 000', '20,0', '20,0', '0', '0,0%'],
        ['Отдел', '180 000', '60 000', '14,3', '13,0', '1', '33,3%'],
      ],
      [
        ['Менеджер', 'Касаний на продажу', 'Продаж ниже нормы касаний', 'Реакция, мин (медиана)', 'Реакция, мин (сред.)', 'Без ответа'],
        ['Иванов Иван', '1,00', '2', '45,0', '45,0', '1'],
        ['Петрова Анна', '1,00', '1', '20,0', '50,0', '0'],
        ['Отдел', '1,00', '3', '30,0', '48,0', '1'],
      ],
      // Seven columns are wider than the A4 page: two tables, the managers in each.
      [
        ['Менеджер', 'Исходящие', 'Входящие', 'Пропущенные', 'Доля пропущенных'],
        ['Иванов Иван', '2', '0', '0', '—'],
        ['Петрова Анна', '2', '2', '1', '50,0%'],
        ['Отдел', '4', '2', '1', '50,0%'],
      ],
      [
        ['Менеджер', 'Перезвонили', 'Разговоры, мин', 'Активностей в день'],
        ['Иванов Иван', '—', '3,0', '1,00'],
        ['Петрова Анна', '100,0%', '6,5', '1,33'],
        ['Отдел', '100,0%', '9,5', '1,20'],
      ],
      [
        ['Менеджер', 'Выставлено', 'Оплачено', 'Доля оплаты'],
        ['Иванов Иван', '150 000', '125 000', '83,3%'],
        ['Петрова Анна', '30 000', '30 000', '100,0%'],
        ['Отдел', '180 000', '155 000', '86,1%'],
      ],
    ]);
    // A group none of whose metrics is computed: its reason, as the other formats give it.
    expect(part).toContain('<p class="note not-computed">Не рассчитано: Письма, Встречи, Сообщения — нужна колонка типа активности (журнал без неё — только звонки)</p>');
    expect(part).toContain('<tr class="total"><td>Отдел</td>');
  });

  it('kpi has no targets: its headline table has no target columns', () => {
    const headline = htmlStructure(sectionOf(html, 'cover')).tables[0]!;
    expect(headline[0]).toEqual(['Показатель', 'Значение']);
    expect(headline.find((r) => r[0] === 'Выручка')).toEqual(['Выручка', '180 000']);
  });

  it('names the files by their base names, never the consultant\'s folders', () => {
    expect(html).not.toContain(dir);
    const files = htmlStructure(sectionOf(html, 'data-quality')).tables[0]!.slice(1).map((r) => r[0]);
    expect(files).toEqual(['deals.csv', 'calls.csv', 'payments.csv']);
  });

  it('in English: English headers and numbers', () => {
    const en = htmlStructure(sectionOf(kpiHtml(dir, ['-d', 'deals.csv', '-a', 'calls.csv', '-p', 'payments.csv'], 'en'), 'manager-kpis')).tables;
    expect(en[1]![0]).toEqual(['Manager', 'Revenue', 'Average deal size', 'Cycle, days (mean)', 'Cycle, days (median)', 'Repeat won', 'Repeat share']);
    expect(en[1]![3]).toEqual(['Department', '180,000', '60,000', '14.3', '13.0', '1', '33.3%']);
  });

  // A tester: a Salesforce export's revenue summed four currencies on the cover, its warning pages later.
  it('marks the money summed across currencies on the cover and in the managers\' table, with the caveat beside them', () => {
    const mixed = kpiHtml(dir, ['-d', 'deals-currencies.csv']);
    const cover = sectionOf(mixed, 'cover');
    const headline = htmlStructure(cover).tables[0]!;
    expect(headline.find((r) => r[0] === 'Выручка')).toEqual(['Выручка', '180 000\u00a0*']);
    expect(headline.find((r) => r[0] === 'Средний чек')![1]).toBe('60 000\u00a0*');
    expect(headline.find((r) => r[0] === 'Конверсия')![1]).toBe('50,0%');
    const caveat = '<p class="caveat">* Суммы сделок — в разных валютах (RUB — 2, USD — 1) и сложены как есть, без пересчёта: отмеченные цифры — не сумма в одной валюте. Подробнее — в разделе «Качество данных».</p>';
    expect(cover).toContain(caveat);
    const money = sectionOf(mixed, 'manager-kpis');
    expect(htmlStructure(money).tables[1]![0]!.slice(1, 3)).toEqual(['Выручка\u00a0*', 'Средний чек\u00a0*']);
    expect(money).toContain(caveat);
    // Without several currencies, no mark and no caveat.
    expect(html).not.toContain('class="caveat"');
  });
});
