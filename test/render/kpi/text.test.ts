import { describe, expect, it } from 'vitest';
import { qualityLine } from '../../../src/render/kpi/text.js';
import { kpiResult } from '../../helpers/results.js';

describe('the data-quality line under the KPI tables', () => {
  const withFiles = (n: number, rowsSkippedCount = 1) => {
    const r = kpiResult();
    const file = r.dataQuality.files[0]!;
    return { ...r, dataQuality: { ...r.dataQuality, rowsRead: 12345, rowsSkippedCount, files: Array.from({ length: n }, () => ({ ...file, dropped: { 'totals row': 1500 } as Record<string, number> })) } };
  };

  it.each([
    [1, 'Прочитано строк: 12 345 из 1 файла; не прочитано: 1; отброшено служебных: 1 500.', 'Read 12,345 rows from 1 file; unreadable: 1; non-data rows dropped: 1,500.'],
    [2, 'Прочитано строк: 12 345 из 2 файлов; не прочитано: 1; отброшено служебных: 3 000.', 'Read 12,345 rows from 2 files; unreadable: 1; non-data rows dropped: 3,000.'],
  ])('%i file(s): the word agrees with the number, counts grouped', (n, ru, en) => {
    expect(qualityLine(withFiles(n), 'ru')).toBe(ru);
    expect(qualityLine(withFiles(n), 'en')).toBe(en);
  });

  it('counts missed calls with no employee apart from the unreadable rows (skipped by the spec\'s rule)', () => {
    const r = withFiles(1, 7);
    r.dataQuality.files[0] = { ...r.dataQuality.files[0]!, missedNoManager: 5 };
    expect(qualityLine(r, 'ru')).toBe('Прочитано строк: 12 345 из 1 файла; не прочитано: 2; звонков без сотрудника: 5; отброшено служебных: 1 500.');
    expect(qualityLine(r, 'en')).toBe('Read 12,345 rows from 1 file; unreadable: 2; calls with no employee: 5; non-data rows dropped: 1,500.');
  });

  // A tester: «Прочитано строк: 21 594 … отброшено служебных: 536» counted 535 empty rows as dropped, which are no rows read.
  it('says empty rows apart from the dropped ones: they are no rows read, and read = records + unreadable + dropped', () => {
    const r = withFiles(1);
    r.dataQuality.files[0] = { ...r.dataQuality.files[0]!, dropped: { 'empty row': 535, 'footer or note row': 1 } };
    expect(qualityLine(r, 'ru')).toBe('Прочитано строк: 12 345 из 1 файла; не прочитано: 1; отброшено служебных: 1; пустых строк (не входят в прочитанные): 535.');
    expect(qualityLine(r, 'en')).toBe('Read 12,345 rows from 1 file; unreadable: 1; non-data rows dropped: 1; empty rows (not among those read): 535.');
  });

  // A tester: a Bitrix24 export's 4 product rows, summed into their deals, read «отброшено служебных: 4», data thrown away.
  it('says rows merged into their deal (product rows, repeated ids) apart from the rows dropped', () => {
    const r = withFiles(1);
    r.dataQuality.files[0] = { ...r.dataQuality.files[0]!, dropped: { 'product rows merged into their deal': 4, 'rows repeating a deal id (first row kept)': 2, 'totals row': 1 } };
    expect(qualityLine(r, 'ru')).toBe('Прочитано строк: 12 345 из 1 файла; не прочитано: 1; отброшено служебных: 1; объединено со строкой своей сделки (товары, повторы): 6.');
    expect(qualityLine(r, 'en')).toBe("Read 12,345 rows from 1 file; unreadable: 1; non-data rows dropped: 1; merged into their deal's row (products, repeats): 6.");
  });
});

describe('renderKpiTable with --metrics', () => {
  it('lists as not applicable only the metrics asked for', async () => {
    const { renderKpiTable } = await import('../../../src/render/kpi/text.js');
    const r = { ...kpiResult(), notApplicable: { calls_out: 'needs an activities export', touches_per_won: 'needs an activities export' } };
    const asked = renderKpiTable(r, { lang: 'en', color: false, metrics: ['leads', 'won', 'touches_per_won'] });
    expect(asked).toContain('Not applicable: Touches per won deal — needs an activities export\n');
    expect(asked).not.toMatch(/Not applicable:.*Calls out/);
    const none = renderKpiTable(r, { lang: 'en', color: false, metrics: ['leads', 'won'] });
    expect(none).not.toContain('Not applicable');
    // Without --metrics, all of them.
    expect(renderKpiTable(r, { lang: 'en', color: false })).toMatch(/Not applicable: .*,/);
  });

  // The line ended «(--format json: notApplicable)» after the reasons it had printed already: a pointer to
  // nothing more, and English in a Russian table.
  it('ends the not-computed line with the reasons, in either language, with no pointer to JSON', async () => {
    const { renderKpiTable } = await import('../../../src/render/kpi/text.js');
    const r = { ...kpiResult(), notApplicable: { paid: 'needs a payments file (--payments)' } };
    expect(renderKpiTable(r, { lang: 'ru', color: false, width: 200 }).trimEnd().split('\n').at(-1)).toBe('Не рассчитано: Оплачено — нужен файл оплат (--payments)');
    expect(renderKpiTable(r, { lang: 'en', color: false, width: 200 }).trimEnd().split('\n').at(-1)).toBe('Not applicable: Paid — needs a payments file (--payments)');
  });

  // `--metrics spend,cac,ltv` without --spend printed an empty report and no reason, where `--metrics paid` says the payments file is needed.
  it('says the unit economics asked for need a spend file, and a stage metric a grouping by stage', async () => {
    const { renderKpiMarkdown, renderKpiTable } = await import('../../../src/render/kpi/text.js');
    const r = kpiResult();
    expect(r.spend).toBeUndefined();
    const metrics = ['spend', 'cac', 'ltv', 'age_days_median'];
    const table = (lang: string) => renderKpiTable(r, { lang, color: false, width: 200, metrics }).trimEnd().split('\n').slice(-2).join(' ');
    expect(table('ru')).toBe('Не рассчитано: Расходы, CAC, LTV — нужен файл расходов (--spend); «Возраст, дн. (медиана)» — нужна группировка по этапам (--by stage)');
    expect(table('en')).toBe('Not applicable: Spend, CAC, LTV — needs a spend file (--spend); "Age, days (median)" — needs a grouping by stage (--by stage)');
    expect(renderKpiMarkdown(r, { lang: 'ru', color: false, metrics: ['cac'] })).toContain('**Не рассчитано:** CAC — нужен файл расходов (--spend)');
    expect(renderKpiMarkdown(r, { lang: 'en', color: false, metrics: ['cac'] })).toContain('**Not applicable:** CAC — needs a spend file (--spend)');
    // Not asked for, not said: a run without --metrics has no unit economics to miss.
    expect(renderKpiTable(r, { lang: 'en', color: false })).not.toContain('spend file');
  });
});
