// Testers T70, T71: a task list's status column read as done (src/io/map/status-as-done.ts), the same
// whole and in two halves (the second half, which has no first rows to judge by, takes the first half's
// reading). Expectations are worked out by hand.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { kpiBothWays } from '../helpers/both-ways.js';

const dir = mkdtempSync(path.join(tmpdir(), 'status-done-'));

describe('a large task list whose Status is a task\'s status', () => {
  it('drops the planned tasks in both halves: the touches are the completed ones', () => {
    writeFileSync(path.join(dir, 'deals.csv'), ['id,manager,client,created_at,closed_at,status,amount', '1,Bob Jones,Umbrella,2024-01-01 09:00,2024-12-31 18:00,won,1000'].join('\n'));
    // 3 000 tasks on Umbrella's deal, every third one Not Started (i % 3 = 1), the rest Completed: 2 000 touches.
    const tasks = Array.from({ length: 3000 }, (_, i) => `Bob Jones,Task ${i},2024-03-${String((i % 28) + 1).padStart(2, '0')} 10:00,${i % 3 === 1 ? 'Not Started' : 'Completed'},Umbrella`);
    writeFileSync(path.join(dir, 'tasks.csv'), ['Assigned,Subject,Date,Status,Related To', ...tasks].join('\n'));
    const { result } = kpiBothWays(dir, ['-d', 'deals.csv', '-a', 'tasks.csv'], ['tasks.csv']);
    expect(result.total.touches_per_won).toBe(2000);
    expect(result.dataQuality.files[1]).toMatchObject({ records: 2000, dropped: { 'planned activity, not done': 1000 } });
  });
});
