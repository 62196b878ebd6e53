import { isUtf8 } from 'node:buffer';
import { TextDecoder } from 'node:util';
import { UserError } from '../../core/errors.js';
import type { CellText } from './csv.js';
import type { Encoding } from './sniff.js';

/**
 * Reads exports of unknown encoding. ASCII reads the same in every candidate, so the choice waits
 * for the first non-ASCII bytes: strict UTF-8 if they are valid UTF-8, else Windows-1251
 * (byte-frequency guessing is unreliable for Cyrillic). Bytes that make sense in neither (control
 * characters, NULs) are refused as binary.
 *
 * Two ways to use it: `write` decodes chunks to text (HTML), and `bytes` checks chunks and passes them
 * on as bytes in an ASCII-compatible encoding (UTF-16 is re-encoded as UTF-8), for the byte-level CSV
 * parser; `decode` then turns a cell's bytes into text.
 */
export class ExportDecoder implements CellText {
  private decoder: TextDecoder | undefined;
  private offset = 0;
  /** An incomplete UTF-8 sequence at the end of the last chunk (byte mode). */
  private tail: Buffer | undefined;
  encoding: Encoding | undefined;

  constructor(
    private readonly file: string,
    encoding?: Encoding,
  ) {
    if (encoding) this.choose(encoding);
  }

  /** Decodes the next chunk; returns the text that is ready. */
  write(chunk: Uint8Array): string {
    if (!this.decoder) {
      const firstHigh = this.scanAscii(chunk);
      if (firstHigh === -1) {
        this.offset += chunk.length;
        return latin(chunk, 0, chunk.length);
      }
      this.choose(isUtf8Prefix(chunk.subarray(firstHigh)) ? 'utf-8' : 'windows-1251');
    }
    return this.decodeChunk(chunk, true);
  }

  /** Flushes what is left; an incomplete UTF-8 sequence at the end is an error. */
  end(): string {
    if (this.tail) this.invalidUtf8();
    if (!this.decoder) return '';
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
    if (this.encoding === 'utf-16le' || this.encoding === 'utf-16be') return Buffer.from(this.decodeChunk(chunk, !final), 'utf8');
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
        this.held = chunk;
        return EMPTY;
      }
      this.choose(isUtf8Prefix(chunk.subarray(firstHigh)) ? 'utf-8' : 'windows-1251');
    }
    if (this.encoding === 'windows-1251') this.checkControl(chunk);
    else this.checkUtf8(chunk);
    this.offset += chunk.length;
    return chunk;
  }

  /** Ends byte mode: the bytes held back, the UTF-16 decoder's rest, or an error for an incomplete UTF-8 sequence. */
  endBytes(): Buffer {
    const held = this.held;
    this.held = undefined;
    const rest = held ? this.bytes(held, true) : EMPTY;
    if (this.tail) this.invalidUtf8();
    if (this.encoding === 'utf-16le' || this.encoding === 'utf-16be') return Buffer.from(this.decodeChunk(new Uint8Array(0), false), 'utf8');
    return rest;
  }

  get utf8(): boolean {
    return this.encoding !== 'windows-1251';
  }

  /** A cell's text (byte mode). */
  decode(buf: Buffer, start: number, end: number): string {
    if (this.encoding === 'windows-1251') {
      for (let i = start; i < end; i++) if (buf[i]! >= 0x80) return cp1251.decode(buf.subarray(start, end));
      return (buf as unknown as Slices).latin1Slice(start, end);
    }
    return (buf as unknown as Slices).utf8Slice(start, end);
  }

  private choose(encoding: Encoding): void {
    this.encoding = encoding;
    this.decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8' });
  }

  /** Refuses control bytes; returns the index of the first non-ASCII byte, or -1. */
  private scanAscii(bytes: Uint8Array): number {
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i]!;
      if (b >= 0x80) return i;
      if (b < 0x20 && (b < 0x09 || (b > 0x0d && b !== 0x1b))) this.refuseBinary(this.offset + i);
    }
    return -1;
  }

  private decodeChunk(chunk: Uint8Array, stream: boolean): string {
    if (this.encoding === 'windows-1251') this.checkControl(chunk);
    try {
      const text = this.decoder!.decode(chunk, { stream });
      this.offset += chunk.length;
      if (this.encoding === 'utf-8' && text.includes('\u0000')) this.refuseBinary();
      return text;
    } catch {
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
      if (!isUtf8(Buffer.concat([this.tail, chunk.subarray(0, need)]))) this.invalidUtf8();
      this.tail = undefined;
      data = chunk.subarray(need);
    }
    let cut = data.length;
    let j = data.length - 1;
    while (j >= 0 && data.length - j < 4 && (data[j]! & 0xc0) === 0x80) j--;
    if (j >= 0 && data[j]! >= 0xc0 && data.length - j < sequenceLength(data[j]!)) cut = j;
    if (!isUtf8(cut === data.length ? data : data.subarray(0, cut))) this.invalidUtf8();
    if (cut < data.length) this.tail = Buffer.from(data.subarray(cut));
    const nul = data.indexOf(0);
    if (nul !== -1) this.refuseBinary(this.offset + (chunk.length - data.length) + nul);
  }

  private checkControl(bytes: Uint8Array): void {
    for (let i = 0; i < bytes.length; i++) {
      const b = bytes[i]!;
      if ((b < 0x20 && (b < 0x09 || (b > 0x0d && b !== 0x1b))) || b === 0x98) this.refuseBinary(this.offset + i);
    }
  }

  private invalidUtf8(): never {
    throw new UserError(
      'E_ENCODING',
      `the text is not valid UTF-8 after byte ${this.offset} although it started as UTF-8 (mixed encodings)`,
      { file: this.file },
      'save the export again as CSV UTF-8, or as Windows-1251 throughout',
    );
  }

  private refuseBinary(at?: number): never {
    throw new UserError(
      'E_BINARY',
      `this is not a text export: it holds binary bytes${at !== undefined ? ` (first at byte ${at})` : ''} that are neither UTF-8 nor Windows-1251 text`,
      { file: this.file },
      'export the data again as CSV or XLSX from the CRM',
    );
  }
}

const cp1251 = new TextDecoder('windows-1251');
const SAMPLE_BYTES = 64 * 1024;
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
