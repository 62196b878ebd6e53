import { closeSync, constants as fsConstants, existsSync, fstatSync, openSync, readSync, statSync, promises as fs, type Stats } from 'node:fs';
import { Socket } from 'node:net';
import path from 'node:path';
import { UserError } from '../../core/errors.js';
import { osReason } from '../../core/messages/os-errors.js';
import { isUtf8 } from 'node:buffer';
import { isControlByte, singleByteDecoder, utf8Sequences } from './decode.js';
import { utf16Bom } from './sniff.js';

/**
 * What a run says when an input named `-` is first read from stdin: set by the CLI on a terminal's
 * stdin (a run waiting on a terminal said nothing, and looked hung: a tester), said once by announceStdin.
 */
export const STDIN_NOTICE = Symbol('crm-audit.stdinNotice');

/** A stream a notice may be set on (STDIN_NOTICE). */
export type AnnouncingStream = NodeJS.ReadableStream & { [STDIN_NOTICE]?: () => void };

/** Says, once, what the run set to say when stdin is first read (nothing where nothing was set). */
export function announceStdin(stream: NodeJS.ReadableStream): void {
  const s = stream as AnnouncingStream;
  const say = s[STDIN_NOTICE];
  if (!say) return;
  delete s[STDIN_NOTICE];
  say();
}

/**
 * Whether two inputs are one file: by device and inode (a link, `./`, another case on a case-insensitive
 * disk), `-` being the file stdin is redirected from (`… - < deals.csv`); by their resolved paths where
 * either cannot be looked at (missing: the read says so). A pipe on stdin is no file: nothing of it is read.
 */
export function sameInputFile(one: string, two: string, stdin: NodeJS.ReadableStream, cwd: string): boolean {
  if (one === '-' && two === '-') return true;
  const [a, b] = [inputStat(one, stdin, cwd), inputStat(two, stdin, cwd)];
  if (a && b) return a.isFile() && b.isFile() && a.dev === b.dev && a.ino === b.ino;
  return one !== '-' && two !== '-' && path.resolve(cwd, one) === path.resolve(cwd, two);
}

/** An input's file status: a path's, or for `-` that of the descriptor stdin reads; undefined where there is none. */
function inputStat(file: string, stdin: NodeJS.ReadableStream, cwd: string): Stats | undefined {
  const fd = (stdin as { fd?: unknown }).fd;
  try {
    if (file !== '-') return statSync(path.resolve(cwd, file));
    return typeof fd === 'number' ? fstatSync(fd) : undefined;
  } catch {
    return undefined;
  }
}

/** Largest YAML/JSON document we read whole (questionnaires, answers, configs, maps). */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

/** Checks that `file` is a readable regular file, turning fs errors into user errors that say what to do. */
export async function assertReadableFile(file: string, cwd: string): Promise<string> {
  const full = path.resolve(cwd, file);
  let stat;
  try {
    stat = await fs.stat(full);
  } catch (error) {
    throw fsError(error as NodeJS.ErrnoException, file);
  }
  if (stat.isDirectory()) throw UserError.of('E_INPUT_DIR', 'file.folder', {}, { file });
  if (!stat.isFile()) throw UserError.of('E_INPUT_TYPE', 'file.notRegular', {}, { file });
  try {
    await fs.access(full, fs.constants.R_OK);
  } catch (error) {
    throw fsError(error as NodeJS.ErrnoException, file);
  }
  return full;
}

/**
 * The documents read from a pipe, by the pipe (its path, device and inode): a pipe is read once, and
 * reading it again would find it empty.
 */
const pipedDocuments = new Map<string, string>();

/**
 * Reads a whole small document (YAML/JSON) as text (documentText: UTF-8, UTF-16, a Windows code page), with a size limit; `-` reads stdin.
 * A pipe (`--map <(…)`, a named pipe) is read once, as stdin is: a document is read whole, once (an
 * export is read more than once, so its pipe is refused). A device is refused, saying to save the document to a file.
 */
export async function readDocument(file: string, cwd: string, stdin: NodeJS.ReadableStream, maxBytes = MAX_DOCUMENT_BYTES): Promise<string> {
  if (file === '-') return documentText(await readAll(stdin, maxBytes, file), file);
  const piped = await pipeOf(file, cwd);
  if (piped) {
    const held = pipedDocuments.get(piped.key);
    if (held !== undefined) return held;
    const text = documentText(await readPipe(piped.full, maxBytes, file), file);
    pipedDocuments.set(piped.key, text);
    return text;
  }
  const full = await assertReadableFile(file, cwd);
  const stat = await fs.stat(full);
  if (stat.size > maxBytes) {
    throw UserError.of('E_LIMIT_SIZE', 'file.tooLarge', { size: stat.size, max: maxBytes }, { file });
  }
  let bytes: Buffer;
  try {
    bytes = await fs.readFile(full);
  } catch (error) {
    throw fsError(error as NodeJS.ErrnoException, file);
  }
  return documentText(bytes, file);
}

