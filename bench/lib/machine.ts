// Facts about the machine and database a result was measured on.
import os from 'node:os';
import pg from 'pg';

export async function machineFacts(adminUrl: string): Promise<Record<string, unknown>> {
  const c = new pg.Client({ connectionString: adminUrl });
  await c.connect();
  try {
    const { rows } = await c.query<{ version: string; sc: string; sb: string; mc: string }>(
      `select version() as version, current_setting('synchronous_commit') as sc, current_setting('shared_buffers') as sb,
              current_setting('max_connections') as mc`,
    );
    const r = rows[0]!;
    return {
      cpuModel: os.cpus()[0]?.model ?? 'unknown',
      cores: os.cpus().length,
      memoryGiB: Math.round(os.totalmem() / 2 ** 30),
      platform: `${os.type()} ${os.release()} ${os.arch()}`,
      node: process.version,
      postgres: r.version,
      postgresSettings: { synchronous_commit: r.sc, shared_buffers: r.sb, max_connections: r.mc },
      postgresHost: new URL(adminUrl).host,
      loadAverageAtStart: os.loadavg().map((x) => Math.round(x * 100) / 100),
    };
  } finally {
    await c.end();
  }
}
