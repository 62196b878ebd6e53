import { knownLayout } from './layouts.js';
import { UserError } from '../../core/errors.js';
import { normalizeHeader, RECORD_KINDS, type RecordKind } from './fields.js';
import { headerScore, namesTellingColumn } from './mapping.js';
import { noHeaderError } from './no-header.js';
import { detectProfile, kindHeaders, type ProfileMatch } from './profiles.js';
import type { HeadRow } from './stdin-head.js';

/**
 * guessKindSaid's judgment of a file's first rows: those read for it, or those stdin's import kept
 * (stdin-head.ts), as stdin cannot be read again. Throws as the import would where no row names a column.
 */
export function kindSaidBy(rows: readonly HeadRow[], file: string, searchRows: number): { kind: RecordKind; said: boolean } {
  // A CRM profile's signature says what the file holds before any count of names does; a known layout
  // without a header (Asterisk's Master.csv) is the call log its values show.
  for (const r of rows) {
    const kind = profileKind(r.cells);
    if (kind) return { kind, said: true };
  }
  if (knownLayout(rows)) return { kind: 'activities', said: true };
  let best: RecordKind = 'deals';
  let bestScore = 0;
  for (const kind of RECORD_KINDS) {
    // A row of data with one known value («won» in a headerless deals file) names no columns.
    const score = Math.max(0, ...rows.map((r) => headerScore(r.cells, kind)));
    // activities and payments share some names with deals: a tie goes to the more specific kind
    if (score > bestScore) [best, bestScore] = [kind, score];
  }
  if (bestScore === 0) throw rows.length === 0 ? UserError.of('E_NO_ROWS', 'import.noRows', {}, { file }) : noHeaderError(file, undefined, rows, searchRows);
  if (bestScore >= 2) return { kind: best, said: true };
  // One name each: the kind only one of whose own columns is named («Длительность разговора» beside «Кто»).
  const telling = RECORD_KINDS.filter((kind) => rows.some((r) => namesTellingColumn(r.cells, kind)));
  return telling.length === 1 ? { kind: telling[0]!, said: true } : { kind: best, said: false };
}

/**
 * The kind whose CRM profile a header row matches best, where profiles of several kinds match it. A
 * Salesforce Task extract (Data Loader) has the generic API columns of every object (Id, OwnerId,
 * CreatedDate, IsClosed, AccountId, IsDeleted: the Opportunity profile's six) beside the ones only a
 * task has (WhoId, WhatId, ActivityDate, TaskSubtype, CallType, CallDurationInSeconds): the first kind
 * matched (deals) made inspect and map read it as deals while kpi -a read it as the call log it is.
 * So the headers only one kind knows decide first (what the header shows of that kind, not of any
 * record), then how many headers each profile matched, then the kinds' order (deals first, as before).
 */
function profileKind(cells: readonly string[]): RecordKind | undefined {
  const found = RECORD_KINDS.flatMap((kind) => {
    const match = detectProfile(cells, kind);
    return match ? [{ kind, matched: match.matched.length, own: ownHeaders(match, kind) }] : [];
  });
  let best = found[0];
  for (const f of found.slice(1)) if (f.own > best!.own || (f.own === best!.own && f.matched > best!.matched)) best = f;
  if (!best) return undefined;
  // A CRM's API names its records' common columns alike: Pipedrive's activities (add_time, owner_name,
  // org_name, person_name) match its deals profile. A header that names columns only another kind has
  // (duration, due_time: a call log's), and none only the profile's kind has, is that other kind's.
  if (namesTellingColumn(cells, best.kind)) return best.kind;
  const telling = RECORD_KINDS.filter((kind) => kind !== best.kind && namesTellingColumn(cells, kind) && headerScore(cells, kind) >= 2);
  return telling.length === 1 ? telling[0] : best.kind;
}

/** How many of the headers a profile matched no other kind's fields or profiles name. */
function ownHeaders(match: ProfileMatch, kind: RecordKind): number {
  const others = RECORD_KINDS.filter((k) => k !== kind).map(kindHeaders);
  return match.matched.filter((h) => !others.some((o) => o.has(normalizeHeader(h)))).length;
}
