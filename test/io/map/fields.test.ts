import { describe, expect, it } from 'vitest';
import { mapColumns } from '../../../src/io/map/mapping.js';
import { detectProfile } from '../../../src/io/map/profiles.js';

/** field -> header, for the columns a call log's header maps to. */
function mapped(headers: string[]): Record<string, string> {
  const map = mapColumns(headers, 'activities', {}, undefined, detectProfile(headers, 'activities'));
  return Object.fromEntries([...map.fields].map(([field, cols]) => [field, headers[cols[0]!]!]));
}

// Call logs as telephony providers write them (headers from their statistics exports and APIs):
// no generic rule found the time, the manager or the status of these, so `kpi -a` stopped.
describe('telephony call logs map by their own headers', () => {
  it('Sipuni: the time in «Время», the talk in «Длительность разговора» (not the ringing), the CRM manager', () => {
    const m = mapped(['Тип', 'Статус', 'Время', 'Схема', 'Откуда', 'Куда', 'Кто ответил', 'Длительность звонка', 'Длительность разговора', 'Время ответа', 'Оценка', 'ID записи', 'Новый клиент', 'Состояние перезвона', 'Время перезвона', 'Ответственный из CRM']);
    expect(m).toMatchObject({ at: 'Время', direction: 'Тип', missed: 'Статус', duration_s: 'Длительность разговора', manager: 'Ответственный из CRM' });
  });

  it('UIS/CoMagic and MTS: a date and a time column, the call type, the operator', () => {
    expect(mapped(['Дата', 'Время', 'Тип вызова', 'Статус вызова', 'Номер абонента', 'Оператор', 'Продолжительность разговора'])).toMatchObject({ at: 'Дата', at_time: 'Время', direction: 'Тип вызова', missed: 'Статус вызова', manager: 'Оператор', duration_s: 'Продолжительность разговора', phone: 'Номер абонента' });
  });

  it('Mango Office: the start of the call, its two numbers and its result', () => {
    // «Номер звонящего» is the caller of every call (the office's number on an outgoing one), not the client's phone.
    const m = mapped(['Начало звонка', 'Тип звонка', 'Номер звонящего', 'Номер назначения', 'Сотрудник', 'Длительность вызова', 'Результат звонка']);
    expect(m).toMatchObject({ at: 'Начало звонка', direction: 'Тип звонка', caller: 'Номер звонящего', callee: 'Номер назначения', manager: 'Сотрудник', duration_s: 'Длительность вызова', missed: 'Результат звонка' });
    expect(m.phone).toBeUndefined();
  });

  // A log's A and B numbers under the names PBXs give them: «Номер назначения» was unmapped, «Вызывающий номер» and «Вызываемый номер» both.
  it.each([
    ['Номер звонящего', 'Номер назначения'],
    ['Вызывающий номер', 'Вызываемый номер'],
    ['Номер вызывающего абонента', 'Номер вызываемого абонента'],
    ['Номер вызывающего', 'Номер вызываемого'],
    ['Calling number', 'Called number'],
    ['Откуда', 'Набранный номер'],
    ['Caller', 'Dialed number'],
  ])('«%s» and «%s» are the caller and the callee', (caller, callee) => {
    expect(mapped(['Дата звонка', 'Тип звонка', caller, callee, 'Сотрудник'])).toEqual({ at: 'Дата звонка', direction: 'Тип звонка', caller, callee, manager: 'Сотрудник' });
  });

  it.each(['Номер клиента', 'Телефон', 'Номер телефона', 'Номер абонента', 'Внешний номер'])('«%s» is still the client\'s phone, beside a caller and a callee too', (phone) => {
    expect(mapped(['Дата звонка', 'Тип звонка', phone, 'Сотрудник'])).toMatchObject({ phone });
    expect(mapped(['Дата звонка', 'Тип звонка', 'Номер звонящего', 'Номер назначения', phone, 'Сотрудник'])).toMatchObject({ phone, caller: 'Номер звонящего', callee: 'Номер назначения' });
  });

  // A log of a row per leg with a Russian call-id header merged no legs: 4 incoming calls, 3 missed, for 2 and 1.
  it.each(['ID звонка', 'ID вызова', 'Идентификатор звонка', 'Идентификатор вызова', 'ID сессии', 'Идентификатор сессии', 'entry_id', 'session_id', 'call_session_id', 'communication_id', 'Call ID', 'call_id', 'linkedid', 'pbx_call_id'])('«%s» is the call id that ties a call\'s legs', (id) => {
    expect(mapped([id, 'Начало звонка', 'Тип звонка', 'Номер клиента', 'Сотрудник', 'Результат звонка'])).toEqual({ call_id: id, at: 'Начало звонка', direction: 'Тип звонка', phone: 'Номер клиента', manager: 'Сотрудник', missed: 'Результат звонка' });
  });

  it('a bare «ID» or `uid` is no call id (a row\'s), and «ID сделки» stays the deal beside a call id', () => {
    expect(mapped(['ID', 'uid', 'id', 'Дата звонка', 'Сотрудник']).call_id).toBeUndefined();
    expect(mapped(['ID звонка', 'ID сделки', 'Дата звонка', 'Сотрудник'])).toEqual({ call_id: 'ID звонка', deal_id: 'ID сделки', at: 'Дата звонка', manager: 'Сотрудник' });
  });

  it('«Исходящий номер» is neither side: the number the company shows on its outgoing calls', () => {
    expect(mapped(['Дата звонка', 'Тип звонка', 'Исходящий номер', 'Сотрудник'])).toEqual({ at: 'Дата звонка', direction: 'Тип звонка', manager: 'Сотрудник' });
  });

  it('Asterisk CDR and Zadarma: calldate / callstart, disposition, billsec / billseconds', () => {
    expect(mapped(['calldate', 'clid', 'src', 'dst', 'dcontext', 'channel', 'duration', 'billsec', 'disposition'])).toMatchObject({ at: 'calldate', missed: 'disposition', duration_s: 'billsec' });
    expect(mapped(['callstart', 'sip', 'clid', 'destination', 'disposition', 'billseconds', 'cost'])).toMatchObject({ at: 'callstart', manager: 'sip', missed: 'disposition', duration_s: 'billseconds' });
  });

  it('a date with a separate time keeps both; «Время» alone is the time of the call', () => {
    expect(mapped(['Дата звонка', 'Время', 'Сотрудник'])).toMatchObject({ at: 'Дата звонка', at_time: 'Время' });
    expect(mapped(['Время', 'Сотрудник'])).toMatchObject({ at: 'Время', manager: 'Сотрудник' });
  });
});