/**
 * A pipe's bytes, read without blocking: opened for reading, a named pipe nobody writes to waited in
 * the open for good, and neither Ctrl+C nor SIGTERM ended the run (it said «Прервано» and stayed:
 * tester T56 H2). Opened non-blocking, such a pipe reads as empty at once, and is said so; a
 * process substitution's pipe (`--map <(…)`) has its writer and is read to its end, as before.
 */
async function readPipe(full: string, maxBytes: number, file: string): Promise<Buffer> {
  let fd: number;
  try {
    fd = openSync(full, fsConstants.O_RDONLY | fsConstants.O_NONBLOCK);
  } catch (error) {
    throw fsError(error as NodeJS.ErrnoException, file);
  }
  // A read says which pipe this is: bytes, EAGAIN (a writer that has not written yet: waited for), or an
  // end: nothing writes to it yet (Linux never wakes a reader of a pipe no writer opened). A writer
  // waiting in its own open (`cat map.yaml > map.fifo &`) opens a moment after this one: it is given
  // PIPE_WRITER_WAIT_MS to, then the pipe is refused as empty.
  const first = Buffer.alloc(1 << 16);
  let n = 0;
  for (let waited = 0; ; waited += PIPE_POLL_MS) {
    try {
      n = readSync(fd, first, 0, first.length, null);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EAGAIN') {
        closeSync(fd);
        throw fsError(error as NodeJS.ErrnoException, file);
      }
      n = -1;
    }
    if (n !== 0 || waited >= PIPE_WRITER_WAIT_MS) break;
    await new Promise((resolve) => setTimeout(resolve, PIPE_POLL_MS));
  }
  if (n === 0) {
    closeSync(fd);
    throw UserError.of('E_INPUT_TYPE', 'doc.pipeEmpty', { seconds: PIPE_WRITER_WAIT_MS / 1000 }, { file });
  }
  const rest = await readAll(new Socket({ fd, readable: true, writable: false }), maxBytes, file);
  // The first read's bytes count toward the limit too (review R47: 64 KB past it were let through).
  if (Math.max(n, 0) + rest.length > maxBytes) throw UserError.of('E_LIMIT_SIZE', 'input.tooLarge', { max: maxBytes }, { file });
  return n > 0 ? Buffer.concat([first.subarray(0, n), rest]) : rest;
}

/** How long a named pipe's writer is waited for (readPipe), and how often it is looked for. */
const PIPE_WRITER_WAIT_MS = 3000;
const PIPE_POLL_MS = 20;

/** A document's path when it is a pipe (or a socket), with the key it is held by; undefined for anything else (assertReadableFile says what). A device is refused here. */
async function pipeOf(file: string, cwd: string): Promise<{ full: string; key: string } | undefined> {
  const full = path.resolve(cwd, file);
  let stat;
  try {
    stat = await fs.stat(full);
  } catch {
    return undefined;
  }
  if (stat.isCharacterDevice() || stat.isBlockDevice()) throw UserError.of('E_INPUT_TYPE', 'doc.notRegular', {}, { file });
  return stat.isFIFO() || stat.isSocket() ? { full, key: `${full}\0${stat.dev}\0${stat.ino}` } : undefined;
}

/**
 * A document's bytes as text, or a refusal when they are not text: any control byte (isControlByte).
 * An export keeps a stray one in its cell; a YAML or JSON file a person wrote holds none (random
 * bytes given as --answers were called «a CRM export», because their first line held commas).
 */
