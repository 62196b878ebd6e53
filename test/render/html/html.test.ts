import { describe, expect, it } from 'vitest';
import type { ReportResult } from '../../../src/core/report.js';
import { renderHtml } from '../../../src/render/html/index.js';
import { esc, formatDate } from '../../../src/render/html/page.js';
import { reasonText } from '../../../src/render/kpi/labels.js';
import { METRICS, NEEDS_TEXT, ONLY_KIND_TEXT } from '../../../src/core/kpi/catalog.js';
import { htmlStructure } from '../../helpers/html-structure.js';
import { auditResult, compareResult, HOSTILE_NAME, kpiResult } from '../../helpers/results.js';
import { compareKpis, makePeriod } from '../../../src/core/compare.js';

const full = (lang: string): ReportResult => ({ schemaVersion: 1, generatedAt: '2026-01-15T10:00:00.000Z', lang, company: 'ООО «Ромашка» <b>', audit: auditResult(), kpi: kpiResult(), compare: compareResult(), assertions: [], failed: { errors: 0, warnings: 0 } });

describe('the HTML report', () => {
  it('is self-contained: no script, no external resource, no link out', async () => {
    const html = await renderHtml(full('ru'));
    const s = htmlStructure(html);
    expect(s.elements.script ?? 0).toBe(0);
    expect(s.elements.link ?? 0).toBe(0);
    expect(s.elements.img ?? 0).toBe(0);
    expect(s.elements.iframe ?? 0).toBe(0);
    expect(s.links.filter((l) => /^(https?:)?\/\//i.test(l))).toEqual([]);
    expect(html).not.toMatch(/url\(\s*['"]?(https?:)?\/\//i);
    expect(html).not.toMatch(/@import/i);
  });

  it('escapes every value from the data: manager names, loss reasons, company, skipped-row reasons', async () => {
    const html = await renderHtml(full('ru'));
    expect(html).not.toContain('<script>alert');
    expect(html).not.toContain('<img src=x');
    expect(html).not.toContain('<b>abc</b>');
    expect(html).not.toContain('Ромашка» <b>');
    const s = htmlStructure(html);
    // The names still read as they were written.
    const managerRows = s.charts.find((c) => c.id === 'managers-conversion')!.rows.map((r) => r[0]);
    expect(managerRows).toContain(HOSTILE_NAME);
    expect(s.charts.find((c) => c.id === 'loss-reasons')!.rows[1]![0]).toBe('<img src=x onerror=alert(1)>');
    expect(s.title).toBe('Аудит CRM и показатели продаж — ООО «Ромашка» <b>');
  });

  it('has every section and chart a full input allows, each chart with its numbers in a table', async () => {
    const s = htmlStructure(await renderHtml(full('ru')));
    expect(s.lang).toBe('ru');
    expect(s.sections).toEqual(['cover', 'audit', 'recommendations', 'funnel', 'managers', 'manager-kpis', 'loss-reasons', 'calls', 'before-after', 'payback', 'data-quality', 'definitions']);
    expect(s.charts.map((c) => `${c.id}:${c.kind}`)).toEqual(['audit-sections:bar', 'funnel:bar', 'managers-conversion:bar', 'managers-response:bar', 'managers-touches:bar', 'loss-reasons:bar', 'calls:bar', 'before-after:bar', 'payback:line']);
    for (const c of s.charts) expect(c.rows.length, c.id).toBeGreaterThan(1);
  });

  // --by-manager was ignored by the HTML report alone: the terminal, Markdown, CSV, XLSX and JSON had the table.
  it('gives each manager\'s before and after with compare --by-manager, names escaped', async () => {
    const period = (from: string, to: string, conv: number) => ({ period: makePeriod(from, to), total: { leads: 300, won: 300 * conv, conversion: conv }, managers: [{ manager: 'Иванова Анна', leads: 200, conversion: conv }, { manager: HOSTILE_NAME, leads: 100, conversion: conv / 2 }] });
    const compare = compareKpis(period('2024-01-01', '2024-06-30', 0.2), period('2025-01-01', '2025-06-30', 0.3), { byManager: true });
    const html = await renderHtml({ lang: 'ru', generatedAt: '2026-01-15T10:00:00Z', compare });
    const s = htmlStructure(html);
    expect(s.sections).toEqual(['cover', 'before-after', 'by-manager', 'definitions']);
    const rows = s.tables.find((t) => t[0]?.[0] === 'Менеджер')!;
    expect(rows.slice(1).map((r) => r[0]).sort()).toEqual(['Иванова Анна', HOSTILE_NAME].sort());
    expect(rows[0]).toEqual(['Менеджер', 'Конверсия: до', 'после', 'Касаний на продажу: до', 'после', 'Реакция, мин (медиана): до', 'после']);
    expect(html).not.toContain('<script>alert');
  });

  // hF22's review: a comparison whose «before» is all zeros has no change in per cent, so no chart, and
  // the before/after section was left with its heading alone: the rows went with the chart.
  it('gives the before/after rows as a table where no row has a change in per cent to draw', async () => {
    const period = (from: string, to: string, leads: number, won: number) => ({ period: makePeriod(from, to), total: { leads, won, conversion: leads === 0 ? null : won / leads }, managers: [] });
    const compare = compareKpis(period('2024-01-01', '2024-01-31', 0, 0), period('2024-03-01', '2024-03-31', 10, 4), {});
    expect(compare.rows.every((r) => r.change_pct === null)).toBe(true);
    const s = htmlStructure(await renderHtml({ lang: 'ru', generatedAt: '2026-01-15T10:00:00Z', compare }));
    expect(s.sections).toEqual(['cover', 'before-after', 'definitions']);
    expect(s.charts.map((c) => c.id)).not.toContain('before-after');
    const rows = s.tables.find((t) => t[0]?.[0] === 'Показатель' && t[0]?.[1] === 'До')!;
    expect(rows[0]).toEqual(['Показатель', 'До', 'После', 'Изменение', 'Изм., %', 'Оценка', 'Цель', 'Цель достигнута']);
    expect(rows.find((r) => r[0] === 'Лидов в месяц')?.slice(0, 2)).toEqual(['Лидов в месяц', '0,00']);
  });

  it('shows the evidence verdicts when the audit was checked, and the checked score, in the terminal\'s terms', async () => {
    const s = htmlStructure(await renderHtml(full('ru')));
    const evidence = s.tables.find((t) => t[0]?.[2] === 'Вердикт')!;
    expect(evidence[0]).toEqual(['Критерий', 'Ответ', 'Вердикт', 'Что показали выгрузки']);
    expect(evidence[1]).toEqual(['Звонки в CRM', 'да', 'опровергнуто', 'Вы сказали, что звонки записываются; к сделкам привязано 20% звонков.']);
    const html = await renderHtml(full('ru'));
    expect(html).toContain('<h3>Проверка по выгрузкам</h3>');
    expect(html).toContain('Итог с учётом выгрузок: <b>1,5 / 5</b> — Начало пути');
    const plain = { ...full('ru'), audit: { ...auditResult(), evidence: undefined } };
    expect(await renderHtml(plain)).not.toContain('Итог с учётом выгрузок');
  });

  it('an audit alone is titled by its questionnaire, as the terminal and Markdown title it', async () => {
    const only = { lang: 'ru', generatedAt: '2026-01-15T10:00:00Z', audit: auditResult() };
    const html = await renderHtml(only);
    expect(html).toContain(`<h1>${auditResult().questionnaire.title}</h1>`);
    expect(html).not.toContain('Аудит зрелости CRM');
  });

  it('writes numbers and dates as a Russian reader does, and speaks English when asked', async () => {
    const ru = await renderHtml(full('ru'));
    expect(ru).toContain('Дата отчёта: 15.01.2026');
    expect(ru).toContain('01.01.2025 — 31.03.2025');
    expect(ru).toContain('1 234 568');
    expect(ru).toContain('20,0%');
    expect(ru).toContain('2,5 / 5');
    const en = await renderHtml(full('en'));
    expect(htmlStructure(en).lang).toBe('en');
    expect(en).toContain('Report date: 2026-01-15');
    expect(en).toContain('1,234,568');
    expect(en).toContain('Loss reasons: the most frequent and other');
    expect(en).not.toMatch(/Воронка|Причины отказа|Окупаемость|Рекомендации/);
  });

  it('puts money on the recommendations when the hour has a price', async () => {
    const s = htmlStructure(await renderHtml(full('ru')));
    const recs = s.tables.find((t) => t[0]?.[1] === 'Рекомендация')!;
    // Each recommendation names its criterion, as the terminal and the workbook do; the last column is what the hours rest on.
    expect(recs[0]).toEqual(['№', 'Рекомендация', 'Недостаёт баллов', 'Часов в месяц', 'Стоимость в месяц, ₽', 'Основание расчёта']);
    // The whole basis, the managers and the hour's price in it, as the workbook and Markdown give it (tester T61).
    expect(recs[1]).toEqual(['1', 'Звонки в CRM: Записывайте звонки', '1', '63', '31\u00a0500', '30 мин в день; при 6 менеджерах — до 3 ч в день, 63 ч в месяц, около 31\u00a0500 ₽ в месяц']);
    // «№» is a Russian sign: an English report numbers them under «#».
    const en = htmlStructure(await renderHtml(full('en')));
    expect(en.tables.find((t) => t[0]?.[1] === 'Recommendation')![0]![0]).toBe('#');
  });

  it('shows only what the input has: an audit alone is a cover, the audit and recommendations', async () => {
    const s = htmlStructure(await renderHtml({ lang: 'ru', generatedAt: '2026-01-15T10:00:00Z', audit: auditResult() }));
    expect(s.sections).toEqual(['cover', 'audit', 'recommendations']);
    expect(s.charts.map((c) => c.id)).toEqual(['audit-sections']);
  });

  it('says in Russian why each metric could not be computed (the HTML and the workbook share the words)', () => {
    const reasons = new Set([...Object.values(NEEDS_TEXT), ...METRICS.flatMap((m) => (m.activitiesReason ? [m.activitiesReason] : []))]);
    for (const r of reasons) expect(reasonText(r, 'ru'), r).toMatch(/^нуж/);
    // An export of one kind of activity: the other kinds' reasons.
    for (const r of Object.values(ONLY_KIND_TEXT)) expect(reasonText(r, 'ru'), r).toMatch(/^в файле активностей только /);
    expect(reasonText('needs a payments file (--payments)', 'en')).toBe('needs a payments file (--payments)');
  });

  it('escapes and formats its building blocks', () => {
    expect(esc(`<a href="x">'&'</a>`)).toBe('&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;');
    expect(formatDate('2025-03-09', 'ru')).toBe('09.03.2025');
    expect(formatDate('2025-03-09', 'en')).toBe('2025-03-09');
    expect(formatDate(null, 'ru')).toBe('…');
  });
});

// A tester: with --baseline the HTML report showed only «Было (дата): …» under the band, no
// per-section «Было» and «Изменение» in its section table and chart, as the terminal and Markdown have.
describe('a re-audit in the HTML report', () => {
  const reAudit = () => {
    const base = auditResult();
    return { ...base, baseline: { answeredAt: '2025-06-01T09:00:00.000Z', total: 1, change: 1.5, band: 'start', bandTitle: 'Начало пути', sections: [{ id: 'leads', before: 2, after: 2, change: 0 }, { id: 'journal', before: 0, after: 0.5, change: 0.5 }] } };
  };
  /** The audit chart's figure: its SVG and its table of numbers. */
  const figureOf = (html: string) => /<figure class="chart" data-chart="audit-sections"[\s\S]*?<\/figure>/.exec(html)![0];

  it('has «Было (дата)» and «Изменение» per section and in total in the section table, and the earlier score as a bar', async () => {
    const ru = figureOf(await renderHtml({ lang: 'ru', generatedAt: '2026-01-15T10:00:00Z', audit: reAudit() }));
    expect(ru).toContain('<th class="num">Было (01.06.2025)</th><th class="num">Изменение</th>');
    expect(ru).toContain('<td>Журналирование</td><td class="num">0,5</td><td class="num">3</td><td class="num">16,7%</td><td class="num">0</td><td class="num">+0,5</td>');
    expect(ru).toContain('<td>Итого</td><td class="num">2,5</td><td class="num">5</td><td class="num">50,0%</td><td class="num">1</td><td class="num">+1,5</td>');
    // Three bars a section: the maximum, the earlier score, this score; the legend names the earlier audit.
    expect(ru).toContain('data-marks="6"');
    expect(/<svg[\s\S]*Было \(01\.06\.2025\)[\s\S]*<\/svg>/.test(ru)).toBe(true);
    const en = figureOf(await renderHtml({ lang: 'en', generatedAt: '2026-01-15T10:00:00Z', audit: reAudit() }));
    expect(en).toContain('<th class="num">Before (2025-06-01)</th><th class="num">Change</th>');
  });

  it('without a baseline the section table and chart are as before', async () => {
    const fig = figureOf(await renderHtml({ lang: 'ru', generatedAt: '2026-01-15T10:00:00Z', audit: auditResult() }));
    expect(fig).not.toContain('Изменение');
    expect(fig).toContain('data-marks="4"');
  });
});

// A tester: the HTML data-quality table said nothing of a file's empty rows (the README says it does),
// and a Bitrix24 export's product rows read as «Отброшено служебных».
describe('the HTML report\'s data-quality table', () => {
  it('has columns of their own for rows merged into their deal and for empty rows, only where a file has some', async () => {
    const k = kpiResult();
    const file = k.dataQuality.files[0]!;
    const withRows = { ...k, dataQuality: { ...k.dataQuality, files: [{ ...file, dropped: { 'product rows merged into their deal': 4, 'rows repeating a deal id (first row kept)': 1, 'totals row': 2, 'empty row': 7 } }] } };
    const html = await renderHtml({ ...full('ru'), kpi: withRows });
    const table = html.slice(html.indexOf('>Отброшено служебных<'));
    expect(table).toMatch(/^>Отброшено служебных<\/th><th[^>]*>Объединено со своей сделкой<\/th><th[^>]*>Пустых строк \(не входят в прочитанные\)<\/th>/);
    expect(table).toMatch(/<td[^>]*>2<\/td><td[^>]*>5<\/td><td[^>]*>7<\/td><\/tr>/);
    const plain = await renderHtml({ ...full('en'), kpi: { ...k, dataQuality: { ...k.dataQuality, files: [{ ...file, dropped: { 'totals row': 2 } }] } } });
    expect(plain).toContain('Non-data rows dropped');
    expect(plain).not.toContain('Merged into their deal');
    expect(plain).not.toContain('Empty rows (not among those read)');
  });
});