describe('Bitrix24 in its English interface', () => {
  it('maps the responsible person, the closed flag and the expected close date', () => {
    const headers = ['ID', 'Deal Name', 'Stage', 'Amount', 'Currency', 'Responsible person', 'Created on', 'Deal closed', 'Expected close date', 'Company', 'Contact', 'Source', 'Pipeline'];
    const map = mapColumns(headers, 'deals', {}, undefined, detectProfile(headers, 'deals'));
    const m = Object.fromEntries([...map.fields].map(([field, cols]) => [field, headers[cols[0]!]!]));
    expect(m).toMatchObject({ manager: 'Responsible person', closed: 'Deal closed', planned_close: 'Expected close date', created_at: 'Created on', stage: 'Stage', amount: 'Amount' });
    expect(mapColumns(['Stage', 'Responsible', 'Created on'], 'deals').fields.get('manager')).toEqual([1]);
  });
});

describe('close dates under the names reports give them', () => {
  // Without one the cycle is null: a report's «Closed On» or «Дата завершения» went unread.
  it.each(['Closed On', 'Date Closed', 'Closed At', 'Дата завершения', 'Дата завершения сделки', 'Фактическая дата закрытия'])('%s is the close date', (header) => {
    const headers = ['ID', 'Owner', 'Stage', 'Amount', 'Created', header];
    expect(mapColumns(headers, 'deals').fields.get('closed_at')).toEqual([5]);
  });
});

