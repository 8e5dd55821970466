/**
 * The dashboard: one page that searches and reads the store through the API. Its script and style are
 * served as files of their own (/dashboard.js, /dashboard.css) so that the Content-Security-Policy can
 * forbid every inline script.
 */
export function dashboardPage(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Rift</title>
<link rel="stylesheet" href="/dashboard.css">
<script src="/dashboard.js" defer></script>
</head>
<body>
<header><h1>Rift</h1><span id="stats">loading…</span></header>
<main>
  <section>
    <input id="q" type="search" placeholder="Search reports (e.g. FSB, Entente-4, oil OR gas)" aria-label="Search">
    <p id="status" role="status"></p>
    <p id="error" role="alert" hidden></p>
    <ul id="results"></ul>
  </section>
  <article id="brief">Pick a report on the left to read its brief.</article>
</main>
</body>
</html>`;
}

export const DASHBOARD_STYLE = `body { font: 15px/1.45 system-ui, sans-serif; margin: 0; color: #1d232a; background: #f6f7f9; }
header { background: #1d232a; color: #fff; padding: .8rem 1.5rem; display: flex; gap: 1.5rem; align-items: baseline; }
header h1 { font-size: 1.2rem; margin: 0; }
header span { color: #a9b4c0; font-size: .9rem; }
main { display: grid; grid-template-columns: minmax(280px, 1fr) 2fr; gap: 1.5rem; padding: 1.5rem; }
input { width: 100%; box-sizing: border-box; padding: .5rem .7rem; font-size: 1rem; border: 1px solid #c8ced6; border-radius: 6px; }
#status { color: #66707b; font-size: .85rem; margin: .5rem 0 0; }
#error { background: #fdecea; border: 1px solid #f5c2bd; color: #8a1c12; border-radius: 6px; padding: .5rem .7rem; margin: .5rem 0 0; }
ul { list-style: none; padding: 0; margin: .8rem 0; }
li { background: #fff; border: 1px solid #e1e5ea; border-radius: 6px; padding: .6rem .8rem; margin-bottom: .5rem; cursor: pointer; }
li:hover, li.active { border-color: #3b6fd8; }
li .meta { color: #66707b; font-size: .8rem; }
li .snippet { font-size: .85rem; margin-top: .3rem; }
mark { background: #ffe58a; }
article { background: #fff; border: 1px solid #e1e5ea; border-radius: 6px; padding: 1rem 1.4rem; white-space: pre-wrap; min-height: 60vh; }
`;

/**
 * The dashboard's script. Every answer is checked before it is used: an error answer (a query with
 * nothing to search for, a server that is down) is shown as such and clears the list, so results of an
 * earlier query never stay on screen as if they matched; an answer to a query typed over since is dropped.
 */
export const DASHBOARD_SCRIPT = `'use strict';
const $ = (id) => document.getElementById(id);
const esc = (s) => String(s ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]);
const keepMarks = (s) => esc(s).replaceAll('&lt;mark&gt;', '<mark>').replaceAll('&lt;/mark&gt;', '</mark>');

/** The JSON of an answer, or an Error carrying the API's message (or what went wrong on the way). */
async function getJson(url) {
  let res;
  try {
    res = await fetch(url);
  } catch (err) {
    throw new Error('the server cannot be reached (' + (err && err.message || err) + ')');
  }
  let body;
  try {
    body = await res.json();
  } catch {
    body = undefined;
  }
  if (!res.ok || !body || typeof body !== 'object') {
    const message = body && body.error && typeof body.error.message === 'string' ? body.error.message : 'the server answered ' + res.status;
    throw new Error(message);
  }
  return body;
}

function showError(message) {
  $('error').textContent = message;
  $('error').hidden = !message;
}

async function stats() {
  try {
    const s = await getJson('/api/stats');
    $('stats').textContent = s.documents + ' documents · ' + s.events + ' events · ' + s.mentions + ' mentions';
  } catch (err) {
    $('stats').textContent = 'store unavailable: ' + err.message;
  }
}

let latest = 0;
async function list(q) {
  const ticket = ++latest;
  const url = q ? '/api/documents?limit=50&q=' + encodeURIComponent(q) : '/api/documents?limit=50';
  let page;
  try {
    page = await getJson(url);
  } catch (err) {
    if (ticket !== latest) return;
    $('results').innerHTML = '';
    $('status').textContent = '';
    showError(q ? 'Cannot search for “' + q + '”: ' + err.message : 'Cannot list reports: ' + err.message);
    return;
  }
  if (ticket !== latest) return;
  showError('');
  const results = Array.isArray(page.results) ? page.results : [];
  const total = typeof page.total === 'number' ? page.total : results.length;
  $('status').textContent = q
    ? total + ' report' + (total === 1 ? '' : 's') + ' match' + (total === 1 ? 'es' : '') + (total > results.length ? ' (showing the best ' + results.length + ')' : '')
    : total + ' report' + (total === 1 ? '' : 's') + (total > results.length ? ' (showing the newest ' + results.length + ')' : '');
  $('results').innerHTML = results.length ? results.map((d) =>
    '<li data-id="' + esc(d.id) + '"><div>' + esc(d.heading || d.title || '(untitled)') + '</div><div class="meta">' +
    esc([d.outlet, (d.publishedAt || '').slice(0, 10), d.language].filter(Boolean).join(' · ')) + '</div>' +
    (d.snippet ? '<div class="snippet">' + keepMarks(d.snippet) + '</div>' : '') + '</li>').join('') : '<li>No matching reports.</li>';
}

async function open(id) {
  document.querySelectorAll('li').forEach((li) => li.classList.toggle('active', li.dataset.id === id));
  try {
    const res = await fetch('/api/documents/' + encodeURIComponent(id) + '/brief');
    $('brief').textContent = res.ok ? await res.text() : (await getJson('/api/documents/' + encodeURIComponent(id))).text;
  } catch (err) {
    $('brief').textContent = 'Cannot open this report: ' + err.message;
  }
}

$('results').addEventListener('click', (e) => { const li = e.target.closest('li[data-id]'); if (li) open(li.dataset.id); });
let timer;
$('q').addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(() => list($('q').value.trim()), 200); });
stats();
list('');
`;
