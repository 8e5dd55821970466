export { ingest, type IngestOptions, type IngestProgress, type IngestSummary } from './ingest.js';
export { IngestSession } from './session.js';
export { documentId, normalizeText } from './fingerprint.js';
export { DEFAULT_LIMITS, type IngestLimits } from './limits.js';
export { readerFor } from './readers/index.js';
export { readRequest, type ReadRequest } from './read.js';
export { detectLanguage } from './language.js';
