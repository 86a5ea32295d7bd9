// docs/openapi.yaml cannot drift from the functions: real requests go through the real gateway (real
// PostgreSQL, the daemon's own handler set for the sync path) and every answer — status, content
// type, body — must match what the description says for that path, method and status. Every error
// code seen must be in the description's catalogue, the catalogues must be the typed ones in
// src/error-codes.ts (which the gateway cannot answer outside of), and every example in the description must validate against its own schema.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHmac, randomUUID } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { parse as parseYaml } from 'yaml';
import { GATEWAY_ERROR_CODES, JOB_ERROR_CODES } from '../src/error-codes.ts';
import { loadBundledRunInline } from '../src/gateway/bundled.ts';
import { createGateway, envFromRecord, type Gateway } from '../src/gateway/index.ts';
import { JOB_INPUT_SCHEMAS, validateInput } from '../src/job-inputs/index.ts';
import { DESCRIBED_TYPES, inputSchemaName, OPENAPI_FILE, withGeneratedInputs } from '../scripts/openapi.ts';
import { useFreshDatabase } from './support/database.ts';
import { gatewayTestEnv, userToken } from './support/jwt.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const spec = parseYaml(readFileSync(`${ROOT}docs/openapi.yaml`, 'utf8')) as OpenApi;
const addFormats = addFormatsModule as unknown as (ajv: Ajv2020) => Ajv2020;

interface OpenApi {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema>; responses: Record<string, ResponseSpec> };
}
type Schema = Record<string, unknown>;
interface ResponseSpec {
  $ref?: string;
  content?: Record<string, { schema: Schema; examples?: Record<string, { value: unknown }> }>;
}
interface Operation {
  responses: Record<string, ResponseSpec>;
  requestBody?: { $ref?: string; content?: Record<string, { schema: Schema; examples?: Record<string, { value: unknown }> }> };
}
interface Seen {
  retryAfter: string | null;
  path: string;
  method: string;
  status: number;
  contentType: string;
  body: unknown;
}

const ajv = addFormats(new Ajv2020({ strict: false, allErrors: true }));
const compiled = new Map<Schema, ValidateFunction>();

/** A schema from the description, compiled with the description's components so its $refs resolve. */
function validatorFor(schema: Schema): ValidateFunction {
  let v = compiled.get(schema);
  if (!v) {
    v = ajv.compile({ ...schema, components: spec.components });
    compiled.set(schema, v);
  }
  return v;
}

