import { FIELDS, normalizeHeader } from './fields.js';
import { machineWord } from './people.js';
import { buildValueMaps, statusByWords, type ValueMaps } from './value-maps.js';
import { normalizeValue } from './values.js';

/**
 * A column of call statuses is no employee: Rostelecom's cloud PBX writes a call's SIP reason in its
 * `status_string` («Busy Here», «Request Terminated», «Temporarily Unavailable»), capitalised words a
 * name's shape, and the manager snippet proposed it; pasted, the run reported «Busy Here» as a manager.
 */

/**
 * The reason phrases of SIP responses (RFC 3261 and its extensions, as PBXs write them), and the
 * dispositions and hangup causes PBX logs write (Asterisk's `NO ANSWER`, `CHANUNAVAIL`; FreeSWITCH's
 * and Q.850's `NORMAL_CLEARING`, `USER_BUSY`), as phraseKey writes them.
 */
const PHRASES = new Set([
  'trying', 'ringing', 'call is being forwarded', 'queued', 'session progress', 'early dialog terminated', 'ok', 'accepted', 'no notification',
  'multiple choices', 'moved permanently', 'moved temporarily', 'use proxy', 'alternative service',
  'bad request', 'unauthorized', 'payment required', 'forbidden', 'not found', 'method not allowed', 'not acceptable', 'proxy authentication required',
  'request timeout', 'request time out', 'gone', 'conditional request failed', 'request entity too large', 'request uri too long', 'unsupported media type',
  'unsupported uri scheme', 'unknown resource priority', 'bad extension', 'extension required', 'session interval too small', 'interval too brief',
  'use identity header', 'provide referrer identity', 'anonymity disallowed', 'bad identity info', 'unsupported certificate', 'invalid identity header',
  'temporarily unavailable', 'temporarily not available', 'call transaction does not exist', 'call leg transaction does not exist', 'loop detected', 'too many hops',
  'address incomplete', 'ambiguous', 'busy here', 'request terminated', 'not acceptable here', 'bad event', 'request pending', 'undecipherable',
  'security agreement required', 'server internal error', 'internal server error', 'not implemented', 'bad gateway', 'service unavailable', 'server time out',
  'server timeout', 'version not supported', 'message too large', 'precondition failure', 'busy everywhere', 'decline', 'declined', 'does not exist anywhere',
  'unwanted', 'rejected',
  'no answer', 'failed', 'congestion', 'cancel', 'cancelled', 'canceled', 'chanunavail',
  'normal clearing', 'user busy', 'no user response', 'call rejected', 'unallocated number', 'originator cancel', 'normal temporary failure',
  'no route destination', 'number changed', 'destination out of order', 'invalid number format', 'recovery on timer expire', 'normal unspecified',
  'subscriber absent', 'lose race', 'allotted timeout', 'media timeout', 'progress timeout', 'network out of order', 'incompatible destination',
]);

/** A value as PHRASES holds it: lower case, a SIP code before it dropped («486 Busy Here»), underscores, dashes, slashes and commas as spaces. */
function phraseKey(value: string): string {
  return normalizeValue(value)
    .replace(/^[1-6]\d\d\s+/, '')
    .replace(/[_\-/,]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

let defaults: ValueMaps | undefined;

/** Whether a value is a call's status: a SIP reason or a PBX's disposition, one the value maps read as a call status, or one whose words say answered or not. */
export function callStatusPhrase(value: string): boolean {
  const key = phraseKey(value);
  if (PHRASES.has(key)) return true;
  defaults ??= buildValueMaps();
  return defaults.missed.has(normalizeValue(value)) || statusByWords(normalizeValue(value)) !== undefined;
}

/** Headers the fields read as a status (a call's `missed`, an activity's `done`, a deal's or an invoice's `status`), as normalizeHeader writes them. */
let statusHeaders: ReadonlySet<string> | undefined;

function knownAsStatus(header: string): boolean {
  statusHeaders ??= new Set(
    (['deals', 'activities', 'payments'] as const).flatMap((kind) => FIELDS[kind].filter((f) => f.field === 'missed' || f.field === 'done' || f.field === 'status').flatMap((f) => f.aliases.map(normalizeHeader))),
  );
  return statusHeaders.has(normalizeHeader(header));
}

/** Header words of a status: `status_string`, «Статус вызова», `hangup_cause`, `disposition`. */
const STATUS_HEADER = /(?:^|[\s_.-])(?:status|state|disposition|hangup|cause|reason)(?:$|[\s_.-])|статус|причина/iu;

/**
 * Whether a column holds statuses, not employees: its header is one the fields read as a status, or
 * names a status and more than one of its first filled values is a call status, or more than half of
 * them are (callStatusPhrase). A machine's word («IVR», «Голосовая почта»: people.ts machineWord, what
 * the readers give no employee) counts on neither side: a «Сотрудник» column where the IVR took half
 * the calls holds employees, and one status among a status-named column's values («Причина»: a label
 * «Ok») is no proof.
 */
export function holdsStatuses(header: string, values: readonly string[]): boolean {
  if (knownAsStatus(header)) return true;
  const said = values.filter((v) => !machineWord(v));
  const statuses = said.filter(callStatusPhrase).length;
  if (STATUS_HEADER.test(header) && statuses > 1) return true;
  return statuses * 2 > said.length;
}
