import type { ActivityKind, DealStatus } from '../../core/records.js';
import type { CrmProfile } from './profile-schema.js';
import { isNegation } from '../../core/negations.js';
import { LOST_WORDS, namesLost, namesWon, WON_WORDS } from '../../core/outcome-words.js';
import { cleanText, normalizeValue } from './values.js';

// The record types' own words, declared once in core (records.ts) and named here for the value maps' readers.
export type { ActivityKind, DealStatus } from '../../core/records.js';
/** A call's direction; `internal`: between employees (Sipuni's «Внутренний»), no sales activity, dropped. */
export type Direction = 'in' | 'out' | 'internal';
/** What record an activity's owner id names (a deal id only when it is a deal's). */
export type OwnerKind = 'deal' | 'lead' | 'contact' | 'company' | 'other';

/** Stage and status names of every CRM in the spec, mapped to won / lost / open (and Pipedrive's deleted). */
const STATUS: Record<string, DealStatus | 'deleted'> = {
  // amoCRM system stages
  'успешно реализовано': 'won',
  'закрыто и не реализовано': 'lost',
  // Bitrix24 default final stages
  'сделка успешна': 'won',
  'сделка провалена': 'lost',
  'анализ причины провала': 'lost',
  // Bitrix24 lead statuses (final: converted or junk)
  'качественный лид': 'won',
  сконвертирован: 'won',
  'некачественный лид': 'lost',
  // HubSpot, Salesforce, Zoho (labels and internal ids)
  'closed won': 'won',
  'closed lost': 'lost',
  'closed-won': 'won',
  'closed-lost': 'lost',
  closedwon: 'won',
  closedlost: 'lost',
  'closed-lost to competition': 'lost',
  'closed lost to competition': 'lost',
  // Pipedrive status column and plain words
  won: 'won',
  lost: 'lost',
  open: 'open',
  deleted: 'deleted',
  // Pipedrive's status in its Russian interface (Открыта, Выиграна, Проиграна are below), and the
  // neuter, masculine and plural forms beside them: Zoho's «Тип прогноза» says «Открыто» (read as no
  // status, a tester's open deals fell back on their stages and were guessed won).
  удалена: 'deleted',
  удалено: 'deleted',
  удален: 'deleted',
  удалены: 'deleted',
  выиграна: 'won',
  выиграно: 'won',
  выигран: 'won',
  выиграны: 'won',
  успешно: 'won',
  проиграна: 'lost',
  проиграно: 'lost',
  проигран: 'lost',
  проиграны: 'lost',
  провалена: 'lost',
  провалено: 'lost',
  провален: 'lost',
  провалены: 'lost',
  отказ: 'lost',
  открыта: 'open',
  открыто: 'open',
  открыт: 'open',
  открыты: 'open',
  'в работе': 'open',
  // Portuguese, Spanish and German words of CRMs in those languages (Kommo, Pipedrive, HubSpot)
  'venda ganha': 'won',
  ganha: 'won',
  ganho: 'won',
  'venda perdida': 'lost',
  perdida: 'lost',
  perdido: 'lost',
  'venta ganada': 'won',
  ganada: 'won',
  ganado: 'won',
  'venta perdida': 'lost',
  'cerrada ganada': 'won',
  'cerrada perdida': 'lost',
  gewonnen: 'won',
  verloren: 'lost',
  // French, Italian, Polish, Ukrainian and Turkish words of those statuses (Pipedrive's status column,
  // Bitrix24's final stages in its Ukrainian interface; tester T54)
  gagnée: 'won',
  gagné: 'won',
  perdue: 'lost',
  perdu: 'lost',
  ouverte: 'open',
  ouvert: 'open',
  supprimée: 'deleted',
  vinta: 'won',
  persa: 'lost',
  aperta: 'open',
  wygrana: 'won',
  wygrany: 'won',
  przegrana: 'lost',
  przegrany: 'lost',
  otwarta: 'open',
  otwarty: 'open',
  usunięta: 'deleted',
  'угода успішна': 'won',
  'угода провалена': 'lost',
  'аналіз причини провалу': 'lost',
  виграна: 'won',
  програна: 'lost',
  відкрита: 'open',
  kazanıldı: 'won',
  kazanildi: 'won',
  kaybedildi: 'lost',
  açık: 'open',
  // Bitrix24's final stages and Kommo's in other interface languages (a tester's reconstruction, T54)
  'deal gewonnen': 'won',
  'deal verloren': 'lost',
  'auftrag gewonnen': 'won',
  'auftrag verloren': 'lost',
  'deal wygrany': 'won',
  'deal przegrany': 'lost',
  'negociación ganada': 'won',
  'negociación perdida': 'lost',
  'negócio ganho': 'won',
  'negócio perdido': 'lost',
  'logrado con éxito': 'won',
  'başarıyla gerçekleşti': 'won',
  'satış kazanıldı': 'won',
  'satış kaybedildi': 'lost',
  // Pipedrive's status column in those interfaces: open, and deleted (dropped, counted)
  aberto: 'open',
  abierto: 'open',
  offen: 'open',
  excluído: 'deleted',
  excluido: 'deleted',
  eliminado: 'deleted',
  gelöscht: 'deleted',
  'closed - won': 'won',
  'closed - lost': 'lost',
  'closed: won': 'won',
  'closed: lost': 'lost',
  'closed/won': 'won',
  'closed/lost': 'lost',
  'closed_won': 'won',
  'closed_lost': 'lost',
  // Bitrix24's default stages in its English interface
  'deal won': 'won',
  'deal lost': 'lost',
  'deal failed': 'lost',
  'analyze failure': 'lost',
  'analyse failure': 'lost',
};

