// `managers:` in a --map file: the names a report shows for managers a file writes as CRM user ids
// (Salesforce's OwnerId) or as two spellings of one person, in deals, activities, payments and plans
// alike; and the loud warning, with a ready snippet, when managers are ids.
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { managerSpellings } from '../../src/core/kpi/alerts.js';
import { runCli } from '../helpers/cli.js';
import { latinWords } from '../helpers/latin-words.js';

const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-managers-'));
const F = '0058a00000MNWtFAAX';
const K = '0058a00000MNWtKAAX';
const E = '0058a00000MNWteAAH';

beforeAll(() => {
  // A Salesforce Data Loader extract (API names), with activities, payments and a plan by manager.
  writeFileSync(
    path.join(dir, 'deals.csv'),
    [
      'Id,OwnerId,Name,StageName,Amount,CloseDate,CreatedDate,IsWon,IsClosed',
      `006A,${F},A,Closed Won,1000,2025-01-20,2025-01-05T10:00:00.000Z,1,1`,
      `006B,${K},B,Closed Won,500,2025-01-25,2025-01-06T10:00:00.000Z,1,1`,
      `006C,${K},C,Closed Lost,0,2025-01-26,2025-01-07T10:00:00.000Z,0,1`,
      `006D,${E},D,Prospecting,700,2025-02-20,2025-01-08T10:00:00.000Z,0,0`,
    ].join('\n') + '\n',
  );
  writeFileSync(
    path.join(dir, 'activities.csv'),
    // In UTC as the deals are (a Data Loader extract of tasks): deals in UTC beside local times would be said (utc-deals).
    ['manager,at,kind,direction,missed,duration_s,deal_id,client', `${F},2025-01-05T11:00:00.000Z,call,out,false,60,006A,`, `${K},2025-01-06T12:00:00.000Z,call,out,false,30,006B,`, `${E},2025-01-08T12:00:00.000Z,email,out,false,,006D,`].join('\n') + '\n',
  );
  writeFileSync(path.join(dir, 'payments.csv'), `ID сделки;Ответственный;Сумма счета;Оплачено;Дата счета;Дата оплаты\n006A;;1000;1000;21.01.2025;22.01.2025\n;${K};300;200;23.01.2025;24.01.2025\n`);
  writeFileSync(path.join(dir, 'plan.csv'), `Менеджер;Месяц;Лиды;Продажи;Выручка\n${F};2025-01;2;1;1000\n${K};2025-01;2;1;1000\n${E};2025-01;1;0;0\n`);
  // Two ids are one person; keys and names are read as a manager cell is (spaces collapsed).
  writeFileSync(path.join(dir, 'map.yaml'), `managers:\n  "${F}": "Мария Алексеева"\n  " ${K} ": "Мария  Алексеева"\n  "${E}": "Игорь Белов"\n`);
});

const kpi = (args: string[], env: Record<string, string> = {}) => runCli(['kpi', '-d', 'deals.csv', '-a', 'activities.csv', '-p', 'payments.csv', '--plan', 'plan.csv', ...args], { cwd: dir, env });

