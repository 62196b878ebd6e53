// The `--map` file's schema, loaded only when a map file is given (zod and YAML take a while to load).
import { z } from 'zod';
import { ACTIVITY_KINDS } from '../../core/records.js';
import { UserError, UserErrors } from '../../core/errors.js';
import { zodToUserErrors } from '../../core/questionnaire/parse.js';
import { readDocument } from '../read/files.js';
import { parseDocumentAs } from './document-kind.js';
import { withLines } from './document-lines.js';
import { normalizeValue } from '../map/values.js';

const columns = z.record(z.string(), z.union([z.string(), z.array(z.string()).min(1)])).describe('field: "header in the file" (or "#3" for the third column)');
const values = {
  status: z.record(z.string(), z.enum(['won', 'lost', 'open', 'deleted'])).optional(),
  direction: z.record(z.string(), z.enum(['in', 'out', 'internal'])).optional(),
  kind: z.record(z.string(), z.enum(ACTIVITY_KINDS)).optional(),
  missed: z.record(z.string(), z.boolean()).optional(),
  done: z.record(z.string(), z.boolean()).optional().describe('done column value: true took place, false planned (dropped)'),
  owner: z.record(z.string(), z.enum(['deal', 'lead', 'contact', 'company', 'other'])).optional().describe('owner type value: what record an activity\'s owner id names (deal_id is read only for a deal)'),
};
/**
 * Deals also say what an amount of 0 is: an amount (the spec's default), or a budget never filled in
 * (amoCRM and Kommo write it as 0), read as no amount: out of the average check, as an empty cell is.
 */
const section = z
  .object({
    columns: columns.optional(),
    ...values,
    zero_amount: z.enum(['amount', 'unfilled']).optional().describe('amount (0 is an amount, the default) or unfilled (0 is a budget never filled in: no amount)'),
  })
  .strict();
/**
 * Activities also say the unit of a duration column the reader would take otherwise (Beeline's API
 * writes milliseconds), and the kind of every row of a file of one kind with no kind column (a calendar's
 * meetings: read as calls without it, their length as talk), as a CRM's profile says it (`rows`).
 */
const activitiesSection = z
  .object({
    columns: columns.optional(),
    ...values,
    units: z.record(z.string(), z.enum(['s', 'ms', 'min', 'hhmm', 'day'])).optional().describe('"duration header" (or "#3"): s, ms, min (minutes), hhmm (hours and minutes as 2:05) or day (a fraction of a day: a workbook\'s time saved as a plain number, 0.0034722 for 5 minutes)'),
    rows: z.enum(ACTIVITY_KINDS).optional().describe('the kind of every row of a file with no kind column (meeting: a calendar\'s export); call without it'),
  })
  .strict();
/**
 * Payments: `status` is the words of an invoice status column (Bitrix24's and amoCRM's «Счета»), what
 * each says of its invoice; not a deal's stage, which the deals section's `status` maps.
 */
const paymentsSection = z
  .object({
    columns: columns.optional(),
    ...values,
    status: z.record(z.string(), z.enum(['paid', 'partial', 'issued', 'void'])).optional().describe('invoice status value: paid, partial (paid in part), issued (not paid yet: invoiced) or void (rejected, cancelled: dropped)'),
  })
  .strict();
/** Spend and plan files have columns only: no statuses to map. */
const columnsOnly = z.object({ columns: columns.optional() }).strict();

/** The `--map` file: column assignments per kind of export, and value maps. */
export const mapFileSchema = z
  .object({
    deals: section.optional(),
    activities: activitiesSection.optional(),
    payments: paymentsSection.optional(),
    spend: columnsOnly.optional(),
    plan: columnsOnly.optional(),
    managers: z.record(z.string(), z.string().trim().min(1)).optional().describe('"manager as the file writes them (a user id, another spelling)": "name to report"'),
    ...values,
  })
  .strict();

