import { UserError } from '../../core/errors.js';
import { ByteScanner, SCAN_WINDOW } from './csv-scan.js';
import type { Limits } from './limits.js';
import type { Uncalculated } from './uncalculated.js';

/** Turns a cell's bytes into text in the file's encoding. */
export interface CellText {
  decode(buf: Buffer, start: number, end: number): string;
  /** Whether the bytes are UTF-8 (or ASCII so far); false for Windows-1251. */
  readonly utf8: boolean;
  /** A single-byte code page's 256 characters, in byte order; undefined while the bytes are UTF-8 (or ASCII so far). */
  readonly pageChars?: string;
}

/**
 * One record of a delimited file as byte ranges: field i is buf[starts[i], ends[i]). The parser
 * reuses one ByteRow for every record, so a sink that keeps a record must copy it (cells()).
 */
export class ByteRow {
  buf: Buffer = Buffer.alloc(0);
  /** buf as a DataView, to compare a cell four bytes at a time (made once per buffer, see use()). */
  view: DataView = new DataView(new ArrayBuffer(0));
  starts = new Int32Array(64);
  ends = new Int32Array(64);
  count = 0;
  /** The buffer used before the present one and its view: quoted records alternate with the chunk's. */
  private spare: Buffer = this.buf;
  private spareView = this.view;

  constructor(readonly text: CellText) {}

  /** Holds the record's bytes in `buf`. */
  use(buf: Buffer): void {
    if (buf === this.buf) return;
    const view = buf === this.spare ? this.spareView : new DataView(buf.buffer, buf.byteOffset, buf.length);
    this.spare = this.buf;
    this.spareView = this.view;
    this.buf = buf;
    this.view = view;
  }

  /** Field i as text ('' past the last field). */
  cell(i: number): string {
    return i < this.count ? this.text.decode(this.buf, this.starts[i]!, this.ends[i]!) : '';
  }

  /** Every field as text. */
  cells(): string[] {
    const out = new Array<string>(this.count);
    for (let i = 0; i < this.count; i++) out[i] = this.text.decode(this.buf, this.starts[i]!, this.ends[i]!);
    return out;
  }

  /** Makes room for field index i. */
  grow(i: number): void {
    if (i < this.starts.length) return;
    const s = new Int32Array(this.starts.length * 2);
    s.set(this.starts);
    this.starts = s;
    const e = new Int32Array(this.ends.length * 2);
    e.set(this.ends);
    this.ends = e;
  }
}

/**
 * Turns each lone CR of `buf` into LF, in place (the same length, so positions hold), and says whether
 * there was one. A CR that is the last byte is left: the next bytes may start with its LF.
 */
function loneCrToLf(buf: Buffer): boolean {
  let found = false;
  for (let i = buf.indexOf(CR); i !== -1 && i < buf.length - 1; i = buf.indexOf(CR, i + 1)) {
    if (buf[i + 1] !== LF) {
      buf[i] = LF;
      found = true;
    }
  }
  return found;
}

/**
 * Receives each record and its row as a spreadsheet shows it (1-based: a workbook's row, an HTML
 * table's row, delimited text's record number, the header row counted): fields as text (XLSX, HTML)
 * or as bytes (delimited text); a workbook's formulas saved without their values in the row, read as
 * empty cells (only when the table is read with `uncalculated: 'pass'`); and for delimited text the
 * line of the file the record starts on, past the row where a quoted cell above held line breaks (an
 * amoCRM note): Excel shows the deal after a two-line note in row 8, the text has it on line 9; and
 * where a line of its quoted cells looks like a whole row and a quote closed no cell, how many lines
 * after its first it took in (`swallowed`: a quote left open).
 */
export type RowSink = (row: string[] | ByteRow, at: number, uncalculated?: readonly Uncalculated[], line?: number, swallowed?: number) => void;

const QUOTE = 34;
const CR = 13;
const LF = 10;

