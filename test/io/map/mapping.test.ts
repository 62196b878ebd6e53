import { describe, expect, it } from 'vitest';
import { describeUserError, UserError } from '../../../src/core/errors.js';
import { renderMessage } from '../../../src/core/messages.js';
import { assertRequired, assignField, cellType, ColumnsMissing, FIELDS_RU, headerScore, looksLikeData, mapColumns, readAsPhone, scoreHeaderRow, valueShape } from '../../../src/io/map/mapping.js';
import { RECORD_KINDS, requiredAnyOf, requiredFields } from '../../../src/io/map/fields.js';
import { missingOf } from '../../helpers/missing-columns.js';

/** The closest columns offered for each missing field of a header and its first rows. */
function offered(headers: string[], rows: string[][], kind: 'deals' | 'activities' | 'spend' | 'plan'): Record<string, string[]> {
  try {
    assertRequired(mapColumns(headers, kind), 'f.csv', rows);
  } catch (error) {
    if (error instanceof ColumnsMissing) return Object.fromEntries(error.missing.map((m) => [m.field, m.candidates]));
    throw error;
  }
  return {};
}

describe('the closest column offered for a missing field fits its values', () => {
  it('a column of dates, or an empty one, is not offered as the manager (a call log of outside numbers only: no line names an employee)', () => {
    const headers = ['calldate', 'src', 'dst', 'billsec', 'disposition', 'userfield'];
    const rows = [['2024-07-01 14:05:12', '74951234567', '74950000001', '65', 'ANSWERED', ''], ['2024-07-01 15:10:00', '74951234568', '74950000001', '0', 'NO ANSWER', '']];
    expect(offered(headers, rows, 'activities').manager).toEqual([]);
  });

  it('a column of names is offered as the manager; a column with no date is not offered as the creation date', () => {
    const headers = ['Менеджер проекта', 'Создано кем', 'Дата', 'Этап сделки'];
    const rows = [['Иванов Иван', 'Петрова Анна', '01.02.2025', 'Успешно реализовано']];
    const o = offered(headers, rows, 'deals');
    expect(o.manager).toContain('Менеджер проекта');
    expect(o.created_at).toContain('Дата');
    expect(o.created_at).not.toContain('Создано кем');
    expect(o.created_at).not.toContain('Этап сделки');
  });
});

// A tester (T32 F2): a call log's routes in words (3CX's Call Activity Details) were proposed as the manager; pasted,
// each route was a manager, the voice menu one with 100% missed.
describe('a column of routes or sentences is not offered as the manager', () => {
  it('«Inbound: 74951234567 > Ivanov Ivan (101)» is no name; a column of names beside it is', () => {
    const headers = ['Call Time', 'Agent', 'Call Activity Details'];
    const rows = [
      ['03/03/2025 10:00', 'Ivanov Ivan', 'Inbound: 74951234567 > Ivanov Ivan (101)'],
      ['03/03/2025 11:00', 'Petrova Anna', 'Inbound: 74951234567 > Main IVR (800) > Petrova Anna (102)'],
      ['03/03/2025 12:00', 'Ivanov Ivan', 'Ivanov Ivan (101) > Outbound rule'],
    ];
    expect(offered(['Call Time', 'Call Activity Details'], rows.map((r) => [r[0]!, r[2]!]), 'activities').manager ?? []).not.toContain('Call Activity Details');
    expect(offered(headers, rows, 'activities').manager ?? []).toEqual([]);
  });
});

