import { CommanderError, type Command } from 'commander';
import type { RunSettings } from '../io/run-settings.js';
import { UserError } from '../core/errors.js';
import { mapErrorLines } from '../io/documents/map-file.js';
import { PRINTER, say } from '../core/messages.js';
import { printUserError, stderrLine } from './wrap.js';
import { messageLang } from './message-lang.js';
import type { CliContext } from './context.js';
import { paint } from './context.js';
import { terminalSafe } from '../render/terminal-safe.js';
import { EXIT } from './exit-codes.js';
import { buildProgram } from './program.js';
import { clearProgress } from './progress.js';
import { interview, saveInterviewDraft } from './audit-draft.js';

/** Thrown by a command to end with a given exit code after it has printed what it had to say. */
export class ExitWith extends Error {
  constructor(readonly code: number) {
    super(`exit ${code}`);
  }
}

/** True for the error the prompt library throws when the user presses Ctrl+C. */
export function isInterrupt(error: unknown): boolean {
  return error instanceof Error && (error.name === 'ExitPromptError' || error.name === 'AbortPromptError');
}

/** True for the error a prompt throws when its terminal went away (prompts.ts TerminalGoneError). */
export function isTerminalGone(error: unknown): boolean {
  return error instanceof Error && error.name === 'TerminalGoneError';
}

/** Runs the CLI on argv and returns the exit code; the bin only sets process.exitCode. */
export async function execute(argv: string[], ctx: CliContext): Promise<number> {
  // An interview of an earlier run in this process (tests run the CLI in-process) is never this run's draft.
  interview.draft = undefined;
  const lang = messageLang(ctx, langInArgv(argv));
  const state: { code: number; lang: string; argv: readonly string[] } = { code: EXIT.ok, lang, argv };
  const program = buildProgram(ctx, state);
  state.argv = langAfterCommand(argv, program.commands.map((c) => c.name()));
  try {
    await program.parseAsync(helpOfKnownCommand(state.argv, program), { from: 'user' });
    return state.code;
  } catch (error) {
    return handleError(error, ctx, lang);
  }
}

/**
 * `--lang` given before the command (`crm-audit --lang en kpi …`, as `git -C` is) is the command's
 * option, moved after its name: commander, which knows --lang only on the commands, called the option
 * it had just obeyed unknown. Alone (`crm-audit --lang en`) or before `help`, it has chosen the
 * language already (langInArgv) and is dropped.
 */
export function langAfterCommand(argv: readonly string[], commands: readonly string[] = []): string[] {
  const before: string[] = [];
  const lang: string[] = [];
  // `--lang` whose next word is a command (`crm-audit --lang kpi -d x`): its value was forgotten. Put
  // last, it is said so (commander's «no value»), not «unknown option -d» nor the help with exit 0 (a tester).
  let valueless = false;
  let i = 0;
  for (; i < argv.length && argv[i]!.startsWith('-'); i++) {
    const a = argv[i]!;
    if (a === '--lang' && commands.includes(argv[i + 1] ?? '')) valueless = true;
    else if (a === '--lang') lang.push(a, ...argv.slice(i + 1, ++i + 1));
    else if (a.startsWith('--lang=')) lang.push(a);
    else before.push(a);
  }
  if (lang.length === 0 && !valueless) return [...argv];
  const name = argv[i];
  if (name === undefined || name === 'help') return [...before, ...argv.slice(i)];
  return [...before, name, ...lang, ...argv.slice(i + 1), ...(valueless ? ['--lang'] : [])];
}

/**
 * `help X` of a command there is not is the unknown command `X` (exit 2), as `crm-audit X` is, and
 * `help X Y` is refused:
 * commander's help command printed the top-level help and exited 0, a success to a script checking it.
 */
export function helpOfKnownCommand(argv: readonly string[], program: Command): string[] {
  const at = argv.findIndex((a) => !a.startsWith('-'));
  const asked = argv[at + 1];
  if (at === -1 || argv[at] !== 'help' || asked === undefined || asked.startsWith('-')) return [...argv];
  const known = program.commands.some((c) => c.name() === asked || c.aliases().includes(asked));
  if (!known) return [...argv.slice(0, at), ...argv.slice(at + 1)];
  // `help kpi extra`: a word after the command (not an option's value, `--lang en`) is refused, exit 2,
  // not dropped in silence with the help printed and exit 0 (tester T40 F11).
  // Only --lang takes a value here (help's own options are flags); after `--` every word is one.
  const rest = argv.slice(at + 2);
  const dashes = rest.indexOf('--');
  const word = rest.find((a, i) => (dashes !== -1 && i > dashes) || (a !== '--' && !a.startsWith('-') && rest[i - 1] !== '--lang'));
  if (word !== undefined) throw UserError.of('E_USAGE', 'help.extraWord', { word, command: asked });
  return [...argv];
}

