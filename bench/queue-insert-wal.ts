// bench:queue-insert-wal — what a table of finished rows costs the single-job path (bench/README.md,
// "Second pass"). A fresh migrated database gets N finished rows (default 5,000,000, as
// `bench:queue --fill-finished` makes them), VACUUM ANALYZE, a CHECKPOINT; then 40 jobs one at a time:
// the client's INSERT, the daemon's claim and its completion, each under EXPLAIN (ANALYZE, BUFFERS, WAL)
// and really executed. Writes bench/results/queue-insert-wal.txt (pages read from outside
// shared_buffers, full-page images and WAL bytes per statement). Two rounds of 40, each after its own
// CHECKPOINT: the client's INSERT with a random key given (`gen_random_uuid()`, the table's default
// before sql/055), then with the table's default key (the time-ordered `uuid_v7()` of sql/055).
// Usage: npx tsx bench/queue-insert-wal.ts [--finished=5000000]   (the fill takes ~2.5 min on 2 cores)
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
  const wal = (rows: Array<Record<string, string>>) => {
    const plan = rows.map((r) => r['QUERY PLAN']!).join('\n');
    const n = (re: RegExp) => Number(plan.match(re)?.[1] ?? 0);
    return { fpi: n(/WAL:.*fpi=(\d+)/), bytes: n(/WAL:.*bytes=(\d+)/), read: n(/^\s{0,2}Buffers:.*read=(\d+)/m), ms: n(/Execution Time: ([\d.]+)/) };
  };
  const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
  const rounds = [
    { label: 'random key given (gen_random_uuid(), the default before sql/055)', key: 'gen_random_uuid()' },
    { label: "the table's default key (uuid_v7(), sql/055)", key: 'default' },
  ];
  for (const round of rounds) {
    await c.query('checkpoint');
    out.push(`\n## ${round.label}, after a CHECKPOINT`);
    const inserts: ReturnType<typeof wal>[] = [];
    for (let k = 0; k < 40; k++) {
      const insert = await c.query(`${explain} insert into analysis_jobs (id, user_id, type) values (${round.key}, gen_random_uuid(), 'healthcheck')`);
      inserts.push(wal(insert.rows));
      const claim = await c.query(`${explain} ${CLAIM_SQL}`, ['wal-probe', 1, 30, [], 100, [], []]);
      const { id, lease_token } = (await c.query(`select id, lease_token from analysis_jobs where status = 'processing' and locked_by = 'wal-probe'`)).rows[0];
      const payload = JSON.stringify([{ id, lease_token, result: { ok: true }, locked_by: 'wal-probe' }]);
      const complete = await c.query(`${explain} ${COMPLETE_MANY_SQL}`, [payload]);
      if (k < 3 || k % 10 === 9) {
        out.push(`job ${k + 1}:`, `  insert    ${summary(insert.rows)}`, `  claim     ${summary(claim.rows)}`, `  complete  ${summary(complete.rows)}`);
      }
    }
    const pick = (f: (x: ReturnType<typeof wal>) => number) => inserts.map(f);
    out.push(
      `insert, 40 jobs: full-page images ${pick((x) => x.fpi).reduce((x, y) => x + y, 0)} in all (median ${median(pick((x) => x.fpi))}), ` +
        `WAL bytes median ${median(pick((x) => x.bytes))}, pages read from outside shared_buffers ${pick((x) => x.read).reduce((x, y) => x + y, 0)} in all, ` +
        `execution median ${median(pick((x) => x.ms)).toFixed(3)} ms`,
    );
  }
} finally {
  await c.end();
  await dropDatabase(name);
}
writeFileSync('bench/results/queue-insert-wal.txt', out.join('\n') + '\n');
console.log(out.join('\n'));
