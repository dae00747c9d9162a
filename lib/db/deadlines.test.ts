// A database that stops answering, as seen from the app's pool: its own embedded PostgreSQL, paused with SIGSTOP.
import { mkdtemp } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DATABASE_DEADLINES, poolConfig } from "@/lib/db/deadlines";
import { startEmbeddedPostgres, type EmbeddedDatabase } from "@/lib/db/embedded";
import { checkReadiness, READINESS_TIMEOUT_MS } from "@/lib/db/readiness";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { pausePostgres } from "@/test/postgres-pause";

/** Generous next to the 5-second query deadline: proves "seconds", not "until the database returns". */
const BOUND_MS = 10_000;

let server: EmbeddedDatabase;
let dataDir: string;
let url: string;

async function value(): Promise<number | undefined> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<{ n: number }>("SELECT n FROM probe WHERE id = 1")).rows[0]?.n;
  } finally {
    await client.end();
  }
}

async function timed<T>(work: Promise<T>): Promise<{ ms: number; outcome: PromiseSettledResult<T> }> {
  const started = Date.now();
  const [outcome] = await Promise.allSettled([work]);
  return { ms: Date.now() - started, outcome: outcome! };
}

beforeAll(async () => {
  dataDir = await mkdtemp(path.join(os.tmpdir(), "cairn-deadlines-pg-"));
  server = await startEmbeddedPostgres({ dataDir, password: "cairn-test", removeOnStop: true });
  url = `${server.serverUrl}/postgres`;
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  await client.query("CREATE TABLE probe (id int PRIMARY KEY, n int NOT NULL); INSERT INTO probe VALUES (1, 0)");
  await client.end();
}, 60_000);

afterAll(async () => {
  await server?.stop();
});

describe("database deadlines (docs/security.md #29, #38)", () => {
  it("fail queries on pooled connections within seconds while the database is paused, then work again", async () => {
    const pool = new pg.Pool(poolConfig(url, 2));
    // Two open, idle connections: the ones a paused database would otherwise hold forever.
    await Promise.all([pool.query("SELECT pg_sleep(0.05)"), pool.query("SELECT pg_sleep(0.05)")]);
    const resume = pausePostgres(dataDir);
    let results: Awaited<ReturnType<typeof timed>>[];
    try {
      results = await Promise.all([1, 2, 3, 4].map(() => timed(pool.query("SELECT 1"))));
    } finally {
      resume();
    }
    for (const { ms, outcome } of results) {
      expect(outcome.status).toBe("rejected");
      expect(ms).toBeLessThan(BOUND_MS);
    }
    expect((await pool.query<{ ok: number }>("SELECT 1 AS ok")).rows).toEqual([{ ok: 1 }]);
    await pool.end();
  }, 30_000);

  it("never hand a connection cut off inside a transaction to the next request", async () => {
    // One connection, so the write after the pause must go through the connection the transaction used.
    const prisma = new PrismaClient({ adapter: new PrismaPg(poolConfig(url, 1)) });
    let resume = () => {};
    const cutOff = await timed(
      prisma.$transaction(async (tx) => {
        await tx.$executeRaw`UPDATE probe SET n = 1 WHERE id = 1`;
        resume = pausePostgres(dataDir);
        await tx.$executeRaw`UPDATE probe SET n = 2 WHERE id = 1`;
      }),
    );
    resume();
    expect(cutOff.outcome.status).toBe("rejected");
    expect(cutOff.ms).toBeLessThan(BOUND_MS);

    const written = await prisma.$executeRaw`UPDATE probe SET n = 42 WHERE id = 1`;
    expect(written).toBe(1);
    // Seen from another session: committed, not held in the transaction that was cut off.
    expect(await value()).toBe(42);
    await prisma.$disconnect();
  }, 30_000);

  it("let the server cancel a slow statement before Cairn stops waiting, so the connection stays usable", async () => {
    expect(DATABASE_DEADLINES.statementMs).toBeLessThan(DATABASE_DEADLINES.queryMs);
    const pool = new pg.Pool(poolConfig(url, 1));
    const slow = await timed(pool.query("SELECT pg_sleep(30)"));
    expect(slow.outcome).toMatchObject({ status: "rejected", reason: { message: "canceling statement due to statement timeout" } });
    expect((await pool.query<{ ok: number }>("SELECT 1 AS ok")).rows).toEqual([{ ok: 1 }]);
    await pool.end();
  }, 30_000);

  it("store and read instants as they are, even on a server whose default time zone is not UTC", async () => {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query("ALTER DATABASE postgres SET TimeZone = 'Pacific/Auckland'");
    const prisma = new PrismaClient({ adapter: new PrismaPg(poolConfig(url, 1)) });
    try {
      const at = new Date("2027-03-10T12:00:00.000Z");
      const [row] = await prisma.$queryRaw<{ epoch: number; day: string }[]>`
        SELECT extract(epoch FROM ${at}::timestamptz)::float8 AS epoch,
               to_char(${at}::timestamptz AT TIME ZONE 'America/Los_Angeles', 'YYYY-MM-DD HH24:MI') AS day`;
      expect(row).toEqual({ epoch: at.getTime() / 1000, day: "2027-03-10 04:00" });
    } finally {
      await prisma.$disconnect();
      await admin.query("ALTER DATABASE postgres RESET TimeZone");
      await admin.end();
    }
  });

  it("let /api/ready say the database is unreachable within a probe's usual 3-second timeout", async () => {
    const resume = pausePostgres(dataDir);
    let probe: Awaited<ReturnType<typeof timed>>;
    try {
      probe = await timed(checkReadiness(url));
    } finally {
      resume();
    }
    expect(probe.outcome).toEqual({ status: "fulfilled", value: { ready: false, database: "unreachable", pendingMigrations: [] } });
    expect(probe.ms).toBeLessThan(READINESS_TIMEOUT_MS + 1_000);
  }, 30_000);
});
