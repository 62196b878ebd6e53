import { withoutLine } from '../../core/name-line.js';
import { closest } from '../../core/assert-paths.js';
import { UserError } from '../../core/errors.js';
import { quotedNear, shortText } from '../../core/document-issues.js';
import { FIELDS, headerScale, MONEY_FIELDS, namesOtherRecord, namesRelationId, normalizeHeader, requiredAnyOf, requiredFields, type DurationUnit, type FieldSpec, type RecordKind } from './fields.js';
import { profileHeaders, type ProfileMatch } from './profiles.js';
import { monthOf, parseBoolean, parseDate, parseNumber, phoneKey } from './values.js';
import { headerMonth, parseMonth } from './month.js';
import { looksLikeUserId } from '../../core/kpi/alerts.js';
import { KIND_FILE_EN, KIND_FILE_RU, MESSAGES, renderHint, renderMessage, type MessageId } from '../../core/messages.js';
import type { TypeColumnReading } from './type-column.js';
import { lineOf, readExtensionSides, showsLines } from './lines.js';
import { holdsStatuses } from './status-column.js';
import { channelColumns, channelNote, channelsSaid, SIDE_FIELDS, type ChannelColumns } from './channel-proposal.js';
import { inspectCommand } from '../../core/inspect-command.js';
import { capitalised, mostly, oneValueThroughout, PERSON_NAME, personLike } from './people.js';
import { invoicedFirst } from './invoice-export.js';
import type { ValueMaps } from './value-maps.js';
import { inSpans, type ColumnSpans } from '../read/table.js';

/** One column of the header and what became of it: what `inspect` prints. */
export interface ColumnMatch {
  index: number;
  header: string;
  /** The field it feeds. */
  field?: string;
  /** A field it also matched but lost to another column (alias priority, then leftmost). */
  passedOverFor?: string;
  /** The --map file named it (by header or `#N`). */
  byUser?: true;
  /** A spend table's month column (months across, readWideSpend): the `YYYY-MM` its header names, its cells the amounts. */
  month?: string;
  /** A generic «Тип»/"Type" column whose field its values decided: the values that did (see type-column.ts). */
  byValues?: string[];
  /** Such a column whose values did not decide (inspect lists it rather than refusing). */
  undecided?: string[];
  /** The workbook's sheet hides it (`<col hidden="1">`): Excel does not show its values. */
  hidden?: true;
}

export interface ColumnMap {
  kind: RecordKind;
  /** field -> column indexes in priority order (one, or several for coalescing fields). */
  fields: Map<string, number[]>;
  units: Map<number, DurationUnit>;
  columns: ColumnMatch[];
  /** The CRM profile the header was recognised as, if any. */
  profile?: ProfileMatch;
  /** The manager read by generic aliases from one column while another matched too (no profile, no --map said which). */
  ambiguous?: { field: string; columns: number[] };
  /** A client column headed «Related To» whose values name the deals (Zoho's calls), read as the deal: its index. */
  relatedDeal?: number;
  /** The cell count most of the first data rows have (0: unknown): a row with more had values moved. */
  usualCells?: number;
  /**
   * The first rows show a grouped list (an Odoo group row «Anna Lee (20)» and its sums): its rows are
   * read in one pass, since a part read apart has none of those rows to tell its own by (tester T53
   * F1: the worker read Odoo's group rows as deals with no manager). A report's blank grouping cells
   * make the file be read again in one pass once the first half fills one (parallel.ts, sameAsAbove).
   */
  grouped?: boolean;
  /** A generic type column its values gave a field (kind or direction). */
  typeColumn?: TypeColumnReading;
  /** Spend with months across (`Канал;Январь 2025;Февраль 2025;Итого`): each month column and its month (readWideSpend). */
  months?: Array<{ col: number; month: string }>;
  /** Activities: the columns no field reads whose first values are phone numbers (phoneColumns), leftmost first. */
  phoneColumns?: number[];
  /** Activities: such a column headed «Номер» read as the client's phone (readPhoneByValues): its index. */
  phoneByValues?: number;
  /** Activities: the client columns blank on every row, read as absent (empty-client.ts): the client comes from the call's sides. */
  emptyClient?: number[];
  /** Deals: a closed flag's column («Closed») whose values are dates, read as a close date (readClosedByValues): its index. */
  closedByValues?: number;
  /** Activities: a status column of a task list's values read as done, not as a call's missed status (readStatusAsDone): its index. */
  doneByValues?: number;
}

/** Headers of a column that names the record an activity is on, by its name: a deal's title or a company's (Zoho's calls, «Related To»). */
const RELATED_HEADERS = new Set(['related to', 'связано с', 'относится к']);

/**
 * The client column headed «Related To» (Zoho's calls name there the record a call is on: a deal by
 * its title, or an account) when the activities have no deal id column and at least half of the
 * sample's filled values name one of the deals read (by title, only one deal having it): then it is
 * the deal column, linking by title as Pipedrive's «Activity - Deal» does. Else undefined: a client.
 */
export function relatedToDeal(map: ColumnMap, sample: ReadonlyArray<readonly string[]>, names: (value: string) => boolean): number | undefined {
  if (map.kind !== 'activities' || map.fields.has('deal_id')) return undefined;
  const col = (map.fields.get('client') ?? []).find((c) => RELATED_HEADERS.has(normalizeHeader(map.columns[c]!.header)));
  if (col === undefined) return undefined;
  const filled = sample.map((r) => (r[col] ?? '').trim()).filter((v) => v !== '');
  const named = filled.filter(names).length;
  return named > 0 && named * 2 >= filled.length ? col : undefined;
}

/**
 * Gives a field its columns, in order, after the header was mapped (a reading by values, a profile's
 * choice, a file's second half taking the first half's): each column feeds the field, and is no longer
 * said to be passed over for another.
 */
export function assignField(map: Pick<ColumnMap, 'columns' | 'fields'>, field: string, cols: readonly number[]): void {
  map.fields.set(field, [...cols]);
  for (const c of cols) {
    const column = map.columns[c]!;
    column.field = field;
    delete column.passedOverFor;
  }
}

/** Reads the manager from `cols` (a second half read apart takes the first half's: namesBesideLines), the columns it had passed over. */
export function takeManager(map: ColumnMap, cols: readonly number[]): void {
  for (const c of map.fields.get('manager') ?? []) {
    if (cols.includes(c)) continue;
    delete map.columns[c]!.field;
    map.columns[c]!.passedOverFor = 'manager';
  }
  assignField(map, 'manager', cols);
}

/** Reads column `col` as the deal (relatedToDeal), no longer a client column. */
export function readAsDeal(map: ColumnMap, col: number): void {
  const clients = (map.fields.get('client') ?? []).filter((c) => c !== col);
  if (clients.length > 0) map.fields.set('client', clients);
  else map.fields.delete('client');
  assignField(map, 'deal_id', [col]);
  map.relatedDeal = col;
}

/**
 * Headers of an activities column that is the client's number when its values are phone numbers:
 * Beeline Cloud PBX's «Номер» beside its «Абонент» (the employee); a log's «Абонент» of phone numbers
 * beside its «Сотрудник» (tester T69 M2: its calls linked to nothing). A deals file's «Номер» is the
 * deal's, and an activities file's may count its rows or name a call: read as the phone only by its values.
 */
const NUMBER_HEADERS = new Set(['номер', 'number', 'абонент']);

