// The least a module needs to run a query: a pg Pool, a PoolClient inside a transaction, or the
// gateway's own pool all fit. Modules that take this instead of a Pool can run inside a caller's
// transaction and need no Node-only import (the gateway runs on Deno).
export interface SqlClient {
  query<R = Record<string, unknown>>(text: string, values?: unknown[]): Promise<{ rows: R[] }>;
}
