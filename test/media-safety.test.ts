// Media from users: URLs reach public addresses only (every redirect hop judged, the connection pinned
// to the judged address, an optional host allow-list), the user is told only `url_not_allowed`, and
// images declaring absurd dimensions never reach a model.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { assertImageDimensions, downloadImage } from '../src/handlers/shared/image.ts';
import { isBlockedAddress, type AddressPolicy } from '../src/net/public-address.ts';
import { useFreshDatabase } from './support/database.ts';
import { startTestDaemon } from './support/daemon.ts';
import { runJob, startEmulators, testPng, type TestEmulators } from './support/emulators.ts';

const db = useFreshDatabase('media_safety');
let emu: TestEmulators;
let server: Server;
let port: number;
let hits: string[] = [];
const PNG = testPng(640, 480, 7);

before(async () => {
  emu = await startEmulators();
  server = createServer((req, res) => {
    hits.push(req.url ?? '');
    if (req.url?.startsWith('/redirect?to=')) {
      res.writeHead(302, { location: decodeURIComponent(req.url.slice('/redirect?to='.length)) }).end();
      return;
    }
    if (req.url === '/meal.png') {
      res.writeHead(200, { 'content-type': 'image/png', 'content-length': PNG.length }).end(PNG);
      return;
    }
    res.writeHead(404).end('secret internal page');
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});

after(async () => {
  await emu?.close();
  await new Promise<void>((r) => {
    server.close(() => r());
    server.closeAllConnections();
  });
});

test('loopback, private, link-local, CGNAT, ULA, metadata and mapped forms are refused; public addresses are not', () => {
  const refused = [
    '127.0.0.1',
    '127.10.0.1',
    '0.0.0.0',
    '10.0.0.5',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.10',
    '100.64.0.1',
    '100.127.255.254',
    '169.254.169.254',
    '169.254.0.1',
    '224.0.0.1',
    '255.255.255.255',
    '198.18.0.1',
    '::1',
    '::',
    'fc00::1',
    'fd00:ec2::254',
    'fe80::1',
    'ff02::1',
    '::ffff:127.0.0.1',
    '::ffff:7f00:1',
    '::ffff:a9fe:a9fe',
    '64:ff9b::10.0.0.1',
    '2002:c0a8:0101::1',
    'not-an-ip',
  ];
  for (const a of refused) assert.equal(isBlockedAddress(a), true, a);
  const allowed = ['8.8.8.8', '1.1.1.1', '100.63.255.255', '100.128.0.1', '172.32.0.1', '2606:4700:4700::1111', '2a00:1450:4001::200e', '::ffff:8.8.8.8'];
  for (const a of allowed) assert.equal(isBlockedAddress(a), false, a);
});

const strict: AddressPolicy = { allowHosts: [], allowPrivate: false };
const signal = new AbortController().signal;

async function refusal(url: string, policy: AddressPolicy): Promise<{ code: string; message: string; kind: string; userMessage?: string }> {
  try {
    await downloadImage(url, { maxBytes: 1_000_000, allowHttp: true, signal, policy });
  } catch (err) {
    return err as { code: string; message: string; kind: string; userMessage?: string };
  }
  throw new Error(`${url} was fetched`);
}

test('a URL at a loopback address is refused before any connection, and the error says only url_not_allowed', async () => {
  hits = [];
  for (const url of [
    `http://127.0.0.1:${port}/meal.png`,
    `http://[::1]:${port}/meal.png`,
    `http://localhost:${port}/meal.png`,
    'http://169.254.169.254/latest/meta-data/',
  ]) {
    const e = await refusal(url, strict);
    assert.equal(e.code, 'url_not_allowed', url);
    assert.equal(e.kind, 'permanent');
    for (const text of [e.message, e.userMessage ?? '']) {
      assert.ok(!/127\.0\.0\.1|localhost|169\.254|::1|meta-data|internal/.test(text), `nothing about the target leaks: ${text}`);
    }
  }
  assert.deepEqual(hits, [], 'no request reached the server');
});

test('the resolved address is pinned: a name only the policy can resolve is fetched from the judged address', async () => {
  hits = [];
  const lookups: string[] = [];
  const policy: AddressPolicy = {
    allowHosts: [],
    allowPrivate: true,
    resolve: async (host) => {
      lookups.push(host);
      return [{ address: '127.0.0.1', family: 4 }];
    },
  };
  // `meals.invalid` does not exist in DNS: the download works only because the connection uses the
  // address the policy resolved, with no second lookup of its own.
  const got = await downloadImage(`http://meals.invalid:${port}/meal.png`, { maxBytes: 1_000_000, allowHttp: true, signal, policy });
  assert.equal(got.mime, 'image/png');
  assert.deepEqual(lookups, ['meals.invalid']);
  assert.deepEqual(hits, ['/meal.png']);
});

test('every redirect hop is judged: a hop to a host off the allow-list, or to a private address, is refused', async () => {
  hits = [];
  const resolve = async () => [{ address: '127.0.0.1', family: 4 }];
  const listed: AddressPolicy = { allowHosts: ['storage.test'], allowPrivate: true, resolve };
  const target = encodeURIComponent(`http://elsewhere.test:${port}/meal.png`);
  const e = await refusal(`http://storage.test:${port}/redirect?to=${target}`, listed);
  assert.equal(e.code, 'url_not_allowed');
  assert.equal(hits.length, 1, 'the first hop was fetched, the second never');
  // The allow-listed host itself still works.
  assert.equal(
    (await downloadImage(`http://storage.test:${port}/meal.png`, { maxBytes: 1_000_000, allowHttp: true, signal, policy: listed })).mime,
    'image/png',
  );

  // The private-address rule per hop: the loopback test server stands in for a public host (the
  // injected predicate blocks only 10.0.0.0/8 here), and the redirect points at a name resolving to 10.0.0.7.
  hits = [];
  const seen: string[] = [];
  const perHop: AddressPolicy = {
    allowHosts: [],
    allowPrivate: false,
    isBlocked: (a) => a.startsWith('10.'),
    resolve: async (host) => {
      seen.push(host);
      return [{ address: host === 'cdn.test' ? '127.0.0.1' : '10.0.0.7', family: 4 }];
    },
  };
  const inner = encodeURIComponent(`http://intranet.test:${port}/meal.png`);
  const hop = await refusal(`http://cdn.test:${port}/redirect?to=${inner}`, perHop);
  assert.equal(hop.code, 'url_not_allowed');
  assert.deepEqual(seen, ['cdn.test', 'intranet.test'], 'each hop resolved and judged');
  assert.equal(hits.length, 1, 'only the first hop was fetched');
});

test('a name resolving to a public and a private address is refused (no choosing the safe one)', async () => {
  const policy: AddressPolicy = {
    allowHosts: [],
    allowPrivate: false,
    resolve: async () => [
      { address: '8.8.8.8', family: 4 },
      { address: '10.1.1.1', family: 4 },
    ],
  };
  assert.equal((await refusal('https://mixed.test/x.png', policy)).code, 'url_not_allowed');
});

test('through the daemon: an image_url at a private address fails url_not_allowed, nothing is fetched, no model is asked', async () => {
  const d = await startTestDaemon(db.url, { ...emu.env, MEDIA_URL_ALLOW_PRIVATE: 'false' });
  try {
    hits = [];
    emu.resetStats();
    const { how, row } = await runJob(d, db.pool, 'sofia_image', { image_url: `http://127.0.0.1:${port}/meal.png` });
    assert.equal(how, 'failed');
    assert.equal(row.attempts, 1, 'permanent');
    assert.equal(row.error.code, 'url_not_allowed');
    assert.ok(!row.error.message.includes('127.0.0.1'));
    assert.deepEqual(hits, []);
    assert.equal(emu.inferenceCounts().yolo, 0);
  } finally {
    await d.stop();
  }
});

test('absurd image dimensions are refused before any model sees them (sofia_image and exam photos)', async () => {
  assert.throws(() => assertImageDimensions(testPng(100_000, 100_000), 50_000_000), { code: 'image_dimensions_too_large' });
  assert.throws(() => assertImageDimensions(testPng(40_000, 10), 50_000_000), { code: 'image_dimensions_too_large' }, 'one absurd side');
  assert.doesNotThrow(() => assertImageDimensions(testPng(4000, 3000), 50_000_000));
  const d = await startTestDaemon(db.url, emu.env);
  try {
    emu.resetStats();
    const bomb = testPng(100_000, 100_000, 3).toString('base64');
    const photo = await runJob(d, db.pool, 'sofia_image', { image_base64: bomb });
    assert.equal(photo.how, 'failed');
    assert.equal(photo.row.error.code, 'image_dimensions_too_large');
    assert.equal(photo.row.attempts, 1);
    const exam = await runJob(d, db.pool, 'medical_exam', { document_base64: bomb, mime: 'image/png' });
    assert.equal(exam.how, 'failed');
    assert.equal(exam.row.error.code, 'image_dimensions_too_large');
    assert.deepEqual(emu.inferenceCounts(), { yolo: 0, ollama: 0, gemini: 0, whatsapp: 0 }, 'no model saw them');
  } finally {
    await d.stop();
  }
});
