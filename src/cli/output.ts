import { constants as fsConstants, fstatSync, promises as fs, statSync, type Stats, writeSync } from 'node:fs';
import path from 'node:path';
import { UserError } from '../core/errors.js';
import { osReason } from '../core/messages/os-errors.js';
import { terminalSafe } from '../render/terminal-safe.js';
import { useColor, type CliContext } from './context.js';
import { FORMAT_EXTENSIONS } from './format.js';
import { clearProgress } from './progress.js';
import { createdFolders, pendingTemps, tempNameFor, writtenFiles } from './temps.js';
import { stderrLine } from './wrap.js';

/**
 * Writes a report to `-o FILE` atomically (a temp file beside it, then rename), or to stdout.
 * An interrupted or failed run never leaves a partial report, and an existing one stays untouched.
 * `human`: text for a person to read (the terminal tables), which `cat` or `less -R` later shows as a
 * terminal: its data's control characters are made harmless wherever it goes (JSON, CSV and
 * workbooks keep the data as it is).
 */
export async function writeOutput(
  ctx: CliContext,
  content: string | Uint8Array,
  outFile: string | undefined,
  inputs: readonly string[] = [],
  lang?: string,
  human = false,
  saveAs?: SaveAs,
): Promise<void> {
  clearProgress(ctx.stderr);
  // An input read from stdin is the file the shell opened for it (`-d - -o in.csv < in.csv`).
  const stdinFd = inputs.includes('-') ? (ctx.stdin as { fd?: unknown }).fd : undefined;
  const files = inputs.filter((i) => i !== '-').map((i) => path.resolve(ctx.cwd, i));
  if (outFile === undefined || outFile === '-') {
    // `kpi -d deals.csv >> deals.csv` appended the report to the export, exit 0 (tester T44): the shell's file, checked as -o's is.
    const stdoutFd = (ctx.stdout as { fd?: unknown }).fd;
    if (typeof stdoutFd === 'number' && fdIsAnyOf(stdoutFd, files, typeof stdinFd === 'number' ? stdinFd : undefined)) throw UserError.of('E_OUTPUT', 'output.stdoutIsInput', {}, {});
    // On a terminal, a control character of the data must not act on it (an escape sequence in a name).
    await writeStream(ctx.stdout, typeof content === 'string' && (ctx.stdout.isTTY || human) ? terminalSafe(content, useColor(ctx)) : content, saveAs);
    return;
  }
  if (human && typeof content === 'string') content = terminalSafe(content, false);
  const target = path.resolve(ctx.cwd, outFile);
  await assertWritableTarget(target, outFile, files, typeof stdinFd === 'number' ? stdinFd : undefined);
  const place = await outputPlace(target);
  if (place.inPlace) {
    // Renamed over, /dev/null became a regular file for every program on the machine, and
    // `-o /dev/stdout >> log.txt` replaced the log: appended to, as the shell opened it.
    await fs.writeFile(target, content, { flag: 'a' }).catch((error: NodeJS.ErrnoException) => {
      throw UserError.of('E_OUTPUT', 'output.write', osReason(error), { file: outFile });
    });
  } else await replaceAtomically(place.file, content, outFile);
  if (lang !== undefined) stderrLine(ctx, writtenLine(outFile, typeof content === 'string' ? Buffer.byteLength(content) : content.length, lang));
}

/** The -o a failed write to stdout suggests instead (`-o отчёт.json` for a JSON run), in each language. */
export interface SaveAs {
  file: string;
  fileRu: string;
}

/** The report file of a format: a JSON run to a full disk was told «-o отчёт.xlsx» (a tester). */
export function reportFile(format: string): SaveAs {
  const ext = FORMAT_EXTENSIONS[format]?.[0] ?? format;
  return { file: `report.${ext}`, fileRu: `отчёт.${ext}` };
}