/**
 * Whether a column's first values are phone numbers: at least half of them as phoneKey reads one, of
 * 10 digits or more or written with a phone's marks (`+7 (916) 111-11-11`; `1234567` may be an id),
 * and not counting up by one (a row number).
 */
export function phoneValues(values: readonly string[]): boolean {
  const phone = (v: string) => {
    const key = phoneKey(v);
    return key !== undefined && (key.length >= 10 || /[+()\s-]/.test(v));
  };
  return mostly(values, phone) && !countsUp(values);
}

/**
 * An activities file's columns no field reads whose first values are phone numbers (ColumnMap.phoneColumns:
 * `map` proposes one as the phone rather than a deal id); and, in a log with no phone, caller or callee
 * column, the first of them headed «Номер» (NUMBER_HEADERS) read as the client's phone (Beeline's call
 * log, whose calls otherwise linked to nothing: a phone is a call's client where no client column names one).
 */
export function readPhoneByValues(map: ColumnMap, sample: ReadonlyArray<readonly string[]>): void {
  if (map.kind !== 'activities') return;
  const phones = map.columns.filter((c) => c.field === undefined && c.header.trim() !== '' && phoneValues(columnValues(c.index, sample)));
  if (phones.length === 0) return;
  map.phoneColumns = phones.map((c) => c.index);
  if (['phone', 'caller', 'callee'].some((f) => map.fields.has(f))) return;
  const col = phones.find((c) => NUMBER_HEADERS.has(normalizeHeader(c.header)));
  if (col) readAsPhone(map, col.index, [...new Set(columnValues(col.index, sample))].slice(0, 3));
}

/**
 * A deals file's closed flag («Closed», «Закрыто») whose first values are dates, no yes or no among
 * them, is a close date: a file of no known CRM headed `Closed` so had every closed deal skipped as
 * «neither a yes nor a no» (tester T35: leads 1 for 3). Not a column the --map file names.
 */
export function readClosedByValues(map: ColumnMap, sample: ReadonlyArray<readonly string[]>): void {
  const col = map.fields.get('closed')?.[0];
  if (map.kind !== 'deals' || col === undefined || map.columns[col]!.byUser) return;
  const values = columnValues(col, sample);
  if (values.length === 0 || !values.every((v) => parseBoolean(v) === undefined && parseDate(v, 'dmy') !== undefined)) return;
  readAsCloseDate(map, col, [...new Set(values)].slice(0, 3));
}

/** Reads column `col` as a close date, after the close-date columns the file has (readClosedByValues; a part of a file read in parallel applies the first half's reading). */
export function readAsCloseDate(map: ColumnMap, col: number, values?: string[]): void {
  const column = map.columns[col];
  if (!column || column.field !== 'closed') return;
  map.fields.delete('closed');
  assignField(map, 'closed_at', [...(map.fields.get('closed_at') ?? []), col]);
  if (values && values.length > 0) column.byValues = values;
  map.closedByValues = col;
}

/** Reads column `col` as the client's phone (readPhoneByValues; a part of a file read in parallel applies the first half's reading). */
export function readAsPhone(map: ColumnMap, col: number, values?: string[]): void {
  const column = map.columns[col];
  if (!column || column.field !== undefined) return;
  assignField(map, 'phone', [col]);
  if (values && values.length > 0) column.byValues = values;
  map.phoneByValues = col;
  map.phoneColumns = map.phoneColumns?.filter((c) => c !== col);
}

/** A field read from the leftmost of two columns of one name, empty in the first rows, while the other is filled (emptyTwins). */
export interface EmptyTwin {
  field: string;
  header: string;
  /** The column read (from 0), empty, and the column of the same name that is filled. */
  used: number;
  filled: number;
}

/**
 * The fields read from a column that is empty in every one of the first rows while a column of the
 * same name no field took is filled there (two «Ответственный», the first left empty): the leftmost
 * stays the one read (docs/exports.md), and an error its empty cells cause names the other by number
 * (`manager: "#7"`), which --map takes, where naming the header picked the empty one again.
 */
export function emptyTwins(map: ColumnMap, sample: ReadonlyArray<readonly string[]>): EmptyTwin[] {
  if (sample.length === 0) return [];
  const out: EmptyTwin[] = [];
  for (const [field, cols] of map.fields) {
    // A coalescing field reads every column of its names already.
    if (cols.length !== 1 || columnValues(cols[0]!, sample).length > 0) continue;
    const used = map.columns[cols[0]!]!;
    const name = normalizeHeader(used.header);
    const twin = map.columns.find((c) => c.index !== used.index && c.field === undefined && name !== '' && normalizeHeader(c.header) === name && columnValues(c.index, sample).length > 0);
    if (twin) out.push({ field, header: used.header, used: used.index, filled: twin.index });
  }
  return out;
}

/** How well a row looks like this kind's header: the number of cells that are known header names. */
export function scoreHeaderRow(cells: readonly string[], kind: RecordKind): number {
  const known = knownHeaders(kind);
  let score = 0;
  for (const c of cells) if (c && known.has(normalizeHeader(c))) score++;
  return score;
}

/**
 * How well a row looks like this kind's header, as scoreHeaderRow counts it, except that a row with a
 * single known name among data (a deals row whose status cell is «won», a date, an amount) is no
 * header: a header names its columns and holds no date or number.
 */
export function headerScore(cells: readonly string[], kind: RecordKind): number {
  const across = kind === 'spend' || kind === 'plan' ? monthsAcross(cells, kind) : 0;
  const score = scoreHeaderRow(cells, kind) + across;
  // Months across are headers that read as dates (`01.2025`, a workbook's date cells): no data row's.
  if (score === 0 || across > 0 || !looksLikeData(cells)) return score;
  // Among data, names count once per field: a headerless deals row's «won» and «Продажи» (its status and its
  // pipeline) are both a plan's `won`, and it was taken for a plan's header (tester T63 M1).
  const fields = new Set(cells.flatMap((c) => (c ? fieldsNamed(kind, normalizeHeader(c)) : [])));
  return fields.size <= 1 ? 0 : score;
}

/** The fields of a kind a normalised header names: a field's by its aliases, else a profile's header as itself. */
function fieldsNamed(kind: RecordKind, header: string): string[] {
  if (!knownHeaders(kind).has(header)) return [];
  const field = FIELDS[kind].find((f) => f.aliases.includes(header))?.field;
  return [field ?? `profile:${header}`];
}

/**
 * A spend table's month headers across (`Канал;Январь 2025;Февраль 2025`), counted as known names when
 * a row has two or more beside a name the spend file knows («Канал»): one month is a long table's data
 * row (`Январь 2025;Яндекс;25 000`), and two dates alone a deals row's (guessKind asks every kind).
 */
function monthsAcross(cells: readonly string[], kind: RecordKind): number {
  const months = cells.filter((c) => c.trim() !== '' && headerMonth(c) !== undefined).length;
  // A plan's own names include «Won»: a deals row of dates and «won» is no plan header.
  return months >= 2 && scoreHeaderRow(cells, kind) > 0 && (kind === 'spend' || !looksLikeData(cells)) ? months : 0;
}

/**
 * A spend table kept as marketers keep a budget, a row per source and a column per month
 * (`Канал;Январь 2025;Февраль 2025;Итого`): read as a row per source and month (ColumnMap.months),
 * where no column is the month and the --map file names neither the month nor the amount. Every
 * column whose header names a month (headerMonth) is one, its cells the amounts; a column of an
 * amount's name beside them («Сумма», «Бюджет»: the year's) is a total, as «Итого» is, and not read.
 */