function resolve<T extends { $ref?: string }>(item: T): T {
  if (!item.$ref) return item;
  const parts = item.$ref.replace(/^#\//, '').split('/');
  let at: unknown = spec;
  for (const p of parts) at = (at as Record<string, unknown>)[p.replace(/~1/g, '/').replace(/~0/g, '~')];
  assert.ok(at, `unresolved $ref ${item.$ref}`);
  return at as T;
}

const db = useFreshDatabase('openapi');
let gw: Gateway;
let inline: { close(): Promise<void> } | undefined;
const APP_SECRET = 'whatsapp-app-secret';
const seen: Seen[] = [];

before(async () => {
  await db.ready;
  // The daemon's real handlers with every model unreachable: the meal plan and the lab parser still
  // answer (they need no model), so sync results are real result shapes.
  const loaded = await loadBundledRunInline({
    DATABASE_URL: db.url,
    OLLAMA_HOST: 'http://127.0.0.1:9',
    YOLO_URL: 'http://127.0.0.1:9/detect',
    LOG_LEVEL: 'silent',
  });
  assert.ok(loaded, 'the handler set loads under Node');
  inline = loaded;
  gw = createGateway({
    env: envFromRecord(
      gatewayTestEnv(db.url, {
        WHATSAPP_APP_SECRET: APP_SECRET,
        WHATSAPP_VERIFY_TOKEN: 'verify-me',
        GATEWAY_RATE_LIMIT_PER_MINUTE: '10000',
        GATEWAY_MAX_BODY_BYTES: '65536',
        MAX_ACTIVE_JOBS_PER_USER: '3',
      }),
    ),
    runInline: loaded.runInline,
    flagCacheTtlMs: 0,
  });
});

after(async () => {
  await gw?.close();
  await inline?.close();
});

async function call(
  path: string,
  init: { method?: string; token?: string | null; body?: string; headers?: Record<string, string>; query?: string } = {},
): Promise<Seen> {
  const method = init.method ?? 'POST';
  const headers: Record<string, string> = { ...(init.body !== undefined ? { 'content-type': 'application/json' } : {}), ...init.headers };
  const token = init.token === undefined ? await userToken() : init.token;
  if (token) headers.authorization = `Bearer ${token}`;
  const name = path.slice(1);
  const res = await gw.handle(
    name,
    new Request(`http://functions.test/functions/v1${path}${init.query ? `?${init.query}` : ''}`, { method, headers, body: init.body }),
  );
  const contentType = (res.headers.get('content-type') ?? '').split(';')[0]!.trim();
  const text = await res.text();
  const body = contentType === 'application/json' ? JSON.parse(text) : text;
  const s = { path, method: method.toLowerCase(), status: res.status, contentType, body, retryAfter: res.headers.get('retry-after') };
  seen.push(s);
  return s;
}

const json = (v: unknown) => JSON.stringify(v);

test('real answers of every function, success and error, match the description', async () => {
  const sub = randomUUID();
  const token = await userToken({ sub });
  // enqueue-analysis
  const queued = await call('/enqueue-analysis', { token, body: json({ type: 'meal_plan', input: { kcal_target: 2000, meals_per_day: 4, days: 1 } }) });
  assert.equal(queued.status, 202);
  const jobId = (queued.body as { job_id: string }).job_id;
  await call('/enqueue-analysis', { token, body: json({ type: 'meal_plan', input: { kcal_target: 'lots' } }) });
  await call('/enqueue-analysis', { token, body: '{not json' });
  await call('/enqueue-analysis', { token: null, body: json({ type: 'meal_plan', input: {} }) });
  await call('/enqueue-analysis', { token: 'abc.def.ghi', body: json({ type: 'meal_plan', input: {} }) });
  await call('/enqueue-analysis', { token, method: 'GET' });
  await call('/enqueue-analysis', { token, body: 'x', headers: { 'content-type': 'text/plain' } });
  await call('/enqueue-analysis', { token, body: json({ type: 'meal_plan', input: { pad: 'x'.repeat(70_000) } }) });
  await call('/enqueue-analysis', { token, body: json({ type: 'whatsapp_message', input: { from: '5511999990000', text: 'oi' } }) });
  // A second user fills the per-user cap of active jobs (3 here) and gets the 429 with its wait.
  const busy = await userToken();
  for (let i = 0; i < 4; i++)
    await call('/enqueue-analysis', { token: busy, body: json({ type: 'meal_plan', input: { kcal_target: 2100 + i, meals_per_day: 4, days: 1 } }) });
  // get-analysis-status
  await call('/get-analysis-status', { token, method: 'GET', query: `job_id=${jobId}` });
  await call('/get-analysis-status', { token, method: 'GET', query: 'job_id=nope' });
  await call('/get-analysis-status', { token, method: 'GET', query: `job_id=${randomUUID()}` });
  // cancel-analysis: pending → cancelled, then again → 409
  await call('/cancel-analysis', { token, body: json({ job_id: jobId }) });
  await call('/cancel-analysis', { token, body: json({ job_id: jobId }) });
  await call('/cancel-analysis', { token, body: json({ job_id: randomUUID() }) });
  await call('/get-analysis-status', { token, method: 'GET', query: `job_id=${jobId}` });
  // the AI functions: flags off → the sync path with the real handlers
  await call('/generate-meal-plan-taco', { token, body: json({ input: { kcal_target: 1800, meals_per_day: 4, days: 1 } }) });
  await call('/generate-meal-plan-taco', { token, body: json({ input: { kcal_target: 1800, meals_per_day: 4, days: 1 } }) });
  await call('/analyze-medical-exam', { token, body: json({ input: { text: 'GLICOSE ........ 110 mg/dL   VR: 70 a 99 mg/dL' } }) });
  await call('/unified-ai-assistant', { token, body: json({ input: { messages: [] } }) });
  await call('/sofia-image-analysis', { token, body: json({ input: {} }) });
  // flag on for everyone with a live worker → 202 from an AI function
  await db.pool.query(`insert into ai_workers (id, host, pid, version, concurrency) values ($1, 'h', 1, 't', 2)`, [`w-${randomUUID()}`]);
  await db.pool.query(`insert into feature_flags (name, value) values ('MEAL_PLAN_USE_ASYNC', 'true')`);
  await call('/generate-meal-plan-taco', { token, body: json({ input: { kcal_target: 1900, meals_per_day: 4, days: 1 } }) });
  // the WhatsApp webhook
  await call('/whatsapp-ai-assistant', { token: null, method: 'GET', query: 'hub.mode=subscribe&hub.verify_token=verify-me&hub.challenge=42' });
  await call('/whatsapp-ai-assistant', { token: null, method: 'GET', query: 'hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=42' });
  const hook = json({
    object: 'whatsapp_business_account',
    entry: [
      {
        id: 'W',
        changes: [
          {
            field: 'messages',
            value: {
              messaging_product: 'whatsapp',
              metadata: { phone_number_id: '1' },
              messages: [{ id: 'wamid.1', from: '5511999990000', timestamp: '1700000000', type: 'text', text: { body: 'Posso comer banana?' } }],
            },
          },
        ],
      },
    ],
  });
  await call('/whatsapp-ai-assistant', { token: null, body: hook, headers: { 'x-hub-signature-256': 'sha256=00' } });
  await call('/whatsapp-ai-assistant', {
    token: null,
    body: hook,
    headers: { 'x-hub-signature-256': `sha256=${createHmac('sha256', APP_SECRET).update(hook).digest('hex')}` },
  });

  const problems: string[] = [];
  for (const s of seen) {
    // A method a path does not serve answers that path's 405, described on the method it does serve.
    const op = spec.paths[s.path]?.[s.method] ?? (s.status === 405 ? Object.values(spec.paths[s.path] ?? {}).find((o) => o.responses?.['405']) : undefined);
    if (!op) {
      problems.push(`${s.method.toUpperCase()} ${s.path}: not described`);
      continue;
    }
    const described = op.responses[String(s.status)];
    if (!described) {
      problems.push(`${s.method.toUpperCase()} ${s.path} → ${s.status}: status not described (body ${json(s.body).slice(0, 200)})`);
      continue;
    }
    const media = resolve(described).content?.[s.contentType];
    if (!media) {
      problems.push(`${s.method.toUpperCase()} ${s.path} → ${s.status}: content type ${s.contentType} not described`);
      continue;
    }
    if ((s.status === 429 || s.status === 503) && !/^\d+$/.test(s.retryAfter ?? ''))
      problems.push(`${s.method.toUpperCase()} ${s.path} → ${s.status}: no Retry-After header`);
    const validate = validatorFor(media.schema);
    if (!validate(s.body))
      problems.push(`${s.method.toUpperCase()} ${s.path} → ${s.status}: ${ajv.errorsText(validate.errors)}; body ${json(s.body).slice(0, 300)}`);
  }
  assert.deepEqual(problems, []);

  // The run reached what it means to check, so a broken scenario cannot pass by checking less.
  const reached = new Set(seen.map((s) => `${s.path} ${s.status}`));
  for (const want of [
    '/enqueue-analysis 202',
    '/enqueue-analysis 400',
    '/enqueue-analysis 403',
    '/enqueue-analysis 429',
    '/enqueue-analysis 401',
    '/enqueue-analysis 405',
    '/enqueue-analysis 413',
    '/enqueue-analysis 415',
    '/get-analysis-status 200',
    '/get-analysis-status 400',
    '/get-analysis-status 404',
    '/cancel-analysis 200',
    '/cancel-analysis 404',
    '/cancel-analysis 409',
    '/generate-meal-plan-taco 200',
    '/generate-meal-plan-taco 202',
    '/analyze-medical-exam 200',
    '/whatsapp-ai-assistant 200',
    '/whatsapp-ai-assistant 401',
    '/whatsapp-ai-assistant 403',
  ]) {
    assert.ok(reached.has(want), `the scenario never produced ${want}`);
  }
});

test('every error code the functions answered is in the catalogue, and every catalogued code exists in the gateway', () => {
  const catalogue = (spec.components.schemas.GatewayErrorCode as { enum: string[] }).enum;
  const codes = new Set<string>();
  for (const s of seen) {
    const code = (s.body as { error?: { code?: string } } | null)?.error?.code;
    if (code) codes.add(code);
  }
  assert.ok(codes.size >= 6, `saw only ${codes.size} error codes`);
  assert.deepEqual(
    [...codes].filter((c) => !catalogue.includes(c)),
    [],
    'codes answered but not described',
  );
  // The description's two catalogues are the typed ones the code is built from (src/error-codes.ts).
  assert.deepEqual([...catalogue].sort(), [...GATEWAY_ERROR_CODES].sort(), 'GatewayErrorCode differs from GATEWAY_ERROR_CODES');
  const jobCodes = (spec.components.schemas.JobErrorCode as { enum: string[] }).enum;
  assert.deepEqual([...jobCodes].sort(), [...JOB_ERROR_CODES].sort(), 'JobErrorCode differs from JOB_ERROR_CODES');
  const gatewaySource = readdirSync(`${ROOT}src/gateway`)
    .map((f) => readFileSync(`${ROOT}src/gateway/${f}`, 'utf8'))
    .join('\n');
  // Codes that come from request_analysis_cancel's answer rather than a literal in the gateway.
  const answered = ['already_completed', 'already_failed', 'already_cancelled'];
  const missing = GATEWAY_ERROR_CODES.filter((c) => !gatewaySource.includes(`'${c}'`) && !answered.includes(c));
  assert.deepEqual(missing, [], 'catalogued codes the gateway never answers');
});

test('every example in the description validates against its schema', () => {
  const problems: string[] = [];
  const check = (where: string, content: Record<string, { schema: Schema; examples?: Record<string, { value: unknown }> }> | undefined) => {
    for (const [type, media] of Object.entries(content ?? {})) {
      for (const [name, example] of Object.entries(media.examples ?? {})) {
        const validate = validatorFor(media.schema);
        if (!validate(example.value)) problems.push(`${where} ${type} example ${name}: ${ajv.errorsText(validate.errors)}`);
      }
    }
  };
  let count = 0;
  for (const [path, ops] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(ops)) {
      if (typeof op !== 'object' || !op || !('responses' in op)) continue;
      if (op.requestBody) {
        const body = resolve(op.requestBody);
        count += Object.values(body.content ?? {}).reduce((n, m) => n + Object.keys(m.examples ?? {}).length, 0);
        check(`${method} ${path} request`, body.content);
      }
      for (const [status, response] of Object.entries(op.responses)) {
        const r = resolve(response);
        count += Object.values(r.content ?? {}).reduce((n, m) => n + Object.keys(m.examples ?? {}).length, 0);
        check(`${method} ${path} ${status}`, r.content);
      }
    }
  }
  assert.ok(count >= 8, `only ${count} examples found`);
  assert.deepEqual(problems, []);
});

