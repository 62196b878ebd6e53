import { INVISIBLE_CLASS } from '../io/read/edges.js';
import { terminalSafe } from '../render/terminal-safe.js';
import { Command, Option } from 'commander';
import { readFileSync } from 'node:fs';
import type { CliContext } from './context.js';
import { PRESET_NAMES, PRESETS } from '../core/presets.js';
import { withImportOptions } from './input-options.js';
import { commanderMessage, PRINTER, say } from '../core/messages.js';
import { closest } from '../core/assert-paths.js';
import { UserError } from '../core/errors.js';
import { errorPlaceholders, examples, helpIn } from './help-text.js';
import { startWorkerEarly } from '../io/parallel/early.js';
import { STDIN_NOTICE, type AnnouncingStream } from '../io/read/files.js';
import { FILE_ARG, FILES_ARG, refuseExtraArguments } from './extra-arguments.js';
import { stderrLine } from './wrap.js';
import { packageFile } from '../io/package-files.js';

const { version } = JSON.parse(readFileSync(packageFile('package.json'), 'utf8')) as { version: string };

// The help speaks the run's language (--lang, else LANG): every description, option text and example
// comment below is written in English and is also the key of its Russian in help-ru.ts (gettext-style).
// A new option or example adds its Russian there; test/cli/help.test.ts fails on any text without one.

/** The options every reporting command shares: format, output file, language, clock. */
function withOutputOptions(cmd: Command, formats: string[]): Command {
  return cmd
    .addOption(new Option('--format <format>', 'output format (default: from -o extension, else table)').choices(formats))
    .option('-o, --output <file>', 'write to FILE atomically instead of stdout')
    .addOption(new Option('--lang <lang>', 'report language (default: from the locale, else ru)').choices(['ru', 'en']))
    .option('--now <iso>', 'fix the report date (or set SOURCE_DATE_EPOCH) for reproducible output');
}

/** The inputs besides the deals that `kpi` and `audit` share: activities, payments, the period and the norms. */
function withKpiInputs(cmd: Command): Command {
  return cmd
    .option('-a, --activities <file>', 'calls / activities export or telephony call log')
    .option('-p, --payments <file>', 'invoices and payments export')
    .option('--from <date>', 'first day of the period, DD.MM.YYYY or YYYY-MM-DD (deals by creation, activities by date)')
    .option('--to <date>', 'last day of the period, DD.MM.YYYY or YYYY-MM-DD, inclusive')
    .option('--touch-norm <n>', 'touches a won deal should have had', '5')
    .option('--callback-window <duration>', 'how soon a missed call must be called back: 24h, 90m, 2d (or 24ч, 90мин, 2д)', '24h');
}

/** The before/after options `compare` and `report` share. */
function withPeriodOptions(cmd: Command): Command {
  return cmd
    .option('--cutover <date>', 'the day the CRM went in (DD.MM.YYYY or YYYY-MM-DD): earlier records are "before"')
    .option('--before-deals <file>', 'deals before (instead of --cutover)')
    .option('--before-activities <file>', 'activities before')
    .option('--before-payments <file>', 'payments before')
    .option('--after-deals <file>', 'deals after')
    .option('--after-activities <file>', 'activities after')
    .option('--after-payments <file>', 'payments after')
    .option('--targets <file.yaml>', 'relative targets per row (default: conversion +20%, median response -30%)')
    .option('--cost <amount>', 'one-off implementation cost, for payback and ROI (1500000, "1 500 000", 1.5e6)')
    .option('--monthly-cost <amount>', 'running cost per month (licences, support)')
    .option('--margin <share>', 'gross margin share of revenue (0.35, 0,35 or 35%; default 1)')
    .option('--by-manager', "each manager's before and after for conversion, response and touches");
}

/** --company as written, its edges trimmed: spaces alone name no company (the heading ended in a dangling dash). */
function companyName(value: string): string | undefined {
  // Characters that show nothing (a direction override reversed the report's title: tester T52 F7) are dropped, as a name's are at import.
  return value.replace(INVISIBLE, '').trim() || undefined;
}

