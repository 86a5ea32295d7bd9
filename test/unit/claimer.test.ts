// The claimer's named states (src/worker/claimer.ts), driven by hand: the claim is a promise the test
// settles, the timers are a list the test fires, the slots are counts the test sets. No database.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ClaimedJob } from '../../src/queue/jobs.ts';
import { CLAIM_RETRY_MS, Claimer, CONTENDED_RECLAIM_MS, type ClaimerDeps, type Timers } from '../../src/worker/claimer.ts';

/** Every microtask the claimer queued has run (one turn of the event loop; no wall-clock wait). */
const turn = () => new Promise<void>((r) => setImmediate(r));

interface Claim {
  limit: number;
  rules: { exclude: string[]; rooms: ReadonlyMap<string, number> };
  /** `contended`: fewer than asked although more were eligible (another daemon's claim held them). */
  resolve: (jobs: ClaimedJob[], contended?: boolean) => void;
  reject: (err: unknown) => void;
}

function jobs(n: number, type = 'healthcheck'): ClaimedJob[] {
  return Array.from({ length: n }, (_, i) => ({ id: `j${i}`, type }) as ClaimedJob);
}

function harness(over: Partial<ClaimerDeps> = {}) {
  const claims: Claim[] = [];
  const timers: Array<{ fn: () => void; ms: number; cleared: boolean }> = [];
  const fakeTimers: Timers = {
    set: (fn, ms) => {
      const t = { fn, ms, cleared: false };
      timers.push(t);
      return t;
    },
    clear: (h) => {
      if (h) (h as { cleared: boolean }).cleared = true;
    },
  };
  let clock = 1_000_000;
  const occupancy = { executing: 0, queued: 0, unsettled: 0, perType: new Map<string, number>(), ofType: (t: string) => occupancy.perType.get(t) ?? 0 };
  const accepted: ClaimedJob[][] = [];
  const handedBack: ClaimedJob[][] = [];
  const errors: unknown[] = [];
  const concurrency = over.concurrency ?? 2;
  const claimer = new Claimer({
    concurrency,
    typeCaps: {},
    occupancy,
    claim: (limit, rules) =>
      new Promise((resolve, reject) => claims.push({ limit, rules, resolve: (js, contended = false) => resolve({ jobs: js, contended }), reject })),
    accept: (js) => {
      accepted.push(js);
      occupancy.queued += js.length;
    },
    handBack: async (js) => void handedBack.push(js),
    // Whatever is queued starts while slots are free; a started job holds its slot until the test frees it.
    startQueued: () => {
      while (occupancy.queued > 0 && occupancy.executing < concurrency) {
        occupancy.queued--;
        occupancy.executing++;
        occupancy.unsettled++;
      }
    },
    onError: (err) => void errors.push(err),
    now: () => clock,
    timers: fakeTimers,
    ...over,
  });
  const live = () => timers.filter((t) => !t.cleared);
  const fire = (t: { fn: () => void; cleared: boolean }) => {
    t.cleared = true;
    t.fn();
  };
  /** A handler ends and its settle is written. */
  const finish = (type = 'healthcheck') => {
    occupancy.executing--;
    occupancy.unsettled--;
    claimer.slotFreed(type);
  };
  return { claimer, claims, live, fire, occupancy, accepted, handedBack, errors, finish, advance: (ms: number) => (clock += ms) };
}

test('idle → claiming on a poke → idle when the claim found fewer jobs than the free slots', async () => {
  const h = harness();
  assert.equal(h.claimer.state, 'idle');
  h.claimer.poke();
  assert.equal(h.claimer.state, 'claiming');
  assert.equal(h.claims.length, 1);
  assert.equal(h.claims[0]!.limit, 2, 'no claim-ahead before a handler duration is measured');
  h.claims[0]!.resolve(jobs(1));
  await turn();
  assert.equal(h.claimer.state, 'idle');
  assert.equal(h.occupancy.executing, 1);
  assert.equal(h.claims.length, 1, 'nothing more is claimed until something pokes');
});

test("a claim that met another daemon's claim on its rows claims again shortly, not at once, instead of going idle", async () => {
  const h = harness();
  h.claimer.poke();
  // Nothing claimed, but eligible rows were there: a neighbour's claim held them locked.
  h.claims[0]!.resolve([], true);
  await turn();
  assert.equal(h.claimer.state, 'idle');
  assert.equal(h.claims.length, 1, 'not at once: it would meet the same locks');
  const wake = h.live();
  assert.equal(wake.length, 1, 'one wake-up');
  assert.ok(wake[0]!.ms >= CONTENDED_RECLAIM_MS && wake[0]!.ms < 1_000, `re-claim after ${wake[0]!.ms} ms`);
  h.advance(wake[0]!.ms);
  h.fire(wake[0]!);
  assert.equal(h.claims.length, 2, 'the wake-up claims again');
  h.claims[1]!.resolve(jobs(1));
  await turn();
  assert.equal(h.claimer.state, 'idle');
  assert.equal(h.live().length, 0, 'an uncontended short claim schedules nothing');
});

test('a full claim means more may wait: waiting_for_slot until a handler ends, then claiming again', async () => {
  const h = harness();
  h.claimer.poke();
  h.claims[0]!.resolve(jobs(2));
  await turn();
  assert.equal(h.claimer.state, 'waiting_for_slot');
  assert.equal(h.claims.length, 1);
  h.finish();
  assert.equal(h.claimer.state, 'claiming');
  assert.equal(h.claims[1]!.limit, 1);
  h.claims[1]!.resolve([]);
  await turn();
  assert.equal(h.claimer.state, 'idle');
});

