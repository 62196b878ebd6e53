// npm run bench: generates the benchmark data once (cached in .bench-cache/), then measures the
// real CLI on it and prints wall time, rows/s, MB/s and peak RSS. A benchmark, not a test: it
// prints figures and never fails on them.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = path.join(root, 'bin/crm-audit.js');
const rssHook = path.join(root, 'scripts/bench-rss.mjs');
const DEALS = Number(process.env.BENCH_DEALS ?? 1_000_000);
const ACTIVITIES = Number(process.env.BENCH_ACTIVITIES ?? 5_000_000);
const cache = path.join(root, '.bench-cache', `${DEALS}-${ACTIVITIES}`);

function run(args, label, env = {}) {
  const t0 = process.hrtime.bigint();
  const res = spawnSync(process.execPath, ['--import', rssHook, bin, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, NO_COLOR: '1', ...env } });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const rss = Number(/@@peak-rss (\d+)/.exec(res.stderr)?.[1] ?? 0);
  if (res.status !== 0) {
    console.error(`${label} failed (exit ${res.status}):\n${res.stderr}`);
    process.exit(1);
  }
  return { seconds, rss };
}

const mb = (n) => (n / 1048576).toFixed(0);

if (!existsSync(path.join(cache, 'activities.csv'))) {
  mkdirSync(cache, { recursive: true });
  console.error(`generating ${DEALS} deals and ${ACTIVITIES} activities into ${cache} (once)…`);
  run(['generate', '--deals', String(DEALS), '--activities', String(ACTIVITIES), '--seed', '7', '--cutover', '2025-01-01', '-o', cache], 'generate');
}
const files = ['deals.csv', 'activities.csv', 'payments.csv'].map((f) => path.join(cache, f));
const bytes = files.reduce((n, f) => n + statSync(f).size, 0);
const actBytes = statSync(files[1]).size;

console.log(`crm-audit benchmark on ${process.version}, ${DEALS.toLocaleString('en')} deals + ${ACTIVITIES.toLocaleString('en')} activities (${mb(bytes)} MB)`);

// Start-up: --help against a bare node, interleaved so machine noise hits both alike; medians of 21.
const helpTimes = [];
const bareTimes = [];
for (let i = 0; i < 21; i++) {
  let t0 = process.hrtime.bigint();
  spawnSync(process.execPath, ['-e', '0']);
  bareTimes.push(Number(process.hrtime.bigint() - t0) / 1e9);
  t0 = process.hrtime.bigint();
  spawnSync(process.execPath, [bin, '--help']);
  helpTimes.push(Number(process.hrtime.bigint() - t0) / 1e9);
}
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];
const help = median(helpTimes);
const bare = median(bareTimes);
console.log(`start-up: --help ${(help * 1000).toFixed(0)} ms vs node -e 0 ${(bare * 1000).toFixed(0)} ms (${(help / bare).toFixed(2)}x, medians of 21 interleaved runs)`);

const parse = run(['inspect', files[1], '--kind', 'activities', '--format', 'json'], 'inspect');
console.log(`import activities only: ${parse.seconds.toFixed(2)} s, ${(actBytes / 1048576 / parse.seconds).toFixed(0)} MB/s, ${(ACTIVITIES / parse.seconds / 1e6).toFixed(2)} M rows/s, peak RSS ${mb(parse.rss)} MB`);

// Three runs: this machine's timings vary by 10-15% from run to run, so the median is reported,
// with the range of the three and the highest peak RSS.
const runs = [0, 1, 2].map(() => run(['kpi', '-d', files[0], '-a', files[1], '-p', files[2], '--format', 'json', '-o', path.join(cache, 'kpi.json')], 'kpi'));
const times = runs.map((r) => r.seconds).sort((a, b) => a - b);
const kpi = { seconds: times[1], rss: Math.max(...runs.map((r) => r.rss)) };
const rows = DEALS + ACTIVITIES;
console.log(`kpi (deals + activities + payments -> JSON), median of 3: ${kpi.seconds.toFixed(2)} s wall (${times[0].toFixed(2)}-${times[2].toFixed(2)}), ${(rows / kpi.seconds / 1e6).toFixed(2)} M rows/s, ${(bytes / 1048576 / kpi.seconds).toFixed(0)} MB/s, peak RSS ${mb(kpi.rss)} MB (highest of 3)`);
console.log(`target: <= 8 s and <= 500 MB: ${kpi.seconds <= 8 && kpi.rss <= 500 * 1048576 ? 'met' : 'NOT met'}`);
const whole = run(['kpi', '-d', files[0], '-a', files[1], '-p', files[2], '--format', 'json', '-o', path.join(cache, 'kpi-one-pass.json')], 'kpi one pass', { CRM_AUDIT_SPLIT_BYTES: '0' });
console.log(`kpi read in one pass per file (CRM_AUDIT_SPLIT_BYTES=0): ${whole.seconds.toFixed(2)} s wall, peak RSS ${mb(whole.rss)} MB`);
const xlsx = spawnSync(process.execPath, [path.join(root, 'scripts/bench-xlsx.mjs')], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
process.stdout.write(xlsx.stdout);
writeFileSync(path.join(cache, 'last-bench.json'), JSON.stringify({ help, bare, parse, kpi, rows, bytes }, null, 2));
