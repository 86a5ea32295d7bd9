// The demo app in Debian's Chromium (playwright-core, no browser download) against the real daemon,
// edge functions, Realtime emulator and model emulators: a person analyses a photo, cancels a slow
// meal plan, and meets an error state when the models are down. Screenshots go to test/artifacts/.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './support/browser.ts';
import { build } from 'vite';
import { platePng } from '../scripts/demo/png.ts';
import { PLATE_VARIANT } from '../scripts/demo/requests.ts';
import { startStack, STACK_ANON_KEY, type Stack } from '../scripts/demo-web/stack.ts';
import { useFreshDatabase, waitUntil } from './support/database.ts';

const WEB_DIR = fileURLToPath(new URL('../web/', import.meta.url));
const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url));
const db = useFreshDatabase('e2e_web', { migrated: false });
const userId = randomUUID();
let stack: Stack;
let context: BrowserContext;
let profile: string;
let token = '';

before(async () => {
  await db.ready;
  mkdirSync(ARTIFACTS, { recursive: true });
  await build({ configFile: `${WEB_DIR}vite.config.ts`, logLevel: 'error', build: { outDir: path.join(tmpdir(), `aiw-web-${process.pid}`) } });
  stack = await startStack({
    databaseUrl: db.url,
    latencyMs: [300, 700],
    staticDir: path.join(tmpdir(), `aiw-web-${process.pid}`),
    env: { WORKER_RETRY_BASE_MS: '100', WORKER_RETRY_MAX_MS: '300', PROVIDER_RETRIES: '0' },
    route: (_req, res, pathname) => {
      if (pathname !== '/demo/session') return false;
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ access_token: token, user_id: userId, anon_key: STACK_ANON_KEY }));
      return true;
    },
  });
  token = await stack.tokenFor(userId);
  profile = mkdtempSync(path.join(tmpdir(), 'aiw-chromium-'));
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    viewport: { width: 900, height: 900 },
    locale: 'pt-BR',
    args: CHROMIUM_ARGS,
  });
});

after(async () => {
  await context?.close();
  await stack?.close();
  if (profile) rmSync(profile, { recursive: true, force: true });
  rmSync(path.join(tmpdir(), `aiw-web-${process.pid}`), { recursive: true, force: true });
});

async function open(hash: string): Promise<Page> {
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${stack.url}/#${hash}`);
  await page.getByRole('heading', { level: 1, name: 'Análises com IA' }).waitFor();
  assert.deepEqual(errors, [], 'no script error on load');
  return page;
}

test('photo: pick a file, Analisar, "Análise iniciada", then "Análise concluída" with the foods and their kcal', async () => {
  const page = await open('foto');
  await page.getByLabel('Foto da refeição').setInputFiles({ name: 'almoco.png', mimeType: 'image/png', buffer: platePng(160, 120, PLATE_VARIANT) });
  await page.getByRole('button', { name: 'Analisar' }).click();
  await page.getByText('Análise iniciada').first().waitFor({ timeout: 15_000 });
  await page.getByRole('progressbar', { name: 'Progresso da análise' }).waitFor({ timeout: 15_000 });
  await page.screenshot({ path: `${ARTIFACTS}e2e-photo-loading.png` });
  const result = page.getByRole('region', { name: 'Resultado' });
  await result.getByText('Análise concluída').waitFor({ timeout: 30_000 });
  const rows = result.locator('tbody tr');
  assert.ok((await rows.count()) >= 1, 'at least one food');
  for (const text of await rows.allInnerTexts()) assert.match(text, /\d+(,\d)? kcal/, `a kcal per food: ${text}`);
  assert.match(await result.locator('tfoot').innerText(), /Total\s+[\d.,]+ kcal/);
  await page.getByText('Análise concluída').first().waitFor();
  await page.screenshot({ path: `${ARTIFACTS}e2e-photo-done.png`, fullPage: true });
  await page.close();
});

test('meal plan: a slow plan is cancelled with Cancelar and the job ends cancelled', async () => {
  await Promise.all([stack.ollama.setKnobs({ latencyMs: 60_000 }), stack.gemini.setKnobs({ latencyMs: 60_000 })]);
  try {
    const page = await open('cardapio');
    await page.getByLabel('Meta diária (kcal)').fill('1900');
    await page.getByRole('button', { name: 'Gerar cardápio' }).click();
    const cancel = page.getByRole('button', { name: 'Cancelar' });
    await cancel.waitFor({ timeout: 15_000 });
    const running = await waitUntil(
      async () => (await db.pool.query(`select id from analysis_jobs where user_id = $1 and type = 'meal_plan' and status = 'processing'`, [userId])).rows[0],
      { what: 'the meal plan running', timeoutMs: 15_000 },
    );
    await page.screenshot({ path: `${ARTIFACTS}e2e-mealplan-running.png` });
    await cancel.click();
    await page.getByText('Análise cancelada.').waitFor({ timeout: 20_000 });
    const row = (await db.pool.query(`select status from analysis_jobs where id = $1`, [running.id])).rows[0];
    assert.equal(row.status, 'cancelled');
    await page.screenshot({ path: `${ARTIFACTS}e2e-mealplan-cancelled.png` });
    await page.close();
  } finally {
    await Promise.all([stack.ollama.setKnobs({ latencyMs: [300, 700] }), stack.gemini.setKnobs({ latencyMs: [300, 700] })]);
  }
});

test('chat with the models down: the error state says so in Portuguese and offers Tentar novamente', async () => {
  await Promise.all([stack.ollama.setKnobs({ down: true }), stack.gemini.setKnobs({ down: true })]);
  try {
    const page = await open('chat');
    await page.getByRole('button', { name: 'Perguntar' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor({ timeout: 60_000 });
    const text = await alert.innerText();
    assert.match(text, /Erro na análise/);
    assert.match(text, /serviços de análise estão sobrecarregados ou fora do ar/);
    assert.ok(await page.getByRole('button', { name: 'Tentar novamente' }).isVisible(), 'retry offered');
    await page.screenshot({ path: `${ARTIFACTS}e2e-chat-error.png` });
    await page.close();
  } finally {
    await Promise.all([stack.ollama.setKnobs({ down: false }), stack.gemini.setKnobs({ down: false })]);
  }
});
