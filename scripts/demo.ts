// `npm run demo`: the whole product on this machine in under a minute. It migrates the local
// PostgreSQL (or, with none running and DATABASE_URL unset, an embedded one it starts), starts the four protocol emulators and the daemon in-process (the daemon also hosts
// the edge functions), then acts as the app: one request per AI function over real HTTP with a
// signed user token, a signed WhatsApp webhook, and a chat turn through enqueue-analysis (healthchecks are for operators only); it follows every job
// through get-analysis-status and prints the results. Exit 0 when everything completed, 1 otherwise.
import { randomUUID } from 'node:crypto';
import pino from 'pino';
import { purgeCache } from '../src/cache/store.ts';
import { loadConfig } from '../src/config.ts';
import { migrate } from '../src/db/migrate.ts';
import * as gemini from '../src/dev/emulators/gemini.ts';
import * as ollama from '../src/dev/emulators/ollama.ts';
import * as whatsapp from '../src/dev/emulators/whatsapp.ts';
import * as yolo from '../src/dev/emulators/yolo.ts';
import { startDaemon, type Daemon } from '../src/start.ts';
import { signUserToken, whatsappSignature, whatsappWebhook } from './demo/auth.ts';
import { demoDatabase } from './demo/database.ts';
import { describeError, GatewayClient, type GatewayReply } from './demo/gateway-client.ts';
import { printAssistant, printExam, printFood, printMealPlan, printWhatsapp } from './demo/print.ts';
import { assistantInput, examInput, mealPlanInput, sofiaInput, WHATSAPP_FROM, WHATSAPP_TEXT } from './demo/requests.ts';
import { emulatorProviderEnv } from '../src/dev/emulators/env.ts';

// Demo-only secrets: they protect nothing but this process's loopback ports.
const SUPABASE_URL = 'http://127.0.0.1:54321';
const JWT_SECRET = 'ai-worker-demo-jwt-secret-not-for-production-0001';
const WA_APP_SECRET = 'ai-worker-demo-whatsapp-app-secret';
const WA_TOKEN = 'ai-worker-demo-whatsapp-token';
const WA_PHONE_ID = '100000000000001';
const GEMINI_KEY = 'ai-worker-demo-gemini-key';
const DEMO_USER = 'd3e0d3e0-0000-4000-8000-000000000001';
// WhatsApp jobs belong to the service identity, not to a user (docs/gateway.md); the demo reads
// them with a token for that identity, as an operator console would.
const WA_SERVICE_USER = 'd3e0d3e0-0000-4000-8000-00000000a001';

const LATENCY_MS: [number, number] = [200, 800];
const JOB_DEADLINE_MS = 60_000;
const POLL_MS = 300;

type State = 'pending' | 'processing' | 'completed' | 'failed' | 'cancelled' | 'cached' | 'sync' | 'timeout' | 'error';
const TERMINAL = new Set<State>(['completed', 'failed', 'cancelled', 'cached', 'sync', 'timeout', 'error']);

interface Tracked {
  label: string;
  fn: string;
  token: string;
  sentAt: number;
  jobId?: string;
  path: State[];
  result?: Record<string, any>;
  error?: string;
  endedAt?: number;
  note?: string;
}

const secs = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const out = (line = '') => process.stdout.write(`${line}\n`);

let interrupted = false;
process.once('SIGINT', () => {
  interrupted = true;
  out('\ninterrupted: stopping…');
});

async function main(): Promise<number> {
  out('ai-worker demo — food photo, lab exam, chat, meal plan and WhatsApp through the queue');
  out('(the models are local protocol emulators: detections are real TACO arithmetic, texts are canned Portuguese sentences)\n');
  const db = await demoDatabase(process.env, out);
  try {
    return await withDatabase(db);
  } finally {
    if (db.embedded) {
      await db.embedded.stop();
      out(`database   embedded PostgreSQL stopped; ${db.embedded.dataDir} removed`);
    }
  }
}

