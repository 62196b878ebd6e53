/**
 * Client values that name no client: what a CRM writes for a contact or a company without a name
 * (amoCRM's and Kommo's «Без имени», Bitrix24's «Без названия», «Контактное лицо»), and a dash, «нет»
 * or «Unknown» typed for none. And a caller who withheld the number, as a PBX writes it in place of
 * one (Asterisk's and FreePBX's `anonymous` in `src`/`clid`, «Анонимный», «Скрытый номер», «Номер
 * скрыт», `Private`, `Withheld`, `Restricted`, `Unavailable`): no number to call back and no one to
 * link, so such a missed call counts in no callback rate's denominator (spec: missed calls «that
 * have a client or a deal») and two such callers are not one client. Before, a tester's 4 calls back
 * of 6 were 4 of 7. Read as one client, every won deal «Без имени» after the first was a
 * repeat sale (a tester: repeat share 96.7%, without a word); read as no client, such deals are never
 * repeat and make nothing repeat (spec: deals without a client), as for an empty cell. The readers'
 * rule of a cell that names no client (io/map/cells.ts namesNoClient) asks this one; a placeholder
 * this list lacks is said by the one-client alert (alerts.ts).
 */
/**
 * The error values a spreadsheet caches for a failed formula (Excel's, and Google Sheets' #ERROR!), as a
 * CSV saved from it writes them: a cell holding one names nothing (values.ts cleanText: the readers'
 * rule; here: no client).
 */
export const EXCEL_ERRORS = [
  '#N/A', '#DIV/0!', '#VALUE!', '#REF!', '#NAME?', '#NUM!', '#NULL!', '#SPILL!', '#CALC!', '#GETTING_DATA', '#BLOCKED!', '#FIELD!', '#CONNECT!', '#UNKNOWN!', '#BUSY!', '#PYTHON!', '#ERROR!',
  // As a localised Excel writes them (tester T75: a Russian Excel's «#Н/Д» was a manager, and two deals of client «#Н/Д» a repeat sale).
  '#Н/Д', '#ДЕЛ/0!', '#ЗНАЧ!', '#ССЫЛКА!', '#ИМЯ?', '#ЧИСЛО!', '#ПУСТО!', '#ПЕРЕНОС!', '#ВЫЧИСЛ!', '#ПОЛЕ!',
  '#NV', '#WERT!', '#BEZUG!', '#ZAHL!', '#N/D', '#¡DIV/0!', '#¡VALOR!', '#¡REF!', '#¿NOMBRE?', '#¡NUM!', '#¡NULO!', '#VALEUR!', '#NOM?', '#NOMBRE!', '#NUL!', '#VALOR!', '#NOME?', '#NÚM!', '#NULO!', '#VALORE!', '#RIF!', '#NULLO!',
];

const PLACEHOLDERS = [
  'без имени', 'без названия', 'контактное лицо', 'неизвестный', 'неизвестно', 'не указан', 'не указано', 'нет', 'unknown', 'no name', 'noname', 'n/a', '-', '—', '–',
  // What a pivot table copied as values, or a CRM's list, writes in an empty cell (tester T75: two won deals of «(пусто)» were a repeat sale).
  '(пусто)', 'пусто', '(blank)', '(empty)', 'не заполнено', '<не заполнено>', '(не заполнено)', '<не указан>', '(не указан)', '<не указано>', '(не указано)',
  // A withheld caller id.
  'anonymous', 'анонимный', 'аноним', 'анонимный номер', 'скрытый номер', 'номер скрыт', 'скрытый', 'скрыт', 'неизвестный номер', 'номер не определен', 'не определен',
  'private', 'private number', 'withheld', 'number withheld', 'restricted', 'unavailable', 'unknown number',
  // Excel's error values: a lookup that failed names no client (tester T49 F1: two «#N/A» deals made a repeat sale).
  ...EXCEL_ERRORS.map((e) => e.toLowerCase()),
  // The SIP forms of a withheld caller (RFC 3323), as a SIP trunk's log writes its From.
  'anonymous@anonymous.invalid', 'sip:anonymous@anonymous.invalid', '"anonymous" <sip:anonymous@anonymous.invalid>', '"anonymous" <anonymous>',
];

/** The placeholders as compared: lower case, ё as е, spaces collapsed. */
const KEYS = new Set(PLACEHOLDERS);
/** The letters a placeholder begins with (a dash included). */
const FIRST_LETTERS = new Set(PLACEHOLDERS.map((p) => p.charAt(0)));

/** A folded byte no byte folds to (bytes fold to 0-255): the walk meets what the text rule must decide (PlaceholderBytes.test). */
const UNSURE = 256;
/** The walk's node once it met UNSURE. */
const UNSURE_NODE = -2;

