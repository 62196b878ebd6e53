// Byte-identical output check for performance work: `node scripts/same-output.mjs DIR` writes the
// JSON of kpi and compare over the benchmark files, the samples and generated sets (with deal ids in
// the activities, without, and with them in the second half only), each read in one pass, in two
// halves, and with the main thread taking over small chunks; `node scripts/same-output.mjs DIR BASE`
// then says which differ from an earlier run's BASE. Run it before and after each change.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const bin = path.join(root, 'bin/crm-audit.js');
const [out, base] = process.argv.slice(2);
if (!out) {
  console.error('usage: node scripts/same-output.mjs OUT_DIR [BASELINE_DIR]');
  process.exit(2);
}
mkdirSync(out, { recursive: true });
const NOW = ['--now', '2026-01-01T00:00:00Z'];
const READS = {
  one: { CRM_AUDIT_SPLIT_BYTES: '0' },
  halves: { CRM_AUDIT_SPLIT_BYTES: '1', CRM_AUDIT_SPLIT_TAKEOVER: 'off' },
  takeover: { CRM_AUDIT_SPLIT_BYTES: '1', CRM_AUDIT_SPLIT_CHUNK: '4096', CRM_AUDIT_SPLIT_TAKEOVER: 'wait' },
};

function cli(args, env = {}) {
  const res = spawnSync(process.execPath, [bin, ...args], { cwd: root, encoding: 'utf8', maxBuffer: 1 << 30, env: { ...process.env, NO_COLOR: '1', ...env } });
  if (res.status !== 0 && res.status !== 1) throw new Error(`crm-audit ${args.join(' ')} exited ${res.status}:\n${res.stderr}`);
  return res.stdout;
}

/** A generated set in `dir`, its activities' deal ids blanked where `keepId(row)` is false. */
function generated(dir, keepId) {
  const full = path.join(out, '..', 'same-output-data', dir);
  if (!existsSync(path.join(full, 'activities.csv'))) {
    mkdirSync(full, { recursive: true });
    cli(['generate', '--deals', '20000', '--activities', '300000', '--seed', '5', '--cutover', '2025-01-01', '-o', full]);
    const lines = readFileSync(path.join(full, 'activities.csv'), 'utf8').split('\n');
    const blanked = lines.map((line, i) => {
      if (i === 0 || line === '' || keepId(i, lines.length)) return line;
      const cells = line.split(',');
      cells[6] = '';
      return cells.join(',');
    });
    writeFileSync(path.join(full, 'activities.csv'), blanked.join('\n'));
  }
  return ['deals.csv', 'activities.csv', 'payments.csv'].map((f) => path.join(full, f));
}

const by = ['--by', 'source,month', '--by', 'stage', '--by', 'manager', '--by', 'pipeline,source'];
const cases = [];
const bench = path.join(root, '.bench-cache', '1000000-5000000');
if (existsSync(path.join(bench, 'activities.csv'))) {
  // Relative paths: the report names the files, and a copy of the project elsewhere then gives the same bytes.
  const [d, a, p] = ['deals.csv', 'activities.csv', 'payments.csv'].map((f) => path.relative(root, path.join(bench, f)));
  for (const read of ['one', 'halves']) {
    cases.push([`bench-kpi-${read}`, ['kpi', '-d', d, '-a', a, '-p', p], READS[read]]);
    cases.push([`bench-compare-${read}`, ['compare', '-d', d, '-a', a, '-p', p, '--cutover', '2025-01-01', '--by-manager', '--cost', '1000000'], READS[read]]);
  }
  cases.push(['bench-kpi-by-default', ['kpi', '-d', d, '-a', a, '-p', p, '--by', 'source,month', '--by', 'stage'], {}]);
} else console.error(`no benchmark files in ${bench}: run npm run bench once (or copy .bench-cache)`);
const samples = ['-d', 'samples/amocrm-deals.csv', '-a', 'samples/bitrix24-calls.xls', '-p', 'samples/payments.csv'];
for (const read of ['one', 'halves']) {
  cases.push([`samples-kpi-${read}`, ['kpi', ...samples, '--by', 'source,month', '--by', 'stage', '--spend', 'samples/spend.csv', '--plan', 'samples/plan.csv'], READS[read]]);
  cases.push([`samples-compare-${read}`, ['compare', ...samples, '--cutover', '2025-01-01', '--by-manager'], READS[read]]);
}
const sets = {
  ids: generated('ids', () => true),
  noids: generated('noids', () => false),
  'ids-late': generated('ids-late', (i, n) => i > n / 2),
};
for (const [name, [d, a, p]] of Object.entries(sets)) {
  for (const read of Object.keys(READS)) {
    cases.push([`${name}-kpi-${read}`, ['kpi', '-d', d, '-a', a, '-p', p, ...by], READS[read]]);
    cases.push([`${name}-kpi-period-${read}`, ['kpi', '-d', d, '-a', a, '-p', p, '--from', '2024-10-01', '--to', '2025-03-31', '--callback-window', '2h', ...by], READS[read]]);
    cases.push([`${name}-compare-${read}`, ['compare', '-d', d, '-a', a, '-p', p, '--cutover', '2025-01-01', '--by-manager'], READS[read]]);
  }
}

const only = process.env.ONLY ? new RegExp(process.env.ONLY) : undefined;
for (const [name, args, env] of cases) {
  if (only && !only.test(name)) continue;
  const t0 = Date.now();
  writeFileSync(path.join(out, `${name}.json`), cli([...args, '--format', 'json', ...NOW], env));
  console.error(`${name}: ${((Date.now() - t0) / 1000).toFixed(1)} s`);
}
// The same numbers whichever way a file was read.
let split = 0;
for (const [name] of cases) {
  const m = /^(.*)-(halves|takeover)$/.exec(name);
  const one = m && path.join(out, `${m[1]}-one.json`);
  if (!one || !existsSync(one) || !existsSync(path.join(out, `${name}.json`))) continue;
  if (readFileSync(one, 'utf8') !== readFileSync(path.join(out, `${name}.json`), 'utf8')) {
    console.log(`READ IN PARTS DIFFERS FROM ONE PASS: ${name}`);
    split++;
  }
}
if (split > 0) process.exitCode = 1;
if (base) {
  let differ = 0;
  for (const f of readdirSync(out)) {
    const b = path.join(base, f);
    if (!existsSync(b)) continue;
    if (readFileSync(b, 'utf8') !== readFileSync(path.join(out, f), 'utf8')) {
      console.log(`DIFFERS: ${f}`);
      differ++;
    }
  }
  console.log(differ === 0 ? `all ${readdirSync(out).length} outputs identical to ${base}` : `${differ} output(s) differ`);
  if (differ > 0) process.exitCode = 1;
}
