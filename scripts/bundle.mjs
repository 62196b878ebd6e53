// The build's last step: bundles the command line (dist/cli/main.js, as tsc wrote it) and the worker
// thread's module into dist/bin/, which bin/crm-audit.js loads. Node 20 loads ES modules one file at
// a time (resolving, reading and compiling each): a kpi run loaded 134 of them, some 200 ms on each
// thread before the first row; bundled, the two entries and their shared chunks are a handful of
// files. Packages stay outside (node_modules), and the commands and formats a run may not need stay
// in chunks of their own, loaded by the same dynamic import() as before. dist/ as tsc writes it is
// kept: the package's library entry (dist/index.js) and the tests that load a built module use it.
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outdir = path.join(root, 'dist/bin');
rmSync(outdir, { recursive: true, force: true });
await build({
  absWorkingDir: root,
  // The worker's entry keeps its name beside the chunks: early.ts finds it as ./part-worker.js.
  entryPoints: { main: 'dist/cli/main.js', 'part-worker': 'dist/io/parallel/part-worker.js' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  packages: 'external',
  chunkNames: 'chunk-[hash]',
  logLevel: 'warning',
});
