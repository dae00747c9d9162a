"use server";

import { parseInput, runAction, type ActionResult } from "@/lib/action-result";
import { requireViewer } from "@/lib/auth/viewer";
import { updatePortfolioSettings } from "@/lib/features/portfolio/mutations";
import { portfolioSettingsSchema } from "@/lib/features/portfolio/schema";

/** Only ever the signed-in person's own settings: the user id comes from the session, never the input. */
export async function updatePortfolioSettingsAction(input: unknown): Promise<ActionResult> {
  return runAction(async () => {
    const viewer = await requireViewer();
    await updatePortfolioSettings(viewer.id, parseInput(portfolioSettingsSchema, input));
    return undefined;
  });
}
