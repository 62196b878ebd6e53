/** The exit codes are a documented contract (README "Exit codes"). */
export const EXIT = {
  ok: 0,
  /** A threshold or assertion failed. */
  failed: 1,
  /** Usage or input error: the user can fix it. */
  usage: 2,
  /** A fault of the tool's own (an internal error, said with how to report it): sysexits' EX_SOFTWARE, never a user's mistake (tester T60). */
  internal: 70,
  /** The terminal closed (SIGHUP: an SSH session dropped, the window shut): 128 + 1. */
  hangup: 129,
  /** Interrupted (Ctrl+C). */
  interrupted: 130,
  /** Quit from the keyboard (Ctrl+\\, SIGQUIT): 128 + 3. */
  quit: 131,
  /** Stopped by SIGTERM (`timeout`, CI, `kill`): 128 + 15, as a shell reports a process the signal ended. */
  terminated: 143,
} as const;

export type ExitCode = (typeof EXIT)[keyof typeof EXIT];
