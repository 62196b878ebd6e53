import { appendFileSync, mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileChunks, openInput, readDocument } from '../../../src/io/read/files.js';
import { UserError } from '../../../src/core/errors.js';
import { cp1251 } from '../../fixtures/exports.js';

const MB = 1 << 20;

/** A file of `n` bytes whose byte i is i * 7 mod 251 (no run repeats at a chunk's length). */
function patterned(n: number): { file: string; bytes: Buffer } {
  const bytes = Buffer.alloc(n);
  for (let i = 0; i < n; i++) bytes[i] = (i * 7) % 251;
  const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'crm-audit-chunks-')), 'data.bin');
  writeFileSync(file, bytes);
  return { file, bytes };
}

describe('fileChunks (the next chunk read while this one is used)', () => {
  it('gives the bytes of a range in order, each chunk copied before the next is asked for', async () => {
    const { file, bytes } = patterned(3 * MB + 12345);
    for (const [start, end] of [
      [0, bytes.length],
      [100, 2 * MB + 7],
      [MB, MB + 1],
      [5, 5],
      [0, Infinity],
    ] as const) {
      const parts: Buffer[] = [];
      for await (const chunk of fileChunks(file, start, end)) parts.push(Buffer.from(chunk));
      expect(Buffer.concat(parts).equals(bytes.subarray(start, Math.min(end, bytes.length)))).toBe(true);
      expect(parts.every((p) => p.length <= MB)).toBe(true);
    }
  });

  it('keeps a chunk intact while the caller works on it (the read ahead goes to the other buffer)', async () => {
    const { file, bytes } = patterned(4 * MB);
    let at = 0;
    for await (const chunk of fileChunks(file, 0, bytes.length)) {
      // Let the read ahead finish before the chunk is compared.
      await new Promise((resolve) => setTimeout(resolve, 5));
      expect(chunk.equals(bytes.subarray(at, at + chunk.length))).toBe(true);
      at += chunk.length;
    }
    expect(at).toBe(bytes.length);
  });

  it('closes cleanly when the caller stops early, with a read still under way', async () => {
    const { file } = patterned(3 * MB);
    let seen = 0;
    for await (const chunk of fileChunks(file, 0, Infinity)) {
      seen += chunk.length;
      break;
    }
    expect(seen).toBe(MB);
  });
});

describe('readDocument (a --map, answers or config file as Notepad saves it)', () => {
  const yaml = 'deals:\n  status: { "Оплачено": won }\n';
  const saved = (bytes: Buffer) => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'crm-audit-doc-'));
    writeFileSync(path.join(dir, 'map.yaml'), bytes);
    return readDocument('map.yaml', dir, process.stdin);
  };

  it('reads UTF-8 with or without its BOM, Windows-1251 («ANSI»), and UTF-16 with its BOM («Unicode») as the same text', async () => {
    expect(await saved(Buffer.from(yaml))).toBe(yaml);
    expect(await saved(Buffer.concat([Buffer.of(0xef, 0xbb, 0xbf), Buffer.from(yaml)]))).toBe(yaml);
    expect(await saved(cp1251(yaml))).toBe(yaml);
    expect(await saved(Buffer.concat([Buffer.of(0xff, 0xfe), Buffer.from(yaml, 'utf16le')]))).toBe(yaml);
    const be = Buffer.from(yaml, 'utf16le');
    be.swap16();
    expect(await saved(Buffer.concat([Buffer.of(0xfe, 0xff), be]))).toBe(yaml);
  });

  it('UTF-8 with a stray byte of another code page (a Latin-1 letter pasted into a comment) stays UTF-8, wherever the byte stands', async () => {
    for (const at of ['start', 'end']) {
      const stray = Buffer.concat([Buffer.from(yaml), Buffer.from('# caf'), Buffer.of(0xe9), Buffer.from(at === 'end' ? '' : '\n# ещё\n')]);
      const text = await saved(stray);
      expect(text.startsWith(yaml), at).toBe(true);
      expect(text).toContain('caf\ufffd');
    }
  });

  it('still refuses binary bytes, in UTF-16 too', async () => {
    for (const bytes of [Buffer.of(0x61, 0x00, 0x01, 0x02), Buffer.concat([Buffer.of(0xff, 0xfe), Buffer.from('a\u0001b', 'utf16le')])]) {
      const error = await saved(bytes).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UserError);
      expect((error as UserError).code).toBe('E_BINARY');
    }
  });
});

