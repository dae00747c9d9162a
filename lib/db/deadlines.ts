// Every database round trip has a deadline on Cairn's side, so a paused, overloaded or unreachable PostgreSQL
// makes requests fail within seconds instead of hanging until it comes back (docs/security.md #29, #38).
// Why each value is what it is: docs/decisions/012-own-http-server-and-database-deadlines.md.
import pg from "pg";

export const DATABASE_DEADLINES = {
  /** Waiting for a pooled connection, including opening a new one. */
  acquireMs: 3_000,
  /** The server cancels a statement (lock waits included) after this; the connection stays usable. */
  statementMs: 4_000,
  /** Cairn gives up on an answer after this, for when the server cannot even cancel (paused, cut off). */
  queryMs: 5_000,
  /** The server ends a session left inside a transaction, releasing its locks, e.g. if an instance froze. */
  idleInTransactionMs: 10_000,
} as const;

const READ_TIMEOUT_MESSAGE = "Query read timeout";

function isReadTimeout(error: unknown): boolean {
  return error instanceof Error && error.message === READ_TIMEOUT_MESSAGE;
}

/**
 * node-postgres fails a query at `query_timeout` but keeps its connection, still waiting for that query's answer and
 * possibly inside a transaction whose ROLLBACK never reached the server. Back in the pool, it would run the next
 * request's statements inside that stale transaction, where they would never commit. This client closes its
 * connection instead; the server rolls back whatever was open on it.
 */
export class DeadlineClient extends pg.Client {
  constructor(config?: string | pg.ClientConfig) {
    super(config);
    const query = super.query.bind(this) as (...args: unknown[]) => unknown;
    const closeIfTimedOut = (error: unknown) => {
      if (isReadTimeout(error)) this.end().catch(() => undefined);
    };
    this.query = ((...args: unknown[]) => {
      const callback = args.at(-1);
      if (typeof callback === "function") {
        args[args.length - 1] = (error: unknown, result: unknown) => {
          closeIfTimedOut(error);
          callback(error, result);
        };
        return query(...args);
      }
      const result = query(...args);
      if (result instanceof Promise) result.catch(closeIfTimedOut);
      return result;
    }) as pg.Client["query"];
  }
}

/** Pool settings for the app's one Prisma client; scripts with long work (migrations, backups) use their own. */
export function poolConfig(connectionString: string, max: number): pg.PoolConfig {
  return {
    connectionString,
    max,
    Client: DeadlineClient,
    connectionTimeoutMillis: DATABASE_DEADLINES.acquireMs,
    query_timeout: DATABASE_DEADLINES.queryMs,
    statement_timeout: DATABASE_DEADLINES.statementMs,
    idle_in_transaction_session_timeout: DATABASE_DEADLINES.idleInTransactionMs,
    idleTimeoutMillis: 30_000,
    // Notices a database host that vanished without closing its connections (no RST), e.g. after a failover.
    keepAlive: true,
    // @prisma/adapter-pg sends a Date as its UTC wall clock without an offset, which PostgreSQL reads in the
    // session's TimeZone: only a UTC session stores the instant that was meant, whatever the server's default.
    options: "-c TimeZone=UTC",
  };
}
