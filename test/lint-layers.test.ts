// The layer rules of `npm run lint` (biome.jsonc, noRestrictedImports per folder) catch what they
// promise: a probe file with one forbidden import, placed in the folder it breaks the rule of, makes
// the check fail and names the rule; the same file without that import passes. No database.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIOME = `${ROOT}node_modules/@biomejs/biome/bin/biome`;

/** The layer check as `npm run lint` runs it (its `biome lint .` step), limited to the layer rule. */
function layerCheck(...paths: string[]): { ok: boolean; output: string } {
  const run = spawnSync(process.execPath, [BIOME, 'lint', '--only=style/noRestrictedImports', '--colors=off', ...paths], { cwd: ROOT, encoding: 'utf8' });
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
}

/** Writes `dir/<unique>.ts` (a copy of `copyOf` with `extra` prepended) for the test's duration. */
function probe(t: { after: (fn: () => void) => void }, dir: string, copyOf: string, extra: string): string {
  const rel = `${dir}/layer-probe-${randomUUID().slice(0, 8)}.ts`;
  writeFileSync(`${ROOT}${rel}`, `${extra}${readFileSync(`${ROOT}${copyOf}`, 'utf8')}`);
  t.after(() => rmSync(`${ROOT}${rel}`, { force: true }));
  return rel;
}

test('src/ passes the layer rules today', () => {
  const { ok, output } = layerCheck('src');
  assert.ok(ok, output);
});

test('a domain leaf that imports the worker fails the layer check; without the import it passes', (t) => {
  const bad = probe(t, 'src/labs', 'src/labs/numbers.ts', "import '../worker/worker.ts';\n");
  const failed = layerCheck('src');
  assert.equal(failed.ok, false, failed.output);
  assert.match(failed.output, new RegExp(`${bad}.*noRestrictedImports`));
  assert.match(failed.output, /domain folder .* is a leaf/);

  rmSync(`${ROOT}${bad}`);
  const clean = probe(t, 'src/labs', 'src/labs/numbers.ts', '');
  assert.ok(clean.startsWith('src/labs/'));
  const passed = layerCheck('src');
  assert.ok(passed.ok, passed.output);
});

for (const [dir, copyOf, forbidden] of <const>[
  ['src/nutrition', 'src/nutrition/nutrients.ts', "import type { AnalysisDeps } from '../handlers/types.ts';\n"],
  ['src/assistant', 'src/assistant/urgency.ts', "import { x } from '../gateway/index.ts';\n"],
  ['src/pdf', 'src/pdf/extract-text.ts', "export { createHttpServer } from '../http/server.ts';\n"],
  ['src/messaging', 'src/messaging/whatsapp-format.ts', "const m = await import('../../src/worker/worker.ts');\n"],
]) {
  test(`${dir} may not import runtime code: ${forbidden.trim()}`, (t) => {
    const file = probe(t, dir, copyOf, forbidden);
    const { ok, output } = layerCheck(file);
    assert.equal(ok, false, output);
    assert.match(output, /is a leaf/);
  });
}

test('the product may not import src/dev/; a non-domain folder may import the worker', (t) => {
  const bad = probe(t, 'src/queue', 'src/queue/backoff.ts', "import '../dev/emulators/cli.ts';\n");
  const failed = layerCheck(bad);
  assert.equal(failed.ok, false, failed.output);
  assert.match(failed.output, /src\/dev\/ .* is not part of the product/);

  const fine = probe(t, 'src/queue', 'src/queue/backoff.ts', "import '../worker/worker.ts';\n");
  const passed = layerCheck(fine);
  assert.ok(passed.ok, passed.output);
});

test('src/client imports nothing from the daemon, at any depth', (t) => {
  for (const [dir, spec] of [
    ['src/client', '../queue/jobs.ts'],
    ['src/client/react', '../../errors.ts'],
  ]) {
    const file = probe(t, dir!, 'src/client/schedule.ts', `import '${spec}';\n`);
    const { ok, output } = layerCheck(file);
    assert.equal(ok, false, output);
    assert.match(output, /imports nothing from the daemon/);
  }
  // Inside the client, its own modules are fine.
  const own = probe(t, 'src/client/react', 'src/client/schedule.ts', "import '../errors.ts';\n");
  assert.ok(layerCheck(own).ok);
});

test('bench/ may not import test/', (t) => {
  const bad = probe(t, 'bench', 'bench/lib/stats.ts', "import '../test/support/database.ts';\n");
  const failed = layerCheck(bad);
  assert.equal(failed.ok, false, failed.output);
  assert.match(failed.output, /bench\/ does not import test\//);
});