describe('readDocument of a pipe', () => {
  it('reads it once, whole, and gives the same text when asked again (a pipe read again is empty)', async () => {
    const { execFileSync } = await import('node:child_process');
    const { writeFile } = await import('node:fs/promises');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'crm-audit-doc-fifo-'));
    execFileSync('mkfifo', [path.join(dir, 'map.fifo')]);
    const [text] = await Promise.all([readDocument('map.fifo', dir, process.stdin), writeFile(path.join(dir, 'map.fifo'), 'deals:\n  columns:\n    amount: "Стоимость"\n')]);
    expect(text).toBe('deals:\n  columns:\n    amount: "Стоимость"\n');
    expect(await readDocument('map.fifo', dir, process.stdin)).toBe(text);
  });

  // Tester T56 H2: opened for reading, a named pipe nobody writes to waited in the open for good, past Ctrl+C and SIGTERM.
  it('refuses a named pipe nothing writes to, after waiting a moment for a writer', async () => {
    const { execFileSync } = await import('node:child_process');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'crm-audit-doc-fifo-'));
    execFileSync('mkfifo', [path.join(dir, 'nobody.fifo')]);
    const error = await readDocument('nobody.fifo', dir, process.stdin).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).messageId).toBe('doc.pipeEmpty');
  });

  // Review R47: the pipe's first read (up to 64 KB) was not counted toward the size limit.
  it('counts every byte of a pipe toward the size limit', async () => {
    const { execFileSync } = await import('node:child_process');
    const { writeFile } = await import('node:fs/promises');
    const dir = mkdtempSync(path.join(os.tmpdir(), 'crm-audit-doc-fifo-'));
    execFileSync('mkfifo', [path.join(dir, 'big.fifo')]);
    const [error] = await Promise.all([readDocument('big.fifo', dir, process.stdin, 10).catch((e: unknown) => e), writeFile(path.join(dir, 'big.fifo'), 'deals:\n  columns:\n    amount: "Стоимость"\n')]);
    expect((error as UserError).code).toBe('E_LIMIT_SIZE');
  });

  it('refuses a device with the hint to save the document to a file', async () => {
    const error = await readDocument('/dev/null', '/', process.stdin).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).messageId).toBe('doc.notRegular');
  });
});

// Tester T44: a file still being written (a download, a copy) was read to a moving end, 300 000 deals read as 380 000.
describe('a file that changes while it is read', () => {
  it('is read to the size it had when opened, then refused naming both sizes', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'crm-audit-grow-'));
    const file = path.join(dir, 'deals.csv');
    writeFileSync(file, 'id,manager\n1,A\n');
    const { stream } = await openInput('deals.csv', dir, process.stdin);
    const it = (stream as AsyncIterable<Buffer>)[Symbol.asyncIterator]();
    expect((await it.next()).value?.toString()).toBe('id,manager\n1,A\n');
    appendFileSync(file, '2,B\n');
    const error = await it.next().then(() => undefined, (e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).messageId).toBe('file.changed');
    expect((error as UserError).params).toMatchObject({ before: 15, after: 19 });
    expect((error as UserError).where.file).toBe('deals.csv');
  });

  it('a file left as it was reads to its end without a word', async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'crm-audit-grow-'));
    writeFileSync(path.join(dir, 'deals.csv'), 'id,manager\n1,A\n');
    const { stream } = await openInput('deals.csv', dir, process.stdin);
    const chunks: Buffer[] = [];
    for await (const c of stream as AsyncIterable<Buffer>) chunks.push(Buffer.from(c));
    expect(Buffer.concat(chunks).toString()).toBe('id,manager\n1,A\n');
  });
});
