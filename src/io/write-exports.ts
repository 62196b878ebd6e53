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

/**
 * Writes a large text file in 1 MB blocks to a temp file beside the target, renamed into place by
 * close(); abort() removes it. Used for generated exports of millions of rows.
 */
export class BlockWriter {
  private readonly fd: number;
  private readonly tmp: string;
  private buf = '';

  constructor(private readonly target: string) {
    this.tmp = `${target}.tmp-${process.pid}`;
    this.fd = openSync(this.tmp, 'w');
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
    this.flush();
    closeSync(this.fd);
    renameSync(this.tmp, this.target);
  }

  abort(): void {
    try {
      closeSync(this.fd);
    } catch {
      // already closed
    }
    rmSync(this.tmp, { force: true });
  }
}

const DEAL_COLUMNS = ['id', 'manager', 'client', 'created_at', 'closed_at', 'stage', 'status', 'amount', 'loss_reason', 'source', 'pipeline'];
const ACTIVITY_COLUMNS = ['manager', 'at', 'kind', 'direction', 'missed', 'duration_s', 'deal_id', 'client'];
const PAYMENT_COLUMNS = ['deal_id', 'manager', 'invoiced', 'paid', 'invoiced_at', 'paid_at'];

/** Writers for the canonical layout (the field names of spec/metrics.md as headers). */
export function canonicalWriters(dir: string) {
  // Opened one after the other: when one cannot be opened, the temp files already made are removed.
  const opened: BlockWriter[] = [];
  const open = (name: string) => {
    try {
      const w = new BlockWriter(path.join(dir, name));
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
    close: () => [deals, activities, payments].forEach((w) => w.close()),
    abort: () => [deals, activities, payments].forEach((w) => w.abort()),
  };
}
