import type { AssertionResult } from '../core/assert.js';
import { assertionTally, describeFailure, levelWord, type AuditNames } from '../render/report/assertion-text.js';
import { renderGithubAnnotations, type AnnotatedAt } from '../render/report/annotations.js';
import { paint, type CliContext } from './context.js';
import { terminalSafe } from '../render/terminal-safe.js';
import { stderrLine } from './wrap.js';

export { messageLang } from './message-lang.js';

/** Whether GitHub Actions runs us (it sets GITHUB_ACTIONS=true), so failures become annotations. */
export function onGithubActions(ctx: CliContext): boolean {
  return ctx.env.GITHUB_ACTIONS === 'true';
}

/**
 * Prints what the assertions found: a readable line per failure on stderr, GitHub annotations when on
 * GitHub Actions (on stdout when the report went to a file, else on stderr so the report stays clean;
 * the runner reads workflow commands from both), and the tally.
 */
export function printAssertionOutcome(ctx: CliContext, results: readonly AssertionResult[], lang: string, reportOnStdout: boolean, files: ReadonlyMap<string, AnnotatedAt>, names?: AuditNames): void {
  if (results.length === 0) return;
  const c = paint(ctx, 'stderr');
  for (const a of results.filter((x) => !x.passed)) {
    const tag = a.level === 'error' ? c.red(`✗ ${levelWord('error', lang)}`) : c.yellow(`⚠ ${levelWord('warn', lang)}`);
    for (const f of a.failures) stderrLine(ctx, `${tag}: ${terminalSafe(describeFailure(a, f, lang, names), false)}  ${c.dim(`[${a.assertion}]`)}`);
  }
  if (onGithubActions(ctx)) (reportOnStdout ? ctx.stderr : ctx.stdout).write(renderGithubAnnotations(results, lang, files, names));
  stderrLine(ctx, assertionTally(results, lang));
}
