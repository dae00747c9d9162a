import { describe, expect, it } from "vitest";
import { normaliseAddress, resolveClientAddress } from "@/lib/http/client-address";

const direct = { trustProxy: false, hops: 1 };
const oneProxy = { trustProxy: true, hops: 1 };
const twoProxies = { trustProxy: true, hops: 2 };

describe("the client address Cairn's server decides (docs/security.md #11)", () => {
  it("is the TCP peer when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(resolveClientAddress("198.51.100.7", "203.0.113.1", direct)).toBe("198.51.100.7");
    expect(resolveClientAddress("198.51.100.7", undefined, direct)).toBe("198.51.100.7");
  });

  it("behind one trusted proxy, is the right-most entry: the one our proxy appended", () => {
    // The client sent "1.1.1.1" itself; our proxy appended the address it really saw.
    expect(resolveClientAddress("10.0.0.2", "1.1.1.1, 203.0.113.9", oneProxy)).toBe("203.0.113.9");
    expect(resolveClientAddress("10.0.0.2", "203.0.113.9", oneProxy)).toBe("203.0.113.9");
  });

  it("behind two trusted proxies, is the second entry from the right", () => {
    expect(resolveClientAddress("10.0.0.2", "1.1.1.1, 203.0.113.9, 10.0.0.1", twoProxies)).toBe("203.0.113.9");
  });

  it("joins repeated X-Forwarded-For headers in order before counting from the right", () => {
    expect(resolveClientAddress("10.0.0.2", ["1.1.1.1", "203.0.113.9"], oneProxy)).toBe("203.0.113.9");
  });

  it("falls back to the TCP peer when the header is missing, too short for the hops, or not an address", () => {
    expect(resolveClientAddress("10.0.0.2", undefined, oneProxy)).toBe("10.0.0.2");
    expect(resolveClientAddress("10.0.0.2", "203.0.113.9", twoProxies)).toBe("10.0.0.2");
    expect(resolveClientAddress("10.0.0.2", "1.1.1.1, unknown", oneProxy)).toBe("10.0.0.2");
    expect(resolveClientAddress("10.0.0.2", "1.1.1.1, ", oneProxy)).toBe("10.0.0.2");
    expect(resolveClientAddress("10.0.0.2", "1.1.1.1, 999.1.1.1", oneProxy)).toBe("10.0.0.2");
  });

  it("spells one address one way: IPv4-mapped IPv6, ports, brackets and case", () => {
    expect(normaliseAddress("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(normaliseAddress("203.0.113.9:51234")).toBe("203.0.113.9");
    expect(normaliseAddress("[2001:DB8::1]:443")).toBe("2001:db8::1");
    expect(normaliseAddress("2001:DB8::1")).toBe("2001:db8::1");
    expect(normaliseAddress(" 203.0.113.9 ")).toBe("203.0.113.9");
    expect(normaliseAddress("cairn.example.org")).toBeUndefined();
    expect(normaliseAddress(undefined)).toBeUndefined();
  });
});
