import { parseAnswersDocument, readAnswersDocument } from '../../io/documents/answers-file.js';
import { checkEvidence } from '../../core/audit/evidence.js';
import { bandTitle, scoreAudit } from '../../core/audit/score.js';
import type { AuditResult } from '../../core/audit/types.js';
import { parseAssertion, type Assertion } from '../../core/assert.js';
import type { CompareOptions, CompareResult } from '../../core/compare.js';
import { UserError, type Where } from '../../core/errors.js';
import type { KpiResult } from '../../core/kpi/types.js';
import type { Questionnaire } from '../../core/questionnaire/schema.js';
import { checkAssertionPaths } from '../../core/assert-paths.js';
import { roubleMarked } from '../../core/option-values.js';
import { computeDelta, otherCompany, parseBaseline } from '../../core/delta.js';
import { tr } from '../../core/i18n.js';
import { PRESET_NAMES, PRESETS, presetAssertions } from '../../core/presets.js';
import { ASSERTION_ROOTS, assertionShape, assertionTree, buildReport, preRead, type ReportResult } from '../../core/report.js';
import { checkExportKinds, checkingStdin, comparisonFromRun, computeComparison, cutoverAlerts, cutoverPeriods, namingSwapped } from '../../app/compare-files.js';
import { ConfigErrors, loadConfig, type ReportConfig } from '../../io/documents/config-file.js';
import { readDocument } from '../../io/read/files.js';
import { addAlerts, kpiResultFromRun, runEngines } from '../../app/kpi-files.js';
import { loadOverrides } from '../../io/documents/map-file.js';
import { listBuiltInQuestionnaires, loadQuestionnaire } from '../../io/documents/questionnaire.js';
import { isQuestionnairePath } from '../../core/questionnaire/rules.js';
import { namedQuestionnaire } from './audit.js';
import { loadTargets } from '../../io/documents/targets-file.js';
import { parseYaml } from '../../io/documents/yaml.js';
import { renderReportJunit } from '../../render/report/junit.js';
import { renderReportMarkdown } from '../../render/report/summary.js';
import { renderJson } from '../../render/text.js';
import { messageLang, printAssertionOutcome } from '../ci-output.js';
import { auditNames } from '../../render/report/assertion-text.js';
import { resolveNow, type CliContext } from '../context.js';
import { EXIT } from '../exit-codes.js';
import { assertBinaryDestination, parseManagers, resolveFormat } from '../format.js';
import { assertOneStdin, importOptionsFromCli, parseDay, parseMargin, type ImportCliOptions, type KpiCliFields, type PeriodCliFields } from '../input-options.js';
import { assertOutputPlace, reportFile, writeOutput } from '../output.js';
import { reportSkippedRows } from '../skipped-rows.js';
import { clearProgress } from '../progress.js';
import { warnAnswersOtherCompany, warningLine, warnOtherCompany, warnUnusedOptions, warnWithoutExports } from '../warnings.js';
import { fill, say, UNUSED_WITHOUT } from '../../core/messages.js';
import { parseAmount, parseHourlyCost, warnMonthlyCostAlone, warnTargetDirections } from './compare.js';
import { kpiOptionsFromCli, parseGroupBy } from './kpi.js';
import { stderrLine } from '../wrap.js';
import { withAnswers, type RunFiles } from '../ask-stages.js';

export interface ReportCliOptions extends ImportCliOptions, KpiCliFields, PeriodCliFields {
  config?: string;
  answers?: string;
  questionnaire?: string;
  allowPartial?: boolean;
  managers?: string;
  hourlyCost?: string;
  company?: string;
  assert?: string[];
  preset?: string;
  baseline?: string;
  exitCode: boolean;
  format?: 'xlsx' | 'json' | 'md' | 'junit' | 'html';
  output?: string;
  lang?: string;
  now?: string;
  by?: string[];
  spend?: string;
  plan?: string;
}

const FORMATS = ['xlsx', 'json', 'md', 'junit', 'html'] as const;

/** Every file a report run reads (`-` for stdin), the config and the targets file included; two from stdin are refused. */
function inputsOf(m: ReturnType<typeof merge>, config: string | undefined, targets: string | undefined): Array<string | undefined> {
  const files = [config, m.answers, m.questionnaire, m.baseline, m.files.deals, m.files.activities, m.files.payments, m.files.spend, m.files.plan, m.map, targets, m.before?.deals, m.before?.activities, m.before?.payments, m.after?.deals, m.after?.activities, m.after?.payments];
  assertOneStdin(files, 'exports', m.map);
  return files;
}

