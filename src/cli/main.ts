import { rmSync } from 'node:fs';
import { configureRun } from '../io/run-settings.js';
import { processContext } from './context.js';
import { messageLang } from './message-lang.js';
import { execute, langInArgv, runSettingsFromEnv } from './execute.js';
import { PRINTER, say } from '../core/messages.js';
import { EXIT } from './exit-codes.js';
import { pendingTemps } from './temps.js';

// Ctrl+C outside a prompt (e.g. during a long import): remove half-written temp files, exit 130.
process.on('SIGINT', () => {
  for (const tmp of pendingTemps) rmSync(tmp, { force: true });
  process.stderr.write(`\n${say(PRINTER.interrupted, messageLang(processContext(), langInArgv(process.argv.slice(2))))}\n`);
  process.exit(EXIT.interrupted);
});
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  // `crm-audit kpi ... | head` closes the pipe early: that is not an error.
  if (error.code === 'EPIPE') process.exit(EXIT.ok);
  throw error;
});

configureRun(runSettingsFromEnv(process.env, (line) => process.stderr.write(line)));
process.exitCode = await execute(process.argv.slice(2), processContext());