describe('managers: in a --map file', () => {
  it('reports every kind of file under the names, two ids of one person as one manager (hand-checked)', () => {
    const r = kpi(['--map', 'map.yaml', '--format', 'json']);
    expect(r.code, r.stderr).toBe(0);
    const result = JSON.parse(r.stdout);
    const rows = result.managers.map((m: Record<string, unknown>) => [m.manager, m.leads, m.won, m.lost, m.revenue, m.calls_out, m.emails, m.invoiced, m.paid]);
    expect(rows).toEqual([
      ['Игорь Белов', 1, 0, 0, 0, 0, 1, 0, 0],
      ['Мария Алексеева', 3, 2, 1, 1500, 2, 0, 1300, 1200],
    ]);
    expect(result.plan.rows.map((p: { by: { manager: string }; leads: { plan: number; fact: number } }) => [p.by.manager, p.leads.plan, p.leads.fact])).toEqual([
      ['Игорь Белов', 1, 1],
      ['Мария Алексеева', 4, 3],
    ]);
    expect(result.dataQuality.alerts).toEqual([]);
    expect(r.stderr).toBe('');
  });

  it('without names, says loudly that the managers are user ids, with a snippet that, filled in, silences it', () => {
    const r = kpi(['--format', 'json'], { LANG: 'ru_RU.UTF-8' });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).dataQuality.alerts).toEqual([{ code: 'manager-ids', ids: [F, K, E] }]);
    expect(r.stderr).toMatch(/^Внимание: Менеджеры указаны кодами пользователей CRM или внутренними номерами АТС, а не именами/);
    const snippet = r.stderr.slice(r.stderr.indexOf('managers:'));
    const names = ['Анна', 'Борис', 'Вера'];
    let i = 0;
    writeFileSync(path.join(dir, 'filled.yaml'), snippet.replace(/Имя Фамилия/g, () => names[i++]!));
    const again = kpi(['--map', 'filled.yaml', '--format', 'json']);
    expect(again.code, again.stderr).toBe(0);
    expect(JSON.parse(again.stdout).managers.map((m: { manager: string }) => m.manager)).toEqual(names);
    expect(again.stderr).toBe('');
  });

  it('gives the same result when a large file is read in two halves by two threads', () => {
    // Over 128 KB, so that the first half decides the file's format before its end.
    const lines = [`Id,OwnerId,Name,StageName,Amount,CloseDate,CreatedDate,IsWon,IsClosed`];
    for (let i = 0; i < 1000; i++) {
      lines.push(`006A${i},${F},Сделка А,Closed Won,1000,2025-01-20,2025-01-05T10:00:00.000Z,1,1`, `006B${i},${K},Сделка Б,Closed Lost,0,2025-01-25,2025-01-06T10:00:00.000Z,0,1`, `006D${i},${E},Сделка Д,Prospecting,700,2025-02-20,2025-01-08T10:00:00.000Z,0,0`);
    }
    writeFileSync(path.join(dir, 'large.csv'), lines.join('\n') + '\n');
    const args = ['kpi', '-d', 'large.csv', '--map', 'map.yaml', '--format', 'json'];
    const one = runCli(args, { cwd: dir, env: { CRM_AUDIT_SPLIT_BYTES: '0' } });
    const two = runCli(args, { cwd: dir, env: { CRM_AUDIT_SPLIT_BYTES: '1', CRM_AUDIT_SPLIT_TRACE: '1' } });
    expect(two.code, two.stderr).toBe(0);
    expect(two.stderr).toMatch(/^read in two halves: large\.csv$/m);
    expect(two.stdout).toBe(one.stdout);
    const managers = JSON.parse(one.stdout).managers.map((m: Record<string, unknown>) => [m.manager, m.leads, m.won, m.lost, m.revenue]);
    expect(managers).toEqual([
      ['Игорь Белов', 1000, 0, 0, 0],
      ['Мария Алексеева', 2000, 1000, 1000, 1_000_000],
    ]);
  });

  it('refuses a name that is empty, naming the entry', () => {
    writeFileSync(path.join(dir, 'empty.yaml'), `managers:\n  "${F}": "  "\n`);
    const r = kpi(['--map', 'empty.yaml']);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain(`managers.${F}`);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});

