/**
 * Client values that name no client: what a CRM writes for a contact or a company without a name
 * (amoCRM's and Kommo's «Без имени», Bitrix24's «Без названия», «Контактное лицо»), and a dash, «нет»
 * or «Unknown» typed for none. Read as one client, every won deal «Без имени» after the first was a
 * repeat sale (a tester: repeat share 96.7%, without a word); read as no client, such deals are never
 * repeat and make nothing repeat (spec: deals without a client), as for an empty cell. The readers'
 * rule of a cell that names no client (io/map/cells.ts namesNoClient) asks this one; a placeholder
 * this list lacks is said by the one-client alert (alerts.ts).
 */
const PLACEHOLDERS = ['без имени', 'без названия', 'контактное лицо', 'неизвестный', 'неизвестно', 'не указан', 'не указано', 'нет', 'unknown', 'no name', 'noname', 'n/a', '-', '—', '–'];

/** The placeholders as compared: lower case, ё as е, spaces collapsed. */
const KEYS = new Set(PLACEHOLDERS);
/** The letters a placeholder begins with (a dash included). */
const FIRST_LETTERS = new Set(PLACEHOLDERS.map((p) => p.charAt(0)));

/** The longest placeholder in UTF-8 bytes: a longer cell is none, and a byte reader need not decode it. */
export const PLACEHOLDER_CLIENT_BYTES = Math.max(...PLACEHOLDERS.map((p) => new TextEncoder().encode(p).length));

/**
 * The first bytes a placeholder can begin with, in UTF-8, Windows-1251 and KOI8-R (a byte reader holds
 * the file's own bytes): a dash (`-`, `—`, `–`), n, u, and б, к, н in either case. In UTF-8 those three
 * letters are 0xD0 and a second byte (PLACEHOLDER_SECOND).
 */
const PLACEHOLDER_LEAD = new Uint8Array(256);
for (const b of [0x2d, 0x4e, 0x6e, 0x55, 0x75, 0xe2, 0x96, 0x97, 0xc1, 0xe1, 0xca, 0xea, 0xcd, 0xed, 0xc2, 0xcb, 0xeb, 0xce, 0xee]) PLACEHOLDER_LEAD[b] = 1;
/** UTF-8's second byte of Б, б, К, к, Н, н after 0xD0. */
const PLACEHOLDER_SECOND = new Set([0x91, 0xb1, 0x9a, 0xba, 0x9d, 0xbd]);

/**
 * Whether a cell's bytes may hold a placeholder, to be decoded and asked (isPlaceholderClient): no
 * longer than the longest one, and beginning, after spaces and tabs, as one can. Most clients (a
 * phone number, a name of another first letter, a longer company name) are ruled out without a decode.
 */
export function mayBePlaceholderClient(buf: Uint8Array, start: number, end: number): boolean {
  let i = start;
  while (i < end && (buf[i] === 0x20 || buf[i] === 0x09)) i++;
  if (i === end || end - i > PLACEHOLDER_CLIENT_BYTES) return false;
  const lead = buf[i]!;
  return PLACEHOLDER_LEAD[lead] === 1 || (lead === 0xd0 && i + 1 < end && PLACEHOLDER_SECOND.has(buf[i + 1]!));
}

/** Whether a client cell's text is a placeholder for no client, in any case, with any spaces around and between its words. */
export function isPlaceholderClient(text: string): boolean {
  // Twice the bytes in characters, for runs of spaces between the words.
  if (text.length > 2 * PLACEHOLDER_CLIENT_BYTES) return false;
  // Most clients (a phone number, a name of another first letter) are ruled out before a replace, as the byte reader rules them out.
  if (!FIRST_LETTERS.has(text.trimStart().charAt(0).toLowerCase())) return false;
  return KEYS.has(text.replace(/[\s\u00a0\u202f]+/g, ' ').trim().toLowerCase().replace(/ё/g, 'е'));
}
