import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { dumpSchema, SNAPSHOT_FILE } from '../scripts/schema-snapshot.ts';
import { differences } from '../scripts/supabase-migrations.ts';
import { useFreshDatabase } from './support/database.ts';

const db = useFreshDatabase('snapshot');

test('the migrated schema equals the checked-in snapshot (refresh on purpose: npm run schema:snapshot)', async () => {
  const expected = await readFile(SNAPSHOT_FILE, 'utf8');
  const actual = await dumpSchema(db.url);
  assert.equal(actual, expected);
});

test('supabase/migrations is generated from sql/ and identical to it (npm run supabase:migrations)', async () => {
  assert.deepEqual(await differences(), []);
});
