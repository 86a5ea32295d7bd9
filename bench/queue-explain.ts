// bench:queue-explain — the plan of every queue statement on a table of finished rows, so each index
// is seen to be read (docs/queue.md quotes the result). A fresh migrated database gets N finished rows
// (default 300,000), 2,000 pending and 50 processing; each statement is EXPLAINed (ANALYZE, buffers)
// inside a rolled-back transaction. Writes bench/results/queue-explain.txt.
// Usage: npx tsx bench/queue-explain.ts [--finished=300000]
import { writeFileSync } from 'node:fs';
import pg from 'pg';
import { createDatabase, databaseUrl, dropDatabase } from '../src/dev/testkit/database.ts';

const finished = Number(process.argv.find((a) => a.startsWith('--finished='))?.split('=')[1] ?? 300_000);
const name = await createDatabase('queue_explain');
const pool = new pg.Pool({ connectionString: databaseUrl(name), max: 2 });
const out: string[] = [];
try {
  const types = `(array['sofia_image','medical_exam','unified_assistant','meal_plan','healthcheck'])[1 + i % 5]`;
  await pool.query(
    `insert into analysis_jobs (user_id, type, status, input, result, attempts, created_at, run_at, started_at, completed_at)
     select gen_random_uuid(), ${types}, 'completed', '{}', '{"ok":true}', 1, now() - (i || ' s')::interval, now() - (i || ' s')::interval,
            now() - (i || ' s')::interval, now() - (i || ' s')::interval + interval '3 s'
       from generate_series(1, $1::int) i`,
    [finished],
  );
  await pool.query(`insert into analysis_jobs (user_id, type) select gen_random_uuid(), ${types} from generate_series(1, 2000) i`);
  await pool.query(
    `insert into analysis_jobs (user_id, type, status, attempts, locked_by, lease_token, locked_until, started_at)
     select gen_random_uuid(), ${types}, 'processing', 1, 'w1', gen_random_uuid(), now() + interval '30 s', now() from generate_series(1, 50) i`,
  );
  await pool.query('vacuum analyze analysis_jobs');
  const held = (await pool.query(`select array_agg(id) as ids, array_agg(lease_token) as tokens from analysis_jobs where status = 'processing'`)).rows[0];
  const user = (await pool.query(`select user_id from analysis_jobs where status = 'completed' limit 1`)).rows[0].user_id;
  const { rows: idx } = await pool.query(`select indexname, indexdef from pg_indexes where tablename = 'analysis_jobs' order by indexname`);
  out.push(`analysis_jobs: ${finished} finished, 2000 pending, 50 processing rows\n`, 'Indexes:', ...idx.map((r) => `  ${r.indexdef}`), '');
  const jobs = await import('../src/queue/jobs.ts');
  const statements: Array<[string, string, unknown[]]> = [
    [`claim (10 free slots, window ${jobs.claimWindow(10)})`, jobs.CLAIM_SQL, ['w2', 10, 30, [], jobs.claimWindow(10), [], []]],
    ['claim with a per-type cap (meal_plan room 2)', jobs.CLAIM_SQL, ['w2', 10, 30, [], jobs.claimWindow(10), ['meal_plan'], [2]]],
    ['renew the leases of 50 jobs', jobs.RENEW_SQL, [held.ids, held.tokens, 30]],
    ['sweep: recover lapsed leases', jobs.RECOVER_LAPSED_SQL, [1000, null]],
    ['queue depth (stats)', (await import('../src/queue/stats.ts')).DEPTH_SQL, []],
    ['oldest pending (stats)', (await import('../src/queue/stats.ts')).OLDEST_SQL, []],
    ["gateway's time estimate", (await import('../src/gateway/jobs.ts')).ESTIMATE_SQL, ['meal_plan']],
    [
      "assistant's recent analyses",
      (await import('../src/handlers/shared/recent-analyses.ts')).RECENT_ANALYSES_SQL,
      [user, ['sofia_image', 'medical_exam', 'meal_plan'], 5],
    ],
  ];
  for (const [label, text, values] of statements) {
    const c = await pool.connect();
    try {
      await c.query('begin');
      const { rows } = await c.query(`explain (analyze, buffers, costs off, timing off, summary on) ${text}`, values);
      out.push(`## ${label}`, ...rows.map((r) => r['QUERY PLAN'] as string), '');
    } finally {
      await c.query('rollback');
      c.release();
    }
  }
  // The write path (docs/queue.md, "Index entries per job"): WAL records per job of a claim of 1,000
  // and of their completion, in one rolled-back transaction. No claim or settle is a HOT update, so
  // this counts the heap and index entries each job's moves write.
  const c = await pool.connect();
  try {
    await c.query('begin');
    const wal = (rows: Array<Record<string, unknown>>) => Number(/WAL: records=(\d+)/.exec(rows.map((r) => r['QUERY PLAN']).join('\n'))?.[1]);
    const claim = await c.query(`explain (analyze, wal, costs off, timing off, summary on) ${jobs.CLAIM_SQL}`, [
      'w3',
      1000,
      30,
      [],
      jobs.claimWindow(1000),
      [],
      [],
    ]);
    const claimed = (await c.query(`select id, lease_token from analysis_jobs where locked_by = 'w3'`)).rows;
    const payload = JSON.stringify(claimed.map((j) => ({ id: j.id, lease_token: j.lease_token, result: { ok: true }, locked_by: 'w3' })));
    const complete = await c.query(`explain (analyze, wal, costs off, timing off, summary on) ${jobs.COMPLETE_MANY_SQL}`, [payload]);
    out.push(
      `## write path: WAL records per job (${claimed.length} jobs)`,
      `claim: ${(wal(claim.rows) / claimed.length).toFixed(1)}`,
      `completion (with its ledger row): ${(wal(complete.rows) / claimed.length).toFixed(1)}`,
      '',
    );
  } finally {
    await c.query('rollback');
    c.release();
  }
} finally {
  await pool.end();
  await dropDatabase(name);
}
writeFileSync('bench/results/queue-explain.txt', out.join('\n') + '\n');
console.log(out.join('\n'));