/** The --lang the command line gives, read even when parsing failed, so errors speak the run's language. */
export function langInArgv(argv: readonly string[]): string | undefined {
  let lang: string | undefined;
  argv.forEach((a, i) => {
    if (a === '--lang') lang = argv[i + 1];
    else if (a.startsWith('--lang=')) lang = a.slice('--lang='.length);
  });
  return lang;
}

/** What a run stopped by a signal says: nothing was saved, or the files it had already written. */
export function interruptedLine(lang: string, written: readonly string[]): string {
  if (written.length === 0) return say(PRINTER.interrupted, lang);
  return say(PRINTER.interruptedAfterWriting, lang).replace('{files}', () => written.join(', '));
}

/** Maps any error to the exit-code contract and prints it the way a user should see it. */
export function handleError(error: unknown, ctx: CliContext, argvLang = 'en'): number {
  const lang = ctx.messageLang ?? argvLang;
  const c = paint(ctx, 'stderr');
  clearProgress(ctx.stderr);
  if (error instanceof ExitWith) return error.code;
  if (error instanceof CommanderError) {
    if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version' || error.code === 'commander.help') return EXIT.ok;
    return EXIT.usage;
  }
  // The terminal closed mid-question: a hang-up, said as SIGHUP's is (if stderr is still there), exit 129.
  if (isInterrupt(error) || isTerminalGone(error)) {
    // What the run wrote before it was stopped is named: never «nothing was saved» beside a written report.
    // Stopped at a question: the answers given so far are saved as a draft, with the command that takes it up.
    const draft = saveInterviewDraft(lang);
    if (draft !== undefined) {
      stderrLine(ctx, `\n${draft}`);
      return isTerminalGone(error) ? EXIT.hangup : EXIT.interrupted;
    }
    const { answers, report } = ctx.savedBeforeInterrupt ?? {};
    const template = answers !== undefined && report !== undefined ? PRINTER.interruptedAfterBoth : answers !== undefined ? PRINTER.interruptedAfterSaving : report !== undefined ? PRINTER.interruptedAfterReport : PRINTER.interrupted;
    stderrLine(ctx, `\n${say(template, lang).replace('{file}', () => answers ?? '').replace('{report}', () => report ?? '')}`);
    return isTerminalGone(error) ? EXIT.hangup : EXIT.interrupted;
  }
  if (error instanceof UserError) {
    mapErrorLines(error);
    printUserError(ctx, error, lang);
    if (ctx.debug && error.stack) ctx.stderr.write(`${error.stack}\n`);
    return EXIT.usage;
  }
  const err = error instanceof Error ? error : new Error(String(error));
  stderrLine(ctx, `${c.red(say(PRINTER.internal, lang))}: ${terminalSafe(err.message, false)}`);
  if (ctx.debug) ctx.stderr.write(`${err.stack ?? ''}\n`);
  else stderrLine(ctx, say(PRINTER.debug, lang));
  return EXIT.internal;
}

/**
 * The run settings the CRM_AUDIT_* variables ask for (performance work and tests): SPLIT_BYTES (size
 * from which a file is read by two threads; 0 never), SPLIT_TAKEOVER (off, or wait: the worker waits
 * for the takeover), SPLIT_CHUNK (takeover chunk bytes), WORKER_CALLBACKS (outgoing calls from which
 * the worker thread resolves the callbacks), SPLIT_TRACE=1 and TIMINGS=1 (diagnostics).
 */
export function runSettingsFromEnv(env: NodeJS.ProcessEnv, diagnostics: (line: string) => void): Partial<RunSettings> {
  const out: Partial<RunSettings> = { diagnostics, traceSplits: env.CRM_AUDIT_SPLIT_TRACE === '1', timings: env.CRM_AUDIT_TIMINGS === '1' };
  const split = env.CRM_AUDIT_SPLIT_BYTES;
  if (split !== undefined && split !== '') out.splitFromBytes = Number(split) > 0 ? Number(split) : 0;
  const callbacks = Number(env.CRM_AUDIT_WORKER_CALLBACKS);
  if (env.CRM_AUDIT_WORKER_CALLBACKS && callbacks >= 0) out.callbacksOnWorkerFrom = callbacks;
  const chunk = Number(env.CRM_AUDIT_SPLIT_CHUNK || 1 << 20);
  out.takeover = env.CRM_AUDIT_SPLIT_TAKEOVER === 'off' || !(chunk >= 1) ? undefined : { chunk: Math.floor(chunk), wait: env.CRM_AUDIT_SPLIT_TAKEOVER === 'wait' };
  return out;
}
