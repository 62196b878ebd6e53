import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { UserError } from '../../../src/core/errors.js';
import { importFile } from '../../../src/io/map/import.js';
import { kindSaidBy } from '../../../src/io/map/inspect.js';
import { stdinHead, type HeadRow } from '../../../src/io/map/stdin-head.js';

const CALLS = 'manager,at,kind,direction,missed,duration_s,deal_id\nИванов,2025-03-01 10:30:00,call,out,false,120,1\nИванов,2025-03-02 11:00:00,call,in,true,0,1\n';
const dealsText = (rows: number) => ['id,manager,created_at,status', ...Array.from({ length: rows }, (_, i) => `${i + 1},Иванов,2025-03-01 10:00:00,won`)].join('\n');
const stdinOf = (text: string) => Readable.from([Buffer.from(text)]);

// stdin is read once: the rows its header was searched in are kept, so that what they say (a call log
// given as --deals) is judged as a path's first rows are, read again.
describe("stdin's first rows, kept by its import", () => {
  it('are kept when the import fails on its columns, and say what the file is', async () => {
    const stdin = stdinOf(CALLS);
    const error = await importFile('-', 'deals', { cwd: '/', stdin }, () => undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).code).toBe('E_MAP_REQUIRED');
    const rows = stdinHead(stdin)!;
    expect(rows.map((r) => r.row)).toEqual([1, 2, 3]);
    expect(kindSaidBy(rows, '-', 30)).toEqual({ kind: 'activities', said: true });
  });

  it('are the header search only, handed over before the first record', async () => {
    const stdin = stdinOf(dealsText(100));
    const seen: Array<readonly HeadRow[]> = [];
    let records = 0;
    let before = -1;
    const onStdinHead = (rows: readonly HeadRow[]) => {
      seen.push(rows.slice());
      before = records;
    };
    const report = await importFile('-', 'deals', { cwd: '/', stdin, onStdinHead }, () => records++);
    expect(report.records).toBe(100);
    expect(before).toBe(0);
    expect(seen).toHaveLength(1);
    expect(seen[0]).toHaveLength(30);
    expect(stdinHead(stdin)).toEqual(seen[0]);
    expect(kindSaidBy(seen[0]!, '-', 30)).toEqual({ kind: 'deals', said: true });
  });

  it('a hook that refuses them stops the import before any row is read', async () => {
    let records = 0;
    const refuse = () => {
      throw UserError.of('E_COMPARE_KIND', 'import.noRows');
    };
    const error = await importFile('-', 'deals', { cwd: '/', stdin: stdinOf(dealsText(100)), onStdinHead: refuse }, () => records++).catch((e: unknown) => e);
    expect((error as UserError).code).toBe('E_COMPARE_KIND');
    expect(records).toBe(0);
  });

  it('a stream not read yet has nothing kept', () => {
    expect(stdinHead(stdinOf(CALLS))).toBeUndefined();
  });
});
