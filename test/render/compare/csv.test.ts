import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { compareRow, type CompareResult } from '../../../src/core/compare.js';
import { renderCompareCsv } from '../../../src/render/compare/csv.js';
import { compareResult } from '../../helpers/results.js';

/** The before/after table's rows by their label, cells as written. */
function rowsOf(result: CompareResult, lang: string): Map<string, string[]> {
  const block = renderCompareCsv(result, { lang }).slice(1).split('\r\n\r\n')[0]!;
  const rows = parse(block, { delimiter: lang === 'ru' ? ';' : ',' }) as string[][];
  return new Map(rows.map((r) => [r[0]!, r]));
}

// A tester: «Касаний на продажу;;;;;;;;», and a target with an empty «Цель достигнута», said nothing of why.
describe('compare CSV: why a row is empty, in a last column as the workbook\'s Before-After sheet has it', () => {
  it('a row not computed keeps its cells empty and says its reason; a computed one has the column empty', () => {
    const r = compareResult();
    const rows = rowsOf(r, 'ru');
    expect(rows.get('Показатель')!.at(-1)).toBe('Не рассчитано');
    expect(rows.get('Касаний на продажу')).toEqual(['Касаний на продажу', '', '', '', '', '', '', '', '', '']);
    r.rows = r.rows.map((x) => (x.metric === 'touches_per_won' ? { ...x, not_applicable: 'needs an activities file with deal_id or client (--activities)' } : x));
    expect(rowsOf(r, 'ru').get('Касаний на продажу')).toEqual(['Касаний на продажу', '', '', '', '', '', '', '', '', 'нужен файл активностей со сделкой или клиентом (--activities)']);
    expect(rowsOf(r, 'ru').get('Конверсия')!.at(-1)).toBe('');
    expect(rowsOf(r, 'en').get('Touches per won deal')!.at(-1)).toBe('needs an activities file with deal_id or client (--activities)');
  });

  it('a target with no verdict on a row that has values says why: a «before» of 0 has no change in per cent', () => {
    const r = compareResult();
    r.rows = r.rows.map((x) => (x.metric === 'conversion' ? compareRow('conversion', 'up', 0, 0.2, 0.2) : x));
    const row = rowsOf(r, 'ru').get('Конверсия')!;
    expect(row.slice(7)).toEqual(['20', '', 'цель не оценить: в периоде «до» 0, изменения в процентах нет']);
    r.rows = r.rows.map((x) => (x.metric === 'conversion' ? compareRow('conversion', 'up', 0.1, null, 0.2) : x));
    expect(rowsOf(r, 'en').get('Conversion')!.at(-1)).toBe('the target cannot be judged: a period has no value');
  });
});
