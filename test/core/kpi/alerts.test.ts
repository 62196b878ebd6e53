import { describe, expect, it } from 'vitest';
import { clientLinkAlerts, describeAlert, findAlerts, looksLikeUserId, managerSpellings, timedAtAlert, wonCoverageAlerts, wonValueAlerts, type Alert } from '../../../src/core/kpi/alerts.js';

const file = (rowsRead: number, skipped: number) => ({ file: 'deals.csv', kind: 'deals', format: 'text', rowsRead, records: rowsRead - skipped, skipped, dropped: {} });

describe('alerts: numbers that look wrong', () => {
  it('no deal won or lost among 5 or more is said loudly (a 9-deal Pipedrive file all Open said nothing); among 4 it can be a new pipeline', () => {
    expect(findAlerts({ leads: 20, won: 0, lost: 0 }, { files: [] })).toEqual([{ code: 'no-outcome', deals: 20 }]);
    expect(findAlerts({ leads: 9, won: 0, lost: 0 }, { files: [] })).toEqual([{ code: 'no-outcome', deals: 9 }]);
    expect(findAlerts({ leads: 5, won: 0, lost: 0 }, { files: [] })).toEqual([{ code: 'no-outcome', deals: 5 }]);
    expect(findAlerts({ leads: 4, won: 0, lost: 0 }, { files: [] })).toEqual([]);
    expect(findAlerts({ leads: 500, won: 0, lost: 1 }, { files: [] })).toEqual([]);
  });

  it('every deal won, or every one lost (none open), among 5 or more is an export filtered by stage; 4, or one open deal, say nothing', () => {
    expect(findAlerts({ leads: 238, won: 238, lost: 0, open: 0 }, { files: [] })).toEqual([{ code: 'one-outcome', outcome: 'won', deals: 238 }]);
    expect(findAlerts({ leads: 20, won: 0, lost: 20, open: 0 }, { files: [] })).toEqual([{ code: 'one-outcome', outcome: 'lost', deals: 20 }]);
    expect(findAlerts({ leads: 5, won: 5, lost: 0, open: 0 }, { files: [] })).toEqual([{ code: 'one-outcome', outcome: 'won', deals: 5 }]);
    expect(findAlerts({ leads: 4, won: 4, lost: 0, open: 0 }, { files: [] })).toEqual([]);
    // One open deal (or one of the other outcome) among them: a real period.
    expect(findAlerts({ leads: 21, won: 20, lost: 0, open: 1 }, { files: [] })).toEqual([]);
    expect(findAlerts({ leads: 21, won: 1, lost: 20, open: 0 }, { files: [] })).toEqual([]);
    const won = describeAlert({ code: 'one-outcome', outcome: 'won', deals: 1238 }, 'ru');
    expect(won).toMatch(/^Выиграны все сделки \(1 238\): ни одной проигранной и ни одной открытой, и конверсия и доля побед — 100%/);
    expect(won).toContain('«Успешно реализовано» в amoCRM, «Сделка успешна» в Bitrix24');
    expect(describeAlert({ code: 'one-outcome', outcome: 'lost', deals: 20 }, 'ru')).toMatch(/^Проиграны все сделки \(20\): ни одной выигранной .*«Сделка провалена» в Bitrix24/);
    expect(describeAlert({ code: 'one-outcome', outcome: 'won', deals: 1238 }, 'en')).toMatch(/^All 1,238 deals are won: none is lost or open, so conversion and win rate are 100% by construction.*filtered by stage/);
    expect(describeAlert({ code: 'one-outcome', outcome: 'lost', deals: 20 }, 'en')).toMatch(/^All 20 deals are lost: none is won or open, so conversion, win rate and revenue are zero/);
  });

  it('won deals none of which has an amount, and won deals none of which has a close date (the cycle is over won deals), are said; not where the column is absent (not applicable)', () => {
    const total = { leads: 40, won: 27, lost: 13, revenue: 0, average_check: null, cycle_days_avg: null };
    expect(findAlerts(total, { files: [] })).toEqual([
      { code: 'won-no-amount', won: 27 },
      { code: 'closed-no-date', won: 27 },
    ]);
    expect(findAlerts(total, { files: [] }, [], { revenue: 'needs an amount column', average_check: 'needs an amount column', cycle_days_avg: 'needs a close date column' })).toEqual([]);
    // One won deal with an amount: an average check, no alert; a cycle from one deal: none either.
    expect(findAlerts({ ...total, revenue: 500, average_check: 500, cycle_days_avg: 3 }, { files: [] })).toEqual([]);
    expect(describeAlert({ code: 'won-no-amount', won: 27 }, 'ru')).toMatch(/^Ни у одной из 27 выигранных сделок нет суммы: выручка 0/);
    expect(describeAlert({ code: 'won-no-amount', won: 1 }, 'en')).toMatch(/^None of the 1 won deal has an amount/);
    expect(describeAlert({ code: 'closed-no-date', won: 1 }, 'ru')).toMatch(/^У выигранной сделки дата закрытия не указана или раньше даты создания/);
    // Not a double negative (tester T62 C3): «нет даты закрытия не раньше даты создания».
    expect(describeAlert({ code: 'closed-no-date', won: 21 }, 'ru')).toMatch(/^У всех 21 выигранных сделок дата закрытия не указана или раньше даты создания: цикл сделки не посчитан/);
    // Nothing won: no cycle to compute, nothing to say (lost deals have no cycle).
    expect(findAlerts({ leads: 5, won: 0, lost: 3, revenue: 0, average_check: null, cycle_days_avg: null }, { files: [] })).toEqual([]);
  });

  it('more than 20% of a file unreadable is said, with the file; exactly 20% is not', () => {
    expect(findAlerts({ leads: 0, won: 0, lost: 0 }, { files: [file(100, 21)] })).toEqual([{ code: 'many-skipped', file: 'deals.csv', skipped: 21, rows: 100 }]);
    // Of the data rows: a grouped report's subtotal rows and its footer are none («3 of 12 rows» of 6 deals).
    const grouped = { ...file(12, 3), records: 3, dropped: { 'totals row': 4, 'footer or note row': 2 } };
    expect(findAlerts({ leads: 0, won: 0, lost: 0 }, { files: [grouped] })).toEqual([{ code: 'many-skipped', file: 'deals.csv', skipped: 3, rows: 6 }]);
    expect(findAlerts({ leads: 0, won: 0, lost: 0 }, { files: [{ ...file(20, 3), dropped: { 'deleted deal (Pipedrive status "deleted")': 8 } }] })).toEqual([]);
    expect(findAlerts({ leads: 0, won: 0, lost: 0 }, { files: [file(100, 20)] })).toEqual([]);
  });

  it('says the likely cause and what to do, in Russian and English', () => {
    expect(describeAlert({ code: 'no-outcome', deals: 42 }, 'ru')).toMatch(/^Ни одна из 42 сделок .*inspect/);
    expect(describeAlert({ code: 'many-skipped', file: 'a.csv', skipped: 30, rows: 100 }, 'en')).toMatch(/^a\.csv: 30 of 100 rows \(30%\)/);
  });

  it('groups the digits of large counts as each language writes them', () => {
    expect(describeAlert({ code: 'no-outcome', deals: 12000 }, 'ru')).toMatch(/^Ни одна из 12 000 сделок /);
    expect(describeAlert({ code: 'many-skipped', file: 'a.csv', skipped: 12000, rows: 24000 }, 'ru')).toMatch(/^a\.csv: не прочитано 12 000 из 24 000 строк \(50%\)/);
    expect(describeAlert({ code: 'many-skipped', file: 'a.csv', skipped: 12000, rows: 24000 }, 'en')).toMatch(/^a\.csv: 12,000 of 24,000 rows \(50%\)/);
    expect(describeAlert({ code: 'future-deals', file: 'd.csv', deals: 98177, latest: '2052-07-01', reportDate: '2025-01-01' }, 'ru')).toContain('у 98 177 сделок дата создания позже');
  });
});

