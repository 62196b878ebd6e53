import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkKinds } from '../../src/app/compare-files.js';
import { UserError } from '../../src/core/errors.js';

const dir = mkdtempSync(path.join(tmpdir(), 'compare-files-'));
const base = { cwd: dir, stdin: process.stdin };

/** Writes a file's lines and checks it as `kind`: the code of the error it gives, or 'kept'. */
async function check(name: string, lines: string[], option: string, kind: 'deals' | 'activities' | 'payments'): Promise<string> {
  writeFileSync(path.join(dir, name), `${lines.join('\n')}\n`);
  try {
    await checkKinds([[option, name, kind]], base);
    return 'kept';
  } catch (error) {
    if (error instanceof UserError) return `${error.code}: ${error.message}`;
    throw error;
  }
}

// A reviewer: the rule «the kind the user gave, named by two or more of its own columns, is not refused»
// was written for payments alone (F1), so a deals or activities file of the same ambiguity still was.
describe('the kind a file is given as stands against a guess from shared column names', () => {
  it('a task log of «Дата создания», «Ответственный», «Клиент», «Тип» given as activities is kept, though deals score as high', async () => {
    const tasks = ['Дата создания;Ответственный;Клиент;Тип', '01.03.2025 11:00;Анна Ли;Альфа;Звонок', '02.03.2025 12:00;Борис Рей;Бета;Встреча'];
    expect(await check('tasks.csv', tasks, '--activities', 'activities')).toBe('kept');
  });

  it('a deals list of «Сделка», «Ответственный», «Клиент», «Дата» given as deals is kept, though activities score higher', async () => {
    const deals = ['Сделка;Ответственный;Клиент;Дата', 'Поставка;Анна Ли;Альфа;01.03.2025', 'Монтаж;Борис Рей;Бета;02.03.2025'];
    expect(await check('deal-list.csv', deals, '--deals', 'deals')).toBe('kept');
  });

  it('a 1C payments register given as payments is kept (F1)', async () => {
    const register = ['Дата;ID сделки;Ответственный;Сумма', '20.04.2025;501;Орлова Ольга;60 000,00'];
    expect(await check('register.csv', register, '--payments', 'payments')).toBe('kept');
  });

  it('a header naming a column only the guessed kind has is still refused, with the option it belongs to', async () => {
    // Two deals columns (manager, client), and a call's direction and duration, which only a call log has.
    const calls = ['manager,at,direction,duration_s,client', 'Анна Ли,2025-03-01 10:30,out,120,Альфа'];
    expect(await check('calls.csv', calls, '--deals', 'deals')).toBe('E_COMPARE_KIND: --deals looks like an activities export, not deals');
    const payments = ['Номер сделки,Менеджер,Оплачено', '1,Анна Ли,100'];
    expect(await check('pay.csv', payments, '--activities', 'activities')).toBe('E_COMPARE_KIND: --activities looks like a payments export, not activities');
  });
});

// A reviewer (session 44): with the activity owners' headers among the deals' manager aliases, these
// were read as deals, their calls and notes counted as leads, exit 0.
describe('an activity file whose owner column is an activity owner\'s, given as deals', () => {
  it.each([
    ['zoho-calls.csv', ['Call Owner,Subject,Created Time,Related To', 'Ann,Call 1,2025-03-01 10:00,Acme', 'Bob,Call 2,2025-03-02 10:00,Beta']],
    ['hubspot-notes.csv', ['Activity assigned to,Create Date,Note body,Associated Deal', 'Ann,2025-03-01 10:00,Called back,Acme', 'Bob,2025-03-02 10:00,Sent offer,Beta', 'Ann,2025-03-03 10:00,Meeting,Gamma']],
  ])('%s is not read as deals', async (name, lines) => {
    expect(await check(name, lines, '--deals', 'deals')).not.toBe('kept');
  });
});
