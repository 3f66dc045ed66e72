// Prints the closing line of `npm test`: "N passed, M failed" over every
// vitest test (read from the JSON report vitest wrote), so the last line of a
// CI log states the whole run's outcome. Exits non-zero if anything failed.
import { readFileSync } from 'node:fs';

const r = JSON.parse(readFileSync(process.argv[2] ?? 'node_modules/.cache/vitest-results.json', 'utf8'));
const passed = r.numPassedTests ?? 0;
const failed = (r.numFailedTests ?? 0) + (r.numFailedTestSuites ?? 0);
const skipped = (r.numPendingTests ?? 0) + (r.numTodoTests ?? 0);
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
process.exit(failed > 0 ? 1 : 0);
