import { describe, expect, it } from 'vitest';
import { describeAlert } from '../../src/core/kpi/alerts.js';

// Pending: the fix belongs in src/core/kpi/alerts.ts (describeAlert, 'nul-bytes'), under the KPI rewrite.
// Reproduce: printf 'ID;Ответственный;Дата создания;Этап сделки\n1;Ива\0нов;01.07.2024;Успешно реализовано\n' > n.csv;
// LANG=ru_RU.UTF-8 crm-audit kpi -d n.csv  ->  «удалено 1 нулевых байтов» (Russian plural agreement broken).
describe('the NUL-bytes warning agrees with its number in Russian', () => {
  it.fails.each([
    [1, 'удалён 1 нулевой байт'],
    [3, 'удалено 3 нулевых байта'],
  ])('%i', (count, words) => {
    expect(describeAlert({ code: 'nul-bytes', file: 'n.csv', count } as Parameters<typeof describeAlert>[0], 'ru')).toContain(words);
  });
});
