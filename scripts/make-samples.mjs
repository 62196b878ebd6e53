// npm run samples: regenerates samples/ from a fixed seed. The files imitate real exports: an amoCRM
// deals CSV (BOM, comma, "Бюджет " with its trailing space, two "Причина отказа" columns), a
// Bitrix24 call log saved as HTML ".xls" (<span> in cells, "N мин, M сек", "Контакт: Имя"),
// a payments CSV from an accounting system (semicolons), a before/after pair split at the
// go-live date 2025-01-01, and the two tables people keep beside the CRM: a marketer's spend by
// month and source (a Russian Excel's CSV: Windows-1251, semicolons) and a sales plan per manager.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSales, rng } from '../dist/core/generate.js';
import { csvField, ruDateTime } from '../dist/io/write-exports.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const out = path.join(root, 'samples');
const CUTOVER = Date.UTC(2025, 0, 1);
const deals = [];
const activities = [];
const payments = [];
generateSales(
  { seed: 2025, deals: 1200, activities: 9000, start: Date.UTC(2024, 6, 1), end: Date.UTC(2025, 5, 30, 23, 59, 59), cutover: CUTOVER },
  { deal: (d) => deals.push(d), activity: (a) => activities.push(a), payment: (p) => payments.push(p) },
);

const STAGE = { won: 'Успешно реализовано', lost: 'Закрыто и не реализовано' };
const OPEN_STAGES = ['Первичный контакт', 'Переговоры', 'Принимают решение', 'Согласование договора'];
const amoHeader = ['ID', 'Название сделки', 'Бюджет ', 'Ответственный', 'Этап сделки', 'Воронка', 'Дата создания', 'Дата закрытия', 'Компания', 'Основной контакт', 'Источник', 'Причина отказа', 'Причина отказа', 'Примечание'];
function amoCsv(list) {
  const rows = list.map((d, i) => {
    const reasonFirst = d.status === 'lost' && i % 3 !== 0 ? d.loss_reason : '';
    const reasonSecond = d.status === 'lost' && i % 3 === 0 ? d.loss_reason : '';
    const stage = d.status === 'open' ? OPEN_STAGES[i % OPEN_STAGES.length] : STAGE[d.status];
    const amount = d.amount === null ? '' : d.amount.toLocaleString('ru-RU').replace(/\u00a0/g, ' ');
    const note = i % 17 === 0 ? 'Перезвонить после обеда,\n"уточнить объём"' : '';
    return [d.id, d.name, amount, d.manager, stage, d.pipeline, ruDateTime(d.created_at), d.closed_at === null ? 'не закрыта' : ruDateTime(d.closed_at), i % 4 === 0 ? '' : d.client, i % 4 === 0 ? d.client : 'Контактное лицо', d.source, reasonFirst, reasonSecond, note];
  });
  return `\uFEFF${[amoHeader, ...rows].map((r) => r.map((c) => csvField(String(c))).join(',')).join('\r\n')}\r\n`;
}

const BX_TYPE = { out: 'исходящий', in: 'входящий' };
function bitrixCallLog(list) {
  const calls = list.filter((a) => a.kind === 'call');
  const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
  const rows = calls.map((a, i) => {
    const type = a.direction === 'in' ? (i % 9 === 0 ? 'входящий с перенаправлением' : BX_TYPE.in) : i % 11 === 0 ? 'обратный' : BX_TYPE.out;
    const status = a.missed ? 'Пропущенный звонок' : a.duration_s === 0 ? 'Занято' : 'Успешный звонок';
    const dur = a.duration_s ?? 0;
    const crm = a.client ? `${i % 5 === 0 ? 'Компания' : 'Контакт'}: ${a.client}` : '';
    return `<tr><td><span class="crm-user" title="${esc(a.manager)}">${esc(a.manager)}</span></td><td>+7 999 ${String(1000000 + (i * 7919) % 9000000).slice(0, 7)}</td><td>${type}</td><td>${Math.floor(dur / 60)} мин, ${dur % 60} сек</td><td>${ruDateTime(a.at)}</td><td>${status}</td><td>${esc(crm)}</td></tr>`;
  });
  return `\uFEFF<html><head><meta http-equiv="Content-type" content="text/html;charset=UTF-8" /></head><body><table border="1"><tr><th>Сотрудник</th><th>Номер телефона</th><th>Тип звонка</th><th>Время звонка</th><th>Дата вызова</th><th>Статус</th><th>CRM</th></tr>\n${rows.join('\n')}\n</table></body></html>\n`;
}

