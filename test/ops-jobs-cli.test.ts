// `ai-worker jobs …` on a real database: list with filters, show without personal data, retry (one
// job, or every failure of a window, fenced and batched, with progress), cancel, the dead-letter view.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { retryFailed } from '../src/ops/jobs.ts';
import { runJobsCommand } from '../src/ops/jobs-cli.ts';
import { useFreshDatabase } from './support/database.ts';

const db = useFreshDatabase('ops_jobs_cli');
const ALICE = randomUUID();
const BOB = randomUUID();
const ids: Record<string, string> = {};

async function run(...args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runJobsCommand(args, db.pool, { out: (t) => (out += t), err: (t) => (err += t) });
  return { code, out, err };
}

async function insert(name: string, sql: string, params: unknown[]): Promise<string> {
  const id = randomUUID();
  await db.pool.query(sql.replace('$id', '$1'), [id, ...params]);
  ids[name] = id;
  return id;
}

// Created a minute before it failed: a job finishes after it is created, which the time windows rely on
// (src/ops/windows.ts).
const FAILED = `insert into analysis_jobs (id, user_id, type, status, attempts, max_attempts, created_at, completed_at, error, input)
  values ($id, $2, $3, 'failed', 3, 3, now() - make_interval(mins => $4 + 1), now() - make_interval(mins => $4),
          jsonb_build_object('code', $5::text, 'message', 'falhou'), '{"text": "glicose 250 mg/dL"}')`;

before(async () => {
  await db.ready;
  await insert('recentSofia1', FAILED, [ALICE, 'sofia_image', 5, 'provider_unavailable']);
  await insert('recentSofia2', FAILED, [BOB, 'sofia_image', 20, 'provider_unavailable']);
  await insert('recentExam', FAILED, [ALICE, 'medical_exam', 10, 'invalid_input']);
  await insert('oldSofia', FAILED, [ALICE, 'sofia_image', 180, 'provider_unavailable']);
  // Created two hours ago, so `--since 1h` leaves it out.
  await insert(
    'completed',
    `insert into analysis_jobs (id, user_id, type, status, attempts, created_at, started_at, completed_at, result, input, provider_calls)
    values ($id, $2, 'medical_exam', 'completed', 1, now() - interval '2 hours', now() - interval '2 hours', now() - interval '2 hours' + interval '7 seconds',
            '{"exams": []}', '{"text": "hemoglobina 13,5 g/dL"}',
            '[{"provider":"gemini","model":"gemini-2.5-flash","ok":true,"ms":812,"input_tokens":1200,"output_tokens":300}]')`,
    [ALICE],
  );
  await insert('pending', `insert into analysis_jobs (id, user_id, type, run_at) values ($id, $2, 'meal_plan', now() + interval '1 hour')`, [BOB]);
});

test('jobs ls: a table for people, --json for scripts, filters by status, type, user and age', async () => {
  const table = await run('ls');
  assert.equal(table.code, 0);
  assert.match(table.out.split('\n')[0]!, /^id\s+type\s+status\s+attempts\s+error\s+created \(UTC\)\s+finished \(UTC\)$/);
  assert.equal(table.out.trim().split('\n').length, 2 + 6);

  const failed = JSON.parse((await run('ls', '--status', 'failed', '--json')).out) as Array<{ id: string; error_code: string }>;
  assert.deepEqual(new Set(failed.map((j) => j.id)), new Set([ids.recentSofia1, ids.recentSofia2, ids.recentExam, ids.oldSofia]));
  const aliceSofia = JSON.parse((await run('ls', '--type=sofia_image', '--user', ALICE, '--json')).out) as Array<{ id: string }>;
  assert.deepEqual(new Set(aliceSofia.map((j) => j.id)), new Set([ids.recentSofia1, ids.oldSofia]));
  const lastHour = JSON.parse((await run('ls', '--since', '1h', '--json')).out) as Array<{ id: string }>;
  assert.ok(!lastHour.some((j) => j.id === ids.completed), 'created two hours ago');
  assert.ok(!lastHour.some((j) => j.id === ids.oldSofia), 'created three hours ago');
  assert.deepEqual(new Set(lastHour.map((j) => j.id)), new Set([ids.recentSofia1, ids.recentSofia2, ids.recentExam, ids.pending]));
  assert.equal(JSON.parse((await run('ls', '--limit', '2', '--json')).out).length, 2);
});

test('jobs: bad input is a usage error (exit 2) that says what is wrong', async () => {
  for (const [args, message] of [
    [['ls', '--status', 'done'], /unknown status "done"/],
    [['ls', '--type', 'selfie'], /unknown job type "selfie"/],
    [['ls', '--since', '1 hour'], /not a duration/],
    [['ls', '--statuz', 'failed'], /unknown option --statuz/],
    [['show', 'not-a-uuid'], /not a job id/],
    [['retry', ids.recentExam!, '--type', 'medical_exam'], /one job id, or --failed-since/],
    [['frobnicate'], /unknown jobs command/],
    [[], /usage:/],
  ] as const) {
    const r = await run(...args);
    assert.equal(r.code, 2, args.join(' '));
    assert.match(r.err, message);
    assert.equal(r.out, '');
  }
});

