import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { latinWords } from '../helpers/latin-words.js';

/** What a value line of inspect reads it as: the text after «->», the count dropped. */
const mappedValues = (out: string) => [...out.matchAll(/^ {2}[«"].*?[»"] +-> (.*) \([\d  ,]+\)$/gm)].map((m) => m[1]!);

// A first-time user's findings: «-> lost», «-> out», «Bitrix24 (telephony)», «прочитано: 6750» in a Russian inspect.
describe('inspect in Russian reads in Russian', () => {
  it('the values a column maps to, the CRM, the quotes and the counts, as a Russian reader writes them', () => {
    const calls = runCli(['inspect', 'samples/bitrix24-calls.xls', '--lang', 'ru']);
    expect(calls.code, calls.stderr).toBe(0);
    expect(calls.stdout).toContain('CRM:        Bitrix24, телефония (профиль bitrix24-calls');
    expect(calls.stdout).toMatch(/^ {2}«исходящий» +-> исходящий \(4 264\)$/m);
    expect(calls.stdout).toMatch(/^ {2}«входящий» +-> входящий \(1 801\)$/m);
    expect(calls.stdout).toMatch(/прочитано: +6 750\n +записей: +6 750\n/);
    const deals = runCli(['inspect', 'samples/amocrm-deals.csv', '--lang', 'ru']);
    expect(deals.stdout).toMatch(/^ {2}«Закрыто и не реализовано» +-> проиграна \(640\)$/m);
    expect(deals.stdout).toMatch(/^ {2}«Успешно реализовано» +-> выиграна \(296\)$/m);
    expect(deals.stdout).toMatch(/^ {2}«Первичный контакт» +-> открыта \(этап не известен\) \(72\)$/m);
    expect(deals.stdout).toMatch(/прочитано: +1 200\n/);
    for (const run of [calls, deals]) {
      // latinWords leaves alone what follows «->» (field ids a --map file uses): the mapped values are checked themselves.
      expect(latinWords(run.stdout + run.stderr)).toEqual([]);
      expect(mappedValues(run.stdout).length).toBeGreaterThan(0);
      for (const value of mappedValues(run.stdout)) expect(latinWords(value), value).toEqual([]);
      for (const value of mappedValues(run.stdout)) expect(value).not.toMatch(/\b(won|lost|open|in|out)\b/);
    }
  });

  it('in English the same lines keep the canonical values, "…" quotes and grouped counts', () => {
    const run = runCli(['inspect', 'samples/bitrix24-calls.xls', '--lang', 'en']);
    expect(run.stdout).toContain('CRM:        Bitrix24, telephony (profile bitrix24-calls');
    expect(run.stdout).toMatch(/^ {2}"исходящий" +-> out \(4,264\)$/m);
    expect(run.stdout).toMatch(/read: +6,750\n/);
    expect(run.stdout).not.toContain('«');
  });
});

// T40 F17: a Russian inspect named the fields by their keys alone («-> planned_close», «-> closed»).
describe('a Russian inspect names each column\'s field in Russian, its key beside it', () => {
  it('in the column table and where a column gives way to another; English keeps the key', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'inspect-fields-'));
    writeFileSync(path.join(dir, 'deals.csv'), 'ID;Ответственный;Дата создания;Плановая дата закрытия;Этап сделки\n1;Иванов Иван;01.02.2025;10.02.2025;Новая\n');
    const ru = runCli(['inspect', 'deals.csv', '--lang', 'ru'], { cwd: dir });
    expect(ru.stdout).toMatch(/«Ответственный» +-> менеджер \(manager\)/);
    expect(ru.stdout).toMatch(/«Дата создания» +-> дата создания \(created_at\)/);
    expect(ru.stdout).toMatch(/«Этап сделки» +-> этап \(stage\)/);
    const en = runCli(['inspect', 'deals.csv', '--lang', 'en'], { cwd: dir });
    expect(en.stdout).toMatch(/"Ответственный" +-> manager\b/);
  });
});