/** The characters that show nothing, as the readers drop them from names (io/read/edges.ts). */
const INVISIBLE = new RegExp(`[${INVISIBLE_CLASS}]`, 'gu');

/** Declares the commands and their options; each handler is imported only when its command runs. */
export function buildProgram(ctx: CliContext, state: { code: number; lang?: string; argv?: readonly string[] }): Command {
  const lang = state.lang ?? 'en';
  const program = new Command('crm-audit')
    .description('How deeply a company really uses its CRM, and what that changed in numbers.')
    .version(version, '-V, --version')
    .option('--debug', 'show stack traces for internal errors')
    .configureHelp(helpIn(lang))
    .showHelpAfterError(commanderMessage('(add --help for usage)', lang))
    .exitOverride()
    .configureOutput({ writeOut: (s) => ctx.stdout.write(s), writeErr: (s) => ctx.stderr.write(s), outputError: (s, write) => write(terminalSafe(errorPlaceholders(commanderMessage(withNearestChoice(s), lang), lang), false)) })
    .addHelpText(
      'after',
      examples([
        ['crm-audit demo', 'the audit and the KPIs of the bundled samples'],
        ['crm-audit audit', 'run the maturity audit interactively'],
        ['crm-audit kpi --deals deals.csv --activities calls.xls', 'KPIs per manager from CRM exports'],
        ['crm-audit inspect deals.csv', 'see how an export is read and mapped'],
      ]),
    );
  const run: Run = (loader) =>
    async function (this: Command) {
      refuseEmptyArguments(this);
      const opts: Record<string, unknown> = { ...this.optsWithGlobals(), args: this.args };
      // Which options were typed, not defaulted: an option that reads exports, given with none, is said to do nothing.
      opts.optionsGiven = this.options.filter((o) => this.getOptionValueSource(o.attributeName()) === 'cli').map((o) => o.long ?? o.flags);
      // One language a run: without --lang, the report speaks the messages' language (the locale's,
      // else Russian). `report` decides its own, as its config's lang comes before the locale.
      if (opts.lang === undefined && this.name() !== 'report' && this.options.some((o) => o.long === '--lang')) opts.lang = state.lang ?? 'ru';
      // An input named `-` read from a terminal says so once, when it is read: a run waiting for the
      // terminal's input said nothing (a tester). Refusing would forbid pasting an export; like gpg, it says what it waits for.
      if (ctx.stdin.isTTY) {
        const lang = typeof opts.lang === 'string' ? opts.lang : (state.lang ?? 'ru');
        (ctx.stdin as AnnouncingStream)[STDIN_NOTICE] = () => {
          // Read as data, stdin answers no question after it (canAsk): the run stops with its snippet.
          ctx.stdinRead = true;
          stderrLine(ctx, say(PRINTER.stdinTerminal, lang));
        };
      }
      // A thread to read large exports in halves loads beside this one's modules.
      startWorkerEarly(splitInputs(opts), ctx.cwd);
      const mod = await loader();
      state.code = await mod.run(opts as never, ctx);
    };
  for (const declare of [declareAudit, declareValidate, declareKpi, declareInspect, declareMap, declareCompare, declareReport, declareGenerate, declareDemo]) declare(program, run);
  for (const cmd of program.commands) {
    refuseRepeats(cmd);
    refuseEmptyPaths(cmd);
    // Said by refuseExtraArguments, with the argument and its fix, before a command's own checks (kpi's -d).
    cmd.allowExcessArguments(true);
  }
  program.hook('preAction', (_program, cmd) => refuseExtraArguments(cmd, state.argv ?? [], ctx.cwd));
  return program;
}


/** What one -o names: a file (a report, a map) or generate's folder. */
const OUTPUT_FILE = { place: 'one file', placeRu: 'один файл' };
const OUTPUT_FOLDER = { place: 'one folder', placeRu: 'одну папку' };

/** The options that take an export, of which two are joined into one file first (a map, an answers file or a config is no export: tester T63 L2). */
const EXPORT_OPTION = /^--(?:(?:before|after)-)?(?:deals|activities|payments)$|^--(?:spend|plan)$/;

