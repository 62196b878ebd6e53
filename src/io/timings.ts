/**
 * With CRM_AUDIT_TIMINGS=1, the phases of a run are written to stderr with the milliseconds since the
 * process started: a tool for performance work (the benchmark's figures are measured without it).
 */
const on = process.env.CRM_AUDIT_TIMINGS === '1';

/** The wall-clock time in ms (comparable between threads). */
export function clock(): number {
  return performance.timeOrigin + performance.now();
}

/** Writes a phase mark: `label` happened at `at` (now by default). */
export function timing(label: string, at = clock()): void {
  if (on) process.stderr.write(`timing ${Math.round(at - performance.timeOrigin)} ms: ${label}\n`);
}
