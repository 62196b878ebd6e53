import { UserError } from '../core/errors.js';
import { CsvParser, detectDelimiter, type RowSink } from './csv.js';
import { ExportDecoder } from './decode.js';
import { assertReadableFile, fsError, openInput, readAll } from './files.js';
import type { Limits } from './limits.js';
import { sniff, type Encoding, type FileType } from './sniff.js';

export interface TableOptions {
  cwd: string;
  stdin: NodeJS.ReadableStream;
  limits: Limits;
  /** Forces the delimiter of delimited text. */
  delimiter?: string;
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
  stopAt?: { at?: number; onBoundary: (state: { clean: boolean; nextLine: number }) => void };
  /** The file's bytes from `part.from` on, read by the caller (the worker's claimed chunks: see takeover.ts). */
  source?: AsyncIterable<Buffer>;
  /** Reads delimited text from byte `from` on, in a known format: no sniffing, BOM, `sep=` or delimiter detection. */
  part?: { from: number; delimiter: string; encoding?: Encoding };
  /** Called when delimited text starts to be parsed, with its delimiter and (if known yet) encoding. */
  onFormat?: (format: { delimiter: string; encoding: Encoding | undefined }) => void;
}

/** How a file was read: what `inspect` shows. */
export interface TableInfo {
  type: FileType;
  encoding?: Encoding | undefined;
  delimiter?: string;
  sheet?: string;
  sheets?: string[];
}

const DELIMITER_SAMPLE_BYTES = 64 * 1024;

/** Reads any supported export (`-` for stdin) and streams its rows, whatever the format and encoding. */
export async function readTable(file: string, opts: TableOptions, byteSink: RowSink): Promise<TableInfo> {
  const sink: RowSink = opts.textRows ? (row, line) => byteSink(Array.isArray(row) ? row : row.cells(), line) : byteSink;
  const stopAt = file === '-' ? undefined : opts.stopAt;
  const { stream, size } = opts.source ? { stream: opts.source, size: undefined } : await openInput(file, opts.cwd, opts.stdin, { start: opts.part?.from, end: stopAt?.at });
  const iterator = (stream as AsyncIterable<Buffer | string>)[Symbol.asyncIterator]();
  let read = 0;
  const about = { file, part: stopAt?.at !== undefined };
  let parser: CsvParser | undefined;
  const next = async (): Promise<IteratorResult<Buffer | string>> => {
    try {
      return await iterator.next();
    } catch (error) {
      throw fsError(error as NodeJS.ErrnoException, file);
    }
  };
  const nextChunk = async (): Promise<Buffer | undefined> => {
    const r = await next();
    if (r.done) return undefined;
    const buf = typeof r.value === 'string' ? Buffer.from(r.value) : r.value;
    read += buf.length;
    // A first part read here while a worker reads the rest counts against the part, so it reaches 100%.
    opts.onProgress?.(read, stopAt?.at !== undefined ? stopAt.at - (opts.part?.from ?? 0) : size, about);
    return buf;
  };
  let first = await nextChunk();
  if (first === undefined) first = Buffer.alloc(0);
  // Make sure the sniffer sees enough bytes even when a pipe delivers them in tiny pieces.
  while (first.length < 4096) {
    const more = await nextChunk();
    if (more === undefined) break;
    first = Buffer.concat([first, more]);
  }
  const kind = opts.part ? { type: 'text' as const, encoding: opts.part.encoding, bomLength: 0 } : sniff(first, file);

  if (kind.type === 'xlsx') {
    await iterator.return?.();
    // The XLSX and HTML readers (and their libraries) load only for such files: most runs read CSV.
    const { readXlsx } = await import('./xlsx.js');
    if (file === '-') {
      const rest = await readAll(opts.stdin, opts.limits.maxBufferedInputBytes - first.length, file);
      const info = await readXlsx({ buffer: Buffer.concat([first, rest]) }, file, opts.sheet, opts.limits, sink);
      return { type: 'xlsx', sheet: info.sheet, sheets: info.sheets };
    }
    const info = await readXlsx({ path: await assertReadableFile(file, opts.cwd) }, file, opts.sheet, opts.limits, sink);
    return { type: 'xlsx', sheet: info.sheet, sheets: info.sheets };
  }

  const decoder = new ExportDecoder(file, kind.encoding);
  if (kind.type === 'html') {
    const { HtmlTableParser } = await import('./html.js');
    const parser = new HtmlTableParser(sink, file, opts.limits);
    parser.write(decoder.write(first.subarray(kind.bomLength)));
    for (let c = await nextChunk(); c !== undefined; c = await nextChunk()) parser.write(decoder.write(c));
    parser.write(decoder.end());
    parser.end();
    return { type: 'html', encoding: decoder.encoding ?? 'utf-8' };
  }

  // Delimited text, parsed as bytes: hold back the first 64 KB to find the delimiter (and a `sep=` line).
  const head: Buffer[] = [];
  let headBytes = 0;
  let delimiter = opts.part?.delimiter ?? opts.delimiter;
  const start = (bytes: Buffer) => {
    if (opts.part) {
      parser = new CsvParser(delimiter!.charCodeAt(0), sink, file, opts.limits, decoder);
      return parser.push(bytes);
    }
    let body = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? bytes.subarray(3) : bytes;
    const sample = decoder.decode(body, 0, Math.min(body.length, DELIMITER_SAMPLE_BYTES));
    const sep = /^"?sep=(.)"?[^\S\r\n]*(\r\n|\n|\r)/i.exec(sample);
    let text = sample;
    if (sep) {
      delimiter ??= sep[1];
      body = body.subarray(Buffer.byteLength(sep[0]));
      text = sample.slice(sep[0].length);
    }
    delimiter ??= detectDelimiter(text);
    const code = delimiter.charCodeAt(0);
    if (delimiter.length !== 1 || code > 127 || code === 34 || code === 10 || code === 13) {
      throw new UserError('E_USAGE', `the delimiter ${JSON.stringify(delimiter)} cannot be used: it must be one ASCII character other than a quote or a line break`, { file }, 'pass --delimiter with one of ; , | or tab');
    }
    parser = new CsvParser(code, sink, file, opts.limits, decoder);
    opts.onFormat?.({ delimiter, encoding: decoder.encoding });
    if (sep) parser.skipLines(1);
    parser.push(body);
  };
  const feed = (bytes: Buffer) => {
    if (bytes.length === 0) return;
    if (parser) return parser.push(bytes);
    head.push(bytes);
    headBytes += bytes.length;
    // A part of a file comes with its delimiter: nothing to detect, nothing to hold back.
    if (headBytes >= DELIMITER_SAMPLE_BYTES || opts.part) start(Buffer.concat(head));
  };
  feed(decoder.bytes(first.subarray(kind.bomLength)));
  for (let c = await nextChunk(); c !== undefined; c = await nextChunk()) feed(decoder.bytes(c));
  // Every byte up to the stop is in: the record and the encoding decision must both be complete there.
  stopAt?.onBoundary({ clean: parser !== undefined && parser.atRecordEnd && !decoder.holding, nextLine: parser?.nextLine ?? 1 });
  feed(decoder.endBytes());
  if (!parser) start(Buffer.concat(head));
  parser!.end();
  return { type: 'text', encoding: decoder.encoding ?? 'utf-8', delimiter };
}
