import { compareKpis, makePeriod, type CompareOptions, type CompareResult, type PeriodKpis } from '../core/compare.js';
import { UserError } from '../core/errors.js';
import type { KpiOptions } from '../core/kpi/engine.js';
import type { DataQuality } from '../core/kpi/types.js';
import { guessKind } from './inspect.js';
import type { ImportOptions } from './import.js';
import { dataQuality, runEngines, type KpiFiles } from './kpi-files.js';
import type { Overrides } from './map-file.js';

export type ComparePeriods = { cutover: string; files: KpiFiles } | { before: KpiFiles; after: KpiFiles };

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const DAY = 86_400_000;

/** Checks that each file holds what its option says, so a swapped file gets a message that says what to change. */
async function checkKinds(files: Array<[string, string | undefined, 'deals' | 'activities' | 'payments']>, base: ImportOptions): Promise<void> {
  for (const [option, file, kind] of files) {
    if (!file || file === '-') continue;
    const seen = await guessKind(file, base).catch(() => kind);
    if (seen !== kind) {
      const better = option.replace(/(deals|activities|payments)$/, seen);
      throw new UserError('E_COMPARE_KIND', `${option} looks like ${seen === "activities" ? "an" : "a"} ${seen} export, not ${kind}`, { file }, `pass it as ${better}, and check the other files of that period`);
    }
  }
}

/** Computes the before/after comparison from a cutover date or from two sets of files. */
export async function computeComparison(input: ComparePeriods, base: ImportOptions, overrides: Overrides, kpi: KpiOptions, options: CompareOptions): Promise<{ result: CompareResult; dataQuality: DataQuality }> {
  if ('cutover' in input) {
    await checkKinds([['--deals', input.files.deals, 'deals'], ['--activities', input.files.activities, 'activities'], ['--payments', input.files.payments, 'payments']], base);
    const cut = Date.parse(`${input.cutover}T00:00:00Z`);
    const run = await runEngines(input.files, base, overrides, [
      { ...kpi, from: undefined, to: iso(cut - DAY) },
      { ...kpi, from: input.cutover, to: undefined },
    ]);
    const first = run.firstDay;
    const last = run.lastDay;
    if (first === undefined || last === undefined) throw new UserError('E_COMPARE_EMPTY', 'the files hold no dated records', { file: input.files.deals });
    if (cut <= first || cut > last) {
      throw new UserError('E_COMPARE_CUTOVER', `the cutover ${input.cutover} is outside the data, which runs from ${iso(first)} to ${iso(last)}`, {}, `choose a cutover after ${iso(first)} and no later than ${iso(last)}`);
    }
    const before: PeriodKpis = { period: makePeriod(iso(first), iso(cut - DAY)), ...run.results[0]! };
    const after: PeriodKpis = { period: makePeriod(input.cutover, iso(last)), ...run.results[1]! };
    assertNotEmpty(before, 'before', input.cutover);
    assertNotEmpty(after, 'after', input.cutover);
    return { result: compareKpis(before, after, options), dataQuality: dataQuality(run.reports, 100, run.warnings) };
  }
  const { before: b, after: a } = input;
  if (Boolean(b.activities) !== Boolean(a.activities) || Boolean(b.payments) !== Boolean(a.payments)) {
    throw new UserError('E_COMPARE_KIND', 'the two periods have different kinds of files', {}, 'give activities (and payments) for both periods, or for neither, so that the same metrics compare');
  }
  await checkKinds(
    [
      ['--before-deals', b.deals, 'deals'],
      ['--before-activities', b.activities, 'activities'],
      ['--after-deals', a.deals, 'deals'],
      ['--after-activities', a.activities, 'activities'],
    ],
    base,
  );
  const runs = [await runEngines(b, base, overrides, [kpi]), await runEngines(a, base, overrides, [kpi])];
  const periods = runs.map((run, i) => {
    if (run.firstDay === undefined || run.lastDay === undefined) throw new UserError('E_COMPARE_EMPTY', `the ${i === 0 ? 'before' : 'after'} files hold no dated records`, { file: (i === 0 ? b : a).deals });
    return { period: makePeriod(iso(run.firstDay), iso(run.lastDay)), ...run.results[0]! };
  });
  assertNotEmpty(periods[0]!, 'before');
  assertNotEmpty(periods[1]!, 'after');
  return { result: compareKpis(periods[0]!, periods[1]!, options), dataQuality: dataQuality([...runs[0]!.reports, ...runs[1]!.reports], 100, [...runs[0]!.warnings, ...runs[1]!.warnings]) };
}

function assertNotEmpty(p: PeriodKpis, which: 'before' | 'after', cutover?: string): void {
  if (p.total.leads === 0) {
    throw new UserError('E_COMPARE_EMPTY', `the ${which} period (${p.period.from} to ${p.period.to}) has no deals`, {}, cutover ? `move the cutover (now ${cutover}) so that both periods have deals` : `check the ${which} deals file`);
  }
}
