// The operators' time windows (src/ops/windows.ts) without indexes of their own on created_at and
// completed_at (dropped by sql/052): on a table large enough for the planner to prefer an index when
// one fits, every statement the dashboard, the alerts, `jobs ls --since`, `jobs dead`, `jobs retry
// --failed-since` and `cost-report` send reads analysis_jobs through an index (no Seq Scan node on it),
// and every figure equals a plain query over the same rows with the window written the obvious way.
// The rows include jobs created before a window and finished inside it (counted by completion
// windows, not by creation windows), and a live job carrying a completed_at.
import { before, test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { evaluateAlerts } from '../src/ops/alerts.ts';
import { loadPrices, readCostInputs } from '../src/ops/cost.ts';
import { deadLetters, listJobs, retryFailed } from '../src/ops/jobs.ts';
import { readOverview } from '../src/ops/overview.ts';
import { useFreshDatabase } from './support/database.ts';

const db = useFreshDatabase('ops_windows');
// OPS_WINDOWS_ROWS=300000 checks the plans at the size of bench:ops-dashboard.
const FINISHED_ROWS = Number(process.env.OPS_WINDOWS_ROWS ?? 50_000);
const DAY = 86_400;

const WINDOW_INDEXES = new Set(['analysis_jobs_active_idx', 'analysis_jobs_finished_idx', 'analysis_jobs_pkey']);

type Recorded = { text: string; values: unknown[] };
type Queryable = Pick<pg.Pool, 'query'>;

/** Forwards every statement to db and keeps its text and parameters, to EXPLAIN it afterwards. */
function recording(target: Queryable, log: Recorded[]): Queryable {
  return {
    query: ((text: string, values?: unknown[]) => {
      log.push({ text, values: values ?? [] });
      return target.query(text, values);
    }) as Queryable['query'],
  };
}

before(async () => {
  await db.ready;
  // Finished jobs over 30 days, inserted oldest first as a queue inserts them, 1/30 of them inside the
  // last day. No job is created or finished within an hour of the 24 h bound or within two minutes of
  // the alerts' 10 min bound, so a statement and its reference, a moment apart, see the same rows.
  await db.pool.query(
    `insert into analysis_jobs (user_id, type, status, attempts, created_at, run_at, started_at, completed_at, error, provider_calls)
     select gen_random_uuid(), (array['sofia_image','medical_exam','unified_assistant','meal_plan'])[1 + g % 4],
            case when g % 40 = 0 then 'failed' when g % 97 = 0 then 'cancelled' else 'completed' end, 1,
            t.at, t.at, t.at, t.at + make_interval(secs => 2 + g % 9),
            case when g % 40 = 0 then jsonb_build_object('code', (array['provider_unavailable','invalid_input'])[1 + g % 2], 'message', 'x') end,
            jsonb_build_array(jsonb_build_object('provider', 'gemini', 'model', 'gemini-2.5-flash', 'ok', g % 40 <> 0, 'input_tokens', 1000, 'output_tokens', 200))
       from generate_series(1, $1) g,
            lateral (select now() - case when g > $1 - $1 / 30 then make_interval(secs => 3600 + ($1 - g) * (20 * 3600.0 / ($1 / 30)))
                                         else make_interval(secs => 25 * 3600 + ($1 - $1 / 30 - g) * (29 * 86400.0 / $1)) end as at) t
      order by g`,
    [FINISHED_ROWS],
  );
  // Created two days ago, finished inside every window (one hour ago, five minutes ago).
  await db.pool.query(
    `insert into analysis_jobs (user_id, type, status, attempts, created_at, run_at, started_at, completed_at, error, provider_calls)
     select gen_random_uuid(), 'medical_exam', s, 3, now() - interval '2 days', now() - interval '2 days', now() - f, now() - f,
            case when s = 'failed' then '{"code":"provider_timeout","message":"x"}'::jsonb end,
            '[{"provider":"openai","model":"gpt-x","ok":false,"error_code":"timeout"}]'::jsonb
       from unnest(array['failed', 'completed', 'failed']) with ordinality u(s, i), lateral (select make_interval(mins => case when i = 1 then 60 else 5 end) as f) w`,
  );
  // Finished in the alerts' window, created in it too.
  await db.pool.query(
    `insert into analysis_jobs (user_id, type, status, attempts, created_at, run_at, started_at, completed_at, error)
     select gen_random_uuid(), 'sofia_image', case when g % 3 = 0 then 'failed' else 'completed' end, 1,
            now() - make_interval(secs => 60 + g * 20), now() - make_interval(secs => 60 + g * 20),
            now() - make_interval(secs => 60 + g * 20), now() - make_interval(secs => 58 + g * 20 - g % 5),
            case when g % 3 = 0 then '{"code":"provider_unavailable","message":"x"}'::jsonb end
       from generate_series(1, 12) g`,
  );
  // Live jobs: pending and processing, created inside and outside the day; one pending job carries a
  // completed_at inside the window (a retried job's, were a path to leave it) and a failed provider call.
  await db.pool.query(
    `insert into analysis_jobs (user_id, type, status, created_at, run_at, started_at, lease_token, locked_until, locked_by)
     select gen_random_uuid(), (array['sofia_image','meal_plan'])[1 + g % 2], case when g % 4 = 0 then 'processing' else 'pending' end,
            now() - make_interval(secs => case when g % 3 = 0 then 3 * 86400 else 600 + g * 30 end), now(),
            case when g % 4 = 0 then now() end, case when g % 4 = 0 then gen_random_uuid() end,
            case when g % 4 = 0 then now() + interval '5 minutes' end, case when g % 4 = 0 then 'w1' end
       from generate_series(1, 40) g`,
  );
  await db.pool.query(
    `insert into analysis_jobs (user_id, type, status, attempts, created_at, run_at, completed_at, provider_calls)
     values (gen_random_uuid(), 'unified_assistant', 'pending', 1, now() - interval '3 days', now(), now() - interval '2 hours',
             '[{"provider":"gemini","model":"gemini-2.5-pro","ok":false,"error_code":"rate_limited"}]')`,
  );
  await db.pool.query('vacuum analyze analysis_jobs');
});

function planNodes(plan: Record<string, unknown>): Array<Record<string, unknown>> {
  const children = (plan.Plans as Array<Record<string, unknown>> | undefined) ?? [];
  return [plan, ...children.flatMap(planNodes)];
}

/** Every recorded statement over analysis_jobs: its plan reads the table through an index, never a Seq Scan. */
async function assertIndexed(log: Recorded[], minimum: number): Promise<void> {
  const windowed = log.filter((r) => /analysis_jobs/.test(r.text) && /(created_at|completed_at) >/.test(r.text));
  assert.ok(windowed.length >= minimum, `expected at least ${minimum} windowed statements, saw ${windowed.length}`);
  for (const r of windowed) {
    const { rows } = await db.pool.query<{ 'QUERY PLAN': Array<{ Plan: Record<string, unknown> }> }>(`explain (format json) ${r.text}`, r.values);
    const all = planNodes(rows[0]!['QUERY PLAN'][0]!.Plan);
    const nodes = all.filter((n) => n['Relation Name'] === 'analysis_jobs');
    const shown = JSON.stringify(all.filter((n) => n['Relation Name'] || n['Index Name']).map((n) => [n['Node Type'], n['Index Name']]));
    assert.ok(nodes.length > 0, `no node reads analysis_jobs in the plan of:\n${r.text}`);
    assert.ok(!nodes.some((n) => n['Node Type'] === 'Seq Scan'), `Seq Scan on analysis_jobs ${shown} in:\n${r.text}`);
    // The live and finished partial indexes (and the key, for the retry's update): never a full scan of
    // an index that merely contains created_at, such as (user_id, created_at).
    const indexes = all.map((n) => n['Index Name']).filter((i): i is string => typeof i === 'string');
    assert.ok(indexes.length > 0 && indexes.every((i) => WINDOW_INDEXES.has(i)), `indexes ${shown} in:\n${r.text}`);
  }
}

const plain = async <R extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<R[]> => (await db.pool.query<R>(text, values)).rows;
const close = (a: number, b: number): boolean => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(b));