describe('deals created after the report date', () => {
  it('are named with their count, the latest date and the report date, as each language writes dates', () => {
    const one = { code: 'future-deals', file: 'd.csv', deals: 1, latest: '2052-07-01', reportDate: '2025-07-01' } as const;
    // One deal's date is its own, not «the latest» (tester T62 A11).
    expect(describeAlert(one, 'ru')).toMatch(/^d\.csv: у 1 сделки дата создания 01\.07\.2052 позже даты отчёта \(01\.07\.2025\): вероятно, опечатка в годе\. Такая сделка растягивает период .* и занижает все показатели в месяц\./);
    expect(describeAlert({ ...one, deals: 5 }, 'ru')).toMatch(/у 5 сделок дата создания позже даты отчёта \(01\.07\.2025\), самая поздняя — 01\.07\.2052: вероятно, опечатка в годе\. Такие сделки растягивают период .* и занижают/);
    expect(describeAlert(one, 'en')).toMatch(/^d\.csv: 1 deal was created after the report date \(2025-07-01\), the latest on 2052-07-01: probably a mistyped year\./);
    expect(describeAlert({ ...one, deals: 2 }, 'en')).toContain('2 deals were created');
    expect(describeAlert(one, 'ru')).not.toContain('Дата отчёта задана');
    expect(describeAlert({ ...one, reportDateFrom: 'SOURCE_DATE_EPOCH' }, 'ru')).toMatch(/Дата отчёта задана SOURCE_DATE_EPOCH: если даты в выгрузке верны, уберите SOURCE_DATE_EPOCH или задайте дату не раньше 01\.07\.2052\.$/);
  });
});

describe('dates no deal can have', () => {
  it('a creation date before 1990 is named as a date never filled in, with the count and the earliest', () => {
    const a = { code: 'placeholder-dates', file: 'd.csv', deals: 2, earliest: '1970-01-01' } as const;
    expect(describeAlert(a, 'ru')).toMatch(/^d\.csv: у 2 сделок дата создания раньше 1990 года \(самая ранняя — 01\.01\.1970\): похоже на незаполненную дату/);
    expect(describeAlert({ ...a, deals: 1 }, 'en')).toMatch(/^d\.csv: 1 deal was created before 1990 \(the earliest on 1970-01-01\): most likely a date never filled in/);
  });

  it('a won or lost deal closed more than a year after the report date is named with the latest close', () => {
    const a = { code: 'closed-later', file: 'd.csv', deals: 1, latest: '2199-12-31', reportDate: '2025-02-01' } as const;
    expect(describeAlert(a, 'ru')).toMatch(/^d\.csv: 1 выигранная или проигранная сделка закрыта больше чем через год после даты отчёта \(01\.02\.2025\), самая поздняя — 31\.12\.2199/);
    expect(describeAlert({ ...a, deals: 3 }, 'ru')).toContain('3 выигранные или проигранные сделки закрыты');
    expect(describeAlert({ ...a, deals: 3 }, 'en')).toMatch(/^d\.csv: 3 won or lost deals were closed more than a year after the report date \(2025-02-01\), the latest on 2199-12-31/);
  });
});

describe('deals with a negative amount', () => {
  it('are counted and summed, the sum with a minus sign as each language writes it', () => {
    const a = { code: 'negative-amounts', file: 'd.csv', deals: 2, sum: -1234.5 } as const;
    expect(describeAlert(a, 'ru')).toMatch(/^d\.csv: у 2 сделок отрицательная сумма \(всего −1 234,5\); они учтены как записаны/);
    expect(describeAlert(a, 'en')).toMatch(/^d\.csv: 2 deals have a negative amount \(−1,234\.5 in all\), counted as written/);
    expect(describeAlert({ ...a, deals: 1, file: '-' }, 'en')).toMatch(/^standard input \(-\): 1 deal has a negative amount/);
  });
});

describe('the NUL-bytes warning agrees with its number in Russian', () => {
  it.each([
    [1, 'удалён 1 нулевой байт (NUL)'],
    [3, 'удалено 3 нулевых байта (NUL)'],
    [11, 'удалено 11 нулевых байтов (NUL)'],
    [21, 'удалён 21 нулевой байт (NUL)'],
  ])('%i', (count, words) => {
    expect(describeAlert({ code: 'nul-bytes', file: 'n.csv', count }, 'ru')).toContain(words);
  });
});

describe('managers that are CRM user ids, not names', () => {
  it.each([
    ['0058a00000MNWtFAAX', true], // Salesforce OwnerId, 18 characters
    ['0058a00000MNWtF', true], // its 15-character form
    ['123', true], // Bitrix24 ASSIGNED_BY_ID, HubSpot and Pipedrive owner ids
    ['zcrm_4150868000000224005', true],
    ['3f2504e0-4f89-11d3-9a0c-0305e82c3301', true],
    ['base.user_admin', true], // Odoo's import-compatible export: a salesperson's external id
    ['__export__.res_users_7_5e3f1a2b', true],
    ['j.smith', false], // a login, not an id
    ['anna.user_group', false], // review R52: login-like, not Odoo's
    ['mike.user_experience', false],
    ['Dr. Smith', false],
    ['Иванов Иван', false],
    ['ivan.petrov@example.com', false],
    ['Manager1', false],
    ['AlexandraPetrova', false], // 16 letters, no digits
    ['Konstantinovskiy', false],
  ])('%s: %s', (name, id) => {
    expect(looksLikeUserId(name)).toBe(id);
  });

  it('is said with a --map snippet that names every id found (up to 20), and not for names', () => {
    const ids = Array.from({ length: 25 }, (_, i) => String(100 + i));
    const [alert] = findAlerts({ leads: 1, won: 1, lost: 0 }, { files: [] }, ['Анна', ...ids]);
    expect(alert).toEqual({ code: 'manager-ids', ids: ids.slice(0, 20) });
    expect(findAlerts({ leads: 1, won: 1, lost: 0 }, { files: [] }, ['Анна', 'Борис'])).toEqual([]);
    const ru = describeAlert(alert!, 'ru');
    expect(ru).toMatch(/^Менеджеры указаны кодами пользователей CRM или внутренними номерами АТС, а не именами \(«100», «101», «102» и др\.\)/);
    expect(ru).toContain('managers:\n  "100": "Имя Фамилия"\n');
    expect(describeAlert(alert!, 'en')).toContain('managers:\n  "100": "First Last"\n');
  });
});

