import { Chalk, type ChalkInstance } from 'chalk';
import { UserError } from '../core/errors.js';

/** What every command gets: streams, environment-derived settings and the clock, all injectable for tests. */
export interface CliContext {
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
  debug: boolean;
}

/** Colour only on a terminal and never when NO_COLOR is set (https://no-color.org), FORCE_COLOR wins. */
export function useColor(ctx: CliContext, stream: 'stdout' | 'stderr' = 'stdout'): boolean {
  const force = ctx.env.FORCE_COLOR;
  if (force !== undefined && force !== '' && force !== '0') return true;
  if (ctx.env.NO_COLOR !== undefined && ctx.env.NO_COLOR !== '') return false;
  return Boolean(ctx[stream].isTTY) && ctx.env.TERM !== 'dumb';
}

/** A chalk instance that respects useColor. */
export function paint(ctx: CliContext, stream: 'stdout' | 'stderr' = 'stderr'): ChalkInstance {
  return new Chalk({ level: useColor(ctx, stream) ? 1 : 0 });
}

/** The "now" of a run: --now, else SOURCE_DATE_EPOCH, else the clock. Core code never reads the clock itself. */
export function resolveNow(ctx: CliContext, nowOption?: string): Date {
  if (nowOption) {
    const d = new Date(nowOption);
    if (Number.isNaN(d.getTime())) {
      throw new UserError('E_USAGE', `--now: "${nowOption}" is not a date`, {}, 'give an ISO date such as 2025-01-31T09:00:00Z');
    }
    return d;
  }
  const epoch = ctx.env.SOURCE_DATE_EPOCH;
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000);
  return new Date();
}

/** The real process as a context. */
export function processContext(): CliContext {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: process.stdin,
    env: process.env,
    cwd: process.cwd(),
    debug: process.argv.includes('--debug'),
  };
}