export function readWideSpend(map: ColumnMap, user: Record<string, string | string[]> = {}): void {
  // A sales plan is kept the same way (`Менеджер;Январь 2025;Февраль 2025;Итого`): its month cells are revenue targets (readPlan), where no target column is named.
  const field = map.kind === 'spend' ? 'amount' : map.kind === 'plan' && !['leads', 'won', 'revenue'].some((f) => map.fields.has(f) || user[f] !== undefined) ? 'revenue' : undefined;
  if (field === undefined || map.fields.has('month') || user.month !== undefined || user[field] !== undefined) return;
  const months = map.columns.flatMap((c) => {
    if (c.field !== undefined && c.field !== field) return [];
    const month = c.header.trim() === '' ? undefined : headerMonth(c.header);
    return month === undefined ? [] : [{ col: c.index, month }];
  });
  if (months.length === 0) return;
  for (const col of map.fields.get(field) ?? []) map.columns[col]!.field = undefined;
  assignField(map, field, months.map((m) => m.col));
  for (const { col, month } of months) map.columns[col]!.month = month;
  map.months = months;
}

/** Whether a row holds data rather than column names: one of its cells is a date or a number. */
export function looksLikeData(cells: readonly string[]): boolean {
  return cells.some((c) => {
    const type = cellType(c);
    return type === 'number' || type === 'date';
  });
}

/** What a cell holds, as a header search sees it: nothing, a number, a date or text. */
export function cellType(raw: string): 'empty' | 'number' | 'date' | 'text' {
  const v = raw.trim();
  if (v === '') return 'empty';
  // A plain number first (the date parser reads one as an Excel serial), then a date (`05.07.2024`
  // would read as a grouped number), then any number (`15 000`, `120000|RUB`).
  if (/^[-+]?\d+([.,]\d+)?$/.test(v)) return 'number';
  if (parseDate(v, 'dmy') !== undefined) return 'date';
  const n = parseNumber(v);
  return n !== null && !Number.isNaN(n) && /\d/.test(v) ? 'number' : 'text';
}

/** Fields a column name of which says the kind of its file on its own: no other kind has them. */
const TELLING: Partial<Record<RecordKind, readonly string[]>> = {
  deals: ['stage', 'status', 'won', 'probability', 'loss_reason', 'closed_at', 'planned_close'],
  // Not a caller or callee: «Откуда», «Куда» head a deals file's source as well (a test's odd.csv).
  activities: ['direction', 'missed', 'duration_s', 'call_id', 'end_at'],
  payments: ['invoiced', 'paid', 'invoiced_at', 'paid_at'],
};

/**
 * Whether a row names a column only this kind has («Длительность разговора» a call log's, «Оплачено» a
 * payments file's): one such name says the kind, where one id or date name («Datensatz-ID») says nothing.
 */
export function namesTellingColumn(cells: readonly string[], kind: RecordKind): boolean {
  const fields = new Set(TELLING[kind] ?? []);
  const telling = new Set(FIELDS[kind].filter((f) => fields.has(f.field)).flatMap((f) => f.aliases));
  const others = (Object.keys(FIELDS) as RecordKind[]).filter((k) => k !== kind).map(knownHeaders);
  return cells.some((c) => {
    const h = normalizeHeader(c);
    return h !== '' && telling.has(h) && !others.some((o) => o.has(h));
  });
}

/** Whether a header cell is one of this kind's column names (an alias, or a CRM profile's header). */
export function knownHeader(cell: string, kind: RecordKind): boolean {
  return knownHeaders(kind).has(normalizeHeader(cell));
}

const knownCache = new Map<RecordKind, Set<string>>();
function knownHeaders(kind: RecordKind): Set<string> {
  let set = knownCache.get(kind);
  if (!set) {
    set = new Set([...FIELDS[kind].flatMap((f) => f.aliases), ...profileHeaders(kind)]);
    knownCache.set(kind, set);
  }
  return set;
}

/** Columns the sheet shows first, in their order, then those it hides: a stable sort. */
function visibleFirst<M extends { index: number }>(list: M[], columns: readonly ColumnMatch[]): M[] {
  if (!list.some((m) => columns[m.index]!.hidden)) return list;
  return [...list.filter((m) => !columns[m.index]!.hidden), ...list.filter((m) => columns[m.index]!.hidden)];
}

/** A --map file's field no kind of export has, with the fields closest to it (`amout`: amount). */
function unknownField(field: string, kind: RecordKind, fields: readonly string[], mapFile: string | undefined): UserError {
  // A long key is quoted by its start, as a long value is (a 1 000-character YAML key was printed whole).
  return UserError.of('E_MAP_FIELD', 'map.unknownField', { field: shortText(field), kind, fields: fields.join(', '), ...quotedNear(closest(field, fields)) }, { file: mapFile, path: `${kind}.columns.${field}` });
}

/**
 * Maps header cells to fields. User assignments (`--map`) come first; then each field takes the
 * column of its earliest alias, leftmost among equals; coalescing fields take every match in that
 * order. A column feeds one field at most. A column the sheet hides (`hidden`) comes after every
 * visible one: a hidden «Ответственный» of «Администратор» left of the visible one was read, and every
 * deal went to one manager without a word.
 */
