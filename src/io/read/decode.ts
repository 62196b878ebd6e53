import { ENCODING_FLAGS, ENCODING_NAMES } from '../../core/encoding-names.js';
import { isUtf8 } from 'node:buffer';
import { TextDecoder } from 'node:util';
import { UserError } from '../../core/errors.js';
import type { CellText } from './csv.js';
import type { Encoding } from './sniff.js';
import { twiceEncoded } from './twice-encoded.js';

/** A control byte that text never holds: below 0x20 but tab, line ends, form feed and escape (a NUL is one too). */
export function isControlByte(b: number): boolean {
  return b < 0x20 && (b < 0x09 || (b > 0x0d && b !== 0x1b));
}

/**
 * Reads exports of unknown encoding. ASCII reads the same in every candidate, so the choice waits
 * for the first non-ASCII bytes and is made once, on the 64 KB after the first of them: strict
 * UTF-8 if they are valid UTF-8, else Windows-1251 or Windows-1252 by the letter-run test
 * (`singleByteEncoding`). NUL bytes inside text (Salesforce Data Loader writes them inside rich-text
 * fields) are removed and counted; a file in which NULs are more than 64 and more than 1% of the
 * bytes is refused as binary. Other control bytes (a backspace pasted into a note) stay in the text,
 * as they do in UTF-8 text, unless they make the file binary (strayControl).
 *
 * Two ways to use it: `write` decodes chunks to text (HTML), and `bytes` checks chunks and passes them
 * on as bytes in an ASCII-compatible encoding (UTF-16 is re-encoded as UTF-8), for the byte-level CSV
 * parser; `decode` then turns a cell's bytes into text.
 */
export class ExportDecoder implements CellText {
  private decoder: TextDecoder | Cp1252Decoder | undefined;
  private offset = 0;
  /** An incomplete UTF-8 sequence at the end of the last chunk (byte mode). */
  private tail: Buffer | undefined;
  encoding: Encoding | undefined;

  constructor(
    private readonly file: string,
    encoding?: Encoding,
    why?: string,
    /** --encoding utf-8 given by the user: bytes that are not UTF-8 are read as U+FFFD and counted, not refused (lenient). */
    private readonly givenUtf8 = false,
  ) {
    if (encoding) this.choose(encoding, why);
  }

  /** Decodes the next chunk; returns the text that is ready. */
  write(chunk: Uint8Array): string {
    // UTF-16 has no NUL or Ctrl-Z byte of its own to drop (it is half of a character there), as in bytes().
    if (this.encoding === 'utf-16le' || this.encoding === 'utf-16be') return this.dropNulChars(this.decodeChunk(chunk, true));
    chunk = this.dropNul(this.holdEofMark(chunk));
    this.checkGiven(chunk);
    if (!this.decoder) {
      const firstHigh = this.scanAscii(chunk);
      if (firstHigh === -1) {
        this.offset += chunk.length;
        return latin(chunk, 0, chunk.length);
      }
      this.decide(chunk, firstHigh);
    }
    const text = this.decodeChunk(chunk, true);
    if (this.encoding === 'utf-8' && this.twiceTries > 0) this.checkTwice(text);
    return text;
  }

  /** Chunks still to look in for UTF-8 encoded twice (twice-encoded.ts): the first with letters decides, a file of ASCII stops asking. */
  private twiceTries = 16;

  /** Refuses UTF-8 encoded twice («РЎРјРёСЂРЅРѕРІР°»), on the first text with letters beyond ASCII. */
  private checkTwice(text: string): void {
    this.twiceTries--;
    if (!NON_ASCII.test(text)) return;
    this.twiceTries = 0;
    const twice = twiceEncoded(text);
    if (twice) throw UserError.of('E_ENCODING', twice.meant === undefined ? 'read.utf8TwiceNoExample' : 'read.utf8Twice', { seen: twice.seen, meant: twice.meant ?? '' }, { file: this.file });
  }

  /** Flushes what is left; an incomplete UTF-8 sequence at the end is an error. */
  end(): string {
    this.eofMarks = 0;
    this.refuseOnlyNuls();
    if (this.mixed) this.refuseMixed();
    if (this.tail && !this.lenient) this.invalidUtf8();
    if (this.lenient) this.refuseNotUtf8();
    if (!this.decoder) return '';
    if (this.encoding === 'utf-8') {
      // Every chunk before was valid UTF-8 as far as it went: what fails now is a character the file ends inside.
      try {
        return this.decoder.decode(new Uint8Array(0));
      } catch {
        this.cutUtf8();
      }
    }
    return this.decodeChunk(new Uint8Array(0), false);
  }

  /** Bytes held back until the first non-ASCII byte has a full sample after it (byte mode). */
  private held: Buffer | undefined;

  /** Whether bytes are held back, waiting for more to decide the encoding. */
  get holding(): boolean {
    return this.held !== undefined;
  }

  /**
   * Checks the next chunk and returns its bytes in an ASCII-compatible encoding. The encoding is
   * decided on the 64 KB after the first non-ASCII byte whatever the chunk sizes: bytes are held
   * back until that much has arrived (or the input ends), so the decision never depends on where a
   * chunk happens to end.
   */
  bytes(chunk: Buffer, final = false): Buffer {
    // UTF-16 has no NUL or Ctrl-Z byte of its own to drop (it is half of a character there).
    if (this.encoding === 'utf-16le' || this.encoding === 'utf-16be') return Buffer.from(this.dropNulChars(this.decodeChunk(chunk, !final)), 'utf8');
    chunk = this.dropNul(this.holdEofMark(chunk));
    this.checkGiven(chunk);
    // KOI8-R and CP866 (UTF-16 returned above) are decided already: re-encoded as UTF-8.
    if (this.transcoded) return Buffer.from(this.decodeChunk(chunk, !final), 'utf8');
    if (this.encoding === undefined) {
      if (this.held) {
        chunk = Buffer.concat([this.held, chunk]);
        this.held = undefined;
      }
      const firstHigh = this.scanAscii(chunk);
      if (firstHigh === -1) {
        this.offset += chunk.length;
        return chunk;
      }
      if (!final && chunk.length - firstHigh < SAMPLE_BYTES) {
        // A copy: the next chunk may be read into the same buffer (see fileChunks).
        this.held = Buffer.from(chunk);
        return EMPTY;
      }
      this.decide(chunk, firstHigh);
      // KOI8-R and CP866 are passed on as UTF-8, as UTF-16 is: the byte readers know UTF-8 and the Windows code pages.
      if (this.transcoded) return Buffer.from(this.decodeChunk(chunk, !final), 'utf8');
    }
    if (this.encoding !== 'utf-8') this.checkControl(chunk);
    else {
      this.checkUtf8(chunk);
      if (this.twiceTries > 0) this.checkTwice(LOOSE_UTF8.decode(chunk.subarray(0, SAMPLE_BYTES)));
    }
    this.offset += chunk.length;
    return this.mixed ? EMPTY : chunk;
  }

