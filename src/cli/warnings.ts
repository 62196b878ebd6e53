import { tr } from '../core/i18n.js';
import { say, UNUSED_OPTION } from '../core/messages.js';
import { paint, type CliContext } from './context.js';

/**
 * Says on stderr which options were given to no effect (`--hourly-cost` without `--managers`,
 * `--monthly-cost` without `--cost`): a user who typed one expects it in the numbers.
 */
export function warnUnusedOptions(ctx: CliContext, lang: string, unused: ReadonlyArray<keyof typeof UNUSED_OPTION | false>): void {
  const p = paint(ctx);
  for (const key of unused) if (key) ctx.stderr.write(`${p.yellow(tr(lang, 'Внимание', 'Warning'))}: ${say(UNUSED_OPTION[key], lang)}\n`);
}
