// Shared k6 helpers: tokens, inputs of the realistic mix, and the gateway calls.
// Environment:
//   BASE_URL      where /functions/v1/<name> lives (a Supabase project URL, or a local daemon with SERVE_FUNCTIONS=true)
//   JWT           a user access token to use for every VU, or
//   JWT_SECRET    the project's HS256 secret, to sign one token per VU (with SUPABASE_URL for the issuer;
//                 sub = a fresh UUID per VU, so the per-user rate limit applies per VU as for real users)
//   SUPABASE_URL  issuer base (default BASE_URL)
//   ANON_KEY      sent as `apikey` when set (the Supabase API gateway wants it)
import crypto from 'k6/crypto';
import encoding from 'k6/encoding';
import http from 'k6/http';

export const BASE_URL = (__ENV.BASE_URL || 'http://127.0.0.1:8080').replace(/\/$/, '');
const SUPABASE_URL = (__ENV.SUPABASE_URL || BASE_URL).replace(/\/$/, '');

function uuid4() {
  const b = new Uint8Array(crypto.randomBytes(16));
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/** HS256 token shaped like Supabase Auth's (aud authenticated, iss <SUPABASE_URL>/auth/v1, 2 h). */
export function signToken(secret, sub) {
  const now = Math.floor(Date.now() / 1000);
  const enc = (o) => encoding.b64encode(JSON.stringify(o), 'rawurl');
  const head = enc({ alg: 'HS256', typ: 'JWT' });
  const body = enc({ sub, role: 'authenticated', aud: 'authenticated', iss: `${SUPABASE_URL}/auth/v1`, iat: now, exp: now + 7200 });
  const sig = encoding.b64encode(crypto.hmac('sha256', secret, `${head}.${body}`, 'binary'), 'rawurl');
  return `${head}.${body}.${sig}`;
}

let vuToken;
/** One token per VU, made once. */
export function token() {
  if (vuToken) return vuToken;
  if (__ENV.JWT) vuToken = __ENV.JWT;
  else if (__ENV.JWT_SECRET) vuToken = signToken(__ENV.JWT_SECRET, uuid4());
  else throw new Error('set JWT (a user access token) or JWT_SECRET (to sign one per VU)');
  return vuToken;
}

function headers() {
  const h = { Authorization: `Bearer ${token()}`, 'Content-Type': 'application/json' };
  if (__ENV.ANON_KEY) h.apikey = __ENV.ANON_KEY;
  return h;
}

// A valid 64×48 PNG (a plate, drawn by scripts/demo/png.ts) with a per-request tEXt chunk: unique
// bytes, so nothing comes from the cache, and still an image a real YOLO server decodes.
const PNG_HEAD = 'iVBORw0KGgoAAAANSUhEUgAAAEAAAAAwCAIAAAAuKetI';
const PNG_TAIL =
  'AAABE0lEQVR4nO3asRWCMBSFYXZhjUxi4Qgs4hzM5BA2NjRUFpaJIbnv3gcxOee1wP8dETmJ0+Memp7p9IIBYJ9x2975uSjgsFskIQCAdCLDCjDW2w04IN+07694FAwQUNVdLnECWNIPGXIAJf07S5iXMBsNdQB6vd1gAlDqkwYJgFWfBMCGUoC6Hjb0AfCpxwz9AaT1sYEA0D06KR9CZwCH+tq7aAAE9ULAc73VDlB/LQBmGIB/Bfh8DbQ/ZO0B/B9E8rdRKcDjdbo9gNGgq+8JYDHo6q3rQkQAVk9YmaMA4tOqAJhBV89cnQYAyfPUxpD3BwoBvw4HSlQ7NElA/hAso+M9MpbBePWxT1wv4V5u/Ffi7PkALxd5+C8V1MQAAAAASUVORK5CYII=';
const CRC = (() => {
  const t = [];
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t.push(c >>> 0);
  }
  return t;
})();

function png(salt) {
  const text = `Comment\0load-${salt}`;
  const typeAndData = [...'tEXt', ...text].map((ch) => ch.charCodeAt(0));
  let c = 0xffffffff;
  for (const b of typeAndData) c = CRC[(c ^ b) & 0xff] ^ (c >>> 8);
  c = (c ^ 0xffffffff) >>> 0;
  const be = (v) => [(v >>> 24) & 0xff, (v >>> 16) & 0xff, (v >>> 8) & 0xff, v & 0xff];
  const chunk = new Uint8Array([...be(text.length), ...typeAndData, ...be(c)]);
  const head = new Uint8Array(encoding.b64decode(PNG_HEAD, 'std'));
  const tail = new Uint8Array(encoding.b64decode(PNG_TAIL, 'std'));
  const out = new Uint8Array(head.length + chunk.length + tail.length);
  out.set(head, 0);
  out.set(chunk, head.length);
  out.set(tail, head.length + chunk.length);
  return encoding.b64encode(out.buffer, 'std');
}

const MIX = [
  ['sofia_image', 0.35],
  ['medical_exam', 0.15],
  ['unified_assistant', 0.25],
  ['meal_plan', 0.15],
  ['whatsapp_message', 0.1],
];

export function pickType() {
  const u = Math.random();
  let acc = 0;
  for (const [t, share] of MIX) {
    acc += share;
    if (u < acc) return t;
  }
  return 'unified_assistant';
}

export function inputFor(type, n) {
  switch (type) {
    case 'sofia_image':
      return { image_base64: png(n), meal_type: 'almoco' };
    case 'medical_exam':
      return {
        text: `EXAME   RESULTADO   VALOR DE REFERÊNCIA\nGLICOSE   ${70 + (n % 80)} mg/dL   70 a 99 mg/dL\nCOLESTEROL TOTAL   ${150 + (n % 120)} mg/dL   Inferior a 190 mg/dL\nPedido ${n}\n`,
      };
    case 'unified_assistant':
      return { messages: [{ role: 'user', content: `Como posso melhorar meu café da manhã? (${n})` }] };
    case 'meal_plan':
      return { kcal_target: 1200 + (n % 1800), meals_per_day: 3 + (n % 4), days: 1 };
    default:
      return { from: `5511${String(900000000 + (n % 99999999)).slice(0, 9)}`, text: `Monte um cardápio de ${1300 + (n % 1500)} kcal para 1 dia` };
  }
}

export function enqueue(type, input, tags) {
  return http.post(`${BASE_URL}/functions/v1/enqueue-analysis`, JSON.stringify({ type, input }), {
    headers: headers(),
    tags: { name: 'enqueue-analysis', ...tags },
  });
}

export function status(jobId, tags) {
  return http.get(`${BASE_URL}/functions/v1/get-analysis-status?job_id=${jobId}`, { headers: headers(), tags: { name: 'get-analysis-status', ...tags } });
}

export function uniqueN() {
  return Number(`${__VU}${__ITER}${Date.now() % 1e6}`) % 2147483647;
}
