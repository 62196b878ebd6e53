// A tester's Sipuni log: «Информация из CRM» was empty on every row (no CRM integration fills it), and
// each call was read as «a number the CRM does not know»: no call linked by its number, touches 0,
// no response on every deal, callbacks not applicable. A column blank on every row names no client: the
// call's client is its other side, as without the column; the per-row rule stays where the column is
// filled elsewhere, and the whole file decides, read in one pass or in parts.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { kpiBothWays } from '../helpers/both-ways.js';

const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-empty-client-'));
// amoCRM deals with the contact's phone: deal 1 won (03.03 10:00 – 05.03 18:00), deal 2 open (04.03 09:00).
writeFileSync(
  path.join(dir, 'deals.csv'),
  [
    'ID,Название сделки,Бюджет,Ответственный,Этап сделки,Дата создания,Дата закрытия,Компания,Рабочий телефон (контакт)',
    '1,Альфа,1000,Иванов Иван,Успешно реализовано,03.03.2025 10:00:00,05.03.2025 18:00:00,ООО Альфа,+7 (916) 100-00-01',
    '2,Бета,2000,Петрова Анна,Переговоры,04.03.2025 09:00:00,,ООО Бета,8 916 100-00-02',
  ].join('\n') + '\n',
);
const HEADER = 'Тип;Статус;Время;Откуда;Куда;Длительность разговора;Информация из CRM;Ответственный из CRM';
const calls = (crm4 = '') => [
  HEADER,
  // Deal 1: an outgoing call 30 min after it was created (its response), and another on the 4th (a touch).
  'Исходящий;Отвечен;03.03.2025 10:30:00;101;79161000001;60;;Иванов Иван',
  // Deal 2's client calls and is missed, and is called back 40 min later (the deal's response: 60 min).
  'Входящий;Не отвечен;04.03.2025 09:20:00;79161000002;74950000000;0;;Петрова Анна',
  'Исходящий;Отвечен;04.03.2025 10:00:00;102;+7 916 100-00-02;90;;Петрова Анна',
  `Исходящий;Отвечен;04.03.2025 12:00:00;101;79161000001;30;${crm4};Иванов Иван`,
  'Внутренний;Отвечен;04.03.2025 13:00:00;101;102;40;;',
];
const run = (file: string, lines: string[]) => {
  writeFileSync(path.join(dir, file), `${lines.join('\n')}\n`);
  return kpiBothWays(dir, ['-d', 'deals.csv', '-a', file]).result.total;
};

describe('a Sipuni log whose «Информация из CRM» is empty on every row', () => {
  it('links each call by its number: touches, responses and callbacks counted by hand', () => {
    const t = run('sipuni-empty-crm.csv', calls());
    // Deal 1 (the only won one): 2 touches. Responses: 30 and 60 min. The missed call was called back.
    expect(t.touches_per_won).toBe(2);
    expect(t.response_min_median).toBe(45);
    expect(t.no_response).toBe(0);
    expect(t.callback_rate).toBe(1);
  });

  it('keeps the blank cell a number the CRM does not know where another row fills the column', () => {
    // The 4th call names deal 1's company: the other calls' blank cells name no client (spec: empty means no client).
    const t = run('sipuni-one-crm.csv', calls('ООО Альфа'));
    expect(t.touches_per_won).toBe(1);
    // Deal 1's first response is that call, 26 hours after it was created; deal 2 has none.
    expect(t.response_min_median).toBe(1560);
    expect(t.no_response).toBe(1);
    expect(t.callback_rate).toBeNull();
  });
});

describe('the whole file decides, read in one pass or in two halves', () => {
  // 3000 calls (~300 KB: each half past the 64 KB the format is decided on) to 40 clients, two of them deals' clients.
  const big = (filledAt?: number) => [
    HEADER,
    ...Array.from({ length: 3000 }, (_, r) => {
      const client = r % 2 === 0 ? '79161000001' : `7916200${String(r % 40).padStart(4, '0')}`;
      return `Исходящий;Отвечен;${String(3 + (r % 2)).padStart(2, '0')}.03.2025 ${String(10 + (r % 8)).padStart(2, '0')}:30:00;101;${client};60;${r === filledAt ? 'ООО Альфа' : ''};Иванов Иван`;
    }),
  ];

  it.each([
    ['after the first look, in the first half', 100],
    ['in the second half', 2900],
  ])('filled on one row %s: every other call has no client, both ways alike', (_, at) => {
    writeFileSync(path.join(dir, `big-${at}.csv`), `${big(at).join('\n')}\n`);
    const { result } = kpiBothWays(dir, ['-d', 'deals.csv', '-a', `big-${at}.csv`], [`big-${at}.csv`]);
    // Only the call that names deal 1's company is its touch; deal 2 was never called.
    expect(result.total.touches_per_won).toBe(1);
    expect(result.total.no_response).toBe(1);
  });

  it('blank on every row: the split read links by number as one pass does', () => {
    writeFileSync(path.join(dir, 'big.csv'), `${big().join('\n')}\n`);
    const { result } = kpiBothWays(dir, ['-d', 'deals.csv', '-a', 'big.csv'], ['big.csv']);
    // Every other call is deal 1's client's number, up to deal 1's close on the 5th: 1500 touches.
    expect(result.total.touches_per_won).toBe(1500);
  });
});
