import type { AssertionResult } from '../../core/assert.js';
import { describeFailure, type AuditNames } from './assertion-text.js';

/** Escapes a workflow command's message as the GitHub runner expects (`%`, CR, LF). */
const escapeData = (s: string) => s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
/** Escapes a workflow command's property value (also `:` and `,`). */
const escapeProperty = (s: string) => escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');

/** Where a config's assertion was written: its file, and its line where known. */
export type AnnotatedAt = string | { file: string; line?: number };

/**
 * GitHub Actions annotations for failed assertions: `::error title=…::message` for `error`, `::warning`
 * for `warn`, one per offending value; `file` (and `line`) name the config file's entry the assertion came from, if any.
 */
export function renderGithubAnnotations(results: readonly AssertionResult[], lang: string, files: ReadonlyMap<string, AnnotatedAt> = new Map(), names?: AuditNames): string {
  const out: string[] = [];
  for (const a of results.filter((x) => !x.passed)) {
    const command = a.level === 'error' ? 'error' : 'warning';
    const props = [`title=${escapeProperty(`crm-audit: ${a.assertion}`)}`];
    const at = files.get(a.assertion);
    const where = typeof at === 'string' ? { file: at } : at;
    // The line of the config's entry, where the runner shows the annotation in the file's diff.
    if (where?.line !== undefined) props.unshift(`line=${where.line}`);
    if (where) props.unshift(`file=${escapeProperty(where.file)}`);
    for (const f of a.failures) out.push(`::${command} ${props.join(',')}::${escapeData(describeFailure(a, f, lang, names))}`);
  }
  return out.length > 0 ? `${out.join('\n')}\n` : '';
}