  /** Ends byte mode: the bytes held back, the UTF-16 decoder's rest, or an error for an incomplete UTF-8 sequence. */
  endBytes(): Buffer {
    // Ctrl-Z at the very end: an end-of-file mark, dropped.
    this.eofMarks = 0;
    this.refuseOnlyNuls();
    const held = this.held;
    this.held = undefined;
    const rest = held ? this.bytes(held, true) : EMPTY;
    // UTF-8 after single-byte text, its sample cut short by the end of the input.
    if (this.mixed) this.refuseMixed();
    if (this.lenient) {
      // A character the file ends inside is one more byte run that is not UTF-8, passed on as it is.
      const tail = this.tail ?? EMPTY;
      this.tail = undefined;
      this.tolerate(tail.length, 0);
      this.refuseNotUtf8();
      return tail.length > 0 ? Buffer.concat([rest, tail]) : rest;
    }
    // The start of a character the file ends inside: cut short (a download that stopped), not another encoding.
    if (this.tail) return isUtf8Prefix(this.tail) ? this.cutUtf8() : this.invalidUtf8();
    if (this.transcoded) return Buffer.concat([rest, Buffer.from(this.decodeChunk(new Uint8Array(0), false), 'utf8')]);
    return rest;
  }

  /** Whether bytes() passes its text on re-encoded as UTF-8 (UTF-16, KOI8-R, CP866, Windows-1250 and -1254). */
  private get transcoded(): boolean {
    return this.encoding === 'utf-16le' || this.encoding === 'utf-16be' || this.encoding === 'koi8-r' || this.encoding === 'ibm866' || this.encoding === 'windows-1250' || this.encoding === 'windows-1254';
  }

  /** Whether the bytes passed on are UTF-8 (or ASCII so far); false for the Windows code pages. */
  get utf8(): boolean {
    return this.encoding !== 'windows-1251' && this.encoding !== 'windows-1252';
  }

  /** The code page's characters when the bytes are Windows-1251 or Windows-1252 (CellText). */
  get pageChars(): string | undefined {
    return this.encoding === 'windows-1251' ? CP1251_CHARS : this.encoding === 'windows-1252' ? CP1252_CHARS : undefined;
  }

  /** A cell's text (byte mode). */
  decode(buf: Buffer, start: number, end: number): string {
    if (this.encoding === 'windows-1251' || this.encoding === 'windows-1252') {
      for (let i = start; i < end; i++) if (buf[i]! >= 0x80) return this.encoding === 'windows-1251' ? cp1251.decode(buf.subarray(start, end)) : cp1252.slice(buf, start, end);
      return (buf as unknown as Slices).latin1Slice(start, end);
    }
    return (buf as unknown as Slices).utf8Slice(start, end);
  }

  /** NUL bytes removed from the text so far. */
  nulBytes = 0;
  /** Why the encoding was chosen, for `inspect`. */
  why: string | undefined;

  private choose(encoding: Encoding, why?: string): void {
    this.encoding = encoding;
    this.why ??= why ?? 'given';
    // UTF-8 named by --encoding: the user's word that it is UTF-8, so a byte that is none (a note the CRM
    // cut inside a letter) is read as U+FFFD and counted, not a refusal of the whole file (tester T46 F5).
    this.lenient = encoding === 'utf-8' && this.givenUtf8;
    this.decoder = encoding === 'windows-1252' ? new Cp1252Decoder() : new TextDecoder(encoding, { fatal: encoding === 'utf-8' && !this.lenient });
  }

  /** Whether bytes that are not UTF-8 are read as U+FFFD and counted (invalidUtf8Bytes), where --encoding says UTF-8. */
  private lenient = false;
  /** The bytes that were not UTF-8 in a file --encoding said is (lenient). */
  invalidUtf8Bytes = 0;
  /** The valid multi-byte sequences beside them: a file mostly not UTF-8 is refused all the same. */
  private validUtf8 = 0;

  /** Counts bytes that are not UTF-8 in lenient mode; refuses a file they make up most of (another encoding named UTF-8). */
  private tolerate(invalid: number, valid: number): void {
    this.invalidUtf8Bytes += invalid;
    this.validUtf8 += valid;
    if (this.invalidUtf8Bytes > 64) this.refuseNotUtf8();
  }

  /** At the end, or once 64 such bytes are seen: more bytes that are not UTF-8 than UTF-8 letters is another encoding, whatever --encoding says. */
  private refuseNotUtf8(): void {
    if (this.invalidUtf8Bytes >= 4 && this.invalidUtf8Bytes > this.validUtf8) throw UserError.of('E_ENCODING', 'read.givenUtf8Not', { bytes: this.invalidUtf8Bytes }, { file: this.file });
  }

  /** The decision, once, on the sample after the first non-ASCII byte (`at`: where it starts in the chunk). */
  private decide(chunk: Uint8Array, at: number): void {
    const sample = chunk.subarray(at);
    if (isUtf8Prefix(sample)) return this.choose('utf-8', 'the non-ASCII bytes are valid UTF-8');
    // UTF-8 throughout but for a few bytes (a row pasted from a Windows-1251 file): read as Windows-1251,
    // its UTF-8 letters turned into binary bytes and the file was refused as not text.
    const mixed = mostlyUtf8(sample.subarray(0, SAMPLE_BYTES));
    if (mixed !== undefined) {
      this.offset += at + mixed;
      this.invalidUtf8();
    }
    // With the ASCII before it: «Zoë» begins with its Latin letters, and «ë» alone voted for no code page.
    const page = singleBytePage(chunk.subarray(Math.max(0, at - 32), at + SAMPLE_BYTES));
    this.choose(page.encoding, page.why);
    if (page.doubt) this.doubt = page.doubt;
  }

  /** Another code page that reads the sample as Russian as well as the one chosen, or better (too few letters to be sure): the run says so. */
  doubt: EncodingDoubt | undefined;

  /** Ctrl-Z bytes that ended the last chunk, held back: an end-of-file mark if nothing follows them. */
  private eofMarks = 0;

  /**
   * Holds back the Ctrl-Z (0x1A) bytes at the end of a chunk: DOS programs and old Windows tools end
   * a text file with one, and a whole export was refused as binary for it. Text after them makes
   * them stray control bytes again (passed on where they stand); at the end of the input they are
   * dropped, as a BOM is. Single-byte and UTF-8 text only (in UTF-16 the byte is half a character).
   */
  private holdEofMark<T extends Uint8Array>(chunk: T): T {
    if (chunk.length === 0 || this.encoding === 'utf-16le' || this.encoding === 'utf-16be') return chunk;
    let end = chunk.length;
    while (end > 0 && chunk[end - 1] === 0x1a) end--;
    if (end === 0) {
      this.eofMarks += chunk.length;
      return chunk.subarray(0, 0) as T;
    }
    // Text after them: they were stray control bytes, passed on before it.
    const held = this.eofMarks;
    this.eofMarks = chunk.length - end;
    const text = end === chunk.length ? chunk : chunk.subarray(0, end);
    return (held > 0 ? Buffer.concat([Buffer.alloc(held, 0x1a), text]) : text) as T;
  }

  /** Bytes given so far, NULs included: the positions the NUL rule counts in. */
  private seen = 0;
  /** Where the first NUL stands among the bytes given (-1: none yet): the byte a refusal names. */
  private firstNul = -1;
  /** Bytes passed on by dropNul so far: the text's positions (NULs removed), which `offset` counts in. */
  private passed = 0;
  /** The text's positions of the NULs removed lately, one per NUL, in order (inFile counts them). */
  private nulMarks: number[] = [];
  /** NULs removed before every position still to be named (those of nulMarks folded in). */
  private nulsBefore = 0;

