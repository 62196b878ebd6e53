import path from 'node:path';
import { UserError } from '../core/errors.js';
import type { CliContext } from './context.js';

/** The format asked for: --format, else the -o extension, else the fallback. */
export function resolveFormat<F extends string>(format: F | undefined, output: string | undefined, allowed: readonly F[], fallback: F): F {
  if (format) return format;
  if (output && output !== '-') {
    const ext = path.extname(output).slice(1).toLowerCase();
    const byExt = (ext === 'markdown' ? 'md' : ext === 'htm' ? 'html' : ext) as F;
    if (allowed.includes(byExt)) return byExt;
  }
  return fallback;
}

/** Refuses to print a binary workbook on a terminal. */
export function assertBinaryDestination(ctx: CliContext, format: string, output: string | undefined): void {
  if (format === 'xlsx' && (output === undefined || output === '-') && ctx.stdout.isTTY) {
    throw new UserError('E_USAGE', 'an XLSX workbook cannot be printed on a terminal', {}, 'add -o report.xlsx, or redirect stdout to a file');
  }
}

/** Parses a positive whole number option. */
export function parseCount(value: string | undefined, name: string): number | undefined {
  if (value === undefined) return undefined;
  const digits = value.trim().replace(/_/g, '');
  if (!/^\d+$/.test(digits) || Number(digits) <= 0) {
    throw new UserError('E_USAGE', `${name} must be a positive whole number, got "${value}"`);
  }
  return Number(digits);
}