// A tester: a Beeline log, «Дата и время; Абонент; Номер; …», whose «Абонент» is the employee
// («Иванов Иван (доб. 101)») and «Номер» the client's phone: «Номер» was proposed as the manager
// (kpi's snippet, map's file, the answer pre-selected on a terminal), and Enter gave 7 managers that
// were phone numbers.
describe('the column proposed for a field is chosen by its values too', () => {
  const beeline = ['Дата и время', 'Абонент', 'Номер', 'Направление', 'Статус', 'Длительность'];
  const rows = [
    ['01.04.2025 10:05:00', 'Иванов Иван (доб. 101)', '79161111111', 'Входящий', 'Отвечен', '2:00'],
    ['02.04.2025 09:10:00', 'Петрова Анна (доб. 102)', '+79163333333', 'Входящий', 'Пропущен', '0:00'],
    ['05.04.2025 20:00:00', '', '79165555555', 'Входящий', 'Пропущен', '0:00'],
    ['03.04.2025 12:00:00', 'Иванов Иван (доб. 101)', '202', 'Внутренний', 'Отвечен', '0:30'],
  ];

  it('a column of names is proposed as the manager; a column of phone numbers never is', () => {
    expect(offered(beeline, rows, 'activities').manager).toEqual(['Абонент']);
    // Where «Абонент» holds the client's number (as in other logs), it is not proposed: the column of names is, by its values.
    const clients = rows.map((r) => [r[0]!, r[2]!, 'Иванов Иван', r[3]!, r[4]!, r[5]!]);
    expect(offered(['Дата и время', 'Абонент', 'Кто', 'Направление', 'Статус', 'Длительность'], clients, 'activities').manager).toEqual(['Кто']);
    expect(offered(['Дата и время', 'Абонент', 'Направление', 'Статус', 'Длительность'], clients.map((r) => [r[0]!, r[1]!, r[3]!, r[4]!, r[5]!]), 'activities').manager).toEqual([]);
  });

  it('names come first, before a closer header whose values are other text; dates, amounts and ids are never offered', () => {
    // «Операторы» is the closer header (to «Оператор»), but its values are yes and no.
    const headers = ['Операторы', 'Имя сотрудника АТС', 'Дата'];
    expect(offered(headers, [['Да', 'Иванов Иван', '01.04.2025'], ['Нет', 'Петрова Анна', '02.04.2025']], 'activities').manager).toEqual(['Имя сотрудника АТС', 'Операторы']);
    for (const values of [['01.04.2025', '02.04.2025'], ['15 000', '2 500,50'], ['0058a00000MNWtFAAX', '0058a00000MNWtKAAX'], ['+7 (916) 111-11-11', '8 916 222-22-22']]) {
      expect(offered(['Ответственный менеджер проекта', 'Дата'], values.map((v) => [v, '01.04.2025']), 'deals').manager, values[0]).toEqual([]);
    }
    // A PBX's extensions alone are its employees' lines: offered in a call log.
    expect(offered(['Внутр. номер', 'Дата'], [['101', '01.04.2025'], ['102', '01.04.2025']], 'activities').manager).toEqual(['Внутр. номер']);
  });

  it('a date field is offered a column of dates, a month field one of months or dates, a target one of numbers', () => {
    // Mostly words: not the creation date, though one cell reads as a date.
    expect(offered(['Создана кем', 'Ответственный'], [['Иван', 'Иван'], ['01.02.2025', 'Анна'], ['Анна', 'Анна']], 'deals').created_at).toEqual([]);
    // A month column of first days is a month column (it was never offered: it held dates).
    expect(offered(['Отчётный мес.', 'Источник', 'Сумма'], [['01.07.2024', 'Сайт', '100'], ['01.08.2024', 'Сайт', '200']], 'spend').month).toEqual(['Отчётный мес.']);
    expect(offered(['Отчётный мес.', 'Источник', 'Сумма'], [['Июль', 'Сайт', '100']], 'spend').month).toEqual([]);
    expect(offered(['Месяц', 'Источник', 'Траты на рекламу'], [['2024-07', 'Сайт', 'много']], 'spend').amount).toEqual([]);
    expect(offered(['Менеджер', 'Месяц', 'Лиды план'], [['Иванов', '2025-01', 'сорок']], 'plan').leads).toEqual([]);
  });

  it('reads a value as a line, a date, a number, an id, a name or other text', () => {
    const shapes = ['101', 'PJSIP/101-0000001a', '01.04.2025 10:05', '15 000', '79161111111', '+7 (916) 111-11-11', '0058a00000MNWtFAAX', 'Иванов Иван', 'Петрова А. С.', 'Иванов Иван Сергеевич (доб. 101)', 'Оператор (102)', 'Anna Lee', 'Оператор', 'Да', 'ivan@example.com'].map(valueShape);
    expect(shapes).toEqual(['line', 'line', 'date', 'number', 'number', 'number', 'id', 'name', 'name', 'name', 'name', 'name', 'text', 'text', 'text']);
  });
});


