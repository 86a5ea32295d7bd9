import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadConfig, DEFAULT_DATABASE_URL } from '../../src/config.ts';
import { ConfigError } from '../../src/errors.ts';

function problems(env: Record<string, string>): string[] {
  try {
    loadConfig(env);
  } catch (err) {
    assert.ok(err instanceof ConfigError);
    return err.problems;
  }
  return [];
}

test('defaults are the documented ones', () => {
  const c = loadConfig({});
  assert.equal(c.database.url, DEFAULT_DATABASE_URL);
  assert.deepEqual(
    [c.worker.concurrency, c.worker.leaseSeconds, c.worker.heartbeatSeconds, c.worker.sweepSeconds, c.worker.stuckSeconds, c.worker.shutdownGraceSeconds],
    [50, 30, 10, 30, 300, 25],
  );
  assert.equal(c.http.port, 8080);
  assert.equal(c.logLevel, 'info');
  assert.equal(c.serveFunctions, false);
});

test('an invalid value names the variable and what is allowed', () => {
  assert.deepEqual(problems({ WORKER_CONCURRENCY: 'five' }), ['WORKER_CONCURRENCY="five": expected a whole number from 1 to 1000']);
  assert.match(problems({ WORKER_CONCURRENCY: '0' })[0]!, /WORKER_CONCURRENCY="0": expected a whole number from 1 to 1000/);
  assert.match(problems({ WORKER_LEASE_SECONDS: '1.5' })[0]!, /WORKER_LEASE_SECONDS/);
  assert.match(problems({ LOG_LEVEL: 'loud' })[0]!, /LOG_LEVEL="loud": expected one of fatal, error, warn, info, debug, trace, silent/);
  assert.match(problems({ SERVE_FUNCTIONS: 'maybe' })[0]!, /SERVE_FUNCTIONS="maybe": expected true or false/);
});

test('every problem is reported at once', () => {
  assert.equal(problems({ WORKER_CONCURRENCY: 'x', PORT: '70000', LOG_LEVEL: 'nope' }).length, 3);
});

test('a lease shorter than its heartbeat is an error', () => {
  const p = problems({ WORKER_LEASE_SECONDS: '5', WORKER_HEARTBEAT_SECONDS: '10' });
  assert.equal(p.length, 1);
  assert.match(p[0]!, /WORKER_HEARTBEAT_SECONDS \(10\) must be shorter than WORKER_LEASE_SECONDS \(5\)/);
});

test('a database URL with a password is never echoed in a problem', () => {
  const p = problems({ DATABASE_URL: 'mysql://u:hunter2@db/x' });
  assert.equal(p.length, 1);
  assert.doesNotMatch(p[0]!, /hunter2/);
  assert.match(p[0]!, /DATABASE_URL: expected a postgres: or postgresql: URL/);
});

test('retry base above its cap is an error', () => {
  assert.match(
    problems({ WORKER_RETRY_BASE_MS: '5000', WORKER_RETRY_MAX_MS: '1000' })[0]!,
    /WORKER_RETRY_BASE_MS \(5000\) must not exceed WORKER_RETRY_MAX_MS \(1000\)/,
  );
});
