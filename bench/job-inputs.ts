// Cost of validating a job input (validateInput), the code every enqueue runs at the edge (2 s of CPU
// per request there) and every job runs at the worker. Per case, under Node (tsx): the first call in
// the process and the median of 50 batches of 100 warm calls; module loading is timed on its own.
// Then what a cold edge isolate pays: the module bundled alone by `deno bundle` (npm packages from
// node_modules), loaded and called once under Deno, three fresh processes. Writes
// bench/results/job-inputs.json, one entry per --label.
// Run: npx tsx bench/job-inputs.ts --label=after
//      git worktree add --detach /tmp/aiw-before 13503d6 &&
//        npx tsx bench/job-inputs.ts --label=before --module=/tmp/aiw-before/src/schemas.ts
//      (the hand-written validators before issue 18; the worktree needs no node_modules)
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { assistantInput, examInput, LAB_REPORT, mealPlanInput, sofiaInput, WHATSAPP_FROM, WHATSAPP_TEXT } from '../scripts/demo/requests.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
const label = arg('label') ?? 'current';
const modulePath = path.resolve(arg('module') ?? path.join(ROOT, 'src/job-inputs/index.ts'));

type Validate = (type: string, input: unknown) => unknown;
const t0 = performance.now();
const { validateInput } = (await import(pathToFileURL(modulePath).href)) as { validateInput: Validate };
const importMs = performance.now() - t0;

const cases: Array<{ name: string; type: string; input: unknown; valid: boolean }> = [
  { name: 'sofia_image, demo photo (base64)', type: 'sofia_image', input: sofiaInput(), valid: true },
  { name: 'medical_exam, demo report (text)', type: 'medical_exam', input: examInput(), valid: true },
  { name: 'unified_assistant, one turn', type: 'unified_assistant', input: assistantInput(), valid: true },
  {
    name: 'unified_assistant, 50 turns',
    type: 'unified_assistant',
    input: { messages: Array.from({ length: 50 }, (_, i) => ({ role: i % 2 ? 'assistant' : 'user', content: LAB_REPORT.slice(0, 400) })) },
    valid: true,
  },
  { name: 'meal_plan, demo', type: 'meal_plan', input: mealPlanInput(), valid: true },
  { name: 'whatsapp_message, text', type: 'whatsapp_message', input: { from: WHATSAPP_FROM, text: WHATSAPP_TEXT }, valid: true },
  {
    name: 'meal_plan, 8 problems',
    type: 'meal_plan',
    input: {
      kcal_target: 999,
      meals_per_day: 7,
      days: 1.5,
      restrictions: ['keto', 'vegan', 'vegan'],
      macros: { protein_pct: 30, carbs_pct: 30, fat_pct: 30 },
      exclude_foods: [''],
      colour: 'red',
    },
    valid: false,
  },
  {
    name: 'unified_assistant, 50 bad turns',
    type: 'unified_assistant',
    input: { messages: Array.from({ length: 50 }, () => ({ role: 'system', content: 'x' })) },
    valid: false,
  },
];

function once(c: (typeof cases)[number]): void {
  try {
    validateInput(c.type, c.input);
    if (!c.valid) throw new Error(`${c.name}: accepted`);
  } catch (err) {
    if (c.valid || (err as { code?: string }).code !== 'invalid_input') throw err;
  }
}

const rows = cases.map((c) => {
  const f = performance.now();
  once(c);
  const firstUs = (performance.now() - f) * 1000;
  for (let i = 0; i < 200; i++) once(c);
  const batches: number[] = [];
  for (let b = 0; b < 50; b++) {
    const s = performance.now();
    for (let i = 0; i < 100; i++) once(c);
    batches.push(((performance.now() - s) * 1000) / 100);
  }
  batches.sort((a, b) => a - b);
  return { case: c.name, first_us: Math.round(firstUs), warm_median_us: Number(batches[25]!.toFixed(1)) };
});

// Bundled alone, as in an edge function; the entry sits in the repository so the import map applies.
const deno = path.join(ROOT, 'node_modules/.bin/deno');
const tmp = mkdtempSync(path.join(os.tmpdir(), 'aiw-inputs-'));
const entry = path.join(ROOT, `.bench-job-inputs-${process.pid}.ts`);
const denoRuns: Array<{ load_ms: number; first_call_ms: number }> = [];
let bundleBytes = 0;
try {
  writeFileSync(entry, `export { validateInput } from ${JSON.stringify(modulePath)};\n`);
  const bundle = path.join(tmp, 'inputs.js');
  execFileSync(deno, ['bundle', '--quiet', '--node-modules-dir=manual', '--config', path.join(ROOT, 'supabase/functions/deno.json'), entry, '-o', bundle], {
    cwd: ROOT,
  });
  bundleBytes = readFileSync(bundle).length;
  const probe = path.join(tmp, 'probe.mjs');
  writeFileSync(
    probe,
    `const t0 = performance.now();
const { validateInput } = await import(${JSON.stringify(pathToFileURL(bundle).href)});
const t1 = performance.now();
validateInput('unified_assistant', { messages: [{ role: 'user', content: 'oi' }] });
console.log(JSON.stringify({ load_ms: +(t1 - t0).toFixed(1), first_call_ms: +(performance.now() - t1).toFixed(2) }));\n`,
  );
  for (let i = 0; i < 3; i++) denoRuns.push(JSON.parse(execFileSync(deno, ['run', '--allow-read', probe], { encoding: 'utf8' })));
} finally {
  rmSync(entry, { force: true });
  rmSync(tmp, { recursive: true, force: true });
}

console.log(`${label}: module loaded in ${importMs.toFixed(1)} ms (${path.relative(ROOT, modulePath)})`);
console.log('case                                  first µs   warm µs (median)');
for (const r of rows) console.log(`${r.case.padEnd(36)} ${String(r.first_us).padStart(9)} ${String(r.warm_median_us).padStart(10)}`);
console.log(`Deno, bundled alone (${bundleBytes} bytes): ${denoRuns.map((r) => `load ${r.load_ms} ms + first call ${r.first_call_ms} ms`).join('; ')}`);

if (!process.argv.includes('--no-write')) {
  const file = path.join(ROOT, 'bench/results/job-inputs.json');
  mkdirSync(path.dirname(file), { recursive: true });
  const prior = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as { runs: Record<string, unknown> }) : { runs: {} };
  prior.runs[label] = {
    measured_at: new Date().toISOString(),
    module: path.relative(ROOT, modulePath).startsWith('..') ? modulePath : path.relative(ROOT, modulePath),
    node: process.version,
    cpu: os.cpus()[0]?.model ?? 'unknown',
    load_average: os.loadavg().map((x) => Math.round(x * 100) / 100),
    module_load_ms: Number(importMs.toFixed(1)),
    cases: rows,
    deno_bundle_bytes: bundleBytes,
    deno_cold: denoRuns,
  };
  writeFileSync(file, `${JSON.stringify(prior, null, 2)}\n`);
}
