// node scripts/ab-kpi.mjs [--runs N] DIR_A DIR_B [DIR_C …]: the benchmark's kpi command (as bench.mjs
// runs it: deals + activities + payments -> JSON) with each build's bin, interleaved A B C A B C … so
// that the machine's drift hits every build alike; each build's median CPU (user + system) and wall,
// and whether each run's JSON equals the first build's run of the same round. A build is a checkout
// with dist/ built (`git worktree add ../x <sha>`, node_modules linked, `npm run build`). CPU is the
// figure to compare on a shared machine: a run waiting for a core loses wall, not CPU. The load
// average is printed beside every run. Files: .bench-cache/1000000-5000000 of this checkout
// (BENCH_CACHE for another folder).
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
const at = args.indexOf('--runs');
const runs = at === -1 ? 5 : Number(args.splice(at, 2)[1]);
const dirs = args.map((d) => path.resolve(d));
const cache = process.env.BENCH_CACHE ?? path.join(root, '.bench-cache', '1000000-5000000');
if (dirs.length === 0 || !(runs > 0)) {
  console.error('usage: node scripts/ab-kpi.mjs [--runs N] DIR_A [DIR_B …]');
  process.exit(2);
}
const files = ['deals.csv', 'activities.csv', 'payments.csv'].map((f) => path.join(cache, f));
const out = mkdtempSync(path.join(tmpdir(), 'ab-kpi-'));
const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

/** One run of a build: wall and CPU seconds (the shell's `times` for its child) and the JSON written. */
function run(dir, file) {
  const argv = ['kpi', '-d', files[0], '-a', files[1], '-p', files[2], '--format', 'json', '-o', file];
  const t0 = process.hrtime.bigint();
  const res = spawnSync('/bin/sh', ['-c', 'node "$@" >/dev/null 2>&1; status=$?; times >&2; exit $status', 'sh', path.join(dir, 'bin/crm-audit.js'), ...argv], { encoding: 'utf8', env: { ...process.env, NO_COLOR: '1' } });
  const wall = Number(process.hrtime.bigint() - t0) / 1e9;
  if (res.status !== 0) throw new Error(`${dir}: kpi failed (exit ${res.status})`);
  const m = /(\d+)m([\d.]+)s\s+(\d+)m([\d.]+)s\s*$/.exec(res.stderr.trim());
  const cpu = m ? Number(m[1]) * 60 + Number(m[2]) + Number(m[3]) * 60 + Number(m[4]) : Number.NaN;
  return { wall, cpu, json: readFileSync(file, 'utf8') };
}

const seen = dirs.map(() => ({ wall: [], cpu: [], differ: 0 }));
try {
  for (let r = 1; r <= runs; r++) {
    let first;
    dirs.forEach((dir, i) => {
      const load = loadavg()[0].toFixed(2);
      const x = run(dir, path.join(out, `${i}.json`));
      first ??= x.json;
      const same = x.json === first;
      if (!same) seen[i].differ++;
      seen[i].wall.push(x.wall);
      seen[i].cpu.push(x.cpu);
      console.log(`round ${r} ${dir}: ${x.wall.toFixed(2)} s wall, ${x.cpu.toFixed(2)} s CPU, load ${load}${same ? '' : ', JSON differs from the first build'}`);
    });
  }
} finally {
  rmSync(out, { recursive: true, force: true });
}
for (const [i, dir] of dirs.entries()) {
  const s = seen[i];
  console.log(`${dir}: median ${median(s.cpu).toFixed(2)} s CPU (${Math.min(...s.cpu).toFixed(2)}-${Math.max(...s.cpu).toFixed(2)}), ${median(s.wall).toFixed(2)} s wall; JSON ${s.differ === 0 ? 'the same as the first build in every round' : `different in ${s.differ} of ${runs} rounds`}`);
}