/**
 * The message of an option given twice: an export's (joined into one file first; activities of several
 * kinds exported apart, as HubSpot's calls, e-mails and meetings, are one export of every type: tester
 * T68 M2, whose joined file was read as calls), a document's, or any other's.
 */
function repeatedMessage(opt: Option): 'usage.repeatedFile' | 'usage.repeatedActivities' | 'usage.repeatedDocument' | 'usage.repeated' {
  if (!FILE_ARG.test(opt.flags)) return 'usage.repeated';
  if (!EXPORT_OPTION.test(opt.long ?? '')) return 'usage.repeatedDocument';
  return /activities$/.test(opt.long ?? '') ? 'usage.repeatedActivities' : 'usage.repeatedFile';
}

/**
 * Refuses an option of one value given twice (`-d a.csv -d b.csv` read b.csv alone, without a word);
 * options made to repeat (--by, --assert, --answers) are left alone.
 */
function refuseRepeats(cmd: Command): void {
  const seen = new Set<string>();
  for (const opt of cmd.options) {
    if (!(opt.required || opt.optional) || opt.variadic || opt.parseArg === collect) continue;
    cmd.on(`option:${opt.name()}`, () => {
      // A second -o is no second export to join: its hint is its own (a tester got the -d one's).
      if (seen.has(opt.name()) && opt.long === '--output') throw UserError.of('E_USAGE', 'usage.repeatedOutput', { option: opt.short ?? opt.long, ...(FILE_ARG.test(opt.flags) ? OUTPUT_FILE : OUTPUT_FOLDER) });
      if (seen.has(opt.name())) throw UserError.of('E_USAGE', repeatedMessage(opt), { option: opt.long ?? opt.flags });
      seen.add(opt.name());
    });
  }
}


/**
 * Refuses an empty file path (`-d ''`, `--spend "$SPEND"` with the variable not set), naming the
 * option: it read the current folder («это папка, а не файл», no option named), or, for an option
 * read only when given (--map, --baseline), was taken for no option at all. `-o` has its own words
 * (assertOutputPlace); a file argument (`inspect ''`) is checked when the command runs.
 */
function refuseEmptyPaths(cmd: Command): void {
  for (const opt of cmd.options) {
    if (!(FILE_ARG.test(opt.flags) || FILES_ARG.test(opt.flags)) || opt.long === '--output') continue;
    cmd.on(`option:${opt.name()}`, (value: unknown) => {
      if (typeof value === 'string' && value.trim() === '') throw UserError.of('E_USAGE', 'usage.emptyFile', { option: opt.long ?? opt.flags });
    });
  }
}

/** Refuses an empty file argument (`inspect ''`), as refuseEmptyPaths an option's. */
function refuseEmptyArguments(cmd: Command): void {
  cmd.registeredArguments.forEach((arg, i) => {
    const value = cmd.args[i];
    if (arg.name() === 'file' && typeof value === 'string' && value.trim() === '') throw UserError.of('E_USAGE', 'usage.emptyFileArgument', { command: cmd.name() });
  });
}

/** The options that name a deals or activities file: those that may be read in two threads. */
const SPLIT_INPUTS = ['deals', 'activities', 'beforeDeals', 'beforeActivities', 'afterDeals', 'afterActivities'];

/** The deals and activities files a command's options name. */
function splitInputs(opts: Record<string, unknown>): string[] {
  return SPLIT_INPUTS.map((k) => opts[k]).filter((v): v is string => typeof v === 'string');
}

/** Collects a repeatable option's values. */
function collect(value: string, previous: string[]): string[] {
  return [...previous, value];
}

/** Makes a command's action: loads its module when it runs and keeps its exit code. */
type Run = (loader: () => Promise<{ run: (opts: never, ctx: CliContext) => Promise<number> }>) => (this: Command) => Promise<void>;

