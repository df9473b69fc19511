// Sums the JSON reports Vitest wrote for each test run into the plain line CI reads, and says which
// stage did not run: `npm test` stops at the first stage that fails, so a missing report means a
// stage was skipped, not that it passed.
// A failing step that ran no test (type check, build) counts as one failure.
import { existsSync, readFileSync } from 'node:fs';

const status = Number(process.argv[2] ?? 0);
let passed = 0;
let failed = 0;
let earlierFailed = false;
for (const [file, stage, before] of [['test-results/unit.json', 'unit tests', 'the type check'], ['test-results/browser.json', 'browser tests', 'the build']]) {
  if (!existsSync(file)) {
    if (status !== 0) {
      console.log(`${stage}: skipped, because ${earlierFailed ? 'the stage before failed' : `${before} before them failed`}`);
      earlierFailed = true;
    }
    continue;
  }
  const report = JSON.parse(readFileSync(file, 'utf8'));
  passed += report.numPassedTests ?? 0;
  // A test file that fails to load has no failed tests of its own, only a failed suite.
  const stageFailed = report.numFailedTests > 0 ? report.numFailedTests : (report.numFailedTestSuites ?? 0);
  failed += stageFailed;
  const seconds = report.testResults?.length ? Math.round((Math.max(...report.testResults.map((r) => r.endTime ?? 0)) - report.startTime) / 1000) : 0;
  console.log(`${stage}: ${report.numPassedTests ?? 0} passed, ${stageFailed} failed, ${report.numPendingTests ?? 0} skipped, in ${seconds} s`);
  if (stageFailed > 0) earlierFailed = true;
  // Firefox's tests skip themselves when there is no Firefox: say so, so a green run is not mistaken for a tested one.
  const firefox = (report.testResults ?? []).find((r) => /firefox\.test\.ts$/.test(r.name ?? ''));
  if (firefox) {
    const tests = firefox.assertionResults ?? [];
    const ran = tests.filter((t) => t.status === 'passed' || t.status === 'failed');
    if (tests.length > 0 && ran.length === 0) console.log(`  Firefox: skipped, no Firefox at ${process.env.FIREFOX_PATH ?? '/usr/bin/firefox-esr'} (apt-get install firefox-esr, or set FIREFOX_PATH)`);
    else console.log(`  Firefox: ${ran.filter((t) => t.status === 'passed').length} passed, ${ran.filter((t) => t.status === 'failed').length} failed`);
  }
}
if (status !== 0 && failed === 0) failed = 1;
console.log(`${passed} passed, ${failed} failed`);
