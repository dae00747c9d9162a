import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { poolConfig } from "@/lib/db/deadlines";
import { recordQuery } from "@/lib/db/query-count";
import { logger } from "@/lib/logger";
import { observeDatabasePool } from "@/lib/metrics/registry";
import { onShutdown } from "@/lib/shutdown";

function createClient() {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set; start Cairn with `npm start`.");
  // Cairn creates the pool itself, rather than the adapter, so the metrics can read how busy it is.
  const pool = new pg.Pool(poolConfig(connectionString, Number(process.env.DATABASE_POOL_SIZE) || 10));
  observeDatabasePool(pool);
  const adapter = new PrismaPg(pool, {
    disposeExternalPool: true,
    onPoolError: (error) => logger.warn({ err: error }, "idle database connection failed"),
    onConnectionError: (error) => logger.warn({ err: error }, "database connection failed during a transaction"),
  });
  const client = new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] });
  client.$on("query", (event) => recordQuery(event.query));
  onShutdown("database pool", () => client.$disconnect());
  return client;
}

type Client = ReturnType<typeof createClient>;

const globalForDb = globalThis as unknown as { cairnDb?: Client };

/** The one PrismaClient, created on first use so that building Cairn needs no database. */
export function getDb(): Client {
  globalForDb.cairnDb ??= createClient();
  return globalForDb.cairnDb;
}

export const db: Client = new Proxy({} as Client, {
  get(_target, property) {
    const client = getDb();
    const value = Reflect.get(client, property, client);
    return typeof value === "function" ? value.bind(client) : value;
  },
});

export type Tx = Parameters<Parameters<Client["$transaction"]>[0]>[0];
