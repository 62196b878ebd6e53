// io/read: bytes to rows, knowing no CRM. An input (a file, a part of one, or stdin) is sniffed from
// its bytes (XLSX, HTML saved as .xls, UTF-16 or delimited text), decoded (strict UTF-8, else
// Windows-1251; BOMs dropped), and its records streamed to a sink: CSV records as byte ranges found
// by the WebAssembly scanner (csv-scan.wat), XLSX and HTML rows as strings. readTable is the entry.
import { UserError } from '../../core/errors.js';
import { CsvParser, detectDelimiter, sepContradicted, type RowSink } from './csv.js';
import { ExportDecoder, mostlyNotUtf8, utf8Sequences, type EncodingDoubt } from './decode.js';
import { assertReadableFile, fsError, openInput } from './files.js';
import type { Limits } from './limits.js';
import { cfbError, sniff, type Encoding, type FileType } from './sniff.js';
import { SheetWithoutHeader } from './sheet-error.js';
import type { OtherSheet, OtherSheetsCheck } from './other-sheets.js';

export interface TableOptions {
  cwd: string;
  stdin: NodeJS.ReadableStream;
  limits: Limits;
  /** Forces the delimiter of delimited text. */
  delimiter?: string;
  /** Forces the encoding of text without a byte order mark (--encoding). */
  encoding?: Encoding;
  /** XLSX sheet name or 1-based index. */
  sheet?: string;
  /** Called as bytes are read, for a progress line: the file, and whether only a part of it is read here. */
  onProgress?: (bytesRead: number, totalBytes: number | undefined, about?: { file: string; part: boolean }) => void;
  /** Hands CSV records on as text, not bytes: the reference the byte path is tested against. */
  textRows?: boolean;
  /**
   * Reads delimited text up to byte `at` only, then tells onBoundary whether `at` ended a record
   * with nothing held back (so that the rest of the file can be read separately); it may throw.
   */
  stopAt?: { at?: number; onBoundary: (state: Boundary) => void };
  /** The file's bytes from `part.from` on, read by the caller (the worker's claimed chunks: see takeover.ts). */
  source?: AsyncIterable<Buffer>;
  /** Reads delimited text from byte `from` on, in a known format: no sniffing, BOM, `sep=` or delimiter detection. */
  part?: { from: number; delimiter: string; encoding?: Encoding };
  /** Called when delimited text starts to be parsed, with its delimiter and (if known yet) encoding. */
  onFormat?: (format: { delimiter: string; encoding: Encoding | undefined }) => void;
  /** Called before the rows of a workbook whose dates count from 1904 (old Mac Excel): a plain number in a date column is such a serial. */
  onDate1904?: () => void;
  /** Called before the rows of a workbook's sheet with the columns it hides (none: empty), for the header's choice between two columns of one name. */
  onHiddenColumns?: (spans: ColumnSpans) => void;
  /** Whether a row names known columns (the header search's test): an HTML document's data table is the one with such a row. */
  namesColumns?: (cells: readonly string[]) => boolean;
  /**
   * 'pass': a workbook's formula saved without its value is read as an empty cell and handed to the
   * sink with its row, for the importer to judge (a totals row's =SUM, or a column no field reads,
   * stops nothing); else the first one stops the read, naming the cell and the fix.
   */
  uncalculated?: 'pass';
  /** A workbook's other sheets are looked at for a header of the kind read (their first rows only): said in TableInfo.otherSheets. */
  otherSheets?: OtherSheetsCheck;
}

/**
 * Where delimited text read up to a byte stopped: whether a record ended there with nothing held back,
 * and the line and the row (record number) the next record starts on, for the rest of the file, read
 * apart, to number its rows and lines after these (a quoted cell's line breaks make them differ).
 */
export interface Boundary {
  clean: boolean;
  nextLine: number;
  nextRow: number;
}

