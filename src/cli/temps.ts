/** Temp files being written right now; the SIGINT handler removes them so Ctrl+C leaves nothing behind. */
export const pendingTemps = new Set<string>();

let counter = 0;

/** A temp file name beside the target, unique within and across processes. */
export function tempNameFor(target: string): string {
  return `${target}.tmp-${process.pid}-${Date.now().toString(36)}-${(counter++).toString(36)}`;
}
