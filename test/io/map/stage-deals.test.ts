import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { UnknownStage } from '../../../src/core/undecided-stages.js';
import { StageDeals } from '../../../src/io/map/stage-deals.js';
import { importDeals, StagesUndecided } from '../../../src/io/map/import.js';

const entry = (deals: number, more: Partial<UnknownStage> = {}): UnknownStage => ({ deals, closedFlag: deals, closeDate: 0, closePast: 0, amount: deals, certain: 0, zero: 0, ...more });

describe('StageDeals: a stage no rule knows counted per deal, not per row', () => {
  it('a row merged into a deal of its id is taken back out of its stage, whatever it added', () => {
    const stages = new Map<string, UnknownStage>();
    let merged = 0;
    let stage: string | undefined;
    const deals = new StageDeals(stages, () => merged, () => stage);
    // A row of «Оплачено» (its deal new), then a product row of the same deal (merged), then another deal.
    stage = 'Оплачено';
    deals.record(() => stages.set('Оплачено', entry(1)));
    deals.record(() => (stages.set('Оплачено', entry(2, { planned: 1 })), merged++));
    expect(stages.get('Оплачено')).toEqual(entry(1));
    deals.record(() => stages.set('Оплачено', entry(2)));
    expect(stages.get('Оплачено')).toEqual(entry(2));
    // A known stage's row changes nothing; a stage whose only row merged into another stage's deal is gone.
    stage = undefined;
    deals.record(() => merged++);
    stage = 'Монтаж';
    deals.record(() => (stages.set('Монтаж', entry(1)), merged++));
    expect([...stages.keys()]).toEqual(['Оплачено']);
  });

  it('a Bitrix24 deal of two product rows in a renamed stage is one deal in the stop and its snippet', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'stage-deals-'));
    const header = '"ID";"Название сделки";"Стадия сделки";"Сумма";"Валюта";"Ответственный";"Дата создания";"Сделка закрыта";"Товар"';
    const rows = ['"1";"А";"Сделка успешна";"100";"RUB";"Иванов Иван";"10.01.2024";"Да";""', '"2";"Б";"Оплачено";"200";"RUB";"Петрова Анна";"11.01.2024";"Да";"Ворота"', '"2";"Б";"Оплачено";"100";"RUB";"Петрова Анна";"11.01.2024";"Да";"Монтаж"', '"3";"В";"В работе";"";"RUB";"Иванов Иван";"12.01.2024";"Нет";""'];
    writeFileSync(path.join(dir, 'deals.csv'), [header, ...rows].join('\r\n'));
    const error = await importDeals('deals.csv', { cwd: dir, stdin: process.stdin }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StagesUndecided);
    expect((error as StagesUndecided).stages).toEqual([['Оплачено', expect.objectContaining({ deals: 1, closedFlag: 1, amount: 1 })]]);
  });
});