/**
 * The lines of a part of a text file and its rows (records, as a spreadsheet numbers them): a part
 * after it numbers its own from 1, and its rows and lines in the whole file come after these. They
 * differ where a quoted cell holds line breaks (an amoCRM note of two lines).
 */
export interface Extent {
  lines: number;
  rows: number;
}

/** The extent of the text before a boundary, from the line and the row the next record starts on. */
export function extentBefore(b: Pick<Boundary, 'nextLine' | 'nextRow'>): Extent {
  return { lines: b.nextLine - 1, rows: b.nextRow - 1 };
}

/** Columns (from 0, both ends in) a sheet hides: Excel does not show their values. */
export type ColumnSpans = ReadonlyArray<{ from: number; to: number }>;

/** Whether a column (from 0) is in one of the spans. */
export function inSpans(spans: ColumnSpans | undefined, col: number): boolean {
  return spans !== undefined && spans.some((s) => col >= s.from && col <= s.to);
}

/** What a workbook's reader tells before the rows of the sheet it reads. */
export type SheetEvents = Pick<TableOptions, 'onDate1904' | 'onHiddenColumns'> & {
  /** The share of the sheet's XML read so far (0 to 1): a workbook's progress, which its file's bytes, read at once, cannot show. */
  onSheetRead?: (share: number) => void;
};

/** How a file was read: what `inspect` shows. */
export interface TableInfo {
  type: FileType;
  encoding?: Encoding | undefined;
  /** Why that encoding (inspect shows it). */
  encodingWhy?: string;
  /** Rows with values that the workbook hides (a filter, or hidden by hand): read, and said. */
  hiddenRows?: number;
  /** A code page chosen with too few letters to be sure: another reads the file as well (the run says so). */
  encodingDoubt?: EncodingDoubt;
  /** NUL bytes removed from text (Salesforce Data Loader writes them inside rich-text fields). */
  nulBytes?: number;
  /** Bytes that were not UTF-8 in a file --encoding utf-8 named UTF-8: read as U+FFFD. */
  invalidUtf8Bytes?: number;
  /** A quoted cell that holds lines looking like whole rows (an unbalanced quote): its line, and how many lines it runs over. */
  swallowed?: { line: number; lines: number };
  /** The row (record number) of the last record when the text ended without its line end. */
  unterminatedRow?: number;
  /** An HTML document that ends inside its data table (no `</table>`): the last row read. */
  tableCut?: { row: number };
  delimiter?: string;
  sheet?: string;
  sheets?: string[];
  /** The workbook's other sheets with a header of the kind read and rows under it, not read (when asked: TableOptions.otherSheets). */
  otherSheets?: OtherSheet[];
  /** A workbook read from stdin, held for its other sheets (stdin cannot be read twice); no part of a report. */
  held?: Buffer;
}

const DELIMITER_SAMPLE_BYTES = 64 * 1024;

/** The chunks of an input, with the bytes read so far reported as progress. */
class Chunks {
  private read = 0;
  private readonly iterator: AsyncIterator<Buffer | string>;

  constructor(
    stream: AsyncIterable<Buffer | string> | NodeJS.ReadableStream,
    private readonly file: string,
    private readonly size: number | undefined,
    private readonly onProgress: TableOptions['onProgress'],
  ) {
    this.iterator = (stream as AsyncIterable<Buffer | string>)[Symbol.asyncIterator]();
  }

  /** The next chunk, or undefined at the end. */
  async next(): Promise<Buffer | undefined> {
    let r: IteratorResult<Buffer | string>;
    try {
      r = await this.iterator.next();
    } catch (error) {
      // A file that changed while read (files.ts) says so itself; an OS error is said by its code.
      throw error instanceof UserError ? error : fsError(error as NodeJS.ErrnoException, this.file);
    }
    if (r.done) return undefined;
    const buf = typeof r.value === 'string' ? Buffer.from(r.value) : r.value;
    this.read += buf.length;
    this.onProgress?.(this.read, this.size);
    return buf;
  }