  /**
   * Where a byte at `at` in the text passed on (NULs removed) stands in the file: a control byte after
   * stray NULs was named shifted back by them («byte 32» for a byte at 37), and its line counted wrong.
   */
  private inFile(at: number): number {
    let n = this.nulsBefore;
    for (const mark of this.nulMarks) {
      if (mark > at) break;
      n++;
    }
    return at + n;
  }

  /** Folds the marks no byte still to be named comes before: what is named stands at `offset` at least (less a cut UTF-8 sequence). */
  private foldNulMarks(): void {
    let k = 0;
    while (k < this.nulMarks.length && this.nulMarks[k]! <= this.offset - 8) k++;
    if (k === 0) return;
    this.nulsBefore += k;
    this.nulMarks = this.nulMarks.slice(k);
  }

  /**
   * Removes NUL bytes, counting them. A file in which NULs pass 1% of the bytes read up to one of them,
   * once there are more than 64, is binary data, not text with a stray NUL: judged at each NUL's position,
   * so the decision never depends on where chunks end, and refused at the first NUL (it named the 65th,
   * «byte 64» for a file of NULs). A short file is judged at its end (refuseOnlyNuls).
   */
  private dropNul<T extends Uint8Array>(chunk: T): T {
    const base = this.seen;
    this.seen += chunk.length;
    let nul = chunk.indexOf(0);
    if (nul === -1) {
      this.passed += chunk.length;
      return chunk;
    }
    this.foldNulMarks();
    const out = Buffer.allocUnsafe(chunk.length);
    let j = 0;
    let from = 0;
    while (nul !== -1) {
      const n = ++this.nulBytes;
      if (this.firstNul === -1) this.firstNul = base + nul;
      if (n > MAX_STRAY_NULS && n * 100 > base + nul + 1) this.refuseBinary(this.firstNul);
      out.set(chunk.subarray(from, nul), j);
      j += nul - from;
      this.nulMarks.push(this.passed + j);
      from = nul + 1;
      nul = chunk.indexOf(0, from);
    }
    out.set(chunk.subarray(from), j);
    j += chunk.length - from;
    this.passed += j;
    return out.subarray(0, j) as unknown as T;
  }

  /**
   * Removes the NUL characters of UTF-16 text, counting them as dropNul counts NUL bytes, by the same rule in
   * characters: a file re-encoded to UTF-16 (Excel's «Unicode text») carries its stray NULs as U+0000, which
   * were neither removed nor counted there (tester T43 F3).
   */
  private dropNulChars(text: string): string {
    const base = this.seen;
    this.seen += text.length;
    let nul = text.indexOf('\u0000');
    if (nul === -1) return text;
    let out = '';
    let from = 0;
    while (nul !== -1) {
      const n = ++this.nulBytes;
      // The byte a refusal names: two a character, after the BOM.
      if (this.firstNul === -1) this.firstNul = 2 * (base + nul) + 2;
      if (n > MAX_STRAY_NULS && n * 100 > base + nul + 1) this.refuseBinary(this.firstNul);
      out += text.slice(from, nul);
      from = nul + 1;
      nul = text.indexOf('\u0000', from);
    }
    return out + text.slice(from);
  }

  /**
   * At the end: a short file of NULs, too few for the rule above (10 NUL bytes said «the file holds no
   * rows»), is binary when they are all its bytes or more than 1 in 16 of them. Judged on the whole file,
   * not at each NUL: a few NULs in a note near the top (Salesforce's rich-text fields) stay stray ones.
   */
  private refuseOnlyNuls(): void {
    if (this.nulBytes > 0 && (this.nulBytes === this.seen || (this.nulBytes > 2 && this.nulBytes * 16 > this.seen))) this.refuseBinary(this.firstNul);
  }

