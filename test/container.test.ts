// The container image as built from the Dockerfile: its shape is checked (Node 22 LTS, multi-stage,
// production dependencies only, non-root, tini as PID 1, exec-form CMD with node directly, a
// HEALTHCHECK on /health), and its exact ENTRYPOINT + CMD run here under Debian's tini (no Docker
// engine on this machine): /health answers through the HEALTHCHECK command, and SIGTERM to tini
// drains the running job and exits 0, or, past the grace period, releases it and still exits 0.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFile, spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import path from 'node:path';
import { promisify } from 'node:util';
import { useFreshDatabase, waitUntil } from './support/database.ts';
import { FAST_ENV } from './support/daemon.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const db = useFreshDatabase('container');

interface Instruction {
  op: string;
  args: string;
}

function dockerfile(): Instruction[] {
  const text = readFileSync(path.join(ROOT, 'Dockerfile'), 'utf8').replace(/\\\n/g, ' ');
  return text
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'))
    .map((l) => {
      const m = /^([A-Z]+)\s+(.*)$/.exec(l);
      assert.ok(m, `unreadable Dockerfile line: ${l}`);
      return { op: m[1]!, args: m[2]!.trim() };
    });
}

const ins = dockerfile();
const only = (op: string) => ins.filter((i) => i.op === op);
const execForm = (op: string): string[] => {
  const all = only(op);
  assert.equal(all.length, 1, `one ${op}`);
  const raw = all[0]!.args.replace(/^CMD\s+/, '');
  assert.ok(raw.startsWith('['), `${op} is in exec form`);
  return JSON.parse(raw) as string[];
};
const ENTRYPOINT = execForm('ENTRYPOINT');
const CMD = execForm('CMD');

