// The model's second opinion, with scripted answers: it can raise the alarm, never clear it; a
// model that is down, slow or unreadable leaves the detector alone; the ordinary answer runs beside
// it and is dropped (its request aborted) when the model says urgent. No database: pure mechanism.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readOpinion, turnWithTriage, TRIAGE_SCHEMA, type TextCall } from '../../src/assistant/triage.ts';
import type { TextRequest, TextResult } from '../../src/providers/index.ts';

/** A text chain that answers each request from a script and records what it was asked. */
function scripted(script: (req: TextRequest) => Promise<unknown> | unknown): { text: TextCall; requests: TextRequest[] } {
  const requests: TextRequest[] = [];
  const text: TextCall = async (req) => {
    requests.push(req);
    const json = await script(req);
    return { text: JSON.stringify(json), json, provider: 'ollama', model: 'scripted', calls: [] } as TextResult;
  };
  return { text, requests };
}

/** A request that never answers until its signal fires, then rejects as a cancelled call does. */
function hangUntilAborted(signal: AbortSignal | undefined): Promise<never> {
  return new Promise((_, reject) => {
    if (signal?.aborted) return reject(new Error('aborted'));
    signal?.addEventListener('abort', () => reject(new Error('aborted')), { once: true });
  });
}

const calmMessage = 'meu vizinho falou umas coisas estranhas hoje';

test('the detector fires: the urgent outcome, and no model is asked at all', async () => {
  const { text, requests } = scripted(() => ({ urgent: false, category: 'none' }));
  let answered = 0;
  const out = await turnWithTriage('estou com dor forte no peito', { text, timeoutMs: 1000, signal: new AbortController().signal }, async () => {
    answered++;
    return 'x';
  });
  assert.equal(out.kind, 'urgent');
  assert.equal(out.assessment.source, 'detector');
  assert.equal(out.assessment.model, 'not_asked');
  assert.equal(out.assessment.category, 'cardiac');
  assert.equal(requests.length, 0, 'a model cannot clear the alarm, so it is not asked');
  assert.equal(answered, 0);
});

test('the model raises the alarm the detector missed: urgent, its category, the ordinary answer aborted', async () => {
  const { text, requests } = scripted((req) => (req.jsonSchema ? { urgent: true, category: 'violence' } : undefined));
  let answerSignal: AbortSignal | undefined;
  const out = await turnWithTriage(calmMessage, { text, timeoutMs: 5000, signal: new AbortController().signal }, (signal) => {
    answerSignal = signal;
    return hangUntilAborted(signal);
  });
  assert.equal(out.kind, 'urgent');
  assert.deepEqual(out.assessment, { urgent: true, category: 'violence', categories: ['violence'], source: 'model', model: 'raised', rules: [] });
  assert.equal(answerSignal?.aborted, true, 'the ordinary answer was cancelled');
  assert.equal(requests.length, 1);
  assert.deepEqual(requests[0]!.jsonSchema, TRIAGE_SCHEMA);
  assert.equal(requests[0]!.messages?.at(-1)?.content, calmMessage);
});

test('the model says calm: the ordinary answer, second opinion recorded as calm', async () => {
  const { text } = scripted(() => ({ urgent: false, category: 'none' }));
  const out = await turnWithTriage(calmMessage, { text, timeoutMs: 5000, signal: new AbortController().signal }, async () => 'resposta');
  assert.deepEqual(out, {
    kind: 'answer',
    value: 'resposta',
    assessment: { urgent: false, category: null, categories: [], source: null, model: 'calm', rules: [] },
  });
});

test('the model is down: the detector alone decides, the answer comes back', async () => {
  const { text } = scripted(() => {
    throw new Error('connect ECONNREFUSED');
  });
  const out = await turnWithTriage(calmMessage, { text, timeoutMs: 5000, signal: new AbortController().signal }, async () => 'resposta');
  assert.equal(out.kind, 'answer');
  assert.equal(out.assessment.model, 'unavailable');
});

test('the model is slow: at the deadline its request is aborted and the turn goes on without it', async () => {
  let triageSignal: AbortSignal | undefined;
  const { text } = scripted((req) => {
    triageSignal = req.signal;
    return hangUntilAborted(req.signal);
  });
  const out = await turnWithTriage(calmMessage, { text, timeoutMs: 20, signal: new AbortController().signal }, async () => 'resposta');
  assert.equal(out.kind, 'answer');
  assert.equal(out.assessment.model, 'unavailable');
  assert.equal(triageSignal?.aborted, true, 'the late request was cancelled, not left running');
});

