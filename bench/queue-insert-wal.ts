// bench:queue-insert-wal — what a table of finished rows costs the single-job path (bench/README.md,
// "Second pass"). A fresh migrated database gets N finished rows (default 5,000,000, as
// `bench:queue --fill-finished` makes them), VACUUM ANALYZE, a CHECKPOINT; then 40 jobs one at a time:
// the client's INSERT, the daemon's claim and its completion, each under EXPLAIN (ANALYZE, BUFFERS, WAL)
// and really executed. Writes bench/results/queue-insert-wal.txt (pages read from outside
// shared_buffers, full-page images and WAL bytes per statement).
// Usage: npx tsx bench/queue-insert-wal.ts [--finished=5000000]   (the fill takes ~2.5 min on 2 cores)
import { randomUUID } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import pg from 'pg';
import { createDatabase, databaseUrl, dropDatabase } from '../src/dev/testkit/database.ts';
import { CLAIM_SQL, COMPLETE_MANY_SQL } from '../src/queue/jobs.ts';
import { insertFinishedJobs } from './lib/finished-jobs.ts';

const finished = Number(process.argv.find((a) => a.startsWith('--finished='))?.split('=')[1] ?? 5_000_000);
const name = await createDatabase('queue_insert_wal');
const c = new pg.Client({ connectionString: databaseUrl(name) });
await c.connect();
const out: string[] = [];
try {
  const t0 = performance.now();
  await insertFinishedJobs(c, finished);
  await c.query('vacuum analyze analysis_jobs');
  await c.query('checkpoint');
  out.push(`analysis_jobs: ${finished} finished rows (filled in ${((performance.now() - t0) / 1000).toFixed(0)} s), then VACUUM ANALYZE and CHECKPOINT`);
  out.push('per statement: top-level Buffers and WAL lines of EXPLAIN (ANALYZE, BUFFERS, WAL), and its execution time\n');
  const summary = (rows: Array<Record<string, string>>) =>
    rows
      .map((r) => r['QUERY PLAN']!)
      .filter((l) => /^\s{0,2}(Buffers|WAL):|^Execution Time/.test(l))
      .map((l) => l.trim())
      .join(' | ');
  const explain = 'explain (analyze, buffers, wal, costs off, timing off)';
  for (let k = 0; k < 40; k++) {
    const id = randomUUID();
    const insert = await c.query(`${explain} insert into analysis_jobs (id, user_id, type) values ($1, gen_random_uuid(), 'healthcheck')`, [id]);
    const claim = await c.query(`${explain} ${CLAIM_SQL}`, ['wal-probe', 1, 30, [], 100, [], []]);
    const token = (await c.query(`select lease_token from analysis_jobs where id = $1`, [id])).rows[0].lease_token;
    const payload = JSON.stringify([{ id, lease_token: token, result: { ok: true }, locked_by: 'wal-probe' }]);
    const complete = await c.query(`${explain} ${COMPLETE_MANY_SQL}`, [payload]);
    if (k < 3 || k % 10 === 9) {
      out.push(`job ${k + 1}:`, `  insert    ${summary(insert.rows)}`, `  claim     ${summary(claim.rows)}`, `  complete  ${summary(complete.rows)}`);
    }
  }
} finally {
  await c.end();
  await dropDatabase(name);
}
writeFileSync('bench/results/queue-insert-wal.txt', out.join('\n') + '\n');
console.log(out.join('\n'));