test('Dockerfile: Node 22 LTS, multi-stage, npm ci --omit=dev, non-root, tini as PID 1, node directly, HEALTHCHECK', () => {
  const froms = only('FROM').map((i) => i.args);
  assert.ok(froms.length >= 2, 'multi-stage');
  for (const f of froms) assert.match(f, /^node:22-/, 'Node 22 LTS base');
  assert.ok(only('RUN').some((r) => /npm ci --omit=dev/.test(r.args)));
  const lastUser = only('USER').at(-1)?.args;
  assert.ok(lastUser && !/^(root|0)(:|$)/.test(lastUser), 'runs as a non-root user');
  assert.deepEqual(ENTRYPOINT, ['/usr/bin/tini', '--']);
  assert.equal(CMD[0], 'node', 'no npm or shell between tini and node');
  assert.ok(existsSync(path.join(ROOT, CMD[1]!)), `${CMD[1]} exists`);
  const health = only('HEALTHCHECK');
  assert.equal(health.length, 1);
  assert.match(health[0]!.args, /\/health/);
  assert.match(health[0]!.args, /CMD \[/, 'HEALTHCHECK in exec form');
  for (const c of only('COPY')) {
    if (c.args.includes('--from=')) continue;
    const parts = c.args.split(/\s+/).filter((p) => !p.startsWith('--'));
    for (const src of parts.slice(0, -1)) assert.ok(existsSync(path.join(ROOT, src)), `COPY source ${src} exists`);
  }
  const ignore = readFileSync(path.join(ROOT, '.dockerignore'), 'utf8')
    .split('\n')
    .map((l) => l.trim());
  for (const must of ['node_modules', '.env', '.git']) assert.ok(ignore.includes(must), `.dockerignore lists ${must}`);
});

interface Running {
  pid: number;
  lines: Array<Record<string, unknown>>;
  port: Promise<number>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  kill(sig: NodeJS.Signals): void;
}

/** ENTRYPOINT + CMD exactly as the image runs them, from the image's WORKDIR equivalent. */
function runImageCommand(env: Record<string, string>): Running {
  const [cmd, ...args] = [...ENTRYPOINT, ...CMD];
  const proc = spawn(cmd!, args, {
    cwd: ROOT,
    // TINI_SUBREAPER: tini is not PID 1 here; as a subreaper it still adopts and reaps like PID 1.
    env: {
      PATH: process.env.PATH!,
      HOME: process.env.HOME ?? '/tmp',
      TINI_SUBREAPER: '1',
      ...FAST_ENV,
      LOG_LEVEL: 'info',
      HOST: '127.0.0.1',
      PORT: '0',
      DATABASE_URL: db.url,
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: Array<Record<string, unknown>> = [];
  let stderr = '';
  proc.stderr!.on('data', (d) => (stderr += d));
  let resolvePort!: (p: number) => void;
  const port = new Promise<number>((resolve) => (resolvePort = resolve));
  createInterface({ input: proc.stdout! }).on('line', (text) => {
    try {
      const l = JSON.parse(text) as Record<string, unknown>;
      lines.push(l);
      if (l.event === 'http_listening') resolvePort(Number(l.port));
    } catch {
      lines.push({ raw: text });
    }
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => proc.on('exit', (code, signal) => resolve({ code, signal })));
  void exited.then(() => resolvePort(-1));
  return {
    pid: proc.pid!,
    lines,
    port: port.then((p) => (p > 0 ? p : Promise.reject(new Error(`the daemon exited before listening: ${stderr}`)))),
    exited,
    kill: (sig) => proc.kill(sig),
  };
}

async function jobStatus(id: string): Promise<{ status: string; attempts: number }> {
  return (await db.pool.query<{ status: string; attempts: number }>('select status, attempts from analysis_jobs where id = $1', [id])).rows[0]!;
}

async function startJob(delayMs: number): Promise<string> {
  const { rows } = await db.pool.query<{ id: string }>(
    `insert into analysis_jobs (user_id, type, input) values (gen_random_uuid(), 'healthcheck', $1) returning id`,
    [JSON.stringify({ delay_ms: delayMs })],
  );
  const id = rows[0]!.id;
  await waitUntil(async () => (await jobStatus(id)).status === 'processing', { what: 'the job to start', timeoutMs: 15_000 });
  return id;
}

const running: Running[] = [];
before(async () => {
  await db.ready;
});
after(async () => {
  for (const r of running) {
    r.kill('SIGKILL');
    await r.exited;
  }
});

test('under tini: the HEALTHCHECK passes; SIGTERM drains the running job and exits 0', async () => {
  const r = runImageCommand({ WORKER_SHUTDOWN_GRACE_SECONDS: '20' });
  running.push(r);
  const port = await r.port;
  // The HEALTHCHECK's exact command, against this port.
  const hc = only('HEALTHCHECK')[0]!.args;
  const hcCmd = JSON.parse(hc.slice(hc.indexOf('CMD [') + 4)) as string[];
  const { stdout } = await promisify(execFile)(hcCmd[0]!, hcCmd.slice(1), { env: { ...process.env, PORT: String(port) } }).catch((e: { code: number }) =>
    assert.fail(`HEALTHCHECK failed with ${e.code}`),
  );
  assert.equal(stdout, '');

  const id = await startJob(1500);
  r.kill('SIGTERM');
  const exit = await r.exited;
  assert.deepEqual(exit, { code: 0, signal: null });
  assert.deepEqual(await jobStatus(id), { status: 'completed', attempts: 1 });
  assert.ok(
    r.lines.some((l) => l.event === 'signal' && l.signal === 'SIGTERM'),
    'node received the SIGTERM tini forwarded',
  );
  assert.ok(r.lines.some((l) => l.event === 'worker_stopped'));
});

test('under tini: a job longer than the grace period is released (attempt not burned) and the exit is still 0', async () => {
  const r = runImageCommand({ WORKER_SHUTDOWN_GRACE_SECONDS: '1' });
  running.push(r);
  await r.port;
  const id = await startJob(60_000);
  r.kill('SIGTERM');
  const exit = await r.exited;
  assert.deepEqual(exit, { code: 0, signal: null });
  const after = await jobStatus(id);
  assert.deepEqual(after, { status: 'pending', attempts: 0 });
  assert.ok(r.lines.some((l) => l.event === 'worker_stopped' && Number(l.released) === 1));
});

test('deploy/docker-compose.yml gives the daemon a stop grace above the drain', async () => {
  const { loadConfig } = await import('../src/config.ts');
  const graceSeconds = loadConfig({}).worker.shutdownGraceSeconds;
  const compose = readFileSync(path.join(ROOT, 'deploy/docker-compose.yml'), 'utf8');
  const m = /^ {4}stop_grace_period: (\d+)s$/m.exec(compose);
  assert.ok(m, 'the daemon service sets stop_grace_period');
  assert.ok(Number(m[1]) >= graceSeconds + 10, `stop_grace_period ${m[1]} s >= WORKER_SHUTDOWN_GRACE_SECONDS ${graceSeconds} + 10`);
  for (const service of ['ai-worker:', 'ollama:', 'detector:']) assert.match(compose, new RegExp(`^  ${service}$`, 'm'));
});
