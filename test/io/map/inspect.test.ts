import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeUserError, UserError } from '../../../src/core/errors.js';
import { guessKind } from '../../../src/io/map/inspect.js';
import { csv } from '../../fixtures/exports.js';

const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-guess-'));
const put = (name: string, rows: string[][]) => (writeFileSync(path.join(dir, name), csv(rows, { delimiter: ';' })), name);
const guess = (name: string) => guessKind(name, { cwd: dir, stdin: process.stdin });

describe('guessKind', () => {
  it('tells spend and plan tables from exports by their headers', async () => {
    expect(await guess(put('guess-spend.csv', [['Месяц', 'Источник', 'Расход'], ['2024-07', 'Сайт', '100']]))).toBe('spend');
    expect(await guess(put('guess-plan.csv', [['Менеджер', 'Месяц', 'Лиды', 'Выручка'], ['Иванов', '2024-07', '10', '100']]))).toBe('plan');
    expect(await guess(put('guess-payments.csv', [['ID сделки', 'Ответственный', 'Сумма счета', 'Оплачено'], ['1', 'Иванов', '100', '100']]))).toBe('payments');
    // A short deals export that shares two names with spend and with a plan: a tie goes to the earlier kind.
    expect(await guess(put('guess-short-deals.csv', [['Менеджер', 'Бюджет', 'Дата'], ['Иванов', '100', '2024-07-01']]))).toBe('deals');
  });

  it('names every kind it knows when no header matches, in both languages', async () => {
    const error = await guess(put('guess-nothing.csv', [['Кто', 'Когда'], ['x', 'y']])).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(UserError);
    expect((error as UserError).code).toBe('E_NO_HEADER');
    expect(describeUserError(error as UserError, 'en')).toBe('guess-nothing.csv: no known deal, activity, payment, spend or plan columns in the first rows\n  hint: pass --kind and a --map file naming the columns');
    expect(describeUserError(error as UserError, 'ru')).toContain('нет известных колонок сделок, звонков и действий, платежей, расходов или плана');
  });
});