// A tester: HubSpot writes an owner who left «Ben Ray (Deactivated User)» in the deals, the calls
// they made name «Ben Ray»: two managers (2 leads and no calls; no leads and 2 calls), no warning.
describe("HubSpot's «(Deactivated User)» after an owner's name", () => {
  it('is the same person: one manager with the deals and the calls', () => {
    const d = mkdtempSync(path.join(tmpdir(), 'crm-audit-deactivated-'));
    writeFileSync(path.join(d, 'deals.csv'), ['id,manager,client,created_at,closed_at,status,amount', '1,Ben Ray (Deactivated User),A,2025-01-05 10:00,2025-01-20,won,1000', '2,Ben Ray (Deactivated User),B,2025-01-06 10:00,,open,', '3,Ann Lee,C,2025-01-07 10:00,,open,'].join('\n') + '\n');
    writeFileSync(path.join(d, 'calls.csv'), ['manager,at,kind,direction,missed,duration_s,deal_id,client', 'Ben Ray,2025-01-05 11:00,call,out,false,60,1,A', 'Ben Ray,2025-01-06 12:00,call,out,false,30,2,B', 'Ann Lee,2025-01-07 12:00,call,out,false,30,3,C'].join('\n') + '\n');
    const run = runCli(['kpi', '-d', 'deals.csv', '-a', 'calls.csv', '--format', 'json', '--now', '2025-02-01'], { cwd: d });
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as { managers: Array<{ manager: string; leads: number; calls_out: number; response_min_median: number }> };
    expect(result.managers.map((m) => [m.manager, m.leads, m.calls_out, m.response_min_median])).toEqual([
      ['Ann Lee', 1, 1, 120],
      // Responses of 60 and 120 minutes.
      ['Ben Ray', 2, 2, 90],
    ]);
  });
});

// A tester: HubSpot writes an owner with the address after the name, «Alice Smith (alice.smith@acme.com)»,
// or by the address alone, «bob.jones@acme.com», where the calls name «Alice Smith» and «Bob Jones»: four
// managers, each person's deals and calls on different rows, without a word.
describe('an owner written with or as an e-mail address', () => {
  it('«Name (address)» and an address alone are said as spellings of the name, with the snippet that merges them', () => {
    const d = mkdtempSync(path.join(tmpdir(), 'crm-audit-email-owner-'));
    writeFileSync(path.join(d, 'deals.csv'), ['id,manager,client,created_at,closed_at,status,amount', '1,Alice Smith (alice.smith@acme.com),A,2025-01-05 10:00,2025-01-20,won,1000', '2,bob.jones@acme.com,B,2025-01-06 10:00,2025-01-21,won,2000', '3,bob.jones@acme.com,C,2025-01-07 10:00,,open,'].join('\n') + '\n');
    writeFileSync(path.join(d, 'calls.csv'), ['manager,at,kind,direction,missed,duration_s,deal_id,client', 'Alice Smith,2025-01-05 11:00,call,out,false,60,1,A', 'Bob Jones,2025-01-06 12:00,call,out,false,30,2,B'].join('\n') + '\n');
    const run = runCli(['kpi', '-d', 'deals.csv', '-a', 'calls.csv', '--format', 'json', '--lang', 'en', '--now', '2025-02-01'], { cwd: d });
    expect(run.code, run.stderr).toBe(0);
    const result = JSON.parse(run.stdout) as { managers: Array<{ manager: string; leads: number; calls_out: number }>; dataQuality: { alerts: unknown[] } };
    // Never merged by itself: two people of one name may differ only by their addresses (a reviewer).
    expect(result.managers.map((m) => [m.manager, m.leads, m.calls_out])).toEqual([
      ['Alice Smith', 0, 1],
      ['Alice Smith (alice.smith@acme.com)', 1, 0],
      ['Bob Jones', 0, 1],
      ['bob.jones@acme.com', 2, 0],
    ]);
    const spellings = result.dataQuality.alerts.find((a) => (a as { code: string }).code === 'manager-spellings') as { names: unknown[] };
    expect(spellings.names).toEqual(expect.arrayContaining([{ name: 'Alice Smith (alice.smith@acme.com)', as: 'Alice Smith', by: 'email' }, { name: 'bob.jones@acme.com', as: 'Bob Jones', by: 'email' }]));
    expect(run.stderr).toContain('"bob.jones@acme.com" and "Bob Jones" (an e-mail address and the name)');
    writeFileSync(path.join(d, 'map.yaml'), 'managers:\n  "bob.jones@acme.com": "Bob Jones"\n  "Alice Smith (alice.smith@acme.com)": "Alice Smith"\n');
    const merged = JSON.parse(runCli(['kpi', '-d', 'deals.csv', '-a', 'calls.csv', '--map', 'map.yaml', '--format', 'json', '--now', '2025-02-01'], { cwd: d }).stdout) as typeof result;
    expect(merged.managers.map((m) => [m.manager, m.leads, m.calls_out])).toEqual([
      ['Alice Smith', 1, 1],
      ['Bob Jones', 2, 1],
    ]);
    const ru = runCli(['kpi', '-d', 'deals.csv', '-a', 'calls.csv', '--lang', 'ru', '--now', '2025-02-01'], { cwd: d });
    expect(ru.stderr).toContain('«bob.jones@acme.com» и «Bob Jones» (адрес почты и имя)');
  });

  it('two addresses with other initials are two people; an initial fits the one full name', () => {
    const found = managerSpellings([{ manager: 'a.petrova@acme.ru' }, { manager: 'i.petrova@acme.ru' }]);
    expect(found).toEqual([]);
    expect(managerSpellings([{ manager: 'a.petrova@acme.ru' }, { manager: 'Anna Petrova', leads: 3 }])).toEqual([{ code: 'manager-spellings', names: [{ name: 'a.petrova@acme.ru', as: 'Anna Petrova', by: 'email' }] }]);
    // Two people of one name told apart by their addresses: said, never merged, and not called «an address and the name».
    expect(managerSpellings([{ manager: 'John Smith (john.smith@acme.com)', leads: 2 }, { manager: 'John Smith (jsmith@other.com)', leads: 1 }])).toEqual([{ code: 'manager-spellings', names: [{ name: 'John Smith (jsmith@other.com)', as: 'John Smith (john.smith@acme.com)' }] }]);
  });
});

