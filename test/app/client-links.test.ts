// A deal's client goes by several keys: the company, its contact, the contact's phone numbers. A
// telephony log names only the number, a Bitrix24 call log the contact: both link to the deal by
// client and time (src/io/map/deal-reader.ts otherClientKeys, DealStore.addLinks).
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';

const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-client-links-'));

beforeAll(() => {
  writeFileSync(
    path.join(dir, 'deals.csv'),
    [
      'ID,Название сделки,Бюджет ,Ответственный,Дата создания сделки,Этап сделки,Воронка,Полное имя контакта,Компания,Рабочий телефон,Мобильный телефон,Дата закрытия',
      '1,Сделка 1,10000,Иванов Иван,01.03.2025 10:00:00,Успешно реализовано,Продажи,Пётр Сидоров,ООО Альфа,+7 (495) 123-45-67,"8 916 111-22-33, +7 916 111-22-44",05.03.2025 12:00:00',
      '2,Сделка 2,20000,Петров Пётр,02.03.2025 10:00:00,Переговоры,Продажи,Анна Белова,,,8 916 555-44-33,не закрыта',
    ].join('\n') + '\n',
  );
  // Mango-like: the client is the number only.
  writeFileSync(
    path.join(dir, 'mango.csv'),
    [
      'Дата;Сотрудник;Направление;Статус;Длительность;Номер клиента',
      '01.03.2025 11:00;Иванов Иван;Исходящий;Отвечен;120;74951234567',
      '03.03.2025 09:00;Иванов Иван;Входящий;Отвечен;60;79161112244',
      '02.03.2025 12:30;Петров Пётр;Входящий;Отвечен;60;79165554433',
      // After deal 1 closed: no touch of it.
      '06.03.2025 09:00;Иванов Иван;Исходящий;Отвечен;60;+7 495 123-45-67',
    ].join('\n') + '\n',
  );
  // Bitrix24-like: the contact of the company's deal.
  writeFileSync(path.join(dir, 'contacts.csv'), ['Дата;Сотрудник;Направление;Статус;Длительность;Клиент', '01.03.2025 10:30;Иванов Иван;Исходящий;Отвечен;120;Пётр Сидоров', '02.03.2025 11:00;Петров Пётр;Исходящий;Отвечен;60;Анна Белова'].join('\n') + '\n');
});

function total(calls: string, env: Record<string, string> = {}) {
  const r = runCli(['kpi', '-d', 'deals.csv', '-a', calls, '--now', '2025-06-30', '--format', 'json'], { cwd: dir, env });
  expect(r.code, r.stderr).toBe(0);
  return { result: JSON.parse(r.stdout), stderr: r.stderr };
}