export function mapColumns(headers: readonly string[], kind: RecordKind, user: Record<string, string | string[]> = {}, mapFile?: string, profile?: ProfileMatch, userUnits: Record<string, DurationUnit> = {}, hidden?: ColumnSpans): ColumnMap {
  const normalized = headers.map((h) => normalizeHeader(h));
  const columns: ColumnMatch[] = headers.map((header, index) => ({ index, header, ...(inSpans(hidden, index) ? { hidden: true as const } : {}) }));
  const seen = <M extends { index: number }>(list: M[]): M[] => visibleFirst(list, columns);
  const fields = new Map<string, number[]>();
  const units = new Map<number, DurationUnit>();
  const claimed = new Set<number>();
  const specs = withProfile(FIELDS[kind], profile);
  const profiled = profileFields(profile, normalized);
  let ambiguous: ColumnMap['ambiguous'];
  // A column a --map file names: by its header, or `#3` for the third; a name the file lacks points into the map.
  const named = (w: string, field: string, path: string): number => {
    const byNumber = /^#(\d+)$/.exec(w.trim());
    const key = normalizeHeader(w);
    const idx = byNumber ? Number(byNumber[1]) - 1 : (seen(columns.filter((c) => normalized[c.index] === key))[0]?.index ?? -1);
    if (idx < 0 || idx >= headers.length) throw noColumn(w, field, headers, { file: mapFile, path });
    return idx;
  };

  for (const [field, wanted] of Object.entries(user)) {
    const spec = specs.find((s) => s.field === field);
    if (!spec) throw unknownField(field, kind, specs.map((s) => s.field), mapFile);
    const indexes: number[] = [];
    for (const w of Array.isArray(wanted) ? wanted : [wanted]) {
      const idx = named(w, field, `${kind}.columns.${field}`);
      // One column named for two fields (amount and manager): read so, the managers were the amounts, without a word.
      const first = columns[idx]!.field;
      if (first !== undefined && first !== field) throw UserError.of('E_MAP_COLUMN', 'map.columnTwice', { column: headers[idx]!, first, second: field }, { file: mapFile, path: `${kind}.columns.${field}` });
      indexes.push(idx);
      claimed.add(idx);
      columns[idx]!.field = field;
      columns[idx]!.byUser = true;
      // A column a --map names keeps the unit its header has for the field (the profile's, else the field's: Pipedrive's ЧЧ:ММ «Длительность»), as when an alias matched it.
      const unit = spec.units?.[normalized[idx]!];
      if (unit) units.set(idx, unit);
    }
    fields.set(field, indexes);
  }

  for (const spec of specs) {
    if (fields.has(spec.field)) continue;
    const matches: Array<{ index: number; alias: string }> = [];
    for (const alias of spec.aliases) {
      const of: Array<{ index: number; alias: string }> = [];
      normalized.forEach((h, index) => {
        // A header the profile names for other fields is theirs, not another field's by a generic alias
        // (Salesforce's task Status is done or not, never the call result `missed`'s generic «Status» reads).
        if (h === alias && (profiled.get(h)?.has(spec.field) ?? true)) of.push({ index, alias });
      });
      // Of one alias, a deals file's column of another record («Дата создания (контакт)») after its own
      // («Дата создания»): leftmost, the contact's creation date was every deal's, cycles of 650 days (a tester).
      if (kind === 'deals') of.sort((a, b) => Number(namesOtherRecord(headers[a.index]!)) - Number(namesOtherRecord(headers[b.index]!)));
      // A relation's name before its id (`Salesperson/Name` before `Salesperson/id`): the manager is a person's name.
      of.sort((a, b) => Number(namesRelationId(headers[a.index]!)) - Number(namesRelationId(headers[b.index]!)));
      matches.push(...of);
    }
    const free = seen(matches.filter((m) => !claimed.has(m.index)));
    if (free.length === 0) continue;
    const used = spec.coalesce ? free : free.slice(0, 1);
    for (const m of used) {
      claimed.add(m.index);
      columns[m.index]!.field = spec.field;
      const unit = spec.units?.[m.alias];
      if (unit) units.set(m.index, unit);
    }
    for (const m of free.slice(used.length)) if (!columns[m.index]!.field) columns[m.index]!.passedOverFor = spec.field;
    fields.set(spec.field, used.map((m) => m.index));
    // A hidden column passed over for a visible one is no choice to ask about: its values are not shown.
    const others = [...new Set(free.slice(used.length).map((m) => m.index))].filter((i) => columns[i]!.passedOverFor === spec.field && !(columns[i]!.hidden && !columns[used[0]!.index]!.hidden));
    if (spec.field === 'manager' && !profile && !spec.coalesce && others.length > 0) ambiguous = { field: spec.field, columns: [used[0]!.index, ...others] };
    // Two money columns of one name (`Бюджет;Бюджет`, not «Бюджет, тыс. руб.» beside «Бюджет»): which is the amount is asked when their values differ.
    const twins = others.filter((i) => normalized[i] === normalized[used[0]!.index] && headerScale(headers[i]!) === headerScale(headers[used[0]!.index]!));
    if (MONEY_FIELDS.has(spec.field) && !spec.coalesce && twins.length > 0) ambiguous ??= { field: spec.field, columns: [used[0]!.index, ...twins] };
  }
  // A --map file's units win over the profile's and the generic reading.
  for (const [header, unit] of Object.entries(userUnits)) units.set(named(header, 'units', `${kind}.units`), unit);
  if (kind === 'activities') readExtensionSides(normalized, columns, fields);
  return { kind, fields, units, columns, ...(profile ? { profile } : {}), ...(ambiguous ? { ambiguous } : {}) };
}

/** The required fields in Russian words, with the key a --map file names them by (`менеджера (manager)`). */
export const FIELDS_RU: Readonly<Record<string, string>> = {
  manager: 'менеджера',
  deal_id: 'номера сделки',
  created_at: 'даты создания',
  at: 'даты и времени',
  month: 'месяца',
  source: 'источника',
  amount: 'суммы',
  leads: 'лидов',
  won: 'выигранных',
  revenue: 'выручки',
  paid: 'оплаченной суммы',
  invoiced: 'выставленной суммы',
};

function fieldRu(field: string): string {
  const words = FIELDS_RU[field];
  return words ? `${words} (${field})` : field;
}

/** A --map line's column the file lacks; a number that is a column's place gets the «#4» way to name it. */
function noColumn(w: string, field: string, headers: readonly string[], where: { file?: string | undefined; path: string }): UserError {
  const place = /^\d+$/.test(w.trim()) ? Number(w.trim()) : 0;
  const params = { column: shortText(w), field, ...columnList(headers) };
  if (place >= 1 && place <= headers.length) return UserError.of('E_MAP_COLUMN', 'map.noColumnPlace', { ...params, place, header: shortText(headers[place - 1] ?? '') }, where);
  return UserError.of('E_MAP_COLUMN', 'map.noColumn', params, where);
}

/** A file's headers as a message lists them: "A", "B" in English, «A», «B» in Russian. */
function columnList(headers: readonly string[]): { columns: string; columnsRu: string } {
  const named = headers.filter(Boolean);
  return { columns: named.map((h) => `"${h}"`).join(', '), columnsRu: named.map((h) => `«${h}»`).join(', ') };
}

/**
 * The fields a profile names each header of the file for (normalised): a field's first header the file
 * has (every one, for a coalescing field). A later one is not that field's here, and is free for another
 * field's generic alias: Bitrix24's «Время звонка», the call's length, is the time of day beside a talk
 * column («Длительность разговора»), which the profile lists first for the duration.
 */
function profileFields(profile: ProfileMatch | undefined, present: readonly string[]): Map<string, Set<string>> {
  const out = new Map<string, Set<string>>();
  const coalesce = new Set(profile?.profile.coalesce ?? []);
  for (const [field, headers] of Object.entries(profile?.profile.columns ?? {})) {
    const keys = (headers ?? []).map(normalizeHeader).filter((key) => present.includes(key));
    for (const key of coalesce.has(field) ? keys : keys.slice(0, 1)) out.set(key, (out.get(key) ?? new Set()).add(field));
  }
  return out;
}

/**
 * The field specs with a profile's columns first: its headers win over the generic aliases, its duration
 * units over the generic ones, and a field it lists under `coalesce` takes every column it names, in order.
 */
function withProfile(specs: FieldSpec[], profile: ProfileMatch | undefined): FieldSpec[] {
  if (!profile) return specs;
  const columns = profile.profile.columns;
  const coalesce = new Set(profile.profile.coalesce ?? []);
  const units = Object.entries(profile.profile.units ?? {}).map(([h, u]) => [normalizeHeader(h), u] as const);
  const ignored = new Set((profile.profile.ignore ?? []).map(normalizeHeader));
  return specs.map((spec) => {
    const own = columns[spec.field];
    const generic = ignored.size > 0 ? spec.aliases.filter((a) => !ignored.has(a)) : spec.aliases;
    const aliases = own ? [...new Set([...own.map(normalizeHeader), ...generic])] : generic;
    const ownUnits = units.filter(([h]) => aliases.includes(h));
    if (!own && ownUnits.length === 0 && generic === spec.aliases) return spec;
    return { ...spec, aliases, ...(coalesce.has(spec.field) ? { coalesce: true } : {}), ...(ownUnits.length > 0 ? { units: { ...spec.units, ...Object.fromEntries(ownUnits) } } : {}) };
  });
}

/** What the values of a column proposed by its values alone are. */
export type ValuesAre = 'dates' | 'months' | 'numbers' | 'names';