  /** Counts control bytes (strayControl); returns the index of the first non-ASCII byte, or -1. */
  private scanAscii(bytes: Uint8Array): number {
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i]!;
      if (b >= 0x80) return i;
      if (isControlByte(b)) this.strayControl(this.offset + i);
    }
    return -1;
  }

  /** Control bytes other than NUL passed on as text so far (ASCII and single-byte text; UTF-8 text is not scanned for them). */
  controlBytes = 0;
  /** Where the first counted control byte stands in the file, and the last in the text (held bytes are scanned again: counted once). */
  private firstControl = -1;
  private lastControl = -1;

  /**
   * A control byte at `at`, kept in the text: a file is binary, not text with a stray control byte,
   * when they pass 1 in 16 of the bytes read (from the third on: a short binary file) or, past 64 of
   * them, 1% (as NULs). Judged at each byte's position, so never by where chunks end.
   */
  private strayControl(at: number): void {
    if (at <= this.lastControl) return;
    this.lastControl = at;
    if (this.firstControl === -1) this.firstControl = this.inFile(at);
    const n = ++this.controlBytes;
    if ((n > 2 && n * 16 > at + 1) || (n > MAX_STRAY_NULS && n * 100 > at + 1)) this.refuseBinary(this.firstControl);
  }

  private decodeChunk(chunk: Uint8Array, stream: boolean): string {
    if (this.encoding !== 'utf-8' && this.encoding !== 'utf-16le' && this.encoding !== 'utf-16be') this.checkControl(chunk);
    if (this.mixed) {
      this.offset += chunk.length;
      return '';
    }
    try {
      const text = this.decoder!.decode(chunk, { stream });
      this.offset += chunk.length;
      if (this.encoding === 'utf-8' && text.includes('\u0000')) this.refuseBinary();
      if (this.lenient && text.includes('\ufffd')) {
        const seq = utf8Sequences(chunk);
        this.tolerate(seq.invalid, seq.valid);
      }
      return text;
    } catch {
      this.lyingMark(chunk, utf8Sequences(chunk));
      this.invalidUtf8();
    }
  }

  /** Validates UTF-8 natively, carrying a sequence cut at the chunk's end into the next chunk. */
  private checkUtf8(chunk: Buffer): void {
    let data = chunk;
    if (this.tail) {
      const need = sequenceLength(this.tail[0]!) - this.tail.length;
      if (chunk.length < need) {
        this.tail = Buffer.concat([this.tail, chunk]);
        return;
      }
      if (!isUtf8(Buffer.concat([this.tail, chunk.subarray(0, need)]))) {
        if (!this.lenient) this.invalidUtf8(this.offset - this.tail.length);
        this.tolerate(1, 0);
      }
      this.tail = undefined;
      data = chunk.subarray(need);
    }
    let cut = data.length;
    let j = data.length - 1;
    while (j >= 0 && data.length - j < 4 && (data[j]! & 0xc0) === 0x80) j--;
    if (j >= 0 && data[j]! >= 0xc0 && data.length - j < sequenceLength(data[j]!)) cut = j;
    const whole = cut === data.length ? data : data.subarray(0, cut);
    // Named at the byte that breaks it, not at the start of the chunk it came in.
    if (!isUtf8(whole)) {
      const seq = utf8Sequences(whole);
      // A byte order mark before text with no UTF-8 in it (a PHP exporter's «for Excel» before its site's Windows-1251): its code page is named.
      if (!this.lenient) this.lyingMark(whole, seq);
      if (!this.lenient) this.invalidUtf8(this.offset + (chunk.length - data.length) + Math.max(0, seq.first));
      this.tolerate(seq.invalid, seq.valid);
    }
    if (cut < data.length) this.tail = Buffer.from(data.subarray(cut));
    const nul = data.indexOf(0);
    if (nul !== -1) this.refuseBinary(this.inFile(this.offset + (chunk.length - data.length) + nul));
  }

  private givenChecked = false;

  /**
   * Refuses a code page `--encoding` named for text that is UTF-8 (at least 8 multi-byte sequences in
   * its first chunk and no invalid one but a sequence cut at the chunk's end): a tester's UTF-8 file
   * with `--encoding cp1251` was called binary, with «export it again» as the fix; with `latin1` its
   * headers turned to mojibake and «no manager column» was said.
   */
  private checkGiven(chunk: Uint8Array): void {
    if (this.givenChecked) return;
    this.givenChecked = true;
    if (this.why?.startsWith('given') !== true || this.encoding === 'utf-8') return;
    const utf8 = utf8Sequences(chunk.subarray(0, 1 << 16));
    if (utf8.valid >= 8 && utf8.invalid <= 1) throw UserError.of('E_ENCODING', 'read.givenNotUtf8', { encoding: ENCODING_NAMES[this.encoding!] ?? String(this.encoding) }, { file: this.file });
  }

  /**
   * Scans single-byte text (a Windows code page, KOI8-R, CP866): its control bytes (strayControl), the
   * byte Windows-1251 leaves undefined (0x98), and UTF-8 Cyrillic after it (utf8Pair). The encoding was
   * decided on 64 KB: a file of 75 KB of Windows-1251 rows and then UTF-8 rows was read whole as
   * Windows-1251, 63% of its deals under managers such as «РђР»РµРєСЃРµРµРІР°», with exit 0 (a tester).
   * One compare a byte more than before: a lead byte of UTF-8 Cyrillic (D0-D2, «Р», «С», «Т» in
   * Windows-1251) is looked at further only where a continuation byte (80-BF) follows it.
   */
  private checkControl(bytes: Uint8Array): void {
    if (this.mixed) return this.moreMixed(bytes);
    const cp1251 = this.encoding === 'windows-1251';
    const n = bytes.length;
    if (n > 0 && this.pendingLead === this.offset - 1 && (bytes[0]! & 0xc0) === 0x80 && this.utf8Pair(this.pendingLead, this.lastBytes[this.lastBytes.length - 1]!, bytes[0]!, bytes)) return;
    for (let i = 0; i < n; i++) {
      const b = bytes[i]!;
      // One unsigned compare for the three lead bytes D0-D2.
      if (((b - 0xd0) >>> 0) < 3) {
        if (i + 1 === n) this.pendingLead = this.offset + i;
        else if ((bytes[i + 1]! & 0xc0) === 0x80 && this.utf8Pair(this.offset + i, b, bytes[i + 1]!, bytes)) return;
      } else if (b < 0x20) {
        if (isControlByte(b)) this.strayControl(this.offset + i);
      } else if (b === 0x98 && cp1251) return this.refuse98(bytes, i);
    }
    // A copy: the chunk's buffer is read into again (see fileChunks).
    this.lastBytes = Buffer.from(n >= LAST_BYTES ? bytes.subarray(n - LAST_BYTES) : Buffer.concat([this.lastBytes, bytes]).subarray(-LAST_BYTES));
  }

  /** A lead byte of UTF-8 Cyrillic that ended the last chunk, where it stands in the text (-1: none). */
  private pendingLead = -1;
  /** The last bytes of the single-byte text scanned: where a UTF-8 run or sequence found in the next chunk begins. */
  private lastBytes: Uint8Array = EMPTY;
  /** The run of UTF-8 Cyrillic letters one after another: how many, where it starts, and where the next would start. */
  private runPairs = 0;
  private runStart = -1;
  private runNext = -1;
  /**
   * Single-byte text found to be UTF-8 from `at` (a position in the text) on, and its bytes from there
   * so far: refused once MIXED_SAMPLE of them are in (or the input ends), so that the letters the
   * message shows never depend on where a chunk ends. Nothing more is passed on meanwhile.
   */
  private mixed: { at: number; bytes: Buffer } | undefined;

  /**
   * A UTF-8 sequence of a lead byte D0-D2 and a continuation byte at `at` in single-byte text: UTF8_RUN
   * Russian or Ukrainian letters (utf8Letter) one after another are UTF-8 text, refused as mixed
   * encodings where the run starts. Windows-1251 reads them as «Р°», «Рё», «С‚», pairs of a capital and
   * a sign that Russian text does not hold four times in a row; KOI8-R, CP866 and Windows-1252 read them
   * as pairs as odd. True when the text is refused (mixed): nothing more of the chunk is scanned.
   */
  private utf8Pair(at: number, lead: number, next: number, bytes: Uint8Array): boolean {
    if (!utf8Letter(lead, next)) {
      this.runNext = -1;
      return false;
    }
    if (at !== this.runNext) {
      this.runPairs = 0;
      this.runStart = at;
    }
    this.runNext = at + 2;
    if (++this.runPairs < UTF8_RUN) return false;
    this.mixedFrom(this.runStart, bytes);
    return true;
  }

  /**
   * Byte 0x98, which Windows-1251 leaves undefined: binary, unless it ends a valid UTF-8 sequence
   * (UTF-8's «И» is D0 98, «‘» E2 80 98): then the text is UTF-8 there, and a file of Windows-1251
   * rows and then UTF-8 rows holding «И» was called binary instead of mixed encodings (a tester).
   */
  private refuse98(bytes: Uint8Array, i: number): void {
    const before = i < 3 ? Buffer.concat([this.lastBytes, bytes.subarray(0, i + 4)]) : bytes.subarray(i - 3, i + 4);
    const k = i < 3 ? this.lastBytes.length + i : 3;
    for (let j = k - 1; j >= Math.max(0, k - 3); j--) {
      const lead = before[j]!;
      if ((lead & 0xc0) === 0x80) continue;
      const len = lead >= 0xc2 && lead <= 0xdf ? 2 : lead >= 0xe0 && lead <= 0xef ? 3 : lead >= 0xf0 && lead <= 0xf4 ? 4 : 0;
      if (j + len <= k || !isUtf8Prefix(before.subarray(j, j + len))) break;
      const at = this.offset + i - (k - j);
      return this.mixedFrom(this.runNext === at + 2 ? this.runStart : at, bytes);
    }
    this.refuseBinary(this.inFile(this.offset + i));
  }

  /** The text is UTF-8 from `at` on: its bytes from there (some may stand in the last chunk) start the sample. */
  private mixedFrom(at: number, bytes: Uint8Array): void {
    const back = this.offset - at;
    const head = back > 0 ? this.lastBytes.subarray(this.lastBytes.length - back) : EMPTY;
    this.mixed = { at, bytes: EMPTY };
    this.moreMixed(back > 0 ? Buffer.concat([head, bytes]) : bytes.subarray(-back));
  }

  /** More bytes of the sample of UTF-8 (mixed); refused once it is long enough. */
  private moreMixed(bytes: Uint8Array): void {
    const mixed = this.mixed!;
    mixed.bytes = Buffer.concat([mixed.bytes, bytes.subarray(0, MIXED_SAMPLE - mixed.bytes.length)]);
    if (mixed.bytes.length >= MIXED_SAMPLE) this.refuseMixed();
  }

  /** Refuses single-byte text that turned into UTF-8 (mixed), showing the first UTF-8 letters as they are and as the code page reads them. */
  private refuseMixed(): never {
    const { at, bytes } = this.mixed!;
    const encoding = ENCODING_NAMES[this.encoding!] ?? String(this.encoding);
    throw UserError.of('E_ENCODING', 'read.mixedPage', { offset: this.inFile(at), encoding, ...utf8Letters(bytes, this.encoding!) }, { file: this.file });
  }

  /** `at`: where the byte stands in the text passed on (NULs removed); said where it stands in the file. */
  /**
   * A UTF-8 byte order mark before a first chunk that is no UTF-8 (a PHP exporter's «for Excel» before
   * its site's Windows-1251; tester T75): the text's code page by its letters, to pass as --encoding,
   * which wins over the mark there (table.ts).
   */
  private lyingMark(sample: Uint8Array, seq: { valid: number; invalid: number }): void {
    if (this.offset !== 0 || this.why !== 'byte order mark' || !mostlyNotUtf8(seq)) return;
    const page = singleBytePage(sample.subarray(0, SAMPLE_BYTES)).encoding;
    throw UserError.of('E_ENCODING', 'read.bomNotUtf8', { encoding: ENCODING_NAMES[page] ?? page, option: ENCODING_FLAGS[page] ?? page }, { file: this.file });
  }

  private invalidUtf8(at = this.offset): never {
    throw UserError.of('E_ENCODING', 'read.mixedUtf8', { offset: this.inFile(at) }, { file: this.file });
  }

  /**
   * UTF-8 text that ends inside its last character (`…\xd0\xb5\xd1`): the file was cut short, as a
   * download that stopped is. It was refused as mixed encodings, with «save it again as UTF-8» for a file
   * that is UTF-8 throughout.
   */
  private cutUtf8(): never {
    throw UserError.of('E_ENCODING', 'read.cutUtf8', {}, { file: this.file });
  }

  /** `at`: where the byte stands in the file (inFile of a position in the text). */
  private refuseBinary(at?: number): never {
    throw at !== undefined ? UserError.of('E_BINARY', 'read.binaryAt', { offset: at }, { file: this.file }) : UserError.of('E_BINARY', 'read.binary', {}, { file: this.file });
  }
}

