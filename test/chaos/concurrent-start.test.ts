import { test } from 'node:test';
import assert from 'node:assert/strict';
import pg from 'pg';
import { readMigrations } from '../../src/db/migrate.ts';
import { createDatabase, databaseUrl, dropDatabase } from '../support/database.ts';
import { spawnDaemon, startTestDaemon } from '../support/daemon.ts';

async function history(url: string): Promise<string[]> {
  const c = new pg.Client(url);
  await c.connect();
  try {
    return (await c.query<{ name: string }>('select name from ai_worker_migrations order by name')).rows.map((r) => r.name);
  } finally {
    await c.end();
  }
}

test('three daemons starting at once on an empty database, 20 times: one migration history, no start-up failure', async (t) => {
  const expected = (await readMigrations()).migrations.map((m) => m.name);
  for (let round = 0; round < 20; round++) {
    const name = await createDatabase(`start_${round}`, { migrated: false });
    const url = databaseUrl(name);
    let ok = false;
    try {
      // In-process daemons, each with its own pool and its own migration connection, started together.
      const results = await Promise.allSettled([0, 1, 2].map(() => startTestDaemon(url, {}, { migrate: true })));
      const failures = results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason));
      await Promise.all(results.map((r) => (r.status === 'fulfilled' ? r.value.stop(0) : undefined)));
      assert.deepEqual(failures, [], `round ${round}: no start-up failure`);
      assert.deepEqual(await history(url), expected, `round ${round}: one migration history`);
      ok = true;
    } finally {
      if (ok) await dropDatabase(name);
      else t.diagnostic(`kept database ${name}`);
    }
  }
});

test('the same, as three real processes on one empty database', async () => {
  const name = await createDatabase('start_procs', { migrated: false });
  const url = databaseUrl(name);
  const daemons = [0, 1, 2].map(() => spawnDaemon(url));
  try {
    await Promise.all(daemons.map((d) => d.port()));
    assert.deepEqual(
      await history(url),
      (await readMigrations()).migrations.map((m) => m.name),
    );
  } finally {
    for (const d of daemons) d.proc.kill('SIGTERM');
    const codes = await Promise.all(daemons.map((d) => d.exited));
    assert.deepEqual(
      codes.map((c) => c.code),
      [0, 0, 0],
    );
    await dropDatabase(name);
  }
});