// A tester: a UIS log (Mango's and many PBXs' too) names its employees as their directory keeps them,
// «Иванов Иван Сергеевич» with the patronymic and «Петрова А.» with initials, beside amoCRM deals of
// «Иванов Иван» and «Петрова Анна»: four managers, owners with no calls and phantoms with every call,
// and no word of it.
describe('a call log that adds the patronymic or writes initials', () => {
  const d = mkdtempSync(path.join(tmpdir(), 'crm-audit-patronymic-'));
  writeFileSync(
    path.join(d, 'deals.csv'),
    ['ID,Ответственный,Дата создания сделки,Дата закрытия,Этап сделки,Бюджет,Мобильный телефон', '1,Иванов Иван,01.04.2025 10:00:00,03.04.2025 18:00:00,Успешно реализовано,100000,79161111111', '2,Иванов Иван,01.04.2025 12:00:00,,Переговоры,,79162222222', '3,Петрова Анна,02.04.2025 09:00:00,04.04.2025 12:00:00,Закрыто и не реализовано,,79163333333'].join('\n') + '\n',
  );
  writeFileSync(
    path.join(d, 'calls.csv'),
    [
      'Дата;Время;Тип вызова;Статус вызова;Номер абонента;Оператор;Продолжительность разговора',
      '01.04.2025;10:05:00;Входящий;Успешный;79161111111;Иванов Иван Сергеевич;00:02:00',
      '01.04.2025;12:30:00;Исходящий;Успешный;79162222222;Иванов Иван Сергеевич;00:01:00',
      '02.04.2025;09:10:00;Входящий;Потерянный;79163333333;Петрова А.;00:00:00',
      '02.04.2025;10:00:00;Исходящий;Успешный;79163333333;Петрова А.;00:05:00',
    ].join('\n') + '\n',
  );
  const kpi = (args: string[]) => runCli(['kpi', '-d', 'deals.csv', '-a', 'calls.csv', '--now', '2025-05-01', '--format', 'json', ...args], { cwd: d, env: { LANG: 'ru_RU.UTF-8' } });
  const rows = (stdout: string) => (JSON.parse(stdout) as { managers: Array<Record<string, unknown>> }).managers.map((m) => [m.manager, m.leads, m.won, m.lost, m.calls_in, m.calls_out, m.calls_missed, m.talk_minutes]);

  it('says so in Russian, with a managers: section that, passed as --map, gives two managers with their deals and calls', () => {
    const r = kpi([]);
    expect(r.code, r.stderr).toBe(0);
    expect(rows(r.stdout).map((m) => m[0])).toEqual(['Иванов Иван', 'Иванов Иван Сергеевич', 'Петрова А.', 'Петрова Анна']);
    expect(JSON.parse(r.stdout).dataQuality.alerts).toContainEqual({
      code: 'manager-spellings',
      names: [
        { name: 'Иванов Иван Сергеевич', as: 'Иванов Иван', by: 'patronymic' },
        { name: 'Петрова А.', as: 'Петрова Анна', by: 'initials' },
      ],
    });
    expect(r.stderr).toContain('«Иванов Иван Сергеевич» и «Иванов Иван» (с отчеством и без), «Петрова А.» и «Петрова Анна» (инициалы и полное имя)');
    expect(latinWords(r.stderr)).toEqual([]);
    // The section as printed, pasted into a --map file.
    const lines = r.stderr.split('\n');
    const start = lines.indexOf('managers:');
    const section = [lines[start], ...lines.slice(start + 1).filter((_, i, all) => all.slice(0, i + 1).every((l) => l.startsWith('  ')))].join('\n');
    expect(section).toBe('managers:\n  "Иванов Иван Сергеевич": "Иванов Иван"\n  "Петрова А.": "Петрова Анна"');
    writeFileSync(path.join(d, 'map.yaml'), `${section}\n`);
    const again = kpi(['--map', 'map.yaml']);
    expect(again.code, again.stderr).toBe(0);
    expect(rows(again.stdout)).toEqual([
      ['Иванов Иван', 2, 1, 0, 1, 1, 0, 3],
      ['Петрова Анна', 1, 0, 1, 1, 1, 1, 5],
    ]);
    expect(JSON.parse(again.stdout).dataQuality.alerts).toEqual([]);
    expect(again.stderr).toBe('');
  });

  it('merges nothing where two full names could be the initials, and says which', () => {
    writeFileSync(path.join(d, 'deals2.csv'), readFileSync(path.join(d, 'deals.csv'), 'utf8') + '4,Петрова Алла,02.04.2025 15:00:00,,Переговоры,,79164444444\n');
    const r = runCli(['kpi', '-d', 'deals2.csv', '-a', 'calls.csv', '--now', '2025-05-01', '--format', 'json', '--lang', 'en'], { cwd: d });
    expect(r.code, r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).dataQuality.alerts).toContainEqual({ code: 'manager-unclear', names: [{ name: 'Петрова А.', could: ['Петрова Алла', 'Петрова Анна'] }] });
    expect(r.stderr).toContain('"Петрова А." could be "Петрова Алла" or "Петрова Анна"');
  });
});

