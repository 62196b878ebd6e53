import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const BIN = fileURLToPath(new URL('../../bin/crm-audit.js', import.meta.url));
const RSS_HOOK = fileURLToPath(new URL('../../scripts/bench-rss.mjs', import.meta.url));

export interface CliRun {
  code: number | null;
  /** Peak resident memory of the child, in bytes (when measured). */
  peakRss?: number;
  signal?: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  stdoutBytes: Buffer;
}

/** Spawns the real built binary with NO_COLOR=1, no terminal and an English locale (unless `env` sets one), whatever the developer's. */
export function runCli(args: string[], opts: { input?: string | Buffer; env?: Record<string, string>; cwd?: string; measure?: boolean; timeoutMs?: number } = {}): CliRun {
  const base: Record<string, string> = { ...(process.env as Record<string, string>) };
  delete base.FORCE_COLOR;
  delete base.SOURCE_DATE_EPOCH;
  const env = { ...base, NO_COLOR: '1', LANG: 'en_US.UTF-8', LC_ALL: '', LC_MESSAGES: '', ...opts.env };
  const node = opts.measure ? ['--import', RSS_HOOK] : [];
  const res = spawnSync(process.execPath, [...node, BIN, ...args], { cwd: opts.cwd ?? ROOT, env, input: opts.input ?? '', maxBuffer: 64 << 20, timeout: opts.timeoutMs ?? 60_000 });
  let stderr = res.stderr.toString('utf8');
  const rss = /\n@@peak-rss (\d+)\n/.exec(stderr);
  if (rss) stderr = stderr.replace(rss[0], '');
  return { code: res.status, signal: res.signal, stdout: res.stdout.toString('utf8'), stderr, stdoutBytes: res.stdout, ...(rss ? { peakRss: Number(rss[1]) } : {}) };
}
