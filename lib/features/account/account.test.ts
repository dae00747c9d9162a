// Settings as shipped: the real server actions run as a signed-in person through asUser (the session still goes
// through the database), against a real PostgreSQL.
import { randomUUID } from "node:crypto";
import { beforeEach, describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { getActiveViewer, getViewer } from "@/lib/auth/viewer";
import { db } from "@/lib/db";
import { changePasswordAction, updateProfileAction } from "@/lib/features/account/actions";
import {
  PASSWORD_CHANGE_LIMIT,
  PASSWORDS_DIFFER,
  WRONG_CURRENT_PASSWORD,
} from "@/lib/features/account/constants";
import { getAccountSettings } from "@/lib/features/account/data";
import { updatePortfolioSettingsAction } from "@/lib/features/portfolio/actions";
import { createUser } from "@/prisma/factories/users";
import { asUser } from "@/test/as-viewer";

const PASSWORD = "correct horse battery staple";
const NEW_PASSWORD = "a brand new passphrase";

type User = Awaited<ReturnType<typeof createUser>>;
let person: User;
let other: User;

beforeEach(async () => {
  person = await createUser({ name: "Ada Lovelace" });
  other = await createUser({ name: "Grace Hopper" });
});

const fresh = (user: User) => db.user.findUniqueOrThrow({ where: { id: user.id } });
const auditsOf = (user: User, action: string) => db.auditEvent.findMany({ where: { targetId: user.id, action } });

describe("Settings → Profile", () => {
  it("saves the person's own trimmed name and time zone, with an audit row of what changed", async () => {
    const result = await asUser(person, () => updateProfileAction({ name: "  Ada King  ", timeZone: "Europe/Berlin" }));
    expect(result).toEqual({ ok: true, data: { name: "Ada King", timeZone: "Europe/Berlin" } });
    expect(await fresh(person)).toMatchObject({ name: "Ada King", timeZone: "Europe/Berlin" });
    expect(await fresh(other)).toMatchObject({ name: "Grace Hopper", timeZone: null });
    const [audit] = await auditsOf(person, "user.profile_update");
    expect(audit).toMatchObject({
      actorId: person.id,
      before: { name: "Ada Lovelace", timeZone: null },
      after: { name: "Ada King", timeZone: "Europe/Berlin" },
    });
    // Dates on Settings follow the chosen zone; "" goes back to the cohort's (null), and only that change is audited.
    expect((await getAccountSettings(person.id))?.displayTimeZone).toBe("Europe/Berlin");
    await asUser(person, () => updateProfileAction({ name: "Ada King", timeZone: "" }));
    expect((await fresh(person)).timeZone).toBeNull();
    expect((await auditsOf(person, "user.profile_update")).map((row) => row.after)).toContainEqual({ timeZone: null });
    expect((await getAccountSettings(person.id))?.displayTimeZone).toBe("UTC");
  });

  it("writes no audit row when nothing changed", async () => {
    expect(await asUser(person, () => updateProfileAction({ name: "Ada Lovelace", timeZone: "" }))).toMatchObject({ ok: true });
    expect(await auditsOf(person, "user.profile_update")).toHaveLength(0);
  });

  it.each([
    [{ name: "   ", timeZone: "" }, "name", "Enter your name."],
    [{ name: "x".repeat(101), timeZone: "" }, "name", "Use at most 100 characters."],
    [{ name: "Ada\u0000", timeZone: "" }, "name", "Use one line of plain text"],
    [{ name: "Ada", timeZone: "Mars/Olympus_Mons" }, "timeZone", "Pick a time zone from the list, like Europe/Berlin."],
    [{ name: "Ada", timeZone: "europe/berlin" }, "timeZone", "Pick a time zone from the list, like Europe/Berlin."],
    [{ name: "Ada" }, "timeZone", "Pick a time zone from the list, like Europe/Berlin."],
  ])("refuses %j with a message next to %s and writes nothing", async (input, field, message) => {
    const result = await asUser(person, () => updateProfileAction(input));
    expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(!result.ok && result.fieldErrors?.[field]?.[0]).toContain(message);
    expect(await fresh(person)).toMatchObject({ name: "Ada Lovelace", timeZone: null });
    expect(await auditsOf(person, "user.profile_update")).toHaveLength(0);
  });

  it("edits only the signed-in person: an id in the input is refused", async () => {
    const result = await asUser(person, () => updateProfileAction({ name: "Taken over", timeZone: "", userId: other.id }));
    expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect((await fresh(other)).name).toBe("Grace Hopper");
    expect((await fresh(person)).name).toBe("Ada Lovelace");
  });

  it("a taken portfolio handle gets a clear message, and two people racing for one handle: one wins", async () => {
    await createUser({ handle: "taken-one" });
    expect(await asUser(person, () => updatePortfolioSettingsAction({ handle: "taken-one", isPublic: false }))).toMatchObject({
      ok: false,
      code: "CONFLICT",
      fieldErrors: { handle: ["This handle is taken; choose another."] },
    });
    const handle = `race-${randomUUID().slice(0, 8)}`;
    const results = await Promise.all(
      [person, other].map((user) => asUser(user, () => updatePortfolioSettingsAction({ handle, isPublic: true }))),
    );
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    expect(results.filter((result) => !result.ok)).toEqual([
      expect.objectContaining({ code: "CONFLICT", fieldErrors: { handle: ["This handle is taken; choose another."] } }),
    ]);
    expect(await db.user.count({ where: { handle } })).toBe(1);
  });
});

describe("Settings → Password", () => {
  const change = (overrides: Record<string, unknown> = {}) => ({
    currentPassword: PASSWORD,
    newPassword: NEW_PASSWORD,
    confirmPassword: NEW_PASSWORD,
    ...overrides,
  });

  it("re-hashes, signs out every other session, keeps this one, and audits the change", async () => {
    const before = await fresh(person);
    const stillSignedIn = await asUser(person, async () => {
      const result = await changePasswordAction(change());
      expect(result).toEqual({ ok: true, data: undefined });
      return getViewer();
    });
    expect(stillSignedIn?.id).toBe(person.id);
    const after = await fresh(person);
    expect(after.passwordHash).not.toBe(before.passwordHash);
    expect(after.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(after.passwordHash, NEW_PASSWORD)).toBe(true);
    expect(await verifyPassword(after.passwordHash, PASSWORD)).toBe(false);
    expect(after.sessionVersion).toBe(before.sessionVersion + 1);
    // A session from before (another browser) is refused on its next request.
    expect(await getActiveViewer(person.id, before.sessionVersion)).toBeNull();
    expect(await getActiveViewer(person.id, after.sessionVersion)).not.toBeNull();
    expect(await auditsOf(person, "user.password_change")).toEqual([
      expect.objectContaining({ actorId: person.id, after: { otherSessionsRevoked: true } }),
    ]);
    expect((await fresh(other)).sessionVersion).toBe(other.sessionVersion);
  });

  it("says a wrong current password is wrong and changes nothing", async () => {
    const before = await fresh(person);
    const result = await asUser(person, () => changePasswordAction(change({ currentPassword: "not my password" })));
    expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: { currentPassword: [WRONG_CURRENT_PASSWORD] } });
    expect(await fresh(person)).toMatchObject({ passwordHash: before.passwordHash, sessionVersion: before.sessionVersion });
    expect(await auditsOf(person, "user.password_change")).toHaveLength(0);
  });

  it.each([
    [{ newPassword: "short", confirmPassword: "short" }, "newPassword", "Use at least 8 characters."],
    [{ newPassword: "password123", confirmPassword: "password123" }, "newPassword", "This password is too common; choose another."],
    [{ confirmPassword: "something else entirely" }, "confirmPassword", PASSWORDS_DIFFER],
    [{ currentPassword: "" }, "currentPassword", "Enter your current password."],
    [{ userId: randomUUID() }, "form", ""],
  ])("refuses %j with a message next to %s and changes nothing", async (overrides, field, message) => {
    const before = await fresh(person);
    const result = await asUser(person, () => changePasswordAction(change(overrides)));
    expect(result).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(!result.ok && result.fieldErrors?.[field]?.[0]).toContain(message);
    expect(await fresh(person)).toMatchObject({ passwordHash: before.passwordHash, sessionVersion: before.sessionVersion });
  });

  it("limits wrong current passwords like sign-in, per person", async () => {
    for (let attempt = 0; attempt < PASSWORD_CHANGE_LIMIT.points; attempt += 1) {
      expect(await asUser(person, () => changePasswordAction(change({ currentPassword: `guess ${attempt}` })))).toMatchObject({
        code: "INVALID_INPUT",
      });
    }
    const before = await fresh(person);
    // Even the right password is refused until the window passes; someone else is not affected.
    expect(await asUser(person, () => changePasswordAction(change()))).toMatchObject({ ok: false, code: "RATE_LIMITED" });
    expect((await fresh(person)).passwordHash).toBe(before.passwordHash);
    expect(await asUser(other, () => changePasswordAction(change()))).toMatchObject({ ok: true });
  });

  it("two changes at once with the same current password: one wins, the other changes nothing", async () => {
    // The loser is either refused (its current password is no longer right) or, when the winner finished first,
    // signed out: the winner's change ended every other session, including the loser's.
    const signedOut = (error: unknown) => {
      if (error instanceof Error && error.message === "NEXT_REDIRECT") return { ok: false as const, signedOut: true };
      throw error;
    };
    const [first, second] = await Promise.all(
      ["first new passphrase", "second new passphrase"].map((password) =>
        asUser(person, () => changePasswordAction(change({ newPassword: password, confirmPassword: password }))).catch(signedOut),
      ),
    );
    expect([first, second].filter((result) => result?.ok)).toHaveLength(1);
    const after = await fresh(person);
    expect(after.sessionVersion).toBe(person.sessionVersion + 1);
    const winner = first?.ok ? "first new passphrase" : "second new passphrase";
    expect(await verifyPassword(after.passwordHash, winner)).toBe(true);
  });
});