// Testers: an amoCRM export whose «Дата создания» was renamed «Поступила» (all dates) got the
// placeholder «<заголовок в вашем файле>», and a terminal pre-selected «ID» (100000 · 100001): Enter
// failed on 1200 rows «100000 — не дата». «Ответственный» renamed «Куратор» (names only) likewise.
describe('a column of an unfamiliar name is proposed by its values when no similar name fits', () => {
  const amo = ['ID', 'Название сделки', 'Бюджет ', 'Куратор', 'Этап сделки', 'Воронка', 'Поступила', 'Дата закрытия', 'Компания', 'Источник'];
  const rows = [
    ['100000', 'Сделка 100000', '55 500', 'Алексеева Мария', 'Закрыто и не реализовано', 'Продажи', '01.07.2024 04:57:49', '06.07.2024 10:29:10', '', 'Выставка'],
    ['100001', 'Сделка 100001', '227 300', 'Григорьева Анна', 'Успешно реализовано', 'Продажи', '01.07.2024 08:18:16', '11.07.2024 14:14:07', 'Клиент 204', 'Выставка'],
    ['100002', 'Сделка 100002', '12 000', 'Алексеева Мария', 'Переговоры', 'Продажи', '02.07.2024 09:00:00', '', 'Клиент 7', 'Сайт'],
  ];

  it('a date field: the leftmost date column no field reads, never an id of plain integers; a manager: a column of names', () => {
    const error = missingOf(amo, rows, 'deals');
    expect(error.missing.map((m) => [m.field, m.candidates, m.byValues])).toEqual([
      ['manager', ['Куратор'], { are: 'names', columns: ['Куратор'] }],
      // «Дата закрытия» is the close date already.
      ['created_at', ['Поступила'], { are: 'dates', columns: ['Поступила'] }],
    ]);
    expect(error.hint).toContain('deals:\n  columns:\n    manager: "Куратор"    # by its values (names): check\n    created_at: "Поступила"    # by its values (dates): check');
    expect(error.message).toBe('cannot find the columns for manager (by values: "Куратор"; no similar name); created_at (by values: "Поступила"; no similar name)');
    const ru = describeUserError(error, 'ru');
    expect(ru).toContain('created_at: "Поступила"    # по значениям (даты): проверьте');
    expect(ru).toContain('даты создания (created_at) (по значениям: «Поступила»; похожего названия нет)');
    // Two columns of dates: the leftmost is the creation date.
    const two = missingOf(['ID', 'Куратор', 'Поступила', 'Изменена'], [['1', 'Иванов Иван', '01.07.2024', '05.07.2024']], 'deals');
    expect(two.missing.find((m) => m.field === 'created_at')!.candidates).toEqual(['Поступила', 'Изменена']);
  });

  it('nothing fits: the placeholder stays (an id of 100000 reads as an Excel day, and is no date here)', () => {
    const error = missingOf(['ID', 'Ответственный', 'Этап сделки'], [['100000', 'Иванов Иван', 'Новая'], ['45000', 'Петрова Анна', 'Новая']], 'deals');
    expect(error.missing).toEqual([{ field: 'created_at', candidates: [] }]);
    expect(error.hint).toContain('created_at: "<header in your file>"');
  });

  it('names come before a closer header of other text («Откуда»: Звонок, Сайт is no manager)', () => {
    const headers = ['Номер', 'Кто ведёт', 'Фаза', 'Когда', 'Деньги', 'Откуда'];
    const odd = [['1', 'Иванов Иван', 'Переговоры', '02.03.2024', '9000', 'Звонок'], ['2', 'Иванов Иван', 'Отказ клиента', '03.03.2024', '58000', 'Звонок'], ['3', 'Сидоров Пётр', 'Отказ клиента', '04.03.2024', '27000', 'Сайт']];
    const o = offered(headers, odd, 'deals');
    expect(o.manager![0]).toBe('Кто ведёт');
    expect(o.created_at).toEqual(['Когда']);
  });

  // «Мамедов Эльчин Рауф оглы» is four words, and such a column was no column of names: «Откуда» was proposed as the manager.
  it('a column of names with Turkic patronymics (оглы, кызы) is a column of names', () => {
    const headers = ['Номер', 'Кто ведёт', 'Когда', 'Откуда'];
    const odd = [['1', 'Мамедов Эльчин Рауф оглы', '02.03.2024', 'Звонок'], ['2', 'Алиева Айгюн Рауф кызы', '03.03.2024', 'Звонок'], ['3', 'Алиева Айгюн Рауф кызы', '04.03.2024', 'Сайт']];
    expect(offered(headers, odd, 'deals').manager![0]).toBe('Кто ведёт');
    expect(['Мамедов Эльчин Рауф оглы', 'Алиева Айгюн Рауф кызы (доб. 102)'].map(valueShape)).toEqual(['name', 'name']);
  });

  it('a call log of headers no rule knows: the date column and the column of names (a German HubSpot export, as it is spelt)', () => {
    const headers = ['Datensatz-ID', 'Aktivitätsdatum', 'Aktivität zugewiesen an', 'Anrufrichtung', 'Anrufstatus', 'Anrufdauer', 'Zugehörige Deal-IDs'];
    const calls = [['101', '2025-01-05 09:30', 'Alice Smith', 'Ausgehend', 'Abgeschlossen', '120000', '1'], ['102', '2025-01-06 11:00', 'Alice Smith', 'Eingehend', 'Verpasst', '0', '2'], ['103', '2025-01-06 12:00', 'Bob Jones', 'Ausgehend', 'Keine Antwort', '0', '2']];
    expect(offered(headers, calls, 'activities')).toEqual({ manager: ['Aktivität zugewiesen an'], at: ['Aktivitätsdatum'] });
    // The same columns by their values alone, whatever their names.
    const renamed = ['Nr', 'Wann', 'Wer', 'Richtung', 'Status', 'Dauer', 'Deals'];
    expect(offered(renamed, calls, 'activities')).toEqual({ manager: ['Wer'], at: ['Wann'] });
  });

  it('numbers for an amount or a target (not a row number counting up), months for a month; deterministic', () => {
    const spend = missingOf(['Срок', 'Канал', 'N', 'Потрачено'], [['2024-07', 'Сайт', '1', '15 000'], ['2024-08', 'Сайт', '2', '9 000']], 'spend');
    // «Потрачено» is VK Ads' word for spend, read by its name (F9).
    expect(spend.missing.map((m) => [m.field, m.candidates, m.byValues?.are])).toEqual([['month', ['Срок'], 'months']]);
    const plan = missingOf(['Менеджер', 'Месяц', 'Цель'], [['Иванов Иван', '02.2025', '250000']], 'plan');
    // 250 000 is money: offered for revenue, not as a count of leads or deals won (F8).
    expect(plan.missing).toEqual([{ field: 'revenue', candidates: ['Цель'], anyOf: ['leads', 'won', 'revenue'], each: { leads: [], won: [], revenue: ['Цель'] }, byValues: { are: 'numbers', columns: ['Цель'] } }]);
    const targets = missingOf(['Manager', 'Month', 'Target, deals', 'Target, RUB'], [['Иванов Иван', '2025-01', '3', '150000']], 'plan');
    expect(targets.missing[0]!.each).toEqual({ leads: ['Target, deals'], won: ['Target, deals'], revenue: ['Target, RUB', 'Target, deals'] });
    expect(missingOf(amo, rows, 'deals').missing).toEqual(missingOf(amo, rows, 'deals').missing);
  });
});

