/**
 * How a run reads large files (tuning for performance work and tests) and where its diagnostics go.
 * Only the CLI decides these (from CRM_AUDIT_* variables): io code never reads the environment or
 * writes to a stream itself.
 */
export interface RunSettings {
  /** Text files from this size on are read in two halves by two threads (0: never). */
  splitFromBytes: number;
  /** Chunks of an activities file's second half that the main thread may take over; undefined: none. */
  takeover: { chunk: number; wait: boolean } | undefined;
  /** Outgoing calls from which a worker thread still running after the activities resolves their callbacks (Helper.resolveCallbacks). */
  callbacksOnWorkerFrom: number;
  /** Says which files were read in two halves, and where callbacks were resolved (for tests). */
  traceSplits: boolean;
  /** Marks the phases of a run with the time since the process started. */
  timings: boolean;
  /** Receives diagnostic lines (traces, timings). */
  diagnostics: (line: string) => void;
}

const DEFAULTS: RunSettings = {
  splitFromBytes: 32 * 1024 * 1024,
  takeover: { chunk: 1 << 20, wait: false },
  // Below this, a message each way (about a millisecond) costs more than the pass saves.
  callbacksOnWorkerFrom: 1 << 16,
  traceSplits: false,
  timings: false,
  diagnostics: () => {},
};

let current: RunSettings = DEFAULTS;

/** Sets the settings of every later run in this process. */
export function configureRun(settings: Partial<RunSettings>): void {
  current = { ...DEFAULTS, ...settings };
}

/** The settings in force. */
export function runSettings(): RunSettings {
  return current;
}

/** The wall-clock time in ms (comparable between threads). */
export function clock(): number {
  return performance.timeOrigin + performance.now();
}

/**
 * Marks a phase of the run: `label` happened at `at` (now by default). With it, the memory then:
 * the process's resident set, this thread's JavaScript heap, and the buffers of this thread (typed
 * arrays' memory, shared ones counted by each thread that holds them).
 */
export function timing(label: string, at = clock()): void {
  if (!current.timings) return;
  const m = process.memoryUsage();
  const mb = (n: number): number => Math.round(n / 1e6);
  current.diagnostics(`timing ${Math.round(at - performance.timeOrigin)} ms: ${label} [rss ${mb(m.rss)} MB, heap ${mb(m.heapUsed)} MB, buffers ${mb(m.arrayBuffers)} MB]\n`);
}
