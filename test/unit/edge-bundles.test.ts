// supabase/config.toml declares every function, and each function's bundle holds what it runs:
// the import graph is walked the way the CLI's bundler walks it (test/support/edge-graph.ts) and
// must have no file outside the repository, no missing file, no specifier the import map lacks, and
// no file read at run time that static_files does not ship. The queue functions must not reach the
// handler tree. Sizes against the 20 MB limit: bench/edge-bundles.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { FUNCTION_NAMES } from '../../src/gateway/index.ts';
import { QUEUE_FUNCTION_NAMES } from '../../src/gateway/queue.ts';
import { readSimpleToml, walkEdgeGraph, type TomlValue } from '../support/edge-graph.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');
const SUPABASE = path.join(ROOT, 'supabase');
const config = readSimpleToml(readFileSync(path.join(SUPABASE, 'config.toml'), 'utf8'));
const fn = (name: string): Record<string, TomlValue> => config[`functions.${name}`] ?? assert.fail(`[functions.${name}] missing from config.toml`);
const rel = (f: string) => path.relative(ROOT, f);

/** static_files entries (relative to supabase/, `*` globs within a folder) as absolute-path matchers. */
function shipped(name: string): Array<(file: string) => boolean> {
  return ((fn(name).static_files as string[] | undefined) ?? []).map((pattern) => {
    const abs = path.resolve(SUPABASE, pattern);
    const re = new RegExp(
      `^${abs
        .split('*')
        .map((p) => p.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
        .join('[^/]*')}$`,
    );
    return (file: string) => re.test(file);
  });
}

function graphOf(name: string) {
  const importMap = JSON.parse(readFileSync(path.resolve(SUPABASE, String(fn(name).import_map)), 'utf8')).imports as Record<string, string>;
  return walkEdgeGraph(path.resolve(SUPABASE, String(fn(name).entrypoint)), importMap, ROOT);
}

test('config.toml declares every function with verify_jwt, import_map and entrypoint, and nothing else', () => {
  const folders = readdirSync(path.join(SUPABASE, 'functions')).filter((d) => statSync(path.join(SUPABASE, 'functions', d)).isDirectory());
  const declared = Object.keys(config)
    .filter((k) => k.startsWith('functions.'))
    .map((k) => k.slice('functions.'.length));
  assert.deepEqual([...declared].sort(), [...FUNCTION_NAMES].sort());
  assert.deepEqual([...folders].sort(), [...FUNCTION_NAMES].sort());
  for (const name of FUNCTION_NAMES) {
    const c = fn(name);
    assert.equal(typeof c.verify_jwt, 'boolean', `${name}: verify_jwt`);
    assert.equal(c.verify_jwt, name !== 'whatsapp-ai-assistant', `${name}: only the webhook (signed by Meta) skips the platform's JWT check`);
    assert.ok(existsSync(path.resolve(SUPABASE, String(c.import_map))), `${name}: import_map exists`);
    assert.equal(path.resolve(SUPABASE, String(c.entrypoint)), path.join(SUPABASE, 'functions', name, 'index.ts'));
    for (const f of (c.static_files as string[] | undefined) ?? []) {
      const abs = path.resolve(SUPABASE, f);
      assert.ok(abs.startsWith(ROOT + path.sep), `${name}: ${f} is inside the repository`);
      if (!f.includes('*')) assert.ok(existsSync(abs), `${name}: static file ${f} exists`);
    }
  }
});

test('every function bundles cleanly and ships every file it reads at run time', () => {
  for (const name of FUNCTION_NAMES) {
    const g = graphOf(name);
    assert.deepEqual(g.problems, [], `${name}: import graph problems`);
    const ships = shipped(name);
    for (const [asset, reader] of g.assets) {
      assert.ok(
        ships.some((m) => m(asset)),
        `${name}: ${rel(asset)} (read by ${reader}) is not in static_files`,
      );
    }
  }
});

test('the queue functions never reach the handler tree; the AI functions do, with the TACO table shipped', () => {
  const handlerTree = (f: string) =>
    rel(f).startsWith('src/handlers/') ||
    rel(f) === 'src/gateway/bundled.ts' ||
    rel(f) === 'src/gateway/ai-functions.ts' ||
    (rel(f).startsWith('src/providers/') && rel(f) !== 'src/providers/config.ts');
  for (const name of QUEUE_FUNCTION_NAMES) {
    const g = graphOf(name);
    assert.deepEqual([...g.files].filter(handlerTree).map(rel), [], `${name} reaches the handler tree`);
    assert.deepEqual([...g.packages].sort(), [
      'npm:/typebox@1.4.3/schema',
      'npm:/typebox@1.4.3/system',
      'npm:/typebox@1.4.3/type',
      'npm:jose@6.2.18',
      'npm:pg@8.23.1',
    ]);
    assert.equal(g.assets.size, 0);
  }
  for (const name of FUNCTION_NAMES.filter((n) => !(QUEUE_FUNCTION_NAMES as readonly string[]).includes(n))) {
    const g = graphOf(name);
    assert.ok(
      [...g.files].some((f) => rel(f) === 'src/handlers/index.ts'),
      `${name}: the sync path's handler set is bundled (literal import())`,
    );
    assert.ok(
      [...g.assets.keys()].some((a) => rel(a) === 'data/taco/taco-4ed-alimentos.csv'),
      `${name}: reads the TACO table`,
    );
  }
});

test('the walker reports what the bundler would refuse (so the checks above can fail)', () => {
  const root = mkdtempSync(path.join(tmpdir(), 'aiw-graph-'));
  try {
    mkdirSync(path.join(root, 'repo/src'), { recursive: true });
    writeFileSync(path.join(root, 'outside.ts'), 'export const x = 1;\n');
    writeFileSync(
      path.join(root, 'repo/src/entry.ts'),
      [
        "import type { T } from './types-only.ts';",
        "import { a } from './a.ts';",
        "import { b } from './b';",
        "import { x } from '../../outside.ts';",
        "import { y } from './missing.ts';",
        "import z from 'unmapped-package';",
        "import pg from 'pg';",
        "const data = new URL('../data/table.csv', import.meta.url);",
        "const later = () => import('./lazy.ts');",
        'const name = "dyn"; const computed = () => import(name);',
      ].join('\n'),
    );
    writeFileSync(path.join(root, 'repo/src/a.ts'), 'export const a = 1;\n');
    writeFileSync(path.join(root, 'repo/src/lazy.ts'), 'export {};\n');
    const g = walkEdgeGraph(path.join(root, 'repo/src/entry.ts'), { pg: 'npm:pg@8.23.1' }, path.join(root, 'repo'));
    const problems = g.problems.join('\n');
    assert.match(problems, /'\.\/b' has no extension/);
    assert.match(problems, /'\.\.\/\.\.\/outside\.ts' is outside the repository/);
    assert.match(problems, /'\.\/missing\.ts' does not exist/);
    assert.match(problems, /'unmapped-package' is not in the import map/);
    assert.match(problems, /computed specifier/);
    assert.equal(g.problems.length, 5);
    assert.deepEqual([...g.files].map((f) => path.relative(root, f)).sort(), ['repo/src/a.ts', 'repo/src/entry.ts', 'repo/src/lazy.ts']);
    assert.deepEqual([...g.packages], ['npm:pg@8.23.1']);
    assert.deepEqual(
      [...g.assets.keys()].map((f) => path.relative(root, f)),
      ['repo/data/table.csv'],
    );
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
});