// A tester: Sipuni's «Кто ответил» names «Анна (201)» on an incoming call, «Откуда» «201» on her outgoing one;
// Анна and «201» were two managers, and the alert said «Цифры верны» with a placeholder for a name the file gives.
describe('a line the files name a person by elsewhere', () => {
  it('is said as that person, split in two rows, with the snippet naming her; other ids keep the placeholder', () => {
    const [alert] = findAlerts({ leads: 1, won: 1, lost: 0 }, { files: [] }, ['201', '305', 'Анна', 'Борис (202)', '202'], {}, { '201': { name: 'Анна', as: 'Анна (201)' } });
    expect(alert).toEqual({ code: 'manager-ids', ids: ['201', '305', '202'], named: [{ id: '201', name: 'Анна', as: 'Анна (201)' }, { id: '202', name: 'Борис (202)', as: 'Борис (202)' }] });
    const ru = describeAlert(alert!, 'ru');
    expect(ru).toContain('«201» — это «Анна» (в файле: «Анна (201)»), «202» — это «Борис (202)» (в файле: «Борис (202)»)');
    expect(ru).toContain('посчитаны в двух строках отчёта');
    // The id no file names («305») is said as ever, to fill in.
    expect(ru).toContain('Менеджеры указаны кодами пользователей CRM или внутренними номерами АТС, а не именами («305»)');
    expect(ru).toContain('Впишите их имена.');
    expect(ru).toContain('managers:\n  "201": "Анна"\n  "305": "Имя Фамилия"\n  "202": "Борис (202)"');
    expect(describeAlert(alert!, 'en')).toContain('"201" is "Анна" (the file writes "Анна (201)")');
    // A name the line was read as that is no manager of the result (another period's) names nobody here.
    expect(findAlerts({ leads: 1, won: 1, lost: 0 }, { files: [] }, ['201'], {}, { '201': { name: 'Анна', as: 'Анна (201)' } })).toEqual([{ code: 'manager-ids', ids: ['201'] }]);
  });

  // A tester's Sipuni log writes the line first, «101 (Иванов Иван)»: quoted so, not rebuilt «Иванов Иван (101)».
  it('quotes the name as the file wrote it, the line first too', () => {
    const [alert] = findAlerts({ leads: 1, won: 1, lost: 0 }, { files: [] }, ['101', 'Иванов Иван'], {}, { '101': { name: 'Иванов Иван', as: '101 (Иванов Иван)' } });
    expect(alert).toEqual({ code: 'manager-ids', ids: ['101'], named: [{ id: '101', name: 'Иванов Иван', as: '101 (Иванов Иван)' }] });
    expect(describeAlert(alert!, 'ru')).toContain('«101» — это «Иванов Иван» (в файле: «101 (Иванов Иван)»)');
    expect(describeAlert(alert!, 'en')).toContain('"101" is "Иванов Иван" (the file writes "101 (Иванов Иван)")');
  });

  it('a manager listed with the line before the name names that line, as one with it after does', () => {
    const [alert] = findAlerts({ leads: 1, won: 1, lost: 0 }, { files: [] }, ['101', '101 (Иванов Иван)', '102', '(доб. 102) Петрова Анна'], {}, {});
    expect(alert).toEqual({ code: 'manager-ids', ids: ['101', '102'], named: [{ id: '101', name: '101 (Иванов Иван)', as: '101 (Иванов Иван)' }, { id: '102', name: '(доб. 102) Петрова Анна', as: '(доб. 102) Петрова Анна' }] });
  });
});

describe('a comparison period too short for per-month figures', () => {
  it('advises a later cutover with a cutover, and more days of export with two sets of files', () => {
    const short = { code: 'short-period' as const, which: 'before' as const, from: '2025-01-01', to: '2025-01-01', days: 1 };
    expect(describeAlert(short, 'ru')).toContain('Возьмите дату внедрения так, чтобы в каждом периоде было хотя бы две недели.');
    expect(describeAlert({ ...short, files: true }, 'ru')).toContain('Выгрузите за этот период хотя бы две недели.');
    expect(describeAlert({ ...short, files: true }, 'ru')).not.toContain('дату внедрения');
    expect(describeAlert({ ...short, files: true }, 'en')).toContain('Export at least two weeks for it.');
  });
});

describe('talk of more than 24 hours on one day', () => {
  it('names each manager with the day and the hours, the column, and both fixes, in Russian and English', () => {
    const a = { code: 'talk-over-day' as const, file: 'calls.csv', column: 'Длительность', managers: [{ manager: 'Иванов Иван', day: '2025-03-02', minutes: 10_414 }] };
    const ru = describeAlert(a, 'ru');
    expect(ru).toMatch(/^calls\.csv: разговоров за один день больше 24 часов, чего не бывает: «Иванов Иван» — 173,6 ч за 02\.03\.2025\. Вероятно, длительности в колонке «Длительность» прочитаны не так: Excel/);
    expect(ru).toContain('Минуты разговоров этого менеджера и отдела завышены.');
    expect(ru).toContain('«activities: units: { "Длительность": s }»');
    expect(describeAlert({ ...a, more: 2 }, 'ru')).toContain('02.03.2025 и ещё 2.');
    const en = describeAlert(a, 'en');
    expect(en).toMatch(/^calls\.csv: more than 24 hours of talk in one day, which no day holds: "Иванов Иван", 173\.6 h on 2025-03-02\. /);
    expect(en).toContain('Export the log again without re-saving it in Excel');
  });
});