/** Where a report's cutover and before/after files come from, in words for report.cutoverAndFiles: an option, else the config's key. */
function comparedFrom(o: ReportCliOptions, configFile: string | undefined): Record<string, string> {
  const inConfig = (key: string, lang: 'ru' | 'en') => (lang === 'ru' ? `${key} в ${configFile ?? 'файле настроек'}` : `${key} in ${configFile ?? 'the config'}`);
  const files = o.beforeDeals || o.afterDeals ? [o.beforeDeals ? '--before-deals' : '', o.afterDeals ? '--after-deals' : ''].filter(Boolean).join(', ') : undefined;
  return {
    cutoverFrom: o.cutover ? '--cutover' : inConfig('compare.cutover', 'en'),
    cutoverFromRu: o.cutover ? '--cutover' : inConfig('compare.cutover', 'ru'),
    filesFrom: files ?? inConfig('compare.before/after', 'en'),
    filesFromRu: files ?? inConfig('compare.before/after', 'ru'),
  };
}

/** CLI flags over the config file; `lang` the messages' (--lang, the config's, the locale's, else Russian), which the report speaks too. */
function merge(o: ReportCliOptions, c: ReportConfig, configFile: string | undefined, lang: 'ru' | 'en', assertAt: ReadonlyArray<Where['at']> = []) {
  const cmp = c.compare ?? {};
  return {
    preset: o.preset ?? c.preset,
    baseline: o.baseline ?? c.baseline,
    lang,
    company: o.company ?? c.company,
    map: o.map ?? c.map,
    answers: o.answers ?? c.audit?.answers,
    // Unset: the questionnaire the answers file names, else crm-maturity (as audit).
    questionnaire: o.questionnaire ?? c.audit?.questionnaire,
    managers: parseManagers(o.managers, '--managers') ?? c.audit?.managers,
    hourlyCost: parseHourlyCost(o.hourlyCost, '--hourly-cost') ?? c.audit?.hourlyCost,
    // audit's option, which its missing-answers hint names; the config's `audit.allowPartial` as well.
    allowPartial: o.allowPartial ?? c.audit?.allowPartial ?? false,
    files: { deals: o.deals ?? c.kpi?.deals, activities: o.activities ?? c.kpi?.activities, payments: o.payments ?? c.kpi?.payments, spend: o.spend ?? c.kpi?.spend, plan: o.plan ?? c.kpi?.plan },
    groupBy: parseGroupBy(o.by && o.by.length > 0 ? o.by : c.kpi?.by),
    kpi: kpiOptionsFromCli({ from: o.from ?? c.kpi?.from, to: o.to ?? c.kpi?.to, touchNorm: o.touchNorm ?? (c.kpi?.touchNorm === undefined ? undefined : String(c.kpi.touchNorm)), callbackWindow: o.callbackWindow ?? c.kpi?.callbackWindow }),
    cutover: parseDay(o.cutover ?? cmp.cutover, '--cutover'),
    comparedFrom: comparedFrom(o, configFile),
    before: o.beforeDeals ? { deals: o.beforeDeals, activities: o.beforeActivities, payments: o.beforePayments } : cmp.before,
    after: o.afterDeals ? { deals: o.afterDeals, activities: o.afterActivities, payments: o.afterPayments } : cmp.after,
    cost: parseAmount(o.cost, '--cost') ?? cmp.cost,
    monthlyCost: parseAmount(o.monthlyCost, '--monthly-cost') ?? cmp.monthlyCost,
    // Typed with a rouble mark on the command line: in roubles, whatever the deals' currency (cost-currency says a mismatch).
    costInRoubles: roubleMarked(o.cost) || roubleMarked(o.monthlyCost),
    margin: parseMargin(o.margin) ?? cmp.margin,
    byManager: o.byManager ?? cmp.byManager ?? false,
    targets: cmp.targets as Record<string, number> | undefined,
    assertions: [
      ...(c.assert ?? []).map((a, i) => ({ ...(typeof a === 'string' ? { expr: a, level: 'error' as const } : { expr: a.expr, level: a.level ?? ('error' as const), ...(a.level ? { levelGiven: true } : {}) }), where: { file: configFile, path: `assert[${i}]`, ...(assertAt[i] ? { at: assertAt[i] } : {}) } })),
      ...(o.assert ?? []).map((expr) => ({ expr, level: 'error' as const, where: { path: '--assert' } })),
    ],
  };
}

/**
 * Says on stderr what of the comparison's settings does nothing, as `compare` says it: a running cost
 * or a margin without a one-off cost (payback null, no word why), and the comparison's options, or a
 * config's compare section (`compare: {}`), where nothing is compared (no cutover, no before/after).
 * A margin with a spend file is not unused: ROMI and LTV take it.
 */