describe('headerScore: a row of data with one known value is no header', () => {
  it('reads a cell as a header search does: dates, numbers (grouped, with a currency), text', () => {
    expect(['05.07.2024', '2024-07-05 10:00:00', '7/5/2024', '15000', '15 000', '120000|RUB', '-5,5', 'ID', '№', 'won', ''].map(cellType)).toEqual(['date', 'date', 'date', 'number', 'number', 'number', 'number', 'text', 'text', 'text', 'empty']);
    expect(looksLikeData(['Ответственный', 'Дата создания'])).toBe(false);
    expect(looksLikeData(['Иванов', '05.07.2024'])).toBe(true);
  });

  it('scores a header as scoreHeaderRow does, and a data row with a single known value as 0', () => {
    expect(headerScore(['100', 'Иванов Иван', '2024-01-05 10:00:00', 'won', '15000'], 'deals')).toBe(0);
    expect(scoreHeaderRow(['100', 'Иванов Иван', '2024-01-05 10:00:00', 'won', '15000'], 'deals')).toBe(1);
    // A header with one known name and no data stays a candidate; two known names are a header whatever else the row holds.
    expect(headerScore(['Ответственный', 'Что-то'], 'deals')).toBe(1);
    expect(headerScore(['ID', 'Ответственный', '2024'], 'deals')).toBe(2);
  });

  // Tester T63 M1: a generated deals file without its header line was taken for a sales plan, «won» (its status) and
  // «Продажи» (its pipeline) being two of the plan's names: inspect called it a plan, kpi asked for it as --plan.
  it('counts a data row\'s known names once per field: two names of the plan\'s won are no plan header', () => {
    const row = ['100001', 'Белов Игорь', 'Клиент 31', '2024-07-04 17:07:37', '2024-07-16 19:21:11', '', 'won', '49100', '', 'Рекомендация', 'Продажи'];
    expect(scoreHeaderRow(row, 'plan')).toBe(2);
    expect(headerScore(row, 'plan')).toBe(0);
    // Two fields' names beside data still make a header (a plan row with a year in it).
    expect(headerScore(['Менеджер', 'Продажи', '2025'], 'plan')).toBe(2);
  });
});

