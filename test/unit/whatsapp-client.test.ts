import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import * as waEmu from '../../src/dev/emulators/whatsapp.ts';
import { resilientCall } from '../../src/providers/call.ts';
import { WhatsAppClient } from '../../src/providers/whatsapp.ts';
import { WA_PHONE, WA_TOKEN, harness, isJobError } from '../support/providers.ts';

let emu: waEmu.WhatsAppEmulator;
before(async () => {
  emu = await waEmu.start({ token: WA_TOKEN, phoneNumberId: WA_PHONE });
});
after(async () => {
  await emu.close();
});
beforeEach(async () => {
  await emu.setKnobs({ failure: 'none', failFirst: undefined });
  emu.resetStats();
  emu.sent.length = 0;
});

const EP = 'POST /{version}/{phone_number_id}/messages';

function send(h: ReturnType<typeof harness>, token = WA_TOKEN, body = 'Olá! Sua análise ficou pronta.') {
  const client = new WhatsAppClient({ apiUrl: `${emu.url}/v21.0`, token, phoneNumberId: WA_PHONE });
  return resilientCall(h.deps, { provider: 'whatsapp', model: 'cloud-api', timeoutMs: 5_000 }, (s) => client.sendText('+55 (11) 98888-7777', body, s));
}

test('sends a text and returns the wamid; the emulator records it', async () => {
  const h = harness('whatsapp');
  const { messageId } = await send(h);
  assert.match(messageId, /^wamid\./);
  assert.equal(emu.sent.length, 1);
  assert.deepEqual(
    { ...emu.sent[0], at: '' },
    { phoneNumberId: WA_PHONE, to: '5511988887777', type: 'text', body: 'Olá! Sua análise ficou pronta.', id: messageId, at: '' },
  );
});

test('a bad token is a permanent 401, not retried', async () => {
  const h = harness('whatsapp', { retries: 2 });
  await assert.rejects(send(h, 'nope'), isJobError('unauthorized', 'permanent'));
  assert.equal(emu.stats.byEndpoint[EP], 1);
  assert.equal(emu.sent.length, 0);
});

test('5xx and 429 are retried', async () => {
  await emu.setKnobs({ failure: '500', failFirst: 1 });
  const h = harness('whatsapp', { retries: 2 });
  await send(h);
  assert.equal(emu.stats.byEndpoint[EP], 2);
  await emu.setKnobs({ failure: '429', failFirst: 1, retryAfterSec: 0 });
  await send(h);
  assert.equal(emu.stats.byEndpoint[EP], 4);
  assert.equal(emu.sent.length, 2);
});

test('an empty body is a permanent 400', async () => {
  const h = harness('whatsapp', { retries: 2 });
  await assert.rejects(send(h, WA_TOKEN, ''), isJobError('bad_request', 'permanent'));
});
