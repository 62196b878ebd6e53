import { rmSync } from 'node:fs';
import { configureRun } from '../io/run-settings.js';
import { processContext } from './context.js';
import { messageLang } from './message-lang.js';
import { execute, interruptedLine, langInArgv, runSettingsFromEnv } from './execute.js';
import { UserError } from '../core/errors.js';
import { printUserError, stderrLine } from './wrap.js';
import { osReason } from '../core/messages/os-errors.js';
import { EXIT } from './exit-codes.js';
import { releaseDeadTerminals, whenTerminalCloses } from './dead-terminal.js';
import { pendingTemps, removeEmptyCreatedFolders, writtenFiles } from './temps.js';
import { saveInterviewDraft } from './audit-draft.js';

// Ctrl+C outside a prompt (e.g. during a long import or generate), SIGTERM (`timeout`, CI, `kill`), or
// SIGHUP (the terminal closed): remove half-written temp files and an output folder the run made that is
// still empty, say what was written into place, if anything, exit 130, 143, 129 or 131 (SIGQUIT). Without a handler
// Node died at once, and generate's temp files stayed in the folder.
const stop = (code: number) => {
  for (const tmp of pendingTemps) rmSync(tmp, { force: true });
  removeEmptyCreatedFolders();
  // A prompt hides the cursor while it asks; a signal ends the run before the prompt shows it again
  // (Ctrl+C at a prompt is the prompt's, and shows it): SIGTERM left the shell with no cursor (tester T36 F2).
  if (process.stderr.isTTY) process.stderr.write('\x1b[?25h');
  const ctx = processContext();
  const lang = messageLang(ctx, langInArgv(process.argv.slice(2)));
  // An interview stopped at a question (SIGTERM, the terminal closed) keeps its answers so far as a draft.
  stderrLine(ctx, `\n${saveInterviewDraft(lang) ?? interruptedLine(lang, writtenFiles)}`);
  process.exit(code);
};
// Ctrl+\\ (SIGQUIT) too: without a handler it left the temp file of an output being written, and the progress line (tester T44).
for (const [signal, code] of [['SIGINT', EXIT.interrupted], ['SIGTERM', EXIT.terminated], ['SIGHUP', EXIT.hangup], ['SIGQUIT', EXIT.quit]] as const) process.on(signal, () => stop(code));
// The terminal seen gone at a prompt (EOF, EIO) before its SIGHUP arrives is the same hang-up.
whenTerminalCloses(() => stop(EXIT.hangup));
// A write to stdout that failed (a full disk, `> /dev/full`): the report's own write says so (output.ts);
// one that nothing awaited (help, the demo's lines) is said here, after the run, never as a crash.
let stdoutError: NodeJS.ErrnoException | undefined;
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  // `crm-audit kpi ... | head` closes the pipe early: that is not an error.
  if (error.code === 'EPIPE') process.exit(EXIT.ok);
  stdoutError ??= error;
});

// A message stderr cannot take (`2>/dev/full`, a closed pipe) changes nothing about the run: without a
// listener the write's error crashed it with exit 1, the code of a failed assertion, after a user's mistake (2).
process.stderr.on('error', () => undefined);

configureRun(runSettingsFromEnv(process.env, (line) => process.stderr.write(line)));
const argv = process.argv.slice(2);
process.on('exit', (code) => {
  if (stdoutError && code === EXIT.ok) {
    const ctx = processContext();
    printUserError(ctx, UserError.of('E_OUTPUT', 'output.stdout', osReason(stdoutError)), messageLang(ctx, langInArgv(argv)));
    process.exitCode = EXIT.usage;
  }
  // Last: a terminal closed under the run (SIGHUP, or EOF/EIO at a prompt) must not turn exit 129 into Node's crash.
  releaseDeadTerminals();
});
process.exitCode = await execute(argv, processContext());