describe("a header a profile names for one field is not another field's by a generic alias", () => {
  it("Salesforce's task report: Status is done or not (its profile's), never the call result missed's generic alias reads, with or without a Call Result column", async () => {
    const { detectProfile } = await import('../../../src/io/map/profiles.js');
    for (const headers of [
      ['Assigned', 'Subject', 'Task Subtype', 'Call Type', 'Call Duration', 'Date', 'Company / Account', 'Related To', 'Status'],
      ['Assigned', 'Subject', 'Task Subtype', 'Call Type', 'Call Duration', 'Call Result', 'Date', 'Company / Account', 'Related To', 'Status'],
    ]) {
      const map = mapColumns(headers, 'activities', {}, undefined, detectProfile(headers, 'activities'));
      expect(map.profile?.profile.id).toBe('salesforce-activities');
      expect(map.fields.get('done')).toEqual([headers.indexOf('Status')]);
      expect(map.fields.get('missed')).toEqual(headers.includes('Call Result') ? [headers.indexOf('Call Result')] : undefined);
    }
  });
});

// A proposal blank on most of the first rows may hold the field on one call direction only (Mango's to_extension):
// the snippet says so, where before it offered it as «the closest column» (tT18 F4).
describe('a proposed column blank on most of the first rows', () => {
  it('is said in the snippet\'s comment', () => {
    const rows = [
      ['03.03.2025 10:00', 'out', '101', '', '60'],
      ['03.03.2025 11:00', 'out', '102', '', '60'],
      ['03.03.2025 12:00', 'in', '', '101', '60'],
    ];
    let error: unknown;
    try {
      assertRequired(mapColumns(['Date', 'Direction', 'Employee out', 'Employee in', 'Duration'], 'activities'), 'f.csv', rows);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ColumnsMissing);
    const missing = (error as ColumnsMissing).missing.find((m) => m.field === 'manager')!;
    expect(missing.blank).toEqual({ rows: 2, of: 3 });
    expect((error as ColumnsMissing).hint).toContain(`manager: "${missing.candidates[0]}"    # the closest column, but blank on 2 of the 3 first rows: the value may be split across two columns (one per call direction); check`);
  });
});

