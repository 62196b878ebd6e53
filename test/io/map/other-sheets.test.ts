import { describe, expect, it } from 'vitest';
import { sameKindHeader } from '../../../src/io/map/other-sheets.js';

const DEALS = ['ID', 'Ответственный', 'Этап сделки', 'Бюджет', 'Дата создания', 'Дата закрытия'];
const head = (...rows: string[][]) => rows.map((cells, i) => ({ cells, row: i + 1 }));

describe('sameKindHeader: is another sheet a sheet of the kind read', () => {
  it('the header read again, whatever its names (a --map named them), is one', () => {
    expect(sameKindHeader(head(['Nr', 'Wer', 'Stufe'], ['1', 'Anna', 'x']), 'deals', ['Nr', 'Wer', 'Stufe', ''], 30)).toBe(1);
  });

  it('a deals header under a title, of other columns than the one read, is one (its row said)', () => {
    expect(sameKindHeader(head(['Воронка 2025'], DEALS, ['1', 'Иванов', 'Успешно реализовано', '1000', '01.03.2025', '05.03.2025']), 'deals', ['ID', 'Менеджер', 'Статус'], 30)).toBe(2);
  });

  it('notes, a pivot or a payments sheet is none', () => {
    expect(sameKindHeader(head(['Выгружено из CRM 01.03.2025'], ['Отчёт для руководителя']), 'deals', DEALS, 30)).toBeUndefined();
    expect(sameKindHeader(head(['Названия строк', 'Сумма по полю Бюджет'], ['Иванов', '3000']), 'deals', DEALS, 30)).toBeUndefined();
    expect(sameKindHeader(head(['ID сделки', 'Дата оплаты', 'Оплачено'], ['1', '05.03.2025', '1000']), 'deals', DEALS, 30)).toBeUndefined();
  });
});
