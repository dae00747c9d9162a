import "server-only";
import { db } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { AppError } from "@/lib/errors";
import type { PortfolioSettingsInput } from "@/lib/features/portfolio/schema";

export async function updatePortfolioSettings(userId: string, input: PortfolioSettingsInput) {
  try {
    await db.user.update({ where: { id: userId }, data: { handle: input.handle, portfolioPublic: input.isPublic } });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new AppError("CONFLICT", "This handle is taken; choose another.", { handle: ["This handle is taken; choose another."] });
    }
    throw error;
  }
}