  /**
   * A share of the input done, said in its bytes (of `size`, else of `held` bytes held from stdin): a workbook is
   * opened at once and read by its sheet, whose share stands for the file's (tester T58: no line in a 30 s read).
   */
  done(share: number, held?: number): void {
    const size = this.size ?? held;
    if (size === undefined) return;
    // A file's: never back below the bytes already said (the first chunks read to find the format), nor below a sheet
    // read before (an empty first sheet, then the data's: review R48); stdin's held bytes were all read to hold them.
    const at = Math.min(size, Math.max(this.size === undefined ? 0 : this.read, this.said, Math.round(share * size)));
    // Said when it moves by a thousandth of the file or reaches its end once (every chunk redrew «100 %»: review R48).
    if (at - this.said < size / 1000 && !(at === size && this.said < size)) return;
    this.said = at;
    this.onProgress?.(at, size);
  }

  /** The last share a workbook's progress said, in bytes (done). */
  private said = 0;

  /** The first chunk, at least 4 KB where the input has them: pipes may deliver tiny pieces, and the sniffer needs enough. */
  async head(): Promise<Buffer> {
    let first = (await this.next()) ?? Buffer.alloc(0);
    while (first.length < 4096) {
      // A copy: the next chunk may be read into the same buffer.
      first = Buffer.from(first);
      const more = await this.next();
      if (more === undefined) break;
      first = Buffer.concat([first, more]);
    }
    return first;
  }

  async close(): Promise<void> {
    await this.iterator.return?.();
  }
}

/** How much of an OLE compound file is read for the names of its streams (its directory may sit at its end). */
const CFB_READ_BYTES = 64 * 1024 * 1024;

/**
 * The input's bytes from `first` on (each chunk copied: the next may be read into the same buffer), up
 * to `max` of them: past it, `tooLarge`'s error, or without one the bytes up to there.
 */
async function whole(first: Buffer, chunks: Chunks, max: number, tooLarge?: () => UserError): Promise<Buffer> {
  const parts = [first];
  let held = first.length;
  for (let c = await chunks.next(); c !== undefined; c = await chunks.next()) {
    held += c.length;
    if (held > max) {
      if (tooLarge) throw tooLarge();
      break;
    }
    parts.push(Buffer.from(c));
  }
  return Buffer.concat(parts);
}

/** Reads any supported export (`-` for stdin) and streams its rows, whatever the format and encoding. */
export async function readTable(file: string, opts: TableOptions, byteSink: RowSink): Promise<TableInfo> {
  const sink: RowSink = opts.textRows ? (row, at, uncalculated, line, swallowed) => byteSink(Array.isArray(row) ? row : row.cells(), at, uncalculated, line, swallowed) : byteSink;
  const stopAt = file === '-' ? undefined : opts.stopAt;
  const { stream, size } = opts.source ? { stream: opts.source, size: undefined } : await openInput(file, opts.cwd, opts.stdin, { start: opts.part?.from, end: stopAt?.at });
  // A first part read here while a worker reads the rest counts against the part, so it reaches 100%.
  const about = { file, part: stopAt?.at !== undefined };
  const total = stopAt?.at !== undefined ? stopAt.at - (opts.part?.from ?? 0) : size;
  const progress = opts.onProgress;
  const chunks = new Chunks(stream, file, total, progress && ((read, bytes) => progress(read, bytes, about)));
  try {
    return await readChunks(file, chunks, opts, sink);
  } catch (error) {
    // A file read no further (a sink refused a row) is closed now, not when it is collected.
    if (file !== '-') await chunks.close();
    throw file === '-' ? error : await onItsLine(error, file, opts);
  }
}

/** Errors that name a byte of the file, which a person finds by its line. */
const AT_BYTE = new Set(['read.mixedUtf8', 'read.mixedPage', 'read.binaryAt']);

