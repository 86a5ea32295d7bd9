// The layer rules of `npm run lint` (biome.jsonc, noRestrictedImports per folder) catch what they
// promise: a copy of src/ with one forbidden import added to a file of the folder whose rule it breaks
// fails the check, naming the rule; the same copy without that import passes. The copies live in a
// temporary directory with the repository's biome.jsonc, so tests that scan src/ in parallel never
// see a probe. No database.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIOME = join(ROOT, 'node_modules/@biomejs/biome/bin/biome');

/** The layer check as `npm run lint` runs it (its `biome lint .` step), limited to the layer rule. */
function layerCheck(cwd: string, ...paths: string[]): { ok: boolean; output: string } {
  const run = spawnSync(process.execPath, [BIOME, 'lint', '--vcs-enabled=false', '--only=style/noRestrictedImports', '--colors=off', ...paths], {
    cwd,
    encoding: 'utf8',
  });
  return { ok: run.status === 0, output: `${run.stdout}${run.stderr}` };
}

/** A temporary tree: biome.jsonc and a copy of src/ (or only the files given), removed after the test. */
function tree(t: { after: (fn: () => void) => void }, files?: string[]): string {
  const dir = mkdtempSync(join(tmpdir(), 'lint-layers-'));
  t.after(() => rmSync(dir, { recursive: true, force: true }));
  copyFileSync(join(ROOT, 'biome.jsonc'), join(dir, 'biome.jsonc'));
  if (files === undefined) cpSync(join(ROOT, 'src'), join(dir, 'src'), { recursive: true });
  for (const f of files ?? []) {
    mkdirSync(dirname(join(dir, f)), { recursive: true });
    copyFileSync(join(ROOT, f), join(dir, f));
  }
  return dir;
}

/** Puts `line` at the top of `file` (relative to the tree), as a forbidden import would be. */
function prepend(dir: string, file: string, line: string): void {
  const path = join(dir, file);
  writeFileSync(path, `${line}\n${readFileSync(path, 'utf8')}`);
}

test('src/ passes the layer rules today', () => {
  const { ok, output } = layerCheck(ROOT, 'src');
  assert.ok(ok, output);
});

test('a domain leaf that imports the worker fails the layer check; without the import it passes', (t) => {
  const dir = tree(t);
  const clean = layerCheck(dir, 'src');
  assert.ok(clean.ok, clean.output);

  prepend(dir, 'src/labs/numbers.ts', "import '../worker/worker.ts';");
  const failed = layerCheck(dir, 'src');
  assert.equal(failed.ok, false, failed.output);
  assert.match(failed.output, /src\/labs\/numbers\.ts:1:8 lint\/style\/noRestrictedImports/);
  assert.match(failed.output, /A domain folder .* is a leaf/);
});

for (const [file, forbidden] of <const>[
  ['src/nutrition/nutrients.ts', "import type { AnalysisDeps } from '../handlers/types.ts';"],
  ['src/assistant/urgency.ts', "import { x } from '../gateway/index.ts';"],
  ['src/pdf/extract-text.ts', "export { createHttpServer } from '../http/server.ts';"],
  ['src/messaging/whatsapp-format.ts', "const m = await import('../../src/worker/worker.ts');"],
  ['src/labs/parse.ts', "import fastify from 'fastify';"],
]) {
  test(`${file} may not: ${forbidden}`, (t) => {
    const dir = tree(t, [file]);
    assert.ok(layerCheck(dir, 'src').ok);
    prepend(dir, file, forbidden);
    const { ok, output } = layerCheck(dir, 'src');
    assert.equal(ok, false, output);
    assert.match(output, /is a leaf/);
  });
}

test('the product may not import src/dev/; a folder that is not a domain leaf may import the worker', (t) => {
  const dir = tree(t, ['src/queue/jobs.ts', 'src/config.ts']);
  prepend(dir, 'src/queue/jobs.ts', "import '../worker/worker.ts';");
  const fine = layerCheck(dir, 'src');
  assert.ok(fine.ok, fine.output);

  prepend(dir, 'src/config.ts', "import { startEmulators } from './dev/emulators/index.ts';");
  const failed = layerCheck(dir, 'src');
  assert.equal(failed.ok, false, failed.output);
  assert.match(failed.output, /src\/dev\/ .* is not part of the product/);
});

test('src/client imports nothing from the daemon, at any depth; its own modules are fine', (t) => {
  const dir = tree(t, ['src/client/schedule.ts', 'src/client/react/index.ts']);
  prepend(dir, 'src/client/react/index.ts', "import '../errors.ts';");
  const own = layerCheck(dir, 'src');
  assert.ok(own.ok, own.output);

  for (const [file, spec] of [
    ['src/client/schedule.ts', '../queue/jobs.ts'],
    ['src/client/react/index.ts', '../../errors.ts'],
  ]) {
    const one = tree(t, [file!]);
    prepend(one, file!, `import '${spec}';`);
    const { ok, output } = layerCheck(one, 'src');
    assert.equal(ok, false, output);
    assert.match(output, /imports nothing from the daemon/);
  }
});

test('bench/ may not import test/', (t) => {
  const dir = tree(t, ['bench/lib/stats.ts']);
  assert.ok(layerCheck(dir, 'bench').ok);
  prepend(dir, 'bench/lib/stats.ts', "import '../../test/support/database.ts';");
  const failed = layerCheck(dir, 'bench');
  assert.equal(failed.ok, false, failed.output);
  assert.match(failed.output, /bench\/ does not import test\//);
});