function paymentsCsv(list) {
  const header = ['ID сделки', 'Ответственный', 'Сумма счета', 'Оплачено', 'Дата счета', 'Дата оплаты'];
  const money = (n) => n.toFixed(2).replace('.', ',');
  const rows = list.map((p) => [p.deal_id, p.manager, money(p.invoiced), money(p.paid), ruDateTime(p.invoiced_at).slice(0, 10), p.paid > 0 ? ruDateTime(p.paid_at).slice(0, 10) : '']);
  return `${[header, ...rows].map((r) => r.map((c) => csvField(String(c), ';')).join(';')).join('\r\n')}\r\n`;
}

const MONTHS = Array.from({ length: 12 }, (_, i) => Date.UTC(2024, 6 + i, 1));
const monthKey = (t) => new Date(t).toISOString().slice(0, 7);
const RU_MONTHS = ['Январь', 'Февраль', 'Март', 'Апрель', 'Май', 'Июнь', 'Июль', 'Август', 'Сентябрь', 'Октябрь', 'Ноябрь', 'Декабрь'];
/** Money as a Russian Excel shows it: non-breaking spaces between thousands, a decimal comma. */
const rub = (n) => n.toLocaleString('ru-RU', { minimumFractionDigits: 2, maximumFractionDigits: 2 }).replace(/[\u00a0\u202f ]/g, '\u00a0');

/**
 * Marketing spend by month and source, as a marketer keeps it: context ads every month with kopecks
 * (the ad account's figures), SEO and the site, call tracking and directory listings for the phone number, two trade shows
 * (September and March) with stand materials between them, referral bonuses of 10 000 per won
 * referral deal closed that month, and a radio campaign in Q4 2024, a source no deal names (the
 * unmatched-spend warning). Amounts differ per source, so CAC and ROMI do; a totals row ends it.
 */
function spendRows(list) {
  const r = rng(17);
  const referralsWon = new Map();
  for (const d of list) if (d.source === 'Рекомендация' && d.status === 'won' && d.closed_at !== null) referralsWon.set(monthKey(d.closed_at), (referralsWon.get(monthKey(d.closed_at)) ?? 0) + 1);
  const rows = [];
  for (const t of MONTHS) {
    const month = monthKey(t);
    const shows = { '2024-09': 850_000, '2025-03': 940_000 };
    const amounts = [
      ['Реклама', Math.round(200_000 * (0.85 + 0.3 * r()) * 100) / 100],
      ['Сайт', 60_000 + Math.round((15_000 + 20_000 * r()) / 1000) * 1000],
      ['Звонок', 80_000 + Math.round((15_000 * r()) / 500) * 500],
      ['Выставка', shows[month] ?? 20_000],
      ['Рекомендация', 10_000 * (referralsWon.get(month) ?? 0)],
      ...(month >= '2024-10' && month <= '2024-12' ? [['Радио', 150_000]] : []),
    ];
    const d = new Date(t);
    for (const [source, amount] of amounts) rows.push([`${RU_MONTHS[d.getUTCMonth()]} ${d.getUTCFullYear()}`, source, amount]);
  }
  return rows;
}

function spendCsv(rows) {
  const total = rows.reduce((n, [, , a]) => n + Math.round(a * 100), 0) / 100;
  const lines = [['Месяц', 'Источник', 'Расход, руб.'], ...rows.map(([m, s, a]) => [m, s, rub(a)]), ['Итого', '', rub(total)]];
  return lines.map((l) => l.map(excelField).join(';')).join('\r\n') + '\r\n';
}

