// The alert rules, their unit tests, the example scrape configuration and the Grafana dashboard's
// queries, all through promtool (Debian's `prometheus` package; .ci/run installs it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const DIR = 'deploy/prometheus';

function promtool(args: string[], cwd?: string): { status: number | null; output: string } {
  const r = spawnSync('promtool', args, { cwd, encoding: 'utf8' });
  if (r.error) throw new Error(`promtool not runnable (apt-get install prometheus): ${r.error.message}`);
  return { status: r.status, output: `${r.stdout}${r.stderr}` };
}

function withTempDir<T>(fn: (dir: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'aiw-prom-'));
  try {
    return fn(dir);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const ALERTS = [
  'QueueBacklog',
  'WorkerOffline',
  'JobErrorRate',
  'TurnaroundP95',
  'ListenerDisconnected',
  'ProviderCircuitOpen',
  'OldestPendingJobAge',
  'Gateway5xxRate',
];

test('alerts.yml is valid and every alert has a summary and its runbook anchor', () => {
  const check = promtool(['check', 'rules', `${DIR}/alerts.yml`]);
  assert.equal(check.status, 0, check.output);
  const text = readFileSync(`${DIR}/alerts.yml`, 'utf8');
  for (const name of ALERTS) {
    assert.match(text, new RegExp(`- alert: ${name}\\n`), name);
    assert.ok(text.includes(`docs/RUNBOOK.md#${name.toLowerCase()}`), `${name}: runbook link`);
  }
  assert.equal((text.match(/- alert: /g) ?? []).length, ALERTS.length);
  assert.equal((text.match(/summary: /g) ?? []).length, ALERTS.length);
});

test('promtool test rules: one firing and one quiet case per alert, all pass', () => {
  const tests = readFileSync(`${DIR}/alerts.test.yml`, 'utf8');
  for (const name of ALERTS) {
    const cases = [...tests.matchAll(new RegExp(`alertname: ${name}\\n\\s+exp_alerts:(.*)`, 'g'))].map((m) => m[1]!.trim());
    assert.ok(cases.includes('[]'), `${name}: a quiet case`);
    assert.ok(cases.includes(''), `${name}: a firing case`);
  }
  const run = promtool(['test', 'rules', 'alerts.test.yml'], DIR);
  assert.equal(run.status, 0, run.output);
});

test('the unit tests catch a broken rule: summing the global queue depth across daemons pages on a quiet queue', () => {
  withTempDir((dir) => {
    const rules = readFileSync(`${DIR}/alerts.yml`, 'utf8');
    const broken = rules.replace('max(sum by (instance) (ai_worker_queue_depth{status="pending"}))', 'sum(ai_worker_queue_depth{status="pending"})');
    assert.notEqual(broken, rules);
    writeFileSync(join(dir, 'alerts.yml'), broken);
    copyFileSync(`${DIR}/alerts.test.yml`, join(dir, 'alerts.test.yml'));
    const run = promtool(['test', 'rules', 'alerts.test.yml'], dir);
    assert.notEqual(run.status, 0);
    assert.match(run.output, /QueueBacklog/);
  });
});

test('the example scrape configuration (bearer token from a file) is valid', () => {
  withTempDir((dir) => {
    const tokenFile = join(dir, 'ops-token');
    writeFileSync(tokenFile, 'example-token-0123456789', { mode: 0o600 });
    const config = readFileSync(`${DIR}/prometheus.yml`, 'utf8');
    assert.match(config, /authorization:\n\s+type: Bearer\n\s+credentials_file: /);
    writeFileSync(join(dir, 'prometheus.yml'), config.replaceAll('/etc/prometheus/ai-worker-ops-token', tokenFile));
    copyFileSync(`${DIR}/alerts.yml`, join(dir, 'alerts.yml'));
    const check = promtool(['check', 'config', join(dir, 'prometheus.yml')]);
    assert.equal(check.status, 0, check.output);
  });
});

test('every Grafana panel query is valid PromQL (checked as recording rules)', () => {
  const dashboard = JSON.parse(readFileSync('deploy/grafana/ai-worker.json', 'utf8')) as {
    panels: Array<{ title: string; targets?: Array<{ expr: string }> }>;
  };
  const exprs = dashboard.panels.flatMap((p) => (p.targets ?? []).map((t) => ({ title: p.title, expr: t.expr })));
  assert.ok(exprs.length >= 15, `${exprs.length} queries`);
  withTempDir((dir) => {
    // Grafana's $__rate_interval is not PromQL; any range stands in for it.
    const rules = exprs
      .map((e, i) => `      - record: grafana:panel_${i}\n        expr: ${JSON.stringify(e.expr.replaceAll('$__rate_interval', '5m'))}`)
      .join('\n');
    writeFileSync(join(dir, 'grafana.rules.yml'), `groups:\n  - name: grafana\n    rules:\n${rules}\n`);
    const check = promtool(['check', 'rules', join(dir, 'grafana.rules.yml')]);
    assert.equal(check.status, 0, check.output);
    // And the check is real: a broken query fails it.
    writeFileSync(join(dir, 'bad.rules.yml'), 'groups:\n  - name: bad\n    rules:\n      - record: bad\n        expr: "sum(rate(x[5m])"\n');
    assert.notEqual(promtool(['check', 'rules', join(dir, 'bad.rules.yml')]).status, 0);
  });
  // Each metric the dashboard reads is one the daemon exports (or the gateway's, from issue 10).
  const names = new Set(exprs.flatMap((e) => [...e.expr.matchAll(/\b(ai_worker_[a-z0-9_]+?)(?:_bucket)?\b/g)].map((m) => m[1]!)));
  const source = readFileSync('src/observability/metrics.ts', 'utf8');
  const missing = [...names].filter((n) => !source.includes(`'${n}'`) && n !== 'ai_worker_gateway_requests_total');
  assert.deepEqual(missing, []);
});