/**
 * An error at a byte of a file, said at its line too (a tester's «not UTF-8 after byte 981» named no
 * row), with the byte counted from the file's start where a part of it was read (a worker's half counts
 * from its own start). The file is read again up to that byte: on the error's path only.
 */
async function onItsLine(error: unknown, file: string, opts: TableOptions): Promise<unknown> {
  if (!(error instanceof UserError) || !error.messageId || !AT_BYTE.has(error.messageId) || typeof error.params?.offset !== 'number') return error;
  let offset = error.params.offset + (opts.part?.from ?? 0);
  let line = 1;
  try {
    // One read from the start: the decoder counts from after a UTF-8 BOM (Excel's «CSV UTF-8» writes
    // one), seen in the first chunk; a worker's half starts past it.
    const { stream } = await openInput(file, opts.cwd, opts.stdin, { end: offset + (opts.part ? 0 : 3) });
    let at = 0;
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (at === 0 && !opts.part && chunk[0] === 0xef && chunk[1] === 0xbb && chunk[2] === 0xbf) offset += 3;
      const end = Math.min(chunk.length, offset - at);
      for (let i = chunk.indexOf(10); i !== -1 && i < end; i = chunk.indexOf(10, i + 1)) line++;
      at += chunk.length;
    }
  } catch {
    return error;
  }
  return UserError.of(error.code, error.messageId, { ...error.params, offset }, { ...error.where, file: error.where.file ?? file, row: line });
}

/** readTable over the chunks of its input. */
async function readChunks(file: string, chunks: Chunks, opts: TableOptions, sink: RowSink): Promise<TableInfo> {
  const stopAt = file === '-' ? undefined : opts.stopAt;
  const first = await chunks.head();
  const kind = opts.part ? { type: 'text' as const, encoding: opts.part.encoding, bomLength: 0 } : sniff(first, file);
  if (kind.type === 'xlsx') {
    if (file !== '-') {
      await chunks.close();
      return readXlsxInput(file, first, opts, sink, (share) => chunks.done(share));
    }
    // stdin: the rest comes through the same iterator (closing it would abort the stream mid-pipe).
    const max = opts.limits.maxBufferedInputBytes;
    const held = await whole(first, chunks, max, () => UserError.of('E_LIMIT_SIZE', 'input.tooLarge', { max }, { file }));
    return readXlsxInput(file, held, opts, sink, (share) => chunks.done(share, held.length));
  }
  if (kind.type === 'spreadsheetml') return readSpreadsheetMlInput(file, first, chunks, kind, opts, sink);
  if (kind.type === 'cfb') {
    const bytes = await whole(first, chunks, CFB_READ_BYTES);
    await chunks.close();
    throw cfbError(bytes, file);
  }
  // A byte order mark is the file's own word; a given encoding beats every guess, and a single-byte code page
  // given beats a UTF-8 mark before text that is no UTF-8 (a PHP exporter's «for Excel» before its site's
  // Windows-1251: tester T75); before UTF-8 the mark is right, whatever is given.
  const overMark = kind.bomLength === 3 && opts.encoding !== undefined && opts.encoding !== 'utf-8' && !opts.encoding.startsWith('utf-16') && mostlyNotUtf8(utf8Sequences(first.subarray(3, 3 + 65_536)));
  const given = !opts.part && (kind.bomLength === 0 || overMark) && opts.encoding !== undefined;
  // A UTF-8 BOM and --encoding utf-8 agree: the option's word still holds (bytes that are not UTF-8 read as «�», ExportDecoder).
  const bomGiven = kind.bomLength > 0 && kind.encoding === 'utf-8' && opts.encoding === 'utf-8' && !opts.part;
  const why = opts.part ? 'as decided on the first half of the file' : bomGiven ? 'given (--encoding), as the byte order mark says' : overMark ? 'given (--encoding), over the byte order mark' : kind.bomLength > 0 ? 'byte order mark' : given ? 'given (--encoding)' : kind.encoding ? 'UTF-16 byte pattern (every other byte zero)' : undefined;
  const decoder = new ExportDecoder(file, given ? opts.encoding : kind.encoding, why, (given || bomGiven) && opts.encoding === 'utf-8');
  if (kind.type === 'html') {
    // The HTML reader (and its library) loads only for such files: most runs read CSV.
    const { HtmlTableParser } = await import('./html.js');
    const parser = new HtmlTableParser(sink, file, opts.limits, opts.namesColumns);
    parser.write(decoder.write(first.subarray(kind.bomLength)));
    for (let c = await chunks.next(); c !== undefined; c = await chunks.next()) parser.write(decoder.write(c));
    parser.write(decoder.end());
    parser.end();
    return { type: 'html', ...encodingInfo(decoder), ...(parser.tableCut ? { tableCut: parser.tableCut } : {}) };
  }
  const text = new DelimitedText(file, opts, sink, decoder);
  text.feed(decoder.bytes(first.subarray(kind.bomLength)));
  for (let c = await chunks.next(); c !== undefined; c = await chunks.next()) text.feed(decoder.bytes(c));
  // Every byte up to the stop is in: the record and the encoding decision must both be complete there.
  stopAt?.onBoundary({ clean: text.atRecordEnd && !decoder.holding, nextLine: text.nextLine, nextRow: text.nextRow });
  text.feed(decoder.endBytes());
  return text.end();
}

