import { INVISIBLE_CLASS } from '../read/edges.js';
import { durationUnit } from './values.js';

/** The kinds of file the importer reads: CRM exports, and the marketing spend and plan files a person keeps. */
export type RecordKind = 'deals' | 'activities' | 'payments' | 'spend' | 'plan';
export const RECORD_KINDS: readonly RecordKind[] = ['deals', 'activities', 'payments', 'spend', 'plan'];

/** How a duration column counts time. */
/** A duration column's unit: seconds, milliseconds, minutes, hours and minutes (2:05), or a fraction of a day (a workbook's time saved as a plain number). */
export type DurationUnit = 's' | 'ms' | 'min' | 'hhmm' | 'day';

export interface FieldSpec {
  /** Canonical field name (spec/metrics.md), or an importer-only helper field. */
  field: string;
  /** Header aliases in priority order; the canonical name is always accepted too. */
  aliases: string[];
  required?: boolean;
  /** Several columns may feed the field: the first non-empty value in priority order wins. */
  coalesce?: boolean;
  /** Aliases whose durations are in other units than seconds. */
  units?: Record<string, DurationUnit>;
}

/** Invisible characters are no part of a header's name (a zero-width space pasted in «\u200bID сделки»). */
const INVISIBLE_ALL = new RegExp(`[${INVISIBLE_CLASS}]`, 'gu');

/**
 * Normalises a header for matching: trim, NBSP, narrow spaces and underscores (API field names such
 * as `talk_duration`) to spaces, collapse whitespace, ё→е, lower case, drop a loader's wrapper of a
 * HubSpot property (PROPERTY_WRAPPER: `properties_hs_timestamp` is `hs_timestamp`), and drop entity suffixes
 * ("(сделка)", "(deal)"), currency marks ("Бюджет, ₽") and a duration's unit (headerUnit:
 * «Длительность разговора, сек», «Длительность, мин», "Duration (min)").
 */
export function normalizeHeader(header: string): string {
  let key = normalized.get(header);
  if (key === undefined) {
    const s = relationOwner(withoutClock(withoutMarks(header)));
    key = (unitAfterName(s)?.name ?? s).replace(/[\s:,;.]+$/, '');
    // The same few hundred names (a file's header, every profile's signature) are asked for again and
    // again: each file's first rows are matched against every profile of every kind (kind-said.ts).
    if (normalized.size < NORMALIZED_MAX) normalized.set(header, key);
  }
  return key;
}

/**
 * A related record's name or id as its relation's own column: Odoo's export dialog writes a sub-field the user
 * picked under its relation as `Salesperson/Name`, `Stage/Stage Name`, `Customer/Display Name`, `Sales Team/Sales
 * Team`, and an import-compatible export `user_id/id` (tester T59: the manager and the stage were not found). Only a
 * sub-field that names the record (its name, title or id) is taken so: «Сумма/Валюта», "Date/Time" stay as they are.
 */
function relationOwner(header: string): string {
  const slash = header.indexOf('/');
  if (slash <= 0 || header.indexOf('/', slash + 1) !== -1) return header;
  const owner = header.slice(0, slash).trim();
  const sub = header.slice(slash + 1).trim();
  return owner !== '' && (sub === owner || sub === `${owner} name` || RECORD_NAME.test(sub)) ? owner : header;
}

/** A sub-field that is its record's id: `/id` (an external id) or `/.id` (a database id). */
const RECORD_ID = '\\.?id';

/** A sub-field that names its record: its id, its name or its title. */
const RECORD_NAME = new RegExp(`^(?:${RECORD_ID}|(?:display |complete |full )?name|description|имя|полное имя|отображаемое имя|название|описание|nombre|nombre completo|nome|nome completo|nom|nom complet|anzeigename|bezeichnung|nome visualizzato)$`);

/** A header that is a relation's id (`user_id/id`, `Salesperson/ID`). */
const RELATION_ID = new RegExp(`/\\s*${RECORD_ID}\\s*$`, 'i');

/** Whether a header is a relation's id: after the same relation's name when a file has both. */
export function namesRelationId(header: string): boolean {
  return RELATION_ID.test(header);
}

/** normalizeHeader's memo: header text → its normalised name, bounded (a file of 10 000 columns adds no more). */
const normalized = new Map<string, string>();
const NORMALIZED_MAX = 20_000;

/**
 * The unit a duration's header names after its name, the one rule a column's unit is read from its
 * header by: minutes («Длительность, мин», «Длительность (минут)», «Длительность в минутах», "Duration
 * (min)", "Duration, minutes"), milliseconds («Длительность, мс», "Duration (ms)") or seconds
 * («Длительность разговора, сек»); undefined where it names none. The column is read in it unless a
 * --map file or the CRM's profile says its unit.
 */
export function headerUnit(header: string): DurationUnit | undefined {
  const s = withoutMarks(header);
  const clock = clockMark(s);
  // «Длительность (чч:мм)»: a clock of hours and minutes, as Pipedrive's «Activity - Duration» is read.
  if (clock?.hours === true && !clock.seconds) return 'hhmm';
  return unitAfterName(s)?.unit;
}

/**
 * A clock's format after a duration's name: Mango Office's «Длительность вызова ЧЧ:ММ:СС» (its letters
 * Cyrillic or Latin), «Длительность (мм:сс)», "Duration (hh:mm:ss)"; a header of two parts at least.
 */
const CLOCK_MARK = /\s*[,([]?\s*(?:([чh]{2})\s*:\s*)?([мm]{2})(?:\s*:\s*([сcs]{2}))?\s*[)\]]?$/;

/** The clock's format after a header's name: where it begins, and whether it has hours and seconds; undefined for none. */
function clockMark(s: string): { at: number; hours: boolean; seconds: boolean } | undefined {
  const clock = CLOCK_MARK.exec(s);
  return clock && clock.index > 0 ? { at: clock.index, hours: clock[1] !== undefined, seconds: clock[3] !== undefined } : undefined;
}

