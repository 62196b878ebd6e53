import { describe, expect, it } from 'vitest';
import { compareKpis, makePeriod } from '../../../src/core/compare.js';
import { coverSection } from '../../../src/render/html/cover.js';
import { htmlStructure } from '../../helpers/html-structure.js';
import { kpiResult } from '../../helpers/results.js';

const NO_LINK = "needs an id column in the deals file matching the activities' deal id: the activities link to a deal by its id only, and the deals file has none";
const NO_MISSED = 'needs a call status or missed column in the activities file';

/** A report's KPIs and comparison whose response and missed share are not computed, both with targets (as Zoho's calls without a deal id or status). */
function zohoLike() {
  const notApplicable = { response_min_median: NO_LINK, missed_share: NO_MISSED };
  const period = (from: string, to: string, conversion: number) => ({ period: makePeriod(from, to), total: { leads: 100, won: 100 * conversion, conversion }, managers: [], notApplicable });
  const compare = compareKpis(period('2024-01-01', '2024-06-30', 0.2), period('2024-07-01', '2024-12-31', 0.25), { targets: { conversion: 0.2, response_min_median: -0.3, missed_share: -0.25 } });
  const kpi = kpiResult();
  kpi.notApplicable = { ...kpi.notApplicable, ...notApplicable };
  delete kpi.total.response_min_median;
  delete kpi.total.missed_share;
  return { kpi, compare };
}

const headline = (html: string) => htmlStructure(html).tables[0]!;

describe('the HTML cover\'s headline table', () => {
  // A tester: the Zoho report left out its response and missed share, which had targets, without a word.
  it('shows a metric with a target that was not computed as «—», with its reason under the table', () => {
    const { kpi, compare } = zohoLike();
    const html = coverSection({ lang: 'ru', generatedAt: '2026-01-15T10:00:00.000Z', kpi, compare });
    const rows = headline(html);
    expect(rows[0]).toEqual(['Показатель', 'Значение', 'Изменение после внедрения', 'Цель', 'Достигнута']);
    expect(rows.find((r) => r[0] === 'Реакция, мин (медиана)')).toEqual(['Реакция, мин (медиана)', '—', '—', '−30,0%', '—']);
    expect(rows.find((r) => r[0] === 'Доля пропущенных')).toEqual(['Доля пропущенных', '—', '—', '−25,0%', '—']);
    // In their place among the headline metrics: after the cycle, before the callbacks.
    expect(rows.map((r) => r[0])).toEqual(['Показатель', 'Лиды', 'Конверсия', 'Доля побед', 'Выручка', 'Средний чек', 'Цикл, дн. (медиана)', 'Реакция, мин (медиана)', 'Доля пропущенных', 'Перезвонили']);
    expect(html).toContain('<p class="note not-computed">Не рассчитано: «Реакция, мин (медиана)» — нужна колонка ID в файле сделок, совпадающая с ID сделки в файле активностей: активности связаны со сделкой только её ID, а в файле сделок его нет; Доля пропущенных — нужна колонка статуса звонка или пропуска в файле активностей</p>');
    const en = headline(coverSection({ lang: 'en', generatedAt: '2026-01-15T10:00:00.000Z', kpi, compare }));
    expect(en.find((r) => r[0] === 'Missed share')).toEqual(['Missed share', '—', '—', '−25.0%', '—']);
  });

  it('a metric not computed without a target stays out, as before', () => {
    const { kpi } = zohoLike();
    const html = coverSection({ lang: 'ru', generatedAt: '2026-01-15T10:00:00.000Z', kpi });
    expect(headline(html).map((r) => r[0])).not.toContain('Доля пропущенных');
    expect(html).not.toContain('not-computed');
  });

  // A tester: kpi's headline table had «Цель | Достигнута» columns that were «—» on every row.
  it('has target columns only when the run has a target', () => {
    const kpi = kpiResult();
    expect(headline(coverSection({ lang: 'ru', generatedAt: '2026-01-15T10:00:00.000Z', kpi }))[0]).toEqual(['Показатель', 'Значение']);
    const side = (from: string, to: string) => ({ period: makePeriod(from, to), total: { leads: 10, won: 2, conversion: 0.2 }, managers: [] });
    // Every comparison has the default targets (seed 002): a hand-made one without any.
    const compared = compareKpis(side('2024-01-01', '2024-06-30'), side('2024-07-01', '2024-12-31'), {});
    const untargeted = { ...compared, rows: compared.rows.map((r) => ({ ...r, target: null, met: null })) };
    expect(headline(coverSection({ lang: 'ru', generatedAt: '2026-01-15T10:00:00.000Z', kpi, compare: untargeted }))[0]).toEqual(['Показатель', 'Значение', 'Изменение после внедрения']);
  });
});