/**
 * A streaming RFC 4180 parser over bytes, for large exports: fields are found as byte ranges, so no
 * string is made unless a cell is read as text. Quoted fields may hold delimiters, doubled quotes and
 * line breaks; text after a closing quote joins the field (a lenient case real exports produce). LF,
 * CRLF and lone-CR line ends are accepted. Works on any ASCII-compatible encoding (UTF-8,
 * Windows-1251); the tests check it against csv-parse.
 */
export class CsvParser {
  /** The bytes of an unfinished record held for the next push: a view of carryStore. */
  private carry: Buffer | undefined;
  /**
   * Reused memory for the carry and for the carry joined to the next chunk: a new buffer per chunk
   * would, on a large export, make V8 run a full collection every few dozen chunks for the
   * external memory alone.
   */
  private carryStore = Buffer.allocUnsafe(0);
  private joined = Buffer.allocUnsafe(0);
  private line = 1;
  /** The number of the record the next one is (a spreadsheet's row): the line, less the line breaks quoted cells held before it. */
  private record = 1;
  /** Fields of the first record of three or more (the header, as a rule): how wide a whole row is. */
  private width = 0;
  /**
   * Where a quoted cell holds a line that looks like a whole row (as many delimiters as a row has):
   * a quote left open in a cell (`Сказал ""ок`) takes the rows after it into that cell, and they are
   * never counted. Only the first such cell: its line and how many lines it ran over.
   */
  swallowed: { line: number; lines: number } | undefined;
  /** The lines of the present record's quoted cells that look like whole rows (rowLike). */
  private rowLikeLines = 0;
  /** Whether a quoted cell of the present record has text after its closing quote: with a row-like line, the lines it took are handed on with it. */
  private strayQuote = false;
  private nl = 0;
  /**
   * Whether the first bytes mixed lone CRs (old Mac line ends) with LFs: a file pasted together from
   * two saves. Taken as LF line ends, a lone CR glued two records into one row («50\r3» read as 503)
   * and the second record was lost without a word.
   */
  private mixedEnds = false;
  private readonly row: ByteRow;
  /** Byte classes: 1 delimiter, 2 line end, 3 quote, 0 anything else. */
  private readonly cls = new Uint8Array(256);
  private scratch = Buffer.allocUnsafe(4096);
  /** Finds the bytes to stop at 16 at a time, once the line end is known (undefined: every byte is looked at here). */
  private scanner: ByteScanner | undefined;

  /**
   * Bytes per scan of the WebAssembly scanner where it is available, 0 for none: tests check the
   * JavaScript path and small windows with it.
   */
  static scanWindow = SCAN_WINDOW;

  /** How many bytes of a chunk are copied behind the carry to finish its record (pushAfterCarry); tests use a few. */
  static joinBytes = 16 * 1024;

  constructor(
    private readonly delimiter: number,
    private readonly sink: RowSink,
    private readonly file: string,
    private readonly limits: Pick<Limits, 'maxCellChars' | 'maxColumns'>,
    text: CellText,
  ) {
    this.row = new ByteRow(text);
    this.cls[delimiter] = 1;
    this.cls[QUOTE] = 3;
  }

  /** The row (record number) of the last record when the input ended without its line end (a file cut short, or one written so). */
  unterminatedRow: number | undefined;

  /** Whether every byte pushed so far ended a record (nothing is held for the next push). */
  get atRecordEnd(): boolean {
    return this.nl !== 0 && (this.carry === undefined || this.carry.length === 0);
  }

  /** The line the next record starts on. */
  get nextLine(): number {
    return this.line;
  }

  /** The row (record number) the next record is. */
  get nextRow(): number {
    return this.record;
  }

  /** Counts lines already consumed before the bytes given to push (e.g. a `sep=` line): records too. */
  skipLines(n: number): void {
    this.line += n;
    this.record += n;
  }

