// npm run bench: generates the benchmark data once (cached in .bench-cache/), then measures the
// real CLI on it against DuckDB running ../shared/bench/kpi.sql on the same files, interleaved, and
// prints wall and CPU time, rows/s, MB/s and peak RSS. A benchmark, not a test: it never fails on them.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = path.join(root, 'bin/crm-audit.js');
const rssHook = path.join(root, 'scripts/bench-rss.mjs');
const DEALS = Number(process.env.BENCH_DEALS ?? 1_000_000);
const ACTIVITIES = Number(process.env.BENCH_ACTIVITIES ?? 5_000_000);
const cache = path.join(root, '.bench-cache', `${DEALS}-${ACTIVITIES}`);

function run(args, label, env = {}) {
  return runScript(bin, args, label, env);
}

/** Runs a Node script with the peak-RSS hook: wall seconds, CPU seconds (user + system) and peak RSS. */
function runScript(script, args, label, env = {}) {
  const t0 = process.hrtime.bigint();
  const res = spawnSync('/bin/sh', ['-c', 'node --import "$0" "$@"; status=$?; times >&2; exit $status', rssHook, script, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, NO_COLOR: '1', ...env } });
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const rss = Number(/@@peak-rss (\d+)/.exec(res.stderr)?.[1] ?? 0);
  if (res.status !== 0) {
    console.error(`${label} failed (exit ${res.status}):\n${res.stderr}`);
    process.exit(1);
  }
  return { seconds, rss, cpu: childCpu(res.stderr), stdout: res.stdout };
}

/** The children's user + system seconds from the shell's `times` (its second line). */
function childCpu(stderr) {
  const lines = stderr.trim().split('\n');
  const m = /(\d+)m([\d.]+)s\s+(\d+)m([\d.]+)s/.exec(lines[lines.length - 1] ?? '');
  return m ? Number(m[1]) * 60 + Number(m[2]) + Number(m[3]) * 60 + Number(m[4]) : Number.NaN;
}

const mb = (n) => (n / 1048576).toFixed(0);
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

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
const help = median(helpTimes);
const bare = median(bareTimes);
console.log(`start-up: --help ${(help * 1000).toFixed(0)} ms vs node -e 0 ${(bare * 1000).toFixed(0)} ms (${(help / bare).toFixed(2)}x, medians of 21 interleaved runs)`);

const parse = run(['inspect', files[1], '--kind', 'activities', '--format', 'json'], 'inspect');
console.log(`import activities only: ${parse.seconds.toFixed(2)} s, ${(actBytes / 1048576 / parse.seconds).toFixed(0)} MB/s, ${(ACTIVITIES / parse.seconds / 1e6).toFixed(2)} M rows/s, peak RSS ${mb(parse.rss)} MB`);

