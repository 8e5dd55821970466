// Issue 16 #1: the dashboard's script, run in a DOM (linkedom) against a fake API. A query the API
// refuses shows the API's message and clears the list; results of an earlier query never stay on
// screen as if they matched, and an answer to a query typed over since is dropped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseHTML } from 'linkedom';
import * as page from '../src/web/page.js';

type Answer = { status: number; body: unknown; delayMs?: number };

/** The page with its script running, and a fetch that answers from `route`. */
function dashboard(route: (url: string) => Answer) {
  const html = page.dashboardPage();
  // The script is served on its own (CSP); an older page inlined it.
  const script = (page as { DASHBOARD_SCRIPT?: string }).DASHBOARD_SCRIPT ?? /<script>([\s\S]*?)<\/script>/.exec(html)![1];
  const { window, document } = parseHTML(html);
  const requests: string[] = [];
  const fetch = async (url: string) => {
    requests.push(url);
    const answer = route(url);
    if (answer.delayMs) await new Promise((r) => setTimeout(r, answer.delayMs));
    const text = JSON.stringify(answer.body);
    return { ok: answer.status < 300, status: answer.status, json: async () => JSON.parse(text), text: async () => text };
  };
  const errors: unknown[] = [];
  const onRejection = (err: unknown) => errors.push(err);
  process.on('unhandledRejection', onRejection);
  new Function('window', 'document', 'fetch', script)(window, document, fetch);
  const type = (value: string) => {
    const input = document.getElementById('q') as unknown as { value: string; dispatchEvent(e: unknown): void };
    input.value = value;
    input.dispatchEvent(new window.Event('input'));
  };
  const text = (id: string) => document.getElementById(id)!.textContent ?? '';
  const items = () => [...document.querySelectorAll('#results li')].map((li) => li.textContent ?? '');
  const errorShown = () => {
    const el = document.getElementById('error') as unknown as { hidden: boolean; textContent: string } | null;
    return el && !el.hidden ? el.textContent : '';
  };
  return { type, text, items, errorShown, requests, errors, done: () => process.off('unhandledRejection', onRejection) };
}

const settle = (ms = 350) => new Promise((r) => setTimeout(r, ms));
const hit = (id: string, title: string) => ({ id, title, heading: title, snippet: `<mark>${title}</mark>`, chars: 10, rank: -1 });
const stats = { status: 200, body: { documents: 2, events: 0, mentions: 0 } };

test('a query the API refuses shows its message and clears the results of the query before', async () => {
  const ui = dashboard((url) => {
    if (url === '/api/stats') return stats;
    if (url.includes('q=FSB')) return { status: 200, body: { query: 'FSB', total: 1, limit: 50, offset: 0, results: [hit('aa', 'FSB memo')] } };
    if (url.includes('q=')) {
      return { status: 400, body: { error: { status: 400, code: 'invalid_query', message: '“---” has no words to search for' } } };
    }
    return { status: 200, body: { total: 2, limit: 50, offset: 0, results: [hit('aa', 'FSB memo'), hit('bb', 'Talks')] } };
  });
  try {
    await settle(50);
    assert.equal(ui.items().length, 2);
    ui.type('FSB');
    await settle();
    assert.deepEqual(ui.items().map((t) => t.includes('FSB memo')), [true]);
    assert.match(ui.text('status'), /^1 report matches/);
    ui.type('---');
    await settle();
    assert.deepEqual(ui.items(), [], 'the FSB result must not stay on screen');
    assert.match(ui.errorShown() ?? '', /no words to search for/);
    ui.type('FSB');
    await settle();
    assert.equal(ui.errorShown(), '', 'the error goes once a query works');
    assert.equal(ui.items().length, 1);
    assert.deepEqual(ui.errors, []);
  } finally {
    ui.done();
  }
});

test('an answer that is not a page of results (a server error of any shape, or none) is an error on screen, not a page error', async () => {
  let answer: Answer = { status: 500, body: { statusCode: 500, code: 'SQLITE_ERROR', error: 'Internal Server Error', message: 'fts5: syntax error near "NOT"' } };
  const ui = dashboard((url) => (url === '/api/stats' ? stats : url.includes('q=') ? answer : { status: 200, body: { total: 1, limit: 50, offset: 0, results: [hit('aa', 'FSB memo')] } }));
  try {
    await settle(50);
    ui.type('NOT');
    await settle();
    assert.deepEqual(ui.items(), []);
    assert.match(ui.errorShown() ?? '', /answered 500/);
    answer = { status: 200, body: 'not an object' };
    ui.type('NOT again');
    await settle();
    assert.deepEqual(ui.items(), []);
    assert.notEqual(ui.errorShown(), '');
    assert.deepEqual(ui.errors, [], 'no page error');
  } finally {
    ui.done();
  }
});

test('an answer to a query typed over since is dropped', async () => {
  const ui = dashboard((url) => {
    if (url === '/api/stats') return stats;
    if (url.includes('q=slow')) return { status: 200, body: { total: 1, limit: 50, offset: 0, results: [hit('aa', 'slow answer')] }, delayMs: 400 };
    if (url.includes('q=fast')) return { status: 200, body: { total: 1, limit: 50, offset: 0, results: [hit('bb', 'fast answer')] } };
    return { status: 200, body: { total: 0, limit: 50, offset: 0, results: [] } };
  });
  try {
    ui.type('slow');
    await settle(250);
    ui.type('fast');
    await settle(600);
    assert.equal(ui.items().length, 1);
    assert.match(ui.items()[0], /fast answer/);
  } finally {
    ui.done();
  }
});
