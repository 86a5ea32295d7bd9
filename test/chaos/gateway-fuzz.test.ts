import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fc from 'fast-check';
import { GATEWAY_ERROR_CODES, JOB_ERROR_CODES } from '../../src/error-codes.ts';
import { FUNCTION_NAMES } from '../../src/gateway/index.ts';
import { useFreshDatabase } from '../support/database.ts';
import { startTestDaemon } from '../support/daemon.ts';
import { gatewayTestEnv, userToken } from '../support/jwt.ts';

const db = useFreshDatabase('chaos_fuzz');
const RUNS = 10_000;
const MAX_BODY = 64 * 1024;

// Every generated request is malformed by construction, so any row written is a bug.
const sqlish = fc.constantFrom(
  "'; drop table analysis_jobs; --",
  '1 OR 1=1',
  "healthcheck'--",
  '$$; select pg_sleep(10); $$',
  "\\' union select * from analysis_cache --",
);
const nulString = fc.string().map((s) => `${s}\u0000${s}`);
// Built as text: JSON.stringify itself overflows the stack past a few thousand levels.
const deep = fc.integer({ min: 200, max: 20_000 }).map((depth) => `{"type":"meal_plan","input":${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}}`);
const protoInput = fc.constantFrom(
  '{"type":"healthcheck","input":{"__proto__":{"polluted":true}}}',
  '{"type":"meal_plan","input":{"constructor":{"prototype":{"x":1}},"kcal_target":2000,"meals_per_day":3,"days":1}}',
  '{"__proto__":{"type":"healthcheck"},"input":{}}',
);
const wrongTypes = fc.record({
  type: fc.oneof(fc.integer(), fc.constant(null), fc.array(fc.string()), sqlish, fc.constant('HEALTHCHECK')),
  input: fc.oneof(fc.string(), fc.integer(), fc.constant(null), fc.array(fc.anything())),
  priority: fc.oneof(fc.string(), fc.double(), fc.integer({ min: 101, max: 1e9 })),
});
const badFields = fc.record({
  type: fc.constantFrom('meal_plan', 'sofia_image', 'medical_exam', 'unified_assistant', 'whatsapp_message'),
  input: fc.oneof(
    fc.record({
      kcal_target: fc.oneof(sqlish, fc.integer({ min: -1e6, max: 999 })),
      meals_per_day: fc.integer({ min: 7, max: 99 }),
      days: fc.integer({ min: 15, max: 1e6 }),
    }),
    fc.record({ image_base64: fc.oneof(nulString, sqlish, fc.string()), image_url: fc.string() }),
    fc.record({ text: fc.oneof(nulString, fc.integer()) }),
    fc.record({ messages: fc.oneof(fc.array(fc.record({ role: sqlish, content: nulString }), { minLength: 1, maxLength: 3 }), fc.constant([])) }),
    fc.record({ from: sqlish, text: nulString }),
  ),
});

type Case = { name: string; method: string; contentType: string; body: string | Uint8Array; auth: 'good' | 'bad' };

const body = fc.oneof(
  fc.string().map((s) => `{${s}`), // not JSON
  fc.json().map((j) => `${j}}}`), // trailing garbage
  protoInput,
  wrongTypes.map((o) => JSON.stringify(o)),
  badFields.map((o) => JSON.stringify(o)),
  deep,
  fc.integer({ min: MAX_BODY + 1, max: MAX_BODY * 4 }).map((n) => JSON.stringify({ type: 'healthcheck', input: {}, pad: 'x'.repeat(n) })),
  fc.uint8Array({ minLength: 1, maxLength: 512 }).map((b) => new Uint8Array([0xff, 0xfe, ...b])),
);

const request: fc.Arbitrary<Case> = fc.record({
  name: fc.constantFrom(...FUNCTION_NAMES),
  // Mostly well-formed envelopes, so most requests reach the body parser and the validators.
  method: fc.oneof({ arbitrary: fc.constant('POST'), weight: 12 }, { arbitrary: fc.constantFrom('PUT', 'GET', 'DELETE', 'PATCH'), weight: 1 }),
  contentType: fc.oneof(
    { arbitrary: fc.constant('application/json'), weight: 8 },
    { arbitrary: fc.constantFrom('text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', ''), weight: 1 },
  ),
  body,
  auth: fc.oneof({ arbitrary: fc.constant('good' as const), weight: 9 }, { arbitrary: fc.constant('bad' as const), weight: 1 }),
});

