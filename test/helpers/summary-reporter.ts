import type { Reporter, TestModule } from 'vitest/node';

/** Prints a plain "tests: N passed, N failed" closing line that any CI log reader understands. */
export default class SummaryReporter implements Reporter {
  onTestRunEnd(modules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    // Skipped suites say why in their names (e.g. the browser test without Chromium): list each once.
    const why = new Set<string>();
    for (const mod of modules) {
      for (const test of mod.children.allTests()) {
        const state = test.result().state;
        if (state === 'passed') passed++;
        else if (state === 'failed') failed++;
        else {
          skipped++;
          if (/\(skipped: /.test(test.fullName)) why.add(`${mod.moduleId.replace(/^.*?\/test\//, 'test/')}: ${/\(skipped: (.*)\)/.exec(test.fullName)![1]}`);
        }
      }
      if (mod.state() === 'failed' && [...mod.children.allTests()].length === 0) failed++;
    }
    process.stdout.write(`\ntests: ${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
    for (const w of why) process.stdout.write(`skipped ${w}\n`);
  }
}
