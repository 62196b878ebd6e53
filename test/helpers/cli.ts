import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = fileURLToPath(new URL('../../bin/crm-audit.js', import.meta.url));

export interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  stdoutBytes: Buffer;
}

/** Spawns the real built binary with NO_COLOR=1 and no terminal. */
export function runCli(args: string[], opts: { input?: string | Buffer; env?: Record<string, string>; cwd?: string } = {}): CliRun {
  const base: Record<string, string> = { ...(process.env as Record<string, string>) };
  delete base.FORCE_COLOR;
  delete base.SOURCE_DATE_EPOCH;
  const env = { ...base, NO_COLOR: '1', ...opts.env };
  const res = spawnSync(process.execPath, [BIN, ...args], { cwd: opts.cwd ?? ROOT, env, input: opts.input ?? '', maxBuffer: 64 << 20 });
  return { code: res.status, stdout: res.stdout.toString('utf8'), stderr: res.stderr.toString('utf8'), stdoutBytes: res.stdout };
}