function documentText(bytes: Buffer, file: string): string {
  // A workbook piped in (`--answers - < export.xlsx`) has no name to tell it by: its zip signature does.
  if (bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04) throw UserError.of('E_WRONG_FILE', 'doc.workbook', {}, { file });
  // Notepad's «Unicode» (UTF-16 with its BOM): its zero bytes were called binary.
  const utf16 = utf16Bom(bytes);
  const text = utf16 ? new TextDecoder(utf16).decode(bytes.subarray(2)) : undefined;
  const units = text ?? bytes;
  for (let i = 0; i < units.length; i++) {
    const c = typeof units === 'string' ? units.charCodeAt(i) : units[i]!;
    if (isControlByte(c)) throw UserError.of('E_BINARY', 'doc.notText', { offset: utf16 ? 2 + 2 * i : i }, { file });
  }
  if (text !== undefined) return text;
  // UTF-8, also with a stray byte of another code page in it (a Latin-1 letter pasted into a comment:
  // U+FFFD there, as before). Text with more bytes outside UTF-8 than UTF-8 letters is Notepad's
  // «ANSI» (Windows-1251 on a Russian Windows), read by the exports' rule, so that «Оплачено» in a
  // --map file is the stage of the export, not «��������» that matches nothing.
  const { valid, invalid } = utf8Sequences(bytes);
  if (isUtf8(bytes) || valid > invalid) return bytes.toString('utf8').replace(/^\uFEFF/, '');
  return singleByteDecoder(bytes).decode(bytes);
}

/** Bytes per read of a file. */
const READ_CHUNK = 1 << 20;

/**
 * Opens an input as a byte stream: a file (its chunks read into one reused buffer: see fileChunks),
 * or stdin for `-`.
 */
export async function openInput(file: string, cwd: string, stdin: NodeJS.ReadableStream, range: { start?: number; end?: number } = {}): Promise<{ stream: AsyncIterable<Buffer> | NodeJS.ReadableStream; size: number | undefined }> {
  if (file === '-') {
    announceStdin(stdin);
    return { stream: stdinAgain(stdin), size: undefined };
  }
  const full = await assertReadableFile(file, cwd);
  const stat = await fs.stat(full);
  // Read to the size it has when opened, and refused if it changes meanwhile: a file still being downloaded or
  // copied was read to a moving end, its result hanging on the timing (300 000 deals read as 380 000, exit 0: tester T44).
  return { stream: fileChunks(full, range.start ?? 0, range.end ?? Infinity, file), size: stat.size };
}

/** The most of stdin kept to be read again (STDIN_KEPT): exports are a few megabytes; past it, a later read gets only what is left. */
const STDIN_KEPT = 64 << 20;

/** What stdin gave so far (while under STDIN_KEPT), and its one iterator, shared by every read of it. */
interface StdinKept {
  chunks: Buffer[];
  bytes: number;
  over: boolean;
  live: AsyncIterator<Buffer | string>;
}

const kept = new WeakMap<object, StdinKept>();

/**
 * stdin as a run reads it, once or again: what it gave before, then the rest. A run without a terminal
 * reads its exports again with a question's guess to find the next question (T40 F1: `-d -` stopped at
 * the columns, and at the stages on a second run, as a path stops once at both). The bytes are kept up
 * to STDIN_KEPT, for the run; a read that stops early (at a header) leaves the rest for the next one.
 */
async function* stdinAgain(stdin: NodeJS.ReadableStream): AsyncGenerator<Buffer> {
  let k = kept.get(stdin);
  if (!k) kept.set(stdin, (k = { chunks: [], bytes: 0, over: false, live: (stdin as AsyncIterable<Buffer | string>)[Symbol.asyncIterator]() }));
  // The chunks kept when this read began; those a read beside it adds after are yielded from `live` by that read only.
  if (!k.over) yield* k.chunks.slice();
  for (;;) {
    const r = await k.live.next();
    if (r.done) return;
    const chunk = typeof r.value === 'string' ? Buffer.from(r.value) : r.value;
    if (!k.over && k.bytes + chunk.length <= STDIN_KEPT) {
      k.chunks.push(chunk);
      k.bytes += chunk.length;
    } else if (!k.over) {
      k.over = true;
      k.chunks = [];
    }
    yield chunk;
  }
}

/**
 * The bytes of a file from `start` up to `end` (exclusive), chunk after chunk, read into two buffers
 * in turn: a chunk is valid only until the next one is asked for, so a reader copies what it keeps
 * (a new megabyte per chunk would leave hundreds of them for the garbage collector on a large
 * export). The next chunk is read while the caller works on this one: a read waits for the thread
 * pool, and one at a time a CPU profile had the reading thread idle 54 ms of 1.6 s of activities.
 */
