// `kpi --format json` read whole and with the split forced (CRM_AUDIT_SPLIT_BYTES=1: every file in two
// halves where it can be): the same stdout and stderr both ways, and exactly the files `halves` read in
// halves, so that a split that silently falls back cannot pass (and one that should fall back is seen to).
import { expect } from 'vitest';
import { runCli } from './cli.js';

const SPLIT = { CRM_AUDIT_SPLIT_BYTES: '1', CRM_AUDIT_SPLIT_TRACE: '1' };
const WHOLE = { CRM_AUDIT_SPLIT_BYTES: '0' };
const TRACE = /^read in two halves: (.*)\n/gm;
const DIAGNOSTICS = /^(?:read in two halves|took over \d+ part\(s\) of the second half|the worker thread's deals were written in place).*\n/gm;

export interface KpiJson {
  total: Record<string, unknown>;
  notApplicable: Record<string, string>;
  dataQuality: { files: Array<{ records: number; dropped: Record<string, number> }>; alerts: Array<Record<string, unknown>> };
}

/** Runs kpi in `dir` both ways (English, --now 2025-08-01); both exit 0 with the same output. */
export function kpiBothWays(dir: string, args: string[], halves: string[] = []): { result: KpiJson; stderr: string } {
  const full = ['kpi', ...args, '--format', 'json', '--lang', 'en', '--now', '2025-08-01'];
  const whole = runCli(full, { cwd: dir, env: WHOLE });
  const split = runCli(full, { cwd: dir, env: SPLIT });
  expect(whole.code, whole.stderr).toBe(0);
  expect(split.code, split.stderr).toBe(0);
  expect([...split.stderr.matchAll(TRACE)].map((m) => m[1])).toEqual(halves);
  expect(split.stderr.replace(DIAGNOSTICS, '')).toBe(whole.stderr);
  expect(split.stdout).toBe(whole.stdout);
  return { result: JSON.parse(whole.stdout) as KpiJson, stderr: whole.stderr };
}