/** A required field no column feeds, and the columns proposed for it (see ColumnsMissing). */
export interface MissingField {
  field: string;
  candidates: string[];
  anyOf?: string[];
  /** For a group (`anyOf`), the columns proposed for each of its fields: the one a terminal's user says the file has is asked with its own. */
  each?: Record<string, string[]>;
  byValues?: { are: ValuesAre; columns: string[] };
  /** The proposed column is blank on more than half of the first rows: `rows` of `of` (said in the snippet's comment). */
  blank?: { rows: number; of: number };
  /** A manager of a PBX log no column names, whose employees are the lines in these channel columns (channel-proposal.ts): proposed instead. */
  channels?: ChannelColumns;
}

const VALUES_ARE: Record<ValuesAre, [string, string]> = { dates: ['даты', 'dates'], months: ['месяцы', 'months'], numbers: ['числа', 'numbers'], names: ['имена', 'names'] };

/** The comment after a proposed column in a --map snippet: the closest by name, or the one whose values fit, to check. */
export function proposalNote(m: Pick<MissingField, 'byValues' | 'blank'>, lang: string): string {
  const ru = lang === 'ru';
  // A column blank on most rows may hold the field on some calls only (Mango's `to_extension`: the employee on incoming calls, blank on outgoing ones).
  if (m.blank) {
    const { rows, of } = m.blank;
    return ru
      ? `ближайшая колонка, но пуста в ${rows} из ${of} первых строк: возможно, значение разнесено по двум колонкам (своя для каждого направления звонка); проверьте`
      : `the closest column, but blank on ${rows} of the ${of} first rows: the value may be split across two columns (one per call direction); check`;
  }
  if (!m.byValues) return ru ? 'ближайшая колонка: проверьте' : 'the closest column: check';
  const [are, areEn] = VALUES_ARE[m.byValues.are];
  return ru ? `по значениям (${are}): проверьте` : `by its values (${areEn}): check`;
}

/** Required fields no column feeds (a UserError that keeps the header and samples, so that a terminal can ask). */
export class ColumnsMissing extends UserError {
  constructor(
    message: string,
    file: string,
    hint: string,
    readonly kind: RecordKind,
    /**
     * Each missing field with the columns proposed for it, the proposal first; `anyOf` when any one of a
     * group of fields would do (the snippet names `field`); `byValues` when no column of a similar name
     * fits and the first ones were proposed by their values alone (what they are, and which they are).
     */
    readonly missing: MissingField[],
    /** Each column's header and its first few values. */
    readonly columns: Array<{ header: string; samples: string[] }>,
  ) {
    super('E_MAP_REQUIRED', message, { file }, hint);
  }

  /** What became of each column of the header (assertRequired): inspect shows them beside their values. */
  matches?: readonly ColumnMatch[];
  /** The CRM whose profile the header matched, if any. */
  crm?: string;
}

/**
 * Required fields that no column feeds: refused with the closest columns and a --map snippet that
 * names them. Also (unless `listAmbiguous`, as inspect does) a manager two columns could hold, whose
 * first values differ («Ответственный» a call centre, «Менеджер» a person): which one is meant is
 * asked on a terminal, else refused with a snippet naming the column chosen by alias order, to check.
 * `maps`, the run's value maps, read a payments file's statuses with its --map file's words (invoicedFirst).
 */
export function assertRequired(map: ColumnMap, file: string, sampleRows: readonly string[][] = [], listAmbiguous = false, maps?: ValueMaps): void {
  const headers = map.columns.map((c) => c.header);
  resolveNamesBesideLines(map, sampleRows);
  if (!listAmbiguous) assertUnambiguous(map, file, headers, sampleRows);
  const { propose, take } = proposer(map, headers, sampleRows);
  const missing: MissingField[] = [];
  // A log that says who took each call, or one whose calls show their lines (a PBX's), names its employees without a manager column.
  // A spend table with months across has its month in its headers (readWideSpend).
  const given = (f: string) => map.fields.has(f) || (f === 'manager' && (map.fields.has('answered_by') || showsLines(map, sampleRows, maps))) || (f === 'month' && map.months !== undefined);
  if (requiredFields(map.kind).includes('month') && !given('month')) assertMonthsHaveYear(map, file);
  // A PBX log whose channel columns no alias named (Issabel's «Src. Channel»): its employees are the lines there, proposed instead of a manager.
  const channels = requiredFields(map.kind).includes('manager') && !given('manager') ? channelColumns(map, sampleRows) : undefined;
  for (const field of requiredFields(map.kind).filter((f) => !given(f))) missing.push(field === 'manager' && channels ? { field, candidates: [], channels } : take({ field, ...propose(field) }));
  for (const group of requiredAnyOf(map.kind).filter((g) => !g.some((f) => map.fields.has(f)))) missing.push(take(closestOfGroup(invoicedFirst(map, group, sampleRows.length > 0 ? sampleRows : undefined, maps), propose)));
  if (missing.length === 0) return;
  const [en, ru] = [describeMissing(missing, 'en'), describeMissing(missing, 'ru')];
  const columns = headers.map((header, i) => ({ header, samples: sampleRows.map((r) => (r[i] ?? '').trim()).filter((v) => v !== '').slice(0, 3) }));
  const params = { lines: en.lines, linesRu: ru.lines, count: missing.length, file, inspect: inspectCommand(file, map.kind), snippet: `${map.kind}:\n  columns:\n${en.snippet}`, snippetRu: `${map.kind}:\n  columns:\n${ru.snippet}`, fileEn: KIND_FILE_EN[map.kind] ?? map.kind, fileRu: KIND_FILE_RU[map.kind] ?? map.kind };
  // A header none of whose names the kind knows may be another kind of file: asked as the no-header error asks it.
  const id = map.fields.size === 0 ? 'map.columnsUnknown' : 'map.columnsMissing';
  const error = new ColumnsMissing(renderMessage(id, params, 'en'), file, renderHint(id, params, 'en')!, map.kind, missing, columns);
  error.messageId = id;
  error.params = params;
  const proposals = missing.map(proposalsOf);
  error.guess = proposals.every((p) => p.length > 0) ? { columns: { [map.kind]: Object.fromEntries(proposals.flat().map((p) => [p.field, p.column])) }, notes: Object.fromEntries(proposals.flat().map((p) => [p.field, p.note])) } : undefined;
  error.matches = map.columns;
  if (map.profile) error.crm = map.profile.profile.crm;
  throw error;
}

/** A column proposed for a field in a snippet, with its note to check in both languages. */
type Proposal = { field: string; column: string; note: { en: string; ru: string } };

/** What a missing field's snippet proposes: the PBX channels that name the employees instead of a manager, else its first candidate, else nothing. */
function proposalsOf(m: MissingField): Proposal[] {
  if (m.channels) return SIDE_FIELDS.flatMap((field) => (m.channels![field] === undefined ? [] : [{ field, column: m.channels![field]!, note: { en: channelNote(field, 'en'), ru: channelNote(field, 'ru') } }]));
  const first = m.candidates[0];
  return first === undefined ? [] : [{ field: m.field, column: first, note: { en: proposalNote(m, 'en'), ru: proposalNote(m, 'ru') } }];
}

