// A command-line tool run beside a serving Cairn (a nightly `npm run db:backup`) attaches to the embedded
// PostgreSQL that is already running instead of restarting it under the web server's feet.
import { mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { startEmbeddedPostgres } from "@/lib/db/embedded";

async function answers(serverUrl: string) {
  const client = new pg.Client({ connectionString: `${serverUrl}/postgres`, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ pid: number }>("SELECT pg_backend_pid() AS pid");
    return rows.length === 1;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => {});
  }
}

describe("startEmbeddedPostgres({ reuseRunning })", () => {
  it("joins the running server and leaves it running when the tool is done", async () => {
    const parent = await mkdtemp(path.join(os.tmpdir(), "cairn-embedded-test-"));
    const dataDir = path.join(parent, "postgres");
    const serving = await startEmbeddedPostgres({ dataDir, password: "serving", removeOnStop: true });
    try {
      const tool = await startEmbeddedPostgres({ dataDir, password: "serving", reuseRunning: true });
      expect(tool.port).toBe(serving.port);
      expect(await answers(tool.serverUrl)).toBe(true);
      await tool.stop();
      expect(await answers(serving.serverUrl)).toBe(true);
    } finally {
      await serving.stop();
      await rm(parent, { recursive: true, force: true });
    }
    expect(await answers(serving.serverUrl)).toBe(false);
  }, 120_000);
});
