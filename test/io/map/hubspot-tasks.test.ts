// HubSpot's Tasks index export (profiles/hubspot-tasks.yaml). Tester T72 (F2): it was taken for HubSpot's
// calls export, the stop's snippet proposed its Create date as the time, and a task not started counted as
// a touch. Every row is a task (kind other, whatever its Task Type), done only when completed.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readActivityRows } from '../../helpers/activity-rows.js';

const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-hubspot-tasks-'));

describe('HubSpot tasks', () => {
  it('are tasks of kind other at their completion, else due time; one not started is planned', async () => {
    const { profile, rows, report } = await readActivityRows(dir, 'tasks.csv', [
      'Record ID,Task Title,Task Type,Task status,Due date,Assigned to,Completed at,Associated Deal,Associated Deal IDs,Associated Company,Create date',
      '1,Call John,Call,Completed,2024-03-01 10:30,Anna Petrova,2024-03-01 10:40,Acme roll-out,101,Acme,2024-03-01 10:05',
      '2,Send proposal,Email,Completed,2024-03-02 10:30,Anna Petrova,,Acme roll-out,101,Acme,2024-03-01 10:06',
      '3,Follow-up,To-do,Not started,2024-05-01 10:30,Boris Ivanov,,Initech,103,Initech,2024-04-02 11:05',
    ]);
    expect(profile).toBe('hubspot-tasks');
    expect(rows).toEqual(['other - Anna Petrova 101 2024-03-01T10:40', 'other - Anna Petrova 101 2024-03-02T10:30']);
    expect(report.dropped).toEqual({ 'planned activity, not done': 1 });
    expect(report.columns.find((c) => c.header === 'Task Type')?.field).toBeUndefined();
  });
});
