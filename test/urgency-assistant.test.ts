// The two urgency layers through a real daemon and the Ollama client: a scripted Ollama (a proxy in
// front of the emulator that answers the triage request itself) raises the alarm the detector did not,
// and a triage request that never answers is cut at its deadline while the ordinary answer goes out.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { urgentAnswer } from '../src/assistant/urgency.ts';
import { useFreshDatabase } from './support/database.ts';
import { startTestDaemon } from './support/daemon.ts';
import { runJob, startEmulators, type TestEmulators } from './support/emulators.ts';

const db = useFreshDatabase('urgency_assistant');
let emu: TestEmulators;

before(async () => {
  emu = await startEmulators();
});
after(async () => {
  await emu.close();
});

type TriageScript = (res: ServerResponse, body: Record<string, any>) => void;

/** Ollama with the triage request (the one with a `format`) scripted; everything else forwarded. */
async function scriptedOllama(onTriage: TriageScript): Promise<{ url: string; triageRequests: () => number; close: () => Promise<void> }> {
  let triage = 0;
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', async () => {
      const raw = Buffer.concat(chunks);
      const body = raw.length ? JSON.parse(raw.toString('utf8')) : {};
      if (req.url === '/api/chat' && body.format !== undefined) {
        triage++;
        return onTriage(res, body);
      }
      const upstream = await fetch(`${emu.ollama.url}${req.url}`, {
        method: req.method,
        headers: { 'content-type': 'application/json' },
        ...(req.method === 'POST' ? { body: raw } : {}),
      });
      res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' });
      res.end(Buffer.from(await upstream.arrayBuffer()));
    });
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const port = (server.address() as { port: number }).port;
  return {
    url: `http://127.0.0.1:${port}`,
    triageRequests: () => triage,
    close: () =>
      new Promise<void>((r) => {
        server.close(() => r());
        server.closeAllConnections();
      }),
  };
}

function ollamaAnswer(res: ServerResponse, model: string, content: unknown): void {
  res.writeHead(200, { 'content-type': 'application/json' });
  res.end(
    JSON.stringify({
      model,
      created_at: new Date().toISOString(),
      message: { role: 'assistant', content: JSON.stringify(content) },
      done: true,
      done_reason: 'stop',
      prompt_eval_count: 50,
      eval_count: 8,
    }),
  );
}

test("the model raises what the detector missed: the urgent answer for its category, recorded as the model's", async () => {
  const ollama = await scriptedOllama((res, body) => ollamaAnswer(res, body.model, { urgent: true, category: 'violence' }));
  const d = await startTestDaemon(db.url, { ...emu.env, OLLAMA_HOST: ollama.url });
  const decisions: unknown[] = [];
  d.events.on('assistant:urgency', (e) => decisions.push(e));
  try {
    const { how, row } = await runJob(d, db.pool, 'unified_assistant', {
      messages: [
        { role: 'user', content: 'oi' },
        { role: 'assistant', content: 'Olá!' },
        { role: 'user', content: 'tem alguém lá fora gritando meu nome faz uma hora' },
      ],
    });
    assert.equal(how, 'completed', JSON.stringify(row.error));
    assert.deepEqual(row.result, { reply: urgentAnswer(['violence']), urgent: true, category: 'violence', urgency_source: 'model' });
    assert.equal(ollama.triageRequests(), 1);
    // What operators see (log line, metric): the decision, never the message.
    assert.deepEqual(decisions, [{ jobId: row.id, urgent: true, category: 'violence', source: 'model', secondOpinion: 'raised' }]);
    const metrics = await (await fetch(`http://127.0.0.1:${d.port}/metrics`)).text();
    assert.match(metrics, /ai_worker_assistant_urgency_total\{category="violence",source="model",second_opinion="raised"\} 1/);
  } finally {
    await d.stop();
    await ollama.close();
  }
});

test('the model cannot clear the detector: it is not even asked', async () => {
  const ollama = await scriptedOllama((res, body) => ollamaAnswer(res, body.model, { urgent: false, category: 'none' }));
  const d = await startTestDaemon(db.url, { ...emu.env, OLLAMA_HOST: ollama.url });
  try {
    const { how, row } = await runJob(d, db.pool, 'unified_assistant', { messages: [{ role: 'user', content: 'minha filha bebeu agua sanitaria' }] });
    assert.equal(how, 'completed');
    assert.equal(row.result.category, 'poisoning');
    assert.equal(row.result.urgency_source, 'detector');
    assert.match(row.result.reply, /0800 722 6001/);
    assert.equal(ollama.triageRequests(), 0);
  } finally {
    await d.stop();
    await ollama.close();
  }
});

test('a triage request that never answers is cut at its deadline; the ordinary answer goes out', async () => {
  // Held until the client gives up (the socket closes), then dropped.
  const ollama = await scriptedOllama((res) => res.on('close', () => res.destroy()));
  const d = await startTestDaemon(db.url, { ...emu.env, OLLAMA_HOST: ollama.url, ASSISTANT_TRIAGE_TIMEOUT_MS: '300' });
  const decisions: Array<{ secondOpinion: string }> = [];
  d.events.on('assistant:urgency', (e) => decisions.push(e));
  try {
    const { how, row } = await runJob(d, db.pool, 'unified_assistant', { messages: [{ role: 'user', content: 'Quantas frutas devo comer por dia?' }] });
    assert.equal(how, 'completed', JSON.stringify(row.error));
    assert.equal(row.result.urgent, false);
    assert.equal(row.provider, 'ollama', 'the answer came from the model as usual');
    assert.equal(ollama.triageRequests(), 1);
    const triageCalls = row.provider_calls.filter((c: { ok: boolean }) => !c.ok);
    assert.ok(triageCalls.length >= 1, 'the cut triage call is on the record');
    assert.deepEqual(
      decisions.map((e) => e.secondOpinion),
      ['unavailable'],
    );
  } finally {
    await d.stop();
    await ollama.close();
  }
});