test('jobs show: timings, error, calls and outcomes; field names of the input, never its values', async () => {
  const r = await run('show', ids.completed!);
  assert.equal(r.code, 0);
  assert.match(r.out, /status\s+completed/);
  assert.match(r.out, /turnaround\s+7\.0 s/);
  assert.match(r.out, /input fields\s+text/);
  assert.match(r.out, /gemini\s+gemini-2\.5-flash\s+yes\s+812\s+1200\/300/);
  assert.doesNotMatch(r.out, /hemoglobina|13,5/);
  const j = JSON.parse((await run('show', ids.recentExam!, '--json')).out);
  assert.equal(j.error.code, 'invalid_input');
  assert.deepEqual(j.input_keys, ['text']);
  assert.ok(!('input' in j) && !('result' in j));
  assert.match((await run('help')).out, /^usage:\n  ai-worker jobs ls/);
  const missing = await run('show', randomUUID());
  assert.equal(missing.code, 1);
  assert.match(missing.err, /no job with id/);
});

test('jobs retry ID: failed → pending with attempts reset, and the daemons are woken; any other status is left alone', async () => {
  const listener = new pg.Client(db.url);
  await listener.connect();
  try {
    await listener.query('listen analysis_jobs');
    const woken = new Promise<string>((resolve) => listener.once('notification', (n) => resolve(n.payload ?? '')));
    const r = await run('retry', ids.recentExam!);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /failed → pending/);
    assert.equal(JSON.parse(await woken).op, 'retry');
  } finally {
    await listener.end();
  }
  const row = (await db.pool.query('select status, attempts, error, completed_at, run_at <= now() as due from analysis_jobs where id = $1', [ids.recentExam]))
    .rows[0];
  assert.deepEqual(row, { status: 'pending', attempts: 0, error: null, completed_at: null, due: true });

  const done = await run('retry', ids.completed!);
  assert.equal(done.code, 1);
  assert.match(done.err, /is completed, not failed/);
  assert.equal((await db.pool.query('select status from analysis_jobs where id = $1', [ids.completed])).rows[0].status, 'completed');
});

test('jobs retry --failed-since: only failures inside the window and of the type, in fenced batches with progress', async () => {
  // Three more recent sofia failures, so batches of 2 take several rounds.
  for (let i = 0; i < 3; i++) await insert(`extra${i}`, FAILED, [BOB, 'sofia_image', 30 + i, 'timeout']);
  const progress: Array<[number, number]> = [];
  const r = await retryFailed(db.pool, { sinceSeconds: 3600, type: 'sofia_image', batchSize: 2, onProgress: (d, t) => progress.push([d, t]) });
  assert.deepEqual(r, { retried: 5, total: 5 });
  assert.deepEqual(progress, [
    [0, 5],
    [2, 5],
    [4, 5],
    [5, 5],
  ]);
  const statuses = Object.fromEntries((await db.pool.query('select id, status from analysis_jobs')).rows.map((x) => [x.id, x.status]));
  for (const name of ['recentSofia1', 'recentSofia2', 'extra0', 'extra1', 'extra2']) assert.equal(statuses[ids[name]!], 'pending', name);
  assert.equal(statuses[ids.oldSofia!], 'failed', 'three hours ago: outside the window');

  // Through the command: nothing left to retry of that type; the old one with a wider window.
  const none = await run('retry', '--failed-since', '1h', '--type', 'sofia_image', '--json');
  assert.deepEqual(JSON.parse(none.out), { retried: 0, total: 0 });
  const wide = await run('retry', '--failed-since', '4h');
  assert.equal(wide.code, 0);
  assert.match(wide.out, /^1 failed job\(s\) from the last 4h back to pending/);
  assert.match(wide.err, /retrying: 1\/1/);
});

test('jobs cancel: a pending job is cancelled; a finished one is reported, unchanged', async () => {
  const r = await run('cancel', ids.pending!);
  assert.equal(r.code, 0);
  assert.match(r.out, /cancelled \(it had not started\)/);
  assert.equal((await db.pool.query('select status from analysis_jobs where id = $1', [ids.pending])).rows[0].status, 'cancelled');
  const again = await run('cancel', ids.completed!);
  assert.equal(again.code, 1);
  assert.match(again.err, /already completed/);
});

test('jobs dead: failed jobs grouped by error code and type, with the latest job of each group', async () => {
  await insert('deadA', FAILED, [ALICE, 'unified_assistant', 2, 'provider_unavailable']);
  await insert('deadB', FAILED, [BOB, 'unified_assistant', 1, 'provider_unavailable']);
  await insert('deadC', FAILED, [BOB, 'meal_plan', 3, 'no_feasible_plan']);
  const groups = JSON.parse((await run('dead', '--since', '1h', '--json')).out) as Array<{ code: string; type: string; count: number; example_id: string }>;
  assert.deepEqual(
    groups.map((g) => [g.code, g.type, g.count]),
    [
      ['provider_unavailable', 'unified_assistant', 2],
      ['no_feasible_plan', 'meal_plan', 1],
    ],
  );
  assert.equal(groups[0]!.example_id, ids.deadB, 'the most recent failure of the group');
  const table = await run('dead');
  assert.match(table.out, /^error code\s+type\s+jobs/);
  assert.match(table.out, /3 failed job\(s\); retry with: ai-worker jobs retry --failed-since 7d/);
});

test('the real command line: ai-worker jobs ls --json on DATABASE_URL', () => {
  const r = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'jobs', 'ls', '--status', 'cancelled', '--json'], {
    env: { ...process.env, DATABASE_URL: db.url },
    encoding: 'utf8',
  });
  assert.equal(r.status, 0, r.stderr);
  assert.deepEqual(
    JSON.parse(r.stdout).map((j: { id: string }) => j.id),
    [ids.pending],
  );
  const bad = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'jobs', 'ls', '--since', 'yesterday'], {
    env: { ...process.env, DATABASE_URL: db.url },
    encoding: 'utf8',
  });
  assert.equal(bad.status, 2);
  assert.match(bad.stderr, /not a duration/);
});