/** The encoding decided, why, and the NUL bytes removed. */
function encodingInfo(decoder: ExportDecoder): Pick<TableInfo, 'encoding' | 'encodingWhy' | 'nulBytes' | 'encodingDoubt' | 'invalidUtf8Bytes'> {
  return {
    encoding: decoder.encoding ?? 'utf-8',
    encodingWhy: decoder.why ?? 'all bytes are ASCII',
    ...(decoder.doubt ? { encodingDoubt: decoder.doubt } : {}),
    ...(decoder.nulBytes > 0 ? { nulBytes: decoder.nulBytes } : {}),
    ...(decoder.invalidUtf8Bytes > 0 ? { invalidUtf8Bytes: decoder.invalidUtf8Bytes } : {}),
  };
}

/** An XLSX workbook: from its path, or held in memory from stdin (the format needs random access). */
async function readXlsxInput(file: string, whole: Buffer, opts: TableOptions, sink: RowSink, onSheetRead: (share: number) => void): Promise<TableInfo> {
  // The XLSX reader (and its library) loads only for such files.
  const { readXlsx } = await import('./xlsx.js');
  const source = file === '-' ? { buffer: whole } : { path: await assertReadableFile(file, opts.cwd) };
  try {
    const info = await readXlsx(source, file, opts.sheet, opts.limits, sink, opts.uncalculated, opts.otherSheets, { ...(opts.onDate1904 ? { onDate1904: opts.onDate1904 } : {}), ...(opts.onHiddenColumns ? { onHiddenColumns: opts.onHiddenColumns } : {}), onSheetRead });
    return { type: 'xlsx', sheet: info.sheet, sheets: info.sheets, ...(info.hiddenRows ? { hiddenRows: info.hiddenRows } : {}), ...(info.otherSheets ? { otherSheets: info.otherSheets } : {}), ...(file === '-' ? { held: whole } : {}) };
  } catch (error) {
    if (error instanceof SheetWithoutHeader && file === '-') error.held = whole;
    throw error;
  }
}

/**
 * An Excel «XML Spreadsheet 2003» document: held whole (its worksheets are chosen as a workbook's
 * are, and its text decoded in the encoding its declaration names), up to the size of a workbook
 * read from stdin (--max-inflated-size, if lower, too).
 */