/** `crm-audit audit`. */
function declareAudit(program: Command, run: Run): void {
  withOutputOptions(
    withImportOptions(withKpiInputs(program
      .command('audit')
      .description('Run the CRM maturity audit: interactively, or from a saved answers file; with exports, each answer is checked against them')
      .option('-q, --questionnaire <id|file>', 'built-in questionnaire id or a YAML file (default: the one the answers file names, else crm-maturity)')
      .option('--answers <files...>', 'answers file(s) (YAML or JSON, - for stdin); no prompts; several give a result each')
      .option('-d, --deals <file>', 'deals export, to check the answers against its data'))
      .option('--allow-partial', 'treat questions missing from the answers file as skipped')
      .option('--company <name>', 'company name shown in the report', companyName)
      .option('--baseline <result.json>', 'a previous audit result (JSON) to compare with')
      .option('--managers <n>', 'number of sales managers, to put hours on the recommendations')
      .option('--hourly-cost <amount>', "what a manager's hour costs (roubles), to put money on those hours")),
    ['table', 'json', 'md', 'xlsx', 'html'],
  )
    .addHelpText(
      'after',
      examples([
        ['crm-audit audit --lang en', 'interactive audit in English'],
        ['crm-audit audit --answers samples/answers/leader.yaml --format json', 'the same audit from a saved answers file (CI)'],
        ['crm-audit audit --answers samples/answers/*.yaml --format json', 'several answers files: a JSON array of results'],
        ['crm-audit audit --answers answers.yaml --managers 8 -o audit.xlsx', 'an XLSX report, with recommendations costed for 8 managers'],
        ['crm-audit audit --answers answers.yaml --baseline last-year.json', 'before/after against last year\'s result'],
        ['crm-audit audit --answers answers.yaml -d deals.csv -a calls.xls -p payments.csv', 'each answer checked against the exports: confirmed, contradicted…'],
      ]),
    )
    .action(run(() => import('./commands/audit.js')));
}

/** `crm-audit validate`. */
function declareValidate(program: Command, run: Run): void {
  program
    .command('validate')
    .description('Check a custom questionnaire file against the format and its rules')
    .argument('<file>', 'questionnaire YAML file')
    .addOption(new Option('--lang <lang>', 'language of the messages (default: from the locale, else ru)').choices(['ru', 'en']))
    .addHelpText('after', examples([['crm-audit validate my-questionnaire.yaml', 'exit 0 when valid; every problem listed with its path otherwise']]))
    .action(run(() => import('./commands/validate.js')));
}

/**
 * A required option, checked after the options commander does not know: `kpi --bogus` is told of
 * --bogus, not of a missing -d (commander's requiredOption is checked before the unknown ones). The
 * error is commander's own, which the run's language translates.
 */
function requireOption(name: string): (command: Command) => void {
  return (command) => {
    if (command.getOptionValue(name) !== undefined) return;
    const option = command.options.find((o) => o.attributeName() === name)!;
    command.error(`error: required option '${option.flags}' not specified`, { code: 'commander.missingMandatoryOptionValue', exitCode: 1 });
  };
}

