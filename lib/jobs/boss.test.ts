import { afterEach, describe, expect, it } from "vitest";
import { DEAD_LETTER_QUEUE, kick, runningBoss, startJobs, stopJobs } from "@/lib/jobs/boss";
import type { JobDefinition } from "@/lib/jobs/types";
import { db } from "@/lib/db";

const FAST = { retry: { retryLimit: 1, retryDelay: 1, retryBackoff: false }, pollingSeconds: 0.5 };
const NEVER = "0 0 1 1 *";

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 15_000): Promise<T> {
  const stop = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > stop) return value;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
}

function states(name: string) {
  return db.$queryRaw<{ state: string; count: number }[]>`
    SELECT state::text, count(*)::int AS count FROM pgboss.job WHERE name = ${name} GROUP BY state`;
}

afterEach(async () => {
  await stopJobs();
});

describe("background jobs on PostgreSQL", () => {
  it("runs a kicked job once however often it is kicked at once, and keeps what it did", async () => {
    let runs = 0;
    const definition: JobDefinition = {
      name: "test.count",
      cron: NEVER,
      description: "counts",
      run: async () => {
        runs += 1;
        return { counted: runs };
      },
    };
    await startJobs({ connectionString: process.env.DATABASE_URL!, definitions: [definition], ...FAST });
    for (let index = 0; index < 5; index += 1) kick("test.count");
    const rows = await until(() => states("test.count"), (found) => found.some((row) => row.state === "completed"));
    expect(rows).toEqual([{ state: "completed", count: 1 }]);
    expect(runs).toBe(1);
    const [job] = await db.$queryRaw<{ output: unknown }[]>`SELECT output FROM pgboss.job WHERE name = 'test.count'`;
    expect(job?.output).toEqual({ counted: 1 });
  });

  it("retries a job that throws and, once its retries are spent, leaves it in the dead-letter queue", async () => {
    let runs = 0;
    const definition: JobDefinition = {
      name: "test.broken",
      cron: NEVER,
      description: "always fails",
      run: async () => {
        runs += 1;
        throw new Error("SMTP server said no");
      },
    };
    await startJobs({ connectionString: process.env.DATABASE_URL!, definitions: [definition], ...FAST });
    kick("test.broken");
    const dead = await until(() => states(DEAD_LETTER_QUEUE), (found) => found.length > 0);
    expect(dead.reduce((sum, row) => sum + row.count, 0)).toBe(1);
    expect(runs).toBe(2);
    expect(await states("test.broken")).toEqual([{ state: "failed", count: 1 }]);
  });

  it("lets a process that only sends jobs queue work without running it", async () => {
    let runs = 0;
    const definition: JobDefinition = { name: "test.elsewhere", cron: NEVER, description: "", run: async () => ({ runs: ++runs }) };
    await startJobs({ connectionString: process.env.DATABASE_URL!, definitions: [definition], ...FAST, work: false });
    expect(runningBoss()).toBeDefined();
    kick("test.elsewhere");
    const rows = await until(() => states("test.elsewhere"), (found) => found.length > 0);
    expect(rows).toEqual([{ state: "created", count: 1 }]);
    expect(runs).toBe(0);
  });
});
