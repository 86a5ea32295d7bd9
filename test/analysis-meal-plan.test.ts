// meal_plan end to end: the optimizer's plan with its rules and the model's tips, the same plan with
// every model down (tips: the rules only), an infeasible request, invalid input.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseTips } from '../src/handlers/meal-plan.ts';
import { useFreshDatabase } from './support/database.ts';
import { startTestDaemon } from './support/daemon.ts';
import { runJob, startEmulators, type TestEmulators } from './support/emulators.ts';

const db = useFreshDatabase('analysis_meal_plan');
let emu: TestEmulators;

before(async () => {
  emu = await startEmulators();
});
after(async () => {
  await emu.close();
});

test('a plan: days within tolerance of the targets, the rules it follows, then up to three tips from the text model', async () => {
  const d = await startTestDaemon(db.url, emu.env);
  try {
    const input = { kcal_target: 2000, meals_per_day: 5, days: 2, restrictions: ['lactose_free'] };
    const { how, row } = await runJob(d, db.pool, 'meal_plan', input);
    assert.equal(how, 'completed', JSON.stringify(row.error));
    const r = row.result;
    assert.deepEqual(Object.keys(r).sort(), ['days', 'targets', 'tips']);
    assert.equal(r.days.length, 2);
    assert.equal(r.days[0].meals.length, 5);
    assert.equal(r.targets.kcal, 2000);
    for (const day of r.days) {
      const off = Math.abs(day.totals.kcal - 2000) / 2000;
      assert.ok(off <= r.targets.tolerance.kcal_pct / 100, `day ${day.day}: ${day.totals.kcal} kcal`);
    }
    for (const item of r.days[0].meals[0].items) assert.match(item.household, /^(½|\d+( ½)?) \S/);
    // The rules first (portions, variety, targets, then the restriction's), then the model's tips.
    assert.match(r.tips[0], /^Porções caseiras/);
    assert.match(r.tips[1], /^Variedade/);
    assert.match(r.tips[2], /^Metas/);
    assert.match(r.tips[3], /^Sem lactose/);
    const modelTips = r.tips.slice(4);
    assert.ok(modelTips.length >= 1 && modelTips.length <= 3, JSON.stringify(r.tips));
    for (const tip of modelTips) assert.ok(typeof tip === 'string' && tip.length > 0 && tip.length <= 200);
    assert.equal(row.provider, 'ollama');
    assert.match(row.cache_key, /^meal_plan:v2:/);
  } finally {
    await d.stop();
  }
});

test('every model down: the plan still completes, tips are the rules only', async () => {
  await emu.ollama.setKnobs({ down: true });
  await emu.gemini.setKnobs({ down: true });
  const d = await startTestDaemon(db.url, emu.env);
  try {
    const { how, row } = await runJob(d, db.pool, 'meal_plan', { kcal_target: 1800, meals_per_day: 4, days: 1, restrictions: ['vegetarian'] });
    assert.equal(how, 'completed', JSON.stringify(row.error));
    assert.equal(row.result.tips.length, 4, JSON.stringify(row.result.tips));
    assert.match(row.result.tips[3], /^Vegetariano/);
    assert.equal(row.result.days.length, 1);
    assert.equal(row.attempts, 1);
    assert.equal(row.provider, null);
    assert.deepEqual(
      row.provider_calls.map((c: { provider: string; ok: boolean }) => `${c.provider}:${c.ok}`),
      ['ollama:false', 'gemini:false'],
    );
  } finally {
    await d.stop();
    await emu.heal();
  }
});

test('an infeasible request fails at once with the planner reason', async () => {
  const d = await startTestDaemon(db.url, emu.env);
  try {
    emu.resetStats();
    const { how, row } = await runJob(d, db.pool, 'meal_plan', { kcal_target: 5000, meals_per_day: 3, days: 1, restrictions: ['vegan'] }, { maxAttempts: 3 });
    assert.equal(how, 'failed');
    assert.equal(row.attempts, 1);
    assert.equal(row.error.code, 'infeasible');
    assert.match(row.error.message, /não cabem em 3 refeições/);
    assert.equal(emu.inferenceCounts().ollama, 0, 'no model is asked about a plan that does not exist');
  } finally {
    await d.stop();
  }
});

test('invalid input: every field at fault, no retries', async () => {
  const d = await startTestDaemon(db.url, emu.env);
  try {
    const { how, row } = await runJob(d, db.pool, 'meal_plan', { kcal_target: 200, meals_per_day: 5, restrictions: ['carnivore'] }, { maxAttempts: 3 });
    assert.equal(how, 'failed');
    assert.equal(row.attempts, 1);
    assert.equal(row.error.code, 'invalid_input');
    assert.deepEqual(row.error.fields.sort(), ['input.days', 'input.kcal_target', 'input.restrictions[0]']);
  } finally {
    await d.stop();
  }
});

test('tips are read from lines or sentences, stripped of bullets, at most three', () => {
  assert.deepEqual(parseTips('1. Beba água.\n- Coma frutas.\n* Durma bem.\n4) Caminhe.'), ['Beba água.', 'Coma frutas.', 'Durma bem.']);
  assert.deepEqual(parseTips('Beba água. Coma frutas! Prefira integrais.'), ['Beba água.', 'Coma frutas!', 'Prefira integrais.']);
  assert.deepEqual(parseTips('   '), []);
});
