import { rmdirSync } from 'node:fs';

/** Temp files being written right now; the SIGINT, SIGTERM and SIGHUP handler (main.ts) removes them so Ctrl+C leaves nothing behind. */
export const pendingTemps = new Set<string>();

/** Files this run has put in place (as the user named them): a signal after them names them, never «nothing was saved». */
export const writtenFiles: string[] = [];

/** Folders this run has made for its output (makeOutputFolder), outermost first. */
export const createdFolders: string[] = [];

/**
 * Removes the folders this run made that are still empty, innermost first: a run stopped or failed
 * before anything was written left `-o new-folder` behind, empty. A folder something was written into
 * stays, and so does every folder around it.
 */
export function removeEmptyCreatedFolders(): void {
  while (createdFolders.length > 0) {
    try {
      rmdirSync(createdFolders[createdFolders.length - 1]!);
    } catch {
      return;
    }
    createdFolders.pop();
  }
}

let counter = 0;

/** A temp file name beside the target, unique within and across processes. */
export function tempNameFor(target: string): string {
  return `${target}.tmp-${process.pid}-${Date.now().toString(36)}-${(counter++).toString(36)}`;
}
