import "server-only";
import { hashPassword } from "@/lib/auth/password";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { NewAccount } from "@/lib/features/users/schema";

/** Creates an instance admin (`npm run admin:create`); the only way in outside demo mode. */
export async function createAdmin(account: NewAccount) {
  const passwordHash = await hashPassword(account.password);
  return db.$transaction(async (tx) => {
    const existing = await tx.user.findUnique({ where: { email: account.email }, select: { id: true } });
    if (existing) throw new AppError("CONFLICT", `A person with the email ${account.email} already exists.`);
    const user = await tx.user.create({
      data: { email: account.email, name: account.name, passwordHash, isAdmin: true },
      select: { id: true, email: true },
    });
    await tx.auditEvent.create({
      data: { action: "user.create_admin", targetType: "user", targetId: user.id, after: { email: user.email, isAdmin: true } },
    });
    return user;
  });
}
