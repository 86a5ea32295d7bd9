// The cost report (plan §19): what the recorded load cost with the VPS daemon, against what the
// same load would have cost run inside Edge Functions. Every line carries its quantity, its unit
// price and the formula that joins them, so each figure can be checked by hand. Prices come from
// data/prices.json (dated, with sources), overridable by the operator.
import { readFileSync } from 'node:fs';
import type pg from 'pg';
import { anyJobAfter, secondsAgo } from './windows.ts';

type Queryable = Pick<pg.Pool, 'query'>;

export interface Prices {
  as_of: string;
  currency: string;
  gemini: { per_million_tokens: Record<string, { input: number; output: number }>; edge_substitute_model: string; source?: string };
  edge_functions: {
    included_invocations_per_month: number;
    usd_per_million_invocations: number;
    billed_in_whole_millions: boolean;
    usd_per_gb_second: number;
    memory_gb: number;
    wall_clock_limit_seconds: number;
    request_idle_timeout_seconds: number;
    source?: string;
  };
  vps: { monthly_usd: number; source?: string };
}

export const DEFAULT_PRICES_FILE = new URL('../../data/prices.json', import.meta.url);

type Json = Record<string, unknown>;
function merge(base: Json, over: Json): Json {
  const out: Json = { ...base };
  for (const [k, v] of Object.entries(over)) {
    out[k] = v && typeof v === 'object' && !Array.isArray(v) && base[k] && typeof base[k] === 'object' ? merge(base[k] as Json, v as Json) : v;
  }
  return out;
}

/** The dated table, with the operator's file (same shape, any subset) laid over it. */
export function loadPrices(overrideFile?: string): Prices {
  const base = JSON.parse(readFileSync(DEFAULT_PRICES_FILE, 'utf8')) as Json;
  if (!overrideFile) return base as unknown as Prices;
  let over: unknown;
  try {
    over = JSON.parse(readFileSync(overrideFile, 'utf8'));
  } catch (err) {
    throw new Error(`cannot read prices from ${overrideFile}: ${(err as Error).message}`);
  }
  if (!over || typeof over !== 'object' || Array.isArray(over)) throw new Error(`${overrideFile}: expected a JSON object shaped like data/prices.json`);
  const merged = merge(base, over as Json) as unknown as Prices;
  const nums: Array<[string, unknown]> = [
    ['vps.monthly_usd', merged.vps?.monthly_usd],
    ['edge_functions.usd_per_million_invocations', merged.edge_functions?.usd_per_million_invocations],
    ['edge_functions.included_invocations_per_month', merged.edge_functions?.included_invocations_per_month],
    ['edge_functions.usd_per_gb_second', merged.edge_functions?.usd_per_gb_second],
    ...Object.entries(merged.gemini?.per_million_tokens ?? {}).flatMap(
      ([m, p]): Array<[string, unknown]> => [
        [`gemini.per_million_tokens.${m}.input`, p?.input],
        [`gemini.per_million_tokens.${m}.output`, p?.output],
      ],
    ),
  ];
  const bad = nums.filter(([, v]) => typeof v !== 'number' || !Number.isFinite(v) || v < 0).map(([k]) => k);
  if (bad.length) throw new Error(`${overrideFile}: expected non-negative numbers for ${bad.join(', ')}`);
  return merged;
}

export interface CostInputs {
  window_seconds: number;
  /** Jobs created in the window: each is one function invocation (the enqueue now; the whole analysis before). */
  jobs: number;
  /** Sum over finished jobs of their last attempt's run time (started_at → completed_at). */
  attempt_seconds: number;
  /** Jobs whose attempt ran past the Edge request idle timeout / wall-clock limit: they would have failed there. */
  over_idle_timeout: number;
  over_wall_clock: number;
  /** Provider calls recorded on the jobs (the last attempt's), by provider and model. */
  calls: Array<{ provider: string; model: string; calls: number; failed: number; input_tokens: number; output_tokens: number }>;
}

