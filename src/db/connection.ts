// What can be said about a database URL without leaking it: host, port, database — never the password.

export interface ConnectionTarget {
  host: string;
  port: number;
  database: string;
}

export function describeTarget(url: string): ConnectionTarget {
  try {
    const u = new URL(url);
    return {
      host: u.hostname || (u.searchParams.get('host') ?? 'localhost'),
      port: u.port ? Number(u.port) : 5432,
      database: decodeURIComponent(u.pathname.replace(/^\//, '')) || 'postgres',
    };
  } catch {
    return { host: 'unknown', port: 5432, database: 'unknown' };
  }
}

/**
 * LISTEN needs a session of its own; a transaction-mode pooler (Supabase's Supavisor on port 6543,
 * PgBouncer with pool_mode=transaction) hands each transaction to another server session, so a
 * notification would never reach us. We recognise the usual shapes of such a URL.
 */
export function transactionPoolerReason(url: string): string | undefined {
  let u: URL;
  try {
    u = new URL(url);
  } catch {
    return undefined;
  }
  if (u.searchParams.get('pgbouncer') === 'true') return 'the URL sets pgbouncer=true';
  if (u.port === '6543') return 'port 6543 is the transaction-mode pooler port (Supabase Supavisor / PgBouncer)';
  return undefined;
}

/** A one-line, password-free explanation of a connection failure. */
export function connectionErrorMessage(url: string, err: Error & { code?: string }): string {
  const t = describeTarget(url);
  const why = err.code ? `${err.code}${err.message && !err.message.includes(err.code) ? `: ${err.message}` : ''}` : err.message;
  return `cannot reach PostgreSQL at ${t.host}:${t.port} (database ${t.database}): ${redact(why, url)}`;
}

function redact(text: string, url: string): string {
  try {
    const password = decodeURIComponent(new URL(url).password);
    return password ? text.split(password).join('***') : text;
  } catch {
    return text;
  }
}
