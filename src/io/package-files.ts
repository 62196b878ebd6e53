// The package's own files: package.json, the built CRM profiles, the questionnaires and the samples.
// They are found from this module up to the folder holding package.json, so that the same code finds
// them from src/ (the tests), from dist/ as tsc writes it and from dist/bin/, where the build bundles
// the command line (scripts/bundle.mjs), each at its own depth below the package.
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/** A path inside the package: packageFile('questionnaires', 'crm-maturity.yaml'). */
export function packageFile(...parts: string[]): string {
  root ??= packageRoot(path.dirname(fileURLToPath(import.meta.url)));
  return path.join(root, ...parts);
}

/** The nearest folder at or above `dir` holding a package.json. */
function packageRoot(dir: string): string {
  for (let at = dir; ; ) {
    if (existsSync(path.join(at, 'package.json'))) return at;
    const up = path.dirname(at);
    if (up === at) throw new Error(`no package.json above ${dir}: the package is incomplete, reinstall it`);
    at = up;
  }
}