describe('calls link to deals through the client\'s other keys', () => {
  it('a call log of numbers links by the phone columns of the deals (any of several in a cell, 8 and +7 alike)', () => {
    const { result, stderr } = total('mango.csv');
    expect(stderr).not.toMatch(/link/i);
    // Deal 1: two calls by 5 March 12:00 (11:00 on 1 March is its response, 60 min); deal 2: 150 min.
    expect(result.total).toMatchObject({ touches_per_won: 2, response_min_median: 105, no_response: 0 });
    const [ivanov, petrov] = result.managers;
    expect(ivanov).toMatchObject({ manager: 'Иванов Иван', response_min_median: 60, touches_per_won: 2 });
    expect(petrov).toMatchObject({ manager: 'Петров Пётр', response_min_median: 150 });
  });

  it("a call log of contacts links to a company's deal by its contact", () => {
    const { result } = total('contacts.csv');
    expect(result.total).toMatchObject({ touches_per_won: 1, response_min_median: 45, no_response: 0 });
  });

  it('reads such a deals file in one pass, with the numbers of one pass, where a file without them is read in two halves', () => {
    // 2,000 deals, each with its own phone; the same file without the phone column is the control.
    const rows = Array.from({ length: 2000 }, (_, i) => `${i + 1},Иванов Иван,01.03.2025 10:00:00,Переговоры,ООО ${i},+7 916 ${1000000 + i}`);
    writeFileSync(path.join(dir, 'many.csv'), ['ID,Ответственный,Дата создания сделки,Этап сделки,Компания,Рабочий телефон', ...rows].join('\n') + '\n');
    writeFileSync(path.join(dir, 'many-plain.csv'), ['ID,Ответственный,Дата создания сделки,Этап сделки,Компания', ...rows.map((r) => r.slice(0, r.lastIndexOf(',')))].join('\n') + '\n');
    writeFileSync(path.join(dir, 'many-calls.csv'), ['Дата;Сотрудник;Направление;Статус;Длительность;Номер клиента', '02.03.2025 10:00;Иванов Иван;Исходящий;Отвечен;60;79161001999'].join('\n') + '\n');
    const run = (deals: string, env: Record<string, string>) => runCli(['kpi', '-d', deals, '-a', 'many-calls.csv', '--now', '2025-06-30', '--format', 'json'], { cwd: dir, env });
    const SPLIT = { CRM_AUDIT_SPLIT_BYTES: '1', CRM_AUDIT_SPLIT_TRACE: '1' };
    expect(run('many-plain.csv', SPLIT).stderr).toMatch(/two halves: many-plain\.csv/);
    const split = run('many.csv', SPLIT);
    expect(split.code, split.stderr).toBe(0);
    expect(split.stderr).not.toMatch(/two halves: many\.csv/);
    const whole = run('many.csv', { CRM_AUDIT_SPLIT_BYTES: '0' });
    expect(split.stdout).toBe(whole.stdout);
    // The call links by the 2,000th deal's phone: one response, of a day.
    expect(JSON.parse(split.stdout).total).toMatchObject({ response_min_median: 1440, no_response: 1999 });
  });
});

describe('the client\'s other keys come after the deals\' own clients', () => {
  it('a call on a contact goes to the deal whose client the contact is, not to a later company deal that lists the contact', () => {
    writeFileSync(
      path.join(dir, 'prio-deals.csv'),
      ['ID,Ответственный,Дата создания сделки,Этап сделки,Компания,Полное имя контакта', '1,Иванов Иван,01.03.2025 10:00:00,Переговоры,,Анна Белова', '2,Петров Пётр,02.03.2025 10:00:00,Переговоры,ООО Бета,Анна Белова'].join('\n') + '\n',
    );
    writeFileSync(path.join(dir, 'prio-calls.csv'), ['Дата;Сотрудник;Направление;Статус;Длительность;Клиент', '03.03.2025 10:00;Иванов Иван;Исходящий;Отвечен;60;Анна Белова'].join('\n') + '\n');
    const r = runCli(['kpi', '-d', 'prio-deals.csv', '-a', 'prio-calls.csv', '--now', '2025-06-30', '--format', 'json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    const [ivanov, petrov] = JSON.parse(r.stdout).managers;
    // Deal 1 (created 01.03 10:00) is Анна Белова's own: answered two days later.
    expect(ivanov).toMatchObject({ response_min_median: 2880, no_response: 0 });
    expect(petrov).toMatchObject({ response_min_median: null, no_response: 1 });
  });

  it('a number two companies\' deals list (a switchboard) links a call to neither', () => {
    writeFileSync(
      path.join(dir, 'shared-deals.csv'),
      ['ID,Ответственный,Дата создания сделки,Этап сделки,Компания,Рабочий телефон', '1,Иванов Иван,01.03.2025 10:00:00,Переговоры,ООО Альфа,+7 495 000-00-00', '2,Петров Пётр,02.03.2025 10:00:00,Переговоры,ООО Бета,+7 495 000-00-00'].join('\n') + '\n',
    );
    writeFileSync(path.join(dir, 'shared-calls.csv'), ['Дата;Сотрудник;Направление;Статус;Длительность;Номер клиента', '03.03.2025 10:00;Иванов Иван;Исходящий;Отвечен;60;74950000000'].join('\n') + '\n');
    const r = runCli(['kpi', '-d', 'shared-deals.csv', '-a', 'shared-calls.csv', '--now', '2025-06-30', '--format', 'json'], { cwd: dir });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).total).toMatchObject({ response_min_median: null, no_response: 2 });
  });
});