async function withDatabase(db: Awaited<ReturnType<typeof demoDatabase>>): Promise<number> {
  const mig = await migrate(db.url).catch((err: Error) => {
    throw new Error(`cannot migrate ${db.label} (${err.message}); is PostgreSQL running there?`);
  });
  out(`database   ${db.label}${db.created ? ' (created)' : ''}: ${mig.applied.length} migration(s) applied, ${mig.alreadyApplied} already there`);

  const [y, o, g, w] = await Promise.all([
    yolo.start({ latencyMs: LATENCY_MS }),
    ollama.start({ latencyMs: LATENCY_MS }),
    gemini.start({ latencyMs: LATENCY_MS, apiKey: GEMINI_KEY }),
    whatsapp.start({ latencyMs: LATENCY_MS, token: WA_TOKEN, phoneNumberId: WA_PHONE_ID }),
  ]);
  const emulators = [y, o, g, w];
  let daemon: Daemon | undefined;
  try {
    out(`emulators  yolo ${y.url} · ollama ${o.url} · gemini ${g.url} · whatsapp ${w.url} (latency ${LATENCY_MS[0]}–${LATENCY_MS[1]} ms)`);
    const env: Record<string, string> = {
      DATABASE_URL: db.url,
      PORT: '0',
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      SERVE_FUNCTIONS: 'true',
      SUPABASE_URL,
      GATEWAY_JWT_SECRET: JWT_SECRET,
      WHATSAPP_APP_SECRET: WA_APP_SECRET,
      WHATSAPP_SERVICE_USER_ID: WA_SERVICE_USER,
      SOFIA_USE_ASYNC: 'true',
      EXAMS_USE_ASYNC: 'true',
      UNIFIED_USE_ASYNC: 'true',
      WHATSAPP_USE_ASYNC: 'true',
      MEAL_PLAN_USE_ASYNC: 'true',
      ...emulatorProviderEnv(
        { yolo: y.url, ollama: o.url, gemini: g.url, whatsapp: w.url },
        { geminiKey: GEMINI_KEY, whatsappToken: WA_TOKEN, whatsappPhoneNumberId: WA_PHONE_ID },
      ),
    };
    // The environment is built here, not inherited: a developer's real GEMINI_API_KEY or flags
    // must not leak into a demo that promises to stay on this machine.
    daemon = await startDaemon(loadConfig(env), { migrate: false, gatewayEnv: env, logger: pino({ level: 'warn' }) });
    if (db.dedicated) {
      // Only in the demo's own database: a fresh cache makes every run show the whole pipeline.
      const purged = await purgeCache(daemon.pool, undefined);
      if (purged > 0) out(`cache      ${purged} entr${purged === 1 ? 'y' : 'ies'} from an earlier run purged (demo database only)`);
    }
    const base = `http://127.0.0.1:${daemon.port}`;
    out(`daemon     ${base} — worker concurrency ${daemon.config.worker.concurrency}, edge functions at ${base}/functions/v1/<name>, all *_USE_ASYNC=true\n`);

    const api = new GatewayClient(base);
    const userToken = await signUserToken({ secret: JWT_SECRET, supabaseUrl: SUPABASE_URL, sub: DEMO_USER });
    const serviceToken = await signUserToken({ secret: JWT_SECRET, supabaseUrl: SUPABASE_URL, sub: WA_SERVICE_USER });
    // Meta's message id is the idempotency key: a fixed one would replay the first run's job.
    const wamid = `wamid.DEMO${randomUUID().replace(/-/g, '').toUpperCase()}`;
    const webhook = whatsappWebhook({ from: WHATSAPP_FROM, messageId: wamid, text: WHATSAPP_TEXT, phoneNumberId: WA_PHONE_ID, name: 'Cliente Demo' });

    const sends: Array<{ label: string; fn: string; token: string; send: () => Promise<GatewayReply> }> = [
      { label: 'sofia_image', fn: 'sofia-image-analysis', token: userToken, send: () => api.post('sofia-image-analysis', { input: sofiaInput() }, userToken) },
      { label: 'medical_exam', fn: 'analyze-medical-exam', token: userToken, send: () => api.post('analyze-medical-exam', { input: examInput() }, userToken) },
      {
        label: 'unified_assistant',
        fn: 'unified-ai-assistant',
        token: userToken,
        send: () => api.post('unified-ai-assistant', { input: assistantInput() }, userToken),
      },
      {
        label: 'meal_plan',
        fn: 'generate-meal-plan-taco',
        token: userToken,
        send: () => api.post('generate-meal-plan-taco', { input: mealPlanInput() }, userToken),
      },
      {
        label: 'whatsapp_message',
        fn: 'whatsapp-ai-assistant',
        token: serviceToken,
        send: () => api.call('whatsapp-ai-assistant', { body: webhook, headers: { 'x-hub-signature-256': whatsappSignature(WA_APP_SECRET, webhook) } }),
      },
      {
        label: 'enqueue-analysis',
        fn: 'enqueue-analysis',
        token: userToken,
        send: () => api.post('enqueue-analysis', { type: 'unified_assistant', input: assistantInput() }, userToken),
      },
    ];
    const width = Math.max(...sends.map((s) => s.label.length)) + 2;
    const tag = (label: string) => `[${label}]`.padEnd(width + 1);

    out('requests (POST /functions/v1/<name>):');
    const firstSend = performance.now();
    const tracked: Tracked[] = await Promise.all(
      sends.map(async (s): Promise<Tracked> => {
        const t: Tracked = { label: s.label, fn: s.fn, token: s.token, sentAt: performance.now(), path: [] };
        try {
          const reply = await s.send();
          accept(t, reply);
        } catch (err) {
          t.path.push('error');
          t.error = `request failed: ${(err as Error).message}`;
          t.endedAt = performance.now();
        }
        return t;
      }),
    );
    for (const t of tracked) {
      const what = t.jobId ? `job ${t.jobId.slice(0, 8)}… ${t.note ?? ''}` : (t.error ?? t.note ?? '');
      out(`  ${t.fn.padEnd(24)} → ${what.trim()}`);
    }

    out('\nprogress (get-analysis-status every 300 ms):');
    for (const t of tracked) if (t.path.length) out(`  ${tag(t.label)} ${line(t)}`);
    await follow(api, tracked, (t) => out(`  ${tag(t.label)} ${line(t)}`));

    out('\nresults:');
    const sent = w.sent;
    for (const t of tracked) {
      const state = t.path.at(-1)!;
      const head = `\n  ${t.label}${state === 'cached' ? ' (cached)' : ''}${t.note && state === 'sync' ? ` (${t.note})` : ''}`;
      if (!t.result) {
        out(`${head}: ${t.error ?? state}`);
        continue;
      }
      out(head);
      if (t.label === 'sofia_image') out(printFood(t.result));
      else if (t.label === 'medical_exam') out(printExam(t.result));
      else if (t.label === 'unified_assistant') out(printAssistant(t.result));
      else if (t.label === 'meal_plan') out(printMealPlan(t.result));
      else if (t.label === 'whatsapp_message')
        out(printWhatsapp(t.result, sent.find((m) => m.id === t.result?.delivery?.message_id) ?? sent.filter((m) => m.to === WHATSAPP_FROM).at(-1)));
      else out(`    ${JSON.stringify(t.result)}`);
    }

    const failed = tracked.filter((t) => !['completed', 'cached', 'sync'].includes(t.path.at(-1)!));
    out('');
    if (failed.length) {
      for (const t of failed) out(`FAILED  ${t.label}: ${t.error ?? t.path.at(-1)}`);
      return 1;
    }
    out(`all ${tracked.length} analyses completed ${secs(performance.now() - firstSend)} after the first request`);
    return 0;
  } finally {
    // Stop in reverse order of start: the daemon first, so no job is mid-call when an emulator goes.
    await daemon?.stop(2_000).catch((err: Error) => out(`daemon stop: ${err.message}`));
    await Promise.all(emulators.map((e) => e.close()));
  }
}

