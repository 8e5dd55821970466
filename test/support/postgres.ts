export { postgresUnavailable, startPostgres, type TestPostgres } from '../../src/store/postgres/ephemeral.js';
