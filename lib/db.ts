import "server-only";
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { recordQuery } from "@/lib/db/query-count";

function createClient() {
  const connectionString = process.env.DATABASE_URL;
  if (!connectionString) throw new Error("DATABASE_URL is not set; start Cairn with `npm start`.");
  const adapter = new PrismaPg({
    connectionString,
    max: Number(process.env.DATABASE_POOL_SIZE) || 10,
    // Fail fast instead of queueing forever when the database is down (docs/security.md #29).
    connectionTimeoutMillis: 5_000,
    idleTimeoutMillis: 30_000,
    statement_timeout: 15_000,
  });
  const client = new PrismaClient({ adapter, log: [{ emit: "event", level: "query" }] });
  client.$on("query", (event) => recordQuery(event.query));
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

export type Db = Client;
export type Tx = Parameters<Parameters<Client["$transaction"]>[0]>[0];
