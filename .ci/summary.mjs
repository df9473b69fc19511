// Sums the JSON reports Vitest wrote for each test run into the plain line CI reads.
// A failing step that ran no test (type check, build) counts as one failure.
import { existsSync, readFileSync } from 'node:fs';

const status = Number(process.argv[2] ?? 0);
let passed = 0;
let failed = 0;
for (const file of ['test-results/unit.json', 'test-results/browser.json']) {
  if (!existsSync(file)) continue;
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests ?? 0;
  // A test file that fails to load has no failed tests of its own, only a failed suite.
  failed += report.numFailedTests > 0 ? report.numFailedTests : (report.numFailedTestSuites ?? 0);
}
if (status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
