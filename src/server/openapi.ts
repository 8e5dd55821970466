/** The OpenAPI 3.1 description of the HTTP API, served at /api/openapi.json. */
export function openApiDocument(): unknown {
  const json = (description: string) => ({ description, content: { 'application/json': {} } });
  const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
  return {
    openapi: '3.1.0',
    info: { title: 'Rift API', version: '0.1.0', description: 'Documents, analyses and search over a Rift store.' },
    paths: {
      '/api/health': { get: { summary: 'Liveness', responses: { 200: json('ok') } } },
      '/api/stats': { get: { summary: 'Counts of stored records', responses: { 200: json('counts') } } },
      '/api/documents': {
        get: {
          summary: 'List documents, or search them with q',
          parameters: [
            { name: 'q', in: 'query', schema: { type: 'string' }, description: 'full-text query' },
            { name: 'limit', in: 'query', schema: { type: 'integer', maximum: 200 } },
            { name: 'offset', in: 'query', schema: { type: 'integer' } },
          ],
          responses: { 200: json('documents'), 400: json('bad query') },
        },
      },
      '/api/documents/{id}': { get: { summary: 'One document with its sources', parameters: [idParam], responses: { 200: json('document'), 404: json('not found') } } },
      '/api/documents/{id}/analysis': { get: { summary: 'Stored analysis layers', parameters: [idParam], responses: { 200: json('analysis'), 404: json('not found') } } },
      '/api/documents/{id}/brief': {
        get: { summary: 'Markdown brief', parameters: [idParam], responses: { 200: { description: 'brief', content: { 'text/markdown': {} } }, 404: json('not found') } },
      },
      '/api/analyze': {
        post: {
          summary: 'Analyse a text without storing it',
          requestBody: { required: true, content: { 'application/json': { schema: { type: 'object', required: ['text'], properties: { text: { type: 'string' }, title: { type: 'string' }, publishedAt: { type: 'string', description: 'the document date: YYYY-MM-DD, an ISO date-time, YYYY-MM or YYYY (the retrieval day, recorded as assumed, when absent)' }, language: { type: 'string', description: 'ISO 639-1; detected when absent' } } } } } },
          responses: { 200: json('analysis'), 400: json('bad body'), 413: json('too long') },
        },
      },
    },
  };
}
