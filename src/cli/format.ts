import path from 'node:path';
import { UserError } from '../core/errors.js';
import { MAX_MANAGERS, readCount } from '../core/option-values.js';
import type { CliContext } from './context.js';

/**
 * The file extensions each output format may be written under. One table for every command, so a
 * new format (html, junit…) is one line here plus its renderer.
 */
export const FORMAT_EXTENSIONS: Record<string, readonly string[]> = {
  table: ['txt', 'text'],
  text: ['txt', 'text'],
  json: ['json'],
  md: ['md', 'markdown'],
  xlsx: ['xlsx'],
  csv: ['csv'],
  junit: ['xml'],
  html: ['html', 'htm'],
};

/** The format an extension stands for among `allowed`, if any. */
function formatOfExtension<F extends string>(ext: string, allowed: readonly F[]): F | undefined {
  return allowed.find((f) => FORMAT_EXTENSIONS[f]?.includes(ext));
}

/** "xlsx (.xlsx), md (.md, .markdown)…": the formats a command writes, for a message. */
function describeFormats(allowed: readonly string[]): string {
  return allowed.map((f) => `${f} (${(FORMAT_EXTENSIONS[f] ?? []).map((e) => `.${e}`).join(', ')})`).join(', ');
}

/**
 * The format asked for: --format, else the -o extension, else the fallback. An -o extension that
 * the format cannot fill (`-o out.xls`, `-o out.csv --format xlsx`, `-o отчёт.pdf`) is a usage error
 * naming the formats, so a file is never written under a name that lies about its content.
 */
export function resolveFormat<F extends string>(format: F | undefined, output: string | undefined, allowed: readonly F[], fallback: F): F {
  const ext = output && output !== '-' ? path.extname(output).slice(1).toLowerCase() : '';
  if (!ext) return format ?? fallback;
  if (format) {
    if (!FORMAT_EXTENSIONS[format] || FORMAT_EXTENSIONS[format].includes(ext)) return format;
    throw UserError.of('E_USAGE', 'format.extensionMismatch', { format, ext, name: `${path.basename(output!, path.extname(output!))}.${FORMAT_EXTENSIONS[format][0]}`, formats: describeFormats(allowed) }, { file: output });
  }
  const byExt = formatOfExtension(ext, allowed);
  if (byExt) return byExt;
  throw UserError.of('E_USAGE', 'format.unknownExtension', { ext, formats: describeFormats(allowed) }, { file: output });
}

/** Refuses to print a binary workbook on a terminal. */
export function assertBinaryDestination(ctx: CliContext, format: string, output: string | undefined): void {
  if (format === 'xlsx' && (output === undefined || output === '-') && ctx.stdout.isTTY) {
    throw UserError.of('E_USAGE', 'usage.xlsxOnTerminal');
  }
}

/** Parses a positive whole number option. */
export function parseCount(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = readCount(value);
  if (n === undefined) throw UserError.of('E_USAGE', 'usage.count', { name, value });
  return n;
}

/** Parses a number of sales managers (`--managers`, the interactive audit's prompt): a count from 1 to MAX_MANAGERS. */
export function parseManagers(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const n = readCount(value);
  if (n === undefined || n > MAX_MANAGERS) throw UserError.of('E_USAGE', 'usage.managers', { name, value });
  return n;
}
