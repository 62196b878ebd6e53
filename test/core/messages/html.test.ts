import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { channelNote, channelsSaid } from '../../../src/io/map/channel-proposal.js';
import { currencyCaveat } from '../../../src/render/html/cover.js';
import { withoutSnippet } from '../../../src/render/html/client-text.js';

/** The string literals of a source file ('…', "…", `…`), its comments and regular expressions left out. */
function literals(file: string): string[] {
  const text = readFileSync(new URL(`../../../src/${file}`, import.meta.url), 'utf8').replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '').replace(/\s\/\/ .*$/gm, '');
  return [...text.matchAll(/'(?:[^'\\\n]|\\.)*'|"(?:[^"\\\n]|\\.)*"|`(?:[^`\\]|\\.)*`/g)].map((m) => m[0]);
}

// Session 38's note: these three files wrote user-facing Russian and English of their own, outside the
// message catalogues (src/core/messages.ts, src/core/messages/*.ts). They say the same, from there.
describe('the words of the channel proposal, the HTML cover and the client text live in the catalogues', () => {
  it.each(['io/map/channel-proposal.ts', 'render/html/cover.ts', 'render/html/client-text.ts'])('%s holds no Russian text of its own', (file) => {
    expect(literals(file).filter((l) => /[а-яё]/i.test(l))).toEqual([]);
  });

  it('the channel notes and the refusal read as before, in both languages', () => {
    expect(['channel', 'dstchannel', 'caller', 'callee'].map((f) => channelNote(f as 'channel', 'ru'))).toEqual([
      'по значениям (каналы АТС, сторона звонящего): сотрудник звонка — линия на стороне компании, колонка менеджера не нужна; проверьте',
      'по значениям (каналы АТС, вызываемая сторона): проверьте',
      'номер звонящего: клиент звонка; проверьте',
      'номер вызываемого: клиент звонка; проверьте',
    ]);
    expect(['channel', 'dstchannel', 'caller', 'callee'].map((f) => channelNote(f as 'channel', 'en'))).toEqual([
      "by its values (PBX channels, the calling side): a call's employee is the line on the company's side, no manager column is needed; check",
      'by its values (PBX channels, the called side): check',
      "the number of the caller: the call's client; check",
      "the number of the callee: the call's client; check",
    ]);
    expect(channelsSaid({ channel: 'Src', dstchannel: 'Dst' }, 'ru')).toBe('похожей колонки нет; сотрудников называют линии в каналах АТС: «Src», «Dst»');
    expect(channelsSaid({ channel: 'Src' }, 'en')).toBe('no similar column; the employees are the lines in the PBX channels: "Src"');
  });

  it("the cover's currency caveat and the client's plain sentence read as before", () => {
    const alert = (kind: 'deals' | 'spend' | 'payments') => [{ code: 'mixed-currencies', kind, currencies: [{ currency: 'RUB', deals: 12345 }, { currency: 'USD', deals: 2 }] }] as never;
    expect(currencyCaveat(alert('spend'), 'ru').lines).toEqual(['* Суммы файла расходов — в разных валютах (RUB — 12 345, USD — 2) и сложены как есть, без пересчёта: отмеченные цифры — не сумма в одной валюте. Подробнее — в разделе «Качество данных».']);
    expect(currencyCaveat(alert('payments'), 'en').lines).toEqual(["* The payments file's amounts are in several currencies (RUB 12,345, USD 2), added as they are, unconverted: the marked figures are no sum in one currency. See Data quality."]);
    expect(currencyCaveat(alert('deals'), 'ru').lines[0]).toMatch(/^\* Суммы сделок — в разных валютах/);
    expect(withoutSnippet('A line. Pass --map with:\ndeals: {}', 'ru')).toBe('A line. Это исправит файл соответствий (--map) при следующем запуске.');
    expect(withoutSnippet('Pass --map with:\ndeals: {}', 'en')).toBe('A mapping file (--map) on the next run fixes this.');
  });
});