test('the dashboard windows read indexes and count what a plain query counts', async () => {
  const log: Recorded[] = [];
  const o = await readOverview(recording(db.pool, log), 24);
  await assertIndexed(log, 6);

  const day = `now() - interval '24 hours'`;
  assert.deepEqual(o.jobs, await plain(`select type, status, count(*)::int as count from analysis_jobs where created_at > ${day} group by 1, 2 order by 1, 2`));
  // The only failed medical exams were created two days ago and finished inside the day: not in the created window.
  assert.ok(!o.jobs.some((r) => r.type === 'medical_exam' && r.status === 'failed'));
  const created = (await plain<{ n: number }>(`select count(*)::int as n from analysis_jobs where created_at > ${day}`))[0]!.n;
  assert.equal(
    Object.values(o.totals).reduce((a, b) => a + b, 0),
    created,
  );

  const turnaround = await plain<{ type: string; finished: number; p50: number; p95: number }>(
    `select type, count(*)::int as finished,
            percentile_cont(0.5) within group (order by extract(epoch from completed_at - created_at))::float8 as p50,
            percentile_cont(0.95) within group (order by extract(epoch from completed_at - created_at))::float8 as p95
       from analysis_jobs where status in ('completed', 'failed', 'cancelled') and completed_at > ${day} group by 1 order by 1`,
  );
  assert.deepEqual(
    o.turnaround.map((r) => [r.type, r.finished]),
    turnaround.map((r) => [r.type, r.finished]),
  );
  for (const [i, r] of turnaround.entries()) assert.ok(close(o.turnaround[i]!.p50_seconds, r.p50) && close(o.turnaround[i]!.p95_seconds, r.p95), r.type);
  // The medical exams finished in the day include the three created two days ago.
  const exams = (
    await plain<{ n: number }>(
      `select count(*)::int as n from analysis_jobs where type = 'medical_exam' and created_at < now() - interval '1 day' and completed_at > ${day}`,
    )
  )[0]!.n;
  assert.equal(exams, 3);

  const e = (
    await plain<{ failed: number; finished: number }>(
      `select count(*) filter (where status = 'failed')::int as failed, count(*)::int as finished from analysis_jobs where status in ('completed', 'failed') and completed_at > ${day}`,
    )
  )[0]!;
  assert.equal(o.error_rate, e.failed / e.finished);
  assert.deepEqual(
    o.top_errors,
    await plain(
      `select coalesce(error->>'code', 'unknown') as code, count(*)::int as count from analysis_jobs where status = 'failed' and completed_at > ${day} group by 1 order by 2 desc, 1 limit 10`,
    ),
  );
  assert.ok(o.top_errors.some((r) => r.code === 'provider_timeout' && r.count === 2));
  assert.deepEqual(
    o.recent_failures.map((r) => r.id),
    (await plain<{ id: string }>(`select id from analysis_jobs where status = 'failed' and completed_at > ${day} order by completed_at desc limit 10`)).map(
      (r) => r.id,
    ),
  );
  const providers = await plain<{ provider: string; model: string; error_code: string; count: number }>(
    `select c->>'provider' as provider, coalesce(c->>'model', '') as model, coalesce(c->>'error_code', 'error') as error_code, count(*)::int as count
       from analysis_jobs j, jsonb_array_elements(case when jsonb_typeof(j.provider_calls) = 'array' then j.provider_calls else '[]'::jsonb end) c
      where j.completed_at > ${day} and (c->>'ok')::boolean is false group by 1, 2, 3 order by 4 desc, 1, 2, 3`,
  );
  const byKey = (r: { provider: string; model: string; error_code: string }) => `${r.provider}/${r.model}/${r.error_code}`;
  assert.deepEqual(o.provider_failures.map((r) => [byKey(r), r.count]).sort(), providers.map((r) => [byKey(r), r.count]).sort());
  // The live job carrying a completed_at is counted, as completed_at > t alone counts it.
  assert.ok(o.provider_failures.some((r) => r.model === 'gemini-2.5-pro' && r.count === 1));
  assert.ok(o.provider_failures.some((r) => r.provider === 'openai' && r.count === 3));
});