/** Whether a lead byte and a continuation byte are a Russian or Ukrainian letter in UTF-8: А-я, Ё, ё, Є, є, І, і, Ї, ї, Ў, ў, Ґ, ґ. */
function utf8Letter(lead: number, next: number): boolean {
  if (lead === 0xd0) return next >= 0x90 || next === 0x81 || next === 0x84 || next === 0x86 || next === 0x87 || next === 0x8e;
  if (lead === 0xd1) return next <= 0x8f || next === 0x91 || next === 0x94 || next === 0x96 || next === 0x97 || next === 0x9e;
  return lead === 0xd2 && (next === 0x90 || next === 0x91);
}

/**
 * The UTF-8 letters (2-byte sequences) and single spaces between them at the start of `bytes`, some
 * twenty at most: the name a person finds the row by, as UTF-8 has it and as the code page reads it.
 */
function utf8Letters(bytes: Uint8Array, page: Encoding): { sample: string; garbled: string } {
  let i = 0;
  let letters = 0;
  while (letters < 24 && i + 1 < bytes.length) {
    const space = bytes[i] === 0x20 && i > 0 ? 1 : 0;
    const lead = bytes[i + space]!;
    if (lead < 0xc2 || lead > 0xdf || (bytes[i + space + 1]! & 0xc0) !== 0x80) break;
    i += space + 2;
    letters++;
  }
  const run = bytes.subarray(0, i);
  const decoder = page === 'windows-1252' ? cp1252 : page === 'koi8-r' || page === 'ibm866' || page === 'windows-1251' ? CYRILLIC_DECODERS[page] : page === 'windows-1250' || page === 'windows-1254' ? LATIN_DECODERS[page] : undefined;
  const shown = (text: string) => text.replace(/[\u0080-\u009f]/g, '\ufffd');
  return { sample: shown(Buffer.from(run).toString('utf8')), garbled: shown(decoder?.decode(run) ?? '') };
}

/**
 * Where the first byte that is not UTF-8 stands, in text that is UTF-8 in good part: at least 8 valid
 * multi-byte sequences and at least a quarter as many as invalid bytes. Windows-1251 text forms such
 * a sequence only by chance (a capital before «Ё», «»»), a few in a thousand letters; a file of UTF-8
 * rows with a few Windows-1251 rows among them forms hundreds, and was read whole as Windows-1251
 * («РџРµС‚СЂРѕРІР°» for «Петрова»). Undefined for text that is not UTF-8 in good part.
 */
export function mostlyUtf8(bytes: Uint8Array): number | undefined {
  const { valid, invalid, first } = utf8Sequences(bytes);
  return first !== -1 && valid >= 8 && 4 * valid >= invalid ? first : undefined;
}

/** The valid multi-byte UTF-8 sequences of some bytes, the bytes that start none, and where the first of those stands (-1: none). */
/** Whether bytes beyond ASCII are mostly no UTF-8 (utf8Sequences): a code page's letters pair as UTF-8 by chance («В«»), at most a fifth of them. */
export function mostlyNotUtf8(seq: { valid: number; invalid: number }): boolean {
  return seq.invalid > 4 * seq.valid;
}

export function utf8Sequences(bytes: Uint8Array): { valid: number; invalid: number; first: number } {
  let valid = 0;
  let invalid = 0;
  let first = -1;
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const n = b >= 0xc2 && b <= 0xdf ? 2 : b >= 0xe0 && b <= 0xef ? 3 : b >= 0xf0 && b <= 0xf4 ? 4 : 0;
    // A sequence cut at the sample's end is neither.
    if (n > 0 && i + n > bytes.length) break;
    let ok = n > 0;
    for (let k = 1; ok && k < n; k++) ok = (bytes[i + k]! & 0xc0) === 0x80;
    if (ok) {
      valid++;
      i += n;
    } else {
      if (first === -1) first = i;
      invalid++;
      i++;
    }
  }
  return { valid, invalid, first };
}

/** The Windows code page, KOI8-R or CP866 of single-byte text (the exports' rule: singleByteEncoding, then latinPage or cyrillicPage). */
export function singleByteDecoder(bytes: Uint8Array): { decode(bytes: Uint8Array): string } {
  const { encoding } = singleBytePage(bytes);
  if (encoding === 'windows-1252') return cp1252;
  return encoding === 'windows-1250' || encoding === 'windows-1254' ? LATIN_DECODERS[encoding] : CYRILLIC_DECODERS[encoding];
}

/** A code page chosen with too few letters to be sure, and one word of the sample read in it and in the other. */
export interface EncodingDoubt {
  other: CyrillicPage;
  /** A word of the sample as read (chosen page) and as the other page reads it. */
  read: string;
  otherRead: string;
}

