// The dashboard's page, style and script: one page, no framework, no build step. The script fetches
// /dashboard/data (same origin, the session cookie or loopback) every few seconds and fills the
// page; every number shown comes from that JSON, which the browser test compares with the tables.
// Content-Security-Policy forbids inline script, so the script is served as its own file.

export const DASHBOARD_CSP =
  "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

export const DASHBOARD_CSS = `
:root { --bg:#0f1419; --panel:#182029; --line:#2a3541; --text:#d8e0e8; --dim:#8a99a8; --ok:#3fb950; --warn:#d29922; --bad:#f85149; --accent:#58a6ff; }
* { box-sizing: border-box; }
body { margin:0; font:14px/1.4 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; background:var(--bg); color:var(--text); }
header { display:flex; align-items:center; gap:16px; padding:12px 20px; border-bottom:1px solid var(--line); }
header h1 { font-size:16px; margin:0; font-weight:600; }
header .meta { color:var(--dim); font-size:12px; margin-left:auto; }
header form { margin:0; }
main { display:grid; grid-template-columns:repeat(4, minmax(0, 1fr)); gap:14px; padding:16px 20px; }
@media (max-width: 1100px) { main { grid-template-columns:repeat(2, minmax(0, 1fr)); } }
@media (max-width: 640px) { main { grid-template-columns:minmax(0, 1fr); } section.span2 { grid-column:auto; } }
section { background:var(--panel); border:1px solid var(--line); border-radius:8px; padding:12px 14px; min-width:0; overflow-x:auto; }
section.span2 { grid-column:span 2; }
section.wide { grid-column:1 / -1; }
h2 { font-size:12px; text-transform:uppercase; letter-spacing:.06em; color:var(--dim); margin:0 0 10px; font-weight:600; }
.tiles { display:grid; grid-template-columns:repeat(auto-fill, minmax(140px, 1fr)); gap:10px; }
.tile { background:var(--bg); border:1px solid var(--line); border-radius:6px; padding:8px 10px; }
.tile .v { font-size:24px; font-weight:600; font-variant-numeric:tabular-nums; }
.tile .l { color:var(--dim); font-size:12px; }
table { width:100%; border-collapse:collapse; font-variant-numeric:tabular-nums; }
th, td { text-align:left; padding:4px 6px; border-bottom:1px solid var(--line); white-space:nowrap; overflow:hidden; text-overflow:ellipsis; max-width:260px; }
th { color:var(--dim); font-weight:500; font-size:12px; }
td.n, th.n { text-align:right; }
.ok { color:var(--ok); } .warn { color:var(--warn); } .bad { color:var(--bad); } .dim { color:var(--dim); }
.bar { height:6px; background:var(--line); border-radius:3px; overflow:hidden; min-width:60px; }
.bar > span { display:block; height:100%; background:var(--accent); }
.empty { color:var(--dim); font-style:italic; }
#status.stale { color:var(--bad); }
.login { max-width:380px; margin:12vh auto; background:var(--panel); border:1px solid var(--line); border-radius:8px; padding:20px; }
.login input { width:100%; padding:8px; margin:8px 0 12px; background:var(--bg); color:var(--text); border:1px solid var(--line); border-radius:4px; font:inherit; }
button { background:var(--accent); color:#081018; border:0; border-radius:4px; padding:6px 12px; font:inherit; font-weight:600; cursor:pointer; }
header button { background:transparent; color:var(--dim); border:1px solid var(--line); font-weight:400; }
.error { color:var(--bad); margin:0 0 8px; }
`;

const escapeHtml = (s: string) => s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export function dashboardPage(version: string, withLogout: boolean): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>ai-worker · operations</title><link rel="stylesheet" href="/dashboard/style.css"></head>
<body>
<header><h1>ai-worker · operations</h1><span class="dim">${escapeHtml(version)}</span>
<span class="meta">window <span id="window">–</span> h · updated <span id="status">loading…</span></span>
${withLogout ? '<form method="post" action="/dashboard/logout"><button type="submit">Sign out</button></form>' : ''}</header>
<main>
<section class="wide"><h2>Queue</h2><div class="tiles">
  <div class="tile"><div class="v" id="q-pending">–</div><div class="l">pending (all)</div></div>
  <div class="tile"><div class="v" id="q-processing">–</div><div class="l">processing (all)</div></div>
  <div class="tile"><div class="v" id="q-oldest">–</div><div class="l">oldest pending</div></div>
  <div class="tile"><div class="v" id="t-completed">–</div><div class="l">completed (window)</div></div>
  <div class="tile"><div class="v" id="t-failed">–</div><div class="l">failed (window)</div></div>
  <div class="tile"><div class="v" id="error-rate">–</div><div class="l">error rate (window)</div></div>
  <div class="tile"><div class="v" id="cache-hit-rate">–</div><div class="l">cache hit rate (this daemon)</div></div>