/**
 * A byte trie of the placeholders in flat arrays: node n's child by byte b is next[n * 256 + b] (0 for
 * none: the root, node 0, is no one's child), and end[n] says a placeholder ends at n.
 */
interface Trie {
  next: Int32Array;
  end: Uint8Array;
}

function trieOf(keys: readonly Uint8Array[]): Trie {
  const nodes = 1 + keys.reduce((n, k) => n + k.length, 0);
  const trie: Trie = { next: new Int32Array(nodes * 256), end: new Uint8Array(nodes) };
  let made = 1;
  for (const key of keys) {
    let node = 0;
    for (const b of key) {
      if (trie.next[node * 256 + b] === 0) trie.next[node * 256 + b] = made++;
      node = trie.next[node * 256 + b]!;
    }
    trie.end[node] = 1;
  }
  return trie;
}

/** Space, tab and the line ends \s holds in the text rule, as bytes of any of the encodings below. */
const ASCII_SPACE = (b: number): boolean => b === 0x20 || (b >= 0x09 && b <= 0x0d);

/**
 * Matches a cell's bytes against the placeholders without decoding it: the bytes are folded as
 * isPlaceholderClient folds the text (lower case, ё as е, a run of spaces as one, none at the edges)
 * and walked down a trie of the placeholders' bytes, so a client is ruled out at its first byte or
 * two that no placeholder has there («Клиент 1» at its second letter). A byte reader holds a file's
 * own bytes, which are UTF-8 or a single-byte code page (decode.ts): one matcher each.
 */
export class PlaceholderBytes {
  private constructor(
    private readonly trie: Trie,
    /** For a code page: each byte folded (a space of any kind as 0x20, a soft hyphen as UNSURE); undefined for UTF-8. */
    private readonly fold: Uint16Array | undefined,
  ) {}

  private static readonly utf8 = new PlaceholderBytes(trieOf(PLACEHOLDERS.map((p) => new TextEncoder().encode(p))), undefined);
  private static readonly pages = new Map<string, PlaceholderBytes>();

  /**
   * The matcher for bytes in UTF-8 (`chars` undefined), or in the single-byte code page whose 256
   * characters `chars` lists: a placeholder with a character the page lacks is left out of its trie.
   */
  static of(chars?: string): PlaceholderBytes {
    if (chars === undefined) return PlaceholderBytes.utf8;
    let m = PlaceholderBytes.pages.get(chars);
    if (!m) PlaceholderBytes.pages.set(chars, (m = PlaceholderBytes.forPage(chars)));
    return m;
  }

  private static forPage(chars: string): PlaceholderBytes {
    const byteOf = new Map<string, number>();
    for (let b = 255; b >= 0; b--) byteOf.set(chars.charAt(b), b);
    const fold = new Uint16Array(256);
    for (let b = 0; b < 256; b++) {
      const ch = chars.charAt(b);
      // A soft hyphen is cut off a cell's edges by the text rule's trimEdges: such a cell is left to it (UNSURE).
      fold[b] = ch === '\u00ad' ? UNSURE : /[\s\u00a0\u202f]/.test(ch) ? 0x20 : (byteOf.get(ch.toLowerCase().replace('ё', 'е')) ?? b);
    }
    const keys = PLACEHOLDERS.filter((p) => [...p].every((c) => byteOf.has(c))).map((p) => Uint8Array.from([...p].map((c) => byteOf.get(c)!)));
    return new PlaceholderBytes(trieOf(keys), fold);
  }

  /**
   * Whether buf[start, end) is a placeholder for no client; undefined where the walk met a character
   * the text rule reads its own way (an invisible one trimEdges cuts off an edge, a Unicode space it
   * folds: «Без имени\u200b», «без\u2009имени»): the caller asks isPlaceholderClient of the cell's text.
   */
  test(buf: Uint8Array, start: number, end: number): boolean | undefined {
    this.node = 0;
    this.space = false;
    this.started = false;
    const fold = this.fold;
    if (fold) {
      for (let i = start; i < end && this.node >= 0; i++) this.step(fold[buf[i]!]!);
    } else {
      for (let i = start; i < end && this.node >= 0; ) i += utf8Folded(buf, i, end, this);
    }
    if (this.node === UNSURE_NODE) return undefined;
    return this.node >= 0 && this.trie.end[this.node] === 1;
  }

  // The walk down the trie (one at a time: a reader runs on one thread).
  /** The node reached; -1 once a byte has no child (no placeholder). */
  private node = 0;
  /** A space came after the first byte and waits for the next one: a run of spaces is one, trailing ones are none. */
  private space = false;
  private started = false;