/** A header without a clock's format after its name (tester T59: Mango's duration was not found for it); «мм» alone is left as it is. */
function withoutClock(s: string): string {
  const clock = clockMark(s);
  return clock && (clock.hours || clock.seconds) ? s.slice(0, clock.at) : s;
}

/**
 * A loader's wrapper around a HubSpot property's internal name (hs_…, hubspot_…): Airbyte flattens the
 * API's `properties` object into `properties_hs_call_direction`, Fivetran names its columns
 * `property_hs_call_direction`, a JSON flattener (pandas' json_normalize) `properties.hs_call_direction`.
 * The name inside is the property's, read as the API's own: a profile names it once.
 */
const PROPERTY_WRAPPER = /^\s*propert(?:y|ies)[._](?=(?:hs|hubspot)_)/i;

/** The record a header names in brackets after its name (amoCRM's «Дата создания (контакт)»), read as the name alone. */
const ENTITY_SUFFIX = /\s*\((сделка|сделки|контакт|контакта|компания|компании|лид|лида|deal|contact|company|lead|account|opportunity)\)$/;
/** Of those, the deal's own. */
const DEAL_ENTITY = /^(сделка|сделки|deal|opportunity)$/;

/**
 * Whether a header names, in brackets after its name, a record other than a deal's (a contact's, a
 * company's, a lead's): in a deals file, a field of its deal's contact or company.
 */
export function namesOtherRecord(header: string): boolean {
  const m = ENTITY_SUFFIX.exec(header.trim().toLowerCase());
  return m !== null && !DEAL_ENTITY.test(m[1]!);
}

/** normalizeHeader up to the unit: spaces, case, entity suffixes, a money scale and currency marks. */
function withoutMarks(header: string): string {
  const s = spacedLower(header).replace(ENTITY_SUFFIX, '').replace(MONEY_SCALE, '');
  return s.replace(CURRENCY_AFTER, '');
}

