// How long the gateway takes to answer 503 database_unavailable when its database is away — the
// figure docs/gateway.md quotes ("within 2 s") and the tests no longer assert (they check that the
// answer comes without the database, test/gateway-outage.test.ts). Two outages, in process:
//   - refused: nothing listens on the database port (a stopped server);
//   - silent: a server accepts the connection and never writes (a half-open peer, a hung pooler).
// For each, `--requests` sequential enqueue-analysis calls (default 50) with a valid user token;
// p50/p95/max of the answer time, on the monotonic clock. Writes bench/results/gateway-outage.json.
// Seconds for the refused case; about requests × GATEWAY_DB_CONNECT_TIMEOUT_MS for the silent one.
import { writeFile } from 'node:fs/promises';
import { createServer, type Socket } from 'node:net';
import os from 'node:os';
import { createGateway, envFromRecord, type Gateway } from '../src/gateway/index.ts';
import { gatewayTestEnv, userToken } from '../src/dev/testkit/jwt.ts';
import { percentile, round } from './lib/stats.ts';

const arg = (name: string, fallback: number) => Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? fallback);
const REQUESTS = arg('requests', 50);

async function measure(gateway: Gateway, token: string): Promise<{ statuses: Record<string, number>; ms: Record<string, number | null> }> {
  const times: number[] = [];
  const statuses: Record<string, number> = {};
  for (let i = 0; i < REQUESTS; i++) {
    const req = new Request('http://functions.test/functions/v1/enqueue-analysis', {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ type: 'unified_assistant', input: { messages: [{ role: 'user', content: `oi ${i}` }] } }),
    });
    const started = performance.now();
    const res = await gateway.handle('enqueue-analysis', req);
    await res.arrayBuffer();
    times.push(performance.now() - started);
    statuses[res.status] = (statuses[res.status] ?? 0) + 1;
  }
  return { statuses, ms: { p50: round(percentile(times, 50), 1), p95: round(percentile(times, 95), 1), max: round(Math.max(...times), 1) } };
}

const sockets = new Set<Socket>();
const silent = createServer((s) => {
  sockets.add(s);
  s.on('close', () => sockets.delete(s));
});
await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
const silentPort = (silent.address() as { port: number }).port;
// A port that was just free: nothing listens there once the probe server is closed.
const probe = createServer();
await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
const refusedPort = (probe.address() as { port: number }).port;
await new Promise<void>((resolve) => probe.close(() => resolve()));

const token = await userToken();
const results: Record<string, unknown> = {};
try {
  for (const [name, port] of [
    ['refused', refusedPort],
    ['silent', silentPort],
  ] as const) {
    const gateway = createGateway({ env: envFromRecord(gatewayTestEnv(`postgres://postgres@127.0.0.1:${port}/postgres`)) });
    try {
      results[name] = await measure(gateway, token);
    } finally {
      await gateway.close();
    }
  }
} finally {
  for (const s of sockets) s.destroy();
  await new Promise<void>((resolve) => silent.close(() => resolve()));
}

const out = {
  bench: 'gateway-outage',
  command: `npm run bench:gateway-outage -- --requests=${REQUESTS}`,
  at: new Date().toISOString(),
  machine: { node: process.version, cpus: os.cpus().length, loadavg1: round(os.loadavg()[0]!, 2) },
  settings: { requests: REQUESTS, note: 'GATEWAY_DB_* defaults: connect timeout 1000 ms, deadline 1800 ms' },
  results,
};
await writeFile(new URL('./results/gateway-outage.json', import.meta.url), `${JSON.stringify(out, null, 2)}\n`);
process.stdout.write(`${JSON.stringify(out, null, 2)}\n`);
