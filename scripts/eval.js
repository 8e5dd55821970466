// npm run eval [-- name...]: runs every evaluation in eval/ and fails if any score is below its bar.
import { runSuite } from './lib/suite.js';
process.exitCode = await runSuite('eval', { only: process.argv.slice(2).length ? process.argv.slice(2) : undefined });