// A tester: Sipuni names the employee who took an incoming call in «Кто ответил» («Анна (201)») and the
// caller of an outgoing one in «Откуда» by the line alone («201»): Анна had no outgoing call, a manager
// «201» had hers, and the warning said the numbers were right with «Имя Фамилия» to fill in.
describe('a PBX log that names an employee by name on one call and by the line on another', () => {
  it('says who the line is, that her calls are in two rows, and the snippet that joins them gives her both calls', () => {
    const own = mkdtempSync(path.join(tmpdir(), 'crm-audit-lines-'));
    writeFileSync(path.join(own, 'deals.csv'), 'ID;Ответственный;Дата создания;Этап сделки;Бюджет\n1;Анна;01.03.2025 09:00;Переговоры;\n');
    writeFileSync(
      path.join(own, 'sipuni.csv'),
      [
        'Тип;Статус;Время;Схема;Откуда;Куда;Кто ответил;Длительность звонка;Длительность разговора',
        'Входящий;Отвечен;01.03.2025 10:05:00;Основная;79161234567;74951112233;Анна (201);65;60',
        'Исходящий;Отвечен;01.03.2025 10:40:00;;201;79161234567;Анна (201);130;120',
      ].join('\n'),
    );
    const run = runCli(['kpi', '-d', 'deals.csv', '-a', 'sipuni.csv', '--format', 'json', '--lang', 'ru'], { cwd: own });
    expect(run.code, run.stderr).toBe(0);
    expect(JSON.parse(run.stdout).managers.map((m: { manager: string; calls_in: number; calls_out: number }) => [m.manager, m.calls_in, m.calls_out])).toEqual([['201', 0, 1], ['Анна', 1, 0]]);
    expect(run.stderr).toContain('«201» — это «Анна» (в файле: «Анна (201)»)');
    expect(run.stderr).not.toContain('Цифры верны');
    const snippet = run.stderr.slice(run.stderr.indexOf('managers:'), run.stderr.indexOf('"Анна"', run.stderr.indexOf('managers:')) + '"Анна"'.length);
    writeFileSync(path.join(own, 'map.yaml'), `${snippet}\n`);
    const joined = runCli(['kpi', '-d', 'deals.csv', '-a', 'sipuni.csv', '--map', 'map.yaml', '--format', 'json'], { cwd: own });
    expect(JSON.parse(joined.stdout).managers.map((m: { manager: string; calls_in: number; calls_out: number }) => [m.manager, m.calls_in, m.calls_out])).toEqual([['Анна', 1, 1]]);
  });
});