/** `crm-audit kpi`. */
function declareKpi(program: Command, run: Run): void {
  withOutputOptions(
    withImportOptions(
      withKpiInputs(program
        .command('kpi')
        .description('Sales KPIs per manager from CRM exports (CSV, XLSX, HTML .xls; any encoding)')
        .option('-d, --deals <file>', 'deals or leads export (- for stdin); required')
        .hook('preAction', requireOption('deals')))
        .option('--metrics <list>', 'only these metrics, comma-separated (e.g. conversion,response_min_median)')
        .option('--company <name>', 'company name for the report heading', companyName)
        .option('--top-reasons <n>', 'loss reasons listed before the rest go under "other" (table, md, csv, html; JSON and XLSX keep all)', '10')
        .option('--by <dims>', 'also group by manager, source, pipeline, stage (open deals) or month; comma-separated for a pivot (source,month); repeatable', collect, [])
        .option('--spend <file>', 'marketing spend by month and source (CSV/XLSX): spend, CAC, cost per lead, ROMI, LTV')
        .option('--plan <file>', 'targets by manager or source and month (leads, won, revenue): plan vs fact')
        .option('--margin <share>', 'share of revenue that is margin, for ROMI and LTV (0.35, 35%); default 100%'),
    ),
    ['table', 'json', 'md', 'xlsx', 'csv', 'html'],
  )
    .addHelpText(
      'after',
      examples([
        ['crm-audit kpi --deals deals.csv', 'funnel, money and cycle per manager from a deals export'],
        ['crm-audit kpi -d deals.xlsx -a calls.xls -p payments.csv --from 2025-01-01 --to 2025-03-31', 'every metric for one quarter'],
        ['crm-audit kpi -d deals.csv -a calls.csv --format json -o kpi.json', 'the JSON contract, for CI or another tool'],
        ['crm-audit kpi -d deals.csv -a calls.csv --metrics conversion,response_min_median,callback_rate', 'just three metrics'],
        ['crm-audit kpi -d - --format md < deals.csv', 'read the deals from stdin'],
        ['crm-audit kpi -d deals.csv -o kpi.csv', 'CSV for a spreadsheet (; and a decimal comma; --lang en for , and a dot)'],
        ['crm-audit kpi -d deals.csv --by source,month --spend spend.csv -p payments.csv', 'by source and month, with spend, CAC, ROMI and LTV/CAC'],
        ['crm-audit kpi -d deals.csv --by stage', 'where open deals stall: count and median age per stage'],
        ['crm-audit kpi -d deals.csv --plan plan.csv', 'plan vs fact per manager and month'],
      ]),
    )
    .action(run(() => import('./commands/kpi.js')));
}

/** `crm-audit inspect`. */
function declareInspect(program: Command, run: Run): void {
  withImportOptions(
    program
      .command('inspect')
      .description('Show how an export is read: format, encoding, header, column mapping, values, bad rows')
      .argument('<file>', 'an export file (- for stdin, with --kind)')
      .addOption(new Option('--kind <kind>', 'what the file holds (default: the kind its header says, else deals)').choices(['deals', 'activities', 'payments', 'spend', 'plan']))
      .addOption(new Option('--format <format>', 'output format').choices(['text', 'json']).default('text'))
      .addOption(new Option('--lang <lang>', 'language of the text output (default: from the locale, else ru)').choices(['ru', 'en'])),
  )
    .addHelpText(
      'after',
      examples([
        ['crm-audit inspect deals.csv', 'which column became which field, and which rows could not be read'],
        ['crm-audit inspect calls.xls --kind activities --map my-map.yaml', 'check a mapping file against an export'],
      ]),
    )
    .action(run(() => import('./commands/inspect.js')));
}

/** `crm-audit compare`. */
function declareCompare(program: Command, run: Run): void {
  withOutputOptions(
    withImportOptions(
      withPeriodOptions(program
        .command('compare')
        .description('Before/after tables: KPIs before and after the CRM went in, targets, payback and ROI')
        .option('-d, --deals <file>', 'deals of both periods, split at --cutover')
        .option('-a, --activities <file>', 'activities of both periods')
        .option('-p, --payments <file>', 'payments of both periods'))
        .option('--touch-norm <n>', 'touches a won deal should have had', '5')
        .option('--callback-window <duration>', 'how soon a missed call must be called back: 24h, 90m, 2d (or 24ч, 90мин, 2д)', '24h')
        .option('--company <name>', 'company name for the report heading', companyName),
    ),
    ['table', 'json', 'md', 'xlsx', 'csv', 'html'],
  )
    .addHelpText(
      'after',
      examples([
        ['crm-audit compare -d deals.csv -a calls.csv --cutover 2025-01-01', 'one set of exports split at the go-live date'],
        ['crm-audit compare --before-deals 2023.csv --after-deals 2024.csv --cost 1500000 --monthly-cost 40000 --margin 0.35', 'two years, with payback and ROI'],
        ['crm-audit compare -d deals.csv --cutover 2025-01-01 --targets targets.yaml --by-manager -o before-after.xlsx', 'own targets, per manager, as a workbook'],
      ]),
    )
    .action(run(() => import('./commands/compare.js')));
}