function warnCompareUnused(ctx: CliContext, o: ReportCliOptions, c: ReportConfig, m: ReturnType<typeof merge>): void {
  const lang = m.lang;
  if (!m.cutover && !m.before && !m.after) {
    const typed = [o.cost !== undefined && '--cost', o.monthlyCost !== undefined && '--monthly-cost', o.margin !== undefined && !m.files.spend && '--margin', o.targets !== undefined && '--targets', o.byManager && '--by-manager'].filter((x): x is string => typeof x === 'string');
    const say1 = (kind: 'compare' | 'compareConfig', options: string[]) => ctx.stderr.write(warningLine(ctx, lang, fill(say(UNUSED_WITHOUT[kind][options.length === 1 ? 'one' : 'many'], lang), { options: options.join(', ') })));
    if (typed.length > 0) say1('compare', typed);
    if (c.compare !== undefined) say1('compareConfig', ['compare']);
    return;
  }
  if (m.cost !== undefined) return;
  const fromCli = (v: unknown) => v !== undefined;
  if (m.monthlyCost !== undefined) warnMonthlyCostAlone(ctx, lang, fromCli(o.monthlyCost) ? 'monthlyCost' : 'monthlyCostConfig');
  warnUnusedOptions(ctx, lang, [
    m.margin !== undefined && !m.files.spend && (fromCli(o.margin) ? 'margin' : 'marginConfig'),
  ]);
}

/** A report in one of the report command's formats. */
async function renderReport(report: ReportResult, format: (typeof FORMATS)[number]): Promise<string | Uint8Array> {
  if (format === 'json') return renderJson(report);
  if (format === 'md') return renderReportMarkdown(report);
  if (format === 'junit') return renderReportJunit(report);
  if (format === 'html') return (await import('../../render/html/index.js')).renderHtml(report);
  return (await import('../../render/report/xlsx.js')).renderReportXlsx(report);
}

/**
 * The KPIs and the comparison of the run's exports: one pass over them gives the KPIs and, with a
 * cutover, both periods; two sets of files give a comparison of their own. The audit's answers, when
 * there are, are checked against the same read (spec/evidence.md).
 */
async function readExports(
  ctx: CliContext,
  m: ReturnType<typeof merge>,
  how: { base: ReturnType<typeof importOptionsFromCli>; overrides: Awaited<ReturnType<typeof loadOverrides>>; compareOptions: CompareOptions; format: (typeof FORMATS)[number]; run: RunFiles },
  checked: { audit: AuditResult; questionnaire: Questionnaire } | undefined,
): Promise<{ kpi: KpiResult | undefined; compare: CompareResult | undefined }> {
  let kpi: KpiResult | undefined;
  let compare: CompareResult | undefined;
  const { deals } = m.files;
  const { base, overrides, compareOptions, format, run } = how;
  // Where each came from: a config read from the working folder unasked gave one of them (tester T42 F9).
  if (m.cutover && (m.before || m.after)) throw UserError.of('E_USAGE', 'report.cutoverAndFiles', m.comparedFrom);
  if (deals) {
    const files = { ...m.files, deals };
    // One pass over the exports gives the KPIs and, with a cutover, both periods of the comparison.
    if (m.cutover) await checkExportKinds(files, base);
    const kpiOptions = m.groupBy ? { ...m.kpi, groupBy: m.groupBy } : m.kpi;
    const periods = m.cutover ? [kpiOptions, ...cutoverPeriods(m.kpi, m.cutover)] : [kpiOptions];
    // With a cutover the files are checked before they are read, stdin as soon as its header is.
    const read = m.cutover ? checkingStdin(files, base) : base;
    // A CI command asks nothing: as kpi without a terminal, every question of the read is found and said in one stop.
    const runResult = await namingSwapped(files, base, () => withAnswers(ctx, m.lang, overrides, (maps) => runEngines(files, read, maps, periods, { margin: m.margin }), run));
    kpi = kpiResultFromRun(runResult, 0, kpiOptions);
    // The audit's answers are checked against the same read (spec/evidence.md).
    if (checked) checked.audit.evidence = checkEvidence(checked.questionnaire, checked.audit, runResult.facts[0]!, m.lang, { managers: m.managers, hourlyCost: m.hourlyCost });
    if (m.cutover) {
      // Within --from/--to, as the KPIs beside it (spec, Period and cohorts): the periods are cut at the cutover.
      compare = comparisonFromRun(runResult, 1, m.cutover, compareOptions, m.kpi);
      // The periods' warnings go with the KPIs' (the same files were read once for both).
      addAlerts(kpi.dataQuality, cutoverAlerts(runResult, 1, compare));
    }
  } else if (m.cutover) {
    throw UserError.of('E_USAGE', 'report.cutoverNeedsDeals');
  }
  if (m.before && m.after) {
    const periods = { before: m.before, after: m.after };
    const both = await withAnswers(ctx, m.lang, overrides, (maps) => computeComparison(periods, base, maps, m.kpi, compareOptions), run);
    // Files of their own: how they were read goes with the comparison (the JSON's compare.dataQuality), and is said.
    compare = { ...both.result, dataQuality: both.dataQuality };
    reportSkippedRows(ctx, both.dataQuality, m.lang, format, { json: 'compare.dataQuality', sheet: false });
  } else if (m.before || m.after) {
    throw UserError.of('E_USAGE', 'report.bothPeriods');
  }
  return { kpi, compare };
}

