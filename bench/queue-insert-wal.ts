// bench:queue-insert-wal — what a table of finished rows costs the single-job path (bench/README.md,
// "Second pass" and "Eleventh round"). For each of two schemas, a fresh migrated database gets N finished
// rows (default 5,000,000, as `bench:queue --fill-finished` makes them), VACUUM ANALYZE, a CHECKPOINT;
// then 40 jobs one at a time: the client's INSERT, the daemon's claim and its completion, each under
// EXPLAIN (ANALYZE, BUFFERS, WAL) and really executed. The schemas: the one before sql/055 (random keys
// from gen_random_uuid(), fillfactor 85), rebuilt by setting both back after the migrations, and the
// current one (uuid_v7() keys, fillfactor 100). Writes bench/results/queue-insert-wal.txt (pages read
// from outside shared_buffers, full-page images and WAL bytes per statement, and a summary per schema).
// Usage: npx tsx bench/queue-insert-wal.ts [--finished=5000000]   (each fill takes ~2.5 min on 2 cores)
import { writeFileSync } from 'node:fs';
import pg from 'pg';
import { createDatabase, databaseUrl, dropDatabase } from '../src/dev/testkit/database.ts';
import { CLAIM_SQL, COMPLETE_MANY_SQL } from '../src/queue/jobs.ts';
import { insertFinishedJobs } from './lib/finished-jobs.ts';

const finished = Number(process.argv.find((a) => a.startsWith('--finished='))?.split('=')[1] ?? 5_000_000);
const schemas = [
  {
    label: 'before sql/055: gen_random_uuid() keys, fillfactor 85',
    setup: ['alter table analysis_jobs alter column id set default gen_random_uuid()', 'alter table analysis_jobs set (fillfactor = 85)'],
  },
  { label: 'sql/055: uuid_v7() keys, fillfactor 100', setup: [] },
];
const explain = 'explain (analyze, buffers, wal, costs off, timing off)';
const planOf = (rows: Array<Record<string, string>>) => rows.map((r) => r['QUERY PLAN']!);
const summary = (rows: Array<Record<string, string>>) =>
  planOf(rows)
    .filter((l) => /^\s{0,2}(Buffers|WAL):|^Execution Time/.test(l))
    .map((l) => l.trim())
    .join(' | ');
const figures = (rows: Array<Record<string, string>>) => {
  const plan = planOf(rows).join('\n');
  const n = (re: RegExp) => Number(plan.match(re)?.[1] ?? 0);
  return { fpi: n(/WAL:.*fpi=(\d+)/), bytes: n(/WAL:.*bytes=(\d+)/), read: n(/^\s{0,2}Buffers:.*read=(\d+)/m), ms: n(/Execution Time: ([\d.]+)/) };
};
const median = (xs: number[]) => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
const sum = (xs: number[]) => xs.reduce((x, y) => x + y, 0);

const out: string[] = [];
for (const schema of schemas) {
  const name = await createDatabase('queue_insert_wal');
  const c = new pg.Client({ connectionString: databaseUrl(name) });
  await c.connect();
  try {
    for (const sql of schema.setup) await c.query(sql);
    const t0 = performance.now();
    await insertFinishedJobs(c, finished);
    await c.query('vacuum analyze analysis_jobs');
    await c.query('checkpoint');
    out.push(
      `## ${schema.label}`,
      `analysis_jobs: ${finished} finished rows (filled in ${((performance.now() - t0) / 1000).toFixed(0)} s), then VACUUM ANALYZE and CHECKPOINT`,
      'per statement: top-level Buffers and WAL lines of EXPLAIN (ANALYZE, BUFFERS, WAL), and its execution time\n',
    );
    const inserts: ReturnType<typeof figures>[] = [];
    for (let k = 0; k < 40; k++) {
      const insert = await c.query(`${explain} insert into analysis_jobs (user_id, type) values (gen_random_uuid(), 'healthcheck')`);
      inserts.push(figures(insert.rows));
      const claim = await c.query(`${explain} ${CLAIM_SQL}`, ['wal-probe', 1, 30, [], 100, [], []]);
      const { id, lease_token } = (await c.query(`select id, lease_token from analysis_jobs where status = 'processing' and locked_by = 'wal-probe'`)).rows[0];
      const complete = await c.query(`${explain} ${COMPLETE_MANY_SQL}`, [JSON.stringify([{ id, lease_token, result: { ok: true }, locked_by: 'wal-probe' }])]);
      if (k < 3 || k % 10 === 9) {
        out.push(`job ${k + 1}:`, `  insert    ${summary(insert.rows)}`, `  claim     ${summary(claim.rows)}`, `  complete  ${summary(complete.rows)}`);
      }
    }
    const of = (f: (x: ReturnType<typeof figures>) => number) => inserts.map(f);
    out.push(
      `insert, 40 jobs: full-page images ${sum(of((x) => x.fpi))} (median ${median(of((x) => x.fpi))} a job), ` +
        `WAL bytes median ${median(of((x) => x.bytes))}, pages read from outside shared_buffers ${sum(of((x) => x.read))}, ` +
        `execution median ${median(of((x) => x.ms)).toFixed(3)} ms\n`,
    );
  } finally {
    await c.end();
    await dropDatabase(name);
  }
}
writeFileSync('bench/results/queue-insert-wal.txt', out.join('\n'));
console.log(out.join('\n'));
