import path from 'node:path';
import { promises as fs } from 'node:fs';
import { z } from 'zod';
import { COMPARE_ROWS } from '../core/compare.js';
import { UserErrors } from '../core/errors.js';
import { zodToUserErrors } from '../core/questionnaire/parse.js';
import { readDocument } from './files.js';
import { relativeTarget } from './targets-file.js';
import { parseYaml } from './yaml.js';

/** The default config file name, looked for in the working folder. */
export const CONFIG_FILE = 'crm-audit.config.yaml';

const files = z.object({ deals: z.string(), activities: z.string().optional(), payments: z.string().optional() }).strict();
const metricIds = COMPARE_ROWS.map((r) => r.metric) as [string, ...string[]];

/** `crm-audit.config.yaml`: everything a CI job needs, so the job is one line. Paths are relative to the file. */
export const configSchema = z
  .object({
    lang: z.enum(['ru', 'en']).optional(),
    company: z.string().optional(),
    map: z.string().optional().describe('a --map file for unusual exports'),
    import: z
      .object({
        delimiter: z.string().optional(),
        sheet: z.string().optional(),
        dateFormat: z.enum(['DD/MM/YYYY', 'MM/DD/YYYY']).optional(),
        timeOffset: z.union([z.string(), z.number()]).optional(),
        maxBadRows: z.union([z.string(), z.number()]).optional(),
      })
      .strict()
      .optional(),
    audit: z
      .object({
        answers: z.string(),
        questionnaire: z.string().optional(),
        managers: z.number().int().positive().optional(),
        hourlyCost: z.number().nonnegative().optional(),
        allowPartial: z.boolean().optional(),
      })
      .strict()
      .optional(),
    kpi: files
      .extend({
        from: z.string().optional(),
        to: z.string().optional(),
        touchNorm: z.number().nonnegative().optional(),
        callbackWindow: z.string().optional(),
      })
      .strict()
      .optional(),
    compare: z
      .object({
        cutover: z.string().optional(),
        before: files.optional(),
        after: files.optional(),
        targets: z.partialRecord(z.enum(metricIds), relativeTarget).optional(),
        cost: z.number().nonnegative().optional(),
        monthlyCost: z.number().nonnegative().optional(),
        margin: z.number().min(0).max(1).optional(),
        byManager: z.boolean().optional(),
      })
      .strict()
      .optional(),
    assert: z.array(z.union([z.string(), z.object({ expr: z.string(), level: z.enum(['error', 'warn']).default('error') }).strict()])).optional(),
  })
  .strict();

export type ReportConfig = z.infer<typeof configSchema>;

/** Loads the config (`--config`, else ./crm-audit.config.yaml when present), with every path made absolute. */
export async function loadConfig(file: string | undefined, cwd: string, stdin: NodeJS.ReadableStream): Promise<{ config: ReportConfig; file?: string }> {
  let chosen = file;
  if (chosen === undefined) {
    const candidate = path.join(cwd, CONFIG_FILE);
    if (!(await fs.stat(candidate).catch(() => undefined))?.isFile()) return { config: {} };
    chosen = CONFIG_FILE;
  }
  const parsed = configSchema.safeParse(parseYaml(await readDocument(chosen, cwd, stdin), chosen) ?? {});
  if (!parsed.success) throw new UserErrors(zodToUserErrors(parsed.error, chosen, 'E_CONFIG'));
  const base = chosen === '-' ? cwd : path.dirname(path.resolve(cwd, chosen));
  const abs = (p: string | undefined) => (p === undefined || p === '-' ? p : path.resolve(base, p));
  const c = parsed.data;
  const fileSet = <T extends { deals: string; activities?: string; payments?: string }>(f: T | undefined): T | undefined => (f ? { ...f, deals: abs(f.deals)!, activities: abs(f.activities), payments: abs(f.payments) } : undefined);
  return {
    file: chosen,
    config: {
      ...c,
      map: abs(c.map),
      audit: c.audit ? { ...c.audit, answers: abs(c.audit.answers)!, questionnaire: c.audit.questionnaire && /[/\\]|\.ya?ml$/.test(c.audit.questionnaire) ? abs(c.audit.questionnaire) : c.audit.questionnaire } : undefined,
      kpi: fileSet(c.kpi),
      compare: c.compare ? { ...c.compare, before: fileSet(c.compare.before), after: fileSet(c.compare.after) } : undefined,
    },
  };
}