  /** Feeds the next bytes. */
  push(chunk: Buffer): void {
    if (this.carry && this.scanner && !this.mixedEnds && this.pushAfterCarry(this.carry, chunk)) return;
    const buf = this.carry ? this.join(this.carry, chunk) : chunk;
    this.carry = undefined;
    if (this.mixedEnds) loneCrToLf(buf);
    if (this.nl === 0) {
      const lf = buf.indexOf(LF);
      const cr = buf.indexOf(CR);
      if (lf !== -1) {
        this.nl = LF;
        // Line ends mixed from the start (LF or CRLF, and lone CRs): every lone CR ends a line too.
        // Decided here, once per file, so that LF and CRLF files pay nothing per row.
        this.mixedEnds = cr !== -1 && loneCrToLf(buf);
      } else if (cr !== -1 && cr < buf.length - 1) this.nl = CR;
      else {
        this.keep(buf, 0);
        return;
      }
      this.cls[this.nl] = 2;
      if (CsvParser.scanWindow > 0) this.scanner = ByteScanner.create(this.delimiter, this.nl, CsvParser.scanWindow);
    }
    this.keep(buf, this.scanner ? this.parseScanned(buf, false) : this.parse(buf, false));
  }

  /** Ends the input: the last record may lack a line end. */
  end(): void {
    if (this.nl === 0) {
      this.nl = LF;
      this.cls[LF] = 2;
    }
    const rest = this.carry;
    this.carry = undefined;
    if (rest && rest.length > 0) {
      this.unterminatedRow = this.record;
      if (this.scanner) this.parseScanned(rest, true);
      else this.parse(rest, true);
    }
  }

  /**
   * Parses a chunk that continues the carry without copying the whole chunk behind it (a copy of
   * every chunk was 110 ms of the benchmark's CPU): the carry and the chunk's first joinBytes are
   * joined and the records there parsed, then the chunk is parsed on where the first record left
   * unfinished there starts. False, having parsed nothing, when the carry's record does not end
   * within those bytes (a long quoted cell): the chunk is then joined whole.
   */
  private pushAfterCarry(carry: Buffer, chunk: Buffer): boolean {
    const consumed = this.parseScanned(this.join(carry, chunk.subarray(0, CsvParser.joinBytes)), false);
    // The carry is one unfinished record: parsing stopped at its start, or past its end.
    if (consumed < carry.length) return false;
    this.carry = undefined;
    this.keep(chunk, this.parseScanned(chunk, false, consumed - carry.length));
    return true;
  }

  /** The carry followed by the next chunk, in the reused buffer (the carry lives apart, in carryStore). */
  private join(carry: Buffer, chunk: Buffer): Buffer {
    const n = carry.length + chunk.length;
    if (this.joined.length < n) this.joined = Buffer.allocUnsafe(Math.max(n, 2 * this.joined.length));
    carry.copy(this.joined, 0);
    chunk.copy(this.joined, carry.length);
    return this.joined.subarray(0, n);
  }

  private keep(buf: Buffer, consumed: number): void {
    if (consumed >= buf.length) return;
    // A copy, so that the carry does not pin the whole chunk (and the chunk's buffer may be reused).
    const rest = buf.length - consumed;
    if (this.carryStore.length < rest) this.carryStore = Buffer.allocUnsafe(Math.max(rest, 2 * this.carryStore.length, 4096));
    buf.copy(this.carryStore, 0, consumed);
    this.carry = this.carryStore.subarray(0, rest);
    if (this.carry.length > this.limits.maxCellChars * 8) {
      throw UserError.of('E_LIMIT_CELL', 'csv.runaway', { line: this.line, bytes: this.limits.maxCellChars * 8, max: this.limits.maxCellChars }, { file: this.file, row: this.line });
    }
  }

