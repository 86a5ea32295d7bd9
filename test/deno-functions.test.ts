// The Supabase entries under the real Deno binary (the `deno` npm package), against the real
// PostgreSQL: enqueue-analysis and get-analysis-status with the minimal import map, and the meal
// plan function's synchronous path with the bundled handler set (deno.bundled.json).
// No test may download anything: Deno runs with an empty DENO_DIR (a fresh temp folder per run) and
// `--node-modules-dir=manual`, so every `npm:` specifier resolves from the project's own node_modules
// (installed by npm ci). The registry is pointed at a closed port, so a fetch would fail.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { useFreshDatabase, waitUntil } from './support/database.ts';
import { freePort } from '../src/net/ports.ts';
import { gatewayTestEnv, userToken } from './support/jwt.ts';

const db = useFreshDatabase('deno_functions');
const DENO = 'node_modules/.bin/deno';
const children: ChildProcess[] = [];
// Empty at the start of every run: nothing cached from an earlier run (or another machine) helps.
const DENO_DIR = mkdtempSync(path.join(tmpdir(), 'aiw-deno-dir-'));

interface DenoFunction {
  url: string;
  proc: ChildProcess;
  /** Everything the function printed so far. */
  output(): string;
}

async function serve(name: string, config = 'supabase/functions/deno.json', extraEnv: Record<string, string> = {}): Promise<DenoFunction> {
  const port = await freePort();
  const proc = spawn(
    DENO,
    ['run', '--node-modules-dir=manual', '--allow-net', '--allow-env', '--allow-read', '--config', config, `supabase/functions/${name}/index.ts`],
    {
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        DENO_DIR,
        NPM_CONFIG_REGISTRY: 'http://127.0.0.1:9/',
        NO_COLOR: '1',
        PORT: String(port),
        ...gatewayTestEnv(db.url),
        ...extraEnv,
      } as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  children.push(proc);
  let output = '';
  const listening = new Promise<void>((resolve, reject) => {
    const onData = (d: Buffer) => {
      output += d.toString();
      if (/Listening on/.test(output)) resolve();
    };
    proc.stdout!.on('data', onData);
    proc.stderr!.on('data', onData);
    proc.once('exit', (code) => reject(new Error(`deno exited (${code}) before listening:\n${output.slice(-2000)}`)));
  });
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`deno did not listen within 120 s:\n${output.slice(-2000)}`)), 120_000);
  });
  try {
    await Promise.race([listening, timeout]);
  } finally {
    clearTimeout(timer);
  }
  return { url: `http://127.0.0.1:${port}`, proc, output: () => output };
}

before(async () => {
  await db.ready;
});

after(async () => {
  await Promise.all(
    children.map(
      (p) =>
        new Promise<void>((resolve) => {
          if (p.exitCode !== null || p.signalCode !== null) return resolve();
          p.once('exit', () => resolve());
          p.kill('SIGTERM');
        }),
    ),
  );
});

