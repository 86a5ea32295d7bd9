// Finished rows as months of traffic leave them: completed, with a small result, spread over users
// and types, one a second back from now, in 100k-row statements. Shared by `bench:queue
// --fill-finished` and bench/queue-insert-wal.ts, so both measure the same table.
import type pg from 'pg';

export async function insertFinishedJobs(db: Pick<pg.ClientBase, 'query'>, n: number): Promise<void> {
  for (let done = 0; done < n; done += 100_000) {
    await db.query(
      `insert into analysis_jobs (user_id, type, status, priority, input, result, attempts, created_at, run_at, started_at, completed_at, handler_version)
       select gen_random_uuid(), (array['sofia_image','medical_exam','unified_assistant','meal_plan','healthcheck'])[1 + i % 5], 'completed', 0,
              '{}'::jsonb, '{"ok":true}'::jsonb, 1, t, t, t, t + interval '3 seconds', '1'
         from (select i, now() - (i || ' seconds')::interval as t from generate_series($1::int + 1, $1::int + $2::int) as i) s`,
      [done, Math.min(100_000, n - done)],
    );
  }
}
