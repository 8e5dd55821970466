/** The dashboard: one page that searches and reads the store through the API. */
export function dashboardPage(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Rift</title>
<style>
  body { font: 15px/1.45 system-ui, sans-serif; margin: 0; color: #1d232a; background: #f6f7f9; }
  header { background: #1d232a; color: #fff; padding: .8rem 1.5rem; display: flex; gap: 1.5rem; align-items: baseline; }
  header h1 { font-size: 1.2rem; margin: 0; }
  header span { color: #a9b4c0; font-size: .9rem; }
  main { display: grid; grid-template-columns: minmax(280px, 1fr) 2fr; gap: 1.5rem; padding: 1.5rem; }
  input { width: 100%; box-sizing: border-box; padding: .5rem .7rem; font-size: 1rem; border: 1px solid #c8ced6; border-radius: 6px; }
  ul { list-style: none; padding: 0; margin: .8rem 0; }
  li { background: #fff; border: 1px solid #e1e5ea; border-radius: 6px; padding: .6rem .8rem; margin-bottom: .5rem; cursor: pointer; }
  li:hover, li.active { border-color: #3b6fd8; }
  li .meta { color: #66707b; font-size: .8rem; }
  li .snippet { font-size: .85rem; margin-top: .3rem; }
  mark { background: #ffe58a; }
  article { background: #fff; border: 1px solid #e1e5ea; border-radius: 6px; padding: 1rem 1.4rem; white-space: pre-wrap; min-height: 60vh; }
</style>
</head>
<body>
<header><h1>Rift</h1><span id="stats">loading…</span></header>
<main>
  <section>
    <input id="q" type="search" placeholder="Search reports (e.g. FSB, Entente-4)" aria-label="Search">
    <ul id="results"></ul>
  </section>
  <article id="brief">Pick a report on the left to read its brief.</article>
</main>
<script>
const $ = (id) => document.getElementById(id);
const esc = (s) => String(s ?? '').replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
const keepMarks = (s) => esc(s).replaceAll('&lt;mark&gt;', '<mark>').replaceAll('&lt;/mark&gt;', '</mark>');
async function stats() {
  const s = await (await fetch('/api/stats')).json();
  $('stats').textContent = s.documents + ' documents · ' + s.events + ' events · ' + s.mentions + ' mentions';
}
async function list(q) {
  const url = q ? '/api/documents?limit=50&q=' + encodeURIComponent(q) : '/api/documents?limit=50';
  const { results } = await (await fetch(url)).json();
  $('results').innerHTML = results.length ? results.map((d) =>
    '<li data-id="' + esc(d.id) + '"><div>' + esc(d.title || '(untitled)') + '</div><div class="meta">' +
    esc([d.outlet, (d.publishedAt || '').slice(0, 10), d.language].filter(Boolean).join(' · ')) + '</div>' +
    (d.snippet ? '<div class="snippet">' + keepMarks(d.snippet) + '</div>' : '') + '</li>').join('') : '<li>No matching reports.</li>';
}
async function open(id) {
  document.querySelectorAll('li').forEach((li) => li.classList.toggle('active', li.dataset.id === id));
  const res = await fetch('/api/documents/' + id + '/brief');
  $('brief').textContent = res.ok ? await res.text() : (await (await fetch('/api/documents/' + id)).json()).text;
}
$('results').addEventListener('click', (e) => { const li = e.target.closest('li[data-id]'); if (li) open(li.dataset.id); });
let timer;
$('q').addEventListener('input', () => { clearTimeout(timer); timer = setTimeout(() => list($('q').value.trim()), 200); });
stats(); list('');
</script>
</body>
</html>`;
}