  /**
   * parse() over the positions the scanner found: the same records, but only the delimiters, quotes
   * and line ends are visited. A quoted record takes the same slow path, then the positions inside it
   * are skipped.
   */
  private parseScanned(buf: Buffer, final: boolean, from = 0): number {
    const scanner = this.scanner!;
    const positions = scanner.positions;
    const row = this.row;
    const n = buf.length;
    const d = this.delimiter;
    const nl = this.nl;
    const crlf = nl === LF;
    const maxColumns = this.limits.maxColumns;
    // The window of buf scanned last: [base, windowEnd), its positions [0, found), the next one j.
    const window = scanner.window;
    let base = from;
    let windowEnd = Math.min(n, from + window);
    let found = from < n ? scanner.scan(buf, from) : 0;
    let j = 0;
    let pos = from;
    while (pos < n) {
      row.use(buf);
      let starts = row.starts; // stored into directly while it has room (field() grows it)
      let ends = row.ends;
      let count = 0;
      let fieldStart = pos;
      let next = -1;
      for (;;) {
        if (j === found) {
          if (windowEnd < n) {
            base = windowEnd;
            windowEnd = Math.min(n, base + window);
            found = scanner.scan(buf, base);
            j = 0;
            continue;
          }
          if (!final) return pos;
          this.field(count++, fieldStart, crlf && n > fieldStart && buf[n - 1] === CR ? n - 1 : n, maxColumns);
          next = n;
          break;
        }
        const p = base + positions[j]!;
        const c = buf[p]!;
        j++;
        if (c === d) {
          if (count < starts.length) {
            starts[count] = fieldStart;
            ends[count++] = p;
          } else {
            this.field(count++, fieldStart, p, maxColumns);
            starts = row.starts;
            ends = row.ends;
          }
          fieldStart = p + 1;
          continue;
        }
        if (c === nl) {
          let end = p;
          if (crlf && end > fieldStart && buf[end - 1] === CR) end--;
          this.field(count++, fieldStart, end, maxColumns);
          next = p + 1;
          break;
        }
        // A quote opens a quoted field only at the start of a field; elsewhere it is text.
        if (p === fieldStart) break;
      }
      if (next === -1) {
        const after = this.parseQuoted(buf, pos, final);
        if (after === -1) return pos;
        pos = after;
        if (pos >= windowEnd) {
          base = pos;
          windowEnd = Math.min(n, base + window);
          found = pos < n ? scanner.scan(buf, base) : 0;
          j = 0;
        } else while (j < found && base + positions[j]! < pos) j++;
        continue;
      }
      row.count = count;
      this.emit(1, next - pos);
      pos = next;
    }
    return n;
  }

  /** Parses complete records from buf; returns how many bytes were consumed. */
  private parse(buf: Buffer, final: boolean): number {
    const cls = this.cls;
    const row = this.row;
    const n = buf.length;
    const crlf = this.nl === LF;
    const maxColumns = this.limits.maxColumns;
    let pos = 0;
    while (pos < n) {
      // The common case: a record without quotes, fields found in one pass over its bytes.
      row.use(buf);
      let count = 0;
      let fieldStart = pos;
      let i = pos;
      let quoted = false;
      for (;;) {
        if (i >= n) {
          if (!final) return pos;
          this.field(count++, fieldStart, crlf && n > fieldStart && buf[n - 1] === CR ? n - 1 : n, maxColumns);
          break;
        }
        const k = cls[buf[i]!]!;
        if (k === 0) {
          i++;
          continue;
        }
        if (k === 1) {
          this.field(count++, fieldStart, i, maxColumns);
          fieldStart = ++i;
          continue;
        }
        if (k === 2) {
          let end = i;
          if (crlf && end > fieldStart && buf[end - 1] === CR) end--;
          this.field(count++, fieldStart, end, maxColumns);
          i++;
          break;
        }
        if (i === fieldStart) {
          quoted = true;
          break;
        }
        i++;
      }
      if (quoted) {
        const next = this.parseQuoted(buf, pos, final);
        if (next === -1) return pos;
        pos = next;
        continue;
      }
      row.count = count;
      this.emit(1, i - pos);
      pos = i;
    }
    return n;
  }