/**
 * The words of a stage named as closed and how (Salesforce's and Zoho's in Russian: «Закрыто/Выиграно»,
 * «Закрыто (потеря)», «Закрыто (выигрыш)», «Закрыта (проигрыш)»; HubSpot's in Spanish and German: «Cierre
 * ganado», «Abgeschlossen und verloren»). A stage is read so only when it says both: closed, and won or
 * lost (never both; the words are core/outcome-words').
 */
const CLOSED_WORDS = new Set(['закрыто', 'закрыта', 'закрыт', 'closed', 'cierre', 'cerrado', 'cerrada', 'fechado', 'fechada', 'geschlossen', 'abgeschlossen', 'fermée', 'fermé', 'conclue', 'conclu', 'chiusa', 'chiuso', 'zamknięta', 'zamknięte', 'закрито', 'закрита', 'kapandı', 'kapalı']);

/**
 * The status of a stage whose name says it is closed and won or lost (CLOSED_WORDS), else undefined; a
 * name whose negation turns one of those words around («Закрыто не успешно», "Closed - not won», «Не
 * закрыто», "Not yet closed") is left to ask about. A negation in the reason after them is the reason's:
 * "Closed Lost - No Budget", "Closed Won - No Discount" (a tester: Salesforce's lost deals read open).
 */
export function closedStage(normalized: string): DealStatus | undefined {
  const words = wordsOf(normalized);
  const said = (w: string | undefined) => w !== undefined && (CLOSED_WORDS.has(w) || WON_WORDS.has(w) || LOST_WORDS.has(w));
  if (words.some((w, i) => isNegation(w) && (said(words[i + 1]) || said(words[i + 2])))) return undefined;
  if (!words.some((w) => CLOSED_WORDS.has(w))) return undefined;
  return wonOrLost(words);
}

/** Won or lost where the words name one outcome (WON_WORDS, LOST_WORDS), else undefined. */
function wonOrLost(words: readonly string[]): DealStatus | undefined {
  const won = words.some((w) => WON_WORDS.has(w));
  const lost = words.some((w) => LOST_WORDS.has(w));
  return won === lost ? undefined : won ? 'won' : 'lost';
}

/**
 * A guess of what a status no map names means, by its words, for a snippet the user checks: won or
 * lost where a word says so («Kazanıldı», "Closed - won", «Échouée») and none negates it, else open;
 * the stages' guess reads the same words (core/outcome-words).
 */
export function statusGuess(normalized: string): DealStatus {
  // By its words alone; «Nicht gewonnen», "Not won": a negation leaves it to the user, proposed open, as «Won/Lost» is.
  const lost = namesLost(normalized, false);
  return lost === namesWon(normalized, false) ? 'open' : lost ? 'lost' : 'won';
}