/** `crm-audit report`: the CI report — one workbook (or JSON / Markdown), assertions and exit codes. */
export async function run(o: ReportCliOptions, ctx: CliContext): Promise<number> {
  const { config, file: configFile, assertAt, missing } = await loadConfig(o.config, ctx.cwd, ctx.stdin).catch((error: unknown) => {
    // A config that says its lang has its own errors said in it (unless --lang says otherwise).
    if (error instanceof ConfigErrors && error.lang) ctx.messageLang = messageLang(ctx, o.lang ?? error.lang);
    throw error;
  });
  const lang = messageLang(ctx, o.lang ?? config.lang);
  ctx.messageLang = lang;
  const m = merge(o, config, configFile, lang, assertAt);
  // As audit says it: no money column and no word why is what a forgotten managers key gave.
  warnUnusedOptions(ctx, lang, [m.hourlyCost !== undefined && m.managers === undefined && (o.hourlyCost !== undefined ? 'hourlyCost' : 'hourlyCostConfig')]);
  warnCompareUnused(ctx, o, config, m);
  const format = resolveFormat(o.format, o.output, FORMATS, o.output ? 'xlsx' : 'md');
  assertBinaryDestination(ctx, format, o.output);
  const now = resolveNow(ctx, o.now);
  const given = inputsOf(m, configFile, o.targets);
  // A config's path that names no file, where the run reads it (no option replaced it): said at its key.
  const unfound = (missing ?? []).filter((p) => given.includes(p.resolved));
  if (unfound.length > 0) throw new ConfigErrors(unfound.map((p) => p.error), undefined);
  await assertOutputPlace(ctx, o.output, given.filter((f): f is string => typeof f === 'string'));
  // Parse every assertion before any work, so a typo fails in a second, not after an import.
  const assertions: Assertion[] = m.assertions.map((a) => parseAssertion(a.expr, a.level, a.where, 'levelGiven' in a && a.levelGiven === true));
  if (m.preset !== undefined && !PRESETS[m.preset]) throw UserError.of('E_USAGE', 'report.unknownPreset', { preset: m.preset, presets: PRESET_NAMES.join(', ') }, { path: '--preset' });
  // A path into a part this run cannot produce (compare.* without a cutover) fails before the import too.
  const roots = new Set([m.answers && 'audit', m.files.deals && 'total', m.files.deals && 'managers', m.files.deals && m.files.plan && 'plan', (m.cutover || m.before || m.after) && 'compare', m.baseline && 'delta'].filter((x): x is string => Boolean(x)));
  checkAssertionPaths(assertions.filter((a) => ASSERTION_ROOTS[a.path[0]!] && !roots.has(a.path[0]!)), {}, ASSERTION_ROOTS);
  // A misspelt metric fails now too, not after an import of minutes (the names are the catalog's).
  const byStage = m.groupBy?.some((dims) => dims.includes('stage')) ?? false;
  checkAssertionPaths(assertions.filter((a) => roots.has(a.path[0]!)).flatMap((a) => preRead(a) ?? []), assertionShape(Boolean(m.files.spend), byStage), ASSERTION_ROOTS);
  const baseline = m.baseline ? parseBaseline(parseYaml(await readDocument(m.baseline, ctx.cwd, ctx.stdin), m.baseline), m.baseline) : undefined;
  const imp = config.import ?? {};
  const base = importOptionsFromCli({ ...o, delimiter: o.delimiter ?? imp.delimiter, encoding: o.encoding ?? imp.encoding, sheet: o.sheet ?? imp.sheet, dateFormat: o.dateFormat ?? imp.dateFormat, timeOffset: o.timeOffset ?? (imp.timeOffset === undefined ? undefined : String(imp.timeOffset)), maxBadRows: o.maxBadRows ?? (imp.maxBadRows === undefined ? undefined : String(imp.maxBadRows)) }, ctx);
  const overrides = await loadOverrides(m.map, ctx.cwd, ctx.stdin);
  const targets = { ...m.targets, ...(await loadTargets(o.targets, ctx.cwd, ctx.stdin)) };
  const compareOptions = { targets, cost: m.cost, monthlyCost: m.monthlyCost, costInRoubles: m.costInRoubles, margin: m.margin, byManager: m.byManager };
  let audit: AuditResult | undefined;
  let questionnaire: Questionnaire | undefined;
  if (m.answers) {
    const answers = await readAnswersDocument(m.answers, ctx.cwd, ctx.stdin);
    const ref = m.questionnaire ?? namedQuestionnaire(answers.doc, m.answers, ctx.cwd, await listBuiltInQuestionnaires()) ?? 'crm-maturity';
    ({ questionnaire } = await loadQuestionnaire(ref, ctx.cwd, ctx.stdin, m.lang));
    // Named by its path in the answers file, it is an input too: never the output (tester T66 H1).
    if (ref !== m.questionnaire && isQuestionnairePath(ref)) given.push(ref);
    const parsed = parseAnswersDocument(answers, questionnaire, m.allowPartial);
    // Only the config's company: one given by --company renames the audit on purpose.
    if (o.company === undefined && m.company && otherCompany(parsed.company, m.company)) warnAnswersOtherCompany(ctx, lang, m.answers, parsed.company!, m.company);
    audit = scoreAudit(questionnaire, parsed.answers, { lang: m.lang, now, company: m.company ?? parsed.company, managers: m.managers, hourlyCost: m.hourlyCost });
  }

  const { deals } = m.files;
  const inputs = given.filter((f): f is string => typeof f === 'string');
  const { kpi, compare } = await readExports(ctx, m, { base, overrides, compareOptions, format, run: { inputs, output: o.output, ask: false } }, audit && questionnaire ? { audit, questionnaire } : undefined);
  if (!audit && !kpi && !compare) {
    throw configFile ? UserError.of('E_USAGE', 'report.nothingInConfig', { config: configFile }) : UserError.of('E_USAGE', 'report.nothing');
  }
  // The activities' options without any activities file change nothing, as kpi says (its one mechanism for it).
  warnWithoutExports(ctx, lang, o.optionsGiven, { exports: !deals && !m.before && !m.after, deals: !deals, activities: !m.files.activities && !m.before?.activities && !m.after?.activities });

  if (kpi) reportSkippedRows(ctx, kpi.dataQuality, m.lang, format, { json: 'kpi.dataQuality', sheet: true });
  if (compare) warnTargetDirections(ctx, compare, lang);
  clearProgress(ctx.stderr);
  const delta = baseline ? computeDelta({ audit, kpi }, baseline, (band) => (questionnaire ? bandTitle(questionnaire, band, m.lang) : band.title || band.id)) : undefined;
  const parts = { audit, kpi, compare, delta, company: m.company ?? audit?.company };
  if (baseline && otherCompany(baseline.company, parts.company)) warnOtherCompany(ctx, lang, m.baseline!, baseline.company!, parts.company!);
  const tree = assertionTree(parts);
  if (m.preset) {
    const { used, skipped } = presetAssertions(m.preset, new Set(Object.keys(tree)), questionnaire?.bands);
    assertions.push(...used.map((a) => parseAssertion(a.expr, a.level, { path: `--preset ${m.preset}` })));
    if (skipped.length > 0) stderrLine(ctx, `${tr(lang, `набор ${m.preset}: не применимо к этому запуску`, `preset ${m.preset}: not applicable to this run`)}: ${skipped.map((a) => a.expr).join(', ')}`);
  }
  checkAssertionPaths(assertions, tree, ASSERTION_ROOTS, questionnaire ? { bands: questionnaire.bands } : {});
  const report = buildReport(parts, assertions, { now, lang: m.lang });
  const out = await renderReport(report, format);
  await writeOutput(ctx, out, o.output, inputs, m.lang, false, reportFile(format));
  const fromConfig = new Map(assertions.filter((a) => a.where?.file).map((a) => [a.source, { file: a.where!.file!, line: a.where!.at?.line }]));
  printAssertionOutcome(ctx, report.assertions, lang, o.output === undefined || o.output === '-', fromConfig, auditNames(report.audit));
  return report.failed.errors > 0 && o.exitCode ? EXIT.failed : EXIT.ok;
}

