import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { CLIENT_ADDRESS_HEADER } from "@/lib/client-address";
import { db } from "@/lib/db";
import { consumeRateLimit, limiterAddress, refundRateLimit, resetRateLimit, UNKNOWN_ADDRESS } from "@/lib/db/rate-limit";

const stored = (key: string) => createHash("sha256").update(key).digest("hex");

async function expireWindow(key: string) {
  await db.rateLimit.update({ where: { key: stored(key) }, data: { expiresAt: new Date(Date.now() - 1000) } });
}

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

  it("counts a hit of several points at once, and takes them back when asked", async () => {
    const rule = { points: 10, windowSeconds: 60 };
    expect((await consumeRateLimit("test:cost", rule, 7)).allowed).toBe(true);
    expect((await consumeRateLimit("test:cost", rule, 4)).allowed).toBe(false);
    await refundRateLimit("test:cost", 4);
    expect((await consumeRateLimit("test:cost", rule, 3)).allowed).toBe(true);
    expect((await consumeRateLimit("test:cost", rule)).allowed).toBe(false);
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
    await expireWindow("test:c");
    expect((await consumeRateLimit("test:c", rule)).allowed).toBe(true);
  });

  it("gives back one hit of the current window on refund, never below zero", async () => {
    const rule = { points: 2, windowSeconds: 60 };
    await consumeRateLimit("test:refund", rule);
    await consumeRateLimit("test:refund", rule);
    await refundRateLimit("test:refund");
    expect((await consumeRateLimit("test:refund", rule)).allowed).toBe(true);
    expect((await consumeRateLimit("test:refund", rule)).allowed).toBe(false);
    for (let i = 0; i < 5; i += 1) await refundRateLimit("test:refund");
    expect((await db.rateLimit.findUniqueOrThrow({ where: { key: stored("test:refund") } })).points).toBe(0);
  });

  it("stores keys as their sha256, so a key of any length fits and nothing is kept in clear", async () => {
    const key = `login:account:${"x".repeat(400)}@example.test`;
    expect((await consumeRateLimit(key, { points: 1, windowSeconds: 60 })).allowed).toBe(true);
    const row = await db.rateLimit.findUniqueOrThrow({ where: { key: stored(key) } });
    expect(row.key).toMatch(/^[0-9a-f]{64}$/);
    expect(await db.rateLimit.count({ where: { key: { contains: "example.test" } } })).toBe(0);
  });
});

describe("expired rows", () => {
  async function seedExpired(count: number, prefix: string) {
    await db.rateLimit.createMany({
      data: Array.from({ length: count }, (_, index) => ({
        key: stored(`${prefix}:${index}`),
        points: 3,
        expiresAt: new Date(Date.now() - 60_000 - index),
      })),
    });
  }

  it("are purged in bounded batches by the calls that start a window, and live windows stay", async () => {
    await db.rateLimit.deleteMany();
    const live = { points: 5, windowSeconds: 600 };
    await consumeRateLimit("test:live", live);
    await seedExpired(250, "test:old");
    // Another hit on a running window adds no row and purges nothing.
    await consumeRateLimit("test:live", live);
    expect(await db.rateLimit.count({ where: { expiresAt: { lt: new Date() } } })).toBe(250);
    await consumeRateLimit("test:purge-1", live);
    // One call deletes at most one batch, so a burst of old rows never makes a sign-in slow.
    expect(await db.rateLimit.count({ where: { expiresAt: { lt: new Date() } } })).toBe(150);
    await consumeRateLimit("test:purge-2", live);
    await consumeRateLimit("test:purge-3", live);
    expect(await db.rateLimit.count({ where: { expiresAt: { lt: new Date() } } })).toBe(0);
    expect(await db.rateLimit.count()).toBe(4);
    expect((await db.rateLimit.findUniqueOrThrow({ where: { key: stored("test:live") } })).points).toBe(2);
  });

  it("are purged safely while many requests count at once (several instances behave the same)", async () => {
    await db.rateLimit.deleteMany();
    await seedExpired(300, "test:busy");
    const rule = { points: 1000, windowSeconds: 600 };
    // Forty hits on four new keys at once: four of them start a window and purge while the others count.
    const results = await Promise.all(Array.from({ length: 40 }, (_, index) => consumeRateLimit(`test:busy-key-${index % 4}`, rule)));
    expect(results.every((result) => result.allowed)).toBe(true);
    expect(await db.rateLimit.count({ where: { expiresAt: { lt: new Date() } } })).toBe(0);
    const counts = await db.rateLimit.findMany({ where: { expiresAt: { gt: new Date() } }, select: { points: true } });
    expect(counts.map((row) => row.points).sort()).toEqual([10, 10, 10, 10]);
  });

  it("an expired window of the key being counted restarts at one instead of being purged under it", async () => {
    const rule = { points: 2, windowSeconds: 60 };
    await consumeRateLimit("test:self", rule);
    await consumeRateLimit("test:self", rule);
    await expireWindow("test:self");
    expect((await consumeRateLimit("test:self", rule)).allowed).toBe(true);
    expect((await db.rateLimit.findUniqueOrThrow({ where: { key: stored("test:self") } })).points).toBe(1);
  });
});

describe("limiterAddress", () => {
  it("uses the address Cairn's server recorded, from Headers or next-auth's plain object", () => {
    expect(limiterAddress(new Headers({ [CLIENT_ADDRESS_HEADER]: "2001:db8::7" }))).toBe("2001:db8::7");
    expect(limiterAddress({ [CLIENT_ADDRESS_HEADER]: "192.0.2.10" })).toBe("192.0.2.10");
  });

  it("counts requests without one as a single shared address, never as unlimited", () => {
    expect(limiterAddress(null)).toBe(UNKNOWN_ADDRESS);
    expect(limiterAddress({ "x-forwarded-for": "192.0.2.10" })).toBe(UNKNOWN_ADDRESS);
    expect(limiterAddress(new Headers({ [CLIENT_ADDRESS_HEADER]: "" }))).toBe(UNKNOWN_ADDRESS);
  });
});