// A reviewer: «set the field, forget what the column was passed over for, set the field's columns» was
// written out in five places (takeAt, readExtensionSides, applyTypeColumn, readAsPhone, readAsDeal), and
// readAsPhone had left out the middle step: a column passed over for the manager, read as the phone, was both.
describe('assignField: the one way a field is given columns after the header was mapped', () => {
  const header = ['Менеджер', 'Сотрудник', 'Дата', 'Создано'];

  it('gives the field its columns in order, each no longer passed over for another field', () => {
    const map = mapColumns(header, 'activities');
    expect(map.columns[0]).toStrictEqual({ index: 0, header: 'Менеджер', passedOverFor: 'manager' });
    assignField(map, 'at', [3, 0]);
    expect(map.fields.get('at')).toEqual([3, 0]);
    expect(map.columns[0]).toStrictEqual({ index: 0, header: 'Менеджер', field: 'at' });
    expect(map.columns[3]).toStrictEqual({ index: 3, header: 'Создано', field: 'at' });
  });

  it('readAsPhone through it: the column passed over for the manager is the phone alone', () => {
    const map = mapColumns(header, 'activities');
    readAsPhone(map, 0, ['+7 916 111-11-11']);
    expect(map.columns[0]).toStrictEqual({ index: 0, header: 'Менеджер', field: 'phone', byValues: ['+7 916 111-11-11'] });
    expect([map.fields.get('phone'), map.fields.get('manager'), map.phoneByValues]).toEqual([[0], [1], 0]);
  });
});

// A tester (tT22 #14): `columns: { amount: "Бюджет", manager: "Бюджет" }` ran, the managers «1000», «2000», … and exit 0.
describe('a --map file that names one column for two fields', () => {
  const headers = ['ID', 'Бюджет', 'Ответственный', 'Этап сделки', 'Дата создания'];

  it.each([
    [{ amount: 'Бюджет', manager: 'Бюджет' }, 'amount', 'manager'],
    // By number, and by another spelling of the same header, it is the same column.
    [{ amount: 'Бюджет', manager: '#2' }, 'amount', 'manager'],
    [{ manager: ' бюджет ', amount: ['Бюджет'] }, 'manager', 'amount'],
  ])('is refused, naming the column and both fields: %j', (columns, first, second) => {
    const error = (() => {
      try {
        mapColumns(headers, 'deals', columns, 'samecol.yaml');
      } catch (e) {
        return e;
      }
      return undefined;
    })() as UserError;
    expect(error).toBeInstanceOf(UserError);
    expect([error.code, error.where]).toEqual(['E_MAP_COLUMN', { file: 'samecol.yaml', path: `deals.columns.${second}` }]);
    expect(renderMessage(error.messageId!, error.params!, 'ru')).toBe(`колонка «Бюджет» указана и для ${first}, и для ${second}`);
    expect(error.message).toBe(`the column "Бюджет" is named for both ${first} and ${second}`);
  });

  it('a field may still name its columns (several, for a coalescing one), and a column named once is read as before', () => {
    const map = mapColumns([...headers, 'Компания', 'Контакт'], 'deals', { amount: 'Бюджет', client: ['Компания', 'Контакт'] }, 'ok.yaml');
    expect(map.fields.get('amount')).toEqual([1]);
    expect(map.fields.get('client')).toEqual([5, 6]);
    expect(map.fields.get('manager')).toEqual([2]);
  });
});