/** A process's own descriptors (/dev/stdout, /dev/fd/3, /proc/self/fd/1): written to, never replaced (a file in /dev/shm is a file). */
const SYSTEM_PATH = /^\/(?:dev\/(?:stdout|stderr|fd\/)|proc\/[^/]+\/fd\/)/;

/**
 * Where `-o` writes. In place: a device, a pipe or a socket (`-o /dev/null`, `-o >(gzip > r.gz)`), or
 * a process's own descriptor (`-o /dev/stdout >> log.txt`, appended). Else the file itself, a symbolic link followed to the file it
 * names (even one not there yet), which is then replaced whole and the link kept.
 */
async function outputPlace(target: string): Promise<{ inPlace: boolean; file: string }> {
  if (SYSTEM_PATH.test(target)) return { inPlace: true, file: target };
  const stat = await fs.stat(target).catch(() => undefined);
  if (stat && !stat.isFile()) return { inPlace: true, file: target };
  let file = target;
  for (let hops = 0; hops < 40; hops++) {
    const link = await fs.lstat(file).catch(() => undefined);
    if (!link?.isSymbolicLink()) break;
    file = path.resolve(path.dirname(file), await fs.readlink(file));
  }
  return SYSTEM_PATH.test(file) ? { inPlace: true, file: target } : { inPlace: false, file };
}

/**
 * Writes a file through a temp file beside it and a rename, so that it is either the old file or the
 * whole new one. `file` is the real path: a symbolic link stays a link to the file it names, replaced.
 */
async function replaceAtomically(file: string, content: string | Uint8Array, shown: string): Promise<void> {
  const tmp = tempNameFor(file);
  pendingTemps.add(tmp);
  try {
    await fs.writeFile(tmp, content, { flag: 'wx' });
    // A report regenerated over one kept private (600, 640) stays as private: the new file takes the old one's mode.
    const old = await fs.stat(file).catch(() => undefined);
    if (old?.isFile()) await fs.chmod(tmp, old.mode & 0o7777);
    await fs.rename(tmp, file);
    writtenFiles.push(shown);
  } catch (error) {
    // The temp file's removal never hides why the write failed (an over-long name fails its removal too).
    await fs.rm(tmp, { force: true }).catch(() => undefined);
    throw UserError.of('E_OUTPUT', 'output.write', osReason(error as NodeJS.ErrnoException), { file: shown });
  } finally {
    pendingTemps.delete(tmp);
  }
}

/** «Записано: отчёт.xlsx (48,2 КБ)» / "Written: report.xlsx (48.2 KB)": the proof that -o was written. */
export function writtenLine(file: string, bytes: number, lang: string): string {
  // The path as typed may hold control characters (a script's `-o "$company.xlsx"`): shown as «�», a line break as «\\n» (tester T52 F6).
  return `${lang === 'ru' ? 'Записано' : 'Written'}: ${terminalSafe(file.replace(/\n/g, '\\n'), false)} (${sizeText(bytes, lang)})`;
}

/** A file's size as writtenLine says it: «48,2 КБ», «533 байта» / "48.2 KB", "1 byte". */
export function sizeText(bytes: number, lang: string): string {
  const ru = lang === 'ru';
  // «1 байт», «533 байта», «512 байт»: the plural of a count of bytes; the larger units take none.
  const bytesWord = bytes % 10 >= 2 && bytes % 10 <= 4 && !(bytes % 100 >= 12 && bytes % 100 <= 14) ? 'байта' : 'байт';
  const units = ru ? [bytesWord, 'КБ', 'МБ', 'ГБ'] : [bytes === 1 ? 'byte' : 'bytes', 'KB', 'MB', 'GB'];
  // Kilobytes of 1 000 bytes, as the progress line's megabytes (cli/progress.ts): one file read as «171 МБ» is not written as «163,5 МБ».
  let size = bytes;
  let unit = 0;
  while ((unit === 0 ? size >= 1000 : size >= 999.95) && unit < units.length - 1) {
    size /= 1000;
    unit++;
  }
  const number = unit === 0 ? String(size) : size.toFixed(1);
  return `${ru ? number.replace('.', ',') : number} ${units[unit]}`;
}

