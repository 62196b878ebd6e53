// npm run samples: regenerates samples/ from a fixed seed. The files imitate real exports: an amoCRM
// deals CSV (BOM, comma, "Бюджет " with its trailing space, two "Причина отказа" columns), a
// Bitrix24 call log saved as HTML ".xls" (<span> in cells, "N мин, M сек", "Контакт: Имя"),
// a payments CSV from an accounting system (semicolons), and a before/after pair split at the
// go-live date 2025-01-01.
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { generateSales } from '../dist/core/generate.js';
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
writeFileSync(path.join(out, 'targets.yaml'), '# Relative targets for `crm-audit compare --targets` (seed 002: conversion +20%, response -30% within a year).\ntargets:\n  conversion: +20%\n  response_min_median: -30%\n  missed_share: -25%\n  revenue_per_month: +15%\n');
console.error(`samples: ${deals.length} deals, ${activities.length} activities, ${payments.length} payments -> ${out}`);
