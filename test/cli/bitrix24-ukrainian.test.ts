// Tester T70 (M5): Bitrix24's Ukrainian interface: the deals were read by the generic names, but the call
// log was refused (no «at»), and with the suggested map its «Компанія: Альфа» calls linked to no deal:
// touches 0, exit 0. The call log's headers are the Russian ones' Ukrainian words (not confirmed from a
// real file). Expectations are worked out by hand.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'b24-uk-'));

const DEALS = [
  '"ID";"Назва угоди";"Стадія угоди";"Відповідальний";"Сума";"Дата створення";"Угода закрита";"Передбачувана дата закриття";"Компанія";"Контакт"',
  '"1";"A";"Угода успішна";"Сидоренко Петро";"150000.00";"01.03.2025 10:00:00";"Так";"05.03.2025";"Альфа";""',
  '"2";"B";"Угода провалена";"Сидоренко Петро";"80000.00";"02.03.2025 10:00:00";"Так";"03.03.2025";"";"Іван"',
  '"3";"D";"Угода успішна";"Кузьменко Ольга";"20000.00";"05.03.2025 09:30:00";"Так";"06.03.2025";"Бета";""',
];
const CALLS = [
  '"Співробітник";"Номер телефону";"Тип дзвінка";"Тривалість дзвінка";"Дата виклику";"Статус";"CRM";"Вартість"',
  // Alpha's won deal: an outgoing call and a callback (2 touches); Beta's: one incoming call answered, one missed.
  '"Сидоренко Петро";"+380501112233";"вихідний";"2 хв, 30 сек";"01.03.2025 10:30:00";"Успішний дзвінок";"Компанія: Альфа";"1.20"',
  '"Сидоренко Петро";"+380501112233";"зворотний";"1 хв, 0 сек";"02.03.2025 11:00:00";"Успішний дзвінок";"Компанія: Альфа";"0.50"',
  '"Кузьменко Ольга";"+380671234567";"вхідний";"4 хв, 45 сек";"05.03.2025 10:00:00";"Успішний дзвінок";"Компанія: Бета";"0.00"',
  '"Кузьменко Ольга";"+380671234567";"вхідний";"0 хв, 0 сек";"05.03.2025 12:00:00";"Пропущений дзвінок";"Компанія: Бета";"0.00"',
];

describe('Bitrix24 in Ukrainian: deals and the call log', () => {
  it('the call log is read (its date, direction and «хв, сек» durations), and «Компанія: X» links to the company\'s deals', () => {
    writeFileSync(path.join(dir, 'deals.csv'), DEALS.join('\n'));
    writeFileSync(path.join(dir, 'calls.csv'), CALLS.join('\n'));
    const run = runCli(['kpi', '-d', 'deals.csv', '-a', 'calls.csv', '--format', 'json', '--lang', 'en', '--now', '2025-04-01'], { cwd: dir });
    expect(run.code, run.stderr).toBe(0);
    const r = JSON.parse(run.stdout) as { managers: Array<Record<string, unknown>> };
    const by = Object.fromEntries(r.managers.map((m) => [m.manager, m]));
    // Сидоренко: 2 calls out (the callback is one), 3.5 min talk; Alpha's won deal has both as touches.
    expect(by['Сидоренко Петро']).toMatchObject({ calls_out: 2, calls_in: 0, talk_minutes: 3.5, touches_per_won: 2 });
    // Кузьменко: 2 calls in, one missed; Beta's won deal: the answered call is its touch (a missed call is none).
    expect(by['Кузьменко Ольга']).toMatchObject({ calls_in: 2, calls_missed: 1, talk_minutes: 4.75, touches_per_won: 1 });
  });
});
