// supabase/migrations/ is generated from sql/ — the one source — for Supabase CLI users
// (`supabase db push`). `--check` exits 1 when the generated copies differ from sql/ (CI runs it
// through test/supabase-migrations.test.ts), so there are never two hand-kept copies.
import { mkdir, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { SQL_DIR, supabaseVersion } from '../src/db/migrate.ts';

export const SUPABASE_DIR = fileURLToPath(new URL('../supabase/migrations/', import.meta.url));
const HEADER = '-- GENERATED from sql/ by scripts/supabase-migrations.ts: edit sql/, then run npm run supabase:migrations\n';

/** sql/002_analysis_jobs.sql → 20260101000002_analysis_jobs.sql (Supabase wants a timestamp prefix). */
export function supabaseName(file: string): string {
  return `${supabaseVersion(file)}_${file.slice(4)}`;
}

export async function expectedFiles(): Promise<Map<string, string>> {
  const out = new Map<string, string>();
  for (const f of (await readdir(SQL_DIR)).filter((f) => f.endsWith('.sql')).sort()) {
    out.set(supabaseName(f), HEADER + (await readFile(path.join(SQL_DIR, f), 'utf8')));
  }
  return out;
}

export async function differences(): Promise<string[]> {
  const expected = await expectedFiles();
  const present = await readdir(SUPABASE_DIR).catch(() => [] as string[]);
  const problems: string[] = [];
  for (const [name, text] of expected) {
    const actual = await readFile(path.join(SUPABASE_DIR, name), 'utf8').catch(() => undefined);
    if (actual === undefined) problems.push(`missing ${name}`);
    else if (actual !== text) problems.push(`differs ${name}`);
  }
  for (const name of present) if (!expected.has(name)) problems.push(`extra ${name}`);
  return problems;
}

async function write(): Promise<void> {
  await rm(SUPABASE_DIR, { recursive: true, force: true });
  await mkdir(SUPABASE_DIR, { recursive: true });
  for (const [name, text] of await expectedFiles()) await writeFile(path.join(SUPABASE_DIR, name), text);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  if (process.argv.includes('--check')) {
    const problems = await differences();
    if (problems.length) {
      console.error(`supabase/migrations is out of date: ${problems.join(', ')}\nrun: npm run supabase:migrations`);
      process.exit(1);
    }
    console.log('supabase/migrations matches sql/');
  } else {
    await write();
    console.log(`wrote ${SUPABASE_DIR}`);
  }
}
