/** The OpenAPI 3.1 description of the HTTP API, served at /api/openapi.json. */
export function openApiDocument(): unknown {
  const json = (description: string) => ({ description, content: { 'application/json': {} } });
  const idParam = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
  const pairParams = [
    { name: 'a', in: 'path', required: true, schema: { type: 'string' }, description: 'an actor or country code (RUS, RUSSPY)' },
    { name: 'b', in: 'path', required: true, schema: { type: 'string' } },
  ];
  const dateParam = (name: string, description: string) => ({
    name, in: 'query', schema: { type: 'string' }, description: `${description}: YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn or YYYY-Www`,
  });
  return {
    openapi: '3.1.0',
    info: { title: 'Rift API', version: '0.1.0', description: 'Documents, analyses, search, dyad series and rift alerts over a Rift store.' },
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
      '/api/dyads/{a}/{b}': {
        get: {
          summary: 'The series of a pair, both directions and every channel (public, private, assessment, journalist), the rift per period, its alerts and strongest evidence',
          parameters: [
            ...pairParams,
            { name: 'by', in: 'query', schema: { type: 'string', enum: ['day', 'week', 'month', 'quarter'], default: 'month' } },
            dateParam('from', 'first period'),
            dateParam('to', 'last period'),
            { name: 'evidence', in: 'query', schema: { type: 'integer', default: 3, maximum: 50 }, description: 'events quoted per channel' },
          ],
          responses: {
            200: json('{pair, by, series: [{period, direction, channel, events, quad, goldsteinMean, goldsteinWeighted, weight, byReportTime}], rift: [{period, score, low, high, probability, public, private}], alerts, evidence}'),
            400: json('bad parameters'),
          },
        },
      },
      '/api/alerts': {
        get: {
          summary: 'Rift alerts: pairs whose public and private channels diverge, with the evidence on each side',
          parameters: [
            { name: 'all', in: 'query', schema: { type: 'boolean' }, description: 'include acknowledged and withdrawn alerts' },
            { name: 'pair', in: 'query', schema: { type: 'string' }, description: 'only this pair: RUS,CHN' },
          ],
          responses: { 200: json('[{id, pair, period, score, low, high, probability, public: [evidence], private: [evidence], …}], evidence {documentId, start, end, text, eventId, claim, …}'), 400: json('bad pair') },
        },
      },
      '/api/alerts/{id}/ack': {
        post: {
          summary: 'Acknowledge an alert (an unambiguous id prefix is enough)',
          parameters: [idParam],
          requestBody: { required: false, content: { 'application/json': { schema: { type: 'object', properties: { by: { type: 'string' } } } } } },
          responses: { 200: json('{id, acknowledgedAt, acknowledgedBy}'), 404: json('no such alert'), 409: json('ambiguous id') },
        },
      },
      '/api/briefs/pair/{a}/{b}': {
        get: {
          summary: 'A brief of a pair: bottom line, trend per channel, alerts, key judgments in ICD 203 words, numbered evidence',
          parameters: [...pairParams, dateParam('from', 'first quarter'), dateParam('to', 'last quarter'), { name: 'format', in: 'query', schema: { type: 'string', enum: ['markdown', 'json'] } }],
          responses: { 200: { description: 'brief', content: { 'text/markdown': {}, 'application/json': {} } }, 400: json('bad parameters') },
        },
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