// A tester: an amoCRM-like deals file headed its amount «Стоимость, руб» (values «10 000», «7 500,50»); no rule found
// it, and revenue and the average check were not applicable. «Бюджет сделки» and «Стоимость сделки» say the same.
describe('a deal\'s price under the names it goes by', () => {
  const deals = (headers: string[]) => {
    const map = mapColumns(headers, 'deals', {}, undefined, detectProfile(headers, 'deals'));
    return Object.fromEntries([...map.fields].map(([field, cols]) => [field, headers[cols[0]!]!]));
  };

  it.each(['Стоимость, руб', 'Стоимость', 'Стоимость (₽)', 'Бюджет сделки', 'Стоимость сделки'])('«%s» is the amount', (header) => {
    expect(deals(['ID', 'Название сделки', header, 'Ответственный', 'Дата создания', 'Этап сделки'])).toMatchObject({ amount: header, manager: 'Ответственный', id: 'ID' });
  });

  it('«Бюджет» and «Сумма» come first where a file has «Стоимость» too; a call log\'s «Стоимость» is still no field of its', () => {
    expect(deals(['ID', 'Стоимость', 'Бюджет', 'Ответственный', 'Дата создания']).amount).toBe('Бюджет');
    expect(deals(['ID', 'Стоимость', 'Сумма', 'Ответственный', 'Дата создания']).amount).toBe('Сумма');
    expect(mapped(['Дата звонка', 'Тип звонка', 'Номер клиента', 'Сотрудник', 'Стоимость'])).toEqual({ at: 'Дата звонка', direction: 'Тип звонка', phone: 'Номер клиента', manager: 'Сотрудник' });
  });
});

// A CSV a macOS tool wrote keeps «й» and «ё» decomposed (NFD): «Ответственный» did not map to the manager.
describe('headers in NFD map as the same words in NFC', () => {
  it('«Ответственный», «Дата создания», «Этап» written with combining marks', () => {
    const headers = ['ID', 'Ответственный', 'Дата создания', 'Этап сделки', 'Бюджет'].map((h) => h.normalize('NFD'));
    expect(headers[1]).not.toBe('Ответственный');
    const map = mapColumns(headers, 'deals', {}, undefined, detectProfile(headers, 'deals'));
    expect(map.fields.get('manager')).toEqual([1]);
    expect(map.fields.get('created_at')).toEqual([2]);
  });
});

// Tester T32 F4: beside a plain duration (the whole call, ringing included), a column that names the talk
// is the duration, by one rule in Russian and English; before, `duration` beat `user_talk_time`,
// `talk_duration`, `talk_time_duration`, `Talk time`, `Talking`, and «Длительность» beat «Разговор».
describe('a talk column beats a plain duration, in every language', () => {
  const pairs: Array<[string, string]> = [
    ['duration', 'user_talk_time'], ['duration', 'talk_time_duration'], ['duration', 'talk_duration'], ['Duration', 'Talk time'], ['Duration', 'Talk duration'], ['Duration', 'Talking'],
    ['Длительность', 'Разговор'], ['Длительность', 'Длительность разговора'], ['Длительность звонка', 'Время разговора'], ['Продолжительность', 'Продолжительность разговора'], ['Call duration', 'Talking'],
  ];
  it.each(pairs)('%s beside %s: the talk', (whole, talk) => {
    for (const headers of [['Дата звонка', 'Сотрудник', whole, talk], ['Дата звонка', 'Сотрудник', talk, whole]]) {
      expect(mapped(headers).duration_s, headers.join(',')).toBe(talk);
    }
  });
});

