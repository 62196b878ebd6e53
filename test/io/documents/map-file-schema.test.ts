import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { describeUserError, UserError, UserErrors } from '../../../src/core/errors.js';
import { readMapFile } from '../../../src/io/documents/map-file-schema.js';

// A tester: a duration column in minutes could not be said: `units:` took only s, ms and hhmm.
describe('a --map file\'s activities units', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-map-units-'));
  const read = (name: string, text: string) => (writeFileSync(path.join(dir, name), text), readMapFile(name, dir, process.stdin));

  it('take min, minutes, beside s, ms and hhmm', async () => {
    const { map } = await read('min.yaml', 'activities:\n  units: { "Длительность": min, "Talk": s, "Call": ms, "Time": hhmm }\n');
    expect(map.activities?.units).toEqual({ Длительность: 'min', Talk: 's', Call: 'ms', Time: 'hhmm' });
  });

  it('refuse another word, naming min among the units, in both languages', async () => {
    const error = await read('bad.yaml', 'activities:\n  units: { "Длительность": minutes }\n').catch((e: unknown) => e);
    const first = error instanceof UserErrors ? error.errors[0]! : (error as UserError);
    expect(describeUserError(first, 'en')).toContain('expected one of: s, ms, min, hhmm; got "minutes"');
    expect(describeUserError(first, 'ru')).toContain('ожидалось одно из: s, ms, min, hhmm; получено «minutes»');
  });
});

describe('a --map file\'s payments status: invoice status words', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-map-invoice-'));
  const read = (name: string, text: string) => (writeFileSync(path.join(dir, name), text), readMapFile(name, dir, process.stdin));

  it('take paid, partial, issued and void', async () => {
    const { map } = await read('inv.yaml', 'payments:\n  status: { "Закрыт": paid, "Частично": partial, "Ждёт оплаты": issued, "Возврат": void }\n');
    expect(map.payments?.status).toEqual({ Закрыт: 'paid', Частично: 'partial', 'Ждёт оплаты': 'issued', Возврат: 'void' });
  });

  it('refuse a deal\'s outcome there, naming the invoice words', async () => {
    const error = await read('won.yaml', 'payments:\n  status: { "Закрыт": won }\n').catch((e: unknown) => e);
    const first = error instanceof UserErrors ? error.errors[0]! : (error as UserError);
    expect(describeUserError(first, 'en')).toContain('expected one of: paid, partial, issued, void; got "won"');
  });
});

// A tester: a map that is a text was walked as a map of its characters, and a long value was echoed whole.
describe('a --map file that is a text or a list', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-map-many-'));
  const read = (name: string, text: string) => (writeFileSync(path.join(dir, name), text), readMapFile(name, dir, process.stdin));
  const said = async (name: string, text: string, lang: string) => describeUserError((await read(name, text).catch((e: unknown) => e)) as UserError, lang);

  it('refuses a text or a list at once, quoting a long text by its start', async () => {
    expect(await said('list.yaml', '[1, 2]\n', 'en')).toBe('list.yaml, at (top level): expected a "key: value" map; got a list');
    expect(await said('long.yaml', `${'слово '.repeat(300)}\n`, 'ru')).toBe(`long.yaml, на верхнем уровне документа: ожидалось: набор «ключ: значение»; получено текст из 1799 символов: «${'слово '.repeat(6)}слов…»`);
  });
});