</div></section>
<section class="wide"><h2>Jobs by type and status (created in the window)</h2><table id="jobs"></table></section>
<section><h2>Turnaround: enqueue → final state</h2><table id="turnaround"></table></section>
<section><h2>Top error codes</h2><table id="top-errors"></table></section>
<section class="span2"><h2>Workers</h2><table id="workers"></table></section>
<section><h2>Provider circuit breakers (this daemon)</h2><table id="breakers"></table></section>
<section><h2>Recent provider failures</h2><table id="provider-failures"></table></section>
<section class="span2"><h2>Recent failed jobs</h2><table id="recent-failures"></table></section>
</main>
<script src="/dashboard/app.js"></script>
</body></html>`;
}

export function loginPage(error: string | undefined): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>ai-worker · sign in</title><link rel="stylesheet" href="/dashboard/style.css"></head>
<body><form class="login" method="post" action="/dashboard/login">
<h1 style="font-size:16px;margin:0 0 8px">ai-worker · operations</h1>
<p class="dim">Enter the daemon's <code>OPS_TOKEN</code>. It is checked once; the browser then keeps a session cookie (HttpOnly, SameSite=Strict, 12 h).</p>
${error ? `<p class="error" id="login-error">${escapeHtml(error)}</p>` : ''}
<label for="token">OPS_TOKEN</label><input id="token" name="token" type="password" autocomplete="current-password" required autofocus>
<button type="submit">Sign in</button></form></body></html>`;
}

