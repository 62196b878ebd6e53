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
    expect(describeUserError(first, 'en')).toContain('expected one of: s, ms, min, hhmm, day; got "minutes"');
    expect(describeUserError(first, 'ru')).toContain('ожидалось одно из: s, ms, min, hhmm, day; получено: «minutes»');
  });
});

// A tester: a calendar's meetings could not be said to be meetings (`rows:` was a profile's only), and were read as calls.
describe('a --map file\'s activities rows', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-map-rows-'));
  const read = (name: string, text: string) => (writeFileSync(path.join(dir, name), text), readMapFile(name, dir, process.stdin));

  it('take an activity kind: meeting', async () => {
    const { map } = await read('rows.yaml', 'activities:\n  rows: meeting\n');
    expect(map.activities?.rows).toBe('meeting');
  });

  it('refuse a word that is no kind, naming the kinds', async () => {
    const error = await read('bad-rows.yaml', 'activities:\n  rows: meetings\n').catch((e: unknown) => e);
    const first = error instanceof UserErrors ? error.errors[0]! : (error as UserError);
    expect(describeUserError(first, 'en')).toContain('expected one of: call, email, meeting, message, other; got "meetings"');
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

// A tester: 20 000 keys at a map's top were each listed as unknown, each looked for among the others (41 s); 20 000 bad
// statuses were each said (2.4 MB on stderr); a map that is a text was walked as a map of its characters.
describe('a --map file with many mistakes, or none of a map', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-map-many-'));
  const read = (name: string, text: string) => (writeFileSync(path.join(dir, name), text), readMapFile(name, dir, process.stdin));
  const said = async (name: string, text: string, lang: string) => describeUserError((await read(name, text).catch((e: unknown) => e)) as UserError, lang);

  it('lists the first 10 unknown keys and counts the rest, naming the key the first are closest to', async () => {
    const text = `deal:\n  columns: {}\n${Array.from({ length: 30 }, (_, i) => `k${i}: 1\n`).join('')}`;
    expect(await said('keys.yaml', text, 'ru')).toBe('keys.yaml, на верхнем уровне документа: неизвестные ключи: «deal», «k0», «k1», «k2», «k3», «k4», «k5», «k6», «k7», «k8» и ещё 21; возможно, вы имели в виду «deals»');
    expect(await said('keys.yaml', text, 'en')).toBe('keys.yaml, at (top level): unknown keys: "deal", "k0", "k1", "k2", "k3", "k4", "k5", "k6", "k7", "k8" and 21 more; did you mean "deals"?');
  });

  it('says the first 10 bad values at their lines and counts the rest', async () => {
    const text = `deals:\n  status:\n${Array.from({ length: 12_000 }, (_, i) => `    v${i}: bogus\n`).join('')}`;
    const error = (await read('status.yaml', text).catch((e: unknown) => e)) as UserErrors;
    expect(error.errors).toHaveLength(11);
    expect(describeUserError(error.errors[0]!, 'ru')).toBe('status.yaml, строка 3, символ 5, в deals.status.v0: ожидалось одно из: won, lost, open, deleted; получено: «bogus»');
    expect(describeUserError(error.errors[10]!, 'ru')).toBe('status.yaml: …и ещё 11 990 ошибок в этом файле: выше названы первые 10\n  подсказка: исправьте названные и запустите снова: остальные будут названы тогда');
  });

  it('refuses a text or a list at once, quoting a long text by its start', async () => {
    expect(await said('list.yaml', '[1, 2]\n', 'en')).toBe('list.yaml, at (top level): expected a "key: value" map; got a list');
    expect(await said('long.yaml', `${'слово '.repeat(300)}\n`, 'ru')).toBe(`long.yaml, на верхнем уровне документа: ожидалось: набор «ключ: значение»; получено: текст из 1799 символов: «${'слово '.repeat(6)}слов…»`);
  });
});

// T40 F12: `manager: 4` was «ожидалось: текст или список; получено: 4», and no word of "#4".
describe('a column named by a bare number', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-map-number-'));
  const read = (name: string, text: string) => (writeFileSync(path.join(dir, name), text), readMapFile(name, dir, process.stdin));

  it('is refused with its place written "#4" and a header of digits quoted, in both languages', async () => {
    const error = await read('n.yaml', 'deals:\n  columns:\n    manager: 4\n').catch((e: unknown) => e);
    const first = error instanceof UserErrors ? error.errors[0]! : (error as UserError);
    expect(describeUserError(first, 'ru')).toContain('n.yaml, строка 3, символ 5, в deals.columns.manager: ожидалось: название колонки в кавычках или её номер как "#4"; указано число 4');
    expect(describeUserError(first, 'ru')).toContain('подсказка: колонку по номеру называют так: manager: "#4"');
    expect(describeUserError(first, 'en')).toContain('hint: a column by its place is written manager: "#4" (column 4 from the left); a header of digits is quoted: manager: "4"');
    const { map } = await read('q.yaml', 'deals:\n  columns:\n    manager: "#4"\n    amount: "2024"\n');
    expect(map.deals?.columns).toEqual({ manager: '#4', amount: '2024' });
  });
});
