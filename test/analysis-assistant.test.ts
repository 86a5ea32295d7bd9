// unified_assistant end to end: urgent messages answered without a model, ordinary turns with the
// user's recent analyses as context, every model down → retried, then a clear failure.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { urgentAnswer } from '../src/assistant/urgency.ts';
import { useFreshDatabase } from './support/database.ts';
import { startTestDaemon } from './support/daemon.ts';
import { runJob, startEmulators, type TestEmulators } from './support/emulators.ts';

const db = useFreshDatabase('analysis_assistant');
let emu: TestEmulators;

before(async () => {
  emu = await startEmulators();
});
after(async () => {
  await emu.close();
});

test('urgent symptoms: the fixed urgent answer, no model called', async () => {
  const d = await startTestDaemon(db.url, emu.env);
  try {
    emu.resetStats();
    const { how, row } = await runJob(d, db.pool, 'unified_assistant', {
      messages: [
        { role: 'user', content: 'oi, tudo bem?' },
        { role: 'assistant', content: 'Olá! Como posso ajudar?' },
        { role: 'user', content: 'estou com uma dor forte no peito que vai pro braço' },
      ],
    });
    assert.equal(how, 'completed');
    assert.deepEqual(row.result, { reply: urgentAnswer(['cardiac']), urgent: true, category: 'cardiac', urgency_source: 'detector' });
    assert.deepEqual(emu.inferenceCounts(), { yolo: 0, ollama: 0, gemini: 0, whatsapp: 0 });
    assert.equal(row.cache_key, null, 'chat turns are never cached');
  } finally {
    await d.stop();
  }
});

test("an ordinary turn: the model answers with the user's recent analyses in its prompt", async () => {
  const user = randomUUID();
  // Two earlier analyses of this user, and one of someone else that must not leak in.
  await db.pool.query(
    `insert into analysis_jobs (user_id, type, status, input, result, completed_at) values
       ($1, 'medical_exam', 'completed', '{}', $2, now() - interval '2 days'),
       ($1, 'sofia_image', 'completed', '{}', $3, now() - interval '1 day'),
       ($4, 'sofia_image', 'completed', '{}', $5, now())`,
    [
      user,
      JSON.stringify({
        analytes: [
          { name: 'Glicose', value: 112, unit: 'mg/dL', flag: 'alto' },
          { name: 'Ureia', value: 30, unit: 'mg/dL', flag: 'normal' },
        ],
        unparsed_lines: [],
        summary: 's',
        disclaimer: 'd',
      }),
      JSON.stringify({ foods: [{ name: 'Arroz branco cozido' }, { name: 'Feijão carioca cozido' }], totals: { kcal: 650 }, comment: null }),
      randomUUID(),
      JSON.stringify({ foods: [{ name: 'Pizza de muçarela' }], totals: { kcal: 900 }, comment: null }),
    ],
  );
  // Capture what reaches Ollama: the emulator counts requests, a wrapping fetch would not see the daemon's.
  const bodies: string[] = [];
  const { createServer } = await import('node:http');
  const proxy = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', async () => {
      const body = Buffer.concat(chunks);
      if (req.url === '/api/chat') bodies.push(body.toString('utf8'));
      const upstream = await fetch(`${emu.ollama.url}${req.url}`, {
        method: req.method,
        headers: { 'content-type': 'application/json' },
        ...(req.method === 'POST' ? { body } : {}),
      });
      res.writeHead(upstream.status, { 'content-type': upstream.headers.get('content-type') ?? 'application/json' });
      res.end(Buffer.from(await upstream.arrayBuffer()));
    });
  });
  await new Promise<void>((r) => proxy.listen(0, '127.0.0.1', r));
  const port = (proxy.address() as { port: number }).port;
  const d = await startTestDaemon(db.url, { ...emu.env, OLLAMA_HOST: `http://127.0.0.1:${port}` });
  try {
    const { how, row } = await runJob(
      d,
      db.pool,
      'unified_assistant',
      { messages: [{ role: 'user', content: 'O que posso melhorar na minha alimentação?' }] },
      { userId: user },
    );
    assert.equal(how, 'completed', JSON.stringify(row.error));
    assert.equal(row.result.urgent, false);
    assert.ok(row.result.reply.length > 10);
    assert.equal(row.provider, 'ollama');
    // The urgency second opinion (a structured request, `format` set) runs next to the answer.
    const sent = bodies.map((b) => JSON.parse(b)).find((b) => b.format === undefined);
    const system = sent.messages[0];
    assert.equal(system.role, 'system');
    assert.match(system.content, /Refeição analisada \(\d\d\/\d\d\): Arroz branco cozido, Feijão carioca cozido — cerca de 650 kcal/);
    assert.match(system.content, /Exame laboratorial \(\d\d\/\d\d\): Glicose acima da referência; 1 dentro da referência/);
    assert.ok(!system.content.includes('112'), 'lab values are not copied into the context');
    assert.ok(!system.content.includes('Pizza'), "another user's analyses never appear");
    assert.equal(sent.messages.at(-1).content, 'O que posso melhorar na minha alimentação?');
  } finally {
    await d.stop();
    await new Promise<void>((r) => {
      proxy.close(() => r());
      proxy.closeAllConnections();
    });
  }
});

test('every model down: retried, then a clear failure when attempts run out', async () => {
  await emu.ollama.setKnobs({ down: true });
  await emu.gemini.setKnobs({ down: true });
  // The urgency second opinion off: this test counts the assistant chain's own calls.
  const d = await startTestDaemon(db.url, { ...emu.env, WORKER_RETRY_BASE_MS: '50', WORKER_RETRY_MAX_MS: '100', ASSISTANT_TRIAGE_TIMEOUT_MS: '0' });
  try {
    const retried: number[] = [];
    d.events.on('job:retried', (e) => retried.push(e.attempt));
    const { how, row } = await runJob(
      d,
      db.pool,
      'unified_assistant',
      { messages: [{ role: 'user', content: 'Quantos copos de água devo beber?' }] },
      { maxAttempts: 3 },
    );
    assert.equal(how, 'failed');
    assert.deepEqual(retried, [1, 2]);
    assert.equal(row.attempts, 3);
    assert.equal(row.error.code, 'assistant_unavailable');
    // The owner reads a code and a Portuguese message; which providers failed is in provider_calls and the logs.
    assert.equal(row.error.message, 'os serviços de análise estão indisponíveis no momento; tente novamente em alguns minutos');
    assert.deepEqual(
      row.provider_calls.map((c: { provider: string; ok: boolean }) => `${c.provider}:${c.ok}`),
      ['ollama:false', 'gemini:false'],
    );
  } finally {
    await d.stop();
    await emu.heal();
  }
});

test('invalid input: field paths, no retries', async () => {
  const d = await startTestDaemon(db.url, emu.env);
  try {
    const { how, row } = await runJob(d, db.pool, 'unified_assistant', { messages: [{ role: 'doctor', content: '' }] }, { maxAttempts: 3 });
    assert.equal(how, 'failed');
    assert.equal(row.attempts, 1);
    assert.deepEqual(row.error.fields.sort(), ['input.messages[0].content', 'input.messages[0].role']);
  } finally {
    await d.stop();
  }
});