async function readSpreadsheetMlInput(file: string, first: Buffer, chunks: Chunks, kind: { encoding?: Encoding; bomLength: number }, opts: TableOptions, sink: RowSink): Promise<TableInfo> {
  const max = Math.min(opts.limits.maxBufferedInputBytes, opts.limits.maxInflatedBytes);
  // Copies, the first chunk too: the next chunk may be read into the same buffer (see fileChunks).
  const parts = [Buffer.from(first)];
  let held = first.length;
  for (let c = await chunks.next(); c !== undefined; c = await chunks.next()) {
    held += c.length;
    if (held > max) throw UserError.of('E_LIMIT_SIZE', 'input.tooLarge', { max }, { file });
    parts.push(Buffer.from(c));
  }
  if (held > max) throw UserError.of('E_LIMIT_SIZE', 'input.tooLarge', { max }, { file });
  const whole = Buffer.concat(parts);
  // The reader loads only for such files.
  const { readSpreadsheetMl } = await import('./spreadsheetml.js');
  const why = kind.bomLength > 0 ? 'byte order mark' : kind.encoding ? 'UTF-16 byte pattern (every other byte zero)' : undefined;
  try {
    const info = readSpreadsheetMl(whole.subarray(kind.bomLength), file, { ...(kind.encoding ? { encoding: kind.encoding } : {}), ...(opts.encoding ? { given: opts.encoding } : {}), ...(why ? { why } : {}), ...(opts.sheet !== undefined ? { sheet: opts.sheet } : {}), limits: opts.limits, ...(opts.uncalculated ? { uncalculated: opts.uncalculated } : {}), ...(opts.otherSheets ? { others: opts.otherSheets } : {}), ...(opts.onHiddenColumns ? { onHiddenColumns: opts.onHiddenColumns } : {}) }, sink);
    return { type: 'spreadsheetml', encoding: info.encoding as Encoding, encodingWhy: info.encodingWhy, sheet: info.sheet, sheets: info.sheets, ...(info.hiddenRows ? { hiddenRows: info.hiddenRows } : {}), ...(info.otherSheets ? { otherSheets: info.otherSheets } : {}), ...(file === '-' ? { held: whole } : {}) };
  } catch (error) {
    if (error instanceof SheetWithoutHeader && file === '-') error.held = whole;
    throw error;
  }
}

/** How a delimiter is named in a message, and written after --delimiter. */
function delimiterNames(d: string): { name: string; nameRu: string; byRu: string; arg: string } {
  if (d === '\t') return { name: 'a tab', nameRu: 'табуляция', byRu: 'табуляцией', arg: 'tab' };
  return { name: `"${d}"`, nameRu: `«${d}»`, byRu: `«${d}»`, arg: `'${d}'` };
}

/**
 * The delimiter a `sep=` line names, unless the lines under it are split by another and never by it:
 * refused then, naming both and the fixes (no --delimiter was given, which is taken over the line).
 * Followed, a file of `;` under `sep=,` was one column and the run asked for a header it had.
 */
function sepDelimiter(sep: string, text: string, file: string): string {
  const found = sepContradicted(text, sep);
  if (found === undefined) return sep;
  const named = delimiterNames(sep);
  const actual = delimiterNames(found);
  throw UserError.of('E_SEP_LINE', 'read.sepContradicted', { sep, sepName: named.name, sepNameRu: named.nameRu, actualName: actual.name, actualByRu: actual.byRu, actualArg: actual.arg }, { file });
}

/**
 * A --delimiter none of the sample's first lines holds, where they are split by another (tester T75: a
 * comma file given `--delimiter ';'` was one column, and the no-header refusal offered the whole line
 * as the manager): refused, naming both. A one-column file, split by nothing, is read as given.
 */
