// Sign-in limits as the sign-in form meets them, through next-auth's credentials check against a real PostgreSQL
// (docs/security.md #11, #37): per (email, client address), per address, and a per-email ceiling across addresses.
// Nobody locks another person out from one address, one address cannot spray many emails, and a limiter that cannot
// be reached refuses sign-in with its own message.
import { afterEach, describe, expect, it } from "vitest";
import { LOGIN_RATE_LIMITED, LOGIN_UNAVAILABLE } from "@/lib/auth/constants";
import { LOGIN_LIMITS } from "@/lib/auth/login-limit";
import { authOptions } from "@/lib/auth/options";
import { CLIENT_ADDRESS_HEADER } from "@/lib/client-address";
import { db } from "@/lib/db";
import { createUser } from "@/prisma/factories/users";

const PASSWORD = "correct horse battery staple";

type Authorize = (credentials: Record<string, string>, request: { headers: Record<string, string> }) => Promise<unknown>;
const { authorize } = (authOptions.providers[0] as unknown as { options: { authorize: Authorize } }).options;

let sequence = 0;
/** A fresh documentation-range address (RFC 5737) per call, so tests never share a counter by accident. */
function newAddress() {
  sequence += 1;
  return `198.51.${Math.floor(sequence / 250)}.${sequence % 250}`;
}

/** "signed in", "wrong" (the form's "Email or password is incorrect") or the refusal's code. */
async function signIn(email: string, password: string, address?: string): Promise<string> {
  const headers: Record<string, string> = address ? { [CLIENT_ADDRESS_HEADER]: address } : {};
  try {
    return (await authorize({ email, password }, { headers })) ? "signed in" : "wrong";
  } catch (error) {
    return (error as Error).message;
  }
}

async function failTimes(times: number, email: string, address?: string) {
  const outcomes = [];
  for (let attempt = 0; attempt < times; attempt += 1) outcomes.push(await signIn(email, `wrong guess ${attempt}`, address));
  return outcomes;
}

describe("per email and client address", () => {
  it("refuses the eleventh attempt from one address, even with the right password", async () => {
    const person = await createUser();
    const address = newAddress();
    expect(await failTimes(10, person.email, address)).toEqual(Array.from({ length: 10 }, () => "wrong"));
    expect(await signIn(person.email, PASSWORD, address)).toBe(LOGIN_RATE_LIMITED);
  });

  it("lets the real person sign in from another address while one address is locked out of their account", async () => {
    const admin = await createUser({ isAdmin: true });
    const attacker = newAddress();
    await failTimes(15, admin.email, attacker);
    expect(await signIn(admin.email, PASSWORD, attacker)).toBe(LOGIN_RATE_LIMITED);
    expect(await signIn(admin.email, PASSWORD, newAddress())).toBe("signed in");
  });

  it("a success resets only its own (email, address) counter", async () => {
    const person = await createUser();
    const [home, office] = [newAddress(), newAddress()];
    await failTimes(9, person.email, home);
    await failTimes(9, person.email, office);
    expect(await signIn(person.email, PASSWORD, office)).toBe("signed in");
    // The office starts afresh: ten more mistakes before it is refused.
    expect(await failTimes(10, person.email, office)).toEqual(Array.from({ length: 10 }, () => "wrong"));
    expect(await signIn(person.email, PASSWORD, office)).toBe(LOGIN_RATE_LIMITED);
    // Home still has the nine it had: one more try, then refused.
    expect(await signIn(person.email, "tenth wrong guess", home)).toBe("wrong");
    expect(await signIn(person.email, PASSWORD, home)).toBe(LOGIN_RATE_LIMITED);
  });

  it("treats emails case-insensitively, so changing the case does not buy more guesses", async () => {
    const person = await createUser({ email: "Casey.Case@example.test" });
    const address = newAddress();
    await failTimes(5, "casey.case@example.test", address);
    await failTimes(5, "CASEY.CASE@EXAMPLE.TEST", address);
    expect(await signIn(" Casey.Case@Example.test ", PASSWORD, address)).toBe(LOGIN_RATE_LIMITED);
    expect(person.email).toBe("casey.case@example.test");
  });
});

describe("per client address", () => {
  it(`stops one address after ${LOGIN_LIMITS.address.points} failed attempts at any emails; successes there do not count`, async () => {
    const classroom = newAddress();
    const people = await Promise.all(Array.from({ length: 10 }, () => createUser()));
    const outcomes = [];
    for (let attempt = 0; attempt < LOGIN_LIMITS.address.points; attempt += 1) {
      outcomes.push(await signIn(`sprayed-${attempt}@example.test`, "Winter2027!", classroom));
      // Between the failures, ten people behind the same address sign in: none of them is refused or counted.
      if (attempt % 10 === 5) for (const person of people) outcomes.push(await signIn(person.email, PASSWORD, classroom));
    }
    expect(outcomes.filter((outcome) => outcome === "wrong")).toHaveLength(LOGIN_LIMITS.address.points);
    expect(outcomes.filter((outcome) => outcome === "signed in")).toHaveLength(100);
    expect(await signIn("one-more@example.test", "Winter2027!", classroom)).toBe(LOGIN_RATE_LIMITED);
    expect(await signIn(people[0]!.email, PASSWORD, classroom)).toBe(LOGIN_RATE_LIMITED);
    expect(await signIn(people[0]!.email, PASSWORD, newAddress())).toBe("signed in");
  });
});