// A tester (tT22 #9): a budget with months across and no year (`Канал;Январь;Февраль;Итого`) was offered `amount: "Январь"`.
describe('months across with no year', () => {
  const refusal = (headers: string[], kind: 'spend' | 'plan', user: Record<string, string> = {}) => {
    try {
      assertRequired(mapColumns(headers, kind, user), 'sp.csv', [['Сайт', '1 000', '10 000', '11 000']]);
    } catch (error) {
      return error as UserError;
    }
    return undefined;
  };

  it.each([
    [['Канал', 'Январь', 'Февраль', 'Итого'], 'spend', '«Январь», «Февраль»', 'Январь 2025'],
    [['Source', 'Jan', 'Feb.', 'Mar', 'Apr'], 'spend', '«Jan», «Feb.», «Mar»', 'Jan 2025'],
    [['Менеджер', 'январь', 'февраль'], 'plan', '«январь», «февраль»', 'январь 2025'],
  ] as const)('%j (%s) is refused asking for the year, with no column proposed', (headers, kind, shown, example) => {
    const error = refusal([...headers], kind);
    expect(error).toBeInstanceOf(UserError);
    expect(error).not.toBeInstanceOf(ColumnsMissing);
    expect(error!.messageId).toBe('map.monthsWithoutYear');
    expect(renderMessage(error!.messageId!, error!.params!, 'ru')).toContain(`заголовки колонок похожи на месяцы без года (${shown})`);
    expect(error!.hint).toBe(`add the year to the month headers: "${example}"`);
  });

  it('one month header, or a month column named, is not this: the columns are asked for as ever', () => {
    expect(refusal(['Канал', 'Январь', 'Сумма'], 'spend')).toBeInstanceOf(ColumnsMissing);
    expect(refusal(['Канал', 'Январь', 'Февраль', 'Период'], 'spend', { amount: 'Январь' })).toBeUndefined();
  });
});

// A reviewer: a --map file's unknown field of 1 000 characters was quoted whole in the error (its path
// was already cut). Quoted by its first 40 characters and «…», as a long value is; so is a long column name.
describe('a long name in a --map file', () => {
  const headers = ['ID', 'Бюджет', 'Ответственный', 'Этап сделки', 'Дата создания'];
  const thrown = (columns: Record<string, string>): UserError => {
    try {
      mapColumns(headers, 'deals', columns, 'long.yaml');
    } catch (e) {
      return e as UserError;
    }
    throw new Error('not refused');
  };

  it('an unknown field is quoted by its start, in Russian and English', () => {
    const key = `x${'я'.repeat(999)}`;
    const error = thrown({ [key]: 'Бюджет' });
    expect(error.code).toBe('E_MAP_FIELD');
    const start = `x${'я'.repeat(39)}…`;
    expect(renderMessage(error.messageId!, error.params!, 'ru')).toBe(`«${start}» — не поле раздела deals`);
    expect(error.message).toBe(`"${start}" is not a field of deals`);
    for (const lang of ['ru', 'en']) {
      const text = describeUserError(error, lang);
      expect(text).toContain(start);
      expect(text).not.toContain('я'.repeat(41));
    }
    // A short one is quoted whole, as before.
    expect(thrown({ owner: 'Бюджет' }).message).toBe('"owner" is not a field of deals');
  });

  it('a column the file lacks is quoted by its start', () => {
    const error = thrown({ manager: `Менеджер ${'m'.repeat(1000)}` });
    expect(error.code).toBe('E_MAP_COLUMN');
    expect(error.message).toBe(`no column "Менеджер ${'m'.repeat(31)}…" in the file for manager`);
  });

  it('a number no header is points to the column by its place, «#2» (review R47: `manager: 04` lost the hint)', () => {
    const error = thrown({ manager: '02' });
    expect(error.message).toBe('no column "02" in the file for manager');
    expect(describeUserError(error, 'en')).toContain(`to name a column by its place, write "#2" (column 2 is "${headers[1]}")`);
    expect(describeUserError(error, 'ru')).toContain(`чтобы указать колонку по её месту, напишите "#2" (колонка 2 — «${headers[1]}»)`);
    // Past the last column, only the columns are listed.
    expect(describeUserError(thrown({ manager: '99' }), 'en')).not.toContain('by its place');
  });
});