/** The single-byte code page of text that is not UTF-8, and why: the letter-run test, then which Cyrillic page reads as Russian. */
function singleBytePage(sample: Uint8Array): { encoding: 'windows-1252' | LatinPage | CyrillicPage; why: string; doubt?: EncodingDoubt } {
  const guess = singleByteEncoding(sample);
  const runs = guess.euro
    ? `not UTF-8; no letters outside ASCII; euro signs beside numbers: ${guess.euro.cp1252} as Windows-1252 has it, ${guess.euro.cp1251} as Windows-1251 has it`
    : `not UTF-8; letter runs: ${guess.cyrillicWords} words of non-ASCII letters only (Cyrillic), ${guess.latinWords} non-ASCII letters inside Latin words (accents)`;
  if (guess.encoding === 'windows-1252') {
    const latin = latinPage(sample);
    return latin.encoding === 'windows-1252' ? { encoding: 'windows-1252', why: runs } : { encoding: latin.encoding, why: `not UTF-8; the accented words read as words in ${LATIN_NAMES[latin.encoding]}, not in Windows-1252 (${latin.fit} of ${latin.words} words against ${latin.fit1252})` };
  }
  const page = cyrillicPage(sample);
  if (page.encoding !== 'windows-1251') return { encoding: page.encoding, why: `not UTF-8; the Cyrillic letters read as Russian text in ${PAGE_NAMES[page.encoding]}, not in Windows-1251 (${page.by})` };
  return { encoding: 'windows-1251', why: runs, ...(page.doubt ? { doubt: page.doubt } : {}) };
}

type CyrillicPage = 'windows-1251' | 'koi8-r' | 'ibm866';

/** The Latin code pages beside Windows-1252: Central European (Polish, Czech, Slovak, Hungarian, Romanian, Croatian) and Turkish. */
type LatinPage = 'windows-1250' | 'windows-1254';
const LATIN_NAMES: Record<LatinPage, string> = { 'windows-1250': 'Windows-1250', 'windows-1254': 'Windows-1254' };
const LATIN_DECODERS: Record<LatinPage, TextDecoder> = { 'windows-1250': new TextDecoder('windows-1250'), 'windows-1254': new TextDecoder('windows-1254') };

/**
 * The letters beyond ASCII (lower case) of each language written in a Latin code page: a word is one
 * of them when every such letter of it is of one alphabet. German, French, Spanish, Portuguese, Italian,
 * Dutch and Catalan, the Nordic languages; Polish, Czech, Slovak, Hungarian, Romanian, Croatian and
 * Slovenian, Estonian; Turkish. Not Icelandic: its þ, ð and ý are how Windows-1252 reads Turkish ş, ğ
 * and ı («Ayþe»), and a Turkish file stayed Windows-1252 (review R46).
 */
const ALPHABETS: readonly ReadonlySet<string>[] = [
  'äöüß', 'àâæçéèêëîïôœùûüÿ', 'áéíñóúü', 'áâãàçéêíóôõú', 'àèéìíîòóù', 'áéíóúàèëïöüç', 'åäöé', 'æøåé',
  'ąćęłńóśźż', 'áčďéěíňóřšťúůýž', 'áäčďéíĺľňóôŕšťúýž', 'áéíóöőúüű', 'ăâîşţșț', 'čćđšž', 'äöõüšž', 'çğıöşüâî',
].map((letters) => new Set(letters));

/**
 * The lower-case letters beyond ASCII of a word as a page reads it, its punctuation at either end set
 * aside («¿Cómo» is «Cómo»); undefined where it is no word: a character inside it that is no letter
 * («Ma³gorzata»), or fewer than three letters («Nº», «m³»). Turkish «İ» lowers to «i» and a combining
 * dot, no letter: it is read as «i».
 */
function wordLetters(text: string): string[] | undefined {
  const word = text.replace(/İ/g, 'i').replace(/^[^\p{L}]+|[^\p{L}]+$/gu, '');
  if (word.length < 3 || !/^\p{L}+$/u.test(word)) return undefined;
  return [...word.toLowerCase()].filter((ch) => ch > '\u007f');
}

/**
 * How many of the words a page reads as one language's: the words (letters, their own) whose accented
 * letters are all of one alphabet, counted for the alphabet that takes the most. One language a file:
 * Spanish read in Windows-1250 has «Muńoz» Polish and «está» Czech, Turkish read so «Ayţe» Romanian and
 * «Yýlmaz» Czech, neither all of one language as the right page's are (review R46).
 */
function languageWords(words: ReadonlyArray<readonly string[] | undefined>): number {
  let best = 0;
  for (const alphabet of ALPHABETS) {
    let n = 0;
    for (const w of words) if (w !== undefined && w.every((ch) => alphabet.has(ch))) n++;
    if (n > best) best = n;
  }
  return best;
}

/**
 * Which Latin code page reads the sample's accented words as words of a language: Windows-1252 unless
 * another reads more of them so (tester T54 F1: a Polish Excel's CSV in Windows-1250 came out as
 * «Ma³gorzata ¯ak», a Turkish one's in Windows-1254 as «Ayþe Yýlmaz», a Czech one's as «Jiøí», each
 * without a word; ³ and ¯ are no letters, and ø beside í is no language's). A word is a run of ASCII
 * letters and bytes beyond ASCII with at least one of those; a tie stays Windows-1252, as before.
 */
function latinPage(sample: Uint8Array): { encoding: 'windows-1252' | LatinPage; words: number; fit: number; fit1252: number } {
  const words: Uint8Array[] = [];
  let i = 0;
  while (i < sample.length && words.length < 2000) {
    if (!wordByte(sample[i]!)) {
      i++;
      continue;
    }
    const start = i;
    let high = false;
    for (; i < sample.length && wordByte(sample[i]!); i++) if (sample[i]! >= 0x80) high = true;
    // «Nº», «m³», «£» before a number are symbols in Windows-1252 and letters in Windows-1250 («Nş»,
    // «mł», «Ł»): one such word turned a Spanish or English file's «ñ» into «ń» and its «£1,200» into
    // no number (review R46). Words of three letters or more count (wordLetters).
    if (high) words.push(sample.subarray(start, i));
  }
  const fits = (decode: (w: Uint8Array) => string) => languageWords(words.map((w) => wordLetters(decode(w))));
  const fit1252 = fits((w) => cp1252.decode(w));
  let best: { encoding: 'windows-1252' | LatinPage; fit: number } = { encoding: 'windows-1252', fit: fit1252 };
  for (const page of ['windows-1250', 'windows-1254'] as const) {
    const fit = fits((w) => LATIN_DECODERS[page].decode(w));
    if (fit > best.fit) best = { encoding: page, fit };
  }
  return { ...best, words: words.length, fit1252 };
}

/** A byte of a word: an ASCII letter, or any byte beyond ASCII. */
function wordByte(b: number): boolean {
  return b >= 0x80 || (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a);
}
const PAGE_NAMES: Record<CyrillicPage, string> = { 'windows-1251': 'Windows-1251', 'koi8-r': 'KOI8-R', ibm866: 'CP866' };

/**
 * Windows-1252 by its own table: Node's TextDecoder('windows-1252') (Node 20, small ICU) decodes it
 * as ISO-8859-1, so 0x80-0x9F came out as C1 controls: `1000 €` was «not a number» and «O’Brien»
 * (0x92) a second manager beside the UTF-8 call log's «O’Brien». The five bytes the code page leaves
 * undefined (0x81, 0x8D, 0x8F, 0x90, 0x9D) stay their C1 code points, as WHATWG decodes them.
 */
const CP1252_HIGH = '\u20ac\u0081\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\u008d\u017d\u008f\u0090\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\u009d\u017e\u0178';
const C1 = /[\u0080-\u009f]/;
const C1_ALL = /[\u0080-\u009f]/g;
const cp1252Char = (c: string): string => CP1252_HIGH[c.charCodeAt(0) - 0x80]!;