export type MapFile = z.infer<typeof mapFileSchema>;

/**
 * A column named by a bare number (`manager: 4`): most likely its place, which is written "#4" (tester
 * T40 F12: «ожидалось: текст или список; получено 4», and no word of how). A header that is a number
 * (a month's «2024») is quoted, and said so too.
 */
function columnNumberIssue(issue: z.core.$ZodIssue): { id: 'map.columnNumber'; params: Record<string, string> } | undefined {
  const at = issue.path;
  const input = (issue as { input?: unknown }).input;
  if (at.length < 3 || at[at.length - 2] !== 'columns' || typeof input !== 'number') return undefined;
  return { id: 'map.columnNumber', params: { field: String(at[at.length - 1]), value: String(input) } };
}

/** Reads and validates a `--map` file; errors point into it. */
export async function readMapFile(file: string, cwd: string, stdin: NodeJS.ReadableStream): Promise<{ map: MapFile; text: string }> {
  const text = await readDocument(file, cwd, stdin);
  const doc = parseDocumentAs(text, file, 'map');
  const parsed = mapFileSchema.safeParse(doc ?? {}, { reportInput: true });
  if (!parsed.success) {
    // Each said at its line, as a config's and a targets file's are (a bad status was said by its path only).
    const errors = zodToUserErrors(parsed.error, file, 'E_MAP_SCHEMA', mapFileSchema, columnNumberIssue);
    withLines(errors, text);
    throw new UserErrors(errors);
  }
  const clashes = keysOneValue(parsed.data, file);
  if (clashes.length > 0) {
    withLines(clashes, text);
    throw new UserErrors(clashes);
  }
  return { map: parsed.data, text };
}

/**
 * Keys of one value map (valueMapSources: across the sections it is merged from) that are one value of
 * the file (matched as the readers match them: case, spaces, ё and е aside) and mean different things: the last line won, unsaid (tester T66 M2: «Переговоры: won»
 * and «переговоры: lost» gave 296 or 360 won deals by the lines' order). The same meaning twice is harmless.
 */
function keysOneValue(m: MapFile, file: string): UserError[] {
  const maps = VALUE_MAPS.map((key) => valueMapSources(m, key));
  // A payments section's status is the invoices' own map.
  maps.push([['payments.status', m.payments?.status]]);
  const errors: UserError[] = [];
  for (const sources of maps) {
    const seen = new Map<string, { key: string; means: unknown }>();
    for (const [at, values] of sources) {
      for (const [key, means] of Object.entries(values ?? {})) {
        const first = seen.get(normalizeValue(key));
        if (first === undefined) seen.set(normalizeValue(key), { key, means });
        else if (first.means !== means) errors.push(UserError.of('E_MAP_SCHEMA', 'map.keysOneValue', { first: first.key, key, firstMeans: String(first.means), means: String(means) }, { file, path: `${at}["${key.replace(/["\\]/g, '\\$&')}"]` }));
      }
    }
  }
  return errors;
}

/** The value maps a map file gives at its top level and in its sections, merged into one each (map-file.ts). */
export const VALUE_MAPS = ['status', 'direction', 'kind', 'missed', 'done', 'owner'] as const;

/**
 * Where a value map's words are given, in the order they are merged (a later one wins): the top level,
 * then the deals, activities and payments sections, each with its path; a payments section's `status`
 * is its invoice statuses, not the deals' stages, and is not among them.
 */
export function valueMapSources(m: MapFile, key: (typeof VALUE_MAPS)[number]): Array<readonly [string, Record<string, unknown> | undefined]> {
  const sections = key === 'status' ? (['deals', 'activities'] as const) : (['deals', 'activities', 'payments'] as const);
  const of = (s: object | undefined) => (s as Record<string, Record<string, unknown> | undefined> | undefined)?.[key];
  return [[key, m[key]], ...sections.map((s) => [`${s}.${key}`, of(m[s])] as const)];
}
