// Size of each Supabase function's bundle against the platform's 20 MB limit: every function
// declared in supabase/config.toml is bundled with `deno bundle` (esbuild under Deno, npm packages
// resolved from node_modules, not minified) and its static_files are added. The CLI uploads an eszip
// of the same module graph; the figure is of the same order, not the platform's exact count. Writes bench/results/edge-bundles.json.
// Run: npx tsx bench/edge-bundles.ts   (Deno fetches its esbuild binary from the npm registry once
// into its cache; nothing else is downloaded.)
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm, stat, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { gzipSync } from 'node:zlib';
import { readSimpleToml } from '../src/dev/testkit/edge-graph.ts';

const run = promisify(execFile);
const ROOT = path.resolve(import.meta.dirname, '..');
const LIMIT_BYTES = 20 * 1024 * 1024;

const config = readSimpleToml(await readFile(path.join(ROOT, 'supabase/config.toml'), 'utf8'));
const out = await mkdtemp(path.join(tmpdir(), 'aiw-bundles-'));
const rows: Array<Record<string, unknown>> = [];
try {
  for (const [section, fn] of Object.entries(config)) {
    if (!section.startsWith('functions.')) continue;
    const name = section.slice('functions.'.length);
    const entry = path.join(ROOT, 'supabase', String(fn.entrypoint));
    const importMap = path.join(ROOT, 'supabase', String(fn.import_map));
    const file = path.join(out, `${name}.js`);
    await run(path.join(ROOT, 'node_modules/.bin/deno'), ['bundle', '--quiet', '--node-modules-dir=manual', '--config', importMap, entry, '-o', file], {
      cwd: ROOT,
      env: { ...process.env, NO_COLOR: '1' },
      maxBuffer: 64 * 1024 * 1024,
    });
    const code = await readFile(file);
    let staticBytes = 0;
    for (const f of (fn.static_files as string[] | undefined) ?? []) staticBytes += (await stat(path.join(ROOT, 'supabase', f))).size;
    const total = code.length + staticBytes;
    rows.push({
      function: name,
      code_bytes: code.length,
      code_gzip_bytes: gzipSync(code).length,
      static_bytes: staticBytes,
      total_bytes: total,
      share_of_20mb: Number((total / LIMIT_BYTES).toFixed(3)),
    });
  }
} finally {
  await rm(out, { recursive: true, force: true });
}
const mb = (n: unknown) => (Number(n) / 1024 / 1024).toFixed(2);
console.log('function                   code MB  gzip MB  static MB  total MB  of 20 MB');
for (const r of rows) {
  console.log(
    `${String(r.function).padEnd(26)} ${mb(r.code_bytes).padStart(7)}  ${mb(r.code_gzip_bytes).padStart(7)}  ${mb(r.static_bytes).padStart(9)}  ${mb(r.total_bytes).padStart(8)}  ${(Number(r.share_of_20mb) * 100).toFixed(1).padStart(6)} %`,
  );
}
await mkdir(path.join(ROOT, 'bench/results'), { recursive: true });
await writeFile(
  path.join(ROOT, 'bench/results/edge-bundles.json'),
  JSON.stringify(
    {
      measured_at: new Date().toISOString(),
      deno: (await run(path.join(ROOT, 'node_modules/.bin/deno'), ['--version'])).stdout.split('\n')[0],
      limit_bytes: LIMIT_BYTES,
      functions: rows,
    },
    null,
    2,
  ) + '\n',
);
