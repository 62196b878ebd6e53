import { rmdirSync } from 'node:fs';
import path from 'node:path';

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

/** The longest file name most file systems take, in bytes (NAME_MAX of ext4, XFS, APFS, NTFS's 255 UTF-16 units aside). */
const NAME_MAX = 255;

/**
 * A temp file name beside the target, unique within and across processes. A target whose name is near
 * the longest a folder takes (125 Cyrillic letters are 250 bytes) gets a short one: the suffix made a
 * legal name too long, and the write failed as an «internal error» (a tester).
 */
export function tempNameFor(target: string): string {
  const suffix = `.tmp-${process.pid}-${Date.now().toString(36)}-${(counter++).toString(36)}`;
  if (Buffer.byteLength(path.basename(target) + suffix) <= NAME_MAX) return `${target}${suffix}`;
  return path.join(path.dirname(target), `.crm-audit${suffix}`);
}