  private field(i: number, start: number, end: number, maxColumns: number): void {
    const row = this.row;
    if (i >= row.starts.length) {
      // Past the limit fields are only counted: emit() reports the row with its real width.
      if (i >= maxColumns) return;
      row.grow(i);
    }
    row.starts[i] = start;
    row.ends[i] = end;
  }

  /**
   * The slow path for a record with a quoted field: every field is copied (unescaped) into a scratch
   * buffer. Returns the position after the record, or -1 if the record is incomplete.
   */
  private parseQuoted(buf: Buffer, start: number, final: boolean): number {
    const row = this.row;
    const nl = this.nl;
    const crlf = nl === LF;
    const d = this.delimiter;
    const n = buf.length;
    if (this.scratch.length < n - start) this.scratch = Buffer.allocUnsafe(Math.max(n - start, this.scratch.length * 2));
    const out = this.scratch;
    let w = 0, count = 0, lines = 0, i = start;
    for (;;) {
      const fieldStart = w;
      const quoted = i < n && buf[i] === QUOTE;
      if (quoted) {
        i++;
        // Delimiters on the cell's current line, after a line break inside it (-1 before the first).
        let inLine = -1;
        for (;;) {
          if (i >= n) {
            if (!final) return -1;
            throw UserError.of('E_CSV_QUOTE', 'csv.unclosedQuote', { line: this.line }, { file: this.file, row: this.line });
          }
          const c = buf[i]!;
          if (c === QUOTE) {
            if (i + 1 < n && buf[i + 1] === QUOTE) {
              out[w++] = QUOTE;
              i += 2;
              continue;
            }
            if (i + 1 >= n && !final) return -1;
            i++;
            this.rowLike(inLine, lines);
            break;
          }
          if (c === nl) {
            this.rowLike(inLine, lines);
            lines++;
            inLine = 0;
          } else if (c === d && inLine >= 0) inLine++;
          out[w++] = c;
          i++;
        }
      }
      // Unquoted text, or text after a closing quote, runs to the next delimiter or line end.
      const plainStart = w;
      let ended = false;
      for (;;) {
        if (i >= n) {
          if (!final) return -1;
          ended = true;
          break;
        }
        const c = buf[i]!;
        if (c === d) {
          i++;
          break;
        }
        if (c === nl) {
          if (crlf && w > plainStart && out[w - 1] === CR) w--;
          i++;
          ended = true;
          break;
        }
        out[w++] = c;
        i++;
      }
      if (quoted && w > plainStart) this.strayQuote = true; // text after the closing quote: it was no cell's end («"Забор"»)
      if (count < this.limits.maxColumns) {
        row.grow(count);
        row.starts[count] = fieldStart;
        row.ends[count] = w;
      }
      count++;
      if (ended) break;
    }
    row.use(out);
    row.count = count;
    this.emit(1 + lines, w);
    return i;
  }

  /** Notes a line inside a quoted cell that holds as many delimiters as a whole row (swallowed). */
  private rowLike(delimiters: number, lines: number): void {
    const like = this.width >= 3 && delimiters >= this.width - 1;
    if (like) this.rowLikeLines++;
    if (like && this.swallowed === undefined) this.swallowed = { line: this.line, lines };
    else if (this.swallowed?.line === this.line) this.swallowed.lines = Math.max(this.swallowed.lines, lines);
  }