/** Reads the submit answer: a job to follow, a cache hit, or a sync answer. */
function accept(t: Tracked, reply: GatewayReply): void {
  const b = reply.body;
  if (t.fn === 'whatsapp-ai-assistant') {
    const m = (b.messages as Array<Record<string, any>> | undefined)?.[0];
    if (reply.status !== 200 || !m) return reject(t, describeError(reply));
    if (m.job_id) {
      t.jobId = String(m.job_id);
      t.path.push('pending');
      t.note = `(webhook ${reply.status}, ${m.mode}, owner = WhatsApp service identity)`;
      return;
    }
    // Sync fallback: the reply went out inside the webhook call; only the emulator saw it.
    t.path.push('sync');
    t.note = `sync${m.fallback ? `, fallback ${m.fallback}` : ''}`;
    t.result = { route: '?', delivery: { status: m.status } };
    t.endedAt = performance.now();
    return;
  }
  if (reply.status === 202 && typeof b.job_id === 'string') {
    t.jobId = b.job_id;
    t.path.push('pending');
    t.note = `(202, estimated ${b.estimated_seconds ?? '?'} s${b.fallback ? `, fallback ${b.fallback}` : ''})`;
    return;
  }
  if (reply.status === 200 && b.status === 'completed') {
    t.path.push(b.cached ? 'cached' : 'sync');
    t.result = b.result as Record<string, any>;
    t.note = b.cached ? 'cache hit, no job' : `answered sync${b.fallback ? `, fallback ${b.fallback}` : ''}`;
    t.endedAt = performance.now();
    return;
  }
  reject(t, describeError(reply));
}

