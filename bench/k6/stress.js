// k6 version of bench/stress.ts: the arrival rate of enqueue-analysis steps up (default 5, 10, 20,
// 40, 80 jobs/s, 30 s each; open model — arrivals do not wait for answers). Each arrival then
// follows its job (every 1 s, up to 60 s) so the end-to-end trend per step is measured from outside;
// against production, watch /health/detailed (queue depth, providers.gemini.rateLimit.waiting) and
// /metrics at the same time to see what saturates first.
//   k6 run -e BASE_URL=… -e JWT_SECRET=… [-e STEPS=5,10,20,40,80] [-e STEP_S=30] bench/k6/stress.js
// Each step is tagged (step:<rate>), so k6's summary and outputs split e2e_seconds per step. k6 aborts
// the run when p95 passes 20 s or enqueue errors pass 1 %.
import { check, sleep } from 'k6';
import { Rate, Trend } from 'k6/metrics';
import { enqueue, inputFor, pickType, status, uniqueN } from './lib.js';

const STEPS = (__ENV.STEPS || '5,10,20,40,80').split(',').map(Number);
const STEP_S = Number(__ENV.STEP_S || 30);
const e2e = new Trend('e2e_seconds');
const timeouts = new Rate('job_timeouts');

const scenarios = {};
STEPS.forEach((rate, i) => {
  scenarios[`step_${rate}`] = {
    executor: 'constant-arrival-rate',
    rate,
    timeUnit: '1s',
    duration: `${STEP_S}s`,
    startTime: `${i * STEP_S}s`,
    // Every arrival may hold a VU for up to 60 s while it follows its job.
    preAllocatedVUs: Math.min(2000, rate * 20),
    maxVUs: Math.min(5000, rate * 70),
    tags: { step: String(rate) },
  };
});

export const options = {
  scenarios,
  thresholds: {
    e2e_seconds: [{ threshold: 'p(95)<20', abortOnFail: true, delayAbortEval: '30s' }],
    'http_req_failed{name:enqueue-analysis}': [{ threshold: 'rate<0.01', abortOnFail: true, delayAbortEval: '10s' }],
    job_timeouts: ['rate<0.001'],
  },
};

export default function () {
  const type = pickType();
  const start = Date.now();
  const r = enqueue(type, inputFor(type, uniqueN()), { type });
  if (!check(r, { 'enqueued (202)': (x) => x.status === 202 })) return;
  const jobId = r.json('job_id');
  while ((Date.now() - start) / 1000 < 60) {
    sleep(1);
    const s = status(jobId, { type });
    if (s.status !== 200) continue;
    const state = s.json('status');
    if (state === 'completed' || state === 'failed' || state === 'cancelled') {
      e2e.add((Date.now() - start) / 1000, { type });
      timeouts.add(false);
      return;
    }
  }
  timeouts.add(true);
}
