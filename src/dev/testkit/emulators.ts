// All four protocol emulators on free ports, and the environment that points a test daemon at them.
// Provider retries are off by default so a "down" test fails in milliseconds, not after backoff
// (the in-call backoff base is fixed at 500 ms in src/providers/config.ts); tests that exercise the
// provider layer's own retries pass PROVIDER_RETRIES themselves.
import { randomUUID } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type pg from 'pg';
import * as gemini from '../emulators/gemini.ts';
import * as ollama from '../emulators/ollama.ts';
import * as whatsapp from '../emulators/whatsapp.ts';
import * as yolo from '../emulators/yolo.ts';
import { DEFAULT_WHATSAPP_SERVICE_USER_ID } from '../../config.ts';
import type { EventBus } from '../../events.ts';
import { emulatorProviderEnv } from '../emulators/env.ts';

export const GEMINI_KEY = 'test-gemini-key';
export const WA_TOKEN = 'test-whatsapp-token';
export const WA_PHONE = '100000000000001';

export interface TestEmulators {
  yolo: yolo.YoloEmulator;
  ollama: ollama.OllamaEmulator;
  gemini: gemini.GeminiEmulator;
  whatsapp: whatsapp.WhatsAppEmulator;
  /** Environment for startTestDaemon: providers, fast provider retries, http image URLs allowed. */
  env: Record<string, string>;
  /** Inference requests so far, per emulator (health/tags probes excluded). */
  inferenceCounts(): { yolo: number; ollama: number; gemini: number; whatsapp: number };
  resetStats(): void;
  /** Bring every emulator back up with no failure knobs. */
  heal(): Promise<void>;
  close(): Promise<void>;
}

export async function startEmulators(): Promise<TestEmulators> {
  const [y, o, g, w] = await Promise.all([
    yolo.start(),
    ollama.start(),
    gemini.start({ apiKey: GEMINI_KEY }),
    whatsapp.start({ token: WA_TOKEN, phoneNumberId: WA_PHONE }),
  ]);
  const all = [y, o, g, w] as const;
  const inference = (stats: { arrivals: number[] }) => stats.arrivals.length;
  return {
    yolo: y,
    ollama: o,
    gemini: g,
    whatsapp: w,
    env: {
      ...emulatorProviderEnv(
        { yolo: y.url, ollama: o.url, gemini: g.url, whatsapp: w.url },
        { geminiKey: GEMINI_KEY, whatsappToken: WA_TOKEN, whatsappPhoneNumberId: WA_PHONE },
      ),
      GEMINI_RPM: '10000',
      PROVIDER_RETRIES: '0',
      IMAGE_URL_ALLOW_HTTP: 'true',
      // The test file servers listen on 127.0.0.1, which production refuses (url_not_allowed).
      MEDIA_URL_ALLOW_PRIVATE: 'true',
    },
    inferenceCounts: () => ({ yolo: inference(y.stats), ollama: inference(o.stats), gemini: inference(g.stats), whatsapp: inference(w.stats) }),
    resetStats: () => all.forEach((e) => e.resetStats()),
    heal: async () => {
      await Promise.all(all.map((e) => e.setKnobs({ down: false, failure: 'none', errorRate: 0, latencyMs: 0 })));
    },
    close: async () => {
      await Promise.all(all.map((e) => e.close()));
    },
  };
}

/**
 * A small PNG the validators and the emulators accept: signature, IHDR with the given size, and a
 * salt that changes the bytes (the YOLO emulator's detections are a function of the bytes).
 */
export function testPng(width: number, height: number, salt = 0): Buffer {
  const buf = Buffer.alloc(64);
  buf.writeUInt32BE(0x89504e47, 0);
  buf.writeUInt32BE(0x0d0a1a0a, 4);
  buf.writeUInt32BE(13, 8);
  buf.write('IHDR', 12, 'latin1');
  buf.writeUInt32BE(width, 16);
  buf.writeUInt32BE(height, 20);
  buf.writeUInt32BE(salt, 40);
  return buf;
}

export interface FileServer {
  url: string;
  /** GET requests served so far. */
  hits: number;
  close(): Promise<void>;
}

/** Serves `files` by path over http (image_url / media.url tests). */
export async function serveFiles(files: Record<string, { body: Buffer; type: string }>): Promise<FileServer> {
  let hits = 0;
  const server: Server = createServer((req, res) => {
    hits++;
    const f = files[req.url ?? ''];
    if (!f) {
      res.writeHead(404).end();
      return;
    }
    res.writeHead(200, { 'content-type': f.type, 'content-length': f.body.length }).end(f.body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    get hits() {
      return hits;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

// ---- jobs through a daemon ---------------------------------------------------------------------

export interface InsertOptions {
  userId?: string;
  maxAttempts?: number;
}

export async function insertJob(pool: pg.Pool, type: string, input: unknown, opts: InsertOptions & { id?: string } = {}): Promise<string> {
  const id = opts.id ?? randomUUID();
  await pool.query('insert into analysis_jobs (id, user_id, type, input, max_attempts) values ($1, $2, $3, $4, $5)', [
    id,
    // WhatsApp jobs belong to the webhook's service identity (the handler refuses any other owner).
    opts.userId ?? (type === 'whatsapp_message' ? DEFAULT_WHATSAPP_SERVICE_USER_ID : randomUUID()),
    type,
    JSON.stringify(input),
    opts.maxAttempts ?? 3,
  ]);
  return id;
}

/** Resolves with the event name that ended the job (completed or failed), bounded. */
export function waitForEnd(events: EventBus, jobId: string, timeoutMs = 15_000): Promise<'completed' | 'failed'> {
  return new Promise((resolve, reject) => {
    const offs: Array<() => void> = [];
    const done = (how: 'completed' | 'failed') => {
      clearTimeout(timer);
      offs.forEach((off) => off());
      resolve(how);
    };
    offs.push(events.on('job:completed', (e) => e.jobId === jobId && done('completed')));
    offs.push(events.on('job:failed', (e) => e.jobId === jobId && done('failed')));
    const timer = setTimeout(() => {
      offs.forEach((off) => off());
      reject(new Error(`job ${jobId} neither completed nor failed within ${timeoutMs} ms`));
    }, timeoutMs);
  });
}

/** Insert a job, wait for its end, return the row. The waiter is registered before the insert. */
export async function runJob(
  daemon: { events: EventBus },
  pool: pg.Pool,
  type: string,
  input: unknown,
  opts: InsertOptions & { timeoutMs?: number } = {},
): Promise<{ how: 'completed' | 'failed'; row: Record<string, any> }> {
  const id = randomUUID();
  const ended = waitForEnd(daemon.events, id, opts.timeoutMs);
  ended.catch(() => {});
  await insertJob(pool, type, input, { ...opts, id });
  const how = await ended;
  const { rows } = await pool.query('select * from analysis_jobs where id = $1', [id]);
  return { how, row: rows[0] };
}