const DIRECTION: Record<string, Direction> = {
  исходящий: 'out',
  обратный: 'out',
  исходящая: 'out',
  исх: 'out',
  'исх.': 'out',
  outbound: 'out',
  outgoing: 'out',
  out: 'out',
  входящий: 'in',
  'входящий с перенаправлением': 'in',
  входящая: 'in',
  вх: 'in',
  'вх.': 'in',
  inbound: 'in',
  incoming: 'in',
  // HubSpot's e-mail direction: «Email» is sent, «Incoming email» received, «Forwarded email» sent on.
  'incoming email': 'in',
  'forwarded email': 'out',
  in: 'in',
  // as telephony logs and CRMs in other languages write them (Mango, UIS, MTS; Kommo es/pt)
  'входящий звонок': 'in',
  'входящий вызов': 'in',
  входящее: 'in',
  'вход.': 'in',
  entrante: 'in',
  recebida: 'in',
  'исходящий звонок': 'out',
  'исходящий вызов': 'out',
  исходящее: 'out',
  'обратный звонок': 'out',
  // Bitrix24's English call log: «обратный» is "Callback"
  callback: 'out',
  saliente: 'out',
  efetuada: 'out',
  // in the languages of other telephony and CRM interfaces (tester T54 F2): de, es, pt, fr, it, pl, uk, tr
  eingehend: 'in',
  'eingehender anruf': 'in',
  ausgehend: 'out',
  'ausgehender anruf': 'out',
  'llamada entrante': 'in',
  'llamada saliente': 'out',
  entrada: 'in',
  salida: 'out',
  'chamada recebida': 'in',
  'chamada efetuada': 'out',
  saída: 'out',
  saida: 'out',
  entrant: 'in',
  'appel entrant': 'in',
  sortant: 'out',
  'appel sortant': 'out',
  'in entrata': 'in',
  'in uscita': 'out',
  entrata: 'in',
  uscita: 'out',
  przychodzące: 'in',
  przychodzący: 'in',
  przychodzace: 'in',
  wychodzące: 'out',
  wychodzący: 'out',
  wychodzace: 'out',
  вхідний: 'in',
  'вхідний дзвінок': 'in',
  вихідний: 'out',
  'вихідний дзвінок': 'out',
  // Bitrix24's Ukrainian call log: «зворотний» is its «обратный», a callback
  зворотний: 'out',
  'зворотний дзвінок': 'out',
  gelen: 'in',
  'gelen arama': 'in',
  giden: 'out',
  'giden arama': 'out',
  // plural headings of some logs' filters, and the words of CRMs' English call types
  входящие: 'in',
  исходящие: 'out',
  inbound_call: 'in',
  outbound_call: 'out',
  // between employees: no client is on the line
  внутренний: 'internal',
  'внутренний звонок': 'internal',
  внутрішній: 'internal',
  'внутрішній дзвінок': 'internal',
  внутренние: 'internal',
  internal: 'internal',
  'internal call': 'internal',
};

/**
 * Direction values that name a missed call (Zoho's Call Type is Inbound, Outbound or Missed): an
 * incoming call nobody answered, whatever the status column says.
 */
const MISSED_DIRECTION = ['missed', 'missed call', 'пропущенный', 'пропущенный звонок', 'пропущенный входящий', 'llamada perdida', 'chamada perdida', 'verpasster anruf', 'appel manqué', 'chiamata persa', 'пропущений', 'пропущений дзвінок', 'cevapsız arama'];

/**
 * Call statuses that mean the call was not answered. On an incoming call that is a missed call;
 * an unanswered outgoing call stays a (zero-length) outgoing call.
 */