// A tester: «Длительность, мин» was no duration column, and named by --map it was read as seconds (60× too small).
describe('the unit a duration header names', () => {
  it('minutes, milliseconds and seconds after a duration\'s name, in Russian and English', async () => {
    const { headerUnit, normalizeHeader } = await import('../../../src/io/map/fields.js');
    for (const h of ['Длительность, мин', 'Длительность (мин.)', 'Длительность, минут', 'Длительность в минутах', 'Duration (min)', 'Duration, minutes', 'Время разговора (минуты)']) expect(headerUnit(h), h).toBe('min');
    expect(normalizeHeader('Длительность, мин')).toBe('длительность');
    expect(normalizeHeader('Duration (min)')).toBe('duration');
    expect(headerUnit('Длительность, мс')).toBe('ms');
    expect(headerUnit('Duration (ms)')).toBe('ms');
    // Seconds in Russian after any name, as ever.
    expect(headerUnit('Длительность разговора, сек')).toBe('s');
    expect(normalizeHeader('Длительность разговора, сек')).toBe('длительность разговора');
  });

  it('names no unit elsewhere: a name no duration has («Время, мин»), English seconds, HubSpot\'s "Call duration" of its own unit', async () => {
    const { headerUnit, normalizeHeader } = await import('../../../src/io/map/fields.js');
    expect(headerUnit('Время, мин')).toBeUndefined();
    expect(normalizeHeader('Время, мин')).toBe('время, мин');
    expect(headerUnit('Price (min)')).toBeUndefined();
    expect(headerUnit('Duration (seconds)')).toBeUndefined();
    expect(normalizeHeader('Call Duration (seconds)')).toBe('call duration (seconds)');
    expect(headerUnit('Call duration (min)')).toBeUndefined();
    expect(headerUnit('Длительность')).toBeUndefined();
  });

  it('maps «Длительность, мин» as the duration', () => {
    expect(mapped(['Дата', 'Сотрудник', 'Направление', 'Длительность, мин', 'Клиент'])).toMatchObject({ duration_s: 'Длительность, мин' });
  });
});

// Loaders write a HubSpot property's internal name inside a wrapper of their own: Airbyte flattens the
// API's `properties` object (`properties_hs_call_direction`), Fivetran prefixes `property_`, pandas'
// json_normalize joins with a dot. The name inside is the API's; nothing else loses a word.
describe('a loader\'s wrapper around a HubSpot property name', () => {
  it('properties_, property_ and properties. before hs_ or hubspot_ are dropped', async () => {
    const { normalizeHeader } = await import('../../../src/io/map/fields.js');
    expect(['properties_hs_call_direction', 'property_hs_call_direction', 'properties.hs_call_direction', 'PROPERTY_HS_CALL_DIRECTION', ' properties_hubspot_owner_id'].map(normalizeHeader)).toEqual([
      'hs call direction',
      'hs call direction',
      'hs call direction',
      'hs call direction',
      'hubspot owner id',
    ]);
  });

  it('is kept before any other name, and a property header in words is no wrapper', async () => {
    const { normalizeHeader } = await import('../../../src/io/map/fields.js');
    expect(['property_type', 'properties_dealname', 'Property hs note', 'Properties', 'propertyhs_x'].map(normalizeHeader)).toEqual(['property type', 'properties dealname', 'property hs note', 'properties', 'propertyhs x']);
  });
});

// Tester T35 F3: a Salesforce activity report's «Task Type» was unmapped: e-mails and meetings not applicable.
describe('an activity report\'s type column under a task\'s name', () => {
  it.each(['Task Type', 'Тип задачи', 'Тип действия'])('«%s» is the kind; «Call Type» stays the direction', (kind) => {
    expect(mapped(['Assigned', 'Subject', kind, 'Date', 'Call Type', 'Call Duration'])).toMatchObject({ kind, direction: 'Call Type', at: 'Date', manager: 'Assigned' });
  });
  // The FreeSWITCH hangup cause is the call status (review R39 item 2), after any other status column.
  it('«hangup_cause» is the status, «Статус» before it', () => {
    expect(mapped(['Дата звонка', 'Сотрудник', 'hangup_cause', 'user_talk_time']).missed).toBe('hangup_cause');
    expect(mapped(['Дата звонка', 'Сотрудник', 'hangup_cause', 'Статус']).missed).toBe('Статус');
  });
});

