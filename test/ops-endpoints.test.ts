// Operator endpoints: /health/detailed, /metrics and /dashboard need OPS_TOKEN (bearer header, or
// the dashboard's session cookie), and answer loopback clients only when it is unset. /health stays open.
import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Daemon } from '../src/start.ts';
import { loadConfig } from '../src/config.ts';
import { isLoopbackAddress, OPS_COOKIE, secretsEqual } from '../src/http/ops-auth.ts';
import { startTestDaemon } from './support/daemon.ts';
import { useFreshDatabase } from './support/database.ts';

const db = useFreshDatabase('ops_endpoints');
const TOKEN = 'test-ops-token-0123456789abcdef';
const GUARDED = ['/health/detailed', '/metrics', '/dashboard/data'];

test('loopback addresses: 127/8, ::1 and IPv4-mapped forms; nothing else', () => {
  for (const a of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1']) assert.equal(isLoopbackAddress(a), true, a);
  for (const a of ['10.0.0.1', '192.168.1.10', '::ffff:10.0.0.1', '128.0.0.1', 'fe80::1', '', undefined, '127.0.0.1.evil'])
    assert.equal(isLoopbackAddress(a), false, String(a));
});

test('secret comparison: equal only for the same string, whatever the lengths', () => {
  assert.equal(secretsEqual(TOKEN, TOKEN), true);
  assert.equal(secretsEqual(TOKEN.slice(0, -1), TOKEN), false);
  assert.equal(secretsEqual(TOKEN + 'x', TOKEN), false);
  assert.equal(secretsEqual('', TOKEN), false);
});

test('configuration: a short OPS_TOKEN or a bad ALERT_WEBHOOK_URL stops the start with the variable named; the URL is not echoed', () => {
  assert.throws(() => loadConfig({ OPS_TOKEN: 'abc' }), /OPS_TOKEN: expected at least 16 characters/);
  assert.throws(
    () => loadConfig({ ALERT_WEBHOOK_URL: 'ftp://hooks.example/secret-path' }),
    (err: Error) => /ALERT_WEBHOOK_URL/.test(err.message) && !err.message.includes('secret-path'),
  );
  const c = loadConfig({ OPS_TOKEN: TOKEN, ALERT_WEBHOOK_URL: 'https://hooks.slack.com/services/T/B/X' });
  assert.equal(c.http.opsToken, TOKEN);
  assert.deepEqual(c.alerts, { webhookUrl: 'https://hooks.slack.com/services/T/B/X', evaluationSeconds: 60 });
  assert.equal(loadConfig({}).http.opsToken, undefined);
});

describe('with OPS_TOKEN set', () => {
  let daemon: Daemon;
  let base: string;
  before(async () => {
    await db.ready;
    daemon = await startTestDaemon(db.url, { OPS_TOKEN: TOKEN });
    base = `http://127.0.0.1:${daemon.port}`;
  });
  after(() => daemon?.stop(0));

  test('/health stays open', async () => {
    assert.equal((await fetch(`${base}/health`)).status, 200);
  });

  test('no token: 401 with a code and WWW-Authenticate, even from loopback', async () => {
    for (const path of GUARDED) {
      const res = await fetch(base + path);
      assert.equal(res.status, 401, path);
      assert.match(res.headers.get('www-authenticate') ?? '', /^Bearer/);
      assert.equal((await res.json()).error.code, 'ops_token_required', path);
    }
  });

  test('wrong token: 401 ops_token_invalid; right token: 200', async () => {
    for (const path of GUARDED) {
      const bad = await fetch(base + path, { headers: { authorization: `Bearer ${TOKEN}x` } });
      assert.equal(bad.status, 401, path);
      assert.equal((await bad.json()).error.code, 'ops_token_invalid');
      const ok = await fetch(base + path, { headers: { authorization: `Bearer ${TOKEN}` } });
      assert.equal(ok.status, 200, path);
      await ok.arrayBuffer();
    }
    const metrics = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${TOKEN}` } });
    assert.match(await metrics.text(), /^ai_worker_queue_depth|# TYPE ai_worker_jobs_finished_total counter/m);
  });

  test('a person in a browser: login form, a wrong token refused, the right one gives an HttpOnly SameSite=Strict cookie that opens the dashboard', async () => {
    const form = await fetch(`${base}/dashboard`);
    assert.equal(form.status, 401);
    const page = await form.text();
    assert.match(page, /<form class="login" method="post" action="\/dashboard\/login">/);
    assert.doesNotMatch(page, /id="jobs"/, 'no dashboard before signing in');

    const wrong = await fetch(`${base}/dashboard/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'token=nope',
    });
    assert.equal(wrong.status, 401);
    assert.equal(wrong.headers.get('set-cookie'), null);
    assert.match(await wrong.text(), /does not match/);

    const right = await fetch(`${base}/dashboard/login`, {
      method: 'POST',
      redirect: 'manual',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ token: TOKEN }).toString(),
    });
    assert.equal(right.status, 303);
    assert.equal(right.headers.get('location'), '/dashboard');
    const setCookie = right.headers.get('set-cookie') ?? '';
    assert.match(setCookie, new RegExp(`^${OPS_COOKIE}=`));
    assert.match(setCookie, /HttpOnly/);
    assert.match(setCookie, /SameSite=Strict/);
    const cookie = setCookie.split(';')[0]!;
    assert.ok(!cookie.includes(TOKEN), 'the cookie is not the token itself');

    const dash = await fetch(`${base}/dashboard`, { headers: { cookie } });
    assert.equal(dash.status, 200);
    assert.match(dash.headers.get('content-security-policy') ?? '', /script-src 'self'/);
    assert.match(await dash.text(), /id="jobs"/);
    assert.equal((await fetch(`${base}/dashboard/data`, { headers: { cookie } })).status, 200);
    // The cookie value is not a bearer token for Prometheus.
    const asBearer = await fetch(`${base}/metrics`, { headers: { authorization: `Bearer ${cookie.split('=')[1]}` } });
    assert.equal(asBearer.status, 401);
  });
});

describe('with OPS_TOKEN unset', () => {
  let daemon: Daemon;
  before(async () => {
    await db.ready;
    daemon = await startTestDaemon(db.url, {});
  });
  after(() => daemon?.stop(0));

  test('loopback clients are answered', async () => {
    for (const path of [...GUARDED, '/dashboard']) {
      const res = await fetch(`http://127.0.0.1:${daemon.port}${path}`);
      assert.equal(res.status, 200, path);
      await res.arrayBuffer();
    }
  });

  test('other clients get 403 ops_loopback_only; /health answers them', async () => {
    for (const path of [...GUARDED, '/dashboard']) {
      const res = await daemon.http.inject({ method: 'GET', url: path, remoteAddress: '203.0.113.7' });
      assert.equal(res.statusCode, 403, path);
      assert.equal(res.json().error.code, 'ops_loopback_only', path);
    }
    assert.equal((await daemon.http.inject({ method: 'GET', url: '/health', remoteAddress: '203.0.113.7' })).statusCode, 200);
  });

  test('a request relayed by a proxy on the same host is not loopback', async () => {
    const res = await fetch(`http://127.0.0.1:${daemon.port}/metrics`, { headers: { 'x-forwarded-for': '198.51.100.4' } });
    assert.equal(res.status, 403);
    assert.equal((await res.json()).error.code, 'ops_loopback_only');
  });
});