// kpi against DuckDB running ../shared/bench/kpi.sql on the same files, in interleaved pairs so that
// this machine's drift (10-30% within an hour) hits both alike; medians of the pairs, both peak RSS.
const PAIRS = Number(process.env.BENCH_PAIRS ?? 5);
const sqlFile = path.join(root, '..', 'shared', 'bench', 'kpi.sql');
const withDuck = existsSync(sqlFile);
if (!withDuck) console.log(`DuckDB reference skipped: ${sqlFile} is not there (it comes with this project's shared folder); kpi is measured alone`);
const kpiRuns = [];
const duckRuns = [];
for (let i = 0; i < PAIRS; i++) {
  kpiRuns.push(run(['kpi', '-d', files[0], '-a', files[1], '-p', files[2], '--format', 'json', '-o', path.join(cache, 'kpi.json')], 'kpi'));
  if (withDuck) duckRuns.push(runScript(path.join(root, 'scripts/bench-duckdb.mjs'), [sqlFile, files[0], files[1]], 'duckdb'));
}
const summary = (rs) => {
  const times = rs.map((r) => r.seconds).sort((a, b) => a - b);
  return { seconds: median(times), min: times[0], max: times[times.length - 1], rss: Math.max(...rs.map((r) => r.rss)), cpu: median(rs.map((r) => r.cpu)) };
};
const kpi = summary(kpiRuns);
const rows = DEALS + ACTIVITIES;
console.log(`kpi (deals + activities + payments -> JSON), median of ${PAIRS}: ${kpi.seconds.toFixed(2)} s wall (${kpi.min.toFixed(2)}-${kpi.max.toFixed(2)}), ${kpi.cpu.toFixed(2)} s CPU, ${(rows / kpi.seconds / 1e6).toFixed(2)} M rows/s, peak RSS ${mb(kpi.rss)} MB (highest)`);
let duck;
if (withDuck) {
  duck = summary(duckRuns);
  console.log(`DuckDB (../shared/bench/kpi.sql, same files, interleaved), median of ${PAIRS}: ${duck.seconds.toFixed(2)} s wall (${duck.min.toFixed(2)}-${duck.max.toFixed(2)}), ${duck.cpu.toFixed(2)} s CPU, peak RSS ${mb(duck.rss)} MB (highest)`);
  console.log(`kpi / DuckDB: ${(kpi.seconds / duck.seconds).toFixed(2)}x wall, ${(kpi.cpu / duck.cpu).toFixed(2)}x CPU; target: <= 1.0x wall and <= 300 MB: ${kpi.seconds <= duck.seconds && kpi.rss <= 300 * 1048576 ? 'met' : 'NOT met'}`);
  // Each pair's own ratio too: the two runs of a pair see the same minute of the machine, so their
  // spread shows how much of the ratio above is the machine's drift (the verdict stays on the medians).
  const ratios = kpiRuns.map((r, i) => r.seconds / duckRuns[i].seconds).sort((a, b) => a - b);
  console.log(`each pair's kpi / DuckDB wall: median ${median(ratios).toFixed(2)}x (${ratios.map((x) => x.toFixed(2)).join(', ')})`);
}
if (withDuck) agreement(JSON.parse(duckRuns[duckRuns.length - 1].stdout), JSON.parse(readFileSync(path.join(cache, 'kpi.json'), 'utf8')));
const whole = run(['kpi', '-d', files[0], '-a', files[1], '-p', files[2], '--format', 'json', '-o', path.join(cache, 'kpi-one-pass.json')], 'kpi one pass', { CRM_AUDIT_SPLIT_BYTES: '0' });
console.log(`kpi read in one pass per file (CRM_AUDIT_SPLIT_BYTES=0): ${whole.seconds.toFixed(2)} s wall, peak RSS ${mb(whole.rss)} MB`);
const xlsx = spawnSync(process.execPath, [path.join(root, 'scripts/bench-xlsx.mjs')], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
process.stdout.write(xlsx.stdout);
writeFileSync(path.join(cache, 'last-bench.json'), JSON.stringify({ help, bare, parse, kpi, duck, rows, bytes }, null, 2));

/**
 * The numbers both compute the same way, compared manager by manager: a speed comparison is only
 * fair between equal answers. Counts and money exactly; the mean cycle to 1e-9 days (the two add
 * the same doubles in different orders). kpi.sql's touches and response differ by definition (its
 * README): they are not compared.
 */
function agreement(duck, kpi) {
  const ours = new Map(kpi.managers.map((m) => [m.manager, m]));
  const pairs = [['leads', 'leads'], ['won', 'won'], ['revenue', 'revenue'], ['missed_calls', 'calls_missed'], ['avg_cycle_days', 'cycle_days_avg']];
  const differ = [];
  for (const row of duck) {
    const m = ours.get(row.manager);
    if (!m) {
      differ.push(`${row.manager}: not in kpi's managers`);
      continue;
    }
    for (const [theirs, mine] of pairs) {
      const a = Number(row[theirs]);
      const b = m[mine];
      const same = mine === 'cycle_days_avg' ? Math.abs(a - b) <= 1e-9 : a === b;
      if (!same) differ.push(`${row.manager} ${mine}: kpi ${b}, DuckDB ${a}`);
    }
  }
  if (duck.length !== kpi.managers.length) differ.push(`managers: kpi ${kpi.managers.length}, DuckDB ${duck.length}`);
  console.log(differ.length === 0 ? `answers: leads, won, revenue, missed calls and mean cycle equal DuckDB's for all ${duck.length} managers` : `answers DIFFER from DuckDB's:\n  ${differ.join('\n  ')}`);
}