describe('FIELDS_RU', () => {
  it('names in Russian every field a kind requires, alone or one of a group: a Russian error said «колонка для deal_id»', () => {
    const needed = RECORD_KINDS.flatMap((kind) => [...requiredFields(kind), ...requiredAnyOf(kind).flat()]);
    expect(needed.filter((f) => FIELDS_RU[f] === undefined)).toEqual([]);
  });
});

describe('a payments file with one amount and a status column', () => {
  const hint = (rows: string[][]): string => {
    try {
      assertRequired(mapColumns(['ID сделки', 'Сумма', 'Статус'], 'payments'), 'p.csv', rows);
    } catch (error) {
      return (error as UserError).hint ?? '';
    }
    return '';
  };

  it('proposes the amount as paid where the statuses are a register\'s («Проведён»), as invoiced where they are an invoice\'s («Оплачен», «Отправлен клиенту»)', () => {
    expect(hint([['1', '100', 'Проведён'], ['2', '200', 'Проведён']])).toContain('paid: "Сумма"');
    expect(hint([['1', '100', 'Оплачен'], ['2', '200', 'Отправлен клиенту']])).toContain('invoiced: "Сумма"');
  });
});

describe('a duration column a --map file names', () => {
  it('keeps the unit its header has for the field, as when an alias matched it; the map\'s units win', () => {
    const headers = ['Менеджер', 'Дата', 'Call duration'];
    expect(mapColumns(headers, 'activities').units.get(2)).toBe('ms');
    expect(mapColumns(headers, 'activities', { duration_s: 'Call duration', manager: 'Менеджер', at: 'Дата' }).units.get(2)).toBe('ms');
    expect(mapColumns(headers, 'activities', { duration_s: 'Call duration' }, undefined, undefined, { 'Call duration': 's' }).units.get(2)).toBe('s');
  });
});

// A tester (T34 F2): «Дата создания (контакт)» left of «Дата создания» was the deals' creation date (the bracket is
// dropped to match), and every deal was created the day its contact was: cycles of 650 days, period one day.
describe('a deals file\'s column of another record does not take its own column\'s field', () => {
  it('«Дата создания (контакт)» left of «Дата создания»: the deal\'s own is created_at', () => {
    const map = mapColumns(['ID', 'Ответственный', 'Дата создания (контакт)', 'Дата создания', 'Этап сделки'], 'deals');
    expect(map.fields.get('created_at')).toEqual([3]);
    expect(map.columns[2]!.passedOverFor).toBe('created_at');
  });

  it('alone, or with «(сделка)», the column is read as before', () => {
    expect(mapColumns(['ID', 'Ответственный', 'Дата создания (контакт)', 'Этап'], 'deals').fields.get('created_at')).toEqual([2]);
    expect(mapColumns(['ID', 'Ответственный', 'Дата создания (сделка)', 'Дата создания (компания)', 'Этап'], 'deals').fields.get('created_at')).toEqual([2]);
  });
});
