// npm run bench [-- name...]: runs every benchmark in bench/ and reports against its targets.
import { runSuite } from './lib/suite.js';
process.exitCode = await runSuite('bench', { only: process.argv.slice(2).length ? process.argv.slice(2) : undefined });
