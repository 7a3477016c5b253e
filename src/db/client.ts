import { Kysely, PostgresDialect, type PostgresPool, type PostgresPoolClient } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';

// PostgreSQL `date` columns stay 'YYYY-MM-DD' strings: a legal date has no time zone, and turning it
// into a JS Date at local midnight is a classic off-by-one source. Bigint counts become numbers.
pg.types.setTypeParser(pg.types.builtins.DATE, (value) => value);
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));

export type Db = Kysely<Database>;

export interface DatabaseHandle {
  db: Db;
  pool: pg.Pool;
  close(): Promise<void>;
}

export interface ConnectOptions {
  max?: number;
  applicationName?: string;
  /** Longest wait for a connection (a free one from the pool, or a new one); then the query fails. */
  connectionTimeoutMs?: number;
  /** PostgreSQL's statement_timeout: a statement running longer is cancelled (0 = none). */
  statementTimeoutMs?: number;
  /** PostgreSQL's idle_in_transaction_session_timeout: a transaction left idle longer is ended (0 = none). */
  idleInTransactionTimeoutMs?: number;
  /** Called when a connection breaks (the database restarted, a backend was terminated). */
  onConnectionError?: (error: Error) => void;
}

/**
 * A frozen server (stopped process, network partition) never answers, so its statement_timeout
 * never fires: the client gives up this long after the server would have.
 */
export const CLIENT_TIMEOUT_MARGIN_MS = 5_000;
const QUERY_READ_TIMEOUT = 'Query read timeout';

export function connectDatabase(url: string, options: ConnectOptions = {}): DatabaseHandle {
  const statementTimeoutMs = options.statementTimeoutMs ?? 0;
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    application_name: options.applicationName ?? 'loket',
    connectionTimeoutMillis: options.connectionTimeoutMs ?? 5_000,
    idleTimeoutMillis: 30_000,
    ...(statementTimeoutMs > 0
      ? {
          statement_timeout: statementTimeoutMs,
          query_timeout: statementTimeoutMs + CLIENT_TIMEOUT_MARGIN_MS,
        }
      : {}),
    ...(options.idleInTransactionTimeoutMs
      ? { idle_in_transaction_session_timeout: options.idleInTransactionTimeoutMs }
      : {}),
  });
  const onConnectionError = options.onConnectionError ?? (() => {});
  // pg emits 'error' on a client whose connection breaks. The pool listens only while the client is
  // idle; a client checked out by a request (in a transaction, say) has no listener, and an
  // 'error' without a listener ends the process (57P01 on a restart or failover). Every client
  // gets its own listener for its whole life: the request's query fails (answered 503), the pool
  // drops the broken client when it is released, and the next request gets a fresh connection.
  pool.on('connect', (client) => client.on('error', onConnectionError));
  pool.on('error', onConnectionError);
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: dropTimedOutClients(pool) }) });
  return { db, pool, close: () => db.destroy() };
}

/**
 * pg's client-side query timeout answers the caller but leaves the query on the connection, which
 * would go back to the pool still busy; a connection whose query timed out is closed instead.
 */
function dropTimedOutClients(pool: pg.Pool): PostgresPool {
  return {
    async connect() {
      const client = await pool.connect();
      let timedOut = false;
      const guarded = {
        query: async (...args: Parameters<pg.PoolClient['query']>) => {
          try {
            return await (client.query as (...a: unknown[]) => Promise<unknown>)(...args);
          } catch (error) {
            if ((error as Error).message === QUERY_READ_TIMEOUT) {
              timedOut = true;
              (
                client as unknown as { connection: { stream: { destroy(): void } } }
              ).connection.stream.destroy();
            }
            throw error;
          }
        },
        // Released with an error, the pool closes the client instead of keeping it: the destroyed
        // stream reports its end only later, and the next request must not pick it up meanwhile.
        release: () => client.release(timedOut ? new Error(QUERY_READ_TIMEOUT) : undefined),
      };
      return guarded as unknown as PostgresPoolClient;
    },
    end: () => pool.end(),
  };
}
