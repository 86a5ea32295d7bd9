// The cost report: arithmetic checked by hand on chosen inputs, the dated price table and its
// override, and the inputs read from recorded jobs on a real database.
import { before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { computeCostReport, loadPrices, type CostInputs } from '../src/ops/cost.ts';
import { runCostReportCommand } from '../src/ops/cost-cli.ts';
import { useFreshDatabase } from './support/database.ts';

const DAY = 86_400;
const prices = loadPrices();

function inputs(over: Partial<CostInputs> = {}): CostInputs {
  return {
    window_seconds: 30 * DAY,
    jobs: 3_000_000,
    attempt_seconds: 1000,
    over_idle_timeout: 0,
    over_wall_clock: 0,
    calls: [
      { provider: 'gemini', model: 'gemini-2.5-flash', calls: 10, failed: 0, input_tokens: 1_000_000, output_tokens: 200_000 },
      { provider: 'ollama', model: 'llama3.1:8b', calls: 10, failed: 0, input_tokens: 500_000, output_tokens: 100_000 },
    ],
    ...over,
  };
}

describe('arithmetic (pure)', () => {
  test('the price table is dated and names its sources', () => {
    const raw = JSON.parse(readFileSync('data/prices.json', 'utf8'));
    assert.match(raw.as_of, /^\d{4}-\d{2}-\d{2}$/);
    for (const part of ['gemini', 'edge_functions', 'vps']) assert.ok(raw[part].source, part);
    assert.ok(raw.gemini.per_million_tokens[raw.gemini.edge_substitute_model], 'the substitute model has a price');
  });

  test('30 days of load: every line and total, worked out by hand', () => {
    // Hand-computed with data/prices.json: gemini-2.5-flash $0.30 in / $2.50 out per 1M tokens;
    // 3,000,000 invocations − 2,000,000 included = 1 started million × $2; VPS $24.
    const r = computeCostReport(inputs(), prices);
    const line = (design: string, item: string) => r.lines.find((l) => l.design === design && l.item === item)!;
    assert.equal(line('vps', 'gemini gemini-2.5-flash input tokens').usd_month, 0.3);
    assert.equal(line('vps', 'gemini gemini-2.5-flash output tokens').usd_month, 0.5);
    assert.equal(line('edge', 'ollama input tokens as gemini-2.5-flash').usd_month, 0.15);
    assert.equal(line('edge', 'ollama output tokens as gemini-2.5-flash').usd_month, 0.25);
    assert.equal(line('vps', 'edge function invocations (enqueue)').usd_month, 2);
    assert.equal(line('edge', 'edge function invocations (whole analysis)').usd_month, 2);
    assert.equal(line('edge', 'edge function compute (GB-seconds)').quantity, 256);
    assert.equal(line('vps', 'VPS (fixed)').usd_month, 24);
    assert.deepEqual(r.totals, { vps_month: 26.8, edge_month: 3.2, difference_month: 23.6, difference_year: 283.2 });
    for (const l of r.lines) assert.ok(l.formula.length > 0, `${l.item} says how`);
    assert.match(line('vps', 'gemini gemini-2.5-flash input tokens').formula, /^1000000 \/ 1e6 × \$0\.3$/);
  });

  test('a 7-day window scales to the month; invocations are billed in started millions beyond the quota', () => {
    // 7 days, 490,000 jobs → 2,100,000 a month → 0.1 M over the quota → one started million: $2.
    const r = computeCostReport(inputs({ window_seconds: 7 * DAY, jobs: 490_000, calls: [] }), prices);
    const inv = r.lines.find((l) => l.item === 'edge function invocations (enqueue)')!;
    assert.equal(inv.usd_month, 2);
    assert.match(inv.formula, /= 2100000\/month/);
    const within = computeCostReport(inputs({ window_seconds: 7 * DAY, jobs: 466_666, calls: [] }), prices);
    assert.equal(within.lines.find((l) => l.item === 'edge function invocations (enqueue)')!.usd_month, 0, 'under 2 M a month is included');
  });

  test('a model without a price is named in a warning and left out of the totals, not guessed', () => {
    const r = computeCostReport(
      inputs({ calls: [{ provider: 'gemini', model: 'gemini-9-ultra', calls: 1, failed: 0, input_tokens: 5_000_000, output_tokens: 0 }] }),
      prices,
    );
    assert.ok(r.warnings.some((w) => w.includes('gemini-9-ultra')));
    assert.equal(r.lines.find((l) => l.item.startsWith('gemini gemini-9-ultra'))!.usd_month, null);
    assert.equal(r.totals.vps_month, 26);
  });

  test('jobs longer than the Edge limits are reported as ones that would have failed there', () => {
    const r = computeCostReport(inputs({ over_idle_timeout: 4, over_wall_clock: 1 }), prices);
    assert.ok(
      r.warnings.some((w) => /^4 job\(s\) ran longer than the Edge request idle timeout \(150 s\) and 1 longer than the wall-clock limit \(400 s\)/.test(w)),
    );
  });

  test('an operator file overrides parts of the table; bad values are refused with the key named', () => {
    const dir = mkdtempSync(join(tmpdir(), 'aiw-prices-'));
    try {
      writeFileSync(
        join(dir, 'p.json'),
        JSON.stringify({ as_of: '2027-01-01', vps: { monthly_usd: 10 }, gemini: { per_million_tokens: { 'gemini-2.5-flash': { input: 0.6, output: 5 } } } }),
      );
      const p = loadPrices(join(dir, 'p.json'));
      assert.equal(p.as_of, '2027-01-01');
      assert.equal(p.edge_functions.usd_per_million_invocations, 2, 'untouched parts keep the defaults');
      assert.equal(p.gemini.per_million_tokens['gemini-2.5-pro']!.input, 1.25);
      const r = computeCostReport(inputs(), p);
      assert.equal(r.totals.vps_month, 10 + 0.6 + 1 + 2);
      writeFileSync(join(dir, 'bad.json'), JSON.stringify({ vps: { monthly_usd: -3 } }));
      assert.throws(() => loadPrices(join(dir, 'bad.json')), /vps\.monthly_usd/);
      assert.throws(() => loadPrices(join(dir, 'missing.json')), /cannot read prices/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('from recorded jobs', () => {
  const db = useFreshDatabase('ops_cost');
  before(async () => {
    await db.ready;
    const calls = (n: number) =>
      JSON.stringify([
        { provider: 'gemini', model: 'gemini-2.5-flash', ok: true, ms: 900, input_tokens: 1000 * n, output_tokens: 200 * n },
        { provider: 'ollama', model: 'llama3.1:8b', ok: true, ms: 3000, input_tokens: 500, output_tokens: 100 },
        { provider: 'gemini', model: 'gemini-2.5-flash', ok: false, ms: 30000, input_tokens: null, output_tokens: null, error_code: 'timeout' },
      ]);
    for (let i = 1; i <= 4; i++) {
      await db.pool.query(
        `insert into analysis_jobs (user_id, type, status, attempts, created_at, started_at, completed_at, provider_calls)
         values (gen_random_uuid(), 'sofia_image', 'completed', 1, now() - interval '1 day', now() - interval '1 day', now() - interval '1 day' + make_interval(secs => $1), $2)`,
        [i * 10 + (i === 4 ? 200 : 0), calls(i)],
      );
    }
    // Outside a 7-day window.
    await db.pool.query(
      `insert into analysis_jobs (user_id, type, status, created_at, provider_calls) values (gen_random_uuid(), 'meal_plan', 'completed', now() - interval '40 days', $1)`,
      [calls(100)],
    );
  });

  test('cost-report --json: inputs are the sums of what the jobs recorded', async () => {
    let out = '';
    const code = await runCostReportCommand(['--since', '7d', '--json'], db.pool, { out: (t) => (out += t), err: () => {} });
    assert.equal(code, 0);
    const r = JSON.parse(out);
    assert.equal(r.inputs.jobs, 4);
    assert.equal(r.inputs.attempt_seconds, 10 + 20 + 30 + 240);
    assert.equal(r.inputs.over_idle_timeout, 1, 'the 240 s job');
    assert.equal(r.inputs.over_wall_clock, 0);
    const gemini = r.inputs.calls.find((c: { provider: string }) => c.provider === 'gemini');
    assert.deepEqual(gemini, { provider: 'gemini', model: 'gemini-2.5-flash', calls: 8, failed: 4, input_tokens: 10_000, output_tokens: 2_000 });
    const ollama = r.inputs.calls.find((c: { provider: string }) => c.provider === 'ollama');
    assert.deepEqual(ollama, { provider: 'ollama', model: 'llama3.1:8b', calls: 4, failed: 0, input_tokens: 2_000, output_tokens: 400 });
    assert.equal(r.window_days, 7);
  });

  test('the real command line prints both designs, the difference and its notes', () => {
    const res = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'cost-report', '--since', '30d'], {
      env: { ...process.env, DATABASE_URL: db.url },
      encoding: 'utf8',
    });
    assert.equal(res.status, 0, res.stderr);
    assert.match(res.stdout, /^cost report: jobs created in the last 30d \(4 jobs\), prices of \d{4}-\d{2}-\d{2} \(USD\)/);
    assert.match(res.stdout, /With the VPS daemon \(now\)/);
    assert.match(res.stdout, /As Edge Functions only \(before\)/);
    assert.match(res.stdout, /difference: the VPS (costs|saves) \$\d+\.\d\d per month, \$\d+\.\d\d per year/);
    assert.match(res.stdout, /note: 1 job\(s\) ran longer than the Edge request idle timeout/);
    const bad = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli.ts', 'cost-report', '--since', 'forever'], {
      env: { ...process.env, DATABASE_URL: db.url },
      encoding: 'utf8',
    });
    assert.equal(bad.status, 2);
    assert.match(bad.stderr, /not a duration/);
  });
});