/** The missing fields as the refusal says them (each with the columns found for it) and its snippet's lines, in one language. */
function describeMissing(missing: readonly MissingField[], lang: 'en' | 'ru'): { lines: string; snippet: string } {
  const ru = lang === 'ru';
  const q = (list: readonly string[]) => list.map((c) => (ru ? `«${c}»` : `"${c}"`)).join(', ');
  const named = (m: MissingField) => (ru ? (m.anyOf ? m.anyOf.map(fieldRu).join(' или ') : fieldRu(m.field)) : m.anyOf ? m.anyOf.join(' or ') : m.field);
  // The columns proposed by their values come first, then those of a similar name.
  const near = (m: MissingField) => m.candidates.slice(m.byValues?.columns.length ?? 0);
  const byName = (m: MissingField) => (near(m).length ? `${ru ? 'ближайшие по названию' : 'closest by name'}: ${q(near(m))}` : ru ? 'похожего названия нет' : 'no similar name');
  const found = (m: MissingField) => {
    if (m.channels) return channelsSaid(m.channels, lang);
    if (m.byValues) return `${ru ? 'по значениям' : 'by values'}: ${q(m.byValues.columns)}; ${byName(m)}`;
    return m.candidates.length ? `${ru ? 'ближайшие колонки' : 'closest columns'}: ${q(m.candidates)}` : ru ? 'похожей колонки нет' : 'no similar column';
  };
  const snippetLines = (m: MissingField): string[] => {
    const proposals = proposalsOf(m);
    if (proposals.length > 0) return proposals.map((p) => `    ${p.field}: ${JSON.stringify(p.column)}    # ${p.note[lang]}`);
    const anyOf = m.anyOf ? `    # ${ru ? 'любое из' : 'any one of'}: ${m.anyOf.join(', ')}` : '';
    return [`    ${m.field}: ${JSON.stringify(ru ? '<заголовок в вашем файле>' : '<header in your file>')}${anyOf}`];
  };
  return { lines: missing.map((m) => `${named(m)} (${found(m)})`).join('; '), snippet: missing.flatMap(snippetLines).join('\n') };
}

/**
 * Refuses a spend or plan table with months across whose month headers name no year (`Канал;Январь;
 * Февраль;Итого`): read as months across only with the year (`Январь 2025`: readWideSpend), it had no
 * month column, and the snippet proposed «Январь» as the amount, which pasted would read January alone
 * with no month. Two or more such headers, as monthsAcross counts them with a year; not a column a --map
 * file or an alias took for another field.
 */
function assertMonthsHaveYear(map: ColumnMap, file: string): void {
  const bare = map.columns.filter((c) => (c.field === undefined || !c.byUser) && monthOf(c.header.trim().replace(/\.$/, '')) !== undefined).map((c) => c.header.trim());
  if (bare.length < 2) return;
  const shown = bare.slice(0, 3);
  const params = { file, months: shown.map((h) => `"${h}"`).join(', '), monthsRu: shown.map((h) => `«${h}»`).join(', '), example: `${bare[0]} 2025` };
  throw UserError.of('E_MAP_REQUIRED', 'map.monthsWithoutYear', params, { file });
}

/** What an ambiguity error calls the field two columns could feed («{whatRu} могут содержать несколько колонок»), by kind and field; else the field's key. */
function ambiguousWords(kind: RecordKind, field: string): { what: string; whatRu: string } {
  const id = (field === 'manager' ? 'map.ambiguous.manager' : `map.ambiguous.${kind}.${field}`) as MessageId;
  return id in MESSAGES ? { what: renderMessage(id, {}, 'en'), whatRu: renderMessage(id, {}, 'ru') } : { what: field, whatRu: field };
}

/** A line (an extension) as a PBX's log writes it: 2 to 6 digits. */
const LINE = /^\d{2,6}$/;

/** The headers of a call log's employee (who made or took the call), not a CRM's owner of the client («Ответственный из CRM»). */
const EMPLOYEE_HEADERS = new Set(['сотрудник', 'сотрудник атс', 'оператор', 'агент', 'agent', 'agent name', 'operator', 'employee', 'employee_full_name'].map(normalizeHeader));

/**
 * A manager two columns could hold, one of an employee's names and the others of lines alone (a PBX's
 * log with «Сотрудник» and «Добавочный»: «Иванова Анна» beside 201): no choice to ask about, the names
 * are the managers (tester T51 F6), and `map.ambiguous` is cleared. The names' column is made the
 * manager's where alias order took a line's. A column of the CRM's owner («Ответственный из CRM») beside
 * the lines is still asked about: the line took the call, the owner may not have.
 */
function resolveNamesBesideLines(map: ColumnMap, sampleRows: readonly string[][]): void {
  const a = map.ambiguous;
  if (a?.field !== 'manager') return;
  const filled = (i: number) => sampleRows.map((r) => (r[i] ?? '').trim()).filter((v) => v !== '');
  const candidates = a.columns.filter((i) => filled(i).length > 0);
  // Beside lines: an empty twin is no column of lines (its filled one is named by number: emptyTwins).
  if (candidates.length < 2) return;
  const names = candidates.filter((i) => filled(i).every((v) => /\p{L}{2}/u.test(v)));
  if (names.length !== 1 || !EMPLOYEE_HEADERS.has(normalizeHeader(map.columns[names[0]!]!.header))) return;
  if (!candidates.every((i) => i === names[0] || filled(i).every((v) => LINE.test(v)))) return;
  if (map.fields.get('manager')?.[0] !== names[0]) takeManager(map, [names[0]!]);
  delete map.ambiguous;
}