/** A header's spaces, invisible marks and case as every reading of it takes them. */
function spacedLower(header: string): string {
  return (
    header
      // «Ответственный» written by a macOS tool has «й» as «и» and a combining mark (NFD): composed first.
      .normalize('NFC')
      .replace(/^\uFEFF/, '')
      .replace(INVISIBLE_ALL, '')
      .replace(PROPERTY_WRAPPER, '')
      .replace(/[\u00a0\u202f\u2007\u2009_]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .replace(/ё/g, 'е')
      .replace(/Ё/g, 'Е')
      .toLowerCase()
  );
}

/** A currency written after a header's name: «Бюджет, ₽», "Amount (USD)". */
const CURRENCY = String.raw`(?:₽|руб\.?|р\.|rub|\$|usd|eur|€)`;
const CURRENCY_AFTER = new RegExp(String.raw`\s*,?\s*\(?${CURRENCY}\)?$`);

/**
 * A money header's scale after its name, with or without its currency (T34 F8): «Бюджет, тыс. руб.»,
 * «Сумма (тыс. ₽)», «Выручка, млн руб.», «Сумма в тысячах рублей», "Amount (thousands)", "Amount in
 * thousands", "Revenue, $K", "Amount ($000)", "Amount (000)". Read off the name (the column then matches
 * its field), and kept for its cells (headerScale): «1 500» in thousands is 1 500 000.
 */
const MONEY_SCALE = new RegExp(
  [
    String.raw`\s*,?\s*\(?\s*(?:in\s+)?(тыс|млн|thousands?|millions?|mln)\.?\s*(?:of\s+)?${CURRENCY}?\s*\)?$`,
    String.raw`\s*,?\s*\(?\s*${CURRENCY}\s*(k|m|mln|000|'000)\s*\)?$`,
    String.raw`\s*,?\s*\(\s*(000|'000)\s*\)$`,
    String.raw`\s+в\s+(тысячах|миллионах)(?:\s+(?:рублей|руб\.?))?$`,
  ].join('|'),
);

/** The fields of money: a column's header may name a scale (headerScale), and two same-name columns of one are asked about. */
export const MONEY_FIELDS: ReadonlySet<string> = new Set(['amount', 'invoiced', 'paid', 'balance', 'revenue']);

/** The fields whose numbers a header's scale multiplies (headerScale): money, and a product row's price and quantity. */
const SCALED_FIELDS: ReadonlySet<string> = new Set([...MONEY_FIELDS, 'price', 'quantity']);

/**
 * The columns read in the scale their header names («Бюджет, тыс. руб.»: 1 000), the one rule the
 * reading and its warning both go by: a column of a scaled field, and beside a converted amount the
 * deal's own amount passed over for it (Bitrix24's OPPORTUNITY, read where the converted one is blank).
 * Not another column passed over: «Бюджет, тыс. руб.» beside the «Бюджет» read was said read in thousands.
 */
export function scaledColumns(columns: ReadonlyArray<{ index: number; header: string; field?: string; passedOverFor?: string }>): Array<{ index: number; header: string; scale: number }> {
  const converted = columns.some((c) => c.field === 'amount' && isConvertedAmount(c.header));
  return columns.flatMap((c) => {
    const field = c.field ?? (converted && c.passedOverFor === 'amount' ? 'amount' : undefined);
    const scale = field !== undefined && SCALED_FIELDS.has(field) ? headerScale(c.header) : undefined;
    return scale === undefined ? [] : [{ index: c.index, header: c.header, scale }];
  });
}

let CONVERTED_HEADERS: ReadonlySet<string> | undefined;

/** Whether a header is one of an amount converted into the company's currency (CONVERTED_AMOUNT). */
export function isConvertedAmount(header: string): boolean {
  CONVERTED_HEADERS ??= new Set(CONVERTED_AMOUNT.map(normalizeHeader));
  return CONVERTED_HEADERS.has(normalizeHeader(header));
}

/** The scale a money header names after its name (MONEY_SCALE): 1 000 for thousands, 1 000 000 for millions; undefined for none. */
export function headerScale(header: string): number | undefined {
  const m = MONEY_SCALE.exec(spacedLower(header).replace(ENTITY_SUFFIX, ''));
  if (!m) return undefined;
  const word = (m[1] ?? m[2] ?? m[3] ?? m[4] ?? '').replace(/^'/, '');
  return /^(?:тыс|thousands?|k|000|тысячах)$/.test(word) ? 1_000 : 1_000_000;
}

const MILLISECONDS = /^(?:мс|миллисекунд|миллисекундах|ms|milliseconds)$/;

/** A unit word after a name: «, мин», «(сек.)», « в минутах», " in ms". */
const UNIT_AFTER = /\s*(,\s*|\(\s*|\s(?:in|в)\s+)([a-zа-я]+)\.?\s*\)?$/;

/**
 * The unit a header names after its name (a unit word of a duration's value, durationUnit), and the
 * name. Seconds in Russian after a comma or in brackets, after any name, as ever; in English never:
 * "Call duration" is HubSpot's milliseconds and "Call Duration (seconds)" an alias of its own. Minutes
 * and milliseconds only after a call duration's own name (DURATION_NAMES): «Время, мин» is no time of day.
 */
function unitAfterName(s: string): { name: string; unit: DurationUnit } | undefined {
  const m = UNIT_AFTER.exec(s);
  if (!m) return undefined;
  // Milliseconds name a column's unit, never a value's («500ms» is no duration).
  const seconds = MILLISECONDS.test(m[2]!) ? 0.001 : durationUnit(m[2]!);
  const unit = seconds === 60 ? 'min' : seconds === 1 ? 's' : seconds === 0.001 ? 'ms' : undefined;
  if (unit === undefined || (unit === 's' && /[a-z]/.test(m[2]!))) return undefined;
  const name = s.slice(0, m.index);
  if (unit === 's' && !/\s(?:in|в)\s/.test(m[1]!)) return { name, unit };
  return durationNames().has(name) ? { name, unit } : undefined;
}

let DURATION_NAMES: ReadonlySet<string> | undefined;

/** The names of a call's duration (the duration field's aliases) but those of a unit of their own (HubSpot's "Call duration"). */
function durationNames(): ReadonlySet<string> {
  const spec = ACTIVITY_FIELDS.find((f) => f.field === 'duration_s')!;
  const own = new Set(Object.keys(spec.units ?? {}));
  DURATION_NAMES ??= new Set(spec.aliases.filter((a) => !own.has(a)).map((a) => withoutMarks(a)));
  return DURATION_NAMES;
}

/**
 * The close-date columns of a deal's won time and of its lost time (Pipedrive's, in the languages of its
 * interface and through the API): together, where no status column says it, they are a deal's outcome.
 */
export const WON_TIME = ['Deal - Won time', 'won_time', 'Сделка - Время выигрыша', 'Negócio - Ganho em', 'Trato - Fecha de ganado', 'Deal - Datum des gewonnenen Deals'];
export const LOST_TIME = ['Deal - Lost time', 'lost_time', 'Сделка - Время проигрыша', 'Negócio - Data de perda', 'Trato - Fecha de pérdida', 'Deal - Datum des verlorenen Deals'];

/**
 * Amount headers already converted into the company's one currency, as each CRM names them in its
 * interface and through its API (HubSpot's `Amount in company currency` is `amount_in_home_currency`;
 * Salesforce's `Amount (converted)` in a Russian-language org «Сумма (преобразованная)»; Bitrix24's
 * REST `OPPORTUNITY_ACCOUNT`, in the portal's report currency `ACCOUNT_CURRENCY_ID`). With one of
 * them the deal's currency column says nothing about the amounts read, and is not consulted.
 */
export const CONVERTED_AMOUNT = ['Amount in company currency', 'amount_in_home_currency', 'Amount (converted)', 'Сумма (преобразованная)', 'OPPORTUNITY_ACCOUNT', 'Betrag in Firmenwährung', 'Importe en la moneda de la empresa', 'Valor na moeda da empresa', "Montant dans la devise de l'entreprise"];

const DEAL_FIELDS: FieldSpec[] = [
  // «Deal - Pipedrive System ID»: Pipedrive's own name of a deal's id in its field reference (the import sample's «READ ME All default Pipedrive fields»).
  { field: 'id', aliases: ['ID', 'Record ID', 'Record Id', 'Deal - ID', 'Deal - Pipedrive System ID', 'Opportunity ID', 'Deal ID', 'ID сделки', 'ID записи', '№'] },
  { field: 'name', aliases: ['Название сделки', 'Название', 'Deal Name', 'Deal - Title', 'Opportunity Name', 'Opportunity', 'Name', 'Название возможности'] },
  { field: 'manager', required: true, aliases: ['Ответственный', 'Менеджер', 'Сотрудник', 'Deal owner', 'Deal Owner', 'Deal - Owner', 'Opportunity Owner', 'Salesperson', 'Owner', 'Assigned', 'Ответственный менеджер', 'Responsible person', 'Responsible', 'Продавец', 'Ответственный за возможность', 'Владелец возможности', 'Владелец сделки', 'Verantwortlich', 'Verantwortlicher', 'Zuständig', 'Opportunity-Inhaber', 'Deal-Inhaber', 'Responsable', 'Propietario', 'Propietario de la oportunidad', 'Propietario de oportunidad', 'Propietario del negocio', 'Responsável', 'Proprietário', 'Proprietário da oportunidade', 'Proprietário do negócio', 'Propriétaire', 'Propriétaire de l\'opportunité', 'Propriétaire de la transaction', 'Responsabile', 'Odpowiedzialny', 'Opiekun', 'Відповідальний', 'Менеджер угоди', 'Sorumlu', 'Sorumlu kullanıcı', 'Lead sorumlu kullanıcı', 'Verantwortliche Person', 'Persona responsable', 'Pessoa responsável', 'Osoba odpowiedzialna', 'Geschäftsinhaber', 'Propietario de Trato', 'Verkaufschancen-Inhaber', 'Verkäufer', 'Vendedor', 'Vendeur', 'Venditore'] },
  // An amount converted into the company's currency comes first: only it adds up across deals in several currencies.
  // «Income» (Bitrix24's English label of a deal's amount) last: a file with any other amount column takes that.
  { field: 'amount', aliases: [...CONVERTED_AMOUNT, 'Бюджет', 'Сумма', 'Возможная сумма', 'Amount', 'Deal - Value', 'Expected Revenue', 'Сумма сделки', 'Value', 'Ожидаемая выручка', 'Ожидаемый доход', 'Бюджет сделки', 'Стоимость сделки', 'Стоимость', 'Income', 'Betrag', 'Wert', 'Importe', 'Monto', 'Presupuesto', 'Valor', 'Orçamento', 'Montant', 'Importo', 'Kwota', 'Wartość', 'Przychód', 'Budżet', 'Сума', 'Бюджет угоди', 'Tutar', 'Bütçe', 'Satış', 'Ingreso', 'Receita', 'Einnahmen', 'Revenu', 'Дохід'] },
  // Each deal's currency: counted to warn when the amounts are in several (never when the amount is converted).
  { field: 'currency', aliases: ['Валюта', 'Валюта сделки', 'Currency', 'Amount Currency', 'Opportunity Currency', 'Deal Currency Code', 'Currency Code', 'Deal - Currency', 'Сделка - Валюта', 'CURRENCY_ID', 'CurrencyIsoCode', 'Währung', 'Moneda', 'Moeda', 'Devise', 'Valuta', 'Waluta', 'Para birimi'] },
  // The currency of a converted amount (CONVERTED_AMOUNT): Bitrix24 REST's portal report currency, Salesforce's report column.
  { field: 'converted_currency', aliases: ['ACCOUNT_CURRENCY_ID', 'Amount (converted) Currency', 'Сумма (преобразованная) Валюта', 'Сумма (преобразованная): валюта'] },
  { field: 'stage', aliases: ['Этап сделки', 'Стадия сделки', 'Статус', 'Deal Stage', 'Deal - Stage', 'Stage', 'Этап', 'Стадия', 'Phase', 'Deal-Phase', 'Etapa', 'Fase', 'Estágio', 'Étape', 'Etap', 'Стадія', 'Стадія угоди', 'Етап', 'Aşama', 'Lead aşaması', 'Phase de la transaction', 'Étape de la transaction', 'Fase del negocio', 'Etapa del negocio', 'Etapa do negócio'] },
  { field: 'status', aliases: ['Deal - Status', 'Status', 'Состояние'] },
  { field: 'closed', aliases: ['Сделка закрыта', 'Закрыта', 'Закрыто', 'Closed', 'Is Closed', 'IsClosed', 'Deal closed', 'Угода закрита', 'Deal geschlossen', 'Negociación cerrada', 'Negócio fechado', 'Deal zamknięty', 'Geschlossen', 'Cerrado', 'Fechado', 'Fermé'] },
  { field: 'won', aliases: ['Won', 'Is Won', 'IsWon'] },
  // With a closed flag, a probability of 100% is won and 0% lost (HubSpot, Odoo).
  { field: 'probability', aliases: ['Deal probability', 'Probability', 'Probability (%)', 'Вероятность', 'Вероятность (%)', 'Wahrscheinlichkeit', 'Wahrscheinlichkeit (%)', 'Probabilidad', 'Probabilidad (%)', 'Probabilidade', 'Probabilidade (%)', 'Probabilité', 'Probabilité (%)'] },
  // Whether the record is deleted: Salesforce's Data Loader «Export All» and the weekly export carry the recycle bin's rows, IsDeleted true.
  { field: 'deleted', aliases: ['IsDeleted', 'Is Deleted'] },
  // Whether the record is active: Odoo archives a lost opportunity (active False, probability 0) in the stage it was lost in. Named by a profile only.
  { field: 'active', aliases: [] },
  { field: 'pipeline', aliases: ['Воронка', 'Воронка продаж', 'Направление', 'Pipeline', 'Deal - Pipeline', 'Embudo', 'Funil', 'Lejek', 'Lejek sprzedaży', 'Huni'] },
  { field: 'created_at', required: true, aliases: ['Дата создания', 'Дата создания сделки', 'Create Date', 'Created Date', 'Created Time', 'Created on', 'Deal - Deal created', 'Deal - Creation date', 'Created', 'Создана', 'Создано', 'Время создания', 'Erstellt am', 'Erstelldatum', 'Erstellungsdatum', 'Erstellungszeit', 'Fecha de creación', 'Hora de creación', 'Creado el', 'Data de criação', 'Hora de criação', 'Criado em', 'Date de création', 'Créé le', 'Heure de création', 'Data di creazione', 'Creato il', 'Data utworzenia', 'Utworzono', 'Дата створення', 'Oluşturulma tarihi', 'Oluşturma tarihi'] },
  { field: 'closed_at', coalesce: true, aliases: ['Дата закрытия', 'Close Date', 'Closing Date', 'Closed Date', 'Deal - Won time', 'Deal - Lost time', 'Deal - Deal closed on', 'Deal - Closed on', 'Дата закрытия сделки', 'Closed On', 'Date Closed', 'Closed At', 'Дата завершения', 'Дата завершения сделки', 'Фактическая дата закрытия', 'Abschlussdatum', 'Schlusstermin', 'Fecha de cierre', 'Data de fechamento', 'Data de encerramento', 'Date de clôture', 'Date de fermeture', 'Data di chiusura', 'Data zamknięcia', 'Дата закриття', 'Kapanış tarihi'] },
  // The close a deal is expected on: a closed deal's close date where the file has no actual one (Bitrix24's; «Assumed close date» in its English interface).
  { field: 'planned_close', aliases: ['Предполагаемая дата закрытия', 'Планируемая дата закрытия', 'Expected close date', 'Assumed close date', 'Передбачувана дата закриття', 'Voraussichtliches Abschlussdatum', 'Fecha de cierre prevista', 'Data prevista de fechamento', 'Data de fechamento prevista', 'Fecha prevista de cierre', 'Date de clôture prévue', 'Przewidywana data zamknięcia'] },
  // Salesforce has no standard loss reason: orgs add one, most often under these API names (a Data Loader extract's header).
  { field: 'loss_reason', coalesce: true, aliases: ['Причина отказа', 'Closed Lost Reason', 'Deal - Lost reason', 'Reason For Loss', 'Lost Reason', 'Причина провала', 'Причина проигрыша', 'Причина потери', 'Loss_Reason__c', 'LossReason__c', 'Lost_Reason__c', 'Reason_Lost__c', 'Closed_Lost_Reason__c', 'Verlustgrund', 'Grund für verlorenen Deal', 'Motivo de pérdida', 'Motivo de pérdida del negocio', 'Motivo da perda', 'Motivo da perda do negócio', 'Raison de la perte', 'Motif de perte', 'Motivo della perdita', 'Powód utraty', 'Причина відмови', 'Причина програшу', 'Kayıp nedeni'] },
  { field: 'client', coalesce: true, aliases: ['Компания', 'Associated Company', 'Account Name', 'Название организации', 'Имя аккаунта', 'Название контрагента', 'Контрагент', 'Deal - Organization', 'Клиент', 'Customer', 'Company', 'Контакт', 'Полное имя контакта', 'Основной контакт', 'Deal - Contact person', 'Contact Name', 'Contact full name', 'Имя контакта', 'Firma', 'Unternehmen', 'Kunde', 'Accountname', 'Empresa', 'Cliente', 'Nombre de la cuenta', 'Nome da conta', 'Entreprise', 'Société', 'Nom du compte', 'Azienda', 'Klient', 'Компанія', 'Клієнт', 'Şirket', 'Müşteri', 'Compañía', 'Companhia'] },
  // The client's phone numbers (amoCRM lists its contact's in five columns): an activity whose client is one
  // of them links to the deal by client and time, as a telephony log's calls name only the number.
  { field: 'phone', coalesce: true, aliases: ['Телефон', 'Рабочий телефон', 'Рабочий прямой телефон', 'Мобильный телефон', 'Домашний телефон', 'Другой телефон', 'Телефон контакта', 'Телефон компании', 'Phone', 'Phone Number', 'Mobile', 'Mobile Phone', 'Work Phone', 'Contact Phone', 'Deal - Contact person - Phone', 'Person - Phone'] },
  // A CRM's own source column first; the UTM tags a web form stores (amoCRM, Kommo) when it is empty.
  { field: 'source', coalesce: true, aliases: ['Источник', 'Источник сделки', 'Lead Source', 'Deal - Source channel', 'Source', 'utm_source', 'Quelle', 'Lead-Quelle', 'Fuente', 'Origen', 'Origem', 'Fonte', 'Źródło', 'Джерело', 'Kaynak'] },
  { field: 'product', aliases: ['Товар', 'Товары', 'Продукт', 'Product', 'Product Name'] },
  // A product row's own price and quantity (Bitrix24's export with products): a row whose amount is
  // their product carries the product's share, not the deal's total (DealStore.settleProducts).
  { field: 'price', aliases: ['Цена', 'Цена товара', 'Price', 'Unit Price'] },
  { field: 'quantity', aliases: ['Количество', 'Кол-во', 'Quantity'] },
];

const ACTIVITY_FIELDS: FieldSpec[] = [
  // A Data Loader «Export All» of Task carries the recycle bin's rows too, IsDeleted true (as deals).
  { field: 'deleted', aliases: ['IsDeleted', 'Is Deleted'] },
  { field: 'manager', required: true, aliases: ['Ответственный', 'Сотрудник', 'Менеджер', 'Activity assigned to', 'Activity - Assigned to user', 'Call Owner', 'Assigned', 'Owner', 'Employee', 'Сотрудник АТС', 'Оператор', 'Ответственный из CRM', 'Агент', 'Agent', 'Agent Name', 'Operator', 'sip', 'employee_full_name', 'Добавочный', 'Добавочный номер', 'Внутренний номер', 'Extension', 'Mitarbeiter', 'Empleado', 'Agente', 'Funcionário', 'Atendente', 'Pracownik', 'Працівник', 'Співробітник', 'Відповідальний', 'Çalışan', 'Temsilci'] },
  { field: 'at', required: true, aliases: ['Дата вызова', 'Дата звонка', 'Дата', 'Activity date', 'Call Start Time', 'Activity - Due date', 'Date', 'Дата и время', 'Start Time', 'Время начала', 'Начало звонка', 'Начало разговора', 'Дата и время звонка', 'calldate', 'callstart', 'Call start', 'Call date', 'Дата и время начала', 'Дата и время начала звонка', 'Время начала звонка', 'Дата начала звонка', 'Начало вызова', 'Время', 'Datum', 'Anrufzeit', 'Fecha', 'Fecha y hora', 'Data', 'Data e hora', 'Date et heure', 'Data i godzina', 'Дата і час', 'Дата дзвінка', 'Tarih', 'Arama zamanı'] },
  { field: 'kind', aliases: ['Тип активности', 'Activity - Type', 'Activity type', 'Type', 'Тип дела', 'Task Type', 'Тип задачи', 'Тип действия'] },
  { field: 'direction', aliases: ['Тип звонка', 'Направление звонка', 'Call direction', 'Call Type', 'Direction', 'Направление', 'Тип вызова', 'Направление вызова', 'Тип', 'Richtung', 'Anrufrichtung', 'Dirección', 'Direção', 'Sens', 'Sens de l\'appel', 'Kierunek', 'Напрямок', 'Напрямок дзвінка', 'Yön', 'Arama yönü'] },
  { field: 'missed', aliases: ['Статус', 'Статус звонка', 'Call status', 'Call Result', 'Status', 'Результат', 'Action Result', 'Result', 'Call outcome', 'Статус вызова', 'Результат звонка', 'Результат вызова', 'disposition', 'is_lost', 'Пропущен', 'Пропущенный', 'Пропущенный звонок', 'Потерянный', 'Потерянный звонок', 'Missed', 'Missed call',
    // FreeSWITCH's (OnlinePBX's API) hangup cause: NORMAL_CLEARING, USER_BUSY, NO_ANSWER; after every status column.
    'hangup_cause', 'Hangup cause', 'Причина завершения', 'Причина завершения звонка', 'Причина отбоя',
    // in other languages: a call's status or result column
    'Anrufstatus', 'Ergebnis', 'Estado de la llamada', 'Resultado', 'Status da chamada', 'Statut', 'Résultat', 'Esito', 'Wynik', 'Статус дзвінка', 'Результат дзвінка', 'Sonuç', 'Arama durumu',
    // last: a bare «Estado» or «Durum» is the call's status only where no column above says one (review R46: «Estado» is also a region)
    'Estado', 'Durum'] },
  {
    field: 'duration_s',
    // One rule in every language: a header that names the talk comes before every one that names the whole
    // call, which includes the ringing (Sipuni's «Длительность звонка», Asterisk's and OnlinePBX's
    // `duration`): «Разговор», «Время разговора», `talk_duration`, `Talking`. Before, the Russian talk
    // headers came first and the English ones after `Duration`, so OnlinePBX's `duration` beat its
    // `user_talk_time` and counted the ringing as talk (a tester: 27.42 talk minutes for 26.25).
    // UIS/CoMagic: `talk_duration` in its Data API, `talk_time_duration` in its call notifications and
    // webhooks; never their `wait_time_duration` (the ringing) or `total_time_duration` (wait and talk).
    // 3CX's call log: `Talking` (and `Ringing`, not read). OnlinePBX's API: `user_talk_time`.
    // «Время звонка» is Bitrix24's length of a call, but beside a talk column a time of day (at_time, below).
    aliases: [
      'Длительность разговора', 'Продолжительность разговора', 'Время разговора', 'Разговор', 'talk_duration', 'talk_time_duration', 'user_talk_time', 'Talk time', 'Talk duration', 'Talking', 'Gesprächsdauer', 'Gespräch', 'Czas rozmowy', 'Тривалість розмови', 'Konuşma süresi',
      'Время звонка', 'billsec', 'billseconds',
      'Длительность', 'Длительность звонка', 'Длительность вызова', 'Продолжительность', 'Call duration', 'Call Length', 'Call Duration (in seconds)', 'Call Duration (seconds)', 'CallDurationInSeconds', 'Activity - Duration', 'Duration', 'seconds',
      // in the languages of other telephony interfaces (3CX, sipgate, Aircall localised; Kommo's and Bitrix24's in their languages)
      'Dauer', 'Duración', 'Duração', 'Durée', 'Durata', 'Czas trwania', 'Тривалість', 'Süre',
    ],
    units: { 'Call duration': 'ms', 'Activity - Duration': 'hhmm' },
  },
  // After the duration: «Время звонка» is the time of day only where a talk column took the duration.
  // A time of day beside the date: RingCentral's «Date» and «Time», and the languages' words for it.
  { field: 'at_time', aliases: ['Activity - Due time', 'Due time', 'Время', 'Время звонка', 'Время начала звонка', 'Time', 'Uhrzeit', 'Hora', 'Heure', 'Ora', 'Godzina', 'Saat'] },
  { field: 'deal_id', aliases: ['ID сделки', 'Сделка', 'Associated Deal IDs', 'Associated Deal', 'Activity - Deal ID', 'Activity - Deal', 'Deal ID', 'Deal'] },
  // Sipuni's «Информация из CRM»: the contact or company its CRM integration matched the number to.
  { field: 'client', coalesce: true, aliases: ['CRM', 'Клиент', 'Компания', 'Associated Company', 'Activity - Organization', 'Related To', 'Контакт', 'Activity - Contact person', 'Информация из CRM', 'Kunde', 'Cliente', 'Client', 'Klient', 'Клієнт', 'Müşteri'] },
  // A client's phone number is the client only in logs with no client column (telephony providers).
  // A bare «Номер» (Beeline's call log) is the phone only when its values are phone numbers (mapping.ts, readPhoneByValues).
  { field: 'phone', aliases: ['Номер телефона', 'Телефон', 'Номер клиента', 'Phone', 'Phone number', 'Client number', 'Номер абонента', 'Номер собеседника', 'Внешний номер', 'contact_phone_number', 'Телефон клиента', 'Номер телефона клиента', 'Client phone', 'Customer phone', 'Customer number', 'Telefonnummer', 'Teléfono', 'Telefone', 'Téléphone', 'Telefon', 'Numer telefonu', 'Номер телефону', 'Telefon numarası'] },
  // A telephony log's two numbers (Sipuni, Asterisk, Mango's «Номер звонящего» and «Номер назначения»):
  // the client is the caller of an incoming call and the callee of an outgoing one; read so only in a
  // log with no client or phone column. Not «Исходящий номер»: Mango's and UIS's number the company
  // shows on its outgoing calls, neither side of every call.
  { field: 'caller', aliases: ['Откуда', 'Кто звонил', 'Номер вызывающего', 'Номер звонящего', 'Вызывающий номер', 'Номер вызывающего абонента', 'Caller', 'Caller number', 'Calling number', 'From number', 'from_number', 'src', 'clid',
    // The telecom names of a call's two sides (MTS's and other operators' virtual PBX logs): A calls, B is called.
    'Номер А', 'Номер A', 'Абонент А', 'Абонент A', 'А-номер', 'A-номер', 'A number',
    // Bare, as RingCentral's and 3CX's logs write them (3CX German: «Von», «An»).
    'From', 'Von'] },
  { field: 'callee', aliases: ['Куда', 'Кому звонили', 'Куда звонили', 'Номер вызываемого', 'Номер назначения', 'Вызываемый номер', 'Номер вызываемого абонента', 'Набранный номер', 'Callee', 'Called number', 'Dialed number', 'To number', 'to_number', 'destination', 'dst', 'Номер Б', 'Номер B', 'Абонент Б', 'Абонент B', 'Б-номер', 'B-номер', 'B number', 'To', 'An'] },
  // Who took an incoming call (Sipuni's «Кто ответил»): the call's employee, where the manager column is
  // the client's owner in the CRM; an outgoing call's employee is then its caller («Откуда»).
  { field: 'answered_by', aliases: ['Кто ответил', 'Кто принял', 'Принял звонок', 'Answered by'] },
  // A PBX's channels (Asterisk's CDR: «PJSIP/101-0000001a»): the extension on each side of a call, where
  // its numbers may be the company's (an outgoing call's caller ID) or a ring group's.
  { field: 'channel', aliases: ['channel'] },
  { field: 'dstchannel', aliases: ['dstchannel'] },
  // One call's id across its legs (a row per extension a ring group or a queue rang): Asterisk's
  // linkedid (its uniqueid in versions before 1.8), Zadarma's pbx_call_id, Mango's entry_id, UIS's and
  // CoMagic's «ID сессии» (communication_id, call_session_id in their API), and the Russian names of a
  // call's id («Call ID» and `call_id` are the field's own name). Not a bare «ID»: a row's, or a deal's.
  { field: 'call_id', aliases: ['linkedid', 'pbx_call_id', 'uniqueid', 'ID звонка', 'ID вызова', 'Идентификатор звонка', 'Идентификатор вызова', 'ID сессии', 'Идентификатор сессии', 'entry_id', 'session_id', 'call_session_id', 'communication_id'] },
  // A done flag, or a status that says whether the activity took place (Zoho's calls, HubSpot's meetings).
  { field: 'done', aliases: ['Activity - Done', 'Done', 'Выполнено', 'Outgoing Call Status', 'Статус исходящего звонка', 'Estado de llamada saliente', 'Meeting outcome', 'Статус выполнения'] },
  // Importer helpers: what record the deal_id column names (Bitrix24 REST's OWNER_TYPE_ID: the id is a
  // deal's only for a deal), and when a call ended (its duration where no column gives one).
  { field: 'owner_type', aliases: [] },
  { field: 'end_at', aliases: [] },
  // When a call was answered (Mango's `answer`: a Unix time, 0 for a call nobody answered): whether it
  // was answered, and its talk from there to `end_at` where no column gives a duration. Named by a profile.
  { field: 'answered_at', aliases: [] },
];

/**
 * Columns besides `at`'s aliases that hold the moment of an activity: when it was done, began or was
 * logged, in the order they are preferred. `at` takes one only where its own column holds dates alone
 * and this one times (timed-at.ts): a Salesforce Task's ActivityDate is a Date field, the due date, while
 * CompletedDateTime and CreatedDate hold the moment the call was logged. A completion first (the moment
 * done), then a start, then a creation (a task planned ahead was created before it was done).
 */
export const ACTIVITY_MOMENTS = [
  'CompletedDateTime', 'Completed Date/Time', 'Date Completed', 'Completed Date', 'Completed at', 'Completed on', 'Completed Time', 'Дата выполнения', 'Время выполнения', 'Дата завершения', 'Выполнено в', 'marked_as_done_time', 'Activity - Marked as done time',
  'StartDateTime', 'ActivityDateTime', 'Start Date Time', 'Start Date/Time', 'Start', 'Начало', 'Дата начала', 'hs_timestamp',
  'CreatedDate', 'Created Date', 'Create Date', 'Date Created', 'Created Time', 'Created at', 'Created on', 'Created', 'Дата создания', 'Время создания', 'Создано', 'Создан', 'Создана', 'add_time', 'Activity - Add time', 'Activity - Creation date', 'hs_createdate', 'createdate', 'CREATED', 'DATE_CREATE',
].map(normalizeHeader);

const PAYMENT_FIELDS: FieldSpec[] = [
  { field: 'deleted', aliases: ['IsDeleted', 'Is Deleted'] },
  // HubSpot's invoices name their deal «Associated Deal IDs» (an invoice of one deal: one id).
  { field: 'deal_id', aliases: ['ID сделки', 'Сделка', 'Номер сделки', 'Deal ID', 'Deal', 'Associated Deal IDs'] },
  { field: 'manager', aliases: ['Ответственный', 'Менеджер', 'Owner', 'Invoice owner'] },
  // An invoice's total as its CRM's invoice export heads it: amoCRM's «Счета» «Итоговая сумма», HubSpot's
  // "Amount billed" (hs_amount_billed). The one amount of such a file is what was asked for; its status
  // says which invoices were paid (payment-reader.ts). Read as paid, an unpaid invoice counted as paid.
  { field: 'invoiced', aliases: ['Сумма счёта', 'Сумма счета', 'Выставлено', 'Invoiced', 'Invoice amount', 'Итоговая сумма', 'Amount billed'] },
  { field: 'paid', aliases: ['Оплачено', 'Сумма оплаты', 'Paid', 'Amount paid'] },
  // What is left to pay of an invoice (HubSpot's "Balance due", hs_balance_due; Stripe's "Amount remaining",
  // not its "Amount due", the invoice's total): with no paid column, an
  // invoice paid in part is paid its amount less the balance (payment-reader.ts), where its status
  // («Open», «Частично оплачен») says only that it is not paid in full.
  { field: 'balance', aliases: ['Balance due', 'Amount remaining', 'Остаток к оплате', 'Остаток по счёту', 'Остаток по счету'] },
  { field: 'invoiced_at', aliases: ['Дата счёта', 'Дата счета', 'Invoice date'] },
  { field: 'paid_at', aliases: ['Дата оплаты', 'Payment date'] },
  // Counted as the deals' currency is, to say amounts in several currencies added as one (F5).
  { field: 'currency', aliases: ['Валюта', 'Currency', 'Currency code'] },
  // An invoice's status («Счета» of Bitrix24 and amoCRM): a cancelled invoice is no money asked, a paid one with no paid column is paid in full (F6).
  { field: 'status', aliases: ['Статус', 'Статус счёта', 'Статус счета', 'Invoice status', 'Status'] },
];

// Spend and plan files are kept by hand (a marketer's table, a sales head's plan): their headers are
// whatever people type, so the lists are longer and include the generic words (Дата, Сумма, Канал).
const MONTH_ALIASES = ['Месяц', 'Период', 'Отчётный месяц', 'Отчетный период', 'Month', 'Period', 'Дата', 'Date'];
const SOURCE_ALIASES = ['Источник', 'Канал', 'Источник сделки', 'Источник трафика', 'Рекламный канал', 'Канал привлечения', 'Source', 'Channel', 'utm_source', 'Campaign source', 'Lead Source'];

const SPEND_FIELDS: FieldSpec[] = [
  { field: 'month', required: true, aliases: MONTH_ALIASES },
  // Not required: a spend file by month alone (`Месяц;Расходы на рекламу`) is the department's spend, of no named source (metrics.md), as an empty source is.
  { field: 'source', aliases: SOURCE_ALIASES },
  // «Потрачено» is VK Ads' own word for spend.
  { field: 'amount', required: true, aliases: ['Сумма', 'Расход', 'Расходы', 'Бюджет', 'Затраты', 'Стоимость', 'Потрачено', 'Расходы на рекламу', 'Рекламный бюджет', 'Spend', 'Cost', 'Amount', 'Budget', 'Amount spent'] },
  // Counted as the deals' currency is, to say spend in several currencies added as one (F5).
  { field: 'currency', aliases: ['Валюта', 'Currency', 'Currency code'] },
];

const PLAN_FIELDS: FieldSpec[] = [
  { field: 'manager', aliases: ['Менеджер', 'Ответственный', 'Сотрудник', 'Продавец', 'Manager', 'Owner', 'Salesperson', 'Sales rep', 'Employee', 'Deal owner'] },
  { field: 'source', aliases: SOURCE_ALIASES },
  { field: 'month', required: true, aliases: MONTH_ALIASES },
  { field: 'leads', aliases: ['Лиды', 'План лидов', 'План по лидам', 'Лидов', 'Количество лидов', 'Leads', 'Leads target', 'Lead target'] },
  { field: 'won', aliases: ['Продажи', 'Выиграно', 'Сделки', 'План сделок', 'Успешные сделки', 'Выигранные сделки', 'Won', 'Deals won', 'Won deals', 'Sales'] },
  { field: 'revenue', aliases: ['Выручка', 'План выручки', 'План по выручке', 'Оборот', 'Revenue', 'Revenue target'] },
];

/** The field specs of a kind, with every alias normalised and the canonical name accepted first. */
export const FIELDS: Record<RecordKind, FieldSpec[]> = {
  deals: withCanonical(DEAL_FIELDS),
  activities: withCanonical(ACTIVITY_FIELDS),
  payments: withCanonical(PAYMENT_FIELDS),
  spend: withCanonical(SPEND_FIELDS),
  plan: withCanonical(PLAN_FIELDS),
};

function withCanonical(specs: FieldSpec[]): FieldSpec[] {
  return specs.map((s) => ({
    ...s,
    aliases: unique([s.field, ...s.aliases].map(normalizeHeader)),
    units: s.units ? Object.fromEntries(Object.entries(s.units).map(([k, v]) => [normalizeHeader(k), v])) : undefined,
  }));
}

function unique(list: string[]): string[] {
  return [...new Set(list)];
}

/** Fields a kind cannot do without (besides an id for deals, which falls back to the row number). */
export function requiredFields(kind: RecordKind): string[] {
  return FIELDS[kind].filter((f) => f.required).map((f) => f.field);
}

/** Groups of fields of which a kind needs at least one: a plan is by manager or by source, and sets at least one target. */
const REQUIRED_ANY: Partial<Record<RecordKind, string[][]>> = {
  plan: [['manager', 'source'], ['leads', 'won', 'revenue']],
  // A payments file with neither amount column named (a 1C register's «Сумма») is refused once with a --map snippet, not row by row (F1).
  payments: [['deal_id', 'manager'], ['paid', 'invoiced']],
};

/** The groups of fields of which a kind needs at least one column. */
export function requiredAnyOf(kind: RecordKind): string[][] {
  return REQUIRED_ANY[kind] ?? [];
}
