// Testers T70 (L7), T71 (M6): a task list of no known CRM whose «Статус» / Status holds a task's status
// (Not Started, In Progress, Completed; «Выполнена», «Не выполнена») was read as a call's missed status:
// «Not Started» an answered call, and planned tasks counted as touches. Each row below is read by hand.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readActivityRows } from '../../helpers/activity-rows.js';

const dir = mkdtempSync(path.join(tmpdir(), 'status-as-done-'));

describe('a status column of a task list is read as done', () => {
  it('Salesforce-like tasks (too few columns for its profile): the planned ones dropped and counted', async () => {
    const { rows, report } = await readActivityRows(dir, 'tasks.csv', [
      'Assigned,Subject,Date,Status,Related To',
      'Bob Jones,Call,2024-03-01 10:00,Completed,Umbrella',
      'Bob Jones,Follow up,2024-03-02 10:00,Not Started,Umbrella',
      'Bob Jones,Proposal,2024-03-03 10:00,In Progress,Umbrella',
    ]);
    expect(report.columns.find((c) => c.header === 'Status')).toMatchObject({ field: 'done', byValues: ['Completed', 'Not Started', 'In Progress'] });
    expect(rows).toEqual(['call - Bob Jones - 2024-03-01T10:00']);
    expect(report.dropped).toEqual({ 'planned activity, not done': 2 });
  });

  it('amoCRM-like tasks in Russian: «Не выполнена» planned; a column passed over for the missed status is left unmapped', async () => {
    const { rows, report } = await readActivityRows(dir, 'amo.csv', [
      'Дата создания;Ответственный;Тип задачи;Результат;Статус',
      '01.03.2025 10:00;Иванов;Звонок;Дозвонился;Выполнена',
      '02.03.2025 10:00;Иванов;Звонок;;Не выполнена',
    ], { at: 'Дата создания' });
    expect(report.columns.find((c) => c.header === 'Статус')?.field).toBe('done');
    expect(report.columns.find((c) => c.header === 'Результат')?.field).toBeUndefined();
    expect(report.columns.find((c) => c.header === 'Результат')?.passedOverFor).toBeUndefined();
    expect(rows).toEqual(['call - Иванов - 2025-03-01T10:00']);
  });

  // Its header need not be a status header's for a blank to say nothing: «Результат» read as done by its values.
  it('a blank cell of a status read as done by its values says nothing (the task is kept), as Status\'s does', async () => {
    const { rows, report } = await readActivityRows(dir, 'result.csv', [
      'Дата;Ответственный;Тип задачи;Результат',
      '01.03.2025 10:00;Иванов;Звонок;Выполнена',
      '02.03.2025 10:00;Иванов;Звонок;Не выполнена',
      '03.03.2025 10:00;Иванов;Звонок;',
    ]);
    expect(report.columns.find((c) => c.header === 'Результат')?.field).toBe('done');
    expect(rows).toEqual(['call - Иванов - 2025-03-01T10:00', 'call - Иванов - 2025-03-03T10:00']);
    expect(report.dropped).toEqual({ 'planned activity, not done': 1 });
  });

  // Review R53 (H1): «Завершен», «Отменен» are a call's statuses too: a call log (its duration) keeps them as missed statuses.
  it('a call log with a duration, or with no status still to do, keeps its status as the missed one', async () => {
    const log = await readActivityRows(dir, 'log.csv', ['Дата;Сотрудник;Тип;Статус;Длительность', '01.03.2025 10:00;Иванов;Исходящий;Завершен;60', '01.03.2025 11:00;Иванов;Входящий;Отменен;0']);
    expect(log.report.columns.find((c) => c.header === 'Статус')?.field).toBe('missed');
    const noPlan = await readActivityRows(dir, 'noplan.csv', ['Date,Manager,Status', '2024-03-01 10:00,Ann,Completed', '2024-03-02 10:00,Ann,Cancelled']);
    expect(noPlan.report.columns.find((c) => c.header === 'Status')?.field).toBe('missed');
  });

  it('a call log\'s status stays the missed status: «Completed» alone is an answered call, «Missed» beside it a missed one', async () => {
    for (const values of [['Completed', 'Completed'], ['Completed', 'Missed'], ['Отвечен', 'Не выполнено']]) {
      const { report } = await readActivityRows(dir, 'calls.csv', ['Date,Manager,Direction,Status', `2024-03-01 10:00,Ann,Inbound,${values[0]}`, `2024-03-02 10:00,Ann,Inbound,${values[1]}`]);
      expect([values, report.columns.find((c) => c.header === 'Status')?.field]).toEqual([values, 'missed']);
    }
  });
});
