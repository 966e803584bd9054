/**
 * Prints one plain closing line, `Tests: N passed, N failed, N skipped`, after vitest's
 * own summary, so that tools reading the last lines of a CI log can count the tests.
 */
import type { Reporter, TestModule } from "vitest/node";

export default class PlainSummaryReporter implements Reporter {
  onTestRunEnd(testModules: ReadonlyArray<TestModule>): void {
    let passed = 0;
    let failed = 0;
    let skipped = 0;
    for (const module of testModules) {
      for (const test of module.children.allTests()) {
        const state = test.result().state;
        if (state === "passed") passed += 1;
        else if (state === "failed") failed += 1;
        else skipped += 1;
      }
      // A file that failed outside its tests (import error, beforeAll) counts as one failure more.
      const failedTests = [...module.children.allTests()].filter((test) => test.result().state === "failed").length;
      if (module.state() === "failed" && failedTests === 0) failed += 1;
    }
    process.stdout.write(`\nTests: ${passed} passed, ${failed} failed, ${skipped} skipped\n`);
  }
}