test('one claim at a time: a poke during a claim claims again after it, even when the first found little', async () => {
  const h = harness();
  h.claimer.poke();
  h.claimer.poke();
  assert.equal(h.claims.length, 1);
  h.claims[0]!.resolve([]);
  await turn();
  assert.equal(h.claims.length, 2, 'the notification may name a row the first claim could not see');
  assert.equal(h.claimer.state, 'claiming');
  h.claims[1]!.resolve([]);
  await turn();
  assert.equal(h.claimer.state, 'idle');
});

test('a failed claim: backing_off, retried after CLAIM_RETRY_MS, or at once when something pokes first', async () => {
  const h = harness();
  h.claimer.poke();
  h.claims[0]!.reject(new Error('connection terminated'));
  await turn();
  assert.equal(h.claimer.state, 'backing_off');
  assert.equal(h.errors.length, 1);
  const [backoff] = h.live();
  assert.equal(backoff?.ms, CLAIM_RETRY_MS);
  h.fire(backoff!);
  assert.equal(h.claimer.state, 'claiming');
  h.claims[1]!.reject(new Error('still away'));
  await turn();
  assert.equal(h.claimer.state, 'backing_off');
  // The listener reconnects before the retry is due: claim now, and drop the pending retry.
  h.claimer.poke();
  assert.equal(h.claimer.state, 'claiming');
  assert.equal(h.live().length, 0);
  h.claims[2]!.resolve([]);
  await turn();
  assert.equal(h.claimer.state, 'idle');
});

test('stopped: a claim in flight is handed back, not started; pokes and wake-ups do nothing', async () => {
  const h = harness();
  h.claimer.poke();
  h.claimer.wakeIn(500);
  h.claimer.stop();
  assert.equal(h.claimer.state, 'stopped');
  assert.equal(h.live().length, 0, 'every wake-up is cleared');
  h.claims[0]!.resolve(jobs(2));
  await turn();
  assert.equal(h.handedBack.length, 1);
  assert.equal(h.accepted.length, 0);
  h.claimer.poke();
  h.claimer.wakeIn(100);
  assert.equal(h.claims.length, 1);
  assert.equal(h.live().length, 0);
  assert.equal(h.claimer.state, 'stopped');
});

test('every wake-up is kept, one timer per 20 ms bucket; each pokes a claim', async () => {
  const h = harness();
  h.claimer.wakeIn(201);
  h.claimer.wakeIn(205);
  h.claimer.wakeIn(1200);
  assert.equal(h.live().length, 2, 'two retries in one bucket share a timer; a later one keeps its own');
  const [early, late] = h.live();
  h.fire(early!);
  assert.equal(h.claims.length, 1);
  h.claims[0]!.resolve([]);
  await turn();
  h.fire(late!);
  assert.equal(h.claims.length, 2);
});

test('per-type caps and paused types shape the claim; a pause ends at its time', async () => {
  const h = harness({ typeCaps: { meal_plan: 2, sofia_image: 1 } });
  h.occupancy.perType.set('meal_plan', 1);
  h.occupancy.perType.set('sofia_image', 1);
  h.claimer.pause('whatsapp_message', 1_000_000 + 5_000);
  h.claimer.poke();
  assert.deepEqual(h.claims[0]!.rules.exclude, ['whatsapp_message']);
  assert.deepEqual(
    [...h.claims[0]!.rules.rooms],
    [
      ['meal_plan', 1],
      ['sofia_image', 0],
    ],
  );
  h.claims[0]!.resolve([]);
  await turn();
  h.advance(5_001);
  h.claimer.poke();
  assert.deepEqual(h.claims[1]!.rules.exclude, [], 'the provider chain is probed again: the type is claimable');
  h.claims[1]!.resolve([]);
  await turn();
});

test('a capped type that frees room claims again even when the last claim was short', async () => {
  const h = harness({ typeCaps: { meal_plan: 1 } });
  h.claimer.poke();
  h.claims[0]!.resolve(jobs(1, 'meal_plan'));
  await turn();
  assert.equal(h.claimer.state, 'idle');
  h.finish('healthcheck');
  assert.equal(h.claims.length, 1, 'an uncapped slot freeing after a short claim does not claim');
  h.occupancy.executing++;
  h.occupancy.unsettled++;
  h.finish('meal_plan');
  assert.equal(h.claims.length, 2, 'jobs of the capped type may have been left behind by its cap');
  h.claims[1]!.resolve([]);
  await turn();
});

test('claim-ahead: sized from the measured duration of successful handlers, forgotten when it held a job too long', async () => {
  const h = harness({ concurrency: 10 });
  assert.equal(h.claimer.lookahead(), 0);
  h.claimer.measured(1);
  // 10 slots × a 10 ms horizon / 1 ms per job.
  assert.equal(h.claimer.lookahead(), 100);
  assert.equal(h.claimer.freeSlots(), 110);
  h.occupancy.queued = 51;
  assert.equal(h.claimer.freeSlots(), 0, 'no claim while more than half of what was claimed ahead waits');
  h.occupancy.queued = 0;
  h.claimer.measured(1);
  h.claimer.measured(11);
  assert.equal(h.claimer.lookahead(), 33, 'a moving average: 0.8 × 1 + 0.2 × 11 = 3 ms');
  h.claimer.forgetMeasure();
  assert.equal(h.claimer.lookahead(), 0);
  assert.equal(h.claimer.freeSlots(), 10);
  h.claimer.measured(0.001);
  assert.equal(h.claimer.lookahead(), 1000, 'bounded: 100 per slot, 1,000 in all');
});
