// What a job's owner reads in its error: a code and a Portuguese message, never a provider's answer,
// a host name or a worker id (those go to the logs through the job events).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { PermanentError, RetryAfterError, TransientError, toUserError, USER_MESSAGES } from '../src/errors.ts';
import type { JobHandler } from '../src/handlers/types.ts';
import { useFreshDatabase } from './support/database.ts';
import { startTestDaemon } from './support/daemon.ts';
import { runJob } from './support/emulators.ts';

const db = useFreshDatabase('user_errors');

test('toUserError: catalogue messages for provider-made errors, our own userMessage kept, fields kept', () => {
  const leak = new TransientError(
    'no_detector',
    'nenhum detector (yolo, gemini): yolo: connect ECONNREFUSED 10.0.3.7:8000; gemini: 503 from generativelanguage.googleapis.com',
  );
  const u = toUserError(leak);
  assert.equal(u.code, 'no_detector');
  assert.ok(!/ECONNREFUSED|10\.0\.3\.7|googleapis|yolo|gemini/.test(u.message), u.message);
  const ours = new PermanentError('pdf_no_text', 'the PDF has no selectable text', { userMessage: 'o PDF não tem texto selecionável' });
  assert.equal(toUserError(ours).message, 'o PDF não tem texto selecionável');
  assert.deepEqual(toUserError(new PermanentError('invalid_input', 'invalid meal_plan input: input.days must be…', { fields: ['input.days'] })), {
    code: 'invalid_input',
    message: 'os dados enviados não são válidos; confira os campos indicados',
    fields: ['input.days'],
  });
  assert.match(
    toUserError(new TransientError('handler_error', 'TypeError: cannot read x of undefined at /srv/app/src/x.ts:10')).message,
    /^não foi possível concluir/,
  );
});

test("through the worker: a handler's error with a host in it is stored as code + Portuguese message; the log event keeps the detail", async () => {
  const leaky: JobHandler = {
    type: 'meal_plan',
    version: '1',
    run: async () => {
      throw new TransientError('providers_unavailable', 'ollama at http://10.0.0.5:11434 refused; worker vps-1:4242 gave up');
    },
  };
  const d = await startTestDaemon(db.url, {}, { handlers: [leaky] });
  try {
    const detail: string[] = [];
    d.events.on('job:failed', (e) => detail.push(e.error.message));
    const { how, row } = await runJob(d, db.pool, 'meal_plan', {}, { maxAttempts: 1 });
    assert.equal(how, 'failed');
    assert.equal(row.error.code, 'providers_unavailable');
    assert.ok(!/10\.0\.0\.5|ollama|vps-1|refused/.test(row.error.message), row.error.message);
    assert.match(row.error.message, /indisponíveis/);
    assert.match(detail[0]!, /10\.0\.0\.5/, 'operators still see the detail in the logs');
  } finally {
    await d.stop();
  }
});

test('an outage that runs out of snoozes stores the Portuguese text too, not the operator detail', async () => {
  const open: JobHandler = {
    type: 'meal_plan',
    version: '1',
    run: async () => {
      throw new RetryAfterError('providers_circuit_open', 'every provider circuit is open (gemini at 10.0.0.5:443)', 50);
    },
  };
  const d = await startTestDaemon(db.url, { WORKER_MAX_SNOOZES: '0' }, { handlers: [open] });
  try {
    const { how, row } = await runJob(d, db.pool, 'meal_plan', {}, { maxAttempts: 1 });
    assert.equal(how, 'failed');
    assert.equal(row.error.code, 'providers_circuit_open');
    assert.equal(row.error.message, USER_MESSAGES.providers_circuit_open);
  } finally {
    await d.stop();
  }
});
