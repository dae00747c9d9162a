import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { createUser } from "@/prisma/factories/users";

describe("isUniqueViolation", () => {
  it("recognises a duplicate from a Prisma query and from a raw statement, and nothing else", async () => {
    const user = await createUser();
    const viaPrisma = await db.user.create({ data: { email: user.email, name: "Twin", passwordHash: "x" } }).catch((error: unknown) => error);
    const other = await createUser();
    const viaRaw = await db.$executeRaw`UPDATE users SET email = ${user.email} WHERE id = ${other.id}::uuid`.catch((error: unknown) => error);
    const failed = await db.$executeRaw`SELECT 1/0`.catch((error: unknown) => error);
    expect(isUniqueViolation(viaPrisma)).toBe(true);
    expect(isUniqueViolation(viaRaw)).toBe(true);
    expect(isUniqueViolation(failed)).toBe(false);
    expect(isUniqueViolation(new Error("duplicate key"))).toBe(false);
  });
});
