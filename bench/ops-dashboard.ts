// What one refresh of the operators' dashboard costs the database: readOverview (the JSON behind
// /dashboard/data, fetched every 5 s per open page) over a table of ROWS jobs spread over 30 days
// (the default retention), 1/30 of them in the dashboard's 24 h window. There is no index on
// created_at or completed_at of their own (sql/052 dropped sql/051's: every insert, claim and settle
// wrote them): each window reads the live index (status, user_id) for pending and processing jobs and
// the retention index on coalesce(completed_at, created_at) for finished ones, with the statistics on
// that expression of sql/053 (src/ops/windows.ts). This measures that the refresh stays in the range
// it had with sql/051's indexes (p50 25 ms on the same machine; 116 ms without sql/053's statistics,
// 270 ms with the queries unchanged).
//
//   npm run bench:ops-dashboard            (ROWS=300000 by default; RUNS=30)
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { readOverview } from '../src/ops/overview.ts';
import { ADMIN_URL, createDatabase, databaseUrl, dropDatabase } from '../src/dev/testkit/database.ts';
import { machineFacts } from './lib/machine.ts';
import { percentile, round } from './lib/stats.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const ROWS = Number(process.env.ROWS ?? 300_000);
const RUNS = Number(process.env.RUNS ?? 30);

async function main(): Promise<void> {
  const machine = await machineFacts(ADMIN_URL);
  const name = await createDatabase('bench_ops_dashboard');
  const pool = new pg.Pool({ connectionString: databaseUrl(name), max: 10 });
  try {
    const started = performance.now();
    await pool.query(
      `insert into analysis_jobs (user_id, type, status, attempts, created_at, run_at, started_at, completed_at, error, provider_calls)
       select gen_random_uuid(), (array['sofia_image','medical_exam','unified_assistant','meal_plan'])[1 + g % 4],
              case when g % 40 = 0 then 'failed' else 'completed' end, 1,
              now() - make_interval(secs => g * (30 * 86400.0 / $1)), now() - make_interval(secs => g * (30 * 86400.0 / $1)),
              now() - make_interval(secs => g * (30 * 86400.0 / $1)), now() - make_interval(secs => g * (30 * 86400.0 / $1)) + make_interval(secs => 2 + g % 9),
              case when g % 40 = 0 then '{"code":"provider_unavailable","message":"x"}'::jsonb end,
              '[{"provider":"gemini","model":"gemini-2.5-flash","ok":true,"ms":900,"input_tokens":1000,"output_tokens":200}]'::jsonb
         from generate_series(1, $1) g`,
      [ROWS],
    );
    await pool.query('vacuum analyze analysis_jobs');
    const seedSeconds = (performance.now() - started) / 1000;
    for (let i = 0; i < 3; i++) await readOverview(pool);
    const samples: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      await readOverview(pool);
      samples.push(performance.now() - t);
    }
    const result = {
      what: 'one /dashboard/data refresh (readOverview), table of ROWS jobs over 30 days',
      command: 'npm run bench:ops-dashboard',
      when: new Date().toISOString(),
      machine,
      rows: ROWS,
      rows_in_window: Math.round(ROWS / 30),
      runs: RUNS,
      seed_seconds: round(seedSeconds, 1),
      p50_ms: round(percentile(samples, 50), 1),
      p95_ms: round(percentile(samples, 95), 1),
      max_ms: round(Math.max(...samples), 1),
    };
    mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
    writeFileSync(path.join(ROOT, 'bench/results/ops-dashboard.json'), `${JSON.stringify(result, null, 2)}\n`);
    console.log(JSON.stringify(result, null, 2));
  } finally {
    await pool.end();
    await dropDatabase(name);
  }
}

await main();
