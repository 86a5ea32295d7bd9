// k6 version of bench/gateway.ts: enqueue-analysis at a fixed RATE (default 100 req/s) for DURATION
// (default 60s); threshold p95 < 200 ms. Unique meal_plan inputs, so every request misses the cache
// and writes a job (run it against a project whose worker drains them, or clean up after).
//   k6 run -e BASE_URL=… -e JWT_SECRET=… [-e RATE=100] [-e DURATION=60s] bench/k6/gateway.js
// With one JWT (-e JWT=…) every VU is the same user: raise GATEWAY_RATE_LIMIT_PER_MINUTE or use
// JWT_SECRET so each VU signs its own.
import { check } from 'k6';
import { enqueue, uniqueN } from './lib.js';

const RATE = Number(__ENV.RATE || 100);

export const options = {
  scenarios: {
    fixed: {
      executor: 'constant-arrival-rate',
      rate: RATE,
      timeUnit: '1s',
      duration: __ENV.DURATION || '60s',
      preAllocatedVUs: Math.max(20, RATE),
      maxVUs: RATE * 4,
    },
  },
  thresholds: {
    'http_req_duration{name:enqueue-analysis}': ['p(95)<200'],
    'http_req_failed{name:enqueue-analysis}': ['rate<0.001'],
  },
};

export default function () {
  const n = uniqueN();
  const r = enqueue('meal_plan', { kcal_target: 1000 + (n % 4001), meals_per_day: 3 + (Math.floor(n / 4001) % 4), days: 1 + (Math.floor(n / 16004) % 14) });
  check(r, { 'enqueued (202)': (x) => x.status === 202 });
}
