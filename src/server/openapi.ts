/** The OpenAPI 3.1 description of the HTTP API, served at /api/openapi.json. */
export function openApiDocument(): unknown {
  const error = (description: string) => ({ description, content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } });
  const json = (description: string, schema: unknown = {}) => ({ description, content: { 'application/json': { schema } } });
  const idParam = {
    name: 'id',
    in: 'path',
    required: true,
    schema: { type: 'string' },
    description: 'a document id, or its first characters when no other id starts with them',
  };
  const page = (name: string, max: number, fallback: number, description: string) => ({
    name,
    in: 'query',
    schema: { type: 'integer', minimum: name.toLowerCase().includes('offset') ? 0 : 1, maximum: max, default: fallback },
    description,
  });
  const idErrors = {
    400: error('`ambiguous_id`: more than one document id starts with the given characters; `invalid_parameter`'),
    404: error('`not_found`: no such document'),
  };
  const pairParams = [
    { name: 'a', in: 'path', required: true, schema: { type: 'string' }, description: 'an actor or country code (RUS, RUSSPY)' },
    { name: 'b', in: 'path', required: true, schema: { type: 'string' } },
  ];
  const dateParam = (name: string, description: string) => ({
    name, in: 'query', schema: { type: 'string' }, description: `${description}: YYYY, YYYY-MM, YYYY-MM-DD, YYYY-Qn or YYYY-Www`,
  });
  return {
    openapi: '3.1.0',
    info: {
      title: 'Rift API',
      version: '0.1.0',
      description: [
        'Documents, analyses, search, dyad series and rift alerts over a Rift store.',
        '',
        'Every error answer, from any route, has one shape (see the Error schema): `{"error": {"status": 400, "code": "invalid_query", "message": "…"}}`.',
        '`status` repeats the HTTP status; `code` is stable and meant for programs (bad_request, invalid_parameter, invalid_query, invalid_body,',
        'ambiguous_id, host_not_allowed, not_found, payload_too_large, unsupported_media_type, headers_too_large, request_timeout, busy,',
        'analysis_timeout, analysis_failed, internal); `message` is meant for people and may change.',
        '',
        'Long answers are cut, and say so: a document text longer than 1,000,000 characters comes with `textRange` and a `note`',
        '(ask for more with `textOffset`); analysis layers longer than 5,000 items come with `page` (`totals`, `complete`, `note`;',
        'ask for more with `offset`).',
        '',
        'The server answers only to Host names it is known by (IP addresses, localhost, its machine name, and names given with',
        '`rift serve --allow-host`): other names get 403 `host_not_allowed` (protection against DNS rebinding).',
      ].join('\n'),
    },
    components: {
      schemas: {
        Error: {
          type: 'object',
          required: ['error'],
          properties: {
            error: {
              type: 'object',
              required: ['status', 'code', 'message'],
              properties: {
                status: { type: 'integer', description: 'the HTTP status of the answer' },
                code: {
                  type: 'string',
                  enum: [
                    'bad_request', 'invalid_parameter', 'invalid_query', 'invalid_body', 'ambiguous_id', 'host_not_allowed', 'not_found',
                    'payload_too_large', 'unsupported_media_type', 'headers_too_large', 'request_timeout', 'busy', 'analysis_timeout',
                    'analysis_failed', 'internal',
                  ],
                },
                message: { type: 'string', description: 'what went wrong, and what to do about it, for a person' },
              },
            },
          },
        },
        Page: {
          type: 'object',
          description: 'how an analysis answer was cut: each list layer holds items offset … offset+limit of totals[layer]',
          properties: {
            offset: { type: 'integer' },
            limit: { type: 'integer' },
            totals: { type: 'object', additionalProperties: { type: 'integer' } },
            complete: { type: 'boolean' },
            note: { type: 'string' },
          },
        },
      },
    },
    paths: {
      '/api/health': { get: { summary: 'Liveness: answers while analyses run', responses: { 200: json('ok', { type: 'object', properties: { ok: { const: true } } }) } } },
      '/api/stats': { get: { summary: 'Counts of stored records', responses: { 200: json('counts') } } },
      '/api/documents': {
        get: {
          summary: 'List documents (newest first), or search them with q (best match first)',
          parameters: [
            {
              name: 'q',
              in: 'query',
              schema: { type: 'string', maxLength: 1000 },
              description:
                'full-text query: every word must match; "quoted phrases" match as phrases; `word*` matches a prefix (3 letters or more); ' +
                'AND, OR, NOT (in capitals) are operators between two operands and plain words elsewhere; parentheses group',
            },
            page('limit', 200, 20, 'documents per page'),
            page('offset', Number.MAX_SAFE_INTEGER, 0, 'documents to skip'),
          ],
          responses: {
            200: json('a page of documents: `total` counts them all (every match, for a search), `results` holds this page', {
              type: 'object',
              required: ['total', 'limit', 'offset', 'results'],
              properties: { query: { type: 'string' }, total: { type: 'integer' }, limit: { type: 'integer' }, offset: { type: 'integer' }, results: { type: 'array' } },
            }),
            400: error('`invalid_query`: nothing to search for, or too long; `invalid_parameter`: limit or offset out of range, or given twice'),
          },
        },
      },
      '/api/documents/{id}': {
        get: {
          summary: 'One document with its sources',
          parameters: [
            idParam,
            page('textOffset', Number.MAX_SAFE_INTEGER, 0, 'first character of the text to return'),
            page('textLimit', 1_000_000, 1_000_000, 'most characters of the text to return'),
          ],
          responses: { 200: json('the document; when its text is cut, `textRange` ({start, end, total}) and `note` say so'), ...idErrors },
        },
      },
      '/api/documents/{id}/analysis': {
        get: {
          summary: 'Stored analysis layers, a page of each',
          parameters: [idParam, page('offset', Number.MAX_SAFE_INTEGER, 0, 'first item of each layer'), page('limit', 5000, 5000, 'most items of each layer')],
          responses: { 200: json('the analysis layers, with `page` (see the Page schema)'), ...idErrors },
        },
      },
      '/api/documents/{id}/brief': {
        get: {
          summary: 'Markdown brief',
          parameters: [idParam],
          responses: { 200: { description: 'brief', content: { 'text/markdown': {} } }, ...idErrors },
        },
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
            400: error('`invalid_parameter`: bad parameters'),
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
          responses: { 200: json('[{id, pair, period, score, low, high, probability, public: [evidence], private: [evidence], …}], evidence {documentId, start, end, text, eventId, claim, …}'), 400: error('`invalid_parameter`: bad pair') },
        },
      },
      '/api/alerts/{id}/ack': {
        post: {
          summary: 'Acknowledge an alert (an unambiguous id prefix is enough)',
          parameters: [idParam],
          requestBody: { required: false, content: { 'application/json': { schema: { type: 'object', properties: { by: { type: 'string' } } } } } },
          responses: { 200: json('{id, acknowledgedAt, acknowledgedBy}'), 404: error('`not_found`: no such alert'), 409: error('`ambiguous_id`') },
        },
      },
      '/api/briefs/pair/{a}/{b}': {
        get: {
          summary: 'A brief of a pair: bottom line, trend per channel, alerts, key judgments in ICD 203 words, numbered evidence',
          parameters: [...pairParams, dateParam('from', 'first quarter'), dateParam('to', 'last quarter'), { name: 'format', in: 'query', schema: { type: 'string', enum: ['markdown', 'json'] } }],
          responses: { 200: { description: 'brief', content: { 'text/markdown': {}, 'application/json': {} } }, 400: error('`invalid_parameter`: bad parameters') },
        },
      },
      '/api/analyze': {
        post: {
          summary: 'Analyse a text without storing it (in a worker thread: other requests are answered meanwhile)',
          requestBody: {
            required: true,
            content: {
              'application/json': {
                schema: {
                  type: 'object',
                  required: ['text'],
                  additionalProperties: false,
                  properties: {
                    text: { type: 'string', minLength: 1, maxLength: 2_000_000 },
                    title: { type: 'string', maxLength: 1000 },
                    publishedAt: {
                      type: 'string',
                      description: 'the document date: YYYY-MM-DD (or an ISO date-time), YYYY-MM, YYYY, or a date such as "9 Jun 2025"; anything else is refused (the retrieval day, recorded as assumed, when absent)',
                    },
                    language: { type: 'string', description: 'ISO 639 code: en, ru, zh…; detected when absent' },
                  },
                },
              },
            },
          },
          responses: {
            200: json('the analysis; list layers longer than 5,000 items are cut, and `page` says so'),
            400: error('`invalid_body`: not a JSON object, a field missing, of the wrong type, unknown, or a date that is no date'),
            413: error('`payload_too_large`: text over 2,000,000 characters, or a body over 8 MB'),
            415: error('`unsupported_media_type`'),
            503: error('`busy`: other analyses are running and waiting (see Retry-After); `analysis_timeout`: the analysis ran past its time budget'),
          },
        },
      },
    },
  };
}