/** Decodes Windows-1252 (one byte a character, so nothing is carried between chunks): Latin-1, then the table for 0x80-0x9F. */
export class Cp1252Decoder {
  decode(bytes: Uint8Array = EMPTY, _options?: { stream?: boolean }): string {
    return fix1252(latin(bytes, 0, bytes.length));
  }

  /** A cell's bytes buf[start, end), with no copy of them (ExportDecoder.decode). */
  slice(buf: Buffer, start: number, end: number): string {
    return fix1252((buf as unknown as Slices).latin1Slice(start, end));
  }
}

/** Latin-1 text made Windows-1252: its C1 characters (bytes 0x80-0x9F) by the table. */
function fix1252(text: string): string {
  return C1.test(text) ? text.replace(C1_ALL, cp1252Char) : text;
}

/** The code pages as `--encoding` names them. */
const cp1251 = new TextDecoder('windows-1251');
const cp1252 = new Cp1252Decoder();
const ALL_BYTES = Uint8Array.from({ length: 256 }, (_, b) => b);
/** Each byte's character in the code pages, in byte order (ExportDecoder.pageChars). */
const CP1251_CHARS = cp1251.decode(ALL_BYTES);
const CP1252_CHARS = cp1252.decode(ALL_BYTES);
const SAMPLE_BYTES = 64 * 1024;
/** A sample's text, a character cut at its end read as U+FFFD. */
const LOOSE_UTF8 = new TextDecoder('utf-8');
/** A character beyond ASCII. */
const NON_ASCII = /[\u0080-\uffff]/;
/** UTF-8 Cyrillic letters one after another that make single-byte text UTF-8 there (see utf8Pair). */
const UTF8_RUN = 4;
/** Bytes of the UTF-8 the message of mixed encodings shows (some twenty letters), and the bytes kept of the last chunk to find where it starts. */
const MIXED_SAMPLE = 72;
const LAST_BYTES = 8;
/** NUL bytes a text file may hold whatever its size (see dropNul). */
const MAX_STRAY_NULS = 64;
const EMPTY = Buffer.alloc(0);

/** Buffer's own slice decoders: what toString(encoding, start, end) calls after checking its arguments. */
interface Slices {
  utf8Slice(start: number, end: number): string;
  latin1Slice(start: number, end: number): string;
}

function sequenceLength(lead: number): number {
  return lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
}

function latin(bytes: Uint8Array, start: number, end: number): string {
  return (Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as Slices).latin1Slice(start, end);
}

/** True when bytes (possibly cut mid-character at the end) are valid UTF-8. */
export function isUtf8Prefix(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, SAMPLE_BYTES);
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** How often each Russian letter occurs in text, per thousand letters (case folded; ё as е). */
const RUSSIAN_LETTERS: Record<string, number> = { о: 110, е: 85, а: 80, и: 74, н: 67, т: 63, с: 55, р: 47, в: 45, л: 44, к: 35, м: 32, д: 30, п: 28, у: 26, я: 20, ы: 19, ь: 17, г: 17, з: 16, б: 16, ч: 14, й: 12, х: 10, ж: 9, ш: 7, ю: 6, ц: 5, щ: 4, э: 3, ф: 3, ъ: 1 };
const koi8r = new TextDecoder('koi8-r');
const cp866 = new TextDecoder('ibm866');
const CYRILLIC_DECODERS: Record<CyrillicPage, TextDecoder> = { 'windows-1251': cp1251, 'koi8-r': koi8r, ibm866: cp866 };

/**
 * A Cyrillic word: two or more Cyrillic letters with no ASCII letter or digit beside them. A lone
 * byte between digits is no word: the NBSP of `80 439,00` (0xA0) is CP866's «а», and a Latin export
 * with nothing else outside ASCII was read as CP866, every amount «not a number».
 */
const CYRILLIC_WORD = /(?<![A-Za-z0-9])[А-яЁё]{2,}(?![A-Za-z0-9])/g;

/** How Russian a text's Cyrillic words read: the sum of their letters' frequencies (a code page read wrong permutes the letters into rare ones). */
function russianScore(words: readonly string[]): number {
  let score = 0;
  for (const w of words) for (const ch of w.toLowerCase()) score += RUSSIAN_LETTERS[ch === 'ё' ? 'е' : ch] ?? 0;
  return score;
}

/**
 * The Cyrillic words of a text by their case: as a person writes them (all lower, all upper, or a
 * capital and lower case) or odd. KOI8-R puts lower case where Windows-1251 has upper case, so
 * either read as the other turns «Менеджер» into «нЕМЕДФЕП»: one such word says more than the letter
 * frequencies of a short file. `title` counts the words of a capital and lower case («Ответственный»),
 * `inverted` those of a lower-case letter and capitals after it («пФЧЕФУФЧЕООЩК», three letters at
 * least: «кВ» is a unit): the one is the other read in the other page, while words all in one case
 * read all in one case in both.
 */
function wordCases(words: readonly string[]): { usual: number; odd: number; title: number; inverted: number; first: string | undefined } {
  let usual = 0;
  let odd = 0;
  let title = 0;
  let inverted = 0;
  for (const w of words) {
    const rest = w.slice(1);
    const lowerRest = rest === rest.toLowerCase();
    if (lowerRest || w === w.toUpperCase()) usual++;
    else odd++;
    const head = w[0]!;
    if (lowerRest && head !== head.toLowerCase()) title++;
    else if (w.length >= 3 && head === head.toLowerCase() && rest === rest.toUpperCase()) inverted++;
  }
  return { usual, odd, title, inverted, first: words[0] };
}

/** Some forty letters at least: a file of one or two short names (a made-up «Хупу») can read either way. */
const SURE_SCORE = 2000;

/**
 * Which Cyrillic code page single-byte text is in: Windows-1251, KOI8-R or CP866 (DOS), each reading
 * of the bytes scored by its Russian letter frequencies. Russian text read in its own code page
 * scores far above the same bytes read in another, and a page other than Windows-1251 needs that
 * margin and some forty letters; short text takes one by the case of its words (see wordCases) when
 * the other gives two or more usual ones and no odd one while Windows-1251 gives two or more odd
 * ones and no usual one (one odd word alone can be real: «кВт») or no Cyrillic word at all; KOI8-R
 * also by its words of a capital and lower case (see wordCases). Only words are scored, so bytes
 * between digits (NBSP, a currency sign) never make a page. Windows-1251 stays otherwise, with
 * a doubt where another page reads at least as well: too few letters to be sure, said to the user.
 */
