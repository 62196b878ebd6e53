import { statSync } from 'node:fs';
import { lstat } from 'node:fs/promises';
import path from 'node:path';
import { generateSalesSteps, MAX_GENERATED } from '../../core/generate.js';
import { UserError } from '../../core/errors.js';
import { dayRu } from '../../core/i18n.js';
import { renderMessage } from '../../core/messages.js';
import { osReason } from '../../core/messages/os-errors.js';
import { messageLang } from '../message-lang.js';
import { canonicalWriters, PlaceError } from '../../io/write-exports.js';
import type { CliContext } from '../context.js';
import { stderrLine } from '../wrap.js';
import { EXIT } from '../exit-codes.js';
import { parseDay } from '../input-options.js';
import { makeOutputFolder, sizeText } from '../output.js';
import { pendingTemps, removeEmptyCreatedFolders, tempNameFor, writtenFiles } from '../temps.js';

export interface GenerateOptions {
  deals: string;
  activities: string;
  seed: string;
  output: string;
  from: string;
  to: string;
  cutover?: string;
  /** Replace the files of these names already in the folder. */
  force?: boolean;
  lang?: string;
}

/** The files generate writes into its folder. */
const OUTPUT_NAMES = ['deals.csv', 'activities.csv', 'payments.csv'] as const;

/**
 * Refuses a folder that already holds a file of generate's names, unless --force: the names are
 * implied, not given, and `generate -o .` in a folder holding a real export replaced it without a
 * word. A folder of such a name is left to the placing, which says it (nothing would be replaced).
 */
async function refuseReplacing(dir: string, output: string, force: boolean | undefined): Promise<void> {
  if (force) return;
  const held: string[] = [];
  for (const name of OUTPUT_NAMES) {
    const stat = await lstat(path.join(dir, name)).catch(() => undefined);
    if (stat && !stat.isDirectory()) held.push(name);
  }
  if (held.length > 0) throw UserError.of('E_OUTPUT', 'generate.wouldReplace', { files: held.join(', ') }, { file: output });
}

function count(value: string, name: string, max = Number.MAX_SAFE_INTEGER): number {
  // Digits (1_000 too): `1e3` was taken as 1000 here where --managers refuses it, and `-5` was told «must be a whole number».
  const digits = value.trim().replace(/_/g, '');
  const n = /^\d+$/.test(digits) ? Number(digits) : Number.NaN;
  if (!Number.isSafeInteger(n)) throw UserError.of('E_USAGE', 'usage.wholeNumber', { name, value });
  // `--deals 1e9` was taken and filled the disk.
  if (n > max) throw UserError.of('E_USAGE', 'generate.tooMany', { name, value, max: max.toLocaleString('en-US'), maxRu: max.toLocaleString('en-US').replace(/,/g, ' ') });
  return n;
}

/**
 * The three files not put in place together: the one that failed, by the path the user gave, and that
 * nothing was written, or the files that stay in place all the same (undoing them failed too) and
 * where the earlier ones are kept.
 */
export function notPlaced(error: PlaceError, output: string): UserError {
  const shown = (file: string) => path.join(output, path.basename(file));
  const where = { file: shown(error.target) };
  const reason = osReason(error.reason);
  if (error.left.length === 0) return UserError.of('E_OUTPUT', 'generate.notPlaced', reason, where);
  const left = (lang: string) => error.left.map((l) => (l.kept === undefined ? shown(l.target) : renderMessage('generate.keptAs', { file: shown(l.target), kept: shown(l.kept) }, lang))).join(', ');
  return UserError.of('E_OUTPUT', 'generate.partlyPlaced', { ...reason, left: left('en'), leftRu: left('ru') }, where);
}

/** Lets the event loop run, so that a signal's handler (main.ts) can stop the run between two steps. */
const letSignalsIn = () => new Promise<void>((resolve) => setImmediate(resolve));

/** `crm-audit generate`: deterministic synthetic exports in the canonical layout. */
export async function run(o: GenerateOptions, ctx: CliContext): Promise<number> {
  const deals = count(o.deals, '--deals', MAX_GENERATED.deals);
  // No deal at all made a header-only deals.csv that kpi then refused as an export filtered down to nothing (tester T60).
  if (deals === 0) throw UserError.of('E_USAGE', 'generate.noDeals', { value: o.deals });
  const activities = count(o.activities, '--activities', MAX_GENERATED.activities);
  const seed = count(o.seed, '--seed');
  const from = parseDay(o.from, '--from')!;
  const to = parseDay(o.to, '--to')!;
  const cutover = parseDay(o.cutover, '--cutover');
  // A reversed period made deals closed before they were created.
  if (from > to) throw UserError.of('E_USAGE', 'usage.fromAfterTo', { from, to, fromRu: dayRu(from), toRu: dayRu(to) });
  // Outside the period, it left one side of every before/after empty, without a word (tester T66 L17).
  if (cutover !== undefined && (cutover <= from || cutover > to)) throw UserError.of('E_USAGE', 'generate.cutoverOutside', { cutover, from, to, cutoverRu: dayRu(cutover), fromRu: dayRu(from), toRu: dayRu(to) });
  // Before the folder is made or a row generated: nothing is left behind.
  await refuseReplacing(path.resolve(ctx.cwd, o.output), o.output, o.force);
  const dir = await makeOutputFolder(ctx, o.output);
  // A folder that cannot be written (read-only, no rights, a full disk) is the user's to fix, not an internal error.
  const unwritable = (error: unknown) => (error instanceof UserError || typeof (error as NodeJS.ErrnoException)?.code !== 'string' ? error : UserError.of('E_OUTPUT', 'output.write', osReason(error as NodeJS.ErrnoException), { file: o.output }));
  let w: ReturnType<typeof canonicalWriters>;
  try {
    w = canonicalWriters(dir, { nameFor: tempNameFor, pending: pendingTemps });
  } catch (error) {
    // A folder the run made and wrote nothing into is not left behind, as on Ctrl+C (main.ts).
    removeEmptyCreatedFolders();
    throw unwritable(error);
  }
  try {
    // Generated in steps with the event loop let in between: run in one go, the signal waited for the end
    // (Ctrl+C during 3,000,000 deals put the files in place, then said «nothing was saved»). A signal
    // now removes the temp files (they are in pendingTemps) and ends the run before anything is in place.
    const steps = generateSalesSteps({ seed, deals, activities, start: Date.parse(`${from}T00:00:00Z`), end: Date.parse(`${to}T23:59:59Z`), ...(cutover ? { cutover: Date.parse(`${cutover}T00:00:00Z`) } : {}) }, w.sink);
    while (!steps.next().done) await letSignalsIn();
    w.place();
  } catch (error) {
    w.abort();
    removeEmptyCreatedFolders();
    if (error instanceof PlaceError) throw notPlaced(error, o.output);
    throw unwritable(error);
  }
  const shown = OUTPUT_NAMES.map((name) => path.join(o.output, name));
  writtenFiles.push(...shown);
  // «Записано: FILE (size)», as every command that writes -o says it: each file with its size.
  const lang = messageLang(ctx, o.lang);
  const files = shown.map((file) => `${file} (${sizeText(statSync(path.join(dir, path.basename(file))).size, lang)})`).join(', ');
  stderrLine(ctx, renderMessage('generate.wrote', { files }, lang));
  return EXIT.ok;
}
