import { describe, expect, it } from 'vitest';
import { renderAuditMarkdown, renderAuditTable } from '../../../src/render/audit/text.js';
import { renderHtml } from '../../../src/render/html/index.js';
import type { AuditResult } from '../../../src/core/audit/types.js';
import { auditResult } from '../../helpers/results.js';

/** The alignment row of the first Markdown table, as its cells. */
const alignment = (md: string) => md.split('\n').find((l) => /^\| -{3}/.test(l))!.split('|').slice(1, -1).map((c) => c.trim());

describe('the audit in Markdown', () => {
  it('aligns numbers right and the missing criteria (text) left, with or without a baseline', () => {
    const { baseline: _none, ...plain } = auditResult();
    expect(alignment(renderAuditMarkdown(plain, { lang: 'ru', color: false }))).toEqual(['---', '---:', '---:', '---']);
    const withBaseline: AuditResult = { ...plain, baseline: { answeredAt: '2025-01-01T00:00:00.000Z', total: 3, change: 1, band: 'ahead-of-most', bandTitle: 'Впереди многих', sections: plain.sections.map((s) => ({ id: s.id, before: 0, after: s.score, change: s.score })) } };
    expect(alignment(renderAuditMarkdown(withBaseline, { lang: 'ru', color: false }))).toEqual(['---', '---:', '---:', '---:', '---:', '---']);
  });

  it('a "yes" the exports contradict gets its advice, marked as such, instead of «Все критерии выполнены»', async () => {
    const base = auditResult();
    const result: AuditResult = {
      ...base, recommendations: [],
      evidence: { ...base.evidence!, recommendations: [{ criterion: 'journal.calls', section: 'journal', missingPoints: 1, text: 'Записывайте звонки' }] },
    };
    const text = renderAuditTable(result, { lang: 'ru', color: false });
    expect(text).toContain('1. Звонки в CRM (выгрузки опровергают «да»): Записывайте звонки');
    expect(text).not.toContain('Все критерии выполнены');
    expect(renderAuditMarkdown(result, { lang: 'ru', color: false })).toContain('- **Звонки в CRM (выгрузки опровергают «да»)**: Записывайте звонки');
    expect(renderAuditMarkdown(result, { lang: 'en', color: false })).toContain('- **Звонки в CRM (the exports contradict "yes")**: Записывайте звонки');
    expect(await renderHtml({ lang: 'ru', generatedAt: '2026-01-15T10:00:00Z', audit: result })).toContain('Звонки в CRM (выгрузки опровергают «да»): Записывайте звонки');
  });

  it('the advice of a "no" the exports contradict stays, titled so that nobody sells what the client has', async () => {
    const base = auditResult();
    const check = { ...base.evidence!.checks[0]!, answer: 'no' as const, facts: [{ id: 'calls_linked_share', value: 0.9, op: '>=', threshold: 0.7 }], text: 'Вы ответили «нет», но выгрузки говорят, что вы это делаете.' };
    const result: AuditResult = { ...base, evidence: { ...base.evidence!, checks: [check], total: base.total } };
    expect(renderAuditTable(result, { lang: 'ru', color: false })).toContain('1. Звонки в CRM (по выгрузкам это уже делается: проверьте ответ «нет»): Записывайте звонки');
    expect(renderAuditMarkdown(result, { lang: 'en', color: false })).toContain('- **Звонки в CRM (the exports suggest this is done already: check the "no")**: Записывайте звонки');
    expect(await renderHtml({ lang: 'ru', generatedAt: '2026-01-15T10:00:00Z', audit: result })).toContain('Звонки в CRM (по выгрузкам это уже делается: проверьте ответ «нет»): Записывайте звонки');
    // A confirmed "no" keeps the plain title.
    const confirmed: AuditResult = { ...result, evidence: { ...result.evidence!, checks: [{ ...check, verdict: 'confirmed' }] } };
    expect(renderAuditTable(confirmed, { lang: 'ru', color: false })).toContain('1. Звонки в CRM: Записывайте звонки');
  });

  // A tester: «не проверяется» beside «Ответа нет, а выгрузки говорят, что вы это делаете» said the opposite of its sentence.
  it('a skipped answer the exports say is done reads «нет ответа», and its advice asks for the answer', async () => {
    const base = auditResult();
    const check = { ...base.evidence!.checks[0]!, answer: 'skip', verdict: 'not-checkable' as const, suggests: 'yes' as const, text: 'Ответа нет, а выгрузки говорят, что вы это делаете.' };
    const result: AuditResult = { ...base, evidence: { ...base.evidence!, checks: [check], total: base.total } };
    const md = renderAuditMarkdown(result, { lang: 'ru', color: false });
    expect(md).toMatch(/\| пропущено \| нет ответа \| Ответа нет, а выгрузки говорят/);
    expect(md).toContain('- **Звонки в CRM (по выгрузкам это уже делается: уточните ответ)**: Записывайте звонки');
    expect(renderAuditTable(result, { lang: 'en', color: false })).toContain('1. Звонки в CRM (the exports suggest this is done already: ask for the answer): Записывайте звонки');
    expect(await renderHtml({ lang: 'ru', generatedAt: '2026-01-15T10:00:00Z', audit: result })).toContain('<td>нет ответа</td>');
    // A question no rule checks keeps «не проверяется», and a skip the data says nothing of keeps a plain title.
    const quiet: AuditResult = { ...result, evidence: { ...result.evidence!, checks: [{ ...check, suggests: undefined }] } };
    expect(renderAuditTable(quiet, { lang: 'ru', color: false })).toContain('1. Звонки в CRM: Записывайте звонки');
    const answered: AuditResult = { ...result, evidence: { ...result.evidence!, checks: [{ ...check, answer: 'yes', suggests: undefined }] } };
    expect(renderAuditMarkdown(answered, { lang: 'ru', color: false })).toContain('| не проверяется |');
  });

  it('partial points as the reader writes them: «2,5 / 5» in Russian, "2.5 / 5" in English', () => {
    const result = auditResult();
    expect(renderAuditTable(result, { lang: 'ru', color: false })).toMatch(/0,5 \/ 3[\s\S]*2,5 \/ 5/);
    expect(renderAuditMarkdown(result, { lang: 'ru', color: false })).toContain('| Журналирование | 0,5 | 3 |');
    expect(renderAuditTable(result, { lang: 'en', color: false })).toContain('2.5 / 5');
  });

  it('the re-audit column says when the earlier audit was taken', () => {
    const { baseline: _none, ...plain } = auditResult();
    const result: AuditResult = { ...plain, baseline: { answeredAt: '2025-06-01T09:00:00.000Z', total: 1, change: 1.5, band: 'start', bandTitle: 'Начало пути', sections: plain.sections.map((s) => ({ id: s.id, before: 0, after: s.score, change: s.score })) } };
    expect(renderAuditMarkdown(result, { lang: 'ru', color: false })).toContain('| Раздел | Баллы | Максимум | Было (01.06.2025) | Изменение | Не хватает |');
    expect(renderAuditTable(result, { lang: 'en', color: false })).toContain('Before (2025-06-01)');
  });
});

