import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Activity, Deal, Payment } from '../../src/core/records.js';
import { importActivities, importDeals, importPayments, type ImportOptions } from '../../src/io/map/import.js';
import { buildExportFixtures } from '../fixtures/exports.js';

let dir: string | undefined;

/** Writes every export fixture into a fresh temp folder once per test file; returns the folder. */
export async function exportFixturesDir(): Promise<string> {
  if (dir) return dir;
  const d = mkdtempSync(path.join(tmpdir(), 'crm-audit-fixtures-'));
  for (const [name, data] of Object.entries(await buildExportFixtures())) writeFileSync(path.join(d, name), data);
  dir = d;
  return d;
}

const base = (cwd: string, extra: Partial<ImportOptions> = {}): ImportOptions => ({ cwd, stdin: process.stdin, maxBadRows: { count: 1000 }, ...extra });

export async function deals(name: string, extra: Partial<ImportOptions> = {}) {
  const d = await exportFixturesDir();
  const { store, report } = await importDeals(name, base(d, extra));
  return { deals: store.toDeals(), report };
}

export async function activities(name: string, extra: Partial<ImportOptions> = {}) {
  const d = await exportFixturesDir();
  const list: Activity[] = [];
  const { report } = await importActivities(name, base(d, extra), (a) => list.push(a));
  return { activities: list, report };
}

export async function payments(name: string, extra: Partial<ImportOptions> = {}): Promise<{ payments: Payment[] }> {
  const d = await exportFixturesDir();
  return importPayments(name, base(d, extra));
}

/** Wall-clock ms for a date written as "YYYY-MM-DD HH:MM:SS". */
export function at(s: string): number {
  return Date.parse(`${s.replace(' ', 'T')}${s.length === 10 ? 'T00:00:00' : ''}Z`);
}

export type { Deal };
