import { mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { canonicalWriters, FILE_OPS, PlaceError, placeTogether, type PlaceOps } from '../../src/io/write-exports.js';

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
    w.place();
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

describe('placeTogether', () => {
  /** A folder with three finished temp files, the earlier files of those `earlier` names, and a folder at `blocked`. */
  const prepare = (earlier: string[], blocked?: string) => {
    const dir = mkdtempSync(path.join(ROOT, 'place-'));
    const names = ['deals.csv', 'activities.csv', 'payments.csv'];
    for (const name of names) writeFileSync(path.join(dir, `${name}.new`), `new ${name}\n`);
    for (const name of earlier) writeFileSync(path.join(dir, name), `old ${name}\n`);
    if (blocked !== undefined) mkdirSync(path.join(dir, blocked));
    const files = names.map((name) => ({ tmp: path.join(dir, `${name}.new`), target: path.join(dir, name) }));
    let n = 0;
    return { dir, files, nameFor: (target: string) => `${target}.kept-${n++}` };
  };
  /** What the folder holds: each file's text, or «a folder». */
  const read = (dir: string) => Object.fromEntries(readdirSync(dir).sort().map((f) => [f, statSync(path.join(dir, f)).isDirectory() ? 'a folder' : readFileSync(path.join(dir, f), 'utf8')]));

  it('puts all in place and keeps no earlier file', () => {
    const { dir, files, nameFor } = prepare(['deals.csv']);
    placeTogether(files, nameFor);
    expect(read(dir)).toEqual({ 'activities.csv': 'new activities.csv\n', 'deals.csv': 'new deals.csv\n', 'payments.csv': 'new payments.csv\n' });
  });

  // A folder named activities.csv failed the second rename: the new deals.csv stayed beside the old payments.csv.
  it('a rename that fails puts the earlier files back and removes a new one where there was none', () => {
    const { dir, files, nameFor } = prepare(['payments.csv'], 'activities.csv');
    let error: unknown;
    try {
      placeTogether(files, nameFor);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(PlaceError);
    expect((error as PlaceError).target).toBe(files[1]!.target);
    expect((error as PlaceError).reason.code).toBe('EISDIR');
    expect((error as PlaceError).left).toEqual([]);
    // The temp files not placed are the caller's to remove (abort); nothing else changed.
    expect(read(dir)).toEqual({ 'activities.csv': 'a folder', 'activities.csv.new': 'new activities.csv\n', 'payments.csv': 'old payments.csv\n', 'payments.csv.new': 'new payments.csv\n' });

    const again = prepare(['deals.csv', 'activities.csv', 'payments.csv']);
    const third: PlaceOps = { ...FILE_OPS, rename: (from, to) => (to === again.files[2]!.target ? fail('ENOSPC') : renameSync(from, to)) };
    expect(() => placeTogether(again.files, again.nameFor, third)).toThrow(PlaceError);
    expect(read(again.dir)).toEqual({ 'activities.csv': 'old activities.csv\n', 'deals.csv': 'old deals.csv\n', 'payments.csv': 'old payments.csv\n', 'payments.csv.new': 'new payments.csv\n' });
  });

  it('says which new files stay in place when putting the earlier ones back fails too, and where they are kept', () => {
    const { dir, files, nameFor } = prepare(['deals.csv']);
    // The second rename fails, and so does every rename after it (the disk went read-only).
    let broken = false;
    const ops: PlaceOps = {
      ...FILE_OPS,
      rename: (from, to) => {
        if (broken || to === files[1]!.target) {
          broken = true;
          fail('EROFS');
        }
        renameSync(from, to);
      },
    };
    let error: PlaceError | undefined;
    try {
      placeTogether(files, nameFor, ops);
    } catch (e) {
      error = e as PlaceError;
    }
    expect(error?.left).toEqual([{ target: files[0]!.target, kept: `${files[0]!.target}.kept-0` }]);
    expect(readFileSync(files[0]!.target, 'utf8')).toBe('new deals.csv\n');
    expect(readFileSync(`${files[0]!.target}.kept-0`, 'utf8')).toBe('old deals.csv\n');
    expect(readdirSync(dir).sort()).toEqual(['activities.csv.new', 'deals.csv', 'deals.csv.kept-0', 'payments.csv.new']);
  });

  // A reviewer: the copy this took where the disk has no second names doubled a generated file's gigabytes, and on a nearly full disk refused the run.
  it('moves an earlier file aside where the disk has no second names for a file, and back when the set fails', () => {
    const noLinks: PlaceOps = { ...FILE_OPS, link: () => fail('EPERM') };
    const ok = prepare(['deals.csv']);
    placeTogether(ok.files, ok.nameFor, noLinks);
    expect(read(ok.dir)).toEqual({ 'activities.csv': 'new activities.csv\n', 'deals.csv': 'new deals.csv\n', 'payments.csv': 'new payments.csv\n' });
    // The third rename fails: the placed ones get their earlier files back, and so does the one not placed.
    const { dir, files, nameFor } = prepare(['deals.csv', 'activities.csv', 'payments.csv']);
    const ops: PlaceOps = { ...noLinks, rename: (from, to) => (from === files[2]!.tmp ? fail('ENOSPC') : renameSync(from, to)) };
    let error: PlaceError | undefined;
    try {
      placeTogether(files, nameFor, ops);
    } catch (e) {
      error = e as PlaceError;
    }
    expect(error?.left).toEqual([]);
    expect(read(dir)).toEqual({ 'activities.csv': 'old activities.csv\n', 'deals.csv': 'old deals.csv\n', 'payments.csv': 'old payments.csv\n', 'payments.csv.new': 'new payments.csv\n' });
  });
});

function fail(code: string): never {
  throw Object.assign(new Error(`${code}: test`), { code });
}
