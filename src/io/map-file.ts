import { z } from 'zod';
import { UserErrors } from '../core/errors.js';
import { zodToUserErrors } from '../core/questionnaire/parse.js';
import type { RecordKind } from './fields.js';
import { readDocument } from './files.js';
import { buildValueMaps, type ValueMaps } from './value-maps.js';
import { parseYaml } from './yaml.js';

const columns = z.record(z.string(), z.union([z.string(), z.array(z.string()).min(1)])).describe('field: "header in the file" (or "#3" for the third column)');
const values = {
  status: z.record(z.string(), z.enum(['won', 'lost', 'open', 'deleted'])).optional(),
  direction: z.record(z.string(), z.enum(['in', 'out'])).optional(),
  kind: z.record(z.string(), z.enum(['call', 'email', 'meeting', 'message', 'other'])).optional(),
  missed: z.record(z.string(), z.boolean()).optional(),
};
const section = z.object({ columns: columns.optional(), ...values }).strict();

/** The `--map` file: column assignments per kind of export, and value maps. */
export const mapFileSchema = z
  .object({
    deals: section.optional(),
    activities: section.optional(),
    payments: section.optional(),
    ...values,
  })
  .strict();

export type MapFile = z.infer<typeof mapFileSchema>;

/** Loaded overrides: column assignments per kind and the merged value maps. */
export interface Overrides {
  file?: string;
  columns: Partial<Record<RecordKind, Record<string, string | string[]>>>;
  valueMaps: ValueMaps;
}

/** Reads and validates a `--map` file; errors point into it. */
export async function loadOverrides(file: string | undefined, cwd: string, stdin: NodeJS.ReadableStream): Promise<Overrides> {
  if (!file) return { columns: {}, valueMaps: buildValueMaps() };
  const doc = parseYaml(await readDocument(file, cwd, stdin), file);
  const parsed = mapFileSchema.safeParse(doc ?? {});
  if (!parsed.success) throw new UserErrors(zodToUserErrors(parsed.error, file, 'E_MAP_SCHEMA'));
  const m = parsed.data;
  const merge = <K extends keyof typeof values>(key: K) => Object.assign({}, m[key], m.deals?.[key], m.activities?.[key], m.payments?.[key]);
  return {
    file,
    columns: { deals: m.deals?.columns, activities: m.activities?.columns, payments: m.payments?.columns },
    valueMaps: buildValueMaps({ status: merge('status'), direction: merge('direction'), kind: merge('kind'), missed: merge('missed') }),
  };
}