export function cyrillicPage(sample: Uint8Array): { encoding: CyrillicPage; by?: string; doubt?: EncodingDoubt } {
  const reads = (Object.keys(CYRILLIC_DECODERS) as CyrillicPage[]).map((page) => {
    const text = CYRILLIC_DECODERS[page].decode(sample);
    const words = Array.from(text.matchAll(CYRILLIC_WORD), (m) => m[0]);
    return { page, text, score: russianScore(words), ...wordCases(words) };
  });
  const [win, ...others] = reads as [(typeof reads)[0], ...typeof reads];
  const best = others.reduce((a, b) => (b.score > a.score ? b : a));
  const second = Math.max(win.score, ...others.filter((r) => r !== best).map((r) => r.score));
  if (best.score > SURE_SCORE && best.score > 1.5 * second) return { encoding: best.page, by: 'letter frequencies' };
  // Read as Windows-1251: two or more odd words and no usual one (KOI8-R), or no Cyrillic word at all (CP866's letters are mostly punctuation there).
  const wrongIn1251 = win.usual === 0 && (win.odd >= 2 || win.odd === 0);
  const byCase = wrongIn1251 ? [...others].sort((a, b) => b.score - a.score).find((r) => r.odd === 0 && r.usual >= 2 && r.score > win.score) : undefined;
  if (byCase) return { encoding: byCase.page, by: 'the case of its words' };
  // KOI8-R's lower-case words read all in capitals in Windows-1251, so the rule above missed a header of
  // «Ответственный» and «Дата создания сделки» (read «пФЧЕФУФЧЕООЩК», «дБФБ УПЪДБОЙС УДЕМЛЙ»): the words
  // of a capital and lower case decide, two or more of them in KOI8-R and three times those read so in Windows-1251.
  const koi = others.find((r) => r.page === 'koi8-r')!;
  if (koi.title >= 2 && koi.title >= 3 * koi.inverted && win.inverted >= 2 && win.inverted >= 3 * win.title && koi.score >= win.score) return { encoding: 'koi8-r', by: 'the case of its words' };
  const sure = win.score > SURE_SCORE && win.score > 1.5 * best.score;
  // In doubt where the other reading's words are as usual as Windows-1251's and it reads as Russian, or its words are more usual.
  const doubtful = best.odd < win.odd || (best.odd === win.odd && best.score >= win.score);
  // No Cyrillic word in the other reading (a Latin letter or two): nothing to show, nothing to doubt.
  if (sure || best.score === 0 || !doubtful || best.usual + best.odd === 0) return { encoding: 'windows-1251' };
  // The word both read: the first Cyrillic word of a reading (Windows-1251's when it has one), and the
  // same bytes in the other (one character a byte in every page here, so the offsets agree).
  const from = win.first !== undefined ? win : best;
  const word = from.first!;
  const at = from.text.indexOf(word);
  const [read, otherRead] = [win.text.slice(at, at + word.length), best.text.slice(at, at + word.length)];
  return { encoding: 'windows-1251', doubt: { other: best.page, read, otherRead } };
}

/** Bytes that are letters in both Windows-1251 (Cyrillic А-я, Ё, ё) and Windows-1252 (À-ÿ, Š, š, Ž, ž, Œ, œ, Ÿ). */
function highLetter(b: number): boolean {
  return b >= 0xc0 || b === 0xa8 || b === 0xb8 || b === 0x8a || b === 0x9a || b === 0x8e || b === 0x9e || b === 0x8c || b === 0x9c || b === 0x9f;
}

function asciiLetter(b: number): boolean {
  return (b >= 0x41 && b <= 0x5a) || (b >= 0x61 && b <= 0x7a);
}

/** The Latin letters that look like Cyrillic ones (A, a, B, C, c, E, e, H, K, k, M, O, o, P, p, T, X, x, y): typed in a Russian word on the wrong keyboard layout, they say nothing of a Latin language. */
const LOOK_ALIKE = new Set(Array.from('AaBCcEeHKkMOoPpTXxy', (c) => c.charCodeAt(0)));

/** How a run of high letters from `start` to `end` votes by the ASCII letters it touches: 'none' touched, 'look-alike' only, or 'latin'. */
function touching(sample: Uint8Array, start: number, end: number): 'none' | 'look-alike' | 'latin' {
  const sides = [start > 0 ? sample[start - 1]! : 0, end < sample.length ? sample[end]! : 0].filter(asciiLetter);
  if (sides.length === 0) return 'none';
  return sides.every((b) => LOOK_ALIKE.has(b)) ? 'look-alike' : 'latin';
}

/**
 * The letter-run test between Windows-1251 and Windows-1252 for bytes that are not UTF-8. In both
 * code pages the bytes 0xC0-0xFF are letters, so their values say little; where they stand says a
 * lot. Russian words are written with high bytes only (`Сделка` is six high bytes in a row), while
 * Spanish, Portuguese, German or French put one or two accented letters inside a word of ASCII
 * letters (`Gestión`, `não`, `Größe`). So each maximal run of high letters votes: touching an ASCII
 * letter on either side, Latin; two or more high letters standing alone, Cyrillic; a lone high letter
 * (the Russian one-letter words `в`, `и`, `с`), nobody. Touching only Latin letters that look like
 * Cyrillic ones (a Russian name typed partly on the Latin layout: `Aнна Cмирнoва`, which read as
 * Windows-1252 «Aííà Cìèðíoâà»), three or more high letters in a row vote Cyrillic, which Spanish,
 * Portuguese, German and French words hardly ever hold (all-capital Estonian does); fewer, Latin as
 * before (`Zoë`, `ação`). Windows-1251 wins only on more Cyrillic votes;
 * a tie is Windows-1251 as before, the usual encoding of Russian Excel CSV. With no letter outside
 * ASCII at all (a Latin export whose only high bytes are the NBSP of `80 439,00`, the same in both,
 * and its currency), the euro sign beside a number decides: 0x80 in Windows-1252, 0x88 in
 * Windows-1251 (`72.326,00 €` read «72.326,00 Ђ» and was not a number).
 */
export function singleByteEncoding(sample: Uint8Array): { encoding: 'windows-1251' | 'windows-1252'; cyrillicWords: number; latinWords: number; euro?: { cp1252: number; cp1251: number } } {
  let cyrillicWords = 0;
  let latinWords = 0;
  let i = 0;
  while (i < sample.length) {
    if (!highLetter(sample[i]!)) {
      i++;
      continue;
    }
    const start = i;
    while (i < sample.length && highLetter(sample[i]!)) i++;
    const sides = touching(sample, start, i);
    const run = i - start;
    if (sides === 'latin' || (sides === 'look-alike' && run < 3)) latinWords++;
    else if (run >= 2) cyrillicWords++;
  }
  if (cyrillicWords === 0 && latinWords === 0) {
    const euro = euroSigns(sample);
    if (euro.cp1252 + euro.cp1251 > 0) return { encoding: euro.cp1252 > euro.cp1251 ? 'windows-1252' : 'windows-1251', cyrillicWords, latinWords, euro };
  }
  const encoding = latinWords > cyrillicWords ? 'windows-1252' : 'windows-1251';
  return { encoding, cyrillicWords, latinWords };
}

/** The bytes that are the euro sign in Windows-1252 (0x80) and in Windows-1251 (0x88) standing beside a digit, a space or NBSP between them allowed. */
function euroSigns(sample: Uint8Array): { cp1252: number; cp1251: number } {
  let cp1252 = 0;
  let cp1251 = 0;
  const digit = (at: number) => at >= 0 && at < sample.length && sample[at]! >= 0x30 && sample[at]! <= 0x39;
  const space = (at: number) => at >= 0 && at < sample.length && (sample[at] === 0x20 || sample[at] === 0xa0);
  for (let i = 0; i < sample.length; i++) {
    const b = sample[i]!;
    if (b !== 0x80 && b !== 0x88) continue;
    const beside = digit(i - 1) || digit(i + 1) || (space(i - 1) && digit(i - 2)) || (space(i + 1) && digit(i + 2));
    if (!beside) continue;
    if (b === 0x80) cp1252++;
    else cp1251++;
  }
  return { cp1252, cp1251 };
}