test('the alerts windows read indexes and observe what a plain query observes', async () => {
  const log: Recorded[] = [];
  const pool = new pg.Pool({ connectionString: db.url, max: 1 });
  try {
    const recordingPool = {
      connect: async () => {
        const client = await pool.connect();
        const query = client.query.bind(client);
        client.query = ((text: string, values?: unknown[]) => {
          log.push({ text, values: values ?? [] });
          return query(text, values);
        }) as typeof client.query;
        return client;
      },
    } as unknown as pg.Pool;
    // Thresholds below any value and a long `for`: both rules go pending with their value, nothing is posted.
    const r = await evaluateAlerts(recordingPool, {
      webhookUrl: 'http://127.0.0.1:1/never',
      rules: [
        { name: 'JobErrorRate', forSeconds: 3600, threshold: -1 },
        { name: 'TurnaroundP95', forSeconds: 3600, threshold: -1 },
      ],
    });
    assert.equal(r.skipped, false);
  } finally {
    await pool.end();
  }
  await assertIndexed(log, 2);
  const tenMinutes = `now() - interval '10 minutes'`;
  const observed = new Map((await plain<{ key: string; value: number }>('select key, value from ai_worker_alerts')).map((r) => [r.key, r.value]));
  const e = (
    await plain<{ failed: number; finished: number }>(
      `select count(*) filter (where status = 'failed')::int as failed, count(*)::int as finished from analysis_jobs where status in ('completed', 'failed') and completed_at > ${tenMinutes}`,
    )
  )[0]!;
  assert.equal(e.finished, 12 + 2);
  assert.ok(close(observed.get('JobErrorRate')!, e.failed / e.finished));
  const p95 = await plain<{ type: string; p95: number }>(
    `select type, percentile_cont(0.95) within group (order by extract(epoch from completed_at - created_at))::float8 as p95
       from analysis_jobs where status in ('completed', 'failed', 'cancelled') and completed_at > ${tenMinutes} group by 1`,
  );
  assert.deepEqual([...observed.keys()].filter((k) => k.startsWith('TurnaroundP95:')).sort(), p95.map((r) => `TurnaroundP95:${r.type}`).sort());
  for (const r of p95) assert.ok(close(observed.get(`TurnaroundP95:${r.type}`)!, r.p95), r.type);
});