test('Deno: enqueue-analysis and get-analysis-status against the real database, with RLS', async () => {
  const [enqueue, status] = await Promise.all([serve('enqueue-analysis'), serve('get-analysis-status')]);
  const sub = randomUUID();
  const token = await userToken({ sub });

  const pre = await fetch(enqueue.url, { method: 'OPTIONS' });
  assert.equal(pre.status, 200);
  assert.equal(await pre.text(), 'ok');

  const res = await fetch(enqueue.url, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'unified_assistant', input: { messages: [{ role: 'user', content: 'oi' }] }, idempotency_key: 'deno-1' }),
  });
  assert.equal(res.status, 202);
  const body = (await res.json()) as { job_id: string; status: string; estimated_seconds: number };
  assert.equal(body.status, 'pending');
  const row = (await db.pool.query('select user_id, type from analysis_jobs where id = $1', [body.job_id])).rows[0];
  assert.deepEqual(row, { user_id: sub, type: 'unified_assistant' });

  // The function's log (stdout on Supabase): one JSON line for the request, nothing personal.
  const line = await waitUntil(
    async () =>
      enqueue
        .output()
        .split('\n')
        .find((l) => l.includes('"gateway_request"') && l.includes('"status":202')),
    { what: 'the request line' },
  );
  const logged = JSON.parse(line) as Record<string, unknown>;
  assert.deepEqual([logged.function, logged.method, logged.mode], ['enqueue-analysis', 'POST', 'async']);
  assert.ok(!line.includes(sub) && !line.includes(token));

  const unauth = await fetch(enqueue.url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: '{"type":"unified_assistant","input":{"messages":[{"role":"user","content":"oi"}]}}',
  });
  assert.equal(unauth.status, 401);

  const mine = await fetch(`${status.url}?job_id=${body.job_id}`, { headers: { authorization: `Bearer ${token}` } });
  assert.equal(mine.status, 200);
  const s = (await mine.json()) as { job_id: string; status: string; type: string };
  assert.equal(s.job_id, body.job_id);
  assert.equal(s.type, 'unified_assistant');

  // A worker (here: a plain UPDATE) completes it; the status follows.
  await db.pool.query(`update analysis_jobs set status = 'completed', result = '{"ok":true}', started_at = now(), completed_at = now() where id = $1`, [
    body.job_id,
  ]);
  const done = await waitUntil(
    async () => {
      const r = (await (await fetch(`${status.url}?job_id=${body.job_id}`, { headers: { authorization: `Bearer ${token}` } })).json()) as {
        status: string;
        result: unknown;
      };
      return r.status === 'completed' ? r : undefined;
    },
    { what: 'completed status' },
  );
  assert.deepEqual(done.result, { ok: true });

  const other = await fetch(`${status.url}?job_id=${body.job_id}`, { headers: { authorization: `Bearer ${await userToken()}` } });
  assert.equal(other.status, 404);
});

test('Deno: the meal plan function runs its sync path with the bundled handler set', async () => {
  const fn = await serve('generate-meal-plan-taco', 'supabase/functions/deno.bundled.json');
  const res = await fetch(fn.url, {
    method: 'POST',
    headers: { authorization: `Bearer ${await userToken()}`, 'content-type': 'application/json' },
    body: JSON.stringify({ input: { kcal_target: 2000, meals_per_day: 3, days: 1 } }),
    signal: AbortSignal.timeout(60_000),
  });
  assert.equal(res.status, 200);
  const body = (await res.json()) as { mode: string; status: string; result: { days: unknown[] } };
  assert.equal(body.mode, 'sync');
  assert.equal(body.status, 'completed');
  assert.equal(body.result.days.length, 1);
});

test('Deno: the lab exam function reads a report on its sync path (inline: no sandbox thread in an edge isolate)', async () => {
  const fn = await serve('analyze-medical-exam', 'supabase/functions/deno.bundled.json');
  const res = await fetch(fn.url, {
    method: 'POST',
    headers: { authorization: `Bearer ${await userToken()}`, 'content-type': 'application/json' },
    body: JSON.stringify({ input: { text: 'Glicose   126 mg/dL   70 a 99 mg/dL\nCreatinina   0,9 mg/dL   0,6 a 1,1 mg/dL' } }),
    signal: AbortSignal.timeout(60_000),
  });
  const body = (await res.json()) as { mode: string; status: string; result: { analytes: Array<{ name: string; value: number; flag: string }> } };
  assert.equal(res.status, 200, JSON.stringify(body));
  assert.deepEqual([body.mode, body.status], ['sync', 'completed']);
  assert.deepEqual(
    body.result.analytes.map((a) => [a.name, a.value, a.flag]),
    [
      ['Glicose', 126, 'alto'],
      ['Creatinina', 0.9, 'normal'],
    ],
  );
});
