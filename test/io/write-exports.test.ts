import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { canonicalWriters } from '../../src/io/write-exports.js';

const ROOT = mkdtempSync(path.join(tmpdir(), 'crm-audit-writers-'));
afterAll(() => rmSync(ROOT, { recursive: true, force: true }));

const temps = () => {
  let n = 0;
  return { nameFor: (target: string) => `${target}.tmp-test-${n++}`, pending: new Set<string>() };
};

describe('canonicalWriters', () => {
  // SIGTERM during generate left deals.csv.tmp-PID and its siblings: the CLI's handler removes what `pending` holds.
  it('keeps its temp files in `pending` while they are written, and puts all three in place together', () => {
    const dir = mkdtempSync(path.join(ROOT, 'close-'));
    const t = temps();
    const w = canonicalWriters(dir, t);
    expect([...t.pending].map((f) => path.basename(f))).toEqual(['deals.csv.tmp-test-0', 'activities.csv.tmp-test-1', 'payments.csv.tmp-test-2']);
    expect(readdirSync(dir).sort()).toEqual(['activities.csv.tmp-test-1', 'deals.csv.tmp-test-0', 'payments.csv.tmp-test-2']);
    w.close();
    expect(t.pending.size).toBe(0);
    expect(readdirSync(dir).sort()).toEqual(['activities.csv', 'deals.csv', 'payments.csv']);
    expect(readFileSync(path.join(dir, 'deals.csv'), 'utf8')).toBe('id,manager,client,created_at,closed_at,stage,status,amount,loss_reason,source,pipeline\n');
  });

  it('abort removes the temp files and writes nothing into place', () => {
    const dir = mkdtempSync(path.join(ROOT, 'abort-'));
    const t = temps();
    const w = canonicalWriters(dir, t);
    w.sink.deal({ id: '1', manager: 'M', client: 'C', created_at: 0, closed_at: null, status: 'open', stage: '', pipeline: '', source: '', loss_reason: '', amount: null, name: '' });
    w.abort();
    expect(t.pending.size).toBe(0);
    expect(readdirSync(dir)).toEqual([]);
  });
});
