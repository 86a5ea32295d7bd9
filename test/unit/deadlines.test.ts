// The worker's one timer for every running job's time limit (src/worker/deadlines.ts).
import assert from 'node:assert/strict';
import { mock, test, type TestContext } from 'node:test';
import { Deadlines } from '../../src/worker/deadlines.ts';

/** Mocked setTimeout, and a clock that moves with it (reset after the test). */
function clock(t: TestContext) {
  mock.timers.enable({ apis: ['setTimeout'] });
  t.after(() => mock.timers.reset());
  let now = 0;
  return {
    now: () => now,
    advance(ms: number) {
      now += ms;
      mock.timers.tick(ms);
    },
  };
}

test('each deadline expires once, in order, at its own time, including one added before the armed one', (t) => {
  const c = clock(t);
  const fired: string[] = [];
  const d = new Deadlines<string>((key) => fired.push(key), c.now);
  d.add('late', 300);
  d.add('early', 100);
  d.add('middle', 200);
  c.advance(99);
  assert.deepEqual([...fired], []);
  c.advance(1);
  assert.deepEqual([...fired], ['early']);
  c.advance(100);
  assert.deepEqual([...fired], ['early', 'middle']);
  c.advance(100);
  assert.deepEqual([...fired], ['early', 'middle', 'late']);
  assert.equal(d.size, 0);
  c.advance(1_000);
  assert.deepEqual([...fired], ['early', 'middle', 'late']);
});

test('a removed deadline never expires, and the timer goes when nothing is left to watch', (t) => {
  const c = clock(t);
  const fired: string[] = [];
  const d = new Deadlines<string>((key) => fired.push(key), c.now);
  d.add('a', 100);
  d.add('b', 200);
  d.remove('a');
  c.advance(150);
  assert.deepEqual([...fired], [], 'the timer armed for a fired, found nothing due, and re-armed for b');
  c.advance(50);
  assert.deepEqual([...fired], ['b']);
  d.add('c', 100);
  d.remove('c');
  assert.equal(d.size, 0);
  c.advance(1_000);
  assert.deepEqual([...fired], ['b']);
});

test('add for a key already watched replaces its deadline; clear drops every one', (t) => {
  const c = clock(t);
  const fired: string[] = [];
  const d = new Deadlines<string>((key) => fired.push(key), c.now);
  d.add('a', 100);
  d.add('a', 300);
  c.advance(200);
  assert.deepEqual([...fired], []);
  c.advance(100);
  assert.deepEqual([...fired], ['a']);
  d.add('x', 100);
  d.clear();
  c.advance(1_000);
  assert.deepEqual([...fired], ['a']);
});
