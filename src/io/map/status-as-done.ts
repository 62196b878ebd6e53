// A status column a call log would hold (`Status`, «Статус», read as whether a call was missed) whose
// values are a task list's (Not Started, In Progress, Completed; «Выполнено», «Не выполнено»): read as
// whether the activity was done, so that a planned task is no touch. Before, «Not Started» was an
// answered call, «unknown value», and two planned tasks counted as touches (testers T70, T71).
import { assignField, columnValues, type ColumnMap } from './mapping.js';
import { missedByWords, statusByWords, type ValueMaps } from './value-maps.js';
import { normalizeHeader } from './fields.js';
import { activityDone, normalizeValue, parseBoolean } from './values.js';

/**
 * Reads the `missed` column as `done` where every one of its first filled values is a task's status
 * (activityDone knows it, not a yes or a no) and one at least is a status still to do that no call has
 * (Not Started; a call log's «Completed», «Завершен», «Отменен» say nothing of a task): a file of no known
 * CRM (a profile names its columns) with no call's duration or sides, the column not the user's, no done column.
 */
export function readStatusAsDone(map: ColumnMap, sample: ReadonlyArray<readonly string[]>, maps: ValueMaps): void {
  const cols = map.fields.get('missed');
  if (map.kind !== 'activities' || map.profile || map.fields.has('done') || cols?.length !== 1) return;
  const column = map.columns[cols[0]!]!;
  // A call log's (a duration, a caller or a callee is a call's) keeps its status: «Завершен», «Отменен» are calls' too (review R53).
  if (column.byUser || !STATUS_HEADERS.has(normalizeHeader(column.header)) || ['duration_s', 'caller', 'callee', 'end_at', 'answered_at'].some((f) => map.fields.has(f))) return;
  const values = [...new Set(columnValues(column.index, sample))];
  const call = (v: string) => {
    const key = normalizeValue(v);
    return maps.missed.has(key) || statusByWords(key) !== undefined || missedByWords(maps.missedDirection, key);
  };
  // Words, not a yes or a no (a missed flag's true / false is one): every one a task's status, one at least
  // a task's still to do (Not Started, «Не выполнена»), which no call's status is.
  const task = (v: string) => parseBoolean(v) === undefined && activityDone(v, undefined, maps.done) !== undefined;
  const planned = (v: string) => !call(v) && activityDone(v, undefined, maps.done) === false;
  if (values.length === 0 || !values.every(task) || !values.some(planned)) return;
  readAsDone(map, column.index, values.slice(0, 3));
}

/** The headers of a status that may be a call's or a task's (a missed flag's own, «Пропущен», is never a task's status). */
const STATUS_HEADERS = new Set(['status', 'статус', 'state', 'состояние', 'estado', 'estatus', 'результат', 'result']);

/** Reads column `col` as the done column (readStatusAsDone; a part of a file read in parallel applies the first half's reading). */
export function readAsDone(map: ColumnMap, col: number, values?: string[]): void {
  const column = map.columns[col];
  if (!column || column.field !== 'missed') return;
  map.fields.delete('missed');
  assignField(map, 'done', [col]);
  // A column passed over for the missed status («Результат» beside «Статус») is none now: no call's status is read.
  for (const c of map.columns) if (c.passedOverFor === 'missed') delete c.passedOverFor;
  if (values && values.length > 0) column.byValues = values;
  map.doneByValues = col;
}
