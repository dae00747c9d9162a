import { describe, expect, it } from "vitest";
import { verifyPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import { createAdmin } from "@/lib/features/users/mutations";
import { newAccountSchema } from "@/lib/features/users/schema";

describe("creating the first admin", () => {
  it("stores an argon2id hash of the whole password and records an audit event", async () => {
    const password = "ünïcödé passphrase ".repeat(5);
    const account = newAccountSchema.parse({ email: " Root@Example.ORG ", name: "Root", password });
    const user = await createAdmin(account);
    const stored = await db.user.findUniqueOrThrow({ where: { id: user.id } });
    expect(stored).toMatchObject({ email: "root@example.org", isAdmin: true });
    expect(stored.passwordHash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(stored.passwordHash, password)).toBe(true);
    expect(await verifyPassword(stored.passwordHash, password.slice(0, 72))).toBe(false);
    expect(await db.auditEvent.count({ where: { action: "user.create_admin", targetId: user.id } })).toBe(1);
  });

  it("refuses an email that exists and changes nothing", async () => {
    const account = newAccountSchema.parse({ email: "twice@example.org", name: "Twice", password: "a long enough pass" });
    await createAdmin(account);
    await expect(createAdmin({ ...account, name: "Other" })).rejects.toEqual(
      new AppError("CONFLICT", "A person with the email twice@example.org already exists."),
    );
    expect(await db.user.count({ where: { email: "twice@example.org" } })).toBe(1);
  });

  it.each([
    ["short", "Use at least 8 characters."],
    ["password123", "This password is too common; choose another."],
  ])("rejects the password %j with a clear message", (password, message) => {
    const result = newAccountSchema.safeParse({ email: "x@example.org", name: "X", password });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe(message);
  });

  it("rejects extra fields such as isAdmin", () => {
    const result = newAccountSchema.safeParse({ email: "x@example.org", name: "X", password: "long enough pass", isAdmin: true });
    expect(result.success).toBe(false);
  });
});