const NOT_ANSWERED = new Set([
  'пропущенный звонок',
  'пропущенный',
  'пропущен',
  'не отвечен',
  'неотвеченный',
  'без ответа',
  'не дозвонились',
  'занято',
  'отклонено',
  'отклонен',
  'missed',
  'no_answer',
  'no answer',
  'noanswer',
  'not answered',
  'unanswered',
  'busy',
  'rejected',
  'declined',
  'canceled',
  'cancelled',
  'failed',
  'abandoned',
  // telephony providers: UIS/CoMagic «Потерянный», Mango «Не принят», Zadarma and Asterisk dispositions,
  // HubSpot's call outcome, Kommo in Spanish and Portuguese
  'потерянный',
  'потерянный звонок',
  'неуспешный',
  'неуспешный звонок',
  'не принят',
  'непринятый',
  'не принято',
  'не принятый',
  'непринят',
  'не отвечено',
  'не отвеченный',
  'неотвечен',
  'не успешно',
  'не успешный',
  'нет ответа от абонента',
  'абонент не ответил',
  'не состоялся',
  'вызов отклонен',
  'вызов отменен',
  'неотвеченный звонок',
  'нет ответа',
  'пропущенный вызов',
  'отменен',
  'отменено',
  'сброшен',
  'недозвон',
  'абонент занят',
  // UIS's «Потерян», and an incoming call that went to voicemail (below)
  'потерян',
  'голосовая почта',
  // a message left on voicemail or an answering machine: no one answered (tester T69 L2)
  'оставлено сообщение',
  'оставлено голосовое сообщение',
  'автоответчик',
  'cancel',
  'no-answer',
  'left voicemail',
  // an incoming call that went to voicemail was answered by no one; Mango's outgoing «Не дозвонился»
  'voicemail',
  'voice mail',
  'не дозвонился',
  'недозвонился',
  'llamada perdida',
  'no contestada',
  'chamada perdida',
  'não atendida',
  // a missed call's status in other languages (tester T54 F3): es and pt «Perdida», de, fr, it, pl, uk, tr
  'perdida',
  'no atendida',
  'verpasst',
  'verpasster anruf',
  'nicht angenommen',
  'nicht beantwortet',
  'unbeantwortet',
  'nicht erreicht',
  'sin respuesta',
  'sem resposta',
  'non risposta',
  'keine antwort',
  'besetzt',
  'manqué',
  'appel manqué',
  'sans réponse',
  'non répondu',
  'persa',
  'chiamata persa',
  'senza risposta',
  'nieodebrane',
  'nieodebrany',
  'brak odpowiedzi',
  'zajęte',
  'пропущений',
  'пропущений дзвінок',
  'без відповіді',
  'зайнято',
  'cevapsız',
  'cevapsiz',
  'cevapsız arama',
  'kaçırılan',
  'meşgul',
  // Salesforce's and HubSpot's call results
  'not reached',
  'unreached',
  // Zadarma's and Asterisk's other dispositions of a call that did not connect
  'call failed',
  'no money',
  'no money, no limit',
  'unallocated number',
  'no limit',
  'no day limit',
  'line limit',
  'congestion',
  'chanunavail',
  // FreeSWITCH's hangup causes of a call nobody answered, as OnlinePBX and other FreeSWITCH PBXs write
  // them (`hangup_cause`): the caller hung up first, busy, no answer, rejected, unreachable (tester T32 F5).
  'originator_cancel',
  'user_busy',
  'no_user_response',
  'call_rejected',
  'subscriber_absent',
  'user_not_registered',
  'unallocated_number',
  'no_route_destination',
  'destination_out_of_order',
  'normal_temporary_failure',
  'recovery_on_timer_expire',
  'invalid_number_format',
  'normal_circuit_congestion',
  'network_out_of_order',
  // SIP reason phrases (Rostelecom's `status_string`, a SIP trunk's log), alone or after their codes.
  'request terminated',
  'temporarily unavailable',
  'not found',
  'request timeout',
  'service unavailable',
  'busy here',
  'busy everywhere',
  'decline',
  'declined',
  'forbidden',
  'does not exist anywhere',
  'call/transaction does not exist',
  '486 busy here',
  '487 request terminated',
  '480 temporarily unavailable',
  '404 not found',
  '408 request timeout',
  '503 service unavailable',
  '600 busy everywhere',
  '603 decline',
  // Russian words of a call that did not take place, as cabinets of Russian PBXs write them.
  'абонент не отвечает',
  'неуспешно',
  'отменен вызывающим',
  'отменен клиентом',
  'не удался',
  'вызов не удался',
  'звонок не удался',
  'несостоявшийся',
  'несостоявшийся звонок',
  'несостоявшийся вызов',
  'сорвался',
  'неотвеченный вызов',
  'вызов не состоялся',
  'звонок не состоялся',
  'ошибка',
  'ошибка вызова',
  // A voice menu took the call, no person; MegaFon's statuses of a call that did not connect, wherever they are written.
  'голосовое меню',
  'notfound',
  'notavailable',
  'notallowed',
]);

const ANSWERED = new Set([
  'успешный звонок', 'успешный', 'отвечен', 'принят', 'completed', 'answered', 'connected', 'success', 'successful',
  'принятый', 'принято', 'отвечено', 'отвеченный', 'успешно', 'разговор состоялся', 'contestada', 'atendida',
  'angenommen', 'beantwortet', 'répondu', 'risposta', 'odebrane', 'odebrany', 'прийнятий', 'успішний', 'успішний дзвінок', 'cevaplandı', 'cevaplandi', 'yanıtlandı',
  // HubSpot's default call outcomes: a live message left, and a wrong number (answered, by someone else: its API profile reads it so).
  'reached', 'left live message', 'wrong number',
  // RingCentral's results as whole values ("Call connected", "Accepted"): inside free text they may be about a deal.
  'call connected', 'accepted',
  // Beeline's and MTS's cloud PBX APIs: a call's status is PLACED (it took place) or MISSED. Unknown, it
  // was read as answered all the same, but the run asked which it was with a guess of «true» (missed).
  // As a whole value only: "Call placed" in a dialler's free text says nothing of an answer.
  'placed',
  // Asterisk's ANSWER (its Dial status), a PBX's OK, and the Russian words of a call that took place.
  // A ring group's leg that lost the race to another leg, which took the call: no missed call (review R39).
  'lose_race',
  'answer',
  'ok',
  'состоялся',
  'состоявшийся',
  'звонок состоялся',
  'вызов состоялся',
]);

