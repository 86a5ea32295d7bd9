import assert from 'node:assert/strict';
import { after, before, beforeEach, test } from 'node:test';
import * as yoloEmu from '../../src/dev/emulators/yolo.ts';
import { resilientCall } from '../../src/providers/call.ts';
import { YoloClient, parseDetections } from '../../src/providers/yolo.ts';
import { harness, isJobError, pngOfSize } from '../support/providers.ts';

let emu: yoloEmu.YoloEmulator;
before(async () => {
  emu = await yoloEmu.start();
});
after(async () => {
  await emu.close();
});
beforeEach(async () => {
  await emu.setKnobs({ failure: 'none', failFirst: undefined, down: false, shape: 'bare', apiKey: undefined });
  emu.resetStats();
});

const image = { data: pngOfSize(1024, 768, 7), mimeType: 'image/png' };

function detect(h: ReturnType<typeof harness>, client = new YoloClient({ url: `${emu.url}/detect` }), timeoutMs = 5_000) {
  return resilientCall(h.deps, { provider: 'yolo', model: 'yolo', timeoutMs }, (s) => client.detect(image, s));
}

test('detections of foods with boxes inside the image, the same for the same image', async () => {
  const h = harness('yolo');
  const d = await detect(h);
  assert.ok(d.length >= 1);
  for (const r of d) {
    assert.match(r.name, /^(arroz|feijão|frango|salada|banana|carne bovina|ovo|batata|macarrão|tomate)$/);
    assert.ok(r.confidence >= 0.25 && r.confidence <= 1);
    assert.ok(r.box.x1 >= 0 && r.box.x2 <= 1024 && r.box.x1 < r.box.x2);
    assert.ok(r.box.y1 >= 0 && r.box.y2 <= 768 && r.box.y1 < r.box.y2);
  }
  assert.deepEqual(await detect(h), d);
  assert.equal(emu.stats.byEndpoint['POST /detect'], 2);
});

test('the wrapped {images:[{results}]} shape reads the same as the bare list', async () => {
  const h = harness('yolo');
  const bare = await detect(h);
  await emu.setKnobs({ shape: 'wrapped' });
  assert.deepEqual(await detect(h), bare);
  assert.throws(() => parseDetections({ foo: 1 }), /neither/);
});

test('YOLO_API_KEY is sent as a bearer token; without it a 401 is permanent', async () => {
  await emu.setKnobs({ apiKey: 'yolo-secret' });
  const h = harness('yolo', { retries: 2 });
  await assert.rejects(detect(h), isJobError('unauthorized', 'permanent'));
  assert.equal(emu.stats.byEndpoint['POST /detect'], 1, 'not retried');
  const d = await detect(h, new YoloClient({ url: `${emu.url}/detect`, apiKey: 'yolo-secret' }));
  assert.ok(d.length >= 1);
});

test('5xx is retried until success', async () => {
  await emu.setKnobs({ failure: '503', failFirst: 2 });
  const h = harness('yolo', { retries: 2 });
  assert.ok((await detect(h)).length >= 1);
  assert.equal(emu.stats.byEndpoint['POST /detect'], 3);
});

test('network errors (connection reset) are retried', async () => {
  await emu.setKnobs({ failure: 'reset', failFirst: 1 });
  const h = harness('yolo', { retries: 1 });
  assert.ok((await detect(h)).length >= 1);
  assert.deepEqual(
    h.seen.map((e) => e.outcome),
    ['error', 'ok'],
  );
});

test('400 is not retried', async () => {
  await emu.setKnobs({ failure: '400' });
  const h = harness('yolo', { retries: 2 });
  await assert.rejects(detect(h), isJobError('bad_request', 'permanent'));
  assert.equal(emu.stats.byEndpoint['POST /detect'], 1);
});

test('a hanging detector is aborted at the call deadline', async () => {
  await emu.setKnobs({ failure: 'hang' });
  const h = harness('yolo', { retries: 0 });
  // The detector never answers: a rejection at all is the call's own deadline (the hang has no end).
  await assert.rejects(detect(h, undefined, 300), isJobError('timeout', 'transient'));
  assert.equal(h.seen[0]?.outcome, 'timeout');
});