describe('managerSpellings', () => {
  it('names two names that differ only by Latin letters that look Cyrillic, each letter with its place; the all-Cyrillic one is kept, whatever the deals', () => {
    // «Cергеев» with a Latin C (U+0043) has more deals, yet the snippet gives it to the Cyrillic spelling.
    expect(managerSpellings([{ manager: 'Сергеев Сергей', leads: 1 }, { manager: 'Cергеев Сергей', leads: 5 }])).toEqual([{ code: 'manager-spellings', names: [{ name: 'Cергеев Сергей', as: 'Сергеев Сергей', latin: [{ letter: 'C', at: 1 }] }] }]);
    const two = managerSpellings([{ manager: 'Петрова Анна', leads: 2 }, { manager: 'Пeтрова Aнна', leads: 1 }]);
    expect(two).toEqual([{ code: 'manager-spellings', names: [{ name: 'Пeтрова Aнна', as: 'Петрова Анна', latin: [{ letter: 'e', at: 2 }, { letter: 'A', at: 9 }] }] }]);
    // With another difference too (the order of the words): both said.
    expect(managerSpellings([{ manager: 'Анна Петрова', leads: 2 }, { manager: 'Пeтрова Анна' }])[0]).toMatchObject({ names: [{ name: 'Пeтрова Анна', as: 'Анна Петрова', latin: [{ letter: 'e', at: 2 }] }] });
    // Every look-alike of the list, upper and lower case: «ABCEHKMOPTX» and «acepoxy» read as their Cyrillic twins.
    expect(managerSpellings([{ manager: 'АВСЕНКМОРТХ асероху', leads: 1 }, { manager: 'ABCEHKMOPTX acepoxy Яков' }, { manager: 'АВСЕНКМОРТХ асероху Яков' }])).toEqual([{ code: 'manager-spellings', names: [{ name: 'ABCEHKMOPTX acepoxy Яков', as: 'АВСЕНКМОРТХ асероху Яков', latin: 'ABCEHKMOPTXacepoxy'.split('').map((letter, i) => ({ letter, at: i < 11 ? i + 1 : i + 2 })) }] }]);
    // A Latin name is no Cyrillic one: «Kim Anna» and «Ким Анна» are two transliterations, not said; nor a Latin letter no Cyrillic one looks like.
    expect(managerSpellings([{ manager: 'Kim Anna' }, { manager: 'Ким Анна' }])).toEqual([]);
    expect(managerSpellings([{ manager: 'Сергеев Сергей' }, { manager: 'Cергеев Cергеи' }, { manager: 'Сергеев Cергеn' }])).toEqual([]);
  });

  it('says the Latin letter, its place and that the names look the same, in Russian and English', () => {
    const one = managerSpellings([{ manager: 'Сергеев Сергей', leads: 1 }, { manager: 'Cергеев Сергей' }])[0]!;
    const ru = describeAlert(one, 'ru');
    expect(ru).toContain('«Cергеев Сергей» и «Сергеев Сергей» (в первом имени латинская «C» на месте похожей русской — 1-я буква). На экране такую латинскую букву не отличить от русской.');
    expect(ru).toContain('managers:\n  "Cергеев Сергей": "Сергеев Сергей"');
    expect(describeAlert(one, 'en')).toContain('"Cергеев Сергей" and "Сергеев Сергей" (the first has a Latin "C" that looks Cyrillic, letter 1). On screen such a Latin letter cannot be told from the Cyrillic one.');
    const two = managerSpellings([{ manager: 'Петрова Анна', leads: 1 }, { manager: 'Пeтрова Aнна' }])[0]!;
    expect(describeAlert(two, 'ru')).toContain('(в первом имени латинские буквы на месте похожих русских: «e» — 2-я буква, «A» — 9-я буква)');
    expect(describeAlert(two, 'en')).toContain('(the first has Latin letters that look Cyrillic: "e", letter 2; "A", letter 9)');
    // Other spellings say nothing of Latin letters.
    expect(describeAlert(managerSpellings([{ manager: 'Анна Смирнова', leads: 1 }, { manager: 'Смирнова Анна' }])[0]!, 'ru')).not.toContain('латинск');
  });

  it('names the spellings of one person in two files, each given to the one with the most deals', () => {
    const found = managerSpellings([
      { manager: 'Анна Смирнова', leads: 4 },
      { manager: 'Борис Ковалёв', leads: 3 },
      { manager: 'Ковалев Борис', leads: 0 },
      { manager: 'Смирнова Анна (101)', leads: 0 },
      { manager: 'Вера Ли', leads: 2 },
    ]);
    expect(found).toEqual([{ code: 'manager-spellings', names: [{ name: 'Смирнова Анна (101)', as: 'Анна Смирнова' }, { name: 'Ковалев Борис', as: 'Борис Ковалёв' }] }]);
    const text = describeAlert(found[0]!, 'ru');
    expect(text).toContain('managers:\n  "Смирнова Анна (101)": "Анна Смирнова"\n  "Ковалев Борис": "Борис Ковалёв"');
    // No English in the Russian words before the snippet (its YAML key and --map aside).
    expect(text.split('managers:')[0]!.replace('--map', '').replace('CRM', '')).not.toMatch(/[A-Za-z]/);
  });

  // A tester's Sipuni log, the deals not naming the person: «101 (Иванов Иван)» (line first) and «Иванов Иван» were two managers, and nothing was said.
  it('names a spelling with the line before the name as one with it after', () => {
    const found = managerSpellings([
      { manager: '101 (Иванов Иван)', leads: 0 },
      { manager: 'Иванов Иван', leads: 0 },
      { manager: '(доб. 102) Петрова Анна', leads: 0 },
      { manager: 'Анна Петрова', leads: 1 },
    ]);
    expect(found).toEqual([{ code: 'manager-spellings', names: [{ name: '101 (Иванов Иван)', as: 'Иванов Иван' }, { name: '(доб. 102) Петрова Анна', as: 'Анна Петрова' }] }]);
    expect(describeAlert(found[0]!, 'ru')).toContain('managers:\n  "101 (Иванов Иван)": "Иванов Иван"\n  "(доб. 102) Петрова Анна": "Анна Петрова"');
    // Two lines of one name stay two employees, whichever side the line is on.
    expect(managerSpellings([{ manager: '101 (Оператор)' }, { manager: 'Оператор (102)' }])).toEqual([]);
    expect(managerSpellings([{ manager: '101 (Оператор)' }, { manager: 'Оператор (101)' }])).toEqual([{ code: 'manager-spellings', names: [{ name: 'Оператор (101)', as: '101 (Оператор)' }] }]);
  });

  it('says nothing of different people', () => {
    expect(managerSpellings([{ manager: 'Анна Смирнова' }, { manager: 'Анна Смирнова-Ли' }, { manager: 'Борис' }])).toEqual([]);
    // Two PBX lines of one name are two employees.
    expect(managerSpellings([{ manager: 'Оператор (101)' }, { manager: 'Оператор (102)' }])).toEqual([]);
    expect(managerSpellings([{ manager: 'Менеджер 1' }, { manager: 'Менеджер 2' }])).toEqual([]);
  });

  // A tester: a UIS log names «Иванов Иван Сергеевич» and «Петрова А.», the deals «Иванов Иван» and
  // «Петрова Анна»: four managers, owners without calls and phantoms with every call, and no word.
  it('names a name with a patronymic added, and a surname with initials, as the full name of the deals', () => {
    const found = managerSpellings([
      { manager: 'Иванов Иван', leads: 2 },
      { manager: 'Иванов Иван Сергеевич', leads: 0 },
      { manager: 'Петрова А.', leads: 0 },
      { manager: 'Петрова Анна', leads: 2 },
    ]);
    expect(found).toEqual([
      {
        code: 'manager-spellings',
        names: [
          { name: 'Иванов Иван Сергеевич', as: 'Иванов Иван', by: 'patronymic' },
          { name: 'Петрова А.', as: 'Петрова Анна', by: 'initials' },
        ],
      },
    ]);
    const ru = describeAlert(found[0]!, 'ru');
    expect(ru).toContain('«Иванов Иван Сергеевич» и «Иванов Иван» (с отчеством и без), «Петрова А.» и «Петрова Анна» (инициалы и полное имя)');
    expect(ru).toContain('managers:\n  "Иванов Иван Сергеевич": "Иванов Иван"\n  "Петрова А.": "Петрова Анна"');
    expect(ru.split('managers:')[0]!.replace('--map', '').replace('CRM', '')).not.toMatch(/[A-Za-z]/);
    expect(describeAlert(found[0]!, 'en')).toContain('"Петрова А." and "Петрова Анна" (initials and the full name)');
  });

  it('reads initials in every order and form, after the surname or before it, with a patronymic initial or a PBX line', () => {
    for (const short of ['Петрова А.', 'Петрова А. С.', 'А. Петрова', 'Петрова А.С.', 'А.С. Петрова', 'петрова а', 'Петрова А. (102)', 'Петрова А. (доб. 102)']) {
      expect(managerSpellings([{ manager: 'Петрова Анна', leads: 1 }, { manager: short }]), short).toEqual([{ code: 'manager-spellings', names: [{ name: short, as: 'Петрова Анна', by: 'initials' }] }]);
    }
    // The full name in either order, with a patronymic whose initial fits; ё as е.
    expect(managerSpellings([{ manager: 'Анна Сергеевна Петрова', leads: 1 }, { manager: 'Петрова А. С.' }])[0]).toMatchObject({ names: [{ name: 'Петрова А. С.', as: 'Анна Сергеевна Петрова' }] });
    expect(managerSpellings([{ manager: 'Алёна Ёлкина', leads: 1 }, { manager: 'Елкина А.' }])[0]).toMatchObject({ names: [{ name: 'Елкина А.', as: 'Алёна Ёлкина' }] });
    // A patronymic whose initial differs, another first initial, another surname: another person.
    expect(managerSpellings([{ manager: 'Петрова Анна Сергеевна' }, { manager: 'Петрова А. В.' }])).toEqual([]);
    expect(managerSpellings([{ manager: 'Петрова Анна' }, { manager: 'Петрова Б.' }])).toEqual([]);
    expect(managerSpellings([{ manager: 'Петрова Анна' }, { manager: 'Петров А.' }])).toEqual([]);
  });

  it('reads patronymics by their endings, in either word order, with a PBX line; another third word is no patronymic', () => {
    for (const [full, short] of [
      ['Иванов Иван Сергеевич', 'Иванов Иван'],
      ['Иван Сергеевич Иванов', 'Иванов Иван'],
      ['Петрова Анна Ильинична', 'Анна Петрова'],
      ['Сидоров Пётр Ильич', 'Сидоров Петр'],
      ['Смирнова Ольга Саввична', 'Смирнова Ольга'],
      ['Козлов Олег Андреевич (доб. 104)', 'Козлов Олег'],
    ]) {
      expect(managerSpellings([{ manager: short!, leads: 1 }, { manager: full! }]), full).toEqual([{ code: 'manager-spellings', names: [{ name: full, as: short, by: 'patronymic' }] }]);
    }
    // A second surname, a middle name, a department: not guessed.
    expect(managerSpellings([{ manager: 'Анна Смирнова' }, { manager: 'Анна Смирнова Ли' }])).toEqual([]);
    expect(managerSpellings([{ manager: 'John Smith' }, { manager: 'John Michael Smith' }])).toEqual([]);
    expect(managerSpellings([{ manager: 'Иванов Иван' }, { manager: 'Иванов Иван Москва' }])).toEqual([]);
    // Two patronymics are two people.
    expect(managerSpellings([{ manager: 'Иванов Иван Сергеевич' }, { manager: 'Иванов Иван Петрович' }])).toEqual([]);
  });

  // «Мамедов Эльчин Рауф оглы» (a PBX directory) beside «Мамедов Эльчин» (the CRM) was no patronymic:
  // four words, so two managers and no word of it, as «Иванов Иван Сергеевич» beside «Иванов Иван» gets.
  it('reads a Turkic patronymic with its particle (оглы, кызы) as a patronymic, for full names and initials', () => {
    for (const [full, short] of [
      ['Мамедов Эльчин Рауф оглы', 'Мамедов Эльчин'],
      ['Алиева Айгюн Рауф кызы', 'Алиева Айгюн'],
      ['Алиева Айгюн Рауф кызы', 'Айгюн Алиева'],
      ['Мамедов Эльчин Рауф-оглы', 'Мамедов Эльчин'],
      ['Мамедов Эльчин Рауф Оглы (доб. 104)', 'Мамедов Эльчин'],
    ]) {
      expect(managerSpellings([{ manager: short!, leads: 1 }, { manager: full! }]), full).toEqual([{ code: 'manager-spellings', names: [{ name: full, as: short, by: 'patronymic' }] }]);
    }
    for (const short of ['Мамедов Э. Р.', 'Мамедов Э.', 'Э. Р. Мамедов', 'Мамедов Э. Р. оглы']) {
      expect(managerSpellings([{ manager: 'Мамедов Эльчин Рауф оглы', leads: 1 }, { manager: short }]), short).toEqual([{ code: 'manager-spellings', names: [{ name: short, as: 'Мамедов Эльчин Рауф оглы', by: 'initials' }] }]);
    }
    const ru = describeAlert(managerSpellings([{ manager: 'Мамедов Эльчин', leads: 1 }, { manager: 'Мамедов Эльчин Рауф оглы' }])[0]!, 'ru');
    expect(ru).toContain('«Мамедов Эльчин Рауф оглы» и «Мамедов Эльчин» (с отчеством и без)');
    // Another father's name is another person: the short name is unclear, as with two Russian patronymics.
    expect(managerSpellings([{ manager: 'Мамедов Эльчин', leads: 1 }, { manager: 'Мамедов Эльчин Рауф оглы' }, { manager: 'Мамедов Эльчин Ильхам оглы' }])).toEqual([
      { code: 'manager-unclear', names: [{ name: 'Мамедов Эльчин', could: ['Мамедов Эльчин Рауф оглы', 'Мамедов Эльчин Ильхам оглы'] }] },
    ]);
    expect(managerSpellings([{ manager: 'Мамедов Эльчин Рауф оглы' }, { manager: 'Мамедов Э. И.' }])).toEqual([]);
    // A particle is no patronymic alone, and a fourth word that is none is not guessed at.
    expect(managerSpellings([{ manager: 'Мамедов Эльчин' }, { manager: 'Мамедов Эльчин Рауф Москва' }])).toEqual([]);
  });

  it('merges all spellings of one person into the one with the most deals, a full name before initials', () => {
    const found = managerSpellings([{ manager: 'Петрова А.' }, { manager: 'Петрова Анна Сергеевна' }, { manager: 'Анна Петрова', leads: 3 }, { manager: 'А. С. Петрова' }]);
    expect(found).toEqual([
      {
        code: 'manager-spellings',
        names: [
          { name: 'Петрова А.', as: 'Анна Петрова', by: 'initials' },
          { name: 'Петрова Анна Сергеевна', as: 'Анна Петрова', by: 'patronymic' },
          { name: 'А. С. Петрова', as: 'Анна Петрова', by: 'initials' },
        ],
      },
    ]);
    // With no deals on either side, the full name is the one kept.
    expect(managerSpellings([{ manager: 'Петрова А.' }, { manager: 'Петрова Анна' }])[0]).toMatchObject({ names: [{ name: 'Петрова А.', as: 'Петрова Анна' }] });
  });

  it('merges nothing where two full names could be the short one: says which, with a section to keep one name of', () => {
    const found = managerSpellings([{ manager: 'Петрова Анна', leads: 2 }, { manager: 'Петрова Алла', leads: 1 }, { manager: 'Петрова А.' }]);
    expect(found).toEqual([{ code: 'manager-unclear', names: [{ name: 'Петрова А.', could: ['Петрова Анна', 'Петрова Алла'] }] }]);
    const ru = describeAlert(found[0]!, 'ru');
    expect(ru).toContain('«Петрова А.» — это «Петрова Анна» или «Петрова Алла»');
    expect(ru).toMatch(/\nmanagers:\n {2}"Петрова А\.": "Петрова Анна" {4}# или "Петрова Алла"$/);
    expect(ru.split('managers:')[0]!.replace('--map', '')).not.toMatch(/[A-Za-z]/);
    expect(describeAlert(found[0]!, 'en')).toContain('"Петрова А." could be "Петрова Анна" or "Петрова Алла"');
    // Two patronymics of one short name: which is the deals' «Иванов Иван» is unclear.
    expect(managerSpellings([{ manager: 'Иванов Иван', leads: 1 }, { manager: 'Иванов Иван Сергеевич' }, { manager: 'Иванов Иван Петрович' }])).toEqual([
      { code: 'manager-unclear', names: [{ name: 'Иванов Иван', could: ['Иванов Иван Сергеевич', 'Иванов Иван Петрович'] }] },
    ]);
    // A reviewer: two middle initials of one full name without a patronymic are two people; the snippet merged both.
    const two = managerSpellings([{ manager: 'Иванов Иван', leads: 3 }, { manager: 'Иванов И. С.' }, { manager: 'Иванов И. П.' }]);
    expect(two).toEqual([
      {
        code: 'manager-unclear',
        names: [
          { name: 'Иванов И. С.', could: ['Иванов Иван'], also: ['Иванов И. П.'] },
          { name: 'Иванов И. П.', could: ['Иванов Иван'], also: ['Иванов И. С.'] },
        ],
      },
    ]);
    expect(describeAlert(two[0]!, 'ru')).toContain('«Иванов И. С.» — это «Иванов Иван» или другой человек (есть и «Иванов И. П.»)');
    expect(describeAlert(two[0]!, 'ru')).toMatch(/\n {2}"Иванов И\. П\.": "Иванов Иван"$/);
    // A reviewer: «<102>» after a name is a line, as «(доб. 101)» is (three copies of the rule disagreed).
    expect(managerSpellings([{ manager: 'Петрова Анна', leads: 1 }, { manager: 'Петрова Анна Ивановна <102>' }])[0]).toMatchObject({ code: 'manager-spellings', names: [{ name: 'Петрова Анна Ивановна <102>', as: 'Петрова Анна', by: 'patronymic' }] });
    // A tester: a short name against a full one's other patronymic, once both were merged into «Иванов Иван».
    const clash = managerSpellings([{ manager: 'Иванов Иван', leads: 3 }, { manager: 'Иванов И. П.' }, { manager: 'Иванов Иван Сергеевич' }]);
    expect(clash).toContainEqual({ code: 'manager-unclear', names: [{ name: 'Иванов И. П.', could: ['Иванов Иван'], also: ['Иванов Иван Сергеевич'] }] });
    expect(clash).toContainEqual({ code: 'manager-spellings', names: [{ name: 'Иванов Иван Сергеевич', as: 'Иванов Иван', by: 'patronymic' }] });
    // One middle initial alone is merged as before.
    expect(managerSpellings([{ manager: 'Иванов Иван', leads: 3 }, { manager: 'Иванов И. С.' }])[0]).toMatchObject({ code: 'manager-spellings', names: [{ name: 'Иванов И. С.', as: 'Иванов Иван' }] });
  });

  it('keeps two lines of one name apart, initials or not', () => {
    expect(managerSpellings([{ manager: 'Петрова Анна (101)' }, { manager: 'Петрова А. (102)' }])).toEqual([]);
    expect(managerSpellings([{ manager: 'Иванов Иван (101)' }, { manager: 'Иванов Иван Сергеевич (102)' }])).toEqual([]);
  });
});

// A tester: «захватывает лишь часть месяцев 01.2025» about a single month.
describe('partial months of a spend file or a plan', () => {
  it('says «месяца» for one month and «месяцев» for several', () => {
    const one = describeAlert({ code: 'partial-months', file: 'spend', months: ['2025-01'] }, 'ru');
    expect(one).toContain('захватывает лишь часть месяца ');
    expect(describeAlert({ code: 'partial-months', file: 'plan', months: ['2025-01', '2025-03'] }, 'ru')).toContain('захватывает лишь часть месяцев ');
    expect(describeAlert({ code: 'partial-months', file: 'spend', months: ['2025-01'] }, 'en')).toContain('covers only part of ');
  });
});

describe('won deals of which many have no amount or no close date', () => {
  // A tester: 19 of 20 won deals without a close date gave a cycle of one deal, and 19 of 20 without an amount an average check of one, without a word.
  const bare = (won: number, dated: number, amounts: number, na: Record<string, string> = {}) => wonCoverageAlerts({ wonCoverage: { won, dated, amounts, zero: 0 } }, na);
  it('is said from a quarter of the won deals, where some have one; none is the other alerts', () => {
    expect(bare(20, 1, 1)).toEqual([
      { code: 'won-partly-bare', what: 'amount', won: 20, without: 19 },
      { code: 'won-partly-bare', what: 'closed', won: 20, without: 19 },
    ]);
    expect(bare(20, 15, 16)).toEqual([{ code: 'won-partly-bare', what: 'closed', won: 20, without: 5 }]);
    expect(bare(20, 16, 20)).toEqual([]);
    expect(bare(20, 0, 0)).toEqual([]);
    expect(bare(4, 1, 1)).toEqual([]);
    expect(bare(20, 1, 1, { revenue: 'needs', cycle_days_avg: 'needs' })).toEqual([]);
    expect(wonCoverageAlerts(undefined, {})).toEqual([]);
  });
  it('says how many lack it and what the figure rests on, in Russian and English', () => {
    expect(describeAlert({ code: 'won-partly-bare', what: 'closed', won: 20, without: 19 }, 'ru')).toMatch(/^У 19 из 20 выигранных сделок дата закрытия не указана или раньше даты создания: цикл сделки посчитан по 1 сделке\./);
    expect(describeAlert({ code: 'won-partly-bare', what: 'amount', won: 21, without: 19 }, 'ru')).toMatch(/^У 19 из 21 выигранной сделки нет суммы: выручка занижена, средний чек посчитан по 2 сделкам\./);
    expect(describeAlert({ code: 'won-partly-bare', what: 'amount', won: 20, without: 5 }, 'en')).toMatch(/^5 of the 20 won deals have no amount: revenue is understated and the average check rests on 15 deals\./);
  });
});

// A log in milliseconds under a generic «Duration» read as seconds (tester T13 F5): said, with the --map line.
describe('call-hours and talk-over-day name the ms unit', () => {
  it('call-hours gives the example in hours and in seconds, and the snippet', () => {
    const a = { code: 'call-hours' as const, file: 'ms2.csv', column: 'Duration', calls: 4, long: 4, example: '45000' };
    expect(describeAlert(a, 'ru')).toBe('ms2.csv: 4 из 4 отвеченных звонков длятся час и дольше, если читать колонку «Duration» в секундах (например, «45000» — 12,5 ч): у звонков продаж так не бывает, и минуты разговоров завышены. Вероятно, длительности в миллисекундах («45000» — 45 с). Если так, назовите единицу в файле --map: «activities: units: { "Duration": ms }» (единица — «s», «ms», «min», «hhmm» или «day»).');
    expect(describeAlert(a, 'en')).toContain('"activities: units: { "Duration": ms }" (the unit: s, ms, min, hhmm or day)');
  });

  it('talk-over-day proposes ms where the long calls are whole numbers, s otherwise, and lists min', () => {
    const base = { code: 'talk-over-day' as const, file: 'log.csv', column: 'Duration', managers: [{ manager: 'Анна', day: '2025-03-03', minutes: 1800 }] };
    expect(describeAlert({ ...base, ms: true }, 'ru')).toContain('если колонка в миллисекундах, назовите единицу в файле --map: «activities: units: { "Duration": ms }» (единица — «s», «ms», «min», «hhmm» или «day»).');
    expect(describeAlert(base, 'en')).toContain('"activities: units: { "Duration": s }" (the unit: s, ms, min, hhmm or day).');
  });
});

describe('payment alerts (F4, F3: said, not silent)', () => {
  it('says unknown deals, refunds, repeats and over-payment in Russian and English, and a negative paid total', async () => {
    const { describeAlert, paidNegative } = await import('../../../src/core/kpi/alerts.js');
    const unknown = { code: 'payments-unknown-deals' as const, file: 'p.csv', payments: 3, named: 3, example: '50001', period: true, withoutManager: 0 };
    expect(describeAlert(unknown, 'ru')).toContain('3 из 3 оплат ссылаются на сделки, которых нет');
    expect(describeAlert(unknown, 'ru')).toContain('не учтены');
    expect(describeAlert(unknown, 'en')).toContain('3 of 3 payments name a deal the deals file does not have (e.g. "50001")');
    // Without a period: where they count, by whether they name a manager (a second alert had said those without one apart, and this one «under their manager»).
    const counted = (withoutManager: number, lang: string) => describeAlert({ ...unknown, period: false, withoutManager }, lang);
    expect(counted(0, 'ru')).toContain('Они учтены у своего менеджера, но ни к одной сделке не привязаны; с --from/--to они выпадут.');
    expect(counted(3, 'ru')).toContain('Менеджера у них в файле нет, и сделка его не даёт: они учтены только в итоге по отделу; с --from/--to они выпадут.');
    expect(counted(1, 'ru')).toContain('Они учтены у своего менеджера, а 1 без менеджера — только в итоге по отделу; ни к одной сделке они не привязаны;');
    expect(counted(3, 'en')).toContain('They name no manager, and no deal gives one: they count in the total only; with --from/--to they drop out.');
    expect(counted(2, 'en')).toContain('They count under their manager, and the 2 without one in the total only; none is linked to a deal;');
    const odd = { code: 'payments-odd' as const, file: 'p.csv', refunds: { rows: 1, sum: -4000 }, duplicates: { rows: 1, sum: 100 }, over: { deals: 1, id: '7', invoiced: 20_000, paid: 25_000 } };
    expect(describeAlert(odd, 'ru')).toMatch(/1 строка с отрицательной суммой.*возвраты вычтены.*1 строка повторяет.*оплачено больше выставленного/);
    expect(describeAlert(odd, 'en')).toMatch(/refunds, netted.*counted twice.*above 100%/);
    const neg = paidNegative([{ manager: 'Анна', paid: -100 }, { manager: 'Борис', paid: 5 }], { paid: -95 });
    expect(neg).toEqual([{ code: 'paid-negative', managers: ['Анна', ''] }]);
    expect(describeAlert(neg[0]!, 'ru')).toContain('«Анна», отдел');
  });
});

// kpi's alert and inspect's line were built apart from the import report's TimedAt; now both take this one.
describe('timedAtAlert', () => {
  it('is the timed-at alert of a file from its TimedAt, said with the --map line that reads the dates', () => {
    const alert = timedAtAlert('calls.csv', { column: 'Created at', dateOnly: ['Date', 'Due date'] });
    expect(alert).toStrictEqual({ code: 'timed-at', file: 'calls.csv', column: 'Created at', dateOnly: ['Date', 'Due date'] });
    expect(describeAlert(alert, 'en')).toContain('calls.csv: the column "Date" and "Due date" holds dates without a time of day, and "Created at" dates with times');
    expect(describeAlert(alert, 'en')).toContain('read the dates: --map activities: columns: { at: "Date" }');
  });
});

describe('map-unmatched names an invoice status of the payments section as its section', () => {
  it('«payments: status» before the value', () => {
    const a = { code: 'map-unmatched' as const, file: 'map.yaml', count: 1, values: [{ section: 'invoice' as const, value: 'оплачено полностью', near: 'Оплачен' }] };
    expect(describeAlert(a, 'ru')).toContain('не встретились ни в одной выгрузке: payments: status «оплачено полностью» (может быть, «Оплачен»?)');
    expect(describeAlert(a, 'en')).toContain('payments: status "оплачено полностью" (did you mean "Оплачен"?)');
  });
});

// A tester: deals created on dates alone beside timed calls gave a median response of 770 minutes, without a word.
describe('deals created on dates without a time beside timed activities', () => {
  it('says the response is counted from midnight, in Russian and English', () => {
    const a = { code: 'untimed-deals' as const, file: 'deals.csv', untimed: 40, deals: 40, activities: 'calls.csv' };
    expect(describeAlert(a, 'ru')).toMatch(/^deals\.csv: у 40 из 40 сделок дата создания без времени: она считается полночью, а время действий в calls\.csv записано\. Время реакции отсчитано от полуночи/);
    expect(describeAlert({ ...a, untimed: 21, deals: 21 }, 'ru')).toContain('у 21 из 21 сделки дата создания');
    expect(describeAlert(a, 'en')).toMatch(/^deals\.csv: 40 of 40 deals have a creation date without a time of day: it is read as midnight, while the activities in calls\.csv have their times\./);
  });
});

// amoCRM and Kommo write a budget never filled in as 0 (a real Kommo export: 112 of 238 won deals, average 711.79 for 1 344.48).
describe('won deals with an amount of 0', () => {
  // Deals without a client column: the repeat sales' alert (won-no-client) is not these tests' subject.
  const zero = (amounts: number, zeros: number, revenue: number, na: Record<string, string> = {}) => wonValueAlerts({ wonCoverage: { won: amounts, dated: amounts, amounts, zero: zeros } }, { repeat_won: 'needs a client', ...na }, { revenue });
  it('is said when every won deal with an amount has 0, or a fifth and three at least; the numbers stand', () => {
    expect(zero(10, 10, 0)).toEqual([{ code: 'won-zero-amount', amounts: 10, zero: 10, revenue: 0, others: null }]);
    // One won deal with an amount, of 0 (amoCRM's test export): revenue 0, said as strongly as no amount at all.
    expect(zero(1, 1, 0)).toEqual([{ code: 'won-zero-amount', amounts: 1, zero: 1, revenue: 0, others: null }]);
    // 169 405 / (238 − 112) = 1 344.484…
    expect(zero(238, 112, 169_405)).toEqual([{ code: 'won-zero-amount', amounts: 238, zero: 112, revenue: 169_405, others: 169_405 / 126 }]);
    // 3 of 15 is a fifth: said; 3 of 16 is not; 2 of 5 is too few deals.
    expect(zero(15, 3, 12_000).map((a) => a.code)).toEqual(['won-zero-amount']);
    expect(zero(16, 3, 13_000)).toEqual([]);
    expect(zero(5, 2, 3_000)).toEqual([]);
    expect(zero(10, 0, 10_000)).toEqual([]);
    expect(zero(10, 10, 0, { revenue: 'needs an amount (budget) column in the deals file' })).toEqual([]);
    expect(wonValueAlerts(undefined, {}, {})).toEqual([]);
  });

  it('says how many, the average check with them and without them, and the CRMs that write 0, in Russian and English', () => {
    const kommo = { code: 'won-zero-amount' as const, amounts: 238, zero: 112, revenue: 169_405, others: 169_405 / 126 };
    expect(describeAlert(kommo, 'ru')).toBe('У 112 из 238 выигранных сделок с суммой сумма 0: средний чек (712) считает их продажами за 0; без них средний чек — 1 344. amoCRM, Kommo и Битрикс24 записывают незаполненный бюджет как 0. Если 0 здесь значит «не заполнен», так и скажите в файле --map: «deals: zero_amount: unfilled» (сумма 0 в средний чек не войдёт, как пустая), или заполните бюджет в CRM.');
    expect(describeAlert(kommo, 'en')).toMatch(/^112 of the 238 won deals with an amount have an amount of 0: the average check \(712\) counts them as sales for 0; without them it is 1,344\. amoCRM, Kommo and Bitrix24 write a budget never filled in as 0\./);
    // T40 F18: one precision for the two checks of a sentence, kopecks only where both are below 1 000.
    expect(describeAlert({ code: 'won-zero-amount', amounts: 56, zero: 13, revenue: 464_389_800, others: 464_389_800 / 43 }, 'ru')).toContain('средний чек (8 292 675) считает их продажами за 0; без них средний чек — 10 799 763.');
    expect(describeAlert({ code: 'won-zero-amount', amounts: 4, zero: 1, revenue: 1_000.5, others: 1_000.5 / 3 }, 'ru')).toContain('средний чек (250,13) считает их продажами за 0; без них средний чек — 333,5.');
    expect(describeAlert({ code: 'won-zero-amount', amounts: 10, zero: 10, revenue: 0, others: null }, 'ru')).toMatch(/^У всех 10 выигранных сделок с суммой сумма 0: выручка 0 и средний чек 0/);
    expect(describeAlert({ code: 'won-zero-amount', amounts: 21, zero: 21, revenue: 0, others: null }, 'ru')).toMatch(/^У всех 21 выигранной сделки с суммой сумма 0/);
    expect(describeAlert({ code: 'won-zero-amount', amounts: 1, zero: 1, revenue: 0, others: null }, 'ru')).toMatch(/^У единственной выигранной сделки с суммой сумма 0/);
    expect(describeAlert({ code: 'won-zero-amount', amounts: 1, zero: 1, revenue: 0, others: null }, 'en')).toMatch(/^The only won deal with an amount has an amount of 0: revenue is 0/);
  });
});

// A tester: every deal «Без имени» made repeat sales 96.7% without a word.
describe('one client on most won deals', () => {
  const top = (won: number, withClient: number, na: Record<string, string> = {}) => wonValueAlerts({ wonCoverage: { won: withClient, dated: 0, amounts: 0, zero: 0, client: { name: 'Без имени', won, withClient } } }, na, { repeat_won: won - 1 });
  it('is said above half of ten won deals or more that name a client', () => {
    expect(top(30, 30)).toEqual([{ code: 'one-client', client: 'Без имени', deals: 30, withClient: 30, repeatWon: 29 }]);
    expect(top(6, 10).map((a) => a.code)).toEqual(['one-client']);
    // Exactly half is not most; nine deals are too few.
    expect(top(5, 10)).toEqual([]);
    expect(top(9, 9)).toEqual([]);
    expect(top(30, 30, { repeat_won: 'needs a client, company or contact column in the deals file' })).toEqual([]);
  });

  it('names the client, its share and the repeat sales it makes, and what to do, in Russian and English', () => {
    const a = { code: 'one-client' as const, client: 'Без имени', deals: 30, withClient: 30, repeatWon: 29 };
    expect(describeAlert(a, 'ru')).toMatch(/^Клиент «Без имени» указан у 30 из 30 выигранных сделок с клиентом: похоже на заглушку .* \(повторных продаж: 29\), и доля повторных завышена\. .*columns: \{ client: "Колонка" \}/);
    expect(describeAlert({ ...a, deals: 1200, withClient: 1500 }, 'ru')).toContain('указан у 1 200 из 1 500 выигранных сделок');
    expect(describeAlert(a, 'en')).toMatch(/^The client "Без имени" is named by 30 of 30 won deals that name a client: most likely a placeholder/);
  });

  // T38: an empty loss-reason column showed «не указана» 100% without a word.
  it('a loss-reason column no lost deal fills is said, from five lost deals, in Russian and English', () => {
    const reasons = (lost: number, loss_reasons: Record<string, number> | null, na: Record<string, string> = {}) => findAlerts({ leads: lost + 10, won: 10, lost, loss_reasons }, { files: [] }, [], na).filter((a) => a.code === 'lost-no-reason');
    expect(reasons(12, { unspecified: 12 })).toEqual([{ code: 'lost-no-reason', lost: 12 }]);
    expect(reasons(5, { unspecified: 5 })).toHaveLength(1);
    expect(reasons(4, { unspecified: 4 })).toEqual([]);
    // One reason given is a column in use: the rest are unspecified by the spec, with no word.
    expect(reasons(12, { unspecified: 11, Дорого: 1 })).toEqual([]);
    expect(reasons(12, { unspecified: 12 }, { loss_reasons: 'needs a loss-reason column in the deals file' })).toEqual([]);
    expect(reasons(12, null)).toEqual([]);
    expect(describeAlert({ code: 'lost-no-reason', lost: 12 }, 'ru')).toBe('Ни у одной из 12 проигранных сделок не указана причина отказа (колонка причины пуста): «не указана» — 100%, и почему сделки проиграны, из выгрузки не узнать. Причины нужно заполнять в CRM при закрытии сделки; если они записаны в другой колонке, назовите её в файле --map: columns: { loss_reason: "Колонка" }.');
    expect(describeAlert({ code: 'lost-no-reason', lost: 21 }, 'ru')).toMatch(/^Ни у одной из 21 проигранной сделки/);
    expect(describeAlert({ code: 'odoo-no-lost', file: 'crm.lead.csv', deals: 1200, won: 300, active: true }, 'en')).toBe('crm.lead.csv: the Odoo export holds not one lost deal (the Active column is True on every row), and 300 of 1,200 won. Odoo archives a lost opportunity, and its lists leave the archived out: the win rate reads high and no loss reason shows. Export the deals again with the search filter «Lost» (or «Archived») added to the others, so that the file holds the active and the lost ones.');
    expect(describeAlert({ code: 'odoo-no-lost', file: 'crm.lead.csv', deals: 1200, won: 300, active: true }, 'ru')).toMatch(/^crm\.lead\.csv: в выгрузке Odoo нет ни одной проигранной сделки \(колонка «Активно» — «да» в каждой строке\), выиграно 300 из 1 200\. /);
    expect(describeAlert({ code: 'lost-no-reason', lost: 12 }, 'en')).toMatch(/^None of the 12 lost deals gives a loss reason \(the reason column is empty\): "not given" is 100%/);
  });

  it('a client column no won deal fills (blank, or placeholders read as none) is said too, from five won deals', () => {
    const none = (won: number, na: Record<string, string> = {}) => wonValueAlerts({ wonCoverage: { won, dated: 0, amounts: 0, zero: 0 } }, na, { repeat_won: 0 });
    expect(none(30)).toEqual([{ code: 'won-no-client', won: 30 }]);
    expect(none(5).map((a) => a.code)).toEqual(['won-no-client']);
    expect(none(4)).toEqual([]);
    // No client column at all: repeat sales are not applicable, said so there.
    expect(none(30, { repeat_won: 'needs a client, company or contact column in the deals file' })).toEqual([]);
    expect(describeAlert({ code: 'won-no-client', won: 30 }, 'ru')).toMatch(/^Ни у одной из 30 выигранных сделок не указан клиент \(ячейки пусты, в них заглушка вроде «Без имени» или номер, который Excel записал в экспоненциальной форме, «5,80503E\+18», потеряв его последние цифры\): повторных продаж 0 не потому/);
    // Contact ids Excel turned into «5,80503E+18» read as no client too: the text names that cause (tester T43 F2).
    expect(describeAlert({ code: 'won-no-client', won: 30 }, 'en')).toContain('or a number Excel wrote in its scientific form, 5.80503E+18, losing its last digits');
    expect(describeAlert({ code: 'won-no-client', won: 21 }, 'ru')).toMatch(/^Ни у одной из 21 выигранной сделки не указан клиент/);
    expect(describeAlert({ code: 'won-no-client', won: 30 }, 'en')).toMatch(/^None of the 30 won deals names a client/);
  });
});

// Tester T32 F5: the unknown-status snippet proposed `true` (not answered) for every value, «ANSWER» and
// «Состоялся» too: pasted unedited, answered calls became missed. Its guess is now by the value's words.
describe('unknown call statuses: the snippet guesses by their words', () => {
  const snippet = (values: string[], lang: string) => describeAlert({ code: 'unknown-values', file: 'calls.csv', field: 'missed', header: 'Статус', unknown: values.length, filled: 10, values }, lang).split('\n').slice(1).join('\n');
  it('false for a value that says an answer or nothing, true only for one that says no answer', () => {
    const values = ['ANSWER', 'NORMAL_CLEARING', 'Состоялся', 'Ok', 'Success', 'Переадресован', 'ORIGINATOR_CANCEL', 'USER_BUSY', 'Request Terminated', 'Абонент не отвечает', 'Неуспешно', 'Сорвался', 'NotFound', 'IVR'];
    const want = [false, false, false, false, false, false, true, true, true, true, true, true, true, true];
    const lines = values.map((v, i) => `  ${JSON.stringify(v)}: ${want[i]}    # true или false: проверьте`);
    expect(snippet(values, 'ru')).toBe(`missed:\n${lines.join('\n')}`);
    expect(snippet(['ANSWER', 'USER_BUSY'], 'en')).toBe('missed:\n  "ANSWER": false    # true or false: check\n  "USER_BUSY": true    # true or false: check');
  });

  it('keeps a direction\'s and a done flag\'s lines as they were', () => {
    expect(describeAlert({ code: 'unknown-values', file: 'calls.csv', field: 'direction', header: 'Тип', unknown: 1, filled: 10, values: ['local'] }, 'ru')).toContain('  "local": in    # in, out или internal: проверьте');
    // A call between employees is proposed as such (tester T69 L4: «Входящий внутренний» was `in`).
    expect(describeAlert({ code: 'unknown-values', file: 'calls.csv', field: 'direction', header: 'Тип', unknown: 1, filled: 10, values: ['Входящий внутренний'] }, 'ru')).toContain('  "Входящий внутренний": internal    # in, out или internal: проверьте');
    // A call abroad is no internal one: `intern` is a whole word, not a stem.
    expect(describeAlert({ code: 'unknown-values', file: 'calls.csv', field: 'direction', header: 'Type', unknown: 1, filled: 10, values: ['International inbound', 'Intern'] }, 'en')).toContain('  "International inbound": in    # in, out or internal: check\n  "Intern": internal');
    expect(describeAlert({ code: 'unknown-values', file: 'a.csv', field: 'done', header: 'Done', unknown: 1, filled: 10, values: ['Fait'] }, 'ru')).toContain('  "Fait": true    # true или false: проверьте');
    // Past the values listed, how many more there are (kpi lists up to 30).
    expect(describeAlert({ code: 'unknown-values', file: 'a.csv', field: 'missed', header: 'Статус', unknown: 40, filled: 50, values: ['A', 'B'], more: 3 }, 'ru')).toContain('(«A», «B» и ещё 3)');
    expect(describeAlert({ code: 'unknown-values', file: 'a.csv', field: 'missed', header: 'Status', unknown: 40, filled: 50, values: ['A', 'B'], more: 3 }, 'en')).toContain('("A", "B" and 3 more)');
  });
});

// Tester T76 (F12): ten letters on deals in amoCRM's list of events unlinked its eighty calls on contacts, without a word.
describe('clientLinkAlerts', () => {
  it('says activities that name only a client beside others that name a deal, from a fifth of them on', () => {
    expect(clientLinkAlerts({ dealLinks: { withDeal: 10, clientOnly: 80 } }, 'events.csv')).toEqual([{ code: 'client-links-dropped', file: 'events.csv', withDeal: 10, clientOnly: 80 }]);
    expect(clientLinkAlerts({ dealLinks: { withDeal: 80, clientOnly: 20 } }, 'e.csv')).toHaveLength(1);
    expect(clientLinkAlerts({ dealLinks: { withDeal: 81, clientOnly: 20 } }, 'e.csv')).toEqual([]);
    expect(clientLinkAlerts({}, 'e.csv')).toEqual([]);
    const alert = clientLinkAlerts({ dealLinks: { withDeal: 10, clientOnly: 80 } }, 'events.csv')[0] as Extract<Alert, { code: 'client-links-dropped' }>;
    expect(describeAlert(alert, 'ru')).toMatch(/^events\.csv: 80 активностей названы только по клиенту, без сделки, и не связаны ни с одной сделкой: у 10 других сделка указана/);
    expect(describeAlert({ ...alert, clientOnly: 1 }, 'en')).toMatch(/^events\.csv: 1 activity names a client and no deal, and links to none: 10 others name a deal/);
  });
});