export const DASHBOARD_JS = `'use strict';
const $ = (id) => document.getElementById(id);
const TYPES_ORDER = ['sofia_image', 'medical_exam', 'unified_assistant', 'meal_plan', 'whatsapp_message', 'healthcheck'];
const STATUSES = ['pending', 'processing', 'completed', 'failed', 'cancelled'];
function el(tag, attrs, text) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs || {})) e.setAttribute(k, v);
  if (text !== undefined) e.textContent = String(text);
  return e;
}
function table(id, head, rows, empty) {
  const t = $(id);
  t.replaceChildren();
  const tr = el('tr');
  for (const h of head) tr.append(el('th', h.n ? { class: 'n' } : {}, h.t));
  t.append(tr);
  if (rows.length === 0) { const r = el('tr'); r.append(el('td', { colspan: head.length, class: 'empty' }, empty)); t.append(r); return; }
  for (const row of rows) {
    const r = el('tr');
    row.forEach((c, i) => {
      const attrs = Object.assign(head[i].n ? { class: 'n' } : {}, c && typeof c === 'object' && !(c instanceof Node) ? c.attrs : {});
      const td = el('td', attrs);
      const v = c && typeof c === 'object' && !(c instanceof Node) ? c.v : c;
      if (v instanceof Node) td.append(v); else td.textContent = v === null || v === undefined ? '–' : String(v);
      r.append(td);
    });
    t.append(r);
  }
}
const secs = (s) => s === null || s === undefined ? '–' : s < 1 ? (s * 1000).toFixed(0) + ' ms' : s < 120 ? s.toFixed(1) + ' s' : s < 7200 ? (s / 60).toFixed(1) + ' min' : (s / 3600).toFixed(1) + ' h';
const pct = (x) => x === null || x === undefined ? '–' : (x * 100).toFixed(1) + ' %';
function render(d) {
  $('window').textContent = d.window_hours;
  $('q-pending').textContent = d.queue.pending;
  $('q-processing').textContent = d.queue.processing;
  $('q-oldest').textContent = secs(d.queue.oldest_pending_seconds);
  $('q-oldest').dataset.seconds = d.queue.oldest_pending_seconds === null ? '' : String(d.queue.oldest_pending_seconds);
  $('t-completed').textContent = d.totals.completed;
  $('t-failed').textContent = d.totals.failed;
  const er = $('error-rate');
  er.textContent = pct(d.error_rate);
  er.className = 'v ' + (d.error_rate === null ? '' : d.error_rate > 0.05 ? 'bad' : 'ok');
  $('cache-hit-rate').textContent = d.cache.lookups === 0 ? '–' : pct(d.cache.hit_rate);

  const types = [...new Set(d.jobs.map((j) => j.type))].sort((a, b) => TYPES_ORDER.indexOf(a) - TYPES_ORDER.indexOf(b));
  const count = (t, s) => d.jobs.filter((j) => j.type === t && j.status === s).reduce((n, j) => n + j.count, 0);
  table('jobs', [{ t: 'type' }, ...STATUSES.map((s) => ({ t: s, n: true })), { t: 'total', n: true }],
    types.map((t) => [t, ...STATUSES.map((s) => ({ v: count(t, s), attrs: { 'data-type': t, 'data-status': s } })), STATUSES.reduce((n, s) => n + count(t, s), 0)]),
    'no jobs in the window');
  table('turnaround', [{ t: 'type' }, { t: 'finished', n: true }, { t: 'p50', n: true }, { t: 'p95', n: true }],
    d.turnaround.map((r) => [r.type, r.finished, { v: secs(r.p50_seconds), attrs: { 'data-type': r.type, 'data-p': '50', 'data-seconds': r.p50_seconds } },
      { v: secs(r.p95_seconds), attrs: { 'data-type': r.type, 'data-p': '95', 'data-seconds': r.p95_seconds, class: 'n ' + (r.p95_seconds > 30 ? 'bad' : r.p95_seconds > 20 ? 'warn' : '') } }]),
    'nothing finished in the window');
  const maxErr = Math.max(1, ...d.top_errors.map((e) => e.count));
  table('top-errors', [{ t: 'code' }, { t: 'failed', n: true }, { t: '' }],
    d.top_errors.map((e) => { const b = el('div', { class: 'bar' }); b.append(el('span', { style: 'width:' + Math.round(100 * e.count / maxErr) + '%' })); return [e.code, { v: e.count, attrs: { 'data-code': e.code } }, b]; }),
    'no failures');
  table('workers', [{ t: 'worker' }, { t: 'status' }, { t: 'running', n: true }, { t: 'last heartbeat', n: true }],
    d.workers.map((w) => [w.id, { v: w.status, attrs: { class: w.status === 'running' && w.seconds_since_seen < 60 ? 'ok' : w.status === 'stopped' ? 'dim' : 'bad' } },
      w.running + ' / ' + w.concurrency, secs(w.seconds_since_seen) + ' ago']),
    'no worker seen in 24 h');
  table('breakers', [{ t: 'provider' }, { t: 'enabled' }, { t: 'state' }],
    d.breakers.map((b) => [b.provider, b.enabled ? 'yes' : 'no', { v: b.state, attrs: { 'data-provider': b.provider, class: b.state === 'closed' ? 'ok' : b.state === 'open' ? 'bad' : 'warn' } }]),
    'no provider status');
  table('provider-failures', [{ t: 'provider' }, { t: 'model' }, { t: 'code' }, { t: 'calls', n: true }],
    d.provider_failures.map((f) => [f.provider, f.model, f.error_code, f.count]), 'no failed provider calls');
  table('recent-failures', [{ t: 'when' }, { t: 'type' }, { t: 'code' }, { t: 'job' }],
    d.recent_failures.map((f) => [new Date(f.at).toLocaleTimeString(), f.type, f.code, f.id.slice(0, 8)]), 'no failed jobs');
}
let timer;
async function refresh() {
  const status = $('status');
  try {
    const res = await fetch('/dashboard/data', { credentials: 'same-origin', cache: 'no-store' });
    if (res.status === 401) { location.reload(); return; }
    if (!res.ok) throw new Error('HTTP ' + res.status);
    const d = await res.json();
    render(d);
    status.textContent = new Date(d.generated_at).toLocaleTimeString();
    status.className = '';
    document.body.dataset.loaded = String((Number(document.body.dataset.loaded) || 0) + 1);
  } catch (err) {
    status.textContent = 'stale (' + err.message + ')';
    status.className = 'stale';
  } finally {
    clearTimeout(timer);
    timer = setTimeout(refresh, 5000);
  }
}
refresh();
`;
