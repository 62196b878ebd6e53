import { UserError } from '../core/errors.js';
import { TextDecoder } from 'node:util';
import type { Encoding } from './sniff.js';

/**
 * A streaming text decoder for exports of unknown encoding. ASCII reads the same in every candidate,
 * so the choice waits for the first non-ASCII bytes: strict UTF-8 if they are valid UTF-8, else
 * Windows-1251 (byte-frequency guessing is unreliable for Cyrillic). Bytes that make sense in neither
 * (control characters, NULs) are refused as binary.
 */
export class ExportDecoder {
  private decoder: TextDecoder | undefined;
  private offset = 0;
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
      const firstHigh = chunk.findIndex((b) => b >= 0x80);
      if (firstHigh === -1) {
        this.checkControl(chunk, 0, chunk.length);
        this.offset += chunk.length;
        return latin(chunk);
      }
      this.choose(isUtf8Prefix(chunk.subarray(firstHigh)) ? 'utf-8' : 'windows-1251');
    }
    return this.decodeChunk(chunk, true);
  }

  /** Flushes what is left; an incomplete UTF-8 sequence at the end is an error. */
  end(): string {
    if (!this.decoder) return '';
    return this.decodeChunk(new Uint8Array(0), false);
  }

  private choose(encoding: Encoding): void {
    this.encoding = encoding;
    this.decoder = new TextDecoder(encoding, { fatal: encoding === 'utf-8' });
  }

  private decodeChunk(chunk: Uint8Array, stream: boolean): string {
    if (this.encoding === 'windows-1251') this.checkControl(chunk, 0, chunk.length);
    try {
      const text = this.decoder!.decode(chunk, { stream });
      this.offset += chunk.length;
      if (this.encoding === 'utf-8' && text.includes('\u0000')) this.refuseBinary();
      return text;
    } catch {
      throw new UserError(
        'E_ENCODING',
        `the text is not valid UTF-8 after byte ${this.offset} although it started as UTF-8 (mixed encodings)`,
        { file: this.file },
        'save the export again as CSV UTF-8, or as Windows-1251 throughout',
      );
    }
  }

  private checkControl(bytes: Uint8Array, from: number, to: number): void {
    for (let i = from; i < to; i++) {
      const b = bytes[i]!;
      if (b < 0x09 || (b > 0x0d && b < 0x20 && b !== 0x1b) || b === 0x98) this.refuseBinary(this.offset + i);
    }
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

function latin(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
}

/** True when bytes (possibly cut mid-character at the end) are valid UTF-8. */
export function isUtf8Prefix(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 64 * 1024);
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: true });
    return true;
  } catch {
    return false;
  }
}
