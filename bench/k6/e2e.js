// k6 version of bench/e2e.ts: VUS users (default 50), each ITERATIONS rounds (default 3) of
// enqueue-analysis (the realistic mix, unique inputs) → get-analysis-status every 500 ms until done.
//   k6 run -e BASE_URL=https://<project>.supabase.co -e ANON_KEY=… -e JWT_SECRET=… bench/k6/e2e.js
// (or -e JWT=<a user access token>; see lib.js). Thresholds are the plan's: p95 end to end < 20 s,
// timeouts (not done within 60 s) < 0.1 %.
import { check, sleep } from 'k6';
import { Counter, Rate, Trend } from 'k6/metrics';
import { enqueue, inputFor, pickType, status, uniqueN } from './lib.js';

const e2e = new Trend('e2e_seconds');
const timeouts = new Rate('job_timeouts');
const failed = new Counter('jobs_failed');
const TIMEOUT_S = 60;

export const options = {
  scenarios: {
    users: { executor: 'per-vu-iterations', vus: Number(__ENV.VUS || 50), iterations: Number(__ENV.ITERATIONS || 3), maxDuration: '10m' },
  },
  thresholds: {
    e2e_seconds: ['p(95)<20'],
    job_timeouts: ['rate<0.001'],
    'http_req_failed{name:enqueue-analysis}': ['rate<0.01'],
  },
};

export default function () {
  const type = pickType();
  const start = Date.now();
  const r = enqueue(type, inputFor(type, uniqueN()), { type });
  if (!check(r, { 'enqueued (202)': (x) => x.status === 202 })) return;
  const jobId = r.json('job_id');
  while ((Date.now() - start) / 1000 < TIMEOUT_S) {
    sleep(0.5);
    const s = status(jobId, { type });
    if (s.status !== 200) continue;
    const state = s.json('status');
    if (state === 'completed' || state === 'failed' || state === 'cancelled') {
      e2e.add((Date.now() - start) / 1000, { type });
      timeouts.add(false);
      if (state !== 'completed') failed.add(1, { type });
      return;
    }
  }
  timeouts.add(true);
}