// A tester: «Сергеев Сергей» and «Cергеев Сергей» (a Latin C, U+0043) were two rows that look the same, without a word.
describe('two names that differ only by a Latin letter that looks Cyrillic', () => {
  it('are said with the letter and its place, in Russian and English; the snippet, passed as printed, joins them; never merged by themselves', () => {
    const own = mkdtempSync(path.join(tmpdir(), 'crm-audit-latin-'));
    writeFileSync(path.join(own, 'deals.csv'), ['ID;Ответственный;Дата создания;Этап сделки;Бюджет', '1;Сергеев Сергей;01.03.2025;Успешно реализовано;100', '2;Сергеев Сергей;02.03.2025;Переговоры;', '3;Cергеев Сергей;03.03.2025;Успешно реализовано;50'].join('\n'));
    const ru = runCli(['kpi', '-d', 'deals.csv', '--format', 'json'], { cwd: own, env: { LANG: 'ru_RU.UTF-8' } });
    expect(ru.code, ru.stderr).toBe(0);
    const result = JSON.parse(ru.stdout);
    expect(result.managers.map((m: { manager: string; leads: number }) => [m.manager, m.leads])).toEqual([['Cергеев Сергей', 1], ['Сергеев Сергей', 2]]);
    expect(result.dataQuality.alerts).toEqual([{ code: 'manager-spellings', names: [{ name: 'Cергеев Сергей', as: 'Сергеев Сергей', latin: [{ letter: 'C', at: 1 }] }] }]);
    expect(ru.stderr).toContain('«Cергеев Сергей» и «Сергеев Сергей» (в первом имени латинская «C» на месте похожей русской — 1-я буква)');
    expect(latinWords(ru.stderr)).toEqual([]);
    const en = runCli(['kpi', '-d', 'deals.csv', '--lang', 'en'], { cwd: own });
    expect(en.stderr).toContain('"Cергеев Сергей" and "Сергеев Сергей" (the first has a Latin "C" that looks Cyrillic, letter 1)');
    const snippet = ru.stderr.slice(ru.stderr.indexOf('managers:'));
    writeFileSync(path.join(own, 'map.yaml'), snippet);
    const joined = JSON.parse(runCli(['kpi', '-d', 'deals.csv', '--map', 'map.yaml', '--format', 'json'], { cwd: own }).stdout);
    expect(joined.managers.map((m: { manager: string; leads: number; won: number }) => [m.manager, m.leads, m.won])).toEqual([['Сергеев Сергей', 3, 2]]);
    expect(joined.dataQuality.alerts).toEqual([]);
  });
});