/**
 * Refuses an `-o` path whose folder is missing or that is a folder, before any input is read: a long
 * import must not run to the end only to find it cannot be saved. writeOutput checks again when it writes.
 */
export async function assertOutputPlace(ctx: CliContext, outFile: string | undefined, inputs: readonly string[] = []): Promise<void> {
  if (outFile === undefined || outFile === '-') return;
  // `-o ''` (an unset shell variable) was «the output path is a folder».
  if (outFile.trim() === '') throw UserError.of('E_USAGE', 'output.emptyPath');
  const target = path.resolve(ctx.cwd, outFile);
  // The output as one of the inputs is refused before a minute of reading, not after it.
  const files = inputs.filter((i) => i !== '-').map((i) => path.resolve(ctx.cwd, i));
  if (files.length > 0) await assertWritableTarget(target, outFile, files);
  else await assertFolder(target, outFile);
}

/**
 * Makes the `-o` folder of a command that writes several files (generate), with its missing parents,
 * one level at a time. Node's `mkdir({recursive: true})` never returns under /proc (the kernel answers
 * ENOENT, and Node climbs and retries for ever); here every refusal is the OS's reason, at once.
 */
export async function makeOutputFolder(ctx: CliContext, outFolder: string): Promise<string> {
  const dir = path.resolve(ctx.cwd, outFolder);
  const missing: string[] = [];
  let at = dir;
  for (;;) {
    const stat = await fs.stat(at).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? undefined : refuseFolder(error, at, outFolder)));
    if (stat) {
      if (!stat.isDirectory()) {
        if (at === dir) throw UserError.of('E_OUTPUT', 'generate.outputIsFile', {}, { file: outFolder });
        refuseFolder({ code: 'ENOTDIR' }, dir, outFolder);
      }
      break;
    }
    missing.unshift(at);
    const parent = path.dirname(at);
    if (parent === at) break;
    at = parent;
  }
  for (const folder of missing) {
    const made = await fs.mkdir(folder).then(
      () => true,
      (error: NodeJS.ErrnoException) => (error.code === 'EEXIST' ? false : refuseFolder(error, folder, outFolder)),
    );
    // Kept, for a run stopped or failed before it writes anything to remove (removeEmptyCreatedFolders).
    if (made) createdFolders.push(folder);
  }
  return dir;
}

function refuseFolder(error: { code?: string; message?: string }, folder: string, shown: string): never {
  throw UserError.of('E_OUTPUT', 'output.makeFolder', { folder, ...osReason(error) }, { file: shown });
}

async function assertWritableTarget(target: string, shown: string, inputs: string[], stdinFd?: number): Promise<void> {
  if (inputs.includes(target) || isSameFileAsAny(target, inputs, stdinFd)) {
    throw UserError.of('E_OUTPUT', 'output.isInput', {}, { file: shown });
  }
  await assertFolder(target, shown);
}

/**
 * Whether an existing `-o` file is one of the inputs under another name: a symbolic link, a hard
 * link, `..` through a linked folder, or another case on a case-insensitive disk. Comparing paths
 * alone let `kpi -d link.csv -o deals.csv` replace the deals file the link points to.
 */
function isSameFileAsAny(target: string, inputs: readonly string[], stdinFd?: number): boolean {
  return sameFile(statOf(target), inputs, stdinFd);
}

/** Whether an open descriptor (stdout) is a regular file that is one of the inputs. */
function fdIsAnyOf(fd: number, inputs: readonly string[], stdinFd?: number): boolean {
  return sameFile(fstatOf(fd), inputs, stdinFd);
}

function sameFile(out: Stats | undefined, inputs: readonly string[], stdinFd?: number): boolean {
  if (!out?.isFile()) return false;
  const stats = inputs.map(statOf);
  if (stdinFd !== undefined) stats.push(fstatOf(stdinFd));
  return stats.some((stat) => stat !== undefined && stat.dev === out.dev && stat.ino === out.ino);
}