/**
 * Hangup causes that say only that a call ended normally (FreeSWITCH's and Q.850's `NORMAL_CLEARING`),
 * not that a person took it: a PBX answers an incoming call to play its voice menu or queue, and a
 * caller who hangs up there ends the same way with no talk. Such a call was answered when its duration
 * is more than 0, and missed when it is 0 (review R39: an IVR hang-up read answered, the missed share 0 %).
 */
const ENDED = ['normal_clearing', 'normal clearing', 'normal call clearing', 'нормальное завершение'];

/** A status value that says only that the call ended: answered by its duration (ENDED). */
export const ENDED_CALL = 'ended';

/** What a call status says: not answered (true), answered (false), or only that it ended (ENDED_CALL). */
export type MissedValue = boolean | typeof ENDED_CALL;

const KIND: Record<string, ActivityKind> = {
  call: 'call',
  звонок: 'call',
  calls: 'call',
  'phone call': 'call',
  // RingCentral's call log: a record's type is Voice, Fax or SMS.
  voice: 'call',
  'voice call': 'call',
  fax: 'other',
  email: 'email',
  'e-mail': 'email',
  письмо: 'email',
  почта: 'email',
  emails: 'email',
  meeting: 'meeting',
  встреча: 'meeting',
  // Pipedrive's default types in its Spanish, Portuguese and German interfaces (Call, Meeting, Task, Email).
  llamada: 'call',
  chamada: 'call',
  ligação: 'call',
  anruf: 'call',
  reunión: 'meeting',
  reunião: 'meeting',
  besprechung: 'meeting',
  'correo electrónico': 'email',
  correo: 'email',
  tarea: 'other',
  tarefa: 'other',
  aufgabe: 'other',
  meetings: 'meeting',
  message: 'message',
  сообщение: 'message',
  chat: 'message',
  чат: 'message',
  sms: 'message',
  whatsapp: 'message',
  telegram: 'message',
  task: 'other',
  // A note logged on a record (HubSpot's engagement type NOTE, its `hs_engagement_type` and the legacy API's `type`).
  note: 'other',
  notes: 'other',
  tasks: 'other',
  // Salesforce's Task Subtype «Event»: a calendar event, a meeting
  event: 'meeting',
  задача: 'other',
  deadline: 'other',
  lunch: 'meeting',
  // Pipedrive's default type «Lunch» in its Russian interface (tester T72: a meeting in English, «other» in Russian).
  обед: 'meeting',
  вызов: 'call',
  звонки: 'call',
  письма: 'email',
  встречи: 'meeting',
  mail: 'email',
  // HubSpot's engagement codes where a UI export's «Activity type» holds them (its API profile maps them too).
  incoming_email: 'email',
  forwarded_email: 'email',
  whats_app: 'message',
  linkedin_message: 'message',
  conversation_session: 'message',
  postal_mail: 'other',
};

/** The words byWords looks up in a normalised value. */
export function wordsOf(key: string): string[] {
  return key.split(WORD_BREAK).filter((w) => w !== '');
}

/**
 * What a value no map names says by its words, each looked up alone: «Звонок входящий», "Incoming
 * call", «Телефонный звонок», «Электронное письмо». Undefined when no word is known or the known
 * words disagree (a value naming both an incoming and an outgoing call means neither).
 */
export function byWords<T>(map: ReadonlyMap<string, T>, key: string): T | undefined {
  let found: T | undefined;
  for (const word of wordsOf(key)) {
    if (word === key || NOT_ALONE.has(word)) continue;
    const v = map.get(word);
    if (v === undefined) continue;
    if (found !== undefined && found !== v) return undefined;
    found = v;
  }
  return found;
}

/**
 * Map keys that mean something only as the whole value: inside a phrase they are other words
 * ("Check-in call", "Out of hours", "Voice mail", Spanish «Correo de voz»; a "Call note" is about a call).
 */
const NOT_ALONE = new Set(['in', 'out', 'вх', 'исх', 'mail', 'note', 'notes', 'voice', 'correo']);