function reject(t: Tracked, message: string): void {
  t.path.push('error');
  t.error = message;
  t.endedAt = performance.now();
}

function line(t: Tracked): string {
  const state = t.path.at(-1)!;
  const done = TERMINAL.has(state) && t.endedAt !== undefined ? ` in ${secs(t.endedAt - t.sentAt)}` : '';
  const extra = state === 'failed' || state === 'error' || state === 'timeout' ? ` — ${t.error}` : '';
  const path = state === 'cached' ? 'cache hit (no job)' : state === 'sync' ? `answered sync (${t.note})` : t.path.join(' → ');
  return `${path}${done}${extra}`;
}

/** Polls each unfinished job until all are terminal, the deadline passes, or Ctrl-C. */
async function follow(api: GatewayClient, tracked: Tracked[], onChange: (t: Tracked) => void): Promise<void> {
  const deadline = performance.now() + JOB_DEADLINE_MS;
  let pauseUntil = 0;
  while (!interrupted) {
    const open = tracked.filter((t) => t.jobId && !TERMINAL.has(t.path.at(-1)!));
    if (open.length === 0) return;
    if (performance.now() > deadline) {
      for (const t of open) {
        t.path.push('timeout');
        t.error = `not finished within ${JOB_DEADLINE_MS / 1000} s`;
        t.endedAt = performance.now();
        onChange(t);
      }
      return;
    }
    await new Promise((r) => setTimeout(r, Math.max(POLL_MS, pauseUntil - performance.now())));
    await Promise.all(
      open.map(async (t) => {
        let reply: GatewayReply;
        try {
          reply = await api.status(t.jobId!, t.token);
        } catch (err) {
          t.error = `status request failed: ${(err as Error).message}`;
          return; // transient: the next round retries, the deadline bounds it
        }
        if (reply.status === 429) {
          pauseUntil = performance.now() + Number(reply.headers.get('retry-after') ?? 1) * 1000;
          return;
        }
        if (reply.status !== 200) {
          reject(t, `get-analysis-status: ${describeError(reply)}`);
          onChange(t);
          return;
        }
        const state = reply.body.status as State;
        if (state === t.path.at(-1)) return;
        t.path.push(state);
        if (TERMINAL.has(state)) {
          t.endedAt = performance.now();
          t.result = (reply.body.result ?? undefined) as Record<string, any> | undefined;
          const e = reply.body.error as { code?: string; message?: string } | null;
          if (state !== 'completed') t.error = e ? `${e.code}: ${e.message}` : state;
        }
        onChange(t);
      }),
    );
  }
}

try {
  const code = await main();
  // process.uptime(): the whole run, TypeScript loading included, which is what the user waits for.
  out(`\ndone in ${secs(process.uptime() * 1000)}; daemon, emulators and database pools stopped.`);
  process.exitCode = interrupted ? 130 : code;
} catch (err) {
  process.stderr.write(`\ndemo failed: ${(err as Error).message}\n`);
  process.exitCode = 1;
}
