// A Sipuni log writes its parties line first, the name in brackets («201 (Анна Смирнова)»), and its
// «Ответственный из CRM» the bare name: both are the deals file's «Анна Смирнова», as «Анна Смирнова
// (201)» is (one rule for a line after or before a name). Read as CSV on the byte path and the text
// path, and as an XLSX workbook (text); the column proposal takes such a cell for a person's name.
// Expectations by hand.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ActivityLinker } from '../../../src/core/kpi/link.js';
import { importDeals, importLinkedActivities, type ImportOptions } from '../../../src/io/map/import.js';
import { valueShape } from '../../../src/io/map/mapping.js';

const dir = mkdtempSync(path.join(tmpdir(), 'crm-audit-line-before-'));

const DEALS = ['ID;Ответственный;Дата создания;Этап сделки;Телефон', '1;Анна Смирнова;01.03.2025;Переговоры;+7 916 100-00-01', '2;Олег Котов;01.03.2025;Переговоры;+7 916 100-00-02'].join('\n');

const HEADER = ['Тип', 'Статус', 'Время', 'Откуда', 'Куда', 'Кто ответил', 'Длительность разговора', 'Ответственный из CRM'];
/** Answered by 201 (in), missed with her as the owner, called out by 202 twice, and once by 201; an internal call dropped. */
const ROWS = [
  ['Входящий', 'Отвечен', '03.03.2025 09:00:00', '79161000001', '74950000000', '201 (Анна Смирнова)', '60', 'Анна Смирнова'],
  ['Входящий', 'Не отвечен', '03.03.2025 09:30:00', '79161000001', '74950000000', '', '0', 'Анна Смирнова'],
  ['Исходящий', 'Отвечен', '03.03.2025 10:00:00', '202 (Олег Котов)', '79161000002', '79161000002', '90', 'Олег Котов'],
  ['Исходящий', 'Занят', '03.03.2025 10:10:00', '202 (Олег Котов)', '79161000002', '', '0', 'Олег Котов'],
  ['Исходящий', 'Отвечен', '03.03.2025 10:20:00', '201 (Анна Смирнова)', '79161000001', '79161000001', '30', 'Анна Смирнова'],
  ['Внутренний', 'Отвечен', '03.03.2025 11:00:00', '201 (Анна Смирнова)', '202 (Олег Котов)', '202 (Олег Котов)', '15', ''],
];

/** Each read call as «manager direction duration», in file order. */
async function calls(file: string, textRows: boolean): Promise<string[]> {
  const opts: ImportOptions = { cwd: dir, stdin: process.stdin, textRows };
  const { store } = await importDeals('deals.csv', opts);
  const linker = new ActivityLinker(store, false);
  const out: string[] = [];
  await importLinkedActivities(file, opts, linker, (a) => {
    const x = linker.unlink(a);
    out.push(`${x.manager} ${x.direction}${x.missed ? ' missed' : ''} ${x.duration_s}`);
  });
  return out;
}

const EXPECTED = ['Анна Смирнова in 60', 'Анна Смирнова in missed 0', 'Олег Котов out 90', 'Олег Котов out 0', 'Анна Смирнова out 30'];

describe('a line written before the name (Sipuni)', () => {
  writeFileSync(path.join(dir, 'deals.csv'), DEALS);
  writeFileSync(path.join(dir, 'sipuni.csv'), `\uFEFF${[HEADER, ...ROWS].map((r) => r.join(';')).join('\n')}\n`);

  it.each([false, true])('«201 (Анна Смирнова)» is the deals file\'s «Анна Смирнова», one manager with her bare name (CSV, text rows: %s)', async (textRows) => {
    expect(await calls('sipuni.csv', textRows)).toEqual(EXPECTED);
  });

  it('in an XLSX workbook too', async () => {
    const { default: ExcelJS } = await import('exceljs');
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('Статистика').addRows([HEADER, ...ROWS]);
    writeFileSync(path.join(dir, 'sipuni.xlsx'), Buffer.from(await wb.xlsx.writeBuffer()));
    expect(await calls('sipuni.xlsx', true)).toEqual(EXPECTED);
  });

  it('the column proposal takes it for a person\'s name, as it does the name written first', () => {
    expect(valueShape('201 (Анна Смирнова)')).toBe('name');
    expect(valueShape('Анна Смирнова (201)')).toBe('name');
    expect(valueShape('201 (Анна)')).toBe('name');
    expect(valueShape('201')).toBe('line');
  });
});
