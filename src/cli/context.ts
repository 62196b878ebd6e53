import { fstatSync } from 'node:fs';
import { Readable } from 'node:stream';
import { UserError } from '../core/errors.js';
import { readMoment } from '../core/option-values.js';

/** What every command gets: streams, environment-derived settings and the clock, all injectable for tests. */
export interface CliContext {
  stdout: NodeJS.WritableStream & { isTTY?: boolean; columns?: number };
  stderr: NodeJS.WritableStream & { isTTY?: boolean };
  stdin: NodeJS.ReadableStream & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
  cwd: string;
  debug: boolean;
  /** The language of messages when a command learns it from more than argv and LANG (report's config `lang`). */
  messageLang?: 'ru' | 'en';
  /** Warnings said already, by their text: a run of several commands (the demo) says each once. */
  warned?: Set<string>;
  /**
   * Set when an input named `-` is read from a terminal's stdin (`kpi -d -`, pasted, then Ctrl+D): stdin is
   * the data, its end the data's end, and nobody is left to answer a question through it (a prompt read the
   * EOF as a Ctrl+C: «Прервано», exit 130, no snippet).
   */
  stdinRead?: boolean;
  /** The files the run has already written when it is interrupted (an interactive audit's answers, its report): said instead of «nothing was saved». */
  savedBeforeInterrupt?: { answers?: string; report?: string };
}

/**
 * Colour only on a terminal and never when NO_COLOR is set (https://no-color.org), FORCE_COLOR wins:
 * set and not 0 (or false) it forces colour, 0 (or false) forbids it, as chalk and Node read it.
 */
export function useColor(ctx: CliContext, stream: 'stdout' | 'stderr' = 'stdout'): boolean {
  const force = envFlag(ctx.env.FORCE_COLOR);
  if (force !== undefined) return force;
  if (ctx.env.NO_COLOR !== undefined && ctx.env.NO_COLOR !== '') return false;
  return Boolean(ctx[stream].isTTY) && ctx.env.TERM !== 'dumb';
}

/** The few styles the CLI layer uses for messages; plain functions so start-up loads no colour library. */
export interface Paint {
  red(s: string): string;
  green(s: string): string;
  yellow(s: string): string;
  cyan(s: string): string;
  bold(s: string): string;
  dim(s: string): string;
}

/** Message styles for a stream, honouring NO_COLOR and the terminal check. */
export function paint(ctx: CliContext, stream: 'stdout' | 'stderr' = 'stderr'): Paint {
  const on = useColor(ctx, stream);
  const wrap = (open: number, close: number) => (s: string) => (on ? `\u001b[${open}m${s}\u001b[${close}m` : s);
  return { red: wrap(31, 39), green: wrap(32, 39), yellow: wrap(33, 39), cyan: wrap(36, 39), bold: wrap(1, 22), dim: wrap(2, 22) };
}

/** A variable read as a flag: unset or empty says nothing (undefined), `0` or `false` (any case, spaces aside) is off, anything else on. */
export function envFlag(value: string | undefined): boolean | undefined {
  const v = value?.trim().toLowerCase();
  return v === undefined || v === '' ? undefined : v !== '0' && v !== 'false';
}

/**
 * Whether the environment says the run is a CI job: `CI` set to anything but empty, `0` or `false`
 * (GitHub, GitLab and most runners set `CI=true`). Runners that allocate a pseudo-terminal (`docker
 * run -t`, a step under `script`, `ssh -t`) hand the run a terminal nobody types into: a question there
 * waited until the job was killed.
 */
export function isCi(env: NodeJS.ProcessEnv): boolean {
  return envFlag(env.CI) === true;
}

/**
 * Why the run may ask no question, the first that holds: stdin is no terminal, a CI job runs it, stdin was
 * the data (`-d -`), stderr (where prompts draw) is no terminal; undefined where it may ask.
 */
export function whyNoQuestions(ctx: CliContext): 'noTerminal' | 'ci' | 'stdinRead' | 'stderr' | undefined {
  if (!ctx.stdin.isTTY) return 'noTerminal';
  if (isCi(ctx.env)) return 'ci';
  if (ctx.stdinRead) return 'stdinRead';
  return ctx.stderr.isTTY ? undefined : 'stderr';
}

/** Whether the run may ask a question (whyNoQuestions): otherwise every question stands as its error, with its ready --map snippet. */
export function canAsk(ctx: CliContext): boolean {
  return whyNoQuestions(ctx) === undefined;
}

/** The "now" of a run: --now, else SOURCE_DATE_EPOCH, else the clock. Core code never reads the clock itself. */
export function resolveNow(ctx: CliContext, nowOption?: string): Date {
  // An empty --now or SOURCE_DATE_EPOCH is refused too: a reproducible run must not fall back to the clock unsaid.
  if (nowOption !== undefined) {
    const d = readMoment(nowOption);
    if (d === undefined) throw UserError.of('E_USAGE', 'usage.now', { value: nowOption });
    // As SOURCE_DATE_EPOCH's: `--now 0000-01-01` made a report dated 01.01.0000 (tester T60).
    if (d.getTime() < 0) throw UserError.of('E_USAGE', 'usage.nowRange', { value: nowOption });
    return d;
  }
  if (nowSetBy(ctx) === undefined) return new Date();
  const epoch = ctx.env.SOURCE_DATE_EPOCH!;
  // Up to the last second of the year 9999, as --now: a larger one was an internal error in a workbook's date.
  if (!/^\d+$/.test(epoch.trim()) || Number(epoch.trim()) > 253_402_300_799) throw UserError.of('E_USAGE', 'usage.sourceDateEpoch', { value: epoch });
  return new Date(Number(epoch.trim()) * 1000);
}

/** What sets the run's report date where the clock does not, by resolveNow's rule (an empty SOURCE_DATE_EPOCH leaves the clock). */
export function nowSetBy(ctx: CliContext, nowOption?: string): '--now' | 'SOURCE_DATE_EPOCH' | undefined {
  if (nowOption !== undefined) return '--now';
  return (ctx.env.SOURCE_DATE_EPOCH ?? '').trim() === '' ? undefined : 'SOURCE_DATE_EPOCH';
}

/** The real process as a context. */
export function processContext(): CliContext {
  return {
    stdout: process.stdout,
    stderr: process.stderr,
    stdin: stdinOf(),
    env: process.env,
    cwd: process.cwd(),
    debug: process.argv.includes('--debug'),
  };
}

/**
 * The process's stdin; a folder given as stdin (`kpi -d - < exports/`) reads as the folder it is
 * (EISDIR: «стандартный ввод (-): это папка, а не файл», as `-d exports` says), where Node hands
 * such a stdin over as no bytes at all, said as an empty file, a download that failed.
 */
function stdinOf(): NodeJS.ReadableStream {
  let folder = false;
  try {
    folder = fstatSync(0).isDirectory();
  } catch {
    // No stdin at all (closed): the process's own, as before.
  }
  if (!folder) return process.stdin;
  return new Readable({
    read() {
      this.destroy(Object.assign(new Error('EISDIR: illegal operation on a directory, read'), { code: 'EISDIR', errno: -21, syscall: 'read' }));
    },
  });
}