/** `crm-audit report`. */
function declareReport(program: Command, run: Run): void {
  withImportOptions(
    withPeriodOptions(program
      .command('report')
      .description('The CI report: audit, KPIs and before/after in one XLSX (or JSON, Markdown, HTML, JUnit), with assertions and exit codes')
      .option('-c, --config <file>', `config file (default: ./crm-audit.config.yaml when present)`)
      .option('--answers <file>', 'audit answers file')
      .option('-q, --questionnaire <id|file>', 'questionnaire of the answers')
      .option('--allow-partial', 'treat questions missing from the answers file as skipped')
      .option('--managers <n>', 'number of sales managers, to put hours on the audit recommendations')
      .option('--hourly-cost <amount>', "what a manager's hour costs (roubles), to put money on those hours")
      .option('--company <name>', 'company name for the report', companyName)
      .option('-d, --deals <file>', 'deals export')
      .option('-a, --activities <file>', 'activities export or call log')
      .option('-p, --payments <file>', 'payments export')
      .option('--from <date>', 'first day of the period of the KPIs and of the before/after, DD.MM.YYYY or YYYY-MM-DD')
      .option('--to <date>', 'last day of that period, inclusive, DD.MM.YYYY or YYYY-MM-DD')
      .option('--touch-norm <n>', "touches a won deal should have had (default: the config's, else 5)")
      .option('--callback-window <duration>', "how soon a missed call must be called back: 24h, 90m, 2d (or 24ч, 90мин, 2д; default: the config's, else 24h)")
      .option('--by <dims>', 'also group the KPIs (as kpi --by; repeatable)', collect, [])
      .option('--spend <file>', 'marketing spend by month and source: CAC, ROMI, LTV (as kpi --spend)')
      .option('--plan <file>', 'targets by manager or source and month: plan vs fact, and plan.* assertions'))
      .option('--assert <expr...>', "a check such as 'total.conversion>=0.2', or 'warn:…' to only warn (repeatable); exit 1 when an error-level one fails")
      .addOption(new Option('--preset <name>', `a built-in set of checks: ${Object.entries(PRESETS).map(([k, p]) => `${k} (${p.description.en})`).join('; ')}`).choices(PRESET_NAMES))
      .option('--baseline <report.json>', 'a previous report --format json result: adds the change of every KPI (delta.*)')
      .option('--no-exit-code', 'exit 0 even when an assertion fails (dashboards)')
      .addOption(new Option('--format <format>', 'output format (default: from the -o extension, .xml = junit; else md)').choices(['xlsx', 'json', 'md', 'junit', 'html']))
      .option('-o, --output <file>', 'write to FILE atomically')
      .addOption(new Option('--lang <lang>', 'report language (default: the config\'s, else from the locale, else ru)').choices(['ru', 'en']))
      .option('--now <iso>', 'fix the report date (or set SOURCE_DATE_EPOCH) for reproducible output'),
  )
    .addHelpText(
      'after',
      examples([
        ['crm-audit report -o report.xlsx', 'everything crm-audit.config.yaml in this folder asks for'],
        ['crm-audit report --answers answers.yaml -d deals.csv -a calls.xls --cutover 2025-01-01 --cost 1500000 -o report.html', 'a client document with charts (HTML, prints on A4)'],
        ["crm-audit report --answers answers.yaml -d deals.csv -a calls.xls --assert 'audit.total>=6' --assert 'total.conversion>=0.2' -o report.xlsx", 'audit and KPIs, failing the job below the lines'],
        ["crm-audit report -d deals.csv --cutover 2025-01-01 --assert 'compare.conversion.met==true' --format md >> \"$GITHUB_STEP_SUMMARY\"", 'a CI job summary page'],
        ["crm-audit report -c ci.yaml --assert 'managers.*.response_min_median<=30' --no-exit-code -o report.xlsx", 'report every slow manager without failing'],
        ['crm-audit report -c ci.yaml --preset recommended --format junit -o crm-audit.xml', 'the seeds\' targets as a JUnit report (GitLab)'],
        ["crm-audit report -c ci.yaml --baseline previous.json --assert 'delta.total.conversion>=-0.02' --format json -o current.json", 'fail on a conversion drop of more than 2 p.p. since the last run'],
      ]),
    )
    .action(run(() => import('./commands/report.js')));
}