test('the job-input schemas in the description are the ones the functions validate with (npm run openapi)', () => {
  const committed = readFileSync(OPENAPI_FILE, 'utf8');
  assert.equal(committed, withGeneratedInputs(committed), 'docs/openapi.yaml is stale: run npm run openapi');
  for (const type of DESCRIBED_TYPES)
    assert.deepEqual(spec.components.schemas[inputSchemaName(type)], JSON.parse(JSON.stringify(JOB_INPUT_SCHEMAS[type])), type);
});

test("every request example in the description passes the functions' own input validation", () => {
  const enqueue = spec.paths['/enqueue-analysis']!.post!.requestBody!.content!['application/json']!.examples!;
  const examples: Array<[string, unknown]> = Object.values(enqueue).map((e) => {
    const body = e.value as { type: string; input: unknown };
    return [body.type, body.input];
  });
  const bodies = (spec.components as unknown as { requestBodies: Record<string, ResponseSpec> }).requestBodies;
  const typeOf: Record<string, string> = {
    SofiaImage: 'sofia_image',
    MedicalExam: 'medical_exam',
    UnifiedAssistant: 'unified_assistant',
    MealPlan: 'meal_plan',
  };
  for (const [name, body] of Object.entries(bodies)) {
    assert.ok(typeOf[name], `request body ${name} has no job type here`);
    for (const e of Object.values(body.content!['application/json']!.examples ?? {})) examples.push([typeOf[name]!, (e.value as { input: unknown }).input]);
  }
  assert.ok(examples.length >= 5, `only ${examples.length} request examples`);
  for (const [type, input] of examples) assert.doesNotThrow(() => validateInput(type, input), `${type} example ${JSON.stringify(input)}`);
});

test('redocly lint passes on the description (recommended rules, redocly.yaml)', () => {
  const out = spawnSync(process.execPath, [`${ROOT}node_modules/@redocly/cli/bin/cli.js`, 'lint', 'docs/openapi.yaml', '--format=stylish'], {
    cwd: ROOT,
    encoding: 'utf8',
    // No telemetry or update check: tests never reach the network.
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true', NO_COLOR: '1' },
    timeout: 120_000,
  });
  assert.equal(out.status, 0, `${out.stdout}\n${out.stderr}`);
  assert.doesNotMatch(out.stdout + out.stderr, /^\s*\d+:\d+\s+warning/m);
});
