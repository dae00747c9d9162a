import "server-only";
import { db } from "@/lib/db";
import { AppError } from "@/lib/errors";
import type { PortfolioSettingsInput } from "@/lib/features/portfolio/schema";
import { Prisma } from "@/lib/generated/prisma/client";

export async function updatePortfolioSettings(userId: string, input: PortfolioSettingsInput) {
  try {
    await db.user.update({ where: { id: userId }, data: { handle: input.handle, portfolioPublic: input.isPublic } });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      throw new AppError("CONFLICT", "This handle is taken; choose another.", { handle: ["This handle is taken; choose another."] });
    }
    throw error;
  }
}
