/**
 * Prints the closing line CI reads, `N passed, N failed, N skipped`, from jest's JSON
 * results. A suite that failed to run (syntax error, missing server in beforeAll) counts
 * as a failure even when no test inside it was reported.
 */
const { existsSync, readFileSync } = require('node:fs');

const file = process.argv[2];
if (!file || !existsSync(file)) {
  console.log('0 passed, 1 failed, 0 skipped');
  process.exit(1);
}
const results = JSON.parse(readFileSync(file, 'utf8'));
const brokenSuites = results.testResults.filter((suite) => suite.status === 'failed' && suite.assertionResults.length === 0).length;
const failed = results.numFailedTests + brokenSuites;
// Skips are named, so a skipped suite is never mistaken for a passing one.
for (const suite of results.testResults) {
  for (const test of suite.assertionResults) {
    if (test.status === 'pending' || test.status === 'skipped') console.log(`skipped: ${test.fullName}`);
  }
}
console.log(`${results.numPassedTests} passed, ${failed} failed, ${results.numPendingTests} skipped`);
process.exit(failed > 0 || !results.success ? 1 : 0);