describe("the per-email ceiling across addresses", () => {
  it(`refuses everyone once ${LOGIN_LIMITS.account.points} attempts came from many addresses; one address alone cannot reach it`, async () => {
    const person = await createUser();
    // One address hammering for a long time adds only its own ten.
    const hammer = newAddress();
    await failTimes(LOGIN_LIMITS.address.points, person.email, hammer);
    expect(await signIn(person.email, PASSWORD, newAddress())).toBe("signed in");

    // The ceiling takes (ceiling / per-pair limit) addresses, each using all its guesses.
    const needed = LOGIN_LIMITS.account.points / LOGIN_LIMITS.accountAddress.points - 1;
    for (let index = 0; index < needed; index += 1) await failTimes(LOGIN_LIMITS.accountAddress.points, person.email, newAddress());
    expect(await signIn(person.email, PASSWORD, newAddress())).toBe(LOGIN_RATE_LIMITED);
  });
});

describe("client address missing (tests, scripts, Next without Cairn's server in front)", () => {
  it("counts every such request as one address, so the limits still hold", async () => {
    const person = await createUser();
    expect(await failTimes(10, person.email)).toEqual(Array.from({ length: 10 }, () => "wrong"));
    expect(await signIn(person.email, PASSWORD)).toBe(LOGIN_RATE_LIMITED);
    expect(await signIn(person.email, PASSWORD, newAddress())).toBe("signed in");
  });

  it("ignores X-Forwarded-For: a client cannot pick the address it is counted under", async () => {
    const person = await createUser();
    const address = newAddress();
    for (let attempt = 0; attempt < 10; attempt += 1) {
      const headers = { [CLIENT_ADDRESS_HEADER]: address, "x-forwarded-for": `203.0.113.${attempt}` };
      expect(await authorize({ email: person.email, password: "wrong guess" }, { headers })).toBeNull();
    }
    await expect(
      authorize({ email: person.email, password: PASSWORD }, { headers: { [CLIENT_ADDRESS_HEADER]: address, "x-forwarded-for": "203.0.113.99" } }),
    ).rejects.toThrow(LOGIN_RATE_LIMITED);
  });
});

describe("what the limiter stores", () => {
  it("lets a person with a 320-character email sign in, and stores no email or address in clear", async () => {
    // 64 + 1 + 255 characters: the longest address the standards allow, and the longest Cairn accepts.
    const label = "d".repeat(63);
    const email = `${"l".repeat(64)}@${label}.${label}.${label}.${"e".repeat(63)}`;
    expect(email).toHaveLength(320);
    const person = await createUser({ email });
    const address = newAddress();
    expect(await signIn(email, "wrong guess", address)).toBe("wrong");
    expect(await signIn(email, PASSWORD, address)).toBe("signed in");
    expect(await db.user.findUniqueOrThrow({ where: { id: person.id } })).toMatchObject({ lastSeenAt: expect.any(Date) });

    const keys = (await db.rateLimit.findMany({ select: { key: true } })).map((row) => row.key);
    expect(keys.length).toBeGreaterThan(0);
    for (const key of keys) expect(key).toMatch(/^[0-9a-f]{64}$/);
    expect(JSON.stringify(keys)).not.toContain("example.test");
  });
});

describe("the limiter's store unreachable", () => {
  afterEach(async () => {
    await db.$executeRaw`ALTER TABLE IF EXISTS rate_limits_unreachable RENAME TO rate_limits`;
  });

  it("refuses sign-in as unavailable, not as too many attempts, and signs nobody in", async () => {
    const person = await createUser();
    await db.$executeRaw`ALTER TABLE rate_limits RENAME TO rate_limits_unreachable`;
    expect(await signIn(person.email, PASSWORD, newAddress())).toBe(LOGIN_UNAVAILABLE);
    expect(await signIn(person.email, "wrong guess", newAddress())).toBe(LOGIN_UNAVAILABLE);
    expect(await db.user.findUniqueOrThrow({ where: { id: person.id } })).toMatchObject({ lastSeenAt: null });
    await db.$executeRaw`ALTER TABLE rate_limits_unreachable RENAME TO rate_limits`;
    expect(await signIn(person.email, PASSWORD, newAddress())).toBe("signed in");
  });
});
