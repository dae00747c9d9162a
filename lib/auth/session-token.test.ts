import { decode as nextAuthDecode, encode as nextAuthEncode } from "next-auth/jwt";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { decodeSessionToken, encodeSessionToken, readSessionToken, refreshedSessionToken } from "@/lib/auth/session-token";

const SECRET = "a-test-secret-that-is-long-enough-for-cairn";

describe("the session-token codec", () => {
  beforeEach(() => vi.stubEnv("NEXTAUTH_SECRET", SECRET));
  afterEach(() => {
    vi.unstubAllEnvs();
    vi.useRealTimers();
  });

  it("reads tokens next-auth wrote, and next-auth reads Cairn's: sessions survive either way", async () => {
    const fromNextAuth = await nextAuthEncode({ token: { uid: "u1", sv: 3 }, secret: SECRET });
    expect(await readSessionToken(fromNextAuth)).toMatchObject({ uid: "u1", sv: 3 });
    const fromCairn = await encodeSessionToken({ token: { uid: "u2", sv: 0 }, secret: SECRET });
    expect(await nextAuthDecode({ token: fromCairn, secret: SECRET })).toMatchObject({ uid: "u2", sv: 0 });
  });

  it("refuses a token sealed with another secret, a tampered or expired one, and one without a session version", async () => {
    const other = await encodeSessionToken({ token: { uid: "u1", sv: 0 }, secret: "another-secret-another-secret-another" });
    expect(await readSessionToken(other)).toBeNull();
    const good = await encodeSessionToken({ token: { uid: "u1", sv: 0 }, secret: SECRET });
    expect(await readSessionToken(`${good.slice(0, -4)}AAAA`)).toBeNull();
    expect(await readSessionToken(await encodeSessionToken({ token: { uid: "u1", sv: 0 }, secret: SECRET, maxAge: -60 }))).toBeNull();
    expect(await readSessionToken(await encodeSessionToken({ token: { uid: "u1" }, secret: SECRET }))).toBeNull();
    expect(await readSessionToken(undefined)).toBeNull();
    expect(await decodeSessionToken({ token: "", secret: SECRET })).toBeNull();
  });

  it("re-issues a session once it is a day old, with a new expiry and the same identity", async () => {
    vi.useFakeTimers({ now: new Date("2027-03-01T09:00:00Z"), toFake: ["Date"] });
    const token = await encodeSessionToken({ token: { uid: "u1", sv: 2, email: "a@example.com" }, secret: SECRET });
    const session = (await readSessionToken(token))!;
    expect(await refreshedSessionToken(session)).toBeNull();

    vi.setSystemTime(new Date("2027-03-02T09:00:01Z"));
    const refreshed = await readSessionToken((await refreshedSessionToken(session))!);
    expect(refreshed).toMatchObject({ uid: "u1", sv: 2, payload: { email: "a@example.com" } });
    expect(refreshed!.payload.exp).toBe(Number(session.payload.exp) + 24 * 60 * 60 + 1);
  });
});
