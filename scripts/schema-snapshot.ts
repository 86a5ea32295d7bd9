// The schema as pg_dump sees it after all migrations, normalised so that it compares across runs.
// `npm run schema:snapshot` refreshes test/fixtures/schema.sql on purpose after a new migration;
// test/schema-snapshot.test.ts fails on any accidental change.
import { execFile } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const SNAPSHOT_FILE = fileURLToPath(new URL('../test/fixtures/schema.sql', import.meta.url));

export async function dumpSchema(databaseUrl: string): Promise<string> {
  const { stdout } = await promisify(execFile)('pg_dump', ['--schema-only', '--no-owner', '--schema=public', '--schema=auth', '--dbname', databaseUrl], {
    maxBuffer: 16 * 1024 * 1024,
  });
  return (
    stdout
      .split('\n')
      // Version banners and pg_dump's session settings say nothing about our schema.
      .filter((l) => !/^-- Dumped (from|by)/.test(l) && !/^SET |^SELECT pg_catalog\.set_config/.test(l) && !/^\\(un)?restrict /.test(l))
      .join('\n')
      .replace(/\n{3,}/g, '\n\n')
      .trim() + '\n'
  );
}

if (process.argv[1] && fileURLToPath(import.meta.url) === path.resolve(process.argv[1])) {
  const { createDatabase, databaseUrl, dropDatabase } = await import('../src/dev/testkit/database.ts');
  const name = await createDatabase('snapshot');
  try {
    await writeFile(SNAPSHOT_FILE, await dumpSchema(databaseUrl(name)));
    console.log(`wrote ${SNAPSHOT_FILE}`);
  } finally {
    await dropDatabase(name);
  }
}
