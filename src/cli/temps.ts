/** Temp files being written right now; the SIGINT, SIGTERM and SIGHUP handler (main.ts) removes them so Ctrl+C leaves nothing behind. */
export const pendingTemps = new Set<string>();

/** Files this run has put in place (as the user named them): a signal after them names them, never «nothing was saved». */
export const writtenFiles: string[] = [];

let counter = 0;

/** A temp file name beside the target, unique within and across processes. */
export function tempNameFor(target: string): string {
  return `${target}.tmp-${process.pid}-${Date.now().toString(36)}-${(counter++).toString(36)}`;
}
