import { CsvParser, detectDelimiter, type RowSink } from './csv.js';
import { ExportDecoder } from './decode.js';
import { assertReadableFile, fsError, openInput, readAll } from './files.js';
import { HtmlTableParser } from './html.js';
import type { Limits } from './limits.js';
import { sniff, type Encoding, type FileType } from './sniff.js';
import { readXlsx } from './xlsx.js';

export interface TableOptions {
  cwd: string;
  stdin: NodeJS.ReadableStream;
  limits: Limits;
  /** Forces the delimiter of delimited text. */
  delimiter?: string;
  /** XLSX sheet name or 1-based index. */
  sheet?: string;
  /** Called as bytes are read, for a progress line. */
  onProgress?: (bytesRead: number, totalBytes: number | undefined) => void;
}

/** How a file was read: what `inspect` shows. */
export interface TableInfo {
  type: FileType;
  encoding?: Encoding | undefined;
  delimiter?: string;
  sheet?: string;
  sheets?: string[];
}

const DELIMITER_SAMPLE_CHARS = 64 * 1024;

/** Reads any supported export (`-` for stdin) and streams its rows, whatever the format and encoding. */
export async function readTable(file: string, opts: TableOptions, sink: RowSink): Promise<TableInfo> {
  const { stream, size } = await openInput(file, opts.cwd, opts.stdin);
  const iterator = (stream as AsyncIterable<Buffer | string>)[Symbol.asyncIterator]();
  let read = 0;
  const nextChunk = async (): Promise<Buffer | undefined> => {
    let r: IteratorResult<Buffer | string>;
    try {
      r = await iterator.next();
    } catch (error) {
      throw fsError(error as NodeJS.ErrnoException, file);
    }
    if (r.done) return undefined;
    const buf = typeof r.value === 'string' ? Buffer.from(r.value) : r.value;
    read += buf.length;
    opts.onProgress?.(read, size);
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
  const kind = sniff(first, file);

  if (kind.type === 'xlsx') {
    await iterator.return?.();
    if (file === '-') {
      const rest = await readAll(opts.stdin, opts.limits.maxBufferedInputBytes - first.length, file);
      const info = await readXlsx({ buffer: Buffer.concat([first, rest]) }, file, opts.sheet, opts.limits, sink);
      return { type: 'xlsx', sheet: info.sheet, sheets: info.sheets };
    }
    const info = await readXlsx({ path: await assertReadableFile(file, opts.cwd) }, file, opts.sheet, opts.limits, sink);
    return { type: 'xlsx', sheet: info.sheet, sheets: info.sheets };
  }

  const decoder = new ExportDecoder(file, kind.encoding);
  const chunks = async function* (): AsyncGenerator<string> {
    yield decoder.write(first!.subarray(kind.bomLength));
    for (let c = await nextChunk(); c !== undefined; c = await nextChunk()) yield decoder.write(c);
    yield decoder.end();
  };

  if (kind.type === 'html') {
    const parser = new HtmlTableParser(sink, file, opts.limits);
    for await (const text of chunks()) parser.write(text);
    parser.end();
    return { type: 'html', encoding: decoder.encoding ?? 'utf-8' };
  }

  // Delimited text: hold back the first 64 KB to find the delimiter (and a `sep=` line).
  let head = '';
  let parser: CsvParser | undefined;
  let delimiter = opts.delimiter;
  const start = (text: string) => {
    let body = text.replace(/^\uFEFF/, '');
    const sep = /^"?sep=(.)"?[^\S\r\n]*(\r\n|\n|\r)/i.exec(body);
    if (sep) {
      delimiter ??= sep[1];
      body = body.slice(sep[0].length);
    }
    delimiter ??= detectDelimiter(body.slice(0, DELIMITER_SAMPLE_CHARS));
    parser = new CsvParser(delimiter, sink, file, opts.limits);
    if (sep) parser.skipLines(1);
    parser.push(body);
  };
  for await (const text of chunks()) {
    if (parser) {
      parser.push(text);
      continue;
    }
    head += text;
    if (head.length >= DELIMITER_SAMPLE_CHARS) start(head);
  }
  if (!parser) start(head);
  parser!.end();
  return { type: 'text', encoding: decoder.encoding ?? 'utf-8', delimiter };
}