/** `crm-audit generate`. */
function declareGenerate(program: Command, run: Run): void {
  program
    .command('generate')
    .description('Write deterministic synthetic exports (deals, activities, payments) for demos and benchmarks')
    .option('-o, --output <dir>', 'folder to write deals.csv, activities.csv and payments.csv into; required')
    .hook('preAction', requireOption('output'))
    .option('--deals <n>', 'number of deals, at most 50,000,000', '1000')
    .option('--activities <n>', 'number of activities, at most 250,000,000', '5000')
    .option('--seed <n>', 'random seed: the same seed gives the same files', '1')
    .option('--from <date>', 'first creation date', '2024-07-01')
    .option('--to <date>', 'last creation date', '2025-06-30')
    .option('--cutover <date>', 'deals from this date behave as after a CRM roll-out (better conversion, faster response)')
    .option('--force', 'replace deals.csv, activities.csv and payments.csv already in the folder (else the run is refused)')
    // As every command: `--lang` was obeyed by `generate --help` and refused by the run (a tester).
    .addOption(new Option('--lang <lang>', 'language of the messages (default: from the locale, else ru)').choices(['ru', 'en']))
    .addHelpText(
      'after',
      examples([
        ['crm-audit generate --deals 1000 --activities 8000 -o data', 'a small data set in ./data'],
        ['crm-audit generate --deals 1000000 --activities 5000000 --seed 7 -o big', 'the benchmark data set'],
      ]),
    )
    .action(run(() => import('./commands/generate.js')));
}

/** `crm-audit demo`. */
function declareDemo(program: Command, run: Run): void {
  program
    .command('demo')
    .description('Run every capability on the bundled samples and write demo-report.html here (what `npm start` does)')
    .addOption(new Option('--lang <lang>', 'report language (default: from the locale, else ru)').choices(['ru', 'en']))
    .addHelpText('after', examples([['crm-audit demo --lang en', 'the demo in English']]))
    .action(run(() => import('./commands/demo.js')));
}

/** `crm-audit map`. */
function declareMap(program: Command, run: Run): void {
  withImportOptions(
    program
      .command('map')
      .description('Ask what an export cannot say (a column no rule finds, closed stages no rule knows, the names of managers given as user ids) and write the answers as a --map file')
      .argument('<file>', 'an export: deals, calls and activities, payments, spend or plan (- for stdin)')
      .addOption(new Option('--kind <kind>', 'what the file holds (default: the kind its header says, else deals)').choices(['deals', 'activities', 'payments', 'spend', 'plan']))
      .option('-o, --output <file>', 'write the map to FILE atomically instead of stdout')
      .addOption(new Option('--lang <lang>', 'language of the questions (default: from the locale, else ru)').choices(['ru', 'en'])),
  )
    .addHelpText(
      'after',
      examples([
        ['crm-audit map deals.csv -o map.yaml', 'answer the questions once, then: crm-audit kpi -d deals.csv --map map.yaml'],
        ['crm-audit map deals.csv --map old-map.yaml', 'only what the old map does not answer yet'],
      ]),
    )
    .action(run(() => import('./commands/map.js')));
}

/** An invalid choice's message (commander's) with the closest allowed one after it, as an unknown option has: `--format jsn` (may be json?). A tester found none. */
function withNearestChoice(message: string): string {
  // `-v` for the version, as many tools spell it: commander suggests only among long options (a tester).
  if (/^error: unknown option '-v'\n$/.test(message)) return "error: unknown option '-v'\n(Did you mean -V?)\n";
  const m = /argument '([^']*)' is invalid\. Allowed choices are ([^\n]*)\.\n/.exec(message);
  const near = m ? closest(m[1]!, m[2]!.split(', '))[0] : undefined;
  return near === undefined ? message : message.replace(m![0], `${m![0]}(Did you mean ${near}?)\n`);
}
