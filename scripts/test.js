#!/usr/bin/env node
// `npm test`: lint, type check, unit and integration suites, end-to-end suite. Prints one closing
// line "N passed, N failed" over all of them. Under CI=true a skipped suite is a failure.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const ci = process.env.CI === 'true';
// Tests must never touch a real deployment's database.
delete process.env.DATABASE_URL;
const totals = { passed: 0, failed: 0, skipped: 0 };
// Named again at the very end, because CI keeps only the tail of a long log.
const failures = [];
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'aman-test-results-'));

function step(name, command, args) {
  console.log(`\n▶ ${name}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  if (result.status === 0) totals.passed += 1;
  else {
    totals.failed += 1;
    failures.push(name);
  }
  return result.status === 0;
}

function vitest(name, args) {
  const out = path.join(dir, `${name}.json`);
  console.log(`\n▶ ${name}`);
  const result = spawnSync(
    'npx',
    ['vitest', 'run', ...args, '--reporter=default', '--reporter=json', `--outputFile.json=${out}`],
    {
      stdio: 'inherit',
      env: process.env,
    },
  );
  if (!fs.existsSync(out)) {
    totals.failed += 1;
    failures.push(`${name}: no report`);
    return;
  }
  const report = JSON.parse(fs.readFileSync(out, 'utf8'));
  totals.passed += report.numPassedTests;
  totals.failed += report.numFailedTests;
  totals.skipped += report.numPendingTests + report.numTodoTests;
  for (const file of report.testResults) {
    const failed = file.assertionResults.filter((test) => test.status === 'failed');
    for (const test of failed) failures.push(`${name}: ${path.relative(process.cwd(), file.name)} › ${test.fullName}`);
    // A suite that fails to load counts no tests but must still fail the run.
    if (file.status === 'failed' && failed.length === 0)
      failures.push(`${name}: ${path.relative(process.cwd(), file.name)} › ${file.message}`);
  }
  if (result.status !== 0 && report.numFailedTests === 0) totals.failed += 1;
}

step('lint', 'npx', ['eslint', '.']);
step('format', 'npx', ['prettier', '--check', '.']);
step('typecheck', 'npx', ['tsc', '-p', 'tsconfig.json', '--noEmit']);
// Suites named *.pg.test.ts test what only a pooled server can show (parallel writers); they run
// in the PostgreSQL pass. Everything else runs on the embedded database, and again on PostgreSQL.
const pgUrl = process.env.AMAN_TEST_DATABASE_URL;
delete process.env.AMAN_TEST_DATABASE_URL;
vitest('integration-embedded', ['--exclude', '**/*.pg.test.ts', '--exclude', 'node_modules/**']);
if (pgUrl) {
  process.env.AMAN_TEST_DATABASE_URL = pgUrl;
  vitest('integration-postgres', []);
  delete process.env.AMAN_TEST_DATABASE_URL;
} else {
  const pgOnly = spawnSync('git', ['ls-files', '*.pg.test.ts'], { encoding: 'utf8' }).stdout.split('\n').filter(Boolean);
  console.log(
    `\nPostgreSQL suites skipped: AMAN_TEST_DATABASE_URL is not set (${pgOnly.length} files need it; .ci/run sets it).`,
  );
  totals.skipped += Math.max(pgOnly.length, 1);
}
vitest('e2e', ['--config', 'e2e/vitest.config.ts']);

if (ci && totals.skipped > 0) {
  console.log(`\n${totals.skipped} tests were skipped; under CI=true a skip is a failure.`);
  totals.failed += totals.skipped;
}
fs.rmSync(dir, { recursive: true, force: true });
if (failures.length > 0) console.log(`\nFailed:\n${failures.map((failure) => `  ✗ ${failure}`).join('\n')}`);
console.log(`\n${totals.passed} passed, ${totals.failed} failed${totals.skipped && !ci ? `, ${totals.skipped} skipped` : ''}`);
process.exit(totals.failed > 0 ? 1 : 0);
