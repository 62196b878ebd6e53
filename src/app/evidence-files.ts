import type { KpiOptions } from '../core/kpi/engine.js';
import { coverageAlerts } from '../core/kpi/coverage.js';
import { withoutLinksOutsideDates, type EvidenceFacts } from '../core/kpi/facts.js';
import type { ImportOptions } from '../io/map/import.js';
import type { Overrides } from '../io/documents/map-file.js';
import { readDocument } from '../io/read/files.js';
import { parseYaml } from '../io/documents/yaml.js';
import { kpiResultFromRun, runEngines, type KpiFiles } from './kpi-files.js';

/** The evidence facts of one set of exports: the same single read, options and --map as `kpi`. */
export async function readEvidenceFacts(files: KpiFiles, base: ImportOptions, overrides: Overrides, kpi: KpiOptions): Promise<EvidenceFacts> {
  const run = await runEngines(files, base, overrides, [kpi]);
  // The rows skipped and the alerts, as kpi says them of the same read: evidence shown to a client rests on them.
  const dataQuality = kpiResultFromRun(run, 0, kpi).dataQuality;
  // Activities of other dates than the deals link to none of them: that says nothing of the CRM (activities-outside-deals).
  const outside = coverageAlerts(run.coverage?.[0], run.activities?.file ?? '').length > 0;
  return { ...(outside ? withoutLinksOutsideDates(run.facts[0]!) : run.facts[0]!), dataQuality };
}

/**
 * Whether a file given as an export is an audit answers file (a YAML or JSON document with an
 * `answers` map), so that `audit -a answers.yaml` (-a was --answers once) can say what to do.
 */
export async function isAnswersFile(file: string, cwd: string, stdin: NodeJS.ReadableStream): Promise<boolean> {
  if (file === '-' || !/\.(ya?ml|json)$/i.test(file)) return false;
  try {
    const doc = parseYaml(await readDocument(file, cwd, stdin), file) as { answers?: unknown } | null;
    return doc !== null && typeof doc === 'object' && typeof doc.answers === 'object' && doc.answers !== null;
  } catch {
    return false;
  }
}