test('jobs ls --since, jobs dead and jobs retry --failed-since read indexes and take what a plain query takes', async () => {
  const log: Recorded[] = [];
  const rec = recording(db.pool, log);
  const listed = await listJobs(rec, { sinceSeconds: DAY, limit: 100_000 });
  assert.deepEqual(
    listed.map((r) => r.id),
    (await plain<{ id: string }>(`select id from analysis_jobs where created_at > now() - interval '1 day' order by created_at desc, id`)).map((r) => r.id),
  );
  const failedListed = await listJobs(rec, { status: 'failed', sinceSeconds: DAY, limit: 100_000 });
  assert.equal(
    failedListed.length,
    (await plain<{ n: number }>(`select count(*)::int as n from analysis_jobs where status = 'failed' and created_at > now() - interval '1 day'`))[0]!.n,
  );
  const pendingListed = await listJobs(rec, { status: 'pending', sinceSeconds: DAY, limit: 100_000 });
  assert.equal(
    pendingListed.length,
    (await plain<{ n: number }>(`select count(*)::int as n from analysis_jobs where status = 'pending' and created_at > now() - interval '1 day'`))[0]!.n,
  );

  const dead = await deadLetters(rec, DAY);
  const reference = await plain<{ code: string; type: string; count: number }>(
    `select coalesce(error->>'code', 'unknown') as code, type, count(*)::int as count from analysis_jobs
      where status = 'failed' and completed_at > now() - interval '1 day' group by 1, 2 order by 3 desc, 1, 2`,
  );
  assert.deepEqual(
    dead.map((g) => [g.code, g.type, g.count]),
    reference.map((g) => [g.code, g.type, g.count]),
  );
  assert.ok(dead.some((g) => g.code === 'provider_timeout' && g.count === 2));

  // The retry runs in a transaction rolled back afterwards: its statements are recorded, its changes undone.
  const expected = (
    await plain<{ n: number }>(`select count(*)::int as n from analysis_jobs where status = 'failed' and completed_at > now() - interval '1 day'`)
  )[0]!.n;
  const client = await db.pool.connect();
  try {
    await client.query('begin');
    const r = await retryFailed(recording(client, log), { sinceSeconds: DAY, batchSize: 100 });
    assert.deepEqual(r, { retried: expected, total: expected });
  } finally {
    await client.query('rollback');
    client.release();
  }
  await assertIndexed(log, 6);
});

test('cost-report windows read indexes and count what a plain query counts', async () => {
  const log: Recorded[] = [];
  const prices = loadPrices();
  const c = await readCostInputs(recording(db.pool, log), DAY, prices);
  await assertIndexed(log, 2);
  const j = (
    await plain<{ jobs: number; attempt_seconds: number }>(
      `select count(*)::int as jobs, coalesce(sum(extract(epoch from completed_at - started_at)), 0)::float8 as attempt_seconds
       from analysis_jobs where created_at > now() - interval '1 day'`,
    )
  )[0]!;
  assert.equal(c.jobs, j.jobs);
  assert.ok(close(c.attempt_seconds, j.attempt_seconds));
  const calls = await plain<{ provider: string; model: string; calls: number; failed: number }>(
    `select c->>'provider' as provider, coalesce(c->>'model', '') as model, count(*)::int as calls, count(*) filter (where (c->>'ok')::boolean is false)::int as failed
       from analysis_jobs j, jsonb_array_elements(case when jsonb_typeof(j.provider_calls) = 'array' then j.provider_calls else '[]'::jsonb end) c
      where j.created_at > now() - interval '1 day' group by 1, 2 order by 1, 2`,
  );
  assert.deepEqual(
    c.calls.map((r) => [r.provider, r.model, r.calls, r.failed]),
    calls.map((r) => [r.provider, r.model, r.calls, r.failed]),
  );
  // Created two days ago: the openai calls of the jobs finished in the day are not the window's load.
  assert.ok(!c.calls.some((r) => r.provider === 'openai'));
});
