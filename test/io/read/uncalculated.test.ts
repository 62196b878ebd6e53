import { describe, expect, it } from 'vitest';
import { aggregateOverRanges, uncalculatedError } from '../../../src/io/read/uncalculated.js';
import { describeUserError } from '../../../src/core/errors.js';

describe('aggregateOverRanges: what a totals row\'s formula is', () => {
  it.each(['SUM(C2:C5)', 'sum(c2:c5)', 'SUBTOTAL(9,C2:C5)', 'SUM($C$2:$C$5)', 'SUM(Сделки!C2:C5)', "SUM('Сделки 2025'!C2:C5)", 'COUNTA(A2:A5)', 'AVERAGE(C2:C5)', '_xlfn.AGGREGATE(9,4,C2:C5)', 'SUM(C2:C5)+SUM(C8:C9)', 'SUMIF(D2:D5,"Иванов Иван",C2:C5)', ' SUM( C2 : C5 ) ',
    // An Excel table's totals row names its columns (tester T49 F8).
    'SUBTOTAL(109,Сделки1[Бюджет])', 'SUBTOTAL(103,Table1[[#Data],[Amount]])', 'SUBTOTAL(109,Таблица_1[Сумма, ₽])'])('%s aggregates ranges', (f) => {
    expect(aggregateOverRanges(f)).toBe(true);
  });

  it.each(['500*2', 'C4*0.3', 'C2+C3+C4+C5', 'SUM(C2,C3)', 'SUM(C2:C5)/2', 'SUM(C2:C5)*1.2', 'IF(SUM(C2:C5)>0,1,0)', '"Итого"', 'TODAY()', '…', '', 'VLOOKUP(A2,Table1[Col],2)', 'SUM(Table1[Amount])*2', 'Table1[@Amount]*2'])('%s does not', (f) => {
    expect(aggregateOverRanges(f)).toBe(false);
  });
});

describe('uncalculatedError', () => {
  it('names the file, the row, the cell and the formula, and says to open and save the workbook, in Russian and in English', () => {
    const error = uncalculatedError({ col: 8, cell: 'I2', formula: 'C2*0.3', aggregate: false, sheet: 'Сделки' }, 'deals.xlsx', 2);
    expect(error.code).toBe('E_XLSX_NO_VALUES');
    expect(error.where).toEqual({ file: 'deals.xlsx', row: 2 });
    expect(describeUserError(error, 'ru')).toContain('в ячейке «I2» листа «Сделки» формула «=C2*0.3» без вычисленного значения');
    expect(describeUserError(error, 'en')).toContain('cell I2 of sheet "Сделки" holds the formula =C2*0.3 with no computed value');
  });
});