/** Refuses a field two columns could feed when their first values differ (see assertRequired). */
function assertUnambiguous(map: ColumnMap, file: string, headers: readonly string[], sampleRows: readonly string[][]): void {
  const a = map.ambiguous;
  if (!a) return;
  const value = (r: readonly string[], i: number) => (r[i] ?? '').trim();
  // An empty column is no choice (an empty twin: emptyTwins names the filled one): the choice is among the filled ones.
  const filled = a.columns.filter((i) => sampleRows.some((r) => value(r, i) !== ''));
  if (filled.length === 0) return;
  const [chosen, ...rest] = filled as [number, ...number[]];
  // Money compared as numbers: one column raw, its twin formatted (`10000`, `10 000,00`) hold the same amount.
  const same = (x: string, y: string) => x === y || (MONEY_FIELDS.has(a.field) && sameNumber(x, y));
  const differ = rest.filter((i) => sampleRows.some((r) => value(r, i) !== '' && !same(value(r, i), value(r, chosen))));
  if (differ.length === 0) return;
  const named = [chosen, ...differ].map((i) => headers[i]!);
  // Columns of the same name are told apart by number (#3), which --map takes as well.
  const twice = (i: number) => headers.filter((h) => normalizeHeader(h) === normalizeHeader(headers[i]!)).length > 1;
  const refs = [chosen, ...differ].map((i) => (twice(i) ? `#${i + 1}` : headers[i]!));
  const shown = (q: [string, string]) => [chosen, ...differ].map((i) => `${q[0]}${headers[i]}${q[1]}${twice(i) ? ` (#${i + 1})` : ''}`).join(', ');
  const columns = headers.map((header, i) => ({ header, samples: sampleRows.map((r) => value(r, i)).filter((v) => v !== '').slice(0, 3) }));
  const params = {
    field: a.field,
    ...ambiguousWords(map.kind, a.field),
    columns: shown(['"', '"']),
    columnsRu: shown(['«', '»']),
    file,
    inspect: inspectCommand(file, map.kind),
    snippet: `${map.kind}:\n  columns:\n    ${a.field}: ${JSON.stringify(refs[0])}    # or ${refs.slice(1).map((h) => JSON.stringify(h)).join(', ')}: check`,
    snippetRu: `${map.kind}:\n  columns:\n    ${a.field}: ${JSON.stringify(refs[0])}    # или ${refs.slice(1).map((h) => JSON.stringify(h)).join(', ')}: проверьте`,
  };
  const error = new ColumnsMissing(renderMessage('map.columnsAmbiguous', params, 'en'), file, renderHint('map.columnsAmbiguous', params, 'en')!, map.kind, [{ field: a.field, candidates: named }], columns);
  error.messageId = 'map.columnsAmbiguous';
  error.params = params;
  error.guess = { columns: { [map.kind]: { [a.field]: refs[0]! } }, notes: { [a.field]: { en: `or ${refs.slice(1).map((h) => JSON.stringify(h)).join(', ')}: check`, ru: `или ${refs.slice(1).map((h) => JSON.stringify(h)).join(', ')}: проверьте` } } };
  throw error;
}

/** Fields whose values are dates, months and counts or amounts: a column offered for one holds them. */
const DATE_FIELDS = new Set(['created_at', 'at']);
const NUMBER_FIELDS = new Set(['amount', 'leads', 'won', 'revenue', 'invoiced', 'paid']);
/** Whether two cells read as the same number (neither unreadable). */
function sameNumber(x: string, y: string): boolean {
  const [a, b] = [parseNumber(x), parseNumber(y)];
  return a !== null && b !== null && !Number.isNaN(a) && a === b;
}

/** What a sample value looks like to a proposal: a date, a number (an amount, a phone, an id of digits), a line, an id, a person's name, other text. */
type ValueShape = 'date' | 'number' | 'line' | 'id' | 'name' | 'text';

/**
 * What a cell looks like to a proposal: a line first (`101`, `PJSIP/101-…`), then a date or a number
 * as a header search reads them, a phone written with its marks, anything without a letter or shaped
 * as a CRM user id; then two or three words of letters, or one word with a line beside it, is a
 * person's name (the line set aside, written after the name, «Анна (201)», or before, Sipuni's «201 (Анна)»).
 */
export function valueShape(raw: string): ValueShape {
  const v = raw.trim();
  if (lineOf(v) !== undefined) return 'line';
  const type = cellType(v);
  if (type === 'date' || type === 'number') return type;
  // A phone written with its marks («+7 (916) 111-11-11», «8 916 222-22-22») is a number, not text.
  if (phoneKey(v) !== undefined) return 'number';
  if (!/\p{L}/u.test(v) || looksLikeUserId(v)) return 'id';
  const bare = withoutLine(v);
  return PERSON_NAME.test(bare) || (bare !== v && /^\p{L}[\p{L}'’.-]*$/u.test(bare)) ? 'name' : 'text';
}

/** What in a cell says it is a route or a sentence, not a person: an arrow, or a colon after a word. */
const NOT_A_NAME = /\s(?:>|->|→|=>)\s|\p{L}:\s/u;
/** The most words a manager's name has in a cell (a name, a patronymic, a surname, a line, a department's word). */
const MANAGER_WORDS_AT_MOST = 5;

/**
 * Whether a column may be offered for a field, by what it already feeds and by its first values: a
 * column another field reads is not offered; a date field needs dates among at least half of them, a
 * month field months, a count or an amount numbers; a manager needs names or other text in at least
 * half of them (a column of phone numbers, dates, amounts or ids is no employee: Beeline's «Номер»
 * beside its «Абонент»), or in a call log lines alone (a PBX's extensions); any other field a value
 * that is not a date (an Asterisk CDR's `calldate` is no source, nor is an empty column).
 */
function valueFit(map: ColumnMap, headers: readonly string[], sampleRows: readonly string[][]): (field: string, header: string) => boolean {
  return (field, header) => {
    const index = headers.indexOf(header);
    if (index < 0 || map.columns[index]?.field !== undefined) return false;
    if (sampleRows.length === 0) return true;
    const values = columnValues(index, sampleRows);
    if (DATE_FIELDS.has(field)) return mostly(values, (v) => parseDate(v, 'dmy') !== undefined);
    if (field === 'month') return mostly(values, (v) => parseMonth(v) !== undefined);
    if (NUMBER_FIELDS.has(field)) return mostly(values, (v) => cellType(v) === 'number') && countOrMoney(field, header, values);
    if (field === 'manager') {
      // A column of call statuses (Rostelecom's `status_string`: «Busy Here») is no employee, whatever its words' shape.
      if (holdsStatuses(header, values)) return false;
      // A route or a sentence («Inbound: 74951234567 > Ivanov Ivan (101)», 3CX's Call Activity Details) is no
      // employee's name: offered, pasted, each route was a manager, the voice menu one with 100% missed (tester T32 F2).
      const shapes = values.map((v) => (NOT_A_NAME.test(v) || v.trim().split(/\s+/).length > MANAGER_WORDS_AT_MOST ? 'text-long' : valueShape(v)));
      return mostly(shapes, (x) => x === 'name' || x === 'text') || (map.kind === 'activities' && values.length > 0 && shapes.every((x) => x === 'line'));
    }
    return values.some((v) => parseDate(v, 'dmy') === undefined);
  };
}

/** Targets that count (leads, deals won), and headers that name money or a count of views: a snippet offered «Target, RUB» of 150 000 as leads and «Показы» as roubles spent. */
const COUNT_FIELDS = new Set(['leads', 'won']);
const MONEY_HEADER = /₽|руб|\brub\b|\$|€|выручк|revenue|сумм|amount|бюджет|budget/i;
const VIEWS_HEADER = /показ|клик|просмотр|охват|impression|click|views|reach|ctr/i;

/**
 * Above this a whole number is money, not a count of leads or deals (no manager is planned 1 000 deals a
 * month): a column offered for a count holds none larger, and a plan's months across all of whose
 * targets are no larger are counts, not roubles (plan-reader's readPlanMonths).
 */
export const COUNT_AT_MOST = 999;

/**
 * Whether a column of numbers may be offered for a count or an amount: a count's values are whole
 * numbers up to COUNT_AT_MOST under a header that names no money; an amount's header names no views or clicks.
 */
function countOrMoney(field: string, header: string, values: readonly string[]): boolean {
  if (!COUNT_FIELDS.has(field)) return !VIEWS_HEADER.test(header);
  if (MONEY_HEADER.test(header)) return false;
  return values.every((v) => {
    const n = parseNumber(v);
    return n === null || Number.isNaN(n) || (Number.isInteger(n) && n <= COUNT_AT_MOST);
  });
}

/** A column's filled values among the first rows. */
export function columnValues(index: number, sampleRows: ReadonlyArray<readonly string[]>): string[] {
  return sampleRows.map((r) => (r[index] ?? '').trim()).filter((v) => v !== '');
}

/**
 * Header words of a deal's stage or pipeline in the CRMs' languages: such a column holds no people, however
 * its stages read («Conclue gagnée», «Contrat envoyé» looked like names: a French HubSpot export's snippet
 * proposed «Phase de la transaction» as the manager, tester T45).
 */
const STAGE_HEADER = /(?:^|[\s_.-])(?:stage|phase|pipeline|funnel|étape|etapa|fase|etappe|vertriebsphase)(?:$|[\s_.-])|этап|стади|воронк/iu;

/** What the values of a column proposed for a field by its values alone must be. */
function valuesFor(field: string): ValuesAre | undefined {
  if (DATE_FIELDS.has(field)) return 'dates';
  if (field === 'month') return 'months';
  if (NUMBER_FIELDS.has(field)) return 'numbers';
  return field === 'manager' ? 'names' : undefined;
}

/**
 * The columns proposed for a missing field: those of a similar name whose values fit it (the closest
 * first; for a manager, names first). When none fits, or for a manager none of them holds names, the
 * columns whose values alone fit it come first, leftmost first («Поступила» of dates for a renamed
 * «Дата создания», «Куратор» of names for «Ответственный»): at least half of their first values dates
 * for a date field (a plain number never is one: an id of 100000 reads as an Excel day), months for a
 * month, numbers for an amount or a target (not a row number or an id counting up by one), and
 * people's names alone for a manager (personLike). A column another field reads, one of a header the
 * file has twice, and one proposed for an earlier field (`take`) are not. Deterministic: the file's
 * order decides.
 */
function proposer(map: ColumnMap, headers: readonly string[], sampleRows: readonly string[][]) {
  const fits = valueFit(map, headers, sampleRows);
  const proposed = new Set<string>();
  const byValues = (are: ValuesAre): string[] =>
    headers.filter((header, index) => {
      if (header.trim() === '' || headers.indexOf(header) !== index || map.columns[index]?.field !== undefined || proposed.has(header)) return false;
      const values = columnValues(index, sampleRows);
      if (are === 'dates') return mostly(values, (v) => cellType(v) === 'date');
      if (are === 'months') return mostly(values, (v) => cellType(v) !== 'number' && parseMonth(v) !== undefined);
      if (are === 'numbers') return mostly(values, (v) => cellType(v) === 'number') && !countsUp(values);
      return personLike(values) && !holdsStatuses(header, values) && !STAGE_HEADER.test(header);
    });
  const propose = (field: string): Omit<MissingField, 'field'> => {
    const similar = offered(field, closestColumns(field, map.kind, headers).filter((h) => fits(field, h)), headers, sampleRows);
    const are = valuesFor(field);
    if (sampleRows.length === 0 || !are || (similar.length > 0 && field !== 'manager')) return { candidates: similar };
    const fitting = byValues(are).filter((h) => !similar.includes(h) && (are !== 'numbers' || countOrMoney(field, h, columnValues(headers.indexOf(h), sampleRows))));
    const [near, columns] = varied(field, [similar, offered(field, fitting, headers, sampleRows)], headers, sampleRows);
    // A manager: a similar name holding names wins, unless only a column by its values is written as
    // people's names are (Kommo's «Name» of deal titles, «Acme supply», beside «Author», «Anna Smith»).
    const written = (h: string | undefined) => h !== undefined && writtenAsNames(h, headers, sampleRows);
    if (near.length > 0 && (written(near[0]) || (holdsNames(near[0]!, headers, sampleRows) && !written(columns[0])))) return { candidates: near };
    return columns.length === 0 ? { candidates: near } : { candidates: [...columns, ...near], byValues: { are, columns } };
  };
  const take = (m: MissingField): MissingField => {
    const first = m.candidates[0];
    if (first === undefined) return m;
    proposed.add(first);
    // Said, not proposed silently: a column blank on most rows read as the field skips those rows (a tester's pasted snippet skipped every outgoing call).
    const rows = sampleRows.filter((r) => (r[headers.indexOf(first)] ?? '').trim() === '').length;
    return rows * 2 > sampleRows.length ? { ...m, blank: { rows, of: sampleRows.length } } : m;
  };
  return { propose, take };
}

/**
 * For a manager, the lists of candidates without the columns that hold one value on every row of the
 * sample (oneValueThroughout: a Salesforce report's «Type», «New Customer» on each deal, was proposed
 * by its values, a name's shape, before «Opportunity Owner Alias»), unless no other column is left.
 */
function varied(field: string, lists: [string[], string[]], headers: readonly string[], sampleRows: readonly string[][]): [string[], string[]] {
  if (field !== 'manager') return lists;
  const varies = (h: string) => !oneValueThroughout(sampleRows.map((r) => (r[headers.indexOf(h)] ?? '').trim()));
  if (!lists.some((list) => list.some(varies))) return lists;
  return [lists[0].filter(varies), lists[1].filter(varies)];
}

/** Whether a column's values are plain integers each one more than the one before (a row number, an id): no amount. */
function countsUp(values: readonly string[]): boolean {
  return values.length > 1 && values.every((v, i) => /^\d+$/.test(v) && (i === 0 || Number(v) === Number(values[i - 1]) + 1));
}

/** Whether at least half of a column's first values look like people's names (valueShape). */
function holdsNames(header: string, headers: readonly string[], sampleRows: readonly string[][]): boolean {
  return mostly(columnValues(headers.indexOf(header), sampleRows), (v) => valueShape(v) === 'name');
}

/**
 * Whether at least half of a column's first values are written as people's names: a name's shape, each
 * word capitalised («Anna Smith», «Петрова А. С.», «Мамедов Эльчин Рауф оглы»), where a deal's title
 * («Acme supply», «Ромашка поставка») has the shape but not the capitals.
 */
function writtenAsNames(header: string, headers: readonly string[], sampleRows: readonly string[][]): boolean {
  return mostly(columnValues(headers.indexOf(header), sampleRows), (v) => valueShape(v) === 'name' && capitalised(v));
}

/**
 * The columns offered for a field, the closest first, except that for a manager a column whose first
 * values are written as people's names («Иванов Иван», «Петрова Анна (доб. 102)», «Anna Smith») comes
 * before one of a name's shape only («Acme supply»), and that before the rest.
 */
function offered(field: string, candidates: string[], headers: readonly string[], sampleRows: readonly string[][]): string[] {
  if (field !== 'manager' || sampleRows.length === 0) return candidates;
  const rank = (header: string) => (writtenAsNames(header, headers, sampleRows) ? 0 : holdsNames(header, headers, sampleRows) ? 1 : 2);
  return [0, 1, 2].flatMap((r) => candidates.filter((h) => rank(h) === r));
}

/** A group of fields none of which has a column: the first field that has a column proposed for it names it, else the group's first. */
function closestOfGroup(group: string[], propose: (field: string) => Omit<MissingField, 'field'>): MissingField {
  const options = group.map((field) => ({ field, ...propose(field) }));
  return { ...(options.find((o) => o.candidates.length > 0) ?? options[0]!), anyOf: group, each: Object.fromEntries(options.map((o) => [o.field, o.candidates])) };
}

/** Unmapped header cells most similar to a field's aliases (by shared words and edit distance). */
export function closestColumns(field: string, kind: RecordKind, headers: readonly string[]): string[] {
  const aliases = FIELDS[kind].find((f) => f.field === field)?.aliases ?? [field];
  const scored = headers
    .filter((h) => h.trim() !== '')
    .map((h) => {
      const n = normalizeHeader(h);
      const best = Math.min(...aliases.map((a) => distance(n, a) / Math.max(n.length, a.length, 1)));
      const shares = aliases.some((a) => a.split(' ').some((w) => w.length > 2 && n.includes(w)));
      return { h, score: best - (shares ? 0.5 : 0) };
    })
    .filter((x) => x.score < 0.6)
    .sort((a, b) => a.score - b.score);
  return scored.slice(0, 3).map((x) => x.h);
}

function distance(a: string, b: string): number {
  if (a.length > 64 || b.length > 64) return Math.max(a.length, b.length);
  const prev = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let diag = prev[0]!;
    prev[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = prev[j]!;
      prev[j] = Math.min(prev[j]! + 1, prev[j - 1]! + 1, diag + (a[i - 1] === b[j - 1] ? 0 : 1));
      diag = tmp;
    }
  }
  return prev[b.length]!;
}