/** A field as Excel writes it in a semicolon CSV: quoted only when it holds `;`, a quote or a line break (a decimal comma is not). */
const excelField = (v) => (/[;"\r\n]/.test(String(v)) ? `"${String(v).replace(/"/g, '""')}"` : String(v));

/** Windows-1251, as a Russian Excel saves "CSV (разделители — точка с запятой)": every character of the text must have a byte. */
function cp1251(text) {
  const decoder = new TextDecoder('windows-1251');
  const bytes = new Map();
  for (let b = 0x80; b < 0x100; b++) bytes.set(decoder.decode(Uint8Array.of(b)), b);
  return Buffer.from([...text].map((ch) => {
    const code = ch.charCodeAt(0);
    if (code < 0x80) return code;
    if (!bytes.has(ch)) throw new Error(`cp1251: cannot encode ${ch}`);
    return bytes.get(ch);
  }));
}

/**
 * A sales head's plan for January to June 2025, per manager: each one's monthly average of the second
 * half of 2024 (before the go-live) raised by 5% for leads and 25% for won deals and revenue, then 3%
 * more each month; won deals at least 2, revenue rounded to 50 000.
 */
function planCsv(list) {
  const before = new Map();
  for (const d of list) {
    if (d.created_at >= CUTOVER) continue;
    const m = before.get(d.manager) ?? { leads: 0, won: 0, revenue: 0 };
    m.leads++;
    if (d.status === 'won') {
      m.won++;
      m.revenue += d.amount ?? 0;
    }
    before.set(d.manager, m);
  }
  const rows = [['Менеджер', 'Месяц', 'Лиды', 'Продажи', 'Выручка, ₽']];
  for (const manager of [...before.keys()].sort((a, b) => a.localeCompare(b, 'ru'))) {
    const m = before.get(manager);
    for (let i = 0; i < 6; i++) {
      const ramp = 1 + 0.03 * i;
      const revenue = Math.round(((m.revenue / 6) * 1.25 * ramp) / 50_000) * 50_000;
      rows.push([manager, `0${i + 1}.2025`, Math.round((m.leads / 6) * 1.05 * ramp), Math.max(2, Math.round((m.won / 6) * 1.25 * ramp)), revenue.toLocaleString('ru-RU').replace(/[\u00a0\u202f]/g, ' ')]);
    }
  }
  return `\uFEFF${rows.map((r) => r.map(excelField).join(';')).join('\r\n')}\r\n`;
}

mkdirSync(path.join(out, 'before-after'), { recursive: true });
// The call log is linked to deals by client ("Контакт: Имя"), as Bitrix24 logs carry no deal id.
const withoutDealIds = activities.map((a) => ({ ...a, deal_id: '' }));
writeFileSync(path.join(out, 'amocrm-deals.csv'), amoCsv(deals));
writeFileSync(path.join(out, 'bitrix24-calls.xls'), bitrixCallLog(withoutDealIds));
writeFileSync(path.join(out, 'payments.csv'), paymentsCsv(payments));
const before = (t) => t < CUTOVER;
writeFileSync(path.join(out, 'before-after', 'before-deals.csv'), amoCsv(deals.filter((d) => before(d.created_at))));
writeFileSync(path.join(out, 'before-after', 'after-deals.csv'), amoCsv(deals.filter((d) => !before(d.created_at))));
writeFileSync(path.join(out, 'before-after', 'before-calls.xls'), bitrixCallLog(withoutDealIds.filter((a) => before(a.at))));
writeFileSync(path.join(out, 'before-after', 'after-calls.xls'), bitrixCallLog(withoutDealIds.filter((a) => !before(a.at))));
writeFileSync(path.join(out, 'spend.csv'), cp1251(spendCsv(spendRows(deals))));
writeFileSync(path.join(out, 'plan.csv'), planCsv(deals));
writeFileSync(path.join(out, 'targets.yaml'), '# Relative targets for `crm-audit compare --targets` (seed 002: conversion +20%, response -30% within a year).\ntargets:\n  conversion: +20%\n  response_min_median: -30%\n  missed_share: -25%\n  revenue_per_month: +15%\n');
console.error(`samples: ${deals.length} deals, ${activities.length} activities, ${payments.length} payments -> ${out}`);
