// `managers:` of a --map file (value-maps.ts managerName): every manager cell is reported under its
// name, on the text and the byte paths alike, whatever the cell's spacing; unnamed cells stay as
// they are; merging two cells into one name moves their deals and nothing else.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { importDeals, importPayments } from '../../../src/io/map/import.js';
import { buildValueMaps } from '../../../src/io/map/value-maps.js';

const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-manager-names-'));
const RUNS = Number(process.env.FUZZ_RUNS ?? 60);
const CELLS = ['0058a00000MNWtFAAX', '0058a00000MNWtKAAX', '17', '42', 'Иванов И.', 'Иван Иванов', 'Петрова'];
const NAMES = ['Мария Алексеева', 'Иван Иванов', 'Ольга Петрова'];

describe('managers: names the managers of every row', () => {
  it('on both read paths, any spacing of the cell, merged names adding up', async () => {
    let n = 0;
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.record({ cell: fc.constantFrom(...CELLS), pad: fc.constantFrom('', ' ', '  '), won: fc.boolean() }), { minLength: 1, maxLength: 40 }),
        fc.dictionary(fc.constantFrom(...CELLS), fc.constantFrom(...NAMES)),
        async (rows, names) => {
          const file = `deals-${n++}.csv`;
          const lines = rows.map((r, i) => `D${i};${r.pad}${r.cell}${r.pad};01.07.2024;${r.won ? 'Успешно реализовано' : 'Переговоры'};1000`);
          writeFileSync(path.join(dir, file), ['ID;Ответственный;Дата создания;Этап;Бюджет', ...lines].join('\n') + '\n');
          // Keys as a person types them: extra spaces inside are read as one.
          const map = Object.fromEntries(Object.entries(names).map(([k, v]) => [k.replace(' ', '  '), v]));
          const read = async (textRows: boolean) => (await importDeals(file, { cwd: dir, stdin: process.stdin, valueMaps: buildValueMaps({ managers: map }), textRows })).store.toDeals();
          const text = await read(true);
          expect(await read(false)).toEqual(text);
          expect(text.map((d) => d.manager)).toEqual(rows.map((r) => names[r.cell] ?? r.cell));
          // Each name has exactly the deals of the cells named so.
          const count = (xs: string[]) => xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<string, number>());
          const byName = count(text.map((d) => d.manager));
          for (const [name, k] of byName) expect(k).toBe(rows.filter((r) => (names[r.cell] ?? r.cell) === name).length);
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('names a payment\'s manager too', async () => {
    writeFileSync(path.join(dir, 'payments.csv'), 'ID сделки;Ответственный;Сумма счета;Оплачено\n;17;100;50\n;42;10;10\n');
    const { payments } = await importPayments('payments.csv', { cwd: dir, stdin: process.stdin, valueMaps: buildValueMaps({ managers: { '17': 'Иван Иванов' } }) });
    expect(payments.map((p) => p.manager)).toEqual(['Иван Иванов', '42']);
  });
});

describe('a name written in NFD (a base letter and a combining mark) is the name in NFC', () => {
  it('on both read paths: «Андрей Йорк» typed and «Андрей Йорк» from a macOS tool are one manager', async () => {
    const nfc = 'Андрей Йорк';
    const nfd = nfc.normalize('NFD');
    writeFileSync(path.join(dir, 'nfd.csv'), ['ID;Ответственный;Дата создания;Этап;Бюджет', `1;${nfc};01.07.2024;Переговоры;1000`, `2;${nfd};02.07.2024;Переговоры;2000`, `3;${'Артём Андрей'.normalize('NFD')};03.07.2024;Переговоры;10`].join('\n') + '\n');
    for (const textRows of [true, false]) {
      const deals = (await importDeals('nfd.csv', { cwd: dir, stdin: process.stdin, textRows })).store.toDeals();
      expect(deals.map((d) => d.manager)).toEqual([nfc, nfc, 'Артём Андрей']);
    }
  });
});