  /** Hands the record on; `bytes` is its length, an upper bound on any cell's. */
  private emit(lines: number, bytes: number): void {
    const row = this.row;
    if (this.width === 0 && row.count >= 3) this.width = row.count;
    if (row.count > this.limits.maxColumns) {
      throw UserError.of('E_LIMIT_COLUMNS', 'csv.tooManyColumns', { line: this.line, count: row.count, max: this.limits.maxColumns }, { file: this.file, row: this.line });
    }
    const max = this.limits.maxCellChars;
    // A UTF-8 character is 1 to 4 bytes: only a long byte range can be a long cell.
    if (bytes > max) {
      for (let f = 0; f < row.count; f++) if (row.ends[f]! - row.starts[f]! > max && row.cell(f).length > max) this.cellTooLong(f);
    }
    // A record with a line that looks like a whole row and a quote that closed no cell (text after it) is a
    // quote left open: it took every line after its first. A note of several lines closed as a cell is, whatever
    // its commas, is read (review R54), its row-like lines only weighed against --max-bad-rows (checkBadRows).
    const swallowed = this.rowLikeLines > 0 && this.strayQuote ? lines - 1 : 0;
    this.rowLikeLines = 0;
    this.strayQuote = false;
    this.sink(row, this.record, undefined, this.line, swallowed);
    this.line += lines;
    this.record++;
  }

  /** A cell past the limit, said with its line and its column's number (the header is not known here). */
  private cellTooLong(field: number): never {
    throw UserError.of('E_LIMIT_CELL', 'csv.cellTooLong', { line: this.line, column: field + 1, max: this.limits.maxCellChars }, { file: this.file, row: this.line });
  }
}

/** Candidate delimiters, most common in CRM exports first. */
export const DELIMITERS = [';', ',', '\t', '|'] as const;

/**
 * Picks the delimiter from the first lines, counting only outside quotes: the candidate whose count
 * is the same non-zero number on most lines wins (title rows above the header have fewer).
 */
export function detectDelimiter(sample: string): string {
  const lines = splitSampleRecords(sample).slice(0, 50);
  let best: { d: string; score: number; width: number } = { d: ',', score: -1, width: 0 };
  for (const d of DELIMITERS) {
    const counts = lines.map((l) => countOutsideQuotes(l, d)).filter((c) => c > 0);
    if (counts.length === 0) continue;
    const freq = new Map<number, number>();
    for (const c of counts) freq.set(c, (freq.get(c) ?? 0) + 1);
    let mode = 0;
    let modeFreq = 0;
    for (const [c, f] of freq) if (f > modeFreq || (f === modeFreq && c > mode)) [mode, modeFreq] = [c, f];
    const score = modeFreq * 1000 + Math.min(mode, 999);
    if (score > best.score) best = { d, score, width: mode };
  }
  return best.d;
}

/**
 * The delimiter a sample's lines are split by where a `sep=` line names another that splits none of
 * them (`sep=,` above a file of `;`), else undefined: read by its `sep=`, every line was one column,
 * and the run said «no row names the columns» with a --map snippet that took whole lines as the manager.
 */
export function sepContradicted(sample: string, sep: string): string | undefined {
  const lines = splitSampleRecords(sample).slice(0, 50);
  if (lines.length === 0 || lines.some((l) => countOutsideQuotes(l, sep) > 0)) return undefined;
  const found = detectDelimiter(sample);
  return found !== sep && countOutsideQuotes(lines[0]!, found) > 0 ? found : undefined;
}

/** Splits a sample into records, keeping quoted line breaks inside their record. */
function splitSampleRecords(sample: string): string[] {
  const out: string[] = [];
  let inQuotes = false;
  let start = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c === 34) inQuotes = !inQuotes;
    else if (!inQuotes && (c === 10 || c === 13)) {
      if (i > start) out.push(sample.slice(start, i));
      start = i + 1;
    }
  }
  // A sample's last line may be cut short, and is left out; unless it is the only one (a header-only
  // file without a final line break was read as one column: «no row names the columns»).
  if (out.length === 0 && start < sample.length) out.push(sample.slice(start));
  return out;
}

function countOutsideQuotes(line: string, d: string): number {
  let inQuotes = false;
  let count = 0;
  for (const ch of line) {
    if (ch === '"') inQuotes = !inQuotes;
    else if (!inQuotes && ch === d) count++;
  }
  return count;
}
