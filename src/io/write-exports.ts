import { closeSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
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
 * Writes a large text file in 1 MB blocks to a temp file beside the target, renamed into place by
 * close() (or finish() then place()); abort() removes it. Used for generated exports of millions of rows.
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

  close(): void {
    this.finish();
    this.place();
  }

  /** Writes what is buffered and closes the temp file: every byte is on disk, nothing is in place yet. */
  finish(): void {
    this.flush();
    this.open = false;
    closeSync(this.fd);
  }

  /** Renames the finished temp file into place. */
  place(): void {
    renameSync(this.tmp, this.target);
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

const DEAL_COLUMNS = ['id', 'manager', 'client', 'created_at', 'closed_at', 'stage', 'status', 'amount', 'loss_reason', 'source', 'pipeline'];
const ACTIVITY_COLUMNS = ['manager', 'at', 'kind', 'direction', 'missed', 'duration_s', 'deal_id', 'client'];
const PAYMENT_COLUMNS = ['deal_id', 'manager', 'invoiced', 'paid', 'invoiced_at', 'paid_at'];

/**
 * Writers for the canonical layout (the field names of spec/metrics.md as headers). close() puts the
 * three files in place only once all three are written whole: a full disk while the activities were
 * flushed left a new deals.csv beside the old activities.
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
    close: () => {
      const all = [deals, activities, payments];
      all.forEach((w) => w.finish());
      all.forEach((w) => w.place());
    },
    abort: () => [deals, activities, payments].forEach((w) => w.abort()),
  };
}