// Tester T34 F8: «Бюджет, тыс. руб.» was neither mapped nor scaled: revenue not applicable, and mapped by
// a --map file it would have read 1 000 times low.
describe('a money header\'s scale', () => {
  it.each([
    ['Бюджет, тыс. руб.', 'бюджет', 1_000],
    ['Сумма (тыс. ₽)', 'сумма', 1_000],
    ['Бюджет, млн руб.', 'бюджет', 1_000_000],
    ['Сумма в тысячах рублей', 'сумма', 1_000],
    ['Amount (thousands)', 'amount', 1_000],
    ['Amount in thousands', 'amount', 1_000],
    ['Revenue, $K', 'revenue', 1_000],
    ['Amount ($000)', 'amount', 1_000],
    ['Amount (000)', 'amount', 1_000],
    ['Amount, mln', 'amount', 1_000_000],
  ])('«%s» is «%s» in units of %d', async (header, name, scale) => {
    const { headerScale, normalizeHeader } = await import('../../../src/io/map/fields.js');
    expect([normalizeHeader(header), headerScale(header)]).toEqual([name, scale]);
  });

  it.each(['Бюджет, ₽', 'Бюджет', 'Amount (USD)', 'Длительность, мин', 'Deal - Value', 'Сумма, руб.'])('«%s» names none', async (header) => {
    const { headerScale } = await import('../../../src/io/map/fields.js');
    expect(headerScale(header)).toBeUndefined();
  });
});

// Tester T59 H1: Odoo writes a sub-field picked under its relation as `Salesperson/Name`.
describe('a relation sub-field header', () => {
  it('is its relation where the sub-field names the record (its name, title or id), and is left alone elsewhere', async () => {
    const { normalizeHeader } = await import('../../../src/io/map/fields.js');
    expect(['Salesperson/Name', 'Stage/Stage Name', 'Customer/Display Name', 'Sales Team/Sales Team', 'user_id/id', 'Продавец/Имя', 'Lost Reason/.id'].map(normalizeHeader)).toEqual([
      'salesperson',
      'stage',
      'customer',
      'sales team',
      'user id',
      'продавец',
      'lost reason',
    ]);
    expect(['Сумма/Валюта', 'Completed Date/Time', 'Company / Account', 'Customer/Country/Country Name', '/id'].map(normalizeHeader)).toEqual([
      'сумма/валюта',
      'completed date/time',
      'company / account',
      'customer/country/country name',
      '/id',
    ]);
  });
});

// Tester T59 M2: Mango Office's «Длительность вызова ЧЧ:MM:СС» (a Latin «MM» among Cyrillic letters) was left unread.
describe('a clock format after a header', () => {
  it('is no part of its name; hours and minutes alone are the column\'s unit', async () => {
    const { headerUnit, normalizeHeader } = await import('../../../src/io/map/fields.js');
    expect(['Длительность вызова ЧЧ:MM:СС', 'Длительность (мм:сс)', 'Duration (hh:mm:ss)', 'Длительность, чч:мм'].map(normalizeHeader)).toEqual(['длительность вызова', 'длительность', 'duration', 'длительность']);
    expect(['Длительность вызова ЧЧ:MM:СС', 'Длительность (мм:сс)', 'Длительность, чч:мм'].map(headerUnit)).toEqual([undefined, undefined, 'hhmm']);
    // A name alone, or a word that only ends so, is left as it is.
    expect(['мм:сс', 'Summ'].map(normalizeHeader)).toEqual(['мм:сс', 'summ']);
    expect(mapped(['Дата', 'Время', 'Кто звонил', 'Кому звонили', 'Длительность вызова ЧЧ:MM:СС']).duration_s).toBe('Длительность вызова ЧЧ:MM:СС');
  });
});
