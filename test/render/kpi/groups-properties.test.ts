import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { METRICS, UNIT_METRICS } from '../../../src/core/kpi/catalog.js';
import { GROUP_DIMS, type GroupDim, type KpiGroup, type KpiResult, type MetricValues } from '../../../src/core/kpi/types.js';
import { neutraliseFormula } from '../../../src/render/csv.js';
import { renderKpiCsv } from '../../../src/render/kpi/csv.js';
import { dimText } from '../../../src/render/kpi/groups.js';
import { renderKpiMarkdown, renderKpiTable } from '../../../src/render/kpi/text.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 60);

/** Names as exports hold them: Cyrillic and Latin, long, with separators, quotes, pipes and formula starts. */
const name = fc.oneof(
  fc.constantFrom('Контекстная реклама', 'Сайт', '=HYPERLINK("x")', 'a;b,c', 'с | чертой', '"кавычки"', '-минус'),
  fc.string({ minLength: 1, maxLength: 90 }).filter((s) => s.trim().length > 0 && !/[\r\n]/.test(s)),
);
const value = fc.oneof(fc.constant(null), fc.integer({ min: -1e9, max: 1e12 }), fc.double({ min: -1e6, max: 1e9, noNaN: true }));
const month = fc.integer({ min: 2020, max: 2026 }).chain((y) => fc.integer({ min: 1, max: 12 }).map((m) => `${y}-${String(m).padStart(2, '0')}`));

/** A grouping of 1–3 dimensions (stage only alone or with pipeline, as the engine allows any) and its groups. */
const grouping = fc.uniqueArray(fc.constantFrom(...GROUP_DIMS), { minLength: 1, maxLength: 3 }).chain((dims) =>
  fc.tuple(fc.constant(dims), fc.array(fc.tuple(fc.array(fc.option(name, { nil: null }), { minLength: dims.length, maxLength: dims.length }), month, fc.array(value, { minLength: 40, maxLength: 40 })), { minLength: 0, maxLength: 8 })),
);

function result(groupings: Array<[GroupDim[], Array<[Array<string | null>, string, Array<number | null>]>]>, spend: boolean): KpiResult {
  const keys = [...METRICS.filter((m) => m.key !== 'loss_reasons'), ...(spend ? UNIT_METRICS : [])].map((m) => m.key);
  const metrics = (values: Array<number | null>, stage: boolean): MetricValues =>
    stage ? { open: values[0] ?? 0, age_days_median: values[1] ?? null } : Object.fromEntries(keys.map((k, i) => [k, values[i % values.length] ?? null]));
  const groups: KpiGroup[] = groupings.flatMap(([dims, rows]) =>
    rows.map(([names, m, values]) => ({ by: Object.fromEntries(dims.map((d, i) => [d, d === 'month' ? m : names[i] ?? null])), metrics: metrics(values, dims.includes('stage')) })),
  );
  return {
    schemaVersion: 1,
    period: { from: null, to: null },
    managers: [],
    total: metrics(Array.from({ length: 40 }, (_, i) => i * 1000.5), false),
    notApplicable: {},
    dataQuality: { rowsRead: 0, rowsSkipped: [], rowsSkippedCount: 0, files: [], warnings: [] },
    groupBy: groupings.map(([dims]) => dims),
    groups,
    ...(spend ? { spend: { total: 1, margin: 0.3, unmatched: [] } } : {}),
  };
}

const arbitrary = fc.tuple(fc.array(grouping, { minLength: 1, maxLength: 3 }).filter((gs) => new Set(gs.map(([d]) => [...d].sort().join())).size === gs.length), fc.boolean());

describe('groupings render whatever the result holds', () => {
  it('the terminal never passes 100 columns and shows a row per group and the department', () => {
    fc.assert(
      fc.property(arbitrary, ([groupings, spend]) => {
        const r = result(groupings, spend);
        const text = renderKpiTable(r, { lang: 'ru', color: false });
        for (const line of text.split('\n')) expect([...line].length, line).toBeLessThanOrEqual(100);
        expect(text.split('\n').filter((l) => l.startsWith('Отдел')).length).toBeGreaterThanOrEqual(groupings.length);
      }),
      { numRuns: RUNS },
    );
  });

  it('CSV: each grouping a table, its values read back as written (formulas made inert), a row per group', () => {
    fc.assert(
      fc.property(arbitrary, ([groupings, spend]) => {
        const r = result(groupings, spend);
        const blocks = renderKpiCsv(r, { lang: 'ru' }).slice(1).trimEnd().split('\r\n\r\n').map((b) => parse(b, { delimiter: ';', relax_column_count: false }) as string[][]);
        const tables = blocks.slice(1);
        expect(tables).toHaveLength(groupings.length);
        groupings.forEach(([dims], i) => {
          const groups = r.groups!.filter((g) => Object.keys(g.by).sort().join() === [...dims].sort().join());
          expect(tables[i]!.length).toBe(groups.length + 2);
          groups.forEach((g, j) => expect(tables[i]![j + 1]!.slice(0, dims.length)).toEqual(dims.map((d) => neutraliseFormula(dimText(g.by[d], d, 'ru')))));
        });
      }),
      { numRuns: RUNS },
    );
  });

  it('Markdown: a table per grouping with a row per group, pipes escaped', () => {
    fc.assert(
      fc.property(arbitrary, ([groupings, spend]) => {
        const r = result(groupings, spend);
        const md = renderKpiMarkdown(r, { lang: 'en', color: false });
        const rows = md.split('\n').filter((l) => l.startsWith('| **Department**'));
        expect(rows.length).toBeGreaterThanOrEqual(groupings.length);
        // Every row of a table has its header's number of cells: a pipe in a name is escaped.
        const pipes = (l: string) => l.replace(/\\./g, 'x').split('|').length;
        let header: number | undefined;
        for (const line of md.split('\n')) {
          if (!line.startsWith('|')) header = undefined;
          else if (header === undefined) header = pipes(line);
          else expect(pipes(line), line).toBe(header);
        }
      }),
      { numRuns: RUNS },
    );
  });
});