function givenDelimiterFound(given: string, text: string, file: string): void {
  const lines = text.split(/\r\n|\n|\r/, 30).filter((l) => l.trim() !== '');
  if (lines.length < 2 || lines.some((l) => l.includes(given))) return;
  const found = detectDelimiter(text);
  if (found === given || !lines.every((l) => l.includes(found))) return;
  const named = delimiterNames(given);
  const actual = delimiterNames(found);
  throw UserError.of('E_USAGE', 'read.delimiterAbsent', { givenArg: named.arg, givenName: named.name, givenNameRu: named.nameRu, actualName: actual.name, actualByRu: actual.byRu, actualArg: actual.arg }, { file });
}

/** Delimited text, parsed as bytes: the first 64 KB are held back to find the delimiter (and a `sep=` line). */
class DelimitedText {
  private readonly head: Buffer[] = [];
  private headBytes = 0;
  private parser: CsvParser | undefined;
  private delimiter: string | undefined;

  constructor(
    private readonly file: string,
    private readonly opts: TableOptions,
    private readonly sink: RowSink,
    private readonly decoder: ExportDecoder,
  ) {
    this.delimiter = opts.part?.delimiter ?? opts.delimiter;
  }

  get atRecordEnd(): boolean {
    return this.parser !== undefined && this.parser.atRecordEnd;
  }

  get nextLine(): number {
    return this.parser?.nextLine ?? 1;
  }

  get nextRow(): number {
    return this.parser?.nextRow ?? 1;
  }

  feed(bytes: Buffer): void {
    if (bytes.length === 0) return;
    if (this.parser) return this.parser.push(bytes);
    this.head.push(bytes);
    this.headBytes += bytes.length;
    // A part of a file comes with its delimiter: nothing to detect, nothing to hold back.
    // One chunk (always, for a part of a file) is read where it is: the parser copies only what it keeps.
    if (this.headBytes >= DELIMITER_SAMPLE_BYTES || this.opts.part) this.start(this.head.length === 1 ? bytes : Buffer.concat(this.head));
    // Held back: a copy, as the next chunk may be read into the same buffer (see fileChunks).
    else this.head[this.head.length - 1] = Buffer.from(bytes);
  }

  end(): TableInfo {
    if (!this.parser) this.start(Buffer.concat(this.head));
    this.parser!.end();
    const { swallowed, unterminatedRow } = this.parser!;
    return { type: 'text', ...encodingInfo(this.decoder), delimiter: this.delimiter, ...(swallowed ? { swallowed } : {}), ...(unterminatedRow !== undefined ? { unterminatedRow } : {}) };
  }

  private start(bytes: Buffer): void {
    const { opts, file, decoder } = this;
    if (opts.part) {
      this.parser = new CsvParser(this.delimiter!.charCodeAt(0), this.sink, file, opts.limits, decoder);
      return this.parser.push(bytes);
    }
    let body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
    const sample = decoder.decode(body, 0, Math.min(body.length, DELIMITER_SAMPLE_BYTES));
    const sep = /^"?sep=(.)"?[^\S\r\n]*(\r\n|\n|\r)/i.exec(sample);
    let text = sample;
    if (sep) {
      body = body.subarray(Buffer.byteLength(sep[0]));
      text = sample.slice(sep[0].length);
      if (this.delimiter === undefined) this.delimiter = sepDelimiter(sep[1]!, text, file);
    }
    if (this.delimiter !== undefined && !opts.part) givenDelimiterFound(this.delimiter, text, file);
    const delimiter = (this.delimiter ??= detectDelimiter(text));
    const code = delimiter.charCodeAt(0);
    if (delimiter.length !== 1 || code > 127 || code === 34 || code === 10 || code === 13) {
      throw UserError.of('E_USAGE', 'read.badDelimiter', { delimiter: JSON.stringify(delimiter) }, { file });
    }
    this.parser = new CsvParser(code, this.sink, file, opts.limits, decoder);
    opts.onFormat?.({ delimiter, encoding: decoder.encoding });
    if (sep) this.parser.skipLines(1);
    this.parser.push(body);
  }
}