export async function* fileChunks(full: string, start: number, end: number, checked?: string): AsyncGenerator<Buffer> {
  const handle = await fs.open(full, 'r');
  let next: Promise<{ bytesRead: number; buffer: Buffer }> | undefined;
  try {
    // `checked` (the name said): the file as opened, taken from the open file (a path's stat before the open may
    // name another file, one renamed over it), is the one read to its end.
    const opened = checked === undefined ? undefined : { file: checked, ...(await handle.stat()) };
    // A size of 0 is an empty file or a pseudo-file that says none (/proc): read to its end, as before.
    if (opened && opened.size > 0) end = Math.min(end, opened.size);
    const size = Math.max(1, Math.min(READ_CHUNK, end - start));
    const buffers = [Buffer.allocUnsafe(size), Buffer.allocUnsafe(size)];
    let turn = 0;
    const readAt = (pos: number) => {
      const buf = buffers[turn]!;
      turn ^= 1;
      const read = handle.read(buf, 0, Math.min(buf.length, end - pos), pos);
      // Its failure is met when the chunk is asked for; meanwhile it is not an unhandled rejection.
      read.catch(() => undefined);
      return read;
    };
    let pos = start;
    next = pos < end ? readAt(pos) : undefined;
    while (next) {
      const { bytesRead, buffer } = await next;
      next = undefined;
      if (bytesRead === 0) break;
      pos += bytesRead;
      if (pos < end) next = readAt(pos);
      yield buffer.subarray(0, bytesRead);
    }
    if (opened) await sameAsOpened(handle, opened);
  } finally {
    // A read still under way (the caller stopped early) ends before the file is closed.
    await next?.catch(() => undefined);
    await handle.close();
  }
}

/** Refuses a file whose size or time of change is not what it had when it was opened (file.changed). */
async function sameAsOpened(handle: fs.FileHandle, opened: { file: string; size: number; mtimeMs: number }): Promise<void> {
  const now = await handle.stat();
  if (now.size !== opened.size) throw UserError.of('E_INPUT_CHANGED', 'file.changed', { before: opened.size, after: now.size }, { file: opened.file });
  // The same size, written over meanwhile: said so, not as sizes that read the same (a reviewer).
  if (now.mtimeMs !== opened.mtimeMs) throw UserError.of('E_INPUT_CHANGED', 'file.rewritten', {}, { file: opened.file });
}

/** Reads a stream to one buffer, refusing more than maxBytes. */
export async function readAll(stream: NodeJS.ReadableStream, maxBytes: number, file: string): Promise<Buffer> {
  announceStdin(stream);
  const chunks: Buffer[] = [];
  let total = 0;
  for await (const chunk of guard(stream, file)) {
    const buf = typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer);
    total += buf.length;
    if (total > maxBytes) throw UserError.of('E_LIMIT_SIZE', 'input.tooLarge', { max: maxBytes }, { file });
    chunks.push(buf);
  }
  return Buffer.concat(chunks);
}

async function* guard(stream: NodeJS.ReadableStream, file: string): AsyncGenerator<Buffer | string> {
  try {
    for await (const chunk of stream) yield chunk as Buffer | string;
  } catch (error) {
    throw error instanceof UserError ? error : fsError(error as NodeJS.ErrnoException, file);
  }
}

/** An fs error as a user error: missing, unreadable, or otherwise. */
export function fsError(error: NodeJS.ErrnoException, file: string): UserError {
  switch (error.code) {
    case 'ENOENT': {
      // A name with a space at its edge (copied with it, or typed inside the quotes) beside the file without it.
      const name = path.basename(file).trim();
      const spaced = name !== path.basename(file) && name !== '' && error.path !== undefined && existsSync(path.join(path.dirname(error.path), name));
      if (spaced) return UserError.of('E_INPUT_MISSING', 'file.missingSpaced', { name: path.join(path.dirname(file), name) }, { file });
      // A path with a folder (absolute, a config's path from the working folder, `exports/deals.csv`):
      // which folder is missing, or that the folder holds no such file; a bare name: the working folder's.
      const dir = path.dirname(file);
      if (!path.isAbsolute(file) && dir === '.') return UserError.of('E_INPUT_MISSING', 'file.missing', {}, { file });
      return existsSync(error.path !== undefined ? path.dirname(error.path) : dir) ? UserError.of('E_INPUT_MISSING', 'file.missingAbsolute', { dir, name: path.basename(file) }, { file }) : UserError.of('E_INPUT_MISSING', 'file.missingFolder', { dir }, { file });
    }
    case 'EACCES':
    case 'EPERM':
      return UserError.of('E_INPUT_PERMISSION', 'file.permission', {}, { file });
    case 'EISDIR':
      return UserError.of('E_INPUT_DIR', 'file.folderBare', {}, { file });
    case 'EIO':
      return UserError.of('E_INPUT_READ', 'file.io', {}, { file });
    default:
      return UserError.of('E_INPUT_READ', 'file.unreadable', osReason(error), { file });
  }
}