test(`${RUNS} malformed requests against every function: no 5xx, every error in the documented shape, zero rows written`, async (t) => {
  const d = await startTestDaemon(
    db.url,
    { SERVE_FUNCTIONS: 'true' },
    {
      gatewayEnv: gatewayTestEnv(db.url, {
        GATEWAY_MAX_BODY_BYTES: String(MAX_BODY),
        GATEWAY_RATE_LIMIT_PER_MINUTE: '1000000',
        GATEWAY_STATUS_RATE_LIMIT_PER_MINUTE: '1000000',
        WHATSAPP_APP_SECRET: 'fuzz-app-secret',
        WHATSAPP_VERIFY_TOKEN: 'fuzz-verify',
        SOFIA_USE_ASYNC: 'true',
        EXAMS_USE_ASYNC: 'true',
        UNIFIED_USE_ASYNC: 'true',
        WHATSAPP_USE_ASYNC: 'true',
        MEAL_PLAN_USE_ASYNC: 'true',
      }),
    },
  );
  t.after(() => d.stop(0));
  const base = `http://127.0.0.1:${d.port}/functions/v1`;
  const good = await userToken({ sub: randomUUID() });
  const statuses = new Map<number, number>();
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  const heapBefore = process.memoryUsage().heapUsed;
  await fc.assert(
    fc.asyncProperty(request, async (c) => {
      const headers: Record<string, string> = { authorization: `Bearer ${c.auth === 'good' ? good : `${good.slice(0, -4)}AAAA`}` };
      if (c.contentType) headers['content-type'] = c.contentType;
      const hasBody = c.method !== 'GET';
      const what = `${c.method} ${c.name} (${c.contentType}, ${typeof c.body === 'string' ? c.body.length : c.body.byteLength} bytes)`;
      const res = await fetch(`${base}/${c.name}${c.method === 'GET' ? '?job_id=not-a-uuid' : ''}`, {
        method: c.method,
        headers,
        body: hasBody ? (c.body as BodyInit) : undefined,
        signal: AbortSignal.timeout(10_000),
      }).catch((err: Error & { cause?: Error }) => {
        // Keep the report short: the body may be megabytes.
        throw new Error(`${what}: request failed: ${err.message} ${err.cause?.message ?? ''}`);
      });
      const text = await res.text();
      statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
      if (res.status >= 500) throw new Error(`${res.status} for ${what}: ${String(c.body).slice(0, 200)}`);
      if (res.status >= 400) {
        // Errors keep their documented shape: CORS headers and {error:{code, message}} with a catalogue code.
        assert.equal(res.headers.get('access-control-allow-origin'), '*');
        if (res.headers.get('content-type')?.startsWith('application/json')) {
          const e = (JSON.parse(text) as { error?: { code?: unknown; message?: unknown } }).error;
          const codes: readonly unknown[] = res.status === 422 ? JOB_ERROR_CODES : GATEWAY_ERROR_CODES;
          assert.ok(e && typeof e.message === 'string' && codes.includes(e.code), `${res.status} for ${what}: ${text.slice(0, 200)}`);
        }
      }
    }),
    {
      numRuns: RUNS,
      seed: Number(process.env.FUZZ_SEED ?? 4242),
      endOnFailure: true,
      reporter: (r) => {
        if (r.failed)
          throw new Error(
            `fuzz failed after ${r.numRuns} runs (seed ${r.seed}, path ${r.counterexamplePath}): ${r.errorInstance instanceof Error ? r.errorInstance.message : String(r.errorInstance)}`,
          );
      },
    },
  );
  const rows = (await db.pool.query('select (select count(*) from analysis_jobs)::int as jobs, (select count(*) from analysis_cache)::int as cache')).rows[0];
  assert.deepEqual(rows, { jobs: 0, cache: 0 }, 'zero rows written');
  // Memory is reported, not asserted: a heap size depends on the machine and on the collector's timing.
  global.gc?.();
  const growthMb = (process.memoryUsage().heapUsed - heapBefore) / 1024 / 1024;
  const rssGrowthMb = (process.memoryUsage().rss - rssBefore) / 1024 / 1024;
  t.diagnostic(
    `statuses: ${JSON.stringify(Object.fromEntries([...statuses].sort()))}; heap growth ${growthMb.toFixed(1)} MB, rss growth ${rssGrowthMb.toFixed(1)} MB`,
  );
});