export async function readCostInputs(db: Queryable, windowSeconds: number, prices: Prices): Promise<CostInputs> {
  const [jobs, calls] = await Promise.all([
    db.query<{ jobs: number; attempt_seconds: number; over_idle: number; over_wall: number }>(
      `select count(*)::int as jobs,
              coalesce(sum(extract(epoch from completed_at - started_at)) filter (where completed_at is not null and started_at is not null), 0)::float8 as attempt_seconds,
              count(*) filter (where extract(epoch from completed_at - started_at) > $2)::int as over_idle,
              count(*) filter (where extract(epoch from completed_at - started_at) > $3)::int as over_wall
         from public.analysis_jobs
        where ${anyJobAfter('created_at', secondsAgo('$1'))}`,
      [windowSeconds, prices.edge_functions.request_idle_timeout_seconds, prices.edge_functions.wall_clock_limit_seconds],
    ),
    db.query<CostInputs['calls'][number]>(
      `select c->>'provider' as provider, coalesce(c->>'model', '') as model, count(*)::int as calls,
              count(*) filter (where (c->>'ok')::boolean is false)::int as failed,
              coalesce(sum((c->>'input_tokens')::bigint), 0)::float8 as input_tokens,
              coalesce(sum((c->>'output_tokens')::bigint), 0)::float8 as output_tokens
         from public.analysis_jobs j,
              jsonb_array_elements(case when jsonb_typeof(j.provider_calls) = 'array' then j.provider_calls else '[]'::jsonb end) c
        where ${anyJobAfter('created_at', secondsAgo('$1'), 'j')}
        group by 1, 2
        order by 1, 2`,
      [windowSeconds],
    ),
  ]);
  const j = jobs.rows[0]!;
  return {
    window_seconds: windowSeconds,
    jobs: j.jobs,
    attempt_seconds: j.attempt_seconds,
    over_idle_timeout: j.over_idle,
    over_wall_clock: j.over_wall,
    calls: calls.rows,
  };
}

export interface CostLine {
  design: 'vps' | 'edge';
  item: string;
  quantity: number;
  unit: string;
  unit_price: number | null;
  /** Cost of the window's load; null when no price is known. */
  usd_window: number | null;
  /** The same, scaled to 30 days (or the monthly figure itself for fixed costs). */
  usd_month: number | null;
  formula: string;
}

export interface CostReport {
  prices_as_of: string;
  currency: string;
  window_days: number;
  inputs: CostInputs;
  lines: CostLine[];
  totals: { vps_month: number; edge_month: number; difference_month: number; difference_year: number };
  warnings: string[];
}

const MONTH_SECONDS = 30 * 86_400;
const round = (x: number, digits = 6) => Math.round(x * 10 ** digits) / 10 ** digits;

function invocationCost(monthlyInvocations: number, p: Prices['edge_functions']): { usd: number; formula: string } {
  const over = Math.max(0, monthlyInvocations - p.included_invocations_per_month);
  const millions = p.billed_in_whole_millions ? Math.ceil(over / 1e6) : over / 1e6;
  return {
    usd: millions * p.usd_per_million_invocations,
    formula: `${p.billed_in_whole_millions ? 'ceil' : ''}(max(0, ${round(monthlyInvocations, 1)} - ${p.included_invocations_per_month} included) / 1e6) × $${p.usd_per_million_invocations}`,
  };
}

