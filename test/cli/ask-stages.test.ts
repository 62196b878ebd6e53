import { describe, expect, it } from 'vitest';
import { guessOf } from '../../src/cli/ask-stages.js';
import { StagesUndecided, stagesSnippet } from '../../src/io/map/import.js';
import type { ColumnsMissing } from '../../src/io/map/mapping.js';
import { missingOf } from '../helpers/missing-columns.js';
import type { UnknownStage } from '../../src/core/undecided-stages.js';

/** The error assertRequired throws for a header and its first rows. */
const stop = (headers: string[], rows: string[][], kind: 'deals' | 'activities' = 'deals'): ColumnsMissing => missingOf(headers, rows, kind);

const stage = (s: Partial<UnknownStage>): UnknownStage => ({ deals: 3, closedFlag: 0, closeDate: 3, closePast: 3, amount: 3, certain: 0, zero: 0, ...s });

describe('guessOf: what a question\'s snippet answers, the one rule of what can be guessed', () => {
  it('a stage: the outcome its snippet names', () => {
    const stages: Array<[string, UnknownStage]> = [['Выдано', stage({})], ['Слились', stage({ amount: 0 })]];
    const error = new StagesUndecided('m', 'f.csv', 'h', stages);
    expect(guessOf(error)).toEqual({ status: { Выдано: 'won', Слились: 'lost' } });
    expect(stagesSnippet(stages)).toMatch(/"Выдано": won[\s\S]*"Слились": lost/);
  });

  it('a manager two columns of one name could hold: the one the snippet names, by number, with its note', () => {
    const headers = ['Направление', 'Телефон', 'Сотрудник', 'Дата', 'Сотрудник', 'Статус', 'Сотрудник'];
    const error = stop(headers, [['исходящий', '+79160000001', '', '01.03.2025 10:00', 'Колл-центр', 'отвечен', 'Анна Львова']], 'activities');
    expect(error.messageId).toBe('map.columnsAmbiguous');
    expect(guessOf(error)).toEqual({ columns: { activities: { manager: '#5' } }, notes: { manager: { en: 'or "#7": check', ru: 'или "#7": проверьте' } } });
    expect(error.params?.snippet).toContain(`manager: "#5"    # ${guessOf(error)!.notes!.manager!.en}`);
  });

  it('a missing column the snippet proposes one for: that column, with the snippet\'s note', () => {
    const error = stop(['ID', 'Ответственный', 'Этап сделки', 'Бюджет', 'Когда'], [['1', 'Анна', 'Новая', '100', '01.02.2025']]);
    const guess = guessOf(error)!;
    expect(guess.columns).toEqual({ deals: { created_at: 'Когда' } });
    expect(error.params?.snippet).toContain(`created_at: "Когда"    # ${guess.notes!.created_at!.en}`);
    expect(error.params?.snippetRu).toContain(`created_at: "Когда"    # ${guess.notes!.created_at!.ru}`);
  });

  it('a field no column is proposed for: no guess, the error stands', () => {
    const error = stop(['ID', 'Ответственный', 'Этап сделки', 'Бюджет'], [['1', 'Анна', 'Новая', '100']]);
    expect(error.missing.some((m) => m.candidates.length === 0)).toBe(true);
    expect(guessOf(error)).toBeUndefined();
  });
});
