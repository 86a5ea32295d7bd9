// Meal-plan quality and speed: over 200 seeded random requests, the share of plans that break any
// rule (judged by the independent oracle of src/dev/testkit/meal-plan-oracle.ts; target 0), how far
// each day lands from its energy and macro targets, how many requests are infeasible; and the time
// to plan 7 days × 6 meals. Pure CPU, no database.
//
//   npm run bench:analyses            (runs this section at the end)
//   npx tsx bench/meal-plans.ts       (this section alone; REQUESTS=… PLAN_ITERATIONS=… SEED=…)
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { planMeals, type MealPlanInput } from '../src/nutrition/planner.ts';
import { RESTRICTIONS, type Restriction } from '../src/nutrition/restrictions.ts';
import { loadTacoFromFile } from '../src/nutrition/taco-file.ts';
import { deviations, planProblems } from '../src/dev/testkit/meal-plan-oracle.ts';
import { percentile, round } from './lib/stats.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** Park–Miller: the same requests on every run and machine. */
function seeded(seed: number): () => number {
  let s = seed % 2147483647 || 1;
  return () => (s = (s * 48271) % 2147483647) / 2147483647;
}

/** Requests like the issue's 48: 1 400–2 900 kcal, 3–6 meals, 1–7 days, any restrictions, usual macros. */
export function randomRequests(n: number, seed: number): MealPlanInput[] {
  const rnd = seeded(seed);
  const int = (lo: number, hi: number) => lo + Math.floor(rnd() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const out: MealPlanInput[] = [];
  for (let i = 0; i < n; i++) {
    const restrictions = new Set<Restriction>();
    for (let k = int(0, 2); k > 0; k--) restrictions.add(pick(RESTRICTIONS));
    const p = int(15, 25);
    const f = int(25, 35);
    out.push({
      kcal_target: int(1400, 2900),
      meals_per_day: int(3, 6),
      days: int(1, 7),
      restrictions: [...restrictions],
      ...(rnd() < 0.4 ? {} : { macros: { protein_pct: p, fat_pct: f, carbs_pct: 100 - p - f } }),
      ...(rnd() < 0.25 ? { exclude_foods: [pick(['frango', 'banana', 'arroz integral', '567', 'iogurte', 'tomate'])] } : {}),
    });
  }
  return out;
}

/** Wall-clock and CPU milliseconds of one call: on a shared, loaded machine the CPU figure is the honest one. */
function timed<T>(fn: () => T): [T, number, number] {
  const c0 = process.cpuUsage();
  const t0 = performance.now();
  const out = fn();
  const ms = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return [out, ms, (c.user + c.system) / 1000];
}

/** Why requests were infeasible, by the reason's wording. */
const REASON_KINDS: Array<[string, RegExp]> = [
  ['diabetic carbohydrate caps', /no máximo 75 g de carboidrato/],
  ['energy above household portions of the meals', /não cabem em \d refeições|porções acima do habitual/],
  ['macros out of reach of household portions', /não cabe nas porções realistas/],
  ['no food left for a role', /nenhuma opção de/],
  ['variety rules', /regras de variedade/],
];

const stats = (xs: number[]) => ({
  mean_pct: round((xs.reduce((a, b) => a + b, 0) / Math.max(1, xs.length)) * 100),
  p95_pct: round((percentile(xs, 95) ?? 0) * 100),
  max_pct: round(Math.max(0, ...xs) * 100),
});

export interface MealPlanBenchResult {
  requests: number;
  served: number;
  infeasible: number;
  infeasible_by_reason: Record<string, number>;
  plans_breaking_a_rule: number;
  share_breaking_a_rule_pct: number;
  first_problems: string[];
  deviation_per_day: Record<'kcal' | 'protein' | 'carbs' | 'fat', { mean_pct: number | null; p95_pct: number | null; max_pct: number | null }>;
  request_ms: { p50: number | null; p95: number | null; max: number | null; cpu_p50: number | null; cpu_p95: number | null };
  seven_day_plan: {
    request: string;
    iterations: number;
    infeasible: number;
    p50_ms: number | null;
    p95_ms: number | null;
    max_ms: number | null;
    cpu_p50_ms: number | null;
    cpu_p95_ms: number | null;
  };
}

export function mealPlanBench(opts: { requests?: number; seed?: number; planIterations?: number } = {}): MealPlanBenchResult {
  const taco = loadTacoFromFile();
  const requests = randomRequests(opts.requests ?? 200, opts.seed ?? 17);
  // Warm the JIT so the first request's compile time does not land in the figures.
  for (let i = 0; i < 3; i++) planMeals({ kcal_target: 2000, meals_per_day: 5, days: 2 }, taco);
  let served = 0;
  let infeasible = 0;
  let broken = 0;
  const firstProblems: string[] = [];
  const dev = { kcal: [] as number[], protein: [] as number[], carbs: [] as number[], fat: [] as number[] };
  const times: number[] = [];
  const cpuTimes: number[] = [];
  const reasons: Record<string, number> = {};
  for (const req of requests) {
    const [res, ms, cpu] = timed(() => planMeals(req, taco));
    times.push(ms);
    cpuTimes.push(cpu);
    if (!res.ok) {
      infeasible++;
      const kind = REASON_KINDS.find(([, re]) => re.test(res.reason))?.[0] ?? 'other';
      reasons[kind] = (reasons[kind] ?? 0) + 1;
      continue;
    }
    served++;
    const problems = planProblems(req, res.plan, taco);
    if (problems.length > 0) {
      broken++;
      if (firstProblems.length < 5) firstProblems.push(`${JSON.stringify(req)}: ${problems[0]}`);
    }
    for (const d of deviations(res.plan)) {
      dev.kcal.push(d.kcal);
      dev.protein.push(d.protein);
      dev.carbs.push(d.carbs);
      dev.fat.push(d.fat);
    }
  }

  const planTimes: number[] = [];
  const planCpu: number[] = [];
  let planInfeasible = 0;
  const iterations = opts.planIterations ?? 50;
  for (let i = 0; i < iterations; i++) {
    const req: MealPlanInput = { kcal_target: 1500 + (i % 30) * 50, meals_per_day: 6, days: 7, restrictions: i % 3 === 0 ? ['vegetarian'] : [] };
    const [res, ms, cpu] = timed(() => planMeals(req, taco));
    if (!res.ok) planInfeasible++;
    planTimes.push(ms);
    planCpu.push(cpu);
  }

  return {
    requests: requests.length,
    served,
    infeasible,
    infeasible_by_reason: reasons,
    plans_breaking_a_rule: broken,
    share_breaking_a_rule_pct: round((broken / Math.max(1, served)) * 100) ?? 0,
    first_problems: firstProblems,
    deviation_per_day: { kcal: stats(dev.kcal), protein: stats(dev.protein), carbs: stats(dev.carbs), fat: stats(dev.fat) },
    request_ms: {
      p50: round(percentile(times, 50)),
      p95: round(percentile(times, 95)),
      max: round(Math.max(...times)),
      cpu_p50: round(percentile(cpuTimes, 50)),
      cpu_p95: round(percentile(cpuTimes, 95)),
    },
    seven_day_plan: {
      request: '7 days × 6 meals, 1500–2950 kcal, every third vegetarian',
      iterations,
      infeasible: planInfeasible,
      p50_ms: round(percentile(planTimes, 50)),
      p95_ms: round(percentile(planTimes, 95)),
      max_ms: round(Math.max(...planTimes)),
      cpu_p50_ms: round(percentile(planCpu, 50)),
      cpu_p95_ms: round(percentile(planCpu, 95)),
    },
  };
}

/** Runs the section, prints it, writes bench/results/meal-plans.json. */
export function runMealPlanBench(): MealPlanBenchResult {
  const r = mealPlanBench({
    requests: Number(process.env.REQUESTS ?? 200),
    seed: Number(process.env.SEED ?? 17),
    planIterations: Number(process.env.PLAN_ITERATIONS ?? 50),
  });
  mkdirSync(path.join(ROOT, 'bench/results'), { recursive: true });
  writeFileSync(path.join(ROOT, 'bench/results/meal-plans.json'), `${JSON.stringify({ at: new Date().toISOString(), ...r }, null, 2)}\n`);
  const d = r.deviation_per_day;
  console.log(`\nmeal plans: ${r.requests} random requests (seeded), judged by the independent oracle`);
  console.log(
    `  served ${r.served}, infeasible ${r.infeasible}; plans breaking a rule: ${r.plans_breaking_a_rule} (${r.share_breaking_a_rule_pct} %, target 0)`,
  );
  console.log(
    `  infeasible by reason: ${
      Object.entries(r.infeasible_by_reason)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ') || 'none'
    }`,
  );
  for (const k of ['kcal', 'protein', 'carbs', 'fat'] as const) {
    console.log(
      `  ${k.padEnd(7)} deviation per day: mean ${d[k].mean_pct} %, p95 ${d[k].p95_pct} %, max ${d[k].max_pct} % (tolerance ${k === 'kcal' ? 5 : 10} %)`,
    );
  }
  console.log(
    `  per request: wall p50 ${r.request_ms.p50} ms, p95 ${r.request_ms.p95} ms, max ${r.request_ms.max} ms; CPU p50 ${r.request_ms.cpu_p50} ms, p95 ${r.request_ms.cpu_p95} ms`,
  );
  const s = r.seven_day_plan;
  console.log(
    `  7-day plan (${s.request}): wall p50 ${s.p50_ms} ms, p95 ${s.p95_ms} ms, max ${s.max_ms} ms; CPU p50 ${s.cpu_p50_ms} ms, p95 ${s.cpu_p95_ms} ms over ${s.iterations}`,
  );
  for (const p of r.first_problems) console.log(`  ! ${p}`);
  console.log('written to bench/results/meal-plans.json');
  return r;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) runMealPlanBench();
