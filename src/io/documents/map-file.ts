import type { DurationUnit, RecordKind } from '../map/fields.js';
import type { ActivityKind } from '../../core/records.js';
import { buildValueMaps, type ValueMaps } from '../map/value-maps.js';
import { UserErrors, type UserError } from '../../core/errors.js';

/** The text of each --map file loaded, by its name: its errors found while the exports are read point into it (mapErrorLines). */
const loaded = new Map<string, string>();
/** document-lines' withLines, loaded with the first map (the YAML parser loads only for a run with a map file). */
let withLines: ((errors: readonly UserError[], text: string) => void) | undefined;

/**
 * Gives an error of a loaded --map file found while an export is read (a column the export lacks, a
 * field no kind has) the line and column of its value: it was said by its key path alone (tester T56 M3).
 */
export function mapErrorLines(error: UserError): void {
  for (const e of error instanceof UserErrors ? error.errors : [error]) {
    const text = e.where.file === undefined ? undefined : loaded.get(e.where.file);
    if (text !== undefined) withLines?.([e], text);
  }
}

/** Loaded overrides: column assignments per kind and the merged value maps. */
export interface Overrides {
  file?: string;
  /**
   * The map's text as read (decoded whatever its code page, once, stdin and pipes too): a snippet or a
   * map written is built on it, its comments and answers kept (cli/map-snippet.ts mergeMapDocuments).
   */
  text?: string;
  columns: Partial<Record<RecordKind, Record<string, string | string[]>>>;
  valueMaps: ValueMaps;
  /** The unit of a duration column, by its header (or `#n`): the activities section's `units`. */
  units?: Record<string, DurationUnit>;
  /** The kind of every row of an activities file with no kind column: the activities section's `rows`. */
  rows?: ActivityKind;
  /** The values the file names in each value section, as written (said when no export holds one). */
  entries?: Record<'status' | 'direction' | 'kind' | 'missed' | 'done' | 'managers', string[]>;
}

/** What a map file gives the import of a file of `kind`: its columns (none for an unknown kind), the duration units, an activities file's one kind, the value maps. */
export function mapOptions(o: Overrides, kind: RecordKind | undefined): { columns: Record<string, string | string[]> | undefined; units?: Record<string, DurationUnit>; rows?: ActivityKind; valueMaps: ValueMaps; mapFile: string | undefined } {
  return { columns: kind ? o.columns[kind] : undefined, ...(o.units ? { units: o.units } : {}), ...(o.rows && kind === 'activities' ? { rows: o.rows } : {}), valueMaps: o.valueMaps, mapFile: o.file };
}

/** Reads and validates a `--map` file; errors point into it. */
export async function loadOverrides(file: string | undefined, cwd: string, stdin: NodeJS.ReadableStream): Promise<Overrides> {
  if (!file) return { columns: {}, valueMaps: buildValueMaps() };
  // The schema (zod) and the YAML parser load only now: most runs have no map file.
  const { readMapFile, valueMapSources } = await import('./map-file-schema.js');
  const { map: m, text } = await readMapFile(file, cwd, stdin);
  if (text !== undefined) loaded.set(file, text);
  withLines ??= (await import('./document-lines.js')).withLines;
  // Each value map from the top level and the sections, in the order the map file's check of clashing words reads them (a payments section's `status` is its invoice statuses, `invoice`).
  const merge = <T>(key: Parameters<typeof valueMapSources>[1]) => Object.assign({}, ...valueMapSources(m, key).map(([, words]) => words)) as Record<string, T>;
  const [status, direction, kind, owner] = [merge<string>('status'), merge<string>('direction'), merge<string>('kind'), merge<string>('owner')];
  const [missed, done] = [merge<boolean>('missed'), merge<boolean>('done')];
  return {
    file,
    text,
    columns: { deals: m.deals?.columns, activities: m.activities?.columns, payments: m.payments?.columns, spend: m.spend?.columns, plan: m.plan?.columns },
    ...(m.activities?.units ? { units: m.activities.units } : {}),
    ...(m.activities?.rows ? { rows: m.activities.rows } : {}),
    valueMaps: buildValueMaps({ status, direction, kind, missed, done, owner, invoice: m.payments?.status ?? {}, managers: m.managers ?? {}, zeroAmount: m.deals?.zero_amount }),
    entries: { status: Object.keys(status), direction: Object.keys(direction), kind: Object.keys(kind), missed: Object.keys(missed), done: Object.keys(done), managers: Object.keys(m.managers ?? {}) },
  };
}
