/** The exit codes are a documented contract (README "Exit codes"). */
export const EXIT = {
  ok: 0,
  /** A threshold or assertion failed. */
  failed: 1,
  /** Usage or input error: the user can fix it. */
  usage: 2,
  /** Interrupted (Ctrl+C). */
  interrupted: 130,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
