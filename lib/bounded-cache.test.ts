import { describe, expect, it } from "vitest";

import { BoundedCache } from "@/lib/bounded-cache";

describe("BoundedCache", () => {
  it("returns what was stored under a key", () => {
    const cache = new BoundedCache<string>(100);
    cache.set("a", "html for a", 10);
    expect(cache.get("a")).toBe("html for a");
    expect(cache.get("b")).toBeUndefined();
  });

  it("never holds more than its size, evicting the least recently used first", () => {
    const cache = new BoundedCache<number>(30);
    cache.set("a", 1, 10);
    cache.set("b", 2, 10);
    cache.set("c", 3, 10);
    expect(cache.get("a")).toBe(1);

    cache.set("d", 4, 10);
    expect(cache.get("b")).toBeUndefined();
    expect([cache.get("a"), cache.get("c"), cache.get("d")]).toEqual([1, 3, 4]);
    expect(cache.size).toBe(30);

    cache.set("e", 5, 25);
    expect(cache.size).toBeLessThanOrEqual(30);
    expect(cache.get("e")).toBe(5);
    expect(cache.get("d")).toBeUndefined();
  });

  it("replaces an entry stored again under the same key", () => {
    const cache = new BoundedCache<string>(30);
    cache.set("a", "old", 20);
    cache.set("a", "new", 5);
    expect(cache.get("a")).toBe("new");
    expect(cache.size).toBe(5);
  });

  it("does not keep an entry larger than the whole cache, and keeps the others", () => {
    const cache = new BoundedCache<string>(30);
    cache.set("a", "small", 10);
    cache.set("huge", "too big", 31);
    expect(cache.get("huge")).toBeUndefined();
    expect(cache.get("a")).toBe("small");
    expect(cache.size).toBe(10);
  });

  it("stays within its size under many writes", () => {
    const cache = new BoundedCache<string>(1_000);
    for (let index = 0; index < 10_000; index++) cache.set(`key ${index}`, "value", (index % 97) + 1);
    expect(cache.size).toBeLessThanOrEqual(1_000);
    expect(cache.get("key 9999")).toBe("value");
  });
});
