import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

/**
 * Vitest global setup: every test's temporary directory (mkdtemp under os.tmpdir(), in the test
 * and in the binaries it spawns) goes under one directory of the run, removed when the run ends.
 * Tests create hundreds of them, and a run left them all behind in /tmp.
 */
export default function setup(): () => void {
  const root = mkdtempSync(path.join(tmpdir(), 'crm-audit-tests-'));
  const before = process.env.TMPDIR;
  process.env.TMPDIR = root;
  return () => {
    if (before === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = before;
    rmSync(root, { recursive: true, force: true });
  };
}