describe('a recommendation\'s cost in words', () => {
  it('agrees the managers\' count with its noun and groups the hours as the money beside them', async () => {
    const { describeCost } = await import('../../../src/render/audit/labels.js');
    const cost = (managers: number, hours: number) => ({ hoursPerManagerPerDay: 1, basis: '1 ч в день на менеджера', managers, hoursPerDay: managers, hoursPerMonth: hours, costPerMonth: hours * 1000 });
    expect(describeCost('ru', cost(1, 21))).toBe('1 ч в день на менеджера; при 1 менеджере — до 1 ч в день, 21 ч в месяц, около 21\u00a0000 ₽ в месяц');
    expect(describeCost('ru', cost(21, 441))).toContain('при 21 менеджере');
    expect(describeCost('ru', cost(3, 63))).toContain('при 3 менеджерах');
    expect(describeCost('ru', cost(101, 2121))).toContain('до 101 ч в день, 2\u00a0121 ч в месяц, около 2\u00a0121\u00a0000 ₽ в месяц');
    expect(describeCost('en', cost(1, 21))).toContain('with 1 manager that is up to 1 h a day');
    expect(describeCost('en', cost(101, 2121))).toContain('2,121 h a month, about RUB 2,121,000 a month');
    // The head count grouped as the hours beside it: «при 100000 менеджерах — до 100 000 ч» (a tester).
    expect(describeCost('ru', cost(100000, 2100000))).toContain('при 100\u00a0000 менеджерах — до 100\u00a0000 ч в день');
    expect(describeCost('en', cost(100000, 2100000))).toContain('with 100,000 managers that is up to 100,000 h a day');
    expect(describeCost('ru', { ...cost(2, 42), hoursPerDay: 2.5, costPerMonth: undefined })).toBe('1 ч в день на менеджера; при 2 менеджерах — до 2,5 ч в день, 42 ч в месяц');
  });

  // «до 2,3 ч в день, 49,0 ч в месяц» beside «147 ч»: hours have one rule, one decimal dropped when it is 0 (a tester).
  it('writes hours by one rule: one decimal, none when it rounds to a whole hour', async () => {
    const { describeCost, formatHours } = await import('../../../src/render/audit/labels.js');
    expect(describeCost('ru', { hoursPerManagerPerDay: 0.333, basis: 'до 0,75 ч в день', managers: 7, hoursPerDay: 2.33, hoursPerMonth: 48.95, costPerMonth: 48_951 })).toBe('до 0,75 ч в день; при 7 менеджерах — до 2,3 ч в день, 49 ч в месяц, около 48\u00a0951 ₽ в месяц');
    expect(describeCost('ru', { hoursPerManagerPerDay: 0.333, basis: 'до 0,333 ч в день', share: 1 / 3, managers: 7, hoursPerDay: 0.78, hoursPerMonth: 16.32, costPerMonth: 16_317 })).toBe('до 0,333 ч в день; критерий выполнен частично: в расчёте доля ненабранных баллов, 33,3%; при 7 менеджерах — до 0,8 ч в день, 16,3 ч в месяц, около 16\u00a0317 ₽ в месяц');
    expect(describeCost('en', { hoursPerManagerPerDay: 0.333, basis: 'up to 0.333 h a day', share: 1 / 3 })).toBe('up to 0.333 h a day; the criterion is met in part: counted at the share of its points missing, 33.3%');
    expect([formatHours(48.95, 'ru'), formatHours(367.5, 'ru'), formatHours(0.3, 'en'), formatHours(2121, 'en'), formatHours(6.96, 'ru')]).toEqual(['49', '367,5', '0.3', '2,121', '7']);
  });
});