/**
 * Whether `file` (relative to `cwd`) is one of `inputs`, by path or as the same file under another name
 * (a link, another case): what writeOutput refuses, asked before a file prompt takes a name, so that the
 * name is refused there and asked again rather than offered to be replaced.
 */
export function namesAnInput(cwd: string, file: string, inputs: readonly string[]): boolean {
  const target = path.resolve(cwd, file);
  const files = inputs.filter((i) => i !== '-').map((i) => path.resolve(cwd, i));
  return files.includes(target) || isSameFileAsAny(target, files);
}

function statOf(file: string): Stats | undefined {
  try {
    return statSync(file);
  } catch {
    return undefined;
  }
}

function fstatOf(fd: number): Stats | undefined {
  try {
    return fstatSync(fd);
  } catch {
    return undefined;
  }
}

async function assertFolder(target: string, shown: string): Promise<void> {
  const dir = path.dirname(target);
  const stat = await fs.stat(dir).catch(() => undefined);
  // A file where the folder should be (`-o report.json/out.xlsx`) is not a missing folder.
  if (stat && !stat.isDirectory()) throw UserError.of('E_OUTPUT', 'output.folderIsFile', { folder: path.dirname(shown) }, { file: shown });
  if (!stat) throw UserError.of('E_OUTPUT', 'output.noFolder', { folder: path.dirname(shown) }, { file: shown });
  const existing = await fs.stat(target).catch(() => undefined);
  if (existing?.isDirectory()) {
    throw UserError.of('E_OUTPUT', 'output.isFolder', {}, { file: shown });
  }
  // Writable by nobody: its owner keeps it so, whoever runs (root's rename would replace it all the same).
  if (existing?.isFile() && (existing.mode & 0o222) === 0) throw UserError.of('E_OUTPUT', 'output.readOnly', {}, { file: shown });
  // Another user's file this one may not write, in a folder it may: replaced by the rename, where the shell's `>` refuses it (tester T56).
  if (existing?.isFile() && !(await fs.access(target, fsConstants.W_OK).then(() => true, () => false))) throw UserError.of('E_OUTPUT', 'output.readOnly', {}, { file: shown });
}

/**
 * Writes the report to stdout. Redirected to a file (`> kpi.json`), every byte is written here, in a
 * loop: Node's stream for a file ignores a short write, and on a full disk `kpi --format json >
 * kpi.json` ended with exit 0 and a cut file. A failed write is the user's disk, not a crash: a
 * message and exit 2, not a stack trace (`> /dev/full`). A pipe closed early (`| head`) is main.ts's.
 */
async function writeStream(stream: NodeJS.WritableStream, content: string | Uint8Array, saveAs: SaveAs | undefined): Promise<void> {
  try {
    const fd = (stream as { fd?: unknown }).fd;
    if (typeof fd === 'number' && fstatSync(fd).isFile()) return writeAll(fd, typeof content === 'string' ? Buffer.from(content) : content);
    await new Promise<void>((resolve, reject) => {
      stream.write(content, (error) => (error ? reject(error) : resolve()));
    });
  } catch (error) {
    const e = error as NodeJS.ErrnoException;
    if (e.code === 'EPIPE' || typeof e.code !== 'string') throw error;
    throw saveAs ? UserError.of('E_OUTPUT', 'output.stdoutReport', { ...osReason(e), ...saveAs }) : UserError.of('E_OUTPUT', 'output.stdout', osReason(e));
  }
}

/** Writes every byte to a file descriptor, however many calls it takes (`write` is the system call; tests give a short one). */
export function writeAll(fd: number, bytes: Uint8Array, write: (fd: number, bytes: Uint8Array, offset: number, length: number) => number = writeSync): void {
  for (let at = 0; at < bytes.length; ) at += write(fd, bytes, at, bytes.length - at);
}
