import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { packageFile } from '../../src/io/package-files.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

describe('packageFile', () => {
  it("finds the package's own files from the module's folder up, whatever its depth", () => {
    expect(packageFile('package.json')).toBe(path.join(ROOT, 'package.json'));
    expect((JSON.parse(readFileSync(packageFile('package.json'), 'utf8')) as { name: string }).name).toBe('crm-audit');
    expect(existsSync(packageFile('questionnaires', 'crm-maturity.yaml'))).toBe(true);
    expect(existsSync(packageFile('samples'))).toBe(true);
  });

  it('the bundled command line (dist/bin/, at another depth than tsc\'s dist/cli) says the package\'s version', () => {
    const version = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
    expect(readFileSync(path.join(ROOT, 'bin/crm-audit.js'), 'utf8')).toContain('../dist/bin/main.js');
    expect(execFileSync(process.execPath, [path.join(ROOT, 'bin/crm-audit.js'), '-V'], { encoding: 'utf8' }).trim()).toBe(version);
  });
});
