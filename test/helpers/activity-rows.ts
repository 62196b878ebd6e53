import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Activity } from '../../src/core/records.js';
import { guessKind } from '../../src/io/map/inspect.js';
import { importActivities, type ImportOptions } from '../../src/io/map/import.js';

/**
 * Writes an activities export into `dir` and reads it as the run does: its kind, the profile that
 * recognised it, each activity as `kind duration manager deal time`, and the import report.
 */
export async function readActivityRows(dir: string, name: string, lines: readonly string[], columns?: Record<string, string>, more: Pick<ImportOptions, 'reportDay'> = {}) {
  writeFileSync(path.join(dir, name), lines.join('\n'));
  const opts = { cwd: dir, stdin: process.stdin, ...(columns ? { columns } : {}), ...more };
  const kind = await guessKind(name, opts);
  let profile: string | undefined;
  const list: Activity[] = [];
  const { report } = await importActivities(name, { ...opts, onHeader: (m) => (profile = m.profile?.profile.id) }, (a) => list.push(a));
  const rows = list.map((a) => [a.kind, a.duration_s ?? '-', a.manager, a.deal_id || '-', new Date(a.at).toISOString().slice(0, 16)].join(' '));
  return { kind, profile, rows, report };
}
