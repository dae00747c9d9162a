import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { countQueries } from "@/lib/db/query-count";

describe("countQueries", () => {
  it("counts the SQL statements issued inside its scope only", async () => {
    await db.$queryRaw`SELECT 1`; // outside any scope: not counted anywhere
    const [a, b] = await Promise.all([
      countQueries(async () => {
        await db.user.findMany();
        await db.cohort.findMany();
      }),
      countQueries(async () => {
        await db.user.count();
      }),
    ]);
    expect(a.count).toBe(2);
    expect(b.count).toBe(1);
  });
});