test('a client that ignores its signal still cannot hold the turn past the deadline', async () => {
  let release!: () => void;
  const never = new Promise<void>((r) => (release = r));
  const { text } = scripted(() => never.then(() => ({ urgent: true, category: 'cardiac' })));
  const out = await turnWithTriage(calmMessage, { text, timeoutMs: 20, signal: new AbortController().signal }, async () => 'resposta');
  assert.equal(out.kind, 'answer', 'a late "urgent" does not count: the detector was alone in charge');
  release();
});

test('an unreadable opinion is no opinion', async () => {
  for (const json of [null, 'sim', { urgent: 'true' }, { category: 'cardiac' }, [true]]) assert.equal(readOpinion(json), null, JSON.stringify(json));
  assert.deepEqual(readOpinion({ urgent: true, category: 'not-a-category' }), { urgent: true, category: null });
  assert.deepEqual(readOpinion({ urgent: false, category: 'cardiac' }), { urgent: false, category: null });
  const { text } = scripted(() => ({ resposta: 'não sei' }));
  const out = await turnWithTriage(calmMessage, { text, timeoutMs: 5000, signal: new AbortController().signal }, async () => 'resposta');
  assert.equal(out.kind, 'answer');
  assert.equal(out.assessment.model, 'unavailable');
});

test('the answer fails but the model raises the alarm: the alarm wins over the failure', async () => {
  const { text } = scripted((req) => (req.jsonSchema ? { urgent: true, category: 'suicide' } : undefined));
  const out = await turnWithTriage(calmMessage, { text, timeoutMs: 5000, signal: new AbortController().signal }, async () => {
    throw new Error('every provider failed');
  });
  assert.equal(out.kind, 'urgent');
  assert.equal(out.assessment.category, 'suicide');
});

test('the answer fails and the model is calm: the failure is the outcome', async () => {
  const { text } = scripted(() => ({ urgent: false, category: 'none' }));
  await assert.rejects(
    turnWithTriage(calmMessage, { text, timeoutMs: 5000, signal: new AbortController().signal }, async () => {
      throw new Error('every provider failed');
    }),
    /every provider failed/,
  );
});

test('second opinion off (deadline 0 or no model): one request only, the answer', async () => {
  const { text, requests } = scripted(() => ({ urgent: true, category: 'cardiac' }));
  const off = await turnWithTriage(calmMessage, { text, timeoutMs: 0, signal: new AbortController().signal }, async () => 'resposta');
  assert.equal(off.kind, 'answer');
  assert.equal(off.assessment.model, 'off');
  assert.equal(requests.length, 0);
  const none = await turnWithTriage(calmMessage, { timeoutMs: 2500, signal: new AbortController().signal }, async () => 'resposta');
  assert.equal(none.kind, 'answer');
});

test('cancelling the job cancels both requests', async () => {
  const job = new AbortController();
  let triageSignal: AbortSignal | undefined;
  let answerSignal: AbortSignal | undefined;
  const { text } = scripted((req) => {
    triageSignal = req.signal;
    return hangUntilAborted(req.signal);
  });
  const turn = turnWithTriage(calmMessage, { text, timeoutMs: 60_000, signal: job.signal }, (signal) => {
    answerSignal = signal;
    return hangUntilAborted(signal);
  });
  // Wait until both requests are in flight, then cancel.
  while (!triageSignal || !answerSignal) await new Promise((r) => setImmediate(r));
  job.abort();
  await assert.rejects(turn, /aborted/);
  assert.equal(triageSignal.aborted, true);
  assert.equal(answerSignal.aborted, true);
});

test('the model sees the turns just before the message it judges, the last ones only', async () => {
  const { text, requests } = scripted(() => ({ urgent: false, category: 'none' }));
  const history = Array.from({ length: 6 }, (_, i) => ({ role: (i % 2 ? 'assistant' : 'user') as 'user' | 'assistant', content: `turno ${i}` }));
  await turnWithTriage('e agora, o que eu faço?', { text, timeoutMs: 5000, signal: new AbortController().signal, history }, async () => 'resposta');
  assert.deepEqual(
    requests[0]!.messages!.map((m) => m.content),
    ['turno 2', 'turno 3', 'turno 4', 'turno 5', 'e agora, o que eu faço?'],
  );
});
