import { closeSync } from 'node:fs';
import { isatty } from 'node:tty';

/** The standard streams that were terminals when the run started. */
const startedOnTerminal = [0, 1, 2].filter((fd) => isatty(fd));

/**
 * The standard streams whose terminal has gone away since the run started (an SSH session dropped,
 * the window shut): a hung-up tty answers no terminal call (EIO), so it is no terminal any more.
 */
export function deadTerminals(): number[] {
  return startedOnTerminal.filter((fd) => !isatty(fd));
}

/**
 * Lets the process end with its exit code when its terminal has gone away. At exit Node restores the
 * terminal modes of the standard streams it found terminals (ResetStdio) and asserts that this worked:
 * on a hung-up tty it fails with EIO, and Node 20 aborted on the assertion and crashed with signal 11
 * instead of exiting 129. Node skips a descriptor that is closed, so the dead ones are closed here, at
 * the very end (the 'exit' event): nothing can be written to them anyway, and nothing is opened after.
 */
export function releaseDeadTerminals(): void {
  for (const fd of deadTerminals()) {
    try {
      closeSync(fd);
    } catch {
      // Already closed: nothing to release.
    }
  }
}

let onHangUp: (() => void) | undefined;

/** What the run does when its terminal goes away (main.ts: what SIGHUP does: exit 129). */
export function whenTerminalCloses(handler: () => void): void {
  onHangUp = handler;
}

/**
 * Called by a prompt whose input ended or failed: when it is a terminal that has gone away, the run is
 * ended at once, as SIGHUP ends it (readline would go on to restore the terminal's mode, fail with
 * EIO and throw it from its own 'error' event, which nothing can listen to). Whether it did not.
 */
export function hangUpIfTerminalClosed(input: NodeJS.ReadableStream): boolean {
  const fd = (input as { fd?: unknown }).fd;
  if (!(input as { isTTY?: boolean }).isTTY || typeof fd !== 'number' || isatty(fd) || !onHangUp) return false;
  onHangUp();
  return true;
}