  /** Steps the walk by one folded byte (0x20 for a space of any kind; UNSURE ends it, for the text rule to decide). */
  step(b: number): void {
    if (b === UNSURE) {
      if (this.node >= 0) this.node = UNSURE_NODE;
      return;
    }
    if (b === 0x20) {
      this.space = this.started;
      return;
    }
    if (this.node < 0) return;
    if (this.space) {
      this.node = this.trie.next[this.node * 256 + 0x20]! || -1;
      this.space = false;
      if (this.node < 0) return;
    }
    this.started = true;
    this.node = this.trie.next[this.node * 256 + b]! || -1;
  }
}

/**
 * Folds the UTF-8 character at buf[i] as the text rule folds it and steps `walk` by its bytes:
 * ASCII and Cyrillic capitals as small letters, Ё and ё as е, a no-break or narrow no-break space as
 * a space; any other character as it is. Returns the character's length in bytes.
 */
function utf8Folded(buf: Uint8Array, i: number, end: number, walk: PlaceholderBytes): number {
  const b = buf[i]!;
  if (b < 0x80) {
    walk.step(ASCII_SPACE(b) ? 0x20 : b >= 0x41 && b <= 0x5a ? b + 0x20 : b);
    return 1;
  }
  const n = i + 1 < end ? buf[i + 1]! : -1;
  if (b === 0xd0 && n >= 0x80 && n <= 0xbf) {
    // А-П (D0 90-9F) as а-п (D0 B0-BF), Р-Я (D0 A0-AF) as р-я (D1 80-8F), Ё (D0 81) as е (D0 B5).
    if (n === 0x81) stepTwo(walk, 0xd0, 0xb5);
    else if (n >= 0x90 && n <= 0x9f) stepTwo(walk, 0xd0, n + 0x20);
    else if (n >= 0xa0 && n <= 0xaf) stepTwo(walk, 0xd1, n - 0x20);
    else stepTwo(walk, 0xd0, n);
    return 2;
  }
  if (b === 0xd1 && n === 0x91) {
    stepTwo(walk, 0xd0, 0xb5);
    return 2;
  }
  if (b === 0xc2 && n === 0xa0) {
    walk.step(0x20);
    return 2;
  }
  if (b === 0xe2 && n === 0x80 && i + 2 < end && buf[i + 2] === 0xaf) {
    walk.step(0x20);
    return 3;
  }
  // A soft hyphen, and the three-byte characters among which are the invisible ones and the Unicode
  // spaces (U+1680, U+2000-U+206F, U+3000, the BOM) but for the dashes a placeholder is: the text rule's.
  if ((b === 0xc2 && n === 0xad) || b === 0xe1 || b === 0xe3 || b === 0xef || (b === 0xe2 && !(n === 0x80 && (buf[i + 2] === 0x93 || buf[i + 2] === 0x94)))) {
    walk.step(UNSURE);
    return 1;
  }
  walk.step(b);
  return 1;
}

function stepTwo(walk: PlaceholderBytes, a: number, b: number): void {
  walk.step(a);
  walk.step(b);
}

/** Whether a client cell's text is a placeholder for no client, in any case, with any spaces around and between its words. */
export function isPlaceholderClient(text: string): boolean {
  // Most clients (a phone number, a name of another first letter) are ruled out before a replace, as the byte reader rules them out.
  if (!FIRST_LETTERS.has(text.trimStart().charAt(0).toLowerCase())) return false;
  return KEYS.has(placeholderKey(text));
}

/** A cell's text as placeholders are compared: spaces collapsed, lower case, ё as е. */
function placeholderKey(text: string): string {
  return text.replace(/[\s\u00a0\u202f]+/g, ' ').trim().toLowerCase().replace(/ё/g, 'е');
}

/**
 * What an export writes in the manager's cell of a record assigned to no one: a CRM's «Не указан»,
 * «<Не назначен>», a pivot table's «(пусто)» copied as values (tester T75: each was a manager with its
 * deals, without a word). As compared: lower case, ё as е, spaces collapsed.
 */
const NO_MANAGER_WORDS = new Set([
  'не указан', 'не указано', 'не назначен', 'не назначено', 'не выбран', '<не указан>', '<не назначен>', '(не указан)', '(не назначен)', '<не выбран>', 'без ответственного', 'нет ответственного',
  '(пусто)', 'пусто', '(blank)', '(empty)', '(none)', 'unassigned', '(unassigned)', 'no owner', 'nobody',
]);

/** Whether a manager cell names no one (NO_MANAGER_WORDS). */
export function namesNoManager(text: string): boolean {
  return text.length <= 24 && NO_MANAGER_WORDS.has(placeholderKey(text));
}