/** Pure: the same inputs and prices always give the same report. */
export function computeCostReport(inputs: CostInputs, prices: Prices): CostReport {
  const scale = MONTH_SECONDS / inputs.window_seconds;
  const lines: CostLine[] = [];
  const warnings: string[] = [];
  const perM = prices.gemini.per_million_tokens;

  // Gemini: the same calls in both designs.
  for (const c of inputs.calls.filter((c) => c.provider === 'gemini')) {
    const price = perM[c.model];
    for (const design of ['vps', 'edge'] as const) {
      for (const dir of ['input', 'output'] as const) {
        const tokens = dir === 'input' ? c.input_tokens : c.output_tokens;
        const unit = price ? price[dir] : null;
        const usd = unit === null ? null : (tokens / 1e6) * unit;
        lines.push({
          design,
          item: `gemini ${c.model} ${dir} tokens`,
          quantity: tokens,
          unit: 'tokens',
          unit_price: unit,
          usd_window: usd === null ? null : round(usd),
          usd_month: usd === null ? null : round(usd * scale),
          formula: unit === null ? `no price for ${c.model} in the price table` : `${tokens} / 1e6 × $${unit}`,
        });
      }
    }
    if (!price) warnings.push(`no price for Gemini model "${c.model}": add it to the price table (--prices FILE); its tokens are left out of the totals`);
  }

  // Edge has no Ollama: what Ollama generated on the VPS would have been Gemini tokens.
  const sub = prices.gemini.edge_substitute_model;
  const subPrice = perM[sub];
  const ollama = inputs.calls.filter((c) => c.provider === 'ollama');
  const ollamaIn = ollama.reduce((n, c) => n + c.input_tokens, 0);
  const ollamaOut = ollama.reduce((n, c) => n + c.output_tokens, 0);
  if (ollamaIn + ollamaOut > 0) {
    if (!subPrice) warnings.push(`edge_substitute_model "${sub}" has no price: Ollama's tokens are left out of the Edge totals`);
    for (const [dir, tokens] of [
      ['input', ollamaIn],
      ['output', ollamaOut],
    ] as const) {
      const unit = subPrice ? subPrice[dir] : null;
      const usd = unit === null ? null : (tokens / 1e6) * unit;
      lines.push({
        design: 'edge',
        item: `ollama ${dir} tokens as ${sub}`,
        quantity: tokens,
        unit: 'tokens',
        unit_price: unit,
        usd_window: usd === null ? null : round(usd),
        usd_month: usd === null ? null : round(usd * scale),
        formula: unit === null ? `no price for ${sub}` : `${tokens} / 1e6 × $${unit}`,
      });
    }
  }
  const yolo = inputs.calls.filter((c) => c.provider === 'yolo').reduce((n, c) => n + c.calls, 0);
  if (yolo > 0)
    warnings.push(
      `${yolo} YOLO detection call(s) ran on the VPS; on Edge they would have been Gemini vision calls, whose tokens cannot be known here (not priced)`,
    );

  // Invocations: one per job in both designs (the enqueue now, the whole analysis before).
  const monthlyInvocations = inputs.jobs * scale;
  const inv = invocationCost(monthlyInvocations, prices.edge_functions);
  for (const design of ['vps', 'edge'] as const) {
    lines.push({
      design,
      item: design === 'vps' ? 'edge function invocations (enqueue)' : 'edge function invocations (whole analysis)',
      quantity: inputs.jobs,
      unit: 'invocations',
      unit_price: prices.edge_functions.usd_per_million_invocations / 1e6,
      // Package pricing is monthly: the window's share is the monthly figure scaled back.
      usd_window: round(inv.usd / scale),
      usd_month: round(inv.usd),
      formula: `${inputs.jobs} jobs × ${round(scale, 4)} = ${round(monthlyInvocations, 1)}/month; ${inv.formula}`,
    });
  }

  // Edge compute: GB-seconds of the analyses (priced at 0 unless the plan bills duration).
  const gbSeconds = inputs.attempt_seconds * prices.edge_functions.memory_gb;
  const compute = gbSeconds * prices.edge_functions.usd_per_gb_second;
  lines.push({
    design: 'edge',
    item: 'edge function compute (GB-seconds)',
    quantity: round(gbSeconds, 3),
    unit: 'GB-s',
    unit_price: prices.edge_functions.usd_per_gb_second,
    usd_window: round(compute),
    usd_month: round(compute * scale),
    formula: `${round(inputs.attempt_seconds, 3)} s × ${prices.edge_functions.memory_gb} GB × $${prices.edge_functions.usd_per_gb_second}`,
  });

  lines.push({
    design: 'vps',
    item: 'VPS (fixed)',
    quantity: 1,
    unit: 'month',
    unit_price: prices.vps.monthly_usd,
    usd_window: round(prices.vps.monthly_usd / scale),
    usd_month: prices.vps.monthly_usd,
    formula: `$${prices.vps.monthly_usd} per month`,
  });

  if (inputs.over_idle_timeout > 0) {
    warnings.push(
      `${inputs.over_idle_timeout} job(s) ran longer than the Edge request idle timeout (${prices.edge_functions.request_idle_timeout_seconds} s)` +
        ` and ${inputs.over_wall_clock} longer than the wall-clock limit (${prices.edge_functions.wall_clock_limit_seconds} s): on Edge they would have failed`,
    );
  }
  const sum = (design: 'vps' | 'edge') =>
    round(
      lines.filter((l) => l.design === design).reduce((n, l) => n + (l.usd_month ?? 0), 0),
      2,
    );
  const vps = sum('vps');
  const edge = sum('edge');
  return {
    prices_as_of: prices.as_of,
    currency: prices.currency,
    window_days: round(inputs.window_seconds / 86_400, 3),
    inputs,
    lines,
    totals: { vps_month: vps, edge_month: edge, difference_month: round(vps - edge, 2), difference_year: round((vps - edge) * 12, 2) },
    warnings,
  };
}
