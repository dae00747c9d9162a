import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { consumeRateLimit, resetRateLimit } from "@/lib/rate-limit";

describe("rate limits stored in PostgreSQL", () => {
  it("allows the rule's number of hits, then refuses until the window ends", async () => {
    const rule = { points: 3, windowSeconds: 60 };
    const results = [];
    for (let i = 0; i < 5; i += 1) results.push((await consumeRateLimit("test:a", rule)).allowed);
    expect(results).toEqual([true, true, true, false, false]);
    const limited = await consumeRateLimit("test:a", rule);
    expect(limited.retryAfterSeconds).toBeGreaterThan(50);
    await resetRateLimit("test:a");
    expect((await consumeRateLimit("test:a", rule)).allowed).toBe(true);
  });

  it("counts concurrent hits exactly", async () => {
    const rule = { points: 10, windowSeconds: 60 };
    const results = await Promise.all(Array.from({ length: 25 }, () => consumeRateLimit("test:b", rule)));
    expect(results.filter((result) => result.allowed)).toHaveLength(10);
  });

  it("starts a new window once the old one has expired", async () => {
    const rule = { points: 1, windowSeconds: 60 };
    expect((await consumeRateLimit("test:c", rule)).allowed).toBe(true);
    expect((await consumeRateLimit("test:c", rule)).allowed).toBe(false);
    await db.rateLimit.update({ where: { key: "test:c" }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await consumeRateLimit("test:c", rule)).allowed).toBe(true);
  });
});
