import { renderHint, renderMessage } from '../../core/messages.js';
import { normalizeHeader } from './fields.js';
import { assignField, ColumnsMissing, type ColumnMap } from './mapping.js';
import { byWords, type ValueMaps } from './value-maps.js';
import { normalizeValue } from './values.js';
import { inspectCommand } from '../../core/inspect-command.js';

/**
 * An activities column headed only «Тип» / "Type" says nothing by its name: a telephony log writes
 * the call's direction there (Входящий, Исходящий), a CRM's activity list the activity's kind
 * (Звонок, Письмо, Встреча, Задача). Its first values decide, once per file, before any row is read,
 * so that the text and byte paths and both halves of a file read in parallel read it the same way.
 */
const GENERIC = new Set(['Тип', 'Type'].map(normalizeHeader));

type TypeField = 'kind' | 'direction';

/** What the first values of a generic type column showed. */
export interface TypeColumnReading {
  column: number;
  header: string;
  /** The field its values say it is; undefined when they are both kinds and directions, or mostly neither. */
  field: TypeField | undefined;
  /** A few of the distinct values seen, in order of appearance. */
  values: string[];
}

/**
 * Reads a generic type column by its values: every recognised value a kind (and recognised values
 * at least half of the filled cells) makes it the kind, every one a direction the direction; values
 * naming both («Звонок входящий») go with either, and alone make it the kind. The
 * column's mapping by alias order (or its being left unmapped) is replaced; a column the user's --map
 * or a CRM profile names is left alone. Undefined when there is no such column or none of its first
 * cells is filled.
 */
export function readTypeColumn(map: ColumnMap, sampleRows: readonly string[][], maps: ValueMaps): TypeColumnReading | undefined {
  if (map.kind !== 'activities') return undefined;
  const own = new Set(Object.values(map.profile?.profile.columns ?? {}).flat().map(normalizeHeader));
  // A column that feeds nothing matters only while kind or direction has no column of its own.
  const open = !map.fields.has('kind') || !map.fields.has('direction');
  const column = map.columns.find((c) => GENERIC.has(normalizeHeader(c.header)) && !own.has(normalizeHeader(c.header)) && !c.byUser && (isTypeField(c.field) || (c.field === undefined && open)));
  if (!column) return undefined;
  let kinds = 0;
  let directions = 0;
  // Values that name both («Звонок входящий»): read as kinds, they give the direction too (activity-reader.ts).
  let both = 0;
  let filled = 0;
  const values: string[] = [];
  for (const row of sampleRows) {
    const raw = (row[column.index] ?? '').trim();
    if (raw === '') continue;
    filled++;
    if (!values.includes(raw)) values.push(raw);
    const key = normalizeValue(raw);
    const kind = maps.kind.has(key) || byWords(maps.kind, key) !== undefined;
    const direction = maps.direction.has(key) || byWords(maps.direction, key) !== undefined;
    if (kind && direction) both++;
    else if (kind) kinds++;
    else if (direction) directions++;
  }
  if (filled === 0) return undefined;
  const recognised = kinds + directions + both;
  // Directions alone besides values naming both: a call log's column (a kind's call is the default).
  const field = recognised * 2 < filled || (kinds > 0 && directions > 0) ? undefined : directions > 0 ? 'direction' : 'kind';
  return { column: column.index, header: column.header, field, values: values.slice(0, 6) };
}

const isTypeField = (f: string | undefined): f is TypeField => f === 'kind' || f === 'direction';

/**
 * Gives the column the field its values showed. When that field already has a column of its own
 * (a «Тип звонка» beside «Тип»), the generic one feeds neither. A direction the move leaves without
 * a column takes the next column passed over for it.
 */
export function applyTypeColumn(map: ColumnMap, reading: TypeColumnReading): void {
  const col = map.columns[reading.column]!;
  const field = reading.field;
  if (!field || col.field === field) return;
  const was = col.field;
  if (isTypeField(was)) {
    map.fields.delete(was);
    delete col.field;
  }
  if (map.fields.has(field)) col.passedOverFor = field;
  else assignField(map, field, [col.index]);
  if (isTypeField(was) && !map.fields.has(was)) {
    const next = map.columns.find((c) => c.passedOverFor === was && !c.field && c.index !== col.index);
    if (next) assignField(map, was, [next.index]);
  }
}

/**
 * Settles a generic type column once its first values are read: moved to the field they show (and
 * remembered on the map, so that the other half of a file read in parallel applies the same reading),
 * listed as undecided for inspect, or refused (a terminal asks).
 */
export function settleTypeColumn(map: ColumnMap, reading: TypeColumnReading, file: string, sampleRows: readonly string[][], listUndecided: boolean): void {
  const col = map.columns[reading.column]!;
  if (reading.field) {
    applyTypeColumn(map, reading);
    col.byValues = reading.values;
    map.typeColumn = reading;
    return;
  }
  // Undecided values of a column that feeds nothing change nothing: it stays unread, listed by inspect.
  if (listUndecided || col.field === undefined) {
    col.undecided = reading.values;
    return;
  }
  const columns = map.columns.map((c) => ({ header: c.header, samples: sampleRows.map((r) => (r[c.index] ?? '').trim()).filter((v) => v !== '').slice(0, 3) }));
  throw typeColumnUndecided(map, reading, file, columns);
}

/** The column names what its values did not decide: asked on a terminal, else refused with both --map lines to choose from. */
function typeColumnUndecided(map: ColumnMap, reading: TypeColumnReading, file: string, columns: ColumnsMissing['columns']): ColumnsMissing {
  const header = JSON.stringify(reading.header);
  const params = {
    header: reading.header,
    values: reading.values.map((v) => `"${v}"`).join(', '),
    valuesRu: reading.values.map((v) => `«${v}»`).join(', '),
    file,
    inspect: inspectCommand(file, map.kind),
    snippet: `activities:\n  columns:\n    kind: ${header}          # the activity's kind (call, email, meeting, task)\n    # direction: ${header}   # or the call's direction (inbound, outbound)`,
    snippetRu: `activities:\n  columns:\n    kind: ${header}          # вид активности (звонок, письмо, встреча, задача)\n    # direction: ${header}   # или направление звонка (входящий, исходящий)`,
  };
  const error = new ColumnsMissing(renderMessage('map.typeUndecided', params, 'en'), file, renderHint('map.typeUndecided', params, 'en')!, map.kind, [{ field: 'kind', candidates: [reading.header], anyOf: ['kind', 'direction'] }], columns);
  error.messageId = 'map.typeUndecided';
  error.params = params;
  return error;
}