/** What separates the words of a value (normalised: lower case, single spaces). */
const WORD_BREAK = /[\s,;:/()«»"'.-]+/u;

/** Whether some word of a value names a missed call (`Входящий пропущенный`, "Missed inbound"). */
export function missedByWords(missedDirection: ReadonlySet<string>, key: string): boolean {
  return wordsOf(key).some((word) => missedDirection.has(word));
}


/**
 * The words that name a call's outcome whatever else a status says («Missed call», «Successful call»,
 * «Входящий пропущенный», «Неуспешный вызов», «Сброшен клиентом», «Абонент недоступен»). Only these: a
 * call-result column may hold free text («Предложение отклонено», "Demo cancelled"), where «отклонено»
 * or "cancelled" is about the deal, not the call. A machine that took the call (an answering machine,
 * an IVR) is no one's answer: «Принят автоответчиком» says both, and so nothing.
 */
const STATUS_WORDS: ReadonlyMap<string, boolean> = new Map([
  ['missed', true], ['unanswered', true], ['busy', true], ['voicemail', true], ['ivr', true],
  ['пропущенный', true], ['пропущен', true], ['неотвеченный', true], ['неуспешный', true], ['неудачный', true], ['непринятый', true],
  ['потерянный', true], ['недозвон', true], ['сброшен', true], ['сброшенный', true], ['недоступен', true], ['занято', true], ['занят', true], ['занята', true],
  ['автоответчик', true], ['автоответчиком', true], ['автоответчика', true],
  // Other machines that take a call no person took: a voice menu, voicemail, an auto attendant, a robot
  // («Принят голосовым меню», «Отвечен голосовой почтой», "Answered by machine"): beside an answer's word, unknown.
  ['голосовым', true], ['голосовой', true], ['голосовую', true], ['голосовая', true], ['автосекретарь', true], ['автосекретарем', true], ['автосекретарём', true],
  ['роботом', true], ['machine', true], ['attendant', true],
  ['successful', false], ['answered', false], ['успешный', false], ['отвечен', false], ['отвеченный', false], ['принят', false], ['принятый', false],
  // amoCRM's events list writes a call's talk after it: «Разговор 2 мин»; Kommo's in English "Conversation 2 min".
  ['разговор', false], ['conversation', false],
]);

/**
 * Words of an answer, which a negation right before turns into a call not answered: «Вызов не принят»,
 * «Не принят сотрудником», «Клиент не дождался ответа», «Нет соединения», "Call not answered".
 */
const ANSWER_WORDS = new Set([
  'принят', 'принята', 'принято', 'принятый', 'принял', 'приняла', 'приняли', 'отвечен', 'отвечена', 'отвечено', 'отвеченный', 'ответил', 'ответила', 'ответили', 'ответ', 'ответа',
  'дождался', 'дождалась', 'дождались', 'дождавшись', 'дозвонился', 'дозвонилась', 'дозвонились', 'соединен', 'соединено', 'соединения', 'соединение', 'соединился', 'состоялся', 'состоялось', 'разговора',
  'успешно', 'успешный', 'answered', 'answer', 'connected', 'reached', 'picked', 'response',
]);

/**
 * A call status no map names, by its words ("Missed call", «Входящий пропущенный», «Вызов не принят»):
 * a negation right before a word of an answer says not answered; any other negation («Отвечен, не
 * перезвонили», "Answered, no") leaves the value unknown, never read backwards. Undefined when no word
 * names an outcome or when they disagree.
 */
export function statusByWords(key: string): boolean | undefined {
  const words = wordsOf(key);
  let found: boolean | undefined;
  // A word of an answer, not negated: beside a machine's word («Ответил автоответчик», «Ответ IVR») the two
  // disagree, and the value says nothing, as «Принят автоответчиком» does (a reviewer: the verb was not weighed).
  // Not after a negation: «Клиент не дождался ответа» negates the answer its words name.
  let answer = false;
  let negated = false;
  for (let i = 0; i < words.length; i++) {
    let missed: boolean | undefined;
    if (isNegation(words[i]!)) {
      if (!ANSWER_WORDS.has(words[i + 1] ?? '')) return undefined;
      missed = true;
      negated = true;
      i++;
    } else {
      missed = STATUS_WORDS.get(words[i]!);
      answer ||= ANSWER_WORDS.has(words[i]!);
    }
    if (missed === undefined) continue;
    if (found !== undefined && found !== missed) return undefined;
    found = missed;
  }
  return found === true && answer && !negated ? undefined : found;
}

/** Owner type words of an activity owned by a deal, a lead, a contact or a company (codes come from a CRM profile). */
const OWNER: Record<string, OwnerKind> = {
  deal: 'deal',
  сделка: 'deal',
  opportunity: 'deal',
  lead: 'lead',
  лид: 'lead',
  contact: 'contact',
  контакт: 'contact',
  company: 'company',
  компания: 'company',
  account: 'company',
};

/** The built-in owner type words, normalised: a profile's owner codes replace them (withProfileValues). */
const BUILT_IN_OWNER: ReadonlyMap<string, OwnerKind> = new Map(Object.entries(OWNER).map(([k, v]) => [normalizeValue(k), v] as const));

/**
 * What an invoice's status says (a CRM's «Счета» export: Bitrix24, amoCRM; Stripe, HubSpot): `paid`
 * in full, `partial`, `issued` (not paid yet), or `void` (rejected, cancelled: no money was asked).
 * A --map file's `payments: status:` adds words or corrects these (ValueMaps.invoice).
 */
export type InvoiceStatus = 'paid' | 'partial' | 'issued' | 'void';

const INVOICE_STATUS: Record<string, InvoiceStatus> = {
  оплачен: 'paid',
  оплачено: 'paid',
  оплачена: 'paid',
  'оплачен полностью': 'paid',
  paid: 'paid',
  'частично оплачен': 'partial',
  'частично оплачено': 'partial',
  'partially paid': 'partial',
  выставлен: 'issued',
  'счёт выставлен': 'issued',
  отправлен: 'issued',
  'отправлен клиенту': 'issued',
  новый: 'issued',
  черновик: 'issued',
  'ожидает оплаты': 'issued',
  issued: 'issued',
  sent: 'issued',
  open: 'issued',
  draft: 'issued',
  // Not paid yet is issued, still invoiced: read as void, such an invoice left «invoiced» and raised the paid share.
  unpaid: 'issued',
  'не оплачен': 'issued',
  неоплачен: 'issued',
  'not paid': 'issued',
  отклонён: 'void',
  отменён: 'void',
  аннулирован: 'void',
  отказ: 'void',
  rejected: 'void',
  cancelled: 'void',
  canceled: 'void',
  void: 'void',
  voided: 'void',
  failed: 'void',
};
/** An invoice status cell's meaning (InvoiceStatus) by the value maps (the --map file's words first), undefined for a word no rule knows. */
export function invoiceStatus(maps: ValueMaps, cell: string): InvoiceStatus | undefined {
  return maps.invoice.get(normalizeValue(cell));
}

/** The value maps in force: defaults overlaid with the user's `--map` file. */
export interface ValueMaps {
  status: Map<string, DealStatus | 'deleted'>;
  direction: Map<string, Direction>;
  kind: Map<string, ActivityKind>;
  /** Value -> missed (true), answered (false), or ended, answered by its duration (ENDED_CALL). */
  missed: Map<string, MissedValue>;
  /** A done column's value -> took place (true) or planned (false): the --map file's only (the words are activityDone's). */
  done: Map<string, boolean>;
  /** Direction values that say the call was an incoming one not answered. */
  missedDirection: Set<string>;
  /** Owner type value -> what record the activity's owner id names. */
  owner: Map<string, OwnerKind>;
  /** A payments file's invoice status value -> what it says of the invoice (InvoiceStatus; the --map file's `payments: status:`). */
  invoice: Map<string, InvoiceStatus>;
  /** A manager as a file writes them (a CRM user id, another spelling) -> the name to report. */
  managers: Map<string, string>;
  /**
   * The manager cells (cleaned) the run's readers looked up while `managers` has entries, whatever they
   * were reported as: a `managers:` key none of them is was misspelt (map-unmatched). A thread's own.
   */
  managersSeen?: Set<string>;
  /** What a deal's amount of 0 is: an amount (the spec), or a budget never filled in, read as none (the --map file's `deals: zero_amount:`). */
  zeroAmount: 'amount' | 'unfilled';
  /** The stages and statuses the --map file names (normalised): the user's word, which a close date's «не закрыта» does not override. */
  userStatus: ReadonlySet<string>;
}

/**
 * The name a manager is reported under: the `--map` file's `managers:` entry for the cell as
 * cleaned (an id such as Salesforce's OwnerId, or a second spelling of one person), else the cell.
 */
export function managerName(maps: ValueMaps, cleaned: string): string {
  if (maps.managers.size === 0) return cleaned;
  if (maps.managersSeen && maps.managersSeen.size < MANAGERS_SEEN) maps.managersSeen.add(cleaned);
  return maps.managers.get(cleaned) ?? cleaned;
}

/**
 * How many manager cells managersSeen keeps: a team's names many times over (the readers memo a cell, so
 * each is looked up about once a file). A list that reached it is not whole, and checks nothing.
 */
export const MANAGERS_SEEN = 10_000;

/** Builds the value maps; user entries (keys normalised) override the defaults. */
export function buildValueMaps(user?: Partial<{ status: Record<string, string>; direction: Record<string, string>; kind: Record<string, string>; missed: Record<string, boolean>; done: Record<string, boolean>; owner: Record<string, string>; invoice: Record<string, string>; managers: Record<string, string>; zeroAmount: 'amount' | 'unfilled' | undefined }>): ValueMaps {
  const norm = <T>(o: Record<string, T>) => new Map(Object.entries(o).map(([k, v]) => [normalizeValue(k), v] as const));
  const missed = new Map<string, MissedValue>();
  for (const v of NOT_ANSWERED) missed.set(v, true);
  for (const v of ANSWERED) missed.set(v, false);
  for (const v of ENDED) missed.set(v, ENDED_CALL);
  const missedDirection = new Set(MISSED_DIRECTION.map(normalizeValue));
  const direction = norm(DIRECTION);
  for (const v of missedDirection) direction.set(v, 'in');
  // Keys as the readers clean a manager cell (spaces collapsed, markup gone); names are not case-folded.
  const managers = new Map(Object.entries(user?.managers ?? {}).map(([k, v]) => [cleanText(k), cleanText(v)] as const));
  const maps: ValueMaps = { status: norm(STATUS), direction, kind: norm(KIND), missed, done: norm(user?.done ?? {}), missedDirection, owner: norm(OWNER), invoice: norm(INVOICE_STATUS), managers, ...(managers.size > 0 ? { managersSeen: new Set<string>() } : {}), zeroAmount: user?.zeroAmount ?? 'amount', userStatus: new Set(Object.keys(user?.status ?? {}).map(normalizeValue)) };
  for (const [k, v] of Object.entries(user?.status ?? {})) maps.status.set(normalizeValue(k), v as DealStatus);
  for (const [k, v] of Object.entries(user?.direction ?? {})) {
    maps.direction.set(normalizeValue(k), v as Direction);
    maps.missedDirection.delete(normalizeValue(k));
  }
  for (const [k, v] of Object.entries(user?.kind ?? {})) maps.kind.set(normalizeValue(k), v as ActivityKind);
  for (const [k, v] of Object.entries(user?.missed ?? {})) maps.missed.set(normalizeValue(k), v);
  for (const [k, v] of Object.entries(user?.owner ?? {})) maps.owner.set(normalizeValue(k), v as OwnerKind);
  for (const [k, v] of Object.entries(user?.invoice ?? {})) maps.invoice.set(normalizeValue(k), v as InvoiceStatus);
  return maps;
}

/** The value maps with a CRM profile's stage words added (the user's and the built-in words stay first). */
export function withProfileStages(maps: ValueMaps, stages: { won: string[]; lost: string[]; open: string[] } | undefined): ValueMaps {
  if (!stages) return maps;
  const status = new Map(maps.status);
  for (const outcome of ['won', 'lost', 'open'] as const) {
    for (const word of stages[outcome]) {
      const key = normalizeValue(word);
      if (!status.has(key)) status.set(key, outcome);
    }
  }
  return { ...maps, status };
}

/** A CRM profile's codes for activity values (profile-schema.ts `values`). */
type ProfileValues = CrmProfile['values'];

/**
 * The value maps with a CRM profile's value codes added (Bitrix24 REST: TYPE_ID `2` is a call,
 * DIRECTION `1` incoming): a code the user's --map or the built-in words already give keeps that meaning.
 */
export function withProfileValues(maps: ValueMaps, values: ProfileValues | undefined): ValueMaps {
  if (!values) return maps;
  const add = <T>(map: Map<string, T>, codes: Record<string, T>, builtIn?: ReadonlyMap<string, T>): Map<string, T> => {
    const out = new Map(map);
    for (const [code, value] of Object.entries(codes)) {
      const key = normalizeValue(code);
      if (!out.has(key) || (builtIn !== undefined && out.get(key) === builtIn.get(key))) out.set(key, value);
    }
    return out;
  };
  // An owner type is the CRM's own word, not a language's: Kommo's «Lead» is its deal, Bitrix24's a lead
  // before one. The profile's owner codes come before the built-in words (the user's --map still first).
  return { ...maps, kind: add(maps.kind, values.kind), direction: add(maps.direction, values.direction), missed: add(maps.missed, values.missed), owner: add(maps.owner, values.owner, BUILT_IN_OWNER) };
}
