// The held jobs' map (src/worker/tracked.ts): every state change goes through one function, the
// counts the claimer and the metrics read follow the states, and a move the diagram does not have throws.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { ClaimedJob } from '../../src/queue/jobs.ts';
import { InvalidTransitionError, TrackedJobs, type JobState } from '../../src/worker/tracked.ts';

let n = 0;
function job(type = 'healthcheck', id = `job-${++n}`): ClaimedJob {
  return {
    id,
    user_id: 'u',
    type,
    priority: 0,
    input: {},
    attempts: 1,
    max_attempts: 3,
    lease_token: `lease-${++n}`,
    pickup_ms: 0,
    queued_ms: 0,
    cancel_requested: false,
    delivery: null,
    locked_by: 'w1',
  };
}

const counts = (t: TrackedJobs) => ({ executing: t.executing, queued: t.queued, unsettled: t.unsettled, abandoned: t.abandoned, size: t.size });

test('a job that runs and settles: the counts follow each state', () => {
  const t = new TrackedJobs();
  const a = t.add(job('meal_plan'), 0, undefined);
  assert.equal(a.state, 'queued');
  assert.deepEqual(counts(t), { executing: 0, queued: 1, unsettled: 0, abandoned: 0, size: 1 });
  assert.equal(t.ofType('meal_plan'), 1, 'a claimed-ahead job holds room under its type cap');
  t.move(a, 'running');
  assert.deepEqual(counts(t), { executing: 1, queued: 0, unsettled: 1, abandoned: 0, size: 1 });
  t.move(a, 'settling');
  assert.deepEqual(counts(t), { executing: 0, queued: 0, unsettled: 1, abandoned: 0, size: 1 });
  assert.equal(t.ofType('meal_plan'), 0, 'a settle on its way holds no slot and no type room');
  t.settled(a);
  assert.deepEqual(counts(t), { executing: 0, queued: 0, unsettled: 0, abandoned: 0, size: 0 });
  assert.equal(t.has(a), false);
});

test('an abandoned handler keeps its slot and type room after its settle is written, until it returns', () => {
  const t = new TrackedJobs();
  const a = t.add(job('meal_plan'), 0, undefined);
  t.move(a, 'running');
  t.move(a, 'abandoned');
  assert.deepEqual(counts(t), { executing: 1, queued: 0, unsettled: 1, abandoned: 1, size: 1 });
  t.settled(a);
  assert.deepEqual(counts(t), { executing: 1, queued: 0, unsettled: 0, abandoned: 1, size: 1 });
  assert.equal(t.ofType('meal_plan'), 1);
  t.handlerReturned(a);
  assert.deepEqual(counts(t), { executing: 0, queued: 0, unsettled: 0, abandoned: 0, size: 0 });
  assert.equal(t.ofType('meal_plan'), 0);
});

test('an abandoned handler that returns before its settle is written waits for it as settling', () => {
  const t = new TrackedJobs();
  const a = t.add(job(), 0, undefined);
  t.move(a, 'running');
  t.move(a, 'abandoned');
  t.handlerReturned(a);
  assert.equal(a.state, 'settling');
  assert.deepEqual(counts(t), { executing: 0, queued: 0, unsettled: 1, abandoned: 0, size: 1 });
  t.settled(a);
  assert.equal(t.size, 0);
});

test('a retry claimed while its abandoned predecessor still runs waits for it; other queued jobs start first', () => {
  const t = new TrackedJobs();
  const first = t.add(job('healthcheck', 'same'), 0, undefined);
  t.move(first, 'running');
  t.move(first, 'abandoned');
  t.settled(first);
  const retry = t.add(job('healthcheck', 'same'), 1, undefined);
  const other = t.add(job(), 1, undefined);
  assert.equal(t.nextToStart(), other);
  assert.equal(t.live('same'), retry, 'a cancel for the job reaches the live attempt, not the abandoned one');
  t.move(other, 'running');
  assert.equal(t.nextToStart(), undefined);
  t.handlerReturned(first);
  assert.equal(t.nextToStart(), retry);
});

test('queued jobs start in claim order; one cancelled while waiting is acknowledged without running', () => {
  const t = new TrackedJobs();
  const [a, b, c] = [t.add(job(), 0, undefined), t.add(job(), 0, undefined), t.add(job(), 0, undefined)];
  assert.equal(t.nextToStart(), a);
  t.move(b, 'settling');
  t.move(a, 'running');
  assert.equal(t.nextToStart(), c);
  assert.equal(t.executing, 1);
  assert.equal(t.unsettled, 2);
});

test('every move the diagram does not have throws, and leaves the job where it was', () => {
  const allowed: Record<JobState, Array<JobState | 'gone'>> = {
    queued: ['running', 'settling', 'gone'],
    running: ['settling', 'abandoned'],
    settling: ['gone'],
    abandoned: ['settling', 'gone'],
  };
  const reach: Record<JobState, JobState[]> = { queued: [], running: ['running'], settling: ['running', 'settling'], abandoned: ['running', 'abandoned'] };
  for (const from of Object.keys(allowed) as JobState[]) {
    for (const to of ['queued', 'running', 'settling', 'abandoned', 'gone'] as const) {
      const t = new TrackedJobs();
      const a = t.add(job(), 0, undefined);
      for (const s of reach[from]) t.move(a, s);
      assert.equal(a.state, from);
      if (allowed[from].includes(to)) {
        t.move(a, to);
        assert.equal(to === 'gone' ? t.has(a) : a.state === to, to !== 'gone');
      } else {
        assert.throws(() => t.move(a, to), InvalidTransitionError, `${from} → ${to}`);
        assert.equal(a.state, from);
        assert.equal(t.size, 1);
      }
    }
  }
});

test('a job no longer held cannot move, settle twice, or be added twice', () => {
  const t = new TrackedJobs();
  const j = job();
  const a = t.add(j, 0, undefined);
  assert.throws(() => t.add(j, 0, undefined), InvalidTransitionError);
  t.move(a, 'gone');
  assert.throws(() => t.move(a, 'running'), InvalidTransitionError);
  const b = t.add(job(), 0, undefined);
  t.move(b, 'running');
  assert.throws(() => t.settled(b), InvalidTransitionError, 'a running job has no settle to finish');
  t.move(b, 'abandoned');
  t.settled(b);
  assert.throws(() => t.settled(b), InvalidTransitionError);
});

test('waiting for settles: resolves when the last unsettled job settles, not for queued ones', async () => {
  const t = new TrackedJobs();
  t.add(job(), 0, undefined);
  await t.whenUnsettledNone();
  const a = t.add(job(), 0, undefined);
  t.move(a, 'running');
  let done = false;
  const waiting = t.whenUnsettledNone().then(() => (done = true));
  t.move(a, 'settling');
  await Promise.resolve();
  assert.equal(done, false);
  t.settled(a);
  await waiting;
  assert.equal(done, true);
});
