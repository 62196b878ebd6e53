import { closeSync, linkSync, lstatSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import path from 'node:path';
import type { Activity, Deal, Payment } from '../core/records.js';

/** Quotes a CSV field when it needs it. */
export function csvField(value: string, delimiter = ','): string {
  return /[",;\t\r\n]/.test(value) || value.includes(delimiter) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** `YYYY-MM-DD HH:MM:SS` of a wall-clock ms value, or '' for null. */
export function isoDateTime(ms: number | null): string {
  return ms === null ? '' : new Date(ms).toISOString().slice(0, 19).replace('T', ' ');
}

/** `DD.MM.YYYY HH:MM:SS` as Russian CRMs write it. */
export function ruDateTime(ms: number | null): string {
  if (ms === null) return '';
  const s = new Date(ms).toISOString();
  return `${s.slice(8, 10)}.${s.slice(5, 7)}.${s.slice(0, 4)} ${s.slice(11, 19)}`;
}

/** Where a writer's temp file is named and kept track of: the CLI's signal handler removes the temp files it holds. */
export interface TempFiles {
  nameFor(target: string): string;
  pending: Set<string>;
}

/**
 * Writes a large text file in 1 MB blocks to a temp file beside the target: finish() closes it, placeTogether
 * renames it into place (then placed()); abort() removes it. Used for generated exports of millions of rows.
 */
export class BlockWriter {
  private readonly fd: number;
  private readonly tmp: string;
  private buf = '';
  private open = true;

  constructor(
    private readonly target: string,
    private readonly temps?: TempFiles,
  ) {
    this.tmp = temps?.nameFor(target) ?? `${target}.tmp-${process.pid}`;
    // Known before it exists: a signal between the open and the add would leave it behind.
    temps?.pending.add(this.tmp);
    try {
      this.fd = openSync(this.tmp, 'w');
    } catch (error) {
      temps?.pending.delete(this.tmp);
      throw error;
    }
  }

  line(text: string): void {
    this.buf += `${text}\n`;
    if (this.buf.length > 1 << 20) this.flush();
  }

  raw(text: string): void {
    this.buf += text;
  }

  private flush(): void {
    if (this.buf) writeSync(this.fd, this.buf);
    this.buf = '';
  }

  /** Writes what is buffered and closes the temp file: every byte is on disk, nothing is in place yet. */
  finish(): void {
    this.flush();
    this.open = false;
    closeSync(this.fd);
  }

  /** The finished temp file and its place, for placeTogether (then placed() or abort()). */
  get finished(): Finished {
    return { tmp: this.tmp, target: this.target };
  }

  /** Says that placeTogether renamed the temp file into place: no longer one to remove. */
  placed(): void {
    this.temps?.pending.delete(this.tmp);
  }

  abort(): void {
    if (this.open) {
      this.open = false;
      try {
        closeSync(this.fd);
      } catch {
        // already closed
      }
    }
    rmSync(this.tmp, { force: true });
    this.temps?.pending.delete(this.tmp);
  }
}

/** A file written whole beside its place (`tmp`) and the place it goes to (`target`). */
export interface Finished {
  tmp: string;
  target: string;
}

/** A new file placeTogether left in place, the earlier file at `kept` (none: there was none), when undoing it failed too. */
export interface LeftInPlace {
  target: string;
  kept?: string;
}

/**
 * A set of files that could not be put in place together: `target` is the one that failed, `reason`
 * the system's error; `left` the new files that stay in place all the same (empty: nothing was
 * written, every place holds what it held before).
 */
export class PlaceError extends Error {
  constructor(
    readonly target: string,
    readonly reason: NodeJS.ErrnoException,
    readonly left: readonly LeftInPlace[],
  ) {
    super(`cannot put ${target} in place: ${reason.message}`);
    this.name = 'PlaceError';
  }
}

/** The file operations placeTogether makes (a test gives failing ones). */
export interface PlaceOps {
  link(from: string, to: string): void;
  rename(from: string, to: string): void;
  remove(file: string): void;
  /** Whether something stands at the path, and whether it is a folder (undefined: nothing). */
  kind(file: string): 'folder' | 'other' | undefined;
}

/** The file system's own operations (a test replaces one of them). */
export const FILE_OPS: PlaceOps = {
  link: (from, to) => linkSync(from, to),
  rename: (from, to) => renameSync(from, to),
  remove: (file) => rmSync(file, { force: true }),
  kind: (file) => {
    try {
      return lstatSync(file).isDirectory() ? 'folder' : 'other';
    } catch {
      return undefined;
    }
  },
};

/**
 * Renames finished temp files into place, all or none as far as the file system allows: each earlier
 * file is kept first under a temp name (a second name for it; where the disk has none, it is moved
 * there: a copy of a generated file of gigabytes doubled the space and time, and on a nearly full disk
 * refused a run one rename would have done), and when a rename fails, the files already placed are put
 * back (the earlier file) or removed (there was none), and those not placed get their earlier file
 * back. A full disk or a folder named activities.csv left a new deals.csv beside the old activities.
 * Throws PlaceError naming the file that failed and what, if anything, could not be undone.
 */
export function placeTogether(files: readonly Finished[], nameFor: (target: string) => string, ops: PlaceOps = FILE_OPS): void {
  const earlier: Array<Kept | undefined> = [];
  // An earlier file of a place not (or no longer) taken: a second name is dropped, a file moved aside goes back.
  const restore = (i: number) => {
    const kept = earlier[i];
    if (kept === undefined) return true;
    return attempt(() => (kept.moved ? ops.rename(kept.path, files[i]!.target) : ops.remove(kept.path)));
  };
  const left: LeftInPlace[] = [];
  const restoreFrom = (from: number) => {
    for (let i = from; i < earlier.length; i++) if (!restore(i)) left.push({ target: files[i]!.target, kept: earlier[i]!.path });
  };
  for (const f of files) {
    try {
      earlier.push(keepEarlier(f.target, nameFor, ops));
    } catch (error) {
      restoreFrom(0);
      throw new PlaceError(f.target, error as NodeJS.ErrnoException, left);
    }
  }
  let placed = 0;
  try {
    for (; placed < files.length; placed++) ops.rename(files[placed]!.tmp, files[placed]!.target);
  } catch (error) {
    for (let i = 0; i < placed; i++) {
      const { target } = files[i]!;
      const kept = earlier[i];
      if (!attempt(() => (kept === undefined ? ops.remove(target) : ops.rename(kept.path, target)))) left.push({ target, ...(kept === undefined ? {} : { kept: kept.path }) });
    }
    restoreFrom(placed);
    throw new PlaceError(files[placed]!.target, error as NodeJS.ErrnoException, left);
  }
  for (const kept of earlier) if (kept !== undefined) attempt(() => ops.remove(kept.path));
}

/** An earlier file kept under a temp name: a second name for it, or the file itself moved there. */
interface Kept {
  path: string;
  moved: boolean;
}

/** The file at `target` kept under a temp name, or undefined where there is no file to keep. */
function keepEarlier(target: string, nameFor: (target: string) => string, ops: PlaceOps): Kept | undefined {
  // Nothing there, or a folder: no rename puts a file over a folder, and there is nothing to put back.
  if (ops.kind(target) !== 'other') return undefined;
  const path = nameFor(target);
  try {
    ops.link(target, path);
    return { path, moved: false };
  } catch {
    ops.rename(target, path);
    return { path, moved: true };
  }
}

/** Runs `step`; whether it succeeded. */
function attempt(step: () => void): boolean {
  try {
    step();
    return true;
  } catch {
    return false;
  }
}

const DEAL_COLUMNS = ['id', 'manager', 'client', 'created_at', 'closed_at', 'stage', 'status', 'amount', 'loss_reason', 'source', 'pipeline'];
const ACTIVITY_COLUMNS = ['manager', 'at', 'kind', 'direction', 'missed', 'duration_s', 'deal_id', 'client'];
const PAYMENT_COLUMNS = ['deal_id', 'manager', 'invoiced', 'paid', 'invoiced_at', 'paid_at'];

/**
 * Writers for the canonical layout (the field names of spec/metrics.md as headers). place() puts the
 * three files in place only once all three are written whole (a full disk while the activities were
 * flushed left a new deals.csv beside the old activities), and together (placeTogether): a throw
 * leaves every place as it was but for what PlaceError names; abort() then removes the temp files.
 */
export function canonicalWriters(dir: string, temps?: TempFiles) {
  // Opened one after the other: when one cannot be opened, the temp files already made are removed.
  const opened: BlockWriter[] = [];
  const open = (name: string) => {
    try {
      const w = new BlockWriter(path.join(dir, name), temps);
      opened.push(w);
      return w;
    } catch (error) {
      opened.forEach((w) => w.abort());
      throw error;
    }
  };
  const deals = open('deals.csv');
  const activities = open('activities.csv');
  const payments = open('payments.csv');
  deals.line(DEAL_COLUMNS.join(','));
  activities.line(ACTIVITY_COLUMNS.join(','));
  payments.line(PAYMENT_COLUMNS.join(','));
  const f = (s: string) => csvField(s);
  return {
    sink: {
      deal: (d: Deal) => deals.line([f(d.id), f(d.manager), f(d.client), isoDateTime(d.created_at), isoDateTime(d.closed_at), f(d.stage), d.status, d.amount === null ? '' : String(d.amount), f(d.loss_reason), f(d.source), f(d.pipeline)].join(',')),
      activity: (a: Activity) => activities.line([f(a.manager), isoDateTime(a.at), a.kind, a.direction, a.missed ? 'true' : 'false', a.duration_s === null ? '' : String(a.duration_s), f(a.deal_id), f(a.client)].join(',')),
      payment: (p: Payment) => payments.line([f(p.deal_id), f(p.manager), String(p.invoiced), String(p.paid), isoDateTime(p.invoiced_at), isoDateTime(p.paid_at)].join(',')),
    },
    place: () => {
      const all = [deals, activities, payments];
      all.forEach((w) => w.finish());
      placeTogether(
        all.map((w) => w.finished),
        temps?.nameFor ?? ((target) => `${target}.kept-${process.pid}`),
      );
      all.forEach((w) => w.placed());
    },
    abort: () => [deals, activities, payments].forEach((w) => w.abort()),
  };
}
